//! An aggregator as the policies see it: the model's definition with the
//! words and facts policies need beside it (an id, a label, the attribute
//! names of its input kind, the language for fixes, the values not known
//! offline). This type is `input.aggregators[]`: it derives the schema and
//! is encoded by its `Serialize`, like the model's other collections.

use crate::model::{
    AccountSource, Aggregator as Definition, Dialect, Expr, Field, FileId, InputKind, Learnt,
    OrganizationSource, Span, Tag,
};
use schemars::JsonSchema;
use serde::Serialize;

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aggregator<'a> {
    /// Unique within the scan: `file#address`.
    pub id: String,
    pub name: &'a Field<String>,
    pub kind: InputKind,
    #[serde(serialize_with = "crate::model::file_name")]
    #[schemars(with = "String")]
    pub file: FileId,
    /// Where in the file: `ConfigurationAggregators[2]`, a logical id, a resource address.
    pub address: &'a str,
    pub arn: Option<&'a str>,
    /// The aggregator's own account, from its ARN.
    pub account: Option<&'a str>,
    pub region: Option<&'a str>,
    /// How the region was learnt: `arn`, `path` or `flag`.
    pub region_from: Option<Learnt>,
    pub loc: Span,
    /// Attribute names as this input kind spells them, for messages.
    pub names: Names,
    /// The resource type as written (`AWS::Config::ConfigurationAggregator`,
    /// `aws_config_configuration_aggregator`, `awscc_config_configuration_aggregator`);
    /// null for API output.
    #[serde(rename = "type")]
    pub resource_type: Option<&'static str>,
    /// The language it is written in, for fixes written in it: `hcl`, `yaml`
    /// or `json` (a CloudFormation template), or `api` (an API output).
    pub syntax: &'static str,
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
    pub duplicate_of: Option<&'a str>,
    /// Words for messages: `aggregator org`, `aws_config_configuration_aggregator.org (terraform)`.
    pub label: String,
    pub account_sources: Vec<Source<'a>>,
    pub organization_source: Option<Source<'a>>,
    pub tags: &'a Field<Vec<Tag>>,
    /// Values that decide a check but are not known offline, once each.
    pub unresolved: Vec<Unresolved>,
    /// `account_sources` and `organization_source` together.
    #[schemars(with = "Vec<Source<'static>>")]
    pub sources: Later,
}

/// A value the encoder sets once the rest of the item is encoded: `sources`
/// holds the same values, with the same locs, as `account_sources` and
/// `organization_source`, so each source is encoded once. Written as null.
#[derive(Serialize)]
pub struct Later;

/// The key of the list the encoder sets ([`Later`]).
pub const SOURCES: &str = "sources";

/// An input kind's attribute names: one value in the input, shared by every
/// aggregator of that kind.
pub struct Names(pub &'static AttributeNames);

impl Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(super::ser::SHARED_NEWTYPE, self.0)
    }
}

impl JsonSchema for Names {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        AttributeNames::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        AttributeNames::json_schema(generator)
    }
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeNames {
    pub name: &'static str,
    pub account_sources: &'static str,
    pub organization_source: &'static str,
    pub account_ids: &'static str,
    pub all_regions: &'static str,
    pub regions: &'static str,
    pub role_arn: &'static str,
    pub tags: &'static str,
}

impl AttributeNames {
    /// The name this input kind gives the model's attribute `key`.
    fn of(&self, key: &'static str) -> &'static str {
        match key {
            "name" => self.name,
            "account_ids" => self.account_ids,
            "all_regions" => self.all_regions,
            "regions" => self.regions,
            "role_arn" => self.role_arn,
            "tags" => self.tags,
            _ => key,
        }
    }
}

/// The API and CloudFormation.
static AWS_NAMES: AttributeNames = AttributeNames {
    name: "ConfigurationAggregatorName",
    account_sources: "AccountAggregationSources",
    organization_source: "OrganizationAggregationSource",
    account_ids: "AccountIds",
    all_regions: "AllAwsRegions",
    regions: "AwsRegions",
    role_arn: "RoleArn",
    tags: "Tags",
};

/// Terraform's aws provider.
static TERRAFORM_NAMES: AttributeNames = AttributeNames {
    name: "name",
    account_sources: "account_aggregation_source",
    organization_source: "organization_aggregation_source",
    account_ids: "account_ids",
    all_regions: "all_regions",
    regions: "regions",
    role_arn: "role_arn",
    tags: "tags",
};

/// Terraform's Cloud Control (awscc) provider.
static AWSCC_NAMES: AttributeNames = AttributeNames {
    name: "configuration_aggregator_name",
    account_sources: "account_aggregation_sources",
    organization_source: "organization_aggregation_source",
    account_ids: "account_ids",
    all_regions: "all_aws_regions",
    regions: "aws_regions",
    role_arn: "role_arn",
    tags: "tags",
};

/// An account aggregation source or the organization aggregation source.
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source<'a> {
    /// `AccountAggregationSources[0]`, `organization_aggregation_source`, …
    pub what: String,
    pub organization: bool,
    /// Account sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_ids: Option<&'a Field<Vec<Field<String>>>>,
    /// Organization source only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<&'a Field<String>>,
    pub all_regions: &'a Field<bool>,
    pub regions: &'a Field<Vec<Field<String>>>,
    pub loc: Span,
}

#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unresolved {
    /// The model's name: `all_regions`, `regions`, `account_ids`, …
    pub key: &'static str,
    /// The input's name: `AllAwsRegions`, `all_regions`, …
    pub attribute: &'static str,
    pub expr: Expr,
    pub loc: Span,
}

impl<'a> Aggregator<'a> {
    pub fn of(a: &'a Definition, file_names: &[&str]) -> Aggregator<'a> {
        let names = match a.dialect {
            Dialect::Aws => &AWS_NAMES,
            Dialect::TerraformAws => &TERRAFORM_NAMES,
            Dialect::TerraformAwscc => &AWSCC_NAMES,
        };
        let label = match (a.kind, &a.name.value) {
            (InputKind::AwsCli, Some(n)) => format!("aggregator {n}"),
            (InputKind::AwsCli, None) => format!("aggregator at {}", a.address),
            (kind, _) => format!("{} ({kind})", a.address),
        };
        Aggregator {
            id: a.id(file_names),
            name: &a.name,
            kind: a.kind,
            file: a.file,
            address: &a.address,
            arn: a.arn.as_deref(),
            account: a.account.as_deref(),
            region: a.region.as_deref(),
            region_from: a.region_from,
            loc: a.span,
            names: Names(names),
            resource_type: a.resource_type,
            syntax: syntax(a, file_names),
            name_required: a.name_required,
            sources_known: a.sources_known,
            when: a.variant.as_ref().map(|v| v.words()),
            duplicate_of: a.duplicate_of.as_deref(),
            label,
            account_sources: a
                .account_sources
                .iter()
                .enumerate()
                .map(|(i, s)| account_source(s, format!("{}[{i}]", names.account_sources)))
                .collect(),
            organization_source: a
                .organization_source
                .as_ref()
                .map(|s| organization_source(s, names.organization_source)),
            tags: &a.tags,
            unresolved: unresolved(a, names),
            sources: Later,
        }
    }
}

fn account_source(s: &AccountSource, what: String) -> Source<'_> {
    Source {
        what,
        organization: false,
        account_ids: Some(&s.account_ids),
        role_arn: None,
        all_regions: &s.all_regions,
        regions: &s.regions,
        loc: s.span,
    }
}

fn organization_source<'a>(s: &'a OrganizationSource, what: &str) -> Source<'a> {
    Source {
        what: what.to_string(),
        organization: true,
        account_ids: None,
        role_arn: Some(&s.role_arn),
        all_regions: &s.all_regions,
        regions: &s.regions,
        loc: s.span,
    }
}

/// Every value of `a` not known offline, in document order.
fn unresolved(a: &Definition, names: &AttributeNames) -> Vec<Unresolved> {
    let mut out = Vec::new();
    each_unknown(a, |key, expr| {
        out.push(Unresolved {
            key,
            attribute: names.of(key),
            expr,
            loc: expr.span,
        })
    });
    out
}

/// Calls `f` with each value of `a` not known offline, in document order,
/// under the attribute it decides (a tag's key or value under `tags`).
fn each_unknown(a: &Definition, mut f: impl FnMut(&'static str, Expr)) {
    let mut one = |key: &'static str, v: (bool, Expr)| {
        if !v.0 {
            f(key, v.1);
        }
    };
    fn of<T>(f: &Field<T>) -> (bool, Expr) {
        (f.known, f.expr())
    }
    // A list's items, then the list itself: the order the encoder writes them.
    fn list(l: &Field<Vec<Field<String>>>) -> impl Iterator<Item = (bool, Expr)> + '_ {
        l.value.iter().flatten().map(of).chain([of(l)])
    }
    one("name", of(&a.name));
    for s in &a.account_sources {
        list(&s.account_ids).for_each(|v| one("account_ids", v));
        one("all_regions", of(&s.all_regions));
        list(&s.regions).for_each(|v| one("regions", v));
    }
    if let Some(s) = &a.organization_source {
        one("role_arn", of(&s.role_arn));
        one("all_regions", of(&s.all_regions));
        list(&s.regions).for_each(|v| one("regions", v));
    }
    for t in a.tags.value.iter().flatten() {
        one("tags", of(&t.key));
        one("tags", of(&t.value));
    }
    one("tags", of(&a.tags));
}

/// The language a definition is written in, for fixes written in it: `hcl`,
/// `yaml` or `json` (a CloudFormation template), or `api` (an API output).
fn syntax(a: &Definition, file_names: &[&str]) -> &'static str {
    match a.kind {
        InputKind::AwsCli => "api",
        InputKind::Cloudformation => {
            let name = file_names.get(a.file as usize).copied().unwrap_or("");
            match std::path::Path::new(name).extension() {
                Some(e) if e.eq_ignore_ascii_case("json") => "json",
                _ => "yaml",
            }
        }
        _ => "hcl",
    }
}

/// How many locs encoding `a` makes: one for the aggregator, each field, each
/// list item, each source and each unresolved value.
pub fn loc_count(a: &Definition) -> usize {
    let list = |f: &Field<Vec<Field<String>>>| 1 + f.value.as_ref().map_or(0, Vec::len);
    let accounts: usize = a
        .account_sources
        .iter()
        .map(|s| list(&s.account_ids) + 1 + list(&s.regions) + 1)
        .sum();
    let organization = a
        .organization_source
        .as_ref()
        .map_or(0, |o| 1 + 1 + list(&o.regions) + 1);
    let tags = 1 + a.tags.value.as_ref().map_or(0, |t| 2 * t.len());
    let mut unknown = 0;
    each_unknown(a, |_, _| unknown += 1);
    2 + accounts + organization + tags + unknown
}
