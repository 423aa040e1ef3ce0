//! The JSON report matches `docs/report.schema.json`. A small validator for the
//! subset of JSON Schema the file uses keeps the check free of heavy dependencies.

mod common;

use serde_json::Value;

fn check(schema: &Value, root: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return check(&root["$defs"][name], root, v, path, errors);
    }
    if let Some(c) = schema.get("const") {
        if v != c {
            errors.push(format!("{path}: {v} is not {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{path}: {v} is not {types:?}"));
            return;
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_u64), v.as_u64()) {
        if n < min {
            errors.push(format!("{path}: {n} < {min}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap_or_default()) {
                errors.push(format!("{path}: missing {req}"));
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(s, root, val, &format!("{path}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            check(items, root, item, &format!("{path}[{i}]"), errors);
        }
    }
}

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
    let mut errors = Vec::new();
    check(&schema, &schema, &report, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does catch a deviation.
    let mut bad = report.clone();
    bad["findings"][0]["line"] = Value::from(0);
    bad["summary"]["extra"] = Value::from(1);
    let mut errors = Vec::new();
    check(&schema, &schema, &bad, "$", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
}
