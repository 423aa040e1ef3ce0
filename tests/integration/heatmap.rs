//! The coverage heat map as the HTML report shows it, case by case: each folder
//! of tests/heatmap/ is scanned (`aggrego scan <folder> --format html`, plus
//! the `args` of its expected.json) and each grid's title, counts line, columns
//! and rows, read back as text, must be those of expected.json. A row reads
//! `label | cell glyphs | totals`: the account and its mark (not collected, not
//! expected), a glyph per region, then its OK, failing and missing cells; the
//! three total rows read the same way. Adding a case is adding a folder.

use crate::common;

use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    args: Vec<String>,
    exit_code: i32,
    grids: Vec<ExpectedGrid>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ExpectedGrid {
    title: String,
    note: String,
    columns: Vec<String>,
    rows: Vec<String>,
    totals: Vec<String>,
}

/// The text of an HTML fragment: tags dropped, entities of `esc` decoded, spaces collapsed.
fn text(html: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>").unwrap();
    let plain = tags
        .replace_all(html, " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row as `label | cells | totals`: its head, its first `width` cells (a
/// region each), then the others (empty ones left out).
fn row_text(row: &str, width: usize) -> String {
    let cell = regex::Regex::new(r"(?s)<(th|td)[^>]*>(.*?)</(?:th|td)>").unwrap();
    let (mut label, mut cells, mut totals) = (Vec::new(), Vec::new(), Vec::new());
    for c in cell.captures_iter(row) {
        let t = text(&c[2]);
        match &c[1] {
            "th" => label.push(t),
            _ if cells.len() < width => cells.push(t),
            _ if !t.is_empty() => totals.push(t),
            _ => {}
        }
    }
    [label, cells, totals].map(|v| v.join(" ")).join(" | ")
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s.find(start).map_or(s.len(), |i| i + start.len());
    let rest = &s[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

fn rows(section: &str, width: usize) -> Vec<String> {
    section
        .split("<tr>")
        .skip(1)
        .map(|r| row_text(&r[..r.find("</tr>").unwrap_or(r.len())], width))
        .collect()
}

/// Every grid of a report, as text.
fn grids(html: &str) -> Vec<ExpectedGrid> {
    html.split("<h3 id=\"grid-")
        .skip(1)
        .map(|g| {
            let head = between(g, "<thead>", "</thead>");
            let column =
                regex::Regex::new(r#"<th (?:class="nc" )?scope="col"[^>]*><span>(.*?)</span>"#)
                    .unwrap();
            let columns: Vec<String> = column.captures_iter(head).map(|c| text(&c[1])).collect();
            let width = columns.len();
            ExpectedGrid {
                title: text(between(g, ">", "</h3>")),
                note: text(between(g, "<p class=\"note\">", "</p>")),
                columns,
                rows: rows(between(g, "<tbody>", "</tbody>"), width),
                totals: rows(between(g, "<tfoot>", "</tfoot>"), width),
            }
        })
        .collect()
}

fn check(dir: &Path) -> Result<(), String> {
    let case: Case = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("expected.json: {e}"))?;
    let mut args = vec!["scan".to_string(), dir.to_string_lossy().into_owned()];
    args.extend(case.args);
    args.extend(["--format".into(), "html".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = common::run(&args);
    let html = String::from_utf8(stdout).map_err(|e| e.to_string())?;
    if code != case.exit_code {
        return Err(format!(
            "exit code {code}, expected {}: {}",
            case.exit_code,
            String::from_utf8_lossy(&stderr)
        ));
    }
    let got = grids(&html);
    if got != case.grids {
        return Err(format!(
            "the grids differ; as read:\n{}",
            serde_json::to_string_pretty(
                &got.iter()
                    .map(|g| serde_json::json!({"title": g.title, "note": g.note, "columns": g.columns, "rows": g.rows, "totals": g.totals}))
                    .collect::<Vec<_>>()
            )
            .unwrap_or_default()
        ));
    }
    Ok(())
}

#[test]
fn heat_map_cases() {
    let root = common::root().join("tests/heatmap");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no case in {}", root.display());
    let failures: Vec<String> = dirs
        .iter()
        .filter_map(|d| check(d).err().map(|e| format!("{}: {e}", d.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
