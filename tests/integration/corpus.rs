//! Every file of the real-world AWS CLI / boto3 corpus (`../shared/corpus/awscli/`)
//! gives the result its name implies.

use crate::common;

use aggrego::scan::ScanResult;

/// Rule ids found (sorted, with repeats) and whether the file is an error.
fn outcome(result: &ScanResult) -> (Vec<String>, Vec<String>) {
    let mut rules: Vec<String> = result
        .findings
        .iter()
        .map(|f| f.rule_id.to_string())
        .collect();
    rules.sort();
    (
        rules,
        result.errors.iter().map(|e| e.message.clone()).collect(),
    )
}

#[test]
fn each_corpus_file_alone() {
    let dir = common::corpus().join("awscli");
    // (file, rules expected, error text expected). Describe outputs go through the
    // definition policies too: acct-some-regions and org-some-regions list regions
    // (AGG003), badacct has a 5-digit account (AGG005), "bad name!" is not a valid
    // name (AGG008), and each account-based aggregator is noted (AGG010, info).
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        ("01-put-account-allregions.json", &["AGG010"], None),
        ("03-put-org-allregions.json", &[], None),
        (
            "10-describe-us-east-1.json",
            &[
                "AGG003", "AGG005", "AGG008", "AGG010", "AGG010", "AGG010", "AGG010", "AGG010",
            ],
            None,
        ),
        ("11-describe-eu-west-1.json", &["AGG003"], None),
        ("12-describe-ap-southeast-2-empty.json", &["AGG002"], None),
        ("13-describe-by-name.json", &["AGG010"], None),
        ("15-describe-max-items-1.json", &["AGG009", "AGG010"], None),
        (
            "17-describe-limit-1-no-paginate.json",
            &["AGG009", "AGG010"],
            None,
        ),
        ("20-describe-us-east-1.text", &[], Some("`--output text`")),
        ("21-describe-us-east-1.table", &[], Some("`--output table`")),
        (
            "22-describe-ts-iso8601.json",
            &[
                "AGG003", "AGG005", "AGG008", "AGG010", "AGG010", "AGG010", "AGG010", "AGG010",
            ],
            None,
        ),
        ("31-describe-after-update.json", &["AGG003", "AGG010"], None),
        (
            "40-boto3-describe-default-str.json",
            &[
                "AGG003", "AGG005", "AGG008", "AGG010", "AGG010", "AGG010", "AGG010", "AGG010",
            ],
            None,
        ),
        (
            "42-boto3-paginator-build-full-result.json",
            &[
                "AGG003", "AGG005", "AGG008", "AGG010", "AGG010", "AGG010", "AGG010", "AGG010",
            ],
            None,
        ),
        // A list of pages whose last page has no NextToken is complete.
        (
            "43-boto3-paginator-pages-list.json",
            &[
                "AGG003", "AGG005", "AGG008", "AGG010", "AGG010", "AGG010", "AGG010", "AGG010",
            ],
            None,
        ),
        (
            "50-sources-status-fake-wire.json",
            &["AGG001", "AGG001"],
            None,
        ),
        (
            "51-sources-status-fake-iso8601.json",
            &["AGG001", "AGG001"],
            None,
        ),
        (
            "52-sources-status-fake-no-paginate.json",
            &["AGG001", "AGG009"],
            None,
        ),
        ("54-describe-query-bare-array.json", &[], None),
        (
            "55-boto3-sources-status-default-str-TZ-Berlin.json",
            &["AGG001", "AGG009"],
            None,
        ),
        (
            "56-sources-status-fake-iso8601-TZ-Berlin.json",
            &["AGG001", "AGG001"],
            None,
        ),
    ];
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    files.sort();
    let listed: Vec<String> = cases.iter().map(|c| c.0.to_string()).collect();
    assert_eq!(files, listed, "every corpus file has an expectation");
    for (file, rules, error) in cases {
        let result = common::scan_paths(&[&dir.join(file)], Some("2026-11-23T15:00:00Z"), "24h");
        let (got, errors) = outcome(&result);
        assert_eq!(got, rules.to_vec(), "{file}: {errors:?}");
        match error {
            None => assert!(errors.is_empty(), "{file}: {errors:?}"),
            Some(text) => assert!(
                errors.len() == 1 && errors[0].contains(text),
                "{file}: {errors:?}"
            ),
        }
    }
}

/// The same failure in every timestamp form is the same finding, at the same time.
#[test]
fn timestamp_forms_agree() {
    let dir = common::corpus().join("awscli");
    let msgs: Vec<Vec<String>> = [
        "50-sources-status-fake-wire.json",
        "51-sources-status-fake-iso8601.json",
        "56-sources-status-fake-iso8601-TZ-Berlin.json",
    ]
    .iter()
    .map(|f| {
        let r = common::scan_paths(&[&dir.join(f)], Some("2026-11-23T15:00:00Z"), "24h");
        r.findings.iter().map(|f| f.message.clone()).collect()
    })
    .collect();
    assert_eq!(msgs[0], msgs[1]);
    assert_eq!(msgs[0], msgs[2]);
    assert!(
        msgs[0][0].contains("last update 2026-11-23T13:20:00.500Z"),
        "{:?}",
        msgs[0]
    );
}

/// The whole corpus as one snapshot: "now" is its newest timestamp.
#[test]
fn whole_corpus_snapshot_time() {
    let dir = common::corpus().join("awscli");
    let r = common::scan_paths(&[&dir], None, "24h");
    assert_eq!(r.now_source, aggrego::model::NowSource::Snapshot);
    assert_eq!(r.now.rfc3339, "2026-11-23T14:35:58.123Z");
    // Berlin's 15:35:58.123+01:00 is the same instant as the UTC files' newest.
    assert_eq!(r.errors.len(), 2, "text and table outputs: {:?}", r.errors);
}
