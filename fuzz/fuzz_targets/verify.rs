#![no_main]
//! `evidence verify` on arbitrary bytes, as a zip package and as a folder
//! package (the bytes split into files), with limits tight enough that one run
//! is quick: nothing panics, nothing is left behind.
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fn args(package: PathBuf) -> aggrego::config::cli::VerifyArgs {
    aggrego::config::cli::VerifyArgs {
        package,
        inputs: Vec::new(),
        redact_key: None,
        key: None,
        previous: None,
        max_package_size: 4 << 20,
        max_package_files: 64,
        policy_timeout: std::time::Duration::from_secs(1),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let zip = dir.path().join("package.zip");
    if std::fs::write(&zip, data).is_ok() {
        let _ = aggrego::evidence::check_package(&args(zip));
    }
    // A folder: `name NUL content NUL name NUL content …`.
    let folder = dir.path().join("package");
    if std::fs::create_dir(&folder).is_err() {
        return;
    }
    let mut parts = data.split(|&b| b == 0);
    while let (Some(name), Some(body)) = (parts.next(), parts.next()) {
        let Ok(name) = std::str::from_utf8(name) else { continue };
        if !aggrego::evidence::safe_relative(name) {
            continue;
        }
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&path, body);
    }
    let _ = aggrego::evidence::check_package(&args(folder));
});
