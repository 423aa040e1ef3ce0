#!/usr/bin/env bash
# Tools of the HTML report tests (tests/integration/html_browser.rs), installed when missing:
# Debian's `chromium` (needed), poppler-utils' `pdftotext` (the print test) and npm with
# axe-core (the accessibility test). apt-get needs root; without pdftotext or axe-core the
# tests that need them say so and skip. axe-core goes to $1 (default: target/tmp/browser-tools,
# the integration tests' CARGO_TARGET_TMPDIR).
set -euo pipefail
AXE_CORE=axe-core@4.14.1
tools=${1:-${CARGO_TARGET_DIR:-target}/tmp/browser-tools}

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: $* (Debian packages; installing them needs root)" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${apt_updated:-}" ]; then
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium fonts-dejavu-core
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  apt_install poppler-utils || echo "pdftotext could not be installed: the print test will skip" >&2
fi
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm || echo "npm could not be installed: the accessibility test will skip" >&2
fi
if command -v npm >/dev/null 2>&1 && ! grep -qs "\"version\": \"${AXE_CORE#*@}\"" "$tools/node_modules/axe-core/package.json"; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$AXE_CORE" >/dev/null ||
    echo "npm could not install $AXE_CORE: the accessibility test will skip" >&2
fi
command -v chromium >/dev/null
