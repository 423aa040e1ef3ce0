//! `--format compact`: one line per finding and error, as compilers and
//! cfn-lint print them (`file:line:col: severity RULE message`), then the
//! summary. Long runs stay readable and every line is a grep or editor jump.

use super::{hidden, summary, RenderOptions};
use crate::escape::clean_name;
use crate::scan::ScanResult;
use std::io::Write;

pub fn write(
    result: &ScanResult,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    if !opts.quiet {
        for f in result.active().filter(|f| f.severity >= opts.min_severity) {
            writeln!(
                w,
                "{}:{}:{}: {} {} {}",
                clean_name(&f.file),
                f.line,
                f.column,
                f.severity.as_str(),
                f.rule_id,
                clean_name(&f.message)
            )?;
        }
    }
    errors(result, &mut w)?;
    if let Some(note) = hidden(result, opts) {
        writeln!(w, "{note}")?;
    }
    writeln!(w, "{}", summary(result))?;
    w.flush()
}

/// Each input, policy or usage error on one line: `file:line:col: error message`.
pub fn errors(result: &ScanResult, w: &mut dyn Write) -> std::io::Result<()> {
    for e in &result.errors {
        let at = match e.position(&result.files) {
            Some(lc) => format!("{}:{}:{}", clean_name(&e.path), lc.line, lc.column),
            None => clean_name(&e.path),
        };
        writeln!(w, "{at}: error {}", clean_name(&e.message))?;
    }
    Ok(())
}
