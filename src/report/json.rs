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
    findings: usize,
    errors: usize,
    by_severity: BySeverity<'a>,
}

/// Counts per severity, most severe first, zero counts left out.
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

pub fn counts(findings: &[Finding]) -> Vec<(Severity, usize)> {
    Severity::ALL
        .iter()
        .map(|s| (*s, findings.iter().filter(|f| f.severity == *s).count()))
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
    let errors = result
        .errors
        .iter()
        .map(|e| {
            let lc = match (e.file, &e.span) {
                (Some(id), Some(span)) => result
                    .files
                    .get(id as usize)
                    .map(|f| f.line_col(span.start)),
                _ => None,
            };
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
            findings: result.findings.len(),
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
