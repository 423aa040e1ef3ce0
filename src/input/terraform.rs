//! Terraform `.tf` modules and `terraform show -json` plans holding
//! `aws_config_configuration_aggregator`.
//!
//! A module (one directory) is read as a whole: `variable` defaults,
//! `terraform.tfvars` and `*.auto.tfvars`, and `locals` resolve `var.` and
//! `local.` references. Anything else (resource attributes, `each.value`,
//! function calls) is unknown, never assumed.

use super::{Ctx, Parsed};
use crate::context;
use crate::diag::ScanError;
use crate::inventory::*;
use crate::json::{Doc, Kind, Member, Raw};
use crate::source::SourceFile;
use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::{Block, BlockLabel, Body};
use hcl_edit::template::Element;
use hcl_edit::Span as _;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

const RESOURCE: &str = "aws_config_configuration_aggregator";

/// A value Terraform would know before apply.
#[derive(Debug, Clone, PartialEq)]
enum TV {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    List(Vec<TV>),
    Map(Vec<(String, TV)>),
}

impl TV {
    fn as_string(&self) -> Option<String> {
        match self {
            TV::Str(s) | TV::Num(s) => Some(s.clone()),
            TV::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Env {
    vars: HashMap<String, TV>,
    locals: HashMap<String, Expression>,
}

impl Env {
    fn resolve(&self, e: &Expression, depth: usize) -> Option<TV> {
        if depth > 32 {
            return None; // a cycle between locals, or absurd nesting
        }
        match e {
            Expression::Null(_) => Some(TV::Null),
            Expression::Bool(b) => Some(TV::Bool(*b.value())),
            Expression::Number(n) => Some(TV::Num(n.value().to_string())),
            Expression::String(s) => Some(TV::Str(s.value().to_string())),
            Expression::Array(a) => a
                .iter()
                .map(|i| self.resolve(i, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(TV::List),
            Expression::Object(o) => o
                .iter()
                .map(|(k, v)| {
                    let key = match k {
                        ObjectKey::Ident(i) => i.value().to_string(),
                        ObjectKey::Expression(e) => self.resolve(e, depth + 1)?.as_string()?,
                    };
                    Some((key, self.resolve(v.expr(), depth + 1)?))
                })
                .collect::<Option<Vec<_>>>()
                .map(TV::Map),
            Expression::StringTemplate(t) => {
                let mut out = String::new();
                for el in t.iter() {
                    match el {
                        Element::Literal(l) => out.push_str(l.value()),
                        Element::Interpolation(i) => {
                            out.push_str(&self.resolve(&i.expr, depth + 1)?.as_string()?)
                        }
                        Element::Directive(_) => return None,
                    }
                }
                Some(TV::Str(out))
            }
            Expression::Parenthesis(p) => self.resolve(p.inner(), depth + 1),
            Expression::Traversal(t) => {
                let Expression::Variable(root) = &t.expr else {
                    return None;
                };
                let mut ops = t.operators.iter().map(|o| o.value());
                let Some(TraversalOperator::GetAttr(name)) = ops.next() else {
                    return None;
                };
                let mut v = match root.value().as_str() {
                    "var" => self.vars.get(name.value().as_str())?.clone(),
                    "local" => {
                        let e = self.locals.get(name.value().as_str())?;
                        self.resolve(e, depth + 1)?
                    }
                    _ => return None,
                };
                for op in ops {
                    v = match (op, v) {
                        (TraversalOperator::GetAttr(k), TV::Map(m)) => {
                            m.into_iter().find(|(n, _)| n == k.value().as_str())?.1
                        }
                        (TraversalOperator::Index(i), TV::List(l)) => {
                            let i: usize = self.resolve(i, depth + 1)?.as_string()?.parse().ok()?;
                            l.into_iter().nth(i)?
                        }
                        (TraversalOperator::Index(k), TV::Map(m)) => {
                            let k = self.resolve(k, depth + 1)?.as_string()?;
                            m.into_iter().find(|(n, _)| *n == k)?.1
                        }
                        _ => return None,
                    };
                }
                Some(v)
            }
            _ => None,
        }
    }
}

/// Is this JSON text a `terraform show -json` plan or state?
pub fn looks_like_plan(text: &str) -> bool {
    let head = &text[..text.len().min(4096)];
    head.contains("\"format_version\"")
        && (text.contains("\"planned_values\"")
            || text.contains("\"resource_changes\"")
            || text.contains("\"values\""))
}

/// What one file of a module gives: its definitions for the module's
/// environment, its aggregators when they need no environment, and otherwise its
/// parsed body for a second pass.
#[derive(Default)]
struct FilePass {
    vars: Vec<(String, TV)>,
    /// `(is *.auto.tfvars, values)` for tfvars files.
    tfvars: Option<(bool, Vec<(String, TV)>)>,
    locals: Vec<(String, Expression)>,
    aggregators: Vec<Aggregator>,
    errors: Vec<ScanError>,
    deferred: Option<Body>,
}

/// One module: the `.tf` and `.tfvars` files of one directory, sorted by path.
/// Files are parsed in parallel; a file whose aggregators refer to no `var.` or
/// `local.` is read in that same pass, so large modules are parsed once.
pub fn parse_module(files: &[(FileId, &SourceFile)], ctx: &Ctx<'_>) -> Parsed {
    use rayon::prelude::*;
    let empty = Env::default();
    let passes: Vec<FilePass> = files
        .par_iter()
        .map(|(id, f)| first_pass(*id, f, ctx, &empty))
        .collect();

    let mut env = Env::default();
    let mut tfvars = Vec::new();
    for (pass, (_, f)) in passes.iter().zip(files) {
        env.vars.extend(pass.vars.iter().cloned());
        env.locals.extend(pass.locals.iter().cloned());
        if let Some((auto, values)) = &pass.tfvars {
            tfvars.push((*auto, &f.path, values));
        }
    }
    // terraform.tfvars first, then *.auto.tfvars in name order: later wins.
    tfvars.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (_, _, values) in tfvars {
        env.vars.extend(values.iter().cloned());
    }

    let second: Vec<(Vec<Aggregator>, Vec<ScanError>)> = passes
        .par_iter()
        .zip(files)
        .map(|(pass, (id, f))| match &pass.deferred {
            Some(body) => read_aggregators(*id, f, body, ctx, &env),
            None => (Vec::new(), Vec::new()),
        })
        .collect();
    let mut out = Parsed {
        kind: Some("terraform"),
        ..Parsed::default()
    };
    for (pass, (mut aggs, mut errs)) in passes.into_iter().zip(second) {
        out.errors.extend(pass.errors);
        out.inventory.aggregators.extend(pass.aggregators);
        out.inventory.aggregators.append(&mut aggs);
        out.errors.append(&mut errs);
    }
    out
}

fn first_pass(id: FileId, f: &SourceFile, ctx: &Ctx<'_>, empty: &Env) -> FilePass {
    let mut pass = FilePass::default();
    let name = f
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // Only aggregators, variables and locals are read: the other blocks of a
    // `.tf` file become white space before parsing (when their bounds are
    // certain), which keeps every offset and saves most of the parse.
    let masked = (!name.ends_with(".tfvars"))
        .then(|| super::hcl_blocks::masked(&f.text, |b| read_block(b.ident, b.label)))
        .flatten();
    let body = match hcl_edit::parser::parse_body(masked.as_deref().unwrap_or(&f.text)) {
        Ok(b) => b,
        Err(e) => {
            let at = e.location().offset().min(f.text.len());
            pass.errors.push(ScanError::at(
                &f.name,
                id,
                at..at + 1,
                format!("invalid HCL: {}", e.message()),
            ));
            return pass;
        }
    };
    if name.ends_with(".tfvars") {
        let values = body
            .attributes()
            .filter_map(|a| Some((a.key.value().to_string(), empty.resolve(&a.value, 0)?)))
            .collect();
        pass.tfvars = Some((name != "terraform.tfvars", values));
        return pass;
    }
    for block in body.blocks() {
        match (block.ident.value().as_str(), label(block, 0)) {
            ("variable", Some(var)) => {
                if let Some(v) = block
                    .body
                    .get_attribute("default")
                    .and_then(|d| empty.resolve(&d.value, 0))
                {
                    pass.vars.push((var, v));
                }
            }
            ("locals", _) => {
                for a in block.body.attributes() {
                    pass.locals
                        .push((a.key.value().to_string(), a.value.clone()));
                }
            }
            _ => {}
        }
    }
    if !f.text.contains(RESOURCE) {
        return pass;
    }
    if f.text.contains("var.") || f.text.contains("local.") {
        pass.deferred = Some(body);
    } else {
        let (aggs, errs) = read_aggregators(id, f, &body, ctx, empty);
        pass.aggregators = aggs;
        pass.errors.extend(errs);
    }
    pass
}

/// The blocks a module is read for: aggregators, variables and locals.
fn read_block(ident: &str, label: Option<&str>) -> bool {
    matches!(ident, "variable" | "locals") || (ident == "resource" && label == Some(RESOURCE))
}

fn read_aggregators(
    id: FileId,
    f: &SourceFile,
    body: &Body,
    ctx: &Ctx<'_>,
    env: &Env,
) -> (Vec<Aggregator>, Vec<ScanError>) {
    let region = context::region_in_path(std::path::Path::new(&f.name))
        .map(|r| (r, "path"))
        .or_else(|| ctx.region.map(|r| (r.to_string(), "flag")));
    let mut r = Reader {
        file: id,
        name: &f.name,
        env,
        errors: Vec::new(),
    };
    let mut out = Vec::new();
    for block in body.blocks() {
        if block.ident.value().as_str() == "resource"
            && label(block, 0).as_deref() == Some(RESOURCE)
        {
            let mut a = r.aggregator(block);
            if let Some((reg, from)) = &region {
                a.region = Some(reg.clone());
                a.region_from = Some(from);
            }
            out.push(a);
        }
    }
    (out, r.errors)
}

fn label(block: &Block, i: usize) -> Option<String> {
    block.labels.get(i).map(|l| match l {
        BlockLabel::Ident(i) => i.value().to_string(),
        BlockLabel::String(s) => s.value().to_string(),
    })
}

struct Reader<'a> {
    file: FileId,
    name: &'a str,
    env: &'a Env,
    errors: Vec<ScanError>,
}

impl Reader<'_> {
    fn span(&self, r: Option<Range<usize>>) -> Span {
        Span::new(self.file, r.unwrap_or(0..0))
    }

    fn aggregator(&mut self, block: &Block) -> Aggregator {
        // The resource's header line: `resource "aws_config_configuration_aggregator" "x"`.
        let head = match (
            block.ident.span(),
            block.labels.last().and_then(|l| l.span()),
        ) {
            (Some(a), Some(b)) => Some(a.start..b.end),
            (a, _) => a,
        };
        let span = self.span(head);
        let body = &block.body;
        let name = match body.get_attribute("name") {
            Some(a) => self.string(&a.value),
            None => Field::missing(span),
        };
        let mut account_sources = Vec::new();
        let mut organization_source = None;
        for b in body.blocks() {
            match b.ident.value().as_str() {
                "account_aggregation_source" => {
                    account_sources.push(self.account_source(&b.body, b.span()))
                }
                "organization_aggregation_source" => {
                    organization_source = Some(self.org_source(&b.body, b.span()))
                }
                "dynamic" => {
                    let content = b
                        .body
                        .blocks()
                        .find(|c| c.ident.value().as_str() == "content");
                    let Some(content) = content else { continue };
                    match label(b, 0).as_deref() {
                        Some("account_aggregation_source") => {
                            account_sources.push(self.account_source(&content.body, b.span()))
                        }
                        Some("organization_aggregation_source") => {
                            organization_source = Some(self.org_source(&content.body, b.span()))
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        let tags = match body.get_attribute("tags") {
            None => Field::missing(span),
            Some(a) => {
                let s = self.span(a.value.span());
                match (&a.value, self.env.resolve(&a.value, 0)) {
                    (_, Some(TV::Map(m))) => Field::given(
                        m.into_iter()
                            .map(|(k, v)| Tag {
                                key: Field::given(k, s),
                                value: v
                                    .as_string()
                                    .map_or(Field::unknown(s), |v| Field::given(v, s)),
                            })
                            .collect(),
                        s,
                    ),
                    _ => Field::unknown(s),
                }
            }
        };
        Aggregator {
            name,
            kind: "terraform",
            file: self.file,
            address: format!("{RESOURCE}.{}", label(block, 1).unwrap_or_default()),
            arn: None,
            account: None,
            region: None,
            region_from: None,
            account_sources,
            organization_source,
            tags,
            span,
            extent: self.span(block.span()),
            ignores: Vec::new(),
        }
    }

    fn common(&mut self, body: &Body, span: Span) -> (Field<bool>, Field<Vec<Field<String>>>) {
        let all = match body.get_attribute("all_regions") {
            Some(a) => self.boolean(&a.value, "all_regions"),
            None => Field::missing(span),
        };
        let regions = match body.get_attribute("regions") {
            Some(a) => self.list(&a.value),
            None => Field::missing(span),
        };
        (all, regions)
    }

    fn account_source(&mut self, body: &Body, block: Option<Range<usize>>) -> AccountSource {
        let span = self.span(block);
        let (all_regions, regions) = self.common(body, span);
        let account_ids = match body.get_attribute("account_ids") {
            Some(a) => self.list(&a.value),
            None => Field::missing(span),
        };
        AccountSource {
            account_ids,
            all_regions,
            regions,
            span,
        }
    }

    fn org_source(&mut self, body: &Body, block: Option<Range<usize>>) -> OrganizationSource {
        let span = self.span(block);
        let (all_regions, regions) = self.common(body, span);
        let role_arn = match body.get_attribute("role_arn") {
            Some(a) => self.string(&a.value),
            None => Field::missing(span),
        };
        OrganizationSource {
            role_arn,
            all_regions,
            regions,
            span,
        }
    }

    fn string(&mut self, e: &Expression) -> Field<String> {
        let span = self.span(e.span());
        match self.env.resolve(e, 0) {
            Some(TV::Null) => Field::missing(span),
            Some(v) => match v.as_string() {
                Some(s) => Field::given(s, span),
                None => {
                    self.error(span, "expected a string".into());
                    Field::unknown(span)
                }
            },
            None => Field::unknown(span),
        }
    }

    /// Terraform converts "true"/"false" strings to booleans.
    fn boolean(&mut self, e: &Expression, what: &str) -> Field<bool> {
        let span = self.span(e.span());
        match self.env.resolve(e, 0) {
            None => Field::unknown(span),
            Some(TV::Bool(b)) => Field::given(b, span),
            Some(TV::Null) => Field::missing(span),
            Some(TV::Str(s)) if s == "true" || s == "false" => Field::given(s == "true", span),
            Some(other) => {
                self.error(
                    span,
                    format!("{what} must be true or false, found {}", describe(&other)),
                );
                Field::unknown(span)
            }
        }
    }

    fn list(&mut self, e: &Expression) -> Field<Vec<Field<String>>> {
        let span = self.span(e.span());
        // A literal list: each element keeps its own span.
        if let Expression::Array(items) = e {
            return Field::given(items.iter().map(|i| self.string(i)).collect(), span);
        }
        match self.env.resolve(e, 0) {
            None => Field::unknown(span),
            Some(TV::Null) => Field::missing(span),
            Some(TV::List(items)) => Field::given(
                items
                    .into_iter()
                    .map(|i| {
                        i.as_string()
                            .map_or(Field::unknown(span), |s| Field::given(s, span))
                    })
                    .collect(),
                span,
            ),
            Some(other) => {
                self.error(
                    span,
                    format!("expected a list of strings, found {}", describe(&other)),
                );
                Field::unknown(span)
            }
        }
    }

    fn error(&mut self, span: Span, message: String) {
        self.errors.push(ScanError::at(
            self.name,
            self.file,
            span.start as usize..span.end as usize,
            message,
        ));
    }
}

fn describe(v: &TV) -> &'static str {
    match v {
        TV::Null => "null",
        TV::Bool(_) => "a boolean",
        TV::Num(_) => "a number",
        TV::Str(_) => "a string",
        TV::List(_) => "a list",
        TV::Map(_) => "an object",
    }
}

// ---------------------------------------------------------------- plans

/// A plan or state JSON: aggregators from `planned_values` (or state `values`), with
/// `resource_changes[].change.after_unknown` marking values known only after apply.
pub fn parse_plan(id: FileId, file: &SourceFile, ctx: &Ctx<'_>) -> Parsed {
    let mut out = Parsed {
        kind: Some("terraform-plan"),
        ..Parsed::default()
    };
    let (doc, root) = match Doc::parse(&file.text) {
        Ok(ok) => ok,
        Err(e) => {
            out.errors.push(ScanError::at(
                &file.name,
                id,
                e.offset..e.offset + 1,
                e.message,
            ));
            return out;
        }
    };
    let top = members(&doc, root);
    let mut unknown: HashMap<String, Raw<'_>> = HashMap::new();
    if let Some(changes) = get(&top, "resource_changes").and_then(|r| doc.array(r, "x").ok()) {
        for c in changes {
            let m = members(&doc, c);
            let Some(addr) = get(&m, "address").and_then(|a| doc.string(a, "x").ok()) else {
                continue;
            };
            if let Some(u) = get(&m, "change")
                .map(|ch| members(&doc, ch))
                .and_then(|ch| get(&ch, "after_unknown"))
            {
                unknown.insert(addr.into_owned(), u);
            }
        }
    }
    let region = context::region_in_path(std::path::Path::new(&file.name))
        .map(|r| (r, "path"))
        .or_else(|| ctx.region.map(|r| (r.to_string(), "flag")));
    let mut reader = PlanReader {
        doc: &doc,
        file: id,
        unknown: &unknown,
        found: BTreeMap::new(),
    };
    for key in ["planned_values", "values"] {
        if let Some(v) = get(&top, key) {
            let m = members(&doc, v);
            if let Some(root_module) = get(&m, "root_module") {
                reader.module(root_module, 0);
            }
        }
    }
    // A plan without planned values: read each change's `after`.
    if let Some(changes) = get(&top, "resource_changes").and_then(|r| doc.array(r, "x").ok()) {
        for c in changes {
            let m = members(&doc, c);
            let ty = get(&m, "type").and_then(|t| doc.string(t, "x").ok());
            let addr = get(&m, "address").and_then(|t| doc.string(t, "x").ok());
            let after = get(&m, "change")
                .map(|ch| members(&doc, ch))
                .and_then(|ch| get(&ch, "after"))
                .filter(|a| Kind::of(*a) == Kind::Object);
            if let (Some(ty), Some(addr), Some(after)) = (ty, addr, after) {
                if ty == RESOURCE && !reader.found.contains_key(addr.as_ref()) {
                    let a = reader.aggregator(&addr, c, after);
                    reader.found.insert(addr.into_owned(), a);
                }
            }
        }
    }
    for (_, mut a) in reader.found {
        if let Some((r, from)) = &region {
            a.region = Some(r.clone());
            a.region_from = Some(from);
        }
        out.inventory.aggregators.push(a);
    }
    out
}

fn members<'a>(doc: &Doc<'a>, raw: Raw<'a>) -> Vec<Member<'a>> {
    doc.object(raw, "x").unwrap_or_default()
}

fn get<'a>(m: &[Member<'a>], key: &str) -> Option<Raw<'a>> {
    m.iter().find(|m| m.key == key).map(|m| m.value)
}

struct PlanReader<'d, 'a> {
    doc: &'d Doc<'a>,
    file: FileId,
    unknown: &'d HashMap<String, Raw<'a>>,
    found: BTreeMap<String, Aggregator>,
}

impl<'a> PlanReader<'_, 'a> {
    fn span(&self, raw: Raw<'_>) -> Span {
        Span::new(self.file, self.doc.span(raw))
    }

    fn module(&mut self, raw: Raw<'a>, depth: usize) {
        if depth > 64 {
            return;
        }
        let m = members(self.doc, raw);
        if let Some(rs) = get(&m, "resources").and_then(|r| self.doc.array(r, "x").ok()) {
            for r in rs {
                let rm = members(self.doc, r);
                let ty = get(&rm, "type").and_then(|t| self.doc.string(t, "x").ok());
                let addr = get(&rm, "address").and_then(|t| self.doc.string(t, "x").ok());
                let values = get(&rm, "values");
                if let (Some(ty), Some(addr), Some(values)) = (ty, addr, values) {
                    if ty == RESOURCE && !self.found.contains_key(addr.as_ref()) {
                        let a = self.aggregator(&addr, r, values);
                        self.found.insert(addr.into_owned(), a);
                    }
                }
            }
        }
        if let Some(children) = get(&m, "child_modules").and_then(|c| self.doc.array(c, "x").ok()) {
            for c in children {
                self.module(c, depth + 1);
            }
        }
    }

    /// Is `path` known only after apply?
    fn after_unknown(&self, addr: &str, path: &[&str]) -> bool {
        let Some(mut u) = self.unknown.get(addr).copied() else {
            return false;
        };
        for p in path {
            u = match Kind::of(u) {
                Kind::Object => match get(&members(self.doc, u), p) {
                    Some(v) => v,
                    None => return false,
                },
                Kind::Array => match p
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.doc.array(u, "x").ok().and_then(|a| a.get(i).copied()))
                {
                    Some(v) => v,
                    None => return false,
                },
                _ => return false,
            };
        }
        u.get() == "true"
    }

    fn aggregator(&mut self, addr: &str, resource: Raw<'a>, values: Raw<'a>) -> Aggregator {
        let span = self.span(resource);
        let vm = members(self.doc, values);
        let name = self.string(addr, &["name"], get(&vm, "name"), span);
        let mut account_sources = Vec::new();
        if let Some(list) =
            get(&vm, "account_aggregation_source").and_then(|l| self.doc.array(l, "x").ok())
        {
            for (i, s) in list.into_iter().enumerate() {
                let idx = i.to_string();
                let base = ["account_aggregation_source", idx.as_str()];
                let sm = members(self.doc, s);
                let ss = self.span(s);
                account_sources.push(AccountSource {
                    account_ids: self.list(
                        addr,
                        &[&base[..], &["account_ids"]].concat(),
                        get(&sm, "account_ids"),
                        ss,
                    ),
                    all_regions: self.boolean(
                        addr,
                        &[&base[..], &["all_regions"]].concat(),
                        get(&sm, "all_regions"),
                        ss,
                    ),
                    regions: self.list(
                        addr,
                        &[&base[..], &["regions"]].concat(),
                        get(&sm, "regions"),
                        ss,
                    ),
                    span: ss,
                });
            }
        }
        let organization_source = get(&vm, "organization_aggregation_source")
            .and_then(|l| self.doc.array(l, "x").ok())
            .and_then(|l| l.first().copied())
            .map(|s| {
                let base = ["organization_aggregation_source", "0"];
                let sm = members(self.doc, s);
                let ss = self.span(s);
                OrganizationSource {
                    role_arn: self.string(
                        addr,
                        &[&base[..], &["role_arn"]].concat(),
                        get(&sm, "role_arn"),
                        ss,
                    ),
                    all_regions: self.boolean(
                        addr,
                        &[&base[..], &["all_regions"]].concat(),
                        get(&sm, "all_regions"),
                        ss,
                    ),
                    regions: self.list(
                        addr,
                        &[&base[..], &["regions"]].concat(),
                        get(&sm, "regions"),
                        ss,
                    ),
                    span: ss,
                }
            });
        Aggregator {
            name,
            kind: "terraform-plan",
            file: self.file,
            address: addr.to_string(),
            arn: None,
            account: None,
            region: None,
            region_from: None,
            account_sources,
            organization_source,
            tags: Field::missing(span),
            span,
            extent: span,
            ignores: Vec::new(),
        }
    }

    fn absent<T>(
        &self,
        addr: &str,
        path: &[&str],
        raw: Option<Raw<'a>>,
        enclosing: Span,
    ) -> Field<T> {
        match raw {
            Some(r) if self.after_unknown(addr, path) => {
                Field::unknown_as(self.span(r), "(known after apply)")
            }
            None if self.after_unknown(addr, path) => {
                Field::unknown_as(enclosing, "(known after apply)")
            }
            Some(r) => Field::missing(self.span(r)),
            None => Field::missing(enclosing),
        }
    }

    fn string(
        &self,
        addr: &str,
        path: &[&str],
        raw: Option<Raw<'a>>,
        enclosing: Span,
    ) -> Field<String> {
        match raw {
            Some(r) if Kind::of(r) == Kind::String => match self.doc.string(r, "x") {
                Ok(s) => Field::given(s.into_owned(), self.span(r)),
                Err(_) => Field::unknown(self.span(r)),
            },
            _ => self.absent(addr, path, raw, enclosing),
        }
    }

    fn boolean(
        &self,
        addr: &str,
        path: &[&str],
        raw: Option<Raw<'a>>,
        enclosing: Span,
    ) -> Field<bool> {
        match raw {
            Some(r) if Kind::of(r) == Kind::Bool => Field::given(r.get() == "true", self.span(r)),
            _ => self.absent(addr, path, raw, enclosing),
        }
    }

    fn list(
        &self,
        addr: &str,
        path: &[&str],
        raw: Option<Raw<'a>>,
        enclosing: Span,
    ) -> Field<Vec<Field<String>>> {
        match raw.map(|r| (r, self.doc.array(r, "x"))) {
            Some((r, Ok(items))) => Field::given(
                items
                    .into_iter()
                    .map(|i| match self.doc.string(i, "x") {
                        Ok(s) => Field::given(s.into_owned(), self.span(i)),
                        Err(_) => Field::unknown(self.span(i)),
                    })
                    .collect(),
                self.span(r),
            ),
            _ => self.absent(addr, path, raw, enclosing),
        }
    }
}

/// Plan aggregators whose address matches a `.tf` aggregator of the same scan are
/// reported at the `.tf` lines (the plan's values are the more exact, so they are
/// kept); the `.tf` reading of that resource is then dropped.
pub fn relocate_plan_findings(aggregators: &mut Vec<Aggregator>, files: &[SourceFile]) {
    if !aggregators.iter().any(|a| a.kind == "terraform-plan") {
        return;
    }
    // A plan belongs to the module in its own directory.
    let dir = |id: FileId| {
        files
            .get(id as usize)
            .and_then(|f| f.path.parent())
            .map(|p| p.to_path_buf())
    };
    type Key = (Option<std::path::PathBuf>, String);
    let tf: HashMap<Key, Aggregator> = aggregators
        .iter()
        .filter(|a| a.kind == "terraform")
        .map(|a| ((dir(a.file), a.address.clone()), a.clone()))
        .collect();
    let mut replaced = std::collections::HashSet::new();
    for a in aggregators
        .iter_mut()
        .filter(|a| a.kind == "terraform-plan")
    {
        let key = (dir(a.file), a.address.clone());
        let Some(t) = tf.get(&key) else {
            continue;
        };
        replaced.insert(key);
        a.file = t.file;
        a.span = t.span;
        a.extent = t.extent;
        a.name.span = t.name.span;
        a.tags.span = t.tags.span;
        for (i, s) in a.account_sources.iter_mut().enumerate() {
            let ts = t.account_sources.get(i);
            let block = ts.map_or(t.span, |x| x.span);
            s.span = block;
            s.account_ids.span = ts.map_or(block, |x| x.account_ids.span);
            relocate_list(&mut s.account_ids, ts.map(|x| &x.account_ids), block);
            s.all_regions.span = ts.map_or(block, |x| x.all_regions.span);
            s.regions.span = ts.map_or(block, |x| x.regions.span);
            relocate_list(&mut s.regions, ts.map(|x| &x.regions), block);
        }
        if let Some(o) = a.organization_source.as_mut() {
            let to = t.organization_source.as_ref();
            let block = to.map_or(t.span, |x| x.span);
            o.span = block;
            o.role_arn.span = to.map_or(block, |x| x.role_arn.span);
            o.all_regions.span = to.map_or(block, |x| x.all_regions.span);
            o.regions.span = to.map_or(block, |x| x.regions.span);
            relocate_list(&mut o.regions, to.map(|x| &x.regions), block);
        }
    }
    aggregators.retain(|a| {
        !(a.kind == "terraform" && replaced.contains(&(dir(a.file), a.address.clone())))
    });
}

fn relocate_list(
    plan: &mut Field<Vec<Field<String>>>,
    tf: Option<&Field<Vec<Field<String>>>>,
    block: Span,
) {
    let whole = tf.map_or(block, |t| t.span);
    if let Some(items) = plan.value.as_mut() {
        for (i, item) in items.iter_mut().enumerate() {
            item.span = tf
                .and_then(|t| t.value.as_ref())
                .and_then(|v| v.get(i))
                .map_or(whole, |f| f.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(files: &[(&str, &str)]) -> (Vec<SourceFile>, Parsed) {
        let sources: Vec<SourceFile> = files
            .iter()
            .map(|(n, t)| SourceFile::new(n.into(), t.to_string()))
            .collect();
        let refs: Vec<(FileId, &SourceFile)> = sources
            .iter()
            .enumerate()
            .map(|(i, f)| (i as FileId, f))
            .collect();
        let p = parse_module(&refs, &Ctx::default());
        (sources, p)
    }

    fn at(f: &SourceFile, s: Span) -> (usize, usize) {
        let lc = f.line_col(s.start as usize);
        (lc.line, lc.column)
    }

    #[test]
    fn kics_positive() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/kics/terraform/positive.tf"
        ))
        .unwrap();
        let (f, p) = module(&[("positive.tf", &text)]);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let a = &p.inventory.aggregators;
        assert_eq!(a.len(), 2);
        assert_eq!(
            a[0].address,
            "aws_config_configuration_aggregator.positive1"
        );
        let s = &a[0].account_sources[0];
        assert!(!s.all_regions.explicit);
        assert_eq!(at(&f[0], s.all_regions.span), (4, 3));
        let o = a[1].organization_source.as_ref().unwrap();
        assert_eq!(o.all_regions.value, Some(false));
        assert_eq!(at(&f[0], o.all_regions.span), (16, 19));
        assert!(!o.role_arn.known && o.role_arn.explicit);
    }

    #[test]
    fn variables_tfvars_locals_dynamic() {
        let main = r#"
locals {
  regions = ["eu-west-1", var.extra]
}
resource "aws_config_configuration_aggregator" "a" {
  name = "agg-${var.env}"
  account_aggregation_source {
    account_ids = var.accounts
    all_regions = var.all
    regions     = local.regions
  }
}
resource "aws_config_configuration_aggregator" "b" {
  for_each = toset(["x"])
  name     = each.key
  dynamic "account_aggregation_source" {
    for_each = var.sources
    content {
      account_ids = account_aggregation_source.value.ids
      all_regions = "false"
    }
  }
}
"#;
        let vars = r#"
variable "env" { default = "dev" }
variable "all" {
  type    = bool
  default = true
}
variable "accounts" { default = ["111122223333"] }
variable "extra" { default = "us-east-1" }
"#;
        let (_, p) = module(&[
            ("main.tf", main),
            ("variables.tf", vars),
            ("terraform.tfvars", "all = false\nenv = \"prod\"\n"),
        ]);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let a = &p.inventory.aggregators[0];
        assert_eq!(a.name.value.as_deref(), Some("agg-prod"));
        let s = &a.account_sources[0];
        assert_eq!(s.all_regions.value, Some(false));
        let regions: Vec<_> = s
            .regions
            .value
            .as_ref()
            .unwrap()
            .iter()
            .map(|r| r.value.clone().unwrap())
            .collect();
        assert_eq!(regions, ["eu-west-1", "us-east-1"]);
        assert_eq!(
            s.account_ids.value.as_ref().unwrap()[0].value.as_deref(),
            Some("111122223333")
        );
        let b = &p.inventory.aggregators[1];
        assert!(!b.name.known);
        let d = &b.account_sources[0];
        assert!(!d.account_ids.known);
        assert_eq!(d.all_regions.value, Some(false));
    }

    #[test]
    fn errors_are_located() {
        let (f, p) = module(&[(
            "bad.tf",
            "resource \"aws_config_configuration_aggregator\" \"x\" {\n  account_aggregation_source {\n    all_regions = \"maybe\"\n  }\n}\n",
        )]);
        assert_eq!(p.errors.len(), 1);
        let lc = f[0].line_col(p.errors[0].span.clone().unwrap().start);
        assert_eq!((lc.line, lc.column), (3, 19));
        let (_, p) = module(&[("broken.tf", "resource \"x\" {\n  a = \n")]);
        assert!(p.errors[0].message.starts_with("invalid HCL"));
    }

    #[test]
    fn plan_with_child_modules_and_unknowns() {
        let plan = r#"{"format_version": "1.2",
 "planned_values": {"root_module": {"child_modules": [{"resources": [
   {"address": "module.m.aws_config_configuration_aggregator.x", "type": "aws_config_configuration_aggregator", "name": "x",
    "values": {"name": "x", "account_aggregation_source": [],
               "organization_aggregation_source": [{"all_regions": false, "regions": ["us-east-1"]}]}}]}]}},
 "resource_changes": [{"address": "module.m.aws_config_configuration_aggregator.x",
   "change": {"after_unknown": {"organization_aggregation_source": [{"role_arn": true}]}}}]}"#;
        assert!(looks_like_plan(plan));
        let f = SourceFile::new("plan.json".into(), plan.into());
        let p = parse_plan(0, &f, &Ctx::default());
        assert!(p.errors.is_empty());
        let a = &p.inventory.aggregators[0];
        assert_eq!(a.address, "module.m.aws_config_configuration_aggregator.x");
        let o = a.organization_source.as_ref().unwrap();
        assert_eq!(o.all_regions.value, Some(false));
        assert!(
            !o.role_arn.known,
            "known after apply is unknown, not missing"
        );
    }
}
