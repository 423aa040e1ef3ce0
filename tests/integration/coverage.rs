//! The coverage grid of a snapshot: who is expected to report where, and what the
//! sources status says; its missing cells are exactly AGG007's blind spots.

use crate::common;

use aggrego::resolve::coverage::CellState;
use std::collections::BTreeSet;

fn states(grid: &aggrego::resolve::coverage::Grid) -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    for (i, a) in grid.accounts.iter().enumerate() {
        for (j, r) in grid.regions.iter().enumerate() {
            let c = &grid.cells[i * grid.regions.len() + j];
            out.push((a.id.clone(), r.clone(), c.state.as_str()));
        }
    }
    out
}

#[test]
fn organization_snapshot_grid() {
    let dir = common::root().join("fixtures/AGG007/organization");
    let result = common::scan_paths(&[&dir], None, "24h");
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    let names: Vec<_> = result
        .coverage
        .iter()
        .map(|g| g.aggregator.as_str())
        .collect();
    assert_eq!(names, ["eu-accounts", "org-aggregator"]);
    let org = &result.coverage[1];
    assert_eq!(org.aggregator_region.as_deref(), Some("us-east-1"));
    assert_eq!(org.regions, ["eu-west-1", "us-east-1"]);
    let ids: Vec<_> = org.accounts.iter().map(|a| a.id.as_str()).collect();
    // The SUSPENDED account is neither expected nor reporting: no row.
    assert_eq!(
        ids,
        [
            "111111111111",
            "222222222222",
            "333333333333",
            "444444444444",
            "999999999999"
        ]
    );
    assert_eq!(org.accounts[2].name.as_deref(), Some("staging"));
    let s = states(org);
    let get = |a: &str, r: &str| s.iter().find(|x| x.0 == a && x.1 == r).map(|x| x.2);
    assert_eq!(get("111111111111", "eu-west-1"), Some("failed"));
    assert_eq!(get("111111111111", "us-east-1"), Some("succeeded"));
    assert_eq!(get("333333333333", "eu-west-1"), Some("missing"));
    assert_eq!(get("444444444444", "us-east-1"), Some("missing"));
    assert_eq!(org.cells.len(), 5 * 2);
    let failed = &org.cells[0];
    assert!(failed
        .detail
        .as_deref()
        .unwrap_or("")
        .contains("FAILED, last update 2026-11-30T11:00:00Z. AccessDeniedException"));

    // Missing cells are the pairs AGG007 names, aggregator by aggregator.
    for grid in &result.coverage {
        let missing: BTreeSet<(String, String)> = states(grid)
            .into_iter()
            .filter(|x| x.2 == CellState::Missing.as_str())
            .map(|x| (x.0, x.1))
            .collect();
        let mut named = BTreeSet::new();
        for f in result.findings.iter().filter(|f| &*f.rule_id == "AGG007") {
            if f.resource.aggregator.as_deref() != Some(grid.aggregator.as_str()) {
                continue;
            }
            let Some(account) = f.resource.account.as_deref() else {
                continue;
            };
            for r in &grid.regions {
                if f.message.contains(&format!(" {r}"))
                    && f.message.contains("has no source status")
                {
                    named.insert((account.to_string(), r.clone()));
                }
            }
        }
        assert_eq!(missing, named, "{}", grid.aggregator);
    }
}

#[test]
fn stale_and_organization_cells() {
    // The organisation reports as a whole in two regions; the third is silent.
    let dir = common::root().join("fixtures/AGG007/region-gap");
    let result = common::scan_paths(&[&dir], Some("2026-12-05T00:00:00Z"), "24h");
    let grid = &result.coverage[0];
    assert_eq!(grid.regions, ["eu-central-1", "eu-west-1", "us-east-1"]);
    assert_eq!(grid.accounts.len(), 1);
    assert_eq!(grid.accounts[0].id, "o-abcdefghij");
    // Five days after the last update, SUCCEEDED is stale; the silent region is missing.
    let got: Vec<&str> = states(grid).iter().map(|x| x.2).collect();
    assert_eq!(got, ["missing", "stale", "stale"]);
    let fresh = common::scan_paths(&[&dir], Some("2026-11-30T12:00:00Z"), "24h");
    let got: Vec<&str> = states(&fresh.coverage[0]).iter().map(|x| x.2).collect();
    assert_eq!(got, ["missing", "succeeded", "succeeded"]);
    // A scan without snapshot data has no grid at all.
    let plain = common::scan_paths(&[&common::root().join("fixtures/AGG001")], None, "24h");
    assert!(plain.coverage.is_empty());
}
