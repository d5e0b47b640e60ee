#!/usr/bin/env bash
# Installs the Debian packages FieldScreen needs to build and test, if they are missing.
# Safe to run again; does nothing when everything is there.
set -euo pipefail

# Rust toolchain helpers, SQLCipher's vendored OpenSSL build (perl, make), what Tauri 2 needs on
# Linux (WebKitGTK 4.1 and friends), and for the app's tests: a virtual display, WebKit's
# WebDriver, Chromium for the front-end tests, fonts for Arabic, Cyrillic and CJK text, and
# PostgreSQL for the relay's shared-database backend, libfaketime for the backoff test.
packages=(build-essential pkg-config perl make libwebkit2gtk-4.1-dev librsvg2-dev libssl-dev
  xvfb webkit2gtk-driver chromium fonts-noto-core fonts-noto-cjk postgresql libfaketime)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# An independent SQLCipher 4 client for the interoperability test.
if ! python3 -c "import sqlcipher3" >/dev/null 2>&1; then
  echo "Installing the sqlcipher3 Python package"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "sqlcipher3==0.6.4"
fi

# pyxform, the reference XLSForm converter: the oracle of the XLSForm tests and benchmark.
if ! python3 -c "import pyxform" >/dev/null 2>&1; then
  echo "Installing the pyxform Python package"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "pyxform==4.5.0"
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not installed: install Node.js 20 or newer." >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is not installed: install Rust (https://rustup.rs), version 1.90 or newer." >&2
  exit 1
fi

# The WebDriver bridge between the end-to-end tests and the app (pinned: without a version,
# cargo may pick a pre-release).
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "Installing tauri-driver 2.1.0"
  cargo install --quiet --locked tauri-driver --version 2.1.0
fi
