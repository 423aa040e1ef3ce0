//! `aggrego inspect` prints the input exactly as policies see it, and that
//! matches the JSON Schema generated from the model's types.

use crate::common;

use serde_json::Value;

fn aggrego(args: &[&str]) -> (i32, Vec<u8>) {
    let (code, stdout, _) = common::run(args);
    (code, stdout)
}

fn schema() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs/input.schema.json")).unwrap(),
    )
    .unwrap()
}

#[test]
fn published_schema_is_the_generated_one() {
    let (code, out) = aggrego(&["inspect", "--schema"]);
    assert_eq!(code, 0);
    let generated: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        generated,
        schema(),
        "docs/input.schema.json is stale: regenerate it with `aggrego inspect --schema`"
    );
}

#[test]
fn inspect_output_matches_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut dirs: Vec<String> = std::fs::read_dir(common::root().join("fixtures"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| format!("fixtures/{}", e.file_name().to_string_lossy()))
        .filter(|d| !d.ends_with("_errors") && !d.ends_with("bad-suppressions"))
        .collect();
    dirs.sort();
    dirs.push("../shared/corpus/awscli".into());
    let mut seen = std::collections::BTreeSet::new();
    for dir in &dirs {
        let (_, out) = aggrego(&["inspect", dir, "--now", "2026-11-24T00:00:00Z"]);
        let input: Value = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&input)
            .take(10)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{dir}: {errors:#?}");
        for key in [
            "aggregators",
            "source_statuses",
            "region_listings",
            "snapshots",
        ] {
            if !input[key].as_array().unwrap().is_empty() {
                seen.insert(key);
            }
        }
    }
    assert_eq!(seen.len(), 4, "every collection was exercised: {seen:?}");
    // The schema bites: an unknown key and a missing one.
    let (_, out) = aggrego(&[
        "inspect",
        "fixtures/AGG003",
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    let mut input: Value = serde_json::from_slice(&out).unwrap();
    input["aggregators"][0]["surprise"] = Value::from(1);
    input["aggregators"][1]
        .as_object_mut()
        .unwrap()
        .remove("label");
    assert_eq!(validator.iter_errors(&input).count(), 2);
}

#[test]
fn locations_resolve_loc_ids() {
    let (code, out) = aggrego(&["inspect", "fixtures/AGG003/positive3.tf", "--locations"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let agg = v["input"]["aggregators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["address"] == "aws_config_configuration_aggregator.explicit_false")
        .unwrap();
    let loc = agg["account_sources"][0]["all_regions"]["loc"]
        .as_u64()
        .unwrap() as usize;
    let at = &v["locations"][loc];
    assert_eq!(at["loc"], loc as u64);
    assert_eq!(at["file"], "fixtures/AGG003/positive3.tf");
    assert_eq!(at["line"], 11);
    assert_eq!(at["column"], 19);
    assert_eq!(agg["account_sources"][0]["all_regions"]["value"], false);
}

#[test]
fn inspect_reports_input_errors() {
    let (code, out, err) = common::run(&["inspect", "fixtures/_errors/truncated.json"]);
    assert_eq!(code, 2);
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("aggrego: error: fixtures/_errors/truncated.json:5:36: invalid JSON"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v["aggregators"].as_array().unwrap().is_empty());
}

/// `inspect` shows each variable's value and where it came from, in the
/// order Terraform applies them: a flag over a file over the default.
#[test]
fn variables_say_where_their_values_came_from() {
    let dir = "fixtures/_semantics/12-var-file";
    let (code, out) = aggrego(&[
        "inspect",
        dir,
        "--var-file",
        "fixtures/_semantics/12-var-file/prod.tfvars",
        "--var",
        "all_regions=true",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let vars = v["variables"].as_array().unwrap();
    let get = |name: &str| vars.iter().find(|x| x["name"] == name).unwrap();
    assert_eq!(get("all_regions")["from"], "--var");
    assert_eq!(get("all_regions")["value"], true);
    assert_eq!(
        get("regions")["from"],
        "--var-file fixtures/_semantics/12-var-file/prod.tfvars"
    );
    assert_eq!(get("regions")["value"], serde_json::json!(["eu-west-1"]));
    assert!(
        get("regions")["loc"].is_u64(),
        "a value in a file is located"
    );
}

/// Every `loc` in the input has a row of `--locations` with that id, and the
/// row points at the value the loc is about: the statuses' locs (computed, not
/// stored) included, and the locs after them.
#[test]
fn locations_table_holds_every_loc_at_its_value() {
    let (code, out) = aggrego(&[
        "inspect",
        "fixtures/AGG007/observed",
        "--locations",
        "--now",
        "2026-11-24T00:00:00Z",
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let table = doc["locations"].as_array().unwrap();
    for (i, row) in table.iter().enumerate() {
        assert_eq!(row["loc"], i, "rows are in id order");
    }
    let at = |loc: &Value| -> (String, u64) {
        let row = &table[loc.as_u64().unwrap() as usize];
        (
            row["file"].as_str().unwrap().to_string(),
            row["line"].as_u64().unwrap(),
        )
    };
    let input = &doc["input"];
    let status = &input["source_statuses"][0];
    let (file, line) = at(&status["loc"]);
    assert!(
        file.ends_with("sources-status-org-aggregator.json"),
        "{file}"
    );
    let text = std::fs::read_to_string(common::root().join(&file)).unwrap();
    let shown = text.lines().nth(line as usize - 1).unwrap();
    assert!(
        shown.contains('{'),
        "a status loc is at its object: {shown}"
    );
    let listing = &input["region_listings"][0];
    let (file, _) = at(&listing["loc"]);
    assert!(file.ends_with("describe-us-east-1.json"), "{file}");
}
