//! Findings on a definition read several ways (a CloudFormation condition or a
//! Terraform conditional that cannot be decided offline): what fails in every
//! reading is reported once, as it is; what fails in some is reported with the
//! assumptions it needs (`when condition IsOrg is false: …`).

use crate::encode::Reading;
use crate::model::finding::Finding;
use crate::model::{words, Variant};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// `findings` with the reading each was made on; `readings` every reading of
/// the scan by owner (see [`crate::encode::Locations::variants`]).
pub fn merge(
    findings: Vec<(Finding, Option<Reading>)>,
    readings: &HashMap<u32, Reading>,
) -> Vec<Finding> {
    // The readings of each definition, told apart by their assumptions.
    let mut groups: HashMap<u32, Vec<Arc<Variant>>> = HashMap::new();
    let mut owners: Vec<(&u32, &Reading)> = readings.iter().collect();
    owners.sort_by_key(|(o, _)| **o);
    for (_, r) in owners {
        let g = groups.entry(r.group).or_default();
        if !g.iter().any(|v| v.assumptions == r.variant.assumptions) {
            g.push(r.variant.clone());
        }
    }
    let mut out = Vec::with_capacity(findings.len());
    type Key = (u32, Arc<str>, u32, usize, usize, String);
    let mut made: BTreeMap<Key, Vec<(Finding, Arc<Variant>)>> = BTreeMap::new();
    for (f, r) in findings {
        match r {
            None => out.push(f),
            Some(r) => {
                let key = (
                    r.group,
                    f.rule_id.clone(),
                    f.file_id,
                    f.span.start,
                    f.span.end,
                    f.message.clone(),
                );
                made.entry(key).or_default().push((f, r.variant));
            }
        }
    }
    for ((group, ..), mut list) in made {
        // Every reading of the definition: those that create it, and those that do not.
        let readings: Vec<&Vec<(String, bool)>> = groups
            .get(&group)
            .map(|g| {
                let absent = g.first().map(|v| v.absent.iter()).into_iter().flatten();
                g.iter().map(|v| &v.assumptions).chain(absent).collect()
            })
            .unwrap_or_default();
        list.dedup_by(|a, b| a.1.assumptions == b.1.assumptions);
        if list.len() >= readings.len() {
            out.push(list.swap_remove(0).0);
            continue;
        }
        // What the readings that fail have in common, if it singles them out.
        let mut common: Vec<(String, bool)> = list[0].1.assumptions.clone();
        common.retain(|a| list.iter().all(|(_, v)| v.assumptions.contains(a)));
        let singled = !common.is_empty()
            && readings
                .iter()
                .filter(|r| common.iter().all(|a| r.contains(a)))
                .count()
                == list.len();
        if singled {
            let (mut f, _) = list.swap_remove(0);
            f.message = format!("when {}: {}", words(&common), f.message);
            out.push(f);
        } else {
            for (mut f, v) in list {
                f.message = format!("when {}: {}", v.words(), f.message);
                out.push(f);
            }
        }
    }
    out
}
