//! `aggrego diff`: what changed between two scans of the same organisation.
//!
//! Each side is read into a [`Side`] (`read` for a JSON report; `evidence`
//! reads a package), [`compare`] pairs them without touching a file, and one
//! module per format renders the [`Diff`]. What a side does not record (the
//! source statuses of a JSON report, the scope of one made before reports
//! recorded it) stays unknown: it is said to be unknown, never reported as
//! "no change".

pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod read;

use crate::model::finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

// The format is chosen on the command line, so its type is the configuration's.
pub use crate::config::cli::DiffFormat as Format;

/// One scan as a diff reads it (an evidence package made with `--previous`
/// keeps the previous one's as `previous.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Side {
    /// How the command line named it.
    pub name: String,
    /// `report` (a JSON report) or `package` (an evidence package).
    pub kind: String,
    /// The scan's snapshot time.
    pub now: String,
    /// Input errors the scan reported: its findings may be incomplete.
    pub errors: usize,
    /// Findings, their files relative to the scanned root.
    pub findings: Vec<Item>,
    /// Accounts and regions in scope, or why they are unknown.
    pub scope: Result<Scope, String>,
    /// Every source status, or why they are unknown.
    pub statuses: Result<Vec<Status>, String>,
}

/// A finding as both kinds of side record it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Item {
    pub rule_id: String,
    pub severity: Severity,
    /// Relative to the scanned root (see `read::relative_files`).
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub resource: Resource,
    /// Accepted by a suppression of this kind (`inline`, `waiver`, `baseline`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Resource {
    pub aggregator: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
}

impl Item {
    /// What makes two findings the same whatever line they moved to: the
    /// rule, the file and what it is about (as `Finding::fingerprint`, which
    /// also hashes the offending text, a JSON report does not hold).
    fn identity(&self) -> (&str, &str, &Resource) {
        (&self.rule_id, &self.file, &self.resource)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub accounts: BTreeSet<String>,
    pub regions: BTreeSet<String>,
}

/// One source's `LastUpdateStatus`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Status {
    pub aggregator: String,
    /// `ACCOUNT` or `ORGANIZATION`, as the input says.
    pub source_type: String,
    /// The account id (or organization id).
    pub source: String,
    pub region: String,
    pub status: String,
}

/// A side as the diff names it.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub name: String,
    pub kind: String,
    pub now: String,
    pub errors: usize,
}

/// What changed from OLD to NEW.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub old: Named,
    pub new: Named,
    pub summary: Summary,
    /// Findings that count (not suppressed), by rule id.
    pub rules: Vec<RuleChanges>,
    pub suppressed: Vec<SuppressedChange>,
    pub scope: Known<ScopeChanges>,
    pub sources: Known<Vec<SourceChange>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub new: usize,
    pub resolved: usize,
    pub unchanged: usize,
    /// Suppressed findings that changed (new, gone, newly suppressed).
    pub suppressed_changes: usize,
    /// New findings by severity, most severe first, zero counts left out.
    pub new_by_severity: BTreeMap<&'static str, usize>,
}

/// A comparison both sides allow, or why it cannot be made. In JSON:
/// `{"known": true, "changes": …}` or `{"known": false, "reason": "…"}`.
#[derive(Debug, Clone)]
pub enum Known<T> {
    Yes(T),
    /// Unknown: the reason (which side records nothing to compare).
    No(String),
}

impl<T: Serialize> Serialize for Known<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        match self {
            Known::Yes(v) => {
                m.serialize_entry("known", &true)?;
                m.serialize_entry("changes", v)?;
            }
            Known::No(reason) => {
                m.serialize_entry("known", &false)?;
                m.serialize_entry("reason", reason)?;
            }
        }
        m.end()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RuleChanges {
    pub rule_id: String,
    pub new: Vec<Item>,
    pub resolved: Vec<Item>,
    /// The findings as NEW has them, with OLD's line beside.
    pub unchanged: Vec<Unchanged>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unchanged {
    #[serde(flatten)]
    pub item: Item,
    pub old_line: u64,
    /// OLD's message when it differed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_message: Option<String>,
}

/// How a suppressed finding changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuppressedHow {
    /// Suppressed in NEW, absent from OLD.
    New,
    /// Suppressed in OLD, absent from NEW.
    Gone,
    /// Counted in OLD, suppressed in NEW.
    NewlySuppressed,
    /// Suppressed in both.
    Unchanged,
}

#[derive(Debug, Clone, Serialize)]
pub struct SuppressedChange {
    pub change: SuppressedHow,
    #[serde(flatten)]
    pub item: Item,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ScopeChanges {
    pub accounts_entered: Vec<String>,
    pub accounts_left: Vec<String>,
    pub regions_entered: Vec<String>,
    pub regions_left: Vec<String>,
}

impl ScopeChanges {
    pub fn is_empty(&self) -> bool {
        self.accounts_entered.is_empty()
            && self.accounts_left.is_empty()
            && self.regions_entered.is_empty()
            && self.regions_left.is_empty()
    }
}

/// A source whose status differs; `None` where the side has no status for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceChange {
    pub aggregator: String,
    pub source_type: String,
    pub source: String,
    pub region: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// What changed from `old` to `new`.
pub fn compare(old: &Side, new: &Side) -> Diff {
    let (rules, suppressed) = findings(&old.findings, &new.findings);
    let mut summary = Summary::default();
    for r in &rules {
        summary.new += r.new.len();
        summary.resolved += r.resolved.len();
        summary.unchanged += r.unchanged.len();
        for f in &r.new {
            *summary
                .new_by_severity
                .entry(f.severity.as_str())
                .or_default() += 1;
        }
    }
    summary.suppressed_changes = suppressed
        .iter()
        .filter(|s| s.change != SuppressedHow::Unchanged)
        .count();
    Diff {
        old: named(old),
        new: named(new),
        summary,
        rules,
        suppressed,
        scope: both(&old.scope, &new.scope, "scope", scope),
        sources: both(&old.statuses, &new.statuses, "source statuses", |a, b| {
            sources(a, b)
        }),
    }
}

fn named(s: &Side) -> Named {
    Named {
        name: s.name.clone(),
        kind: s.kind.clone(),
        now: s.now.clone(),
        errors: s.errors,
    }
}

/// `f` of both sides, or unknown with the reasons of the side(s) lacking it.
fn both<T, U>(
    old: &Result<T, String>,
    new: &Result<T, String>,
    what: &str,
    f: impl Fn(&T, &T) -> U,
) -> Known<U> {
    match (old, new) {
        (Ok(a), Ok(b)) => Known::Yes(f(a, b)),
        (Err(a), Ok(_)) => Known::No(format!(
            "unknown: OLD is {a}, so changes of {what} cannot be told"
        )),
        (Ok(_), Err(b)) => Known::No(format!(
            "unknown: NEW is {b}, so changes of {what} cannot be told"
        )),
        (Err(a), Err(b)) if a == b => Known::No(format!(
            "unknown: OLD and NEW are each {a}, so changes of {what} cannot be told"
        )),
        (Err(a), Err(b)) => Known::No(format!(
            "unknown: OLD is {a} and NEW is {b}, so changes of {what} cannot be told"
        )),
    }
}

fn scope(old: &Scope, new: &Scope) -> ScopeChanges {
    let minus = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).cloned().collect();
    ScopeChanges {
        accounts_entered: minus(&new.accounts, &old.accounts),
        accounts_left: minus(&old.accounts, &new.accounts),
        regions_entered: minus(&new.regions, &old.regions),
        regions_left: minus(&old.regions, &new.regions),
    }
}

fn sources(old: &[Status], new: &[Status]) -> Vec<SourceChange> {
    // A source listed twice (two pages of one capture) counts by its worst
    // status: the last in sorted order would be arbitrary.
    let index = |list: &'_ [Status]| -> BTreeMap<(String, String, String, String), String> {
        let mut m: BTreeMap<(String, String, String, String), String> = BTreeMap::new();
        for s in list {
            let key = (
                s.aggregator.clone(),
                s.source_type.clone(),
                s.source.clone(),
                s.region.clone(),
            );
            m.entry(key)
                .and_modify(|v| {
                    if rank(&s.status) > rank(v) {
                        v.clone_from(&s.status);
                    }
                })
                .or_insert_with(|| s.status.clone());
        }
        m
    };
    let (a, b) = (index(old), index(new));
    let keys: BTreeSet<_> = a.keys().chain(b.keys()).collect();
    let mut out = Vec::new();
    for k in keys {
        let (o, n) = (a.get(k), b.get(k));
        if o != n {
            out.push(SourceChange {
                aggregator: k.0.clone(),
                source_type: k.1.clone(),
                source: k.2.clone(),
                region: k.3.clone(),
                old: o.cloned(),
                new: n.cloned(),
            });
        }
    }
    out
}

/// How bad a status is, for a source listed twice on one side.
fn rank(status: &str) -> u8 {
    match status {
        "SUCCEEDED" => 0,
        "OUTDATED" => 1,
        "FAILED" => 3,
        _ => 2,
    }
}

/// Pair the findings of both sides by identity; group what counts by rule,
/// and list the suppressed apart.
fn findings(old: &[Item], new: &[Item]) -> (Vec<RuleChanges>, Vec<SuppressedChange>) {
    let mut rules: BTreeMap<String, RuleChanges> = BTreeMap::new();
    let mut suppressed = Vec::new();
    fn rule<'m>(rules: &'m mut BTreeMap<String, RuleChanges>, id: &str) -> &'m mut RuleChanges {
        rules.entry(id.to_string()).or_insert_with(|| RuleChanges {
            rule_id: id.to_string(),
            ..RuleChanges::default()
        })
    }
    for (o, n) in pairs(old, new) {
        match (o, n) {
            (Some(o), Some(n)) => match (&o.suppressed, &n.suppressed) {
                (None, None) => rule(&mut rules, &n.rule_id).unchanged.push(Unchanged {
                    item: n.clone(),
                    old_line: o.line,
                    old_message: (o.message != n.message).then(|| o.message.clone()),
                }),
                (None, Some(_)) => suppressed.push(SuppressedChange {
                    change: SuppressedHow::NewlySuppressed,
                    item: n.clone(),
                }),
                // No longer accepted: it counts again, as a new finding would.
                (Some(_), None) => rule(&mut rules, &n.rule_id).new.push(n.clone()),
                (Some(_), Some(_)) => suppressed.push(SuppressedChange {
                    change: SuppressedHow::Unchanged,
                    item: n.clone(),
                }),
            },
            (None, Some(n)) if n.suppressed.is_some() => suppressed.push(SuppressedChange {
                change: SuppressedHow::New,
                item: n.clone(),
            }),
            (None, Some(n)) => rule(&mut rules, &n.rule_id).new.push(n.clone()),
            (Some(o), None) if o.suppressed.is_some() => suppressed.push(SuppressedChange {
                change: SuppressedHow::Gone,
                item: o.clone(),
            }),
            (Some(o), None) => rule(&mut rules, &o.rule_id).resolved.push(o.clone()),
            (None, None) => {}
        }
    }
    let mut rules: Vec<RuleChanges> = rules.into_values().collect();
    for r in &mut rules {
        r.new.sort();
        r.resolved.sort();
        r.unchanged.sort_by(|a, b| a.item.cmp(&b.item));
    }
    suppressed.sort_by(|a, b| (a.change, &a.item).cmp(&(b.change, &b.item)));
    (rules, suppressed)
}

/// Findings of both sides paired by identity: within one identity, equal
/// messages first, then the rest in order (the same rule still reports the
/// same resource in the same file: its wording changed, as an age does).
fn pairs<'a>(old: &'a [Item], new: &'a [Item]) -> Vec<(Option<&'a Item>, Option<&'a Item>)> {
    type Groups<'a> = BTreeMap<(&'a str, &'a str, &'a Resource), Vec<&'a Item>>;
    let group = |items: &'a [Item]| {
        let mut g: Groups<'a> = BTreeMap::new();
        for i in items {
            g.entry(i.identity()).or_default().push(i);
        }
        for v in g.values_mut() {
            v.sort();
        }
        g
    };
    let (mut a, mut b) = (group(old), group(new));
    let keys: BTreeSet<_> = a.keys().chain(b.keys()).copied().collect();
    let mut out = Vec::new();
    for k in keys {
        let mut os = a.remove(&k).unwrap_or_default();
        let mut ns = b.remove(&k).unwrap_or_default();
        // Equal messages first.
        let mut i = 0;
        while i < os.len() {
            if let Some(j) = ns.iter().position(|n| n.message == os[i].message) {
                out.push((Some(os.remove(i)), Some(ns.remove(j))));
            } else {
                i += 1;
            }
        }
        let mut os = os.into_iter();
        let mut ns = ns.into_iter();
        loop {
            match (os.next(), ns.next()) {
                (None, None) => break,
                pair => out.push(pair),
            }
        }
    }
    out
}

/// The exit code's question: a new finding at or above `threshold`.
pub fn fails(diff: &Diff, threshold: Option<Severity>) -> bool {
    threshold.is_some_and(|t| {
        diff.rules
            .iter()
            .flat_map(|r| &r.new)
            .any(|f| f.severity >= t)
    })
}

/// Write `diff` as `format`.
pub fn write(format: Format, diff: &Diff, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(diff, out),
        Format::Json => json::write(diff, out),
        Format::Markdown => markdown::write(diff, out),
        Format::Html => html::write(diff, out),
    }
}

/// `who/what region` words for a source, shared by the text formats.
pub fn source_words(c: &SourceChange) -> String {
    let what = match c.source_type.as_str() {
        "ACCOUNT" => "account",
        "ORGANIZATION" => "organization",
        _ => "source",
    };
    format!(
        "aggregator {}: {what} {} in {}",
        c.aggregator, c.source, c.region
    )
}

/// A status as the text formats show it.
pub fn status_word(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("absent")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(rule: &str, file: &str, account: &str, line: u64, message: &str) -> Item {
        Item {
            rule_id: rule.into(),
            severity: Severity::Medium,
            file: file.into(),
            line,
            column: 1,
            message: message.into(),
            resource: Resource {
                aggregator: Some("org".into()),
                account: Some(account.into()),
                region: Some("eu-west-1".into()),
            },
            suppressed: None,
        }
    }

    fn side(findings: Vec<Item>, statuses: Result<Vec<Status>, String>) -> Side {
        Side {
            name: "x".into(),
            kind: "report".into(),
            now: "t".into(),
            errors: 0,
            findings,
            scope: Err("a JSON report".into()),
            statuses,
        }
    }

    /// A line move and a changed wording are no change; equal messages pair
    /// first, so of two findings of one resource the one that went is resolved.
    #[test]
    fn findings_pair_by_identity_not_line() {
        let old = side(
            vec![
                item("AGG001", "a.json", "1", 3, "FAILED"),
                item("AGG006", "a.json", "2", 5, "3d old"),
                item("AGG008", "t.yaml", "3", 7, "no role"),
                item("AGG008", "t.yaml", "3", 9, "no regions"),
            ],
            Err("r".into()),
        );
        let new = side(
            vec![
                item("AGG001", "a.json", "1", 30, "FAILED"),
                item("AGG006", "a.json", "2", 5, "10d old"),
                item("AGG008", "t.yaml", "3", 12, "no regions"),
                item("AGG003", "a.json", "4", 1, "one region"),
            ],
            Err("r".into()),
        );
        let d = compare(&old, &new);
        assert_eq!(
            (d.summary.new, d.summary.resolved, d.summary.unchanged),
            (1, 1, 3)
        );
        let rule = |id: &str| d.rules.iter().find(|r| r.rule_id == id);
        let unchanged = |id: &str| rule(id).and_then(|r| r.unchanged.first());
        assert_eq!(unchanged("AGG001").map(|u| u.old_line), Some(3));
        assert_eq!(
            unchanged("AGG006").and_then(|u| u.old_message.as_deref()),
            Some("3d old")
        );
        assert_eq!(
            rule("AGG008")
                .and_then(|r| r.resolved.first())
                .map(|f| f.message.as_str()),
            Some("no role")
        );
        assert_eq!(rule("AGG003").map(|r| r.new.len()), Some(1));
        assert!(fails(&d, Some(Severity::Medium)));
        assert!(!fails(&d, Some(Severity::High)));
        assert!(!fails(&d, None));
    }

    #[test]
    fn suppressed_findings_are_apart_and_count_again_when_unsuppressed() {
        let mut a = item("AGG001", "a.json", "1", 1, "m");
        let mut b = item("AGG001", "a.json", "2", 1, "m");
        let c = item("AGG001", "a.json", "3", 1, "m");
        a.suppressed = Some("waiver".into());
        let old = side(vec![a.clone(), b.clone()], Err("r".into()));
        b.suppressed = Some("baseline".into());
        let mut a2 = a.clone();
        a2.suppressed = None;
        let mut c2 = c.clone();
        c2.suppressed = Some("inline".into());
        let new = side(vec![a2, b, c2], Err("r".into()));
        let d = compare(&old, &new);
        assert_eq!(d.summary.new, 1, "no longer suppressed: counts as new");
        assert_eq!(d.summary.resolved, 0, "newly suppressed is not resolved");
        let how: Vec<SuppressedHow> = d.suppressed.iter().map(|s| s.change).collect();
        assert_eq!(how, [SuppressedHow::New, SuppressedHow::NewlySuppressed]);
    }

    #[test]
    fn source_changes_need_both_sides_and_name_absent_ones() {
        let st = |src: &str, status: &str| Status {
            aggregator: "org".into(),
            source_type: "ACCOUNT".into(),
            source: src.into(),
            region: "eu-west-1".into(),
            status: status.into(),
        };
        let old = side(vec![], Ok(vec![st("1", "SUCCEEDED"), st("2", "FAILED")]));
        let new = side(vec![], Ok(vec![st("1", "FAILED"), st("3", "SUCCEEDED")]));
        // Known on both sides: a list of changes (unknown would give none).
        let got: Vec<(String, Option<String>, Option<String>)> = match compare(&old, &new).sources {
            Known::Yes(c) => c.into_iter().map(|c| (c.source, c.old, c.new)).collect(),
            Known::No(_) => Vec::new(),
        };
        assert_eq!(
            got,
            [
                ("1".into(), Some("SUCCEEDED".into()), Some("FAILED".into())),
                ("2".into(), Some("FAILED".into()), None),
                ("3".into(), None, Some("SUCCEEDED".into())),
            ]
        );
        let report = side(vec![], Err("a JSON report".into()));
        // A report has no statuses: unknown, not none.
        assert!(matches!(
            compare(&report, &new).sources,
            Known::No(why) if why.starts_with("unknown: OLD is a JSON report")
        ));
    }
}
