#!/usr/bin/env bash
# The whole test suite: formatting, lints, every crate's tests (unit, property and end-to-end),
# and the check of the bundled protocols. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-system.sh
# The app embeds the built front end, so it must exist before anything compiles the workspace.
./scripts/build-ui.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== fieldscreen protocol check screening_protocols/*"
cargo run --quiet --locked -p fieldscreen-cli -- protocol check screening_protocols/*
echo "== cargo test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# There are no doc tests; leaving them out keeps empty "0 passed" runs out of the summary.
cargo test --workspace --locked --lib --bins --tests 2>&1 | tee "$log"
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
