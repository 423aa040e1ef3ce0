//! The model as the policies' `input`: one regorus value, built for speed
//! (shared keys, interned strings, aggregators in parallel chunks, the source
//! statuses kept as Rust values until a part of them is evaluated), and the
//! table that maps each `loc` id back to its span and resource.

pub mod aggregator;
mod locations;
pub mod schema;
mod ser;

pub use locations::{Locations, Reading};

use crate::load::source::SourceFile;
use crate::model::finding::Resource;
use crate::model::timestamp::Instant;
use crate::model::*;
use rayon::prelude::*;
use regorus::value::Object;
use regorus::Value;
use serde::Serialize as _;
use std::collections::HashMap;
use std::sync::Arc;

impl Inventory {
    /// The policy input, and the table that turns each `loc` id back into a
    /// span and the resource it belongs to.
    pub fn to_value(
        self,
        settings: &Settings,
        coverage: &[crate::resolve::coverage::Item],
        files: &[SourceFile],
    ) -> (Value, Locations) {
        let (input, locs) = self.to_input(settings, coverage, files);
        (input.full(), locs)
    }

    /// The policy input with the source statuses kept aside, to be turned into
    /// values all at once or a part at a time (see [`PolicyInput`]), and the
    /// loc table.
    pub fn to_input(
        mut self,
        settings: &Settings,
        coverage: &[crate::resolve::coverage::Item],
        files: &[SourceFile],
    ) -> (PolicyInput, Locations) {
        let file_names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let mut b = Builder {
            files,
            ..Builder::default()
        };
        let Aggregators {
            values: aggregators,
            facts: aggregator_facts,
        } = encode_aggregators(&mut b, &self.aggregators, files, &file_names);
        let variants = readings(&self.aggregators);
        let no_statuses = self.source_statuses.is_empty();
        let statuses = Arc::new(std::mem::take(&mut self.source_statuses));
        let table = StatusTable::new(&statuses, settings.now_ns, &mut b);
        let status_base = table.base;

        // The collections below are encoded by their own `Serialize` (one
        // description of each: the model type, which also gives the schema);
        // each item owns the locs made while it is encoded.
        let listings = b.encode_each(&self.region_listings, |l| Resource {
            aggregator: None,
            account: None,
            region: l.region.as_deref().map(Arc::from),
        });
        let snapshots = b.encode_each(&self.snapshots, |_| Resource::default());
        let unchecked = b.encode_each(&self.unchecked, |_| Resource::default());
        let variables = b.encode_each(&self.variables, |_| Resource::default());
        let accounts = b.encode_each(&self.accounts, |a| Resource {
            aggregator: None,
            account: Some(Arc::from(a.id.as_str())),
            region: None,
        });
        let regions = b.encode_each(&self.regions, |r| Resource {
            aggregator: None,
            account: None,
            region: Some(Arc::from(r.region.as_str())),
        });
        let manifests = b.encode_each(&self.manifests, |_| Resource::default());
        let coverage = b.encode_each(coverage, |c| Resource {
            aggregator: c.aggregator.as_deref().map(Arc::from),
            account: c.aggregator_account.as_deref().map(Arc::from),
            region: c.aggregator_region.as_deref().map(Arc::from),
        });

        let settings_value = settings
            .serialize(ser::Encoder { b: &mut b })
            .unwrap_or(Value::Null);

        let mut root = Object::new();
        let aggregator_values = aggregators.clone();
        b.put(&mut root, "aggregators", Value::from(aggregators));
        b.put(
            &mut root,
            "source_statuses",
            Value::from(Vec::<Value>::new()),
        );
        b.put(&mut root, "region_listings", Value::from(listings));
        b.put(&mut root, "snapshots", Value::from(snapshots));
        b.put(&mut root, "accounts", Value::from(accounts));
        b.put(&mut root, "regions", Value::from(regions));
        b.put(&mut root, "manifests", Value::from(manifests));
        b.put(&mut root, "coverage", Value::from(coverage));
        b.put(&mut root, "unchecked", Value::from(unchecked));
        b.put(&mut root, "variables", Value::from(variables));
        b.put(&mut root, "settings", settings_value);
        let root = root.into_value();
        (
            PolicyInput {
                base: root.clone(),
                aggregators: aggregator_values,
                aggregator_facts,
                aggregators_key: Value::from("aggregators"),
                statuses_key: Value::from("source_statuses"),
                statuses: statuses.clone(),
                table,
                max_age_ns: settings.max_age_ns,
                empty: no_statuses && holds_nothing(&root),
            },
            Locations {
                spans: b.locs,
                owners: b.owners,
                resources: b.resources,
                status_base,
                statuses,
                variants,
            },
        )
    }
}

/// The aggregators as values, with the facts their `where` conditions test.
struct Aggregators {
    values: Vec<Value>,
    facts: Vec<u8>,
}

/// Every aggregator as a value, in parallel chunks: each chunk's builder
/// starts its locs and owners where the chunks before it end (counted
/// beforehand with `loc_count`), so the ids are those of a build in one go;
/// the chunks' tables are then appended to `b`'s.
fn encode_aggregators<'t>(
    b: &mut Builder<'t>,
    aggregators: &[Aggregator],
    files: &'t [SourceFile],
    file_names: &[&str],
) -> Aggregators {
    const CHUNK: usize = 256;
    let bases: Vec<(usize, usize)> = aggregators
        .chunks(CHUNK)
        .scan((0, 0), |next, chunk| {
            let base = *next;
            next.0 += chunk.iter().map(aggregator::loc_count).sum::<usize>();
            next.1 += chunk.len();
            Some(base)
        })
        .collect();

    let built: Vec<(Builder<'_>, Vec<Built>)> = aggregators
        .par_chunks(CHUNK)
        .zip(bases)
        .map(|(chunk, (loc_base, resource_base))| {
            let mut b = Builder {
                files,
                skipped: loc_base,
                resource_base,
                ..Builder::default()
            };
            let values = chunk
                .iter()
                .map(|a| {
                    let before = b.locs.len();
                    let v = aggregator_value(&mut b, a, file_names);
                    debug_assert_eq!(
                        b.locs.len() - before,
                        aggregator::loc_count(a),
                        "{}",
                        a.address
                    );
                    v
                })
                .collect();
            (b, values)
        })
        .collect();
    let n = aggregators.len();
    let mut values: Vec<Value> = Vec::with_capacity(n);
    let mut aggregator_facts: Vec<u8> = Vec::with_capacity(n);
    for (chunk, chunk_values) in built {
        b.locs.extend(chunk.locs);
        b.owners.extend(chunk.owners);
        b.resources.extend(chunk.resources);
        for (v, f) in chunk_values {
            values.push(v);
            aggregator_facts.push(f);
        }
    }
    Aggregators {
        values,
        facts: aggregator_facts,
    }
}

/// For each aggregator that is one reading of a definition read several
/// ways: the definition (the index of its first reading, same file and
/// address) and the reading.
fn readings(aggregators: &[Aggregator]) -> HashMap<u32, Reading> {
    // Each reading of a definition names the first (same file and address).
    let mut variants = HashMap::new();
    let mut firsts: HashMap<(FileId, &str), u32> = HashMap::new();
    for (i, a) in aggregators.iter().enumerate() {
        let Some(v) = &a.variant else { continue };
        let group = *firsts
            .entry((a.file, a.address.as_str()))
            .or_insert(i as u32);
        variants.insert(
            i as u32,
            Reading {
                group,
                variant: v.clone(),
            },
        );
    }
    variants
}

/// An aggregator's value, and the facts its conditions test.
type Built = (Value, u8);

/// The value of one aggregator: its [`aggregator::Aggregator`] through its
/// `Serialize`, owning its locs, with `sources` added.
fn aggregator_value(b: &mut Builder<'_>, a: &Aggregator, file_names: &[&str]) -> Built {
    b.own(Resource {
        aggregator: a.name.value.as_deref().map(Arc::from),
        account: a.account.as_deref().map(Arc::from),
        region: a.region.as_deref().map(Arc::from),
    });
    let view = aggregator::Aggregator::of(a, file_names);
    let facts = facts(a, view.unresolved.len());
    // The model holds nothing the encoder refuses (the schema test encodes
    // every fixture): a failure would be a type's, not an input's.
    let mut value = view.serialize(ser::Encoder { b }).unwrap_or(Value::Null);
    let key = b.key(aggregator::SOURCES);
    if let Ok(o) = value.as_object_mut() {
        let mut sources = match o.get(&b.key("account_sources")) {
            Some(Value::Array(a)) => a.to_vec(),
            _ => Vec::new(),
        };
        match o.get(&b.key("organization_source")) {
            None | Some(Value::Null) => {}
            Some(org) => sources.push(org.clone()),
        }
        // An existing key: setting it keeps the object frozen.
        if let Some(slot) = o.get_mut(&key) {
            *slot = Value::from(sources);
        }
    }
    (value, facts)
}

/// An input with nothing to check: every collection empty (statuses aside),
/// and no expected regions or accounts in the settings.
fn holds_nothing(root: &Value) -> bool {
    let empty = |v: &Value| match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Set(s) => s.is_empty(),
        Value::Null | Value::Undefined => true,
        _ => false,
    };
    let Ok(members) = root.as_object() else {
        return false;
    };
    members.iter().all(|(k, v)| match k.as_string() {
        Ok(k) if k.as_ref() == "settings" => v.as_object().is_ok_and(|st| {
            st.iter().all(|(k, v)| {
                !matches!(k.as_string(), Ok(k) if k.starts_with("expected_")) || empty(v)
            })
        }),
        _ => empty(v),
    })
}

fn opt_arc(s: &Option<Arc<str>>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::String(s.clone()))
}

/// A fixed, fast hash for the builder's small tables of keys and strings.
type FastHash = foldhash::fast::FixedState;

/// Builds values with shared keys (one allocation per distinct key, not per
/// object) and keeps the loc table and each loc's owner.
#[derive(Default)]
struct Builder<'t> {
    /// The scanned files, to quote an unresolved expression (borrowed: each
    /// chunk's builder must not copy a list of 10^5 files).
    files: &'t [SourceFile],
    locs: Vec<Span>,
    owners: Vec<u32>,
    resources: Vec<Resource>,
    /// Loc ids before the first of `locs` (given to statuses, or to the
    /// chunks of aggregators before this builder's).
    skipped: usize,
    /// Owners before the first of `resources` (the chunks before this one).
    resource_base: usize,
    keys: HashMap<&'static str, Value, FastHash>,
    /// Values of `'static` items, by address (`ser::SHARED_NEWTYPE`).
    shared: HashMap<usize, Value, FastHash>,
    /// Each shape of object met so far, by [`Shape::signature`].
    shapes: HashMap<u64, Shape, FastHash>,
}

/// The keys of a struct's object, in the order the struct writes them (one
/// struct with the same fields skipped), and an object with those keys and
/// null values, frozen (sorted) once.
struct Shape {
    names: Vec<&'static str>,
    keys: Vec<Value>,
    template: Value,
}

impl Shape {
    /// Keys are the struct's `'static` field names: their addresses and
    /// lengths identify them without reading their text.
    fn signature(fields: &[(&'static str, Value)]) -> u64 {
        fields.iter().fold(fields.len() as u64, |h, (k, _)| {
            (h.rotate_left(13) ^ k.as_ptr() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ^ k.len() as u64
        })
    }

    fn fits(&self, fields: &[(&'static str, Value)]) -> bool {
        self.names.len() == fields.len()
            && self
                .names
                .iter()
                .zip(fields)
                .all(|(n, (k, _))| std::ptr::eq(*n, *k))
    }

    /// The template with `fields`' values (in the shape's order) set.
    fn fill(&self, fields: Vec<(&'static str, Value)>) -> Value {
        let mut value = self.template.clone();
        if let Ok(o) = value.as_object_mut() {
            for ((_, v), key) in fields.into_iter().zip(&self.keys) {
                if let Some(slot) = o.get_mut(key) {
                    *slot = v;
                }
            }
        }
        value
    }
}

/// The policy input, with the source statuses (often most of it) kept as Rust
/// values until they are needed: [`PolicyInput::full`] gives the whole input,
/// [`PolicyInput::part`] the same input holding only a range of the statuses,
/// for policies whose findings each depend on one status. Either way a status
/// becomes the same value with the same loc ids.
pub struct PolicyInput {
    /// `input` with an empty `source_statuses` list.
    pub base: Value,
    /// The values of `input.aggregators`, for inputs holding some of them.
    aggregators: Vec<Value>,
    /// What [`AggregatorCondition`]s test, per aggregator.
    aggregator_facts: Vec<u8>,
    aggregators_key: Value,
    statuses_key: Value,
    statuses: Arc<Vec<SourceStatus>>,
    table: StatusTable,
    max_age_ns: i64,
    empty: bool,
}

/// A condition on an aggregator that a per-item policy declares
/// (`custom.where` with `checks: aggregators`): every aggregator the policy
/// reports satisfies it, so the others are left out of its evaluation, at every
/// input size. `FIELD == null`, `FIELD != null` (`organization_source`,
/// `duplicate_of`) and `FIELD == []`, `FIELD != []` (`account_sources`,
/// `unresolved`), each holding exactly when the same test in Rego does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AggregatorCondition {
    /// The fact tested (a bit of [`facts`]).
    fact: u8,
    /// Whether the fact must hold (`!= null`, `!= []`) or not.
    present: bool,
}

const HAS_ORGANIZATION: u8 = 1;
const HAS_ACCOUNTS: u8 = 2;
const HAS_UNRESOLVED: u8 = 4;
const HAS_DUPLICATE: u8 = 8;

impl AggregatorCondition {
    pub fn parse(s: &str) -> Result<AggregatorCondition, String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        let (field, op, empty) = match words.as_slice() {
            [f, op @ ("==" | "!="), e @ ("null" | "[]")] => (*f, *op, *e),
            _ => {
                return Err(format!(
                    "`{s}` is not `FIELD == null`, `FIELD != null`, `FIELD == []` or `FIELD != []`"
                ))
            }
        };
        let fact = match (field, empty) {
            ("organization_source", "null") => HAS_ORGANIZATION,
            ("duplicate_of", "null") => HAS_DUPLICATE,
            ("account_sources", "[]") => HAS_ACCOUNTS,
            ("unresolved", "[]") => HAS_UNRESOLVED,
            _ => {
                return Err(format!(
                    "`{s}`: the aggregator fields are organization_source and duplicate_of (== null, != null), account_sources and unresolved (== [], != [])"
                ))
            }
        };
        Ok(AggregatorCondition {
            fact,
            present: op == "!=",
        })
    }

    pub fn holds(&self, facts: u8) -> bool {
        (facts & self.fact != 0) == self.present
    }
}

/// The facts [`AggregatorCondition`]s test, of one aggregator and the number of
/// values in it unknown offline.
fn facts(a: &Aggregator, unresolved: usize) -> u8 {
    let mut f = 0;
    if a.organization_source.is_some() {
        f |= HAS_ORGANIZATION;
    }
    if !a.account_sources.is_empty() {
        f |= HAS_ACCOUNTS;
    }
    if unresolved > 0 {
        f |= HAS_UNRESOLVED;
    }
    if a.duplicate_of.is_some() {
        f |= HAS_DUPLICATE;
    }
    f
}

/// A condition on a source status that a per-item policy declares
/// (`custom.where`): every status it reports satisfies it, so a status that
/// does not is left out of the policy's evaluation. Each holds exactly when the
/// same test in Rego does, on the status's value:
///
/// - `FIELD == TEXT`, `FIELD != TEXT`: `status`, `source_type`, `region` or
///   `error_code` against a string (a null field is not equal to any);
/// - `age_ns > settings.max_age_ns`: older than `--max-age` (a null age is not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Text {
        field: &'static str,
        equal: bool,
        text: String,
    },
    OlderThanMaxAge,
}

impl Condition {
    pub fn parse(s: &str) -> Result<Condition, String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        match words.as_slice() {
            ["age_ns", ">", "settings.max_age_ns"] => Ok(Condition::OlderThanMaxAge),
            [field, op @ ("==" | "!="), text] => {
                let field = ["status", "source_type", "region", "error_code"]
                    .into_iter()
                    .find(|f| f == field)
                    .ok_or_else(|| {
                        format!("`{s}`: `{field}` is not status, source_type, region or error_code")
                    })?;
                Ok(Condition::Text {
                    field,
                    equal: *op == "==",
                    text: text.trim_matches('"').to_string(),
                })
            }
            _ => Err(format!(
                "`{s}` is not `FIELD == TEXT`, `FIELD != TEXT` or `age_ns > settings.max_age_ns`"
            )),
        }
    }

    pub fn holds(&self, s: &SourceStatus, now_ns: i64, max_age_ns: i64) -> bool {
        match self {
            Condition::Text { field, equal, text } => {
                let v = match *field {
                    "status" => &s.status,
                    "source_type" => &s.source_type,
                    "region" => &s.region,
                    _ => &s.error_code,
                };
                (v.as_deref() == Some(text.as_str())) == *equal
            }
            Condition::OlderThanMaxAge => s
                .updated_ns
                .is_some_and(|t| now_ns.saturating_sub(t) > max_age_ns),
        }
    }
}

impl PolicyInput {
    pub fn status_count(&self) -> usize {
        self.statuses.len()
    }

    /// Nothing was read: no aggregator, status, listing or snapshot.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Indexes of the statuses that satisfy every condition.
    pub fn select(&self, conditions: &[Condition]) -> Vec<usize> {
        let (now, max_age) = (self.table.now_ns, self.max_age_ns);
        (0..self.statuses.len())
            .into_par_iter()
            .with_min_len(4096)
            .filter(|&i| {
                conditions
                    .iter()
                    .all(|c| c.holds(&self.statuses[i], now, max_age))
            })
            .collect()
    }

    /// The input holding only the statuses at `indexes` (in that order).
    pub fn part_of(&self, indexes: &[usize]) -> Value {
        let mut intern = ErrorTexts::default();
        let values = indexes
            .iter()
            .filter_map(|&i| {
                self.statuses
                    .get(i)
                    .map(|s| self.table.value(s, i, &mut intern))
            })
            .collect();
        self.with_statuses(values)
    }

    /// The whole input. Statuses become values in parallel chunks.
    pub fn full(&self) -> Value {
        const CHUNK: usize = 4096;
        if self.statuses.is_empty() {
            return self.base.clone();
        }
        let chunks: Vec<Vec<Value>> = self
            .statuses
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(ci, chunk)| self.table.values(chunk, ci * CHUNK))
            .collect();
        let mut all = Vec::with_capacity(self.statuses.len());
        for mut c in chunks {
            all.append(&mut c);
        }
        self.with_statuses(all)
    }

    pub fn aggregator_count(&self) -> usize {
        self.aggregators.len()
    }

    /// Indexes of the aggregators that satisfy every condition.
    pub fn select_aggregators(&self, conditions: &[AggregatorCondition]) -> Vec<usize> {
        (0..self.aggregators.len())
            .filter(|&i| conditions.iter().all(|c| c.holds(self.aggregator_facts[i])))
            .collect()
    }

    /// `input` holding only the aggregators at `indexes` (in that order).
    pub fn with_aggregator_indexes(&self, input: &Value, indexes: &[usize]) -> Value {
        let mut root = input.clone();
        let part: Vec<Value> = indexes
            .iter()
            .filter_map(|&i| self.aggregators.get(i).cloned())
            .collect();
        if let Ok(o) = root.as_object_mut() {
            o.insert(self.aggregators_key.clone(), Value::from(part));
        }
        root
    }

    /// `input` (the base, or the whole input) holding only the aggregators in `range`.
    pub fn with_aggregators(&self, input: &Value, range: std::ops::Range<usize>) -> Value {
        let mut root = input.clone();
        let part = self.aggregators.get(range).unwrap_or_default().to_vec();
        if let Ok(o) = root.as_object_mut() {
            o.insert(self.aggregators_key.clone(), Value::from(part));
        }
        root
    }

    fn with_statuses(&self, values: Vec<Value>) -> Value {
        let mut root = self.base.clone();
        if let Ok(o) = root.as_object_mut() {
            // An existing key: the object keeps its compact form.
            o.insert(self.statuses_key.clone(), Value::from(values));
        }
        root
    }
}

/// What turning statuses into values needs: keys made once, the context object
/// shared by a whole file (its aggregator), the snapshot time and the first loc
/// id. The loc ids of status `i` are `base + 3i`, `+1`, `+2`.
struct StatusTable {
    keys: StatusKeys,
    contexts: HashMap<CtxKey, Value>,
    base: usize,
    now_ns: i64,
}

/// Contexts are compared by what they hold: files of one aggregator share a value.
type CtxKey = StatusContext;

fn ctx_key(s: &SourceStatus) -> &CtxKey {
    &s.context
}

impl StatusTable {
    /// Contexts, and the statuses' locs and owners added to the builder.
    fn new(statuses: &[SourceStatus], now_ns: i64, b: &mut Builder<'_>) -> StatusTable {
        let mut contexts: HashMap<CtxKey, Value> = HashMap::new();
        let mut last: Option<&Arc<StatusContext>> = None;
        for s in statuses {
            // Statuses of a file come together and share their context.
            if last.is_some_and(|l| Arc::ptr_eq(l, &s.context)) {
                continue;
            }
            last = Some(&s.context);
            let c = &s.context;
            contexts.entry((**c).clone()).or_insert_with(|| {
                let mut o = Object::new();
                o.insert(Value::from("aggregator"), opt_arc(&c.aggregator));
                o.insert(
                    Value::from("aggregator_from"),
                    c.aggregator_from
                        .map_or(Value::Null, |f| Value::from(f.as_str())),
                );
                o.insert(Value::from("account"), opt_arc(&c.account));
                o.insert(Value::from("region"), opt_arc(&c.region));
                o.into_value()
            });
        }
        // The statuses' locs come next; `Locations` reads them from the statuses.
        let base = b.locs.len() + b.skipped;
        b.skipped += statuses.len() * 3;
        StatusTable {
            keys: StatusKeys::new(),
            contexts,
            base,
            now_ns,
        }
    }

    /// Values of `chunk`, whose first status is status `first` of the scan.
    fn values(&self, chunk: &[SourceStatus], first: usize) -> Vec<Value> {
        let mut intern = ErrorTexts::default();
        chunk
            .iter()
            .enumerate()
            .map(|(j, s)| self.value(s, first + j, &mut intern))
            .collect()
    }

    /// The value of status `index` of the scan.
    fn value(&self, s: &SourceStatus, index: usize, error_texts: &mut ErrorTexts) -> Value {
        let now_ns = self.now_ns;
        {
            let loc = self.base + 3 * index;
            let subject = Value::from(s.subject());
            let error_text = error_texts.get(s);
            let account = status_account(s).map_or(Value::Null, |a| Value::String(a.clone()));
            let context = self
                .contexts
                .get(ctx_key(s))
                .cloned()
                .unwrap_or(Value::Null);
            let (at, ns, age) = match s.updated_ns {
                Some(t) => (
                    Value::from(Instant::from_ns(t).rfc3339),
                    Value::from(t),
                    Value::from(now_ns.saturating_sub(t)),
                ),
                None => (Value::Null, Value::Null, Value::Null),
            };
            let k = &self.keys.0;
            let pairs = [
                (k[0].clone(), opt_arc(&s.context.aggregator)),
                (k[1].clone(), context),
                (k[2].clone(), opt_arc(&s.source_id)),
                (k[3].clone(), account),
                (k[4].clone(), opt_arc(&s.source_type)),
                (k[5].clone(), opt_arc(&s.region)),
                (k[6].clone(), opt_arc(&s.status)),
                (k[7].clone(), at),
                (k[8].clone(), ns),
                (k[9].clone(), opt_arc(&s.error_code)),
                (k[10].clone(), opt_arc(&s.error_message)),
                (k[11].clone(), subject),
                (k[12].clone(), error_text),
                (k[13].clone(), Value::from(loc)),
                (k[14].clone(), Value::from(loc + 1)),
                (k[15].clone(), Value::from(loc + 2)),
                (k[16].clone(), age),
            ];
            // In key order, the map is built without sorting.
            let mut pairs = pairs.map(Some);
            let map: std::collections::BTreeMap<Value, Value> = self
                .keys
                .1
                .iter()
                .filter_map(|&i| pairs[i].take())
                .collect();
            Object::from(map).into_value()
        }
    }
}

/// `error_text` repeats across sources (the same few codes and messages): one
/// value per distinct text.
#[derive(Default)]
struct ErrorTexts(HashMap<String, Value>);

impl ErrorTexts {
    fn get(&mut self, s: &SourceStatus) -> Value {
        self.0
            .entry(s.error_text())
            .or_insert_with_key(|k| Value::from(k.as_str()))
            .clone()
    }
}

/// A status's account: its `SourceId`, unless it is an organization.
pub(super) fn status_account(s: &SourceStatus) -> Option<&Arc<str>> {
    match s.source_type.as_deref() {
        Some("ORGANIZATION") => None,
        _ => s.source_id.as_ref(),
    }
}

/// The keys of a status object, and their indexes in sorted order.
struct StatusKeys([Value; 17], [usize; 17]);

impl StatusKeys {
    fn new() -> Self {
        let keys = [
            "aggregator",
            "context",
            "source_id",
            "account",
            "source_type",
            "region",
            "status",
            "updated_at",
            "updated_ns",
            "error_code",
            "error_message",
            "subject",
            "error_text",
            "loc",
            "status_loc",
            "updated_loc",
            "age_ns",
        ]
        .map(Value::from);
        let mut order: [usize; 17] = std::array::from_fn(|i| i);
        order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
        StatusKeys(keys, order)
    }
}

impl Builder<'_> {
    fn put(&mut self, o: &mut Object, key: &'static str, v: Value) {
        let k = self.key(key);
        o.insert(k, v);
    }

    /// A struct's fields as one object. An object is a sorted slice of
    /// entries once frozen; rather than sorting each object's keys into a
    /// tree and freezing it, objects of one shape copy that shape's frozen
    /// template and set its values (a value-only change keeps it frozen).
    /// Encoding 10^4 aggregators makes some 10^5 objects of a dozen shapes.
    fn object(&mut self, fields: Vec<(&'static str, Value)>) -> Value {
        let signature = Shape::signature(&fields);
        if !self.shapes.contains_key(&signature) {
            let names: Vec<&'static str> = fields.iter().map(|(k, _)| *k).collect();
            let keys: Vec<Value> = names.iter().map(|k| self.key(k)).collect();
            let template = keys
                .iter()
                .map(|k| (k.clone(), Value::Null))
                .collect::<Object>()
                .into_value();
            let shape = Shape {
                names,
                keys,
                template,
            };
            self.shapes.insert(signature, shape);
        }
        match self.shapes.get(&signature) {
            Some(shape) if shape.fits(&fields) => shape.fill(fields),
            // Another shape with the same signature (never seen, never
            // wrong): its keys sorted one by one.
            _ => {
                let mut o = Object::new();
                for (k, v) in fields {
                    self.put(&mut o, k, v);
                }
                o.into_value()
            }
        }
    }

    /// The text at `span`, for a message naming an unknown value: whitespace
    /// folded, 80 characters at most.
    fn quote(&self, span: Span) -> String {
        self.files
            .get(span.file as usize)
            .and_then(|f| f.text.get(span.start as usize..span.end as usize))
            .map(|e| {
                let e = e.split_whitespace().collect::<Vec<_>>().join(" ");
                match e.char_indices().nth(80) {
                    Some((i, _)) => format!("{}…", &e[..i]),
                    None => e,
                }
            })
            .unwrap_or_else(|| "<unknown>".to_string())
    }

    /// `key` as a value shared by every object that has it.
    fn key(&mut self, key: &'static str) -> Value {
        self.keys
            .entry(key)
            .or_insert_with(|| Value::from(key))
            .clone()
    }

    /// Start a new owner for the locs made from here on.
    fn own(&mut self, r: Resource) {
        self.resources.push(r);
    }

    /// Each item through its own `Serialize`, owning the locs it makes.
    fn encode_each<T: serde::Serialize>(
        &mut self,
        items: &[T],
        owner: impl Fn(&T) -> Resource,
    ) -> Vec<Value> {
        items
            .iter()
            .map(|item| {
                self.own(owner(item));
                // The model's types hold nothing the encoder refuses (the
                // schema test encodes every fixture): a failure would be a
                // type's, not an input's.
                item.serialize(ser::Encoder { b: self })
                    .unwrap_or(Value::Null)
            })
            .collect()
    }

    fn loc(&mut self, span: Span) -> Value {
        self.locs.push(span);
        // No owner yet: u32::MAX, which `Locations::get` treats as none.
        self.owners.push(
            self.resources
                .len()
                .checked_sub(1)
                .map_or(u32::MAX, |i| (i + self.resource_base) as u32),
        );
        Value::from(self.locs.len() - 1 + self.skipped)
    }
}
