//! Results per control (`summary.by_rule`), data-driven: each folder of
//! `fixtures/_controls/` is scanned alone, and its `expected.json` gives the
//! status and counts of the policies it names; every other policy must have
//! the status `others` (a folder where nothing applies: `NOT APPLICABLE`,
//! never `PASS`). Adding a case is adding a folder.

use crate::common;
use rstest::rstest;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    now: String,
    by_rule: BTreeMap<String, Counts>,
    others: String,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Counts {
    status: String,
    checked: u64,
    failed: u64,
    findings: u64,
    suppressed: u64,
}

#[rstest]
fn results_per_control(#[files("fixtures/_controls/*/expected.json")] expected: PathBuf) {
    let want: Expected =
        serde_json::from_str(&std::fs::read_to_string(&expected).unwrap()).unwrap();
    let dir = expected.parent().unwrap().to_string_lossy().to_string();
    let (code, out, err) = common::run(&["scan", &dir, "--now", &want.now, "--format", "json"]);
    assert!(code != 2, "{dir}: {}", String::from_utf8_lossy(&err));
    let report: Value = serde_json::from_slice(&out).unwrap();
    let rows = report["summary"]["by_rule"].as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["rule"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "{dir}: one row per rule, by rule id");
    // Every built-in policy has a row (aggrego's own suppression rules have none).
    assert_eq!(ids.len(), 12, "{dir}: {ids:?}");
    for id in want.by_rule.keys() {
        assert!(ids.contains(&id.as_str()), "{dir}: no row for {id}");
    }
    for row in rows {
        let id = row["rule"].as_str().unwrap();
        let got = Counts {
            status: row["status"].as_str().unwrap().to_string(),
            checked: row["checked"].as_u64().unwrap(),
            failed: row["failed"].as_u64().unwrap(),
            findings: row["findings"].as_u64().unwrap(),
            suppressed: row["suppressed"].as_u64().unwrap(),
        };
        match want.by_rule.get(id) {
            Some(w) => assert_eq!(&got, w, "{dir}: {id}"),
            None => assert_eq!(got.status, want.others, "{dir}: {id}"),
        }
        // The status follows from the counts, the same way in every row.
        let status = if got.failed > 0 {
            "FAIL"
        } else if got.checked > 0 {
            "PASS"
        } else {
            "NOT APPLICABLE"
        };
        assert_eq!(got.status, status, "{dir}: {id}");
    }
}

/// JUnit's test cases are the same items: per rule, as many cases as `checked`
/// and as many failures as `failed` (one reading of the findings for both).
#[test]
fn junit_agrees_with_the_counts() {
    let args = ["scan", "examples/demo-snapshot"];
    let (_, json, _) = common::run(&[args[0], args[1], "--format", "json"]);
    let (_, junit, _) = common::run(&[args[0], args[1], "--format", "junit"]);
    let report: Value = serde_json::from_slice(&json).unwrap();
    let junit = String::from_utf8(junit).unwrap();
    for row in report["summary"]["by_rule"].as_array().unwrap() {
        let id = row["rule"].as_str().unwrap();
        let suite = junit
            .lines()
            .find(|l| l.contains(&format!("<testsuite name=\"{id} ")))
            .unwrap_or_else(|| panic!("no suite for {id}"));
        let attr = |name: &str| -> u64 {
            let at = suite.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            suite[at..].split('"').next().unwrap().parse().unwrap()
        };
        assert_eq!(attr("tests"), row["checked"].as_u64().unwrap(), "{id}");
        assert_eq!(attr("failures"), row["failed"].as_u64().unwrap(), "{id}");
    }
}

/// `aggrego policies --framework`: a framework's controls with their rules,
/// by name or alias in any case; an unknown name is an error listing the known.
#[test]
fn policies_by_framework() {
    let (code, nist, err) = common::run(&["policies", "--framework", "NIST-800-53"]);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let (code, conformity, _) =
        common::run(&["policies", "--framework", "conformity", "--format", "json"]);
    assert_eq!(code, 0);
    insta::with_settings!({
        snapshot_path => "snapshots/controls",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("policies_framework_nist", String::from_utf8(nist).unwrap());
        insta::assert_snapshot!(
            "policies_framework_conformity_json",
            String::from_utf8(conformity).unwrap()
        );
    });
    let (code, out, err) = common::run(&["policies", "--framework", "iso-27001"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let err = String::from_utf8(err).unwrap();
    for known in ["cis-aws", "conformity", "fsbp", "nist-800-53"] {
        assert!(err.contains(&format!("({known})")), "{err}");
    }
}
