//! Data-driven policy tests: every `fixtures/<ID>/` folder is scanned, and the
//! findings of policy ID must be exactly those in its `expected.json`; files
//! named `negative*` must produce none. Adding a fixture file and its expected
//! finding is all it takes to add a case.

use crate::common;

use rstest::rstest;
use serde::Deserialize;
use std::path::{Path, PathBuf};

fn rel(dir: &Path, file: &str) -> String {
    let prefix = aggrego::load::source::display_path(dir);
    file.strip_prefix(&format!("{prefix}/"))
        .unwrap_or(file)
        .to_string()
}

/// One case per built-in policy, from the file names of `policies/<ID>_*.rego`: every
/// case folder of `fixtures/<ID>/` is checked, and all their problems are reported.
#[rstest]
fn policy_fixtures(#[files("policies/*.rego")] policy: PathBuf) {
    let file = policy.file_name().unwrap().to_string_lossy().to_string();
    let id = file.split('_').next().unwrap().to_string();
    let engine = common::engine();
    assert!(
        engine.policies().iter().any(|p| p.id() == id),
        "policies/{file} does not define policy {id}"
    );
    let dir = common::root().join("fixtures").join(&id);
    assert!(dir.is_dir(), "policy {id} has no fixtures/{id}/");
    let cases =
        aggrego::commands::fixtures::find(std::slice::from_ref(&dir), std::slice::from_ref(&id));
    assert!(!cases.is_empty(), "fixtures/{id} has no expected.json");
    let problems: Vec<String> = cases
        .iter()
        .filter_map(|(_, case)| {
            aggrego::commands::fixtures::check(case, &id, &engine)
                .err()
                .map(|p| format!("{}:\n  {}", case.display(), p.join("\n  ")))
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every fixture folder names a built-in policy, and every built-in policy has a
/// file `policies/<ID>_*.rego`, hence a case of `policy_fixtures`.
#[test]
fn fixture_folders_and_policy_files_match() {
    let root = common::root();
    let ids: Vec<String> = common::engine()
        .policies()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    let mut dirs: Vec<String> = std::fs::read_dir(root.join("fixtures"))
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with('_'))
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 4, "expected a fixture folder per policy");
    for id in &dirs {
        assert!(ids.contains(id), "fixtures/{id} names no policy");
    }
    let files: Vec<String> = std::fs::read_dir(root.join("policies"))
        .expect("policies folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".rego"))
        .collect();
    for id in &ids {
        assert!(
            files.iter().any(|f| f.starts_with(&format!("{id}_"))),
            "policy {id} has no file policies/{id}_*.rego"
        );
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedErrors {
    errors: Vec<ExpectedError>,
    findings: Vec<aggrego::commands::fixtures::ExpectedFinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    file: String,
    line: usize,
    column: usize,
    message_contains: String,
}

/// `fixtures/_errors/`: malformed inputs, each a located error; nothing else.
#[test]
fn error_fixtures_are_located() {
    let dir = common::root().join("fixtures/_errors");
    let expected: ExpectedErrors =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let result = common::scan_paths(&[&dir], Some("2026-11-23T15:00:00Z"), "24h");
    assert!(
        result.findings.is_empty() && expected.findings.is_empty(),
        "{:?}",
        result.findings
    );
    let mut got: Vec<(String, usize, usize, String)> = result
        .errors
        .iter()
        .map(|e| {
            let lc = e.position(&result.files).expect("located");
            (rel(&dir, &e.path), lc.line, lc.column, e.message.clone())
        })
        .collect();
    got.sort();
    assert_eq!(got.len(), expected.errors.len(), "{got:#?}");
    for (g, w) in got.iter().zip(&expected.errors) {
        assert_eq!((&g.0, g.1, g.2), (&w.file, w.line, w.column), "{g:?}");
        assert!(
            g.3.contains(&w.message_contains),
            "{:?} lacks {:?}",
            g.3,
            w.message_contains
        );
    }
}
