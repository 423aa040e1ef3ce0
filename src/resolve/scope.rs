//! Scope and capture: which accounts, regions and aggregators a scan covers,
//! where each of those lists came from, and what the snapshot manifests say
//! about how the inputs were captured (when, by whom, with what, which calls
//! failed). Reports show them so an auditor can tell what was looked at;
//! nothing here is judged by a policy. What no input says stays `None` or
//! empty: never a guess.

use super::coverage::Item;
use crate::model::{Inventory, Listed, Manifest, Settings, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Who and where the scan covers, each list with where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub accounts: Listing<Account>,
    pub regions: Listing<String>,
    pub aggregators: Listing<Aggregator>,
}

/// A list and its origin; `source` is `None` (and `items` empty) when no
/// input says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing<T> {
    pub source: Option<Source>,
    pub items: Vec<T>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            source: None,
            items: Vec::new(),
        }
    }
}

/// Where a list came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `organizations`, `flag`, `region-list`, `manifest`, `definition`, or
    /// `aggregators` (what the aggregators' definitions name and their sources
    /// status shows, when no list of the whole organisation is in the scan).
    pub kind: String,
    /// In words: `organizations list-accounts`, `--expect-regions`, …
    pub what: String,
    /// The files it was read from, sorted.
    pub files: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: String,
    pub name: Option<String>,
    /// `ACTIVE`, `SUSPENDED`, … as the list writes it.
    pub status: Option<String>,
    /// Expected to report (active, or listed without a status).
    pub expected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregator {
    pub name: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    /// The file that defines it, or whose sources status names it (shared:
    /// a repository of 10k files can define 20k aggregators).
    pub file: Arc<str>,
    /// The input kind (`aws-cli`, `cloudformation`, `terraform`, …), or
    /// `sources-status` when only its sources status is in the scan.
    pub kind: Cow<'static, str>,
}

/// What one snapshot manifest says about its capture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capture {
    /// The manifest's file.
    pub manifest: String,
    pub generator: Option<String>,
    /// RFC 3339 UTC.
    pub captured_at: Option<String>,
    pub caller_account: Option<String>,
    pub caller_arn: Option<String>,
    pub cli_version: Option<String>,
    pub region_source: Option<String>,
    pub regions: Vec<String>,
    /// Every call the capture records as failed, in the manifest's order.
    pub failed_calls: Vec<FailedCall>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailedCall {
    pub command: String,
    pub region: Option<String>,
    pub aggregator: Option<String>,
    pub exit_code: Option<i64>,
    /// What the AWS CLI printed.
    pub error: String,
    /// The call whose output stood in for it, if any (nothing is missing then).
    pub fallback: Option<String>,
}

impl Scope {
    /// Does an input state the scope (a scan-wide account or region list), as
    /// opposed to what the aggregators alone show?
    pub fn stated(&self) -> bool {
        let scan_wide = |s: &Option<Source>| s.as_ref().is_some_and(|s| s.kind != AGGREGATORS);
        scan_wide(&self.accounts.source) || scan_wide(&self.regions.source)
    }
}

const AGGREGATORS: &str = "aggregators";

/// The scope of a scan: the scan-wide expected accounts and regions (else those
/// of the coverage items), and every aggregator in the inputs.
pub fn build(inv: &Inventory, settings: &Settings, items: &[Item], names: &[&str]) -> Scope {
    Scope {
        accounts: accounts(inv, settings, items, names),
        regions: regions(inv, settings, items, names),
        aggregators: aggregators(inv, items, names),
    }
}

/// The snapshot manifests' capture details, by manifest file name.
pub fn captures(inv: &Inventory, names: &[&str]) -> Vec<Capture> {
    let mut out: Vec<Capture> = inv.manifests.iter().map(|m| capture(m, names)).collect();
    out.sort_by(|a, b| a.manifest.cmp(&b.manifest));
    out
}

fn capture(m: &Manifest, names: &[&str]) -> Capture {
    Capture {
        manifest: name(names, m.file),
        generator: m.generator.clone(),
        captured_at: m.captured_ns.map(crate::model::timestamp::rfc3339),
        caller_account: m.caller_account.clone(),
        caller_arn: m.caller_arn.clone(),
        cli_version: m.cli_version.clone(),
        region_source: m.region_source.clone(),
        regions: m.regions.clone(),
        failed_calls: m
            .failures
            .iter()
            .map(|f| FailedCall {
                command: f.command.clone(),
                region: f.region.clone(),
                aggregator: f.aggregator.clone(),
                exit_code: f.exit_code,
                error: f.message.clone(),
                fallback: f.fallback.clone(),
            })
            .collect(),
    }
}

fn name(names: &[&str], file: u32) -> String {
    names
        .get(file as usize)
        .map_or_else(String::new, |n| (*n).to_string())
}

fn files_of<'a>(spans: impl Iterator<Item = &'a Span>, names: &[&str]) -> Vec<String> {
    let set: BTreeSet<String> = spans.map(|s| name(names, s.file)).collect();
    set.into_iter().filter(|n| !n.is_empty()).collect()
}

fn source(kind: Listed, what: &str, files: Vec<String>) -> Option<Source> {
    Some(Source {
        kind: kind.as_str().to_string(),
        what: what.to_string(),
        files,
    })
}

/// Without a scan-wide list: what the aggregators name or report.
fn from_aggregators<T>(items: Vec<T>) -> Listing<T> {
    if items.is_empty() {
        return Listing::default();
    }
    Listing {
        source: Some(Source {
            kind: AGGREGATORS.into(),
            what: "the aggregators' definitions and sources status".into(),
            files: Vec::new(),
        }),
        items,
    }
}

fn accounts(
    inv: &Inventory,
    settings: &Settings,
    items: &[Item],
    names: &[&str],
) -> Listing<Account> {
    let Some(from) = settings.expected_accounts_from else {
        let mut by_id: BTreeMap<String, Option<String>> = BTreeMap::new();
        for a in items.iter().flat_map(|i| &i.expected_accounts) {
            let slot = by_id.entry(a.id.clone()).or_default();
            if slot.is_none() {
                *slot = a.name.clone();
            }
        }
        let list = by_id
            .into_iter()
            .map(|(id, name)| Account {
                id,
                name,
                status: None,
                expected: true,
            })
            .collect();
        return from_aggregators(list);
    };
    let listed: Vec<_> = inv.accounts.iter().filter(|a| a.from == from).collect();
    // Names and statuses by id: the list's own first, then any other list's
    // (the organisation's, for an --expect-accounts list).
    let mut known: BTreeMap<&str, (Option<&String>, Option<&String>)> = BTreeMap::new();
    for a in listed.iter().copied().chain(&inv.accounts) {
        let e = known.entry(a.id.as_str()).or_default();
        e.0 = e.0.or(a.name.as_ref());
        e.1 = e.1.or(a.status.as_ref());
    }
    let mut out: BTreeMap<String, Account> = BTreeMap::new();
    for a in &listed {
        let (name, status) = known.get(a.id.as_str()).copied().unwrap_or_default();
        let e = out.entry(a.id.clone()).or_insert_with(|| Account {
            id: a.id.clone(),
            name: name.cloned(),
            status: status.cloned(),
            expected: false,
        });
        e.expected |= a.active;
    }
    let what = match from {
        Listed::Flag => "--expect-accounts",
        _ => "organizations list-accounts",
    };
    Listing {
        source: source(from, what, files_of(listed.iter().map(|a| &a.span), names)),
        items: out.into_values().collect(),
    }
}

fn regions(
    inv: &Inventory,
    settings: &Settings,
    items: &[Item],
    names: &[&str],
) -> Listing<String> {
    let Some(from) = settings.expected_regions_from else {
        let set: BTreeSet<String> = items
            .iter()
            .flat_map(|i| &i.expected_regions)
            .map(|r| r.region.clone())
            .collect();
        return from_aggregators(set.into_iter().collect());
    };
    let src = match from {
        Listed::RegionList => {
            let what: BTreeSet<&str> = inv.regions.iter().map(|r| r.from).collect();
            let what: Vec<&str> = what.into_iter().collect();
            source(
                from,
                &what.join(", "),
                files_of(inv.regions.iter().map(|r| &r.span), names),
            )
        }
        Listed::Manifest => {
            let how: BTreeSet<&str> = inv
                .manifests
                .iter()
                .filter_map(|m| m.region_source.as_deref())
                .collect();
            let what = if how.is_empty() {
                "the regions a snapshot manifest captured".to_string()
            } else {
                format!(
                    "the regions a snapshot manifest captured, listed by {}",
                    how.into_iter().collect::<Vec<_>>().join(", ")
                )
            };
            source(
                from,
                &what,
                files_of(inv.manifests.iter().map(|m| &m.span), names),
            )
        }
        _ => source(from, "--expect-regions", Vec::new()),
    };
    Listing {
        source: src,
        items: settings.expected_regions.clone(),
    }
}

fn aggregators(inv: &Inventory, items: &[Item], names: &[&str]) -> Listing<Aggregator> {
    // One shared name per file: most of a large scan's scope is file names.
    let mut shared: Vec<Option<Arc<str>>> = vec![None; names.len()];
    let mut file = |id: u32| -> Arc<str> {
        let i = id as usize;
        match (shared.get_mut(i), names.get(i)) {
            (Some(slot), Some(n)) => slot.get_or_insert_with(|| Arc::from(*n)).clone(),
            _ => Arc::from(""),
        }
    };
    let mut set: Vec<Aggregator> = inv
        .aggregators
        .iter()
        .map(|a| Aggregator {
            name: a.name.value.clone(),
            account: a.account.clone(),
            region: a.region.clone(),
            file: file(a.file),
            kind: Cow::Borrowed(a.kind.as_str()),
        })
        .collect();
    let defined = !set.is_empty();
    // Aggregators known only from their sources status.
    set.extend(
        items
            .iter()
            .filter(|i| i.definition.is_none())
            .map(|i| Aggregator {
                name: i.aggregator.clone(),
                account: i.aggregator_account.clone(),
                region: i.aggregator_region.clone(),
                file: file(i.span.file),
                kind: Cow::Borrowed("sources-status"),
            }),
    );
    // Sorted and unique, as a set would be, without a tree's nodes.
    set.sort_unstable();
    set.dedup();
    if set.is_empty() {
        return Listing::default();
    }
    let what = if defined && set.iter().all(|a| a.kind != "sources-status") {
        "the aggregators' own definitions"
    } else if defined {
        "the aggregators' own definitions and sources-status outputs"
    } else {
        "the aggregators' sources-status outputs"
    };
    let files: BTreeSet<&str> = set.iter().map(|a| &*a.file).collect();
    let files = files.into_iter().map(String::from).collect();
    Listing {
        source: source(Listed::Definition, what, files),
        items: set,
    }
}
