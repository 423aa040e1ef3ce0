//! Reports: one module per format; nothing else writes the report.

pub mod codequality;
pub mod compact;
pub mod controls;
pub mod diff;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod scope;

use crate::model::NowSource;
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
    /// JUnit: only the failing and erroring test cases.
    pub junit_failures_only: bool,
    /// SARIF: the result cap and the repository root of relative URIs.
    pub sarif: sarif::SarifOptions,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 120,
            quiet: false,
            min_severity: crate::model::finding::Severity::Info,
            junit_failures_only: false,
            sarif: sarif::SarifOptions::default(),
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
        Format::Sarif => sarif::write_with(result, &opts.sarif, out),
        Format::Junit => junit::write_with(result, opts.junit_failures_only, out),
        Format::Markdown => markdown::write(result, out),
        Format::Html => html::write(result, out),
        Format::Codequality => codequality::write(result, out),
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

/// The one-line summary every human-readable output ends with.
pub fn summary(result: &ScanResult) -> String {
    let counts = json::counts(&result.findings);
    let suppressed = result.suppressed_count();
    let n = result.findings.len() - suppressed;
    let mut s = format!("aggrego: {n} finding{}", plural(n));
    if !counts.is_empty() {
        let parts: Vec<String> = counts
            .iter()
            .map(|(sev, n)| format!("{n} {}", sev.as_str()))
            .collect();
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    if suppressed > 0 {
        s.push_str(&format!(", {suppressed} suppressed"));
    }
    let e = result.errors.len();
    s.push_str(&format!(
        ", {e} error{}, {} file{} scanned; snapshot time {} ({})",
        plural(e),
        result.files_scanned,
        plural(result.files_scanned),
        result.now.rfc3339,
        match result.now_source {
            NowSource::Flag => "from --now",
            NowSource::Manifest => "capture time in the snapshot manifest",
            NowSource::Snapshot => "newest timestamp in the snapshot",
            NowSource::Clock => "the clock: no timestamp in the inputs",
        }
    ));
    s
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Says how many findings `-q` or `--min-severity` left out, if any, so a
/// short report is never mistaken for a clean one.
pub fn hidden(result: &ScanResult, opts: &RenderOptions) -> Option<String> {
    let n = result
        .active()
        .filter(|f| opts.quiet || f.severity < opts.min_severity)
        .count();
    (n > 0).then(|| {
        let why = if opts.quiet {
            "-q".to_string()
        } else {
            format!("--min-severity {}", opts.min_severity.as_str())
        };
        format!("{n} finding{} not shown ({why})", plural(n))
    })
}
