//! Saved output of `aws configservice describe-configuration-aggregators`,
//! `describe-configuration-aggregator-sources-status` and
//! `put-configuration-aggregator`: AWS CLI v1 and v2, boto3 dumps, pages.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::input::json::{Doc, JsonError, Kind, Member, Raw, Root};
use crate::model::aws;
use crate::model::timestamp;
use crate::model::*;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

pub const DESCRIBE: &str = "describe-configuration-aggregators";
pub const STATUS: &str = "describe-configuration-aggregator-sources-status";
pub const PUT: &str = "put-configuration-aggregator";

/// What a JSON document holds, judged from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    DescribePage,
    StatusPage,
    PutResponse,
    /// A list of pages (boto3 paginator) — of either kind.
    Pages,
    /// A bare list of aggregators (`--query ConfigurationAggregators`).
    BareAggregators,
    /// A bare list of source statuses (`--query AggregatedSourceStatusList`).
    BareStatuses,
}

pub fn shape(doc: &Doc<'_>, root: &Root<'_>) -> Option<Shape> {
    match root {
        Root::Object(members) => {
            let has = |k: &str| members.iter().any(|m| m.key == k);
            if has("ConfigurationAggregators") {
                Some(Shape::DescribePage)
            } else if has("AggregatedSourceStatusList") {
                Some(Shape::StatusPage)
            } else if has("ConfigurationAggregator") {
                Some(Shape::PutResponse)
            } else {
                None
            }
        }
        Root::Array(items) => {
            let first = doc.object(*items.first()?, "item").ok()?;
            let has = |k: &str| first.iter().any(|m| m.key == k);
            if has("ConfigurationAggregators") || has("AggregatedSourceStatusList") {
                Some(Shape::Pages)
            } else if has("ConfigurationAggregatorName") || has("ConfigurationAggregatorArn") {
                Some(Shape::BareAggregators)
            } else if has("LastUpdateStatus") || has("SourceId") {
                Some(Shape::BareStatuses)
            } else {
                None
            }
        }
        Root::Scalar => None,
    }
}

/// Each page's list under a key (the list's span and items), and the last page's `NextToken`.
type PageParts<'a> = (Vec<(Range<usize>, Vec<Raw<'a>>)>, Option<(String, Raw<'a>)>);

/// A page: its span and its top-level members.
type Page<'a> = (Range<usize>, Vec<Member<'a>>);

/// `AllAwsRegions` and `AwsRegions` of a source.
type RegionFields = (Field<bool>, Field<Vec<Field<String>>>);

pub struct Parser<'a, 'c> {
    doc: Doc<'a>,
    file: FileId,
    /// The file's display name; a region in it is the aggregator's region.
    name: &'a str,
    ctx: &'c Ctx<'c>,
    pub inventory: Inventory,
    pub errors: Vec<Diagnostic>,
}

impl<'a, 'c> Parser<'a, 'c> {
    pub fn new(doc: Doc<'a>, file: FileId, name: &'a str, ctx: &'c Ctx<'c>) -> Self {
        Parser {
            doc,
            file,
            name,
            ctx,
            inventory: Inventory::default(),
            errors: Vec::new(),
        }
    }

    fn span(&self, raw: Raw<'_>) -> Span {
        Span::new(self.file, self.doc.span(raw))
    }

    fn error(&mut self, e: JsonError) {
        self.errors.push(Diagnostic::at(
            self.name,
            self.file,
            e.offset..e.offset + e.len,
            e.message,
        ));
    }

    /// Run `f`, turning a shape error into a located error.
    fn attempt<T>(&mut self, r: Result<T, JsonError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(e);
                None
            }
        }
    }

    pub fn parse(&mut self, root: Root<'a>, shape: Shape) {
        let root_span = self.doc.root_span();
        match (shape, root) {
            (Shape::DescribePage, Root::Object(m)) => {
                self.describe_pages(vec![(root_span.clone(), m)], root_span)
            }
            (Shape::StatusPage, Root::Object(m)) => {
                self.status_pages(vec![(root_span.clone(), m)], root_span)
            }
            (Shape::PutResponse, Root::Object(m)) => {
                for m in m.iter().filter(|m| m.key == "ConfigurationAggregator") {
                    self.aggregators(&[m.value], "ConfigurationAggregator", None);
                }
                self.snapshot(PUT, None, root_span);
            }
            (Shape::Pages, Root::Array(items)) => {
                let mut pages = Vec::with_capacity(items.len());
                for (i, p) in items.iter().enumerate() {
                    let what = format!("page {}", i + 1);
                    if let Some(m) = self.attempt(self.doc.object(*p, &what)) {
                        pages.push((self.doc.span(*p), m));
                    }
                }
                let is_status = pages
                    .first()
                    .is_some_and(|(_, m)| m.iter().any(|m| m.key == "AggregatedSourceStatusList"));
                if is_status {
                    self.status_pages(pages, root_span)
                } else {
                    self.describe_pages(pages, root_span)
                }
            }
            (Shape::BareAggregators, Root::Array(items)) => {
                let names = self.aggregators(&items, "[", None);
                self.listing(names, root_span.clone(), true);
                self.snapshot(DESCRIBE, None, root_span);
            }
            (Shape::BareStatuses, Root::Array(items)) => {
                self.statuses(&items);
                self.snapshot(STATUS, None, root_span);
            }
            _ => {}
        }
    }

    /// The value under `key` of each page, and the last page's `NextToken`.
    fn page_parts(&mut self, pages: &mut [Page<'a>], key: &str) -> PageParts<'a> {
        let mut parts = Vec::new();
        let mut token = None;
        let count = pages.len();
        for (i, (span, members)) in pages.iter_mut().enumerate() {
            let what = if count > 1 {
                format!("page {}", i + 1)
            } else {
                "document".to_string()
            };
            token = None;
            let mut found = false;
            for m in members.iter_mut() {
                if m.key == key {
                    found = true;
                    if let Some(items) = self.attempt(self.doc.elements(m, key)) {
                        parts.push((self.doc.span(m.value), items));
                    }
                } else if m.key == "NextToken" {
                    token = self.next_token(m);
                }
            }
            if !found {
                self.errors.push(Diagnostic::at(
                    self.name,
                    self.file,
                    span.start..span.start + 1,
                    format!("{what} has no `{key}`: not an API page"),
                ));
            }
        }
        (parts, token)
    }

    fn next_token(&mut self, m: &Member<'a>) -> Option<(String, Raw<'a>)> {
        match Kind::of(m.value) {
            Kind::Null => None,
            _ => {
                let s = self.attempt(self.doc.string(m.value, "NextToken"))?;
                (!s.is_empty()).then(|| (s.into_owned(), m.value))
            }
        }
    }

    fn snapshot(
        &mut self,
        kind: &'static str,
        token: Option<(String, Raw<'a>)>,
        root: Range<usize>,
    ) {
        let span = match &token {
            Some((_, raw)) => self.span(*raw),
            None => Span::new(self.file, root),
        };
        self.inventory.snapshots.push(Snapshot {
            file: self.file,
            kind,
            next_token: token.map(|t| t.0),
            span,
        });
    }

    fn describe_pages(&mut self, mut pages: Vec<Page<'a>>, root: Range<usize>) {
        let (parts, token) = self.page_parts(&mut pages, "ConfigurationAggregators");
        let mut names = Vec::new();
        let mut index = 0;
        for (_, items) in &parts {
            names.extend(self.aggregators(items, "ConfigurationAggregators[", Some(&mut index)));
        }
        let anchor = parts.first().map_or(root.clone(), |p| p.0.clone());
        self.listing(names, anchor, token.is_none());
        self.snapshot(DESCRIBE, token, root);
    }

    fn status_pages(&mut self, mut pages: Vec<Page<'a>>, root: Range<usize>) {
        let (parts, token) = self.page_parts(&mut pages, "AggregatedSourceStatusList");
        drop(pages);
        for (_, items) in &parts {
            self.statuses(items);
        }
        self.snapshot(STATUS, token, root);
    }

    fn listing(
        &mut self,
        names: Vec<(String, Option<String>)>,
        anchor: Range<usize>,
        complete: bool,
    ) {
        // The region of a describe output: its aggregators' ARNs, else the path, else --region.
        let from_arn = names.iter().find_map(|(_, r)| r.clone());
        let (region, region_from) = self.region(from_arn);
        self.inventory.region_listings.push(RegionListing {
            region,
            region_from,
            aggregator_names: names.into_iter().map(|(n, _)| n).collect(),
            complete,
            span: Span::new(self.file, anchor),
        });
    }

    fn region(&self, from_arn: Option<String>) -> (Option<String>, Option<Learnt>) {
        if let Some(r) = from_arn {
            return (Some(r), Some(Learnt::Arn));
        }
        if let Some(r) = aws::region_in_path(std::path::Path::new(self.name)) {
            return (Some(r), Some(Learnt::Path));
        }
        match self.ctx.region {
            Some(r) => (Some(r.to_string()), Some(Learnt::Flag)),
            None => (None, None),
        }
    }

    /// Parse aggregator entries; returns each one's name and ARN region.
    fn aggregators(
        &mut self,
        items: &[Raw<'a>],
        address_prefix: &str,
        mut index: Option<&mut usize>,
    ) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        let items = self.capped(
            items,
            self.ctx.limits.aggregators,
            "aggregators",
            "--max-aggregators-per-file",
            index.as_deref().copied().unwrap_or(0),
        );
        for item in items {
            let address = match index.as_deref_mut() {
                Some(i) => {
                    *i += 1;
                    format!("{address_prefix}{}]", *i - 1)
                }
                None if address_prefix == "[" => format!("[{}]", out.len()),
                None => address_prefix.to_string(),
            };
            match self.aggregator(*item, address) {
                Some(a) => {
                    out.push((
                        a.name.value.clone().unwrap_or_default(),
                        a.arn
                            .as_deref()
                            .and_then(aws::arn_region_account)
                            .map(|p| p.0),
                    ));
                    self.inventory.aggregators.push(a);
                }
                // An entry that could not be read (its error is reported) still
                // shows the region has an aggregator.
                None => out.push((String::new(), None)),
            }
        }
        out
    }

    fn aggregator(&mut self, item: Raw<'a>, address: String) -> Option<Aggregator> {
        let members = self.attempt(self.doc.object(item, "aggregator"))?;
        let span = self.span(item);
        let mut name = Field::missing(span);
        let mut arn = None;
        let mut account_sources = Vec::new();
        let mut organization_source = None;
        for m in &members {
            match m.key.as_ref() {
                "ConfigurationAggregatorName" => {
                    let v =
                        self.attempt(self.doc.string(m.value, "ConfigurationAggregatorName"))?;
                    name = Field::given(v.into_owned(), self.span(m.value));
                }
                "ConfigurationAggregatorArn" => {
                    arn = Some(
                        self.attempt(self.doc.string(m.value, "ConfigurationAggregatorArn"))?
                            .into_owned(),
                    );
                }
                "AccountAggregationSources" => {
                    let list =
                        self.attempt(self.doc.array(m.value, "AccountAggregationSources"))?;
                    for s in list {
                        account_sources.push(self.account_source(s)?);
                    }
                }
                "OrganizationAggregationSource" if Kind::of(m.value) != Kind::Null => {
                    organization_source = Some(self.org_source(m.value)?);
                }
                "CreationTime" | "LastUpdatedTime" => {
                    self.time(m.value, &m.key);
                }
                _ => {}
            }
        }
        let arn_parts = arn.as_deref().and_then(aws::arn_region_account);
        let (region, region_from) = self.region(arn_parts.as_ref().map(|p| p.0.clone()));
        Some(Aggregator {
            name,
            kind: InputKind::AwsCli,
            file: self.file,
            address,
            account: arn_parts.map(|p| p.1),
            arn,
            region,
            region_from,
            account_sources,
            organization_source,
            tags: Field::missing(span),
            span,
            extent: span,
            ignores: Vec::new(),
            resource_type: None,
            dialect: Dialect::Aws,
            name_required: true,
            sources_known: true,
            variant: None,
            duplicate_of: None,
        })
    }

    fn regions_and_all(&mut self, members: &[Member<'a>], span: Span) -> Option<RegionFields> {
        let mut all = Field::missing(span);
        let mut regions = Field::missing(span);
        for m in members {
            match m.key.as_ref() {
                "AllAwsRegions" => {
                    let v = self.attempt(self.doc.bool(m.value, "AllAwsRegions"))?;
                    all = Field::given(v, self.span(m.value));
                }
                "AwsRegions" => regions = self.string_list(m.value, "AwsRegions")?,
                _ => {}
            }
        }
        Some((all, regions))
    }

    fn string_list(&mut self, raw: Raw<'a>, what: &str) -> Option<Field<Vec<Field<String>>>> {
        let items = self.attempt(self.doc.array(raw, what))?;
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            let s = self.attempt(self.doc.string(i, &format!("each of {what}")))?;
            out.push(Field::given(s.into_owned(), self.span(i)));
        }
        Some(Field::given(out, self.span(raw)))
    }

    fn account_source(&mut self, raw: Raw<'a>) -> Option<AccountSource> {
        let members = self.attempt(self.doc.object(raw, "account aggregation source"))?;
        let span = self.span(raw);
        let (all_regions, regions) = self.regions_and_all(&members, span)?;
        let mut account_ids = Field::missing(span);
        for m in &members {
            if m.key == "AccountIds" {
                account_ids = self.string_list(m.value, "AccountIds")?;
            }
        }
        Some(AccountSource {
            account_ids,
            all_regions,
            regions,
            span,
        })
    }

    fn org_source(&mut self, raw: Raw<'a>) -> Option<OrganizationSource> {
        let members = self.attempt(self.doc.object(raw, "OrganizationAggregationSource"))?;
        let span = self.span(raw);
        let (all_regions, regions) = self.regions_and_all(&members, span)?;
        let mut role_arn = Field::missing(span);
        for m in &members {
            if m.key == "RoleArn" {
                let v = self.attempt(self.doc.string(m.value, "RoleArn"))?;
                role_arn = Field::given(v.into_owned(), self.span(m.value));
            }
        }
        Some(OrganizationSource {
            role_arn,
            all_regions,
            regions,
            span,
        })
    }

    /// A timestamp in any of the CLI's forms; a malformed one is a located error.
    fn time(&mut self, raw: Raw<'a>, what: &str) -> Option<i64> {
        read_time(&self.doc, self.file, self.name, raw, what, &mut self.errors)
    }

    /// The first items of a list that fit under `max` for the file (`before`
    /// of them already read); the others are reported, once, at the first one
    /// left out.
    fn capped<'i>(
        &mut self,
        items: &'i [Raw<'a>],
        max: usize,
        what: &str,
        flag: &str,
        before: usize,
    ) -> &'i [Raw<'a>] {
        let room = max.saturating_sub(before);
        if items.len() <= room {
            return items;
        }
        let first = self.doc.span(items[room]);
        self.errors.push(Diagnostic::at(
            self.name,
            self.file,
            first.start..first.start + 1,
            format!(
                "{} more {what} from here on are not read: a file holds at most {max} ({flag})",
                items.len() - room
            ),
        ));
        &items[..room]
    }

    /// Source statuses, read in parallel: exports can hold hundreds of thousands.
    fn statuses(&mut self, items: &[Raw<'a>]) {
        let before = self.inventory.source_statuses.len();
        let items = self.capped(
            items,
            self.ctx.limits.items,
            "source statuses",
            "--max-items-per-file",
            before,
        );
        let (doc, file, name) = (&self.doc, self.file, self.name);
        // One context for the file: `--aggregator`, when given, names its aggregator.
        let aggregator = self.ctx.aggregator;
        let context = Arc::new(StatusContext {
            aggregator: aggregator.map(Arc::from),
            aggregator_from: aggregator.map(|_| Learnt::Flag),
            ..StatusContext::default()
        });
        // Collected in place, one allocation for the whole list (a large export
        // must not be held twice); errors, rare, are put back in item order.
        let failures = std::sync::Mutex::new(Vec::new());
        let read: Vec<Option<SourceStatus>> = items
            .par_iter()
            .enumerate()
            .with_min_len(1024)
            .map_init(Interner::default, |strings, (i, item)| {
                let mut errors = Vec::new();
                let s = read_status(doc, file, name, &context, *item, strings, &mut errors);
                if !errors.is_empty() {
                    if let Ok(mut f) = failures.lock() {
                        f.push((i, errors));
                    }
                }
                s
            })
            .collect();
        // `filter_map` (unlike `flatten`) collects in place: the list is not copied.
        #[allow(clippy::filter_map_identity)]
        let statuses: Vec<SourceStatus> = read.into_iter().filter_map(|s| s).collect();
        if self.inventory.source_statuses.is_empty() {
            self.inventory.source_statuses = statuses;
        } else {
            self.inventory.source_statuses.extend(statuses);
        }
        let mut failures = failures.into_inner().unwrap_or_default();
        failures.sort_by_key(|(i, _)| *i);
        for (_, mut errors) in failures {
            self.errors.append(&mut errors);
        }
    }
}

fn located(name: &str, file: FileId, e: JsonError) -> Diagnostic {
    Diagnostic::at(name, file, e.offset..e.offset + e.len, e.message)
}

pub(crate) fn read_time(
    doc: &Doc<'_>,
    file: FileId,
    name: &str,
    raw: Raw<'_>,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let parsed = match Kind::of(raw) {
        Kind::Number => match doc.number(raw, what) {
            Ok(n) => timestamp::epoch_seconds_ns(n),
            Err(e) => {
                errors.push(located(name, file, e));
                return None;
            }
        },
        Kind::String => match doc.string(raw, what) {
            Ok(s) => timestamp::parse_ns(&s),
            Err(e) => {
                errors.push(located(name, file, e));
                return None;
            }
        },
        Kind::Null => return None,
        _ => {
            errors.push(located(name, file, doc.expected(raw, what, "a timestamp")));
            return None;
        }
    };
    if parsed.is_none() {
        errors.push(Diagnostic::at(
            name,
            file,
            doc.span(raw),
            format!(
                "{what}: `{}` is not a timestamp this tool understands (epoch seconds or ISO 8601)",
                raw.get()
            ),
        ));
    }
    parsed
}

/// One entry of `AggregatedSourceStatusList`. An entry with a field of the wrong
/// type is left out (its error is reported); unknown fields are ignored.
/// Shares the strings that repeat across sources (regions, statuses, errors).
#[derive(Default)]
struct Interner(std::collections::HashMap<String, Arc<str>>);

impl Interner {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(s.to_string(), a.clone());
        a
    }
}

fn read_status(
    doc: &Doc<'_>,
    file: FileId,
    name: &str,
    context: &Arc<StatusContext>,
    item: Raw<'_>,
    strings: &mut Interner,
    errors: &mut Vec<Diagnostic>,
) -> Option<SourceStatus> {
    let members = match doc.object(item, "source status") {
        Ok(m) => m,
        Err(e) => {
            errors.push(located(name, file, e));
            return None;
        }
    };
    let span = Span::new(file, doc.span(item));
    let mut s = SourceStatus {
        context: context.clone(),
        source_id: None,
        source_type: None,
        region: None,
        status: None,
        updated_ns: None,
        error_code: None,
        error_message: None,
        span,
        status_span: span,
        updated_span: span,
    };
    let mut ok = true;
    for m in &members {
        // `shared`: intern the value (it repeats across sources).
        let mut text = |shared: bool| -> Option<Arc<str>> {
            if Kind::of(m.value) == Kind::Null {
                return None;
            }
            match doc.string(m.value, &m.key) {
                Ok(v) if shared => Some(strings.get(&v)),
                Ok(v) => Some(Arc::from(v.as_ref())),
                Err(e) => {
                    errors.push(located(name, file, e));
                    ok = false;
                    None
                }
            }
        };
        match m.key.as_ref() {
            "SourceId" => s.source_id = text(false),
            "SourceType" => s.source_type = text(true),
            "AwsRegion" => s.region = text(true),
            "LastUpdateStatus" => {
                s.status = text(true);
                s.status_span = Span::new(file, doc.span(m.value));
            }
            "LastErrorCode" => s.error_code = text(true),
            "LastErrorMessage" => s.error_message = text(true),
            "LastUpdateTime" => {
                s.updated_ns = read_time(doc, file, name, m.value, "LastUpdateTime", errors);
                s.updated_span = Span::new(file, doc.span(m.value));
            }
            _ => {}
        }
    }
    ok.then_some(s)
}
