//! Results per control: for every policy that ran, how many items of its
//! collection it examined, how many of them failed, and whether it passed,
//! failed or had nothing to examine. Every report shows these rows; JUnit's
//! test cases are the same items ([`crate::scan::subject::assign`], counted by
//! [`crate::scan::subject::tally`] once per scan).
//!
//! - `checked`: the items of the policy's collection (`custom.checks`) whose
//!   input kind is among its `inputs`, all of them (a per-item policy's `where`
//!   only skips items it would pass), plus one per finding located outside
//!   every such item (JUnit gives those a case of their own too).
//! - `failed`: those items with at least one unsuppressed finding; `findings`
//!   and `suppressed` count findings.
//! - `status`: `FAIL` when one failed, else `PASS` when one was examined, else
//!   `NOT APPLICABLE`: nothing to examine is never a pass.
//!
//! aggrego's own rules about suppressions (AGG901, AGG902) check no input
//! collection: they are not controls and have no row.

use crate::model::finding::Severity;
use crate::scan::ScanResult;
use serde::Serialize;

/// One policy's results.
#[derive(Debug, Clone, Serialize)]
pub struct Control<'a> {
    pub rule: &'a str,
    pub title: &'a str,
    pub severity: Severity,
    /// The input collection (`source_statuses`, `aggregators`, …).
    pub checks: &'static str,
    pub checked: usize,
    pub failed: usize,
    pub findings: usize,
    pub suppressed: usize,
    pub status: Status,
    pub frameworks: Vec<FrameworkRef<'a>>,
}

/// A framework control the policy supports, as reports name it (the citation
/// is in `aggrego explain`).
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkRef<'a> {
    pub framework: &'a str,
    pub control: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    #[serde(rename = "PASS")]
    Pass,
    #[serde(rename = "FAIL")]
    Fail,
    #[serde(rename = "NOT APPLICABLE")]
    NotApplicable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::NotApplicable => "NOT APPLICABLE",
        }
    }

    /// Of counts: see the module's documentation.
    pub fn of(checked: usize, failed: usize) -> Status {
        if failed > 0 {
            Status::Fail
        } else if checked > 0 {
            Status::Pass
        } else {
            Status::NotApplicable
        }
    }
}

/// The rows of a scan, one per policy that ran, sorted by rule id.
pub fn by_rule(result: &ScanResult) -> Vec<Control<'_>> {
    let mut rows: Vec<Control<'_>> = result
        .rules
        .iter()
        .zip(result.tallies())
        .filter_map(|(rule, tally)| {
            let (collection, t) = (rule.checks?, (*tally)?);
            Some(Control {
                rule: &rule.id,
                title: &rule.title,
                severity: rule.severity,
                checks: collection.as_str(),
                checked: t.checked,
                failed: t.failed,
                findings: t.findings,
                suppressed: t.suppressed,
                status: Status::of(t.checked, t.failed),
                frameworks: rule
                    .frameworks
                    .iter()
                    .map(|f| FrameworkRef {
                        framework: &f.framework,
                        control: &f.control,
                        title: f.title.as_deref(),
                    })
                    .collect(),
            })
        })
        .collect();
    rows.sort_by(|a, b| a.rule.cmp(b.rule));
    rows
}

/// A row's framework references by framework, in the order given: each
/// framework once, with its controls.
pub fn by_framework<'c, 'a>(c: &'c Control<'a>) -> Vec<(&'a str, Vec<&'c FrameworkRef<'a>>)> {
    let mut out: Vec<(&'a str, Vec<&'c FrameworkRef<'a>>)> = Vec::new();
    for f in &c.frameworks {
        match out.iter_mut().find(|(name, _)| *name == f.framework) {
            Some((_, controls)) => controls.push(f),
            None => out.push((f.framework, vec![f])),
        }
    }
    out
}

/// `CIS AWS Foundations Benchmark v3.0.0 3.3; NIST SP 800-53 Rev. 5 CA-7, CM-8`.
pub fn frameworks_text(c: &Control<'_>) -> String {
    by_framework(c)
        .iter()
        .map(|(name, controls)| {
            let controls: Vec<&str> = controls.iter().map(|f| f.control).collect();
            format!("{name} {}", controls.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Counts of each status, in the order PASS, FAIL, NOT APPLICABLE.
pub fn tally(rows: &[Control<'_>]) -> [usize; 3] {
    let mut n = [0; 3];
    for r in rows {
        n[r.status as usize] += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_examined_is_not_a_pass() {
        assert_eq!(Status::of(0, 0), Status::NotApplicable);
        assert_eq!(Status::of(3, 0), Status::Pass);
        assert_eq!(Status::of(3, 1), Status::Fail);
        assert_eq!(Status::of(0, 1), Status::Fail);
    }
}
