#!/usr/bin/env python3
"""Benchmark corpora at several sizes, each with its ground truth.

Usage:  python3 benches/gen_scale.py OUTDIR [NAME ...]

NAME is one of tf-1k tf-10k tf-100k cfn-1k cfn-10k cfn-100k
sources-status-30k sources-status-300k sources-status-3m noagg-100 (default: the
small set tf-1k cfn-1k sources-status-30k noagg-100). Existing outputs are kept.

Terraform and CloudFormation files come from ../shared/bench/gen_corpus.py's own
functions and seeds, so tf-1k, tf-10k, cfn-1k and cfn-10k are byte for byte that
generator's; 100k uses the same functions with its own seed. The sources-status
generator repeats gen_corpus.py's (same random sequence: sources-status-300k.json
is the same file) and also records, per source, the line a finding must point
at: the `LastUpdateStatus` of every source that is not SUCCEEDED (AGG001) and
the `LastUpdateTime` of every SUCCEEDED source older than 24 hours and than 30
days at the snapshot time, the newest update (AGG006). noagg-100 is a repository
of 100 ordinary files with no aggregator at all.

Everything is deterministic: fixed seeds, no clock.
"""
import datetime
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py")
SIZES = {"1k": 1000, "10k": 10000, "100k": 100000, "30k": 30000, "300k": 300000, "3m": 3000000}
SMALL = ["tf-1k", "cfn-1k", "sources-status-30k", "noagg-100"]


def shared_generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", SHARED)
    if spec is None or not os.path.exists(SHARED):
        sys.exit(f"gen_scale.py: {SHARED} is needed for the Terraform and CloudFormation corpora")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def iac(out, kind, label, g):
    n = SIZES[label]
    rng = random.Random(f"{g.SEED}-{kind}-{label}")
    d = os.path.join(out, f"{kind}-{label}")
    os.makedirs(d, exist_ok=True)
    truth = []
    for i in range(n):
        if kind == "tf":
            fn = f"main_{i:05d}.tf"
            text = g.tf_file(i, rng, truth, fn)
        else:
            as_json = i % 2 == 0
            fn = f"tpl_{i:05d}." + ("json" if as_json else "yaml")
            text = g.cfn_template(i, rng, truth, fn, as_json)
        with open(os.path.join(d, fn), "w") as f:
            f.write(text)
    g.write_truth(os.path.join(out, f"{kind}-{label}.ground_truth.json"), truth)


def acct(rng):
    return "%012d" % rng.randrange(10**11, 10**12)


def sources_status(out, label, g):
    """gen_corpus.py's sources_status(), recording the lines findings must point at."""
    n = SIZES[label]
    seed = g.SEED
    rng = random.Random(f"{seed}-status" if label == "300k" else f"{seed}-status-{label}")
    errors = [("AccessDeniedException", "Config is not authorized to access the account or region."),
              ("OrganizationAccessDeniedException", "This action can only be performed if you are a registered delegated administrator for AWS Config with permissions to call ListDelegatedAdministrators API."),
              ("NoAvailableOrganizationException", "Your account is not a member of an organization.")]
    counts = {"SUCCEEDED": 0, "FAILED": 0, "OUTDATED": 0}
    failing = []      # line of LastUpdateStatus, per non-SUCCEEDED source
    succeeded = []    # (update time in microseconds, line of LastUpdateTime)
    newest = None
    line = 3          # the first entry's `{`
    path = os.path.join(out, f"sources-status-{label}.json")
    with open(path, "w") as f:
        f.write('{\n    "AggregatedSourceStatusList": [\n')
        for k in range(n):
            r = rng.random()
            st = "SUCCEEDED" if r < 0.85 else ("FAILED" if r < 0.95 else "OUTDATED")
            counts[st] += 1
            # The draws in gen_corpus.py's order.
            e = {"SourceId": acct(rng) if rng.random() < 0.9 else f"o-{rng.randrange(16**10):010x}",
                 "SourceType": "ACCOUNT" if rng.random() < 0.9 else "ORGANIZATION",
                 "AwsRegion": rng.choice(g.REGIONS),
                 "LastUpdateStatus": st}
            day, hh, mm, ss, us = (rng.randint(1, 10), rng.randrange(24), rng.randrange(60),
                                   rng.randrange(60), rng.randrange(10**6))
            e["LastUpdateTime"] = "2026-03-%02dT%02d:%02d:%02d.%06d+00:00" % (day, hh, mm, ss, us)
            if st != "SUCCEEDED":
                code, msg = rng.choice(errors)
                e["LastErrorCode"] = code
                e["LastErrorMessage"] = msg
            micros = ((((day - 1) * 24 + hh) * 60 + mm) * 60 + ss) * 10**6 + us
            newest = micros if newest is None else max(newest, micros)
            # Lines: `{`, SourceId, SourceType, AwsRegion, LastUpdateStatus, LastUpdateTime, …
            if st == "SUCCEEDED":
                succeeded.append((micros, line + 5))
            else:
                failing.append(line + 4)
            s = json.dumps(e, indent=4)
            line += s.count("\n") + 1
            s = "\n".join("        " + ln for ln in s.split("\n"))
            f.write(s + (",\n" if k < n - 1 else "\n"))
        f.write("    ]\n}\n")
    base = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone.utc)
    now = base + datetime.timedelta(microseconds=newest)
    stale = {}
    for name, hours in (("24h", 24), ("30d", 30 * 24)):
        limit = hours * 3600 * 10**6
        stale[name] = [ln for t, ln in succeeded if newest - t > limit]
    truth = {
        "total": n,
        "by_status": counts,
        "non_succeeded": counts["FAILED"] + counts["OUTDATED"],
        "now": now.isoformat().replace("+00:00", "Z"),
        "stale": {k: len(v) for k, v in stale.items()},
        "non_succeeded_lines": failing,
        "stale_lines": stale,
    }
    with open(os.path.join(out, f"sources-status-{label}.ground_truth.json"), "w") as f:
        json.dump(truth, f)


NOAGG_KINDS = [
    ("tf", lambda i, rng: "".join(
        f'resource "aws_s3_bucket" "b_{i}_{j}" {{\n  bucket = "app-{i}-{j}"\n'
        f'  tags = {{\n    Owner = "team-{rng.randrange(50)}"\n  }}\n}}\n\n' for j in range(40))),
    ("yaml", lambda i, rng: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + "".join(
        f"  Topic{j}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts-{i}-{j}\n"
        for j in range(60))),
    ("json", lambda i, rng: json.dumps({"name": f"app-{i}", "version": "1.0.0", "dependencies": {
        f"pkg-{j}": f"^{rng.randrange(10)}.{rng.randrange(10)}.0" for j in range(150)}}, indent=2) + "\n"),
    ("md", lambda i, rng: "".join(f"## Section {j}\n\nText of file {i}, paragraph {j}.\n\n" for j in range(80))),
]


def noagg(out):
    """100 files of an ordinary repository (Terraform, CloudFormation, JSON, Markdown), no aggregator."""
    rng = random.Random("aggrego-noagg-100")
    d = os.path.join(out, "noagg-100")
    os.makedirs(d, exist_ok=True)
    for i in range(100):
        ext, make = NOAGG_KINDS[i % len(NOAGG_KINDS)]
        with open(os.path.join(d, f"file_{i:03d}.{ext}"), "w") as f:
            f.write(make(i, rng))


def has_lines(out, name):
    """gen_corpus.py's ground truth has counts only; this generator's has the lines too."""
    try:
        with open(os.path.join(out, f"{name}.ground_truth.json")) as f:
            return "non_succeeded_lines" in json.load(f)
    except (OSError, ValueError):
        return False


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    names = sys.argv[2:] or SMALL
    os.makedirs(out, exist_ok=True)
    g = None
    for name in names:
        kind, _, label = name.rpartition("-")
        target = os.path.join(out, name + (".json" if kind == "sources-status" else ""))
        if os.path.exists(target) and (kind != "sources-status" or has_lines(out, name)):
            continue
        print(f"generating {name}", file=sys.stderr)
        if kind in ("tf", "cfn") and label in SIZES:
            g = g or shared_generator()
            iac(out, kind, label, g)
        elif kind == "sources-status" and label in SIZES:
            g = g or shared_generator()
            sources_status(out, label, g)
        elif name == "noagg-100":
            noagg(out)
        else:
            sys.exit(f"gen_scale.py: unknown corpus {name}")


if __name__ == "__main__":
    main()
