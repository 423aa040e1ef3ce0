//! Fixture folders: `<ID>/` holding `positive*` and `negative*` inputs and an
//! `expected.json` listing every finding of policy ID, by file, line and column;
//! or `<ID>/<case>/` folders, each scanned on its own, when the policy judges a
//! snapshot as a whole.
//! The built-in catalogue's tests and `aggrego test` share this code.

use crate::config::ScanConfig;
use crate::policy::engine::Engine;
use crate::scan::{self, Options};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub options: Opts,
    pub findings: Vec<ExpectedFinding>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Opts {
    pub now: Option<String>,
    pub max_age: Option<String>,
    /// `--expect-accounts`, relative to the fixture folder.
    pub expect_accounts: Option<String>,
    /// `--expect-regions`.
    #[serde(default)]
    pub expect_regions: Vec<String>,
    /// `--aggregator-in-every-region`.
    #[serde(default)]
    pub aggregator_in_every_region: bool,
    /// `--parameter KEY=VALUE`, in order.
    #[serde(default)]
    pub parameters: Vec<String>,
    /// `--var NAME=VALUE`, in order.
    #[serde(default)]
    pub vars: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFinding {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message_contains: Option<String>,
    pub remediation_contains: Option<String>,
    /// `info` … `critical`, when the finding's own severity is checked.
    pub severity: Option<String>,
}

/// A path as reports show it, relative to the fixture folder.
pub fn rel(dir: &Path, file: &str) -> String {
    let prefix = crate::load::source::display_path(dir);
    file.strip_prefix(&format!("{}/", prefix.trim_end_matches('/')))
        .unwrap_or(file)
        .to_string()
}

/// Folders under `roots` named after one of `ids` that hold an `expected.json`.
pub fn find(roots: &[PathBuf], ids: &[String]) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for root in roots.iter().filter(|r| r.is_dir()) {
        for e in walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_dir())
        {
            let name = e.file_name().to_string_lossy().to_string();
            if !ids.contains(&name) {
                continue;
            }
            if e.path().join("expected.json").is_file() {
                out.push((name, e.into_path()));
                continue;
            }
            // A policy whose inputs are scan-wide (a snapshot) keeps one folder per case.
            let mut cases: Vec<PathBuf> = std::fs::read_dir(e.path())
                .into_iter()
                .flatten()
                .filter_map(|c| c.ok().map(|c| c.path()))
                .filter(|c| c.join("expected.json").is_file())
                .collect();
            cases.sort();
            out.extend(cases.into_iter().map(|c| (name.clone(), c)));
        }
    }
    out
}

fn pairs(v: &[String]) -> Vec<(String, String)> {
    v.iter()
        .filter_map(|p| crate::config::cli::parse_key_value(p).ok())
        .collect()
}

/// Scan `dir` and compare policy `id`'s findings with `expected.json`: every
/// difference is one line of the result.
pub fn check(dir: &Path, id: &str, engine: &Engine) -> Result<(), Vec<String>> {
    let text = std::fs::read_to_string(dir.join("expected.json"))
        .map_err(|e| vec![format!("cannot read expected.json: {e}")])?;
    let expected: Expected =
        serde_json::from_str(&text).map_err(|e| vec![format!("expected.json: {e}")])?;
    let now = match &expected.options.now {
        Some(n) => Some(
            crate::model::timestamp::parse(n)
                .ok_or_else(|| vec![format!("expected.json: `{n}` is not an RFC 3339 time")])?,
        ),
        None => None,
    };
    let max_age = expected.options.max_age.as_deref().unwrap_or("24h");
    let max_age = humantime::parse_duration(max_age)
        .map_err(|e| vec![format!("expected.json: max_age `{max_age}`: {e}")])?;
    let config = ScanConfig {
        paths: vec![dir.to_path_buf()],
        now,
        max_age,
        expect_accounts: expected
            .options
            .expect_accounts
            .as_ref()
            .map(|f| dir.join(f)),
        expect_regions: expected.options.expect_regions.clone(),
        aggregator_in_every_region: expected.options.aggregator_in_every_region,
        parameters: pairs(&expected.options.parameters),
        vars: pairs(&expected.options.vars),
        ..ScanConfig::default()
    };
    let result = scan::scan(
        &Options {
            config,
            ..Options::default()
        },
        engine,
    );
    let mut problems: Vec<String> = result
        .errors
        .iter()
        .map(|e| format!("input error: {}: {}", e.path, e.message))
        .collect();
    let got: Vec<_> = result
        .findings
        .iter()
        .filter(|f| &*f.rule_id == id)
        .collect();
    let mut got_locs: Vec<(String, usize, usize)> = got
        .iter()
        .map(|f| (rel(dir, &f.file), f.line, f.column))
        .collect();
    got_locs.sort();
    let mut want_locs: Vec<(String, usize, usize)> = expected
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.column))
        .collect();
    want_locs.sort();
    for w in &want_locs {
        if !got_locs.contains(w) {
            problems.push(format!(
                "expected a finding at {}:{}:{}, got none",
                w.0, w.1, w.2
            ));
        }
    }
    for g in &got_locs {
        if !want_locs.contains(g) {
            problems.push(format!("unexpected finding at {}:{}:{}", g.0, g.1, g.2));
        }
    }
    for want in &expected.findings {
        let Some(f) = got.iter().find(|f| {
            rel(dir, &f.file) == want.file && f.line == want.line && f.column == want.column
        }) else {
            continue;
        };
        if let Some(m) = &want.message_contains {
            if !f.message.contains(m.as_str()) {
                problems.push(format!(
                    "{}:{}:{}: message {:?} lacks {m:?}",
                    want.file, want.line, want.column, f.message
                ));
            }
        }
        if let Some(r) = &want.remediation_contains {
            if !f.remediation.contains(r.as_str()) {
                problems.push(format!(
                    "{}:{}:{}: remediation {:?} lacks {r:?}",
                    want.file, want.line, want.column, f.remediation
                ));
            }
        }
        if let Some(sev) = &want.severity {
            if f.severity.as_str() != sev {
                problems.push(format!(
                    "{}:{}:{}: severity {} is not {sev}",
                    want.file,
                    want.line,
                    want.column,
                    f.severity.as_str()
                ));
            }
        }
        if f.title.is_empty() || f.remediation.is_empty() {
            problems.push(format!(
                "{}:{}: empty title or remediation",
                want.file, want.line
            ));
        }
    }
    // Positives and negatives are named so; every positive file has a finding.
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let r = rel(dir, &crate::load::source::display_path(entry.path()));
        if name.starts_with("negative") && got_locs.iter().any(|(f, _, _)| *f == r) {
            problems.push(format!("{r} is negative but has findings"));
        } else if name.starts_with("positive") && !got_locs.iter().any(|(f, _, _)| *f == r) {
            problems.push(format!("{r} is positive but has no finding"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
