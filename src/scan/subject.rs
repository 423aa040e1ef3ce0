//! What the policies checked, item by item: the aggregators, source statuses,
//! region listings and saved outputs of a scan. JUnit reports one test case per
//! item and policy, passes included.

use crate::model::InputKind;
use crate::model::{FileId, Inventory};
use crate::policy::Checks;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Subject {
    pub collection: Checks,
    /// Input kind (`aws-cli`, `terraform`, …), to match a policy's `inputs`.
    pub kind: InputKind,
    pub name: String,
    pub file: FileId,
    pub extent: Range<usize>,
}

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
    for s in &inv.source_statuses {
        out.push(Subject {
            collection: Checks::SourceStatuses,
            kind: InputKind::AwsCli,
            name: s.subject(),
            file: s.span.file,
            extent: s.span.start as usize..s.span.end as usize,
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
pub struct Index<'a> {
    by_file: HashMap<FileId, Vec<(usize, &'a Subject)>>,
}

impl<'a> Index<'a> {
    pub fn new(subjects: &'a [Subject], collection: Checks) -> Index<'a> {
        let mut by_file: HashMap<FileId, Vec<(usize, &Subject)>> = HashMap::new();
        for (i, s) in subjects.iter().enumerate() {
            if s.collection == collection {
                by_file.entry(s.file).or_default().push((i, s));
            }
        }
        for v in by_file.values_mut() {
            v.sort_by_key(|(_, s)| (s.extent.start, std::cmp::Reverse(s.extent.end)));
        }
        Index { by_file }
    }

    /// The position (in the subjects slice) of the innermost subject containing `span`.
    pub fn find(&self, file: FileId, span: &Range<usize>) -> Option<usize> {
        let list = self.by_file.get(&file)?;
        let upto = list.partition_point(|(_, s)| s.extent.start <= span.start);
        list[..upto]
            .iter()
            .rev()
            .find(|(_, s)| s.extent.end >= span.end)
            .map(|(i, _)| *i)
    }
}
