//! The input model as a whole: what `input` holds for every policy. Every
//! collection but one is a type encoded by its own `Serialize` (the model's,
//! or for aggregators `encode::aggregator`'s); the source statuses are built
//! by hand for speed (docs/BENCHMARKS.md), and the types here document them. Together they give the
//! JSON Schema published in `docs/input.schema.json` (`aggrego inspect --schema`),
//! and a test checks that what `aggrego inspect` prints matches it.

use schemars::{JsonSchema, Schema};
use serde::Serialize;

pub use crate::model::InputKind;

/// A location id: findings return it as `loc`, and aggrego turns it back into
/// the file, line and column of the value (or of its definition when absent).
pub type Loc = u64;

/// `input`: everything the scan read, normalised across AWS CLI / boto3 output,
/// CloudFormation, Terraform and plans.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Aggregator definitions and describe entries, in file order.
    pub aggregators: Vec<super::aggregator::Aggregator<'static>>,
    /// Entries of saved `describe-configuration-aggregator-sources-status` outputs.
    pub source_statuses: Vec<SourceStatus>,
    /// Saved `describe-configuration-aggregators` outputs: which aggregators a region has.
    pub region_listings: Vec<crate::model::RegionListing>,
    /// Every saved API output file.
    pub snapshots: Vec<crate::model::Snapshot>,
    /// Accounts of `aws organizations list-accounts` outputs and `--expect-accounts`.
    pub accounts: Vec<crate::model::OrgAccount>,
    /// Regions of `aws account list-regions` / `aws ec2 describe-regions` outputs.
    pub regions: Vec<crate::model::RegionEntry>,
    /// Snapshot manifests (`manifest.json` of `aggrego collect-script`).
    pub manifests: Vec<crate::model::Manifest>,
    /// Per aggregator: who is expected to report where, and what its sources status shows.
    pub coverage: Vec<crate::resolve::coverage::Item>,
    /// Aggregator definitions recognised but not checked, and why (not
    /// created with the values given, made by a construct aggrego does not expand).
    pub unchecked: Vec<crate::model::Unchecked>,
    /// The variables and parameters of Terraform modules and CloudFormation
    /// templates that define aggregators: each value, and where it came from.
    pub variables: Vec<crate::model::Variable>,
    pub settings: crate::model::Settings,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceStatus {
    /// The aggregator the file belongs to (`--aggregator` or a matching file/folder name).
    pub aggregator: Option<String>,
    pub context: StatusContext,
    pub source_id: Option<String>,
    /// The source's account when it is one (`SourceId` of an ACCOUNT source).
    pub account: Option<String>,
    /// `ACCOUNT` or `ORGANIZATION`.
    pub source_type: Option<String>,
    pub region: Option<String>,
    /// `LastUpdateStatus`: `SUCCEEDED`, `FAILED`, `OUTDATED`, or as written.
    pub status: Option<String>,
    /// RFC 3339 UTC.
    pub updated_at: Option<String>,
    /// Nanoseconds since the epoch.
    pub updated_ns: Option<i64>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// Words for messages: `aggregator org: account 111122223333 in eu-west-1`.
    pub subject: String,
    /// `Code: message`, or words saying no error was reported.
    pub error_text: String,
    /// Snapshot time minus the last update, in nanoseconds.
    pub age_ns: Option<i64>,
    pub loc: Loc,
    pub status_loc: Loc,
    pub updated_loc: Loc,
}

/// The aggregator behind a sources-status file, for remediation commands.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusContext {
    pub aggregator: Option<String>,
    /// `flag`, `manifest` or `path`.
    pub aggregator_from: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
}

pub fn schema() -> Schema {
    schemars::schema_for!(Input)
}

/// The schema as published: pretty JSON.
pub fn schema_json() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default()
}
