//! A snapshot folder as a whole: its manifest says which file belongs to which
//! region and aggregator, and its account and region lists say who is
//! expected to report.

use crate::load::open::{self, OpenError, Root, Trust};
use crate::load::source::SourceFile;
use crate::model::Inventory;
use crate::model::Learnt;
use crate::model::Listed;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

/// Apply each manifest's file list: the region and aggregator of every file it
/// names (a manifest knows better than a path), and the files it lists that
/// are not there.
pub fn apply_manifests(inv: &mut Inventory, files: &[SourceFile]) {
    if inv.manifests.is_empty() {
        return;
    }
    let by_path: HashMap<&Path, u32> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_path(), i as u32))
        .collect();
    // file id → (region, aggregator)
    let mut named: HashMap<u32, (Option<String>, Option<String>)> = HashMap::new();
    for m in &mut inv.manifests {
        let mut missing = Vec::new();
        let mut refused = Vec::new();
        for f in &m.files {
            let rel = Path::new(&f.path);
            // Never let a manifest point outside its own folder.
            let safe = rel
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            let full = m.dir.join(rel);
            if !safe {
                missing.push(f.clone());
                continue;
            }
            if let Some(&id) = by_path.get(full.as_path()) {
                named.insert(id, (f.region.clone(), f.aggregator.clone()));
                continue;
            }
            // Not read by the scan: there as a file of the folder, or why not.
            match open::check(&full, Trust::Within(&m.dir, Root::SnapshotFolder)) {
                Ok(_) => {}
                Err(OpenError::Outside(_)) => refused.push(f.clone()),
                Err(_) => missing.push(f.clone()),
            }
        }
        m.missing = missing;
        m.refused = refused;
    }
    if named.is_empty() {
        return;
    }
    // Each file's context is updated once and shared again by its statuses.
    let mut updated: std::collections::HashMap<u32, Arc<crate::model::StatusContext>> =
        std::collections::HashMap::new();
    for s in &mut inv.source_statuses {
        let file = s.span.file;
        if let Some((region, agg)) = named.get(&file) {
            let context = updated.entry(file).or_insert_with(|| {
                let mut c = (*s.context).clone();
                if c.aggregator.is_none() {
                    if let Some(a) = agg {
                        c.aggregator = Some(Arc::from(a.as_str()));
                        c.aggregator_from = Some(Learnt::Manifest);
                    }
                }
                if c.region.is_none() {
                    c.region = region.as_deref().map(Arc::from);
                }
                Arc::new(c)
            });
            s.context = context.clone();
        }
    }
    for l in &mut inv.region_listings {
        if let Some((Some(region), _)) = named.get(&l.span.file) {
            if l.region_from != Some(Learnt::Arn) {
                l.region = Some(region.clone());
                l.region_from = Some(Learnt::Manifest);
            }
        }
    }
    for a in &mut inv.aggregators {
        if let Some((Some(region), _)) = named.get(&a.file) {
            if a.region_from != Some(Learnt::Arn) {
                a.region = Some(region.clone());
                a.region_from = Some(Learnt::Manifest);
            }
        }
    }
}

/// The accounts expected to report: an `--expect-accounts` list, else the
/// organisation's ACTIVE accounts.
pub fn expected_accounts(inv: &Inventory, flag: bool) -> (Vec<String>, Option<Listed>) {
    let from = if flag {
        Listed::Flag
    } else {
        Listed::Organizations
    };
    let ids: BTreeSet<String> = inv
        .accounts
        .iter()
        .filter(|a| a.from == from && a.active)
        .map(|a| a.id.clone())
        .collect();
    let any = inv.accounts.iter().any(|a| a.from == from);
    (ids.into_iter().collect(), (flag || any).then_some(from))
}

/// The regions expected to report: `--expect-regions`, else the enabled regions
/// of a region list, else the regions a snapshot manifest captured.
pub fn expected_regions(inv: &Inventory, flag: &[String]) -> (Vec<String>, Option<Listed>) {
    if !flag.is_empty() {
        let set: BTreeSet<String> = flag.iter().cloned().collect();
        return (set.into_iter().collect(), Some(Listed::Flag));
    }
    if !inv.regions.is_empty() {
        let set: BTreeSet<String> = inv
            .regions
            .iter()
            .filter(|r| r.enabled)
            .map(|r| r.region.clone())
            .collect();
        return (set.into_iter().collect(), Some(Listed::RegionList));
    }
    let set: BTreeSet<String> = inv
        .manifests
        .iter()
        .flat_map(|m| m.regions.iter().cloned())
        .collect();
    if set.is_empty() {
        return (Vec::new(), None);
    }
    (set.into_iter().collect(), Some(Listed::Manifest))
}
