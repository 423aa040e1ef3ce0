//! What CloudFormation would make of a template before it creates anything:
//! parameter values (the user's, else defaults), `Conditions`, `Fn::If` and
//! `AWS::NoValue`, `Fn::FindInMap`, `Fn::Select`, `Fn::Split`, `Fn::Join` and
//! `Fn::Sub`. What exists only at deploy time (`Fn::GetAtt`, pseudo parameters,
//! a parameter with no value) is unknown; a condition that depends on it is
//! decided only under an assumption (see [`super::super::resolved::explore`]).

use crate::input::resolved::{RNode, RV};
use crate::input::yaml::{N, V};
use crate::model::{Assumptions, Test};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

/// Nesting of values and intrinsics beyond which a value is unknown.
const MAX_DEPTH: usize = 32;

/// A declared parameter and the value it takes.
#[derive(Debug, Clone)]
pub(crate) struct Param<'t> {
    pub ty: String,
    pub default: Option<&'t N>,
    /// A value the user gave (`--parameter`, a parameter file) and where from.
    pub given: Option<(String, String)>,
}

impl Param<'_> {
    fn is_list(&self) -> bool {
        self.ty.starts_with("List<") || self.ty == "CommaDelimitedList"
    }
}

/// A template's parameters, conditions and mappings.
#[derive(Debug, Default)]
pub(crate) struct Template<'t> {
    pub params: BTreeMap<String, Param<'t>>,
    pub conditions: HashMap<String, &'t N>,
    pub mappings: Option<&'t N>,
}

/// One evaluation under a set of assumptions. It records the tests it could
/// not decide (`open`) and the named conditions an assumption decided (`used`),
/// which name the reading in messages.
pub(crate) struct Eval<'t> {
    pub t: &'t Template<'t>,
    pub assumptions: &'t Assumptions,
    pub open: RefCell<Vec<Test>>,
    pub used: RefCell<BTreeMap<String, bool>>,
    /// How many undecided tests an assumption has decided so far.
    consulted: Cell<usize>,
    /// Named conditions evaluated, each once: a condition referenced many times
    /// costs one evaluation, and one that refers to itself (through
    /// `Condition`, or an `Fn::If` in a parameter default) is undecided, not an
    /// endless recursion.
    conditions: RefCell<HashMap<String, Named>>,
}

/// A named condition's evaluation.
#[derive(Clone, Copy)]
enum Named {
    InProgress,
    /// Its value, and whether an assumption decided it.
    Done(Option<bool>, bool),
}

impl<'t> Eval<'t> {
    pub(crate) fn new(t: &'t Template<'t>, assumptions: &'t Assumptions) -> Self {
        Eval {
            t,
            assumptions,
            open: RefCell::default(),
            used: RefCell::default(),
            consulted: Cell::new(0),
            conditions: RefCell::default(),
        }
    }

    /// A named condition, as the resource's `Condition` or `Fn::If` uses it:
    /// `None` when it cannot be decided.
    pub(crate) fn condition(&self, name: &str) -> Option<bool> {
        self.condition_at(name, 0)
    }

    fn condition_at(&self, name: &str, depth: usize) -> Option<bool> {
        let before = self.consulted.get();
        let v = self.named(name, depth);
        if self.consulted.get() > before {
            if let Some(v) = v {
                self.used.borrow_mut().insert(name.to_string(), v);
            }
        }
        v
    }

    fn named(&self, name: &str, depth: usize) -> Option<bool> {
        let known = self.conditions.borrow().get(name).copied();
        match known {
            Some(Named::InProgress) => return None,
            Some(Named::Done(v, assumed)) => {
                // As if evaluated again: an assumption it needed names the reading.
                if assumed {
                    self.consulted.set(self.consulted.get() + 1);
                }
                return v;
            }
            None => {}
        }
        let n = self.t.conditions.get(name)?;
        self.conditions
            .borrow_mut()
            .insert(name.to_string(), Named::InProgress);
        let before = self.consulted.get();
        let v = self.test(n, depth + 1);
        let assumed = self.consulted.get() > before;
        self.conditions
            .borrow_mut()
            .insert(name.to_string(), Named::Done(v, assumed));
        v
    }

    /// A condition expression: `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `Condition`.
    fn test(&self, n: &N, depth: usize) -> Option<bool> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (f, arg) = n.intrinsic()?;
        let items = match &arg.v {
            V::Seq(items) => items.as_slice(),
            _ => &[],
        };
        match f {
            "Condition" => match &arg.v {
                V::Str(name) => self.named(name, depth),
                _ => None,
            },
            "Fn::Not" => self.test(items.first()?, depth + 1).map(|b| !b),
            // Undecided parts leave the whole undecided unless another decides it.
            "Fn::And" | "Fn::Or" => {
                let stop = f == "Fn::Or";
                let mut undecided = false;
                for i in items {
                    match self.test(i, depth + 1) {
                        Some(b) if b == stop => return Some(stop),
                        Some(_) => {}
                        None => undecided = true,
                    }
                }
                (!undecided).then_some(!stop)
            }
            "Fn::Equals" if items.len() == 2 => self.equals(&items[0], &items[1], depth),
            _ => None,
        }
    }

    fn equals(&self, a: &N, b: &N, depth: usize) -> Option<bool> {
        let (ra, rb) = (self.resolve(a, depth + 1), self.resolve(b, depth + 1));
        let (sa, sb) = (
            ra.as_ref().and_then(RNode::scalar),
            rb.as_ref().and_then(RNode::scalar),
        );
        if let (Some(x), Some(y)) = (&sa, &sb) {
            return Some(x == y);
        }
        // One side unknown: a test to decide under an assumption.
        let test = match (sa, sb) {
            (Some(lit), None) => equality(b, &lit),
            (None, Some(lit)) => equality(a, &lit),
            _ => Test {
                key: format!("{} == {}", words(a), words(b)),
                equality: None,
            },
        };
        self.consulted.set(self.consulted.get() + 1);
        match self.assumptions.iter().find(|(t, _)| *t == test) {
            Some((_, v)) => Some(*v),
            None => {
                let mut open = self.open.borrow_mut();
                if !open.contains(&test) {
                    open.push(test);
                }
                None
            }
        }
    }

    /// A value with every intrinsic CloudFormation evaluates before deploying
    /// evaluated; `None` for `AWS::NoValue` (the property or item is removed).
    pub(crate) fn resolve(&self, n: &N, depth: usize) -> Option<RNode> {
        let unknown = || Some(RNode::unknown(n.span.clone()));
        if depth > MAX_DEPTH {
            return unknown();
        }
        let leaf = |v: RV| Some(RNode::new(v, n.span.clone()));
        match &n.v {
            V::Null => leaf(RV::Null),
            V::Bool(b) => leaf(RV::Bool(*b)),
            V::Num(s) => leaf(RV::Num(s.clone())),
            V::Str(s) => leaf(RV::Str(s.clone())),
            V::Seq(items) => leaf(RV::List(
                items
                    .iter()
                    .filter_map(|i| self.resolve(i, depth + 1))
                    .collect(),
            )),
            V::Map(members) => {
                let Some((f, arg)) = n.intrinsic() else {
                    return leaf(RV::Map(
                        members
                            .iter()
                            .filter_map(|(k, _, v)| Some((k.clone(), self.resolve(v, depth + 1)?)))
                            .collect(),
                    ));
                };
                self.intrinsic(n, f, arg, depth).unwrap_or_else(unknown)
            }
        }
    }

    /// `Some(None)`: `AWS::NoValue`; `None`: unknown.
    fn intrinsic(&self, n: &N, f: &str, arg: &N, depth: usize) -> Option<Option<RNode>> {
        let items = match &arg.v {
            V::Seq(items) => items.as_slice(),
            _ => &[],
        };
        let span = n.span.clone();
        let string = |x: &N| self.resolve(x, depth + 1).and_then(|r| r.scalar());
        match f {
            "Ref" => {
                let V::Str(name) = &arg.v else { return None };
                if name == "AWS::NoValue" {
                    return Some(None);
                }
                self.param(name, span, depth).map(Some)
            }
            "Fn::If" if items.len() == 3 => {
                let V::Str(c) = &items[0].v else { return None };
                match self.condition_at(c, depth + 1)? {
                    true => Some(self.resolve(&items[1], depth + 1)),
                    false => Some(self.resolve(&items[2], depth + 1)),
                }
            }
            "Fn::Sub" => {
                let s = match &arg.v {
                    V::Str(s) => self.substitute(s, &HashMap::new(), depth)?,
                    V::Seq(items) if items.len() == 2 => {
                        let V::Str(s) = &items[0].v else { return None };
                        let mut vars = HashMap::new();
                        if let V::Map(m) = &items[1].v {
                            for (k, _, v) in m {
                                vars.insert(k.clone(), string(v));
                            }
                        }
                        self.substitute(s, &vars, depth)?
                    }
                    _ => return None,
                };
                Some(Some(RNode::new(RV::Str(s), span)))
            }
            "Fn::Join" if items.len() == 2 => {
                let delim = string(&items[0])?;
                let parts = self.list(&items[1], depth)?;
                let parts: Option<Vec<String>> = parts.iter().map(RNode::scalar).collect();
                Some(Some(RNode::new(RV::Str(parts?.join(&delim)), span)))
            }
            "Fn::Split" if items.len() == 2 => {
                let delim = string(&items[0])?;
                let s = string(&items[1])?;
                if delim.is_empty() {
                    return None;
                }
                let parts = s
                    .split(delim.as_str())
                    .map(|p| RNode::new(RV::Str(p.to_string()), span.clone()))
                    .collect();
                Some(Some(RNode::new(RV::List(parts), span)))
            }
            "Fn::Select" if items.len() == 2 => {
                let i: usize = string(&items[0])?.trim().parse().ok()?;
                let list = self.list(&items[1], depth)?;
                let mut item = list.into_iter().nth(i)?;
                // The item is where the selection is written.
                if item.span.start < span.start || item.span.end > span.end {
                    item.span = span;
                }
                Some(Some(item))
            }
            "Fn::FindInMap" if items.len() >= 3 => {
                // Unknown keys leave the value unknown, `DefaultValue` included.
                let k: Vec<String> = items[..3].iter().map(string).collect::<Option<_>>()?;
                let found = self
                    .t
                    .mappings
                    .and_then(|m| m.get(&k[0])?.get(&k[1])?.get(&k[2]))
                    .and_then(|v| self.resolve(v, depth + 1));
                let found = found.or_else(|| {
                    // The language extensions' `DefaultValue`.
                    self.resolve(items.get(3)?.get("DefaultValue")?, depth + 1)
                })?;
                Some(Some(RNode { span, ..found }))
            }
            _ => None,
        }
    }

    /// A list value: a literal list, or an intrinsic that gives one.
    fn list(&self, n: &N, depth: usize) -> Option<Vec<RNode>> {
        match self.resolve(n, depth + 1)?.v {
            RV::List(items) => Some(items),
            _ => None,
        }
    }

    /// A parameter's value: the user's, else its default; lists from a
    /// comma-delimited string. Pseudo parameters and logical ids are unknown.
    fn param(&self, name: &str, span: std::ops::Range<usize>, depth: usize) -> Option<RNode> {
        let p = self.t.params.get(name)?;
        let list = |s: &str| {
            RV::List(
                s.split(',')
                    .map(|x| RNode::new(RV::Str(x.trim().to_string()), span.clone()))
                    .collect(),
            )
        };
        if let Some((v, _)) = &p.given {
            let v = if p.is_list() {
                list(v)
            } else {
                RV::Str(v.clone())
            };
            return Some(RNode::new(v, span));
        }
        let d = self.resolve(p.default?, depth + 1)?;
        let v = match d.v {
            RV::Str(s) if p.is_list() => list(&s),
            RV::List(items) => RV::List(
                items
                    .into_iter()
                    .map(|i| RNode {
                        span: span.clone(),
                        ..i
                    })
                    .collect(),
            ),
            RV::Unknown { .. } => return None,
            other => other,
        };
        Some(RNode::new(v, span))
    }

    /// `Fn::Sub`: `${Name}` from the given variables or parameters,
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
                let v = self.param(name, 0..0, depth + 1)?;
                out.push_str(&v.scalar()?);
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Some(out)
    }
}

/// The test `x == lit` for an unknown `x`: an equality on a parameter when `x`
/// is a `Ref`, so that one parameter equals at most one value.
fn equality(x: &N, lit: &str) -> Test {
    let key = format!("{} == {lit}", words(x));
    let equality = match x.intrinsic() {
        Some(("Ref", N { v: V::Str(p), .. })) => Some((p.clone(), lit.to_string())),
        _ => None,
    };
    Test { key, equality }
}

/// A short rendering of a template value for messages: `!Ref Env`, `!GetAtt A.B`.
pub(crate) fn words(n: &N) -> String {
    match &n.v {
        V::Null => "null".into(),
        V::Bool(b) => b.to_string(),
        V::Num(s) | V::Str(s) => s.clone(),
        V::Seq(items) => format!(
            "[{}]",
            items.iter().map(words).collect::<Vec<_>>().join(", ")
        ),
        V::Map(_) => match n.intrinsic() {
            Some(("Ref", a)) => format!("!Ref {}", words(a)),
            Some((f, a)) => {
                let f = f.strip_prefix("Fn::").unwrap_or(f);
                match &a.v {
                    V::Seq(items) if f == "GetAtt" => format!(
                        "!GetAtt {}",
                        items.iter().map(words).collect::<Vec<_>>().join(".")
                    ),
                    _ => format!("!{f} {}", words(a)),
                }
            }
            None => "{…}".into(),
        },
    }
}
