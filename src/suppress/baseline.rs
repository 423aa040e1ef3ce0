//! Baselines: the findings a repository had when it adopted aggrego, so that
//! only new ones fail the run. `aggrego baseline create` writes one; with
//! `--baseline FILE` each finding that matches an entry (same rule and
//! fingerprint, whatever its line) is accepted like a suppression of kind
//! `baseline`, counted in every report, and an entry that matches nothing is
//! reported like an unused waiver (AGG902): it was fixed.

use crate::diag::Diagnostic;
use crate::input::yaml::{from_yaml, yaml_depth_ok, N, V};
use crate::load::source::SourceFile;
use crate::model::finding::Finding;
use crate::model::FileId;
use serde::Serialize;
use std::ops::Range;

/// The file `aggrego baseline create` writes by default.
pub const DEFAULT_FILE: &str = ".aggrego-baseline.json";
/// The `format` of a baseline file.
pub const FORMAT: &str = "aggrego-baseline/1";

/// One finding of the baseline.
#[derive(Debug, Clone)]
pub struct Entry {
    pub rule: String,
    pub fingerprint: String,
    /// Where it was when recorded, for messages.
    pub was_at: String,
    /// The entry in the baseline file.
    pub file: FileId,
    pub span: Range<usize>,
}

/// The entries of baseline file `id`, or located errors.
pub fn parse(id: FileId, file: &SourceFile) -> (Vec<Entry>, Vec<Diagnostic>) {
    let error = |span: Range<usize>, m: String| Diagnostic::at(&file.name, id, span, m);
    if let Err((at, m)) = yaml_depth_ok(&file.text, 16) {
        return (Vec::new(), vec![error(at..at + 1, m)]);
    }
    let root = match from_yaml(&file.text) {
        Ok(r) => r,
        Err((at, m)) => {
            return (
                Vec::new(),
                vec![error(at..at + 1, format!("not JSON: {m}"))],
            )
        }
    };
    let not_ours = |span: Range<usize>| {
        error(
            span,
            format!("not an aggrego baseline (a JSON object with \"format\": \"{FORMAT}\"; `aggrego baseline create` makes one)"),
        )
    };
    match root.get("format").map(|f| &f.v) {
        Some(V::Str(f)) if f == FORMAT => {}
        Some(_) => {
            return (
                Vec::new(),
                vec![not_ours(
                    root.get("format")
                        .map_or(root.span.clone(), |f| f.span.clone()),
                )],
            )
        }
        None => return (Vec::new(), vec![not_ours(root.span.clone())]),
    }
    let Some(N {
        v: V::Seq(items), ..
    }) = root.get("findings")
    else {
        return (
            Vec::new(),
            vec![error(
                root.span.clone(),
                "a baseline holds a \"findings\" list".into(),
            )],
        );
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for item in items {
        let text = |k: &str| match item.get(k).map(|n| &n.v) {
            Some(V::Str(s)) => Some(s.clone()),
            _ => None,
        };
        match (text("rule"), text("fingerprint")) {
            (Some(rule), Some(fingerprint)) => entries.push(Entry {
                rule,
                fingerprint,
                was_at: match (text("file"), item.get("line").map(|n| &n.v)) {
                    (Some(f), Some(V::Num(l))) => format!("{f}:{l}"),
                    (Some(f), _) => f,
                    _ => "an unknown place".into(),
                },
                file: id,
                span: item.span.clone(),
            }),
            _ => errors.push(error(
                item.span.clone(),
                "a baseline entry has a \"rule\" and a \"fingerprint\"".into(),
            )),
        }
    }
    (entries, errors)
}

#[derive(Serialize)]
struct Baseline<'a> {
    format: &'static str,
    tool: String,
    /// The scan's snapshot time.
    created: &'a str,
    findings: Vec<Recorded<'a>>,
}

#[derive(Serialize)]
struct Recorded<'a> {
    rule: &'a str,
    fingerprint: String,
    /// Where it was, for people reading the file; matching ignores it.
    file: &'a str,
    line: usize,
    message: &'a str,
}

/// The baseline of `findings` (those not suppressed), as pretty JSON.
pub fn write(findings: &[Finding], files: &[SourceFile], created: &str) -> String {
    let mut recorded: Vec<Recorded<'_>> = findings
        .iter()
        .filter(|f| !f.suppressed)
        .map(|f| Recorded {
            rule: &f.rule_id,
            fingerprint: f.fingerprint(text_of(f, files)),
            file: &f.file,
            line: f.line,
            message: &f.message,
        })
        .collect();
    recorded.sort_by(|a, b| {
        (a.file, a.line, a.rule, &a.fingerprint).cmp(&(b.file, b.line, b.rule, &b.fingerprint))
    });
    let b = Baseline {
        format: FORMAT,
        tool: format!("aggrego {}", env!("CARGO_PKG_VERSION")),
        created,
        findings: recorded,
    };
    let mut s = serde_json::to_string_pretty(&b).unwrap_or_default();
    s.push('\n');
    s
}

/// The offending text of `f`.
pub fn text_of<'f>(f: &Finding, files: &'f [SourceFile]) -> &'f str {
    files
        .get(f.file_id as usize)
        .and_then(|file| file.text.get(f.span.clone()))
        .unwrap_or("")
}
