#!/usr/bin/env bash
# The whole test suite: formatting, lints, the check of the bundled protocols and of the app's
# strings, every crate's tests (unit, property, CLI and the real app through WebDriver), and the
# front end in headless Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# One build of everything, then the tests: incremental caches would only double our crates'
# share of target/ (a CI run once stopped on a full disk).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

./scripts/setup-system.sh
# The app embeds the built front end, so it must exist before anything compiles the workspace.
./scripts/build-ui.sh
# JavaScript Automerge, for the interoperability test (and the sync benchmark's reference).
# `npm install`, not `npm ci`: npm 11 leaves cbor-extract's optional platform packages out of
# the lock file, and `npm ci` then refuses it; install still takes the locked versions.
(cd tools/automerge-js && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm install --no-audit --no-fund --silent; })

# (The front-end build itself runs the hard-coded-text check; this shows the check catching
# planted mistakes.)
echo "== hard-coded-text check, self-test"
(cd ui && node scripts/check-strings.mjs --self-test)
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
# One build for every test. A `cargo run -p` or `cargo build -p` of a single package resolves
# that package's features alone and so compiles much of the tree a second time; everything the
# tests run is built here at once instead (the CLI, the app, and the vault's lock_and_hold
# example, which `cargo test` builds when no target kind is named; no crate has doc tests).
# The empty Tauri app is only the cold-start benchmark's yardstick.
tests=(--workspace --exclude fieldscreen-empty-tauri --locked --no-fail-fast)
echo "== cargo test --no-run"
cargo test "${tests[@]}" --no-run
echo "== fieldscreen protocol check screening_protocols/*"
# Wherever the build went (CI may keep it outside the clone, in CARGO_TARGET_DIR).
target_dir=$(cargo metadata --format-version 1 --no-deps --locked | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
"$target_dir/debug/fieldscreen" protocol check screening_protocols/*
echo "== PostgreSQL for the relay's tests"
{ read -r pg_url; read -r pg_data; } < <(./scripts/start-postgres.sh)
export FIELDSCREEN_TEST_POSTGRES="$pg_url" FIELDSCREEN_TEST_POSTGRES_DATA="$pg_data"
# The relay the CLI's and the app's tests run as a process, as it ships: built alone, so on
# plain SQLite (in the workspace build its SQLite is unified with the vault's SQLCipher).
cargo build --quiet --locked -p fieldscreen-relay
echo "== cargo test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo test "${tests[@]}" 2>&1 | tee "$log" || status=1
# The XLSForm conformance run's summary against pyxform (written by its CLI test).
cat "$target_dir/tmp/xlsform-conformance.txt" 2>/dev/null || echo "xlsform conformance: no summary (its test did not run)"
echo "== front end in headless Chromium (screenshots in target/screenshots/ui)"
node ui/tests/screens.mjs 2>&1 | tee -a "$log" || status=1
echo "== protocol check fuzzed for 30 s (scripts/fuzz.sh runs every target for longer)"
FUZZ_TARGETS=protocol_check ./scripts/fuzz.sh 30 || status=1
awk '/^test result:/ { p += $4; f += $6 } /^ui tests:/ { p += $3; f += $5 }
  END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit $status
