#!/usr/bin/env bash
# The Python environment tests/integration/collect.rs needs: the real AWS CLI v1, moto's server,
# shellcheck and the tree-sitter grammars, at the versions pinned beside this file.
#
# Usage: tests/mock_aws/setup.sh [VENV]    (default: ${CARGO_TARGET_DIR:-target}/test-venv)
#
# An existing environment is reused when it was completed from the same pins; otherwise
# it is built afresh. Concurrent runs wait for each other (flock, where there is one).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target="$root/$target" ;; esac
venv=${1:-$target/test-venv}
python=${PYTHON:-python3}

mkdir -p "$(dirname "$venv")"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$venv.lock"
  flock 9
fi

stamp="$venv/.aggrego-complete"
want=$(cat "$here/requirements.txt" "$here/constraints.txt" | cksum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "test environment ready: $venv"
  exit 0
fi

echo "== creating the test environment in $venv"
rm -rf "$venv"
if ! "$python" -m venv "$venv"; then
  # Debian's python3 without python3-venv: virtualenv from PyPI does the same.
  rm -rf "$venv"
  "$python" -m pip install --user --quiet virtualenv==21.15.7
  "$python" -m virtualenv --quiet "$venv"
fi
"$venv/bin/python" -m pip install --no-input --disable-pip-version-check \
  -r "$here/requirements.txt" -c "$here/constraints.txt"

# Fail here, not in a test, when something did not install.
"$venv/bin/aws" --version
"$venv/bin/shellcheck" --version | head -n 2
"$venv/bin/python" -c 'import moto.moto_server.werkzeug_app, tree_sitter_bash, tree_sitter_powershell'

echo "$want" >"$stamp"
echo "test environment ready: $venv"
