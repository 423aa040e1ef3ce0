//! User policies: loading, id collisions, located errors of every class (data-
//! driven from `fixtures/_policy_errors/expected.json`), data, Rego v0, limits,
//! `aggrego test` and the shipped examples.

use crate::common;

use serde::Deserialize;
use serde_json::Value;

fn aggrego(args: &[&str]) -> (i32, String, String) {
    let (code, stdout, stderr) = common::run(args);
    (
        code,
        String::from_utf8_lossy(&stdout).to_string(),
        String::from_utf8_lossy(&stderr).to_string(),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    cases: Vec<Case>,
    runtime: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    /// `file:line:col` (or just the file when the problem has no position).
    at: String,
    message_contains: String,
    help_contains: Option<String>,
}

const DIR: &str = "fixtures/_policy_errors";

fn cases() -> Cases {
    serde_json::from_str(
        &std::fs::read_to_string(common::root().join(DIR).join("expected.json")).unwrap(),
    )
    .unwrap()
}

/// Each broken policy stops the run at start-up with exit 2, naming the file,
/// line and column and showing the line.
#[test]
fn policy_errors_are_located_at_start_up() {
    let cases = cases();
    // Every file in the folder has a case.
    let mut files: Vec<String> = std::fs::read_dir(common::root().join(DIR))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".rego"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = cases
        .cases
        .iter()
        .chain(&cases.runtime)
        .map(|c| c.file.clone())
        .collect();
    listed.sort();
    assert_eq!(files, listed);

    for c in &cases.cases {
        let policy = format!("{DIR}/{}", c.file);
        let (code, stdout, stderr) = aggrego(&[
            "scan",
            "fixtures/AGG003/positive3.tf",
            "--policy",
            &policy,
            "--policy-timeout",
            "1s",
            "--format",
            "json",
        ]);
        assert_eq!(code, 2, "{}: {stderr}", c.file);
        assert!(stdout.is_empty(), "{}: nothing is scanned", c.file);
        let line = stderr
            .lines()
            .find(|l| l.starts_with("aggrego: error: "))
            .unwrap_or_else(|| panic!("{}: {stderr}", c.file));
        let at = format!("aggrego: error: {DIR}/{}: ", c.at);
        assert!(
            line.starts_with(&at),
            "{}: {line:?} does not start with {at:?}",
            c.file
        );
        assert!(line.contains(&c.message_contains), "{}: {line}", c.file);
        if c.at.matches(':').count() == 2 {
            assert!(stderr.contains(" | "), "{}: a snippet: {stderr}", c.file);
        }
        if let Some(h) = &c.help_contains {
            assert!(
                stderr.contains("help: ") && stderr.contains(h.as_str()),
                "{stderr}"
            );
        }
    }
}

/// A policy failing at run time is reported against itself; the others run.
#[test]
fn runtime_errors_do_not_stop_other_policies() {
    for c in cases().runtime {
        let (code, stdout, _) = aggrego(&[
            "scan",
            "fixtures/AGG003/positive3.tf",
            "--policy",
            &format!("{DIR}/{}", c.file),
            "--format",
            "json",
        ]);
        assert_eq!(code, 2);
        let v: Value = serde_json::from_str(&stdout).unwrap();
        let errors = v["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        // The report's contract: the file alone, its line and column as
        // numbers, and a message without a snippet.
        let at: Vec<&str> = c.at.split(':').collect();
        assert_eq!(errors[0]["file"], format!("{DIR}/{}", at[0]));
        assert_eq!(errors[0]["line"].to_string(), at[1]);
        assert_eq!(errors[0]["column"].to_string(), at[2]);
        let message = errors[0]["message"].as_str().unwrap();
        assert!(message.contains(&c.message_contains), "{message}");
        assert!(!message.contains('\n'), "{message}");
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule_id"] == "AGG003"),
            "built-in policies still ran"
        );
    }
}

#[test]
fn user_policies_run_with_their_data() {
    let (code, stdout, stderr) = aggrego(&[
        "scan",
        "examples/policies/fixtures",
        "--policy",
        "examples/policies",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    for id in ["ORG001", "ORG002", "ORG003", "AGG003"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    // --no-builtin: only the user's policies.
    let (_, stdout, _) = aggrego(&[
        "scan",
        "examples/policies/fixtures",
        "--policy",
        "examples/policies",
        "--no-builtin",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule_id"].as_str().unwrap().starts_with("ORG")));
    // --data overrides nothing silently: a conflicting value is an error.
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.json");
    std::fs::write(&extra, r#"{"org": {"name_prefix": "corp-"}}"#).unwrap();
    let (code, _, stderr) = aggrego(&[
        "scan",
        "examples/policies/fixtures",
        "--policy",
        "examples/policies",
        "--data",
        extra.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot merge into data"), "{stderr}");
    // A data file with a syntax error is located.
    std::fs::write(&extra, "{\"org\": [1,}").unwrap();
    let (code, _, stderr) =
        aggrego(&["scan", "fixtures/AGG003", "--data", extra.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("extra.json:1:12: invalid JSON"), "{stderr}");
    // The user's catalogue is listed with the built-ins.
    let (_, stdout, _) = aggrego(&["policies", "--policy", "examples/policies"]);
    assert!(stdout.contains("ORG003  medium"), "{stdout}");
    let (code, stdout, _) = aggrego(&["explain", "org002", "--policy", "examples/policies"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("data.org.name_prefix"));
}

#[test]
fn ids_must_be_unique_among_user_policies() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        std::fs::read_to_string(common::root().join("examples/policies/ORG002_name_prefix.rego"))
            .unwrap();
    std::fs::write(dir.path().join("a.rego"), &src).unwrap();
    std::fs::write(
        dir.path().join("b.rego"),
        src.replace("package example.name_prefix", "package example.other"),
    )
    .unwrap();
    let (code, _, stderr) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--policy",
        dir.path().to_str().unwrap(),
        "--data",
        "examples/policies/data.yaml",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("b.rego: policy id ORG002 is already used by"),
        "{stderr}"
    );
}

#[test]
fn rego_v0_with_the_marker() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(common::root().join(DIR).join("v0.rego")).unwrap();
    std::fs::write(
        dir.path().join("v0.rego"),
        format!("# aggrego: rego.v0\n{src}"),
    )
    .unwrap();
    let (code, stdout, stderr) = aggrego(&[
        "scan",
        "fixtures/AGG003/positive3.tf",
        "--policy",
        dir.path().join("v0.rego").to_str().unwrap(),
        "--no-builtin",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("\"rule_id\": \"U5\""));
}

#[test]
fn aggrego_test_passes_on_the_examples_with_coverage() {
    let (code, stdout, stderr) = aggrego(&["test", "examples/policies", "--coverage"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains(
        "PASS  examples/policies/ORG002_name_prefix_test.rego:11  data.example.name_prefix_test.test_name_without_prefix"
    ));
    assert!(
        stdout.contains("PASS  examples/policies/fixtures/ORG003/expected.json:1  fixtures/ORG003")
    );
    assert!(stdout.contains("100.0%  examples/policies/ORG001_security_account_owner.rego"));
    assert!(
        stdout.trim_end().ends_with("12 passed, 0 failed"),
        "{stdout}"
    );

    let (code, stdout, _) = aggrego(&[
        "test",
        "examples/policies",
        "--run",
        "name_prefix",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["passed"], 3);
    assert!(v["tests"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["name"].as_str().unwrap().contains("name_prefix")));
}

#[test]
fn aggrego_test_reports_failures_and_partial_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let root = common::root().join("examples/policies");
    for f in ["ORG002_name_prefix.rego", "data.yaml"] {
        std::fs::copy(root.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("ORG002_name_prefix_test.rego"),
        r#"package example.name_prefix_test

import data.example.name_prefix

test_wrong_expectation if {
	count(name_prefix.deny) == 1 with input as {"aggregators": []}
}

test_error if {
	to_number("x") == 1
}

test_right if {
	count(name_prefix.deny) == 0 with input as {"aggregators": []}
}
"#,
    )
    .unwrap();
    // A fixture folder whose expectation is wrong.
    let fx = dir.path().join("fixtures/ORG002");
    std::fs::create_dir_all(&fx).unwrap();
    std::fs::copy(
        root.join("fixtures/ORG002/positive1.tf"),
        fx.join("positive1.tf"),
    )
    .unwrap();
    std::fs::write(
        fx.join("expected.json"),
        r#"{"findings": [{"file": "positive1.tf", "line": 3, "column": 10}]}"#,
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(dir.path())
        .args(["test", ".", "--coverage"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL  ORG002_name_prefix_test.rego:5  data.example.name_prefix_test.test_wrong_expectation"), "{stdout}");
    assert!(stdout.contains("undefined: a condition in its body does not hold"));
    assert!(stdout.contains("FAIL  ORG002_name_prefix_test.rego:9"));
    assert!(stdout.contains("could not parse string as number"));
    assert!(stdout.contains("PASS  ORG002_name_prefix_test.rego:13"));
    assert!(stdout.contains("FAIL  fixtures/ORG002/expected.json:1  fixtures/ORG002"));
    assert!(stdout.contains("expected a finding at positive1.tf:3:10, got none"));
    assert!(stdout.contains("unexpected finding at positive1.tf:2:10"));
    // Only an empty input was tested: the finding's body was never reached.
    assert!(stdout.contains("not reached: lines"), "{stdout}");
    assert!(
        stdout.contains("2 passed, 2 failed") || stdout.contains("1 passed, 3 failed"),
        "{stdout}"
    );

    // Nothing to test is an error, not a pass.
    let empty = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(empty.path())
        .args(["test", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// User policies have the `time.*` builtins in UTC, with `time.now_ns()` the
/// snapshot time; other zones and Go layouts are refused with a reason.
#[test]
fn time_builtins_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let policy = |body: &str| {
        format!(
            "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: TIME001\n#   severity: low\n#   remediation: R\n#   inputs: [aws-cli]\n#   checks: source_statuses\npackage t\n\ndeny contains {{\"msg\": msg, \"loc\": s.status_loc}} if {{\n\tsome s in input.source_statuses\n\ts.status == \"FAILED\"\n\t{body}\n}}\n"
        )
    };
    std::fs::write(
        dir.path().join("t.rego"),
        policy("msg := sprintf(\"%v %v %v %v\", [time.date(time.now_ns()), time.weekday([time.now_ns(), \"UTC\"]), time.parse_duration_ns(\"1h30m\"), time.format(time.parse_rfc3339_ns(\"2026-01-02T03:04:05+01:00\"))])"),
    )
    .unwrap();
    let args = |p: &std::path::Path| {
        vec![
            "scan".to_string(),
            "fixtures/AGG001".into(),
            "--policy".into(),
            p.display().to_string(),
            "--no-builtin".into(),
            "--now".into(),
            "2026-11-23T14:35:58Z".into(),
            "--format".into(),
            "json".into(),
        ]
    };
    let owned = args(dir.path());
    let (code, stdout, stderr) = aggrego(&owned.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v["findings"][0]["message"],
        "[2026, 11, 23] Monday 5400000000000 2026-01-02T02:04:05Z"
    );
    std::fs::write(
        dir.path().join("t.rego"),
        policy("msg := sprintf(\"%v\", [time.date([time.now_ns(), \"Europe/Paris\"])])"),
    )
    .unwrap();
    let (code, stdout, _) = aggrego(&owned.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 2);
    assert!(stdout.contains("only UTC is available"), "{stdout}");
}
