//! Running a command: options checked first, then the scan, the report and the exit code.

pub mod collect;
pub mod inspect;
pub mod test;

use crate::config::cli::{ColorChoice, Command, EvidenceSub, FormatSpec, PolicyArgs, ScanArgs};
use crate::config::ScanConfig;
use crate::diag::{fatal, Fatal};
use crate::output::print_stdout;
use crate::output::Output;
use crate::policy::catalog;
use crate::policy::policyset::{self, PolicySet};
use crate::report::{self, Format, RenderOptions};
use crate::scan::Plan;
use crate::scan::{self, Options};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

/// Runs one subcommand: its exit code, or the problems that stopped it.
pub fn run(command: &Command) -> Result<u8, Fatal> {
    match command {
        Command::Scan(args) => scan(args),
        Command::Policies(args) => policies(args),
        Command::Explain(args) => explain(args),
        Command::CollectScript(args) => collect::run(args),
        Command::Completions(args) => completions(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Test(args) => test::run(args),
        Command::Evidence(cmd) => match &cmd.verify {
            Some(EvidenceSub::Verify(v)) => crate::evidence::verify(v),
            None => crate::evidence::create(&cmd.create),
        },
    }
}

/// The policy set from `--policy`, `--data`, `--no-builtin`, `--policy-timeout`.
pub fn policy_set(p: &PolicyArgs) -> Result<PolicySet, Fatal> {
    policyset::load(&policyset::Request {
        policy_paths: &p.policy,
        data_paths: &p.data,
        builtin: !p.no_builtin,
        timeout: p.policy_timeout,
    })
    .map_err(Fatal)
}

/// The scan's policies and options, from its configuration (`scan`, `inspect`).
pub fn plan(config: &ScanConfig) -> Result<(Plan, Options), Fatal> {
    let set = policyset::of_config(config).map_err(Fatal)?;
    let plan = Plan::new(set, config)?;
    let mut options = plan.options(config.clone());
    options.env_vars = crate::config::tf_env_vars();
    Ok((plan, options))
}

pub fn scan(args: &ScanArgs) -> Result<u8, Fatal> {
    let config = ScanConfig::from_args(&args.input, &args.policies, &args.rules);
    // Fail before scanning when a report cannot be written.
    let sinks = sinks(args)?;
    let (plan, mut options) = plan(&config)?;
    options.subjects = sinks.iter().any(|s| s.format == Format::Junit);
    options.progress = !args.no_progress;
    let result = scan::scan(&options, &plan.engine);
    let code = result.exit_code(config.fail_on, &plan.selection);

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
                };
                let stream = file.is_stream();
                let written = file
                    .writer()
                    .and_then(|mut w| report::write(format, &result, &opts, &mut w))
                    .and_then(|_| file.commit());
                match written {
                    Ok(()) => {}
                    // A reader that leaves a stream (`| head`) chose to.
                    Err(e) if stream && e.kind() == std::io::ErrorKind::BrokenPipe => {}
                    Err(e) => return Err(fatal(&display, format!("cannot write the report: {e}"))),
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
                };
                let mut lock = stdout.lock();
                match report::write(format, &result, &opts, &mut lock).and_then(|_| lock.flush()) {
                    Ok(()) => {}
                    // A closed pipe (`| head`) is the reader's choice, not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                    Err(e) => {
                        return Err(fatal("<stdout>", format!("cannot write the report: {e}")))
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
    // The process ends here: freeing hundreds of thousands of findings one by one
    // would only delay the exit.
    std::mem::forget(result);
    Ok(code)
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
            return Err(fatal(
                "--output",
                "give exactly one --format without `=FILE` for --output to write".into(),
            ));
        }
        for s in specs.iter_mut().filter(|s| s.file.is_none()) {
            s.file = Some(out.clone());
        }
    } else if unnamed > 1 {
        return Err(fatal(
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
                let (output, file) =
                    Output::create(path, &inputs).map_err(|e| fatal(&display, e.to_string()))?;
                // Streams may take several reports; a file keeps only the last.
                if let Some(file) = file {
                    if !replaced.insert(file) {
                        return Err(fatal(
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

/// `aggrego policies`: the catalogue, as a table or JSON.
pub fn policies(args: &crate::config::cli::PoliciesArgs) -> Result<u8, Fatal> {
    let rules = catalog::catalogue(&policy_set(&args.policies)?.policies);
    let mut out = String::new();
    match args.format {
        crate::config::cli::ListFormat::Json => {
            out = serde_json::to_string_pretty(&rules)
                .map_err(|e| fatal("<stdout>", e.to_string()))?;
            out.push('\n');
        }
        crate::config::cli::ListFormat::Text => {
            let width = rules
                .iter()
                .map(|r| r.title.chars().count())
                .max()
                .unwrap_or(5);
            out.push_str(&format!(
                "{:<7} {:<9} {:<width$}  INPUTS\n",
                "ID", "SEVERITY", "TITLE"
            ));
            for r in &rules {
                out.push_str(&format!(
                    "{:<7} {:<9} {:<width$}  {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.title,
                    r.inputs.join(", ")
                ));
            }
        }
    }
    print_stdout(&out)
}

/// `aggrego explain ID`: everything about one rule.
pub fn explain(args: &crate::config::cli::ExplainArgs) -> Result<u8, Fatal> {
    let rules = catalog::catalogue(&policy_set(&args.policies)?.policies);
    let Some(r) = rules
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(args.id.trim()))
    else {
        let ids: Vec<&str> = rules.iter().map(|r| &*r.id).collect();
        return Err(fatal(
            &args.id,
            format!("no such rule (known: {})", ids.join(", ")),
        ));
    };
    let out = match args.format {
        crate::config::cli::ListFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(r).map_err(|e| fatal("<stdout>", e.to_string()))?;
            s.push('\n');
            s
        }
        crate::config::cli::ListFormat::Text => {
            let mut s = format!(
                "{} — {}\nSeverity: {}\nInputs: {}\n",
                r.id,
                r.title,
                r.severity.as_str(),
                r.inputs.join(", ")
            );
            if let Some(c) = r.checks {
                s.push_str(&format!("Checks: each item of input.{}\n", c.as_str()));
            }
            s.push_str(&format!(
                "\n{}\n\nRemediation:\n{}\n",
                r.description,
                indent(&r.remediation)
            ));
            if !r.references.is_empty() {
                s.push_str("\nReferences:\n");
                for x in &r.references {
                    match &x.catalogue {
                        Some(c) => s.push_str(&format!("  {c}: {}\n", x.reference)),
                        None => s.push_str(&format!("  {}\n", x.reference)),
                    }
                }
            }
            s
        }
    };
    print_stdout(&out)
}

/// `aggrego completions SHELL`.
pub fn completions(args: &crate::config::cli::CompletionsArgs) -> Result<u8, Fatal> {
    use clap::CommandFactory;
    let mut cmd = crate::config::cli::Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "aggrego", &mut buf);
    print_stdout(&String::from_utf8_lossy(&buf))
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
