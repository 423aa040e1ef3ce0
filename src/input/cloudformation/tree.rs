//! A CloudFormation template (JSON or YAML) as one small spanned tree: YAML
//! short tags (`!Ref`, `!If`, …) become their long forms. Only what the reader
//! needs becomes a tree: `Parameters`, `Conditions`, `Mappings` and the
//! aggregator resources (see [`from_json`] and [`masked_yaml`]).

use super::AGGREGATOR;
use crate::input::json::{Doc, Kind, Raw};
use crate::input::yaml::{MAX_DEPTH, N, V};
use std::ops::Range;

/// The top-level sections the reader reads whole.
const READ_SECTIONS: &[&str] = &["Parameters", "Conditions", "Mappings"];

// ---------------------------------------------------------------- JSON

/// A JSON template as the reader needs it: [`READ_SECTIONS`] whole, and of
/// `Resources` the aggregators whole and only the `Type` of the others (most of
/// a template, never read), so they are never turned into a tree.
pub(crate) fn from_json(text: &str) -> Result<N, (usize, String)> {
    let (doc, root) = Doc::parse(text).map_err(|e| (e.offset, e.message))?;
    if Kind::of(root) != Kind::Object {
        return json_node(&doc, root, 0);
    }
    let err = |e: crate::input::json::JsonError| (e.offset, e.message);
    let mut top = Vec::new();
    for m in doc.object(root, "template").map_err(err)? {
        let key_span = m.key_span.clone().unwrap_or_else(|| doc.span(m.value));
        let value = match m.key.as_ref() {
            "Resources" if Kind::of(m.value) == Kind::Object => {
                let mut resources = Vec::new();
                for r in doc.object(m.value, "Resources").map_err(err)? {
                    let key_span = r.key_span.clone().unwrap_or_else(|| doc.span(r.value));
                    let body = match resource_type(&doc, r.value) {
                        Some((t, _)) if t == AGGREGATOR => json_node(&doc, r.value, 2)?,
                        Some((_, type_member)) => N {
                            v: V::Map(vec![type_member]),
                            span: doc.span(r.value),
                        },
                        None => json_node(&doc, r.value, 2)?,
                    };
                    resources.push((r.key.into_owned(), key_span, body));
                }
                N {
                    v: V::Map(resources),
                    span: doc.span(m.value),
                }
            }
            "Resources" => json_node(&doc, m.value, 1)?,
            k if READ_SECTIONS.contains(&k) => json_node(&doc, m.value, 1)?,
            // Not read: the key alone.
            _ => N {
                v: V::Null,
                span: doc.span(m.value),
            },
        };
        top.push((m.key.into_owned(), key_span, value));
    }
    Ok(N {
        v: V::Map(top),
        span: doc.span(root),
    })
}

/// A member of a template mapping: key, key span, value.
type Entry = (String, Range<usize>, N);

/// A resource's `Type` when it is a string, and that member as a tree.
fn resource_type(doc: &Doc<'_>, raw: Raw<'_>) -> Option<(String, Entry)> {
    if Kind::of(raw) != Kind::Object {
        return None;
    }
    let members = doc.object(raw, "resource").ok()?;
    let m = members.into_iter().find(|m| m.key == "Type")?;
    if Kind::of(m.value) != Kind::String {
        return None;
    }
    let t = doc.string(m.value, "Type").ok()?.into_owned();
    let key_span = m.key_span.clone().unwrap_or_else(|| doc.span(m.value));
    let node = N {
        v: V::Str(t.clone()),
        span: doc.span(m.value),
    };
    Some((t, ("Type".into(), key_span, node)))
}

fn json_node(doc: &Doc<'_>, raw: Raw<'_>, depth: usize) -> Result<N, (usize, String)> {
    let span = doc.span(raw);
    if depth > MAX_DEPTH {
        return Err((
            span.start,
            format!("nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    let err = |e: crate::input::json::JsonError| (e.offset, e.message);
    let v = match Kind::of(raw) {
        Kind::Null => V::Null,
        Kind::Bool => V::Bool(raw.get() == "true"),
        Kind::Number => V::Num(raw.get().to_string()),
        Kind::String => V::Str(doc.string(raw, "value").map_err(err)?.into_owned()),
        Kind::Array => V::Seq(
            doc.array(raw, "list")
                .map_err(err)?
                .into_iter()
                .map(|i| json_node(doc, i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Kind::Object => V::Map(
            doc.object(raw, "mapping")
                .map_err(err)?
                .into_iter()
                .map(|m| {
                    let key_span = m.key_span.clone().unwrap_or_else(|| doc.span(m.value));
                    Ok((
                        m.key.into_owned(),
                        key_span,
                        json_node(doc, m.value, depth + 1)?,
                    ))
                })
                .collect::<Result<_, (usize, String)>>()?,
        ),
    };
    Ok(N { v, span })
}

// ---------------------------------------------------------------- YAML

/// A YAML template with what the reader never reads turned into white space
/// (line breaks and every offset kept): the bodies of the resources that are
/// not aggregators, and the contents of top-level sections other than
/// `Resources` and [`READ_SECTIONS`]; their keys stay. Only the plain block layout CloudFormation
/// templates use is masked; `None` (parse it all) for anything else: tabs,
/// several documents, directives, anchors or aliases, complex keys, kept
/// trailing lines (`|+`), or lines that do not fit the layout.
pub(crate) fn masked_yaml(text: &str) -> Option<String> {
    let b = text.as_bytes();
    if text.contains('\t') || text.contains("|+") || text.contains(">+") || has_anchor_or_alias(b) {
        return None;
    }
    // (start, end, indent, has content) of each line; end excludes the break.
    let mut lines = Vec::new();
    let mut at = 0;
    while at < b.len() {
        let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |n| at + n);
        let line = &text[at..end];
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let content = !(body.trim().is_empty() || body.starts_with('#'));
        if content
            && (body.starts_with("? ")
                || body.starts_with('%')
                || body.starts_with("---") && at > 0
                || body.starts_with("..."))
        {
            return None;
        }
        lines.push((at, end, indent, content));
        at = end + 1;
    }
    let mut masked = b.to_vec();

    // A key line: `Key:` alone, or with a value; `(key, value after the colon)`.
    let key_of = |line: &str| -> Option<(String, String)> {
        let body = line.trim_start_matches(' ');
        let colon = body
            .find(": ")
            .or_else(|| body.ends_with(':').then(|| body.len() - 1))?;
        let key = body[..colon].trim_matches(|c| c == '"' || c == '\'');
        if key.is_empty()
            || !key
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.')
        {
            return None;
        }
        let value = body[colon + 1..].trim();
        let value = if value.starts_with('#') { "" } else { value };
        Some((key.to_string(), value.to_string()))
    };
    let top: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].3 && lines[i].2 == 0)
        .collect();
    for (k, &i) in top.iter().enumerate() {
        let end_line = top.get(k + 1).copied().unwrap_or(lines.len());
        let (key, value) = key_of(&text[lines[i].0..lines[i].1])?;
        // The section's lines after its key line.
        let (from, to) = (lines[i].1, lines.get(end_line).map_or(b.len(), |l| l.0));
        match key.as_str() {
            k if READ_SECTIONS.contains(&k) => {}
            "Resources" if value.is_empty() => {
                let children: Vec<usize> = (i + 1..end_line).filter(|&j| lines[j].3).collect();
                let Some(&first) = children.first() else {
                    continue;
                };
                let indent = lines[first].2;
                let entries: Vec<usize> = children
                    .iter()
                    .copied()
                    .filter(|&j| lines[j].2 <= indent)
                    .collect();
                if entries.iter().any(|&j| lines[j].2 != indent) {
                    return None;
                }
                for (e, &j) in entries.iter().enumerate() {
                    let next = entries.get(e + 1).copied().unwrap_or(end_line);
                    let (start, stop) = (lines[j].0, lines.get(next).map_or(b.len(), |l| l.0));
                    let entry = &text[start..stop];
                    let (_, inline) = key_of(&text[lines[j].0..lines[j].1])?;
                    // Kept: an aggregator, or anything that could be one.
                    // The key line stays, so every kept value ends where it did
                    // (the parser ends a value at the next token).
                    if inline.is_empty()
                        && !entry.contains("ConfigurationAggregator")
                        && !entry.contains('\\')
                    {
                        crate::input::blank(&mut masked[lines[j].1..stop]);
                    }
                }
            }
            "Resources" => {}
            _ => crate::input::blank(&mut masked[from..to]),
        }
    }
    String::from_utf8(masked).ok()
}

/// Whether a node may carry an anchor (`&a`) or be an alias (`*a`): such a
/// character where a node starts, followed by a name.
fn has_anchor_or_alias(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| {
        (c == b'&' || c == b'*')
            && (i == 0 || matches!(b[i - 1], b' ' | b'\n' | b'[' | b'{' | b','))
            && b.get(i + 1).is_some_and(|n| {
                !matches!(n, b' ' | b'\n' | b'\r' | b'\'' | b'"' | b',' | b']' | b'}')
            })
    })
}
