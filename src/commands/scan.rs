//! `aggrego scan`: the configuration, report destinations checked before the
//! scan, the scan, each report, and the exit code.

use crate::config::cli::{ColorChoice, FormatSpec, ScanArgs};
use crate::config::ScanConfig;
use crate::diag::Fatal;
use crate::output::Output;
use crate::policy::policyset;
use crate::report::{self, Format, RenderOptions};
use crate::scan::{self, Options, Plan};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

/// The scan's policies and options, from its configuration (`scan`, `inspect`).
pub fn plan(config: &ScanConfig) -> Result<(Plan, Options), Fatal> {
    let set = policyset::of_config(config).map_err(Fatal)?;
    let plan = Plan::new(set, config)?;
    let mut options = plan.options(config.clone());
    options.env_vars = crate::config::tf_env_vars();
    Ok((plan, options))
}

pub fn run(args: &ScanArgs) -> Result<u8, Fatal> {
    let config = ScanConfig {
        baseline: args.baseline.clone(),
        prepared_by: args.prepared_by.clone(),
        ..ScanConfig::from_args(&args.input, &args.policies, &args.rules)
    };
    // Fail before scanning when a report cannot be written.
    let sinks = sinks(args)?;
    let (plan, mut options) = plan(&config)?;
    options.progress = !args.no_progress;
    let result = scan::scan(&options, &plan.engine);
    let mut code = result.exit_code(config.fail_on, &plan.selection);
    let to_stdout = sinks.iter().any(|s| s.file.is_none());

    let trace = std::env::var_os("AGGREGO_TRACE").is_some();
    for sink in sinks {
        let t = std::time::Instant::now();
        let format = sink.format;
        match sink.file {
            Some(mut file) => {
                let display = file.display.clone();
                let opts = RenderOptions {
                    color: args.color == ColorChoice::Always,
                    width: 120,
                    ..report_options(args)
                };
                let stream = file.is_stream();
                let written = file
                    .writer()
                    .and_then(|mut w| report::write(format, &result, &opts, &mut w))
                    .and_then(|_| {
                        if format == Format::Junit {
                            junit_size_note(&display, file.written());
                        }
                        file.commit()
                    });
                match written {
                    Ok(()) => {}
                    // A reader that leaves a stream (`| head`) chose to.
                    Err(e) if stream && e.kind() == std::io::ErrorKind::BrokenPipe => {}
                    Err(e) => {
                        return Err(Fatal::output(
                            &display,
                            format!("cannot write the report: {e}"),
                        ))
                    }
                }
            }
            None => {
                let stdout = std::io::stdout();
                let to_terminal = stdout.is_terminal();
                let opts = RenderOptions {
                    color: match args.color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => {
                            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                        }
                    },
                    width: if to_terminal { terminal_width() } else { 120 },
                    ..report_options(args)
                };
                let mut lock = stdout.lock();
                match report::write(format, &result, &opts, &mut lock).and_then(|_| lock.flush()) {
                    Ok(()) => {}
                    // A closed pipe (`| head`) is the reader's choice, not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                    Err(e) => {
                        return Err(Fatal::output(
                            "<stdout>",
                            format!("cannot write the report: {e}"),
                        ))
                    }
                }
            }
        }
        if trace {
            eprintln!(
                "  {format:?} report written in {:.3}s",
                t.elapsed().as_secs_f64()
            );
        }
    }
    // Every report went to a file: the errors and the summary still reach the
    // person or CI log watching the run.
    if !to_stdout {
        let mut err = std::io::stderr().lock();
        let _ = report::compact::errors(&result, &mut err);
        let _ = writeln!(err, "{}", report::summary(&result));
    }
    if result.nothing_checked {
        let paths: Vec<String> = config
            .paths
            .iter()
            .map(|p| crate::load::source::display_path(p))
            .collect();
        let what = if args.fail_on_empty {
            "error"
        } else {
            "warning"
        };
        eprintln!(
            "aggrego: {what}: no aggregator data in {}: nothing was checked (saved AWS CLI output, a snapshot folder, CloudFormation or Terraform that defines an aggregator)",
            crate::escape::clean_name(&paths.join(" "))
        );
        if args.fail_on_empty {
            code = crate::diag::EXIT_ERROR;
        }
    }
    // The process ends here: freeing hundreds of thousands of findings one by one
    // would only delay the exit.
    std::mem::forget(result);
    Ok(code)
}

/// What the report flags ask of each format.
/// What the options ask of each format (`-q`, `--min-severity`, JUnit's and SARIF's own).
fn report_options(args: &ScanArgs) -> RenderOptions {
    RenderOptions {
        quiet: args.quiet,
        min_severity: args.min_severity.severity(),
        junit_failures_only: args.junit_failures_only,
        sarif: report::sarif::SarifOptions {
            max_results: args.sarif_max_results as usize,
            root: args.sarif_root.clone(),
            package: false,
        },
        ..RenderOptions::default()
    }
}

/// GitLab reads JUnit reports of at most 30 MiB: a note on standard error
/// before a report grows past it unnoticed.
fn junit_size_note(display: &str, size: Option<u64>) {
    if let Some(note) = junit_size_text(display, size) {
        eprintln!("{note}");
    }
}

/// The note, from 80% of GitLab's limit on.
fn junit_size_text(display: &str, size: Option<u64>) -> Option<String> {
    const GITLAB_LIMIT: u64 = 30 * 1024 * 1024;
    let size = size.filter(|s| *s > GITLAB_LIMIT * 8 / 10)?;
    Some(format!(
        "aggrego: note: {} is {:.1} MiB; GitLab reads JUnit reports of at most 30 MiB: --junit-failures-only keeps only the failing cases",
        crate::escape::clean_name(display),
        size as f64 / (1024.0 * 1024.0)
    ))
}

struct Sink {
    format: Format,
    file: Option<Output>,
}

/// One sink per `--format`; at most one writes to standard output.
fn sinks(args: &ScanArgs) -> Result<Vec<Sink>, Fatal> {
    let mut specs = args.format.clone();
    if specs.is_empty() {
        specs.push(FormatSpec {
            format: Format::Human,
            file: None,
        });
    }
    let unnamed = specs.iter().filter(|s| s.file.is_none()).count();
    if let Some(out) = &args.output {
        if unnamed != 1 {
            return Err(Fatal::flag(
                "--output",
                "give exactly one --format without `=FILE` for --output to write".into(),
            ));
        }
        for s in specs.iter_mut().filter(|s| s.file.is_none()) {
            s.file = Some(out.clone());
        }
    } else if unnamed > 1 {
        return Err(Fatal::flag(
            "--format",
            "only one report can go to standard output: give the others a file (`--format sarif=aggrego.sarif`)".into(),
        ));
    }
    let inputs = crate::output::Inputs::of(args);
    let mut replaced = BTreeSet::new();
    let mut out = Vec::new();
    for s in specs {
        let file = match &s.file {
            Some(path) => {
                let display = crate::load::source::display_path(path);
                let (output, file) = Output::create(path, &inputs)
                    .map_err(|e| Fatal::output(&display, e.to_string()))?;
                // Streams may take several reports; a file keeps only the last.
                if let Some(file) = file {
                    if !replaced.insert(file) {
                        return Err(Fatal::output(
                            &display,
                            "two reports would be written to the same file".into(),
                        ));
                    }
                }
                Some(output)
            }
            None => None,
        };
        out.push(Sink {
            format: s.format,
            file,
        });
    }
    Ok(out)
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    #[test]
    fn junit_size_note_from_eighty_percent_of_gitlabs_limit() {
        const MIB: u64 = 1024 * 1024;
        assert_eq!(super::junit_size_text("junit.xml", Some(24 * MIB)), None);
        assert_eq!(super::junit_size_text("junit.xml", None), None);
        let note = super::junit_size_text("junit.xml", Some(25 * MIB)).unwrap_or_default();
        assert!(
            note.starts_with("aggrego: note: junit.xml is 25.0 MiB;"),
            "{note}"
        );
    }
}
