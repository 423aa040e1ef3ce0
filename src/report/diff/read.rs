//! A JSON report (`aggrego scan --format json`) read as one side of a diff,
//! and the rules every side follows: file names relative to the scanned
//! root, and the scope a report records.

use super::{Item, Resource, Scope, Side};
use crate::diag::Diagnostic;
use crate::model::finding::Severity;
use serde::Deserialize;

/// The largest JSON report read (it is parsed whole).
pub const MAX_REPORT: u64 = 512 * 1024 * 1024;

#[derive(Deserialize)]
struct Report {
    now: String,
    findings: Vec<Finding>,
    #[serde(default)]
    errors: Vec<ErrorEntry>,
}

#[derive(Deserialize)]
struct Finding {
    rule_id: String,
    severity: Severity,
    file: String,
    line: u64,
    column: u64,
    message: String,
    #[serde(default)]
    resource: Option<Resource>,
    #[serde(default)]
    suppressed: bool,
    #[serde(default)]
    suppression: Option<Suppression>,
}

#[derive(Deserialize)]
struct Suppression {
    kind: String,
}

#[derive(Deserialize)]
struct ErrorEntry {
    file: String,
}

impl<'de> Deserialize<'de> for Resource {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct R {
            aggregator: Option<String>,
            account: Option<String>,
            region: Option<String>,
        }
        let r = R::deserialize(d)?;
        Ok(Resource {
            aggregator: r.aggregator,
            account: r.account,
            region: r.region,
        })
    }
}

/// What a file is, judged from its first bytes and its JSON: the reader to
/// use, or why it is neither a report nor a package.
pub enum Kind {
    Report(serde_json::Value),
    /// An evidence package's own manifest.json, given instead of its package.
    Manifest,
}

/// `bytes` (the file `name`) as a JSON report, or a located error. File
/// names are made relative to the scanned root: one of `roots` (folder names
/// an evidence package records) when given, else the folder all of them
/// share ([`common_folder`]).
pub fn report(name: &str, bytes: &[u8], roots: Option<&[String]>) -> Result<Side, Diagnostic> {
    let value = match kind(name, bytes)? {
        Kind::Report(v) => v,
        Kind::Manifest => {
            return Err(Diagnostic::text(
                name,
                1,
                1,
                String::new(),
                "this is an evidence package's manifest.json: give the package (its folder or .zip file) instead",
            ))
        }
    };
    let scope = scope_of_report(&value);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed: Report = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        at(
            name,
            bytes,
            inner.line(),
            inner.column(),
            format!(
                "not an aggrego JSON report: at `{}`: {}",
                e.path(),
                crate::escape::clean(&without_position(&inner.to_string()))
            ),
        )
    })?;
    let mut findings: Vec<Item> = parsed
        .findings
        .into_iter()
        .map(|f| Item {
            rule_id: f.rule_id,
            severity: f.severity,
            file: f.file,
            line: f.line,
            column: f.column,
            message: f.message,
            resource: f.resource.unwrap_or_default(),
            suppressed: f
                .suppressed
                .then(|| f.suppression.map_or_else(|| "unknown".into(), |s| s.kind)),
        })
        .collect();
    let errors: Vec<String> = parsed.errors.into_iter().map(|e| e.file).collect();
    match roots {
        Some(roots) => {
            for f in &mut findings {
                if let Some(r) = roots.iter().find(|r| f.file.starts_with(&format!("{r}/"))) {
                    f.file = strip_root(&f.file, &format!("{r}/"));
                }
            }
        }
        None => {
            let root = common_folder(
                findings
                    .iter()
                    .map(|f| f.file.as_str())
                    .chain(errors.iter().map(String::as_str)),
            );
            for f in &mut findings {
                f.file = strip_root(&f.file, &root);
            }
        }
    }
    Ok(Side {
        name: name.to_string(),
        kind: "report".into(),
        now: parsed.now,
        errors: errors.len(),
        findings,
        scope,
        statuses: Err("a JSON report, which records no source statuses".into()),
    })
}

/// Judge `bytes`: JSON at all, and an aggrego report (or a package's manifest).
pub fn kind(name: &str, bytes: &[u8]) -> Result<Kind, Diagnostic> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        at(
            name,
            bytes,
            e.line(),
            e.column(),
            format!(
                "not JSON ({}): give a JSON report (`aggrego scan --format json`) or an evidence package",
                crate::escape::clean(&without_position(&e.to_string()))
            ),
        )
    })?;
    let tool = value.pointer("/tool/name").and_then(|v| v.as_str());
    let format = value.get("format").and_then(|v| v.as_str());
    // evidence::manifest::FORMAT's family (report/ comes before evidence/).
    if format.is_some_and(|f| f.starts_with("aggrego-evidence/")) {
        return Ok(Kind::Manifest);
    }
    if tool != Some("aggrego") || !value.get("findings").is_some_and(|f| f.is_array()) {
        return Err(at(
            name,
            bytes,
            1,
            1,
            "not an aggrego JSON report (an object with \"tool\": {\"name\": \"aggrego\"} and a \"findings\" list; `aggrego scan --format json` writes one)".into(),
        ));
    }
    Ok(Kind::Report(value))
}

/// serde_json's message without its " at line L column C": the diagnostic
/// is located already.
fn without_position(m: &str) -> String {
    match m.rfind(" at line ") {
        Some(i) if m[i..].contains(" column ") => m[..i].to_string(),
        _ => m.to_string(),
    }
}

/// A diagnostic at `line:column` of `bytes`, with that line as its snippet.
fn at(name: &str, bytes: &[u8], line: usize, column: usize, message: String) -> Diagnostic {
    let line = line.max(1);
    let text = String::from_utf8_lossy(bytes);
    let shown: String = text
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    let snippet = if shown.trim().is_empty() {
        String::new()
    } else {
        format!(
            "  {}\n  {}^",
            crate::escape::clean_name(&shown),
            " ".repeat(column.saturating_sub(1).min(200))
        )
    };
    Diagnostic::text(name, line, column.max(1), snippet, message)
}

/// The accounts and regions a JSON report records in its `scope` (the
/// report's own: [`crate::resolve::scope::Scope`]): the accounts expected to
/// report (a suspended account has left scope) and the regions, or why they
/// are unknown. A report made before `scope` existed, or whose inputs state
/// neither list, has no scope to compare: the accounts its findings name are
/// not its scope.
pub fn scope_of_report(report: &serde_json::Value) -> Result<Scope, String> {
    let Some(value) = report.get("scope") else {
        return Err(
            "a JSON report that records no scope (made by an aggrego before it did)".into(),
        );
    };
    let scope = crate::resolve::scope::Scope::deserialize(value)
        .map_err(|e| format!("a JSON report whose scope is not aggrego's ({e})"))?;
    if scope.accounts.source.is_none() && scope.regions.source.is_none() {
        return Err("a JSON report whose inputs state no accounts or regions".into());
    }
    Ok(Scope {
        accounts: scope
            .accounts
            .items
            .into_iter()
            .filter(|a| a.expected)
            .map(|a| a.id)
            .collect(),
        regions: scope.regions.items.into_iter().collect(),
    })
}

/// The folder every name lies in (`a/b/` for `a/b/x.json` and `a/b/c/y.json`;
/// empty when they share none), taken as the scanned root of a JSON report,
/// which does not record it.
pub fn common_folder<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut common: Option<Vec<&str>> = None;
    for n in names {
        let mut parts: Vec<&str> = n.split('/').collect();
        parts.pop();
        common = Some(match common {
            None => parts,
            Some(c) => c
                .iter()
                .zip(&parts)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    match common {
        Some(c) if !c.is_empty() => format!("{}/", c.join("/")),
        _ => String::new(),
    }
}

/// `name` relative to `root` (a folder ending in `/`, or empty).
pub fn strip_root(name: &str, root: &str) -> String {
    name.strip_prefix(root).unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_folder_is_the_root() {
        let f = |names: &[&str]| common_folder(names.iter().copied());
        assert_eq!(f(&["a/b/x.json", "a/b/c/y.json"]), "a/b/");
        assert_eq!(f(&["a/x.json", "b/y.json"]), "");
        assert_eq!(f(&["x.json"]), "");
        assert_eq!(f(&["/tmp/s/us-east-1/x.json"]), "/tmp/s/us-east-1/");
        assert_eq!(f(&[]), "");
    }

    #[test]
    fn a_scope_object_is_read_when_present() {
        let account = |id: &str, expected: bool| serde_json::json!({"id": id, "name": null, "status": null, "expected": expected});
        let source = serde_json::json!({"kind": "flag", "what": "--expect-accounts", "files": []});
        let v = serde_json::json!({"scope": {
            "accounts": {"source": source, "items": [account("1", true), account("2", false)]},
            "regions": {"source": null, "items": []},
            "aggregators": {"source": null, "items": []}
        }});
        // A suspended (not expected) account is not in scope.
        let s =
            scope_of_report(&v).map(|s| (s.accounts.into_iter().collect::<Vec<_>>(), s.regions));
        assert_eq!(s, Ok((vec!["1".to_string()], Default::default())));
        assert!(scope_of_report(&serde_json::json!({})).is_err());
        let nothing_stated = serde_json::json!({"scope": {
            "accounts": {"source": null, "items": []},
            "regions": {"source": null, "items": []},
            "aggregators": {"source": null, "items": []}
        }});
        assert!(scope_of_report(&nothing_stated).is_err());
    }
}
