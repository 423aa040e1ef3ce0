//! `--format html` and an evidence package's `report.html`: one self-contained
//! page (inline CSS, no script, no network: a Content-Security-Policy of
//! `default-src 'none'` says so to the browser). Every value from the inputs is
//! escaped for the text or attribute it lands in.

use super::plural;
use crate::escape::html as esc;
use crate::model::finding::{Finding, Severity};
use crate::model::NowSource;
use crate::resolve::coverage::{AccountRow, CellState, Grid, Tally};
use crate::scan::ScanResult;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

/// Findings listed on the page; all of them are in results.json and SARIF.
const MAX_FINDINGS: usize = 5_000;
const MAX_ERRORS: usize = 1_000;

pub(crate) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

pub(crate) const STYLE: &str = r#"
:root { --fg:#1b1f24; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa;
  --critical:#8b0000; --high:#c62828; --medium:#a35200; --low:#806600; --info:#3b6ea8;
  --ok:#2e7d32; --failed:#c62828; --outdated:#ef8f00; --stale:#f4d03f; --missing:#6d4c9f; --blank:#fff; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.headline { color: var(--muted); margin: 0 0 8px; } .headline b { color: var(--fg); }
nav a { margin-right: 12px; color: var(--info); }
table { border-collapse: collapse; margin: 6px 0 12px; } th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
.nowrap code { word-break: normal; }
.sev { display: inline-block; min-width: 64px; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; font-weight: 600; text-align: center; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
table.findings { width: 100%; } table.findings td.nowrap { white-space: nowrap; } table.findings td.msg { white-space: pre-wrap; word-break: break-word; }
.fix { white-space: pre-wrap; word-break: break-word; color: var(--muted); margin-top: 4px; }
.fix::before { content: "Fix: "; font-weight: 600; color: var(--fg); }
tr.suppressed td { background: var(--soft); color: var(--muted); }
.tag { display: inline-block; font-size: 11px; border: 1px solid var(--muted); border-radius: 3px; padding: 0 4px; margin-left: 4px; }
.note { color: var(--muted); }
.grid-wrap { width: max-content; max-width: 100%; overflow: auto; max-height: 80vh; border: 1px solid var(--line); margin: 6px 0 16px; vertical-align: top; }
table.grid { border-collapse: separate; border-spacing: 0; margin: 0; font-size: 11px; }
table.grid th, table.grid td { border: 0; border-right: 1px solid #fff; border-bottom: 1px solid #fff; padding: 0; }
table.grid thead th { position: sticky; top: 0; z-index: 2; background: var(--soft); height: 92px; width: 14px; min-width: 14px; max-width: 14px; vertical-align: bottom; overflow: hidden; }
table.grid thead th span { display: block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; padding: 4px 0; margin: 0 auto; }
table.grid thead th.corner { left: 0; z-index: 3; width: auto; max-width: none; text-align: left; padding: 4px; vertical-align: bottom; }
table.grid th.acct { position: sticky; left: 0; z-index: 1; background: var(--soft); font-weight: 400; white-space: nowrap; padding: 0 6px; text-align: left; }
table.grid th.acct .nm { display: inline-block; max-width: 260px; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
table.grid th.nc { font-style: italic; background: #e4e7eb; }
table.grid td { width: 14px; min-width: 14px; height: 14px; line-height: 14px; text-align: center; font-size: 9px; font-weight: 700; color: #000; }
table.grid td a { display: block; color: inherit; text-decoration: none; }
table.grid td a:focus { outline: 2px solid var(--fg); }
table.grid .t { width: auto; min-width: 22px; padding: 0 3px; text-align: right; font-weight: 400; color: var(--fg); background: var(--soft); font-variant-numeric: tabular-nums; }
table.grid thead th.t { width: 22px; max-width: none; } table.grid td.g { font-weight: 700; }
table.grid tfoot th, table.grid tfoot td { border-top: 1px solid var(--line); }
.c-ok { background: var(--ok); color: #fff !important; }
.c-failed { background: repeating-linear-gradient(45deg, var(--failed) 0 3px, #9e1f1f 3px 5px); color: #fff !important; }
.c-outdated { background: var(--outdated); }
.c-stale { background: radial-gradient(circle, #b7950b 1.5px, var(--stale) 1.6px) 0 0 / 5px 5px; }
.c-missing { background: repeating-linear-gradient(90deg, var(--missing) 0 2px, #5b3f8c 2px 4px); color: #fff !important; }
.c-nc { background: repeating-linear-gradient(135deg, #3d4752 0 2px, #56616d 2px 4px); color: #fff !important; }
.c-blank { background: var(--blank); box-shadow: inset 0 0 0 1px #eef1f4; color: #6a737d !important; font-weight: 400 !important; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 6px 0; align-items: center; }
.legend span.k { border: 1px solid #c8ced6; display: inline-block; width: 14px; height: 14px; line-height: 14px; text-align: center; font-size: 9px; font-weight: 700; vertical-align: middle; margin-right: 4px; }
table.controls code { white-space: nowrap; } table.controls td.fw { font-size: 13px; }
.st { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.st-PASS { background: var(--ok); color: #fff; } .st-FAIL { background: var(--failed); color: #fff; } .st-NA { background: var(--soft); color: var(--muted); border: 1px solid var(--line); }
@media print {
  @page { size: landscape; margin: 10mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  section + section { break-before: page; }
  h2, h3, .legend, .note { break-after: avoid; }
  .grid-wrap { width: auto; max-width: none; max-height: none; overflow: visible; border: 0; }
  table.grid thead th, table.grid th.acct { position: static; }
  thead { display: table-header-group; } tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .c-failed { background: var(--failed); } .c-stale { background: var(--stale); }
  .c-missing { background: var(--missing); } .c-nc { background: #4a5563; }
}
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
"#;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    render(result, None, out)
}

/// An evidence package's own section of the page: its title, and the HTML
/// of its manifest (made by `evidence`, escaped with [`esc`]).
pub struct Appendix<'a> {
    pub title: &'a str,
    pub html: &'a str,
}

/// The page, with an evidence package's manifest when it is part of one.
pub fn render(
    result: &ScanResult,
    manifest: Option<Appendix<'_>>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut s = String::with_capacity(64 * 1024);
    let active = result.findings.len() - result.suppressed_count();
    let title = manifest.as_ref().map_or("aggrego report", |m| m.title);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(s, "<header>\n<h1>{title}</h1>");
    let _ = writeln!(
        s,
        "<p class=\"headline\" id=\"headline\"><b>{}</b> file{} scanned · <b>{active}</b> finding{} · <b>{}</b> suppressed · <b>{}</b> error{} · snapshot time <b>{}</b> ({})</p>",
        result.files_scanned,
        plural(result.files_scanned),
        plural(active),
        result.suppressed_count(),
        result.errors.len(),
        plural(result.errors.len()),
        esc(&result.now.rfc3339),
        now_source(result.now_source),
    );
    s.push_str(
        "<nav><a href=\"#summary\">Summary</a><a href=\"#controls\">Results per control</a>",
    );
    s.push_str("<a href=\"#scope\">Scope and provenance</a>");
    if !result.coverage.is_empty() {
        s.push_str("<a href=\"#coverage\">Source coverage</a>");
    }
    s.push_str("<a href=\"#findings\">Findings</a>");
    if !result.errors.is_empty() {
        s.push_str("<a href=\"#errors\">Input errors</a>");
    }
    if manifest.is_some() {
        s.push_str("<a href=\"#manifest\">Manifest</a>");
    }
    s.push_str("</nav>\n</header>\n<main>\n");

    summary(&mut s, result);
    controls(&mut s, result);
    s.push_str(&super::scope::html_section(result));
    coverage(&mut s, &result.coverage, &result.findings);
    findings(&mut s, result);
    errors(&mut s, result);
    if let Some(m) = manifest {
        s.push_str(m.html);
    }
    s.push_str("</main>\n");
    let _ = writeln!(
        s,
        "<footer>aggrego {} · findings sorted by file, line, column and rule</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// Every policy that ran, with its status and counts (see `report::controls`),
/// and the framework controls it supports.
fn controls(s: &mut String, result: &ScanResult) {
    use super::controls::{by_rule, Status};
    s.push_str("<section id=\"controls\">\n<h2>Results per control</h2>\n");
    let rows = by_rule(result);
    if rows.is_empty() {
        s.push_str("<p>No policy ran.</p>\n</section>\n");
        return;
    }
    s.push_str("<p class=\"note\">Checked: the items of the policy's collection it examined. Failed: those with a finding that is not suppressed. NOT APPLICABLE: nothing in the inputs for the policy to examine.</p>\n");
    s.push_str("<table class=\"controls\">\n<tr><th>Policy</th><th>Status</th><th>Severity</th><th>Title</th><th>Checks</th><th class=\"n\">Checked</th><th class=\"n\">Failed</th><th class=\"n\">Findings</th><th class=\"n\">Suppressed</th><th>Frameworks</th></tr>\n");
    for r in &rows {
        let class = match r.status {
            Status::NotApplicable => "NA",
            st => st.as_str(),
        };
        // One line per framework, its controls after it: "NIST SP 800-53
        // Rev. 5: CA-7, CM-8"; a control's title is its tooltip.
        let frameworks: Vec<String> = super::controls::by_framework(r)
            .iter()
            .map(|(name, controls)| {
                let controls: Vec<String> = controls
                    .iter()
                    .map(|f| match f.title {
                        Some(t) => format!("<span title=\"{}\">{}</span>", esc(t), esc(f.control)),
                        None => esc(f.control),
                    })
                    .collect();
                format!("{}: {}", esc(name), controls.join(", "))
            })
            .collect();
        let _ = writeln!(
            s,
            "<tr><td><code>{}</code></td><td><span class=\"st st-{class}\">{}</span></td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"fw\">{}</td></tr>",
            esc(r.rule),
            r.status.as_str(),
            sev(r.severity),
            esc(r.title),
            r.checks,
            r.checked,
            r.failed,
            r.findings,
            r.suppressed,
            frameworks.join("<br>"),
        );
    }
    s.push_str("</table>\n</section>\n");
}

fn now_source(src: NowSource) -> &'static str {
    match src {
        NowSource::Flag => "given with --now",
        NowSource::Manifest => "capture time of the snapshot manifest",
        NowSource::Snapshot => "newest timestamp in the inputs",
        NowSource::Clock => "the clock: the inputs hold no timestamp",
    }
}

pub(crate) fn sev(s: Severity) -> String {
    format!("<span class=\"sev sev-{0}\">{0}</span>", s.as_str())
}

fn summary(s: &mut String, result: &ScanResult) {
    s.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    let mut by_sev = [(0usize, 0usize); 5];
    for f in &result.findings {
        let e = &mut by_sev[f.severity as usize];
        if f.suppressed {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
    }
    s.push_str("<table class=\"by-severity\">\n<tr><th>Severity</th><th class=\"n\">Findings</th><th class=\"n\">Suppressed</th></tr>\n");
    for sv in Severity::ALL {
        let (n, sup) = by_sev[sv as usize];
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{sup}</td></tr>",
            sev(sv)
        );
    }
    s.push_str("</table>\n");
    let table = super::by_policy(result);
    if table.is_empty() {
        s.push_str("<p>No findings.</p>\n");
    } else {
        s.push_str("<table class=\"by-policy\">\n<tr><th>Severity</th><th>Policy</th><th>Title</th><th class=\"n\">Findings</th><th class=\"n\">Suppressed</th></tr>\n");
        for ((sv, id), (title, n, sup)) in &table {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{sup}</td></tr>",
                sev(sv.0),
                esc(id),
                esc(title)
            );
        }
        s.push_str("</table>\n");
    }
    s.push_str("</section>\n");
}

/// Class, glyph and words of each cell state: colour, pattern and a glyph, so
/// the grid reads without colour too.
fn state_style(state: CellState) -> (&'static str, &'static str, &'static str) {
    match state {
        CellState::Succeeded => ("c-ok", "✓", "succeeded"),
        CellState::Failed => ("c-failed", "✕", "failed"),
        CellState::Outdated => ("c-outdated", "!", "outdated"),
        CellState::Stale => ("c-stale", "~", "stale (older than --max-age)"),
        CellState::Missing => ("c-missing", "?", "missing (expected, no status)"),
        CellState::NotCollected => (
            "c-nc",
            "∅",
            "not collected (expected, not in the aggregator)",
        ),
        CellState::NotExpected => ("c-blank", "·", "not expected"),
    }
}

const STATES: [CellState; 7] = [
    CellState::Succeeded,
    CellState::Failed,
    CellState::Outdated,
    CellState::Stale,
    CellState::Missing,
    CellState::NotCollected,
    CellState::NotExpected,
];

/// The totals' column heads, in `Totals` order.
const TALLIES: [&str; 3] = ["OK", "failing", "missing"];

type ResourceKey<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// The listed findings of each resource, for the grid's links to the findings
/// below it: active before suppressed, then the most severe, then in report order.
struct FindingIndex<'a> {
    findings: &'a [Finding],
    by: BTreeMap<ResourceKey<'a>, Vec<usize>>,
}

impl<'a> FindingIndex<'a> {
    fn new(findings: &'a [Finding]) -> FindingIndex<'a> {
        let mut by: BTreeMap<ResourceKey<'a>, Vec<usize>> = BTreeMap::new();
        for (i, f) in findings.iter().take(MAX_FINDINGS).enumerate() {
            let r = &f.resource;
            let key = (
                r.aggregator.as_deref(),
                r.account.as_deref(),
                r.region.as_deref(),
            );
            by.entry(key).or_default().push(i);
        }
        for list in by.values_mut() {
            list.sort_by_key(|&i| {
                let f = &findings[i];
                (f.suppressed, std::cmp::Reverse(f.severity), i)
            });
        }
        FindingIndex { findings, by }
    }

    fn first(&self, key: ResourceKey<'_>) -> Option<usize> {
        self.by.get(&key).and_then(|l| l.first().copied())
    }

    /// The first finding of `key` whose message names `word`.
    fn naming(&self, key: ResourceKey<'_>, word: &str) -> Option<usize> {
        let list = self.by.get(&key)?;
        list.iter()
            .copied()
            .find(|&i| self.findings[i].message.contains(word))
    }

    /// The finding a cell links to: one about its account in its region, else
    /// about the account or the region alone (of this aggregator). A cell the
    /// aggregator does not collect falls back on a finding about the aggregator
    /// itself that names the account (or the region, after the scan-wide
    /// findings about the region), else its most severe one. OK and
    /// not-expected cells link nowhere: such a finding is not about them.
    fn of(&self, g: &Grid, row: &AccountRow, region: &str, state: CellState) -> Option<usize> {
        if matches!(state.tally(), None | Some(Tally::Ok)) {
            return None;
        }
        let agg = Some(g.aggregator.as_str());
        let (acct, reg) = (Some(row.id.as_str()), Some(region));
        let direct = self
            .first((agg, acct, reg))
            .or_else(|| self.first((agg, acct, None)))
            .or_else(|| self.first((agg, None, reg)));
        if direct.is_some() || state != CellState::NotCollected {
            return direct;
        }
        let itself = (
            agg,
            g.aggregator_account.as_deref(),
            g.aggregator_region.as_deref(),
        );
        let named = if !row.collected {
            self.naming(itself, &row.id)
        } else {
            self.first((None, None, reg))
                .or_else(|| self.naming(itself, region))
        };
        named.or_else(|| self.first(itself))
    }
}

/// One heat map per aggregator: accounts × regions, coloured by source status,
/// with a glyph per cell, totals per row and column, and links to findings.
fn coverage(s: &mut String, grids: &[Grid], findings: &[Finding]) {
    if grids.is_empty() {
        return;
    }
    s.push_str("<section id=\"coverage\">\n<h2>Source coverage</h2>\n<div class=\"legend\">");
    for st in STATES {
        let (class, glyph, words) = state_style(st);
        let _ = write!(
            s,
            "<span><span class=\"k {class}\">{glyph}</span>{words}</span>"
        );
    }
    s.push_str(
        "</div>\n<p class=\"note\">Rows: the organization source, then the accounts worst first (most failing and missing cells, then by id). \
A cell with findings links to the first of them; hover over a cell for its status, last update and error. \
Totals count cells: OK, failing (failed, outdated, stale), missing (missing, not collected).</p>\n",
    );
    let index = FindingIndex::new(findings);
    for (n, g) in grids.iter().enumerate() {
        grid_heading(s, n, g);
        grid_table(s, n, g, &index);
    }
    s.push_str("</section>\n");
}

/// The grid's title and a line of counts: size, what it does not collect, cells by state.
fn grid_heading(s: &mut String, n: usize, g: &Grid) {
    let mut counts = [0usize; STATES.len()];
    for c in &g.cells {
        counts[STATES.iter().position(|x| *x == c.state).unwrap_or(0)] += 1;
    }
    let where_ = g
        .aggregator_region
        .as_deref()
        .map_or(String::new(), |r| format!(" ({})", esc(r)));
    let not_collected = g.accounts.iter().filter(|a| !a.collected).count();
    let mut uncollected = Vec::new();
    if not_collected > 0 {
        uncollected.push(format!("{not_collected} account{}", plural(not_collected)));
    }
    if !g.uncollected_regions.is_empty() {
        let k = g.uncollected_regions.len();
        uncollected.push(format!("{k} region{}", plural(k)));
    }
    let uncollected = if uncollected.is_empty() {
        String::new()
    } else {
        format!(" ({} not collected)", uncollected.join(" and "))
    };
    let _ = writeln!(
        s,
        "<h3 id=\"grid-{n}\">{}{where_}</h3>\n<p class=\"note\">{} account{} × {} region{}{uncollected}: {}</p>",
        esc(&g.aggregator),
        g.accounts.len(),
        plural(g.accounts.len()),
        g.regions.len(),
        plural(g.regions.len()),
        STATES
            .iter()
            .zip(counts)
            .filter(|(st, n)| *n > 0 && **st != CellState::NotExpected)
            .map(|(st, n)| format!("{n} {}", st.as_str().replace('-', " ")))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// The table: region heads and totals heads, a row per account (a cell per
/// region, then its totals), and a total row per tally under the regions.
fn grid_table(s: &mut String, n: usize, g: &Grid, index: &FindingIndex<'_>) {
    let _ = write!(
        s,
        "<div class=\"grid-wrap\"><table class=\"grid\" aria-labelledby=\"grid-{n}\" data-accounts=\"{}\" data-regions=\"{}\">\n<thead><tr><th class=\"corner\" scope=\"col\">Account</th>",
        g.accounts.len(),
        g.regions.len()
    );
    for region in &g.regions {
        let r = esc(region);
        if g.uncollected_regions.contains(region) {
            let _ = write!(
                s,
                "<th class=\"nc\" scope=\"col\" title=\"{r}: not collected\"><span>∅ {r}</span></th>"
            );
        } else {
            let _ = write!(s, "<th scope=\"col\" title=\"{r}\"><span>{r}</span></th>");
        }
    }
    for t in TALLIES {
        let _ = write!(s, "<th class=\"t\" scope=\"col\"><span>{t}</span></th>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (i, a) in g.accounts.iter().enumerate() {
        let label = match &a.name {
            Some(name) => format!("{} · {}", esc(&a.id), esc(name)),
            None => esc(&a.id),
        };
        let (class, mark) = match (a.collected, a.expected) {
            (false, _) => (" nc", " <span class=\"tag\">not collected</span>"),
            (true, false) => ("", " <span class=\"tag\">not expected</span>"),
            (true, true) => ("", ""),
        };
        let _ = write!(
            s,
            "<tr><th class=\"acct{class}\" scope=\"row\" title=\"{label}\"><span class=\"nm\">{label}</span>{mark}</th>"
        );
        for (r, c) in g.regions.iter().zip(g.row(i)) {
            let (class, glyph, words) = state_style(c.state);
            let title = format!(
                "{} in {}: {}",
                esc(&a.id),
                esc(r),
                esc(c.detail.as_deref().unwrap_or(words))
            );
            match index.of(g, a, r, c.state) {
                Some(f) => {
                    let _ = write!(
                        s,
                        "<td class=\"{class}\"><a href=\"#f-{f}\" title=\"{title}\">{glyph}</a></td>"
                    );
                }
                None if c.detail.is_none() => {
                    let _ = write!(s, "<td class=\"{class}\">{glyph}</td>");
                }
                None => {
                    let _ = write!(s, "<td class=\"{class}\" title=\"{title}\">{glyph}</td>");
                }
            }
        }
        for k in g.row_totals(i) {
            let _ = write!(s, "<td class=\"t\">{k}</td>");
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n<tfoot>\n");
    let columns: Vec<_> = (0..g.regions.len()).map(|j| g.column_totals(j)).collect();
    let grand = g.totals();
    for (k, t) in TALLIES.iter().enumerate() {
        let _ = write!(s, "<tr><th class=\"acct\" scope=\"row\">Total {t}</th>");
        for c in &columns {
            let _ = write!(s, "<td class=\"t\">{}</td>", c[k]);
        }
        for j in 0..TALLIES.len() {
            if j == k {
                let _ = write!(s, "<td class=\"t g\">{}</td>", grand[k]);
            } else {
                s.push_str("<td class=\"t\"></td>");
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tfoot></table></div>\n");
}

fn findings(s: &mut String, result: &ScanResult) {
    s.push_str("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if result.findings.is_empty() {
        s.push_str("<p>No findings.</p>\n</section>\n");
        return;
    }
    // Each row's id is the finding's index: the coverage grid links to it.
    let mut by_file: BTreeMap<&str, Vec<(usize, &Finding)>> = BTreeMap::new();
    for (i, f) in result.findings.iter().take(MAX_FINDINGS).enumerate() {
        by_file.entry(&f.file).or_default().push((i, f));
    }
    for (file, fs) in &by_file {
        let _ = writeln!(
            s,
            "<h3>{}</h3>\n<table class=\"findings\">\n<tr><th>Severity</th><th>Rule</th><th>Location</th><th>Finding</th></tr>",
            esc(file)
        );
        for (i, f) in fs {
            let (class, tag) = match &f.suppression {
                Some(sup) if f.suppressed => {
                    let expires = sup
                        .expires
                        .as_deref()
                        .map_or(String::new(), |e| format!(", expires {}", esc(e)));
                    (
                        " class=\"suppressed\"",
                        format!(
                            "<div class=\"note\"><span class=\"tag\">suppressed</span> {} at <code>{}:{}</code>{expires}: {}</div>",
                            esc(sup.kind.as_str()),
                            esc(&sup.file),
                            sup.line,
                            esc(&sup.reason)
                        ),
                    )
                }
                _ if f.suppressed => (
                    " class=\"suppressed\"",
                    "<div class=\"note\"><span class=\"tag\">suppressed</span></div>".to_string(),
                ),
                _ => ("", String::new()),
            };
            let _ = writeln!(
                s,
                "<tr id=\"f-{i}\"{class}><td>{}</td><td class=\"nowrap\"><code>{}</code></td><td class=\"mono nowrap\">{}:{}</td><td class=\"msg\">{}<div class=\"fix\">{}</div>{tag}</td></tr>",
                sev(f.severity),
                esc(&f.rule_id),
                f.line,
                f.column,
                esc(&f.message),
                esc(&f.remediation),
            );
        }
        s.push_str("</table>\n");
    }
    if result.findings.len() > MAX_FINDINGS {
        let _ = writeln!(
            s,
            "<p class=\"note\">… and {} more finding{} not listed here: see results.json or the SARIF report.</p>",
            result.findings.len() - MAX_FINDINGS,
            plural(result.findings.len() - MAX_FINDINGS)
        );
    }
    s.push_str("</section>\n");
}

fn errors(s: &mut String, result: &ScanResult) {
    if result.errors.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "<section id=\"errors\">\n<h2>Input errors</h2>\n<p>{} error{}: these inputs were not (fully) checked.</p>\n<table>\n<tr><th>File</th><th>Line</th><th>Column</th><th>Error</th></tr>",
        result.errors.len(),
        plural(result.errors.len())
    );
    for e in result.errors.iter().take(MAX_ERRORS) {
        let lc = e.position(&result.files);
        let help = e.help.as_deref().map_or(String::new(), |h| {
            format!("<div class=\"fix\">{}</div>", esc(h))
        });
        let _ = writeln!(
            s,
            "<tr><td class=\"mono\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"msg\">{}{help}</td></tr>",
            esc(&e.path),
            lc.map_or(String::new(), |l| l.line.to_string()),
            lc.map_or(String::new(), |l| l.column.to_string()),
            esc(&e.message),
        );
    }
    s.push_str("</table>\n");
    if result.errors.len() > MAX_ERRORS {
        let _ = writeln!(
            s,
            "<p class=\"note\">… and {} more: see results.json.</p>",
            result.errors.len() - MAX_ERRORS
        );
    }
    s.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::coverage::Cell;

    fn grid(accounts: usize, regions: usize) -> Grid {
        let states = STATES;
        Grid {
            aggregator: "<script>alert(\"x\")</script> & 'q'".into(),
            aggregator_region: Some("us-east-1".into()),
            aggregator_account: Some("999999999999".into()),
            accounts: (0..accounts)
                .map(|i| AccountRow {
                    id: format!("{:012}", i),
                    name: (i == 0).then(|| "\"><img src=x onerror=alert(1)>".to_string()),
                    expected: i % 2 == 0,
                    collected: i % 3 != 2,
                })
                .collect(),
            regions: (0..regions).map(|r| format!("r-{r}")).collect(),
            uncollected_regions: ["r-1".to_string()].into(),
            cells: (0..accounts * regions)
                .map(|k| Cell {
                    state: states[k % states.len()],
                    detail: (k % 7 != 6).then(|| format!("FAILED. <b>\"denied\"</b> & '{k}'")),
                })
                .collect(),
        }
    }

    #[test]
    fn the_grid_escapes_text_and_attributes() {
        let mut s = String::new();
        coverage(&mut s, &[grid(3, 2)], &[]);
        assert!(
            !s.contains("<script") && !s.contains("<img") && !s.contains("<b>"),
            "{s}"
        );
        assert!(s.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"));
        assert!(s.contains("title=\"000000000000 · &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
        assert!(s.contains("title=\"000000000000 in r-0: FAILED. &lt;b&gt;&quot;denied&quot;&lt;/b&gt; &amp; &#39;0&#39;\""));
        // Every attribute value is quoted and holds no raw quote.
        for attr in s.split("title=\"").skip(1) {
            let value = attr.split('"').next().unwrap_or_default();
            assert!(!value.contains('<') && !value.contains('\''), "{value}");
        }
    }

    /// The text from `start` to `end` (empty when either is missing).
    fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
        s.split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map_or("", |(inside, _)| inside)
    }

    #[test]
    fn a_cell_per_account_and_region_with_a_cue_besides_colour() {
        let mut s = String::new();
        coverage(&mut s, &[grid(500, 30)], &[]);
        let body = between(&s, "<tbody>", "</tbody>");
        let rows: Vec<&str> = body.split("<tr>").skip(1).collect();
        assert_eq!(rows.len(), 500);
        // A cell per region, then the row's three totals.
        assert!(rows
            .iter()
            .all(|r| r.matches("<td class=\"c-").count() == 30));
        assert!(rows
            .iter()
            .all(|r| r.matches("<td class=\"t\">").count() == 3));
        assert!(s.contains("data-accounts=\"500\" data-regions=\"30\""));
        for st in STATES {
            let (class, glyph, _) = state_style(st);
            assert!(!glyph.is_empty(), "{class}: a glyph besides colour");
            assert!(s.contains(&format!("<td class=\"{class}\"")), "{class}");
            assert!(s.contains(&format!("\">{glyph}</td>")), "{glyph}");
        }
        assert!(s.contains("not expected</span>") && s.contains("not collected</span>"));
        assert!(
            s.contains("<span>∅ r-1</span>"),
            "the region not collected is marked"
        );
        // Column totals: a row per tally under the regions, the grand total in its column.
        let foot = between(&s, "<tfoot>", "</tfoot>");
        assert_eq!(foot.matches("<tr>").count(), 3);
        assert!(foot.contains("<th class=\"acct\" scope=\"row\">Total missing</th>"));
        // Compact: well under 200 bytes a cell.
        assert!(s.len() < 15_000 * 200, "{} bytes", s.len());
        let mut again = String::new();
        coverage(&mut again, &[grid(500, 30)], &[]);
        assert_eq!(s, again);
    }

    fn finding(account: Option<&str>, region: Option<&str>, suppressed: bool) -> Finding {
        let arc = |s: &str| std::sync::Arc::<str>::from(s);
        Finding {
            rule_id: arc("AGG001"),
            severity: Severity::High,
            title: arc("t"),
            message: "m".into(),
            file: arc("f.json"),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 2,
            resource: crate::model::finding::Resource {
                aggregator: Some(arc("agg")),
                account: account.map(arc),
                region: region.map(arc),
            },
            remediation: arc("r"),
            references: std::sync::Arc::from(Vec::new()),
            suppressed,
            suppression: None,
            file_id: 0,
            span: 0..1,
        }
    }

    #[test]
    fn cells_link_to_their_findings_and_ok_cells_nowhere() {
        use CellState::*;
        let g = Grid {
            aggregator: "agg".into(),
            aggregator_region: Some("us-east-1".into()),
            aggregator_account: Some("999999999999".into()),
            accounts: ["111111111111", "222222222222", "333333333333"]
                .iter()
                .map(|id| AccountRow {
                    id: id.to_string(),
                    name: None,
                    expected: true,
                    collected: *id != "333333333333",
                })
                .collect(),
            regions: vec!["eu-west-1".into(), "us-east-1".into()],
            uncollected_regions: Default::default(),
            cells: [
                Failed,
                Succeeded,
                Missing,
                Missing,
                NotCollected,
                NotCollected,
            ]
            .into_iter()
            .map(|state| Cell {
                state,
                detail: Some("d".into()),
            })
            .collect(),
        };
        let findings = [
            // 0: suppressed, same cell as 1: the active one wins.
            finding(Some("111111111111"), Some("eu-west-1"), true),
            finding(Some("111111111111"), Some("eu-west-1"), false),
            // 2: about the OK cell's account and region: an OK cell links nowhere.
            finding(Some("111111111111"), Some("us-east-1"), false),
            // 3: an account in several regions.
            finding(Some("222222222222"), None, false),
            // 4: the aggregator itself, for what it does not collect.
            finding(Some("999999999999"), Some("us-east-1"), false),
        ];
        let index = FindingIndex::new(&findings);
        let links: Vec<Option<usize>> = g
            .accounts
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                let g = &g;
                let index = &index;
                g.regions
                    .iter()
                    .zip(g.row(i))
                    .map(move |(r, c)| index.of(g, a, r, c.state))
            })
            .collect();
        assert_eq!(links, [Some(1), None, Some(3), Some(3), Some(4), Some(4)]);
        let mut s = String::new();
        coverage(&mut s, &[g], &findings);
        assert!(s.contains("<td class=\"c-failed\"><a href=\"#f-1\" title=\"111111111111 in eu-west-1: d\">✕</a></td>"));
        assert!(s.contains("<td class=\"c-ok\" title=\"111111111111 in us-east-1: d\">✓</td>"));
    }
}
