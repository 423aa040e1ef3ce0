//! `--format junit`: a test suite per policy that ran, a test case per item it
//! checked (an aggregator, a source, a region listing, a saved output), passes
//! included. Findings fail their item's case; suppressed-only items are skipped
//! with the reason; input and policy errors are error cases in suite `aggrego`.

use crate::model::finding::Finding;
use crate::policy::catalog::Rule;
use crate::policy::Checks;
use crate::scan::subject::Index;
use crate::scan::ScanResult;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
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
            case.set_classname(e.path.as_str());
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    report
        .serialize(&mut w)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    w.write_all(b"\n")?;
    w.flush()
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
    let mut per_subject: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for f in findings {
        match index.find(f.file_id, &f.span) {
            Some(i) => per_subject.entry(i).or_default().push(f),
            None => unmatched.push(*f),
        }
    }
    let mut cases: Vec<(&str, usize, TestCase)> = Vec::new();
    for (i, s) in index.subjects().iter().enumerate() {
        if !rule.inputs.iter().any(|k| k == s.kind.as_str()) {
            continue;
        }
        let file = result
            .files
            .get(s.file as usize)
            .map_or("", |f| f.name.as_str());
        let status = match per_subject.remove(&i) {
            Some(fs) => status_for(&fs),
            None => TestCaseStatus::success(),
        };
        let mut case = TestCase::new(s.name.as_str(), status);
        case.set_classname(file);
        cases.push((file, s.extent.start, case));
    }
    // Findings in items of another input kind still fail their own case.
    for (_, fs) in per_subject {
        unmatched.extend(fs);
    }
    for f in unmatched {
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
        case.set_classname("aggrego");
        suite.add_test_case(case);
    }
    suite.add_test_cases(findings.iter().map(|f| finding_case(f)));
    suite
}

fn finding_case(f: &Finding) -> TestCase {
    let mut case = TestCase::new(
        format!("{}:{}:{}", f.file, f.line, f.column),
        status_for(&[f]),
    );
    case.set_classname(&*f.file);
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
            first.message.clone()
        } else {
            format!("{} (and {} more)", first.message, active.len() - 1)
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
