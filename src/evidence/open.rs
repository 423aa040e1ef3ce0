//! Opening an evidence package (a folder or a zip file) for reading: its
//! entries listed, its manifest read, parsed and held to what a package may
//! state, before any other file is read. `evidence verify` and `aggrego diff`
//! (through [`super::side`]) open packages alike.

use super::manifest::{self, Manifest};
use super::package::{Limits, ReadError, Reader, Unreadable, Use, MAX_MANIFEST};
use super::{safe_relative, EXPECT, POLICIES, VALUES, WAIVERS};
use crate::diag::Fatal;
use crate::escape::clean_name as terminal_safe;
use std::path::Path;

/// A private temporary folder (0700): a package's inputs may be confidential.
pub(super) fn private_tempdir() -> Result<tempfile::TempDir, Fatal> {
    let mut b = tempfile::Builder::new();
    b.prefix(".aggrego-verify-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o700));
    }
    b.tempdir()
        .map_err(|e| Fatal::file("verify", format!("cannot make a temporary folder: {e}")))
}

pub(super) fn too_large(shown: &str, limits: Limits) -> Fatal {
    Fatal::file(
        shown,
        format!(
            "the package holds more than {} (--max-package-size): not verified",
            bytesize::ByteSize(limits.max_size).display().iec()
        ),
    )
}

/// A package opened, its entries listed and its manifest read and checked.
pub(super) struct Opened {
    pub reader: Reader,
    pub entries: Vec<String>,
    /// Entries the listing refused (unreadable, a link, not a regular file,
    /// an unsafe name): each one a difference.
    pub odd: Vec<Unreadable>,
    pub recorded: Manifest,
    /// manifest.json as the package holds it.
    pub bytes: Vec<u8>,
}

/// Open the package and check what its manifest states before anything
/// else is read.
pub(super) fn open_package(package: &Path, shown: &str, limits: Limits) -> Result<Opened, Fatal> {
    let mut reader = Reader::open(package, limits)?;
    let (entries, odd) = reader.list(shown)?;
    if !entries.iter().any(|e| e == manifest::FILE) {
        return Err(Fatal::file(
            shown,
            "not an evidence package: it has no manifest.json".into(),
        ));
    }
    let manifest_file = reader
        .read(manifest::FILE, MAX_MANIFEST, Use::Keep)
        .map_err(|e| match e {
            ReadError::Entry(u) => Fatal::file(shown, format!("manifest.json {}", u.reason)),
            ReadError::TooLarge => too_large(shown, limits),
        })?;
    if manifest_file.truncated {
        return Err(Fatal::file(
            shown,
            format!("manifest.json is larger than {MAX_MANIFEST} bytes: not an evidence package"),
        ));
    }
    let bytes = manifest_file.bytes.clone().unwrap_or_default();
    let recorded = parse_manifest(&bytes, shown)?;
    // What the manifest states is checked before anything is read.
    let stated = recorded
        .files
        .iter()
        .fold(manifest_file.size, |n, f| n.saturating_add(f.size));
    if stated > limits.max_size {
        return Err(too_large(shown, limits));
    }
    Ok(Opened {
        reader,
        entries,
        odd,
        recorded,
        bytes,
    })
}

/// manifest.json parsed, in a format this aggrego reads, its paths safe.
fn parse_manifest(bytes: &[u8], shown: &str) -> Result<Manifest, Fatal> {
    let recorded: Manifest = serde_json::from_slice(bytes).map_err(|e| {
        Fatal::file(
            &format!("{shown}: manifest.json"),
            format!(
                "not a valid evidence manifest: {}",
                terminal_safe(&e.to_string())
            ),
        )
    })?;
    if recorded.format != manifest::FORMAT {
        return Err(Fatal::file(
            &format!("{shown}: manifest.json"),
            format!(
                "format `{}` is not one this aggrego reads ({})",
                recorded.format.escape_debug(),
                manifest::FORMAT
            ),
        ));
    }
    check_paths(&recorded).map_err(|m| Fatal::file(&format!("{shown}: manifest.json"), m))?;
    Ok(recorded)
}

/// A manifest whose paths would lead outside the package is not a package.
fn check_paths(m: &Manifest) -> Result<(), String> {
    let bad = |what: &str, p: &str| {
        Err(format!(
            "{what} `{}` is not a safe relative path",
            p.escape_debug()
        ))
    };
    for r in &m.roots {
        if !safe_relative(&r.name) || r.name.contains('/') {
            return bad("roots[].name", &r.name);
        }
        if !["folder", "file", "unreadable"].contains(&r.kind.as_str()) {
            return Err(format!(
                "roots[].kind `{}` is unknown",
                r.kind.escape_debug()
            ));
        }
    }
    // Every path the configuration records is the package's own, in its folder.
    let inside = |field: &'static str, p: &Path, folder: &str| {
        let text = p.to_string_lossy();
        if safe_relative(&text) && text.starts_with(&format!("{folder}/")) {
            Ok(())
        } else {
            bad(field, &text)
        }
    };
    for p in m.flags.policy.iter().chain(&m.flags.data) {
        inside("flags.policy", p, POLICIES)?;
    }
    if let Some(w) = &m.flags.waivers {
        inside("flags.waivers", w, WAIVERS)?;
    }
    if let Some(w) = &m.flags.expect_accounts {
        inside("flags.expect_accounts", w, EXPECT)?;
    }
    for p in &m.flags.parameter_files {
        inside("flags.parameter_files", p, VALUES)?;
    }
    for p in &m.flags.var_files {
        inside("flags.var_files", p, VALUES)?;
    }
    for f in &m.files {
        if !safe_relative(&f.path) || f.path == manifest::FILE {
            return bad("files[].path", &f.path);
        }
    }
    for i in &m.inputs {
        if !safe_relative(&i.name) {
            return bad("inputs[].name", &i.name);
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for f in &m.files {
        if !seen.insert(&f.path) {
            return Err(format!(
                "files[].path `{}` is listed twice",
                f.path.escape_debug()
            ));
        }
    }
    Ok(())
}
