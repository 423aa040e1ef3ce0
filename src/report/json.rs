//! `--format json`: the stable, machine-readable report.

use crate::model::finding::{Finding, Severity};
use crate::scan::ScanResult;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Report<'a> {
    tool: Tool,
    now: &'a str,
    now_source: &'a str,
    summary: Summary<'a>,
    findings: &'a [Finding],
    errors: Vec<Error<'a>>,
    scope: &'a crate::resolve::scope::Scope,
    provenance: &'a crate::scan::provenance::Provenance,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary<'a> {
    files_scanned: usize,
    /// Findings that count (not suppressed).
    findings: usize,
    suppressed: usize,
    errors: usize,
    by_severity: BySeverity<'a>,
    /// Results per control: one row per policy that ran, by rule id.
    by_rule: Vec<super::controls::Control<'a>>,
}

/// Counts of unsuppressed findings per severity, most severe first, zero counts left out.
struct BySeverity<'a>(&'a [Finding]);

impl Serialize for BySeverity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let counts = counts(self.0);
        let mut map = s.serialize_map(Some(counts.len()))?;
        for (sev, n) in counts {
            map.serialize_entry(sev.as_str(), &n)?;
        }
        map.end()
    }
}

/// Unsuppressed findings per severity, most severe first, zero counts left out.
pub fn counts(findings: &[Finding]) -> Vec<(Severity, usize)> {
    let mut n = [0usize; 5];
    for f in findings.iter().filter(|f| !f.suppressed) {
        n[f.severity as usize] += 1;
    }
    Severity::ALL
        .iter()
        .map(|s| (*s, n[*s as usize]))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[derive(Serialize)]
struct Error<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let report = report(result, &[]);
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    // Everything but the findings, as serde_json writes it; the findings,
    // most of a large report, are written into its empty list, each made in
    // parallel exactly as serde_json would write it there.
    let head = serde_json::to_vec_pretty(&report)?;
    let marker: &[u8] = b"\n  \"findings\": []";
    let at = head
        .windows(marker.len())
        .position(|w| w == marker)
        .ok_or_else(|| std::io::Error::other("the report has no findings list"))?;
    let (before, after) = head.split_at(at + marker.len() - 1);
    w.write_all(before)?;
    if !result.findings.is_empty() {
        use rayon::prelude::*;
        for (batch, findings) in result.findings.chunks(BATCH).enumerate() {
            let rendered: Vec<Vec<u8>> = findings
                .par_iter()
                .enumerate()
                .map(|(i, f)| element(f, batch == 0 && i == 0))
                .collect::<Result<_, _>>()?;
            for r in rendered {
                w.write_all(&r)?;
            }
        }
        w.write_all(b"\n  ")?;
    }
    w.write_all(after)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// Findings rendered at a time: enough to keep every core busy, few enough
/// that a large report is never held whole in memory.
const BATCH: usize = 8192;

/// One finding as an element of the report's `findings` list: on a new line,
/// indented two levels, after a comma unless it is the first.
fn element(f: &Finding, first: bool) -> std::io::Result<Vec<u8>> {
    let text = serde_json::to_vec_pretty(f)?;
    let mut out = Vec::with_capacity(text.len() + text.len() / 8 + 8);
    out.extend_from_slice(if first { b"\n    " } else { b",\n    " });
    // A newline in pretty JSON is always structural: strings escape theirs.
    for (i, line) in text.split(|b| *b == b'\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\n    ");
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

fn report<'a>(result: &'a ScanResult, findings: &'a [Finding]) -> Report<'a> {
    let errors = result
        .errors
        .iter()
        .map(|e| {
            let lc = e.position(&result.files);
            Error {
                file: &e.path,
                line: lc.map(|l| l.line),
                column: lc.map(|l| l.column),
                message: &e.message,
                help: e.help.as_deref(),
            }
        })
        .collect();
    Report {
        tool: Tool {
            name: "aggrego",
            version: env!("CARGO_PKG_VERSION"),
        },
        now: &result.now.rfc3339,
        now_source: result.now_source.as_str(),
        summary: Summary {
            files_scanned: result.files_scanned,
            findings: result.findings.len() - result.suppressed_count(),
            suppressed: result.suppressed_count(),
            errors: result.errors.len(),
            by_severity: BySeverity(&result.findings),
            by_rule: super::controls::by_rule(result),
        },
        findings,
        errors,
        scope: &result.scope,
        provenance: &result.provenance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report is byte for byte what serde_json writes of the whole of it.
    #[test]
    fn as_serde_json_writes_it() {
        let finding = |i: usize, msg: &str| Finding {
            rule_id: std::sync::Arc::from("AGG001"),
            severity: Severity::High,
            title: std::sync::Arc::from("T \"q\""),
            message: format!("{msg} {i}"),
            file: std::sync::Arc::from("a/b.json"),
            line: i,
            column: 1,
            end_line: i,
            end_column: 9,
            resource: crate::model::finding::Resource::default(),
            remediation: "line one\nline two\t\u{1F600} \\ \"x\"".into(),
            references: std::sync::Arc::from(vec!["https://x".to_string()]),
            suppressed: i % 3 == 0,
            suppression: None,
            file_id: 0,
            span: 0..1,
        };
        for n in [0, 1, 2, BATCH + 5] {
            let result = ScanResult {
                files: Vec::new(),
                files_scanned: 3,
                findings: (0..n).map(|i| finding(i, "m\n{}[]\"")).collect(),
                errors: vec![crate::diag::Diagnostic::whole("x.json", "bad \"x\"\n")],
                now: crate::model::timestamp::Instant::from_ns(0),
                now_source: crate::model::NowSource::Flag,
                rules: Vec::new(),
                checked: Default::default(),
                nothing_checked: false,
                coverage: Vec::new(),
                scope: Default::default(),
                provenance: Default::default(),
                tallies: Default::default(),
            };
            let mut ours = Vec::new();
            write(&result, &mut ours).unwrap();
            let mut theirs = serde_json::to_vec_pretty(&report(&result, &result.findings)).unwrap();
            theirs.push(b'\n');
            assert!(ours == theirs, "{n} findings: the reports differ");
        }
    }
}
