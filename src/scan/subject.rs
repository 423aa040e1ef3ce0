//! What the policies checked, item by item: the aggregators, source statuses,
//! region listings and saved outputs of a scan. JUnit reports one test case per
//! item and policy, passes included.

use crate::model::finding::Finding;
use crate::model::InputKind;
use crate::model::{FileId, Inventory, SourceStatus};
use crate::policy::Checks;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Every item a scan's policies could check. The source statuses (up to
/// millions) are the scan's own list, shared, and named only when a report
/// asks for them.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    items: Vec<Subject>,
    statuses: Arc<Vec<SourceStatus>>,
}

impl Checked {
    /// `items` from [`collect`], and the statuses as the encoder keeps them.
    pub fn new(items: Vec<Subject>, statuses: Arc<Vec<SourceStatus>>) -> Checked {
        Checked { items, statuses }
    }

    /// The items of one collection, in input order.
    pub fn of(&self, collection: Checks) -> Vec<Subject> {
        if collection == Checks::SourceStatuses {
            return self
                .statuses
                .iter()
                .map(|s| status_subject(s, s.subject()))
                .collect();
        }
        self.items
            .iter()
            .filter(|s| s.collection == collection)
            .cloned()
            .collect()
    }

    /// The items of one collection, in input order, without their names: for
    /// counting, which needs where each item lies but not what it is called
    /// (naming 300k statuses costs a large scan about as much as reporting
    /// them).
    pub fn located(&self, collection: Checks) -> Vec<Subject> {
        if collection == Checks::SourceStatuses {
            return self
                .statuses
                .iter()
                .map(|s| status_subject(s, String::new()))
                .collect();
        }
        self.items
            .iter()
            .filter(|s| s.collection == collection)
            .map(|s| Subject {
                name: String::new(),
                file: s.file,
                extent: s.extent.clone(),
                ..*s
            })
            .collect()
    }
}

fn status_subject(s: &SourceStatus, name: String) -> Subject {
    Subject {
        collection: Checks::SourceStatuses,
        kind: InputKind::AwsCli,
        name,
        file: s.span.file,
        extent: s.span.start as usize..s.span.end as usize,
    }
}

#[derive(Debug, Clone)]
pub struct Subject {
    pub collection: Checks,
    /// Input kind (`aws-cli`, `terraform`, …), to match a policy's `inputs`.
    pub kind: InputKind,
    pub name: String,
    pub file: FileId,
    pub extent: Range<usize>,
}

/// The items of every collection but the source statuses (see [`Checked`]).
pub fn collect(inv: &Inventory) -> Vec<Subject> {
    let mut out = Vec::new();
    // Readings of one definition (conditions undecided offline) are one item.
    let mut read = std::collections::HashSet::new();
    for a in &inv.aggregators {
        if a.variant.is_some() && !read.insert((a.file, a.address.as_str())) {
            continue;
        }
        let name = match &a.name.value {
            Some(n) if a.kind == InputKind::AwsCli => format!("aggregator {n}"),
            Some(n) => format!("{} ({n})", a.address),
            None => a.address.clone(),
        };
        out.push(Subject {
            collection: Checks::Aggregators,
            kind: a.kind,
            name,
            file: a.extent.file,
            extent: a.extent.start as usize..a.extent.end as usize,
        });
    }
    for l in &inv.region_listings {
        out.push(Subject {
            collection: Checks::RegionListings,
            kind: InputKind::AwsCli,
            name: format!(
                "aggregators in {}",
                l.region.as_deref().unwrap_or("an unknown region")
            ),
            file: l.span.file,
            extent: l.span.start as usize..l.span.end as usize,
        });
    }
    for u in &inv.unchecked {
        out.push(Subject {
            collection: Checks::Unchecked,
            kind: u.kind,
            name: u.address.clone(),
            file: u.file,
            extent: u.span.start as usize..u.span.end as usize,
        });
    }
    for s in &inv.snapshots {
        out.push(Subject {
            collection: Checks::Snapshots,
            kind: InputKind::AwsCli,
            name: format!("{} output", s.kind),
            file: s.file,
            extent: s.span.start as usize..s.span.end as usize,
        });
    }
    out
}

/// One rule's findings set against the items it checks: each item of the
/// rule's input kinds with the findings located in it (none: it passed), and
/// the findings located in no such item. JUnit makes a test case of each, the
/// results per control count them: one reading for both.
pub struct Assigned<'a> {
    /// (position in [`Index::subjects`], the findings in it), in index order.
    pub items: Vec<(usize, Vec<&'a Finding>)>,
    /// Findings outside every item of the rule's input kinds (AGG007's, about
    /// an account of an organization listing), in the order given.
    pub outside: Vec<&'a Finding>,
}

/// `findings` (one rule's) by the item of `index` each lies in; items whose
/// input kind is not among `inputs` are not the rule's.
pub fn assign<'a>(index: &Index, inputs: &[String], findings: &[&'a Finding]) -> Assigned<'a> {
    let mut per_subject: std::collections::BTreeMap<usize, Vec<&'a Finding>> = Default::default();
    let mut outside = Vec::new();
    for f in findings {
        match index.find(f.file_id, &f.span) {
            Some(i) => per_subject.entry(i).or_default().push(f),
            None => outside.push(*f),
        }
    }
    let mut items = Vec::new();
    for (i, s) in index.subjects().iter().enumerate() {
        if inputs.iter().any(|k| k == s.kind.as_str()) {
            items.push((i, per_subject.remove(&i).unwrap_or_default()));
        }
    }
    // Findings in items of another input kind are the rule's all the same.
    outside.extend(per_subject.into_values().flatten());
    Assigned { items, outside }
}

/// One rule's results over the items it checks (see `report::controls`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub checked: usize,
    pub failed: usize,
    /// Unsuppressed findings.
    pub findings: usize,
    pub suppressed: usize,
}

/// Every rule's [`Tally`], in the order of `result.rules`: the findings of
/// each rule set against one index per collection.
pub fn tally(result: &super::ScanResult) -> Vec<Option<Tally>> {
    let mut findings: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &result.findings {
        findings.entry(&f.rule_id).or_default().push(f);
    }
    let mut indexes: HashMap<Checks, Index> = HashMap::new();
    result
        .rules
        .iter()
        .map(|rule| {
            let collection = rule.checks?;
            let index = indexes
                .entry(collection)
                .or_insert_with(|| Index::new(result.checked.located(collection)));
            let mine = findings.remove(&*rule.id).unwrap_or_default();
            let (checked, failed) = count(index, &rule.inputs, &mine);
            let suppressed = mine.iter().filter(|f| f.suppressed).count();
            Some(Tally {
                checked,
                failed,
                findings: mine.len() - suppressed,
                suppressed,
            })
        })
        .collect()
}

/// What [`assign`] finds, counted without listing every item (a list of
/// 300k source statuses costs ~10 MB): `(checked, failed)`, the rule's items
/// plus one per finding outside them, and those of them with an unsuppressed
/// finding. Results per control read this; JUnit's cases are [`assign`]'s.
pub fn count(index: &Index, inputs: &[String], findings: &[&Finding]) -> (usize, usize) {
    let mine = |s: &Subject| inputs.iter().any(|k| k == s.kind.as_str());
    // Per item: whether it holds a finding, and whether one is unsuppressed
    // (a flag per item: 300k statuses take 300 kB, and no hashing).
    const FOUND: u8 = 1;
    const FAILED: u8 = 2;
    let mut state = vec![0u8; index.subjects.len()];
    let (mut outside, mut outside_failed) = (0, 0);
    for f in findings {
        let item = index
            .find(f.file_id, &f.span)
            .filter(|&i| index.subjects.get(i).is_some_and(mine));
        match item.and_then(|i| state.get_mut(i)) {
            Some(st) => *st |= if f.suppressed { FOUND } else { FOUND | FAILED },
            None => {
                outside += 1;
                outside_failed += usize::from(!f.suppressed);
            }
        }
    }
    let checked = index.subjects.iter().filter(|s| mine(s)).count() + outside;
    let failed = state.iter().filter(|&&st| st & FAILED != 0).count() + outside_failed;
    (checked, failed)
}

/// Subjects of one collection by file, sorted, for finding the one a span lies in.
pub struct Index {
    subjects: Vec<Subject>,
    by_file: HashMap<FileId, Vec<usize>>,
}

impl Index {
    pub fn new(subjects: Vec<Subject>) -> Index {
        let mut by_file: HashMap<FileId, Vec<usize>> = HashMap::new();
        for (i, s) in subjects.iter().enumerate() {
            by_file.entry(s.file).or_default().push(i);
        }
        for v in by_file.values_mut() {
            v.sort_by_key(|i| {
                let e = &subjects[*i].extent;
                (e.start, std::cmp::Reverse(e.end))
            });
        }
        Index { subjects, by_file }
    }

    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }

    /// The position (in [`Index::subjects`]) of the innermost subject containing `span`.
    pub fn find(&self, file: FileId, span: &Range<usize>) -> Option<usize> {
        let list = self.by_file.get(&file)?;
        let extent = |i: usize| &self.subjects[i].extent;
        let upto = list.partition_point(|i| extent(*i).start <= span.start);
        list[..upto]
            .iter()
            .rev()
            .find(|i| extent(**i).end >= span.end)
            .copied()
    }
}
