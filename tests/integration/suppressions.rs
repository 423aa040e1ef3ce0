//! Suppressions, data-driven: every `fixtures/_suppressions/<case>/` folder is
//! scanned with the binary, and the exit code, every finding (with how it was
//! suppressed) and every error must be exactly those in its `expected.json`.

use crate::common;

use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    options: Opts,
    exit_code: i32,
    findings: Vec<ExpectedFinding>,
    errors: Vec<ExpectedError>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Opts {
    now: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    rule: String,
    file: String,
    line: u64,
    column: u64,
    /// `inline`, `metadata`, `waiver`, or null when the finding counts.
    suppressed: Option<String>,
    message_contains: Option<String>,
    reason_contains: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    file: String,
    line: u64,
    column: u64,
    message_contains: String,
}

fn run(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(common::root())
        .arg("scan")
        .arg(dir)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", dir.display()));
    (out.status.code().unwrap_or(-1), v)
}

fn rel(dir: &Path, file: &str) -> String {
    let prefix = aggrego::load::source::display_path(dir);
    file.strip_prefix(&format!("{}/", prefix.trim_end_matches('/')))
        .unwrap_or(file)
        .to_string()
}

#[test]
fn every_suppression_case() {
    let root = common::root().join("fixtures/_suppressions");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5);
    for dir in cases {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap_or_else(|e| panic!("{name}/expected.json: {e}"));
        let rel_dir = Path::new("fixtures/_suppressions").join(&name);
        let (code, v) = run(&rel_dir, &["--now", &expected.options.now]);
        assert_eq!(code, expected.exit_code, "{name}: exit code");

        let got = v["findings"].as_array().unwrap();
        let got_keys: Vec<(String, String, u64, u64, Option<String>)> = got
            .iter()
            .map(|f| {
                (
                    f["rule_id"].as_str().unwrap().to_string(),
                    rel(&rel_dir, f["file"].as_str().unwrap()),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                    f["suppression"]["kind"].as_str().map(str::to_string),
                )
            })
            .collect();
        let want_keys: Vec<(String, String, u64, u64, Option<String>)> = expected
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule.clone(),
                    f.file.clone(),
                    f.line,
                    f.column,
                    f.suppressed.clone(),
                )
            })
            .collect();
        assert_eq!(got_keys, want_keys, "{name}: findings");
        for (f, want) in got.iter().zip(&expected.findings) {
            assert_eq!(f["suppressed"], want.suppressed.is_some(), "{name}");
            if let Some(m) = &want.message_contains {
                let msg = f["message"].as_str().unwrap();
                assert!(msg.contains(m.as_str()), "{name}: {msg:?} lacks {m:?}");
            }
            if let Some(r) = &want.reason_contains {
                let reason = f["suppression"]["reason"].as_str().unwrap();
                assert!(
                    reason.contains(r.as_str()),
                    "{name}: {reason:?} lacks {r:?}"
                );
            }
        }
        let suppressed = expected
            .findings
            .iter()
            .filter(|f| f.suppressed.is_some())
            .count();
        assert_eq!(v["summary"]["suppressed"], suppressed as u64, "{name}");
        assert_eq!(
            v["summary"]["findings"],
            (expected.findings.len() - suppressed) as u64,
            "{name}"
        );

        let errors = v["errors"].as_array().unwrap();
        assert_eq!(errors.len(), expected.errors.len(), "{name}: {errors:#?}");
        for (e, want) in errors.iter().zip(&expected.errors) {
            assert_eq!(
                rel(&rel_dir, e["file"].as_str().unwrap()),
                want.file,
                "{name}"
            );
            assert_eq!(e["line"], want.line, "{name}: {e}");
            assert_eq!(e["column"], want.column, "{name}: {e}");
            let msg = e["message"].as_str().unwrap();
            assert!(msg.contains(&want.message_contains), "{name}: {msg}");
        }
    }
}

/// A waiver suppresses until the start of its `expires` day (UTC), then stops.
#[test]
fn waiver_expiry_boundary() {
    let dir = Path::new("fixtures/_suppressions/waivers");
    let outdated = |v: &Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["message"].as_str().unwrap().contains("444455556666"))
            .cloned()
            .unwrap()
    };
    let (code, before) = run(dir, &["--now", "2026-10-31T23:59:59Z"]);
    assert_eq!(code, 0, "everything that counts is waived; AGG902 is info");
    assert_eq!(outdated(&before)["suppressed"], true);
    assert_eq!(outdated(&before)["suppression"]["expires"], "2026-11-01");
    assert!(!before.to_string().contains("AGG901"));

    let (code, at) = run(dir, &["--now", "2026-11-01T00:00:00Z"]);
    assert_eq!(code, 1);
    assert_eq!(outdated(&at)["suppressed"], false);
    assert!(at["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule_id"] == "AGG901"));
}

/// `--waivers FILE` replaces the default file; a missing one is an error.
#[test]
fn explicit_waivers_file() {
    let dir = Path::new("fixtures/_suppressions/waivers");
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path().join("w.yaml");
    std::fs::write(
        &w,
        "- id: AGG001\n  aggregator: org-aggregator\n  reason: whole aggregator accepted\n",
    )
    .unwrap();
    let (code, v) = run(
        dir,
        &[
            "--now",
            "2026-10-01T00:00:00Z",
            "--aggregator",
            "org-aggregator",
            "--waivers",
            w.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{v:#}");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3);
    assert!(findings.iter().all(|f| f["suppressed"] == true));

    let (code, v) = run(dir, &["--waivers", "no/such/file.yaml"]);
    assert_eq!(code, 2);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("waivers file does not exist"));
}

/// Suppressed findings never fail the run, whatever the threshold or rule list.
#[test]
fn suppressed_findings_do_not_fail() {
    let dir = Path::new("fixtures/_suppressions/all-suppressed");
    let (code, _) = run(dir, &["--fail-on", "info", "--fail-on-rule", "AGG003"]);
    assert_eq!(code, 0);
    let dir = Path::new("fixtures/_suppressions/inline-terraform");
    let (code, _) = run(dir, &["--fail-on", "never"]);
    assert_eq!(code, 0);
    let (code, _) = run(dir, &["--fail-on", "never", "--fail-on-rule", "agg003"]);
    assert_eq!(code, 1, "production's AGG003 is not suppressed");
    // With AGG004 not run, its unused directive is not reported.
    let (_, v) = run(dir, &["--skip-rule", "AGG004"]);
    assert!(!v.to_string().contains("AGG902"), "{v:#}");
}

/// A waiver's `resource` matches the Terraform address (or name) of the
/// definition a finding lies in.
#[test]
fn waiver_by_resource_address() {
    let dir = Path::new("fixtures/_suppressions/inline-terraform");
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path().join("w.yaml");
    std::fs::write(
        &w,
        "- id: AGG003\n  resource: aws_config_configuration_aggregator.prod*\n  reason: production migrates in CHG-9\n",
    )
    .unwrap();
    let (code, v) = run(dir, &["--waivers", w.to_str().unwrap()]);
    assert_eq!(code, 0, "{v:#}");
    let production = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["line"] == 28)
        .unwrap();
    assert_eq!(production["suppression"]["kind"], "waiver");
    assert_eq!(
        production["suppression"]["reason"],
        "production migrates in CHG-9"
    );
    // A resource pattern that names nothing is reported as unused.
    std::fs::write(
        &w,
        "- id: AGG003\n  resource: aws_config_configuration_aggregator.staging\n  reason: r\n",
    )
    .unwrap();
    let (code, v) = run(dir, &["--waivers", w.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(v
        .to_string()
        .contains("resource aws_config_configuration_aggregator.staging) matches no finding"));
}
