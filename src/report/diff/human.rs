//! A diff for people: a short summary, then one section per kind of change.
//! Input text is shown through `escape`, as every terminal report does.

use super::{source_words, status_word, Diff, Item, Known, SuppressedHow};
use crate::escape::{clean, clean_name};
use crate::report::plural;
use std::fmt::Write as _;
use std::io::Write;

pub fn write(diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(text(diff).as_bytes())
}

/// The summary lines every text format starts with.
pub fn summary_lines(diff: &Diff) -> Vec<String> {
    let s = &diff.summary;
    let mut lines = Vec::new();
    let by_severity: Vec<String> = crate::model::finding::Severity::ALL
        .iter()
        .filter_map(|sev| {
            s.new_by_severity
                .get(sev.as_str())
                .map(|n| format!("{n} {}", sev.as_str()))
        })
        .collect();
    let mut findings = format!("findings: {} new", s.new);
    if !by_severity.is_empty() {
        let _ = write!(findings, " ({})", by_severity.join(", "));
    }
    let _ = write!(
        findings,
        ", {} resolved, {} unchanged; {} suppressed finding{} changed",
        s.resolved,
        s.unchanged,
        s.suppressed_changes,
        plural(s.suppressed_changes)
    );
    lines.push(findings);
    lines.push(match &diff.scope {
        Known::Yes(c) => format!(
            "scope: {} account{} entered, {} left; {} region{} entered, {} left",
            c.accounts_entered.len(),
            plural(c.accounts_entered.len()),
            c.accounts_left.len(),
            c.regions_entered.len(),
            plural(c.regions_entered.len()),
            c.regions_left.len()
        ),
        Known::No(why) => format!("scope: {why}"),
    });
    lines.push(match &diff.sources {
        Known::Yes(c) => format!("sources: {} whose status changed", c.len()),
        Known::No(why) => format!("sources: {why}"),
    });
    for (side, n) in [("OLD", &diff.old), ("NEW", &diff.new)] {
        if n.errors > 0 {
            lines.push(format!(
                "note: {side}'s scan reported {} input error{}: its findings may be incomplete",
                n.errors,
                plural(n.errors)
            ));
        }
    }
    lines
}

/// A finding on one line: severity, rule, place, message.
fn item_line(sign: char, f: &Item) -> String {
    format!(
        "    {sign} {} {} {}:{}:{}: {}",
        f.severity.as_str(),
        clean_name(&f.rule_id),
        clean_name(&f.file),
        f.line,
        f.column,
        clean_name(&f.message)
    )
}

fn text(diff: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "aggrego diff: {} (snapshot {}) → {} (snapshot {})",
        clean_name(&diff.old.name),
        clean_name(&diff.old.now),
        clean_name(&diff.new.name),
        clean_name(&diff.new.now)
    );
    for l in summary_lines(diff) {
        let _ = writeln!(s, "{}", clean(&l));
    }
    findings(&mut s, diff);
    if let Known::Yes(c) = &diff.scope {
        if !c.is_empty() {
            let _ = writeln!(s, "\nScope");
            for (sign, what, list) in [
                ('+', "account", &c.accounts_entered),
                ('-', "account", &c.accounts_left),
                ('+', "region", &c.regions_entered),
                ('-', "region", &c.regions_left),
            ] {
                for x in list {
                    let _ = writeln!(s, "  {sign} {what} {}", clean_name(x));
                }
            }
        }
    }
    if let Known::Yes(c) = &diff.sources {
        if !c.is_empty() {
            let _ = writeln!(s, "\nSource status changes");
            for ch in c {
                let _ = writeln!(
                    s,
                    "  {}: {} → {}",
                    clean_name(&source_words(ch)),
                    clean_name(status_word(&ch.old)),
                    clean_name(status_word(&ch.new))
                );
            }
        }
    }
    let changed: Vec<_> = diff
        .suppressed
        .iter()
        .filter(|c| c.change != SuppressedHow::Unchanged)
        .collect();
    if !changed.is_empty() {
        let _ = writeln!(s, "\nSuppressed findings (not counted)");
        for c in changed {
            let how = match c.change {
                SuppressedHow::New => "new, suppressed",
                SuppressedHow::Gone => "gone",
                SuppressedHow::NewlySuppressed => "newly suppressed",
                SuppressedHow::Unchanged => "unchanged",
            };
            let _ = writeln!(s, "  {how}:");
            s.push_str(&item_line('~', &c.item));
            s.push('\n');
        }
    }
    s
}

fn findings(s: &mut String, diff: &Diff) {
    let any = |f: fn(&super::RuleChanges) -> usize| diff.rules.iter().any(|r| f(r) > 0);
    if any(|r| r.new.len()) {
        let _ = writeln!(s, "\nNew findings");
        for r in diff.rules.iter().filter(|r| !r.new.is_empty()) {
            let _ = writeln!(s, "  {} ({} new)", clean_name(&r.rule_id), r.new.len());
            for f in &r.new {
                let _ = writeln!(s, "{}", item_line('+', f));
            }
        }
    }
    if any(|r| r.resolved.len()) {
        let _ = writeln!(s, "\nResolved findings");
        for r in diff.rules.iter().filter(|r| !r.resolved.is_empty()) {
            let _ = writeln!(
                s,
                "  {} ({} resolved)",
                clean_name(&r.rule_id),
                r.resolved.len()
            );
            for f in &r.resolved {
                let _ = writeln!(s, "{}", item_line('-', f));
            }
        }
    }
    if any(|r| r.unchanged.len()) {
        let _ = writeln!(s, "\nUnchanged findings");
        for r in diff.rules.iter().filter(|r| !r.unchanged.is_empty()) {
            let _ = writeln!(s, "  {}: {}", clean_name(&r.rule_id), r.unchanged.len());
        }
    }
}
