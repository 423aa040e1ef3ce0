//! Reports: one module per format; nothing else writes the report.

pub mod compact;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::scan::ScanResult;
use std::io::Write;

// The format is chosen on the command line, so its type is the configuration's.
pub use crate::config::cli::Format;

/// How a format wants to be written.
pub struct RenderOptions {
    pub color: bool,
    pub width: usize,
    /// Human and compact output: the summary and errors only.
    pub quiet: bool,
    /// Human and compact output: findings below this are not shown.
    pub min_severity: crate::model::finding::Severity,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 120,
            quiet: false,
            min_severity: crate::model::finding::Severity::Info,
        }
    }
}

pub fn write(
    format: Format,
    result: &ScanResult,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(result, opts, out),
        Format::Compact => compact::write(result, opts, out),
        Format::Json => json::write(result, out),
        Format::Sarif => sarif::write(result, out),
        Format::Junit => junit::write(result, out),
        Format::Markdown => markdown::write(result, out),
        Format::Html => html::write(result, out),
    }
}

/// Rows of the summary by severity and policy: (most severe first, rule id) →
/// (title, findings that count, suppressed ones).
pub type PolicyRows<'a> = std::collections::BTreeMap<
    (std::cmp::Reverse<crate::model::finding::Severity>, &'a str),
    (&'a str, usize, usize),
>;

pub fn by_policy(result: &ScanResult) -> PolicyRows<'_> {
    let mut table = PolicyRows::new();
    for f in &result.findings {
        let e = table
            .entry((std::cmp::Reverse(f.severity), &f.rule_id))
            .or_insert((&f.title, 0, 0));
        if f.suppressed {
            e.2 += 1;
        } else {
            e.1 += 1;
        }
    }
    table
}
