//! CloudFormation templates (JSON and YAML) holding `AWS::Config::ConfigurationAggregator`.
//!
//! The template becomes a spanned tree ([`tree`]); each aggregator's properties
//! are evaluated as CloudFormation would before creating it ([`intrinsics`]:
//! parameters, conditions, `Fn::If`, `AWS::NoValue`, mappings…) and read by the
//! reader every dialect shares. When a condition the resource uses cannot be
//! decided offline, the resource is read once for each way it can go, and each
//! reading says which (`when condition IsOrg is false`).

pub(crate) mod intrinsics;
pub(crate) mod tree;

pub(crate) use crate::input::yaml::{from_yaml, N, V};

use super::resolved::{self, RNode, Reader, CLOUDFORMATION};
use super::{Ctx, Given, GivenValue, Parsed};
use crate::diag::Diagnostic;
use crate::load::source::SourceFile;
use crate::model::*;
use crate::model::{Assumptions, Test};
use intrinsics::{Eval, Param, Template};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

pub const AGGREGATOR: &str = "AWS::Config::ConfigurationAggregator";

/// Is this text a CloudFormation template?
pub fn looks_like(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains(AGGREGATOR))
}

pub fn parse(id: FileId, file: &SourceFile, ctx: &Ctx<'_>) -> Parsed {
    let mut out = Parsed {
        kind: Some("cloudformation"),
        ..Parsed::default()
    };
    let text = file.text.as_str();
    let tree = if text.trim_start().starts_with('{') {
        tree::from_json(text)
    } else {
        match tree::masked_yaml(text) {
            Some(masked) => from_yaml(&masked),
            None => from_yaml(text),
        }
    };
    match tree {
        Ok(root) => read(&root, id, file, ctx),
        Err((at, message)) => {
            out.errors
                .push(Diagnostic::at(&file.name, id, at..at + 1, message));
            out
        }
    }
}

/// The aggregators of a template's tree.
fn read(root: &N, id: FileId, file: &SourceFile, ctx: &Ctx<'_>) -> Parsed {
    let mut out = Parsed {
        kind: Some("cloudformation"),
        ..Parsed::default()
    };
    let template = template(root, ctx.parameters);
    let Some(V::Map(resources)) = root.get("Resources").map(|r| &r.v) else {
        return out;
    };
    let mut found = false;
    for (logical_id, key_span, body) in resources {
        let is_aggregator =
            matches!(body.get("Type").map(|t| &t.v), Some(V::Str(t)) if t == AGGREGATOR);
        if !is_aggregator {
            if logical_id.starts_with("Fn::ForEach::") && mentions(body) {
                found = true;
                out.inventory.unchecked.push(Unchecked {
                    file: id,
                    address: logical_id.clone(),
                    resource_type: AGGREGATOR,
                    kind: InputKind::Cloudformation,
                    reason: "it is made by the `Fn::ForEach` loop of the AWS::LanguageExtensions transform, which aggrego does not expand; check the processed template (`aws cloudformation get-template --template-stage Processed`)".into(),
                    span: Span::new(id, key_span.clone()),
                });
            }
            continue;
        }
        found = true;
        let mut r = ResourceReader {
            file: id,
            name: &file.name,
            template: &template,
            logical_id,
            key_span: key_span.clone(),
            body,
            errors: Vec::new(),
        };
        let (aggregators, unchecked) = r.read();
        out.errors.append(&mut r.errors);
        out.inventory.unchecked.extend(unchecked);
        for mut a in aggregators {
            ctx.place_in_region(&file.name, &mut a);
            out.inventory.aggregators.push(a);
        }
    }
    if found {
        // One template: two definitions with one known name cannot both be created.
        let aggregators = &mut out.inventory.aggregators;
        let names: Vec<Option<String>> = aggregators.iter().map(|a| a.name.value.clone()).collect();
        resolved::duplicates(aggregators, &names);
        // The parameters the aggregators (and the conditions) can use, and those given.
        let mut used = std::collections::BTreeSet::new();
        for (_, _, body) in resources.iter().filter(|(_, _, b)| mentions(b)) {
            references(body, &mut used);
        }
        for c in template.conditions.values() {
            references(c, &mut used);
        }
        out.inventory.variables = variables(id, &file.name, &template, &used);
    }
    out
}

/// Names a value refers to: `Ref` targets and `Fn::Sub` variables.
fn references<'n>(n: &'n N, out: &mut std::collections::BTreeSet<&'n str>) {
    match &n.v {
        V::Seq(items) => items.iter().for_each(|i| references(i, out)),
        V::Map(m) => {
            if let Some((
                "Ref",
                N {
                    v: V::Str(name), ..
                },
            )) = n.intrinsic()
            {
                out.insert(name);
            }
            if let Some(("Fn::Sub", arg)) = n.intrinsic() {
                let text = match &arg.v {
                    V::Str(t) => Some(t.as_str()),
                    V::Seq(items) => match items.first().map(|i| &i.v) {
                        Some(V::Str(t)) => Some(t.as_str()),
                        _ => None,
                    },
                    _ => None,
                };
                let mut rest = text.unwrap_or("");
                while let Some(i) = rest.find("${") {
                    let after = &rest[i + 2..];
                    let end = after.find('}').unwrap_or(after.len());
                    out.insert(&after[..end]);
                    rest = &after[end..];
                }
            }
            m.iter().for_each(|(_, _, v)| references(v, out));
        }
        _ => {}
    }
}

/// Whether a value holds the aggregator type somewhere (a `Fn::ForEach` body).
fn mentions(n: &N) -> bool {
    match &n.v {
        V::Str(s) => s == AGGREGATOR,
        V::Seq(items) => items.iter().any(mentions),
        V::Map(m) => m.iter().any(|(_, _, v)| mentions(v)),
        _ => false,
    }
}

/// Parameters (with the user's values), conditions and mappings.
fn template<'t>(root: &'t N, given: &[Given]) -> Template<'t> {
    let mut t = Template::default();
    if let Some(V::Map(params)) = root.get("Parameters").map(|p| &p.v) {
        for (name, _, p) in params {
            let ty = match p.get("Type").map(|t| &t.v) {
                Some(V::Str(s)) => s.clone(),
                _ => "String".into(),
            };
            // The last value given wins, as with repeated `--parameter-overrides`.
            let given = given
                .iter()
                .rev()
                .find(|g| g.name == *name)
                .and_then(|g| match &g.value {
                    GivenValue::Text(v) => Some((v.clone(), g.from.to_string())),
                    GivenValue::Node(n) => n.scalar().map(|v| (v, g.from.to_string())),
                });
            t.params.insert(
                name.clone(),
                Param {
                    ty,
                    // A null `Default` is no default: CloudFormation takes no
                    // null in a template, so the value is the deployer's (unknown).
                    default: p.get("Default").filter(|d| !matches!(d.v, V::Null)),
                    given,
                },
            );
        }
    }
    if let Some(V::Map(conditions)) = root.get("Conditions").map(|c| &c.v) {
        for (name, _, c) in conditions {
            t.conditions.insert(name.clone(), c);
        }
    }
    t.mappings = root.get("Mappings");
    t
}

/// Each parameter of the template the aggregators can use (or given a value),
/// with the value it takes and where from.
fn variables(
    id: FileId,
    file: &str,
    t: &Template<'_>,
    used: &std::collections::BTreeSet<&str>,
) -> Vec<Variable> {
    let none = Vec::new();
    let eval = Eval::new(t, &none);
    t.params
        .iter()
        .filter(|(name, p)| used.contains(name.as_str()) || p.given.is_some())
        .map(|(name, p)| {
            let (value, from, span) = match (&p.given, &p.default) {
                (Some((v, from)), _) => (
                    Some(serde_json::Value::from(v.as_str())),
                    Some(from.clone()),
                    None,
                ),
                (None, Some(d)) => match eval.resolve(d, 0).and_then(|r| r.to_json()) {
                    Some(v) => (
                        Some(v),
                        Some("default".to_string()),
                        Some(Span::new(id, d.span.clone())),
                    ),
                    None => (None, None, None),
                },
                (None, None) => (None, None, None),
            };
            Variable {
                kind: InputKind::Cloudformation,
                scope: file.to_string(),
                name: name.clone(),
                known: value.is_some(),
                value,
                from,
                span,
            }
        })
        .collect()
}

struct ResourceReader<'a> {
    file: FileId,
    name: &'a str,
    template: &'a Template<'a>,
    logical_id: &'a str,
    key_span: Range<usize>,
    body: &'a N,
    errors: Vec<Diagnostic>,
}

/// One reading of the resource: created or not, and its aggregator.
struct Reading {
    aggregator: Option<Aggregator>,
    /// Conditions an assumption decided, with their values.
    used: BTreeMap<String, bool>,
    errors: Vec<Diagnostic>,
}

impl ResourceReader<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    /// Every way the resource can be, or one reading when there are too many.
    fn read(&mut self) -> (Vec<Aggregator>, Vec<Unchecked>) {
        let leaves = resolved::explore(&mut |a: &Assumptions| self.read_under(a));
        let leaves = match leaves {
            Some(l) => l,
            // Too many worlds: read once, and what stays undecided is unknown.
            None => vec![(Vec::new(), self.read_under(&Vec::new()).0)],
        };
        let several = leaves.len() > 1;
        let words = |used: &BTreeMap<String, bool>| -> Vec<(String, bool)> {
            used.iter()
                .map(|(c, v)| (format!("condition {c}"), *v))
                .collect()
        };
        let mut out: Vec<Aggregator> = Vec::new();
        let mut not_created: Vec<BTreeMap<String, bool>> = Vec::new();
        // Worlds that differ only in tests this resource does not use read the
        // same: one reading, which holds under any of their tests.
        let mut created: Vec<(Aggregator, Vec<Assumptions>, BTreeMap<String, bool>)> = Vec::new();
        for (tests, reading) in leaves {
            if let Some(same) = created.iter_mut().find(|c| c.2 == reading.used) {
                same.1.push(tests);
                continue;
            }
            if not_created.contains(&reading.used) {
                continue;
            }
            self.errors.extend(reading.errors);
            match reading.aggregator {
                Some(a) => created.push((a, vec![tests], reading.used)),
                None => not_created.push(reading.used),
            }
        }
        let absent: Vec<Vec<(String, bool)>> = not_created.iter().map(&words).collect();
        // The resource's own suppressions hold in every reading.
        let ignored = match created.is_empty() {
            true => Vec::new(),
            false => ignores(self.file, self.name, self.body, &mut self.errors),
        };
        for (mut a, tests, used) in created {
            a.ignores = ignored.clone();
            if several && !used.is_empty() {
                a.variant = Some(Arc::new(Variant {
                    assumptions: words(&used),
                    tests,
                    absent: absent.clone(),
                }));
            }
            out.push(a);
        }
        Diagnostic::sort_and_dedup(&mut self.errors);
        let mut unchecked = Vec::new();
        if out.is_empty() {
            let why = match self.body.get("Condition").map(|c| &c.v) {
                Some(V::Str(c)) => format!("its Condition {c} is false"),
                _ => "its Condition is false".into(),
            };
            unchecked.push(Unchecked {
                file: self.file,
                address: self.logical_id.to_string(),
                resource_type: AGGREGATOR,
                kind: InputKind::Cloudformation,
                reason: format!(
                    "not created with these parameter values: {why}{}",
                    match not_created.first() {
                        Some(u) if !u.is_empty() && not_created.len() > 1 => " in every case",
                        _ => "",
                    }
                ),
                span: self.span(&self.key_span),
            });
        }
        (out, unchecked)
    }

    fn read_under(&self, a: &Assumptions) -> (Reading, Vec<Test>) {
        let eval = Eval::new(self.template, a);
        let created = match self.body.get("Condition").map(|c| &c.v) {
            Some(V::Str(c)) => eval.condition(c),
            _ => Some(true),
        };
        // A resource whose condition is undecided is read as if created.
        let aggregator = if created == Some(false) {
            None
        } else {
            Some(self.aggregator(&eval))
        };
        let (aggregator, errors) = match aggregator {
            Some((a, e)) => (Some(a), e),
            None => (None, Vec::new()),
        };
        let reading = Reading {
            aggregator,
            used: eval.used.take(),
            errors,
        };
        (reading, eval.open.take())
    }

    fn aggregator(&self, eval: &Eval<'_>) -> (Aggregator, Vec<Diagnostic>) {
        let span = self.span(&self.key_span);
        let props = self.body.get("Properties");
        let enclosing = props.map_or(span, |p| self.span(&p.span));
        let resolved: Option<RNode> = props.and_then(|p| eval.resolve(p, 0));
        let mut reader = Reader {
            file: self.file,
            name: self.name,
            names: &CLOUDFORMATION,
            errors: Vec::new(),
        };
        let a = reader.read(resolved.as_ref(), enclosing).into_aggregator(
            &CLOUDFORMATION,
            resolved::Place {
                kind: InputKind::Cloudformation,
                resource_type: AGGREGATOR,
                file: self.file,
                address: self.logical_id.to_string(),
                span,
                extent: self
                    .span(&(self.key_span.start..self.body.span.end.max(self.key_span.end))),
            },
        );
        (a, reader.errors)
    }
}

/// `Metadata: { aggrego: { ignore: [{ id: AGG003, reason: … }] } }`; an entry
/// without a rule id or a reason is an error and suppresses nothing.
fn ignores(file: FileId, name: &str, body: &N, errors: &mut Vec<Diagnostic>) -> Vec<Ignore> {
    let Some(list) = body.get("Metadata").and_then(|m| m.get("aggrego")) else {
        return Vec::new();
    };
    let mut error = |at: &Range<usize>, message: &str| {
        errors.push(Diagnostic::at(name, file, at.clone(), message));
    };
    let items = match list.get("ignore").map(|l| &l.v) {
        Some(V::Seq(items)) => items,
        _ => {
            error(
                &list.span,
                "Metadata.aggrego must hold `ignore:`, a list of { id, reason } entries",
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
            error(
                &item.span,
                "aggrego ignore entry needs `id`: the rule it suppresses (e.g. AGG003)",
            );
        } else if reason.is_empty() {
            error(
                &item.span,
                "aggrego ignore entry needs a `reason`: say why the risk is accepted",
            );
        } else {
            out.push(Ignore {
                ids,
                reason,
                span: Span::new(file, item.span.clone()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
