//! CloudFormation templates (JSON and YAML) holding `AWS::Config::ConfigurationAggregator`.
//!
//! Both syntaxes become one small spanned tree (YAML short tags such as `!Ref` are
//! turned into their long forms), which is then read resource by resource. Values
//! that exist only at deploy time are `known: false`, never guessed.

use super::{Ctx, Parsed};
use crate::context;
use crate::diag::ScanError;
use crate::inventory::*;
use crate::json::{Doc, Kind, Raw};
use crate::source::SourceFile;
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use std::collections::HashMap;
use std::ops::Range;

const AGGREGATOR: &str = "AWS::Config::ConfigurationAggregator";
/// Deeper documents are refused rather than risk deep recursion.
const MAX_DEPTH: usize = 256;

/// Is this text a CloudFormation template?
pub fn looks_like(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains(AGGREGATOR))
}

/// A template value with its byte span.
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

    /// The single `Ref` / `Fn::*` key of an intrinsic function.
    fn intrinsic(&self) -> Option<(&str, &N)> {
        match &self.v {
            V::Map(m) if m.len() == 1 => {
                let (k, _, v) = &m[0];
                (k == "Ref" || k.starts_with("Fn::") || k == "Condition").then_some((k.as_str(), v))
            }
            _ => None,
        }
    }
}

pub fn parse(id: FileId, file: &SourceFile, ctx: &Ctx<'_>) -> Parsed {
    let mut out = Parsed {
        kind: Some("cloudformation"),
        ..Parsed::default()
    };
    let text = file.text.as_str();
    let tree = if text.trim_start().starts_with('{') {
        from_json(text)
    } else {
        match masked_yaml(text) {
            Some(masked) => from_yaml(&masked),
            None => from_yaml(text),
        }
    };
    let root = match tree {
        Ok(root) => root,
        Err((at, message)) => {
            out.errors
                .push(ScanError::at(&file.name, id, at..at + 1, message));
            return out;
        }
    };
    let mut reader = Reader {
        file: id,
        name: &file.name,
        params: HashMap::new(),
        errors: Vec::new(),
    };
    if let Some(V::Map(params)) = root.get("Parameters").map(|p| &p.v) {
        for (name, _, p) in params {
            if let Some(d) = p.get("Default") {
                reader.params.insert(name.clone(), d.clone());
            }
        }
    }
    let region = context::region_in_path(std::path::Path::new(&file.name))
        .map(|r| (r, "path"))
        .or_else(|| ctx.region.map(|r| (r.to_string(), "flag")));
    if let Some(V::Map(resources)) = root.get("Resources").map(|r| &r.v) {
        for (logical_id, key_span, body) in resources {
            let is_aggregator =
                matches!(body.get("Type").map(|t| &t.v), Some(V::Str(t)) if t == AGGREGATOR);
            if is_aggregator {
                let mut a = reader.aggregator(logical_id, key_span.clone(), body);
                if let Some((r, from)) = &region {
                    a.region = Some(r.clone());
                    a.region_from = Some(from);
                }
                out.inventory.aggregators.push(a);
            }
        }
    }
    out.errors = reader.errors;
    out
}

struct Reader<'a> {
    file: FileId,
    name: &'a str,
    params: HashMap<String, N>,
    errors: Vec<ScanError>,
}

impl Reader<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    fn error(&mut self, at: &Range<usize>, message: String) {
        self.errors
            .push(ScanError::at(self.name, self.file, at.clone(), message));
    }

    fn aggregator(&mut self, logical_id: &str, key_span: Range<usize>, body: &N) -> Aggregator {
        let span = self.span(&key_span);
        let props = body.get("Properties");
        let enclosing = props.map_or(span, |p| self.span(&p.span));
        let prop = |k: &str| props.and_then(|p| p.get(k));
        let name = match prop("ConfigurationAggregatorName") {
            Some(n) => self.string(n),
            None => Field::missing(enclosing),
        };
        let mut account_sources = Vec::new();
        if let Some(list) = prop("AccountAggregationSources") {
            match &list.v {
                V::Seq(items) => {
                    for item in items {
                        account_sources.push(self.account_source(item));
                    }
                }
                _ => self.error(
                    &list.span,
                    "AccountAggregationSources must be a list of sources".into(),
                ),
            }
        }
        let organization_source = prop("OrganizationAggregationSource")
            .filter(|n| !matches!(n.v, V::Null))
            .map(|n| self.org_source(n));
        let tags = match prop("Tags") {
            None => Field::missing(enclosing),
            Some(t) => match &t.v {
                V::Seq(items) => Field::given(
                    items
                        .iter()
                        .map(|tag| Tag {
                            key: tag
                                .get("Key")
                                .map_or(Field::missing(self.span(&tag.span)), |k| self.string(k)),
                            value: tag
                                .get("Value")
                                .map_or(Field::missing(self.span(&tag.span)), |v| self.string(v)),
                        })
                        .collect(),
                    self.span(&t.span),
                ),
                _ => Field::unknown(self.span(&t.span)),
            },
        };
        Aggregator {
            name,
            kind: "cloudformation",
            file: self.file,
            address: logical_id.to_string(),
            arn: None,
            account: None,
            region: None,
            region_from: None,
            account_sources,
            organization_source,
            tags,
            span,
            extent: self.span(&(key_span.start..body.span.end.max(key_span.end))),
            ignores: self.ignores(body),
        }
    }

    /// `Metadata: { aggrego: { ignore: [{ id: AGG003, reason: … }] } }`; an entry
    /// without a rule id or a reason is an error and suppresses nothing.
    fn ignores(&mut self, body: &N) -> Vec<Ignore> {
        let Some(list) = body.get("Metadata").and_then(|m| m.get("aggrego")) else {
            return Vec::new();
        };
        let items = match list.get("ignore").map(|l| &l.v) {
            Some(V::Seq(items)) => items,
            _ => {
                self.error(
                    &list.span,
                    "Metadata.aggrego must hold `ignore:`, a list of { id, reason } entries".into(),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let ids: Vec<String> = match item.get("id").map(|i| &i.v) {
                Some(V::Str(id)) => id
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                Some(V::Seq(ids)) => ids
                    .iter()
                    .filter_map(|i| match &i.v {
                        V::Str(s) => Some(s.trim().to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let reason = match item.get("reason").map(|r| &r.v) {
                Some(V::Str(r)) => r.trim().to_string(),
                _ => String::new(),
            };
            if ids.is_empty() {
                self.error(
                    &item.span,
                    "aggrego ignore entry needs `id`: the rule it suppresses (e.g. AGG003)".into(),
                );
            } else if reason.is_empty() {
                self.error(
                    &item.span,
                    "aggrego ignore entry needs a `reason`: say why the risk is accepted".into(),
                );
            } else {
                out.push(Ignore {
                    ids,
                    reason,
                    span: self.span(&item.span),
                });
            }
        }
        out
    }

    fn sources_common(&mut self, n: &N) -> (Field<bool>, Field<Vec<Field<String>>>) {
        let span = self.span(&n.span);
        let all = match n.get("AllAwsRegions") {
            Some(v) => self.boolean(v, "AllAwsRegions"),
            None => Field::missing(span),
        };
        let regions = match n.get("AwsRegions") {
            Some(v) => self.list(v),
            None => Field::missing(span),
        };
        (all, regions)
    }

    fn account_source(&mut self, n: &N) -> AccountSource {
        let span = self.span(&n.span);
        if !matches!(n.v, V::Map(_)) {
            self.error(
                &n.span,
                "each account aggregation source must be a mapping".into(),
            );
        }
        let (all_regions, regions) = self.sources_common(n);
        let account_ids = match n.get("AccountIds") {
            Some(v) => self.list(v),
            None => Field::missing(span),
        };
        AccountSource {
            account_ids,
            all_regions,
            regions,
            span,
        }
    }

    fn org_source(&mut self, n: &N) -> OrganizationSource {
        let span = self.span(&n.span);
        if !matches!(n.v, V::Map(_)) {
            self.error(
                &n.span,
                "OrganizationAggregationSource must be a mapping".into(),
            );
        }
        let (all_regions, regions) = self.sources_common(n);
        let role_arn = match n.get("RoleArn") {
            Some(v) => self.string(v),
            None => Field::missing(span),
        };
        OrganizationSource {
            role_arn,
            all_regions,
            regions,
            span,
        }
    }

    fn string(&mut self, n: &N) -> Field<String> {
        let span = self.span(&n.span);
        match self.resolve(n, 0) {
            Some(s) => Field::given(s, span),
            None => Field::unknown(span),
        }
    }

    /// CloudFormation accepts `true`/`false` and the strings "true"/"false".
    fn boolean(&mut self, n: &N, what: &str) -> Field<bool> {
        let span = self.span(&n.span);
        if let V::Bool(b) = n.v {
            return Field::given(b, span);
        }
        match self.resolve(n, 0) {
            None => Field::unknown(span),
            Some(s) if s.eq_ignore_ascii_case("true") => Field::given(true, span),
            Some(s) if s.eq_ignore_ascii_case("false") => Field::given(false, span),
            Some(s) => {
                self.error(
                    &n.span,
                    format!("{what} must be true or false, found `{s}`"),
                );
                Field::unknown(span)
            }
        }
    }

    fn list(&mut self, n: &N) -> Field<Vec<Field<String>>> {
        let span = self.span(&n.span);
        match &n.v {
            V::Seq(items) => Field::given(items.iter().map(|i| self.string(i)).collect(), span),
            // A CommaDelimitedList parameter with a default.
            V::Map(_) => match self.resolve(n, 0) {
                Some(s) => Field::given(
                    s.split(',')
                        .map(|p| Field::given(p.trim().to_string(), span))
                        .collect(),
                    span,
                ),
                None => Field::unknown(span),
            },
            _ => {
                self.error(&n.span, "expected a list".into());
                Field::unknown(span)
            }
        }
    }

    /// The string value of a node, when it can be known offline.
    fn resolve(&self, n: &N, depth: usize) -> Option<String> {
        if depth > 16 {
            return None;
        }
        match &n.v {
            V::Str(s) | V::Num(s) => Some(s.clone()),
            V::Bool(b) => Some(b.to_string()),
            V::Null | V::Seq(_) => None,
            V::Map(_) => {
                let (f, arg) = n.intrinsic()?;
                match (f, &arg.v) {
                    ("Ref", V::Str(p)) => self.params.get(p).and_then(|d| match &d.v {
                        V::Seq(items) => {
                            let parts: Option<Vec<String>> =
                                items.iter().map(|i| self.resolve(i, depth + 1)).collect();
                            parts.map(|p| p.join(","))
                        }
                        _ => self.resolve(d, depth + 1),
                    }),
                    ("Fn::Sub", V::Str(s)) => self.substitute(s, &HashMap::new(), depth),
                    ("Fn::Sub", V::Seq(items)) if items.len() == 2 => {
                        let V::Str(s) = &items[0].v else { return None };
                        let mut vars = HashMap::new();
                        if let V::Map(m) = &items[1].v {
                            for (k, _, v) in m {
                                vars.insert(k.clone(), self.resolve(v, depth + 1));
                            }
                        }
                        self.substitute(s, &vars, depth)
                    }
                    ("Fn::Join", V::Seq(items)) if items.len() == 2 => {
                        let delim = self.resolve(&items[0], depth + 1)?;
                        let V::Seq(parts) = &items[1].v else {
                            return None;
                        };
                        let parts: Option<Vec<String>> =
                            parts.iter().map(|p| self.resolve(p, depth + 1)).collect();
                        parts.map(|p| p.join(&delim))
                    }
                    _ => None,
                }
            }
        }
    }

    /// `Fn::Sub`: `${Name}` from the given variables or parameter defaults,
    /// `${!Literal}` as written; anything else is unknown.
    fn substitute(
        &self,
        s: &str,
        vars: &HashMap<String, Option<String>>,
        depth: usize,
    ) -> Option<String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("${") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 2..];
            let end = after.find('}')?;
            let name = &after[..end];
            if let Some(lit) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(lit);
                out.push('}');
            } else if let Some(v) = vars.get(name) {
                out.push_str(v.as_deref()?);
            } else {
                let d = self.params.get(name)?;
                out.push_str(&self.resolve(d, depth + 1)?);
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Some(out)
    }
}

// ---------------------------------------------------------------- JSON

/// A JSON template as the reader needs it: `Parameters` whole, and of
/// `Resources` the aggregators whole and only the `Type` of the others (most of
/// a template, never read), so they are never turned into a tree.
fn from_json(text: &str) -> Result<N, (usize, String)> {
    let (doc, root) = Doc::parse(text).map_err(|e| (e.offset, e.message))?;
    if Kind::of(root) != Kind::Object {
        return json_node(&doc, root, 0);
    }
    let err = |e: crate::json::JsonError| (e.offset, e.message);
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
            "Resources" | "Parameters" => json_node(&doc, m.value, 1)?,
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
    let err = |e: crate::json::JsonError| (e.offset, e.message);
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
/// `Parameters` and `Resources`; their keys stay. Only the plain block layout CloudFormation
/// templates use is masked; `None` (parse it all) for anything else: tabs,
/// several documents, directives, anchors or aliases, complex keys, kept
/// trailing lines (`|+`), or lines that do not fit the layout.
fn masked_yaml(text: &str) -> Option<String> {
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
            "Parameters" => {}
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
                        super::blank(&mut masked[lines[j].1..stop]);
                    }
                }
            }
            "Resources" => {}
            _ => super::blank(&mut masked[from..to]),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(name: &str, text: &str) -> (SourceFile, Parsed) {
        let f = SourceFile::new(name.into(), text.to_string());
        let p = parse(0, &f, &Ctx::default());
        (f, p)
    }

    fn at(f: &SourceFile, s: Span) -> (usize, usize) {
        let lc = f.line_col(s.start as usize);
        (lc.line, lc.column)
    }

    /// Masking leaves the reader's result as it was, to the byte of every
    /// span, on every YAML template of the fixtures and the corpus, and it
    /// applies to most of them.
    #[test]
    fn masked_yaml_reads_as_the_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut masked = 0;
        let mut all = 0;
        for dir in [root.join("fixtures"), root.join("../shared/corpus")] {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let path = entry.path();
                if !path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                if !looks_like(&text) {
                    continue;
                }
                all += 1;
                let Some(m) = masked_yaml(&text) else {
                    continue;
                };
                masked += 1;
                assert_eq!(m.len(), text.len());
                let f = SourceFile::new(path.to_path_buf(), text.clone());
                let unmasked = read_tree(&f, from_yaml(&text));
                let masked_tree = read_tree(&f, from_yaml(&m));
                assert_eq!(unmasked, masked_tree, "{}", path.display());
            }
        }
        assert!(all >= 10 && masked * 2 >= all, "{masked} of {all} masked");
    }

    /// The aggregators and errors a tree gives the reader.
    fn read_tree(f: &SourceFile, tree: Result<N, (usize, String)>) -> String {
        let Ok(root) = tree else {
            return format!("{tree:?}");
        };
        let mut reader = Reader {
            file: 0,
            name: &f.name,
            params: HashMap::new(),
            errors: Vec::new(),
        };
        let mut out = Vec::new();
        if let Some(V::Map(resources)) = root.get("Resources").map(|r| &r.v) {
            for (id, key_span, body) in resources {
                if matches!(body.get("Type").map(|t| &t.v), Some(V::Str(t)) if t == AGGREGATOR) {
                    out.push(format!(
                        "{:?}",
                        reader.aggregator(id, key_span.clone(), body)
                    ));
                }
            }
        }
        format!("{out:?} {:?}", reader.errors)
    }

    #[test]
    fn masked_yaml_only_for_the_plain_layout() {
        let plain = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::Config::ConfigurationAggregator\nOutputs:\n  X:\n    Value: 1\n";
        let m = masked_yaml(plain).unwrap();
        assert_eq!(
            m,
            "Resources:\n  A:\n                         \n  B:\n    Type: AWS::Config::ConfigurationAggregator\nOutputs:\n    \n            \n"
        );
        for text in [
            "Resources:\n\tA: 1\n",
            "Base: &b {Type: x}\nResources:\n  A: *b\n",
            "Resources:\n  A:\n    P: |+\n      x\n",
            "---\nA: 1\n---\nB: 2\n",
            "%YAML 1.2\n---\nA: 1\n",
            "? complex\n: key\n",
            "- a\n- b\n",
            "Resources:\n    A:\n      Type: x\n  B:\n    Type: y\n",
        ] {
            assert_eq!(masked_yaml(text), None, "{text}");
        }
        // An unquoted star inside a value is not an alias.
        assert!(masked_yaml("Resources:\n  A:\n    Action: s3:*\n    R: '*'\n").is_some());
    }

    #[test]
    fn kics_positive1_yaml() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/kics/cloudformation/positive1.yaml"
        ))
        .unwrap();
        let (f, p) = parse_text("positive1.yaml", &text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let a = &p.inventory.aggregators;
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].address, "ConfigurationAggregator1");
        // The name written outside Properties is not a property.
        assert!(!a[0].name.explicit);
        assert!(!a[0].account_sources[0].all_regions.explicit);
        assert_eq!(at(&f, a[0].account_sources[0].span), (11, 11));
        assert_eq!(a[1].account_sources[0].all_regions.value, Some(false));
        assert_eq!(at(&f, a[1].account_sources[0].all_regions.span), (28, 26));
        let org = a[2].organization_source.as_ref().unwrap();
        assert!(org
            .role_arn
            .value
            .as_deref()
            .unwrap()
            .starts_with("arn:aws:iam::012345678912:role/"));
        assert_eq!(
            a[2].name.value.as_deref(),
            Some("MyConfigurationAggregator")
        );
    }

    #[test]
    fn intrinsics_and_parameters() {
        let text = r#"Parameters:
  On:
    Type: String
    Default: "false"
  NoDefault:
    Type: String
  Accounts:
    Type: CommaDelimitedList
    Default: "111122223333,444455556666"
  Env:
    Type: String
    Default: prod
Resources:
  A:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: !Sub "agg-${Env}"
      AccountAggregationSources:
        - AccountIds: !Ref Accounts
          AllAwsRegions: !Ref On
  B:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: !Sub "agg-${AWS::StackName}"
      OrganizationAggregationSource:
        RoleArn: !GetAtt Role.Arn
        AllAwsRegions: !Ref NoDefault
        AwsRegions:
          - !Join ["-", [us, east, "1"]]
  C:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      ConfigurationAggregatorName: c
      AccountAggregationSources:
        - AccountIds: [012345678912]
          AllAwsRegions: "TRUE"
"#;
        let (f, p) = parse_text("t.yaml", text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let a = &p.inventory.aggregators;
        assert_eq!(a[0].name.value.as_deref(), Some("agg-prod"));
        let s = &a[0].account_sources[0];
        assert_eq!(s.all_regions.value, Some(false));
        assert_eq!(at(&f, s.all_regions.span), (20, 26));
        let ids: Vec<_> = s
            .account_ids
            .value
            .as_ref()
            .unwrap()
            .iter()
            .map(|i| i.value.clone().unwrap())
            .collect();
        assert_eq!(ids, ["111122223333", "444455556666"]);
        assert!(!a[1].name.known);
        let org = a[1].organization_source.as_ref().unwrap();
        assert!(!org.role_arn.known && org.role_arn.explicit);
        assert!(!org.all_regions.known);
        assert_eq!(
            org.regions.value.as_ref().unwrap()[0].value.as_deref(),
            Some("us-east-1")
        );
        let c = &a[2].account_sources[0];
        assert_eq!(c.all_regions.value, Some(true));
        assert_eq!(
            c.account_ids.value.as_ref().unwrap()[0].value.as_deref(),
            Some("012345678912")
        );
    }

    #[test]
    fn json_template_and_errors() {
        let text = r#"{"Resources": {"X": {"Type": "AWS::Config::ConfigurationAggregator",
  "Properties": {"OrganizationAggregationSource": {"RoleArn": {"Fn::GetAtt": ["R", "Arn"]}, "AllAwsRegions": "maybe"}}}}}"#;
        let (f, p) = parse_text("t.json", text);
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].message.contains("must be true or false"));
        let lc = f.line_col(p.errors[0].span.clone().unwrap().start);
        assert_eq!((lc.line, lc.column), (2, 110));
        let org = p.inventory.aggregators[0]
            .organization_source
            .as_ref()
            .unwrap();
        assert!(!org.role_arn.known);
        let (_, p) = parse_text("bad.yaml", "Resources:\n  A: [\n");
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].message.starts_with("invalid YAML"));
        let deep = format!("Resources: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let (_, p) = parse_text("deep.yaml", &deep);
        assert!(p.errors[0].message.contains("nested more than"));
    }
}
