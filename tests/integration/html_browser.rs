//! The HTML report in a real browser: headless Chromium (Debian's `chromium`,
//! installed by tests/browser/setup.sh when missing) loads the report of the
//! fixtures and of a generated 500 accounts × 30 regions snapshot, with no
//! console message, the grids in the DOM with every cell, and input markup
//! shown as text; printed to PDF, every account of the 500 is on paper
//! (pdftotext); axe-core finds no serious or critical accessibility violation.
//! Screenshots and the PDF are left in target/html-browser/ for people.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T00:00:00Z";
const REGIONS: [&str; 30] = [
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

fn chromium() -> &'static str {
    let found = || {
        Command::new("chromium")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !found() {
        let setup = common::root().join("tests/browser/setup.sh");
        let status = Command::new("bash")
            .arg(&setup)
            .status()
            .expect("bash runs");
        assert!(
            status.success(),
            "tests/browser/setup.sh could not install chromium"
        );
        assert!(
            found(),
            "chromium still missing after tests/browser/setup.sh"
        );
    }
    "chromium"
}

struct Page {
    dom: String,
    console: Vec<String>,
    elapsed: Duration,
}

/// Load a page headless: its DOM after parsing, and every console message.
fn load(html: &Path, screenshot: Option<&Path>) -> Page {
    let profile = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1400,1800",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    match screenshot {
        Some(png) => args.push(format!("--screenshot={}", png.display())),
        None => args.push("--dump-dom".into()),
    }
    args.push(format!("file://{}", html.display()));
    let t = Instant::now();
    let out = Command::new(chromium())
        .args(&args)
        .output()
        .expect("chromium runs");
    let elapsed = t.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {stderr}");
    Page {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
        elapsed,
    }
}

fn out_dir() -> PathBuf {
    let d = common::root().join("target/html-browser");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The cells of the grid table whose `data-accounts` is `accounts`, per row.
fn grid_rows(dom: &str, accounts: usize) -> Vec<usize> {
    let marker = format!("data-accounts=\"{accounts}\"");
    let Some(start) = dom.find(&marker) else {
        return Vec::new();
    };
    let body = &dom[start..];
    let body = &body[..body.find("</table>").unwrap_or(body.len())];
    let tbody = &body[body.find("<tbody>").unwrap_or(0)..];
    let tbody = &tbody[..tbody.find("</tbody>").unwrap_or(tbody.len())];
    tbody
        .split("<tr>")
        .skip(1)
        .map(|row| row.matches("<td class=\"c-").count())
        .collect()
}

/// A snapshot of one organization aggregator over 500 accounts × 30 regions,
/// every state present, and markup in names and messages.
fn big_snapshot(dir: &Path) {
    let agg = "org-<b>big</b>";
    std::fs::write(
        dir.join("describe-us-east-1.json"),
        serde_json::json!({"ConfigurationAggregators": [{
            "ConfigurationAggregatorName": agg,
            "ConfigurationAggregatorArn": "arn:aws:config:us-east-1:999999999999:config-aggregator/config-aggregator-big",
            "OrganizationAggregationSource": {"RoleArn": "arn:aws:iam::999999999999:role/aggregator", "AllAwsRegions": true}
        }]})
        .to_string(),
    )
    .unwrap();
    let mut accounts = Vec::new();
    let mut statuses = Vec::new();
    for a in 0..500u64 {
        let id = format!("{:012}", 100_000_000_000 + a * 7);
        accounts.push(serde_json::json!({"Id": id, "Arn": format!("arn:aws:organizations::999999999999:account/o-big/{id}"),
            "Email": format!("a{a}@example.com"), "Name": format!("team-{a} <i>\"q\"</i>"), "Status": "ACTIVE",
            "JoinedMethod": "CREATED", "JoinedTimestamp": 1748736000.0}));
        for (r, region) in REGIONS.iter().enumerate() {
            let k = a as usize * 31 + r;
            if k % 37 == 0 {
                continue; // missing
            }
            let (status, updated, error) = match k % 19 {
                0 => (
                    "FAILED",
                    1795900000.0,
                    Some("<script>alert('x')</script> & \"denied\""),
                ),
                1 => ("OUTDATED", 1795900000.0, None),
                2 => ("SUCCEEDED", 1790000000.0, None),
                _ => ("SUCCEEDED", 1795990000.0, None),
            };
            let mut s = serde_json::json!({"SourceId": id, "SourceType": "ACCOUNT", "AwsRegion": region,
                "LastUpdateStatus": status, "LastUpdateTime": updated});
            if let Some(e) = error {
                s["LastErrorCode"] = "AccessDeniedException".into();
                s["LastErrorMessage"] = e.into();
            }
            statuses.push(s);
        }
    }
    std::fs::create_dir_all(dir.join("organizations")).unwrap();
    std::fs::write(
        dir.join("organizations/list-accounts.json"),
        serde_json::json!({ "Accounts": accounts }).to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("sources-status-big.json"),
        serde_json::json!({ "AggregatedSourceStatusList": statuses }).to_string(),
    )
    .unwrap();
}

fn scan_html(args: &[&str], cwd: &Path, out: &Path) -> (i32, Duration) {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(cwd)
        .args(["scan"])
        .args(args)
        .args(["--now", NOW, "--format", &format!("html={}", out.display())])
        .status()
        .unwrap();
    (status.code().unwrap_or(-1), t.elapsed())
}

#[test]
fn the_console_check_sees_errors() {
    // A page that breaks the rules: the detector must see it.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head><body><script>x()</script></body></html>",
    )
    .unwrap();
    let page = load(&bad, None);
    assert!(
        !page.console.is_empty(),
        "a blocked script is a console message"
    );
}

#[test]
fn fixture_report_renders_cleanly() {
    let out = out_dir();
    let html = out.join("fixtures.html");
    let (code, _) = scan_html(
        &["fixtures", "../shared/corpus/awscli"],
        &common::root(),
        &html,
    );
    assert_eq!(code, 2, "the error fixtures are in the scan");
    let page = load(&html, None);
    assert!(page.console.is_empty(), "console: {:#?}", page.console);
    assert!(
        page.dom.contains("id=\"coverage\""),
        "the heat maps are there"
    );
    assert!(page.dom.matches("<table class=\"grid\"").count() > 5);
    // Every row of every grid has a cell per region.
    for table in page.dom.split("<table class=\"grid\"").skip(1) {
        let regions: usize = table
            .split("data-regions=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        let tbody = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
        for row in tbody.split("<tr>").skip(1) {
            assert_eq!(row.matches("<td class=\"c-").count(), regions, "{row}");
            assert_eq!(row.matches("<td class=\"t\">").count(), 3, "{row}");
        }
    }
    // The aggregator named `<script>alert(1)</script>` is text, not a script.
    assert!(!page.dom.contains("<script"), "no script element");
    assert!(page.dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    load(&html, Some(&out.join("fixtures.png")));
}

#[test]
fn a_500_by_30_grid_renders_cleanly_and_fast() {
    let dir = tempfile::tempdir().unwrap();
    big_snapshot(dir.path());
    let out = out_dir();
    let html = out.join("big.html");
    let (code, scanned) = scan_html(
        &[
            ".",
            "--aggregator",
            "org-<b>big</b>",
            "--expect-regions",
            &REGIONS.join(","),
        ],
        dir.path(),
        &html,
    );
    assert_eq!(code, 1);
    let size = std::fs::metadata(&html).unwrap().len();
    let page = load(&html, None);
    assert!(page.console.is_empty(), "console: {:#?}", page.console);
    let rows = grid_rows(&page.dom, 500);
    assert_eq!(rows.len(), 500, "a row per account");
    assert!(rows.iter().all(|n| *n == 30), "30 cells in every row");
    for class in ["c-ok", "c-failed", "c-outdated", "c-stale", "c-missing"] {
        assert!(
            page.dom.contains(&format!("class=\"{class}\"")),
            "{class} cells"
        );
    }
    assert!(
        !page.dom.contains("<script") && !page.dom.contains("<b>big") && !page.dom.contains("<i>")
    );
    assert!(page.dom.contains("org-&lt;b&gt;big&lt;/b&gt;"));
    assert!(
        page.dom
            .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"denied\""),
        "tooltips keep the text"
    );
    load(&html, Some(&out.join("big.png")));
    eprintln!(
        "500×30 report: {size} bytes, scan and render {:.2}s, browser load {:.2}s",
        scanned.as_secs_f64(),
        page.elapsed.as_secs_f64()
    );
    assert!(size < 8 * 1024 * 1024, "{size} bytes");
    assert!(page.elapsed < Duration::from_secs(60));
}

/// Where tests/browser/setup.sh puts axe-core for these tests.
fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-tools")
}

fn axe_path() -> PathBuf {
    tools_dir().join("node_modules/axe-core/axe.min.js")
}

fn has_pdftotext() -> bool {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs tests/browser/setup.sh once when pdftotext or axe-core is missing;
/// whatever it cannot install, the test needing it skips.
fn optional_tools() {
    static SETUP: std::sync::Once = std::sync::Once::new();
    SETUP.call_once(|| {
        if has_pdftotext() && axe_path().is_file() {
            return;
        }
        let setup = common::root().join("tests/browser/setup.sh");
        let status = Command::new("bash").arg(&setup).arg(tools_dir()).status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("tests/browser/setup.sh failed: the tests needing its tools skip");
        }
    });
}

/// Runs chromium headless on a page with `extra` arguments; its standard output.
fn chromium_with(html: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_500_by_30_report_prints_every_account() {
    optional_tools();
    if !has_pdftotext() {
        eprintln!("skipped: pdftotext (poppler-utils) is missing and tests/browser/setup.sh could not install it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    big_snapshot(dir.path());
    let out = out_dir();
    let html = out.join("big-print.html");
    let args = [
        ".",
        "--aggregator",
        "org-<b>big</b>",
        "--expect-regions",
        &REGIONS.join(","),
    ];
    assert_eq!(scan_html(&args, dir.path(), &html).0, 1);
    let pdf = out.join("big.pdf");
    let t = Instant::now();
    chromium_with(
        &html,
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let printed = t.elapsed();
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(text.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&text.stdout);
    // The coverage section alone (the findings name accounts too); it starts on a page of its own.
    let start = text
        .find("Source coverage")
        .expect("the coverage section is printed");
    let grid = &text[start..];
    let next = regex::Regex::new(r"(?m)^\x0c?Findings$").unwrap();
    let grid = &grid[..next.find(grid).map_or(grid.len(), |m| m.start())];
    let missing: Vec<String> = (0..500u64)
        .map(|a| format!("{:012}", 100_000_000_000 + a * 7))
        .filter(|id| !grid.contains(&format!("{id} · team-")))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of 500 accounts are not on paper, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    // The header row is repeated on every page of the grid; the totals are printed.
    let pages: Vec<&str> = grid
        .split('\u{c}')
        .filter(|p| p.contains(" · team-"))
        .collect();
    assert!(pages.len() > 1, "the grid fills several pages");
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Account"),
            "no header on page {} of the grid",
            n + 1
        );
    }
    assert!(grid.contains("Total missing"));
    let pages = pages.len();
    eprintln!(
        "500×30 report printed: {} pages in all, {pages} of them the grid, {} bytes of PDF, {:.1}s",
        text.matches('\u{c}').count(),
        std::fs::metadata(&pdf).unwrap().len(),
        printed.as_secs_f64()
    );
}

/// axe-core's violations on a page: a copy of the report without its
/// Content-Security-Policy (which forbids scripts), axe.min.js and a script
/// that writes the results into the DOM; chromium's --dump-dom reads them
/// back once the page is idle.
fn axe_violations(html: &Path, axe: &str) -> Vec<serde_json::Value> {
    let page = std::fs::read_to_string(html).unwrap();
    let csp = regex::Regex::new(r#"<meta http-equiv="Content-Security-Policy"[^>]*>"#).unwrap();
    let run = "axe.run(document, {resultTypes: ['violations']}).then(function (r) {\
var p = document.createElement('pre'); p.id = 'axe-results';\
p.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,\
nodes: v.nodes.length, targets: v.nodes.slice(0, 12).map(function (n) { return n.target.join(' '); })}; }));\
document.body.appendChild(p); });";
    let injected = csp.replace(&page, "").replacen(
        "</body>",
        &format!("<script>{axe}</script><script>{run}</script></body>"),
        1,
    );
    let copy = html.with_extension("axe.html");
    std::fs::write(&copy, injected).unwrap();
    let dom = chromium_with(
        &copy,
        &["--virtual-time-budget=120000".into(), "--dump-dom".into()],
    );
    let start = dom
        .find("<pre id=\"axe-results\">")
        .unwrap_or_else(|| panic!("axe-core did not finish on {}", copy.display()));
    let json = &dom[start + "<pre id=\"axe-results\">".len()..];
    let json = &json[..json.find("</pre>").unwrap()];
    let json = json
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_reports_pass_axe_core() {
    optional_tools();
    let Ok(axe) = std::fs::read_to_string(axe_path()) else {
        eprintln!(
            "skipped: axe-core is not at {} (npm missing, or tests/browser/setup.sh could not install it)",
            axe_path().display()
        );
        return;
    };
    let out = out_dir();
    let root = common::root();
    // The fixtures (every rule, input errors, suppressions), a grid with rows and
    // columns not collected, and an evidence package's report with its manifest.
    let fixtures = out.join("axe-fixtures.html");
    scan_html(&["fixtures", "../shared/corpus/awscli"], &root, &fixtures);
    let heatmap = out.join("axe-heatmap.html");
    scan_html(&["tests/heatmap"], &root, &heatmap);
    let package = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(&root)
        .args([
            "evidence",
            "examples/demo-snapshot",
            "--no-progress",
            "--out",
        ])
        .arg(package.path().join("p"))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let evidence = out.join("axe-evidence.html");
    std::fs::copy(package.path().join("p/report.html"), &evidence).unwrap();
    let mut bad = Vec::new();
    for page in [&fixtures, &heatmap, &evidence] {
        let t = Instant::now();
        let violations = axe_violations(page, &axe);
        eprintln!(
            "axe-core on {}: {} violation kind(s) in {:.1}s: {}",
            page.display(),
            violations.len(),
            t.elapsed().as_secs_f64(),
            violations
                .iter()
                .map(|v| format!("{} ({})", v["id"], v["impact"]))
                .collect::<Vec<_>>()
                .join(", ")
        );
        bad.extend(
            violations
                .into_iter()
                .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                .map(|v| format!("{}: {v}", page.display())),
        );
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
