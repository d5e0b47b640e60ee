#!/usr/bin/env bash
# The whole test suite: formatting, lints, every crate's tests (unit, property and end-to-end),
# and the check of the bundled protocols. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-system.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== fieldscreen protocol check screening_protocols/*"
cargo run --quiet --locked -p fieldscreen-cli -- protocol check screening_protocols/*
