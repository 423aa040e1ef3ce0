//! Files found by convention or listed by reference are read only inside their
//! folder: a symlink committed to a repository cannot make a scan read (and
//! show) a file elsewhere. Files named on the command line may be links, but
//! never FIFOs or devices, which would block the scan.
#![cfg(unix)]

use crate::common;
use crate::common::Run;

use serde_json::Value;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T00:00:00Z";
const SECRET: &str = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";

/// Run the binary in `dir`; killed (and the test failed) after 30 s.
fn aggrego(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if t.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("aggrego {args:?} did not finish in 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run::from(out)
}

/// `outside/credentials` holding a secret, and `repo/` with a status file.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("outside")).unwrap();
    std::fs::write(
        dir.path().join("outside/credentials"),
        format!("[default]\n{SECRET}\n"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("repo")).unwrap();
    std::fs::copy(
        common::root().join("fixtures/AGG001/positive1.json"),
        dir.path().join("repo/status.json"),
    )
    .unwrap();
    dir
}

fn errors(out: &Run) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr));
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap_or("").to_string(),
                e["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

#[test]
fn a_waivers_file_linked_out_of_the_folder_is_not_read() {
    let dir = repository();
    symlink(
        "../outside/credentials",
        dir.path().join("repo/.aggrego-waivers.yaml"),
    )
    .unwrap();
    for format in ["human", "json"] {
        let out = aggrego(
            dir.path(),
            &["scan", "repo", "--now", NOW, "--format", format],
        );
        assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
        let all = format!("{}{}", out.stdout, out.stderr);
        assert!(!all.contains("SECRETKEY"), "{all}");
        assert!(!all.contains("aws_secret_access_key"), "{all}");
        assert!(
            all.contains("symlink to outside the scanned folder, not read"),
            "{all}"
        );
        // The rest of the scan still runs.
        assert!(all.contains("AGG001"), "{all}");
    }
    let out = aggrego(
        dir.path(),
        &["scan", "repo", "--now", NOW, "--format", "json"],
    );
    assert_eq!(
        errors(&out),
        [(
            "repo/.aggrego-waivers.yaml".to_string(),
            "cannot read the waivers file: symlink to outside the scanned folder, not read"
                .to_string()
        )]
    );
}

#[test]
fn a_waivers_file_linked_to_the_environment_is_not_read() {
    let dir = repository();
    symlink(
        "/proc/self/environ",
        dir.path().join("repo/.aggrego-waivers.yaml"),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"));
    child
        .current_dir(dir.path())
        .env("AGGREGO_TEST_TOKEN", "ghp_TOKENVALUE")
        .args(["scan", "repo", "--now", NOW]);
    let out = child.output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(2), "{all}");
    assert!(!all.contains("TOKENVALUE"), "{all}");
    assert!(
        all.contains("symlink to outside the scanned folder"),
        "{all}"
    );
}

#[test]
fn a_waivers_file_linked_inside_the_folder_is_read() {
    let dir = repository();
    std::fs::write(
        dir.path().join("repo/waivers.yaml"),
        "waivers:\n  - id: AGG001\n    file: \"*.json\"\n    reason: accepted for the test\n",
    )
    .unwrap();
    symlink(
        "waivers.yaml",
        dir.path().join("repo/.aggrego-waivers.yaml"),
    )
    .unwrap();
    let out = aggrego(
        dir.path(),
        &["scan", "repo", "--now", NOW, "--format", "json"],
    );
    assert!(errors(&out).is_empty(), "{}", out.stdout);
}

#[test]
fn a_manifest_file_linked_out_of_the_snapshot_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("snap");
    std::fs::create_dir_all(snap.join("organizations")).unwrap();
    std::fs::write(dir.path().join("credentials"), SECRET).unwrap();
    std::fs::copy(
        common::root().join("fixtures/AGG009/manifest/manifest.json"),
        snap.join("manifest.json"),
    )
    .unwrap();
    // Listed, present, but a link to a file outside the snapshot.
    symlink(
        "../../credentials",
        snap.join("organizations/list-accounts.json"),
    )
    .unwrap();
    let out = aggrego(
        dir.path(),
        &["scan", "snap", "--now", NOW, "--format", "json"],
    );
    assert!(!out.stdout.contains("SECRETKEY"), "{}", out.stdout);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "AGG009")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "lists organizations/list-accounts.json, which is a symlink to outside the snapshot folder: it is not read"
        )),
        "{messages:#?}"
    );
}

#[test]
fn policy_folder_data_linked_out_of_the_folder_is_refused() {
    let dir = repository();
    std::fs::create_dir(dir.path().join("policies")).unwrap();
    std::fs::write(
        dir.path().join("outside/data.json"),
        format!("{{\"k\": \"{SECRET}\"}}"),
    )
    .unwrap();
    symlink(
        "../outside/data.json",
        dir.path().join("policies/data.json"),
    )
    .unwrap();
    let out = aggrego(
        dir.path(),
        &["scan", "repo", "--policy", "policies", "--format", "json"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("policies/data.json: symlink to outside the policy folder, not read"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("SECRETKEY"));
    // A link inside the folder is read as before.
    std::fs::write(dir.path().join("policies/real.json"), "{\"k\": 1}").unwrap();
    std::fs::remove_file(dir.path().join("policies/data.json")).unwrap();
    symlink("real.json", dir.path().join("policies/data.json")).unwrap();
    let out = aggrego(
        dir.path(),
        &[
            "scan", "repo", "--policy", "policies", "--now", NOW, "--format", "json",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn a_module_sibling_linked_out_of_the_folder_is_not_read() {
    let dir = repository();
    std::fs::copy(
        common::root().join("fixtures/AGG003/positive3.tf"),
        dir.path().join("repo/main.tf"),
    )
    .unwrap();
    symlink("../outside/credentials", dir.path().join("repo/evil.tf")).unwrap();
    let out = aggrego(
        dir.path(),
        &["scan", "repo/main.tf", "--now", NOW, "--format", "human"],
    );
    let all = format!("{}{}", out.stdout, out.stderr);
    assert!(!all.contains("SECRETKEY"), "{all}");
    assert!(
        all.contains("symlink to outside the module's folder, not read"),
        "{all}"
    );
}

#[test]
fn named_fifos_are_refused_without_blocking() {
    let dir = repository();
    mkfifo(&dir.path().join("accounts.fifo"));
    mkfifo(&dir.path().join("data.json"));
    symlink("accounts.fifo", dir.path().join("accounts.txt")).unwrap();
    for args in [
        vec!["--expect-accounts", "accounts.fifo"],
        vec!["--expect-accounts", "accounts.txt"],
        vec!["--waivers", "accounts.fifo"],
        vec!["--var-file", "accounts.fifo"],
    ] {
        let mut all = vec!["scan", "repo", "--now", NOW, "--format", "json"];
        all.extend(&args);
        let out = aggrego(dir.path(), &all);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            errors(&out)
                .iter()
                .any(|(_, m)| m.contains("a FIFO, not a regular file: not read")),
            "{args:?}: {}",
            out.stdout
        );
    }
    let out = aggrego(
        dir.path(),
        &["scan", "repo", "--data", "data.json", "--format", "json"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("data.json: cannot read: a FIFO, not a regular file: not read"),
        "{}",
        out.stderr
    );
}
