#!/usr/bin/env bash
# The crash test at soak strength: SIGKILL scripted interviews N times (default 1,000) and check
# after every kill that the vault opens and every acknowledged answer is there.
#   ./scripts/crash-soak.sh 5000
# FIELDSCREEN_CRASH_SEED=<number> repeats a particular sequence of kill times.
set -euo pipefail
cd "$(dirname "$0")/.."
FIELDSCREEN_CRASH_KILLS="${1:-1000}" cargo test --locked -p fieldscreen-cli --test cli \
  every_acknowledged_answer_survives_sigkill -- --nocapture
