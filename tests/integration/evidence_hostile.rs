//! Hostile repositories and hostile packages: what `evidence` copies, what
//! `evidence verify` accepts, how much it reads and how long it runs, what it
//! prints, and what it leaves behind.

use crate::common;
use crate::common::Run;

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-24T00:00:00Z";

fn aggrego_env(dir: &Path, tmp: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aggrego"));
    cmd.current_dir(dir)
        .env_remove("AGGREGO_REDACT_KEY")
        .args(args);
    if let Some(t) = tmp {
        cmd.env("TMPDIR", t);
    }
    let out = cmd.output().unwrap();
    Run::from(out)
}

fn aggrego(args: &[&str]) -> Run {
    aggrego_env(&common::root(), None, args)
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// A package of fixtures/AGG001 at `out`.
fn package(out: &Path, extra: &[&str]) -> Run {
    let out = s(out);
    let mut args = vec!["evidence", "fixtures/AGG001", "--out", &out];
    args.extend(extra);
    aggrego(&args)
}

fn snapshot(at: &Path) {
    std::fs::create_dir_all(at).unwrap();
    for e in std::fs::read_dir(common::root().join("fixtures/AGG001")).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), at.join(e.file_name())).unwrap();
        }
    }
}

fn write_zip(to: &Path, entries: &[(String, Vec<u8>)]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for (name, bytes) in entries {
        w.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
}

fn edit_manifest(bytes: &[u8], edit: impl Fn(&mut Value)) -> Vec<u8> {
    let mut m: Value = serde_json::from_slice(bytes).unwrap();
    edit(&mut m);
    let mut out = serde_json::to_vec_pretty(&m).unwrap();
    out.push(b'\n');
    out
}

/// Record a changed file's size and hash in a folder package's manifest.
fn restate(pkg: &Path, file: &str, edit: impl Fn(&mut Value)) {
    let bytes = std::fs::read(pkg.join(file)).unwrap();
    let path = pkg.join("manifest.json");
    let m = std::fs::read(&path).unwrap();
    std::fs::write(
        &path,
        edit_manifest(&m, |m| {
            for f in m["files"].as_array_mut().unwrap() {
                if f["path"] == file {
                    f["size"] = Value::from(bytes.len());
                    f["sha256"] = Value::from(format!("{:x}", sha2_digest(&bytes)));
                }
            }
            edit(m);
        }),
    )
    .unwrap();
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".aggrego"))
        .collect()
}

/// A waivers file committed as a link to a secret outside the scanned folder
/// is not copied into the package; a link inside the folder is.
#[cfg(unix)]
#[test]
fn links_out_of_the_scanned_folder_are_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("credentials");
    std::fs::write(&secret, "aws_secret_access_key = SECRET-TOKEN-1234\n").unwrap();
    let snap = dir.path().join("repo/snap");
    snapshot(&snap);
    std::os::unix::fs::symlink("../../credentials", snap.join(".aggrego-waivers.yaml")).unwrap();
    let pkg = dir.path().join("pkg");
    let r = aggrego(&["evidence", &s(&snap), "--out", &s(&pkg), "--now", NOW]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    for (name, bytes) in common::files(&pkg) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SECRET-TOKEN"),
            "{name} holds the secret"
        );
    }
    let m: Value =
        serde_json::from_slice(&std::fs::read(pkg.join("manifest.json")).unwrap()).unwrap();
    let errors = m["input_errors"].to_string();
    assert!(
        errors.contains("snap/.aggrego-waivers.yaml")
            && errors.contains("outside the scanned folder"),
        "{errors}"
    );
    assert_eq!(aggrego(&["evidence", "verify", &s(&pkg)]).code, 0);

    // Given by flag, a link may not lead out of the current folder either.
    let waivers_link = snap.join("w.yaml");
    std::os::unix::fs::symlink("/proc/self/environ", &waivers_link).unwrap();
    let pkg2 = dir.path().join("pkg2");
    let r = aggrego(&[
        "evidence",
        &s(&snap),
        "--waivers",
        &s(&waivers_link),
        "--out",
        &s(&pkg2),
        "--now",
        NOW,
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("w.yaml") && r.stderr.contains("outside"),
        "{}",
        r.stderr
    );
    assert!(!pkg2.exists());

    // A link inside the folder is copied as the file it leads to.
    std::fs::remove_file(snap.join(".aggrego-waivers.yaml")).unwrap();
    std::fs::remove_file(&waivers_link).unwrap();
    std::fs::write(snap.join("real-waivers.yaml"), "waivers: []\n").unwrap();
    std::os::unix::fs::symlink("real-waivers.yaml", snap.join(".aggrego-waivers.yaml")).unwrap();
    let pkg3 = dir.path().join("pkg3");
    let r = aggrego(&["evidence", &s(&snap), "--out", &s(&pkg3), "--now", NOW]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        std::fs::read(pkg3.join("inputs/snap/.aggrego-waivers.yaml")).unwrap(),
        b"waivers: []\n"
    );
}

/// A forged report.html placed before the genuine one: two entries of one
/// name, which the zip crate would collapse into one.
#[test]
fn duplicate_zip_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let z = dir.path().join("p.zip");
    assert_eq!(package(&z, &[]).code, 1);
    let mut entries = vec![("report.htmX".to_string(), b"<h1>All clear</h1>".to_vec())];
    entries.extend(common::zip_entries(&z));
    let bad = dir.path().join("bad.zip");
    write_zip(&bad, &entries);
    // Rename the forged entry in its local header and the central directory.
    let mut bytes = std::fs::read(&bad).unwrap();
    let mut renamed = 0;
    for i in 0..bytes.len() - 11 {
        if &bytes[i..i + 11] == b"report.htmX" {
            bytes[i + 10] = b'l';
            renamed += 1;
        }
    }
    assert_eq!(renamed, 2);
    std::fs::write(&bad, bytes).unwrap();
    let r = aggrego(&["evidence", "verify", &s(&bad)]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("`report.html` appears twice"),
        "{}",
        r.stderr
    );
}

/// A byte changed in any field of any entry's local header (version, flags,
/// method, time, CRC, sizes): the zip reader trusts the central directory,
/// verify holds each local header to it.
#[test]
fn changed_local_headers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let z = dir.path().join("p.zip");
    assert_eq!(package(&z, &[]).code, 1);
    let bytes = std::fs::read(&z).unwrap();
    let headers: Vec<usize> = (0..bytes.len() - 4)
        .filter(|i| bytes[*i..*i + 4] == [0x50, 0x4b, 0x03, 0x04])
        .collect();
    assert!(headers.len() > 3);
    let bad = dir.path().join("bad.zip");
    for (n, at) in headers.iter().enumerate() {
        for field in [4, 6, 10, 12, 14, 18, 22] {
            let mut b = bytes.clone();
            b[at + field] ^= 0x01;
            std::fs::write(&bad, &b).unwrap();
            let r = aggrego(&["evidence", "verify", &s(&bad)]);
            assert!(
                r.code == 1 || r.code == 2,
                "entry {n}, byte {field}: {}{}",
                r.stdout,
                r.stderr
            );
        }
    }
}

/// Reports removed, a file added, and the manifest made to match: not intact.
#[test]
fn removed_and_added_files_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    assert_eq!(package(&pkg, &[]).code, 1);
    for f in ["report.html", "results.json", "results.sarif"] {
        std::fs::remove_file(pkg.join(f)).unwrap();
    }
    std::fs::write(pkg.join("summary.html"), "<p>No findings.</p>").unwrap();
    let path = pkg.join("manifest.json");
    let bytes = std::fs::read(&path).unwrap();
    let fixed = edit_manifest(&bytes, |m| {
        let files = m["files"].as_array_mut().unwrap();
        files.retain(|f| {
            !["report.html", "results.json", "results.sarif"].contains(&f["path"].as_str().unwrap())
        });
        files.push(serde_json::json!({
            "path": "summary.html",
            "size": 19,
            "sha256": format!("{:x}", sha2_digest(b"<p>No findings.</p>")),
        }));
        files.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    });
    std::fs::write(&path, fixed).unwrap();
    let r = aggrego(&["evidence", "verify", &s(&pkg)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for expect in [
        "report.html: missing",
        "results.json: missing",
        "results.sarif: missing",
        "summary.html: listed in manifest.json, but not a file the recorded run reads or makes",
    ] {
        assert!(r.stdout.contains(expect), "{expect}: {}", r.stdout);
    }
}

fn sha2_digest(b: &[u8]) -> impl std::fmt::LowerHex {
    use sha2::Digest;
    sha2::Sha256::digest(b)
}

/// A manifest stating a huge results.json, and an entry that inflates far:
/// verify stops at its own limit, whatever the manifest says.
#[test]
fn verify_reads_a_bounded_amount() {
    let dir = tempfile::tempdir().unwrap();
    let z = dir.path().join("p.zip");
    assert_eq!(package(&z, &[]).code, 1);
    let big = vec![b' '; 300 * 1024 * 1024];
    let entries: Vec<(String, Vec<u8>)> = common::zip_entries(&z)
        .into_iter()
        .map(|(n, b)| match n.as_str() {
            "results.json" => (n, big.clone()),
            "manifest.json" => {
                let b = edit_manifest(&b, |m| {
                    for f in m["files"].as_array_mut().unwrap() {
                        if f["path"] == "results.json" {
                            f["size"] = Value::from(5_450_000_000u64);
                        }
                    }
                });
                (n, b)
            }
            _ => (n, b),
        })
        .collect();
    let bad = dir.path().join("bomb.zip");
    write_zip(&bad, &entries);
    drop(big);
    assert!(std::fs::metadata(&bad).unwrap().len() < 2 * 1024 * 1024);
    let tmp = tempfile::tempdir().unwrap();
    let t = std::time::Instant::now();
    let r = aggrego_env(
        &common::root(),
        Some(tmp.path()),
        &[
            "evidence",
            "verify",
            &s(&bad),
            "--max-package-size",
            "64MiB",
        ],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("more than 64.0 MiB (--max-package-size): not verified"),
        "{}",
        r.stderr
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(30));
    assert!(
        leftovers(tmp.path()).is_empty(),
        "{:?}",
        leftovers(tmp.path())
    );

    // The same entry stated at its true size is still read only to the limit.
    let entries: Vec<(String, Vec<u8>)> = entries
        .into_iter()
        .map(|(n, b)| {
            if n == "manifest.json" {
                let b = edit_manifest(&b, |m| {
                    for f in m["files"].as_array_mut().unwrap() {
                        if f["path"] == "results.json" {
                            f["size"] = Value::from(300u64 * 1024 * 1024);
                        }
                    }
                });
                (n, b)
            } else {
                (n, b)
            }
        })
        .collect();
    write_zip(&bad, &entries);
    let r = aggrego_env(
        &common::root(),
        Some(tmp.path()),
        &[
            "evidence",
            "verify",
            &s(&bad),
            "--max-package-size",
            "64MiB",
        ],
    );
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("--max-package-size"), "{}", r.stderr);
    assert!(leftovers(tmp.path()).is_empty());
}

const SLOW_POLICY: &str = r#"# METADATA
# title: Slow
# description: Loops for a long time.
# custom:
#   id: USR900
#   severity: low
#   remediation: Nothing to do.
#   inputs: [aws-cli]
package user.usr900
import rego.v1
deny contains f if {
	some i in numbers.range(1, 4000)
	some j in numbers.range(1, 4000)
	i * j == -1
	f := {"msg": "never"}
}
"#;

/// A package whose policy is made slow after the fact, recording the largest
/// policy timeout.
fn slow_package(dir: &Path) -> PathBuf {
    let policy = dir.join("slow.rego");
    std::fs::write(&policy, SLOW_POLICY.replace("4000", "3")).unwrap();
    let pkg = dir.join("pkg");
    let r = package(&pkg, &["--policy", &s(&policy)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    std::fs::write(pkg.join("policies/slow.rego"), SLOW_POLICY).unwrap();
    restate(&pkg, "policies/slow.rego", |m| {
        m["flags"]["policy_timeout_ns"] = Value::from(u64::MAX);
    });
    pkg
}

/// A package that records the largest policy timeout: verify applies its own.
#[test]
fn verify_caps_the_policy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = slow_package(dir.path());
    let t = std::time::Instant::now();
    let r = aggrego(&["evidence", "verify", &s(&pkg), "--policy-timeout", "2s"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("longer than 2s"), "{}", r.stdout);
    assert!(t.elapsed() < std::time::Duration::from_secs(60));
}

/// SIGTERM during a verification leaves no temporary folder; while it runs,
/// that folder is private.
#[cfg(unix)]
#[test]
fn verify_leaves_nothing_behind_and_keeps_its_copies_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let pkg = slow_package(dir.path());
    let tmp = tempfile::tempdir().unwrap();
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
            .env("TMPDIR", tmp.path())
            .args(["evidence", "verify", &s(&pkg), "--policy-timeout", "30s"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let t = std::time::Instant::now();
        while leftovers(tmp.path()).is_empty() && t.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let left = leftovers(tmp.path());
        assert_eq!(left.len(), 1, "{left:?}");
        let mode = std::fs::metadata(tmp.path().join(&left[0]))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{mode:o}");
        std::thread::sleep(std::time::Duration::from_millis(300));
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + signal), "signal {signal}");
        assert!(
            leftovers(tmp.path()).is_empty(),
            "{:?}",
            leftovers(tmp.path())
        );
    }
}

fn has_raw_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// File names, `file` fields and policy print() output from a package reach
/// the terminal escaped.
#[test]
fn package_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("loud.rego");
    std::fs::write(
        &policy,
        "# METADATA\n# title: Loud\n# description: Prints.\n# custom:\n#   id: USR901\n#   severity: low\n#   remediation: Nothing to do.\n#   inputs: [aws-cli]\npackage user.usr901\nimport rego.v1\ndeny contains f if {\n\tprint(\"\\u001b[2J\\u001b]52;c;ZWNobyBoaQ==\\u0007OK\\u202e\")\n\tfalse\n\tf := {\"msg\": \"x\"}\n}\n",
    )
    .unwrap();
    let pkg = dir.path().join("pkg");
    let r = package(&pkg, &["--policy", &s(&policy)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Names: a control sequence, a bidirectional override, a newline.
    #[cfg(unix)]
    for name in ["x\u{1b}[2Jy.json", "a\u{202e}nosj.txt", "fake\nOK: intact"] {
        std::fs::write(pkg.join(name), "{}").unwrap();
    }
    let path = pkg.join("results.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let forged = text.replacen(
        "\"file\": \"AGG001/",
        "\"file\": \"\\u001b]52;c;cm0gLXJmIH4=\\u0007\\u001b[8mAGG001/",
        1,
    );
    assert_ne!(forged, text);
    std::fs::write(&path, forged).unwrap();
    restate(&pkg, "results.json", |_| {});
    let r = aggrego(&["evidence", "verify", &s(&pkg)]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("finding only in the package"),
        "{}",
        r.stdout
    );
    assert!(!has_raw_control(&r.stdout), "{:?}", r.stdout);
    assert!(
        !has_raw_control(&r.stderr.replace('\n', "")),
        "{:?}",
        r.stderr
    );
    assert!(
        !r.stdout.lines().any(|l| l.starts_with("OK")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\\u{1b}"), "{}", r.stdout);
}

/// Two names that are not UTF-8 and differ only there stay two inputs.
#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_stay_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("snap");
    std::fs::create_dir(&snap).unwrap();
    let status = |state: &str| {
        serde_json::json!({"AggregatedSourceStatusList": [{"SourceId": "111122223333",
            "SourceType": "ACCOUNT", "AwsRegion": "us-east-1", "LastUpdateStatus": state,
            "LastUpdateTime": 1795440000}]})
        .to_string()
    };
    let name = |b: u8| {
        let mut n = b"status-".to_vec();
        n.push(b);
        n.extend_from_slice(b".json");
        PathBuf::from(std::ffi::OsStr::from_bytes(&n))
    };
    std::fs::write(snap.join(name(0xff)), status("FAILED")).unwrap();
    std::fs::write(snap.join(name(0xfe)), status("SUCCEEDED")).unwrap();
    let pkg = dir.path().join("pkg");
    let r = aggrego(&["evidence", &s(&snap), "--out", &s(&pkg), "--now", NOW]);
    assert!(r.code == 1 || r.code == 2, "{}", r.stderr);
    let m: Value =
        serde_json::from_slice(&std::fs::read(pkg.join("manifest.json")).unwrap()).unwrap();
    let inputs: Vec<&str> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(inputs, ["snap/status-%FE.json", "snap/status-%FF.json"]);
    assert!(
        std::fs::read_to_string(pkg.join("inputs/snap/status-%FF.json"))
            .unwrap()
            .contains("FAILED")
    );
    assert_eq!(aggrego(&["evidence", "verify", &s(&pkg)]).code, 0);
}

/// `--out` spelled with `..` is still the package, not an input; --force
/// replaces only an evidence package.
#[test]
fn out_is_compared_canonically_and_force_replaces_only_packages() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("snap");
    snapshot(&snap);
    std::fs::create_dir(snap.join("nest")).unwrap();
    let run = || {
        aggrego_env(
            &snap,
            None,
            &["evidence", ".", "--out", "nest/../nest/pkg", "--force"],
        )
    };
    assert_eq!(run().code, 1);
    let first = common::files(&snap.join("nest/pkg"));
    let r = run();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(common::files(&snap.join("nest/pkg")), first);

    // A zip that is not a package, and a folder with a manifest that does
    // not list what it holds, are not replaced.
    let other = dir.path().join("photos.zip");
    write_zip(&other, &[("a.jpg".into(), b"jpeg".to_vec())]);
    let before = std::fs::read(&other).unwrap();
    let r = package(&other, &["--force"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an evidence package"), "{}", r.stderr);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    let folder = dir.path().join("pkgdir");
    assert_eq!(package(&folder, &[]).code, 1);
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    let r = package(&folder, &["--force"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an evidence package"), "{}", r.stderr);
    assert!(folder.join("notes.txt").exists());
    // A real package is replaced.
    std::fs::remove_file(folder.join("notes.txt")).unwrap();
    assert_eq!(package(&folder, &["--force"]).code, 1);
    let zipped = dir.path().join("p.zip");
    assert_eq!(package(&zipped, &[]).code, 1);
    assert_eq!(package(&zipped, &["--force"]).code, 1);
}
