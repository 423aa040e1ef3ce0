//! `terraform show -json` plans and state: the aggregators of `planned_values`
//! (with nested `child_modules`) or state `values`, else of each change's
//! `after`, with `resource_changes[].change.after_unknown` marking what is known
//! only after apply. Values become the same evaluated tree a `.tf` file gives,
//! read by the shared reader.

use super::{AWS, AWSCC};
use crate::diag::Diagnostic;
use crate::input::json::{Doc, Kind, Member, Raw};
use crate::input::resolved::{Names, Place, RNode, Reader, RV, TERRAFORM_AWS, TERRAFORM_AWSCC};
use crate::input::{Ctx, Parsed};
use crate::load::source::SourceFile;
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

/// Is this JSON text a `terraform show -json` plan or state?
pub fn looks_like_plan(text: &str) -> bool {
    // Bytes, not a `str` slice: byte 4096 may fall inside a character.
    let head = &text.as_bytes()[..text.len().min(4096)];
    memchr::memmem::find(head, b"\"format_version\"").is_some()
        && (text.contains("\"planned_values\"")
            || text.contains("\"resource_changes\"")
            || text.contains("\"values\""))
}

pub fn parse_plan(id: FileId, file: &SourceFile, ctx: &Ctx<'_>) -> Parsed {
    let mut out = Parsed {
        kind: Some("terraform-plan"),
        ..Parsed::default()
    };
    let (doc, root) = match Doc::parse(&file.text) {
        Ok(ok) => ok,
        Err(e) => {
            out.errors.push(Diagnostic::at(
                &file.name,
                id,
                e.offset..e.offset + 1,
                e.message,
            ));
            return out;
        }
    };
    let top = members(&doc, root);
    // One pass over the changes, opening only the aggregators': what is known
    // only after apply, and each change's `after`.
    let mut unknown: HashMap<String, Raw<'_>> = HashMap::new();
    let mut afters = Vec::new();
    let changes = get(&top, "resource_changes")
        .and_then(|r| doc.array(r, "x").ok())
        .unwrap_or_default();
    for c in changes {
        let m = members(&doc, c);
        let ty = get(&m, "type").and_then(|t| doc.string(t, "x").ok());
        if ty.as_deref().is_some_and(|t| t != AWS && t != AWSCC) {
            continue;
        }
        let Some(addr) = get(&m, "address").and_then(|a| doc.string(a, "x").ok()) else {
            continue;
        };
        let change = get(&m, "change")
            .map(|ch| members(&doc, ch))
            .unwrap_or_default();
        if let Some(u) = get(&change, "after_unknown") {
            unknown.insert(addr.to_string(), u);
        }
        if let (Some(ty), Some(after)) = (ty, get(&change, "after")) {
            if Kind::of(after) == Kind::Object {
                afters.push((ty.into_owned(), addr.into_owned(), c, after));
            }
        }
    }
    let mut reader = PlanReader {
        doc: &doc,
        file: id,
        name: &file.name,
        unknown: &unknown,
        found: BTreeMap::new(),
        errors: Vec::new(),
    };
    for key in ["planned_values", "values"] {
        if let Some(v) = get(&top, key) {
            let m = members(&doc, v);
            if let Some(root_module) = get(&m, "root_module") {
                reader.module(root_module, 0);
            }
        }
    }
    // A plan without planned values: each change's `after`.
    for (ty, addr, c, after) in afters {
        reader.resource(&ty, &addr, c, after);
    }
    out.errors = std::mem::take(&mut reader.errors);
    for (_, mut a) in reader.found {
        ctx.place_in_region(&file.name, &mut a);
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
    name: &'d str,
    unknown: &'d HashMap<String, Raw<'a>>,
    found: BTreeMap<String, Aggregator>,
    errors: Vec<crate::diag::Diagnostic>,
}

impl<'a> PlanReader<'_, 'a> {
    fn module(&mut self, raw: Raw<'a>, depth: usize) {
        if depth > 64 {
            return;
        }
        let m = members(self.doc, raw);
        if let Some(rs) = get(&m, "resources").and_then(|r| self.doc.array(r, "x").ok()) {
            for r in rs {
                let rm = members(self.doc, r);
                let managed = get(&rm, "mode")
                    .and_then(|t| self.doc.string(t, "x").ok())
                    .is_none_or(|m| m == "managed");
                let ty = get(&rm, "type").and_then(|t| self.doc.string(t, "x").ok());
                let addr = get(&rm, "address").and_then(|t| self.doc.string(t, "x").ok());
                let values = get(&rm, "values");
                if let (true, Some(ty), Some(addr), Some(values)) = (managed, ty, addr, values) {
                    self.resource(&ty, &addr, r, values);
                }
            }
        }
        if let Some(children) = get(&m, "child_modules").and_then(|c| self.doc.array(c, "x").ok()) {
            for c in children {
                self.module(c, depth + 1);
            }
        }
    }

    fn resource(&mut self, ty: &str, addr: &str, resource: Raw<'a>, values: Raw<'a>) {
        let (names, ty): (&Names, &'static str) = match ty {
            AWS => (&TERRAFORM_AWS, AWS),
            AWSCC => (&TERRAFORM_AWSCC, AWSCC),
            _ => return,
        };
        if self.found.contains_key(addr) {
            return;
        }
        let span = Span::new(self.file, self.doc.span(resource));
        let body = self.node(values, self.unknown.get(addr).copied(), 0);
        let mut reader = Reader {
            file: self.file,
            name: self.name,
            names,
            errors: Vec::new(),
        };
        let read = reader.read(Some(&body), span);
        self.errors.append(&mut reader.errors);
        let a = read.into_aggregator(
            names,
            Place {
                kind: InputKind::TerraformPlan,
                resource_type: ty,
                file: self.file,
                address: addr.to_string(),
                span,
                extent: span,
            },
        );
        self.found.insert(addr.to_string(), a);
    }

    /// A value as a tree; where `after_unknown` says `true`, unknown.
    fn node(&self, raw: Raw<'a>, mask: Option<Raw<'a>>, depth: usize) -> RNode {
        let span = self.doc.span(raw);
        if mask.is_some_and(|m| m.get() == "true") || depth > 64 {
            return RNode::new(
                RV::Unknown {
                    note: Some("(known after apply)"),
                },
                span,
            );
        }
        let v = match Kind::of(raw) {
            Kind::Null => RV::Null,
            Kind::Bool => RV::Bool(raw.get() == "true"),
            Kind::Number => RV::Num(raw.get().to_string()),
            Kind::String => match self.doc.string(raw, "x") {
                Ok(s) => RV::Str(s.into_owned()),
                Err(_) => RV::Unknown { note: None },
            },
            Kind::Array => {
                let masks = mask
                    .filter(|m| Kind::of(*m) == Kind::Array)
                    .and_then(|m| self.doc.array(m, "x").ok())
                    .unwrap_or_default();
                RV::List(
                    self.doc
                        .array(raw, "x")
                        .unwrap_or_default()
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| self.node(item, masks.get(i).copied(), depth + 1))
                        .collect(),
                )
            }
            Kind::Object => {
                let masks = mask
                    .filter(|m| Kind::of(*m) == Kind::Object)
                    .map(|m| members(self.doc, m))
                    .unwrap_or_default();
                let mut out: Vec<(String, RNode)> = members(self.doc, raw)
                    .into_iter()
                    .map(|m| {
                        let k = m.key.to_string();
                        let n = self.node(m.value, get(&masks, &k), depth + 1);
                        (k, n)
                    })
                    .collect();
                // Known after apply, and absent from the values: unknown at the enclosing object.
                for m in &masks {
                    if m.value.get() == "true" && !out.iter().any(|(k, _)| *k == m.key) {
                        out.push((
                            m.key.to_string(),
                            RNode::new(
                                RV::Unknown {
                                    note: Some("(known after apply)"),
                                },
                                span.clone(),
                            ),
                        ));
                    }
                }
                RV::Map(out)
            }
        };
        RNode::new(v, span)
    }
}

/// Plan aggregators whose address matches a `.tf` aggregator of the same scan are
/// reported at the `.tf` lines (the plan's values are the more exact, so they are
/// kept); the `.tf` reading of that resource is then dropped.
pub fn relocate_plan_findings(aggregators: &mut Vec<Aggregator>, files: &[SourceFile]) {
    if !aggregators
        .iter()
        .any(|a| a.kind == InputKind::TerraformPlan)
    {
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
        .filter(|a| a.kind == InputKind::Terraform)
        .map(|a| ((dir(a.file), a.address.clone()), a.clone()))
        .collect();
    let mut replaced = std::collections::HashSet::new();
    for a in aggregators
        .iter_mut()
        .filter(|a| a.kind == InputKind::TerraformPlan)
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
        !(a.kind == InputKind::Terraform && replaced.contains(&(dir(a.file), a.address.clone())))
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
