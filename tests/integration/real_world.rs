//! The real-world corpus (`corpus/`): public templates and modules copied
//! unchanged, each folder with the result AWS semantics give it
//! (`expected.json`, decided from how CloudFormation, Terraform and the API
//! behave, not from aggrego's output); and `fixtures/_semantics/`, minimal
//! reproductions of what real files do, in the same form. Every finding above
//! info must be exactly those listed, no file may be an error, and the exit
//! code is checked when given. Adding a case is adding a folder.

use crate::common;

use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    #[serde(default = "here")]
    scan: Vec<String>,
    #[serde(default)]
    args: Vec<String>,
    findings: Vec<Finding>,
    /// The exit code, when checked.
    #[serde(default)]
    exit: Option<i32>,
    /// Environment variables for the run (`TF_VAR_*`).
    #[serde(default)]
    env: std::collections::BTreeMap<String, String>,
    /// Errors the run must report (a part of each message), and no others.
    #[serde(default)]
    errors: Vec<String>,
    /// Why, per definition (read by people; not checked).
    #[serde(default)]
    #[allow(dead_code)]
    aggregators: serde_json::Value,
    #[serde(default)]
    #[allow(dead_code)]
    cfn_lint: serde_json::Value,
    #[serde(default)]
    #[allow(dead_code)]
    notes: String,
}

fn here() -> Vec<String> {
    vec![".".into()]
}

#[derive(Deserialize)]
struct Finding {
    rule: String,
    file: String,
    line: usize,
    #[serde(default)]
    message_contains: Option<String>,
    #[allow(dead_code)]
    why: String,
}

fn cases(dir: &str) -> Vec<std::path::PathBuf> {
    let mut cases: Vec<_> = std::fs::read_dir(common::root().join(dir))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_real_world_case() {
    let cases = cases("corpus");
    assert!(cases.len() >= 30, "{} cases", cases.len());
    check_all(&cases);
}

#[test]
fn every_semantics_case() {
    check_all(&cases("fixtures/_semantics"));
}

fn check_all(cases: &[std::path::PathBuf]) {
    let mut problems = Vec::new();
    for case in cases {
        if let Err(p) = check(case) {
            problems.push(format!("{}:\n  {}", case.display(), p.join("\n  ")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn check(case: &Path) -> Result<(), Vec<String>> {
    let expected: Expected = serde_json::from_str(
        &std::fs::read_to_string(case.join("expected.json")).map_err(|e| vec![e.to_string()])?,
    )
    .map_err(|e| vec![format!("expected.json: {e}")])?;
    let mut args = vec!["scan".to_string()];
    args.extend(expected.scan.iter().cloned());
    args.extend(expected.args.iter().cloned());
    args.extend(["--format", "json", "--now", "2026-12-01T00:00:00Z"].map(String::from));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .args(&args)
        .current_dir(case)
        .env_remove("NO_COLOR")
        .envs(&expected.env)
        .output()
        .map_err(|e| vec![e.to_string()])?;
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        vec![format!(
            "no JSON report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )]
    })?;
    let mut problems: Vec<String> = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| {
            let m = e["message"].as_str().unwrap_or("");
            !expected.errors.iter().any(|x| m.contains(x.as_str()))
        })
        .map(|e| format!("error: {} {}", e["file"], e["message"]))
        .collect();
    for x in &expected.errors {
        let found = report["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|e| e["message"].as_str().unwrap_or("").contains(x.as_str()));
        if !found {
            problems.push(format!("missing error {x:?}"));
        }
    }
    let got: Vec<(String, String, usize, String)> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] != "info" && f["suppressed"] != true)
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0) as usize,
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for w in &expected.findings {
        match got
            .iter()
            .find(|g| g.0 == w.rule && g.1 == w.file && g.2 == w.line)
        {
            None => problems.push(format!("missing {} at {}:{}", w.rule, w.file, w.line)),
            Some(g) => {
                if let Some(m) = &w.message_contains {
                    if !g.3.contains(m.as_str()) {
                        problems.push(format!(
                            "{} at {}:{}: {:?} lacks {m:?}",
                            w.rule, w.file, w.line, g.3
                        ));
                    }
                }
            }
        }
    }
    for g in &got {
        if !expected
            .findings
            .iter()
            .any(|w| g.0 == w.rule && g.1 == w.file && g.2 == w.line)
        {
            problems.push(format!("unexpected {} at {}:{}: {}", g.0, g.1, g.2, g.3));
        }
    }
    if let Some(code) = expected.exit {
        if out.status.code() != Some(code) {
            problems.push(format!(
                "exit code {:?}, expected {code}",
                out.status.code()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
