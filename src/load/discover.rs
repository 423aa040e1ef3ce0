//! Finding the files to audit: a sorted walk that skips tooling folders, stays
//! inside its root, and reads only files whose name suggests saved data.

use crate::diag::Diagnostic;
use crate::load::open::{io_reason, Root, Trust};
use crate::load::source::display_path;
use aho_corasick::AhoCorasick;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use walkdir::WalkDir;

/// Folders that hold tooling state, never inputs.
const SKIP_DIRS: &[&str] = &[".git", ".terraform", "node_modules", "target"];

/// File endings read during a walk; a file named on the command line is always read.
const EXTENSIONS: &[&str] = &[
    "json", "yaml", "yml", "txt", "text", "table", "out", "template", "tf", "tfvars",
];

/// Words every supported input contains; a file without any is not parsed.
const MENTIONS: &[&str] = &[
    "ConfigurationAggregator",
    "AggregatedSourceStatus",
    "aws_config_configuration_aggregator",
    "awscc_config_configuration_aggregator",
    // organizations list-accounts, account list-regions, ec2 describe-regions,
    // and a snapshot's manifest: who and where is expected to report.
    "JoinedMethod",
    "RegionOptStatus",
    "OptInStatus",
    "aggrego-snapshot/",
];

/// The mentions lower-cased, searched for in lower-cased text: the same
/// matches as an ASCII case-insensitive search, at a fraction of its cost (the
/// case-sensitive automaton can use its vectorised prefilter).
static PREFILTER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    // Leftmost-first lets the automaton use its vectorised multi-pattern
    // search (Teddy) rather than a rare-byte scan, which common letters defeat.
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(MENTIONS.iter().map(|m| m.to_ascii_lowercase()))
        .ok()
});

/// Does the content mention aggregator data at all? Case-insensitive, so the
/// CLI's `--output text` (`CONFIGURATIONAGGREGATORS`) is caught and explained.
pub fn mentions_aggregators(text: &[u8]) -> bool {
    const BLOCK: usize = 16 * 1024;
    let Some(ac) = PREFILTER.as_ref() else {
        return true;
    };
    // Blocks overlap by the longest mention less one, so a mention across a
    // boundary is found.
    let overlap = MENTIONS.iter().map(|m| m.len()).max().unwrap_or(1) - 1;
    let mut buf = Vec::with_capacity(BLOCK + overlap);
    let mut start = 0;
    while start < text.len() {
        let end = (start + BLOCK).min(text.len());
        let from = start.saturating_sub(overlap);
        buf.clear();
        buf.extend(text[from..end].iter().map(u8::to_ascii_lowercase));
        if ac.is_match(&buf) {
            return true;
        }
        start = end;
    }
    false
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line: parsed even without a mention, and an
    /// unrecognised one is an error rather than skipped.
    pub explicit: bool,
    /// Read only for the values it gives a named file (a `.tf` file of the
    /// named file's module): what it defines itself is not reported.
    pub sibling: bool,
}

pub fn discover(roots: &[PathBuf]) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        let meta = match std::fs::symlink_metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(Diagnostic::whole(
                    &display_path(root),
                    format!("cannot read: {}", io_reason(&e)),
                ));
                continue;
            }
        };
        let is_dir = meta.is_dir() || (meta.file_type().is_symlink() && root.is_dir());
        if !is_dir {
            if root.is_file() {
                out.push(Candidate {
                    path: root.clone(),
                    explicit: true,
                    sibling: false,
                });
                // A Terraform file is read with its module: the other `.tf` and
                // `.tfvars` files beside it define its variables.
                if crate::load::names::is_terraform(root) {
                    out.extend(module_siblings(root, &mut errors));
                }
            } else {
                errors.push(Diagnostic::whole(
                    &display_path(root),
                    "not a regular file or folder: skipped",
                ));
            }
            continue;
        }
        walk(root, &mut out, &mut errors);
    }
    out.sort();
    out.dedup_by(|a, b| {
        if a.path == b.path {
            b.explicit |= a.explicit;
            b.sibling &= a.sibling;
            true
        } else {
            false
        }
    });
    (out, errors)
}

fn walk(root: &Path, out: &mut Vec<Candidate>, errors: &mut Vec<Diagnostic>) {
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && e.file_name()
                        .to_str()
                        .is_some_and(|n| SKIP_DIRS.contains(&n)))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map_or_else(|| display_path(root), display_path);
                let reason = e.io_error().map_or_else(|| e.to_string(), io_reason);
                errors.push(Diagnostic::whole(&path, format!("cannot read: {reason}")));
                continue;
            }
        };
        let path = entry.path();
        let ft = entry.file_type();
        let is_file = if ft.is_symlink() {
            // Follow a link only to a file inside the scanned root; others are
            // passed over, as any file the walk does not read.
            crate::load::open::check(path, Trust::Within(root, Root::ScannedFolder)).is_ok()
        } else {
            ft.is_file()
        };
        // The waivers file configures the scan; it is not an input.
        let is_waivers =
            path.file_name().and_then(|n| n.to_str()) == Some(crate::load::names::WAIVERS_FILE);
        if !is_file || !has_input_extension(path) || (is_waivers && entry.depth() > 0) {
            continue;
        }
        out.push(Candidate {
            path: path.to_path_buf(),
            explicit: entry.depth() == 0,
            sibling: false,
        });
    }
}

fn module_siblings(file: &Path, errors: &mut Vec<Diagnostic>) -> Vec<Candidate> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| crate::load::names::is_terraform(p) && p.file_name() != file.file_name())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        // Keep the same spelling of the directory as the named file.
        let path = file.with_file_name(p.file_name().unwrap_or_default());
        // Found by convention, not named: only a file inside the module's folder.
        match crate::load::open::check(&p, Trust::Within(&dir, Root::ModuleFolder)) {
            Ok(_) => out.push(Candidate {
                path,
                explicit: false,
                sibling: true,
            }),
            Err(e @ crate::load::open::OpenError::Outside(_)) => {
                errors.push(Diagnostic::whole(&display_path(&path), e.to_string()));
            }
            Err(_) => {}
        }
    }
    out
}

fn has_input_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Would a walk of `root` read `path` (both canonical)? A report does not
/// replace a file the scan reads as input.
pub fn walk_reads(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts: Vec<_> = rel.components().collect();
    if parts.pop().is_none() {
        return false;
    }
    let skipped = parts.iter().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|n| SKIP_DIRS.contains(&n))
    });
    !skipped && has_input_extension(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_in_any_case_and_across_blocks() {
        // The same answer as an ASCII case-insensitive automaton, which it replaces.
        let reference = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(MENTIONS)
            .unwrap();
        let mut text = vec![b'x'; 16 * 1024 - 3];
        text.extend_from_slice(b"CONFIGURATIONaGgReGaToR");
        let mut samples: Vec<Vec<u8>> = vec![
            text,
            b"--output text: AGGREGATEDSOURCESTATUSLIST".to_vec(),
            b"aggregate of configuration, no mention".to_vec(),
            b"".to_vec(),
            "\u{e9}t\u{e9}: joinedMETHOD".as_bytes().to_vec(),
        ];
        for m in MENTIONS {
            let mut t = vec![b' '; 16 * 1024 - m.len() / 2];
            t.extend(m.bytes().map(|b| b.to_ascii_uppercase()));
            samples.push(t);
        }
        for t in &samples {
            assert_eq!(mentions_aggregators(t), reference.is_match(t));
        }
        assert!(mentions_aggregators(&samples[0]));
        assert!(!mentions_aggregators(&samples[2]));
    }
}
