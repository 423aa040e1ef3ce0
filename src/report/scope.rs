//! The scope and provenance of a scan as people read them: one or two lines
//! for the human and Markdown reports, a section of the HTML page. What no
//! input says is written "unknown". The JSON report holds the whole of both
//! (`scope`, `provenance`).

use super::plural;
use crate::escape::html as esc;
use crate::resolve::scope::{Capture, Listing, Source};
use crate::scan::ScanResult;
use std::fmt::Write as _;

/// Rows of a list shown on the page at the most; all are in the JSON report.
const MAX_ROWS: usize = 1_000;

/// Shown only when an input states the scope or the capture: a snapshot
/// manifest, or a scan-wide account or region list.
fn shown(result: &ScanResult) -> bool {
    result.scope.stated() || !result.provenance.snapshots.is_empty()
}

/// The scope and capture in a line or two, when an input states them, and
/// who prepared the report when given; else nothing. `clean` makes each input
/// text safe for the output.
pub fn lines(result: &ScanResult, clean: fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    let s = &result.scope;
    if shown(result) {
        out.push(format!(
            "Scope: {}, {}, {}",
            count(&s.accounts, "account", clean, |l| {
                let expected = l.items.iter().filter(|a| a.expected).count();
                (expected != l.items.len()).then(|| format!("{expected} expected to report"))
            }),
            count(&s.regions, "region", clean, |_| None),
            count(&s.aggregators, "aggregator", clean, |_| None),
        ));
    }
    let p = &result.provenance;
    let mut capture = match p.snapshots.as_slice() {
        [] => String::new(),
        [c] => format!(
            "Captured {} by {} with {}",
            c.captured_at.as_deref().unwrap_or("at an unknown time"),
            c.caller_arn
                .as_deref()
                .or(c.caller_account.as_deref())
                .map_or_else(|| "an unknown caller".to_string(), clean),
            c.cli_version
                .as_deref()
                .map_or_else(|| "an unknown AWS CLI".to_string(), clean),
        ),
        many => format!("{} snapshot manifests", many.len()),
    };
    let failed: usize = p.snapshots.iter().map(|c| c.failed_calls.len()).sum();
    if !p.snapshots.is_empty() {
        let _ = write!(capture, "; {failed} failed call{}", plural(failed));
        if failed > 0 {
            capture.push_str(" (listed in the JSON and HTML reports)");
        }
    }
    if let Some(who) = &p.prepared_by {
        let lead = if capture.is_empty() {
            "Prepared"
        } else {
            "; prepared"
        };
        let _ = write!(capture, "{lead} by {}", clean(who));
    }
    if !capture.is_empty() {
        out.push(capture);
    }
    out
}

/// `5 accounts (organizations list-accounts)`, or `accounts unknown`.
fn count<T>(
    l: &Listing<T>,
    noun: &str,
    clean: fn(&str) -> String,
    note: impl Fn(&Listing<T>) -> Option<String>,
) -> String {
    let Some(src) = &l.source else {
        return format!("{noun}s unknown");
    };
    let n = l.items.len();
    match note(l) {
        Some(extra) => format!("{n} {noun}{} ({extra}; {})", plural(n), clean(&src.what)),
        None => format!("{n} {noun}{} ({})", plural(n), clean(&src.what)),
    }
}

/// The "Scope and provenance" section of the HTML page.
pub fn html_section(result: &ScanResult) -> String {
    let mut s = String::new();
    s.push_str("<section id=\"scope\">\n<h2>Scope and provenance</h2>\n");
    scope_tables(&mut s, result);
    provenance_tables(&mut s, result);
    s.push_str("</section>\n");
    s
}

fn opt(v: Option<&str>) -> String {
    v.map_or_else(|| "<span class=\"note\">unknown</span>".to_string(), esc)
}

fn source_cell(src: Option<&Source>) -> String {
    match src {
        None => "<span class=\"note\">unknown: no input lists them</span>".to_string(),
        Some(src) if src.files.is_empty() => esc(&src.what),
        Some(src) => format!(
            "{} (<span class=\"mono\">{}</span>)",
            esc(&src.what),
            src.files
                .iter()
                .map(|f| esc(f))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn scope_tables(s: &mut String, result: &ScanResult) {
    let sc = &result.scope;
    let regions = if sc.regions.items.is_empty() {
        opt(None)
    } else {
        sc.regions
            .items
            .iter()
            .map(|r| esc(r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        s,
        "<table class=\"scope\">\n<tr><th></th><th class=\"n\">In scope</th><th>Listed</th><th>Source</th></tr>\n\
<tr><th>Accounts</th><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n\
<tr><th>Regions</th><td class=\"n\">{}</td><td>{regions}</td><td>{}</td></tr>\n\
<tr><th>Aggregators</th><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>\n</table>",
        sc.accounts.items.len(),
        below(sc.accounts.items.len()),
        source_cell(sc.accounts.source.as_ref()),
        sc.regions.items.len(),
        source_cell(sc.regions.source.as_ref()),
        sc.aggregators.items.len(),
        below(sc.aggregators.items.len()),
        source_cell(sc.aggregators.source.as_ref()),
    );
    if !sc.accounts.items.is_empty() {
        let _ = writeln!(
            s,
            "<details><summary>{} account{}</summary>\n<table class=\"accounts\">\n<tr><th>Account</th><th>Name</th><th>Status</th><th>Expected to report</th></tr>",
            sc.accounts.items.len(),
            plural(sc.accounts.items.len())
        );
        for a in sc.accounts.items.iter().take(MAX_ROWS) {
            let _ = writeln!(
                s,
                "<tr><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.id),
                opt(a.name.as_deref()),
                opt(a.status.as_deref()),
                if a.expected { "yes" } else { "no" }
            );
        }
        s.push_str("</table>\n");
        more(s, sc.accounts.items.len());
        s.push_str("</details>\n");
    }
    if !sc.aggregators.items.is_empty() {
        s.push_str("<table class=\"aggregators\">\n<tr><th>Aggregator</th><th>Account</th><th>Region</th><th>Input</th><th>File</th></tr>\n");
        for a in sc.aggregators.items.iter().take(MAX_ROWS) {
            let _ = writeln!(
                s,
                "<tr><td class=\"mono\">{}</td><td class=\"mono\">{}</td><td>{}</td><td>{}</td><td class=\"mono\">{}</td></tr>",
                opt(a.name.as_deref()),
                opt(a.account.as_deref()),
                opt(a.region.as_deref()),
                esc(&a.kind),
                esc(&a.file)
            );
        }
        s.push_str("</table>\n");
        more(s, sc.aggregators.items.len());
    }
}

fn below(n: usize) -> String {
    if n == 0 {
        opt(None)
    } else {
        "listed below".to_string()
    }
}

fn more(s: &mut String, n: usize) {
    if n > MAX_ROWS {
        let _ = writeln!(
            s,
            "<p class=\"note\">… and {} more: see the JSON report.</p>",
            n - MAX_ROWS
        );
    }
}

fn provenance_tables(s: &mut String, result: &ScanResult) {
    let p = &result.provenance;
    let _ = writeln!(
        s,
        "<table class=\"provenance\">\n<tr><th>Prepared by</th><td>{}</td></tr>\n<tr><th>aggrego</th><td>{}</td></tr>\n</table>",
        p.prepared_by.as_deref().map_or_else(
            || "<span class=\"note\">not given (--prepared-by)</span>".to_string(),
            esc
        ),
        esc(&p.aggrego_version)
    );
    if p.snapshots.is_empty() {
        s.push_str("<p class=\"note\">No snapshot manifest in the inputs: when, by whom and with what they were captured is unknown.</p>\n");
    }
    for c in &p.snapshots {
        capture(s, c);
    }
    let _ = writeln!(
        s,
        "<details><summary>{} polic{} (SHA-256) and the effective flags</summary>\n<table class=\"policies\">\n<tr><th>Id</th><th>File</th><th>SHA-256</th></tr>",
        p.policies.len(),
        if p.policies.len() == 1 { "y" } else { "ies" }
    );
    for x in &p.policies {
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td class=\"mono\">{}</td><td class=\"mono\">{}</td></tr>",
            esc(&x.id),
            esc(&x.file),
            esc(&x.sha256)
        );
    }
    // Plain structs of strings and numbers: serialising cannot fail.
    let flags = serde_json::to_string_pretty(&p.flags).unwrap_or_default();
    let _ = writeln!(
        s,
        "</table>\n<pre class=\"mono\">{}</pre>\n</details>",
        esc(&flags)
    );
}

fn capture(s: &mut String, c: &Capture) {
    let regions = if c.regions.is_empty() {
        opt(None)
    } else {
        c.regions
            .iter()
            .map(|r| esc(r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        s,
        "<h3>Snapshot {}</h3>\n<table class=\"capture\">\n\
<tr><th>Captured at</th><td>{}</td></tr>\n<tr><th>Caller account</th><td class=\"mono\">{}</td></tr>\n\
<tr><th>Caller ARN</th><td class=\"mono\">{}</td></tr>\n<tr><th>AWS CLI</th><td>{}</td></tr>\n\
<tr><th>Generator</th><td>{}</td></tr>\n<tr><th>Regions captured</th><td>{regions}</td></tr>\n\
<tr><th>Region source</th><td>{}</td></tr>\n</table>",
        esc(&c.manifest),
        opt(c.captured_at.as_deref()),
        opt(c.caller_account.as_deref()),
        opt(c.caller_arn.as_deref()),
        opt(c.cli_version.as_deref()),
        opt(c.generator.as_deref()),
        opt(c.region_source.as_deref()),
    );
    if c.failed_calls.is_empty() {
        s.push_str("<p>No failed call recorded.</p>\n");
        return;
    }
    let _ = writeln!(
        s,
        "<p>{} failed call{}:</p>\n<table class=\"failed-calls\">\n<tr><th>Command</th><th>Region</th><th>Aggregator</th><th class=\"n\">Exit code</th><th>Error</th></tr>",
        c.failed_calls.len(),
        plural(c.failed_calls.len())
    );
    for f in &c.failed_calls {
        let fallback = f.fallback.as_deref().map_or(String::new(), |x| {
            format!(" <span class=\"note\">(stood in for by {})</span>", esc(x))
        });
        let _ = writeln!(
            s,
            "<tr><td class=\"mono\">{}{fallback}</td><td>{}</td><td class=\"mono\">{}</td><td class=\"n\">{}</td><td class=\"msg\">{}</td></tr>",
            esc(&f.command),
            f.region.as_deref().map_or_else(|| "—".to_string(), esc),
            f.aggregator.as_deref().map_or_else(|| "—".to_string(), esc),
            f.exit_code.map_or_else(|| opt(None), |n| n.to_string()),
            esc(&f.error)
        );
    }
    s.push_str("</table>\n");
}
