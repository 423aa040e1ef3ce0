//! The input model as a whole: what `input` holds for every policy. Most
//! collections are the model's own types, encoded by their `Serialize`; the
//! aggregators, source statuses, coverage and settings are built for speed in
//! `encode`, and these types document them. Together they give the
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
    pub aggregators: Vec<Aggregator>,
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

/// A value read from a definition: whether it could be evaluated offline and
/// whether it was written or defaulted.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field<T> {
    /// The value; `null` when absent or unknown.
    pub value: Option<T>,
    /// False when the value exists only at deploy time (`!GetAtt`, `var.x`
    /// without a default, `(known after apply)`): never guess it.
    pub known: bool,
    /// True when the input writes the attribute; false when it is absent.
    pub explicit: bool,
    pub loc: Loc,
    /// For unknown values: the expression as written (`var.regions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expr: Option<String>,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aggregator {
    /// Unique within the scan: `file#address`.
    pub id: String,
    pub name: Field<String>,
    pub kind: InputKind,
    pub file: String,
    /// Where in the file: `ConfigurationAggregators[2]`, a logical id, a resource address.
    pub address: String,
    pub arn: Option<String>,
    /// The aggregator's own account, from its ARN.
    pub account: Option<String>,
    pub region: Option<String>,
    /// How the region was learnt: `arn`, `path` or `flag`.
    pub region_from: Option<String>,
    pub loc: Loc,
    /// Words for messages: `aggregator org`, `aws_config_configuration_aggregator.org (terraform)`.
    pub label: String,
    /// Attribute names as this input kind spells them, for messages.
    pub names: AttributeNames,
    pub account_sources: Vec<Source>,
    pub organization_source: Option<Source>,
    /// `account_sources` and `organization_source` together.
    pub sources: Vec<Source>,
    pub tags: Field<Vec<Tag>>,
    /// Values that decide a check but are not known offline, once each.
    pub unresolved: Vec<Unresolved>,
    /// The resource type as written (`AWS::Config::ConfigurationAggregator`,
    /// `aws_config_configuration_aggregator`, `awscc_config_configuration_aggregator`);
    /// null for API output.
    #[serde(rename = "type")]
    pub resource_type: Option<String>,
    /// The language it is written in, for fixes written in it: `hcl`, `yaml`
    /// or `json` (a CloudFormation template), or `api` (an API output).
    pub syntax: String,
    /// Whether the definition must name the aggregator: Terraform's `name`
    /// must be set; CloudFormation and the Cloud Control provider generate one.
    pub name_required: bool,
    /// False when the number of sources is not known offline (a `dynamic` block
    /// whose `for_each` is unknown): checks of how many sources there are are not made.
    pub sources_known: bool,
    /// For one of several readings of a definition (a condition not decidable
    /// offline): the assumptions of this reading, `condition IsOrg is false`.
    /// aggrego prefixes findings that hold only in some readings with them.
    /// Absent on a definition read one way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The address of another definition in the same template, or the same
    /// module and provider configuration, with the same name. Absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeNames {
    pub name: String,
    pub account_sources: String,
    pub organization_source: String,
    pub account_ids: String,
    pub all_regions: String,
    pub regions: String,
    pub role_arn: String,
    pub tags: String,
}

/// An account aggregation source or the organization aggregation source.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `AccountAggregationSources[0]`, `organization_aggregation_source`, …
    pub what: String,
    pub organization: bool,
    pub all_regions: Field<bool>,
    pub regions: Field<Vec<Field<String>>>,
    pub loc: Loc,
    /// Account sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<Field<Vec<Field<String>>>>,
    /// Organization source only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<Field<String>>,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub key: Field<String>,
    pub value: Field<String>,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unresolved {
    /// The model's name: `all_regions`, `regions`, `account_ids`, …
    pub key: String,
    /// The input's name: `AllAwsRegions`, `all_regions`, …
    pub attribute: String,
    pub expr: String,
    pub loc: Loc,
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
