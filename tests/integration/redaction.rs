//! `aggrego evidence --redact` against `tests/redaction/`: a snapshot whose
//! organization names hold braces, quotes and other scripts, whose e-mails have
//! non-ASCII local parts and IDN domains, whose caller is an assumed role, and
//! an expected-accounts CSV with names. No value of `secrets.txt` may be left in
//! any byte or name of the package (its scope and provenance included: account
//! names, the caller ARN, a failed call's message), which must verify and find
//! what the unredacted package finds. `--prepared-by` is kept as given.

use crate::common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data() -> PathBuf {
    common::root().join("tests/redaction")
}

fn aggrego(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(common::root())
        .env_remove("AGGREGO_REDACT_KEY")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn file<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

fn package(out: &Path, redact: bool) -> (i32, Vec<(String, Vec<u8>)>) {
    let snapshot = data().join("snapshot").display().to_string();
    let csv = data().join("accounts.csv").display().to_string();
    let outs = out.display().to_string();
    let mut args = vec![
        "evidence",
        &snapshot,
        "--expect-accounts",
        &csv,
        "--out",
        &outs,
    ];
    if redact {
        // Recorded as given: the preparer chose it (docs/HARDENING.md).
        args.extend(["--redact", "--prepared-by", "Jane Roe, Internal Audit"]);
    }
    let (code, log) = aggrego(&args);
    assert!(code == 0 || code == 1, "{log}");
    (code, common::zip_entries(out))
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn redacted_packages_hold_no_sensitive_value() {
    let secrets: Vec<String> = std::fs::read_to_string(data().join("secrets.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    // Each is really in the inputs, so its absence below means something.
    let mut inputs = Vec::new();
    for e in walkdir::WalkDir::new(data()) {
        let e = e.unwrap();
        if e.file_type().is_file() && e.file_name() != "secrets.txt" {
            inputs.extend(std::fs::read(e.path()).unwrap());
        }
    }
    for s in &secrets {
        assert!(contains(&inputs, s), "{s} is not in the inputs");
    }

    let dir = tempfile::tempdir().unwrap();
    let (code, redacted) = package(&dir.path().join("redacted.zip"), true);
    let names: Vec<&str> = redacted.iter().map(|(n, _)| n.as_str()).collect();
    for wanted in [
        "manifest.json",
        "report.html",
        "results.json",
        "results.sarif",
    ] {
        assert!(names.contains(&wanted), "{wanted} not in {names:?}");
    }
    assert!(
        names.iter().any(|n| n.ends_with("list-accounts.json"))
            && names.iter().any(|n| n.ends_with("accounts.csv")),
        "{names:?}"
    );
    for (name, bytes) in &redacted {
        for s in &secrets {
            assert!(!name.contains(s.as_str()), "{s} in the name {name}");
            assert!(!contains(bytes, s), "{s} in {name}");
        }
    }
    // Redacted JSON stays JSON.
    for (name, bytes) in &redacted {
        if name.ends_with(".json") {
            serde_json::from_slice::<Value>(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let (verified, log) = aggrego(&[
        "evidence",
        "verify",
        &dir.path().join("redacted.zip").display().to_string(),
    ]);
    assert_eq!(verified, 0, "{log}");

    // The same findings as without --redact, and the names did reach the reports
    // there (so the search above would have seen them).
    let (plain_code, plain) = package(&dir.path().join("plain.zip"), false);
    assert_eq!(code, plain_code);
    let findings = |files: &[(String, Vec<u8>)]| {
        let v: Value = serde_json::from_slice(file(files, "results.json")).unwrap();
        v["findings"].as_array().unwrap().len()
    };
    assert!(findings(&plain) > 0);
    assert_eq!(findings(&redacted), findings(&plain));
    for report in ["report.html", "results.json", "results.sarif"] {
        assert!(
            contains(file(&plain, report), "333333333333"),
            "{report} names no account"
        );
    }
    assert!(contains(file(&plain, "report.html"), "Ærø"));
    // The scope and the capture reach every report and the manifest: the caller
    // ARN, its failed call and the account names were there to be found.
    for report in ["report.html", "results.json", "manifest.json"] {
        for text in ["AWSReservedSSO_AuditTeam", "DescribeOrganization", "Ærø"] {
            assert!(
                contains(file(&plain, report), text),
                "{text} not in the unredacted {report}"
            );
        }
    }
    assert!(contains(
        file(&redacted, "manifest.json"),
        "\"prepared_by\": \"Jane Roe, Internal Audit\""
    ));
}
