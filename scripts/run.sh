#!/usr/bin/env bash
# Builds FieldScreen and starts it on its built-in defaults: the bundled protocols and the app's
# strings are compiled into the binary, so nothing else is needed. Without arguments it starts an
# interactive rapid screen in English; any arguments are passed to `fieldscreen`, e.g.
#   ./scripts/run.sh interview --protocol adult-trafficking --lang en --respondent-lang ar
#   ./scripts/run.sh protocol list
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-system.sh
cargo build --release --locked -p fieldscreen-cli
if (($#)); then
  exec ./target/release/fieldscreen "$@"
fi
./target/release/fieldscreen protocol list
exec ./target/release/fieldscreen interview --protocol rapid-screen --lang en
