#!/usr/bin/env bash
# Posts the Markdown report as a pull-request comment, or updates the one posted
# before: one comment per pull request, found by the marker on its first line.
#
# Environment:
#   AGGREGO_MARKDOWN   the report (default aggrego.md)
#   AGGREGO_PR         the pull request's number
#   GITHUB_EVENT_NAME  only pull_request and pull_request_target events comment
#   GITHUB_REPOSITORY  owner/name
#   GH_TOKEN           for `gh api` (pull-requests: write)
set -euo pipefail

marker='<!-- aggrego -->'
# GitHub refuses a comment longer than 65,536 characters.
limit=60000
report=${AGGREGO_MARKDOWN:-aggrego.md}

case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target) ;;
  *)
    echo "Not a pull request (${GITHUB_EVENT_NAME:-no event}): no comment."
    exit 0
    ;;
esac
pr=${AGGREGO_PR:-}
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}
[ -n "$pr" ] || {
  echo "No pull-request number: no comment."
  exit 0
}
[ -f "$report" ] || {
  echo "::error title=aggrego comment::no report at $report"
  exit 1
}

body=$(mktemp)
trap 'rm -f "$body"' EXIT
{
  echo "$marker"
  if [ "$(wc -c <"$report")" -gt "$limit" ]; then
    head -c "$limit" "$report"
    printf '\n\n*The report was cut to fit in a comment: the full report is in the job log and the SARIF upload.*\n'
  else
    cat "$report"
  fi
} >"$body"

ids=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id")
existing=${ids%%$'\n'*}

if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$repo/issues/comments/$existing" -F "body=@$body" >/dev/null
  echo "Updated the aggrego comment ($existing) on #$pr."
else
  gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$body" >/dev/null
  echo "Posted the aggrego comment on #$pr."
fi
