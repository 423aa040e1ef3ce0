//! Snapshot tests: what the `aggrego` binary prints for every fixture folder (the
//! human and the JSON report), and every report format on one shared scan, compared
//! byte for byte with the files in `snapshots/`.
//!
//! Each fixture path is a test case of its own, generated from the fixture folders
//! when the tests are compiled; `snapshots_match_the_fixture_folders` catches a
//! folder added since (rebuild the tests) and a snapshot whose folder is gone.
//!
//! The SHA-256 of each policy (in a report's provenance) is shown as 64 `x`s, so a
//! change to a policy's text does not change every snapshot; the byte counts stay
//! true. `evidence::scope_and_provenance_are_recorded` checks the hashes themselves.
//!
//! A missing or different snapshot fails the test, and plain `cargo test` writes
//! nothing in CI. To record new or changed ones, run
//! `INSTA_UPDATE=always cargo test --test integration report_snapshots` (or
//! `cargo insta test --review`) and review the diff before committing it.

use crate::common;
use rstest::rstest;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The snapshot time of runs whose fixture gives none (as `fixtures/_semantics/`
/// is scanned by `real_world`).
const NOW: &str = "2026-12-01T00:00:00Z";

#[derive(Clone, Copy, Debug)]
enum Format {
    Human,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
        }
    }
}

/// One run of the binary: the folder it runs in (relative to the repository root),
/// its arguments and the environment variables it is given.
struct Run {
    dir: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

impl Run {
    fn at_root(args: Vec<String>) -> Run {
        Run {
            dir: String::new(),
            args,
            env: Vec::new(),
        }
    }

    fn output(&self) -> std::process::Output {
        let mut cmd = assert_cmd::Command::cargo_bin("aggrego").expect("binary");
        cmd.current_dir(common::root().join(&self.dir));
        // Nothing from the caller's environment may change the output.
        for (k, _) in std::env::vars_os() {
            if k.to_str().is_some_and(|k| {
                k.starts_with("TF_VAR_") || k.starts_with("AGGREGO_") || k == "COLUMNS"
            }) {
                cmd.env_remove(k);
            }
        }
        cmd.env("NO_COLOR", "1")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .args(&self.args)
            .output()
            .expect("aggrego runs")
    }

    /// The command line, as a person would type it.
    fn command_line(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        if !self.dir.is_empty() {
            words.extend(["cd".into(), quote(&self.dir), "&&".into()]);
        }
        words.push("NO_COLOR=1".into());
        words.extend(self.env.iter().map(|(k, v)| format!("{k}={}", quote(v))));
        words.push("aggrego".into());
        words.extend(self.args.iter().map(|a| quote(a)));
        words.join(" ")
    }

    /// The command line, exit code, standard output and standard error. Each stream
    /// is shown with its length in bytes, so that a change at its end (a trailing
    /// space, a newline) is a difference too.
    fn snapshot(&self) -> String {
        let out = self.output();
        let code = match out.status.code() {
            Some(c) => c.to_string(),
            None => format!("none ({})", out.status),
        };
        let mut s = format!("$ {}\nexit code: {code}\n", self.command_line());
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            show_stream(&mut s, name, bytes);
        }
        s
    }
}

fn show_stream(s: &mut String, name: &str, bytes: &[u8]) {
    let utf8 = std::str::from_utf8(bytes).is_ok();
    s.push_str(&format!(
        "----- {name}: {} bytes{} -----\n",
        bytes.len(),
        if utf8 {
            ""
        } else {
            ", not UTF-8 (other bytes shown as \\xNN)"
        }
    ));
    for chunk in bytes.utf8_chunks() {
        s.push_str(chunk.valid());
        for b in chunk.invalid() {
            s.push_str(&format!("\\x{b:02X}"));
        }
    }
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        s.push('\n');
    }
}

fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=,+@".contains(&b));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `path` relative to the repository root, with `/` (rstest gives the paths it
/// finds from the canonical root).
fn rel(path: &Path) -> String {
    let root = common::root();
    let canonical = root.canonicalize().unwrap_or_else(|_| root.clone());
    path.strip_prefix(&root)
        .or_else(|_| path.strip_prefix(&canonical))
        .unwrap_or_else(|_| panic!("{} is outside the repository", path.display()))
        .to_string_lossy()
        .replace('\\', "/")
}

fn snapshot_name(case: &str, format: &str) -> String {
    format!(
        "{}.{format}",
        case.strip_prefix("fixtures/")
            .unwrap_or(case)
            .replace('/', "__")
    )
}

/// Policy hashes masked, their length kept: JSON `"sha256": "…"` and the HTML
/// policy table's cells.
fn mask_policy_hashes(body: &str) -> String {
    let hashes =
        regex::Regex::new(r#"("sha256": "|<td class="mono">)[0-9a-f]{64}("|</td></tr>)"#).unwrap();
    hashes
        .replace_all(body, |c: &regex::Captures<'_>| {
            format!("{}{}{}", &c[1], "x".repeat(64), &c[2])
        })
        .into_owned()
}

fn assert_snapshot(case: &str, format: &str, body: &str) {
    let body = &mask_policy_hashes(body);
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(snapshot_name(case, format), body));
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn format_args(format: Format) -> Vec<String> {
    strings(&["--format", format.name()])
}

/// `fixtures/<ID>/` and `fixtures/<ID>/<case>/`, scanned as `aggrego test` and the
/// built-in catalogue's tests scan them: the options of their `expected.json` as
/// flags. Without a snapshot time there, the scan takes it from the snapshot as
/// they do, or is given `NOW` when it would read the clock.
#[rstest]
fn policy_fixture(
    #[files("fixtures/[!_]*/expected.json")]
    #[files("fixtures/[!_]*/*/expected.json")]
    expected: PathBuf,
    #[values(Format::Human, Format::Json)] format: Format,
) {
    let dir = expected.parent().unwrap();
    let case = rel(dir);
    let text = std::fs::read_to_string(&expected).unwrap();
    let e: aggrego::commands::fixtures::Expected =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{case}/expected.json: {err}"));
    let o = &e.options;
    let mut args = strings(&["scan", &case]);
    if let Some(m) = &o.max_age {
        args.extend(strings(&["--max-age", m]));
    }
    if let Some(f) = &o.expect_accounts {
        args.extend(strings(&["--expect-accounts", &format!("{case}/{f}")]));
    }
    for r in &o.expect_regions {
        args.extend(strings(&["--expect-regions", r]));
    }
    if o.aggregator_in_every_region {
        args.push("--aggregator-in-every-region".into());
    }
    for p in &o.parameters {
        args.extend(strings(&["--parameter", p]));
    }
    for v in &o.vars {
        args.extend(strings(&["--var", v]));
    }
    match &o.now {
        Some(n) => args.extend(strings(&["--now", n])),
        None => {
            let mut probe = Run::at_root(args.clone());
            probe.args.extend(format_args(Format::Json));
            let report: serde_json::Value = serde_json::from_slice(&probe.output().stdout)
                .unwrap_or_else(|err| panic!("{case}: no JSON report: {err}"));
            if report["now_source"] == "clock" {
                args.extend(strings(&["--now", NOW]));
            }
        }
    }
    args.extend(format_args(format));
    assert_snapshot(&case, format.name(), &Run::at_root(args).snapshot());
}

#[derive(Deserialize)]
struct SuppressionCase {
    options: SuppressionOptions,
}

#[derive(Deserialize)]
struct SuppressionOptions {
    now: String,
}

/// `fixtures/_suppressions/<case>/`, scanned with the snapshot time of its
/// `expected.json`.
#[rstest]
fn suppression_fixture(
    #[files("fixtures/_suppressions/*/expected.json")] expected: PathBuf,
    #[values(Format::Human, Format::Json)] format: Format,
) {
    let case = rel(expected.parent().unwrap());
    let e: SuppressionCase = serde_json::from_str(&std::fs::read_to_string(&expected).unwrap())
        .unwrap_or_else(|err| panic!("{case}/expected.json: {err}"));
    let mut args = strings(&["scan", &case, "--now", &e.options.now]);
    args.extend(format_args(format));
    assert_snapshot(&case, format.name(), &Run::at_root(args).snapshot());
}

#[derive(Deserialize)]
struct SemanticsCase {
    #[serde(default = "here")]
    scan: Vec<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    env: std::collections::BTreeMap<String, String>,
}

fn here() -> Vec<String> {
    vec![".".into()]
}

/// `fixtures/_semantics/<case>/`, run in its folder with the paths, flags and
/// environment of its `expected.json`, as `real_world` runs it.
#[rstest]
fn semantics_fixture(
    #[files("fixtures/_semantics/*/expected.json")] expected: PathBuf,
    #[values(Format::Human, Format::Json)] format: Format,
) {
    let case = rel(expected.parent().unwrap());
    let e: SemanticsCase = serde_json::from_str(&std::fs::read_to_string(&expected).unwrap())
        .unwrap_or_else(|err| panic!("{case}/expected.json: {err}"));
    let mut args = vec!["scan".to_string()];
    args.extend(e.scan);
    args.extend(e.args);
    args.extend(strings(&["--now", NOW]));
    args.extend(format_args(format));
    let run = Run {
        dir: case.clone(),
        args,
        env: e.env.into_iter().collect(),
    };
    assert_snapshot(&case, format.name(), &run.snapshot());
}

/// `fixtures/_errors/`: the malformed inputs, scanned together.
#[rstest]
fn error_fixtures(#[values(Format::Human, Format::Json)] format: Format) {
    let case = "fixtures/_errors";
    let mut args = strings(&["scan", case, "--now", NOW]);
    args.extend(format_args(format));
    assert_snapshot(case, format.name(), &Run::at_root(args).snapshot());
}

/// `fixtures/_hostile/<path>`: each hostile file or folder, scanned on its own. At
/// most 10 findings of a rule in a file are reported (the rest are counted), or the
/// 20,000 findings of `many-empty-aggregators.json` would make 28 MB of snapshots.
#[rstest]
fn hostile_fixture(
    #[files("fixtures/_hostile/*")]
    #[dirs]
    #[exclude("expected\\.json$")]
    path: PathBuf,
    #[values(Format::Human, Format::Json)] format: Format,
) {
    let case = rel(&path);
    let mut args = strings(&["scan", &case, "--now", NOW, "--max-findings-per-rule", "10"]);
    args.extend(format_args(format));
    assert_snapshot(&case, format.name(), &Run::at_root(args).snapshot());
}

#[derive(Deserialize)]
struct PolicyErrorCases {
    runtime: Vec<PolicyErrorCase>,
}

#[derive(Deserialize)]
struct PolicyErrorCase {
    file: String,
}

/// `fixtures/_policy_errors/<file>.rego`: each broken policy given with `--policy`
/// to a scan of one Terraform file, as `custom_policies` runs them: with a policy
/// timeout of 1s, except the policies that fail at run time (the built-in ones run
/// then too, and keep the default timeout).
#[rstest]
fn policy_error_fixture(
    #[files("fixtures/_policy_errors/*.rego")] policy: PathBuf,
    #[values(Format::Human, Format::Json)] format: Format,
) {
    let case = rel(&policy);
    let cases: PolicyErrorCases = serde_json::from_str(
        &std::fs::read_to_string(policy.with_file_name("expected.json")).unwrap(),
    )
    .unwrap();
    let file = policy.file_name().unwrap().to_string_lossy();
    let mut args = strings(&["scan", "fixtures/AGG003/positive3.tf", "--policy", &case]);
    if !cases.runtime.iter().any(|c| c.file == file) {
        args.extend(strings(&["--policy-timeout", "1s"]));
    }
    args.extend(strings(&["--now", NOW]));
    args.extend(format_args(format));
    assert_snapshot(&case, format.name(), &Run::at_root(args).snapshot());
}

/// The formats `report_format` is run with.
const REPORT_FORMATS: [&str; 8] = [
    "human",
    "compact",
    "json",
    "sarif",
    "junit",
    "markdown",
    "html",
    "codequality",
];

/// Every report format on one scan of existing fixtures that has findings of
/// several severities (high, medium, low, info), inline and waiver suppressions,
/// a waiver that expired, suppressions that match nothing, and an input error.
#[rstest]
fn report_format(
    #[values(
        "human",
        "compact",
        "json",
        "sarif",
        "junit",
        "markdown",
        "html",
        "codequality"
    )]
    format: &str,
) {
    let mut args = strings(&[
        "scan",
        "fixtures/_suppressions/waivers",
        "fixtures/_suppressions/inline-terraform",
        "fixtures/AGG004/positive1.describe.json",
        "fixtures/_errors/truncated.json",
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    args.extend(strings(&["--format", format]));
    // SARIF names the repository root by its absolute URI: the same on every machine here.
    let root = common::root();
    let root = root.canonicalize().unwrap_or(root);
    let body = Run::at_root(args).snapshot();
    let uri = format!("file://{}/", root.to_string_lossy());
    let body = if body.contains(&uri) {
        // The byte count then depends on where the repository is checked out.
        let counted = regex::Regex::new(r"----- stdout: \d+ bytes").unwrap();
        counted
            .replace(
                &body.replace(&uri, "file:///ROOT/"),
                "----- stdout: (with the root's URI) bytes",
            )
            .into_owned()
    } else {
        body
    };
    assert_snapshot("report-format", format, &body);
}

/// The formats `scope_and_provenance` is run with.
const SCOPE_FORMATS: [&str; 4] = ["human", "json", "markdown", "html"];

/// The scope and provenance sections on a snapshot whose manifest records
/// failed calls (one with markup and quotes in its message), with a
/// `--prepared-by` holding markup and a reordering character.
#[rstest]
fn scope_and_provenance(#[values("human", "json", "markdown", "html")] format: &str) {
    let args = strings(&[
        "scan",
        "fixtures/AGG009/manifest",
        "--prepared-by",
        "Internal Audit <b>x</b> \u{202e}",
        "--format",
        format,
    ]);
    assert_snapshot(
        "scope-and-provenance",
        format,
        &Run::at_root(args).snapshot(),
    );
}

/// The formats `report_format` covers are those `aggrego scan --help` lists.
#[test]
fn report_format_covers_every_format() {
    let (code, stdout, _) = common::run(&["scan", "--help"]);
    assert_eq!(code, 0);
    let help = String::from_utf8(stdout).unwrap().replace('\n', " ");
    let formats = help
        .split("Formats: ")
        .nth(1)
        .and_then(|s| s.split('.').next())
        .expect("the formats in scan --help");
    let mut listed: Vec<String> = formats
        .split(',')
        .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    listed.sort();
    let mut covered = strings(&REPORT_FORMATS);
    covered.sort();
    assert_eq!(listed, covered);
}

/// The snapshots the cases above write, found from the fixture folders as they are
/// now. The cases themselves were generated when the tests were compiled: a folder
/// added since has no case yet, and no snapshot.
fn expected_snapshots() -> Vec<String> {
    let root = common::root();
    let sorted_entries = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().to_string();
    let mut cases: Vec<String> = Vec::new();
    for d in sorted_entries(&root.join("fixtures")) {
        if !d.is_dir() || name(&d).starts_with('_') {
            continue;
        }
        if d.join("expected.json").is_file() {
            cases.push(rel(&d));
        }
        cases.extend(
            sorted_entries(&d)
                .into_iter()
                .filter(|c| c.join("expected.json").is_file())
                .map(|c| rel(&c)),
        );
    }
    for family in ["_suppressions", "_semantics"] {
        cases.extend(
            sorted_entries(&root.join("fixtures").join(family))
                .into_iter()
                .filter(|c| c.join("expected.json").is_file())
                .map(|c| rel(&c)),
        );
    }
    cases.push("fixtures/_errors".into());
    cases.extend(
        sorted_entries(&root.join("fixtures/_hostile"))
            .into_iter()
            .filter(|p| name(p) != "expected.json" && !name(p).starts_with('.'))
            .map(|p| rel(&p)),
    );
    cases.extend(
        sorted_entries(&root.join("fixtures/_policy_errors"))
            .into_iter()
            .filter(|p| name(p).ends_with(".rego"))
            .map(|p| rel(&p)),
    );
    let mut names: Vec<String> = cases
        .iter()
        .flat_map(|c| ["human", "json"].map(|f| snapshot_name(c, f)))
        .collect();
    names.extend(
        REPORT_FORMATS
            .iter()
            .map(|f| snapshot_name("report-format", f)),
    );
    names.extend(
        SCOPE_FORMATS
            .iter()
            .map(|f| snapshot_name("scope-and-provenance", f)),
    );
    names.sort();
    names
}

/// Every fixture path has its snapshots, and every snapshot a fixture path.
#[test]
fn snapshots_match_the_fixture_folders() {
    let dir = common::root().join("tests/integration/snapshots");
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().to_string_lossy().to_string();
            n.strip_suffix(".snap").map(str::to_string)
        })
        .collect();
    present.sort();
    let expected = expected_snapshots();
    let missing: Vec<&String> = expected.iter().filter(|n| !present.contains(n)).collect();
    let orphans: Vec<&String> = present.iter().filter(|n| !expected.contains(n)).collect();
    assert!(
        missing.is_empty(),
        "no snapshot for {missing:?}: a fixture added since the tests were compiled needs a \
         rebuild (`touch tests/integration/report_snapshots.rs`), then its snapshots recorded \
         (INSTA_UPDATE=always) and reviewed"
    );
    assert!(
        orphans.is_empty(),
        "snapshots of no fixture (delete them): {orphans:?}"
    );
}
