//! `.aggrego.yaml`: the options of `aggrego scan` in a file, found upward from
//! the working directory (or named by `--config`), so a repository states them
//! once. Its keys are the long flag names (`fail-on`, `format`, `paths`, …) and
//! its values what the flags take; a flag given on the command line overrides
//! its key. The file becomes command-line arguments before clap parses them,
//! so each value goes through the flag's own parser and means exactly what
//! the flag means; every problem is located at its key or value.

use crate::config::cli::Cli;
use crate::diag::{Diagnostic, Fatal};
use crate::input::yaml::{from_yaml, yaml_depth_ok, N, V};
use clap::parser::ValueSource;
use clap::{ArgAction, CommandFactory};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The file looked for in the working directory and each folder above it.
pub const FILE_NAME: &str = ".aggrego.yaml";

/// Larger configuration files are refused unread.
const MAX_SIZE: u64 = 1 << 20;

/// The commands a configuration file applies to.
const COMMANDS: [&str; 2] = ["scan", "config"];

/// Keys whose values are paths: relative ones are relative to the file's
/// folder, wherever aggrego runs. (`format`'s `=FILE` too.)
const PATH_KEYS: [&str; 9] = [
    "paths",
    "policy",
    "data",
    "waivers",
    "expect-accounts",
    "parameter-file",
    "var-file",
    "output",
    "baseline",
];

/// Keys that are not options of the scan.
const NOT_KEYS: [&str; 4] = ["config", "no-config", "help", "version"];

/// Where each option of a run came from, for `aggrego config`.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The configuration file read, as shown.
    pub file: Option<String>,
    /// Keys of the file: (flag id, line, column, overridden by the command line).
    pub keys: Vec<(String, usize, usize, bool)>,
    /// The arguments as parsed, the file's included.
    pub args: Vec<OsString>,
}

/// One key of the file as arguments.
struct Entry {
    id: String,
    args: Vec<OsString>,
    line: usize,
    column: usize,
}

/// The command line with the configuration file's options added where the
/// command line does not give them. A command line clap cannot parse is
/// returned as it is, for clap to report.
pub fn apply(raw: Vec<OsString>) -> Result<Provenance, Fatal> {
    let unchanged = |raw: Vec<OsString>| Provenance {
        args: raw,
        ..Provenance::default()
    };
    let Ok(matches) = Cli::command().try_get_matches_from(&raw) else {
        return Ok(unchanged(raw));
    };
    let Some((name, sub)) = matches.subcommand() else {
        return Ok(unchanged(raw));
    };
    if !COMMANDS.contains(&name) {
        return Ok(unchanged(raw));
    }
    // The file, and its folder as seen from here.
    let (path, base) = match sub.get_one::<PathBuf>("config") {
        Some(p) => (
            p.clone(),
            p.parent().map(Path::to_path_buf).unwrap_or_default(),
        ),
        None if sub.get_flag("no_config") => return Ok(unchanged(raw)),
        None => match std::env::current_dir().ok().and_then(|d| find_up(&d)) {
            Some(found) => found,
            None => return Ok(unchanged(raw)),
        },
    };
    let shown = crate::load::source::display_path(&path);
    let entries = read(&path, &shown, name, &base)?;
    let mut injected = Vec::new();
    let mut keys = Vec::new();
    for e in entries {
        let overridden = sub.value_source(&e.id) == Some(ValueSource::CommandLine);
        if !overridden {
            injected.extend(e.args);
        }
        keys.push((e.id, e.line, e.column, overridden));
    }
    // Right after the subcommand's name: the command line's own arguments
    // (a `--` and the positionals after it included) keep their meaning.
    let at = raw
        .iter()
        .position(|a| a.to_str() == Some(name))
        .map_or(raw.len(), |i| i + 1);
    let mut args = raw;
    args.splice(at..at, injected);
    Ok(Provenance {
        file: Some(shown),
        keys,
        args,
    })
}

/// The nearest `.aggrego.yaml` in `dir` or a folder above it, and that
/// folder relative to `dir` (`""`, `".."`, `"../.."`).
pub fn find_up(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut up = PathBuf::new();
    for d in dir.ancestors() {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some((up.join(FILE_NAME), up));
        }
        up.push("..");
    }
    None
}

/// A path of the file, as seen from the working directory. A file that
/// comes with a repository may name only what lies inside its own folder: no
/// absolute path and no `..`, so it cannot make aggrego read or write
/// elsewhere (docs/HARDENING.md).
fn rebase(base: &Path, value: String) -> Result<String, String> {
    let p = Path::new(&value);
    let escapes = p.is_absolute()
        || p.has_root()
        || p.components().any(|c| {
            matches!(
                c,
                std::path::Component::ParentDir | std::path::Component::Prefix(_)
            )
        });
    if escapes {
        return Err(format!(
            "`{value}`: paths in a configuration file stay inside its folder (no absolute path, no `..`); give such a path as a flag"
        ));
    }
    if base.as_os_str().is_empty() {
        return Ok(value);
    }
    Ok(base.join(p).to_string_lossy().into_owned())
}

/// The file's keys as arguments of `command`, each checked by clap alone.
fn read(path: &Path, shown: &str, command: &str, base: &Path) -> Result<Vec<Entry>, Fatal> {
    let size = std::fs::metadata(path)
        .map_err(|e| Fatal::flag("--config", format!("{shown}: cannot read: {e}")))?
        .len();
    if size > MAX_SIZE {
        return Err(Fatal::file(
            shown,
            format!("{size} bytes: a configuration file is at most {MAX_SIZE}"),
        ));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fatal::file(shown, format!("cannot read: {e}")))?;
    let at = |offset: usize, message: String| {
        let (line, column) = line_column(&text, offset);
        let source = text.lines().nth(line - 1).unwrap_or_default();
        let snippet = format!(
            "{line:>4} | {}\n     | {}^",
            crate::escape::clean_name(source),
            " ".repeat(column - 1)
        );
        Fatal(vec![Diagnostic::text(
            shown, line, column, snippet, message,
        )])
    };
    yaml_depth_ok(&text, 16).map_err(|(offset, m)| at(offset, m))?;
    let root = from_yaml(&text).map_err(|(offset, m)| at(offset, format!("not YAML: {m}")))?;
    let map =
        match &root.v {
            V::Map(m) => m,
            V::Null => return Ok(Vec::new()),
            _ => return Err(at(
                root.span.start,
                "a configuration file is a mapping of option names to values (`fail-on: medium`)"
                    .into(),
            )),
        };
    let cmd = Cli::command();
    let scan = cmd
        .find_subcommand(command)
        .ok_or_else(|| Fatal::file(shown, format!("no command {command}")))?;
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (key, key_span, value) in map {
        let arg = scan.get_arguments().find(|a| {
            let name = a.get_long().unwrap_or_else(|| a.get_id().as_str());
            name == key && !NOT_KEYS.contains(&name)
        });
        let Some(arg) = arg else {
            let close = scan
                .get_arguments()
                .filter_map(|a| a.get_long())
                .find(|l| l.replace('-', "_") == key.replace('-', "_"));
            let hint = close.map_or(String::new(), |c| format!(" (did you mean `{c}`?)"));
            errors.push(at(
                key_span.start,
                format!("unknown key `{key}`{hint}: keys are the long flag names of `aggrego {command}` (`fail-on`, `format`, `paths`, …)"),
            ));
            continue;
        };
        if !seen.insert(key.as_str()) {
            errors.push(at(key_span.start, format!("`{key}` is given twice")));
            continue;
        }
        let (line, column) = line_column(&text, key_span.start);
        let flag = arg.get_long().map(|l| format!("--{l}"));
        let relocate = |v: String| -> Result<String, String> {
            if key == "output" {
                destination(base, v)
            } else if PATH_KEYS.contains(&key.as_str()) {
                rebase(base, v)
            } else if key == "format" {
                match v.split_once('=') {
                    Some((f, file)) => Ok(format!("{f}={}", destination(base, file.to_string())?)),
                    None => Ok(v),
                }
            } else {
                Ok(v)
            }
        };
        let args = match arguments(arg.get_action(), flag.as_deref(), key, value, &relocate) {
            Ok(a) => a,
            Err((offset, m)) => {
                errors.push(at(offset, m));
                continue;
            }
        };
        // The flag's own parser: a value means what it means on the command line.
        let mut check: Vec<OsString> = vec!["aggrego".into(), command.into()];
        check.extend(args.iter().cloned());
        if let Err(e) = Cli::command().try_get_matches_from(check) {
            let message = e.kind().as_str().unwrap_or("invalid value").to_string();
            let detail = e
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            errors.push(at(
                value.span.start,
                format!(
                    "`{key}`: {}",
                    if detail.is_empty() { message } else { detail }
                ),
            ));
            continue;
        }
        entries.push(Entry {
            id: arg.get_id().to_string(),
            args,
            line,
            column,
        });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(Fatal(errors.into_iter().flat_map(|f| f.0).collect()))
    }
}

/// A key's value as command-line arguments: a switch is `true` or `false`,
/// an option one value, a repeatable option one value or a list.
fn arguments(
    action: &ArgAction,
    flag: Option<&str>,
    key: &str,
    value: &N,
    relocate: &dyn Fn(String) -> Result<String, String>,
) -> Result<Vec<OsString>, (usize, String)> {
    let scalar = |n: &N| -> Result<String, (usize, String)> {
        match &n.v {
            V::Str(s) | V::Num(s) => relocate(s.clone()).map_err(|m| (n.span.start, m)),
            V::Bool(b) => Ok(b.to_string()),
            _ => Err((n.span.start, format!("`{key}` takes a single value here"))),
        }
    };
    let with_flag = |v: String| -> Vec<OsString> {
        match flag {
            Some(f) => vec![f.into(), v.into()],
            // A positional (`paths`).
            None => vec![v.into()],
        }
    };
    match action {
        ArgAction::SetTrue | ArgAction::SetFalse => match &value.v {
            V::Bool(true) => Ok(flag.map(|f| vec![f.into()]).unwrap_or_default()),
            V::Bool(false) => Ok(Vec::new()),
            _ => Err((value.span.start, format!("`{key}` is true or false"))),
        },
        ArgAction::Append => {
            let items: Vec<&N> = match &value.v {
                V::Seq(items) => items.iter().collect(),
                _ => vec![value],
            };
            let mut out = Vec::new();
            for item in items {
                out.extend(with_flag(scalar(item)?));
            }
            Ok(out)
        }
        ArgAction::Set => {
            if flag.is_none() {
                // `paths`: one or a list, each a positional.
                let items: Vec<&N> = match &value.v {
                    V::Seq(items) => items.iter().collect(),
                    _ => vec![value],
                };
                return items
                    .into_iter()
                    .map(|n| scalar(n).map(OsString::from))
                    .collect();
            }
            Ok(with_flag(scalar(value)?))
        }
        _ => Err((value.span.start, format!("`{key}` cannot be set in a file"))),
    }
}

/// A report destination the file names: inside its folder, and not a
/// symbolic link (which a repository could point anywhere).
fn destination(base: &Path, value: String) -> Result<String, String> {
    let path = rebase(base, value.clone())?;
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => Err(format!(
            "`{value}` is a symbolic link: a configuration file writes reports to regular files only"
        )),
        _ => Ok(path),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
