//! `--format junit`: a test suite per policy that ran, a test case per item it
//! checked (an aggregator, a source, a region listing, a saved output), passes
//! included. Findings fail their item's case; suppressed-only items are skipped
//! with the reason; input and policy errors are error cases in suite `aggrego`.
//!
//! Every case of a rule has the classname `aggrego.<RULE>` (Jenkins groups by
//! what follows the last dot) and a name unique within it: the item and its
//! `file:line` (GitLab keeps only the first case of a classname and name). Cases
//! carry `file` and `line` attributes; failure messages start with the rule id.

use crate::model::finding::Finding;
use crate::policy::catalog::Rule;
use crate::policy::Checks;
use crate::scan::subject::{assign, Index};
use crate::scan::ScanResult;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// The classname of the error cases.
const ERRORS: &str = "aggrego.errors";

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    write_with(result, false, out)
}

/// `failures_only`: leave out passing and skipped cases (`--junit-failures-only`).
pub fn write_with(
    result: &ScanResult,
    failures_only: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut report = Report::new("aggrego");
    let mut by_rule: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &result.findings {
        by_rule.entry(&f.rule_id).or_default().push(f);
    }
    let mut indexes: HashMap<Checks, Index> = HashMap::new();
    for rule in &result.rules {
        let findings = by_rule.remove(&*rule.id).unwrap_or_default();
        let suite = match rule.checks {
            Some(c) => {
                let index = indexes
                    .entry(c)
                    .or_insert_with(|| Index::new(result.checked.of(c)));
                checked_suite(result, rule, index, &findings)
            }
            None => findings_suite(rule, &findings),
        };
        report.add_test_suite(suite);
    }
    // Findings of rules not in the catalogue cannot happen; keep them visible anyway.
    let mut rest: Vec<(&str, Vec<&Finding>)> = by_rule.into_iter().collect();
    rest.sort_by_key(|(id, _)| *id);
    for (id, findings) in rest {
        let mut suite = TestSuite::new(id);
        suite.add_test_cases(findings.iter().map(|f| finding_case(f)));
        report.add_test_suite(suite);
    }
    if !result.errors.is_empty() {
        let mut suite = TestSuite::new("aggrego");
        for e in &result.errors {
            let at = e.position(&result.files).map_or_else(
                || e.path.clone(),
                |lc| format!("{}:{}:{}", e.path, lc.line, lc.column),
            );
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(e.message.as_str());
            status.set_type("input or policy error");
            status.set_description(match &e.help {
                Some(h) => format!("{at}: {}\n{h}", e.message),
                None => format!("{at}: {}", e.message),
            });
            let mut case = TestCase::new(at, status);
            case.set_classname(ERRORS);
            let line = e.position(&result.files).map_or(0, |lc| lc.line);
            located(&mut case, &e.path, line);
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    if failures_only {
        for suite in &mut report.test_suites {
            suite
                .test_cases
                .retain(|c| matches!(c.status, TestCaseStatus::NonSuccess { .. }));
        }
        report.test_suites.retain(|s| !s.test_cases.is_empty());
        // Totals follow the cases that are left.
        let suites = std::mem::take(&mut report.test_suites);
        let mut fresh = Report::new("aggrego");
        for s in suites {
            let mut suite = TestSuite::new(s.name.clone());
            suite.add_properties(s.properties.clone());
            suite.add_test_cases(s.test_cases);
            fresh.add_test_suite(suite);
        }
        report = fresh;
    }
    unique_names(&mut report);
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    report
        .serialize(&mut w)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    w.write_all(b"\n")?;
    w.flush()
}

/// The `file` and `line` attributes of a case (no line when unknown).
fn located(case: &mut TestCase, file: &str, line: usize) {
    case.extra.insert("file".into(), file.into());
    if line > 0 {
        case.extra.insert("line".into(), line.to_string().into());
    }
}

/// A case name is unique within its classname: a second one gets ` #2`, and so on.
fn unique_names(report: &mut Report) {
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for suite in &mut report.test_suites {
        for case in &mut suite.test_cases {
            let class = case
                .classname
                .as_ref()
                .map_or(String::new(), |c| c.as_str().to_string());
            let name = case.name.as_str().to_string();
            if seen.insert((class.clone(), name.clone())) {
                continue;
            }
            let mut n = 2;
            while !seen.insert((class.clone(), format!("{name} #{n}"))) {
                n += 1;
            }
            case.name = format!("{name} #{n}").into();
        }
    }
}

fn classname(rule: &str) -> String {
    format!("aggrego.{rule}")
}

fn new_suite(rule: &Rule) -> TestSuite {
    let mut suite = TestSuite::new(format!("{} {}", rule.id, rule.title));
    suite.add_property(("severity", rule.severity.as_str()));
    suite.add_property(("rule", &*rule.id));
    suite
}

fn checked_suite(
    result: &ScanResult,
    rule: &Rule,
    index: &Index,
    findings: &[&Finding],
) -> TestSuite {
    let mut suite = new_suite(rule);
    let assigned = assign(index, &rule.inputs, findings);
    let mut cases: Vec<(&str, usize, TestCase)> = Vec::new();
    for (i, fs) in assigned.items {
        let s = &index.subjects()[i];
        let source = result.files.get(s.file as usize);
        let file = source.map_or("", |f| f.name.as_str());
        let line = source.map_or(0, |f| f.line_col(s.extent.start).line);
        let status = if fs.is_empty() {
            TestCaseStatus::success()
        } else {
            status_for(&fs)
        };
        let mut case = TestCase::new(format!("{} ({file}:{line})", s.name), status);
        case.set_classname(classname(&rule.id));
        located(&mut case, file, line);
        cases.push((file, s.extent.start, case));
    }
    for f in assigned.outside {
        cases.push((&f.file, f.span.start, finding_case(f)));
    }
    cases.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    suite.add_test_cases(cases.into_iter().map(|(_, _, c)| c));
    suite
}

fn findings_suite(rule: &Rule, findings: &[&Finding]) -> TestSuite {
    let mut suite = new_suite(rule);
    if findings.is_empty() {
        let mut case = TestCase::new("suppressions", TestCaseStatus::success());
        case.set_classname(classname(&rule.id));
        suite.add_test_case(case);
    }
    suite.add_test_cases(findings.iter().map(|f| finding_case(f)));
    suite
}

/// A finding outside the items its rule checks: named by what it is about.
fn finding_case(f: &Finding) -> TestCase {
    let r = &f.resource;
    let words: Vec<String> = [
        r.aggregator.as_deref().map(|a| format!("aggregator {a}")),
        r.account.as_deref().map(|a| format!("account {a}")),
        r.region.as_deref().map(|a| format!("region {a}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let what = if words.is_empty() {
        f.title.to_string()
    } else {
        words.join(" ")
    };
    let mut case = TestCase::new(
        format!("{what} ({}:{}:{})", f.file, f.line, f.column),
        status_for(&[f]),
    );
    case.set_classname(classname(&f.rule_id));
    located(&mut case, &f.file, f.line);
    case
}

/// Failure when any finding counts; skipped when all are suppressed.
fn status_for(findings: &[&Finding]) -> TestCaseStatus {
    let active: Vec<&&Finding> = findings.iter().filter(|f| !f.suppressed).collect();
    let describe = |f: &Finding| {
        let mut s = format!(
            "{}:{}:{}: [{}] {}\nFix: {}",
            f.file,
            f.line,
            f.column,
            f.severity.as_str(),
            f.message,
            f.remediation
        );
        if let Some(sup) = &f.suppression {
            s.push_str(&format!(
                "\nSuppressed ({} at {}:{}): {}",
                sup.kind, sup.file, sup.line, sup.reason
            ));
        }
        s
    };
    let description = findings
        .iter()
        .map(|f| describe(f))
        .collect::<Vec<_>>()
        .join("\n\n");
    if let Some(first) = active.first() {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status.set_message(if active.len() == 1 {
            format!("{}: {}", first.rule_id, first.message)
        } else {
            format!(
                "{}: {} (and {} more)",
                first.rule_id,
                first.message,
                active.len() - 1
            )
        });
        status.set_type(first.severity.as_str());
        status.set_description(description);
        status
    } else {
        let mut status = TestCaseStatus::skipped();
        if let Some(s) = findings.first().and_then(|f| f.suppression.as_ref()) {
            status.set_message(format!("suppressed: {}", s.reason));
            status.set_type(s.kind.as_str());
        }
        status.set_description(description);
        status
    }
}
