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
