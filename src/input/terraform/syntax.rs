//! A Terraform file as blocks and attributes, whichever syntax it is written
//! in: native HCL (`.tf`, parsed by hcl-edit) or Terraform's JSON syntax
//! (`.tf.json`, what CDK for Terraform writes). Attribute values become
//! hcl-rs expressions (evaluated by [`super::eval`]), with the spans of the
//! literal lists and objects they are written as, so an item of a list is
//! located where it is written.

use crate::input::json::{Doc, Kind, Raw};
use hcl::expr::{Expression, ObjectKey};
use hcl_edit::Span as _;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct TBlock {
    pub ident: String,
    pub labels: Vec<String>,
    /// The whole block.
    pub span: Range<usize>,
    /// From the block type to its last label: `resource "x" "y"`.
    pub head: Range<usize>,
    pub attrs: Vec<TAttr>,
    pub blocks: Vec<TBlock>,
}

#[derive(Debug, Clone)]
pub struct TAttr {
    pub key: String,
    pub expr: Expression,
    /// Where the value is written, and the spans of its literal items.
    pub shape: Shape,
}

/// Spans of a value written as a literal list or object, item by item.
#[derive(Debug, Clone)]
pub struct Shape {
    pub span: Range<usize>,
    pub items: Items,
}

#[derive(Debug, Clone)]
pub enum Items {
    Leaf,
    /// List items, in order.
    List(Vec<Shape>),
    /// Object members, in order (as the expression's object keeps them).
    Object(Vec<Shape>),
}

impl TBlock {
    pub fn attr(&self, key: &str) -> Option<&TAttr> {
        self.attrs.iter().find(|a| a.key == key)
    }
}

// ---------------------------------------------------------------- native HCL

/// A parsed body's attributes and blocks (taken, not copied).
pub fn from_hcl(body: hcl_edit::structure::Body) -> (Vec<TAttr>, Vec<TBlock>) {
    use hcl_edit::structure::{BlockLabel, Structure};
    let mut attrs = Vec::new();
    let mut blocks = Vec::new();
    for structure in body {
        match structure {
            Structure::Attribute(a) => {
                let shape = shape(&a.value);
                attrs.push(TAttr {
                    key: a.key.value().to_string(),
                    expr: normalise(Expression::from(a.value)),
                    shape,
                });
            }
            Structure::Block(b) => {
                let span = b.span().unwrap_or(0..0);
                let head = match (b.ident.span(), b.labels.last().and_then(|l| l.span())) {
                    (Some(a), Some(l)) => a.start..l.end,
                    (Some(a), None) => a,
                    _ => span.clone(),
                };
                let ident = b.ident.value().to_string();
                let labels = b
                    .labels
                    .iter()
                    .map(|l| match l {
                        BlockLabel::Ident(i) => i.value().to_string(),
                        BlockLabel::String(s) => s.value().to_string(),
                    })
                    .collect();
                let (a, inner) = from_hcl(b.body);
                blocks.push(TBlock {
                    ident,
                    labels,
                    span,
                    head,
                    attrs: a,
                    blocks: inner,
                });
            }
        }
    }
    (attrs, blocks)
}

fn shape(e: &hcl_edit::expr::Expression) -> Shape {
    use hcl_edit::expr::Expression as E;
    let span = e.span().unwrap_or(0..0);
    let items = match e {
        E::Array(a) => Items::List(a.iter().map(shape).collect()),
        E::Object(o) => Items::Object(o.iter().map(|(_, v)| shape(v.expr())).collect()),
        E::Parenthesis(p) => return shape(p.inner()),
        _ => Items::Leaf,
    };
    Shape { span, items }
}

/// A template that is one interpolation (`"${var.x}"`, the only way to write
/// an expression before Terraform 0.12) is that expression: it keeps its type,
/// and a conditional in it can be decided like any other.
pub fn normalise(e: Expression) -> Expression {
    match e {
        Expression::TemplateExpr(t) => {
            let inner = hcl::Template::from_expr(&t)
                .ok()
                .and_then(|tpl| match tpl.elements() {
                    [hcl::template::Element::Interpolation(i)] => Some(i.expr.clone()),
                    _ => None,
                });
            match inner {
                Some(i) => normalise(i),
                None => Expression::TemplateExpr(t),
            }
        }
        Expression::Array(items) => Expression::Array(items.into_iter().map(normalise).collect()),
        Expression::Object(o) => {
            Expression::Object(o.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        Expression::Parenthesis(p) => Expression::Parenthesis(Box::new(normalise(*p))),
        other => other,
    }
}

// ---------------------------------------------------------------- JSON syntax

/// Nested block types of the resources aggrego reads (everything else in a
/// resource body is an attribute, as the provider's schema says).
const NESTED_BLOCKS: &[&str] = &[
    "account_aggregation_source",
    "organization_aggregation_source",
    "dynamic",
    "lifecycle",
    "timeouts",
    "provisioner",
    "connection",
];

/// The blocks of a `.tf.json` document that aggrego reads: `variable`,
/// `locals` and `resource`. A shape Terraform would refuse is an error at its span.
pub fn from_json(text: &str) -> Result<Vec<TBlock>, (Range<usize>, String)> {
    let (doc, root) = Doc::parse(text).map_err(|e| (e.offset..e.offset + e.len, e.message))?;
    let j = Json { doc: &doc };
    let mut out = Vec::new();
    for top in j.members(root, "the document")? {
        match top.0.as_str() {
            "variable" => {
                for (name, name_span, body) in j.members(top.2, "variable")? {
                    for body in j.one_or_many(body) {
                        let mut b = j.block(
                            "variable",
                            vec![name.clone()],
                            top.1.start..name_span.end,
                            body,
                        )?;
                        // A default is a literal value in JSON syntax; a type is an expression.
                        for a in &mut b.attrs {
                            if a.key == "default" {
                                a.expr = j.literal(a.shape.span.clone(), body, "default")?;
                            }
                        }
                        out.push(b);
                    }
                }
            }
            "locals" => {
                for body in j.one_or_many(top.2) {
                    out.push(j.block("locals", Vec::new(), top.1.clone(), body)?);
                }
            }
            "resource" => {
                for (ty, _, by_name) in j.members(top.2, "resource")? {
                    for (name, name_span, body) in j.members(by_name, "resource")? {
                        for body in j.one_or_many(body) {
                            out.push(j.block(
                                "resource",
                                vec![ty.clone(), name.clone()],
                                top.1.start..name_span.end,
                                body,
                            )?);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

struct Json<'d, 'a> {
    doc: &'d Doc<'a>,
}

/// A value, or an error at a span.
pub type Located<T> = Result<T, (Range<usize>, String)>;

impl<'a> Json<'_, 'a> {
    fn err(&self, e: crate::input::json::JsonError) -> (Range<usize>, String) {
        (e.offset..e.offset + e.len.max(1), e.message)
    }

    /// Members of an object, `//` comments left out.
    fn members(&self, raw: Raw<'a>, what: &str) -> Located<Vec<(String, Range<usize>, Raw<'a>)>> {
        let m = self.doc.object(raw, what).map_err(|e| self.err(e))?;
        Ok(m.into_iter()
            .filter(|m| m.key != "//")
            .map(|m| {
                let span = m.key_span.clone().unwrap_or_else(|| self.doc.span(m.value));
                (m.key.into_owned(), span, m.value)
            })
            .collect())
    }

    /// A block body may be one object or a list of them.
    fn one_or_many(&self, raw: Raw<'a>) -> Vec<Raw<'a>> {
        match Kind::of(raw) {
            Kind::Array => self.doc.array(raw, "blocks").unwrap_or_default(),
            _ => vec![raw],
        }
    }

    fn block(
        &self,
        ident: &str,
        labels: Vec<String>,
        head: Range<usize>,
        body: Raw<'a>,
    ) -> Located<TBlock> {
        let span = self.doc.span(body);
        let mut attrs = Vec::new();
        let mut blocks = Vec::new();
        for (key, key_span, value) in self.members(body, ident)? {
            let nested = ident == "resource" || ident == "dynamic" || ident == "content";
            if nested && NESTED_BLOCKS.contains(&key.as_str()) && Kind::of(value) != Kind::String {
                if key == "dynamic" {
                    for (label, label_span, d) in self.members(value, "dynamic")? {
                        for d in self.one_or_many(d) {
                            blocks.push(self.block(
                                "dynamic",
                                vec![label.clone()],
                                label_span.clone(),
                                d,
                            )?);
                        }
                    }
                } else {
                    for b in self.one_or_many(value) {
                        blocks.push(self.block(&key, Vec::new(), key_span.clone(), b)?);
                    }
                }
                continue;
            }
            if ident == "dynamic" && key == "content" {
                blocks.push(self.block("content", Vec::new(), key_span, value)?);
                continue;
            }
            let (expr, shape) = self.expr(value)?;
            attrs.push(TAttr { key, expr, shape });
        }
        Ok(TBlock {
            ident: ident.to_string(),
            labels,
            span: head.start.min(span.start)..span.end,
            head,
            attrs,
            blocks,
        })
    }

    /// A value of JSON syntax: strings are templates.
    fn expr(&self, raw: Raw<'a>) -> Located<(Expression, Shape)> {
        let span = self.doc.span(raw);
        let leaf = |e: Expression| {
            (
                e,
                Shape {
                    span: span.clone(),
                    items: Items::Leaf,
                },
            )
        };
        Ok(match Kind::of(raw) {
            Kind::Null => leaf(Expression::Null),
            Kind::Bool => leaf(Expression::Bool(raw.get() == "true")),
            Kind::Number => leaf(number(raw.get()).map_or(Expression::Null, Expression::Number)),
            Kind::String => {
                let s = self.doc.string(raw, "string").map_err(|e| self.err(e))?;
                leaf(normalise(Expression::TemplateExpr(Box::new(
                    hcl::expr::TemplateExpr::QuotedString(s.into_owned()),
                ))))
            }
            Kind::Array => {
                let mut exprs = Vec::new();
                let mut shapes = Vec::new();
                for item in self.doc.array(raw, "list").map_err(|e| self.err(e))? {
                    let (e, s) = self.expr(item)?;
                    exprs.push(e);
                    shapes.push(s);
                }
                (
                    Expression::Array(exprs),
                    Shape {
                        span,
                        items: Items::List(shapes),
                    },
                )
            }
            Kind::Object => {
                let mut object = hcl::expr::Object::new();
                let mut shapes = Vec::new();
                for (k, _, v) in self.members(raw, "object")? {
                    let (e, s) = self.expr(v)?;
                    object.insert(ObjectKey::from(k), e);
                    shapes.push(s);
                }
                (
                    Expression::Object(object),
                    Shape {
                        span,
                        items: Items::Object(shapes),
                    },
                )
            }
        })
    }

    /// A literal value (a variable's default), strings taken as they are.
    fn literal(&self, at: Range<usize>, body: Raw<'a>, key: &str) -> Located<Expression> {
        let Some((_, _, raw)) = self
            .members(body, "variable")?
            .into_iter()
            .find(|m| m.0 == key)
        else {
            return Err((at, "missing".into()));
        };
        let v: serde_json::Value =
            serde_json::from_str(raw.get()).map_err(|e| (at.clone(), e.to_string()))?;
        Ok(json_to_expr(v))
    }
}

/// A number as written in JSON.
pub fn number(s: &str) -> Option<hcl::Number> {
    s.parse::<i64>()
        .map(hcl::Number::from)
        .or_else(|_| s.parse::<u64>().map(hcl::Number::from))
        .ok()
        .or_else(|| s.parse::<f64>().ok().and_then(hcl::Number::from_f64))
}

fn json_to_expr(v: serde_json::Value) -> Expression {
    use serde_json::Value as J;
    match v {
        J::Null => Expression::Null,
        J::Bool(b) => Expression::Bool(b),
        J::Number(n) => number(&n.to_string()).map_or(Expression::Null, Expression::Number),
        J::String(s) => Expression::String(s),
        J::Array(a) => Expression::Array(a.into_iter().map(json_to_expr).collect()),
        J::Object(o) => Expression::Object(
            o.into_iter()
                .map(|(k, v)| (ObjectKey::from(k), json_to_expr(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_syntax_reads_as_blocks() {
        let text = r#"{
  "variable": {"org": {"type": "bool", "default": true}},
  "locals": {"regions": ["us-east-1", "${var.extra}"]},
  "resource": {"aws_config_configuration_aggregator": {"org": {
    "name": "org",
    "//": "a comment",
    "organization_aggregation_source": {"role_arn": "${aws_iam_role.r.arn}", "all_regions": true},
    "dynamic": {"account_aggregation_source": {"for_each": "${var.org ? [] : [1]}", "content": {"account_ids": ["111122223333"]}}}
  }}}
}"#;
        let blocks = from_json(text).unwrap();
        assert_eq!(blocks.len(), 3);
        let r = &blocks[2];
        assert_eq!(r.labels, ["aws_config_configuration_aggregator", "org"]);
        assert!(r.attr("//").is_none());
        assert_eq!(r.blocks[0].ident, "organization_aggregation_source");
        assert!(matches!(
            r.blocks[0].attr("role_arn").unwrap().expr,
            Expression::Traversal(_)
        ));
        let d = &r.blocks[1];
        assert_eq!(
            (d.ident.as_str(), d.labels[0].as_str()),
            ("dynamic", "account_aggregation_source")
        );
        assert!(matches!(
            d.attr("for_each").unwrap().expr,
            Expression::Conditional(_)
        ));
        assert_eq!(d.blocks[0].ident, "content");
        let v = &blocks[0];
        assert_eq!(v.attr("default").unwrap().expr, Expression::Bool(true));
        assert!(from_json("{\"resource\": 1}").is_err());
    }

    #[test]
    fn one_interpolation_is_its_expression() {
        let e: hcl_edit::expr::Expression = "\"${var.on ? 1 : 0}\"".parse().unwrap();
        assert!(matches!(
            normalise(Expression::from(e)),
            Expression::Conditional(_)
        ));
        let e: hcl_edit::expr::Expression = "\"agg-${var.env}\"".parse().unwrap();
        assert!(matches!(
            normalise(Expression::from(e)),
            Expression::TemplateExpr(_)
        ));
    }
}
