#!/usr/bin/env bash
# Puts aggrego on PATH for the steps after this one (the action's first step).
#
# A release: downloads aggrego-X.Y.Z-<target>.tar.gz (.zip on Windows) for the
# runner's OS and architecture with the release's SHA256SUMS, refuses an archive
# whose SHA-256 is not the one listed, and unpacks the binary.
# A build (AGGREGO_BUILD=true): `cargo install --locked --path` of the action's checkout.
#
# Environment:
#   AGGREGO_VERSION      release tag (vX.Y.Z) or `latest` (default)
#   AGGREGO_BUILD        `true` to build instead of downloading
#   AGGREGO_REPO         owner/name of the releases (default aggrego/aggrego)
#   AGGREGO_RELEASES_URL where release files are: <url>/<tag>/<file>
#                        (default https://github.com/$AGGREGO_REPO/releases/download)
#   AGGREGO_TARGET       the target triple, instead of the runner's
#   AGGREGO_INSTALL_DIR  where the binary goes (default $RUNNER_TEMP/aggrego/bin)
#   GH_TOKEN             for `gh` when resolving `latest`
set -euo pipefail

fail() {
  echo "::error title=aggrego install::$*" >&2
  exit 1
}

repo=${AGGREGO_REPO:-aggrego/aggrego}
version=${AGGREGO_VERSION:-latest}
base=${AGGREGO_RELEASES_URL:-https://github.com/$repo/releases/download}
tmp_root=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
root=$(cd "$tmp_root" && pwd)/aggrego
dest=${AGGREGO_INSTALL_DIR:-$root/bin}
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}

add_to_path() {
  if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$1" >>"$GITHUB_PATH"
  fi
  export PATH="$1:$PATH"
}

if [ "${AGGREGO_BUILD:-false}" = "true" ]; then
  echo "Building aggrego from $action_path"
  cargo install --locked --path "$action_path" --root "$root"
  add_to_path "$root/bin"
  "$root/bin/aggrego" --version
  exit 0
fi

# The target triple of the release archive this runner can run.
target=${AGGREGO_TARGET:-}
if [ -z "$target" ]; then
  os=${RUNNER_OS:-$(uname -s)}
  arch=${RUNNER_ARCH:-$(uname -m)}
  case "$arch" in
    X64 | x86_64 | amd64) cpu=x86_64 ;;
    ARM64 | aarch64 | arm64) cpu=aarch64 ;;
    *) fail "no release archive for the $arch architecture; set build: true" ;;
  esac
  case "$os" in
    Linux) target=$cpu-unknown-linux-musl ;;
    macOS | Darwin) target=$cpu-apple-darwin ;;
    # Windows on ARM runs the x86_64 binary.
    Windows | MINGW* | MSYS* | CYGWIN*) target=x86_64-pc-windows-msvc ;;
    *) fail "no release archive for $os; set build: true" ;;
  esac
fi

if [ "$version" = "latest" ]; then
  if command -v gh >/dev/null 2>&1 && [ -n "${GH_TOKEN:-}" ]; then
    version=$(gh release view --repo "$repo" --json tagName --jq .tagName) ||
      fail "cannot find the latest release of $repo"
  else
    url=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "https://github.com/$repo/releases/latest") ||
      fail "cannot find the latest release of $repo"
    version=${url##*/}
  fi
fi
case "$version" in
  v[0-9]*.[0-9]*.[0-9]*) ;;
  *) fail "version '$version' is not a release tag (vX.Y.Z) or 'latest'" ;;
esac

case "$target" in
  *windows*) ext=zip exe=aggrego.exe ;;
  *) ext=tar.gz exe=aggrego ;;
esac
archive="aggrego-${version#v}-$target.$ext"

work=$(mktemp -d "$root.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Downloading $archive ($version)"
curl -fsSL --retry 3 -o "$work/$archive" "$base/$version/$archive" ||
  fail "cannot download $base/$version/$archive"
curl -fsSL --retry 3 -o "$work/SHA256SUMS" "$base/$version/SHA256SUMS" ||
  fail "cannot download $base/$version/SHA256SUMS"

expected=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$work/SHA256SUMS")
[ -n "$expected" ] || fail "$archive is not listed in SHA256SUMS of $version"
if command -v sha256sum >/dev/null 2>&1; then
  actual=$(sha256sum "$work/$archive" | awk '{ print $1 }')
else
  actual=$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')
fi
if [ "$actual" != "$expected" ]; then
  fail "checksum mismatch for $archive: SHA256SUMS lists $expected, the download is $actual; not installed"
fi
echo "SHA-256 verified: $actual"

mkdir -p "$dest"
case "$ext" in
  tar.gz) tar -xzf "$work/$archive" -C "$dest" "$exe" ;;
  zip)
    if command -v unzip >/dev/null 2>&1; then
      unzip -o -q "$work/$archive" "$exe" -d "$dest"
    else
      7z x -y -o"$dest" "$work/$archive" "$exe" >/dev/null
    fi
    ;;
esac
add_to_path "$dest"
"$dest/$exe" --version
