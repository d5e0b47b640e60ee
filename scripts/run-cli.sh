#!/usr/bin/env bash
# Builds FieldScreen and starts it on its built-in defaults: the bundled protocols and strings are
# compiled into the binary, and a demo vault is created on first use in target/demo-vault with
# the published passphrase "demo vault passphrase, not secret" — for trying the tool, never for real cases.
# Without arguments it starts an interactive rapid screen in English; any arguments are passed
# to `fieldscreen`, e.g.
#   ./scripts/run.sh interview --protocol adult-trafficking --lang en --respondent-lang ar
#   ./scripts/run.sh cases list
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-system.sh
cargo build --release --locked -p fieldscreen-cli
export FIELDSCREEN_VAULT="${FIELDSCREEN_VAULT:-$PWD/target/demo-vault}"
if [ "$FIELDSCREEN_VAULT" = "$PWD/target/demo-vault" ]; then
  export FIELDSCREEN_PASSPHRASE="${FIELDSCREEN_PASSPHRASE:-demo vault passphrase, not secret}"
  if [ ! -e "$FIELDSCREEN_VAULT/vault.key" ]; then
    ./target/release/fieldscreen vault init
  fi
  echo "Demo vault: $FIELDSCREEN_VAULT (passphrase: demo vault passphrase, not secret). Not for real cases."
fi
if (($#)); then
  exec ./target/release/fieldscreen "$@"
fi
./target/release/fieldscreen protocol list
exec ./target/release/fieldscreen interview --protocol rapid-screen --lang en
