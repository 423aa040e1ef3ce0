//! Evidence packages: one scan's inputs, policies, waivers and results with the
//! SHA-256 of each, laid out so that re-running the recorded policies on the
//! recorded inputs gives the same bytes (`evidence verify`).
//!
//! Making a package copies what the scan would read into a staging folder
//! (`inputs/<name>/…`, `policies/<name>…`, `waivers/<name>`), redacts it when
//! asked, and scans the *copy* with display names that do not depend on where it
//! lies. `verify` lays the package out the same way and runs the same code, so a
//! package reproduces byte for byte whatever the current folder or the paths
//! first given.

mod html;
pub mod manifest;
mod open;
mod package;
pub mod previous;
pub mod redact;
pub mod side;
pub mod sign;
mod verify;

pub use verify::{check_package, verify, Verdict};

use crate::config::cli::EvidenceArgs;
use crate::config::ScanConfig;
use crate::diag::Diagnostic;
use crate::diag::Fatal;
use crate::load::discover;
use crate::load::source::display_path;
use crate::policy::policyset::{self, PolicySet};
use crate::report;
use crate::scan::{self, Options, Plan, ScanResult};
use manifest::{
    ControlCount, Hashed, Input, InputError, Manifest, PackageFile, PolicyEntry, Redaction, Root,
    SeverityCount, Summary, Tool,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const INPUTS: &str = "inputs";
pub const POLICIES: &str = "policies";
pub const WAIVERS: &str = "waivers";
pub const EXPECT: &str = "expect";
/// `--parameter-file` and `--var-file` files.
pub const VALUES: &str = "values";
pub const RESULTS_JSON: &str = "results.json";
pub const RESULTS_SARIF: &str = "results.sarif";
pub const REPORT_HTML: &str = "report.html";
/// `--previous`: the previous package's side of the diff report.html shows.
pub const PREVIOUS_JSON: &str = "previous.json";

/// Names for paths inside a package: each one's last component (the real
/// folder's name for `.`, `..` or `/`), `-2`, `-3`, … on a clash (ignoring
/// case, for case-insensitive file systems), in the order given.
pub fn canonical_names(paths: &[PathBuf]) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let base = base_name(p);
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(name.to_lowercase());
        out.push(name);
    }
    out
}

fn base_name(p: &Path) -> String {
    let last = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            std::fs::canonicalize(p)
                .ok()
                .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| "root".into());
    let clean: String = last
        .chars()
        .map(|c| {
            if c == '\\' || c == '/' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    match clean.as_str() {
        "" | "." | ".." => "input".into(),
        _ => clean,
    }
}

/// A relative path that stays inside the folder it is joined to: `/`
/// separated, no empty, `.` or `..` component, no backslash or control character.
pub fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 4096
        && path.split('/').all(|c| {
            !c.is_empty()
                && c != "."
                && c != ".."
                && !c.contains('\\')
                && !c.chars().any(char::is_control)
        })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Size and SHA-256 of a file, read in pieces.
fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((size, format!("{:x}", h.finalize())))
}

/// Every regular file under `dir`, as sorted `/`-separated relative paths.
fn files_under(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    for e in walkdir::WalkDir::new(dir).follow_links(false) {
        let e = e.map_err(std::io::Error::other)?;
        if e.file_type().is_file() {
            if let Ok(rel) = e.path().strip_prefix(dir) {
                out.push(display_path(rel));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn io_fatal(what: &Path, e: std::io::Error) -> Fatal {
    Fatal::file(
        &display_path(what),
        format!("cannot write the evidence package: {e}"),
    )
}

/// Why a file is not copied into a package.
#[derive(Debug)]
enum Refused {
    /// A link whose target lies outside every allowed folder.
    Outside,
    /// Not a regular file, nor a link to one.
    NotAFile,
    Io(std::io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Outside => f.write_str(
                "is a symbolic link to a file outside the scanned folder: not copied into the evidence package",
            ),
            Refused::NotAFile => f.write_str("is not a regular file: not copied into the evidence package"),
            Refused::Io(e) => write!(f, "cannot read: {}", crate::load::open::io_reason(e)),
        }
    }
}

/// The file to copy for `from`: itself when it is a regular file (and, when
/// `named` is false, lies inside one of `inside` once links in its folders are
/// resolved), or the canonical target of a link inside one of `inside`.
/// `named`: the path was given on the command line.
fn copy_source(from: &Path, inside: &[PathBuf], named: bool) -> Result<PathBuf, Refused> {
    let meta = std::fs::symlink_metadata(from).map_err(Refused::Io)?;
    if !meta.is_file() && !meta.file_type().is_symlink() {
        return Err(Refused::NotAFile);
    }
    if meta.is_file() && named {
        return Ok(from.to_path_buf());
    }
    let target = std::fs::canonicalize(from).map_err(Refused::Io)?;
    if !std::fs::metadata(&target).map_err(Refused::Io)?.is_file() {
        return Err(Refused::NotAFile);
    }
    if !inside.iter().any(|root| target.starts_with(root)) {
        return Err(Refused::Outside);
    }
    Ok(target)
}

/// Where a link given on the command line may lead: the current folder and
/// the scanned folders.
fn named_roots(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .into_iter()
        .collect();
    out.extend(folders.iter().filter_map(|f| std::fs::canonicalize(f).ok()));
    out
}

/// A path relative to its root as stored in a package: `/`-separated, each
/// byte of a name that is not UTF-8 written `%XX`, so two such names stay two.
fn package_path(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| escape_bytes(c.as_os_str()))
        .collect();
    parts.join("/")
}

#[cfg(unix)]
fn escape_bytes(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_bytes(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

fn copy_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut src = std::fs::File::open(from)?;
    if !src.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut dst = std::fs::File::create(to)?;
    std::io::copy(&mut src, &mut dst)?;
    Ok(())
}

/// What staging the inputs found: each root's name and kind, and what could not
/// be read or stored.
pub struct StagedInputs {
    pub roots: Vec<Root>,
    pub errors: Vec<InputError>,
}

/// Copy what a scan of `paths` reads into `dest/inputs/<name>/…`: the files the
/// walk finds, and each folder's waivers file when `default_waivers`.
pub fn stage_inputs(
    paths: &[PathBuf],
    names: &[String],
    dest: &Path,
    default_waivers: bool,
    out: Option<&Path>,
) -> Result<StagedInputs, Fatal> {
    let inputs = dest.join(INPUTS);
    std::fs::create_dir_all(&inputs).map_err(|e| io_fatal(&inputs, e))?;
    let naming = Options {
        names: paths.iter().cloned().zip(names.iter().cloned()).collect(),
        ..Options::default()
    };
    let roots = stage_roots(paths, names, &inputs)?;
    let (candidates, walk_errors) = discover_inputs(paths, out);
    let errors: Vec<InputError> = walk_errors
        .into_iter()
        .map(|e| InputError {
            file: naming.display_name(&e.path),
            message: e.message,
        })
        .collect();
    let mut copier = Copier::new(paths, &roots, inputs, errors);
    for c in &candidates {
        let root = paths
            .iter()
            .zip(names)
            .find_map(|(p, n)| c.path.strip_prefix(p).ok().map(|rest| (rest, n)));
        let name = match root {
            Some((rest, n)) if rest.as_os_str().is_empty() => n.clone(),
            Some((rest, n)) => format!("{n}/{}", package_path(rest)),
            None => naming.display_name(&display_path(&c.path)),
        };
        let explicit = paths.iter().any(|p| p == &c.path);
        copier.copy(&c.path, name, explicit);
    }
    if default_waivers {
        copier.copy_waivers(paths, &roots);
    }
    let mut errors = copier.errors;
    errors.sort();
    errors.dedup();
    Ok(StagedInputs { roots, errors })
}

/// Each path's name and kind; a folder's is made under `inputs`.
fn stage_roots(paths: &[PathBuf], names: &[String], inputs: &Path) -> Result<Vec<Root>, Fatal> {
    let mut roots = Vec::new();
    for (path, name) in paths.iter().zip(names) {
        let kind = match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() || (m.file_type().is_symlink() && path.is_dir()) => "folder",
            Ok(_) if path.is_file() => "file",
            _ => "unreadable",
        };
        if kind == "folder" {
            let d = inputs.join(name);
            std::fs::create_dir_all(&d).map_err(|e| io_fatal(&d, e))?;
        }
        roots.push(Root {
            name: name.clone(),
            kind: kind.into(),
        });
    }
    Ok(roots)
}

/// The files a scan of `paths` reads, and the errors of the walk.
fn discover_inputs(
    paths: &[PathBuf],
    out: Option<&Path>,
) -> (Vec<discover::Candidate>, Vec<Diagnostic>) {
    let (mut candidates, walk_errors) = discover::discover(paths);
    // A package made inside a scanned folder does not hold itself, an earlier
    // package at --out, or another run's temporaries. Compared canonically, so
    // `nest/../nest/pkg` is `nest/pkg`.
    let out = out.and_then(canonical_out);
    candidates.retain(|c| {
        let temporary = c.path.components().any(|part| {
            let part = part.as_os_str().to_string_lossy();
            part.starts_with(".aggrego-evidence-") || part.starts_with(".aggrego-report-")
        });
        let inside_out = out.as_ref().is_some_and(|o| {
            std::fs::canonicalize(&c.path)
                .or_else(|_| std::path::absolute(&c.path))
                .is_ok_and(|p| p.starts_with(o))
        });
        !temporary && !inside_out
    });
    (candidates, walk_errors)
}

/// Copies input files into `inputs/`, each name once, recording what could
/// not be stored.
struct Copier {
    inputs: PathBuf,
    /// Where a link found in a folder may lead: the scanned folders.
    inside: Vec<PathBuf>,
    /// Where a file given as PATH may lead: the current folder too.
    named: Vec<PathBuf>,
    stored: BTreeSet<String>,
    errors: Vec<InputError>,
}

impl Copier {
    fn new(paths: &[PathBuf], roots: &[Root], inputs: PathBuf, errors: Vec<InputError>) -> Copier {
        let folders: Vec<PathBuf> = paths
            .iter()
            .zip(roots)
            .filter(|(_, r)| r.kind == "folder")
            .map(|(p, _)| p.clone())
            .collect();
        let inside: Vec<PathBuf> = folders
            .iter()
            .filter_map(|f| std::fs::canonicalize(f).ok())
            .collect();
        let named = named_roots(&folders);
        Copier {
            inputs,
            inside,
            named,
            stored: BTreeSet::new(),
            errors,
        }
    }

    /// Copy `from` to `inputs/<name>`; `explicit`: it was given as PATH.
    fn copy(&mut self, from: &Path, name: String, explicit: bool) {
        if !safe_relative(&name) {
            self.errors.push(InputError {
                file: name,
                message: "cannot be stored in an evidence package: its path has a backslash or a control character".into(),
            });
            return;
        }
        if !self.stored.insert(name.clone()) {
            self.errors.push(InputError {
                file: name,
                message:
                    "cannot be stored in an evidence package: another input has the same name there"
                        .into(),
            });
            return;
        }
        let allowed = if explicit { &self.named } else { &self.inside };
        let source = copy_source(from, allowed, explicit);
        if let Err(e) =
            source.and_then(|s| copy_file(&s, &self.inputs.join(&name)).map_err(Refused::Io))
        {
            self.errors.push(InputError {
                file: name,
                message: e.to_string(),
            });
        }
    }

    /// Each scanned folder's default waivers file, which the scan reads.
    fn copy_waivers(&mut self, paths: &[PathBuf], roots: &[Root]) {
        for (path, root) in paths.iter().zip(roots) {
            let w = path.join(crate::suppress::waivers::DEFAULT_FILE);
            // Present at all (a link too): whether it may be copied is decided there.
            if root.kind == "folder" && std::fs::symlink_metadata(&w).is_ok() {
                self.copy(
                    &w,
                    format!("{}/{}", root.name, crate::suppress::waivers::DEFAULT_FILE),
                    false,
                );
            }
        }
    }
}

/// `--out` as it will be once written: canonical, though it may not exist yet.
fn canonical_out(out: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(out) {
        return Some(c);
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(out.file_name()?))
}

/// Copy a file named by a flag, or found in a folder named by one (`inside`).
fn copy_named(from: &Path, to: &Path, inside: Option<&Path>) -> Result<(), Fatal> {
    let source = match inside {
        Some(folder) => copy_source(
            from,
            &std::fs::canonicalize(folder)
                .into_iter()
                .collect::<Vec<_>>(),
            false,
        ),
        None => copy_source(from, &named_roots(&[]), true),
    };
    source
        .and_then(|s| copy_file(&s, to).map_err(Refused::Io))
        .map_err(|e| Fatal::file(&display_path(from), e.to_string()))
}

/// Copy `--policy` paths and `--data` files to `dest/policies/<name>`; returns
/// their package paths.
fn stage_policies(
    policy: &[PathBuf],
    data: &[PathBuf],
    dest: &Path,
) -> Result<(Vec<String>, Vec<String>), Fatal> {
    let all: Vec<PathBuf> = policy.iter().chain(data).cloned().collect();
    let names = canonical_names(&all);
    let mut out = Vec::new();
    for (path, name) in all.iter().zip(&names) {
        let target = dest.join(POLICIES).join(name);
        if path.is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| io_fatal(&target, e))?;
            let (files, errors) = crate::policy::folder_files(path);
            if !errors.is_empty() {
                return Err(Fatal(errors));
            }
            for f in files {
                let rel = f.strip_prefix(path).map(display_path).unwrap_or_default();
                if !safe_relative(&rel) {
                    return Err(Fatal::file(
                        &display_path(&f),
                        "cannot be stored in an evidence package: its path has a backslash or a control character".into(),
                    ));
                }
                copy_named(&f, &target.join(&rel), Some(path))?;
            }
        } else {
            copy_named(path, &target, None)?;
        }
        out.push(format!("{POLICIES}/{name}"));
    }
    let data_paths = out.split_off(policy.len());
    Ok((out, data_paths))
}

/// Copy files to `dest/folder/<name>`; returns their package paths.
fn stage_files(files: &[PathBuf], dest: &Path, folder: &str) -> Result<Vec<String>, Fatal> {
    let names = canonical_names(files);
    let mut out = Vec::new();
    for (file, name) in files.iter().zip(names) {
        copy_named(file, &dest.join(folder).join(&name), None)?;
        out.push(format!("{folder}/{name}"));
    }
    Ok(out)
}

/// Copy a file given by a flag to `dest/<folder>/<name>`; returns its package
/// path. A missing file is the scan's error to report, as for `scan`.
fn stage_file(file: Option<&Path>, dest: &Path, folder: &str) -> Result<Option<String>, Fatal> {
    let Some(file) = file else {
        return Ok(None);
    };
    let name = canonical_names(&[file.to_path_buf()])
        .into_iter()
        .next()
        .unwrap_or_else(|| "file".into());
    if std::fs::symlink_metadata(file).is_ok_and(|m| m.is_file() || m.file_type().is_symlink()) {
        copy_named(file, &dest.join(folder).join(&name), None)?;
    }
    Ok(Some(format!("{folder}/{name}")))
}

/// Redact every staged file and path in place, and the given strings; returns
/// the redactor so the caller can redact what it still holds.
fn redact_tree(dest: &Path, key: &str, extra: &[&str]) -> Result<redact::Redactor, Fatal> {
    redact_tree_with(dest, key, extra, None)
}

/// `redact_tree`, reading the file at `account_list` (a path under `dest`) as
/// the `--expect-accounts` list it is.
fn redact_tree_with(
    dest: &Path,
    key: &str,
    extra: &[&str],
    account_list: Option<&str>,
) -> Result<redact::Redactor, Fatal> {
    let format = |f: &str| {
        if Some(f) == account_list {
            redact::Format::AccountList
        } else {
            redact::Format::Auto
        }
    };
    let mut found = redact::Collected::default();
    let files = files_under(dest).map_err(|e| io_fatal(dest, e))?;
    for f in &files {
        found.text(f);
        let bytes = std::fs::read(dest.join(f)).map_err(|e| io_fatal(&dest.join(f), e))?;
        found.file(f, &bytes, format(f));
    }
    for s in extra {
        found.text(s);
    }
    let r = redact::Redactor::new(key, found);
    for f in &files {
        let path = dest.join(f);
        let bytes = std::fs::read(&path).map_err(|e| io_fatal(&path, e))?;
        let out = r.file(f, &bytes, format(f));
        if out != bytes {
            std::fs::write(&path, out).map_err(|e| io_fatal(&path, e))?;
        }
    }
    // Rename the deepest entries first, so the paths of the others still hold.
    let mut entries: Vec<PathBuf> = walkdir::WalkDir::new(dest)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .collect();
    entries.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
    for p in entries {
        let Some(name) = p.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let new = r.text(&name);
        if new != name {
            let to = p.with_file_name(&new);
            if to.exists() {
                return Err(Fatal::file(
                    &display_path(&p),
                    format!("cannot redact the name: {new} already exists"),
                ));
            }
            std::fs::rename(&p, &to).map_err(|e| io_fatal(&p, e))?;
        }
    }
    Ok(r)
}

/// What a run needs besides the files: the flags, the roots and the errors
/// found while copying.
pub struct Recipe {
    pub flags: ScanConfig,
    pub roots: Vec<Root>,
    pub input_errors: Vec<InputError>,
}

impl Recipe {
    /// The names and messages of the inputs: text that redaction must see.
    pub fn input_texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = self.roots.iter().map(|r| r.name.as_str()).collect();
        for e in &self.input_errors {
            texts.push(&e.file);
            texts.push(&e.message);
        }
        texts
    }

    /// The roots and input errors with their texts redacted.
    pub fn redact_inputs(&mut self, r: &redact::Redactor) {
        for root in &mut self.roots {
            root.name = r.text(&root.name);
        }
        for e in &mut self.input_errors {
            e.file = r.text(&e.file);
            e.message = r.text(&e.message);
        }
        self.input_errors.sort();
    }
}

/// What a run made.
pub struct Outcome {
    pub result: ScanResult,
    pub policies: Vec<PolicyEntry>,
    pub modules: Vec<Hashed>,
    pub data: Vec<Hashed>,
    pub exit_code: u8,
}

/// Bounds a re-run keeps whatever the recorded flags say: a package may only
/// lower them (`evidence verify`).
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub max_file_size: u64,
    pub max_files: usize,
    pub policy_timeout: std::time::Duration,
    /// Items and findings per file: a package may not raise them past the
    /// scan's defaults, which keep memory proportional to what is reported.
    pub per_file: scan::Limits,
}

impl Caps {
    /// No bound beyond the flags (a package being made).
    pub const NONE: Caps = Caps {
        max_file_size: u64::MAX,
        max_files: usize::MAX,
        policy_timeout: std::time::Duration::MAX,
        per_file: scan::Limits {
            max_file_size: u64::MAX,
            max_files: usize::MAX,
            items: crate::input::ItemLimits {
                aggregators: usize::MAX,
                items: usize::MAX,
            },
            max_findings_per_rule: usize::MAX,
            max_errors_per_file: usize::MAX,
        },
    };
}

/// The recorded configuration as a re-run in `dir` uses it: its paths inside
/// the package, its inputs the recorded roots, and every bound no higher than
/// `caps` allows.
fn in_package(recorded: &ScanConfig, dir: &Path, recipe: &Recipe, caps: &Caps) -> ScanConfig {
    let inputs = dir.join(INPUTS);
    let within = |paths: &[PathBuf]| paths.iter().map(|p| dir.join(p)).collect::<Vec<_>>();
    let mut c = recorded.clone();
    c.paths = recipe
        .roots
        .iter()
        .filter(|r| r.kind == "folder" || r.kind == "file")
        .map(|r| inputs.join(&r.name))
        .collect();
    c.policy = within(&recorded.policy);
    c.data = within(&recorded.data);
    c.parameter_files = within(&recorded.parameter_files);
    c.var_files = within(&recorded.var_files);
    c.expect_accounts = recorded.expect_accounts.as_ref().map(|p| dir.join(p));
    c.waivers = recorded.waivers.as_ref().map(|p| dir.join(p));
    c.policy_timeout = c.policy_timeout.min(caps.policy_timeout);
    c.max_file_size = c.max_file_size.min(caps.max_file_size);
    c.max_files = c.max_files.min(caps.max_files);
    let per_file = &caps.per_file;
    c.max_aggregators_per_file = c.max_aggregators_per_file.min(per_file.items.aggregators);
    c.max_items_per_file = c.max_items_per_file.min(per_file.items.items);
    c.max_findings_per_rule = c.max_findings_per_rule.min(per_file.max_findings_per_rule);
    c.max_errors_per_file = c.max_errors_per_file.min(per_file.max_errors_per_file);
    c
}

/// Load the recorded policies from a package folder and scan its inputs: the
/// recorded configuration, its paths in the package and its bounds capped.
pub fn run(dir: &Path, recipe: &Recipe, progress: bool, caps: &Caps) -> Result<Outcome, Fatal> {
    let config = in_package(&recipe.flags, dir, recipe, caps);
    let set = load_policies(dir, &config)?;
    let extras = set.extras.clone();
    let plan = Plan::new(set, &config)?;
    let engine = &plan.engine;

    let fail_on = config.fail_on;
    let mut options = plan.options(config);
    options.progress = progress;
    options.names = display_names(dir, recipe);
    options.errors = recipe
        .input_errors
        .iter()
        .map(|e| Diagnostic::whole(&e.file, e.message.clone()))
        .collect();
    let mut result = scan::scan(&options, engine);
    let exit_code = result.exit_code(fail_on, &plan.selection);
    // The reports record the flags as the package does: its own paths, not
    // those of the folder it is re-run in.
    result.provenance.flags = recipe.flags.clone();

    let policies = result
        .provenance
        .policies
        .iter()
        .map(|p| PolicyEntry {
            id: p.id.clone(),
            file: p.file.clone(),
            builtin: p.builtin,
            sha256: p.sha256.clone(),
        })
        .collect();
    let mut modules: Vec<Hashed> = crate::policy::BUILTIN_LIB
        .iter()
        .map(|(file, src)| Hashed {
            file: format!("builtin/{file}"),
            sha256: sha256_hex(src.as_bytes()),
        })
        .collect();
    modules.extend(extras.libraries.iter().map(|m| Hashed {
        file: m.path.clone(),
        sha256: sha256_hex(m.source.as_bytes()),
    }));
    let data = data_hashes(dir, &extras)?;
    Ok(Outcome {
        result,
        policies,
        modules,
        data,
        exit_code,
    })
}

/// A package folder's inputs read, parsed and put in context as `run` reads
/// them, without running a policy: what `diff` needs of a package's inputs.
pub fn prepare(dir: &Path, recipe: &Recipe, caps: &Caps) -> scan::Prepared {
    let config = in_package(&recipe.flags, dir, recipe, caps);
    let options = Options {
        config,
        names: display_names(dir, recipe),
        ..Options::default()
    };
    scan::prepare(&options, &crate::output::progress::Progress::new(false, 0))
}

/// The policies of `config`, their paths (and those in their errors) made
/// relative to the package folder `dir`.
fn load_policies(dir: &Path, config: &ScanConfig) -> Result<PolicySet, Fatal> {
    let prefix = format!("{}/", display_path(dir));
    let rename = |s: &mut String| {
        if let Some(rest) = s.strip_prefix(prefix.as_str()) {
            *s = rest.to_string();
        }
    };
    let mut set: PolicySet = policyset::load(&policyset::Request {
        policy_paths: &config.policy,
        data_paths: &config.data,
        builtin: !config.no_builtin,
        timeout: config.policy_timeout,
    })
    .map_err(|mut errors| {
        for e in &mut errors {
            rename(&mut e.path);
            e.message = e.message.replace(prefix.as_str(), "");
        }
        Fatal(errors)
    })?;
    for p in &mut set.policies {
        rename(&mut p.path);
    }
    for m in set.extras.libraries.iter_mut().chain(set.tests.iter_mut()) {
        rename(&mut m.path);
    }
    for (path, _) in &mut set.extras.data {
        rename(path);
    }
    Ok(set)
}

/// Reports name the package's files by their paths in it, whatever folder
/// it lies in.
fn display_names(dir: &Path, recipe: &Recipe) -> Vec<(PathBuf, String)> {
    let inputs = dir.join(INPUTS);
    let mut names: Vec<(PathBuf, String)> = Vec::new();
    for r in &recipe.roots {
        if r.kind == "folder" || r.kind == "file" {
            names.push((inputs.join(&r.name), r.name.clone()));
        }
    }
    names.push((dir.join(WAIVERS), WAIVERS.into()));
    names.push((dir.join(EXPECT), EXPECT.into()));
    names.push((dir.join(VALUES), VALUES.into()));
    names
}

/// The SHA-256 of each `--data` file as the run read it.
fn data_hashes(dir: &Path, extras: &crate::policy::engine::Extras) -> Result<Vec<Hashed>, Fatal> {
    let mut data = Vec::new();
    for (path, _) in &extras.data {
        let (_, sha256) = hash_file(&dir.join(path)).map_err(|e| {
            Fatal::file(
                path,
                format!("cannot read: {}", crate::load::open::io_reason(&e)),
            )
        })?;
        data.push(Hashed {
            file: path.clone(),
            sha256,
        });
    }
    Ok(data)
}

/// The manifest of a run, without the `files` list (which holds report.html,
/// and report.html shows the manifest).
pub fn manifest_core(
    recipe: &Recipe,
    outcome: &Outcome,
    inputs: Vec<Input>,
    inputs_included: bool,
    redaction: Option<Redaction>,
) -> Manifest {
    let r = &outcome.result;
    Manifest {
        format: manifest::FORMAT.into(),
        tool: Tool {
            name: "aggrego".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        now: r.now.rfc3339.clone(),
        now_source: r.now_source.as_str().into(),
        flags: recipe.flags.clone(),
        prepared_by: recipe.flags.prepared_by.clone(),
        scope: r.scope.clone(),
        snapshots: r.provenance.snapshots.clone(),
        roots: recipe.roots.clone(),
        policies: outcome.policies.clone(),
        modules: outcome.modules.clone(),
        data: outcome.data.clone(),
        inputs,
        input_errors: recipe.input_errors.clone(),
        inputs_included,
        redacted: redaction.is_some(),
        redaction,
        previous: None,
        summary: Summary {
            files_scanned: r.files_scanned,
            findings: r.findings.len() - r.suppressed_count(),
            suppressed: r.suppressed_count(),
            errors: r.errors.len(),
            by_severity: report::json::counts(&r.findings)
                .into_iter()
                .map(|(s, n)| SeverityCount {
                    severity: s.as_str().into(),
                    count: n,
                })
                .collect(),
            exit_code: outcome.exit_code,
            by_rule: report::controls::by_rule(r)
                .into_iter()
                .map(|c| ControlCount {
                    rule: c.rule.into(),
                    status: c.status.as_str().into(),
                    checks: c.checks.into(),
                    checked: c.checked,
                    failed: c.failed,
                    findings: c.findings,
                    suppressed: c.suppressed,
                })
                .collect(),
        },
        files: Vec::new(),
        signature: None,
    }
}

/// Write results.json, results.sarif and report.html of a run into `dir`, one
/// at a time (a large scan's reports are hundreds of megabytes); returns each
/// one's name, size and SHA-256.
pub fn write_outputs(
    outcome: &Outcome,
    core: &Manifest,
    changes: Option<&str>,
    dir: &Path,
) -> std::io::Result<Vec<(&'static str, u64, String)>> {
    let mut out = Vec::new();
    for name in [REPORT_HTML, RESULTS_JSON, RESULTS_SARIF] {
        let path = dir.join(name);
        let mut w = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&path)?);
        match name {
            RESULTS_JSON => report::json::write(&outcome.result, &mut w)?,
            RESULTS_SARIF => report::sarif::write_with(
                &outcome.result,
                // Every result: a package is read by auditors, not by a
                // code-scanning service with a cap.
                &report::sarif::SarifOptions {
                    package: true,
                    max_results: usize::MAX,
                    ..Default::default()
                },
                &mut w,
            )?,
            _ => report::html::render(
                &outcome.result,
                Some(report::html::Appendix {
                    title: "aggrego evidence report",
                    html: &format!("{}{}", changes.unwrap_or(""), html::manifest_section(core)),
                }),
                &mut w,
            )?,
        }
        w.flush()?;
        drop(w);
        let (size, sha) = hash_file(&path)?;
        out.push((name, size, sha));
    }
    Ok(out)
}

/// Size and SHA-256 of every file under `inputs/` of a staged folder.
fn hash_inputs(dir: &Path) -> Result<Vec<Input>, Fatal> {
    let inputs = dir.join(INPUTS);
    let mut out = Vec::new();
    for name in files_under(&inputs).map_err(|e| io_fatal(&inputs, e))? {
        let (size, sha256) = hash_file(&inputs.join(&name)).map_err(|e| io_fatal(&inputs, e))?;
        out.push(Input { name, size, sha256 });
    }
    Ok(out)
}

/// Normalised rule ids: trimmed, empty ones dropped, sorted.
fn rule_list(ids: &[String]) -> Vec<String> {
    let set: BTreeSet<String> = ids
        .iter()
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty())
        .collect();
    set.into_iter().collect()
}

/// `aggrego evidence PATH… --out DIR|FILE.zip`.
pub fn create(args: &EvidenceArgs) -> Result<u8, Fatal> {
    // Staging folders and files are made below: an interrupt must remove them.
    crate::output::interrupt::install_handler();
    let Some(out) = args.out.clone() else {
        return Err(Fatal::flag(
            "--out",
            "give the package's folder or .zip file".into(),
        ));
    };
    // ScanConfig and policies are checked on the originals first, so a mistake is
    // reported with the paths as given.
    let given = ScanConfig {
        prepared_by: args.prepared_by.clone(),
        ..ScanConfig::from_args(&args.input, &args.policies, &args.rules)
    };
    let known = Plan::new(policyset::of_config(&given).map_err(Fatal)?, &given)?.known;
    check_roots(&args.input.paths)?;
    // The key is read before anything is scanned: a wrong passphrase costs nothing.
    let signer = args.sign.as_deref().map(sign::Signer::load).transpose()?;
    let target = package::Target::new(&out, args.force)?;
    let stage = target.stage()?;
    let dir = stage.path().to_path_buf();

    let mut recipe = stage_package(&given, &known, &dir, &out)?;
    let redaction = if args.redact {
        Some(redact_package(
            &dir,
            args.redact_key.as_deref(),
            &mut recipe,
        )?)
    } else {
        None
    };

    let outcome = run(&dir, &recipe, !args.no_progress, &Caps::NONE)?;
    if outcome.result.now_source == crate::model::NowSource::Clock {
        return Err(Fatal::flag(
            "--now",
            "the inputs hold no timestamp to take the snapshot time from: give --now RFC3339 so the package is reproducible".into(),
        ));
    }
    let changes = match &args.previous {
        Some(p) => Some(previous::stage(
            p,
            &dir,
            &recipe,
            &outcome,
            redaction.as_ref(),
        )?),
        None => None,
    };
    let manifest = write_package(
        &dir,
        &recipe,
        &outcome,
        Written {
            no_inputs: args.no_inputs,
            redaction,
            signer: signer.as_ref(),
            changes: changes.as_ref(),
        },
    )?;
    target.commit(stage)?;
    report_written(&out, &manifest);
    let code = outcome.exit_code;
    std::mem::forget(outcome);
    Ok(code)
}

/// The package paths of what the flags name, once staged.
struct StagedFlags {
    policy: Vec<String>,
    data: Vec<String>,
    waivers: Option<String>,
    expect_accounts: Option<String>,
    parameter_files: Vec<String>,
    var_files: Vec<String>,
}

/// Stage the inputs and every file the flags name into `dir`; returns the
/// recipe that records them.
fn stage_package(
    given: &ScanConfig,
    known: &BTreeSet<String>,
    dir: &Path,
    out: &Path,
) -> Result<Recipe, Fatal> {
    let names = canonical_names(&given.paths);
    let staged = stage_inputs(
        &given.paths,
        &names,
        dir,
        given.waivers.is_none(),
        Some(out),
    )?;
    let (policy, data) = stage_policies(&given.policy, &given.data, dir)?;
    let waivers = stage_file(given.waivers.as_deref(), dir, WAIVERS)?;
    let expect_accounts = stage_file(given.expect_accounts.as_deref(), dir, EXPECT)?;
    let value_files: Vec<PathBuf> = given
        .parameter_files
        .iter()
        .chain(&given.var_files)
        .cloned()
        .collect();
    let mut staged_values = stage_files(&value_files, dir, VALUES)?;
    let var_files = staged_values.split_off(given.parameter_files.len());
    let flags = recorded_flags(
        given,
        known,
        StagedFlags {
            policy,
            data,
            waivers,
            expect_accounts,
            parameter_files: staged_values,
            var_files,
        },
    );
    Ok(Recipe {
        flags,
        roots: staged.roots,
        input_errors: staged.errors,
    })
}

/// The configuration as recorded: the package's own paths, rule ids in
/// catalogue spelling and sorted, regions sorted and each once.
fn recorded_flags(given: &ScanConfig, known: &BTreeSet<String>, staged: StagedFlags) -> ScanConfig {
    let canonical = |ids: &[String]| {
        rule_list(ids)
            .into_iter()
            .map(|id| {
                known
                    .iter()
                    .find(|k| k.eq_ignore_ascii_case(&id))
                    .cloned()
                    .unwrap_or(id)
            })
            .collect::<Vec<_>>()
    };
    let paths = |names: Vec<String>| names.into_iter().map(PathBuf::from).collect::<Vec<_>>();
    ScanConfig {
        paths: Vec::new(),
        expect_accounts: staged.expect_accounts.map(PathBuf::from),
        expect_regions: given
            .expect_regions
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        policy: paths(staged.policy),
        data: paths(staged.data),
        only_rule: canonical(&given.only_rule),
        skip_rule: canonical(&given.skip_rule),
        fail_on_rule: canonical(&given.fail_on_rule),
        waivers: staged.waivers.map(PathBuf::from),
        parameter_files: paths(staged.parameter_files),
        var_files: paths(staged.var_files),
        ..given.clone()
    }
}

/// Redact the staged files and the recipe with `key` (the default one when
/// `None`); returns how the package was redacted.
fn redact_package(dir: &Path, key: Option<&str>, recipe: &mut Recipe) -> Result<Redaction, Fatal> {
    let custom = key.is_some();
    let key = key.unwrap_or(redact::DEFAULT_KEY);
    let flags = &recipe.flags;
    let pairs: Vec<String> = flags
        .parameters
        .iter()
        .chain(&flags.vars)
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let mut texts = recipe.input_texts();
    texts.extend(flags.aggregator.as_deref());
    texts.extend(flags.region.as_deref());
    texts.extend(pairs.iter().map(String::as_str));
    let expect = flags
        .expect_accounts
        .as_ref()
        .map(|p| p.to_string_lossy().to_string());
    let r = redact_tree_with(dir, key, &texts, expect.as_deref())?;
    recipe.redact_inputs(&r);
    redact_flags(&mut recipe.flags, &r);
    Ok(Redaction {
        key: if custom {
            "custom".into()
        } else {
            "default".into()
        },
        key_check: redact::key_check(key),
    })
}

/// The recorded flags with every path and value the redactor knows redacted.
fn redact_flags(flags: &mut ScanConfig, r: &redact::Redactor) {
    let path = |p: &PathBuf| PathBuf::from(r.text(&p.to_string_lossy()));
    for p in flags.policy.iter_mut().chain(flags.data.iter_mut()) {
        *p = path(p);
    }
    flags.waivers = flags.waivers.as_ref().map(path);
    flags.expect_accounts = flags.expect_accounts.as_ref().map(path);
    flags.aggregator = flags.aggregator.take().map(|a| r.text(&a));
    flags.region = flags.region.take().map(|a| r.text(&a));
    for (k, v) in flags.parameters.iter_mut().chain(flags.vars.iter_mut()) {
        // A pair is redacted as its text, as it was recorded before.
        let text = r.text(&format!("{k}={v}"));
        if let Ok(pair) = crate::config::cli::parse_key_value(&text) {
            (*k, *v) = pair;
        }
    }
    for p in flags
        .parameter_files
        .iter_mut()
        .chain(flags.var_files.iter_mut())
    {
        *p = path(p);
    }
}

/// How a package is written besides its run: without inputs, redacted, signed,
/// with the changes since a previous package.
struct Written<'a> {
    no_inputs: bool,
    redaction: Option<Redaction>,
    signer: Option<&'a sign::Signer>,
    changes: Option<&'a previous::Changes>,
}

/// Hash the inputs (and drop them for --no-inputs), write the reports, the
/// manifest and its signature into `dir`; returns the manifest.
fn write_package(
    dir: &Path,
    recipe: &Recipe,
    outcome: &Outcome,
    how: Written,
) -> Result<Manifest, Fatal> {
    let inputs = hash_inputs(dir)?;
    if how.no_inputs {
        let d = dir.join(INPUTS);
        std::fs::remove_dir_all(&d).map_err(|e| io_fatal(&d, e))?;
    }
    let mut core = manifest_core(recipe, outcome, inputs, !how.no_inputs, how.redaction);
    // Recorded before the reports are written: report.html shows the signer.
    core.signature = how.signer.map(sign::Signer::record);
    core.previous = how.changes.map(|c| c.record.clone());
    write_outputs(outcome, &core, how.changes.map(|c| c.html.as_str()), dir)
        .map_err(|e| io_fatal(dir, e))?;
    let manifest = finish_manifest(dir, core)?;
    let bytes = manifest.to_bytes();
    std::fs::write(dir.join(manifest::FILE), &bytes).map_err(|e| io_fatal(dir, e))?;
    if let Some(signer) = how.signer {
        // Over the exact bytes written, after the list of files: the
        // signature covers every file through its hash.
        let sig = signer.sign(&bytes).map_err(|m| Fatal::flag("--sign", m))?;
        std::fs::write(dir.join(sign::SIG_FILE), sig).map_err(|e| io_fatal(dir, e))?;
    }
    Ok(manifest)
}

/// The manifest with the `files` list of a staged package folder.
fn finish_manifest(dir: &Path, mut core: Manifest) -> Result<Manifest, Fatal> {
    for path in files_under(dir).map_err(|e| io_fatal(dir, e))? {
        if path == manifest::FILE {
            continue;
        }
        let (size, sha256) = hash_file(&dir.join(&path)).map_err(|e| io_fatal(dir, e))?;
        core.files.push(PackageFile { path, size, sha256 });
    }
    Ok(core)
}

fn report_written(out: &Path, m: &Manifest) {
    let mut err = std::io::stderr().lock();
    let signed = m
        .signature
        .as_ref()
        .map_or(String::new(), |s| format!(", signed by {}", s.fingerprint));
    let _ = writeln!(
        err,
        "aggrego: evidence package {}: {} input{}, {} finding{}, {} suppressed, {} error{}{signed}",
        display_path(out),
        m.inputs.len(),
        crate::report::plural(m.inputs.len()),
        m.summary.findings,
        crate::report::plural(m.summary.findings),
        m.summary.suppressed,
        m.summary.errors,
        crate::report::plural(m.summary.errors),
    );
}

/// PATH arguments a package can name and re-run: no two overlap (a file would
/// be stored twice and scanned once), and a Terraform module is given by its
/// folder (a `.tf` file argument brings its folder's other files along).
fn check_roots(paths: &[PathBuf]) -> Result<(), Fatal> {
    let mut seen: Vec<(PathBuf, &PathBuf)> = Vec::new();
    for p in paths {
        if p.is_file() && crate::input::is_terraform(p) {
            return Err(Fatal::file(
                &display_path(p),
                "an evidence package reads a Terraform module from its folder: give the folder instead of the .tf file".into(),
            ));
        }
        let Ok(c) = std::fs::canonicalize(p) else {
            continue;
        };
        for (other, given) in &seen {
            if c.starts_with(other) || other.starts_with(&c) {
                return Err(Fatal::file(
                    &display_path(p),
                    format!(
                        "overlaps {}: give each file to an evidence package once",
                        display_path(given)
                    ),
                ));
            }
        }
        seen.push((c, p));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_last_components_made_unique() {
        let paths: Vec<PathBuf> = [
            "a/snap",
            "b/snap/",
            "c/Snap",
            "snap-2",
            "x/status.json",
            "/",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(
            canonical_names(&paths),
            [
                "snap",
                "snap-2",
                "Snap-3",
                "snap-2-2",
                "status.json",
                "root"
            ]
        );
        let dot = canonical_names(&[PathBuf::from(".")]);
        assert!(!dot[0].is_empty() && dot[0] != ".");
    }

    #[test]
    fn unsafe_paths_are_refused() {
        assert!(safe_relative("inputs/a/b.json"));
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../b",
            "a//b",
            "a\\b",
            "a/./b",
            "a\nb",
        ] {
            assert!(!safe_relative(bad), "{bad:?}");
        }
    }
}
