#!/usr/bin/env bash
# Cold start of the app to its first screen (the unlock screen), against an empty Tauri 2 app
# built with the same (release) profile, in one run; prints both medians, the ratio and the
# release binary sizes. Each launch is timed from spawn until the page reports it has drawn its
# first screen (the `ready` command, which quits when FIELDSCREEN_EXIT_WHEN_READY is set).
# Usage: ./scripts/bench-cold-start.sh [launches per app, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"

./scripts/build-ui.sh >/dev/null
cargo build --release --locked -p fieldscreen-app -p fieldscreen-empty-tauri

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :78 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null' EXIT
  export DISPLAY=:78
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X78 ] && break; sleep 0.1; done
fi

vault=$(mktemp -d)
export FIELDSCREEN_VAULT="$vault" FIELDSCREEN_EXIT_WHEN_READY=1

# Milliseconds from spawn to the first screen; a launch that does not report within 30 s fails.
launch() {
  local start end
  start=$(date +%s%N)
  timeout 30 "$1" >/dev/null 2>&1 || { echo "launch of $1 failed or timed out" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The first launch of each warms the page cache and is reported apart.
first_app=$(launch target/release/fieldscreen-app)
first_empty=$(launch target/release/fieldscreen-empty-tauri)
app_times=() empty_times=()
for i in $(seq "$runs"); do
  # Alternate, so that anything else happening on the machine hits both alike.
  app_times+=("$(launch target/release/fieldscreen-app)")
  empty_times+=("$(launch target/release/fieldscreen-empty-tauri)")
  printf '\r%d/%d launches each' "$i" "$runs" >&2
done
echo >&2
app_median=$(printf '%s\n' "${app_times[@]}" | median)
empty_median=$(printf '%s\n' "${empty_times[@]}" | median)
rm -rf "$vault"

size() { stat -c %s "$1"; }
stripped() { strip -o "$2" "$1" && stat -c %s "$2"; }
tmp=$(mktemp)
echo "cold start to the first screen, median of $runs launches (first launch apart):"
echo "  FieldScreen app:   ${app_median} ms   (first ${first_app} ms; all: ${app_times[*]})"
echo "  empty Tauri 2 app: ${empty_median} ms   (first ${first_empty} ms; all: ${empty_times[*]})"
awk -v a="$app_median" -v e="$empty_median" 'BEGIN { printf "  ratio app / empty: %.2f\n", a / e }'
echo "release binary size:"
echo "  fieldscreen-app:        $(size target/release/fieldscreen-app) bytes ($(stripped target/release/fieldscreen-app "$tmp") stripped)"
echo "  fieldscreen-empty-tauri: $(size target/release/fieldscreen-empty-tauri) bytes ($(stripped target/release/fieldscreen-empty-tauri "$tmp") stripped)"
rm -f "$tmp"
