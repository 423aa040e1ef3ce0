//! `evidence --previous PACKAGE`: a package that shows what changed since
//! the previous one. The previous package is read as `aggrego diff` reads it,
//! its side of the comparison is stored as `previous.json` and its
//! manifest.json's SHA-256 recorded (`manifest.previous`), so the chain can
//! be checked, and `evidence verify` renders the same section again from
//! `previous.json` without the previous package.

use super::manifest::{Previous, Redaction};
use super::side::{self, Loaded};
use super::{prepare, Outcome, Recipe, PREVIOUS_JSON};
use crate::diag::Fatal;
use crate::load::source::display_path;
use crate::report::diff::{self, Side};
use std::path::Path;

/// What a package made with `--previous` adds: the record and the section.
pub struct Changes {
    pub record: Previous,
    pub html: String,
}

/// Read the previous package, store its side in `dir`, and compare it with
/// this run. A redacted package compares only with one redacted with the
/// same key (pseudonyms of other keys, or none, would not match).
pub fn stage(
    previous: &Path,
    dir: &Path,
    recipe: &Recipe,
    outcome: &Outcome,
    redaction: Option<&Redaction>,
) -> Result<Changes, Fatal> {
    let shown = display_path(previous);
    let Loaded {
        side: mut prev,
        manifest_sha256,
        redaction: prev_redaction,
    } = side::read(previous)?;
    let Some(manifest_sha256) = manifest_sha256 else {
        return Err(Fatal::flag(
            "--previous",
            format!("{shown} is a JSON report: give the previous evidence package (a folder or .zip file)"),
        ));
    };
    match (redaction, &prev_redaction) {
        (None, None) => {}
        (Some(a), Some(b)) if a.key_check == b.key_check => {}
        (Some(_), Some(_)) => {
            return Err(Fatal::flag(
                "--previous",
                format!("{shown} was redacted with another key: its pseudonyms cannot be compared with this package's"),
            ))
        }
        (Some(_), None) => {
            return Err(Fatal::flag(
                "--previous",
                format!("{shown} is not redacted: a redacted package compares only with one made with --redact and the same key"),
            ))
        }
        (None, Some(_)) => {
            return Err(Fatal::flag(
                "--previous",
                format!("{shown} is redacted: give this package --redact with the same key to compare them"),
            ))
        }
    }
    // Names that do not depend on where the packages lie.
    prev.name = "the previous package".into();
    let mut text = serde_json::to_vec_pretty(&prev)
        .map_err(|e| Fatal::file(PREVIOUS_JSON, format!("cannot write: {e}")))?;
    text.push(b'\n');
    std::fs::write(dir.join(PREVIOUS_JSON), text)
        .map_err(|e| Fatal::file(PREVIOUS_JSON, format!("cannot write: {e}")))?;
    let html = section(&prev, dir, recipe, outcome)?;
    Ok(Changes {
        record: Previous {
            manifest_sha256,
            now: prev.now.clone(),
        },
        html,
    })
}

/// The "Changes since …" section of report.html: `prev` against this run of
/// the package folder `dir`.
pub fn section(
    prev: &Side,
    dir: &Path,
    recipe: &Recipe,
    outcome: &Outcome,
) -> Result<String, Fatal> {
    let current = current(dir, recipe, outcome)?;
    let d = diff::compare(prev, &current);
    Ok(diff::html::section(
        &d,
        &format!("Changes since {}", prev.now),
    ))
}

/// This run as a side: its results.json as `diff` reads a package's (the
/// scope is the report's), the source statuses from its inputs.
fn current(dir: &Path, recipe: &Recipe, outcome: &Outcome) -> Result<Side, Fatal> {
    let mut json = Vec::new();
    crate::report::json::write(&outcome.result, &mut json)
        .map_err(|e| Fatal::file(PREVIOUS_JSON, format!("cannot compare: {e}")))?;
    let roots = super::manifest::folder_names(&recipe.roots);
    let mut current =
        diff::read::report("this package", &json, Some(&roots)).map_err(|d| Fatal(vec![d]))?;
    current.kind = "package".into();
    // The package being made or verified: its own bounds (verify's caps
    // applied to the run already).
    let prepared = prepare(dir, recipe, &super::Caps::NONE);
    current.statuses = Ok(side::statuses_of(&prepared.inventory));
    Ok(current)
}

/// The recorded previous side of a package being verified (`previous.json`
/// in `dir`), or why it cannot be read.
pub fn recorded(dir: &Path) -> Result<Side, String> {
    let bytes = std::fs::read(dir.join(PREVIOUS_JSON))
        .map_err(|e| format!("{PREVIOUS_JSON}: cannot read: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{PREVIOUS_JSON}: not readable: {e}"))
}
