//! Running a command: options checked first, then the scan, the report and the exit code.

pub mod collect;
pub mod inspect;
pub mod test;

use crate::config::cli::{
    ColorChoice, Command, EvidenceSub, FormatSpec, InputArgs, PolicyArgs, ScanArgs,
};
use crate::diag::Diagnostic;
use crate::model::timestamp;
use crate::output::Output;
use crate::policy::catalog;
use crate::policy::engine::Engine;
use crate::policy::policyset::{self, PolicySet};
use crate::report::{self, Format, RenderOptions};
use crate::scan::{self, Options};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

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

/// A problem that stops the command before scanning (bad flag, broken policy).
#[derive(Debug)]
pub struct Fatal(pub Vec<Diagnostic>);

/// Scan options from the input flags (shared by `scan` and `inspect`).
pub fn input_options(input: &InputArgs) -> Result<Options, Fatal> {
    let now = match &input.now {
        Some(s) => Some(timestamp::parse(s).ok_or_else(|| {
            fatal(
                "--now",
                format!("`{s}` is not an RFC 3339 time (e.g. 2026-11-23T15:00:00Z)"),
            )
        })?),
        None => None,
    };
    let max_age = humantime::parse_duration(&input.max_age).map_err(|e| {
        fatal(
            "--max-age",
            format!("`{}`: {e} (e.g. 24h, 90m, 2d)", input.max_age),
        )
    })?;
    let max_file_size: bytesize::ByteSize = input.max_file_size.parse().map_err(|e| {
        fatal(
            "--max-file-size",
            format!("`{}`: {e} (e.g. 512MiB, 2GB)", input.max_file_size),
        )
    })?;
    let mut expect_regions = Vec::new();
    for r in &input.expect_regions {
        let r = r.trim();
        if r.is_empty() {
            continue;
        }
        if !crate::resolve::context::is_region_code(r) {
            return Err(fatal(
                "--expect-regions",
                format!("`{r}` is not an AWS region code (e.g. us-east-1, eu-west-1)"),
            ));
        }
        expect_regions.push(r.to_string());
    }
    Ok(Options {
        aggregator_in_every_region: input.aggregator_in_every_region,
        skip_unrecognised: input.skip_unrecognised,
        given: crate::scan::GivenValues {
            parameters: input.parameter.clone(),
            parameter_files: input.parameter_file.clone(),
            vars: input.var.clone(),
            var_files: input.var_file.clone(),
            env_vars: Vec::new(),
        },
        expect_accounts: input.expect_accounts.clone(),
        expect_regions,
        limits: crate::scan::Limits {
            max_file_size: max_file_size.as_u64(),
            max_files: input.max_files,
            items: crate::input::ItemLimits {
                aggregators: input.max_aggregators_per_file,
                items: input.max_items_per_file,
            },
            max_findings_per_rule: input.max_findings_per_rule,
            max_errors_per_file: input.max_errors_per_file,
        },
        paths: input.paths.clone(),
        aggregator: input.aggregator.clone(),
        region: input.region.clone(),
        now,
        max_age_ns: i64::try_from(max_age.as_nanos()).unwrap_or(i64::MAX),
        ..Options::default()
    })
}

/// `TF_VAR_NAME` environment variables, as Terraform reads them (`scan` and
/// `inspect`; an evidence package records values given with flags only).
pub fn tf_env_vars() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| {
            let name = k.to_str()?.strip_prefix("TF_VAR_")?.to_string();
            Some((name, v.into_string().ok()?))
        })
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.sort();
    out
}

pub fn duration(flag: &str, value: &str) -> Result<std::time::Duration, Fatal> {
    humantime::parse_duration(value)
        .map_err(|e| fatal(flag, format!("`{value}`: {e} (e.g. 30s, 2m)")))
}

/// The policy set from `--policy`, `--data`, `--no-builtin`, `--policy-timeout`.
pub fn policy_set(p: &PolicyArgs) -> Result<PolicySet, Fatal> {
    policyset::load(&policyset::Request {
        policy_paths: &p.policy,
        data_paths: &p.data,
        builtin: !p.no_builtin,
        timeout: duration("--policy-timeout", &p.policy_timeout)?,
    })
    .map_err(Fatal)
}

pub fn scan(args: &ScanArgs) -> Result<u8, Fatal> {
    let mut options = input_options(&args.input)?;
    options.given.env_vars = tf_env_vars();
    let set = policy_set(&args.policies)?;
    let mut catalogue = catalog::catalogue(&set.policies);
    let known: BTreeSet<String> = catalogue.iter().map(|r| r.id.to_string()).collect();
    let selection = Selection::new(&args.rules, &known)?;
    let policies: Vec<_> = set
        .policies
        .into_iter()
        .filter(|p| selection.runs(p.id()))
        .collect();
    catalogue.retain(|r| r.checks.is_none() && selection.runs(&r.id));

    // Fail before scanning when a report cannot be written.
    let sinks = sinks(args)?;
    let engine = Engine::with(policies, &set.extras).map_err(Fatal)?;
    options.waivers = args.rules.waivers.clone();
    options.known_ids = known;
    options.own_rules = Some(catalogue);
    options.subjects = sinks.iter().any(|s| s.format == Format::Junit);
    options.progress = !args.no_progress;
    let result = scan::scan(&options, &engine);

    let code = exit_code(&result, args.rules.fail_on, &selection);

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

/// 2 on any error, else 1 when an unsuppressed finding reaches the threshold or
/// is of a `--fail-on-rule` rule, else 0.
pub fn exit_code(
    result: &scan::ScanResult,
    fail_on: crate::config::cli::FailOn,
    selection: &Selection,
) -> u8 {
    if !result.errors.is_empty() {
        return EXIT_ERROR;
    }
    let threshold = fail_on.threshold();
    let fails = result.active().any(|f| {
        threshold.is_some_and(|t| f.severity >= t) || selection.fail_on.contains(&*f.rule_id)
    });
    if fails {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Which rules run, and which fail the run whatever their severity.
pub struct Selection {
    pub only: BTreeSet<String>,
    pub skip: BTreeSet<String>,
    pub fail_on: BTreeSet<String>,
}

impl Selection {
    pub fn new(
        args: &crate::config::cli::RuleArgs,
        known: &BTreeSet<String>,
    ) -> Result<Selection, Fatal> {
        let check = |flag: &str, ids: &[String]| -> Result<BTreeSet<String>, Fatal> {
            let mut out = BTreeSet::new();
            for id in ids {
                let id = id.trim();
                if id.is_empty() {
                    continue;
                }
                match known.iter().find(|k| k.eq_ignore_ascii_case(id)) {
                    Some(k) => {
                        out.insert(k.clone());
                    }
                    None => {
                        return Err(fatal(
                            flag,
                            format!(
                                "unknown rule `{id}` (known: {})",
                                known.iter().cloned().collect::<Vec<_>>().join(", ")
                            ),
                        ))
                    }
                }
            }
            Ok(out)
        };
        Ok(Selection {
            only: check("--only-rule", &args.only_rule)?,
            skip: check("--skip-rule", &args.skip_rule)?,
            fail_on: check("--fail-on-rule", &args.fail_on_rule)?,
        })
    }

    pub fn runs(&self, id: &str) -> bool {
        (self.only.is_empty() || self.only.contains(id)) && !self.skip.contains(id)
    }
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

pub fn fatal(what: &str, message: String) -> Fatal {
    Fatal(vec![Diagnostic::whole(what, message)])
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

// Evidence packages stage their temporaries through the same interrupt handling.
pub use crate::output::interrupt::{
    install_handler as install_interrupt_handler, pending, EXIT_INTERRUPTED,
};

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

pub fn print_stdout(s: &str) -> Result<u8, Fatal> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(EXIT_CLEAN),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_CLEAN),
        Err(e) => Err(fatal("<stdout>", format!("cannot write: {e}"))),
    }
}
