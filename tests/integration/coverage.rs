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
    // The SUSPENDED account is neither expected nor reporting: no row. Worst
    // first: two missing cells, then one failed or missing (by id), then none.
    assert_eq!(
        ids,
        [
            "444444444444",
            "111111111111",
            "333333333333",
            "222222222222",
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
    let failed = &org.row(1)[0];
    assert!(failed
        .detail
        .as_deref()
        .unwrap_or("")
        .contains("FAILED, last update 2026-11-30T11:00:00Z. AccessDeniedException"));

    // The account-based aggregator: the ACTIVE accounts it leaves out and the
    // enabled region it does not collect have their row and column, not collected;
    // rows worst first (2 cells missing or not collected each), then by id.
    let eu = &result.coverage[0];
    assert_eq!(eu.regions, ["eu-west-1", "us-east-1"]);
    assert_eq!(eu.uncollected_regions, ["us-east-1".to_string()].into());
    let rows: Vec<_> = eu
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.collected))
        .collect();
    assert_eq!(
        rows,
        [
            ("222222222222", true),
            ("333333333333", false),
            ("444444444444", false),
            ("999999999999", false),
            ("111111111111", true)
        ]
    );
    let s = states(eu);
    let get = |a: &str, r: &str| s.iter().find(|x| x.0 == a && x.1 == r).map(|x| x.2);
    assert_eq!(get("333333333333", "eu-west-1"), Some("not-collected"));
    assert_eq!(get("111111111111", "us-east-1"), Some("not-collected"));
    assert_eq!(get("111111111111", "eu-west-1"), Some("succeeded"));
    assert_eq!(get("222222222222", "eu-west-1"), Some("missing"));
    assert_eq!(eu.totals(), [1, 0, 9]);
    assert_eq!(eu.row_totals(4), [1, 0, 1]);
    assert_eq!(eu.column_totals(0), [1, 0, 4]);

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
