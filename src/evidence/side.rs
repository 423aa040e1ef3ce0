//! One side of `aggrego diff` read from disk: a JSON report, or an evidence
//! package (a folder or .zip) read with the package reader `verify` uses,
//! its inputs parsed through the scan's own load/parse/resolve stages for
//! the source statuses and the scope.

use super::manifest::{self, Manifest};
use super::open::{open_package, private_tempdir, too_large, Opened};
use super::package::{Limits, ReadError, Use};
use super::{Recipe, EXPECT, INPUTS, POLICIES, RESULTS_JSON, VALUES, WAIVERS};
use crate::diag::{Diagnostic, Fatal};
use crate::load::source::display_path;
use crate::output::interrupt::pending;
use crate::report::diff::read::{self, MAX_REPORT};
use crate::report::diff::{Side, Status};
use std::io::Read;
use std::path::Path;

/// What is read of a package at most (those of `evidence verify`'s defaults).
const LIMITS: Limits = Limits {
    max_size: 1 << 30,
    max_files: 100_000,
};

/// A side read, and the SHA-256 of its manifest.json when it is a package.
pub struct Loaded {
    pub side: Side,
    pub manifest_sha256: Option<String>,
    /// How a package was redacted.
    pub redaction: Option<manifest::Redaction>,
}

/// `path` as one side of a diff, or why it is neither a JSON report nor an
/// evidence package (located: the file, and line and column where JSON is wrong).
pub fn read(path: &Path) -> Result<Loaded, Fatal> {
    let shown = display_path(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        Fatal::file(
            &shown,
            format!("cannot read: {}", crate::load::open::io_reason(&e)),
        )
    })?;
    if meta.is_dir() || is_zip(path) {
        return package(path, &shown);
    }
    if meta.len() > MAX_REPORT {
        return Err(Fatal::file(
            &shown,
            format!("larger than {MAX_REPORT} bytes: not read as a JSON report"),
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_REPORT).read_to_end(&mut bytes))
        .map_err(|e| {
            Fatal::file(
                &shown,
                format!("cannot read: {}", crate::load::open::io_reason(&e)),
            )
        })?;
    let side = read::report(&shown, &bytes, None).map_err(|d| Fatal(vec![d]))?;
    Ok(Loaded {
        side,
        manifest_sha256: None,
        redaction: None,
    })
}

/// A zip file (by its first bytes, whatever its name).
fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|_| &magic == b"PK\x03\x04" || &magic == b"PK\x05\x06")
}

fn package(path: &Path, shown: &str) -> Result<Loaded, Fatal> {
    let mut opened = open_package(path, shown, LIMITS)?;
    let recorded = &opened.recorded;
    let Some(entry) = recorded.files.iter().find(|f| f.path == RESULTS_JSON) else {
        return Err(Fatal::file(
            shown,
            "the package's manifest.json lists no results.json".into(),
        ));
    };
    let found = opened
        .reader
        .read(RESULTS_JSON, entry.size, Use::Keep)
        .map_err(|e| match e {
            ReadError::Entry(u) => Fatal::file(shown, format!("results.json {}", u.reason)),
            ReadError::TooLarge => too_large(shown, LIMITS),
        })?;
    if found.truncated || found.sha256 != entry.sha256 {
        return Err(Fatal::file(
            shown,
            "results.json is not the one manifest.json records: the package was changed (`aggrego evidence verify` lists how)".into(),
        ));
    }
    let bytes = found.bytes.unwrap_or_default();
    let roots = super::manifest::folder_names(&recorded.roots);
    let name = format!("{shown}: {RESULTS_JSON}");
    let mut side = read::report(&name, &bytes, Some(&roots)).map_err(|d| Fatal(vec![d]))?;
    side.name = shown.to_string();
    side.kind = "package".into();
    // The scope is results.json's; the source statuses are read from the inputs.
    side.statuses = statuses_of_inputs(&mut opened, shown)?;
    Ok(Loaded {
        side,
        manifest_sha256: Some(super::sha256_hex(&opened.bytes)),
        redaction: opened.recorded.redaction.clone(),
    })
}

type Known<T> = Result<T, String>;

/// The source statuses of a package's inputs, or why they are unknown.
fn statuses_of_inputs(opened: &mut Opened, shown: &str) -> Result<Known<Vec<Status>>, Fatal> {
    let recorded: &Manifest = &opened.recorded;
    if !recorded.inputs_included {
        return Ok(Err("an evidence package made with --no-inputs".to_string()));
    }
    let tmp = private_tempdir()?;
    pending(tmp.path(), true);
    let result = copy_inputs(opened, shown, tmp.path()).map(|()| {
        let recipe = Recipe {
            flags: opened.recorded.flags.clone(),
            roots: opened.recorded.roots.clone(),
            input_errors: opened.recorded.input_errors.clone(),
        };
        for r in &recipe.roots {
            if r.kind == "folder" {
                let _ = std::fs::create_dir_all(tmp.path().join(INPUTS).join(&r.name));
            }
        }
        // A package is not trusted: its recorded bounds may only lower
        // those of `evidence verify`.
        let caps = super::Caps {
            max_file_size: LIMITS.max_size,
            max_files: LIMITS.max_files,
            policy_timeout: std::time::Duration::from_secs(60),
            per_file: crate::scan::Limits::default(),
        };
        let prepared = super::prepare(tmp.path(), &recipe, &caps);
        Ok(statuses_of(&prepared.inventory))
    });
    pending(tmp.path(), false);
    let _ = tmp.close();
    result
}

/// Copy the files a scan of the package reads (each checked against its
/// recorded hash) into `dir`.
fn copy_inputs(opened: &mut Opened, shown: &str, dir: &Path) -> Result<(), Fatal> {
    let listed: Vec<manifest::PackageFile> = opened
        .recorded
        .files
        .iter()
        .filter(|f| {
            [INPUTS, POLICIES, WAIVERS, EXPECT, VALUES]
                .iter()
                .any(|d| f.path.starts_with(&format!("{d}/")))
        })
        .cloned()
        .collect();
    for f in listed {
        let found = opened
            .reader
            .read(&f.path, f.size, Use::Write(dir.join(&f.path)))
            .map_err(|e| match e {
                ReadError::Entry(u) => Fatal::file(shown, format!("{} {}", u.path, u.reason)),
                ReadError::TooLarge => too_large(shown, LIMITS),
            })?;
        if found.truncated || found.sha256 != f.sha256 {
            return Err(Fatal::file(
                shown,
                format!(
                    "{} is not the file manifest.json records: the package was changed (`aggrego evidence verify` lists how)",
                    f.path
                ),
            ));
        }
    }
    Ok(())
}

/// Each source status of the inputs; what the input leaves out is `unknown`.
pub fn statuses_of(inv: &crate::model::Inventory) -> Vec<Status> {
    let text = |s: Option<&std::sync::Arc<str>>| {
        s.map_or_else(|| "unknown".to_string(), |s| s.to_string())
    };
    let mut out: Vec<Status> = inv
        .source_statuses
        .iter()
        .map(|s| Status {
            aggregator: text(s.aggregator()),
            source_type: text(s.source_type.as_ref()),
            source: text(s.source_id.as_ref()),
            region: text(s.region.as_ref()),
            status: text(s.status.as_ref()),
        })
        .collect();
    out.sort();
    out
}

/// Problems reading both sides, all of them, so one run names every bad input.
pub fn both(old: &Path, new: &Path) -> Result<(Loaded, Loaded), Fatal> {
    match (read(old), read(new)) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut errors: Vec<Diagnostic> = Vec::new();
            for r in [a.err(), b.err()].into_iter().flatten() {
                errors.extend(r.0);
            }
            Err(Fatal(errors))
        }
    }
}
