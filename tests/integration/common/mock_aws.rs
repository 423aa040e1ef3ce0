//! The local AWS of tests/mock_aws (moto's server behind a shim, seeded from
//! scenario.json), its Python environment, and the collect script run against it.

use serde_json::Value;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;

pub fn mock_dir() -> PathBuf {
    super::root().join("tests/mock_aws")
}

pub fn scenario() -> Value {
    read_json(&mock_dir().join("scenario.json"))
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

/// The test environment, made or checked once per test binary; setup.sh itself makes
/// concurrent runs wait for each other.
pub fn venv() -> &'static Path {
    static VENV: OnceLock<PathBuf> = OnceLock::new();
    VENV.get_or_init(|| {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("the target folder")
            .to_path_buf();
        let venv = target.join("test-venv");
        let out = Command::new("bash")
            .arg(mock_dir().join("setup.sh"))
            .arg(&venv)
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "tests/mock_aws/setup.sh failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        venv
    })
}

/// Kills the child when dropped, also when a test panics.
pub struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The mock, listening on a port of its choosing on 127.0.0.1.
pub struct Mock {
    _child: KillOnDrop,
    pub endpoint: String,
    pub key_id: String,
    pub secret: String,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Mock {
    pub fn start(variant: Option<&str>) -> Mock {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("requests.jsonl");
        let stderr_path = dir.path().join("mock.stderr");
        let mut cmd = Command::new(venv().join("bin/python"));
        cmd.arg(mock_dir().join("server.py"))
            .arg("--scenario")
            .arg(mock_dir().join("scenario.json"))
            .arg("--log")
            .arg(&log);
        if let Some(v) = variant {
            cmd.args(["--variant", v]);
        }
        // The mock exits when its standard input closes: it cannot outlive this process.
        let mut child = KillOnDrop(
            cmd.stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(std::fs::File::create(&stderr_path).unwrap())
                .spawn()
                .expect("the mock starts"),
        );
        let stdout = child.0.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(90)).unwrap_or_default();
        let ready: Value = serde_json::from_str(&line).unwrap_or_else(|e| {
            panic!(
                "the mock did not become ready ({e}): {line:?}\n{}",
                std::fs::read_to_string(&stderr_path).unwrap_or_default()
            )
        });
        let field = |k: &str| ready[k].as_str().unwrap().to_string();
        Mock {
            endpoint: field("endpoint"),
            key_id: field("access_key_id"),
            secret: field("secret_access_key"),
            _child: child,
            log,
            _dir: dir,
        }
    }

    /// Every request the mock received: (service, region, operation, params).
    pub fn requests(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// `aggrego collect-script ARGS`, written to DIR/collect.sh (or .ps1).
pub fn generate(dir: &Path, args: &[&str]) -> (PathBuf, String) {
    let (code, stdout, stderr) = super::run(&[&["collect-script"], args].concat());
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    assert!(stderr.is_empty(), "{}", String::from_utf8_lossy(&stderr));
    let text = String::from_utf8(stdout).unwrap();
    let name = if args.contains(&"powershell") {
        "collect.ps1"
    } else {
        "collect.sh"
    };
    let path = dir.join(name);
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

/// Runs the bash script with no AWS settings from this machine: the venv's CLI, fake
/// credentials, the mock's endpoint (or a closed port).
pub fn run_script(
    script: &Path,
    args: &[&OsStr],
    mock: Option<&Mock>,
    path: Option<&str>,
) -> Output {
    let mut cmd = Command::new("bash");
    cmd.arg(script).args(args);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("AWS_") {
            cmd.env_remove(k);
        }
    }
    let default_path = format!(
        "{}:{}",
        venv().join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    cmd.env("PATH", path.unwrap_or(&default_path))
        .env("AWS_CONFIG_FILE", "/nonexistent/aggrego-test/config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/aggrego-test/credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    if let Some(m) = mock {
        cmd.env("AWS_ENDPOINT_URL", &m.endpoint)
            .env("AWS_ACCESS_KEY_ID", &m.key_id)
            .env("AWS_SECRET_ACCESS_KEY", &m.secret);
    }
    cmd.output().expect("bash runs")
}
