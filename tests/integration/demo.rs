//! The README's first command: `aggrego scan examples/demo-snapshot`. A newcomer
//! sees the product work on one screen: a failing and an outdated source, an
//! account that never reports, a region nothing aggregates, and exit code 1.

use crate::common;

/// The README's main command, as the README writes it.
fn readme_command() -> Vec<String> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("examples/demo-snapshot") && l.starts_with("cargo run"))
        .expect("the README runs the demo snapshot");
    let command = line.split('#').next().unwrap().trim();
    let args: Vec<&str> = command.split_whitespace().collect();
    let after = args
        .iter()
        .position(|a| *a == "--")
        .expect("cargo run -- ...");
    args[after + 1..].iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_demo_fits_one_screen_and_fails() {
    let args = readme_command();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = common::run(&args);
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 1, "{out}{}", String::from_utf8_lossy(&err));
    let lines = out.lines().count();
    assert!(lines < 60, "{lines} lines:\n{out}");
    for rule in ["AGG001", "AGG002", "AGG003", "AGG007"] {
        assert!(out.contains(rule), "{rule} missing:\n{out}");
    }
    for status in ["FAILED", "OUTDATED"] {
        assert!(out.contains(status), "{status} missing:\n{out}");
    }
    insta::with_settings!({
        snapshot_path => "snapshots/demo",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("demo-snapshot.human", out);
    });
}

/// The demo is what `aggrego collect-script` writes: its manifest lists
/// exactly the files beside it, and the scan reads every one without error.
#[test]
fn the_demo_is_a_complete_snapshot() {
    let dir = common::root().join("examples/demo-snapshot");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let mut listed: Vec<String> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    let mut present: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != "manifest.json")
        .map(|e| {
            e.path()
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    present.sort();
    assert_eq!(listed, present);
    let (_, out, _) = common::run(&["scan", dir.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report}");
}
