#!/usr/bin/env bash
# Builds and opens the FieldScreen app (work in progress: see issue "The FieldScreen app").
# On a machine without a display it starts a virtual one (Xvfb) so the app can still run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-system.sh
./scripts/build-ui.sh
cargo build --locked -p fieldscreen-app
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no display and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 &
  export DISPLAY=:77
  sleep 1
fi
exec ./target/debug/fieldscreen-app
