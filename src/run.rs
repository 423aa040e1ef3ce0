//! Running a command: options checked first, then the scan, the report and the exit code.

use crate::cli::{ColorChoice, ScanArgs};
use crate::diag::ScanError;
use crate::engine::Engine;
use crate::report::{self, RenderOptions};
use crate::scan::{self, Options};
use crate::{policy, timestamp};
use std::io::{IsTerminal, Write};
use std::path::Path;

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// A problem that stops the command before scanning (bad flag, broken policy).
#[derive(Debug)]
pub struct Fatal(pub Vec<ScanError>);

pub fn scan(args: &ScanArgs) -> Result<u8, Fatal> {
    let now = match &args.now {
        Some(s) => Some(timestamp::parse(s).ok_or_else(|| {
            fatal(
                "--now",
                format!("`{s}` is not an RFC 3339 time (e.g. 2026-11-23T15:00:00Z)"),
            )
        })?),
        None => None,
    };
    let max_age = humantime::parse_duration(&args.max_age).map_err(|e| {
        fatal(
            "--max-age",
            format!("`{}`: {e} (e.g. 24h, 90m, 2d)", args.max_age),
        )
    })?;
    let max_age_ns = i64::try_from(max_age.as_nanos()).unwrap_or(i64::MAX);

    // Fail before scanning when the report cannot be written.
    let sink = match &args.output {
        Some(path) => Some(OutputFile::create(path)?),
        None => None,
    };

    let policies = policy::builtin_policies().map_err(|e| Fatal(vec![e]))?;
    let engine = Engine::new(policies).map_err(Fatal)?;
    let result = scan::scan(
        &Options {
            paths: args.paths.clone(),
            aggregator: args.aggregator.clone(),
            region: args.region.clone(),
            now,
            max_age_ns,
        },
        &engine,
    );

    let to_terminal = sink.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let opts = RenderOptions {
        color,
        width: if to_terminal { terminal_width() } else { 120 },
    };

    let code = if !result.errors.is_empty() {
        EXIT_ERROR
    } else if let Some(t) = args.fail_on.threshold() {
        if result.findings.iter().any(|f| f.severity >= t) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    } else {
        EXIT_CLEAN
    };

    let t = std::time::Instant::now();
    let trace = std::env::var_os("AGGREGO_TRACE").is_some();
    match sink {
        Some(mut file) => {
            let display = file.display.clone();
            report::write(args.format, &result, &opts, file.writer())
                .and_then(|_| file.commit())
                .map_err(|e| fatal(&display, format!("cannot write the report: {e}")))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            match report::write(args.format, &result, &opts, &mut lock).and_then(|_| lock.flush()) {
                Ok(()) => {}
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => return Err(fatal("<stdout>", format!("cannot write the report: {e}"))),
            }
        }
    }
    if trace {
        eprintln!("  report written in {:.3}s", t.elapsed().as_secs_f64());
    }
    // The process ends here: freeing hundreds of thousands of findings one by one
    // would only delay the exit.
    std::mem::forget(result);
    Ok(code)
}

fn fatal(what: &str, message: String) -> Fatal {
    Fatal(vec![ScanError::whole(what, message)])
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

/// A report file written beside its destination and renamed into place, so
/// readers never see half a report.
struct OutputFile {
    tmp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
    display: String,
}

impl OutputFile {
    fn create(path: &Path) -> Result<OutputFile, Fatal> {
        let display = crate::source::display_path(path);
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".aggrego-report-")
            .tempfile_in(&dir)
            .map_err(|e| fatal(&display, format!("cannot write the report there: {e}")))?;
        Ok(OutputFile {
            tmp,
            path: path.to_path_buf(),
            display,
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        self.tmp.as_file_mut()
    }

    fn commit(self) -> std::io::Result<()> {
        self.tmp.as_file().sync_all()?;
        self.tmp
            .persist(&self.path)
            .map(|_| ())
            .map_err(|e| e.error)
    }
}
