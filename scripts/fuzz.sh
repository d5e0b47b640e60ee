#!/usr/bin/env bash
# Runs the fuzz targets (the relay's request handling, the client's batch decoding, the
# membership log, protocol check on anything) for SECONDS each (default 120) and prints how many
# executions ran clean; FUZZ_TARGETS picks some. Exits non-zero if any target found a crash
# (its input is left in fuzz/artifacts/). CI runs protocol_check for a short while.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets this machine's stable toolchain
# provide them.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-120}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz --version 0.13.2
export RUSTC_BOOTSTRAP=1
for target in ${FUZZ_TARGETS:-relay_request batch_decode membership_log protocol_check}; do
  # protocol_check is a fuzz project of its own: it needs only the catalog built for fuzzing.
  dir=.
  [ "$target" = protocol_check ] && dir=protocol_check
  mkdir -p "$dir/corpus/$target"
  cp -n seeds/$target/* "$dir/corpus/$target/" 2>/dev/null || true
  echo "== $target for $seconds s"
  log=$(mktemp)
  if ! cargo fuzz run --fuzz-dir "$dir" -O "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 >"$log" 2>&1; then
    failed=1
    tail -40 "$log"
  fi
  grep -E "^Done|ERROR|panicked" "$log" || true
  rm -f "$log"
done
exit "${failed:-0}"
