//! What the policies checked, item by item: the aggregators, source statuses,
//! region listings and saved outputs of a scan. JUnit reports one test case per
//! item and policy, passes included.

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
            return self.statuses.iter().map(status_subject).collect();
        }
        self.items
            .iter()
            .filter(|s| s.collection == collection)
            .cloned()
            .collect()
    }
}

fn status_subject(s: &SourceStatus) -> Subject {
    Subject {
        collection: Checks::SourceStatuses,
        kind: InputKind::AwsCli,
        name: s.subject(),
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
