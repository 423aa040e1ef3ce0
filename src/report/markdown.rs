//! `--format markdown`: a pull-request comment. A summary table by severity and
//! policy, then findings grouped by file, suppressed ones folded away, errors
//! last. Everything from the inputs is escaped so it stays text.

use super::plural;
use crate::model::finding::Finding;
use crate::scan::ScanResult;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

/// GitHub refuses comments over 65,536 characters; stay well below.
const MAX_FINDINGS_LISTED: usize = 200;

/// GitHub refuses comments over 65,536 characters: the lists stop early enough
/// that the whole report stays under it (findings first, then suppressed, then errors).
const FINDINGS_BUDGET: usize = 44_000;
const SUPPRESSED_BUDGET: usize = 54_000;
const ERRORS_BUDGET: usize = 62_000;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = String::new();
    let active: Vec<&Finding> = result.active().collect();
    let suppressed: Vec<&Finding> = result.findings.iter().filter(|f| f.suppressed).collect();
    let icon = if !result.errors.is_empty() {
        "⚠️"
    } else if active.is_empty() {
        "✅"
    } else {
        "❌"
    };
    let _ = writeln!(
        s,
        "## {icon} aggrego: {} finding{}, {} suppressed, {} error{}\n",
        active.len(),
        plural(active.len()),
        suppressed.len(),
        result.errors.len(),
        plural(result.errors.len())
    );
    let _ = writeln!(
        s,
        "{} file{} scanned; snapshot time {} ({}).\n",
        result.files_scanned,
        plural(result.files_scanned),
        result.now.rfc3339,
        result.now_source.as_str()
    );
    let scope = super::scope::lines(result, text);
    if !scope.is_empty() {
        let _ = writeln!(s, "{}\n", scope.join("  \n"));
    }

    // Summary by severity and policy.
    let table = super::by_policy(result);
    if !table.is_empty() {
        s.push_str("| Severity | Policy | Title | Findings | Suppressed |\n");
        s.push_str("|---|---|---|---:|---:|\n");
        for ((sev, id), (title, n, sup)) in &table {
            let _ = writeln!(
                s,
                "| {} | `{}` | {} | {n} | {sup} |",
                sev.0.as_str(),
                code(id),
                text(title)
            );
        }
        s.push('\n');
    }

    controls(&mut s, result);

    // Findings by file.
    let mut listed = 0;
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &active {
        by_file.entry(&f.file).or_default().push(f);
    }
    'files: for (file, fs) in &by_file {
        let heading = format!("### `{}`\n\n", code(file));
        let mut section = String::new();
        for f in fs {
            let entry = format!(
                "- **{}** `{}` at line {}, column {}: {}  \n  Fix: {}\n",
                f.severity.as_str(),
                code(&f.rule_id),
                f.line,
                f.column,
                text(&f.message),
                text(&f.remediation)
            );
            if listed >= MAX_FINDINGS_LISTED
                || s.len() + heading.len() + section.len() + entry.len() > FINDINGS_BUDGET
            {
                if !section.is_empty() {
                    s.push_str(&heading);
                    s.push_str(&section);
                    s.push('\n');
                }
                break 'files;
            }
            listed += 1;
            section.push_str(&entry);
        }
        s.push_str(&heading);
        s.push_str(&section);
        s.push('\n');
    }
    if active.len() > listed {
        let _ = writeln!(
            s,
            "… and {} more finding{} not listed here; see the full report (`--format json` or `sarif`).\n",
            active.len() - listed,
            plural(active.len() - listed)
        );
    }

    if !suppressed.is_empty() {
        let _ = writeln!(
            s,
            "<details><summary>{} suppressed finding{}</summary>\n",
            suppressed.len(),
            plural(suppressed.len())
        );
        let mut shown = 0;
        for f in suppressed.iter().take(MAX_FINDINGS_LISTED) {
            if let Some(sup) = &f.suppression {
                let expires = sup
                    .expires
                    .as_deref()
                    .map_or(String::new(), |e| format!(", expires {}", text(e)));
                let entry = format!(
                    "- `{}` `{}` line {}: {} — {} (`{}` line {}{expires}): {}\n",
                    code(&f.rule_id),
                    code(&f.file),
                    f.line,
                    text(&f.message),
                    sup.kind,
                    code(&sup.file),
                    sup.line,
                    text(&sup.reason)
                );
                if s.len() + entry.len() > SUPPRESSED_BUDGET {
                    break;
                }
                s.push_str(&entry);
            }
            shown += 1;
        }
        if suppressed.len() > shown {
            let _ = writeln!(s, "- … and {} more", suppressed.len() - shown);
        }
        s.push_str("\n</details>\n\n");
    }

    if !result.errors.is_empty() {
        s.push_str("### Errors\n\n");
        let mut shown = 0;
        for e in result.errors.iter().take(MAX_FINDINGS_LISTED) {
            let at = e.position(&result.files).map_or(String::new(), |lc| {
                format!(" line {}, column {}", lc.line, lc.column)
            });
            let entry = format!("- `{}`{at}: {}\n", code(&e.path), text(&e.message));
            if s.len() + entry.len() > ERRORS_BUDGET {
                break;
            }
            s.push_str(&entry);
            shown += 1;
        }
        if result.errors.len() > shown {
            let _ = writeln!(s, "- … and {} more", result.errors.len() - shown);
        }
        s.push('\n');
    }
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// A zero-width space: put after `@`, `#`, `:` of `://` and `www`, it keeps
/// GitHub from turning input text into mentions, issue links and links, and
/// reads the same.
const BREAK: &str = "&#8203;";

/// Input text as inert Markdown: HTML and Markdown punctuation escaped,
/// mentions, issue references and autolinks broken, control and reordering
/// characters shown escaped (`\u{202e}`), line breaks flattened.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let rest = &s[i + c.len_utf8()..];
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            '@' => {
                out.push('@');
                out.push_str(BREAK);
            }
            '#' if rest.starts_with(|d: char| d.is_ascii_digit()) => {
                out.push('#');
                out.push_str(BREAK);
            }
            ':' if rest.starts_with("//") => {
                out.push(':');
                out.push_str(BREAK);
            }
            '.' if i >= 3 && s.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www") => {
                out.push_str(BREAK);
                out.push('.');
            }
            c if c.is_control() || crate::escape::is_reordering(c) => {
                out.extend(c.escape_unicode())
            }
            c => out.push(c),
        }
    }
    out
}

/// Results per control, folded: every policy that ran with its status,
/// counts and framework controls (see `report::controls`).
fn controls(s: &mut String, result: &ScanResult) {
    let rows = super::controls::by_rule(result);
    if rows.is_empty() {
        return;
    }
    let [pass, fail, na] = super::controls::tally(&rows);
    let _ = writeln!(
        s,
        "<details><summary>Results per control: {fail} fail, {pass} pass, {na} not applicable</summary>\n"
    );
    s.push_str("| Policy | Status | Severity | Title | Checked | Failed | Findings | Suppressed | Frameworks |\n");
    s.push_str("|---|---|---|---|---:|---:|---:|---:|---|\n");
    for r in &rows {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            code(r.rule),
            r.status.as_str(),
            r.severity.as_str(),
            text(r.title),
            r.checked,
            r.failed,
            r.findings,
            r.suppressed,
            text(&super::controls::frameworks_text(r)),
        );
    }
    s.push_str("\n</details>\n\n");
}

/// Text inside a code span: backticks cannot be escaped there, so they are
/// replaced; control and reordering characters are shown escaped. (Code spans
/// make no mentions or links.)
fn code(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '`' => out.push('\''),
            '|' => out.push('¦'),
            c if c.is_control() || crate::escape::is_reordering(c) => {
                out.extend(c.escape_unicode())
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_text_stays_text() {
        assert_eq!(
            text("<script>alert(1)</script> | *x*\n`y`"),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* \\`y\\`"
        );
        assert_eq!(code("a`b|c"), "a'b¦c");
        assert_eq!(
            text("@org/team see https://x.example and www.x.example, #12, a@b.c"),
            "@&#8203;org/team see https:&#8203;//x.example and www&#8203;.x.example, \
             #&#8203;12, a@&#8203;b.c"
        );
        assert_eq!(text("a\u{202e}b\u{2066}"), "a\\u{202e}b\\u{2066}");
        assert_eq!(code("a\nb\u{202e}"), "a\\u{a}b\\u{202e}");
    }
}
