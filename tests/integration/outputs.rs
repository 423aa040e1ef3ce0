//! Report destinations: devices, streams and links are written through, never
//! replaced; folders, special files and the scan's own inputs are refused
//! before the scan.

use crate::common;

use std::path::Path;

const NOW: &str = "2026-11-24T00:00:00Z";

struct Case {
    name: &'static str,
    args: &'static [&'static str],
    code: i32,
    /// In standard error (empty: nothing in particular).
    stderr: &'static str,
    /// In standard output (empty: nothing in particular).
    stdout: &'static str,
    check: fn(&Path),
}

/// A folder with a snapshot, a folder, links and a socket to aim reports at.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("snap")).unwrap();
    std::fs::copy(
        common::root().join("fixtures/AGG001/positive1.json"),
        d.join("snap/sources-status.json"),
    )
    .unwrap();
    std::fs::write(
        d.join("snap/previous.json"),
        "{\n  \"tool\": {\n    \"name\": \"aggrego\",\n    \"version\": \"0.1.0\"\n  },\n  \"findings\": []\n}\n",
    )
    .unwrap();
    std::fs::create_dir(d.join("reports")).unwrap();
    std::fs::create_dir(d.join("target")).unwrap();
    std::fs::write(d.join("waivers.yaml"), "waivers: []\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("/dev/null", d.join("dev-null")).unwrap();
        symlink("real.sarif", d.join("link.sarif")).unwrap();
        symlink("snap/sources-status.json", d.join("input-link.sarif")).unwrap();
        symlink("reports", d.join("reports-link")).unwrap();
        let socket = std::os::unix::net::UnixListener::bind(d.join("socket.sarif")).unwrap();
        std::mem::forget(socket);
    }
    dir
}

fn is_char_device(p: &str) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(p).unwrap().file_type().is_char_device()
}

fn input_unchanged(d: &Path) {
    let now = std::fs::read(d.join("snap/sources-status.json")).unwrap();
    let was = std::fs::read(common::root().join("fixtures/AGG001/positive1.json")).unwrap();
    assert!(now == was, "the input was replaced");
}

fn no_temporaries(d: &Path) {
    for dir in [d.to_path_buf(), d.join("snap"), d.join("reports")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name();
            assert!(
                !name.to_string_lossy().starts_with(".aggrego-"),
                "{name:?} left behind"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn destinations() {
    let cases = [
        Case {
            name: "a device is written to, not replaced",
            args: &["scan", "snap", "-o", "/dev/null"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |_| assert!(is_char_device("/dev/null")),
        },
        Case {
            name: "a link to a device is followed",
            args: &["scan", "snap", "--format", "sarif=dev-null"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| {
                assert!(std::fs::symlink_metadata(d.join("dev-null"))
                    .unwrap()
                    .file_type()
                    .is_symlink());
                assert!(is_char_device("/dev/null"));
            },
        },
        Case {
            name: "/dev/stdout is standard output",
            args: &[
                "scan",
                "snap",
                "--format",
                "human",
                "--format",
                "sarif=/dev/stdout",
            ],
            code: 1,
            stderr: "",
            stdout: "\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"",
            check: |_| assert!(is_char_device("/dev/null")),
        },
        Case {
            name: "a link to a file: the target is replaced, the link stays",
            args: &["scan", "snap", "--format", "sarif=link.sarif"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| {
                assert!(std::fs::symlink_metadata(d.join("link.sarif"))
                    .unwrap()
                    .file_type()
                    .is_symlink());
                let sarif = std::fs::read_to_string(d.join("real.sarif")).unwrap();
                assert!(sarif.contains("AGG001"));
                no_temporaries(d);
            },
        },
        Case {
            name: "a report beside the inputs under a name the scan does not read",
            args: &["scan", "snap", "--format", "sarif=snap/report.sarif"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| {
                assert!(d.join("snap/report.sarif").is_file());
                no_temporaries(d);
            },
        },
        Case {
            name: "a JSON report in a folder the scan skips",
            args: &["scan", ".", "--format", "json=target/r.json"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| assert!(d.join("target/r.json").is_file()),
        },
        Case {
            name: "an input of the scan is refused",
            args: &["scan", "snap", "--format", "json=snap/sources-status.json"],
            code: 2,
            stderr: "is an input of this scan",
            stdout: "",
            check: input_unchanged,
        },
        Case {
            name: "an input named on the command line, through another spelling",
            args: &[
                "scan",
                "snap/sources-status.json",
                "-o",
                "./snap/../snap/sources-status.json",
            ],
            code: 2,
            stderr: "is an input of this scan (named on the command line)",
            stdout: "",
            check: input_unchanged,
        },
        Case {
            name: "a link to an input is refused",
            args: &["scan", "snap", "--format", "sarif=input-link.sarif"],
            code: 2,
            stderr: "input-link.sarif: is an input of this scan",
            stdout: "",
            check: input_unchanged,
        },
        Case {
            name: "the waivers file is refused",
            args: &[
                "scan",
                "snap",
                "--waivers",
                "waivers.yaml",
                "--format",
                "json=waivers.yaml",
            ],
            code: 2,
            stderr: "is an input of this scan",
            stdout: "",
            check: |d| {
                let w = std::fs::read_to_string(d.join("waivers.yaml")).unwrap();
                assert_eq!(w, "waivers: []\n");
            },
        },
        Case {
            name: "a new JSON report in a scanned folder is written",
            args: &["scan", ".", "--format", "json=reports/report.json"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| {
                let r = std::fs::read_to_string(d.join("reports/report.json")).unwrap();
                assert!(r.contains("\"files_scanned\""), "{r}");
            },
        },
        Case {
            name: "an earlier report in a scanned folder is replaced",
            args: &["scan", "snap", "--format", "json=snap/previous.json"],
            code: 1,
            stderr: "",
            stdout: "",
            check: |d| {
                let r = std::fs::read_to_string(d.join("snap/previous.json")).unwrap();
                assert!(r.contains("\"files_scanned\""), "{r}");
                input_unchanged(d);
            },
        },
        Case {
            name: "a folder is refused before the scan",
            args: &["scan", "snap", "--format", "sarif=reports"],
            code: 2,
            stderr: "reports: is a folder",
            stdout: "",
            check: no_temporaries,
        },
        Case {
            name: "a link to a folder is refused before the scan",
            args: &["scan", "snap", "-o", "reports-link"],
            code: 2,
            stderr: "reports-link: is a folder",
            stdout: "",
            check: no_temporaries,
        },
        Case {
            name: "a socket is refused",
            args: &["scan", "snap", "--format", "sarif=socket.sarif"],
            code: 2,
            stderr: "is a socket",
            stdout: "",
            check: |d| {
                use std::os::unix::fs::FileTypeExt;
                let m = std::fs::symlink_metadata(d.join("socket.sarif")).unwrap();
                assert!(m.file_type().is_socket());
            },
        },
    ];
    for case in cases {
        let dir = workspace();
        let out = assert_cmd::Command::cargo_bin("aggrego")
            .unwrap()
            .current_dir(dir.path())
            .args(case.args)
            .args(["--now", NOW, "--no-progress"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(case.code),
            "{}: {stderr}",
            case.name
        );
        assert!(stderr.contains(case.stderr), "{}: {stderr}", case.name);
        assert!(stdout.contains(case.stdout), "{}: {stdout}", case.name);
        if case.code == 2 {
            // Refused before the scan: no report, no summary.
            assert!(!stdout.contains("aggrego:"), "{}: {stdout}", case.name);
        }
        (case.check)(dir.path());
    }
}
