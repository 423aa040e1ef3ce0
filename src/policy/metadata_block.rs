//! The `# METADATA` comment block of a Rego file, and its YAML as JSON. Shared
//! by the crate and its build script, which turns the built-in policies'
//! blocks into JSON at build time so that a scan does not parse their YAML.

use saphyr::{Scalar, Yaml};

/// The block's YAML (comment marks removed) and its byte offset in `source`:
/// the comment lines that follow a `# METADATA` line.
pub fn block(source: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    let mut block: Option<(usize, String)> = None;
    for line in source.split_inclusive('\n') {
        let t = line.trim();
        match &mut block {
            None if t == "# METADATA" => block = Some((offset, String::new())),
            Some((_, text)) if t.starts_with('#') => {
                let body = t.trim_start_matches('#');
                text.push_str(body.strip_prefix(' ').unwrap_or(body));
                text.push('\n');
            }
            Some(_) => break,
            None => {}
        }
        offset += line.len();
    }
    block
}

/// A YAML value as JSON: mapping keys must be scalars, aliases are refused.
pub fn yaml_to_json(y: &Yaml<'_>) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match y {
        Yaml::Value(s) => match s {
            Scalar::Null => J::Null,
            Scalar::Boolean(b) => J::Bool(*b),
            Scalar::Integer(i) => J::from(*i),
            Scalar::FloatingPoint(f) => J::from(f.into_inner()),
            Scalar::String(s) => J::String(s.to_string()),
        },
        Yaml::Representation(s, _, _) => J::String(s.to_string()),
        Yaml::Sequence(items) => {
            J::Array(items.iter().map(yaml_to_json).collect::<Result<_, _>>()?)
        }
        Yaml::Mapping(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                let key = match k {
                    Yaml::Value(Scalar::String(s)) => s.to_string(),
                    Yaml::Value(Scalar::Integer(i)) => i.to_string(),
                    Yaml::Value(Scalar::Boolean(b)) => b.to_string(),
                    _ => return Err("mapping keys must be strings".into()),
                };
                out.insert(key, yaml_to_json(v)?);
            }
            J::Object(out)
        }
        Yaml::Tagged(_, inner) => yaml_to_json(inner)?,
        Yaml::Alias(_) => return Err("aliases are not supported".into()),
        Yaml::BadValue => return Err("a value could not be read".into()),
    })
}
