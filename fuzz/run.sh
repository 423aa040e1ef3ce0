#!/usr/bin/env bash
# Fuzz every target in turn: `fuzz/run.sh [SECONDS_PER_TARGET]` (default 300).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Seeds are the fixtures and the shared corpus; crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-300}"

# Seed each corpus from the fixtures and the shared corpus (once).
seed() { # target, files...
  local t="$1"; shift
  mkdir -p "corpus/$t"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "corpus/$t/seed-$(printf '%s' "$f" | md5sum | cut -c1-16)"
  done
  return 0
}
shared=../../shared/corpus
shopt -s nullglob globstar
seed aws_cli ../fixtures/**/*.json $shared/awscli/*.json
seed cloudformation ../fixtures/**/*.yaml ../fixtures/**/*cfn*.json $shared/kics/cloudformation/*
seed terraform ../fixtures/**/*.tf $shared/kics/terraform/*.tf
seed terraform_plan ../fixtures/**/*plan*.json
mkdir -p corpus/scan_file
for f in corpus/aws_cli/seed-* corpus/cloudformation/seed-* corpus/terraform/seed-*; do
  case "$f" in
    *aws_cli*) p='\x00' ;; *cloudformation*) p='\x01' ;; *) p='\x02' ;;
  esac
  { printf "$p"; cat "$f"; } > "corpus/scan_file/$(basename "$f")"
done
# verify: evidence packages made from the fixtures, as zip files.
mkdir -p corpus/verify
for f in AGG001 AGG002; do
  [ -f "corpus/verify/seed-$f.zip" ] || cargo run -q --manifest-path ../Cargo.toml -- \
    evidence "../fixtures/$f" --out "corpus/verify/seed-$f.zip" >/dev/null 2>&1 || true
done
for t in aws_cli cloudformation terraform terraform_plan scan_file verify; do
  mkdir -p "corpus/$t"
  echo "== $t (${secs}s)"
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=262144 -print_final_stats=1
done
