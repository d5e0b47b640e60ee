#!/usr/bin/env bash
# Installs the front end's exact dependencies (package-lock.json) and builds it into ui/dist,
# which the Tauri app embeds.
set -euo pipefail
cd "$(dirname "$0")/../ui"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
