//! Values the user gives for CloudFormation parameters and Terraform
//! variables: flags, the environment, and the files `aws cloudformation` and
//! `terraform plan` take, each value with where it is written.

use super::resolved::RNode;
use super::{Given, GivenValue, Origin};
use crate::diag::Diagnostic;
use crate::input::json::{Doc, Kind};
use crate::load::source::SourceFile;
use crate::model::{FileId, Span};

/// A parameters file of `aws cloudformation create-stack --parameters
/// file://…` (`[{"ParameterKey": …, "ParameterValue": …}]`) or of `deploy
/// --parameter-overrides file://…` (`["KEY=VALUE"]`, or CodePipeline's
/// `{"Parameters": {"KEY": "VALUE"}}`).
pub fn parameter_file(id: FileId, f: &SourceFile) -> (Vec<Given>, Vec<Diagnostic>) {
    let from = Origin::File("--parameter-file", f.name.clone());
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let err = |at: std::ops::Range<usize>, m: String| Diagnostic::at(&f.name, id, at, m);
    let (doc, root) = match Doc::parse(&f.text) {
        Ok(ok) => ok,
        Err(e) => {
            errors.push(err(
                e.offset..e.offset + 1,
                format!("not a JSON parameters file: {}", e.message),
            ));
            return (out, errors);
        }
    };
    let expected = "expected a list of {\"ParameterKey\", \"ParameterValue\"} objects or of \"KEY=VALUE\" strings, or {\"Parameters\": {…}}";
    let mut push = |name: String, value: String, at: std::ops::Range<usize>| {
        out.push(Given {
            name,
            value: GivenValue::Text(value),
            from: from.clone(),
            span: Some(Span::new(id, at)),
        })
    };
    let text_of = |raw| match Kind::of(raw) {
        Kind::String => doc.string(raw, "value").ok().map(|s| s.into_owned()),
        Kind::Number | Kind::Bool => Some(raw.get().to_string()),
        _ => None,
    };
    match Kind::of(root) {
        Kind::Array => {
            for item in doc.array(root, "parameters").unwrap_or_default() {
                let at = doc.span(item);
                match Kind::of(item) {
                    Kind::String => {
                        let s = doc
                            .string(item, "x")
                            .map(|s| s.into_owned())
                            .unwrap_or_default();
                        match s.split_once('=') {
                            Some((k, v)) if !k.is_empty() => push(k.to_string(), v.to_string(), at),
                            _ => errors.push(err(at, format!("`{s}` is not KEY=VALUE"))),
                        }
                    }
                    Kind::Object => {
                        let m = doc.object(item, "parameter").unwrap_or_default();
                        let get = |k: &str| m.iter().find(|x| x.key == k).map(|x| x.value);
                        let key = get("ParameterKey").and_then(text_of);
                        let value = get("ParameterValue");
                        match (key, value.and_then(text_of)) {
                            (Some(k), Some(v)) => push(k, v, value.map_or(at, |r| doc.span(r))),
                            // `UsePreviousValue`: the deployed value, unknown here.
                            (Some(_), None) if get("UsePreviousValue").is_some() => {}
                            _ => errors.push(err(at, format!("a parameter entry without a ParameterKey and a ParameterValue: {expected}"))),
                        }
                    }
                    _ => errors.push(err(at, expected.into())),
                }
            }
        }
        Kind::Object => {
            let m = doc.object(root, "file").unwrap_or_default();
            match m.iter().find(|x| x.key == "Parameters") {
                Some(p) if Kind::of(p.value) == Kind::Object => {
                    for x in doc.object(p.value, "Parameters").unwrap_or_default() {
                        let at = doc.span(x.value);
                        match text_of(x.value) {
                            Some(v) => push(x.key.to_string(), v, at),
                            None => errors
                                .push(err(at, format!("the value of {} is not a string", x.key))),
                        }
                    }
                }
                _ => errors.push(err(doc.span(root), expected.into())),
            }
        }
        _ => errors.push(err(doc.span(root), expected.into())),
    }
    (out, errors)
}

/// A `.tfvars` or `.tfvars.json` file given with `--var-file`.
pub fn var_file(id: FileId, f: &SourceFile) -> (Vec<Given>, Vec<Diagnostic>) {
    let json = f.name.to_ascii_lowercase().ends_with(".json");
    match super::terraform::tfvars(&f.text, json) {
        Ok(values) => (
            values
                .into_iter()
                .map(|(name, node): (String, RNode)| Given {
                    name,
                    span: Some(Span::new(id, node.span.clone())),
                    value: GivenValue::Node(node),
                    from: Origin::File("--var-file", f.name.clone()),
                })
                .collect(),
            Vec::new(),
        ),
        Err((at, m)) => (Vec::new(), vec![Diagnostic::at(&f.name, id, at, m)]),
    }
}

/// Values given as `NAME=VALUE` flags (or environment variables).
pub fn flags(values: &[(String, String)], from: &dyn Fn(&str) -> Origin) -> Vec<Given> {
    values
        .iter()
        .map(|(k, v)| Given {
            name: k.clone(),
            value: GivenValue::Text(v.clone()),
            from: from(k),
            span: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> (Vec<(String, String)>, usize) {
        let f = SourceFile::new("p.json".into(), text.into());
        let (g, e) = parameter_file(0, &f);
        let v = g
            .into_iter()
            .map(|g| match g.value {
                GivenValue::Text(t) => (g.name, t),
                GivenValue::Node(_) => (g.name, String::new()),
            })
            .collect();
        (v, e.len())
    }

    #[test]
    fn the_three_parameter_file_formats() {
        let want = vec![
            ("A".to_string(), "1".to_string()),
            ("B".to_string(), "x=y".to_string()),
        ];
        assert_eq!(
            names(
                r#"[{"ParameterKey": "A", "ParameterValue": "1"}, {"ParameterKey": "B", "ParameterValue": "x=y"}, {"ParameterKey": "C", "UsePreviousValue": true}]"#
            ),
            (want.clone(), 0)
        );
        assert_eq!(names(r#"["A=1", "B=x=y"]"#), (want.clone(), 0));
        assert_eq!(
            names(r#"{"Parameters": {"A": "1", "B": "x=y"}, "Tags": {}}"#),
            (want, 0)
        );
        assert_eq!(names(r#"{"A": "1"}"#).1, 1);
        assert_eq!(names(r#"["nope"]"#).1, 1);
        assert_eq!(names("A=1").1, 1);
    }
}
