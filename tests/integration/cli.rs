//! End to end: the `aggrego` binary, its formats, exit codes and bad inputs.

use crate::common;

use assert_cmd::Command;
use predicates::str::contains;
use std::path::Path;

const NOW: &str = "2026-11-23T15:00:00Z";

fn aggrego() -> Command {
    let mut c = Command::cargo_bin("aggrego").expect("binary");
    c.env_remove("NO_COLOR").current_dir(common::root());
    c
}

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = aggrego()
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), v)
}

#[test]
fn json_report_shape() {
    let (code, v) = json(&["fixtures/AGG001", "--now", NOW]);
    assert_eq!(code, 1);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "errors",
            "findings",
            "now",
            "now_source",
            "provenance",
            "scope",
            "summary",
            "tool"
        ]
    );
    assert_eq!(v["tool"]["name"], "aggrego");
    assert_eq!(v["now"], NOW);
    assert_eq!(v["now_source"], "flag");
    assert_eq!(
        v["summary"]["files_scanned"], 4,
        "expected.json is read too"
    );
    assert_eq!(v["summary"]["findings"], 5);
    assert_eq!(v["summary"]["suppressed"], 0);
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(
        v["summary"]["by_severity"],
        serde_json::json!({"medium": 5})
    );
    let f = &v["findings"][0];
    let keys: Vec<&str> = f.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "column",
            "end_column",
            "end_line",
            "file",
            "line",
            "message",
            "references",
            "remediation",
            "resource",
            "rule_id",
            "severity",
            "suppressed",
            "title"
        ]
    );
    assert_eq!(f["rule_id"], "AGG001");
    assert_eq!(f["file"], "fixtures/AGG001/positive1.json");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(14), Some(33))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(14), Some(40))
    );
    assert_eq!(
        f["resource"],
        serde_json::json!({"aggregator": null, "account": "111122223333", "region": "eu-west-1"})
    );
    assert_eq!(f["references"][0], "Config-006");
    // Sorted by file, line, column.
    let locs: Vec<(String, u64, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = locs.clone();
    sorted.sort();
    assert_eq!(locs, sorted);
}

#[test]
fn output_is_byte_identical_across_runs() {
    let run = || {
        aggrego()
            .args([
                "scan",
                "fixtures",
                "../shared/corpus/awscli",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout
    };
    let a = run();
    assert!(a.len() > 1000);
    assert_eq!(a, run());
}

#[test]
fn exit_codes_follow_fail_on() {
    let code = |extra: &[&str]| {
        aggrego()
            .args(["scan", "fixtures/AGG001", "--now", NOW, "--format", "json"])
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(&[]), Some(1)); // default: low
    assert_eq!(code(&["--fail-on", "medium"]), Some(1));
    assert_eq!(code(&["--fail-on", "high"]), Some(0));
    assert_eq!(code(&["--fail-on", "never"]), Some(0));
    let negative = aggrego()
        .args(["scan", "fixtures/AGG001/negative1.json", "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(negative.status.code(), Some(0));
    // Errors win: exit 2, and the findings are still reported.
    let (code, v) = json(&[
        "fixtures/AGG001",
        "fixtures/_errors/truncated.json",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 2);
    assert_eq!(v["summary"]["findings"], 5);
    assert_eq!(v["errors"][0]["file"], "fixtures/_errors/truncated.json");
    assert_eq!(v["errors"][0]["line"], 5);
}

#[test]
fn human_output_has_snippet_label_help_and_summary() {
    let out = aggrego()
        .args(["scan", "fixtures/AGG001/positive1.json", "--now", NOW])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("AGG001 (medium)"), "{text}");
    assert!(
        text.contains("fixtures/AGG001/positive1.json:14:"),
        "{text}"
    );
    assert!(text.contains(r#""LastUpdateStatus": "FAILED","#), "{text}");
    assert!(text.contains("help: Authorize the aggregator"), "{text}");
    assert!(text.contains("aws configservice put-aggregation-authorization --authorized-account-id <unknown> --authorized-aws-region <unknown> --region eu-west-1"), "{text}");
    assert!(text.lines().last().unwrap().starts_with("aggrego: 4 findings (4 medium), 0 errors, 1 file scanned; snapshot time 2026-11-23T15:00:00Z (from --now)"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
    let colored = aggrego()
        .args([
            "scan",
            "fixtures/AGG001/positive1.json",
            "--now",
            NOW,
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&colored.stdout).contains('\u{1b}'));
}

#[test]
fn output_file_is_written_and_unwritable_fails_first() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    aggrego()
        .args([
            "scan",
            "fixtures/AGG009/pages",
            "--format",
            "json",
            "--output",
        ])
        .arg(&report)
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let agg009 = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "AGG009")
        .count();
    assert_eq!(agg009, 2);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    aggrego()
        .args([
            "scan",
            "fixtures/AGG009/pages",
            "--output",
            "/nonexistent-dir/r.json",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cannot write the report there"));
}

#[test]
fn context_from_flags_and_file_names() {
    let dir = tempfile::tempdir().unwrap();
    // The status file is named after an aggregator described in the same scan.
    std::fs::copy(
        common::corpus().join("awscli/10-describe-us-east-1.json"),
        dir.path().join("aggregators.json"),
    )
    .unwrap();
    std::fs::copy(
        common::corpus().join("awscli/50-sources-status-fake-wire.json"),
        dir.path().join("sources-status-acct-filtered.json"),
    )
    .unwrap();
    let p = dir.path().to_str().unwrap();
    let (_, v) = json(&[p, "--now", NOW]);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "AGG001")
        .unwrap()
        .clone();
    assert_eq!(f["resource"]["aggregator"], "acct-filtered");
    assert!(f["message"]
        .as_str()
        .unwrap()
        .starts_with("aggregator acct-filtered: account 111122223333 in eu-west-1 is FAILED"));
    assert!(
        f["remediation"].as_str().unwrap().contains("--authorized-account-id 123456789012 --authorized-aws-region us-east-1 --region eu-west-1"),
        "{}",
        f["remediation"]
    );
    // --aggregator and --region name what the file does not.
    let (_, v) = json(&[
        "../shared/corpus/awscli/50-sources-status-fake-wire.json",
        "--aggregator",
        "org-aggregator",
        "--region",
        "eu-central-1",
        "--now",
        NOW,
    ]);
    let f = &v["findings"][0];
    assert_eq!(f["resource"]["aggregator"], "org-aggregator");
    assert!(f["remediation"]
        .as_str()
        .unwrap()
        .contains("--authorized-aws-region eu-central-1"));
}

#[test]
fn snapshot_time_defaults_to_newest_timestamp() {
    let (_, v) = json(&["../shared/corpus/awscli/50-sources-status-fake-wire.json"]);
    assert_eq!(v["now_source"], "snapshot");
    assert_eq!(v["now"], "2026-11-23T14:35:58.123Z");
    let (_, v) = json(&["fixtures/AGG002/listings"]);
    assert_eq!(v["now_source"], "clock");
    // A snapshot's capture time wins over its newest timestamp; --now over both.
    let (_, v) = json(&["fixtures/AGG007/organization"]);
    assert_eq!(v["now_source"], "manifest");
    assert_eq!(v["now"], "2026-11-30T12:00:00Z");
    let (_, v) = json(&[
        "fixtures/AGG007/organization",
        "--now",
        "2026-12-01T00:00:00Z",
    ]);
    assert_eq!(v["now_source"], "flag");
}

#[test]
fn expectation_flags() {
    // Accounts and regions to expect, from flags: the blind spots follow them.
    let (code, v) = json(&[
        "fixtures/AGG007/observed",
        "--expect-regions",
        "us-east-1,eu-west-1",
        "--expect-accounts",
        "fixtures/AGG007/expected-by-flag/expected-accounts.txt",
        "--only-rule",
        "AGG007",
    ]);
    assert_eq!(code, 1);
    let msgs: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // 333333333333 reports from both expected regions; eu-central-1 is not expected.
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("account 222222222222 (dev) has no source status in 1 of its 2 expected region(s): eu-west-1"), "{msgs:?}");
    assert_eq!(
        v["findings"][0]["file"],
        "fixtures/AGG007/expected-by-flag/expected-accounts.txt"
    );
    // A bad region code stops the run before scanning.
    aggrego()
        .args([
            "scan",
            "fixtures/AGG007/observed",
            "--expect-regions",
            "us-east-1,mars-1",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`mars-1` is not an AWS region code",
        ));
    // An unreadable or malformed list is a located error, the scan still runs.
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("accounts.txt");
    std::fs::write(&list, "222222222222\nnot-an-account\n").unwrap();
    let (code, v) = json(&[
        "fixtures/AGG007/observed",
        "--expect-accounts",
        list.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(v["errors"][0]["line"], 2);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule_id"] == "AGG007"));
    let (code, v) = json(&[
        "fixtures/AGG007/observed",
        "--expect-accounts",
        "no/such/file.txt",
    ]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read the --expect-accounts file"));
}

#[test]
fn bad_flags_exit_2() {
    aggrego()
        .args(["scan", "--now", "tomorrow"])
        .assert()
        .code(2)
        .stderr(contains("--now"));
    aggrego()
        .args(["scan", "--max-age", "soon"])
        .assert()
        .code(2)
        .stderr(contains("--max-age"));
    aggrego().args(["scan", "--format", "pdf"]).assert().code(2);
    // Sizes, durations and regions are parsed by the command line, naming the flag.
    for (flag, value) in [
        ("--max-file-size", "lots"),
        ("--policy-timeout", "a while"),
        ("--expect-regions", "us-east-1,mars-1"),
    ] {
        aggrego()
            .args(["scan", "fixtures/AGG003", flag, value])
            .assert()
            .code(2)
            .stderr(contains(flag));
    }
    aggrego()
        .args(["evidence", "verify", "x.zip", "--max-package-size", "huge"])
        .assert()
        .code(2)
        .stderr(contains("--max-package-size"));
    // An empty entry in a region list is passed over, as before.
    aggrego()
        .args([
            "scan",
            "fixtures/AGG003/positive3.tf",
            "--expect-regions",
            "us-east-1,,eu-west-1,",
        ])
        .assert()
        .code(1);
    aggrego()
        .args(["scan", "does/not/exist"])
        .assert()
        .code(2)
        .stdout(contains("no such file or folder"));
}

#[test]
fn unrelated_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name": "x", "version": "1"}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ not json").unwrap();
    std::fs::write(dir.path().join("empty.json"), "").unwrap();
    std::fs::write(dir.path().join("notes.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join(".git/x.json"),
        r#"{"ConfigurationAggregators": []}"#,
    )
    .unwrap();
    let (code, v) = json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["findings"], 0);
    // Named explicitly, an empty file is an error.
    let empty = dir.path().join("empty.json");
    let (code, v) = json(&[empty.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));
    let (code, v) = json(&[dir.path().join("package.json").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no AWS Config aggregator data"));
}

#[test]
fn deep_nesting_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "{{\"AggregatedSourceStatusList\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let p = dir.path().join("deep.json");
    std::fs::write(&p, deep).unwrap();
    let (code, v) = json(&[p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("must be an object, found a list"),
        "{v}"
    );
    assert_eq!(
        (
            v["errors"][0]["line"].as_u64(),
            v["errors"][0]["column"].as_u64()
        ),
        (Some(1), Some(33))
    );
    // Deep nesting inside a value that is read: located too, never a stack overflow.
    let deep = format!(
        "{{\"ConfigurationAggregators\": [{{\"ConfigurationAggregatorName\": {}1{}}}]}}",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    std::fs::write(&p, deep).unwrap();
    let (code, v) = json(&[p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("must be a string"),
        "{v}"
    );
}

#[test]
fn large_file_and_utf16_and_odd_names() {
    let dir = tempfile::tempdir().unwrap();
    // ~20 MB of sources, one failing at the end.
    let mut s = String::from("{\"AggregatedSourceStatusList\": [\n");
    for i in 0..100_000 {
        s.push_str(&format!("{{\"SourceId\": \"{:012}\", \"SourceType\": \"ACCOUNT\", \"AwsRegion\": \"us-east-1\", \"LastUpdateStatus\": \"SUCCEEDED\", \"LastUpdateTime\": \"2026-11-23T14:00:00+00:00\"}},\n", i));
    }
    s.push_str("{\"SourceId\": \"999999999999\", \"SourceType\": \"ACCOUNT\", \"AwsRegion\": \"us-east-1\", \"LastUpdateStatus\": \"FAILED\", \"LastUpdateTime\": \"2026-11-23T14:00:00+00:00\"}\n]}\n");
    std::fs::write(dir.path().join("big.json"), &s).unwrap();
    // PowerShell's `>` writes UTF-16LE with a BOM.
    let src = std::fs::read_to_string(
        common::corpus().join("awscli/52-sources-status-fake-no-paginate.json"),
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in src.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.path().join("ps.json"), utf16).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"odd-\xff-name.json");
        std::fs::copy(
            common::corpus().join("awscli/15-describe-max-items-1.json"),
            dir.path().join(name),
        )
        .unwrap();
    }
    let (code, v) = json(&[dir.path().to_str().unwrap(), "--now", NOW]);
    assert_eq!(code, 1, "{}", v["errors"]);
    let rules: Vec<(&str, &str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            (
                f["rule_id"].as_str().unwrap(),
                &file[file.rfind('/').unwrap() + 1..],
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        rules.contains(&("AGG001", "big.json", 100_002)),
        "{rules:?}"
    );
    assert!(rules.contains(&("AGG001", "ps.json", 14)), "{rules:?}");
    assert!(rules.contains(&("AGG009", "ps.json", 20)), "{rules:?}");
    #[cfg(unix)]
    assert!(
        rules.contains(&("AGG009", "odd-\u{fffd}-name.json", 19)),
        "{rules:?}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.json");
    std::fs::write(&locked, r#"{"ConfigurationAggregators": []}"#).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::copy(
        common::corpus().join("awscli/15-describe-max-items-1.json"),
        dir.path().join("ok.json"),
    )
    .unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("running as root: permissions do not apply; skipped");
        return;
    }
    let (code, v) = json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("permission denied"));
    assert_eq!(v["findings"][0]["rule_id"], "AGG009");
}

#[test]
fn symlinks_out_of_the_root_are_not_followed() {
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        std::fs::copy(
            common::corpus().join("awscli/15-describe-max-items-1.json"),
            outside.path().join("x.json"),
        )
        .unwrap();
        let root = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("x.json"), root.path().join("link.json"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("dir")).unwrap();
        std::os::unix::fs::symlink(root.path(), root.path().join("loop")).unwrap();
        let (code, v) = json(&[root.path().to_str().unwrap()]);
        assert_eq!(code, 0, "{v}");
        assert_eq!(v["summary"]["findings"], 0);
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("aggrego"))
        .current_dir(common::root())
        .args(["scan", "fixtures", "../shared/corpus/awscli"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is closed here; the rest of the report hits a broken pipe.
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(matches!(out.status.code(), Some(1 | 2)));
}

#[test]
fn help_lists_examples() {
    aggrego()
        .args(["scan", "--help"])
        .assert()
        .success()
        .stdout(contains("Examples:"))
        .stdout(contains("--fail-on"));
    let _ = Path::new("unused");
}

/// A plan scanned with its `.tf` files: the plan's values (here a variable set on the
/// command line, unknown to the `.tf` alone), reported at the `.tf` lines, once.
#[test]
fn plan_findings_point_at_tf_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"variable "all" {
  type = bool
}

resource "aws_config_configuration_aggregator" "org" {
  name = "org"

  organization_aggregation_source {
    all_regions = var.all
    regions     = ["us-east-1"]
    role_arn    = aws_iam_role.config.arn
  }
}
"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plan.json"),
        r#"{"format_version": "1.2",
 "planned_values": {"root_module": {"resources": [
   {"address": "aws_config_configuration_aggregator.org", "type": "aws_config_configuration_aggregator", "name": "org",
    "values": {"name": "org", "account_aggregation_source": [],
               "organization_aggregation_source": [{"all_regions": false, "regions": ["us-east-1"]}]}}]}},
 "resource_changes": [{"address": "aws_config_configuration_aggregator.org",
   "change": {"after_unknown": {"organization_aggregation_source": [{"role_arn": true}]}}}]}
"#,
    )
    .unwrap();
    let (_, v) = json(&[dir.path().to_str().unwrap()]);
    let found: Vec<(String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            (
                f["rule_id"].as_str().unwrap().to_string(),
                file[file.rfind('/').unwrap() + 1..].to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // all_regions = false from the plan, at `all_regions = var.all` in main.tf; the
    // role known after apply is present (no AGG004); no AGG011: the plan knows the value.
    assert_eq!(
        found,
        [("AGG003".to_string(), "main.tf".to_string(), 9)],
        "{v}"
    );
}

/// A `.tf` file named on the command line is read with the rest of its module.
#[test]
fn named_tf_file_reads_its_module() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("variables.tf"),
        "variable \"all\" {\n  default = false\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_config_configuration_aggregator\" \"a\" {\n  name = \"a\"\n  organization_aggregation_source {\n    all_regions = var.all\n    regions     = [\"us-east-1\"]\n    role_arn    = \"arn:aws:iam::123456789012:role/R\"\n  }\n}\n",
    )
    .unwrap();
    let (code, v) = json(&[dir.path().join("main.tf").to_str().unwrap()]);
    assert_eq!(code, 1, "{v}");
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["AGG003"], "{v}");
}

#[test]
fn policies_lists_the_catalogue() {
    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["policies"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID") && lines[0].contains("SEVERITY"));
    assert!(text.contains("AGG001  medium    Aggregator source is not collecting data"));
    assert!(text.contains("AGG902"));

    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["policies", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert_eq!(rules.len(), lines.len() - 1);
    let agg3 = rules.iter().find(|r| r["id"] == "AGG003").unwrap();
    assert_eq!(agg3["severity"], "medium");
    assert_eq!(agg3["checks"], "aggregators");
    assert_eq!(agg3["origin"], "builtin");
    assert!(agg3["inputs"]
        .as_array()
        .unwrap()
        .contains(&serde_json::Value::from("terraform")));
}

#[test]
fn explain_prints_everything_about_a_rule() {
    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["explain", "agg006"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("AGG006 — "), "{text}");
    for part in [
        "Severity: low",
        "What it does:",
        "Remediation:",
        "References:",
        "https://",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["explain", "agg006", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "AGG006");
    assert_eq!(v["checks"], "source_statuses");
    assert!(v["remediation"].as_str().unwrap().len() > 20);
    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["explain", "AGG999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such rule"));
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef aggrego"),
        ("fish", "complete -c aggrego"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = Command::cargo_bin("aggrego")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(marker), "{shell}");
        assert!(text.contains("skip-rule"), "{shell} completes scan flags");
    }
}

#[test]
fn help_has_examples() {
    let out = Command::cargo_bin("aggrego")
        .unwrap()
        .args(["scan", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Examples:"));
    assert!(text.contains("--format sarif=aggrego.sarif"));
}

/// Only what the checks read is parsed: a grammar error inside a block aggrego
/// does not read leaves the file's aggregators checked and is not reported,
/// while one that breaks the file's structure is reported where it is.
#[test]
fn unread_blocks_are_checked_for_structure_only() {
    let dir = tempfile::tempdir().unwrap();
    let aggregator = "resource \"aws_config_configuration_aggregator\" \"a\" {\n  name = \"a\"\n  account_aggregation_source {\n    account_ids = [\"111122223333\"]\n    all_regions = false\n    regions     = [\"eu-west-1\"]\n  }\n}\n";
    let tf = dir.path().join("main.tf");
    std::fs::write(
        &tf,
        format!("resource \"aws_s3_bucket\" \"b\" {{\n  bucket = = \"x\"\n}}\n\n{aggregator}"),
    )
    .unwrap();
    let (code, v) = json(&[tf.to_str().unwrap(), "--only-rule", "AGG003"]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["errors"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["findings"][0]["rule_id"], "AGG003");
    assert_eq!(v["findings"][0]["line"], 9);
    // An unclosed string in the bucket: the whole file is parsed, the error located.
    std::fs::write(
        &tf,
        format!("resource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"x\n}}\n\n{aggregator}"),
    )
    .unwrap();
    let (code, v) = json(&[tf.to_str().unwrap(), "--only-rule", "AGG003"]);
    assert_eq!(code, 2, "{v}");
    assert!(v["errors"][0]["line"].as_u64().is_some(), "{v}");
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("invalid HCL"));
}
