//! `aggrego diff`: each `tests/diffs/CASE/` is a case. Its `args` file holds
//! the diff's arguments; `*.json` and other files are used as they are, and
//! each `NAME.snapshot/` folder is first made into the evidence package
//! `NAME.zip`. The exit code, standard output and standard error of the human,
//! JSON and Markdown formats are compared with `snapshots/diff/CASE.snap`
//! (JSON also with `docs/diff.schema.json`). Adding a case is adding a folder.

use crate::common;
use std::path::Path;

/// Run in `dir`: exit code, stdout, stderr.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let r = common::aggrego_in(dir, args);
    (r.code, r.stdout, r.stderr)
}

/// The case laid out in a temporary folder, its snapshot folders packaged.
fn lay_out(case: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(case, tmp.path());
    let mut snapshots: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".snapshot"))
        .collect();
    snapshots.sort();
    for s in snapshots {
        let zip = format!("{}.zip", s.trim_end_matches(".snapshot"));
        let (code, _, err) = run_in(
            tmp.path(),
            &["evidence", &s, "--out", &zip, "--no-progress"],
        );
        assert!(code == 0 || code == 1, "{s}: {err}");
    }
    tmp
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "snapshots/diff",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// `--format json` output holds to the published `docs/diff.schema.json`.
fn matches_the_schema(name: &str, out: &str) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs/diff.schema.json")).unwrap(),
    )
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(out).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn diff_cases() {
    let dir = common::root().join("tests/diffs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let case = dir.join(&name);
        let args_text = std::fs::read_to_string(case.join("args"))
            .unwrap_or_else(|e| panic!("{name}/args: {e}"));
        let mut args: Vec<&str> = vec!["diff"];
        args.extend(args_text.split_whitespace());
        let tmp = lay_out(&case);
        let mut text = String::new();
        let mut codes = Vec::new();
        for format in ["human", "json", "markdown"] {
            let mut a = args.clone();
            if !a.contains(&"--format") {
                a.extend(["--format", format]);
            }
            let (code, out, err) = run_in(tmp.path(), &a);
            codes.push(code);
            text.push_str(&format!(
                "$ aggrego {}\nexit code: {code}\n----- stdout -----\n{out}----- stderr -----\n{err}\n",
                a.join(" ")
            ));
            // Same inputs, same bytes.
            assert_eq!(
                run_in(tmp.path(), &a),
                (code, out.clone(), err),
                "{name}: a rerun differs"
            );
            if a.contains(&"json") && code != 2 {
                matches_the_schema(&name, &out);
            }
            if args.contains(&"--format") {
                break;
            }
        }
        assert!(codes.windows(2).all(|w| w[0] == w[1]), "{name}: {codes:?}");
        snapshot(&name, &text);
    }
}

/// The HTML page: self-contained (no script, no remote resource), every
/// input text escaped, the same bytes on a rerun, written atomically with -o.
#[test]
fn html_is_self_contained_and_escaped() {
    let tmp = lay_out(&common::root().join("tests/diffs/hostile-text"));
    let args = [
        "diff",
        "old.json",
        "new.json",
        "--format",
        "html",
        "-o",
        "diff.html",
    ];
    let (code, out, err) = run_in(tmp.path(), &args);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", ""));
    let html = std::fs::read_to_string(tmp.path().join("diff.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    for bad in [
        "<script",
        "\u{1b}",
        "\u{7}",
        "org<b>",
        "src=\"http",
        "href=\"http",
    ] {
        assert!(!html.contains(bad), "{bad:?} in the page");
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let again = run_in(tmp.path(), &args);
    assert_eq!(again.0, 1);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("diff.html")).unwrap(),
        html
    );
    // Never over an input, also through a symbolic link (a link elsewhere is
    // followed and its target replaced, as for scan's reports).
    let (code, _, err) = run_in(
        tmp.path(),
        &["diff", "old.json", "new.json", "-o", "new.json"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("new.json"), "{err}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("new.json", tmp.path().join("link.html")).unwrap();
        let (code, _, err) = run_in(
            tmp.path(),
            &["diff", "old.json", "new.json", "-o", "link.html"],
        );
        assert_eq!(code, 2, "{err}");
        let new = std::fs::read_to_string(tmp.path().join("new.json")).unwrap();
        assert!(new.starts_with('{'), "NEW is untouched");
    }
}

/// The acceptance test: two snapshots of the scenario's organisation a week
/// apart (the second the `week-later` variant: three sources changed, status
/// times 7 days on), each captured with the collect script against the local
/// AWS and made into an evidence package; `aggrego diff` names exactly the
/// sources that changed, and the AGG001 findings they bring and take away.
#[test]
fn two_snapshots_a_week_apart() {
    use crate::common::mock_aws::{generate, run_script, scenario, Mock};
    use serde_json::Value;
    use std::collections::BTreeSet;
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: python3 is missing (tests/mock_aws/setup.sh needs it for the AWS CLI and moto)");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let (script, _) = generate(work.path(), &[]);
    let capture = |variant: Option<&str>, name: &str| {
        let mock = Mock::start(variant);
        let snapshot = work.path().join(name);
        let out = run_script(&script, &[snapshot.as_os_str()], Some(&mock), None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    capture(None, "week1");
    capture(Some("week-later"), "week2");
    // The second capture's clock is the machine's: its snapshot time is given.
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(work.path().join("week1/manifest.json")).unwrap(),
    )
    .unwrap();
    let t1 =
        chrono::DateTime::parse_from_rfc3339(manifest["captured_at"].as_str().unwrap()).unwrap();
    let t2 = (t1 + chrono::Duration::days(7))
        .to_utc()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    for (snap, extra) in [("week1", vec![]), ("week2", vec!["--now", t2.as_str()])] {
        let zip = format!("{snap}.zip");
        let mut args = vec!["evidence", snap, "--out", &zip, "--no-progress"];
        args.extend(extra);
        let (code, _, err) = run_in(work.path(), &args);
        assert!(code == 0 || code == 1, "{snap}: {err}");
    }
    let (code, out, err) = run_in(
        work.path(),
        &["diff", "week1.zip", "week2.zip", "--format", "json"],
    );
    assert_eq!(code, 1, "new AGG001 findings fail the diff: {err}\n{out}");
    let diff: Value = serde_json::from_str(&out).unwrap();

    // Exactly the sources the variant changed, from the base scenario's status.
    let sc = scenario();
    let mut want: BTreeSet<(String, String, String, String, String)> = BTreeSet::new();
    for c in sc["variants"]["week-later"]["status_changes"]
        .as_array()
        .unwrap()
    {
        let s = |k: &str| c[k].as_str().unwrap().to_string();
        let before = sc["aggregators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["name"] == c["aggregator"])
            .flat_map(|a| a["statuses"].as_array().unwrap())
            .find(|x| x["SourceId"] == c["SourceId"] && x["AwsRegion"] == c["AwsRegion"])
            .unwrap()["LastUpdateStatus"]
            .as_str()
            .unwrap()
            .to_string();
        want.insert((
            s("aggregator"),
            s("SourceId"),
            s("AwsRegion"),
            before,
            s("LastUpdateStatus"),
        ));
    }
    assert_eq!(want.len(), 3);
    assert_eq!(diff["sources"]["known"], true, "{out}");
    let got: BTreeSet<_> = diff["sources"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or("absent").to_string();
            (
                s("aggregator"),
                s("source"),
                s("region"),
                s("old"),
                s("new"),
            )
        })
        .collect();
    assert_eq!(got, want, "{out}");

    // Findings: AGG001 for each source that stopped succeeding, resolved for
    // the one that recovered; nothing else new or resolved.
    let of = |key: &str| -> BTreeSet<(String, String, String, String)> {
        diff["rules"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r[key].as_array().unwrap())
            .map(|f| {
                let s = |k: &str| f["resource"][k].as_str().unwrap_or("").to_string();
                (
                    f["rule_id"].as_str().unwrap().to_string(),
                    s("aggregator"),
                    s("account"),
                    s("region"),
                )
            })
            .collect()
    };
    let pick = |failing_after: bool| -> BTreeSet<(String, String, String, String)> {
        want.iter()
            .filter(|(_, _, _, before, after)| {
                (before == "SUCCEEDED") == failing_after && (after == "SUCCEEDED") != failing_after
            })
            .map(|(a, s, r, _, _)| ("AGG001".to_string(), a.clone(), s.clone(), r.clone()))
            .collect()
    };
    assert_eq!(of("new"), pick(true), "{out}");
    assert_eq!(of("resolved"), pick(false), "{out}");
    assert_eq!(diff["scope"]["known"], true);
    assert_eq!(
        diff["scope"]["changes"],
        serde_json::json!({"accounts_entered": [], "accounts_left": [], "regions_entered": [], "regions_left": []}),
        "{out}"
    );
    // The human form names the same three sources.
    let (_, human, _) = run_in(work.path(), &["diff", "week1.zip", "week2.zip"]);
    assert!(human.contains("sources: 3 whose status changed"), "{human}");
}

/// `evidence --previous`: report.html shows the changes since the previous
/// package, the manifest records its manifest's SHA-256, `verify` reproduces
/// the package without the previous one and checks it when given; redacted
/// packages chain only with packages redacted with the same key.
#[test]
fn evidence_previous_chain() {
    use sha2::Digest;
    let case = common::root().join("tests/diffs/source-status-changed");
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&case, tmp.path());
    let dir = tmp.path();
    let ok = |args: &[&str]| {
        let (code, out, err) = run_in(dir, args);
        assert!(code == 0 || code == 1, "{args:?}: {err}");
        out
    };
    ok(&[
        "evidence",
        "old.snapshot",
        "--out",
        "old.zip",
        "--no-progress",
    ]);
    ok(&[
        "evidence",
        "new.snapshot",
        "--out",
        "new",
        "--previous",
        "old.zip",
        "--no-progress",
    ]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("new/manifest.json")).unwrap())
            .unwrap();
    let old_manifest = common::zip_entries(&dir.join("old.zip"))
        .into_iter()
        .find(|(n, _)| n == "manifest.json")
        .unwrap()
        .1;
    assert_eq!(
        manifest["previous"]["manifest_sha256"],
        format!("{:x}", sha2::Sha256::digest(&old_manifest))
    );
    let html = std::fs::read_to_string(dir.join("new/report.html")).unwrap();
    assert!(
        html.contains("<h2>Changes since 2026-11-30T12:00:00Z</h2>"),
        "{html}"
    );
    assert!(
        html.contains("account 111111111111 in us-east-1</td><td>SUCCEEDED</td><td>FAILED"),
        "{html}"
    );
    // Verified without the previous package; with it, its hash is checked.
    let (code, out, _) = run_in(dir, &["evidence", "verify", "new"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_in(dir, &["evidence", "verify", "new", "--previous", "old.zip"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_in(dir, &["evidence", "verify", "new", "--previous", "new"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("--previous new: its manifest.json has sha256"),
        "{out}"
    );
    // previous.json is part of the package: a change to it is found.
    let p = dir.join("new/previous.json");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("FAILED", "OUTDATED")).unwrap();
    let (code, out, _) = run_in(dir, &["evidence", "verify", "new"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("previous.json: changed"), "{out}");

    // Redacted: both with the same key, the section holds pseudonyms only.
    ok(&[
        "evidence",
        "old.snapshot",
        "--out",
        "old-r.zip",
        "--redact",
        "--no-progress",
    ]);
    ok(&[
        "evidence",
        "new.snapshot",
        "--out",
        "new-r",
        "--redact",
        "--previous",
        "old-r.zip",
        "--no-progress",
    ]);
    let html = std::fs::read_to_string(dir.join("new-r/report.html")).unwrap();
    let section = &html[html.find("<section id=\"changes\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains("<td>SUCCEEDED</td><td>FAILED</td>"),
        "{section}"
    );
    assert!(!section.contains("111111111111"), "{section}");
    let (code, out, _) = run_in(dir, &["evidence", "verify", "new-r"]);
    assert_eq!(code, 0, "{out}");
    for (args, says) in [
        (
            vec![
                "evidence",
                "new.snapshot",
                "--out",
                "x.zip",
                "--redact",
                "--previous",
                "old.zip",
            ],
            "is not redacted",
        ),
        (
            vec![
                "evidence",
                "new.snapshot",
                "--out",
                "x.zip",
                "--previous",
                "old-r.zip",
            ],
            "is redacted",
        ),
        (
            vec![
                "evidence",
                "new.snapshot",
                "--out",
                "x.zip",
                "--redact",
                "--redact-key",
                "k2",
                "--previous",
                "old-r.zip",
            ],
            "another key",
        ),
    ] {
        let (code, _, err) = run_in(dir, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{err}");
        assert!(!dir.join("x.zip").exists());
    }
}
