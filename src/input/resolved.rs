//! A definition after evaluation, and the one reader that turns it into an
//! [`Aggregator`] whatever language it was written in.
//!
//! CloudFormation (intrinsics, conditions) and Terraform (expressions,
//! `dynamic` blocks) are evaluated by their own modules into this tree of values
//! with the byte span each came from; what cannot be known offline is
//! [`RV::Unknown`], never a guess. Reading the tree is then the same for every
//! dialect: only the attribute names and shapes differ ([`Names`]).

use crate::diag::Diagnostic;
use crate::model::*;
use std::ops::Range;

/// An evaluated value and the span of the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RNode {
    pub v: RV,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RV {
    Null,
    Bool(bool),
    /// A number as written (account IDs keep their leading zeros).
    Num(String),
    Str(String),
    List(Vec<RNode>),
    /// Keys in document order.
    Map(Vec<(String, RNode)>),
    /// Present, but known only at deploy time. The expression is the text at
    /// the span, unless `note` says otherwise (`(known after apply)`).
    Unknown {
        note: Option<&'static str>,
    },
}

impl RNode {
    pub fn new(v: RV, span: Range<usize>) -> RNode {
        RNode { v, span }
    }

    pub fn unknown(span: Range<usize>) -> RNode {
        RNode::new(RV::Unknown { note: None }, span)
    }

    pub fn get(&self, key: &str) -> Option<&RNode> {
        match &self.v {
            RV::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A string the way CloudFormation and Terraform convert scalars.
    pub fn scalar(&self) -> Option<String> {
        match &self.v {
            RV::Str(s) | RV::Num(s) => Some(s.clone()),
            RV::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.v, RV::Unknown { .. })
    }

    /// As JSON, unknown values as null (for `input.variables`).
    pub fn to_json(&self) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        Some(match &self.v {
            RV::Null => J::Null,
            RV::Bool(b) => J::Bool(*b),
            RV::Num(n) => n
                .parse::<serde_json::Number>()
                .map(J::Number)
                .unwrap_or_else(|_| J::String(n.clone())),
            RV::Str(s) => J::String(s.clone()),
            RV::List(items) => J::Array(items.iter().map(|i| i.to_json()).collect::<Option<_>>()?),
            RV::Map(m) => J::Object(
                m.iter()
                    .map(|(k, v)| Some((k.clone(), v.to_json()?)))
                    .collect::<Option<_>>()?,
            ),
            RV::Unknown { .. } => return None,
        })
    }
}

/// How a dialect names and shapes the attributes of an aggregator.
pub struct Names {
    pub dialect: Dialect,
    pub name: &'static str,
    pub name_required: bool,
    /// The account sources: a list of objects (Terraform blocks come as one).
    pub account_sources: &'static str,
    /// The organization source: an object, or a list of at most one (Terraform blocks).
    pub organization_source: &'static str,
    pub organization_is_list: bool,
    pub account_ids: &'static str,
    pub all_regions: &'static str,
    pub regions: &'static str,
    pub role_arn: &'static str,
    pub tags: &'static str,
    /// Tags as a list of `{Key, Value}` objects (with these names), else a map.
    pub tag_entry: Option<(&'static str, &'static str)>,
}

pub const CLOUDFORMATION: Names = Names {
    dialect: Dialect::Aws,
    name: "ConfigurationAggregatorName",
    name_required: false,
    account_sources: "AccountAggregationSources",
    organization_source: "OrganizationAggregationSource",
    organization_is_list: false,
    account_ids: "AccountIds",
    all_regions: "AllAwsRegions",
    regions: "AwsRegions",
    role_arn: "RoleArn",
    tags: "Tags",
    tag_entry: Some(("Key", "Value")),
};

pub const TERRAFORM_AWS: Names = Names {
    dialect: Dialect::TerraformAws,
    name: "name",
    name_required: true,
    account_sources: "account_aggregation_source",
    organization_source: "organization_aggregation_source",
    organization_is_list: true,
    account_ids: "account_ids",
    all_regions: "all_regions",
    regions: "regions",
    role_arn: "role_arn",
    tags: "tags",
    tag_entry: None,
};

pub const TERRAFORM_AWSCC: Names = Names {
    dialect: Dialect::TerraformAwscc,
    name: "configuration_aggregator_name",
    name_required: false,
    account_sources: "account_aggregation_sources",
    organization_source: "organization_aggregation_source",
    organization_is_list: false,
    account_ids: "account_ids",
    all_regions: "all_aws_regions",
    regions: "aws_regions",
    role_arn: "role_arn",
    tags: "tags",
    tag_entry: Some(("key", "value")),
};

/// Reads one evaluated definition body into an [`Aggregator`]; type errors
/// (a list where a string belongs) are located errors, and the value unknown.
pub struct Reader<'a> {
    pub file: FileId,
    pub name: &'a str,
    pub names: &'a Names,
    pub errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    fn error(&mut self, at: &Range<usize>, message: String) {
        self.errors
            .push(Diagnostic::at(self.name, self.file, at.clone(), message));
    }

    /// The definition's sources, name and tags. `body` is its evaluated
    /// properties (`None`: it has none), `enclosing` what a missing attribute
    /// points at.
    pub fn read(&mut self, body: Option<&RNode>, enclosing: Span) -> Read {
        // Properties unknown as a whole (an undecided `Fn::If` on all of them,
        // an object known only after apply): nothing in them is known.
        if let Some(b) = body.filter(|b| b.is_unknown()) {
            return Read {
                name: self.unknown(b),
                account_sources: Vec::new(),
                organization_source: None,
                tags: self.unknown(b),
                sources_known: false,
            };
        }
        let n = self.names;
        let prop = |k: &str| body.and_then(|b| b.get(k));
        let name = match prop(n.name) {
            Some(v) => self.string(v),
            None => Field::missing(enclosing),
        };
        let mut account_sources = Vec::new();
        let mut sources_known = true;
        if let Some(list) = prop(n.account_sources) {
            match &list.v {
                RV::List(items) => {
                    for item in items {
                        if item.is_unknown() {
                            sources_known = false;
                            continue;
                        }
                        account_sources.push(self.account_source(item));
                    }
                }
                RV::Null => {}
                RV::Unknown { .. } => sources_known = false,
                _ => self.error(
                    &list.span,
                    format!("{} must be a list of sources", n.account_sources),
                ),
            }
        }
        let mut organization_source = None;
        if let Some(o) = prop(n.organization_source) {
            match &o.v {
                RV::List(items) if n.organization_is_list => {
                    for (i, item) in items.iter().enumerate() {
                        if item.is_unknown() {
                            sources_known = false;
                        } else if i == 0 {
                            organization_source = Some(self.org_source(item));
                        } else {
                            self.error(
                                &item.span,
                                format!("at most one {} is allowed", n.organization_source),
                            );
                        }
                    }
                }
                RV::Null => {}
                RV::Unknown { .. } => sources_known = false,
                _ => organization_source = Some(self.org_source(o)),
            }
        }
        let tags = match prop(n.tags) {
            None => Field::missing(enclosing),
            Some(t) => self.tags(t),
        };
        Read {
            name,
            account_sources,
            organization_source,
            tags,
            sources_known,
        }
    }

    fn common(&mut self, n: &RNode) -> (Field<bool>, Field<Vec<Field<String>>>) {
        let span = self.span(&n.span);
        let names = self.names;
        let all = match n.get(names.all_regions) {
            Some(v) => self.boolean(v, names.all_regions),
            None => Field::missing(span),
        };
        let regions = match n.get(names.regions) {
            Some(v) => self.list(v),
            None => Field::missing(span),
        };
        (all, regions)
    }

    fn account_source(&mut self, n: &RNode) -> AccountSource {
        let span = self.span(&n.span);
        if !matches!(n.v, RV::Map(_)) {
            self.error(
                &n.span,
                "each account aggregation source must be an object".into(),
            );
        }
        let (all_regions, regions) = self.common(n);
        let account_ids = match n.get(self.names.account_ids) {
            Some(v) => self.list(v),
            None => Field::missing(span),
        };
        AccountSource {
            account_ids,
            all_regions,
            regions,
            span,
        }
    }

    fn org_source(&mut self, n: &RNode) -> OrganizationSource {
        let span = self.span(&n.span);
        if !matches!(n.v, RV::Map(_)) {
            self.error(
                &n.span,
                format!("{} must be an object", self.names.organization_source),
            );
        }
        let (all_regions, regions) = self.common(n);
        let role_arn = match n.get(self.names.role_arn) {
            Some(v) => self.string(v),
            None => Field::missing(span),
        };
        OrganizationSource {
            role_arn,
            all_regions,
            regions,
            span,
        }
    }

    fn unknown<T>(&self, n: &RNode) -> Field<T> {
        match n.v {
            RV::Unknown { note: Some(note) } => Field::unknown_as(self.span(&n.span), note),
            _ => Field::unknown(self.span(&n.span)),
        }
    }

    pub fn string(&mut self, n: &RNode) -> Field<String> {
        match &n.v {
            RV::Unknown { .. } => self.unknown(n),
            RV::Null => Field::missing(self.span(&n.span)),
            _ => match n.scalar() {
                Some(s) => Field::given(s, self.span(&n.span)),
                None => {
                    self.error(&n.span, "expected a string".into());
                    Field::unknown(self.span(&n.span))
                }
            },
        }
    }

    /// Both languages accept `true`/`false` and the strings "true"/"false".
    fn boolean(&mut self, n: &RNode, what: &str) -> Field<bool> {
        let span = self.span(&n.span);
        match &n.v {
            RV::Bool(b) => Field::given(*b, span),
            RV::Unknown { .. } => self.unknown(n),
            RV::Null => Field::missing(span),
            RV::Str(s) if s.eq_ignore_ascii_case("true") => Field::given(true, span),
            RV::Str(s) if s.eq_ignore_ascii_case("false") => Field::given(false, span),
            other => {
                let found = match other {
                    RV::Str(s) | RV::Num(s) => format!("`{s}`"),
                    RV::List(_) => "a list".into(),
                    _ => "an object".into(),
                };
                self.error(
                    &n.span,
                    format!("{what} must be true or false, found {found}"),
                );
                Field::unknown(span)
            }
        }
    }

    fn list(&mut self, n: &RNode) -> Field<Vec<Field<String>>> {
        let span = self.span(&n.span);
        match &n.v {
            RV::List(items) => Field::given(items.iter().map(|i| self.string(i)).collect(), span),
            RV::Unknown { .. } => self.unknown(n),
            RV::Null => Field::missing(span),
            // A CommaDelimitedList parameter's value, or a single string.
            RV::Str(s) => Field::given(
                s.split(',')
                    .map(|p| Field::given(p.trim().to_string(), span))
                    .collect(),
                span,
            ),
            _ => {
                self.error(&n.span, "expected a list".into());
                Field::unknown(span)
            }
        }
    }

    fn tags(&mut self, t: &RNode) -> Field<Vec<Tag>> {
        let span = self.span(&t.span);
        match (&t.v, self.names.tag_entry) {
            (RV::List(items), Some((k, v))) => Field::given(
                items
                    .iter()
                    .map(|tag| Tag {
                        key: tag
                            .get(k)
                            .map_or(Field::missing(self.span(&tag.span)), |x| self.string(x)),
                        value: tag
                            .get(v)
                            .map_or(Field::missing(self.span(&tag.span)), |x| self.string(x)),
                    })
                    .collect(),
                span,
            ),
            (RV::Map(m), None) => Field::given(
                m.iter()
                    .map(|(k, v)| Tag {
                        key: Field::given(k.clone(), self.span(&v.span)),
                        value: v.scalar().map_or(Field::unknown(self.span(&v.span)), |s| {
                            Field::given(s, self.span(&v.span))
                        }),
                    })
                    .collect(),
                span,
            ),
            (RV::Null, _) => Field::missing(span),
            _ => Field::unknown(span),
        }
    }
}

/// What [`Reader::read`] gives; the caller adds where the definition is.
pub struct Read {
    pub name: Field<String>,
    pub account_sources: Vec<AccountSource>,
    pub organization_source: Option<OrganizationSource>,
    pub tags: Field<Vec<Tag>>,
    pub sources_known: bool,
}

/// Where a definition is, for [`Read::into_aggregator`].
pub struct Place {
    pub kind: InputKind,
    pub resource_type: &'static str,
    pub file: FileId,
    pub address: String,
    /// Where the resource is named.
    pub span: Span,
    /// The whole definition.
    pub extent: Span,
}

impl Read {
    /// The aggregator, with the fields every IaC definition shares.
    pub fn into_aggregator(self, names: &Names, at: Place) -> Aggregator {
        Aggregator {
            name: self.name,
            kind: at.kind,
            file: at.file,
            address: at.address,
            arn: None,
            account: None,
            region: None,
            region_from: None,
            account_sources: self.account_sources,
            organization_source: self.organization_source,
            tags: self.tags,
            span: at.span,
            extent: at.extent,
            ignores: Vec::new(),
            resource_type: Some(at.resource_type),
            dialect: names.dialect,
            name_required: names.name_required,
            sources_known: self.sources_known,
            variant: None,
            duplicate_of: None,
        }
    }
}

/// Assumptions about undecided tests, explored as a binary tree: each reading
/// names the tests it could not decide; the first is assumed true, then false,
/// until every reading decides all its tests, or `MAX_VARIANTS` readings are
/// made (then the caller reads with no assumption, and what stays unknown is
/// unknown). `feasible` rejects contradictory assumptions.
pub const MAX_VARIANTS: usize = 16;

/// Whether adding `(t, v)` to `a` keeps it free of contradictions.
pub fn feasible(a: &Assumptions, t: &Test, v: bool) -> bool {
    if a.iter().any(|(x, b)| x == t && *b != v) {
        return false;
    }
    match (&t.equality, v) {
        (Some((x, lit)), true) => !a.iter().any(|(o, b)| {
            *b && o
                .equality
                .as_ref()
                .is_some_and(|(ox, olit)| ox == x && olit != lit)
        }),
        _ => true,
    }
}

/// Whether two readings can hold at once: some set of tests of one holds
/// together with some set of the other.
pub fn compatible(
    a: &Option<std::sync::Arc<Variant>>,
    b: &Option<std::sync::Arc<Variant>>,
) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    a.tests.iter().any(|ta| {
        b.tests.iter().any(|tb| {
            let mut all = ta.clone();
            tb.iter().all(|(t, v)| {
                let ok = feasible(&all, t, *v);
                all.push((t.clone(), *v));
                ok
            })
        })
    })
}

/// Definitions with the same key (a name within one template; a name, type and
/// provider configuration within one module) whose readings can hold together
/// cannot both be created: each names the other (`duplicate_of`).
pub fn duplicates<K: std::hash::Hash + Eq>(aggregators: &mut [Aggregator], keys: &[Option<K>]) {
    let mut same_key: std::collections::HashMap<&K, Vec<usize>> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            same_key.entry(k).or_default().push(i);
        }
    }
    let mut dup: Vec<(usize, String)> = Vec::new();
    for same in same_key.values().filter(|v| v.len() > 1) {
        for &i in same {
            let a = &aggregators[i];
            let other = same.iter().find(|&&j| {
                let b = &aggregators[j];
                a.address != b.address && compatible(&a.variant, &b.variant)
            });
            if let Some(&j) = other {
                dup.push((i, aggregators[j].address.clone()));
            }
        }
    }
    for (i, address) in dup {
        aggregators[i].duplicate_of = Some(address);
    }
}

/// Explore readings: `read(assumptions)` gives a reading and the tests it left
/// undecided. Returns each leaf's assumptions and reading, or `None` when there
/// are more than [`MAX_VARIANTS`].
pub fn explore<R>(
    read: &mut dyn FnMut(&Assumptions) -> (R, Vec<Test>),
) -> Option<Vec<(Assumptions, R)>> {
    let mut leaves = Vec::new();
    let mut stack: Vec<Assumptions> = vec![Vec::new()];
    while let Some(a) = stack.pop() {
        let (reading, open) = read(&a);
        let next = open.into_iter().find(|t| !a.iter().any(|(x, _)| x == t));
        match next {
            None => {
                leaves.push((a, reading));
                if leaves.len() > MAX_VARIANTS {
                    return None;
                }
            }
            Some(t) => {
                // Pushed false first, so true is read first.
                for v in [false, true] {
                    if feasible(&a, &t, v) {
                        let mut b = a.clone();
                        b.push((t.clone(), v));
                        stack.push(b);
                    }
                }
                if stack.len() + leaves.len() > 4 * MAX_VARIANTS {
                    return None;
                }
            }
        }
    }
    Some(leaves)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(k: &str, eq: Option<(&str, &str)>) -> Test {
        Test {
            key: k.into(),
            equality: eq.map(|(a, b)| (a.into(), b.into())),
        }
    }

    #[test]
    fn equalities_of_one_value_exclude_each_other() {
        let org = test("Mode == org", Some(("Mode", "org")));
        let acct = test("Mode == account", Some(("Mode", "account")));
        let a = vec![(org.clone(), true)];
        assert!(!feasible(&a, &acct, true));
        assert!(feasible(&a, &acct, false));
        assert!(!feasible(&a, &org, false));
    }

    #[test]
    fn exploration_reads_each_consistent_world_once() {
        let x = test("x", None);
        let y = test("y", None);
        let mut reads = 0;
        let leaves = explore(&mut |a: &Assumptions| {
            reads += 1;
            let mut open = vec![x.clone()];
            if a.iter().any(|(t, v)| *t == x && *v) {
                open.push(y.clone());
            }
            (a.len(), open)
        })
        .unwrap();
        // x true splits on y; x false does not.
        assert_eq!(leaves.len(), 3);
        assert_eq!(reads, 5);
        assert_eq!(leaves[0].0, vec![(x.clone(), true), (y.clone(), true)]);
    }

    #[test]
    fn too_many_worlds_give_up() {
        let tests: Vec<Test> = (0..10).map(|i| test(&format!("t{i}"), None)).collect();
        let r = explore(&mut |_a: &Assumptions| ((), tests.clone()));
        assert!(r.is_none());
    }
}
