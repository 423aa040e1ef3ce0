//! Recognising what a file holds and handing it to the parser for its kind.

pub mod aws_cli;
pub mod cloudformation;
pub mod given;
pub mod hcl_blocks;
pub mod json;
pub mod manifest;
pub mod organizations;
pub mod resolved;
pub mod terraform;
pub mod yaml;

use crate::diag::Diagnostic;
use crate::input::json::Doc;
use crate::load::source::SourceFile;
use crate::model::Learnt;
use crate::model::{FileId, Inventory};

/// Turn text the parsers need not read into white space: every byte but line
/// breaks becomes a space, so offsets, lines and columns of the rest stay
/// what they were (and whole characters blanked leave valid UTF-8).
pub(crate) fn blank(bytes: &mut [u8]) {
    for b in bytes.iter_mut().filter(|b| **b != b'\n') {
        *b = b' ';
    }
}

/// What the command line says about inputs that do not say it themselves.
#[derive(Debug, Default, Clone)]
pub struct Ctx<'a> {
    pub aggregator: Option<&'a str>,
    pub region: Option<&'a str>,
    /// CloudFormation parameter values (`--parameter-file`, then `--parameter`).
    pub parameters: &'a [Given],
    /// Terraform variable values (`TF_VAR_*`, `--var-file`, `--var`, in that
    /// order: later wins), for root modules.
    pub variables: &'a [Given],
    /// How many items of each kind one file may hold.
    pub limits: ItemLimits,
}

/// Items read from one file; past these, a located error and the rest is not
/// read, so memory follows what is worth reporting rather than the item count
/// a small file can spell (`[{},{},…]` is three bytes an item).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemLimits {
    /// Aggregators (`--max-aggregators-per-file`).
    pub aggregators: usize,
    /// Source statuses (`--max-items-per-file`).
    pub items: usize,
}

impl ItemLimits {
    /// AWS allows 50 aggregators per account and region, so a real export is
    /// far below 10,000; an organization of 10,000 accounts in 35 regions
    /// reports 350,000 source statuses, well below 5,000,000.
    pub const DEFAULT: ItemLimits = ItemLimits {
        aggregators: 10_000,
        items: 5_000_000,
    };
}

impl Default for ItemLimits {
    fn default() -> Self {
        ItemLimits::DEFAULT
    }
}

impl Ctx<'_> {
    /// Sets the region of an aggregator defined in file `name`: a region in the
    /// file's path (`us-east-1/…`), else `--region`.
    pub fn place_in_region(&self, name: &str, a: &mut crate::model::Aggregator) {
        let region = crate::model::aws::region_in_path(std::path::Path::new(name))
            .map(|r| (r, Learnt::Path))
            .or_else(|| self.region.map(|r| (r.to_string(), Learnt::Flag)));
        if let Some((r, from)) = region {
            a.region = Some(r);
            a.region_from = Some(from);
        }
    }
}

/// A value the user gave for a parameter or variable, and where it came from.
#[derive(Debug, Clone)]
pub struct Given {
    pub name: String,
    pub value: GivenValue,
    pub from: Origin,
    /// Where it is written, in a file of the scan.
    pub span: Option<crate::model::Span>,
}

/// Where a given value came from; in words (`Display`) as reports say it:
/// `--parameter`, `--var`, `TF_VAR_x`, `--parameter-file params.json`,
/// `--var-file x.tfvars`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `--parameter` or `--var`.
    Flag(&'static str),
    /// A `TF_VAR_` environment variable, by its variable's name.
    Env(String),
    /// `--parameter-file` or `--var-file`, and the file as reports name it.
    File(&'static str, String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => f.write_str(flag),
            Origin::Env(name) => write!(f, "TF_VAR_{name}"),
            Origin::File(flag, path) => write!(f, "{flag} {path}"),
        }
    }
}

#[derive(Debug, Clone)]
pub enum GivenValue {
    /// As typed: a string, or a Terraform expression for a variable of a
    /// complex type.
    Text(String),
    /// A value read from a file, with its spans there.
    Node(resolved::RNode),
}

/// The result of reading one file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub inventory: Inventory,
    pub errors: Vec<Diagnostic>,
    /// The input kind recognised, if any.
    pub kind: Option<&'static str>,
}

const REEXPORT: &str = "re-export it as JSON: `aws configservice describe-configuration-aggregators --output json > aggregators.json` and `aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name NAME --output json > sources-status.json`";

/// Parse one file that mentions aggregator data (or was named on the command line).
pub fn parse_file(id: FileId, file: &SourceFile, ctx: &Ctx<'_>, explicit: bool) -> Parsed {
    let text = file.text.as_str();
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let mut out = Parsed::default();
    if trimmed.is_empty() {
        if explicit {
            out.errors.push(Diagnostic::whole(
                &file.name,
                "the file is empty: nothing to audit",
            ));
        }
        return out;
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return parse_json(id, file, ctx, explicit);
    }
    if let Some(what) = non_json_cli_output(text) {
        let line_end = text[lead..].find('\n').map_or(text.len(), |i| lead + i);
        out.errors.push(
            Diagnostic::at(
                &file.name,
                id,
                lead..line_end.max(lead + 1),
                format!("this is AWS CLI {what} output, which cannot be audited exactly"),
            )
            .with_help(REEXPORT),
        );
        out.kind = Some("aws-cli");
        return out;
    }
    if cloudformation::looks_like(text) {
        return cloudformation::parse(id, file, ctx);
    }
    if explicit {
        out.errors.push(not_recognised(file, id, lead));
    }
    out
}

fn not_recognised(file: &SourceFile, id: FileId, at: usize) -> Diagnostic {
    Diagnostic::at(
        &file.name,
        id,
        at..at + 1,
        "no AWS Config aggregator data recognised in this file",
    )
    .with_help("aggrego reads the JSON output of `aws configservice describe-configuration-aggregators`, `describe-configuration-aggregator-sources-status` and `put-configuration-aggregator`, CloudFormation templates, Terraform `.tf` files and `terraform show -json` output")
}

/// Terraform files are read a directory (module) at a time: variables, locals and
/// tfvars in one file resolve references in another.
pub use crate::load::names::is_terraform;

fn parse_json(id: FileId, file: &SourceFile, ctx: &Ctx<'_>, explicit: bool) -> Parsed {
    let mut out = Parsed::default();
    let (doc, root) = match Doc::parse_root(&file.text) {
        Ok(ok) => ok,
        Err(e) => {
            out.errors.push(Diagnostic::at(
                &file.name,
                id,
                e.offset..e.offset + e.len,
                e.message,
            ));
            return out;
        }
    };
    if manifest::is_manifest(&doc, &root) {
        manifest::parse(&doc, root, file, id, &mut out.inventory, &mut out.errors);
        out.kind = Some("snapshot-manifest");
        return out;
    }
    if let Some(shape) = organizations::shape(&doc, &root) {
        let (kind, parse): (_, fn(_, _, _, _, _, _)) = match shape {
            organizations::Shape::Accounts => ("organizations", organizations::parse_accounts),
            organizations::Shape::Regions => ("region-list", organizations::parse_regions),
        };
        parse(
            &doc,
            root,
            id,
            &file.name,
            &mut out.inventory,
            &mut out.errors,
        );
        out.kind = Some(kind);
        return out;
    }
    let Some(shape) = aws_cli::shape(&doc, &root) else {
        drop(root);
        if terraform::looks_like_plan(&file.text) {
            return terraform::parse_plan(id, file, ctx);
        }
        if cloudformation::looks_like(&file.text) {
            return cloudformation::parse(id, file, ctx);
        }
        if explicit {
            out.errors
                .push(not_recognised(file, id, doc.root_span().start));
        }
        return out;
    };
    let mut p = aws_cli::Parser::new(doc, id, &file.name, ctx);
    p.parse(root, shape);
    out.inventory = p.inventory;
    out.errors = p.errors;
    out.kind = Some("aws-cli");
    out
}

/// `--output text`, `--output table` and `--output yaml` renderings of the CLI.
fn non_json_cli_output(text: &str) -> Option<&'static str> {
    let head: String = text.chars().take(64 * 1024).collect();
    let lines = || head.lines().take(200);
    if lines().any(|l| {
        l.starts_with("CONFIGURATIONAGGREGATORS\t")
            || l.starts_with("AGGREGATEDSOURCESTATUSLIST\t")
            || l.starts_with("CONFIGURATIONAGGREGATOR\t")
    }) {
        return Some("`--output text`");
    }
    if lines().any(|l| {
        l.starts_with('|')
            && (l.contains("DescribeConfigurationAggregator")
                || l.contains("PutConfigurationAggregator"))
    }) {
        return Some("`--output table`");
    }
    if lines().any(|l| {
        l.starts_with("ConfigurationAggregators:")
            || l.starts_with("AggregatedSourceStatusList:")
            || l.starts_with("ConfigurationAggregator:")
            || l.starts_with("- ConfigurationAggregatorName:")
    }) {
        return Some("`--output yaml`");
    }
    None
}
