//! `aggrego diff --format html`: one self-contained page (the scan report's
//! style and content security policy), and the same section for an evidence
//! package's report.html ("Changes since …"). Input text through `esc`.

use super::{source_words, status_word, Diff, Item, Known, SuppressedHow};
use crate::escape::html as esc;
use crate::report::html::{sev, CSP, STYLE};
use std::fmt::Write as _;
use std::io::Write;

pub fn write(diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = String::with_capacity(16 * 1024);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>aggrego diff</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
<header>\n<h1>aggrego diff</h1>\n</header>\n"
    );
    s.push_str(&section(diff, "Changes"));
    let _ = writeln!(
        s,
        "<footer>aggrego {} · findings sorted by rule, severity, file and line</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// The diff as one `<section id="changes">` headed `title`.
pub fn section(diff: &Diff, title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section id=\"changes\">\n<h2>{}</h2>\n<p>From <b>{}</b> (snapshot time {}) to <b>{}</b> (snapshot time {}).</p>\n<ul>",
        esc(title),
        esc(&diff.old.name),
        esc(&diff.old.now),
        esc(&diff.new.name),
        esc(&diff.new.now),
    );
    for l in super::human::summary_lines(diff) {
        let _ = writeln!(s, "<li>{}</li>", esc(&l));
    }
    s.push_str("</ul>\n");
    findings(&mut s, diff);
    scope(&mut s, diff);
    sources(&mut s, diff);
    suppressed(&mut s, diff);
    s.push_str("</section>\n");
    s
}

fn rows(s: &mut String, change: &str, items: &[&Item]) {
    for f in items {
        let _ = writeln!(
            s,
            "<tr><td>{change}</td><td>{}</td><td><code>{}</code></td><td><code>{}:{}:{}</code></td><td>{}</td></tr>",
            sev(f.severity),
            esc(&f.rule_id),
            esc(&f.file),
            f.line,
            f.column,
            esc(&f.message)
        );
    }
}

fn findings(s: &mut String, diff: &Diff) {
    s.push_str("<h3>Findings</h3>\n");
    if diff.rules.is_empty() {
        s.push_str("<p>No findings on either side.</p>\n");
        return;
    }
    s.push_str("<table class=\"by-policy\">\n<tr><th>Rule</th><th class=\"n\">New</th><th class=\"n\">Resolved</th><th class=\"n\">Unchanged</th></tr>\n");
    for r in &diff.rules {
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&r.rule_id),
            r.new.len(),
            r.resolved.len(),
            r.unchanged.len()
        );
    }
    s.push_str("</table>\n");
    let new: Vec<&Item> = diff.rules.iter().flat_map(|r| &r.new).collect();
    let resolved: Vec<&Item> = diff.rules.iter().flat_map(|r| &r.resolved).collect();
    if new.is_empty() && resolved.is_empty() {
        return;
    }
    s.push_str("<table class=\"changes\">\n<tr><th>Change</th><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr>\n");
    rows(s, "new", &new);
    rows(s, "resolved", &resolved);
    s.push_str("</table>\n");
}

fn scope(s: &mut String, diff: &Diff) {
    let Known::Yes(c) = &diff.scope else {
        return;
    };
    if c.is_empty() {
        return;
    }
    s.push_str("<h3>Scope</h3>\n<ul>\n");
    for (what, list) in [
        ("account entered", &c.accounts_entered),
        ("account left", &c.accounts_left),
        ("region entered", &c.regions_entered),
        ("region left", &c.regions_left),
    ] {
        for x in list {
            let _ = writeln!(s, "<li>{what}: <code>{}</code></li>", esc(x));
        }
    }
    s.push_str("</ul>\n");
}

fn sources(s: &mut String, diff: &Diff) {
    let Known::Yes(c) = &diff.sources else {
        return;
    };
    if c.is_empty() {
        return;
    }
    s.push_str("<h3>Source status changes</h3>\n<table class=\"sources\">\n<tr><th>Source</th><th>Before</th><th>Now</th></tr>\n");
    for ch in c {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&source_words(ch)),
            esc(status_word(&ch.old)),
            esc(status_word(&ch.new))
        );
    }
    s.push_str("</table>\n");
}

fn suppressed(s: &mut String, diff: &Diff) {
    let changed: Vec<_> = diff
        .suppressed
        .iter()
        .filter(|c| c.change != SuppressedHow::Unchanged)
        .collect();
    if changed.is_empty() {
        return;
    }
    s.push_str("<h3>Suppressed findings (not counted)</h3>\n<table class=\"changes\">\n<tr><th>Change</th><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr>\n");
    for c in changed {
        let how = match c.change {
            SuppressedHow::New => "new, suppressed",
            SuppressedHow::Gone => "gone",
            SuppressedHow::NewlySuppressed => "newly suppressed",
            SuppressedHow::Unchanged => "unchanged",
        };
        rows(s, how, &[&c.item]);
    }
    s.push_str("</table>\n");
}
