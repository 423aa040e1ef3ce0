//! The command line. The doc comments here are the `--help` text.

use crate::finding::Severity;
use crate::report::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Audit AWS Config configuration aggregators offline, with policies in Rego.
///
/// aggrego reads saved AWS CLI / boto3 output of `describe-configuration-aggregators` and
/// `describe-configuration-aggregator-sources-status`, and reports every source that is not
/// collecting data, with the file, line and column, the reason and the fix. No credentials,
/// no network.
#[derive(Debug, Parser)]
#[command(name = "aggrego", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and folders and report findings.
    ///
    /// Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 an input or
    /// policy error (the rest of the scan still runs and is reported).
    #[command(after_help = "Examples:
  aggrego scan snapshot/
  aggrego scan snapshot/ --format json --now 2026-11-23T15:00:00Z
  aggrego scan sources-status.json --aggregator org-aggregator --region us-east-1
  aggrego scan . --fail-on medium --format json --output aggrego.json")]
    Scan(ScanArgs),
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Files and folders to scan (folders recursively).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Snapshot time (RFC 3339). Default: the newest timestamp in the scanned
    /// snapshot, else the clock. The report states which was used.
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,

    /// Oldest allowed last update of a SUCCEEDED source (AGG006), e.g. 24h, 90m, 2d.
    #[arg(long, value_name = "DURATION", default_value = "24h")]
    pub max_age: String,

    /// Exit 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Low)]
    pub fail_on: FailOn,

    /// Aggregator that sources-status files belong to (they do not name it).
    #[arg(long, value_name = "NAME")]
    pub aggregator: Option<String>,

    /// Region of the aggregator when neither its ARN nor the path names one.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Colour in human output: auto uses it on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Low,
    Medium,
    High,
    Critical,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Low => Some(Severity::Low),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::High => Some(Severity::High),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
