//! The auditor's whole job, end to end: export a snapshot from the local AWS with the
//! script of `aggrego collect-script` (real AWS CLI v1), scan it and find exactly the
//! blind spots planted in the scenario, build an evidence package twice with identical
//! bytes, verify it, and catch a one-byte tamper.

use crate::common::mock_aws::{generate, run_script, scenario, Mock};
use serde_json::Value;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::Path;

fn aggrego(args: &[&OsStr]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .expect("binary")
        .args(args)
        .output()
        .expect("aggrego runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os<'a>(items: &'a [&'a str]) -> Vec<&'a OsStr> {
    items.iter().map(OsStr::new).collect()
}

#[test]
fn snapshot_scan_evidence_verify_tamper() {
    let work = tempfile::tempdir().unwrap();
    let mock = Mock::start(None);
    let (script, _) = generate(work.path(), &[]);
    let snapshot = work.path().join("snapshot");
    let out = run_script(&script, &[snapshot.as_os_str()], Some(&mock), None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let snap = snapshot.to_str().unwrap();

    // The scan: every file read, the planted blind spots found, nothing else.
    let (code, stdout, stderr) = aggrego(&os(&["scan", snap, "--format", "json"]));
    assert_eq!(code, 1, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]), "{stdout}");
    assert_eq!(report["now_source"], "manifest");
    let findings = report["findings"].as_array().unwrap();
    let planted = &scenario()["planted"];

    // Each planted missing status is named by exactly one AGG007 finding for its
    // account, which lists exactly the planted regions.
    let mut want: BTreeSet<(String, String, String)> = BTreeSet::new();
    for p in planted["missing_statuses"].as_array().unwrap() {
        let s = |k: &str| p[k].as_str().unwrap().to_string();
        want.insert((s("aggregator"), s("account"), s("region")));
    }
    let regions: Vec<String> = planted["enabled_regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    let mut got = BTreeSet::new();
    let mut blind_spot_findings = 0;
    for f in findings.iter().filter(|f| f["rule_id"] == "AGG007") {
        let msg = f["message"].as_str().unwrap();
        if !msg.contains("has no source status") {
            continue;
        }
        blind_spot_findings += 1;
        let aggregator = f["resource"]["aggregator"].as_str().unwrap().to_string();
        let account = f["resource"]["account"].as_str().unwrap().to_string();
        let listed = msg.split("expected region(s): ").nth(1).unwrap_or("");
        for r in &regions {
            if listed.contains(r.as_str()) {
                got.insert((aggregator.clone(), account.clone(), r.clone()));
            }
        }
    }
    assert_eq!(got, want, "{stdout}");
    let accounts: BTreeSet<_> = want.iter().map(|w| (&w.0, &w.1)).collect();
    assert_eq!(blind_spot_findings, accounts.len());
    // The ACTIVE account left out of the account-based aggregator is named; the
    // suspended one is not.
    let left_out: Vec<&Value> = findings
        .iter()
        .filter(|f| {
            f["rule_id"] == "AGG007"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains("ACTIVE account(s) of the organization are not among them")
        })
        .collect();
    assert_eq!(left_out.len(), 1, "{stdout}");
    let msg = left_out[0]["message"].as_str().unwrap();
    for p in planted["active_accounts_missing_from_account_ids"]
        .as_array()
        .unwrap()
    {
        assert!(msg.contains(p["account"].as_str().unwrap()), "{msg}");
    }
    for s in planted["suspended_accounts"].as_array().unwrap() {
        assert!(!msg.contains(s.as_str().unwrap()), "{msg}");
    }
    // Sources that report but fail: AGG001, exactly the planted ones.
    let agg001 = findings.iter().filter(|f| f["rule_id"] == "AGG001").count();
    assert_eq!(agg001, planted["not_collecting"].as_array().unwrap().len());

    // The evidence package, twice: identical bytes, zip and folder.
    let a = work.path().join("a.zip");
    let b = work.path().join("b.zip");
    for p in [&a, &b] {
        let (code, _, stderr) = aggrego(&[
            OsStr::new("evidence"),
            snapshot.as_os_str(),
            OsStr::new("--out"),
            p.as_os_str(),
            OsStr::new("--no-progress"),
        ]);
        assert_eq!(code, 1, "findings make the exit code 1: {stderr}");
    }
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "packages differ");
    let dir = work.path().join("package");
    let (code, _, stderr) = aggrego(&[
        OsStr::new("evidence"),
        snapshot.as_os_str(),
        OsStr::new("--out"),
        dir.as_os_str(),
        OsStr::new("--no-progress"),
    ]);
    assert_eq!(code, 1, "{stderr}");
    // The package's report and heat map show the same blind spots.
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert_eq!(html.matches("<td class=\"c-missing\"").count(), want.len());
    let results: Value =
        serde_json::from_slice(&std::fs::read(dir.join("results.json")).unwrap()).unwrap();
    assert_eq!(
        results["findings"].as_array().unwrap().len(),
        findings.len()
    );

    // Verify: intact packages reproduce.
    for p in [&a, &dir] {
        let (code, stdout, stderr) =
            aggrego(&[OsStr::new("evidence"), OsStr::new("verify"), p.as_os_str()]);
        assert_eq!(code, 0, "{stdout}{stderr}");
    }

    // One byte changed in a captured input: named, exit 1.
    let input = find_file(&dir.join("inputs"), "sources-status.json");
    let mut data = std::fs::read(&input).unwrap();
    let at = data.iter().position(|&c| c == b'S').unwrap();
    data[at] = b'X';
    std::fs::write(&input, &data).unwrap();
    let (code, stdout, stderr) = aggrego(&[
        OsStr::new("evidence"),
        OsStr::new("verify"),
        dir.as_os_str(),
    ]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let rel = input
        .strip_prefix(&dir)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    assert!(
        stdout.contains(&rel) || stderr.contains(&rel),
        "the tampered file {rel} is named: {stdout}{stderr}"
    );

    // One byte changed in the zip: never accepted.
    let mut zip = bytes.clone();
    let mid = zip.len() / 2;
    zip[mid] ^= 0x01;
    let tampered = work.path().join("tampered.zip");
    std::fs::write(&tampered, &zip).unwrap();
    let (code, stdout, stderr) = aggrego(&[
        OsStr::new("evidence"),
        OsStr::new("verify"),
        tampered.as_os_str(),
    ]);
    assert!(
        code == 1 || code == 2,
        "a tampered zip is refused: {code} {stdout}{stderr}"
    );
}

fn find_file(root: &Path, name: &str) -> std::path::PathBuf {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name() == name)
        .map(|e| e.into_path())
        .unwrap_or_else(|| panic!("no {name} under {}", root.display()))
}
