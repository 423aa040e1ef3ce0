//! `aggrego baseline create`: scan, and record every finding not suppressed
//! in a baseline file (`suppress::baseline`), written atomically.

use crate::config::cli::{BaselineCreateArgs, BaselineSub};
use crate::config::ScanConfig;
use crate::diag::{Fatal, EXIT_CLEAN, EXIT_ERROR};
use crate::output::Output;
use crate::scan;
use std::io::Write;

pub fn run(sub: &BaselineSub) -> Result<u8, Fatal> {
    match sub {
        BaselineSub::Create(args) => create(args),
    }
}

fn create(args: &BaselineCreateArgs) -> Result<u8, Fatal> {
    let config = ScanConfig::from_args(&args.input, &args.policies, &args.rules);
    let shown = crate::load::source::display_path(&args.output);
    // The destination is checked before the scan, like a report's.
    let mut scan_args = crate::config::default_args();
    scan_args.input = args.input.clone();
    scan_args.policies = args.policies.clone();
    scan_args.rules = args.rules.clone();
    let inputs = crate::output::Inputs::of(&scan_args);
    let (mut out, _) =
        Output::create(&args.output, &inputs).map_err(|e| Fatal::output(&shown, e.to_string()))?;
    let (plan, mut options) = super::scan::plan(&config)?;
    options.progress = !args.no_progress;
    let result = scan::scan(&options, &plan.engine);
    let text =
        crate::suppress::baseline::write(&result.findings, &result.files, &result.now.rfc3339);
    out.writer()
        .and_then(|mut w| w.write_all(text.as_bytes()))
        .and_then(|_| out.commit())
        .map_err(|e| Fatal::output(&shown, format!("cannot write the baseline: {e}")))?;
    let mut err = std::io::stderr().lock();
    let _ = crate::report::compact::errors(&result, &mut err);
    let recorded = result.active().count();
    let _ = writeln!(
        err,
        "aggrego: {recorded} finding{} recorded in {}",
        crate::report::plural(recorded),
        crate::escape::clean_name(&shown)
    );
    Ok(if result.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}
