//! `aggrego collect-script`: the generated bash script run with the real AWS CLI v1 against
//! a local AWS (tests/mock_aws: moto's server behind a shim, seeded from scenario.json),
//! the snapshot it writes checked and scanned; the PowerShell script parsed and compared
//! with the bash one call by call.
//!
//! The Python environment comes from tests/mock_aws/setup.sh, run here when it is missing
//! or stale, so a plain `cargo test` works on a machine with only Rust and python3.

use crate::common;

use crate::common::mock_aws::{generate, mock_dir, read_json, run_script, scenario, venv, Mock};

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const MANIFEST_KEYS: [&str; 9] = [
    "format",
    "generator",
    "captured_at",
    "caller",
    "cli_version",
    "regions",
    "region_source",
    "files",
    "failures",
];
const SOURCES_STATUS: &str = "configservice describe-configuration-aggregator-sources-status";

/// Every file under `dir`, relative, with `/`.
fn files_under(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// What holds for every manifest: key order, fixed fields, and a file list that is
/// exactly the files on disk, each entry's region and aggregator those of its path.
fn check_manifest(out: &Path, started: &str, finished: &str) -> Value {
    let text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let m: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    // serde_json keeps keys sorted; the order as written is checked on the text.
    let mut at = 0;
    for key in MANIFEST_KEYS {
        let found = text[at..]
            .find(&format!("\"{key}\":"))
            .unwrap_or_else(|| panic!("{key} missing or out of order:\n{text}"));
        at += found;
    }
    assert_eq!(m.as_object().unwrap().len(), MANIFEST_KEYS.len(), "{text}");
    assert_eq!(m["format"], aggrego::commands::collect::SNAPSHOT_FORMAT);
    assert_eq!(
        m["generator"],
        format!(
            "aggrego collect-script {} (bash)",
            env!("CARGO_PKG_VERSION")
        )
    );
    let captured = m["captured_at"].as_str().unwrap();
    assert!(
        regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            .unwrap()
            .is_match(captured),
        "{captured}"
    );
    assert!(
        started <= captured && captured <= finished,
        "{started} <= {captured} <= {finished}"
    );
    let cli = Command::new(venv().join("bin/aws"))
        .arg("--version")
        .output()
        .unwrap();
    let cli = String::from_utf8_lossy(&cli.stdout).trim().to_string();
    assert!(cli.starts_with("aws-cli/1."), "{cli}");
    assert_eq!(m["cli_version"], cli);

    let listed: BTreeSet<String> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .chain(["manifest.json".to_string()])
        .collect();
    assert_eq!(
        listed,
        files_under(out),
        "the manifest lists exactly the files on disk"
    );
    for f in m["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        let parts: Vec<&str> = path.split('/').collect();
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        match parts.as_slice() {
            [region, "describe-configuration-aggregators.json"] => {
                assert_eq!(f["region"], *region, "{f}");
                assert_eq!(
                    f["command"],
                    "configservice describe-configuration-aggregators"
                );
                assert_eq!(keys.len(), 3, "{f}");
            }
            [region, aggregator, "sources-status.json"] => {
                assert_eq!(f["region"], *region, "{f}");
                assert_eq!(f["aggregator"], *aggregator, "{f}");
                assert_eq!(f["command"], SOURCES_STATUS);
                assert_eq!(keys.len(), 4, "{f}");
            }
            _ => {
                assert!(
                    f.get("region").is_none() && f.get("aggregator").is_none(),
                    "{f}"
                );
                let command = match path {
                    "caller-identity.json" => "sts get-caller-identity",
                    "organizations/list-accounts.json" => "organizations list-accounts",
                    "regions.json" => m["region_source"].as_str().unwrap(),
                    other => panic!("unexpected file {other}"),
                };
                assert_eq!(f["command"], command, "{f}");
            }
        }
    }
    m
}

/// Only describe, list and get calls reached the mock.
fn assert_read_only(requests: &[Value]) {
    assert!(!requests.is_empty());
    for r in requests {
        let op = r["operation"].as_str().unwrap();
        assert!(
            ["Describe", "List", "Get"]
                .iter()
                .any(|p| op.starts_with(p)),
            "not a read: {r}"
        );
    }
}

/// `aggrego scan --format json` of the snapshot; every file read without an error.
fn scan(out: &Path) -> Value {
    let (code, stdout, stderr) = common::run(&["scan", out.to_str().unwrap(), "--format", "json"]);
    let report: Value = serde_json::from_slice(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&stderr)));
    assert_eq!(report["errors"], json!([]), "{report}");
    assert_ne!(code, 2, "{report}");
    assert_eq!(
        report["summary"]["files_scanned"].as_u64(),
        Some(files_under(out).len() as u64),
        "every file of the snapshot is read"
    );
    report
}

fn failure<'a>(m: &'a Value, command: &str, aggregator: Option<&str>) -> &'a Value {
    m["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["command"] == command && f["aggregator"].as_str() == aggregator)
        .unwrap_or_else(|| panic!("no failure of {command} {aggregator:?}: {}", m["failures"]))
}

#[test]
fn snapshot_of_the_scenario_is_complete_and_scans() {
    let mock = Mock::start(None);
    let work = tempfile::tempdir().unwrap();
    let (script, _) = generate(work.path(), &[]);
    let out = work.path().join("snapshot");
    let started = now_utc();
    let run = run_script(&script, &[out.as_os_str()], Some(&mock), None);
    let finished = now_utc();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(run.stdout.is_empty(), "progress goes to standard error");
    assert!(stderr.contains("snapshot complete"), "{stderr}");

    assert_eq!(
        files_under(&out),
        set(&[
            "caller-identity.json",
            "eu-west-1/acct-aggregator/sources-status.json",
            "eu-west-1/describe-configuration-aggregators.json",
            "manifest.json",
            "organizations/list-accounts.json",
            "regions.json",
            "us-east-1/describe-configuration-aggregators.json",
            "us-east-1/org-aggregator/sources-status.json",
        ]),
        "no temporary file is left"
    );
    let m = check_manifest(&out, &started, &finished);
    assert_eq!(
        m["caller"],
        json!({"account": "123456789012", "arn": "arn:aws:iam::123456789012:user/auditor"})
    );
    assert_eq!(m["regions"], json!(["eu-west-1", "us-east-1"]));
    assert_eq!(m["region_source"], "account list-regions");
    assert_eq!(m["failures"], json!([]));

    // Every page was followed: more items than a page, and no NextToken left.
    let sc = scenario();
    let page = sc["sources_status_page_size"].as_u64().unwrap() as usize;
    for agg in sc["aggregators"].as_array().unwrap() {
        let path = out.join(format!(
            "{}/{}/sources-status.json",
            agg["region"].as_str().unwrap(),
            agg["name"].as_str().unwrap()
        ));
        let v = read_json(&path);
        let got = v["AggregatedSourceStatusList"].as_array().unwrap().len();
        assert_eq!(
            got,
            agg["statuses"].as_array().unwrap().len(),
            "{}",
            path.display()
        );
        assert!(got > page);
        assert!(v.get("NextToken").is_none());
    }
    let accounts = read_json(&out.join("organizations/list-accounts.json"));
    let ids: Vec<&str> = accounts["Accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["Id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 6, "{accounts}");
    assert!(accounts.get("NextToken").is_none());
    let regions = read_json(&out.join("regions.json"));
    assert_eq!(
        regions,
        json!({"Regions": [
            {"RegionName": "eu-west-1", "RegionOptStatus": "ENABLED_BY_DEFAULT"},
            {"RegionName": "us-east-1", "RegionOptStatus": "ENABLED_BY_DEFAULT"}]})
    );
    let requests = mock.requests();
    assert_read_only(&requests);
    let paged = |op: &str| {
        requests
            .iter()
            .filter(|r| r["operation"] == op && r["params"].get("NextToken").is_some())
            .count()
    };
    assert!(paged("DescribeConfigurationAggregatorSourcesStatus") >= 3);
    assert!(paged("ListAccounts") >= 2);
    assert!(paged("ListRegions") >= 1);

    // The scanner reads the snapshot and finds exactly the planted failing sources.
    let report = scan(&out);
    let agg001: BTreeSet<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "AGG001")
        .map(|f| {
            let r = &f["resource"];
            (
                r["aggregator"].as_str().unwrap().to_string(),
                r["account"].as_str().unwrap().to_string(),
                r["region"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let planted: BTreeSet<(String, String, String)> = sc["planted"]["not_collecting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["aggregator"].as_str().unwrap().to_string(),
                p["account"].as_str().unwrap().to_string(),
                p["region"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(agg001, planted);
    // And the planted blind spots: expected account × region pairs without a status,
    // grouped by account, and the ACTIVE account an account list leaves out.
    let agg007: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "AGG007")
        .collect();
    let mut missing: std::collections::BTreeMap<(String, String), Vec<String>> = Default::default();
    for p in sc["planted"]["missing_statuses"].as_array().unwrap() {
        let key = (
            p["aggregator"].as_str().unwrap().to_string(),
            p["account"].as_str().unwrap().to_string(),
        );
        missing
            .entry(key)
            .or_default()
            .push(p["region"].as_str().unwrap().to_string());
    }
    for ((aggregator, account), regions) in &missing {
        let found = agg007.iter().find(|f| {
            f["resource"]["aggregator"] == aggregator.as_str()
                && f["resource"]["account"] == account.as_str()
                && f["message"].as_str().unwrap().contains("no source status")
        });
        let message = found
            .unwrap_or_else(|| panic!("no AGG007 for {aggregator} {account}: {report}"))["message"]
            .as_str()
            .unwrap();
        for r in regions {
            assert!(message.contains(r.as_str()), "{r} in {message}");
        }
    }
    let left_out = sc["planted"]["active_accounts_missing_from_account_ids"]
        .as_array()
        .unwrap();
    for p in left_out {
        assert!(
            agg007
                .iter()
                .any(|f| f["resource"]["aggregator"] == p["aggregator"]
                    && f["message"]
                        .as_str()
                        .unwrap()
                        .contains(p["account"].as_str().unwrap())),
            "{p}: {report}"
        );
    }
    assert_eq!(agg007.len(), missing.len() + left_out.len(), "{report}");
    // The hostile error message arrives whole.
    let hostile = sc["aggregators"][0]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|s| s["LastErrorMessage"].as_str())
        .unwrap();
    assert!(hostile.contains("\"") && hostile.contains('\\') && hostile.contains("<script>"));
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains(hostile)),
        "{report}"
    );
}

#[test]
fn denied_calls_are_recorded_and_the_capture_goes_on() {
    let mock = Mock::start(Some("denied"));
    let work = tempfile::tempdir().unwrap();
    let (script, _) = generate(work.path(), &[]);
    let out = work.path().join("snapshot");
    let started = now_utc();
    let run = run_script(&script, &[out.as_os_str()], Some(&mock), None);
    let finished = now_utc();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("incomplete: 4"), "{stderr}");
    // Names from the API are shown escaped: no control or reordering character
    // reaches the terminal.
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!stderr.contains(c), "{c:?} in {stderr}");
    }
    assert!(
        stderr.contains(r"for $'term\E]0;pwned\a\302\2332J\342\200\256eman'"),
        "{stderr}"
    );

    let m = check_manifest(&out, &started, &finished);
    assert_eq!(m["region_source"], "ec2 describe-regions");
    assert_eq!(
        m["regions"],
        json!(["eu-west-1", "us-east-1"]),
        "the disabled region is left out"
    );
    assert_eq!(
        files_under(&out),
        set(&[
            "caller-identity.json",
            "eu-west-1/describe-configuration-aggregators.json",
            "manifest.json",
            "regions.json",
            "us-east-1/describe-configuration-aggregators.json",
            "us-east-1/org-aggregator/sources-status.json",
        ])
    );
    assert_eq!(
        files_under(work.path())
            .iter()
            .filter(|p| !p.starts_with("snapshot/"))
            .count(),
        1,
        "only the script beside the snapshot"
    );

    let failures = m["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 5, "{}", m["failures"]);
    let orgs = failure(&m, "organizations list-accounts", None);
    assert_eq!(orgs["region"], Value::Null);
    assert!(orgs["exit_code"].as_i64().unwrap() > 0);
    assert_eq!(
        orgs["message"],
        "An error occurred (AccessDeniedException) when calling the ListAccounts operation: You don't have permissions to access this resource."
    );
    assert!(orgs.get("fallback").is_none());
    let listing = failure(&m, "account list-regions", None);
    assert_eq!(listing["fallback"], "ec2 describe-regions");
    assert!(listing["message"]
        .as_str()
        .unwrap()
        .contains("AccessDeniedException"));

    // A message with quotes, backslashes, a newline, a tab and a control character
    // survives the JSON escaping exactly.
    let denied = &scenario()["variants"]["denied"]["deny"][2];
    let status = failure(&m, SOURCES_STATUS, Some("acct-aggregator"));
    assert_eq!(status["region"], "eu-west-1");
    assert!(status["exit_code"].as_i64().unwrap() > 0);
    assert_eq!(
        status["message"],
        format!(
            "An error occurred (AccessDeniedException) when calling the DescribeConfigurationAggregatorSourcesStatus operation: {}",
            denied["message"].as_str().unwrap()
        )
    );
    let keys: Vec<&str> = status
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        ["aggregator", "command", "exit_code", "message", "region"]
    );
    // A name that is no safe folder name is not used as one.
    let unsafe_name = failure(&m, SOURCES_STATUS, Some("../escape name"));
    assert_eq!(unsafe_name["exit_code"], Value::Null);
    assert!(unsafe_name["message"]
        .as_str()
        .unwrap()
        .contains("not a safe folder name"));
    // The manifest keeps the name as it is; its message shows it escaped.
    let hostile = "term\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}eman";
    let terminal = failure(&m, SOURCES_STATUS, Some(hostile));
    assert!(!terminal["message"].as_str().unwrap().contains(hostile));

    let requests = mock.requests();
    assert_read_only(&requests);
    assert!(requests.iter().any(|r| r["operation"] == "DescribeRegions"));
    assert!(
        !requests
            .iter()
            .any(|r| r["params"]["ConfigurationAggregatorName"] == "../escape name"),
        "the unsafe name is not queried"
    );
    scan(&out);
}

#[test]
fn regions_given_are_baked_in_and_an_empty_folder_is_used() {
    let mock = Mock::start(None);
    let work = tempfile::tempdir().unwrap();
    let (script, text) = generate(work.path(), &["--regions", "us-east-1"]);
    assert!(text.contains("\nFIXED_REGIONS=('us-east-1')\n"), "{text}");
    assert!(text.contains("--regions us-east-1`"));
    let out = work.path().join("snapshot");
    std::fs::create_dir(&out).unwrap();
    let started = now_utc();
    let run = run_script(&script, &[out.as_os_str()], Some(&mock), None);
    let finished = now_utc();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let m = check_manifest(&out, &started, &finished);
    assert_eq!(m["regions"], json!(["us-east-1"]));
    assert_eq!(m["region_source"], "--regions");
    assert_eq!(
        files_under(&out),
        set(&[
            "caller-identity.json",
            "manifest.json",
            "organizations/list-accounts.json",
            "us-east-1/describe-configuration-aggregators.json",
            "us-east-1/org-aggregator/sources-status.json",
        ])
    );
    let requests = mock.requests();
    assert_read_only(&requests);
    assert!(!requests
        .iter()
        .any(|r| r["operation"] == "ListRegions" || r["operation"] == "DescribeRegions"));
    assert!(requests
        .iter()
        .filter(|r| r["service"] == "config")
        .all(|r| r["region"] == "us-east-1"));
}

#[test]
fn refuses_a_used_folder_a_file_and_a_missing_cli() {
    let work = tempfile::tempdir().unwrap();
    let (script, _) = generate(work.path(), &[]);
    let used = work.path().join("used");
    std::fs::create_dir(&used).unwrap();
    std::fs::write(used.join("old.json"), "{}").unwrap();
    let run = run_script(&script, &[used.as_os_str()], None, None);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not empty"));
    assert_eq!(files_under(&used), set(&["old.json"]));

    let file = work.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let run = run_script(&script, &[file.as_os_str()], None, None);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not a folder"));

    if !Path::new("/usr/bin/aws").exists() && !Path::new("/bin/aws").exists() {
        let fresh = work.path().join("fresh");
        let run = run_script(&script, &[fresh.as_os_str()], None, Some("/usr/bin:/bin"));
        assert_eq!(run.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&run.stderr).contains("not on PATH"));
        assert!(!fresh.exists());
    }
}

#[test]
fn bad_regions_and_shells_exit_2() {
    for bad in [
        "us-east-1,nowhere",
        "",
        "US-EAST-1",
        "us-east-1;rm -rf ~",
        "../x-1",
    ] {
        let (code, stdout, stderr) = common::run(&["collect-script", "--regions", bad]);
        assert_eq!(code, 2, "{bad:?}");
        assert!(stdout.is_empty(), "{bad:?}");
        let stderr = String::from_utf8_lossy(&stderr);
        assert!(
            stderr.starts_with("aggrego: error: --regions: "),
            "{stderr}"
        );
    }
    let (code, stdout, _) = common::run(&["collect-script", "--shell", "fish"]);
    assert_eq!((code, stdout.is_empty()), (2, true));
    let (code, stdout, _) = common::run(&["collect-script", "--help"]);
    assert_eq!(code, 0);
    let help = String::from_utf8_lossy(&stdout);
    assert!(
        help.contains("Examples:") && help.contains("--regions us-east-1,eu-west-1"),
        "{help}"
    );
}

#[test]
fn bash_script_is_shellcheck_clean() {
    let work = tempfile::tempdir().unwrap();
    for args in [&[][..], &["--regions", "eu-west-1,us-east-1"][..]] {
        let (script, _) = generate(work.path(), args);
        let out = Command::new(venv().join("bin/shellcheck"))
            .args(["--shell=bash", "--severity=style"])
            .arg(&script)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stdout.is_empty(),
            "{args:?}\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// PowerShell cannot be installed here, so its script is parsed with tree-sitter's
/// PowerShell grammar and compared with the bash one: the same AWS calls with the same
/// arguments in the same order, the same failures recorded, the same manifest keys.
#[test]
fn powershell_script_parses_and_matches_the_bash_one() {
    let work = tempfile::tempdir().unwrap();
    let regions = ["--regions", "us-east-1,eu-west-1"];
    let (sh, sh_text) = generate(work.path(), &[]);
    let (ps, ps_text) = generate(work.path(), &["--shell", "powershell"]);
    let baked = work.path().join("baked");
    std::fs::create_dir(&baked).unwrap();
    let (sh2, sh2_text) = generate(&baked, &regions);
    let (ps2, ps2_text) = generate(&baked, &[&["--shell", "powershell"][..], &regions].concat());
    // A parser that found nothing wrong must be able to: the same script, broken.
    let broken = work.path().join("broken.ps1");
    std::fs::write(&broken, ps_text.replacen("} finally {", " finally {", 1)).unwrap();
    let broken_sh = work.path().join("broken.sh");
    std::fs::write(&broken_sh, sh_text.replacen("\nfi\n", "\n\n", 1)).unwrap();

    let out = Command::new(venv().join("bin/python"))
        .arg(mock_dir().join("script_calls.py"))
        .args([&sh, &ps, &sh2, &ps2, &broken, &broken_sh])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let of = |p: &Path| v[p.to_str().unwrap()].clone();
    let (bash, pwsh) = (of(&sh), of(&ps));
    for (p, a) in [
        (&sh, &bash),
        (&ps, &pwsh),
        (&sh2, &of(&sh2)),
        (&ps2, &of(&ps2)),
    ] {
        assert_eq!(a["errors"], json!([]), "{}", p.display());
    }
    assert_ne!(of(&broken)["errors"], json!([]));
    assert_ne!(of(&broken_sh)["errors"], json!([]));

    assert_eq!(bash["calls"].as_array().unwrap().len(), 10);
    assert_eq!(pwsh["calls"], bash["calls"]);
    assert_eq!(pwsh["failures"], bash["failures"]);
    for call in bash["calls"].as_array().unwrap() {
        let args: Vec<&str> = call["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        // capture/record: PATH COMMAND REGION AGGREGATOR AWS…; names: COMMAND REGION AGGREGATOR AWS…
        let aws = if call["helper"] == "names" {
            &args[3..]
        } else {
            &args[4..]
        };
        let label = if call["helper"] == "names" {
            args[0]
        } else {
            args[1]
        };
        assert_eq!(format!("{} {}", aws[0], aws[1]), label, "{call}");
        assert!(
            ["describe-", "list-", "get-"]
                .iter()
                .any(|p| aws[1].starts_with(p)),
            "read-only: {call}"
        );
        if call["helper"] == "names" {
            assert!(aws.contains(&"--query"), "{call}");
        }
    }
    // The manifest: the same keys in the same order.
    // `files` and `failures` are printed in two branches each.
    let mut bash_keys: Vec<String> = regex::Regex::new(r#"(?m)^ +printf '  "(\w+)":"#)
        .unwrap()
        .captures_iter(&sh_text)
        .map(|c| c[1].to_string())
        .collect();
    bash_keys.dedup();
    assert_eq!(bash_keys, MANIFEST_KEYS);
    assert!(pwsh["hash_keys"]
        .as_array()
        .unwrap()
        .contains(&json!(MANIFEST_KEYS)));
    assert!(pwsh["hash_keys"]
        .as_array()
        .unwrap()
        .contains(&json!(["account", "arn"])));

    let commands: BTreeSet<&str> = pwsh["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for c in ["Set-StrictMode", "ConvertTo-Json", "Get-ChildItem"] {
        assert!(commands.contains(c), "{c}");
    }
    for needle in [
        "$ErrorActionPreference = 'Stop'",
        "$ErrorActionPreference = 'Continue'",
        "New-Object System.Text.UTF8Encoding $false",
        "[System.IO.File]::WriteAllText(",
        "[System.IO.File]::Move(",
        "'aggrego-snapshot/1'",
        "--no-cli-pager",
        "$env:AWS_ENDPOINT_URL",
    ] {
        assert!(ps_text.contains(needle), "{needle}");
    }
    assert!(ps_text.contains(&format!(
        "$Generator = 'aggrego collect-script {} (powershell)'",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(ps_text.contains("\n$FixedRegions = @()\n"));
    assert!(ps2_text.contains("\n$FixedRegions = @('eu-west-1', 'us-east-1')\n"));
    assert!(sh2_text.contains("\nFIXED_REGIONS=('eu-west-1' 'us-east-1')\n"));
    for text in [&sh_text, &ps_text] {
        for never in ["--no-paginate", "--max-items", "--page-size", "jq "] {
            assert!(!text.contains(never), "{never}");
        }
    }
}
