//! SARIF, JUnit and Markdown reports: valid against their schema or parser,
//! complete (suppressions and errors included), escaped, and byte-identical
//! from one run to the next.

use crate::common;

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

const NOW: &str = "2026-11-24T00:00:00Z";

fn aggrego(args: &[&str]) -> (i32, Vec<u8>) {
    let (code, stdout, _) = common::run(args);
    (code, stdout)
}

/// Policy fixtures, suppressions of every kind, located errors and the corpus.
const INPUTS: &[&str] = &[
    "fixtures",
    "fixtures/_suppressions/waivers",
    "../shared/corpus/awscli",
];

fn scan(format: &str) -> (i32, Vec<u8>) {
    let mut args = vec!["scan"];
    args.extend(INPUTS);
    args.extend(["--now", NOW, "--format", format]);
    aggrego(&args)
}

#[test]
fn sarif_is_valid_and_complete() {
    // Every finding (about 20,000, most from a hostile fixture), within GitHub's limit.
    let mut args = vec!["scan"];
    args.extend(INPUTS);
    args.extend([
        "--now",
        NOW,
        "--format",
        "sarif",
        "--sarif-max-results",
        "25000",
    ]);
    let (code, out) = aggrego(&args);
    assert_eq!(code, 2, "the error fixtures are in the scan");
    let sarif: Value = serde_json::from_slice(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::corpus().join("schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(20)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema does bite.
    let mut bad = sarif.clone();
    bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
    bad["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert_eq!(validator.iter_errors(&bad).count(), 2);

    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "aggrego");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in ["AGG001", "AGG003", "AGG011", "AGG901", "AGG902"] {
        assert!(ids.contains(&id), "{id} in rules");
    }
    for r in rules {
        assert!(r["name"]
            .as_str()
            .unwrap()
            .chars()
            .all(char::is_alphanumeric));
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(r["help"]["text"].as_str().unwrap().contains("Remediation:"));
        assert!(r["helpUri"].as_str().unwrap().starts_with("https://"));
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
        for d in ["shortDescription", "fullDescription"] {
            assert!(r[d]["text"].as_str().unwrap().chars().count() <= 1024);
        }
        let uri = r["helpUri"].as_str().unwrap();
        assert!(!uri.contains(char::is_whitespace) && uri.len() > "https://".len());
        match r["properties"]["severity"].as_str().unwrap() {
            "info" => assert!(r["properties"]["security-severity"].is_null()),
            _ => {
                let sev: f64 = r["properties"]["security-severity"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((0.1..=10.0).contains(&sev));
            }
        }
        assert!(r["properties"]["tags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("security")));
    }
    let high = rules.iter().find(|r| r["id"] == "AGG004").unwrap();
    assert_eq!(high["defaultConfiguration"]["level"], "error");
    assert_eq!(high["properties"]["security-severity"], "8.0");

    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 20_000, "every finding within the cap");
    let mut fingerprints = BTreeSet::new();
    let mut suppressed_kinds = BTreeSet::new();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        if uri.starts_with("fixtures/") {
            assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        } else {
            // The corpus is outside the repository: an absolute URI of its own.
            assert!(
                uri.starts_with("file:///") && uri.contains("/corpus/awscli/"),
                "{uri}"
            );
            assert!(loc["artifactLocation"]["uriBaseId"].is_null());
        }
        let region = &loc["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["endColumn"].as_u64().unwrap() >= 1);
        let fp = r["partialFingerprints"]["aggregoFinding/v1"]
            .as_str()
            .unwrap();
        assert_eq!(fp.len(), 64);
        assert!(
            fingerprints.insert(fp.to_string()),
            "fingerprints are unique"
        );
        if let Some(s) = r["suppressions"].as_array() {
            assert_eq!(s[0]["status"], "accepted");
            assert!(!s[0]["justification"].as_str().unwrap().is_empty());
            suppressed_kinds.insert(s[0]["kind"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        suppressed_kinds,
        BTreeSet::from(["external".to_string(), "inSource".to_string()])
    );
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert!(notes.len() >= 9);
    assert!(notes.iter().all(|n| n["level"] == "error"));
    let truncated = notes
        .iter()
        .find(|n| {
            n["message"]["text"]
                .as_str()
                .unwrap()
                .contains("EOF while parsing")
        })
        .unwrap();
    assert_eq!(
        truncated["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
}

/// GitHub tracks a finding by its fingerprint: moving it down a few lines keeps it.
#[test]
fn fingerprints_survive_line_moves() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(common::root().join("fixtures/AGG003/positive3.tf")).unwrap();
    let fp = |text: &str| -> Vec<(String, u64)> {
        std::fs::write(dir.path().join("main.tf"), text).unwrap();
        let out = assert_cmd::Command::cargo_bin("aggrego")
            .unwrap()
            .current_dir(dir.path())
            .args(["scan", ".", "--format", "sarif"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["aggregoFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let before = fp(&src);
    let after = fp(&format!("# a comment\n\n\n{src}"));
    assert_eq!(before.len(), after.len());
    for ((f1, l1), (f2, l2)) in before.iter().zip(&after) {
        assert_eq!(f1, f2);
        assert_eq!(l1 + 3, *l2);
    }
}

fn sarif_schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::corpus().join("schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("SARIF schema compiles")
}

/// A run with more findings than `--sarif-max-results`: valid, cut to the cap with
/// the most severe kept, and a notification saying how many were left out.
#[test]
fn sarif_capped_run_is_valid_and_keeps_the_most_severe() {
    let (_, json) = scan("json");
    let json: Value = serde_json::from_slice(&json).unwrap();
    let all = json["findings"].as_array().unwrap();
    let mut args = vec!["scan"];
    args.extend(INPUTS);
    args.extend([
        "--now",
        NOW,
        "--format",
        "sarif",
        "--sarif-max-results",
        "10",
    ]);
    let (_, out) = aggrego(&args);
    let sarif: Value = serde_json::from_slice(&out).unwrap();
    let errors: Vec<String> = sarif_schema()
        .iter_errors(&sarif)
        .take(20)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 10);
    let rank = |s: &str| {
        ["info", "low", "medium", "high", "critical"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let kept_min = results
        .iter()
        .map(|r| rank(r["properties"]["severity"].as_str().unwrap()))
        .min()
        .unwrap();
    let active_max = all
        .iter()
        .filter(|f| f["suppressed"] == false)
        .map(|f| rank(f["severity"].as_str().unwrap()))
        .max()
        .unwrap();
    assert_eq!(kept_min, active_max, "only the most severe are kept");
    assert!(results.iter().all(|r| r["suppressions"].is_null()));
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    let left = format!("{} of {} results left out", all.len() - 10, all.len());
    assert!(
        notes.iter().any(|n| n["level"] == "warning"
            && n["message"]["text"].as_str().unwrap().starts_with(&left)),
        "{notes:#?}"
    );
    // Beyond GitHub's limit the flag is refused.
    let (code, _) = aggrego(&["scan", "fixtures/AGG003", "--sarif-max-results", "25001"]);
    assert_eq!(code, 2);
}

/// `--sarif-root`: URIs relative to the given root; files outside it absolute.
#[test]
fn sarif_root_makes_uris_relative_to_it() {
    let (_, out) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "fixtures/AGG004/positive1.describe.json",
        "--now",
        NOW,
        "--format",
        "sarif",
        "--sarif-root",
        "fixtures/AGG003",
    ]);
    let sarif: Value = serde_json::from_slice(&out).unwrap();
    let run = &sarif["runs"][0];
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(root.ends_with("/fixtures/AGG003/"), "{root}");
    let mut relative = 0;
    let mut absolute = 0;
    for r in run["results"].as_array().unwrap() {
        let a = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        let uri = a["uri"].as_str().unwrap();
        if a["uriBaseId"] == "%SRCROOT%" {
            assert!(!uri.contains('/'), "{uri}");
            relative += 1;
        } else {
            assert!(
                uri.starts_with("file:///")
                    && uri.ends_with("/fixtures/AGG004/positive1.describe.json")
            );
            absolute += 1;
        }
    }
    assert!(relative > 0 && absolute > 0);
}

fn fails(case: &roxmltree::Node) -> bool {
    case.children()
        .any(|n| n.has_tag_name("failure") || n.has_tag_name("error"))
}

/// Test cases as GitLab reads them: the first case of a (classname, name) wins.
fn gitlab_view(doc: &roxmltree::Document) -> Vec<(String, String, bool)> {
    let mut seen = BTreeSet::new();
    let mut cases = Vec::new();
    for c in doc.descendants().filter(|n| n.has_tag_name("testcase")) {
        let key = (
            c.attribute("classname").unwrap_or("").to_string(),
            c.attribute("name").unwrap().to_string(),
        );
        let failed = fails(&c);
        if seen.insert(key.clone()) {
            cases.push((key.0, key.1, failed));
        } else {
            assert!(!failed, "failing case {key:?} shadowed by an earlier one");
        }
    }
    cases
}

/// GitLab shows every failing item of the fixtures as failed, and Jenkins groups
/// the cases by rule (what follows the last dot of the classname).
#[test]
fn junit_as_gitlab_and_jenkins_read_it() {
    let (_, out) = aggrego(&["scan", "fixtures", "--now", NOW, "--format", "junit"]);
    let text = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let failing = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter(fails)
        .count();
    let shown = gitlab_view(&doc);
    assert!(failing > 40, "{failing}");
    assert_eq!(shown.iter().filter(|c| c.2).count(), failing);
    for suite in doc.descendants().filter(|n| n.has_tag_name("testsuite")) {
        let rule = suite
            .children()
            .find(|n| n.has_tag_name("properties"))
            .and_then(|p| {
                p.children()
                    .find(|n| n.attribute("name") == Some("rule"))
                    .and_then(|n| n.attribute("value"))
            });
        for c in suite.children().filter(|n| n.has_tag_name("testcase")) {
            let class = c.attribute("classname").unwrap();
            match rule {
                Some(rule) => assert_eq!(class, format!("aggrego.{rule}")),
                None => assert_eq!(class, "aggrego.errors"),
            }
            assert_eq!(
                class.rsplit('.').next().unwrap(),
                &class["aggrego.".len()..]
            );
            if let Some(f) = c.children().find(|n| n.has_tag_name("failure")) {
                let file = c.attribute("file").unwrap();
                let line = c.attribute("line").unwrap();
                assert!(c
                    .attribute("name")
                    .unwrap()
                    .contains(&format!("{file}:{line}")));
                assert!(f
                    .attribute("message")
                    .unwrap()
                    .starts_with(&format!("{}: ", rule.unwrap())));
            }
        }
    }
}

#[test]
fn junit_failures_only_keeps_failing_and_erroring_cases() {
    let mut args = vec!["scan"];
    args.extend(INPUTS);
    args.extend(["--now", NOW, "--format", "junit"]);
    let (_, all) = aggrego(&args);
    args.push("--junit-failures-only");
    let (_, some) = aggrego(&args);
    let count = |xml: &[u8], tag: &str| {
        let text = std::str::from_utf8(xml).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        doc.descendants().filter(|n| n.has_tag_name(tag)).count()
    };
    assert_eq!(count(&some, "failure"), count(&all, "failure"));
    assert_eq!(count(&some, "error"), count(&all, "error"));
    assert_eq!(count(&some, "skipped"), 0);
    assert_eq!(
        count(&some, "testcase"),
        count(&some, "failure") + count(&some, "error")
    );
    let text = String::from_utf8(some).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    let failures: usize = root.attribute("failures").unwrap().parse().unwrap();
    assert_eq!(failures, count(text.as_bytes(), "failure"));
}

/// GitLab Code Quality: an array of issues with the fields GitLab reads, no
/// suppressed finding, fingerprints unique and unchanged by a line move.
#[test]
fn codequality_is_what_gitlab_reads() {
    let (_, json) = scan("json");
    let json: Value = serde_json::from_slice(&json).unwrap();
    let active = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] == false)
        .count();
    let (_, out) = scan("codequality");
    let issues: Value = serde_json::from_slice(&out).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), active);
    let mut fingerprints = BTreeSet::new();
    for i in issues {
        let rule = i["check_name"].as_str().unwrap();
        assert!(rule.starts_with("AGG"));
        assert!(i["description"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{rule}: ")));
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(!i["location"]["path"].as_str().unwrap().is_empty());
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()));
    }
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(common::root().join("fixtures/AGG003/positive3.tf")).unwrap();
    let fp = |text: &str| -> Vec<(String, u64)> {
        std::fs::write(dir.path().join("main.tf"), text).unwrap();
        let out = assert_cmd::Command::cargo_bin("aggrego")
            .unwrap()
            .current_dir(dir.path())
            .args(["scan", ".", "--format", "codequality"])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["fingerprint"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let before = fp(&src);
    let after = fp(&format!("# a comment\n\n\n{src}"));
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((f1, l1), (f2, l2)) in before.iter().zip(&after) {
        assert_eq!(f1, f2);
        assert_eq!(l1 + 3, *l2);
    }
}

#[test]
fn junit_is_valid_xml_with_a_case_per_item() {
    let (_, out) = scan("junit");
    let text = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<&str> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert!(names.iter().any(|n| n.starts_with("AGG001 ")));
    assert!(names.contains(&"aggrego"), "errors suite");
    let mut totals: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for s in &suites {
        let cases: Vec<_> = s
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(
            s.attribute("tests").unwrap().parse::<usize>().unwrap(),
            cases.len()
        );
        let failures = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        let skipped = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("skipped")))
            .count();
        assert_eq!(
            s.attribute("failures").unwrap().parse::<usize>().unwrap(),
            failures
        );
        totals.insert(
            s.attribute("name").unwrap(),
            (cases.len(), failures, skipped),
        );
    }
    // AGG001 checks every source: passes are test cases too.
    let (cases, failures, skipped) = totals
        .iter()
        .find(|(k, _)| k.starts_with("AGG001 "))
        .map(|(_, v)| *v)
        .unwrap();
    assert!(cases > failures + skipped, "{cases} {failures} {skipped}");
    assert!(
        failures > 0 && skipped > 0,
        "waived sources are skipped cases"
    );
    // A failure carries message, file and line.
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(!failure.attribute("message").unwrap().is_empty());
    let body = failure.text().unwrap();
    assert!(
        body.contains(".json:") || body.contains(".tf:") || body.contains(".yaml:"),
        "{body}"
    );
    let (errors_cases, _, _) = totals["aggrego"];
    assert!(errors_cases >= 9);
}

#[test]
fn markdown_summarises_then_lists_by_file() {
    let (_, out) = scan("markdown");
    let md = String::from_utf8(out).unwrap();
    assert!(md.starts_with("## "), "{md}");
    assert!(md.contains("| Severity | Policy | Title | Findings | Suppressed |"));
    assert!(md.contains("| medium | `AGG001` |"));
    assert!(md.contains("### `../shared/corpus/awscli/10-describe-us-east-1.json`"));
    // More findings than a comment holds: the list stops and says how many are left.
    assert!(md.contains("more findings not listed here"), "{md}");
    assert!(md.contains("<details><summary>"));
    assert!(md.contains("### Errors"));
    assert!(md.len() < 65_536, "fits a GitHub comment");
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for format in [
        "json",
        "sarif",
        "junit",
        "markdown",
        "human",
        "html",
        "codequality",
    ] {
        let (_, a) = scan(format);
        let (_, b) = scan(format);
        assert!(!a.is_empty());
        assert!(a == b, "{format} differs between runs");
    }
}

#[test]
fn several_reports_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("a.sarif");
    let junit = dir.path().join("junit.xml");
    let md = dir.path().join("comment.md");
    let (code, stdout) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--now",
        NOW,
        "--format",
        "json",
        "--format",
        &format!("sarif={}", sarif.display()),
        "--format",
        &format!("junit={}", junit.display()),
        "--format",
        &format!("markdown={}", md.display()),
    ]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_slice(&stdout).unwrap();
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        sarif["runs"][0]["results"].as_array().unwrap().len()
    );
    roxmltree::Document::parse(&std::fs::read_to_string(&junit).unwrap()).unwrap();
    assert!(std::fs::read_to_string(&md).unwrap().contains("AGG003"));
    // No temporary files left beside the reports.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

#[test]
fn output_conflicts_are_refused_before_scanning() {
    let (code, _) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--format",
        "json",
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 2, "two reports on standard output");
    let (code, _) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--format",
        "json=x.json",
        "--format",
        "sarif=x.json",
    ]);
    assert_eq!(code, 2, "two reports in one file");
    let (code, _) = aggrego(&["scan", "fixtures/AGG003", "--format", "pdf"]);
    assert_eq!(code, 2, "clap usage error");
    let (code, _) = aggrego(&["scan", "fixtures/AGG003", "--only-rule", "AGG123"]);
    assert_eq!(code, 2);
}

#[test]
fn rule_selection() {
    let ids = |args: &[&str]| -> BTreeSet<String> {
        let mut a = vec!["scan", "fixtures/AGG003", "--now", NOW, "--format", "json"];
        a.extend(args);
        let (_, out) = aggrego(&a);
        let v: Value = serde_json::from_slice(&out).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = ids(&[]);
    assert!(all.contains("AGG003") && all.contains("AGG010"));
    assert_eq!(
        ids(&["--only-rule", "AGG010"]),
        BTreeSet::from(["AGG010".into()])
    );
    assert!(!ids(&["--skip-rule", "AGG010,AGG011"]).contains("AGG010"));
    // Only AGG010 (info) left: exit 0 at the default threshold, 1 when it is named.
    let (code, _) = aggrego(&["scan", "fixtures/AGG003", "--only-rule", "AGG010"]);
    assert_eq!(code, 0);
    let (code, _) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--only-rule",
        "AGG010",
        "--fail-on-rule",
        "AGG010",
    ]);
    assert_eq!(code, 1);
}

/// Reports get ordinary file permissions, as if written directly.
#[cfg(unix)]
#[test]
fn report_files_are_not_private_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.sarif");
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "x").unwrap();
    let (_, _) = aggrego(&[
        "scan",
        "fixtures/AGG003",
        "--format",
        &format!("sarif={}", report.display()),
    ]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&report), mode(&plain));
}

/// The progress bar is for terminals only: piped stderr stays clean.
#[test]
fn no_progress_output_when_not_a_terminal() {
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(common::root())
        .args(["scan", "fixtures", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Names and messages from inputs cannot inject markup or terminal escapes.
#[test]
fn input_text_is_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("describe.json"),
        r#"{"ConfigurationAggregators": [{
  "ConfigurationAggregatorName": "<script>alert(1)</script>",
  "ConfigurationAggregatorArn": "arn:aws:config:us-east-1:111122223333:config-aggregator/config-aggregator-x",
  "AccountAggregationSources": [{"AccountIds": ["111122223333"], "AllAwsRegions": false, "AwsRegions": ["us-east-1"]}]
}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("status.json"),
        "{\"AggregatedSourceStatusList\": [{\"SourceId\": \"111122223333\", \"SourceType\": \"ACCOUNT\", \"AwsRegion\": \"us-east-1\", \"LastUpdateStatus\": \"FAILED\", \"LastErrorCode\": \"X\", \"LastErrorMessage\": \"\\u001b[31mred]]></failure><x>\"}]}",
    )
    .unwrap();
    let run = |format: &str| {
        let out = assert_cmd::Command::cargo_bin("aggrego")
            .unwrap()
            .current_dir(dir.path())
            .args(["scan", ".", "--format", format, "--now", NOW])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let junit = run("junit");
    assert!(!junit.contains('\u{1b}'));
    let doc = roxmltree::Document::parse(&junit).expect("still well-formed");
    assert!(doc
        .descendants()
        .filter_map(|n| n.attribute("message"))
        .any(|m| m.contains("<script>alert(1)</script>")));
    assert!(doc.descendants().all(|n| n.tag_name().name() != "x"));

    let md = run("markdown");
    assert!(
        !md.contains("<script>") && md.contains("&lt;script&gt;"),
        "{md}"
    );
    assert!(!md.contains('\u{1b}'));

    let human = run("human");
    assert!(
        !human.contains('\u{1b}'),
        "control characters are shown escaped"
    );

    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    assert!(sarif.to_string().contains("<script>alert(1)</script>"));

    // HTML: text and attributes (the heat map's tooltips and headings) escaped.
    let html = run("html");
    assert_eq!(html.matches("<script").count(), 0, "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("]]></failure><x>") && html.contains("red]]&gt;&lt;/failure&gt;&lt;x&gt;")
    );
    assert!(!html.contains('\u{1b}') && html.contains("\\u{1b}"));
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assert!(
        !html.contains("http://") && !html.contains("src="),
        "no external resource"
    );
}

/// A file name with a line break and a right-to-left override, and messages
/// with a link, a mention and an override: human and Markdown output show the
/// characters escaped, and a pull-request comment makes no link or mention.
#[cfg(unix)]
#[test]
fn names_and_messages_cannot_reorder_or_notify() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\n\u{202e}nosj.json";
    std::fs::write(
        dir.path().join(name),
        "{\"AggregatedSourceStatusList\": [{\"SourceId\": \"111122223333\", \"SourceType\": \"ACCOUNT\", \"AwsRegion\": \"us-east-1\", \"LastUpdateStatus\": \"FAILED\", \"LastErrorCode\": \"X\", \"LastErrorMessage\": \"see https://evil.example/x and www.evil.example, ask @org/team in #12 \\u202e\\u2066\"}]}",
    )
    .unwrap();
    // An unreadable neighbour: an error whose path holds the same characters.
    std::fs::write(
        dir.path().join("bad\n\u{2067}.json"),
        "{\"AggregatedSourceStatusList\": [",
    )
    .unwrap();
    let run = |format: &str| {
        let out = assert_cmd::Command::cargo_bin("aggrego")
            .unwrap()
            .current_dir(dir.path())
            .args(["scan", ".", "--format", format, "--now", NOW])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let reordering = ['\u{202e}', '\u{2066}', '\u{2067}'];
    for format in ["human", "markdown"] {
        let out = run(format);
        assert!(!out.contains(&reordering[..]), "{format}: {out}");
        assert!(
            out.contains(r"evil\u{a}\u{202e}nosj.json"),
            "{format}: {out}"
        );
        assert!(out.contains(r"bad\u{a}\u{2067}.json"), "{format}: {out}");
        assert!(out.contains(r"\u{202e}\u{2066}"), "{format}: {out}");
        assert!(
            !out.lines().any(|l| l.starts_with("\u{202e}nosj.json")),
            "{format}: {out}"
        );
    }
    let md = run("markdown");
    for (raw, shown) in [
        ("https://evil", "https:&#8203;//evil"),
        ("www.evil", "www&#8203;.evil"),
        ("@org/team", "@&#8203;org/team"),
        ("#12", "#&#8203;12"),
    ] {
        assert!(!md.contains(raw) && md.contains(shown), "{raw}: {md}");
    }
}

/// Stack traces are never captured for errors (a speed measure: regorus'
/// parser backtracks through errors), so RUST_BACKTRACE changes nothing a
/// user sees: reports, and policy errors from regorus' parser and evaluator.
#[test]
fn rust_backtrace_changes_nothing() {
    let run = |backtrace: Option<&str>, policy: Option<&str>| {
        let mut cmd = assert_cmd::Command::cargo_bin("aggrego").expect("binary");
        cmd.current_dir(common::root())
            .env_remove("RUST_LIB_BACKTRACE")
            .env_remove("RUST_BACKTRACE");
        if let Some(b) = backtrace {
            cmd.env("RUST_BACKTRACE", b);
        }
        let mut args = vec!["scan"];
        args.extend(INPUTS);
        args.extend(["--now", NOW, "--format", "json"]);
        if let Some(p) = policy {
            args.extend(["--policy", p]);
        }
        let out = cmd.args(&args).output().expect("aggrego runs");
        (out.status.code(), out.stdout, out.stderr)
    };
    for policy in [
        None,
        Some("fixtures/_policy_errors/syntax.rego"),
        Some("fixtures/_policy_errors/runtime.rego"),
    ] {
        let plain = run(None, policy);
        assert!(!plain.1.is_empty() || !plain.2.is_empty());
        for b in ["1", "full"] {
            assert!(
                plain == run(Some(b), policy),
                "RUST_BACKTRACE={b} changes the output with {policy:?}"
            );
        }
    }
}
