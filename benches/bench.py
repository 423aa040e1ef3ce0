#!/usr/bin/env python3
"""Whole-process benchmarks of aggrego, checked against the corpora's ground truth.

Usage: python3 benches/bench.py [--set small|standard|scale] [--corpus DIR] [--runs N]
                                [--bin PATH] [--peers] [--markdown FILE]

Each run is timed as a child process (wall clock, CPU = user + system, and peak
resident memory from wait4, so nothing but python3 is needed). The report of
every run is checked against the ground truth: the exact lines of AGG001 and
AGG006 findings on sources-status corpora, the files of AGG003 and AGG004
findings on Terraform and CloudFormation corpora, nothing at all on a
repository without aggregators. Any disagreement exits 1, whatever the timing:
a fast wrong answer cannot pass. With --peers, jq, cfn-guard and Checkov are
timed on the same jobs when they are installed.

Sets: small (CI: tf-1k, cfn-1k, sources-status-30k, noagg-100), standard (the
published table: adds tf-10k, cfn-10k, sources-status-300k), scale (the growth
curves: 1k/10k/100k files and 30k/300k/3M sources).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SETS = {
    "small": ["tf-1k", "cfn-1k", "sources-status-30k", "noagg-100"],
    "standard": ["tf-1k", "tf-10k", "cfn-1k", "cfn-10k", "sources-status-30k",
                 "sources-status-300k", "noagg-100"],
    "scale": ["tf-1k", "tf-10k", "tf-100k", "cfn-1k", "cfn-10k", "cfn-100k",
              "sources-status-30k", "sources-status-300k", "sources-status-3m"],
}
# An export of 3M sources is larger than the default --max-file-size.
BIG = ["--max-file-size", "2GiB"]


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, out_path):
    """Wall, CPU and peak RSS (MB) of one run, and its exit code.

    With GNU time the peak is the command's own. Without it, wait4's figure is
    used, which also counts the pages this harness had when it forked (so small
    commands look bigger than they are); timings and checks are unaffected."""
    with open(out_path, "wb") as out:
        if TIME:
            fd, stats = tempfile.mkstemp(prefix="aggrego-time-")
            os.close(fd)
            t = time.perf_counter()
            code = subprocess.call([TIME, "-f", "%e %U %S %M", "-o", stats, *cmd],
                                   stdout=out, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t
            with open(stats) as f:
                fields = f.read().split()[-4:]
            os.unlink(stats)
            _, user, system, peak_kb = (float(x) for x in fields)
            return wall, user + system, peak_kb / 1024, code
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, p.returncode


def measure(cmd, out_path, runs):
    """Median wall, CPU and peak RSS (MB) of `runs` runs; the last run's exit code."""
    rows = [run_once(cmd, out_path) for _ in range(runs)]
    return (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
            statistics.median(r[2] for r in rows), rows[-1][3])


def measure_pair(a, b, out_path, runs):
    """Median wall, CPU and peak of two commands run alternately; `a`'s report
    is left in `out_path`."""
    rows_a, rows_b = [], []
    for _ in range(runs):
        rows_b.append(run_once(b, out_path + ".floor"))
        rows_a.append(run_once(a, out_path))
    med = lambda rows: (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
                        statistics.median(r[2] for r in rows), rows[-1][3])
    return med(rows_a), med(rows_b)


def by_rule(report):
    out = {}
    for f in report["findings"]:
        out.setdefault(f["rule_id"], []).append(f)
    return out


def check_status(report, truth, max_age):
    rules = by_rule(report)
    got1 = sorted(f["line"] for f in rules.get("AGG001", []))
    got6 = sorted(f["line"] for f in rules.get("AGG006", []))
    want1 = sorted(truth["non_succeeded_lines"])
    want6 = sorted(truth["stale_lines"][max_age])
    others = sorted(set(rules) - {"AGG001", "AGG006"})
    ok = got1 == want1 and got6 == want6 and not others and not report["errors"]
    detail = (f"AGG001 {len(got1)}/{len(want1)}, AGG006 {len(got6)}/{len(want6)} at the lines"
              f" of the ground truth{'' if got1 == want1 and got6 == want6 else ' (DIFFERENT LINES)'}")
    if others or report["errors"]:
        detail += f"; other rules {others}, errors {len(report['errors'])}"
    return ok, detail


def check_iac(report, truth):
    rules = by_rule(report)
    base = lambda p: p.rsplit("/", 1)[-1]
    want3 = sorted(t["file"] for t in truth["all"] if not t["all_regions_ok"])
    want4 = sorted(t["file"] for t in truth["all"] if t["role_arn_missing"])
    got3 = sorted(base(f["file"]) for f in rules.get("AGG003", []))
    got4 = sorted(base(f["file"]) for f in rules.get("AGG004", []))
    ok = got3 == want3 and got4 == want4 and not report["errors"]
    return ok, (f"AGG003 {len(got3)}/{len(want3)}, AGG004 {len(got4)}/{len(want4)},"
                f" errors {len(report['errors'])}")


def check_noagg(report, files):
    # Markdown files are not read during a walk; the others are read and skipped.
    read = sum(1 for f in files if not f.endswith(".md"))
    scanned = report["summary"]["files_scanned"]
    ok = not report["findings"] and not report["errors"] and scanned == read
    return ok, f"{len(report['findings'])} findings, {len(report['errors'])} errors, {scanned}/{read} files read"


def generate(corpus, names):
    shared = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
    missing = [n for n in names if not os.path.exists(os.path.join(corpus, n + (".json" if n.startswith("sources") else "")))]
    # gen_corpus.py writes the 1k, 10k and 300k corpora in one go (about a minute).
    if any(n in ("tf-10k", "cfn-10k", "sources-status-300k") for n in missing) and os.path.exists(shared):
        print(f"generating corpora with {os.path.relpath(shared)} into {corpus}", file=sys.stderr)
        subprocess.run([sys.executable, shared, corpus], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_scale.py"), corpus, *names], check=True)


class Table:
    def __init__(self):
        self.rows = []
        self.failed = False

    def add(self, label, m, check, gate=True):
        """One row; a failed check fails the run unless it is a peer's (`gate` false)."""
        wall, cpu, rss, _ = m
        ok, detail = check if check else (True, "")
        self.failed |= gate and not ok
        self.rows.append((label, wall, cpu, rss, ("" if ok else "MISMATCH: ") + detail))
        t = (lambda x: f"{x * 1000:7.2f} ms") if wall < 0.1 else (lambda x: f"{x:7.3f} s ")
        print(f"{label:<52} wall {t(wall)}  cpu {t(cpu)}  peak {rss:6.0f} MB  {'' if ok else 'MISMATCH '}{detail}",
              flush=True)

    def markdown(self):
        lines = ["| run | wall | CPU | peak RSS | check |", "|---|---|---|---|---|"]
        for label, wall, cpu, rss, detail in self.rows:
            fmt = (lambda t: f"{t * 1000:.1f} ms") if wall < 0.1 else (lambda t: f"{t:.2f} s")
            lines.append(f"| {label} | {fmt(wall)} | {fmt(cpu)} | {rss:.0f} MB | {detail} |")
        return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="small", choices=SETS)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "bench-corpora"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=None, help="aggrego binary (default: build target/release/aggrego)")
    ap.add_argument("--peers", action="store_true", help="also time jq, cfn-guard and Checkov when installed")
    ap.add_argument("--markdown", help="write the table as Markdown to this file")
    args = ap.parse_args()

    names = SETS[args.set]
    corpus = os.path.abspath(args.corpus)
    os.makedirs(corpus, exist_ok=True)
    generate(corpus, names + (["noagg-100"] if "noagg-100" not in names else []))
    binary = args.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT, check=True)
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
        binary = os.path.join(os.path.abspath(target), "release", "aggrego")
    if not os.access(binary, os.X_OK):
        sys.exit(f"no aggrego binary at {binary}")
    tmp = tempfile.mkdtemp(prefix="aggrego-bench-")
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB;"
          f" load {os.getloadavg()[0]:.2f}; runs: {args.runs} (median); peak memory from"
          f" {'GNU time' if TIME else 'wait4 (includes the harness: install GNU time for exact peaks)'}", flush=True)
    table = Table()
    out = os.path.join(tmp, "report.json")
    def report():
        # A run that wrote no report (it crashed, or the binary is missing) is a failure, said plainly.
        try:
            return json.load(open(out))
        except ValueError as e:
            sys.exit(f"aggrego wrote no JSON report ({e}); see: {' '.join(cmd)}")

    for name in names:
        path = os.path.join(corpus, name + (".json" if name.startswith("sources") else ""))
        truth_path = os.path.join(corpus, name + ".ground_truth.json")
        if name.startswith("sources"):
            truth = json.load(open(truth_path))
            extra = BIG if name.endswith("3m") else []
            for max_age in ("30d", "24h"):
                cmd = [binary, "scan", path, "--format", "json", "--max-age", max_age, *extra]
                m = measure(cmd, out, args.runs)
                table.add(f"aggrego {name} --max-age {max_age}", m, check_status(report(), truth, max_age))
            if args.peers and shutil.which("jq"):
                m = measure(["jq", '[.AggregatedSourceStatusList[] | select(.LastUpdateStatus != "SUCCEEDED")] | length', path],
                            out, args.runs)
                n = int(open(out).read().strip() or -1)
                table.add(f"jq count non-SUCCEEDED, {name}", m,
                          (n == truth["non_succeeded"], f"{n}/{truth['non_succeeded']} (count only)"), gate=False)
        elif name == "noagg-100":
            files = sorted(os.path.join(path, f) for f in os.listdir(path))
            cmd = [binary, "scan", path, "--format", "json"]
            # Milliseconds: many runs, interleaved, so both see the same machine.
            runs = max(args.runs, 51)
            ours, floor = measure_pair(cmd, ["cat", *files], out, runs)
            table.add("aggrego noagg-100 (no aggregator)", ours, check_noagg(report(), files))
            table.add("cat noagg-100/* (reading floor)", floor, None)
            print(f"{'':<52} aggrego / cat: {ours[0] / floor[0]:.2f}x (medians of {runs} interleaved runs)",
                  flush=True)
        else:
            truth = json.load(open(truth_path))
            cmd = [binary, "scan", path, "--format", "json"]
            table.add(f"aggrego {name}", measure(cmd, out, args.runs), check_iac(report(), truth))
            if args.peers:
                peers(name, path, truth, out, args.runs, table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table.markdown())
    shutil.rmtree(tmp, ignore_errors=True)
    if table.failed:
        print("benchmark findings disagree with the ground truth", file=sys.stderr)
        sys.exit(1)


GUARD_RULE = """let aggregators = Resources.*[ Type == 'AWS::Config::ConfigurationAggregator' ]
rule all_regions when %aggregators !empty {
  %aggregators.Properties {
    when OrganizationAggregationSource exists { OrganizationAggregationSource.AllAwsRegions == true }
    when AccountAggregationSources exists { AccountAggregationSources[*].AllAwsRegions == true }
  }
}
"""


def peers(name, path, truth, out, runs, table):
    want3 = len({t["file"] for t in truth["all"] if not t["all_regions_ok"]})
    if name.startswith("cfn") and shutil.which("cfn-guard"):
        rule = os.path.join(os.path.dirname(out), "all_regions.guard")
        with open(rule, "w") as f:
            f.write(GUARD_RULE)
        m = measure(["cfn-guard", "validate", "-r", rule, "-d", path, "--show-summary", "fail"], out, runs)
        failing = sum(1 for line in open(out, errors="replace") if "FAIL" in line and "Status" in line)
        table.add(f"cfn-guard 1 rule (all regions), {name}", m,
                  (failing == want3, f"{failing}/{want3} files failing"), gate=False)
    if name.startswith("tf") and shutil.which("checkov") and (name == "tf-1k" or os.environ.get("CHECKOV_10K")):
        m = measure(["checkov", "-d", path, "--check", "CKV_AWS_121", "--framework", "terraform",
                     "-o", "json", "--quiet", "--compact"], out, 1)
        try:
            data = json.load(open(out))
            failed = data.get("results", {}).get("failed_checks", []) if isinstance(data, dict) else []
            files = len({f["file_path"] for f in failed})
        except (ValueError, KeyError):
            files = -1
        table.add(f"Checkov CKV_AWS_121, {name} (1 run)", m, (files == want3, f"{files}/{want3} files failing"), gate=False)


if __name__ == "__main__":
    main()
