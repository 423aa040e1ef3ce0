//! `aggrego config`: the options a scan with these arguments would run with,
//! as a configuration file would write them, each with where it came from.

use crate::config::cli::Cli;
use crate::config::file::Provenance;
use crate::diag::Fatal;
use crate::output::print_stdout;
use clap::parser::ValueSource;
use clap::CommandFactory;

/// Not options of a scan.
const SKIPPED: [&str; 4] = ["help", "version", "config", "no_config"];

pub fn run(p: &Provenance) -> Result<u8, Fatal> {
    let matches = Cli::command()
        .try_get_matches_from(&p.args)
        .map_err(|e| Fatal::flag("config", e.to_string()))?;
    let Some((name, sub)) = matches.subcommand() else {
        return Err(Fatal::flag("config", "no command".into()));
    };
    let cmd = Cli::command();
    let Some(command) = cmd.find_subcommand(name) else {
        return Err(Fatal::flag("config", format!("no command {name}")));
    };
    let mut out = match &p.file {
        Some(f) => format!("# configuration file: {f}\n"),
        None => format!(
            "# no configuration file ({} here or in a folder above)\n",
            crate::config::file::FILE_NAME
        ),
    };
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if SKIPPED.contains(&id) {
            continue;
        }
        let Some(raw) = sub.get_raw(id) else { continue };
        let values: Vec<String> = raw
            .map(|v| serde_json::to_string(&v.to_string_lossy()).unwrap_or_default())
            .collect();
        let from_file = p.keys.iter().find(|k| k.0 == id && !k.3);
        let source = match (sub.value_source(id), from_file, &p.file) {
            (Some(ValueSource::CommandLine), Some((_, line, column, _)), Some(f)) => {
                format!("{f}:{line}:{column}")
            }
            (Some(ValueSource::CommandLine), _, _) => "command line".to_string(),
            (Some(ValueSource::EnvVariable), _, _) => "environment".to_string(),
            _ => "default".to_string(),
        };
        let key = arg.get_long().unwrap_or(id);
        let value = match (values.len(), arg.get_action()) {
            (1, clap::ArgAction::SetTrue) => raw_text(&values[0]),
            (1, clap::ArgAction::Set) => values[0].clone(),
            _ => format!("[{}]", values.join(", ")),
        };
        out.push_str(&format!(
            "{key}: {value}  # {}\n",
            crate::escape::clean_name(&source)
        ));
    }
    print_stdout(&out)
}

/// A JSON-quoted word as YAML writes it bare (`true`, `false`).
fn raw_text(quoted: &str) -> String {
    quoted.trim_matches('"').to_string()
}
