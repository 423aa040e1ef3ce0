//! Human output that scales: `--format compact`, `-q`, `--min-severity`, the
//! summary and errors on standard error when every report goes to a file,
//! and `--fail-on-empty`. Each case: arguments, expected exit code, and what
//! standard output and standard error must (or must not) hold.

use crate::common;

struct Case {
    args: &'static [&'static str],
    code: i32,
    stdout_has: &'static [&'static str],
    stdout_lacks: &'static [&'static str],
    stderr_has: &'static [&'static str],
}

const DEMO: &str = "examples/demo-snapshot";

const CASES: &[Case] = &[
    // One line per finding, as compilers print them.
    Case {
        args: &["scan", DEMO, "--format", "compact"],
        code: 1,
        stdout_has: &[
            "examples/demo-snapshot/us-east-1/org-aggregator/sources-status.json:42:33: medium AGG001 ",
            "aggrego: 6 findings",
        ],
        stdout_lacks: &["╭─"],
        stderr_has: &[],
    },
    // Bad input in compact form: located, exit 2, the rest still scanned.
    Case {
        args: &["scan", "fixtures/_errors", "--format", "compact"],
        code: 2,
        stdout_has: &["fixtures/_errors/truncated.json:5:36: error invalid JSON"],
        stdout_lacks: &[],
        stderr_has: &[],
    },
    // Quiet: the summary, and how many findings it left out; the exit code stands.
    Case {
        args: &["scan", DEMO, "-q"],
        code: 1,
        stdout_has: &["6 findings not shown (-q)", "aggrego: 6 findings"],
        stdout_lacks: &["AGG001 (medium)"],
        stderr_has: &[],
    },
    // Display only: --fail-on still decides.
    Case {
        args: &["scan", DEMO, "--min-severity", "high", "--format", "compact"],
        code: 1,
        stdout_has: &["6 findings not shown (--min-severity high)"],
        stdout_lacks: &[" medium AGG"],
        stderr_has: &[],
    },
    Case {
        args: &["scan", DEMO, "--min-severity", "severe"],
        code: 2,
        stdout_has: &[],
        stdout_lacks: &["AGG"],
        stderr_has: &["invalid value 'severe' for '--min-severity"],
    },
    // Every report in a file: the summary and the errors on standard error.
    Case {
        args: &["scan", "fixtures/_errors", "--format", "json=@TMP/r.json"],
        code: 2,
        stdout_has: &[],
        stdout_lacks: &["aggrego:"],
        stderr_has: &["fixtures/_errors/truncated.json:5:36: error invalid JSON", "aggrego: 0 findings, 16 errors"],
    },
    // No aggregator data: a warning, or with --fail-on-empty an error.
    Case {
        args: &["scan", "fixtures/AGG001/expected.json", "--skip-unrecognised"],
        code: 0,
        stdout_has: &["aggrego: 0 findings"],
        stdout_lacks: &[],
        stderr_has: &["aggrego: warning: no aggregator data in fixtures/AGG001/expected.json"],
    },
    Case {
        args: &["scan", "fixtures/AGG001/expected.json", "--skip-unrecognised", "--fail-on-empty"],
        code: 2,
        stdout_has: &[],
        stdout_lacks: &[],
        stderr_has: &["aggrego: error: no aggregator data in fixtures/AGG001/expected.json"],
    },
    // With data, --fail-on-empty changes nothing.
    Case {
        args: &["scan", DEMO, "--fail-on-empty", "-q"],
        code: 1,
        stdout_has: &[],
        stdout_lacks: &[],
        stderr_has: &[],
    },
];

#[test]
fn display_options() {
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for case in CASES {
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| a.replace("@TMP", tmp.path().to_str().unwrap()))
            .collect();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = common::run(&refs);
        let (out, err) = (String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
        let mut problems = Vec::new();
        if code != case.code {
            problems.push(format!("exit {code}, expected {}", case.code));
        }
        problems.extend(
            case.stdout_has
                .iter()
                .filter(|s| !out.contains(*s))
                .map(|s| format!("stdout lacks {s:?}")),
        );
        problems.extend(
            case.stdout_lacks
                .iter()
                .filter(|s| out.contains(*s))
                .map(|s| format!("stdout has {s:?}")),
        );
        problems.extend(
            case.stderr_has
                .iter()
                .filter(|s| !err.contains(*s))
                .map(|s| format!("stderr lacks {s:?}")),
        );
        if !problems.is_empty() {
            failures.push(format!(
                "{:?}: {}\n--- stdout\n{out}--- stderr\n{err}",
                case.args,
                problems.join("; ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Compact output is one well-formed line per finding, then the summary.
#[test]
fn compact_lines_are_file_line_column_severity_rule_message() {
    let (_, out, _) = common::run(&["scan", DEMO, "--format", "compact"]);
    let out = String::from_utf8(out).unwrap();
    let line =
        regex::Regex::new(r"^[^:]+:\d+:\d+: (info|low|medium|high|critical) AGG\d{3} \S").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let (summary, findings) = lines.split_last().unwrap();
    assert!(summary.starts_with("aggrego: 6 findings"), "{out}");
    assert_eq!(findings.len(), 6, "{out}");
    for l in findings {
        assert!(line.is_match(l), "{l}");
    }
}
