//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod mock_aws;

use aggrego::policy;
use aggrego::policy::engine::Engine;
use aggrego::scan::{self, Options, ScanResult};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus() -> PathBuf {
    root().join("../shared/corpus")
}

pub fn engine() -> Engine {
    Engine::new(policy::builtin_policies().expect("built-in policies load"))
        .unwrap_or_else(|e| panic!("built-in policies compile: {e:?}"))
}

/// Scan `paths` with the built-in policies.
pub fn scan_paths(paths: &[&Path], now: Option<&str>, max_age: &str) -> ScanResult {
    let opts = Options {
        config: aggrego::config::ScanConfig {
            paths: paths.iter().map(|p| p.to_path_buf()).collect(),
            now: now.map(|n| aggrego::model::timestamp::parse(n).expect("valid --now")),
            max_age: humantime::parse_duration(max_age).expect("valid max age"),
            ..Default::default()
        },
        ..Options::default()
    };
    scan::scan(&opts, &engine())
}

/// Run the binary from the repository root: exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .expect("binary")
        .current_dir(root())
        .args(args)
        .output()
        .expect("aggrego runs");
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

/// Every entry of a zip file, in the order of its central directory: (name, bytes).
pub fn zip_entries(zip_file: &Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip_file).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().to_string(), b)
        })
        .collect()
}

/// Run the binary in `dir` without the caller's redaction key or key
/// passphrase, which would change what the tests expect.
pub fn aggrego_in(dir: &Path, args: &[&str]) -> Run {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .expect("binary")
        .current_dir(dir)
        .env_remove("AGGREGO_REDACT_KEY")
        .env_remove("AGGREGO_KEY_PASSPHRASE")
        .args(args)
        .output()
        .expect("aggrego runs");
    Run::from(out)
}

/// Every file of a folder, sorted by path: (path relative to `dir`, bytes).
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("readable folder"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under dir");
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("readable file"),
            )
        })
        .collect();
    out.sort();
    out
}

/// A copy of the folder `from` at `to` (created when missing).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder made");
    for (rel, bytes) in files(from) {
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("folder made");
        }
        std::fs::write(target, bytes).expect("file written");
    }
}

/// What a finished command gave: its exit code (-1 when a signal ended it)
/// and its output as text.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}
