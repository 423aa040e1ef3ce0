#!/usr/bin/env bash
# Whole-process benchmarks on the generated corpora: wall time, CPU time and peak
# memory of each run, with the findings checked against the corpus ground truth
# (a fast wrong answer fails). Usage: benches/run.sh [CORPUS_DIR] [RUNS]
# Needs python3 (corpus generator and checks) and GNU time; jq is compared if present.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-bench-corpora}
runs=${2:-3}
gen=../shared/bench/gen_corpus.py

if [ ! -f "$corpus/sources-status-300k.json" ]; then
  echo "generating corpora into $corpus (about a minute)"
  python3 "$gen" "$corpus" >/dev/null
fi
cargo build --release --locked -q
bin=target/release/aggrego
timer=/usr/bin/time
[ -x "$timer" ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

# measure LABEL OUT -- CMD...: median wall of $runs runs, with CPU and peak RSS.
measure() {
  local label=$1 out=$2; shift 3
  local rows=()
  for _ in $(seq "$runs"); do
    "$timer" -f "%e %U %S %M" -o /tmp/aggrego-bench.time "$@" >"$out" 2>/dev/null || true
    rows+=("$(tail -n 1 /tmp/aggrego-bench.time)")
  done
  printf '%s\n' "${rows[@]}" | sort -n | awk -v label="$label" -v n="$runs" '
    { w[NR]=$1; c[NR]=$2+$3; m[NR]=$4 }
    END { i=int((n+1)/2); printf "%-48s wall %6.2f s  cpu %6.2f s  peak %6.0f MB\n", label, w[i], c[i], m[i]/1024 }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); runs: $runs (median)"

s300k=$corpus/sources-status-300k.json
measure "aggrego sources-status-300k (all policies)" /tmp/aggrego-300k.json -- \
  "$bin" scan "$s300k" --format json
measure "aggrego sources-status-300k (--max-age 30d)" /tmp/aggrego-300k-30d.json -- \
  "$bin" scan "$s300k" --format json --max-age 30d
python3 - "$corpus/sources-status-300k.ground_truth.json" /tmp/aggrego-300k.json <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
failing = sum(1 for f in report["findings"] if f["rule_id"] == "AGG001")
ok = failing == truth["non_succeeded"] and not report["errors"]
print(f"  check: AGG001 findings {failing} / ground truth non-SUCCEEDED {truth['non_succeeded']}: {'OK' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
PY
# IaC corpora: AGG003 (not all regions) and AGG004 (role ARN missing) must match the
# ground truth exactly, aggregator by aggregator.
for c in tf-1k tf-10k cfn-1k cfn-10k; do
  [ -d "$corpus/$c" ] || continue
  measure "aggrego $c" "/tmp/aggrego-$c.json" -- "$bin" scan "$corpus/$c" --format json
  python3 - "$corpus/$c.ground_truth.json" "/tmp/aggrego-$c.json" "$c" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
kind = sys.argv[3]
def key(f):
    return f["file"].rsplit("/", 1)[-1]
want3 = sorted(key({"file": t["file"]}) for t in truth["all"] if not t["all_regions_ok"])
want4 = sorted(key({"file": t["file"]}) for t in truth["all"] if t["role_arn_missing"])
got3 = sorted(key(f) for f in report["findings"] if f["rule_id"] == "AGG003")
got4 = sorted(key(f) for f in report["findings"] if f["rule_id"] == "AGG004")
ok = got3 == want3 and got4 == want4 and not report["errors"]
print(f"  check: AGG003 {len(got3)}/{len(want3)} not-all-regions, AGG004 {len(got4)}/{len(want4)} missing role ARN,"
      f" errors {len(report['errors'])}: {'OK' if ok else 'MISMATCH'}")
sys.exit(0 if ok else 1)
PY
done

if command -v jq >/dev/null 2>&1; then
  measure "jq: count non-SUCCEEDED sources" /tmp/jq-300k.txt -- \
    jq '[.AggregatedSourceStatusList[] | select(.LastUpdateStatus != "SUCCEEDED")] | length' "$s300k"
  echo "  jq says: $(cat /tmp/jq-300k.txt)"
fi
