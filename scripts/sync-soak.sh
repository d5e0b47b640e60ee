#!/usr/bin/env bash
# The sync simulation on many more seeds than CI runs (default 10,000; CI runs 1,000): devices,
# a relay and a faulty network; every device must converge and keep every committed change. Also
# the slow-link test with 20 batches of about 1 MiB over 1 Mbit/s (CI takes 10).
# ./scripts/sync-soak.sh [SEEDS] [FIRST_SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
SIM_SEEDS=${1:-10000} SIM_FIRST_SEED=${2:-1} SLOW_LINK_BATCHES=20 \
  cargo test --release --locked -p fieldscreen-sync --lib simulation -- --nocapture
