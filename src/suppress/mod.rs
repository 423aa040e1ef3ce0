//! Suppressions: accepted risks stay in every report, marked with who accepted
//! them and why, and never count for the exit code.
//!
//! Three places hold them: `aggrego:ignore` comments (Terraform, YAML),
//! CloudFormation `Metadata.aggrego.ignore`, and a waivers file. An expired
//! waiver stops suppressing and is itself reported (AGG901); a suppression that
//! matched nothing for a rule that ran is reported as unused (AGG902). A
//! baseline (`--baseline`) accepts the findings known when it was made, by
//! fingerprint; an entry that matches nothing is reported as unused too.

pub mod baseline;
pub mod inline;
mod literals;
pub mod waivers;

use crate::diag::Diagnostic;
use crate::load::source::SourceFile;
use crate::model::finding::SuppressionKind;
use crate::model::finding::{Finding, Resource, Suppression};
use crate::model::{FileId, Ignore, Inventory};
use crate::policy::catalog::{Rule, SUPPRESSION_UNUSED, WAIVER_EXPIRED};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

/// What a finding inside a definition belongs to, kept from the inventory.
#[derive(Debug, Clone)]
pub struct Owner {
    pub file: FileId,
    pub extent: Range<usize>,
    /// The line the definition starts on (a resource block's first line).
    pub line: usize,
    pub address: String,
    pub name: Option<String>,
    pub ignores: Vec<Ignore>,
}

/// Definitions by file, for finding the one a finding lies in.
#[derive(Debug, Default)]
pub struct Owners {
    by_file: HashMap<FileId, Vec<Owner>>,
}

impl Owners {
    pub fn from_inventory(inv: &Inventory, files: &[SourceFile]) -> Owners {
        let mut by_file: HashMap<FileId, Vec<Owner>> = HashMap::new();
        for a in &inv.aggregators {
            let e = a.extent;
            let line = files
                .get(e.file as usize)
                .map_or(0, |f| f.line_col(e.start as usize).line);
            by_file.entry(e.file).or_default().push(Owner {
                file: e.file,
                extent: e.start as usize..e.end as usize,
                line,
                address: a.address.clone(),
                name: a.name.value.clone(),
                ignores: a.ignores.clone(),
            });
        }
        for v in by_file.values_mut() {
            v.sort_by_key(|o| (o.extent.start, std::cmp::Reverse(o.extent.end)));
        }
        Owners { by_file }
    }

    /// The innermost definition containing `span` in `file`.
    pub fn of(&self, file: FileId, span: &Range<usize>) -> Option<&Owner> {
        let list = self.by_file.get(&file)?;
        let upto = list.partition_point(|o| o.extent.start <= span.start);
        list[..upto]
            .iter()
            .rev()
            .find(|o| o.extent.end >= span.end && o.extent.start <= span.start)
    }

    fn has_ignores(&self) -> bool {
        self.by_file
            .values()
            .flatten()
            .any(|o| !o.ignores.is_empty())
    }
}

/// Everything needed to decide suppressions after policies ran.
pub struct Context<'a> {
    pub files: &'a [SourceFile],
    pub file_names: &'a [Arc<str>],
    pub owners: &'a Owners,
    pub waivers: &'a [waivers::Waiver],
    pub baseline: &'a [baseline::Entry],
    pub now_ns: i64,
    /// Every rule id aggrego knows (for checking suppressions' ids).
    pub known: &'a BTreeSet<String>,
    /// The rules that ran: a suppression for another rule is not "unused".
    pub ran: &'a BTreeSet<String>,
    pub rules: &'a [Rule],
}

impl Context<'_> {
    /// A suppression record pointing at where it is written.
    fn suppression(
        &self,
        kind: SuppressionKind,
        reason: &str,
        file: FileId,
        offset: usize,
        expires: Option<String>,
    ) -> Suppression {
        let at = self.files[file as usize].line_col(offset);
        Suppression {
            kind,
            reason: reason.to_string(),
            file: self.file_names[file as usize].clone(),
            line: at.line,
            column: at.column,
            expires,
        }
    }
}

/// Mark suppressed findings, and add AGG901/AGG902 findings and errors.
pub fn apply(findings: &mut Vec<Finding>, cx: &Context<'_>, errors: &mut Vec<Diagnostic>) {
    let mut usage = Usage {
        directives: inline_directives(cx, errors),
        metadata: metadata_entries(cx, errors),
        waivers: vec![false; cx.waivers.len()],
        baseline: baseline_index(cx.baseline),
        baseline_used: vec![false; cx.baseline.len()],
        expired: cx
            .waivers
            .iter()
            .map(|w| {
                w.expires
                    .as_ref()
                    .is_some_and(|(_, ns, _)| cx.now_ns >= *ns)
            })
            .collect(),
    };
    if !usage.directives.is_empty()
        || cx.owners.has_ignores()
        || !cx.waivers.is_empty()
        || !cx.baseline.is_empty()
    {
        for f in findings.iter_mut() {
            if let Some(s) = usage.suppression(cx, f) {
                f.suppressed = true;
                f.suppression = Some(Arc::new(s));
            }
        }
    }
    let own = usage.reports(cx);
    findings.extend(own);
}

/// The `aggrego:ignore` comments of every file, by file, each not yet used;
/// one naming an unknown rule is an error instead.
fn inline_directives(
    cx: &Context<'_>,
    errors: &mut Vec<Diagnostic>,
) -> HashMap<FileId, Vec<(inline::Directive, bool)>> {
    let mut directives: HashMap<FileId, Vec<(inline::Directive, bool)>> = HashMap::new();
    for (id, f) in cx.files.iter().enumerate() {
        if inline::applies_to(f) {
            for d in inline::parse(id as FileId, f, errors) {
                if let Some(bad) = d.ids.iter().find(|i| !cx.known.contains(*i)) {
                    errors.push(Diagnostic::at(
                        &f.name,
                        id as FileId,
                        d.span.clone(),
                        format!(
                            "aggrego:ignore names unknown rule `{bad}` (see `aggrego policies`)"
                        ),
                    ));
                    continue;
                }
                directives.entry(id as FileId).or_default().push((d, false));
            }
        }
    }
    directives
}

/// Metadata entries, keyed by (file, offset), each not yet used; one naming
/// an unknown rule is an error instead.
fn metadata_entries(
    cx: &Context<'_>,
    errors: &mut Vec<Diagnostic>,
) -> HashMap<(FileId, usize), bool> {
    let mut metadata_used: HashMap<(FileId, usize), bool> = HashMap::new();
    for (file, list) in &cx.owners.by_file {
        for o in list {
            for ig in &o.ignores {
                if let Some(bad) = ig.ids.iter().find(|i| !cx.known.contains(*i)) {
                    errors.push(Diagnostic::at(
                        &cx.files[*file as usize].name,
                        *file,
                        ig.span.start as usize..ig.span.end as usize,
                        format!("aggrego ignore entry names unknown rule `{bad}` (see `aggrego policies`)"),
                    ));
                    continue;
                }
                metadata_used.insert((*file, ig.span.start as usize), false);
            }
        }
    }
    metadata_used
}

/// Every suppression in force, and whether each one suppressed something.
struct Usage {
    directives: HashMap<FileId, Vec<(inline::Directive, bool)>>,
    metadata: HashMap<(FileId, usize), bool>,
    /// Whether each waiver matched a finding (an expired one too).
    waivers: Vec<bool>,
    expired: Vec<bool>,
    /// Baseline entries by (rule, fingerprint), each used by one finding.
    baseline: HashMap<(String, String), Vec<usize>>,
    baseline_used: Vec<bool>,
}

fn baseline_index(entries: &[baseline::Entry]) -> HashMap<(String, String), Vec<usize>> {
    let mut index: HashMap<(String, String), Vec<usize>> = HashMap::new();
    // Reversed, so `pop` takes them in file order.
    for (i, e) in entries.iter().enumerate().rev() {
        index
            .entry((e.rule.clone(), e.fingerprint.clone()))
            .or_default()
            .push(i);
    }
    index
}

impl Usage {
    /// What suppresses `f`: the first match of inline comments, then metadata
    /// entries, then waivers. Every match is marked used, not only the first.
    fn suppression(&mut self, cx: &Context<'_>, f: &Finding) -> Option<Suppression> {
        let owner = cx.owners.of(f.file_id, &f.span);
        let mut found: Option<Suppression> = None;
        self.match_inline(cx, f, owner, &mut found);
        if let Some(o) = owner {
            self.match_metadata(cx, f, o, &mut found);
        }
        self.match_waivers(cx, f, owner, &mut found);
        if found.is_none() {
            found = self.match_baseline(cx, f);
        }
        found
    }

    /// One unused baseline entry of the finding's rule and fingerprint: as
    /// many identical findings are accepted as the baseline recorded.
    fn match_baseline(&mut self, cx: &Context<'_>, f: &Finding) -> Option<Suppression> {
        if self.baseline.is_empty() {
            return None;
        }
        let key = (
            f.rule_id.to_string(),
            f.fingerprint(baseline::text_of(f, cx.files)),
        );
        let i = self.baseline.get_mut(&key)?.pop()?;
        self.baseline_used[i] = true;
        let e = &cx.baseline[i];
        Some(cx.suppression(
            SuppressionKind::Baseline,
            "in the baseline",
            e.file,
            e.span.start,
            None,
        ))
    }

    /// A comment applies on the line it names, or on the first line of the
    /// definition the finding lies in.
    fn match_inline(
        &mut self,
        cx: &Context<'_>,
        f: &Finding,
        owner: Option<&Owner>,
        found: &mut Option<Suppression>,
    ) {
        let Some(list) = self.directives.get_mut(&f.file_id) else {
            return;
        };
        for (d, used) in list.iter_mut() {
            let applies = d.ids.iter().any(|i| **i == *f.rule_id)
                && (d.target_line == f.line || owner.is_some_and(|o| o.line == d.target_line));
            if applies {
                *used = true;
                if found.is_none() {
                    *found = Some(cx.suppression(
                        SuppressionKind::Inline,
                        &d.reason,
                        d.file,
                        d.span.start,
                        None,
                    ));
                }
            }
        }
    }

    fn match_metadata(
        &mut self,
        cx: &Context<'_>,
        f: &Finding,
        o: &Owner,
        found: &mut Option<Suppression>,
    ) {
        for ig in &o.ignores {
            if ig.ids.iter().any(|i| **i == *f.rule_id) {
                if let Some(used) = self.metadata.get_mut(&(o.file, ig.span.start as usize)) {
                    *used = true;
                    if found.is_none() {
                        *found = Some(cx.suppression(
                            SuppressionKind::Metadata,
                            &ig.reason,
                            o.file,
                            ig.span.start as usize,
                            None,
                        ));
                    }
                }
            }
        }
    }

    /// An expired waiver is marked used but suppresses nothing.
    fn match_waivers(
        &mut self,
        cx: &Context<'_>,
        f: &Finding,
        owner: Option<&Owner>,
        found: &mut Option<Suppression>,
    ) {
        for (i, w) in cx.waivers.iter().enumerate() {
            if waiver_matches(w, f, owner) {
                self.waivers[i] = true;
                if found.is_none() && !self.expired[i] {
                    let expires = w.expires.as_ref().map(|(s, _, _)| s.clone());
                    *found = Some(cx.suppression(
                        SuppressionKind::Waiver,
                        &w.reason,
                        w.file,
                        w.span.start,
                        expires,
                    ));
                }
            }
        }
    }

    /// Reports about the suppressions themselves: expired waivers (AGG901),
    /// then unused waivers, comments and metadata entries (AGG902), each
    /// when its rule is in the catalogue.
    fn reports(&self, cx: &Context<'_>) -> Vec<Finding> {
        let rule = |id: &str| cx.rules.iter().find(|r| &*r.id == id);
        let mut own = Vec::new();
        if let Some(r) = rule(WAIVER_EXPIRED) {
            self.expired_waivers(cx, r, &mut own);
        }
        if let Some(r) = rule(SUPPRESSION_UNUSED) {
            self.unused_waivers(cx, r, &mut own);
            self.unused_baseline(cx, r, &mut own);
            self.unused_directives(cx, r, &mut own);
            self.unused_metadata(cx, r, &mut own);
        }
        own
    }

    fn expired_waivers(&self, cx: &Context<'_>, r: &Rule, own: &mut Vec<Finding>) {
        for (i, w) in cx.waivers.iter().enumerate() {
            if let (true, Some((date, _, span))) = (self.expired[i], &w.expires) {
                own.push(self_finding(
                    cx,
                    r,
                    w.file,
                    span.clone(),
                    format!(
                        "waiver for {} ({}) expired on {date}: the findings it accepted are reported again. Reason given: {}",
                        w.ids.join(", "),
                        w.describe_target(),
                        w.reason
                    ),
                ));
            }
        }
    }

    /// Only a suppression for a rule that ran can be unused: the others
    /// had no chance to match.
    fn unused_waivers(&self, cx: &Context<'_>, r: &Rule, own: &mut Vec<Finding>) {
        for (i, w) in cx.waivers.iter().enumerate() {
            if !self.waivers[i] && !self.expired[i] && ran_any(cx, &w.ids) {
                own.push(self_finding(
                    cx,
                    r,
                    w.file,
                    w.span.clone(),
                    format!(
                        "waiver for {} ({}) matches no finding",
                        w.ids.join(", "),
                        w.describe_target()
                    ),
                ));
            }
        }
    }

    /// A baseline entry of a rule that ran and matched nothing: fixed since.
    fn unused_baseline(&self, cx: &Context<'_>, r: &Rule, own: &mut Vec<Finding>) {
        for (i, e) in cx.baseline.iter().enumerate() {
            if !self.baseline_used[i] && cx.ran.contains(&e.rule) {
                own.push(self_finding(
                    cx,
                    r,
                    e.file,
                    e.span.clone(),
                    format!(
                        "baseline entry for {} (was at {}) matches no finding: fixed since; `aggrego baseline create` again drops it",
                        e.rule, e.was_at
                    ),
                ));
            }
        }
    }

    fn unused_directives(&self, cx: &Context<'_>, r: &Rule, own: &mut Vec<Finding>) {
        let mut list: Vec<&(inline::Directive, bool)> =
            self.directives.values().flatten().collect();
        list.sort_by_key(|(d, _)| (d.file, d.span.start));
        for (d, used) in list {
            if !used && ran_any(cx, &d.ids) {
                own.push(self_finding(
                    cx,
                    r,
                    d.file,
                    d.span.clone(),
                    format!(
                        "aggrego:ignore {} matches no finding on line {}",
                        d.ids.join(","),
                        d.target_line
                    ),
                ));
            }
        }
    }

    fn unused_metadata(&self, cx: &Context<'_>, r: &Rule, own: &mut Vec<Finding>) {
        for list in cx.owners.by_file.values() {
            for o in list {
                for ig in &o.ignores {
                    let key = (o.file, ig.span.start as usize);
                    if self.metadata.get(&key) == Some(&false) && ran_any(cx, &ig.ids) {
                        own.push(self_finding(
                            cx,
                            r,
                            o.file,
                            ig.span.start as usize..ig.span.end as usize,
                            format!(
                                "Metadata.aggrego.ignore {} on {} matches no finding",
                                ig.ids.join(","),
                                o.address
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether any of `ids` is a rule that ran.
fn ran_any(cx: &Context<'_>, ids: &[String]) -> bool {
    ids.iter().any(|i| cx.ran.contains(i))
}

fn waiver_matches(w: &waivers::Waiver, f: &Finding, owner: Option<&Owner>) -> bool {
    if !w.ids.iter().any(|i| **i == *f.rule_id) {
        return false;
    }
    let opt = |t: &Option<waivers::Target>, v: Option<&str>| match t {
        None => true,
        Some(t) => v.is_some_and(|v| t.matches(v)),
    };
    let r: &Resource = &f.resource;
    opt(&w.path, Some(w.relative(&f.file)))
        && opt(&w.account, r.account.as_deref())
        && opt(&w.region, r.region.as_deref())
        && opt(&w.aggregator, r.aggregator.as_deref())
        && match &w.resource {
            None => true,
            Some(t) => owner.is_some_and(|o| {
                t.matches(&o.address) || o.name.as_deref().is_some_and(|n| t.matches(n))
            }),
        }
}

fn self_finding(
    cx: &Context<'_>,
    rule: &Rule,
    file: FileId,
    span: Range<usize>,
    message: String,
) -> Finding {
    let f = &cx.files[file as usize];
    let s = f.line_col(span.start);
    let e = f.line_col(span.end.max(span.start + 1) - 1);
    Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        title: rule.title.clone(),
        message,
        file: cx.file_names[file as usize].clone(),
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
        resource: Resource::default(),
        remediation: rule.remediation.clone(),
        references: rule
            .references
            .iter()
            .map(|r| r.reference.clone())
            .collect(),
        suppressed: false,
        suppression: None,
        file_id: file,
        span,
    }
}
