//! Reports: one module per format; nothing else writes the report.

pub mod human;
pub mod json;

use crate::scan::ScanResult;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, for people.
    Human,
    /// One JSON document, for machines (schema in the README).
    Json,
}

/// How a format wants to be written.
pub struct RenderOptions {
    pub color: bool,
    pub width: usize,
}

pub fn write(
    format: Format,
    result: &ScanResult,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(result, opts, out),
        Format::Json => json::write(result, out),
    }
}
