//! `aggrego diff`: each `tests/diffs/CASE/` is a case. Its `args` file holds
//! the diff's arguments; `*.json` and other files are used as they are, and
//! each `NAME.snapshot/` folder is first made into the evidence package
//! `NAME.zip`. The exit code, standard output and standard error of the human
//! and JSON formats are compared with `snapshots/diff/CASE.snap`. Adding a
//! case is adding a folder.

use crate::common;
use std::path::Path;

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("aggrego runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The case laid out in a temporary folder, its snapshot folders packaged.
fn lay_out(case: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(case, tmp.path());
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
        for format in ["human", "json"] {
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
                (code, out, err),
                "{name}: a rerun differs"
            );
            if args.contains(&"--format") {
                break;
            }
        }
        assert!(codes.windows(2).all(|w| w[0] == w[1]), "{name}: {codes:?}");
        snapshot(&name, &text);
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
