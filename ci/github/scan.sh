#!/usr/bin/env bash
# Runs the scan for the action and always succeeds itself: the scan's exit code is
# written to the step's outputs (exit-code), and the action's last step exits with
# it once the SARIF upload and the pull-request comment have run.
#
# Environment:
#   AGGREGO_PATHS    files and folders, separated by spaces or new lines (default .)
#   AGGREGO_FAIL_ON  --fail-on severity (default low)
#   AGGREGO_ARGS     extra flags, separated by spaces
#   AGGREGO_SARIF    `true`: also write aggrego.sarif
#   AGGREGO_COMMENT  `true`: also write aggrego.md (--format markdown)
#   GITHUB_OUTPUT    where the outputs go: exit-code, sarif, markdown
set -uo pipefail

output=${GITHUB_OUTPUT:-/dev/null}
paths=()
read -r -d '' -a paths <<<"${AGGREGO_PATHS:-.}" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)
extra=()
read -r -d '' -a extra <<<"${AGGREGO_ARGS:-}" || true

sarif=aggrego.sarif
markdown=aggrego.md
rm -f "$sarif" "$markdown"

cmd=(aggrego scan --no-progress --fail-on "${AGGREGO_FAIL_ON:-low}" --format human)
if [ "${AGGREGO_SARIF:-true}" = "true" ]; then
  cmd+=(--format "sarif=$sarif")
fi
if [ "${AGGREGO_COMMENT:-false}" = "true" ]; then
  cmd+=(--format "markdown=$markdown")
fi
# ${a[@]+...}: an empty array under `set -u` in bash 3.2 (macOS).
cmd+=(${extra[@]+"${extra[@]}"} -- "${paths[@]}")

echo "+ ${cmd[*]}"
"${cmd[@]}"
code=$?
echo "aggrego exited with $code"

{
  echo "exit-code=$code"
  if [ -s "$sarif" ]; then echo "sarif=$sarif"; fi
  if [ -s "$markdown" ]; then echo "markdown=$markdown"; fi
} >>"$output"
exit 0
