//! Baselines: `aggrego baseline create` records today's findings; `scan
//! --baseline` then fails only on new ones, counts the accepted ones, and
//! names entries that match nothing. Each `tests/baselines/NAME.json` is a
//! case run against the demo snapshot and compared with its snapshot.

use crate::common;
use serde_json::Value;
use std::path::Path;

const DEMO: &str = "examples/demo-snapshot";

fn json_scan(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(dir)
        .args(["scan", "--format", "json", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), report)
}

fn baselined(report: &Value) -> usize {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppression"]["kind"] == "baseline")
        .count()
}

#[test]
fn only_new_findings_fail_and_fixed_ones_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    common::copy_dir(&common::root().join(DEMO), &root.join("demo"));
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(root)
        .args(["baseline", "create", "demo"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("6 findings recorded in .aggrego-baseline.json"));

    // Unchanged: everything accepted, exit 0.
    let (code, report) = json_scan(root, &["demo", "--baseline", ".aggrego-baseline.json"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(baselined(&report), 6);

    // Lines moved, one source fixed, one newly failing.
    let status = root.join("demo/us-east-1/org-aggregator/sources-status.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&status).unwrap()).unwrap();
    for s in doc["AggregatedSourceStatusList"].as_array_mut().unwrap() {
        if s["LastUpdateStatus"] == "OUTDATED" {
            s["LastUpdateStatus"] = "SUCCEEDED".into();
            s["LastUpdateTime"] = 1796038800.0.into();
        }
    }
    doc["AggregatedSourceStatusList"][0]["LastUpdateStatus"] = "FAILED".into();
    std::fs::write(
        &status,
        format!("\n\n\n{}", serde_json::to_string_pretty(&doc).unwrap()),
    )
    .unwrap();
    let (code, report) = json_scan(root, &["demo", "--baseline", ".aggrego-baseline.json"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(baselined(&report), 5, "the moved findings still match");
    let active: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] == false)
        .collect();
    let rules: Vec<&str> = active
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["AGG902", "AGG001"], "{active:#?}");
    assert!(active[0]["message"]
        .as_str()
        .unwrap()
        .contains("baseline entry for AGG001"));
    assert_eq!(active[0]["file"], ".aggrego-baseline.json");
    assert!(active[1]["message"]
        .as_str()
        .unwrap()
        .contains("account 999999999999 in us-east-1 is FAILED"));
}

/// A bad baseline: a located error, exit 2, and every finding reported as
/// if no baseline were given.
#[test]
fn bad_baselines() {
    let dir = common::root().join("tests/baselines");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    names.push("missing".into());
    names.sort();
    for name in names {
        let file = format!("tests/baselines/{name}.json");
        let (code, out, err) = common::run(&[
            "scan",
            DEMO,
            "--baseline",
            &file,
            "--format",
            "compact",
            "--no-config",
        ]);
        let text = format!(
            "$ aggrego scan {DEMO} --baseline {file} --format compact\nexit code: {code}\n----- stdout -----\n{}----- stderr -----\n{}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&err)
        );
        insta::with_settings!({
            snapshot_path => "snapshots/baseline",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.as_str(), text);
        });
    }
}
