//! The configuration file: each `tests/config_files/NAME.yaml` is a case. The
//! demo snapshot is scanned with it (`--config`), and the exit code, standard
//! output and standard error are compared with `snapshots/config/NAME.snap`:
//! good files change the options, bad ones give a located error and exit 2
//! with nothing else done. Adding a case is adding a file.

use crate::common;

fn run(args: &[&str]) -> String {
    let (code, out, err) = common::run(args);
    format!(
        "$ aggrego {}\nexit code: {code}\n----- stdout -----\n{}----- stderr -----\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    )
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "snapshots/config",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn config_files() {
    let dir = common::root().join("tests/config_files");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".yaml").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let config = format!("tests/config_files/{name}.yaml");
        let text = run(&[
            "scan",
            "--config",
            &config,
            "examples/demo-snapshot",
            "--no-progress",
        ]);
        snapshot(&name, &text);
    }
}

/// The command line overrides the file, key by key; `aggrego config` says
/// where each option came from.
#[test]
fn flags_override_the_file_and_config_names_each_source() {
    let config = "tests/config_files/valid.yaml";
    let (code, _, _) = common::run(&["scan", "--config", config, "examples/demo-snapshot"]);
    assert_eq!(code, 0, "fail-on: high, and the demo has no high finding");
    let (code, _, _) = common::run(&[
        "scan",
        "--config",
        config,
        "examples/demo-snapshot",
        "--fail-on",
        "medium",
    ]);
    assert_eq!(code, 1, "--fail-on on the command line wins");
    snapshot(
        "aggrego-config",
        &run(&[
            "config",
            "--config",
            config,
            "--fail-on",
            "medium",
            "examples/demo-snapshot",
        ]),
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let (code, out, err) = common::run(&[
        "scan",
        "--config",
        "tests/config_files/missing.yml",
        "examples/demo-snapshot",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("--config: tests/config_files/missing.yml: cannot read"),
        "{err}"
    );
}

/// Found upward from the working directory; paths in it are relative to its folder.
#[test]
fn the_nearest_file_above_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(
        root.join(".aggrego.yaml"),
        "paths: [demo]\nformat: compact\n",
    )
    .unwrap();
    let demo = common::root().join("examples/demo-snapshot");
    common::copy_dir(&demo, &root.join("demo"));
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(root.join("a/b"))
        .args(["scan", "-q"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("aggrego: 6 findings"), "{stdout}");
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(root.join("a/b"))
        .args(["scan", "-q", "--no-config"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "--no-config: the empty folder b/"
    );
}
