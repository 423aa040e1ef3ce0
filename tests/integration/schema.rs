//! The JSON report matches `docs/report.schema.json`.

use crate::common;

use serde_json::Value;

#[test]
fn json_report_matches_the_published_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs/report.schema.json")).unwrap(),
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("aggrego")
        .unwrap()
        .current_dir(common::root())
        .args([
            "scan",
            "fixtures",
            "../shared/corpus/awscli",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["findings"].as_array().unwrap().len() > 10);
    assert!(!report["errors"].as_array().unwrap().is_empty());
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["suppressed"] == true),
        "the suppression fixtures are part of the check"
    );
    // The validator does catch a deviation.
    let mut bad = report.clone();
    bad["findings"][0]["line"] = Value::from(0);
    bad["summary"]["extra"] = Value::from(1);
    assert_eq!(validator.iter_errors(&bad).count(), 2);
}
