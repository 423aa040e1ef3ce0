//! Coverage: for each aggregator, which account × region pairs are expected to
//! report (from its definition, the organisation's account list, the enabled
//! regions or the flags) and what its sources-status output shows for them.
//! Policies get it as `input.coverage` (AGG007 decides what is a blind spot);
//! the HTML report draws it as a grid.

use crate::model::finding::Resource;
use crate::model::InputKind;
use crate::model::Listed;
use crate::model::{Aggregator, Field, Inventory, Settings, SourceStatus, Span};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// An account expected to report, in which regions, and where that expectation is written.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExpectedAccount {
    /// What a finding at `loc` is about: this account of this aggregator.
    #[serde(rename = "$aggrego::owner")]
    #[schemars(skip)]
    pub owner: Resource,
    pub id: String,
    pub name: Option<String>,
    pub regions: BTreeSet<String>,
    #[serde(rename = "loc")]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExpectedRegion {
    /// What a finding at `loc` is about: this region of this aggregator.
    #[serde(rename = "$aggrego::owner")]
    #[schemars(skip)]
    pub owner: Resource,
    pub region: String,
    /// The expected accounts whose regions include this one.
    pub accounts: Vec<String>,
    #[serde(rename = "loc")]
    pub span: Span,
}

/// What a sources-status output says for one source in one region.
#[derive(Debug, Clone)]
pub struct Reported {
    pub status: Option<Arc<str>>,
    pub updated_ns: Option<i64>,
    pub error: Option<String>,
    pub span: Span,
}

/// In the policies' input a report is its `LastUpdateStatus` (empty when none).
impl Serialize for Reported {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.status.as_deref().unwrap_or(""))
    }
}

impl JsonSchema for Reported {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Reported".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as JsonSchema>::json_schema(generator)
    }
}

impl Reported {
    fn of(s: &SourceStatus) -> Reported {
        let error = (s.error_code.is_some() || s.error_message.is_some()).then(|| s.error_text());
        Reported {
            status: s.status.clone(),
            updated_ns: s.updated_ns,
            error,
            span: s.status_span,
        }
    }

    /// Worse statuses win when a pair is listed twice.
    fn rank(&self) -> u8 {
        match self.status.as_deref() {
            Some("SUCCEEDED") => 0,
            Some("OUTDATED") => 2,
            _ => 3,
        }
    }
}

/// One aggregator's coverage (`input.coverage[]`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Coverage")]
pub struct Item {
    pub aggregator: Option<String>,
    pub aggregator_region: Option<String>,
    pub aggregator_account: Option<String>,
    /// Index of its definition in `Inventory::aggregators`.
    #[serde(skip)]
    pub definition: Option<usize>,
    /// `id` of its entry in `aggregators`, when the scan has its definition.
    pub aggregator_id: Option<String>,
    pub label: String,
    /// The definition, else its first source status.
    #[serde(rename = "loc")]
    pub span: Span,
    /// Collects through an organization source.
    pub organization: bool,
    /// `definition` (AccountIds), `organizations`, `flag` or `observed` (accounts seen reporting).
    pub accounts_from: Listed,
    /// `definition` (AwsRegions), `region-list`, `manifest`, `flag` or `observed`.
    pub regions_from: Listed,
    /// A sources-status output for it is in the scan.
    pub captured: bool,
    /// A snapshot manifest records that capturing its sources status failed.
    pub capture_failed: bool,
    /// Each account expected to report, with its regions; `loc` is where the expectation is written.
    pub expected_accounts: Vec<ExpectedAccount>,
    pub expected_regions: Vec<ExpectedRegion>,
    /// Source id → region → `LastUpdateStatus` of ACCOUNT sources.
    pub reported: BTreeMap<String, BTreeMap<String, Reported>>,
    /// Region → `LastUpdateStatus` of ORGANIZATION sources (the organisation as a whole).
    pub organization_regions: BTreeMap<String, Reported>,
    /// Organisation source ids seen (`o-…`).
    #[serde(skip)]
    pub organization_ids: BTreeSet<String>,
    /// Every account list of the definition is known offline (or there is none):
    /// whether it leaves an expected account out can be said.
    #[serde(skip)]
    pub accounts_known: bool,
    /// Account names from the organisation's account list, for every account above
    /// and every scan-wide expected account (the grid's rows).
    #[serde(skip)]
    pub names: BTreeMap<String, String>,
}

type Key = (Option<String>, Option<String>);

/// Account ids or regions, each with where it is written.
type Located = Vec<(String, Span)>;

/// Coverage of every aggregator the scan can judge: one with source statuses and a
/// definition or scan-wide expectations, or one described in a snapshot (manifest).
/// `file_names` name the scan's files, for each definition's `id`.
pub fn build(inv: &Inventory, settings: &Settings, file_names: &[&str]) -> Vec<Item> {
    let expectations =
        settings.expected_accounts_from.is_some() || settings.expected_regions_from.is_some();
    let snapshot = !inv.manifests.is_empty();
    if inv.source_statuses.is_empty() && !snapshot {
        return Vec::new();
    }
    // Definitions by (name, region); a describe entry (what is deployed) wins.
    let mut definitions: BTreeMap<Key, usize> = BTreeMap::new();
    for (i, a) in inv.aggregators.iter().enumerate() {
        let Some(name) = a.name.value.clone() else {
            continue;
        };
        let key = (Some(name), a.region.clone());
        match definitions.get(&key) {
            Some(&j)
                if inv.aggregators[j].kind == InputKind::AwsCli || a.kind != InputKind::AwsCli => {}
            _ => {
                definitions.insert(key, i);
            }
        }
    }
    let mut statuses: BTreeMap<Key, Vec<&SourceStatus>> = BTreeMap::new();
    for s in &inv.source_statuses {
        let key = (
            s.aggregator().map(|a| a.to_string()),
            s.context.region.as_deref().map(str::to_string),
        );
        statuses.entry(key).or_default().push(s);
    }
    let failed: BTreeSet<Key> = inv
        .manifests
        .iter()
        .flat_map(|m| &m.failures)
        .filter(|f| f.aggregator.is_some())
        .map(|f| (f.aggregator.clone(), f.region.clone()))
        .collect();
    let mut keys: BTreeSet<Key> = BTreeSet::new();
    for (key, _) in statuses.iter() {
        if definitions.contains_key(key) || expectations {
            keys.insert(key.clone());
        }
    }
    if snapshot {
        for (key, &i) in &definitions {
            if inv.aggregators[i].kind == InputKind::AwsCli {
                keys.insert(key.clone());
            }
        }
    }
    let names: HashMap<&str, &str> = inv
        .accounts
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.name.as_deref()?)))
        .collect();
    let ctx = Context {
        inv,
        settings,
        names,
        region_spans: region_spans(inv, settings),
        file_names,
    };
    keys.into_iter()
        .map(|key| {
            let definition = definitions.get(&key).copied();
            let list = statuses.get(&key).map_or(&[][..], |v| v.as_slice());
            let capture_failed = failed.contains(&key);
            ctx.item(key, definition, list, capture_failed)
        })
        .collect()
}

struct Context<'a> {
    inv: &'a Inventory,
    settings: &'a Settings,
    names: HashMap<&'a str, &'a str>,
    /// Where each scan-wide expected region is written (a region list entry).
    region_spans: HashMap<String, Span>,
    file_names: &'a [&'a str],
}

fn region_spans(inv: &Inventory, settings: &Settings) -> HashMap<String, Span> {
    let mut out = HashMap::new();
    for r in inv.regions.iter().filter(|r| r.enabled) {
        out.entry(r.region.clone()).or_insert(r.span);
    }
    if out.is_empty() {
        if let Some(m) = inv.manifests.first() {
            for r in &settings.expected_regions {
                out.insert(r.clone(), m.span);
            }
        }
    }
    out
}

/// Values of a list field that are known.
fn known_values(f: &Field<Vec<Field<String>>>) -> Option<Vec<(String, Span)>> {
    if !f.known {
        return None;
    }
    let items = f.value.as_ref()?;
    Some(
        items
            .iter()
            .filter_map(|i| Some((i.value.clone()?, i.span)))
            .collect(),
    )
}

/// A list field known offline, every item of it too.
fn all_known(f: &Field<Vec<Field<String>>>) -> bool {
    f.known
        && f.value
            .as_ref()
            .is_some_and(|v| v.iter().all(|i| i.known && i.value.is_some()))
}

/// What one aggregator's sources-status output shows: per source account
/// and region the most telling status, the organization source's regions,
/// and where each account and region is first seen.
#[derive(Default)]
struct Observed {
    reported: BTreeMap<String, BTreeMap<String, Reported>>,
    organization_regions: BTreeMap<String, Reported>,
    organization_ids: BTreeSet<String>,
    first_seen: BTreeMap<String, Span>,
    region_seen: BTreeMap<String, Span>,
}

impl Observed {
    fn of(statuses: &[&SourceStatus]) -> Observed {
        let mut o = Observed::default();
        for s in statuses {
            let (Some(id), Some(r)) = (s.source_id.as_deref(), s.region.as_deref()) else {
                continue;
            };
            o.region_seen.entry(r.to_string()).or_insert(s.span);
            let new = Reported::of(s);
            let slot = if s.source_type.as_deref() == Some("ORGANIZATION") {
                o.organization_ids.insert(id.to_string());
                o.organization_regions.entry(r.to_string())
            } else {
                o.first_seen.entry(id.to_string()).or_insert(s.span);
                o.reported
                    .entry(id.to_string())
                    .or_default()
                    .entry(r.to_string())
            };
            slot.and_modify(|old| {
                if new.rank() > old.rank() {
                    *old = new.clone();
                }
            })
            .or_insert(new);
        }
        o
    }
}

/// One source's expectation: its accounts in its regions, and where each list came from.
struct SourceExpectation {
    accounts: Located,
    accounts_from: Listed,
    regions: Located,
    regions_from: Listed,
}

impl Context<'_> {
    fn item(
        &self,
        (name, region): Key,
        definition: Option<usize>,
        statuses: &[&SourceStatus],
        capture_failed: bool,
    ) -> Item {
        let def: Option<&Aggregator> = definition.and_then(|i| self.inv.aggregators.get(i));
        let observed = Observed::of(statuses);
        let anchor = def
            .map(|a| a.span)
            .or_else(|| statuses.first().map(|s| s.span))
            .unwrap_or(Span {
                file: 0,
                start: 0,
                end: 0,
            });
        let sources = self.sources(def, &observed, anchor);
        let (accounts_from, regions_from) = sources
            .first()
            .map_or((Listed::Observed, Listed::Observed), |s| {
                (s.accounts_from, s.regions_from)
            });
        let expected_accounts = self.expected_accounts(name.as_deref(), &sources);
        let expected_regions = expected_regions(name.as_deref(), &sources, &expected_accounts);
        let label = match (&name, def) {
            (_, Some(a)) if a.kind != InputKind::AwsCli => format!("{} ({})", a.address, a.kind),
            (Some(n), _) => format!("aggregator {n}"),
            (None, _) => "sources of an unnamed aggregator".to_string(),
        };
        let names = expected_accounts
            .iter()
            .map(|a| &a.id)
            .chain(observed.reported.keys())
            .chain(&self.settings.expected_accounts)
            .filter_map(|id| Some((id.clone(), self.names.get(id.as_str())?.to_string())))
            .collect();
        Item {
            names,
            accounts_known: def
                .is_none_or(|a| a.account_sources.iter().all(|s| all_known(&s.account_ids))),
            aggregator_id: def.map(|a| a.id(self.file_names)),
            aggregator: name,
            aggregator_account: def.and_then(|a| a.account.clone()).or_else(|| {
                statuses
                    .first()
                    .and_then(|s| s.context.account.as_deref().map(str::to_string))
            }),
            aggregator_region: region,
            definition,
            label,
            span: anchor,
            organization: def.is_some_and(|a| a.organization_source.is_some()),
            accounts_from,
            regions_from,
            captured: !statuses.is_empty(),
            capture_failed,
            expected_accounts,
            expected_regions,
            reported: observed.reported,
            organization_regions: observed.organization_regions,
            organization_ids: observed.organization_ids,
        }
    }

    /// What each source of the definition expects; without a definition, the
    /// scan-wide expectations (or what the output itself shows).
    fn sources(
        &self,
        def: Option<&Aggregator>,
        observed: &Observed,
        anchor: Span,
    ) -> Vec<SourceExpectation> {
        let (global_regions, global_from) = self.scan_regions(observed, anchor);
        let regions_of = |all: &Field<bool>, list: &Field<Vec<Field<String>>>| {
            if all.value == Some(true) {
                return (global_regions.clone(), global_from);
            }
            match known_values(list) {
                Some(v) if all.known && !v.is_empty() => (v, Listed::Definition),
                _ => (global_regions.clone(), global_from),
            }
        };
        let mut sources = Vec::new();
        let Some(a) = def else {
            let (accounts, accounts_from) = self.organization_accounts(observed, anchor);
            sources.push(SourceExpectation {
                accounts,
                accounts_from,
                regions: global_regions.clone(),
                regions_from: global_from,
            });
            return sources;
        };
        for s in &a.account_sources {
            let (regions, regions_from) = regions_of(&s.all_regions, &s.regions);
            sources.push(SourceExpectation {
                accounts: known_values(&s.account_ids).unwrap_or_default(),
                accounts_from: Listed::Definition,
                regions,
                regions_from,
            });
        }
        if let Some(o) = &a.organization_source {
            let (accounts, accounts_from) = self.organization_accounts(observed, anchor);
            let (regions, regions_from) = regions_of(&o.all_regions, &o.regions);
            sources.push(SourceExpectation {
                accounts,
                accounts_from,
                regions,
                regions_from,
            });
        }
        sources
    }

    /// Scan-wide regions, else those this aggregator's sources report from.
    fn scan_regions(&self, observed: &Observed, anchor: Span) -> (Located, Listed) {
        match self.settings.expected_regions_from {
            Some(from) if !self.settings.expected_regions.is_empty() => (
                self.settings
                    .expected_regions
                    .iter()
                    .map(|r| {
                        (
                            r.clone(),
                            self.region_spans.get(r).copied().unwrap_or(anchor),
                        )
                    })
                    .collect(),
                from,
            ),
            _ => (
                observed.region_seen.clone().into_iter().collect(),
                Listed::Observed,
            ),
        }
    }

    /// The organization's accounts: the expected ones (each where its list
    /// names it), else those the output shows.
    fn organization_accounts(&self, observed: &Observed, anchor: Span) -> (Located, Listed) {
        match self.settings.expected_accounts_from {
            Some(from) if !self.settings.expected_accounts.is_empty() => {
                let wanted: BTreeSet<&str> = self
                    .settings
                    .expected_accounts
                    .iter()
                    .map(String::as_str)
                    .collect();
                let mut out: BTreeMap<String, Span> = BTreeMap::new();
                for a in &self.inv.accounts {
                    if wanted.contains(a.id.as_str())
                        && (from != Listed::Flag || a.from == Listed::Flag)
                    {
                        out.entry(a.id.clone()).or_insert(a.span);
                    }
                }
                for id in wanted {
                    out.entry(id.to_string()).or_insert(anchor);
                }
                (out.into_iter().collect(), from)
            }
            _ => (
                observed.first_seen.clone().into_iter().collect(),
                Listed::Observed,
            ),
        }
    }

    /// Every account some source expects, with all the regions expected of it.
    fn expected_accounts(
        &self,
        aggregator: Option<&str>,
        sources: &[SourceExpectation],
    ) -> Vec<ExpectedAccount> {
        let mut accounts: BTreeMap<String, ExpectedAccount> = BTreeMap::new();
        for s in sources {
            for (id, span) in &s.accounts {
                let e = accounts
                    .entry(id.clone())
                    .or_insert_with(|| ExpectedAccount {
                        owner: Resource {
                            aggregator: aggregator.map(Arc::from),
                            account: Some(Arc::from(id.as_str())),
                            region: None,
                        },
                        id: id.clone(),
                        name: self.names.get(id.as_str()).map(|n| n.to_string()),
                        regions: BTreeSet::new(),
                        span: *span,
                    });
                e.regions.extend(s.regions.iter().map(|(r, _)| r.clone()));
            }
        }
        accounts.into_values().collect()
    }
}

/// Every region some source expects (where it is first written), with the
/// accounts expected in it.
fn expected_regions(
    aggregator: Option<&str>,
    sources: &[SourceExpectation],
    accounts: &[ExpectedAccount],
) -> Vec<ExpectedRegion> {
    let mut regions: BTreeMap<String, Span> = BTreeMap::new();
    for (r, span) in sources.iter().flat_map(|s| &s.regions) {
        regions.entry(r.clone()).or_insert(*span);
    }
    regions
        .into_iter()
        .map(|(region, span)| ExpectedRegion {
            owner: Resource {
                aggregator: aggregator.map(Arc::from),
                account: None,
                region: Some(Arc::from(region.as_str())),
            },
            accounts: accounts
                .iter()
                .filter(|a| a.regions.contains(&region))
                .map(|a| a.id.clone())
                .collect(),
            region,
            span,
        })
        .collect()
}

/// A cell of the coverage grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellState {
    Succeeded,
    Failed,
    Outdated,
    /// SUCCEEDED, but longer ago than `--max-age`.
    Stale,
    /// Expected to report, and no source status says anything.
    Missing,
    /// Expected scan-wide (an ACTIVE organization account, `--expect-accounts`, an
    /// enabled or `--expect-regions` region), but not among what the aggregator collects.
    NotCollected,
    /// Not expected and not reported.
    NotExpected,
}

/// How a cell counts in a grid's totals; not-expected cells do not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    Ok = 0,
    /// Failed, outdated or stale: a status says the data is not current.
    Failing = 1,
    /// Missing or not collected: no status at all.
    Missing = 2,
}

/// Cells OK, failing and missing, indexed by `Tally as usize`.
pub type Totals = [usize; 3];

impl CellState {
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Succeeded => "succeeded",
            CellState::Failed => "failed",
            CellState::Outdated => "outdated",
            CellState::Stale => "stale",
            CellState::Missing => "missing",
            CellState::NotCollected => "not-collected",
            CellState::NotExpected => "not-expected",
        }
    }

    pub fn tally(self) -> Option<Tally> {
        match self {
            CellState::Succeeded => Some(Tally::Ok),
            CellState::Failed | CellState::Outdated | CellState::Stale => Some(Tally::Failing),
            CellState::Missing | CellState::NotCollected => Some(Tally::Missing),
            CellState::NotExpected => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub state: CellState,
    /// Tooltip words: status, last update, error.
    pub detail: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AccountRow {
    pub id: String,
    pub name: Option<String>,
    pub expected: bool,
    /// False for a scan-wide expected account the aggregator does not collect.
    pub collected: bool,
}

/// One aggregator's accounts × regions, for people: the organization source's
/// row first, then the accounts worst first (most failing and missing cells,
/// then by id); regions in order.
#[derive(Debug, Clone)]
pub struct Grid {
    pub aggregator: String,
    pub aggregator_region: Option<String>,
    /// The account the aggregator lives in: a finding about the aggregator
    /// itself has it (and `aggregator_region`) as its resource.
    pub aggregator_account: Option<String>,
    pub accounts: Vec<AccountRow>,
    pub regions: Vec<String>,
    /// Scan-wide expected regions the aggregator does not collect (columns of `regions`).
    pub uncollected_regions: BTreeSet<String>,
    /// Row-major: `accounts.len() × regions.len()`.
    pub cells: Vec<Cell>,
}

fn tally<'a>(cells: impl Iterator<Item = &'a Cell>) -> Totals {
    let mut t = [0; 3];
    for c in cells {
        if let Some(k) = c.state.tally() {
            t[k as usize] += 1;
        }
    }
    t
}

impl Grid {
    /// The cells of row `i`.
    pub fn row(&self, i: usize) -> &[Cell] {
        let w = self.regions.len();
        self.cells.get(i * w..(i + 1) * w).unwrap_or(&[])
    }

    pub fn row_totals(&self, i: usize) -> Totals {
        tally(self.row(i).iter())
    }

    pub fn column_totals(&self, j: usize) -> Totals {
        let w = self.regions.len();
        tally(self.cells.iter().skip(j).step_by(w.max(1)))
    }

    pub fn totals(&self) -> Totals {
        tally(self.cells.iter())
    }
}

fn state_of(r: &Reported, now_ns: i64, max_age_ns: i64) -> CellState {
    match r.status.as_deref() {
        Some("SUCCEEDED") => match r.updated_ns {
            Some(t) if now_ns.saturating_sub(t) > max_age_ns => CellState::Stale,
            _ => CellState::Succeeded,
        },
        Some("OUTDATED") => CellState::Outdated,
        _ => CellState::Failed,
    }
}

fn detail_of(r: &Reported, via: Option<&str>) -> String {
    let mut d = r.status.as_deref().unwrap_or("no status").to_string();
    if let Some(t) = r.updated_ns {
        d.push_str(&format!(
            ", last update {}",
            crate::model::timestamp::Instant::from_ns(t).rfc3339
        ));
    }
    if let Some(e) = &r.error {
        d.push_str(". ");
        d.push_str(e);
    }
    if let Some(o) = via {
        d.push_str(&format!(" (reported by organization source {o})"));
    }
    d
}

/// The grids of every coverage item, sorted by aggregator then region.
/// `settings` give the scan-wide expected accounts and regions (rows and
/// columns even where the aggregator collects nothing) and the snapshot time.
pub fn grids(items: &[Item], settings: &Settings) -> Vec<Grid> {
    let mut out: Vec<Grid> = items
        .iter()
        .map(|item| GridBuilder::new(item, settings).build())
        .collect();
    out.sort_by(|a, b| {
        (&a.aggregator, &a.aggregator_region).cmp(&(&b.aggregator, &b.aggregator_region))
    });
    out
}

/// One item's grid: what each row and column is, then the cells.
struct GridBuilder<'a> {
    item: &'a Item,
    settings: &'a Settings,
    expected: HashMap<&'a str, &'a ExpectedAccount>,
    /// Every column, collected or not, in order.
    regions: Vec<&'a str>,
    uncollected_regions: BTreeSet<&'a str>,
    /// The organization source reporting for the whole organization, if any.
    org: Option<&'a str>,
}

type Row = (AccountRow, Vec<Cell>);

impl<'a> GridBuilder<'a> {
    fn new(item: &'a Item, settings: &'a Settings) -> GridBuilder<'a> {
        let mut regions: BTreeSet<&str> = item
            .expected_regions
            .iter()
            .map(|r| r.region.as_str())
            .collect();
        regions.extend(item.organization_regions.keys().map(String::as_str));
        for by_region in item.reported.values() {
            regions.extend(by_region.keys().map(String::as_str));
        }
        let uncollected_regions: BTreeSet<&str> = settings
            .expected_regions
            .iter()
            .map(String::as_str)
            .filter(|r| !regions.contains(r))
            .collect();
        regions.extend(&uncollected_regions);
        GridBuilder {
            item,
            settings,
            expected: item
                .expected_accounts
                .iter()
                .map(|a| (a.id.as_str(), a))
                .collect(),
            regions: regions.into_iter().collect(),
            uncollected_regions,
            org: item.organization_ids.iter().next().map(String::as_str),
        }
    }

    fn build(self) -> Grid {
        let item = self.item;
        let mut ids: BTreeSet<&str> = item.reported.keys().map(String::as_str).collect();
        ids.extend(self.expected.keys());
        // Expected accounts the aggregator does not list, unless its list is not
        // known offline (then nobody can say it leaves them out).
        let uncollected: Vec<&str> = if item.accounts_known {
            self.settings
                .expected_accounts
                .iter()
                .map(String::as_str)
                .filter(|id| !ids.contains(id))
                .collect()
        } else {
            Vec::new()
        };
        let mut rows: Vec<Row> = ids.iter().map(|id| self.account_row(id)).collect();
        rows.extend(uncollected.iter().map(|id| self.uncollected_row(id)));
        rows.sort_by_cached_key(|(a, cells)| {
            let t = tally(cells.iter());
            (std::cmp::Reverse(t[1] + t[2]), a.id.clone())
        });
        // The organisation's own row first: it reports for every member account.
        let rows = self.org.map(|o| self.org_row(o)).into_iter().chain(rows);
        let (accounts, cells): (Vec<AccountRow>, Vec<Vec<Cell>>) = rows.unzip();
        Grid {
            aggregator: item
                .aggregator
                .clone()
                .unwrap_or_else(|| "(unknown aggregator)".to_string()),
            aggregator_region: item.aggregator_region.clone(),
            aggregator_account: item.aggregator_account.clone(),
            accounts,
            regions: self.regions.iter().map(|r| r.to_string()).collect(),
            uncollected_regions: self
                .uncollected_regions
                .iter()
                .map(|r| r.to_string())
                .collect(),
            cells: cells.into_iter().flatten().collect(),
        }
    }

    fn reported_cell(&self, rep: &Reported, via: Option<&str>) -> Cell {
        Cell {
            state: state_of(rep, self.settings.now_ns, self.settings.max_age_ns),
            detail: Some(detail_of(rep, via)),
        }
    }

    fn not_expected() -> Cell {
        Cell {
            state: CellState::NotExpected,
            detail: None,
        }
    }

    /// A cell of a region the aggregator does not collect.
    fn uncollected_region(&self, region: &str) -> Cell {
        let what = match self.settings.expected_regions_from {
            Some(Listed::Flag) => "given with --expect-regions",
            Some(Listed::RegionList) => "enabled in the region list",
            Some(Listed::Manifest) => "captured by the snapshot",
            _ => "expected",
        };
        Cell {
            state: CellState::NotCollected,
            detail: Some(format!(
                "not collected: region {region} is {what}, and the aggregator does not collect it"
            )),
        }
    }

    fn org_row(&self, o: &str) -> Row {
        let item = self.item;
        let cells = self
            .regions
            .iter()
            .map(|r| match item.organization_regions.get(*r) {
                Some(rep) => self.reported_cell(rep, None),
                None if self.uncollected_regions.contains(r) => self.uncollected_region(r),
                None if item.expected_regions.iter().any(|e| e.region == *r)
                    && !item.reported.values().any(|m| m.contains_key(*r)) =>
                {
                    Cell {
                        state: CellState::Missing,
                        detail: Some(format!(
                            "expected to report; no source status for organization {o}"
                        )),
                    }
                }
                None => Self::not_expected(),
            })
            .collect();
        let row = AccountRow {
            id: o.to_string(),
            name: Some("organization".to_string()),
            expected: true,
            collected: true,
        };
        (row, cells)
    }

    fn account_row(&self, id: &str) -> Row {
        let item = self.item;
        let e = self.expected.get(id);
        let cells = self
            .regions
            .iter()
            .map(|r| match item.reported.get(id).and_then(|m| m.get(*r)) {
                Some(rep) => self.reported_cell(rep, None),
                None if self.uncollected_regions.contains(r) && e.is_some() => {
                    self.uncollected_region(r)
                }
                None if e.is_some_and(|e| e.regions.contains(*r)) => {
                    match item.organization_regions.get(*r) {
                        Some(rep) => self.reported_cell(rep, self.org),
                        None => Cell {
                            state: CellState::Missing,
                            detail: Some("expected to report; no source status".into()),
                        },
                    }
                }
                None => Self::not_expected(),
            })
            .collect();
        let row = AccountRow {
            id: id.to_string(),
            name: item.names.get(id).cloned(),
            expected: e.is_some(),
            collected: true,
        };
        (row, cells)
    }

    /// A scan-wide expected account the aggregator does not list: every cell not collected.
    fn uncollected_row(&self, id: &str) -> Row {
        let what = match self.settings.expected_accounts_from {
            Some(Listed::Organizations) => "an ACTIVE account of the organization",
            Some(Listed::Flag) => "given with --expect-accounts",
            _ => "expected",
        };
        let cell = Cell {
            state: CellState::NotCollected,
            detail: Some(format!(
                "not collected: account {id} is {what}, and the aggregator does not list it"
            )),
        };
        let row = AccountRow {
            id: id.to_string(),
            name: self.item.names.get(id).cloned(),
            expected: true,
            collected: false,
        };
        (row, vec![cell; self.regions.len()])
    }
}
