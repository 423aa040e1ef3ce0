//! The normalised model: what every parser produces, whatever file it read.
//!
//! Parsers fill these types with byte spans; `encode` turns them into the
//! policies' `input` and a table that maps each `loc` id back to its span.

pub mod aws;
pub mod finding;
pub mod timestamp;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::timestamp::Instant;
use std::sync::Arc;

/// Index of a file in the scan's file list.
pub type FileId = u32;

/// A byte range in one scanned file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

/// The newtype names through which the model's own `Serialize` tells the
/// encoder (`encode::serde`) to turn a span into a `loc` id, a file id into
/// the file's name, and a JSON value into a regorus value.
pub const LOC_NEWTYPE: &str = "$aggrego::Loc";
pub const FILE_NEWTYPE: &str = "$aggrego::File";
pub const JSON_NEWTYPE: &str = "$aggrego::Json";
/// An unknown value's expression: the text at its span (or a note when there
/// is no text to quote), read by the encoder from the scanned file.
pub const EXPR_NEWTYPE: &str = "$aggrego::Expr";
/// A field of this name is not written: its value (a `Resource`) owns the
/// locs of the fields after it, to the end of its item (an item nested in
/// another that is about something else: a snapshot manifest's capture
/// failure, one expected account of an aggregator's coverage).
pub const OWNER_FIELD: &str = "$aggrego::owner";

/// In the policies' input a span is its `loc`: an id that findings return,
/// and that aggrego turns back into the file, line and column.
impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(LOC_NEWTYPE, &(self.file, self.start, self.end))
    }
}

impl JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Loc".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = <u64 as JsonSchema>::json_schema(generator);
        schema.insert(
            "description".into(),
            "A location id: findings return it as `loc`, and aggrego turns it back into the file, line and column of the value (or of its definition when absent).".into(),
        );
        schema
    }
}

/// A file id as the file's name (`#[serde(serialize_with)]`).
pub(crate) fn file_name<S: serde::Serializer>(id: &FileId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_newtype_struct(FILE_NEWTYPE, id)
}

/// An optional time in nanoseconds as RFC 3339 UTC text.
pub(crate) fn rfc3339<S: serde::Serializer>(ns: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    ns.map(|t| Instant::from_ns(t).rfc3339).serialize(s)
}

/// A JSON value as regorus reads JSON.
pub(crate) fn json<S: serde::Serializer>(
    v: &Option<serde_json::Value>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_newtype_struct(JSON_NEWTYPE, v),
        None => s.serialize_none(),
    }
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Span {
        Span {
            file,
            start: range.start.min(u32::MAX as usize) as u32,
            end: range.end.min(u32::MAX as usize) as u32,
        }
    }
}

/// A configurable value: present or not, resolvable offline or not, and where.
///
/// `explicit: false` means the source left it out and the AWS default applies;
/// `span` then points at the enclosing block. `known: false` means a value is
/// there but cannot be resolved offline (a reference, `(known after apply)`).
///
/// In the policies' input: `value`, `known`, `explicit`, `loc`, and `expr`
/// for an unknown value (see its `Serialize`).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A value read from a definition: whether it could be evaluated offline and whether it was written or defaulted."
)]
pub struct Field<T> {
    /// The value; `null` when absent or unknown.
    pub value: Option<T>,
    /// False when the value exists only at deploy time (`!GetAtt`, `var.x`
    /// without a default, `(known after apply)`): never guess it.
    pub known: bool,
    /// True when the input writes the attribute; false when it is absent.
    pub explicit: bool,
    #[serde(rename = "loc")]
    pub span: Span,
    /// For unknown values: the expression as written (`var.regions`).
    #[serde(rename = "expr", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub note: Option<&'static str>,
}

/// `expr` is written for unknown values only, and is the text at the span
/// (read by the encoder) unless a note stands for it.
impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Field", 4 + usize::from(!self.known))?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("known", &self.known)?;
        st.serialize_field("explicit", &self.explicit)?;
        st.serialize_field("loc", &self.span)?;
        if !self.known {
            st.serialize_field("expr", &self.expr())?;
        }
        st.end()
    }
}

/// The expression of an unknown value, as written at `span` or as `note`
/// says; the encoder quotes it (whitespace folded, 80 characters at most).
#[derive(Debug, Clone, Copy)]
pub struct Expr {
    pub span: Span,
    pub note: Option<&'static str>,
}

impl Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Span { file, start, end } = self.span;
        s.serialize_newtype_struct(EXPR_NEWTYPE, &(file, start, end, self.note))
    }
}

impl JsonSchema for Expr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expr".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as JsonSchema>::json_schema(generator)
    }
}

impl<T> Field<T> {
    /// The expression an unknown value stands for.
    pub fn expr(&self) -> Expr {
        Expr {
            span: self.span,
            note: self.note,
        }
    }
    pub fn given(value: T, span: Span) -> Self {
        Field {
            value: Some(value),
            known: true,
            explicit: true,
            span,
            note: None,
        }
    }
    pub fn missing(enclosing: Span) -> Self {
        Field {
            value: None,
            known: true,
            explicit: false,
            span: enclosing,
            note: None,
        }
    }
    pub fn unknown(span: Span) -> Self {
        Field {
            value: None,
            known: false,
            explicit: true,
            span,
            note: None,
        }
    }
    /// Unknown, described by `note` rather than by the text at `span`.
    pub fn unknown_as(span: Span, note: &'static str) -> Self {
        Field {
            note: Some(note),
            ..Field::unknown(span)
        }
    }
}

#[derive(Debug, Clone)]
pub struct AccountSource {
    pub account_ids: Field<Vec<Field<String>>>,
    pub all_regions: Field<bool>,
    pub regions: Field<Vec<Field<String>>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct OrganizationSource {
    pub role_arn: Field<String>,
    pub all_regions: Field<bool>,
    pub regions: Field<Vec<Field<String>>>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub key: Field<String>,
    pub value: Field<String>,
}

/// The kind of input a value was read from, named as policies (`inputs`,
/// `input.aggregators[].kind`) and reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    AwsCli,
    Cloudformation,
    Terraform,
    TerraformPlan,
}

impl InputKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            InputKind::AwsCli => "aws-cli",
            InputKind::Cloudformation => "cloudformation",
            InputKind::Terraform => "terraform",
            InputKind::TerraformPlan => "terraform-plan",
        }
    }
}

impl std::fmt::Display for InputKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the scan learnt a region or an aggregator a file does not state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Learnt {
    /// From the aggregator's ARN.
    Arn,
    /// From the file's path (`us-east-1/…`).
    Path,
    /// From a flag (`--region`, `--aggregator`).
    Flag,
    /// From a snapshot manifest.
    Manifest,
}

impl Learnt {
    pub const fn as_str(self) -> &'static str {
        match self {
            Learnt::Arn => "arn",
            Learnt::Path => "path",
            Learnt::Flag => "flag",
            Learnt::Manifest => "manifest",
        }
    }
}

/// Where the scan's "now" came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NowSource {
    /// `--now`.
    Flag,
    /// The capture time of a snapshot manifest.
    Manifest,
    /// The newest timestamp in the inputs.
    Snapshot,
    /// The clock: the inputs hold no timestamp.
    Clock,
}

impl NowSource {
    pub const fn as_str(self) -> &'static str {
        match self {
            NowSource::Flag => "flag",
            NowSource::Manifest => "manifest",
            NowSource::Snapshot => "snapshot",
            NowSource::Clock => "clock",
        }
    }
}

/// Where a list of who or where is expected to report came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Listed {
    /// `--expect-accounts`, `--expect-regions`.
    Flag,
    /// An `aws organizations list-accounts` output.
    Organizations,
    /// An `aws account list-regions` or `aws ec2 describe-regions` output.
    RegionList,
    /// The regions a snapshot manifest captured.
    Manifest,
    /// The aggregator's own definition.
    Definition,
    /// What the aggregator's sources status reports.
    Observed,
}

impl Listed {
    pub const fn as_str(self) -> &'static str {
        match self {
            Listed::Flag => "flag",
            Listed::Organizations => "organizations",
            Listed::RegionList => "region-list",
            Listed::Manifest => "manifest",
            Listed::Definition => "definition",
            Listed::Observed => "observed",
        }
    }
}

/// One aggregator definition or describe entry.
#[derive(Debug, Clone)]
pub struct Aggregator {
    pub name: Field<String>,
    /// The input kind it came from.
    pub kind: InputKind,
    pub file: FileId,
    /// Where in the file: `ConfigurationAggregators[2]`, a logical id, a resource address.
    pub address: String,
    pub arn: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    /// How the region was learnt: `arn`, `path` or `flag`.
    pub region_from: Option<Learnt>,
    pub account_sources: Vec<AccountSource>,
    pub organization_source: Option<OrganizationSource>,
    pub tags: Field<Vec<Tag>>,
    pub span: Span,
    /// The whole definition (block, resource, object): what a finding inside it is about.
    pub extent: Span,
    /// Suppressions written on the resource (CloudFormation `Metadata.aggrego.ignore`).
    pub ignores: Vec<Ignore>,
    /// The resource type as written; `None` for API output.
    pub resource_type: Option<&'static str>,
    /// How its input spells the attributes.
    pub dialect: Dialect,
    /// Whether the definition must name the aggregator (Terraform's `name`);
    /// CloudFormation and the Cloud Control provider generate a name when none is given.
    pub name_required: bool,
    /// False when how many sources there are is not known offline (a `dynamic`
    /// block whose `for_each` is unknown): checks of the sources' number are not made.
    pub sources_known: bool,
    /// The branch of a definition that conditions undecidable offline split.
    pub variant: Option<Arc<Variant>>,
    /// Another definition in the same template, or the same module and provider,
    /// with the same name: both cannot be created.
    pub duplicate_of: Option<String>,
}

/// The attribute names of an input kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// The API, the CLI and CloudFormation: `AllAwsRegions`, `AccountAggregationSources`.
    #[default]
    Aws,
    /// Terraform's `aws` provider: `all_regions`, `account_aggregation_source` blocks.
    TerraformAws,
    /// Terraform's Cloud Control provider (`awscc`): `all_aws_regions`,
    /// `account_aggregation_sources` objects.
    TerraformAwscc,
}

/// A key of an undecided test, and whether it is an equality `X == literal`
/// (`(X, literal)`): one X equals at most one literal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Test {
    /// The test as words: `condition IsOrg`, `var.create`.
    pub key: String,
    pub equality: Option<(String, String)>,
}

pub type Assumptions = Vec<(Test, bool)>;

/// One reading of a definition, under assumptions about what cannot be decided
/// offline (a CloudFormation condition, a Terraform conditional's test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Assumptions, in words, each with the value assumed: (`condition IsOrg`, false).
    pub assumptions: Vec<(String, bool)>,
    /// The tests assumed, for telling whether two readings can hold together:
    /// one set, or several when readings that differ only in tests this
    /// definition does not use were made one (it holds under any of them).
    pub tests: Vec<Assumptions>,
    /// The assumptions of the other readings, in which the definition is not
    /// created: a finding of every reading that is created still holds only
    /// under the assumptions that create it.
    pub absent: Vec<Vec<(String, bool)>>,
}

impl Variant {
    /// `condition IsOrg is false and var.x is true`.
    pub fn words(&self) -> String {
        words(&self.assumptions)
    }
}

/// Assumptions in words: `condition IsOrg is false`, `var.create is true`,
/// and for an equality `var.mode is "org"` / `var.mode is not "org"`.
pub fn words(assumptions: &[(String, bool)]) -> String {
    assumptions
        .iter()
        .map(|(k, v)| match k.split_once(" == ") {
            Some((x, lit)) if *v => format!("{x} is {lit}"),
            Some((x, lit)) => format!("{x} is not {lit}"),
            None => format!("{k} is {v}"),
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A definition aggrego recognises but does not check, and why.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Unchecked {
    #[serde(serialize_with = "file_name")]
    #[schemars(with = "String")]
    pub file: FileId,
    /// A logical id or resource address.
    pub address: String,
    /// `AWS::Config::ConfigurationAggregator`, `aws_config_configuration_aggregator`, …
    #[serde(rename = "type")]
    pub resource_type: &'static str,
    pub kind: InputKind,
    /// Why it is not checked: `not created with these values: count = … is 0`.
    pub reason: String,
    #[serde(rename = "loc")]
    pub span: Span,
}

/// A Terraform variable or CloudFormation parameter of a module or template
/// with an aggregator: its value, and where the value came from.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Variable {
    pub kind: InputKind,
    /// The template file, or the module's folder.
    pub scope: String,
    pub name: String,
    /// The value, when known offline.
    #[serde(serialize_with = "json")]
    pub value: Option<serde_json::Value>,
    /// Whether `value` is known offline.
    pub known: bool,
    /// `default`, `terraform.tfvars`, `x.auto.tfvars`, `TF_VAR_name`, `--var`,
    /// `--var-file FILE`, `--parameter`, `--parameter-file FILE`; null without a value.
    pub from: Option<String>,
    /// Where the value is written; null when it came from a flag or the environment.
    #[serde(rename = "loc")]
    pub span: Option<Span>,
}

impl Aggregator {
    /// Unique within the scan: `file#address` (readings of one definition share it).
    pub fn id(&self, file_names: &[&str]) -> String {
        format!(
            "{}#{}",
            file_names.get(self.file as usize).map_or("", |s| s),
            self.address
        )
    }
}

/// One suppression entry on a resource: the rules it accepts and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub ids: Vec<String>,
    pub reason: String,
    pub span: Span,
}

/// One entry of `describe-configuration-aggregator-sources-status`. Strings are
/// shared (`Arc<str>`): exports repeat the same few regions, statuses and errors.
#[derive(Debug, Clone)]
pub struct SourceStatus {
    /// The aggregator the status belongs to, shared by every status of a file.
    pub context: Arc<StatusContext>,
    pub source_id: Option<Arc<str>>,
    pub source_type: Option<Arc<str>>,
    pub region: Option<Arc<str>>,
    pub status: Option<Arc<str>>,
    /// Last update, nanoseconds since the epoch (UTC).
    pub updated_ns: Option<i64>,
    pub error_code: Option<Arc<str>>,
    pub error_message: Option<Arc<str>>,
    pub span: Span,
    pub status_span: Span,
    pub updated_span: Span,
}

/// The aggregator a sources-status file belongs to: one per file, shared by
/// each of its statuses (an export holds hundreds of thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StatusContext {
    pub aggregator: Option<Arc<str>>,
    /// How the aggregator was learnt: `flag`, `manifest` or `path`.
    pub aggregator_from: Option<Learnt>,
    /// The aggregator's own account and region, for remediation commands.
    pub account: Option<Arc<str>>,
    pub region: Option<Arc<str>>,
}

impl SourceStatus {
    /// The aggregator the status belongs to, when known.
    pub fn aggregator(&self) -> Option<&Arc<str>> {
        self.context.aggregator.as_ref()
    }

    /// Words for messages: `aggregator org: account 111122223333 in eu-west-1`.
    pub fn subject(&self) -> String {
        let id = self.source_id.as_deref().unwrap_or("unknown");
        let what = match self.source_type.as_deref() {
            Some("ACCOUNT") => "account",
            Some("ORGANIZATION") => "organization",
            _ => "source",
        };
        let region = self.region.as_deref().unwrap_or("an unknown region");
        match self.aggregator() {
            Some(a) => format!("aggregator {a}: {what} {id} in {region}"),
            None => format!("{what} {id} in {region}"),
        }
    }

    /// `Code: message`, or words saying no error was reported.
    pub fn error_text(&self) -> String {
        match (&self.error_code, &self.error_message) {
            (Some(c), Some(m)) if !m.is_empty() => format!("{c}: {m}"),
            (Some(c), _) => c.to_string(),
            (None, Some(m)) if !m.is_empty() => m.to_string(),
            _ => "No error code reported.".to_string(),
        }
    }
}

/// One `describe-configuration-aggregators` output: which aggregators a region has.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RegionListing {
    pub region: Option<String>,
    /// How the region was learnt.
    pub region_from: Option<Learnt>,
    pub aggregator_names: Vec<String>,
    /// False when the output is one page of several.
    pub complete: bool,
    #[serde(rename = "loc")]
    pub span: Span,
}

/// One saved API output file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Snapshot {
    #[serde(serialize_with = "file_name")]
    #[schemars(with = "String")]
    pub file: FileId,
    /// The API call: `describe-configuration-aggregators`, …
    pub kind: &'static str,
    pub next_token: Option<String>,
    #[serde(rename = "loc")]
    pub span: Span,
}

/// One account of `aws organizations list-accounts`, or of an `--expect-accounts` list.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Account")]
pub struct OrgAccount {
    /// The 12-digit account ID.
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    /// `State` (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED), else `Status`.
    pub status: Option<String>,
    /// Expected to report: ACTIVE, or listed without a status.
    pub active: bool,
    #[serde(rename = "joined_at", serialize_with = "rfc3339")]
    #[schemars(with = "Option<String>")]
    pub joined_ns: Option<i64>,
    /// `organizations` (list-accounts output) or `flag` (`--expect-accounts`).
    pub from: Listed,
    #[serde(rename = "loc")]
    pub span: Span,
}

impl OrgAccount {
    /// Expected to report: active, or of unknown status in a plain list.
    pub fn is_active(status: Option<&str>) -> bool {
        status.is_none_or(|s| s == "ACTIVE")
    }
}

/// One region of `aws account list-regions` or `aws ec2 describe-regions`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Region")]
pub struct RegionEntry {
    pub region: String,
    /// Enabled for the account (`ENABLED`, `ENABLED_BY_DEFAULT`, `opt-in-not-required`, `opted-in`).
    pub enabled: bool,
    /// `RegionOptStatus` or `OptInStatus` as written.
    pub status: Option<String>,
    /// `account list-regions` or `ec2 describe-regions`.
    pub from: &'static str,
    #[serde(rename = "loc")]
    pub span: Span,
}

/// The `manifest.json` of a snapshot folder written by `aggrego collect-script`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Manifest {
    #[serde(serialize_with = "file_name")]
    #[schemars(with = "String")]
    pub file: FileId,
    /// The folder the manifest's paths are relative to.
    #[serde(skip)]
    pub dir: std::path::PathBuf,
    /// When the capture started, RFC 3339 UTC.
    #[serde(rename = "captured_at", serialize_with = "rfc3339")]
    #[schemars(with = "Option<String>")]
    pub captured_ns: Option<i64>,
    pub caller_account: Option<String>,
    /// `caller.arn`: who captured it. Reported as provenance, not judged, so
    /// not part of the policies' input.
    #[serde(skip)]
    pub caller_arn: Option<String>,
    /// `generator`: what wrote the snapshot (`aggrego collect-script 0.1.0 (bash)`);
    /// provenance only, as `caller_arn`.
    #[serde(skip)]
    pub generator: Option<String>,
    pub cli_version: Option<String>,
    /// The regions captured.
    pub regions: Vec<String>,
    /// `account list-regions`, `ec2 describe-regions` or `--regions`.
    pub region_source: Option<String>,
    pub files: Vec<ManifestFile>,
    /// Listed files not found beside the manifest (filled in by the scan).
    pub missing: Vec<ManifestFile>,
    /// Listed files that are symlinks to outside the manifest's folder: not
    /// read (filled in by the scan).
    pub refused: Vec<ManifestFile>,
    /// Calls that failed during the capture.
    pub failures: Vec<ManifestFailure>,
    #[serde(rename = "loc")]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ManifestFile {
    /// Relative to the manifest's folder.
    pub path: String,
    pub command: Option<String>,
    pub region: Option<String>,
    pub aggregator: Option<String>,
    #[serde(rename = "loc")]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ManifestFailure {
    /// What a finding at `loc` is about: the failed call's aggregator and region.
    #[serde(rename = "$aggrego::owner")]
    #[schemars(skip)]
    pub owner: finding::Resource,
    /// `organizations list-accounts`, `configservice describe-configuration-aggregator-sources-status`, …
    pub command: String,
    /// The call whose output stood in for this one (`ec2 describe-regions`): nothing is missing.
    pub fallback: Option<String>,
    pub region: Option<String>,
    pub aggregator: Option<String>,
    pub exit_code: Option<i64>,
    /// What the AWS CLI printed.
    pub message: String,
    #[serde(rename = "loc")]
    pub span: Span,
}

#[derive(Debug, Default, Clone)]
pub struct Inventory {
    pub aggregators: Vec<Aggregator>,
    pub unchecked: Vec<Unchecked>,
    pub variables: Vec<Variable>,
    pub source_statuses: Vec<SourceStatus>,
    pub region_listings: Vec<RegionListing>,
    pub snapshots: Vec<Snapshot>,
    pub accounts: Vec<OrgAccount>,
    pub regions: Vec<RegionEntry>,
    pub manifests: Vec<Manifest>,
}

/// Scan-wide settings, `input.settings`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Settings {
    /// The snapshot time, RFC 3339 UTC (`--now`, else the newest timestamp in the inputs).
    pub now: String,
    pub now_ns: i64,
    /// Where the snapshot time came from.
    pub now_source: NowSource,
    /// `--max-age`.
    pub max_age_ns: i64,
    pub max_age_hours: f64,
    /// Regions expected to report: `--expect-regions`, the enabled regions of a region list, or a manifest's regions.
    pub expected_regions: Vec<String>,
    /// Accounts expected to report: `--expect-accounts`, or the ACTIVE accounts of list-accounts outputs.
    pub expected_accounts: Vec<String>,
    /// Where the expected regions came from, or null when nothing says.
    pub expected_regions_from: Option<Listed>,
    /// Where the expected accounts came from, or null when nothing says.
    pub expected_accounts_from: Option<Listed>,
    /// `--aggregator-in-every-region`: a region aggregated only from another
    /// region is a finding at AGG002's own severity, not info.
    pub aggregator_in_every_region: bool,
}

impl Settings {
    /// Settings at `now` with `--max-age` `max_age_ns`, nothing expected.
    pub fn new(now: &Instant, now_source: NowSource, max_age_ns: i64) -> Settings {
        Settings {
            now: now.rfc3339.clone(),
            now_ns: now.ns,
            now_source,
            max_age_ns,
            max_age_hours: max_age_ns as f64 / 3.6e12,
            expected_regions: Vec::new(),
            expected_accounts: Vec::new(),
            expected_regions_from: None,
            expected_accounts_from: None,
            aggregator_in_every_region: false,
        }
    }
}

impl Inventory {
    pub fn append(&mut self, mut other: Inventory) {
        // Taking the other's list when this one is empty saves copying a large export.
        if self.source_statuses.is_empty() {
            std::mem::swap(&mut self.source_statuses, &mut other.source_statuses);
        }
        self.aggregators.append(&mut other.aggregators);
        self.unchecked.append(&mut other.unchecked);
        self.variables.append(&mut other.variables);
        self.source_statuses.append(&mut other.source_statuses);
        self.region_listings.append(&mut other.region_listings);
        self.snapshots.append(&mut other.snapshots);
        self.accounts.append(&mut other.accounts);
        self.regions.append(&mut other.regions);
        self.manifests.append(&mut other.manifests);
    }

    /// Every timestamp the snapshot holds, for the default "now".
    pub fn newest_timestamp(&self) -> Option<i64> {
        self.source_statuses
            .iter()
            .filter_map(|s| s.updated_ns)
            .max()
    }
}
