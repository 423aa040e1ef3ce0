//! YAML as a tree of values with their byte spans: CloudFormation templates,
//! waivers files, `--data` documents and policy METADATA are read through it,
//! after a cheap check of their nesting (`yaml_depth_ok`), so no parser
//! recursion can exhaust the stack. CloudFormation's JSON reader builds the
//! same tree.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use std::ops::Range;

/// Deeper documents are refused rather than risk deep recursion.
pub(crate) const MAX_DEPTH: usize = 256;

/// A value with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct N {
    pub(crate) v: V,
    pub(crate) span: Range<usize>,
}

#[derive(Debug, Clone)]
pub(crate) enum V {
    Null,
    Bool(bool),
    /// A number, as written (account IDs keep their leading zeros).
    Num(String),
    Str(String),
    Seq(Vec<N>),
    /// Keys with their spans, in document order.
    Map(Vec<(String, Range<usize>, N)>),
}

impl N {
    pub(crate) fn get(&self, key: &str) -> Option<&N> {
        match &self.v {
            V::Map(m) => m.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v),
            _ => None,
        }
    }

    /// The single `Ref` / `Fn::*` / `Condition` key of an intrinsic function.
    pub(crate) fn intrinsic(&self) -> Option<(&str, &N)> {
        match &self.v {
            V::Map(m) if m.len() == 1 => {
                let (k, _, v) = &m[0];
                (k == "Ref" || k.starts_with("Fn::") || k == "Condition").then_some((k.as_str(), v))
            }
            _ => None,
        }
    }
}

/// An upper bound on a YAML document's nesting, without parsing it: block
/// nesting by indentation (and `- - -` runs), plus flow brackets. Deeper
/// documents are refused so no parser recursion can exhaust the stack.
pub fn yaml_depth_ok(text: &str, max: usize) -> Result<(), (usize, String)> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let t = body.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        while indents.last().is_some_and(|&i| i >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let mut dashes = 0;
        let mut rest = t;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            dashes += 1;
            rest = r.trim_start();
        }
        let base = indents.len() + dashes;
        for (i, b) in t.bytes().enumerate() {
            match b {
                b'[' | b'{' => {
                    flow += 1;
                    if base + flow > max {
                        return Err((
                            start + indent + i,
                            format!("nested more than {max} levels deep"),
                        ));
                    }
                }
                b']' | b'}' => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
        if base + flow > max {
            return Err((
                start + indent,
                format!("nested more than {max} levels deep"),
            ));
        }
    }
    Ok(())
}

/// A YAML document as a spanned tree (also used for the waivers file).
pub(crate) fn from_yaml(text: &str) -> Result<N, (usize, String)> {
    // Refuse pathological nesting before the parser recurses into it.
    yaml_depth_ok(text, MAX_DEPTH)?;
    // saphyr counts characters; spans here are bytes.
    let bytes_at: Option<Vec<usize>> = (!text.is_ascii()).then(|| {
        text.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect()
    });
    let to_byte = |c: usize| match &bytes_at {
        Some(map) => map.get(c).copied().unwrap_or(text.len()),
        None => c.min(text.len()),
    };
    let docs = MarkedYaml::load_from_str(text).map_err(|e| {
        (
            to_byte(e.marker().index()),
            format!("invalid YAML: {}", e.info()),
        )
    })?;
    let Some(doc) = docs.first() else {
        return Err((0, "empty YAML document".into()));
    };
    Ok(yaml_node(text, doc, &to_byte, None))
}

fn yaml_node(
    text: &str,
    n: &MarkedYaml<'_>,
    to_byte: &dyn Fn(usize) -> usize,
    outer: Option<Range<usize>>,
) -> N {
    // A tagged scalar's own span is empty: use the tag's.
    let own = to_byte(n.span.start.index())..to_byte(n.span.end.index());
    let span = match outer {
        Some(o) if own.is_empty() => o,
        _ => own,
    };
    let raw = || text.get(span.clone()).unwrap_or("").to_string();
    let v = match &n.data {
        YamlData::Value(s) => match s {
            Scalar::Null => V::Null,
            Scalar::Boolean(b) => V::Bool(*b),
            Scalar::Integer(_) | Scalar::FloatingPoint(_) => V::Num(raw()),
            Scalar::String(s) => V::Str(s.to_string()),
        },
        YamlData::Representation(s, _, _) => V::Str(s.to_string()),
        YamlData::Sequence(items) => V::Seq(
            items
                .iter()
                .map(|i| yaml_node(text, i, to_byte, None))
                .collect(),
        ),
        YamlData::Mapping(m) => V::Map(
            m.iter()
                .map(|(k, v)| {
                    let key_span = to_byte(k.span.start.index())..to_byte(k.span.end.index());
                    let key = match &k.data {
                        YamlData::Value(Scalar::String(s)) => s.to_string(),
                        YamlData::Value(_) => text.get(key_span.clone()).unwrap_or("").to_string(),
                        _ => String::new(),
                    };
                    (key, key_span, yaml_node(text, v, to_byte, None))
                })
                .collect(),
        ),
        YamlData::Tagged(tag, inner) => {
            let inner = yaml_node(text, inner, to_byte, Some(span.clone()));
            let name = match tag.suffix.as_str() {
                "Ref" => "Ref".to_string(),
                "Condition" => "Condition".to_string(),
                // `!GetAtt A.B` is `Fn::GetAtt: [A, B]`.
                "GetAtt" => {
                    let inner = match inner.v {
                        V::Str(s) => {
                            let (a, b) = s.split_once('.').unwrap_or((s.as_str(), ""));
                            N {
                                v: V::Seq(vec![
                                    N {
                                        v: V::Str(a.into()),
                                        span: inner.span.clone(),
                                    },
                                    N {
                                        v: V::Str(b.into()),
                                        span: inner.span.clone(),
                                    },
                                ]),
                                span: inner.span,
                            }
                        }
                        other => N {
                            v: other,
                            span: inner.span,
                        },
                    };
                    return N {
                        v: V::Map(vec![("Fn::GetAtt".into(), span.clone(), inner)]),
                        span,
                    };
                }
                other if !other.is_empty() && tag.handle == "!" => format!("Fn::{other}"),
                // Core-schema tags (`!!str`) keep the value as is.
                _ => return inner,
            };
            V::Map(vec![(name, span.clone(), inner)])
        }
        // Aliases are not expanded (no alias bombs); their value is unknown.
        YamlData::Alias(_) | YamlData::BadValue => V::Map(vec![(
            "Fn::Alias".into(),
            span.clone(),
            N {
                v: V::Null,
                span: span.clone(),
            },
        )]),
    };
    N { v, span }
}
