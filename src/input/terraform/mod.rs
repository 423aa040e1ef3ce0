//! Terraform modules (`.tf`, `.tf.json`, with their tfvars) and `terraform show
//! -json` plans holding `aws_config_configuration_aggregator` or
//! `awscc_config_configuration_aggregator`.
//!
//! A module (one folder) is read as Terraform reads it: variables take their
//! values from defaults, `TF_VAR_*`, `terraform.tfvars(.json)`,
//! `*.auto.tfvars(.json)` in lexical order, then `--var-file`/`--var` (later
//! wins); other `.tfvars` files are not applied. Locals, functions,
//! conditionals, `for` expressions, `count`, `for_each` and `dynamic` blocks
//! are evaluated ([`eval`]); what stays unknown is read once per way a
//! conditional can go, else reported unknown, never guessed.

pub mod eval;
pub mod plan;
pub mod syntax;

pub use plan::{looks_like_plan, parse_plan, relocate_plan_findings};

use super::resolved::{self, Names, RNode, Reader, RV, TERRAFORM_AWS, TERRAFORM_AWSCC};
use super::{Ctx, Given, GivenValue, Parsed};
use crate::diag::Diagnostic;
pub use crate::load::names::{role, FileRole};
use crate::load::source::SourceFile;
use crate::model::Assumptions;
use crate::model::*;
use eval::{Evaluator, Scope};
use hcl::{Map, Value};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;
use syntax::{TAttr, TBlock};

pub const AWS: &str = "aws_config_configuration_aggregator";
pub const AWSCC: &str = "awscc_config_configuration_aggregator";

/// Instances of one resource read at most (a `count` of thousands is read this far).
const MAX_INSTANCES: usize = 64;

/// A declared variable.
#[derive(Debug, Clone)]
struct VarDecl {
    name: String,
    default: Option<(hcl::Expression, Range<usize>, FileId)>,
    /// The type constraint as written (`bool`, `list(string)`).
    ty: Option<String>,
}

/// Variable values, each with where it is written.
pub type Values = Vec<(String, RNode)>;

/// A tfvars file of a module: its load order, its name and its values.
type Tfvars = (u8, String, Values);

use syntax::Located;

/// What one file gives its module.
#[derive(Default)]
struct FilePart {
    variables: Vec<VarDecl>,
    locals: Vec<(String, hcl::Expression)>,
    /// Resources still to read, once the module's values are known.
    resources: Vec<(FileId, TBlock)>,
    /// Resources read.
    read: Vec<ReadResource>,
    tfvars: Option<Tfvars>,
    errors: Vec<Diagnostic>,
}

/// What reading one resource gives: its provider configuration, and its
/// aggregators, definitions not checked and errors.
type ReadResource = (String, (Vec<Aggregator>, Vec<Unchecked>, Vec<Diagnostic>));

/// One module: the Terraform files of one folder, sorted by path. Files are
/// read in parallel; the resources of a file that refers to no variable or
/// local are read in that same pass (large repositories keep little in memory),
/// the others once the module's values are known.
pub fn parse_module(files: &[(FileId, &SourceFile)], ctx: &Ctx<'_>) -> Parsed {
    use rayon::prelude::*;
    let names: std::collections::HashMap<FileId, &str> =
        files.iter().map(|(id, f)| (*id, f.name.as_str())).collect();
    let mut parts: Vec<FilePart> = files
        .par_iter()
        .map(|(id, f)| {
            let mut part = read_file(*id, f);
            if !part.resources.is_empty() && !f.text.contains("var.") && !f.text.contains("local.")
            {
                let none = Map::new();
                part.read = read_resources(&part.resources, &names, &none, &[], &EMPTY);
                part.resources.clear();
            }
            part
        })
        .collect();
    let mut out = Parsed {
        kind: Some("terraform"),
        ..Parsed::default()
    };
    let mut decls: BTreeMap<String, VarDecl> = BTreeMap::new();
    let mut locals = Vec::new();
    let mut tfvars = Vec::new();
    let mut any = false;
    for part in &mut parts {
        out.errors.append(&mut part.errors);
        for d in part.variables.drain(..) {
            decls.insert(d.name.clone(), d);
        }
        locals.append(&mut part.locals);
        tfvars.extend(part.tfvars.take());
        any |= !part.resources.is_empty() || !part.read.is_empty();
    }
    if !any {
        return out;
    }
    let module = files
        .first()
        .and_then(|(_, f)| {
            std::path::Path::new(&f.name)
                .parent()
                .map(crate::load::source::display_path)
        })
        .unwrap_or_default();
    let values = variable_values(&decls, tfvars, ctx.variables, &module, files);
    let vars: Map<String, Value> = values
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.value.clone()?)))
        .collect();
    if parts.iter().any(|p| !p.resources.is_empty()) {
        let base = Evaluator::new(&vars, &locals, &Vec::new()).shared();
        let later: Vec<Vec<ReadResource>> = parts
            .par_iter()
            .map(|p| read_resources(&p.resources, &names, &vars, &locals, &base))
            .collect();
        for (p, r) in parts.iter_mut().zip(later) {
            if !p.resources.is_empty() {
                p.read = r;
            }
        }
    }
    let mut found = Vec::new();
    for (provider, (aggs, unchecked, errors)) in parts.into_iter().flat_map(|p| p.read) {
        out.errors.extend(errors);
        out.inventory.unchecked.extend(unchecked);
        for mut a in aggs {
            ctx.place_in_region(names.get(&a.file).copied().unwrap_or(""), &mut a);
            found.push((provider.clone(), a));
        }
    }
    // One module: the same name, resource type and provider configuration.
    let keys: Vec<Option<(String, Option<&str>, String)>> = found
        .iter()
        .map(|(provider, a)| Some((provider.clone(), a.resource_type, a.name.value.clone()?)))
        .collect();
    let mut aggregators: Vec<Aggregator> = found.into_iter().map(|(_, a)| a).collect();
    resolved::duplicates(&mut aggregators, &keys);
    out.inventory.aggregators = aggregators;
    out.inventory.variables = values
        .into_iter()
        .map(|(name, v)| {
            let value = v.value.as_ref().and_then(|x| serde_json::to_value(x).ok());
            Variable {
                kind: InputKind::Terraform,
                scope: module.clone(),
                name,
                known: value.is_some(),
                value,
                from: v.from,
                span: v.span,
            }
        })
        .collect();
    out
}

/// A module with no variable or local, shared by every file that refers to none.
static EMPTY: std::sync::LazyLock<std::sync::Arc<eval::Module>> =
    std::sync::LazyLock::new(|| Evaluator::new(&Map::new(), &[], &Vec::new()).shared());

fn read_resources(
    resources: &[(FileId, TBlock)],
    names: &std::collections::HashMap<FileId, &str>,
    vars: &Map<String, Value>,
    locals: &[(String, hcl::Expression)],
    base: &std::sync::Arc<eval::Module>,
) -> Vec<ReadResource> {
    resources
        .iter()
        .map(|(file, block)| {
            let mut r = ResourceReader {
                file: *file,
                name: names.get(file).copied().unwrap_or(""),
                block,
                vars,
                locals,
                base: Evaluator::with(base.clone()),
            };
            (provider(block), r.read())
        })
        .collect()
}

/// The provider configuration a resource uses (`aws.eu`), or the default.
fn provider(block: &TBlock) -> String {
    block
        .attr("provider")
        .map(|a| eval::text(&a.expr))
        .unwrap_or_default()
}

fn read_file(id: FileId, f: &SourceFile) -> FilePart {
    let mut part = FilePart::default();
    let Some(role) = role(&f.path) else {
        return part;
    };
    let error = |at: Range<usize>, message: String| Diagnostic::at(&f.name, id, at, message);
    match role {
        FileRole::Unloaded => {}
        FileRole::Tfvars(order) => {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            match tfvars(&f.text, name.ends_with(".json")) {
                Ok(values) => part.tfvars = Some((order, name, values)),
                Err((at, m)) => part.errors.push(error(at, m)),
            }
        }
        FileRole::Json => match syntax::from_json(&f.text) {
            Ok(blocks) => collect(id, blocks, &mut part),
            Err((at, m)) => part
                .errors
                .push(error(at, format!("invalid Terraform JSON: {m}"))),
        },
        FileRole::Hcl => {
            // Only aggregators, variables and locals are read: the other blocks
            // become white space before parsing (when their bounds are certain),
            // which keeps every offset and saves most of the parse.
            let masked = super::hcl_blocks::masked(&f.text, |b| read_block(b.ident, b.label));
            let text = masked.as_deref().unwrap_or(&f.text);
            if !["aggregator", "variable", "locals"]
                .iter()
                .any(|w| text.contains(w))
            {
                return part;
            }
            match hcl_edit::parser::parse_body(text) {
                Ok(body) => {
                    let (_, blocks) = syntax::from_hcl(body);
                    collect(id, blocks, &mut part);
                }
                Err(e) => {
                    let at = e.location().offset().min(f.text.len());
                    part.errors
                        .push(error(at..at + 1, format!("invalid HCL: {}", e.message())));
                }
            }
        }
    }
    part
}

/// The blocks a module is read for: aggregators, variables and locals.
pub(crate) fn read_block(ident: &str, label: Option<&str>) -> bool {
    matches!(ident, "variable" | "locals")
        || (ident == "resource" && matches!(label, Some(AWS | AWSCC)))
}

fn collect(id: FileId, blocks: Vec<TBlock>, part: &mut FilePart) {
    for b in blocks {
        match (b.ident.as_str(), b.labels.first().map(String::as_str)) {
            ("variable", Some(name)) => part.variables.push(VarDecl {
                name: name.to_string(),
                default: b
                    .attr("default")
                    .map(|a| (a.expr.clone(), a.shape.span.clone(), id)),
                ty: b.attr("type").map(|a| eval::text(&a.expr)),
            }),
            ("locals", _) => part
                .locals
                .extend(b.attrs.into_iter().map(|a| (a.key, a.expr))),
            ("resource", Some(AWS | AWSCC)) => part.resources.push((id, b)),
            _ => {}
        }
    }
}

/// The values of a tfvars file (HCL or JSON), each with its span.
pub fn tfvars(text: &str, json: bool) -> Located<Values> {
    let empty = Evaluator::with(EMPTY.clone());
    let scope = empty.root();
    if json {
        let (doc, root) = crate::input::json::Doc::parse(text)
            .map_err(|e| (e.offset..e.offset + 1, e.message))?;
        let members = doc
            .object(root, "variable values")
            .map_err(|e| (e.offset..e.offset + 1, e.message))?;
        return Ok(members
            .into_iter()
            .map(|m| {
                let span = doc.span(m.value);
                let v: Option<serde_json::Value> = serde_json::from_str(m.value.get()).ok();
                let node = v
                    .and_then(|v| hcl::to_value(v).ok())
                    .map_or(RNode::unknown(span.clone()), |v| eval::to_node(&v, &span));
                (m.key.into_owned(), node)
            })
            .collect());
    }
    let body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let at = e.location().offset().min(text.len());
        (at..at + 1, format!("invalid HCL: {}", e.message()))
    })?;
    let (attrs, _) = syntax::from_hcl(body);
    Ok(attrs
        .into_iter()
        .map(|a| {
            let n = empty.node(&a, &scope);
            (a.key, n)
        })
        .collect())
}

/// A variable's value and where it came from.
struct Valued {
    value: Option<Value>,
    from: Option<String>,
    span: Option<Span>,
}

/// Every declared variable's value, in Terraform's order of precedence.
fn variable_values(
    decls: &BTreeMap<String, VarDecl>,
    mut tfvars: Vec<Tfvars>,
    given: &[Given],
    module: &str,
    files: &[(FileId, &SourceFile)],
) -> BTreeMap<String, Valued> {
    let empty = Evaluator::with(EMPTY.clone());
    let scope = empty.root();
    let mut out: BTreeMap<String, Valued> = BTreeMap::new();
    for d in decls.values() {
        let v = d.default.as_ref().and_then(|(e, span, file)| {
            let v = empty.value(e, &scope)?;
            Some(Valued {
                value: Some(v),
                from: Some("default".into()),
                span: Some(Span::new(*file, span.clone())),
            })
        });
        out.insert(
            d.name.clone(),
            v.unwrap_or(Valued {
                value: None,
                from: None,
                span: None,
            }),
        );
    }
    let mut set = |name: &str, value: Option<Value>, from: String, span: Option<Span>| {
        if let (Some(slot), Some(v)) = (out.get_mut(name), value) {
            let ty = decls.get(name).and_then(|d| d.ty.as_deref());
            *slot = Valued {
                value: Some(convert(v, ty)),
                from: Some(from),
                span,
            };
        }
    };
    let typed = |g: &Given| -> Option<Value> {
        match &g.value {
            GivenValue::Node(n) => eval::from_node(n),
            GivenValue::Text(t) => Some(from_text(
                t,
                decls.get(&g.name).and_then(|d| d.ty.as_deref()),
            )),
        }
    };
    // TF_VAR_* come first: every file and flag overrides them.
    for g in given
        .iter()
        .filter(|g| matches!(g.from, crate::input::Origin::Env(_)))
    {
        set(&g.name, typed(g), g.from.to_string(), g.span);
    }
    tfvars.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (_, file, values) in tfvars {
        let id = files
            .iter()
            .find(|(_, f)| {
                f.path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy() == file)
            })
            .map(|(id, _)| *id);
        for (name, node) in values {
            let span = id.map(|id| Span::new(id, node.span.clone()));
            let from = if module.is_empty() {
                file.clone()
            } else {
                format!("{module}/{file}")
            };
            set(&name, eval::from_node(&node), from, span);
        }
    }
    for g in given
        .iter()
        .filter(|g| !matches!(g.from, crate::input::Origin::Env(_)))
    {
        set(&g.name, typed(g), g.from.to_string(), g.span);
    }
    out
}

/// A value typed on the command line or in `TF_VAR_*`: taken as it is for a
/// primitive type (or none), parsed as an expression for a complex one.
fn from_text(t: &str, ty: Option<&str>) -> Value {
    let primitive = ty.is_none_or(|ty| matches!(ty, "string" | "number" | "bool"));
    if !primitive {
        if let Ok(e) = t.parse::<hcl_edit::expr::Expression>() {
            let empty = Evaluator::with(EMPTY.clone());
            if let Some(v) = empty.value(&hcl::Expression::from(e), &empty.root()) {
                return v;
            }
        }
    }
    convert(Value::from(t), ty)
}

/// Terraform's conversion of a value to a variable's primitive type.
fn convert(v: Value, ty: Option<&str>) -> Value {
    match (ty, &v) {
        (Some("bool"), Value::String(s)) if s == "true" || s == "false" => Value::Bool(s == "true"),
        (Some("number"), Value::String(s)) => syntax::number(s.trim()).map_or(v, Value::Number),
        (Some("string"), Value::Bool(_) | Value::Number(_)) => {
            Value::from(eval::scalar(&v).unwrap_or_default())
        }
        _ => v,
    }
}

struct ResourceReader<'a> {
    file: FileId,
    name: &'a str,
    block: &'a TBlock,
    vars: &'a Map<String, Value>,
    locals: &'a [(String, hcl::Expression)],
    /// The module read with no assumption.
    base: Evaluator,
}

/// One reading of a resource: its instances, or why it has none.
struct Reading {
    instances: Vec<Aggregator>,
    not_created: Option<String>,
    errors: Vec<Diagnostic>,
}

impl ResourceReader<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, r.clone())
    }

    fn names(&self) -> (&'static Names, &'static str) {
        match self.block.labels.first().map(String::as_str) {
            Some(AWSCC) => (&TERRAFORM_AWSCC, AWSCC),
            _ => (&TERRAFORM_AWS, AWS),
        }
    }

    fn address(&self) -> String {
        format!(
            "{}.{}",
            self.names().1,
            self.block.labels.get(1).map_or("", String::as_str)
        )
    }

    fn read(&mut self) -> (Vec<Aggregator>, Vec<Unchecked>, Vec<Diagnostic>) {
        let mut read = |a: &Assumptions| {
            let owned;
            let ev = if a.is_empty() {
                &self.base
            } else {
                owned = Evaluator::new(self.vars, self.locals, a);
                &owned
            };
            let reading = self.read_under(ev);
            (reading, ev.take_open())
        };
        let leaves = resolved::explore(&mut read).unwrap_or_else(|| {
            let ev = &self.base;
            let r = self.read_under(ev);
            ev.take_open();
            vec![(Vec::new(), r)]
        });
        let several = leaves.len() > 1;
        let words = |a: &Assumptions| -> Vec<(String, bool)> {
            a.iter().map(|(t, v)| (t.key.clone(), *v)).collect()
        };
        let absent: Vec<Vec<(String, bool)>> = leaves
            .iter()
            .filter(|(_, r)| r.instances.is_empty())
            .map(|(a, _)| words(a))
            .collect();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let mut why_not = Vec::new();
        for (assumptions, reading) in leaves {
            errors.extend(reading.errors);
            let variant = (several && !assumptions.is_empty()).then(|| {
                Arc::new(Variant {
                    assumptions: words(&assumptions),
                    tests: vec![assumptions.clone()],
                    absent: absent.clone(),
                })
            });
            if let Some(w) = reading.not_created {
                why_not.push(match &variant {
                    Some(v) => format!("{w} when {}", v.words()),
                    None => w,
                });
            }
            for mut a in reading.instances {
                a.variant = variant.clone();
                out.push(a);
            }
        }
        Diagnostic::sort_and_dedup(&mut errors);
        let mut unchecked = Vec::new();
        if out.is_empty() {
            unchecked.push(Unchecked {
                file: self.file,
                address: self.address(),
                resource_type: self.names().1,
                kind: InputKind::Terraform,
                reason: format!("not created with these values: {}", why_not.join("; ")),
                span: self.span(&self.block.head),
            });
        }
        (out, unchecked, errors)
    }

    /// The instances `count` or `for_each` make, each read.
    fn read_under(&self, ev: &Evaluator) -> Reading {
        let mut reading = Reading {
            instances: Vec::new(),
            not_created: None,
            errors: Vec::new(),
        };
        let root = ev.root();
        let base = self.address();
        let mut instances: Vec<(String, Scope)> = Vec::new();
        if let Some(c) = self.block.attr("count") {
            match ev.value(&c.expr, &root) {
                None => instances.push((base.clone(), ev.root())),
                Some(v) => {
                    let n = match &v {
                        Value::Number(n) => n.as_i64(),
                        Value::Bool(b) => Some(*b as i64),
                        Value::String(s) => s.trim().parse().ok().or(match s.as_str() {
                            "true" => Some(1),
                            "false" => Some(0),
                            _ => None,
                        }),
                        _ => None,
                    };
                    match n {
                        None => instances.push((base.clone(), ev.root())),
                        Some(n) if n <= 0 => {
                            reading.not_created =
                                Some(format!("count = {} evaluates to 0", eval::text(&c.expr)));
                            return reading;
                        }
                        Some(n) => {
                            for i in 0..(n as usize).min(MAX_INSTANCES) {
                                let idx = Value::Object(
                                    [("index".to_string(), Value::from(i as u64))]
                                        .into_iter()
                                        .collect(),
                                );
                                instances
                                    .push((format!("{base}[{i}]"), ev.nested(&root, "count", idx)));
                            }
                        }
                    }
                }
            }
        } else if let Some(fe) = self.block.attr("for_each") {
            match ev.value(&fe.expr, &root).map(|v| each(v, true)) {
                Some(Some(items)) if items.is_empty() => {
                    reading.not_created = Some(format!(
                        "for_each = {} evaluates to nothing",
                        eval::text(&fe.expr)
                    ));
                    return reading;
                }
                Some(Some(items)) => {
                    for (k, v) in items.into_iter().take(MAX_INSTANCES) {
                        let key = eval::scalar(&k).unwrap_or_default();
                        let obj = Value::Object(
                            [("key".to_string(), k), ("value".to_string(), v)]
                                .into_iter()
                                .collect(),
                        );
                        instances.push((format!("{base}[{key:?}]"), ev.nested(&root, "each", obj)));
                    }
                }
                _ => instances.push((base.clone(), ev.root())),
            }
        } else {
            instances.push((base, root));
        }
        let (names, ty) = self.names();
        for (address, scope) in instances {
            let body = self.body(ev, &scope, names);
            let mut reader = Reader {
                file: self.file,
                name: self.name,
                names,
                errors: Vec::new(),
            };
            let head = self.span(&self.block.head);
            let read = reader.read(Some(&body), head);
            reading.errors.append(&mut reader.errors);
            reading.instances.push(read.into_aggregator(
                names,
                resolved::Place {
                    kind: InputKind::Terraform,
                    resource_type: ty,
                    file: self.file,
                    address,
                    span: head,
                    extent: self.span(&self.block.span),
                },
            ));
        }
        reading
    }

    /// The resource's body evaluated: attributes, and blocks (a `dynamic`
    /// block as many times as its `for_each` has elements) as lists of objects.
    fn body(&self, ev: &Evaluator, scope: &Scope, names: &Names) -> RNode {
        let mut members: Vec<(String, RNode)> = Vec::new();
        for a in &self.block.attrs {
            if matches!(
                a.key.as_str(),
                "count" | "for_each" | "provider" | "depends_on" | "lifecycle"
            ) {
                continue;
            }
            members.push((a.key.clone(), ev.node(a, scope)));
        }
        if names.dialect == Dialect::TerraformAws {
            let mut lists: BTreeMap<&str, Vec<RNode>> = BTreeMap::new();
            for b in &self.block.blocks {
                match b.ident.as_str() {
                    k @ ("account_aggregation_source" | "organization_aggregation_source") => {
                        lists
                            .entry(k)
                            .or_default()
                            .push(block_node(ev, scope, &b.attrs, &b.span));
                    }
                    "dynamic" => {
                        let Some(label) = b.labels.first() else {
                            continue;
                        };
                        let Some(k) = [
                            "account_aggregation_source",
                            "organization_aggregation_source",
                        ]
                        .into_iter()
                        .find(|k| k == label) else {
                            continue;
                        };
                        lists
                            .entry(k)
                            .or_default()
                            .extend(dynamic(ev, scope, b, label));
                    }
                    _ => {}
                }
            }
            for (k, items) in lists {
                let span = items.first().map_or(0..0, |i| i.span.clone());
                members.push((k.to_string(), RNode::new(RV::List(items), span)));
            }
        }
        RNode::new(RV::Map(members), self.block.span.clone())
    }
}

/// A block's attributes as an object.
fn block_node(ev: &Evaluator, scope: &Scope, attrs: &[TAttr], span: &Range<usize>) -> RNode {
    RNode::new(
        RV::Map(
            attrs
                .iter()
                .map(|a| (a.key.clone(), ev.node(a, scope)))
                .collect(),
        ),
        span.clone(),
    )
}

/// The blocks a `dynamic` block makes: one per element of a known `for_each`,
/// located at the `dynamic` block; an unknown `for_each` makes an unknown
/// number of them.
fn dynamic(ev: &Evaluator, scope: &Scope, b: &TBlock, label: &str) -> Vec<RNode> {
    let Some(content) = b.blocks.iter().find(|c| c.ident == "content") else {
        return Vec::new();
    };
    let iterator = b
        .attr("iterator")
        .map(|a| eval::text(&a.expr))
        .unwrap_or_else(|| label.to_string());
    let items = b
        .attr("for_each")
        .and_then(|fe| ev.value(&fe.expr, scope))
        .and_then(|v| each(v, false));
    match items {
        None => vec![RNode::unknown(b.span.clone())],
        Some(items) => items
            .into_iter()
            .take(MAX_INSTANCES)
            .map(|(k, v)| {
                let it = Value::Object(
                    [("key".to_string(), k), ("value".to_string(), v)]
                        .into_iter()
                        .collect(),
                );
                let inner = ev.nested(scope, &iterator, it);
                block_node(ev, &inner, &content.attrs, &b.span)
            })
            .collect(),
    }
}

/// The elements `for_each` iterates: `(key, value)`; a map's keys are its
/// keys (sorted); a list's are its indexes in a `dynamic` block, and its
/// strings for a resource (which iterates a set).
fn each(v: Value, set: bool) -> Option<Vec<(Value, Value)>> {
    match v {
        Value::Array(items) if set => Some(items.into_iter().map(|v| (v.clone(), v)).collect()),
        Value::Array(items) => Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::from(i as u64), v))
                .collect(),
        ),
        Value::Object(o) => {
            let mut items: Vec<(String, Value)> = o.into_iter().collect();
            items.sort_by(|a, b| a.0.cmp(&b.0));
            Some(
                items
                    .into_iter()
                    .map(|(k, v)| (Value::from(k), v))
                    .collect(),
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
