//! `aggrego diff --format markdown`: for a pull request or a ticket. Input
//! text through `report::markdown::text`, so it stays text.

use super::{source_words, status_word, Diff, Item, Known, SuppressedHow};
use crate::report::markdown::text as md;
use std::fmt::Write as _;
use std::io::Write;

/// Findings listed per kind of change before "… and N more" (a comment
/// has a size limit).
const MAX_LISTED: usize = 200;

pub fn write(diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### aggrego diff: {} → {}\n\nSnapshot time {} → {}.\n",
        md(&diff.old.name),
        md(&diff.new.name),
        md(&diff.old.now),
        md(&diff.new.now)
    );
    for l in super::human::summary_lines(diff) {
        let _ = writeln!(s, "- {}", md(&l));
    }
    let new: Vec<&Item> = diff.rules.iter().flat_map(|r| &r.new).collect();
    let resolved: Vec<&Item> = diff.rules.iter().flat_map(|r| &r.resolved).collect();
    list(&mut s, "New findings", &new);
    list(&mut s, "Resolved findings", &resolved);
    if let Known::Yes(c) = &diff.scope {
        if !c.is_empty() {
            s.push_str("\n#### Scope\n\n");
            for (what, l) in [
                ("account entered", &c.accounts_entered),
                ("account left", &c.accounts_left),
                ("region entered", &c.regions_entered),
                ("region left", &c.regions_left),
            ] {
                for x in l {
                    let _ = writeln!(s, "- {what}: {}", md(x));
                }
            }
        }
    }
    if let Known::Yes(c) = &diff.sources {
        if !c.is_empty() {
            s.push_str(
                "\n#### Source status changes\n\n| Source | Before | Now |\n|---|---|---|\n",
            );
            for ch in c {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} |",
                    md(&source_words(ch)),
                    md(status_word(&ch.old)),
                    md(status_word(&ch.new))
                );
            }
        }
    }
    let changed: Vec<&Item> = diff
        .suppressed
        .iter()
        .filter(|c| c.change != SuppressedHow::Unchanged)
        .map(|c| &c.item)
        .collect();
    list(
        &mut s,
        "Suppressed findings that changed (not counted)",
        &changed,
    );
    out.write_all(s.as_bytes())
}

fn list(s: &mut String, title: &str, items: &[&Item]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "\n#### {title}\n");
    for f in items.iter().take(MAX_LISTED) {
        let _ = writeln!(
            s,
            "- **{}** {} {}:{}:{}: {}",
            f.severity.as_str(),
            md(&f.rule_id),
            md(&f.file),
            f.line,
            f.column,
            md(&f.message)
        );
    }
    if items.len() > MAX_LISTED {
        let _ = writeln!(s, "- … and {} more", items.len() - MAX_LISTED);
    }
}
