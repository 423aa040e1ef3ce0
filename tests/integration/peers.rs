//! The peer tools' own fixtures (`../shared/corpus/kics`, `../shared/corpus/trivy`),
//! compared with their verdicts. Where aggrego deliberately differs, the test
//! asserts aggrego's answer and says why.

use crate::common;

use std::collections::BTreeSet;

fn findings(path: &std::path::Path, rule: &str) -> Vec<(String, usize, usize)> {
    let r = common::scan_paths(&[path], Some("2026-11-23T15:00:00Z"), "24h");
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r.findings
        .iter()
        .filter(|f| &*f.rule_id == rule)
        .map(|f| {
            (
                f.file.rsplit('/').next().unwrap().to_string(),
                f.line,
                f.column,
            )
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct KicsResult {
    line: usize,
    #[serde(rename = "fileName")]
    file_name: String,
}

#[test]
fn kics_cloudformation_all_regions() {
    let dir = common::corpus().join("kics/cloudformation");
    let kics: Vec<KicsResult> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("positive_expected_result.json")).unwrap(),
    )
    .unwrap();
    let ours = findings(&dir, "AGG003");
    // Same resources flagged: one finding per aggregator in each positive file, none in the negatives.
    let files = |v: Vec<String>| v.into_iter().collect::<Vec<_>>();
    let mut kics_files = files(kics.iter().map(|k| k.file_name.clone()).collect());
    let mut our_files = files(ours.iter().map(|o| o.0.clone()).collect());
    kics_files.sort();
    our_files.sort();
    assert_eq!(our_files, kics_files);
    // KICS points at the line of `AccountAggregationSources` / `OrganizationAggregationSource`;
    // aggrego points at the offending value (`AllAwsRegions: false`) or, when it is missing,
    // at the source block that lacks it. Lines where the two agree are the source blocks
    // whose key and body start on the same line.
    assert_eq!(
        ours,
        [
            ("positive1.yaml".to_string(), 11, 11),
            ("positive1.yaml".to_string(), 28, 26),
            ("positive1.yaml".to_string(), 34, 9),
            ("positive1.yaml".to_string(), 49, 24),
            ("positive2.json".to_string(), 7, 11),
            ("positive2.json".to_string(), 34, 30),
            ("positive2.json".to_string(), 43, 42),
            ("positive2.json".to_string(), 62, 28),
        ]
    );
    // Pairwise, each of aggrego's findings lies inside the block KICS points at: at or
    // after KICS' line and before KICS' next finding in that file.
    let kics_lines: Vec<(String, usize)> = kics
        .iter()
        .map(|k| (k.file_name.clone(), k.line))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for (i, (file, line, _)) in ours.iter().enumerate() {
        let (kfile, kline) = &kics_lines[i];
        assert_eq!(file, kfile);
        let next = kics_lines
            .get(i + 1)
            .filter(|(f, _)| f == file)
            .map_or(usize::MAX, |n| n.1);
        assert!(
            *kline <= *line && *line < next,
            "{file}:{line} vs KICS line {kline}"
        );
    }
    // Deliberate differences: the KICS negatives set AllAwsRegions: true together with
    // AwsRegions, which PutConfigurationAggregator rejects; and every template names all
    // its aggregators MyConfigurationAggregator, so only one of them could be created
    // (cfn-lint agrees: E3019). positive1.yaml puts ConfigurationAggregatorName outside
    // Properties for two resources: CloudFormation then generates their names, which is
    // not a finding.
    let agg008 = findings(&dir, "AGG008");
    assert_eq!(
        agg008
            .iter()
            .map(|f| (f.0.as_str(), f.1))
            .collect::<Vec<_>>(),
        [
            ("negative1.yaml", 10),
            ("negative1.yaml", 13),
            ("negative1.yaml", 21),
            ("negative1.yaml", 24),
            ("negative2.json", 12),
            ("negative2.json", 19),
            ("negative2.json", 27),
            ("negative2.json", 33),
            ("positive1.yaml", 39),
            ("positive1.yaml", 50),
            ("positive2.json", 18),
            ("positive2.json", 37),
            ("positive2.json", 50),
            ("positive2.json", 64)
        ]
    );
}

#[test]
fn trivy_cloudformation_examples() {
    let examples: serde_json::Value = {
        let y = std::fs::read_to_string(
            common::corpus().join("trivy/aggregate_all_regions.examples.yaml"),
        )
        .unwrap();
        let docs = <saphyr::Yaml as saphyr::LoadableYamlNode>::load_from_str(&y).unwrap();
        aggrego::policy::metadata_block::yaml_to_json(&docs[0]).unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    for (i, good) in examples["cloudformation"]["good"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let p = write(&format!("good{i}.yaml"), good.as_str().unwrap());
        assert!(findings(&p, "AGG003").is_empty(), "good example {i}");
        // Trivy checks all-regions only; these lack AccountIds / RoleArn, which the
        // CloudFormation schema requires, so aggrego also reports AGG005 / AGG004.
        let other = [findings(&p, "AGG004"), findings(&p, "AGG005")].concat();
        assert_eq!(other.len(), 1, "good example {i}: {other:?}");
    }
    for (i, bad) in examples["cloudformation"]["bad"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let p = write(&format!("bad{i}.yaml"), bad.as_str().unwrap());
        // Trivy's bad example has no source at all: there is no source to lack all
        // regions, and the API rejects the definition, so aggrego reports AGG008.
        assert!(findings(&p, "AGG003").is_empty());
        assert_eq!(findings(&p, "AGG008").len(), 1, "bad example {i}");
    }
}

#[test]
fn kics_terraform_all_regions() {
    let dir = common::corpus().join("kics/terraform");
    let kics: Vec<KicsResult> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("positive_expected_result.json")).unwrap(),
    )
    .unwrap();
    // Same files and lines as KICS, but for one deliberate difference:
    // positive2's source has `all_regions = false` (line 16) and no regions,
    // which the API rejects. That is AGG008 (high) at the source block (line
    // 15), not also AGG003.
    let ours: Vec<(String, usize)> = findings(&dir, "AGG003")
        .iter()
        .map(|o| (o.0.clone(), o.1))
        .collect();
    let rejected = ("positive.tf".to_string(), 16);
    let want: Vec<(String, usize)> = kics
        .iter()
        .map(|k| (k.file_name.clone(), k.line))
        .filter(|k| *k != rejected)
        .collect();
    assert_eq!(ours, want);
    assert_eq!(kics.len(), want.len() + 1, "KICS flags line 16");
    let agg008 = findings(&dir, "AGG008");
    assert!(
        agg008.contains(&("positive.tf".to_string(), 15, 3)),
        "{agg008:?}"
    );
    // Deliberate difference: negative.tf's first account source has no account_ids,
    // which the provider requires (AGG005); its all-regions setting is fine.
    let agg005 = findings(&dir, "AGG005");
    assert_eq!(agg005, [("negative.tf".to_string(), 4, 3)]);
}

/// Checkov's CKV_AWS_121 passes `all_regions = false` (its HCL parser yields `[False]`,
/// a non-empty list, which is truthy). aggrego does not: an explicit false, a variable
/// whose default is false, and a second aggregator in the same file are all reported.
#[test]
fn checkov_false_negatives_are_caught() {
    let file = common::root().join("fixtures/AGG003/positive3.tf");
    let ours = findings(&file, "AGG003");
    assert_eq!(
        ours.iter().map(|o| o.1).collect::<Vec<_>>(),
        [11, 20, 29],
        "explicit false, variable default false, second aggregator"
    );
}

#[test]
fn trivy_terraform_examples() {
    let examples: serde_json::Value = {
        let y = std::fs::read_to_string(
            common::corpus().join("trivy/aggregate_all_regions.examples.yaml"),
        )
        .unwrap();
        let docs = <saphyr::Yaml as saphyr::LoadableYamlNode>::load_from_str(&y).unwrap();
        aggrego::policy::metadata_block::yaml_to_json(&docs[0]).unwrap()
    };
    for (kind, want) in [("good", 0), ("bad", 1)] {
        for (i, example) in examples["terraform"][kind]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            // One directory per example: each is its own module.
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("main.tf");
            std::fs::write(&p, example.as_str().unwrap()).unwrap();
            assert_eq!(
                findings(dir.path(), "AGG003").len(),
                want,
                "{kind} example {i}"
            );
            // Trivy's examples are otherwise complete: no definition errors.
            assert!(
                findings(dir.path(), "AGG004").is_empty()
                    && findings(dir.path(), "AGG005").is_empty()
                    && findings(dir.path(), "AGG008").is_empty()
            );
        }
    }
}
