//! Hostile inputs: each one ends with findings or located errors, in bounded
//! time and memory, with nothing from the input able to take over a terminal or
//! a report. Small cases live in `fixtures/_hostile/` with `expected.json`; the
//! big ones (a 100 MB line, 10^5 files) are made here.

use crate::common;

use serde::Deserialize;
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T00:00:00Z";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    path: String,
    exit: i32,
    #[serde(default)]
    rules: Vec<String>,
    error: Option<ExpectedError>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    line: u64,
    column: u64,
    contains: String,
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    elapsed: Duration,
    /// Peak resident memory of this run, in MB (0 if it ended too soon to be seen).
    peak_mb: i64,
}

/// Run the binary and measure its peak memory from `/proc/<pid>/status`
/// (VmHWM belongs to the program after exec; getrusage would also count the
/// test process it was spawned from).
fn aggrego(dir: &Path, args: &[&str]) -> Run {
    use std::io::Read;
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = done.clone();
    let sampler = std::thread::spawn(move || {
        let mut peak = 0i64;
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            if let Ok(s) = std::fs::read_to_string(&status_file) {
                if let Some(kb) = s
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse::<i64>().ok())
                {
                    peak = peak.max(kb / 1024);
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        peak
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    // 0 when the process ended before the sampler's first look: a quick run.
    let peak_mb = sampler.join().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout,
        elapsed: t.elapsed(),
        peak_mb,
    }
}

#[test]
fn hostile_fixtures() {
    let root = common::root();
    let expected: Expected = serde_json::from_str(
        &std::fs::read_to_string(root.join("fixtures/_hostile/expected.json")).unwrap(),
    )
    .unwrap();
    for c in &expected.cases {
        let path = format!("fixtures/_hostile/{}", c.path);
        let run = aggrego(&root, &["scan", &path, "--format", "json", "--now", NOW]);
        assert_eq!(run.code, c.exit, "{}", c.path);
        assert!(
            run.elapsed < Duration::from_secs(30),
            "{}: {:?}",
            c.path,
            run.elapsed
        );
        let v: Value = serde_json::from_slice(&run.stdout).unwrap();
        let mut rules: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect();
        rules.sort();
        rules.dedup();
        assert_eq!(rules, c.rules, "{}", c.path);
        let errors = v["errors"].as_array().unwrap();
        match &c.error {
            Some(e) => {
                let got = errors
                    .iter()
                    .find(|x| x["message"].as_str().unwrap().contains(&e.contains))
                    .unwrap_or_else(|| panic!("{}: {errors:#?}", c.path));
                assert_eq!(
                    (got["line"].as_u64(), got["column"].as_u64()),
                    (Some(e.line), Some(e.column)),
                    "{}",
                    c.path
                );
            }
            None => assert!(errors.is_empty(), "{}: {errors:#?}", c.path),
        }
        // The human report of the same input holds no raw control characters.
        let human = aggrego(&root, &["scan", &path, "--now", NOW, "--color", "never"]);
        let text = String::from_utf8(human.stdout).unwrap();
        assert!(
            !text.chars().any(|ch| ch.is_control() && ch != '\n'),
            "{}: control character in human output",
            c.path
        );
    }
}

/// 10^6 and 10^7 empty aggregators (3 MB and 30 MB): the first 10,000 are
/// read and reported, the rest counted in one located error, in bounded memory.
#[test]
fn millions_of_empty_aggregators() {
    let dir = tempfile::tempdir().unwrap();
    for (n, name) in [
        (1_000_000usize, "agg-3mb.json"),
        (10_000_000, "agg-30mb.json"),
    ] {
        let mut text = String::with_capacity(3 * n + 32);
        text.push_str("{\"ConfigurationAggregators\":[");
        for i in 0..n {
            text.push_str(if i == 0 { "{}" } else { ",{}" });
        }
        text.push_str("]}");
        std::fs::write(dir.path().join(name), text).unwrap();
        let run = aggrego(
            dir.path(),
            &["scan", name, "--format", "json", "--now", NOW],
        );
        assert_eq!(run.code, 2, "{name}");
        assert!(run.peak_mb < 1500, "{name}: {} MB", run.peak_mb);
        assert!(
            run.stdout.len() < 40_000_000,
            "{name}: {} bytes",
            run.stdout.len()
        );
        let v: Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(v["summary"]["findings"], 20_000, "{name}");
        let e = &v["errors"][0];
        assert_eq!(
            e["message"],
            format!(
                "{} more aggregators from here on are not read: a file holds at most 10000 (--max-aggregators-per-file)",
                n - 10_000
            )
        );
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64()),
            (Some(1), Some(30_030))
        );
    }
    // The limit is a flag.
    let run = aggrego(
        dir.path(),
        &[
            "scan",
            "agg-3mb.json",
            "--format",
            "json",
            "--now",
            NOW,
            "--max-aggregators-per-file",
            "10",
        ],
    );
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 20);
}

/// A 100 MB value on one line: read, judged, and reported in a few kilobytes.
#[test]
fn a_hundred_megabyte_line() {
    let dir = tempfile::tempdir().unwrap();
    let status = serde_json::json!({"AggregatedSourceStatusList": [{
        "SourceId": "111122223333", "SourceType": "ACCOUNT", "AwsRegion": "eu-west-1",
        "LastUpdateStatus": "FAILED", "LastUpdateTime": 1795440000, "LastErrorCode": "X",
        "LastErrorMessage": "x".repeat(100_000_000)
    }]});
    std::fs::write(dir.path().join("status.json"), status.to_string()).unwrap();
    drop(status);
    for format in ["json", "human", "sarif", "html"] {
        let run = aggrego(dir.path(), &["scan", ".", "--format", format, "--now", NOW]);
        assert_eq!(run.code, 1, "{format}");
        assert!(
            run.stdout.len() < 64 * 1024,
            "{format}: {} bytes",
            run.stdout.len()
        );
        assert!(
            run.elapsed < Duration::from_secs(60),
            "{format}: {:?}",
            run.elapsed
        );
        if format == "json" {
            let v: Value = serde_json::from_slice(&run.stdout).unwrap();
            let msg = v["findings"][0]["message"].as_str().unwrap();
            assert!(
                msg.ends_with("more characters)"),
                "{}",
                &msg[msg.len() - 60..]
            );
        }
    }
    // Past --max-file-size it is an error, not a read.
    let run = aggrego(
        dir.path(),
        &["scan", ".", "--format", "json", "--max-file-size", "10MiB"],
    );
    assert_eq!(run.code, 2);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("larger than --max-file-size 10.0 MiB"));
}

/// 10^5 small files, one of them an aggregator export.
#[test]
fn a_hundred_thousand_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100 {
        let sub = dir.path().join(format!("d{i:03}"));
        std::fs::create_dir(&sub).unwrap();
        for j in 0..1000 {
            std::fs::write(sub.join(format!("f{j:04}.json")), "{\"k\": 1}").unwrap();
        }
    }
    std::fs::copy(
        common::root().join("fixtures/AGG001/positive1.json"),
        dir.path().join("d050/status.json"),
    )
    .unwrap();
    let run = aggrego(dir.path(), &["scan", ".", "--format", "json", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert!(run.elapsed < Duration::from_secs(120), "{:?}", run.elapsed);
    assert!(run.peak_mb > 0, "the memory sampler saw the process");
    assert!(run.peak_mb < 512, "{} MB", run.peak_mb);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["summary"]["files_scanned"], 100_001);
    assert!(v["summary"]["findings"].as_u64().unwrap() >= 3);
    // --max-files bounds the walk, with an error naming where it stopped.
    let run = aggrego(
        dir.path(),
        &["scan", ".", "--format", "json", "--max-files", "5000"],
    );
    assert_eq!(run.code, 2);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["summary"]["files_scanned"], 5000);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("--max-files"));
}

/// FIFOs and symlink loops never hang a scan; a named FIFO is an error.
#[cfg(unix)]
#[test]
fn special_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(&fifo, dir.path().join("link.json")).unwrap();
    std::fs::copy(
        common::root().join("fixtures/AGG001/positive1.json"),
        dir.path().join("status.json"),
    )
    .unwrap();
    let run = aggrego(dir.path(), &["scan", ".", "--format", "json", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", String::from_utf8_lossy(&run.stdout));
    assert!(run.elapsed < Duration::from_secs(20));
    let run = aggrego(dir.path(), &["scan", "pipe.json", "--format", "json"]);
    assert_eq!(run.code, 2);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("not a regular file"));
}

/// SIGINT, SIGTERM and SIGHUP leave neither a report nor a temporary file
/// (reports, and an evidence package's staging folder with its unredacted
/// copy of the inputs), and exit with 128 + the signal.
#[cfg(unix)]
#[test]
fn signals_leave_no_partial_report() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<Value> = (0..300_000)
        .map(|i| {
            serde_json::json!({"SourceId": format!("{i:012}"), "SourceType": "ACCOUNT",
                "AwsRegion": "us-east-1", "LastUpdateStatus": "FAILED", "LastUpdateTime": 1795440000})
        })
        .collect();
    std::fs::write(
        dir.path().join("status.json"),
        serde_json::json!({"AggregatedSourceStatusList": items}).to_string(),
    )
    .unwrap();
    let scan: &[&str] = &[
        "scan",
        "status.json",
        "--format",
        "json=out/report.json",
        "--format",
        "sarif=out/report.sarif",
    ];
    let evidence: &[&str] = &[
        "evidence",
        "status.json",
        "--redact",
        "--out",
        "out/pkg.zip",
    ];
    let mut interrupted = 0;
    for (args, signal) in [
        (scan, libc::SIGINT),
        (scan, libc::SIGTERM),
        (scan, libc::SIGHUP),
        (evidence, libc::SIGINT),
        (evidence, libc::SIGTERM),
        (evidence, libc::SIGHUP),
    ] {
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
            .current_dir(dir.path())
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until a temporary file or folder exists: the run is under way.
        let t = Instant::now();
        while std::fs::read_dir(&out).unwrap().count() == 0 && t.elapsed() < Duration::from_secs(20)
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(child.id() as i32, signal);
        }
        let status = child.wait().unwrap();
        let left: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        std::fs::remove_dir_all(&out).unwrap();
        if matches!(status.code(), Some(1 | 2)) {
            // The run finished before the signal: nothing to check on this machine.
            continue;
        }
        interrupted += 1;
        assert_eq!(status.code(), Some(128 + signal), "{args:?}");
        assert!(left.is_empty(), "{args:?} signal {signal}: {left:?}");
    }
    assert!(interrupted > 0, "every run ended before its signal");
}

/// A boto3 `json.dump` export is one line: a human report of 20,000 sources on
/// it costs about what the JSON report does, not the square of the line.
#[cfg(unix)]
#[test]
fn human_report_on_one_long_line_is_linear() {
    let dir = tempfile::tempdir().unwrap();
    let items: Vec<Value> = (0..20_000)
        .map(|i| {
            serde_json::json!({"SourceId": format!("{i:012}"), "SourceType": "ACCOUNT",
                "AwsRegion": "us-east-1", "LastUpdateStatus": "FAILED", "LastUpdateTime": 1795440000,
                "LastErrorCode": "AccessDenied", "LastErrorMessage": "denied"})
        })
        .collect();
    let text = serde_json::json!({"AggregatedSourceStatusList": items}).to_string();
    assert!(!text.contains('\n'));
    std::fs::write(dir.path().join("status.json"), text).unwrap();
    let (json_code, json_cpu, _) = cpu_time(dir.path(), "json");
    let (human_code, human_cpu, stdout) = cpu_time(dir.path(), "human");
    assert_eq!((json_code, human_code), (1, 1));
    let shown = String::from_utf8_lossy(&stdout);
    assert_eq!(shown.matches("AGG001 (medium)").count(), 20_000);
    // The last finding's snippet is a window of the line, not the line.
    assert!(stdout.len() < 20_000 * 2048, "{}", stdout.len());
    // Processor time, not wall time: other tests share the machine.
    assert!(
        human_cpu < json_cpu * 3 + Duration::from_secs(2),
        "human {human_cpu:?}, json {json_cpu:?}"
    );
}

/// Exit code, processor time (user and system, all threads) and standard
/// output of a scan of `dir` in one format.
#[cfg(unix)]
#[allow(clippy::zombie_processes)] // reaped by wait4, which also reports its usage
fn cpu_time(dir: &Path, format: &str) -> (i32, Duration, Vec<u8>) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_aggrego"))
        .current_dir(dir)
        .args(["scan", ".", "--format", format, "--now", NOW])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let mut status = 0;
    // SAFETY: plain data, filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, with pointers to locals.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, tv(usage.ru_utime) + tv(usage.ru_stime), stdout)
}
