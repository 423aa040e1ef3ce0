//! `--format codequality`: GitLab Code Quality, the Code Climate JSON a merge
//! request shows. An array of issues: the rule id and message, a severity, the
//! file and line, and a fingerprint that survives line moves. Suppressed
//! findings are left out; input errors are not issues.

use crate::model::finding::Severity;
use crate::scan::ScanResult;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// Code Quality's scale: info, minor, major, critical, blocker.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Low => "minor",
        Severity::Medium => "major",
        Severity::High => "critical",
        Severity::Critical => "blocker",
    }
}

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut seen = HashMap::new();
    let mut first = true;
    w.write_all(b"[")?;
    for f in &result.findings {
        // Occurrence numbers count every finding, as SARIF's do.
        let own = super::sarif::fingerprint(f, result, &mut seen);
        if f.suppressed {
            continue;
        }
        let mut h = Sha256::new();
        for part in [&*f.rule_id, &*f.file, own.as_str()] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        let issue = Issue {
            description: format!("{}: {}", f.rule_id, f.message),
            check_name: &f.rule_id,
            fingerprint: format!("{:x}", h.finalize()),
            severity: severity(f.severity),
            location: Location {
                path: f.file.strip_prefix("./").unwrap_or(&f.file),
                lines: Lines { begin: f.line },
            },
        };
        w.write_all(if first { b"\n  " } else { b",\n  " })?;
        first = false;
        serde_json::to_writer(&mut w, &issue)?;
    }
    w.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    w.flush()
}
