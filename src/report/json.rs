//! `--format json`: the stable, machine-readable report.

use crate::finding::{Finding, Severity};
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

/// Line and column of an error, when it has a place in a scanned file.
pub fn error_position(
    result: &ScanResult,
    e: &crate::diag::ScanError,
) -> Option<crate::source::LineCol> {
    position_in(&result.files, e)
}

/// The same, given the scanned files.
pub fn position_in(
    files: &[crate::source::SourceFile],
    e: &crate::diag::ScanError,
) -> Option<crate::source::LineCol> {
    match (e.file, &e.span) {
        (Some(id), Some(span)) => files.get(id as usize).map(|f| f.line_col(span.start)),
        _ => None,
    }
}

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let errors = result
        .errors
        .iter()
        .map(|e| {
            let lc = error_position(result, e);
            Error {
                file: &e.path,
                line: lc.map(|l| l.line),
                column: lc.map(|l| l.column),
                message: &e.message,
                help: e.help.as_deref(),
            }
        })
        .collect();
    let report = Report {
        tool: Tool {
            name: "aggrego",
            version: env!("CARGO_PKG_VERSION"),
        },
        now: &result.now.rfc3339,
        now_source: result.now_source,
        summary: Summary {
            files_scanned: result.files_scanned,
            findings: result.findings.len() - result.suppressed_count(),
            suppressed: result.suppressed_count(),
            errors: result.errors.len(),
            by_severity: BySeverity(&result.findings),
        },
        findings: &result.findings,
        errors,
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, &report)?;
    w.write_all(b"\n")?;
    w.flush()
}
