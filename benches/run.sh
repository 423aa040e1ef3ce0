#!/usr/bin/env bash
# Whole-process benchmarks on the generated corpora: wall time, CPU time and peak
# memory of each run, with the findings checked against the corpus ground truth
# (a fast wrong answer fails), and jq, cfn-guard and Checkov on the same jobs
# when they are installed. Usage: benches/run.sh [CORPUS_DIR] [RUNS] [SET]
# SET: small (CI), standard (the published table, default) or scale (growth).
# Needs python3; the corpora are generated on first use (see benches/gen_scale.py).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../bench-corpora}
runs=${2:-3}
set=${3:-standard}
exec python3 benches/bench.py --set "$set" --corpus "$corpus" --runs "$runs" --peers
