#!/usr/bin/env bash
# Builds FieldScreen and opens the app on its built-in defaults: the bundled protocols and
# strings are compiled into it, and the vault is target/demo-vault (the app asks for a new
# passphrase on first use). For trying the tool; real cases belong in the default vault
# location (FIELDSCREEN_VAULT unset when starting the binary yourself).
# On a machine without a display the app runs on a virtual one (Xvfb :77); look at it with
#   import -display :77 -window root screen.png
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-system.sh
./scripts/build-ui.sh
cargo build --release --locked -p fieldscreen-app
export FIELDSCREEN_VAULT="${FIELDSCREEN_VAULT:-$PWD/target/demo-vault}"
echo "Vault: $FIELDSCREEN_VAULT"
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "no display and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  Xvfb :77 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  export DISPLAY=:77
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X77 ] && break; sleep 0.1; done
  echo "No display: the app runs on the virtual display :77."
fi
exec ./target/release/fieldscreen-app
