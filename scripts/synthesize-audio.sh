#!/usr/bin/env bash
# Synthesises the clips a protocol's self-answer questions lack a recording for, offline, with
# espeak-ng, encoded as Opus: screening_protocols/<id>/audio/<lang>/synthetic/<message-key>.opus.
# A recorded clip (audio/<lang>/<message-key>.opus, by a person) always wins: its message is
# not listed by `protocol audio-plan`, so nothing here overwrites or shadows it. The app tells
# the respondent and the interviewer when a clip is synthetic.
#
# Usage: scripts/synthesize-audio.sh screening_protocols/<id>
# Needs (at authoring time only): apt-get install espeak-ng opus-tools
set -euo pipefail
dir=${1:?usage: scripts/synthesize-audio.sh screening_protocols/<id>}
bin=${FIELDSCREEN_BIN:-target/debug/fieldscreen}
for tool in espeak-ng opusenc; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install espeak-ng opus-tools" >&2; exit 1; }
done
[ -x "$bin" ] || cargo build --quiet --locked -p fieldscreen-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plan="$tmp/plan.tsv"
"$bin" protocol audio-plan "$dir" > "$plan"
total=$(wc -l < "$plan")
n=0
while IFS=$'\t' read -r lang key text; do
  n=$((n + 1))
  out="$dir/audio/$lang/synthetic/$key.opus"
  mkdir -p "$(dirname "$out")"
  # A slightly slow voice: the listener may be tired, frightened, or hearing a second language.
  espeak-ng -v "$lang" -s 140 -w "$tmp/clip.wav" -- "$text"
  # Mono speech at 16 kbit/s: a few kilobytes a question, clear enough on a cheap phone.
  opusenc --quiet --bitrate 16 --downmix-mono "$tmp/clip.wav" "$out"
  printf '\r%d/%d %s' "$n" "$total" "$out" >&2
done < "$plan"
printf '\n%d clip(s) written under %s/audio\n' "$total" "$dir" >&2
