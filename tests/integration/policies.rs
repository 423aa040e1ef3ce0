//! Data-driven policy tests: every `fixtures/<ID>/` folder is scanned, and the
//! findings of policy ID must be exactly those in its `expected.json`; files
//! named `negative*` must produce none. Adding a fixture file and its expected
//! finding is all it takes to add a case.

use crate::common;

use serde::Deserialize;
use std::path::Path;

fn rel(dir: &Path, file: &str) -> String {
    let prefix = aggrego::load::source::display_path(dir);
    file.strip_prefix(&format!("{prefix}/"))
        .unwrap_or(file)
        .to_string()
}

#[test]
fn every_policy_fixture_folder() {
    let fixtures = common::root().join("fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("fixtures folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 4, "expected a fixture folder per policy");
    let engine = common::engine();
    let ids: Vec<String> = engine
        .policies()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    for dir in dirs {
        let id = dir.file_name().unwrap().to_string_lossy().to_string();
        assert!(ids.contains(&id), "fixtures/{id} names no policy");
        let cases =
            aggrego::policy::fixtures::find(std::slice::from_ref(&dir), std::slice::from_ref(&id));
        assert!(!cases.is_empty(), "fixtures/{id} has no expected.json");
        for (_, case) in cases {
            check_folder(&case, &id);
        }
    }
    // Every policy has fixtures.
    for id in ids {
        assert!(
            fixtures.join(&id).is_dir(),
            "policy {id} has no fixtures/{id}/"
        );
    }
}

fn check_folder(dir: &Path, id: &str) {
    if let Err(problems) = aggrego::policy::fixtures::check(dir, id, &common::engine()) {
        panic!("{}:\n  {}", dir.display(), problems.join("\n  "));
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedErrors {
    errors: Vec<ExpectedError>,
    findings: Vec<aggrego::policy::fixtures::ExpectedFinding>,
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
