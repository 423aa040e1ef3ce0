//! `aggrego evidence verify PACKAGE`: every hash recomputed, the recorded
//! policies re-run on the inputs, and every difference listed.

use super::manifest::{self, Manifest};
use super::open::{open_package, private_tempdir, too_large, Opened};
use super::package::{Found, Limits, ReadError, Reader, Unreadable, Use, MAX_UNLISTED};
use super::sign::{self, Authorship, Trusted, MAX_SIGNATURE, SIG_FILE};
use super::{
    canonical_names, finish_manifest, hash_inputs, manifest_core, previous, redact, redact_tree,
    run, sha256_hex, stage_inputs, write_outputs, Caps, Recipe, EXPECT, INPUTS, POLICIES,
    PREVIOUS_JSON, RESULTS_JSON, VALUES, WAIVERS,
};
use crate::config::cli::VerifyArgs;
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_FINDINGS};
use crate::escape::clean_name as terminal_safe;
use crate::load::source::display_path;
use crate::output::interrupt::pending;
use crate::output::print_stdout;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Differences listed per kind before "… and N more".
const MAX_LISTED: usize = 50;

/// The largest results.json whose findings are compared one by one when it
/// does not reproduce (both copies are parsed whole).
const MAX_FINDINGS_DIFF: u64 = 64 * 1024 * 1024;

/// What a verification found: the text to print and the exit code.
pub struct Verdict {
    pub text: String,
    pub code: u8,
}

pub fn verify(args: &VerifyArgs) -> Result<u8, Fatal> {
    // Temporary copies are made below: an interrupt must remove them.
    crate::output::interrupt::install_handler();
    let verdict = check_package(args)?;
    print_stdout(&verdict.text)?;
    Ok(verdict.code)
}

/// `evidence verify` without printing: what it would print and its exit code.
pub fn check_package(args: &VerifyArgs) -> Result<Verdict, Fatal> {
    let shown = terminal_safe(&display_path(&args.package));
    let limits = Limits {
        max_size: args.max_package_size,
        max_files: args.max_package_files,
    };
    let caps = Caps {
        max_file_size: limits.max_size,
        max_files: limits.max_files,
        policy_timeout: args.policy_timeout,
        per_file: crate::scan::Limits::default(),
    };
    // A key file that cannot be read stops here, before the package is read.
    let trusted = args.key.as_deref().map(Trusted::load).transpose()?;
    let mut opened = open_package(&args.package, &shown, limits)?;
    check_redact_key(args, &opened.recorded)?;
    let signature = read_signature(&mut opened, &shown, limits)?;
    let authorship = sign::check(&opened.recorded, &opened.bytes, signature, trusted.as_ref());
    let mut diffs = Diffs::default();
    // Who made the package first: a wrong signer makes every other check moot.
    for p in &authorship.problems {
        diffs.push(p.clone());
    }
    if let Some(p) = &args.previous {
        check_previous(p, &opened.recorded, limits, &mut diffs)?;
    }
    for u in &opened.odd {
        diffs.push(format!("{}: {}", u.path, u.reason));
    }
    match check_copied(args, &caps, &mut opened, &mut diffs) {
        Err(Stop::Fatal(f)) => return Err(f),
        Err(Stop::TooLarge) => return Err(too_large(&shown, limits)),
        Ok(()) => {}
    }
    Ok(verdict(
        &shown,
        &opened.recorded,
        &opened.bytes,
        &diffs,
        &authorship,
    ))
}

/// A `--redact-key` that is not the package's is a mistake even when the
/// package holds its (redacted) inputs and the key is not needed.
fn check_redact_key(args: &VerifyArgs, recorded: &Manifest) -> Result<(), Fatal> {
    match (&args.redact_key, &recorded.redaction) {
        (Some(key), Some(red)) if redact::key_check(key) != red.key_check => Err(Fatal::flag(
            "--redact-key",
            "is not the key the package was redacted with".into(),
        )),
        _ => Ok(()),
    }
}

/// `manifest.json.sig` as the package holds it.
fn read_signature(opened: &mut Opened, shown: &str, limits: Limits) -> Result<sign::Found, Fatal> {
    if !opened.entries.iter().any(|e| e == SIG_FILE) {
        return Ok(sign::Found::Absent);
    }
    Ok(
        match opened.reader.read(SIG_FILE, MAX_SIGNATURE, Use::Keep) {
            Ok(f) if f.truncated => sign::Found::Unreadable(format!(
                "is larger than {MAX_SIGNATURE} bytes: not a signature"
            )),
            Ok(f) => sign::Found::Present(f.bytes.unwrap_or_default()),
            Err(ReadError::Entry(u)) => sign::Found::Unreadable(u.reason),
            Err(ReadError::TooLarge) => return Err(too_large(shown, limits)),
        },
    )
}

/// `--previous`: the given package is the one the package records.
fn check_previous(
    previous: &Path,
    recorded: &Manifest,
    limits: Limits,
    diffs: &mut Diffs,
) -> Result<(), Fatal> {
    let shown = terminal_safe(&display_path(previous));
    let sha = sha256_hex(&open_package(previous, &shown, limits)?.bytes);
    match &recorded.previous {
        None => diffs.push(format!(
            "--previous {shown}: the package records no previous package (it was made without --previous)"
        )),
        Some(p) if p.manifest_sha256 != sha => diffs.push(format!(
            "--previous {shown}: its manifest.json has sha256 {sha}; the package records {}",
            p.manifest_sha256
        )),
        Some(_) => {}
    }
    Ok(())
}

/// Run the checks in one private folder for everything copied out, removed
/// on every return, on unwinding and (through the pending list) on an
/// interrupt.
fn check_copied(
    args: &VerifyArgs,
    caps: &Caps,
    opened: &mut Opened,
    diffs: &mut Diffs,
) -> Result<(), Stop> {
    let tmp = private_tempdir()?;
    pending(tmp.path(), true);
    let work = tmp.path().join("run");
    let reports = tmp.path().join("package");
    let result = std::fs::create_dir(&work)
        .and_then(|_| std::fs::create_dir(&reports))
        .map_err(|e| {
            Stop::Fatal(Fatal::file(
                "verify",
                format!("cannot make a temporary folder: {e}"),
            ))
        })
        .and_then(|_| {
            Check {
                args,
                caps,
                recorded: &opened.recorded,
                recorded_bytes: &opened.bytes,
                work: &work,
                reports: &reports,
                listed: opened
                    .recorded
                    .files
                    .iter()
                    .map(|f| (f.path.as_str(), f))
                    .collect(),
                diffs,
            }
            .run(&mut opened.reader, &opened.entries)
        });
    pending(tmp.path(), false);
    let _ = tmp.close();
    result
}

/// The differences found, who signed the package, then the one-line verdict
/// and the exit code.
fn verdict(
    shown: &str,
    recorded: &Manifest,
    bytes: &[u8],
    diffs: &Diffs,
    authorship: &Authorship,
) -> Verdict {
    let mut out = String::new();
    for d in &diffs.list {
        out.push_str(&format!("✗ {}\n", terminal_safe(d)));
    }
    if diffs.more > 0 {
        out.push_str(&format!("✗ … and {} more differences\n", diffs.more));
    }
    out.push_str(&authorship.line);
    out.push('\n');
    let total = diffs.list.len() + diffs.more;
    let code = if total == 0 {
        out.push_str(&format!(
            "OK: {shown} is intact and reproduces: {} files, {} inputs, {} findings, {} suppressed, {} errors (manifest.json sha256 {})\n",
            recorded.files.len() + 1,
            recorded.inputs.len(),
            recorded.summary.findings,
            recorded.summary.suppressed,
            recorded.summary.errors,
            sha256_hex(bytes),
        ));
        EXIT_CLEAN
    } else {
        if predates_scope(bytes) {
            out.push_str(
                "note: the package's manifest.json has no `scope`: it was made by an aggrego whose reports held no scope and provenance, which this one writes, so its reports and manifest cannot reproduce here byte for byte; verify it with the aggrego that made it\n",
            );
        }
        if recorded.tool.version != env!("CARGO_PKG_VERSION") {
            out.push_str(&format!(
                "note: the package was made by aggrego {}; this is aggrego {}\n",
                recorded.tool.version.escape_debug(),
                env!("CARGO_PKG_VERSION")
            ));
        }
        out.push_str(&format!(
            "FAILED: {shown}: {total} difference{}\n",
            if total == 1 { "" } else { "s" }
        ));
        EXIT_FINDINGS
    };
    Verdict { text: out, code }
}

/// A manifest written before packages recorded their scope and provenance.
fn predates_scope(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes).is_ok_and(|v| v.get("scope").is_none())
}

/// Why a check stopped before its end.
enum Stop {
    Fatal(Fatal),
    /// The package holds more than `--max-package-size`.
    TooLarge,
}

impl From<Fatal> for Stop {
    fn from(f: Fatal) -> Stop {
        Stop::Fatal(f)
    }
}

#[derive(Default)]
struct Diffs {
    list: Vec<String>,
    more: usize,
}

impl Diffs {
    fn push(&mut self, d: String) {
        if self.list.len() < 500 {
            self.list.push(d);
        } else {
            self.more += 1;
        }
    }
}

/// One package being checked in a private folder: what it records, where
/// its files are copied, and the differences found so far.
struct Check<'a> {
    args: &'a VerifyArgs,
    caps: &'a Caps,
    recorded: &'a Manifest,
    recorded_bytes: &'a [u8],
    /// Where the run is laid out and re-run.
    work: &'a Path,
    /// Where the package's own reports are copied, to list changed findings.
    reports: &'a Path,
    /// The manifest's files by path.
    listed: BTreeMap<&'a str, &'a manifest::PackageFile>,
    diffs: &'a mut Diffs,
}

/// The package's files as read: each one's size and hash, and those that
/// could not be read.
struct Files {
    found: BTreeMap<String, Found>,
    unreadable: Vec<Unreadable>,
}

impl Files {
    fn unreadable(&self, path: &str) -> bool {
        self.unreadable.iter().any(|u| u.path == path)
    }
}

impl Check<'_> {
    fn run(&mut self, reader: &mut Reader, entries: &[String]) -> Result<(), Stop> {
        // 1. Every file against the manifest; inputs, policies and waivers copied out.
        let files = self.read_files(reader, entries)?;
        self.compare_files(&files);
        // 2. The inputs: those of the package, or the originals given with --inputs.
        let Some(recipe) = self.recipe()? else {
            return Ok(());
        };
        let inputs = self.check_inputs()?;
        // 3. The re-run, through the same code that made the package.
        self.rerun(&recipe, inputs, &files)
    }

    /// Hash every file but the manifest, copying out those the re-run reads
    /// (and the package's results.json).
    fn read_files(&self, reader: &mut Reader, entries: &[String]) -> Result<Files, Stop> {
        let mut files = Files {
            found: BTreeMap::new(),
            unreadable: Vec::new(),
        };
        for path in entries {
            // Neither can list itself: both are read and checked apart.
            if path == manifest::FILE || path == SIG_FILE {
                continue;
            }
            let entry = self.listed.get(path.as_str());
            let limit = entry.map_or(MAX_UNLISTED, |f| f.size);
            let copied = [INPUTS, POLICIES, WAIVERS, EXPECT, VALUES]
                .iter()
                .any(|d| path.starts_with(&format!("{d}/")));
            let what = match entry {
                Some(_) if copied => Use::Write(self.work.join(path)),
                // The package's own results.json, to list changed findings.
                Some(_) if path == RESULTS_JSON => Use::Write(self.reports.join(path)),
                // The previous package's side, which report.html compares with.
                Some(_) if path == PREVIOUS_JSON => Use::Write(self.work.join(path)),
                _ => Use::Hash,
            };
            match reader.read(path, limit, what) {
                Ok(f) => {
                    files.found.insert(path.clone(), f);
                }
                Err(ReadError::Entry(u)) => files.unreadable.push(u),
                Err(ReadError::TooLarge) => return Err(Stop::TooLarge),
            }
        }
        Ok(files)
    }

    /// Files unreadable, missing, changed or not listed.
    fn compare_files(&mut self, files: &Files) {
        for u in &files.unreadable {
            self.diffs.push(format!("{}: {}", u.path, u.reason));
        }
        for f in &self.recorded.files {
            match files.found.get(&f.path) {
                None if files.unreadable(&f.path) => {}
                None => self.diffs.push(format!(
                    "{}: missing (manifest.json lists it: {} bytes, sha256 {})",
                    f.path, f.size, f.sha256
                )),
                Some(x) if x.truncated || x.size != f.size || x.sha256 != f.sha256 => {
                    self.diffs.push(format!(
                        "{}: changed: manifest.json records {} bytes, sha256 {}; the file has {}{} bytes, sha256 {}",
                        f.path,
                        f.size,
                        f.sha256,
                        if x.truncated { "more than " } else { "" },
                        x.size,
                        if x.truncated { "(not computed)" } else { &x.sha256 },
                    ))
                }
                Some(_) => {}
            }
        }
        for (path, x) in &files.found {
            if !self.listed.contains_key(path.as_str()) {
                self.diffs.push(format!(
                    "{path}: extra: {}{} bytes, not listed in manifest.json",
                    if x.truncated { "more than " } else { "" },
                    x.size
                ));
            }
        }
    }

    /// What the re-run needs besides the files, with the inputs in place and
    /// the folders it expects made; `None` when it cannot be reproduced
    /// (a package without its inputs, and none given).
    fn recipe(&mut self) -> Result<Option<Recipe>, Stop> {
        let recorded = self.recorded;
        let mut recipe = Recipe {
            flags: recorded.flags.clone(),
            roots: recorded.roots.clone(),
            input_errors: recorded.input_errors.clone(),
        };
        if !recorded.inputs_included {
            if self.args.inputs.is_empty() {
                let names: Vec<&str> = recorded.roots.iter().map(|r| r.name.as_str()).collect();
                self.diffs.push(format!(
                    "cannot be reproduced: the package was made with --no-inputs; give the original inputs with --inputs, once for each of: {}",
                    names.join(", ")
                ));
                return Ok(None);
            }
            self.stage_given(&mut recipe)?;
            self.compare_given(&recipe);
        }
        // Every root folder and recorded policy path exists, though nothing
        // may have been copied into it.
        for r in &recipe.roots {
            if r.kind == "folder" {
                let _ = std::fs::create_dir_all(self.work.join(INPUTS).join(&r.name));
            }
        }
        for p in &recipe.flags.policy {
            if !self.work.join(p).exists() {
                let _ = std::fs::create_dir_all(self.work.join(p));
            }
        }
        Ok(Some(recipe))
    }

    /// Stage the inputs given with --inputs as the package's were, one for
    /// each recorded root, redacted with the package's key.
    fn stage_given(&self, recipe: &mut Recipe) -> Result<(), Stop> {
        let args = self.args;
        let recorded = self.recorded;
        if args.inputs.len() != recorded.roots.len() {
            let names: Vec<&str> = recorded.roots.iter().map(|r| r.name.as_str()).collect();
            return Err(Stop::Fatal(Fatal::flag(
                "--inputs",
                format!(
                    "the package was made from {} path{} ({}): give --inputs once for each, in that order",
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    names.join(", ")
                ),
            )));
        }
        let names = canonical_names(&args.inputs);
        let staged = stage_inputs(
            &args.inputs,
            &names,
            self.work,
            recorded.flags.waivers.is_none(),
            None,
        )?;
        recipe.roots = staged.roots;
        recipe.input_errors = staged.errors;
        if let Some(red) = &recorded.redaction {
            let key = args.redact_key.as_deref().unwrap_or(redact::DEFAULT_KEY);
            if redact::key_check(key) != red.key_check {
                return Err(Stop::Fatal(Fatal::flag(
                    "--redact-key",
                    if args.redact_key.is_some() {
                        "is not the key the package was redacted with".into()
                    } else {
                        "the package was redacted with a key of its own: give it with --redact-key or AGGREGO_REDACT_KEY".into()
                    },
                )));
            }
            let r = redact_tree(&self.work.join(INPUTS), key, &recipe.input_texts())?;
            recipe.redact_inputs(&r);
        }
        Ok(())
    }

    /// The given inputs' names, kinds and errors against the recorded ones.
    fn compare_given(&mut self, recipe: &Recipe) {
        let recorded = self.recorded;
        if recipe.roots != recorded.roots {
            let given: Vec<&str> = recipe.roots.iter().map(|r| r.name.as_str()).collect();
            let want: Vec<&str> = recorded.roots.iter().map(|r| r.name.as_str()).collect();
            self.diffs.push(format!(
                "--inputs: the given paths are named {} ({}); the package recorded {}",
                given.join(", "),
                recipe
                    .roots
                    .iter()
                    .map(|r| r.kind.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                want.join(", ")
            ));
        }
        if recipe.input_errors != recorded.input_errors {
            self.diffs.push(format!(
                "--inputs: reading the given inputs gives {} input error{}; the package recorded {}",
                recipe.input_errors.len(),
                if recipe.input_errors.len() == 1 { "" } else { "s" },
                recorded.input_errors.len()
            ));
        }
    }

    /// Hash the staged inputs and compare them with the recorded ones;
    /// returns the hashes for the re-run's manifest.
    fn check_inputs(&mut self) -> Result<Vec<manifest::Input>, Stop> {
        let recorded = self.recorded;
        let inputs = hash_inputs(self.work)?;
        // An input whose file entry says the same was compared as a file already.
        let recorded_inputs: Vec<manifest::Input> = recorded
            .inputs
            .iter()
            .filter(|i| {
                !recorded.inputs_included
                    || self
                        .listed
                        .get(format!("{INPUTS}/{}", i.name).as_str())
                        .is_none_or(|f| f.size != i.size || f.sha256 != i.sha256)
            })
            .cloned()
            .collect();
        let actual_inputs: Vec<manifest::Input> = inputs
            .iter()
            .filter(|i| {
                !recorded.inputs_included
                    || recorded_inputs.iter().any(|r| r.name == i.name)
                    || !recorded.inputs.iter().any(|r| r.name == i.name)
            })
            .cloned()
            .collect();
        compare_inputs(
            &recorded_inputs,
            &actual_inputs,
            recorded.inputs_included,
            self.diffs,
        );
        Ok(inputs)
    }

    /// Re-run the recorded policies on the inputs and compare what the run
    /// makes with what the package holds.
    fn rerun(
        &mut self,
        recipe: &Recipe,
        inputs: Vec<manifest::Input>,
        files: &Files,
    ) -> Result<(), Stop> {
        let outcome = match run(self.work, recipe, false, self.caps) {
            Ok(o) => o,
            Err(Fatal(errors)) => {
                for e in errors {
                    self.diffs.push(format!(
                        "cannot be reproduced: {}: {}",
                        e.location(&[]),
                        e.message.lines().next().unwrap_or("")
                    ));
                }
                return Ok(());
            }
        };
        // Before the given inputs are removed: the section reads them.
        let changes = self.changes(recipe, &outcome)?;
        if !self.recorded.inputs_included {
            let _ = std::fs::remove_dir_all(self.work.join(INPUTS));
        }
        let mut core = manifest_core(
            recipe,
            &outcome,
            inputs,
            self.recorded.inputs_included,
            self.recorded.redaction.clone(),
        );
        // The run cannot know who signed; the signature check holds this to
        // manifest.json.sig.
        core.signature = self.recorded.signature.clone();
        core.previous = self.recorded.previous.clone();
        let outs = write_outputs(&outcome, &core, changes.as_deref(), self.work)
            .map_err(|e| Fatal::file("verify", format!("cannot write the results: {e}")))?;
        for (name, size, sha) in &outs {
            self.compare_output(name, *size, sha, files);
        }
        let reproduced = finish_manifest(self.work, core)?;
        self.compare_listing(&reproduced, &outs, files);
        self.compare_manifest(&reproduced);
        Ok(())
    }

    /// The "Changes since …" section of a package made with --previous, from
    /// its `previous.json` (whose absence or change is a difference already).
    fn changes(
        &mut self,
        recipe: &Recipe,
        outcome: &super::Outcome,
    ) -> Result<Option<String>, Stop> {
        if self.recorded.previous.is_none() {
            return Ok(None);
        }
        match previous::recorded(self.work) {
            Ok(prev) => Ok(Some(previous::section(&prev, self.work, recipe, outcome)?)),
            Err(m) => {
                self.diffs.push(m);
                Ok(None)
            }
        }
    }

    /// One report of the re-run against the package's; for results.json, the
    /// findings that differ too.
    fn compare_output(&mut self, name: &str, size: u64, sha: &str, files: &Files) {
        match files.found.get(name) {
            Some(x) if x.sha256 == sha && !x.truncated => {}
            Some(x) => {
                self.diffs.push(format!(
                    "{name}: does not reproduce: re-running the recorded policies on the inputs gives {size} bytes, sha256 {sha}; the package's has {} bytes, sha256 {}",
                    x.size,
                    x.sha256
                ));
                let small =
                    |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_FINDINGS_DIFF);
                let (old, new) = (self.reports.join(name), self.work.join(name));
                if name == RESULTS_JSON && small(&old) && small(&new) {
                    if let (Ok(old), Ok(new)) = (std::fs::read(old), std::fs::read(new)) {
                        findings_diff(&old, &new, self.diffs);
                    }
                }
            }
            None => match self.listed.get(name) {
                // Its absence is listed above.
                Some(f) if f.sha256 == sha => {}
                Some(f) => self.diffs.push(format!(
                    "{name}: does not reproduce: re-running gives sha256 {sha}; manifest.json records {}",
                    f.sha256
                )),
                None if files.unreadable(name) => {}
                None => self.diffs.push(format!(
                    "{name}: missing: the re-run makes it ({size} bytes, sha256 {sha}); neither the package nor manifest.json has it"
                )),
            },
        }
    }

    /// Every file the re-run reads or makes is listed, and only those.
    fn compare_listing(
        &mut self,
        reproduced: &Manifest,
        outs: &[(&str, u64, String)],
        files: &Files,
    ) {
        let made: BTreeMap<&str, &manifest::PackageFile> = reproduced
            .files
            .iter()
            .map(|f| (f.path.as_str(), f))
            .collect();
        for f in &self.recorded.files {
            if !made.contains_key(f.path.as_str()) && files.found.contains_key(&f.path) {
                self.diffs.push(format!(
                    "{}: listed in manifest.json, but not a file the recorded run reads or makes",
                    f.path
                ));
            }
        }
        for path in made.keys() {
            if !self.listed.contains_key(path) && !outs.iter().any(|(n, _, _)| n == path) {
                self.diffs.push(format!(
                    "{path}: the recorded run reads it; manifest.json does not list it"
                ));
            }
        }
    }

    /// The recorded manifest against the re-run's, field by field.
    fn compare_manifest(&mut self, reproduced: &Manifest) {
        // Files and inputs were compared one by one above.
        let a = serde_json::to_value(self.recorded).unwrap_or(Value::Null);
        let b = serde_json::to_value(reproduced).unwrap_or(Value::Null);
        let mut lines = Vec::new();
        value_diff("", &a, &b, &mut lines);
        for l in lines {
            if l.starts_with("/files") || l.starts_with("/inputs/") || l.starts_with("/inputs:") {
                continue;
            }
            self.diffs.push(format!("manifest.json: {l}"));
        }
        // Whatever the checks above do not name: the manifest is the run's, byte
        // for byte, or the package is not intact.
        if self.diffs.list.is_empty()
            && self.diffs.more == 0
            && reproduced.to_bytes() != self.recorded_bytes
        {
            self.diffs.push(format!(
                "manifest.json: differs from the re-run's manifest (sha256 {}; the package's is {})",
                sha256_hex(&reproduced.to_bytes()),
                sha256_hex(self.recorded_bytes)
            ));
        }
    }
}

fn compare_inputs(
    recorded: &[manifest::Input],
    actual: &[manifest::Input],
    included: bool,
    diffs: &mut Diffs,
) {
    let want: BTreeMap<&str, &manifest::Input> =
        recorded.iter().map(|i| (i.name.as_str(), i)).collect();
    let have: BTreeMap<&str, &manifest::Input> =
        actual.iter().map(|i| (i.name.as_str(), i)).collect();
    let place = if included {
        "the package's"
    } else {
        "the given"
    };
    for (name, w) in &want {
        match have.get(name) {
            None => diffs.push(format!(
                "input {name}: manifest.json lists it ({} bytes, sha256 {}); {place} inputs do not have it",
                w.size, w.sha256
            )),
            Some(h) if h.size != w.size || h.sha256 != w.sha256 => diffs.push(format!(
                "input {name}: manifest.json records {} bytes, sha256 {}; {place} file has {} bytes, sha256 {}",
                w.size, w.sha256, h.size, h.sha256
            )),
            Some(_) => {}
        }
    }
    for (name, h) in &have {
        if !want.contains_key(name) {
            diffs.push(format!(
                "input {name}: {place} inputs have it ({} bytes), manifest.json does not list it",
                h.size
            ));
        }
    }
}

/// Findings (and errors) in one results.json and not the other.
fn findings_diff(packaged: &[u8], reproduced: &[u8], diffs: &mut Diffs) {
    let (Ok(a), Ok(b)) = (
        serde_json::from_slice::<Value>(packaged),
        serde_json::from_slice::<Value>(reproduced),
    ) else {
        diffs.push(format!("{RESULTS_JSON}: the package's is not valid JSON"));
        return;
    };
    for (key, what) in [("findings", "finding"), ("errors", "error")] {
        let count = |v: &Value| {
            let mut m: BTreeMap<String, i64> = BTreeMap::new();
            for f in v[key].as_array().map(|a| a.as_slice()).unwrap_or(&[]) {
                *m.entry(f.to_string()).or_default() += 1;
            }
            m
        };
        let (ca, cb) = (count(&a), count(&b));
        let mut listed = 0;
        let mut more = 0;
        for (side, x, y) in [
            ("only in the package", &ca, &cb),
            ("only in the re-run", &cb, &ca),
        ] {
            for (k, n) in x {
                let extra = n - y.get(k).copied().unwrap_or(0);
                for _ in 0..extra.max(0) {
                    if listed >= MAX_LISTED {
                        more += 1;
                        continue;
                    }
                    listed += 1;
                    let v: Value = serde_json::from_str(k).unwrap_or(Value::Null);
                    diffs.push(format!("{RESULTS_JSON}: {what} {side}: {}", describe(&v)));
                }
            }
        }
        if more > 0 {
            diffs.push(format!(
                "{RESULTS_JSON}: … and {more} more {what}s that differ"
            ));
        }
    }
}

fn describe(v: &Value) -> String {
    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
    let n = |k: &str| v[k].as_u64().map_or("?".into(), |n| n.to_string());
    let rule = s("rule_id");
    let head = if rule.is_empty() {
        format!("{}:{}:{}", s("file"), n("line"), n("column"))
    } else {
        format!("{rule} {}:{}:{}", s("file"), n("line"), n("column"))
    };
    let msg: String = s("message").chars().take(200).collect();
    format!("{head}: {}", msg.escape_debug())
}

/// JSON pointer paths where two values differ, with both values (shortened).
fn value_diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    if out.len() >= MAX_LISTED {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let p = format!("{path}/{k}");
                match y.get(k) {
                    Some(vb) => value_diff(&p, va, vb, out),
                    None => out.push(format!("{p}: recorded {}, reproduced nothing", short(va))),
                }
            }
            for (k, vb) in y {
                if !x.contains_key(k) {
                    out.push(format!(
                        "{path}/{k}: recorded nothing, reproduced {}",
                        short(vb)
                    ));
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                out.push(format!(
                    "{path}: recorded {} items, reproduced {}",
                    x.len(),
                    y.len()
                ));
            }
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                value_diff(&format!("{path}/{i}"), va, vb, out);
            }
        }
        _ if a != b => out.push(format!(
            "{path}: recorded {}, reproduced {}",
            short(a),
            short(b)
        )),
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}
