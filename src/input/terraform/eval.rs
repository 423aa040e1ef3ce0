//! Terraform expressions evaluated as `terraform plan` would before it knows
//! any resource: with hcl-rs' evaluator, the module's variables and locals, and
//! the Terraform functions aggregator modules use ([`functions`]).
//!
//! hcl-rs has no notion of a value unknown until apply, so unknown is an
//! evaluation that fails because it reaches something without a value — a
//! variable with none, a resource attribute, `data.`, `module.` — and a value is
//! never guessed. Around the evaluator:
//!
//! - a conditional whose test is unknown is a [`Test`]: the definition is read
//!   once assuming it true and once false ([`crate::input::resolved::explore`]),
//!   and the assumption replaces the conditional before evaluation;
//! - `try` and `can` need their arguments unevaluated, so they are rewritten
//!   before evaluation: an argument that reaches an unknown value leaves the
//!   whole call unknown (Terraform's `try` does not fall back on unknown);
//! - hostile input stays unknown, never a crash or a wrong value: arithmetic
//!   that would divide by zero or overflow, values beyond [`MAX_SIZE`], `for`
//!   expressions nested beyond [`MAX_FOR_NESTING`]; and hcl-rs' own integer
//!   arithmetic (inside `for` bodies and templates) runs under [`guarded`].

use super::syntax::{Items, Shape, TAttr};
use crate::input::resolved::{RNode, RV};
use crate::model::{Assumptions, Test};
use hcl::eval::{Context, Evaluate, FuncArgs, FuncDef, ParamType};
use hcl::expr::{
    BinaryOperator, Conditional, Expression, ObjectKey, Operation, TraversalOperator, UnaryOperator,
};
use hcl::{Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Passes over the locals before those still unevaluated are unknown (a local
/// depends on at most this many others in a chain).
const MAX_LOCAL_PASSES: usize = 16;

/// Items and string bytes a value may hold before it is unknown: far beyond
/// any list of accounts or regions, and it stops locals that double a value
/// pass after pass.
const MAX_SIZE: usize = 100_000;

/// Items a function's argument may hold (deduplicating is quadratic).
const MAX_ARGUMENT: usize = 4_096;

/// `for` expressions inside `for` expressions beyond which the whole is unknown
/// (three nested `for`s over `range(1024)` would be a billion values).
const MAX_FOR_NESTING: usize = 2;

/// hcl-rs, evaluated under a guard: its integer arithmetic panics on a zero
/// divisor or an overflow it meets where the operands are known only during
/// evaluation (a `for` body, a template); that evaluation is unknown.
fn guarded(e: &Expression, ctx: &Context) -> Option<Value> {
    let r = crate::guard::quietly(|| e.evaluate(ctx));
    match r {
        Ok(Ok(v)) if !too_large(&v) => Some(v),
        _ => None,
    }
}

/// Whether a value holds more than [`MAX_SIZE`] items and string bytes.
fn too_large(v: &Value) -> bool {
    fn size(v: &Value, budget: &mut usize) -> bool {
        let own = match v {
            Value::String(s) => s.len(),
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 1,
        };
        if own > *budget {
            return false;
        }
        *budget -= own;
        match v {
            Value::Array(a) => a.iter().all(|i| size(i, budget)),
            Value::Object(o) => o.values().all(|i| size(i, budget)),
            _ => true,
        }
    }
    !size(v, &mut MAX_SIZE.clone())
}

/// An expression that never evaluates: what an operation hcl-rs would get
/// wrong is replaced by it, so it is unknown.
fn unknown_expression() -> Expression {
    Expression::Variable(hcl::expr::Variable::unchecked("aggrego_unknown"))
}

/// How deep `for` expressions nest in `e` (1 for a `for` with none inside).
fn for_nesting(e: &Expression) -> usize {
    use Expression as E;
    let max = |es: &mut dyn Iterator<Item = &Expression>| es.map(for_nesting).max().unwrap_or(0);
    match e {
        E::ForExpr(f) => {
            let inner = [
                Some(&f.collection_expr),
                f.key_expr.as_ref(),
                Some(&f.value_expr),
                f.cond_expr.as_ref(),
            ];
            1 + max(&mut inner.into_iter().flatten())
        }
        E::Array(items) => max(&mut items.iter()),
        E::Object(o) => max(&mut o.values()),
        E::Parenthesis(p) => for_nesting(p),
        E::FuncCall(f) => max(&mut f.args.iter()),
        E::Conditional(c) => max(&mut [&c.cond_expr, &c.true_expr, &c.false_expr].into_iter()),
        E::Operation(op) => match op.as_ref() {
            Operation::Unary(u) => for_nesting(&u.expr),
            Operation::Binary(b) => max(&mut [&b.lhs_expr, &b.rhs_expr].into_iter()),
        },
        _ => 0,
    }
}

/// Whether `l op r` on known numbers would divide by zero or overflow in
/// hcl-rs' integer arithmetic (floats are safe).
fn unsafe_arithmetic(op: BinaryOperator, l: &Value, r: &Value) -> bool {
    use BinaryOperator as B;
    let (Value::Number(l), Value::Number(r)) = (l, r) else {
        return false;
    };
    let int = |n: &hcl::Number| -> Option<i128> {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    let (Some(a), Some(b)) = (int(l), int(r)) else {
        return false;
    };
    let result = match op {
        B::Plus => a.checked_add(b),
        B::Minus => a.checked_sub(b),
        B::Mul => a.checked_mul(b),
        B::Mod => a.checked_rem(b),
        _ => return false,
    };
    !result.is_some_and(|x| x >= i128::from(i64::MIN) && x <= i128::from(u64::MAX))
}

/// Evaluation within one module under one set of assumptions: the module's
/// values (the reading without assumptions is shared by every resource, from
/// every core), and the tests met while reading one resource.
pub struct Evaluator {
    module: std::sync::Arc<Module>,
    open: RefCell<Vec<Test>>,
}

/// A module's variables and locals evaluated under some assumptions.
pub struct Module {
    ctx: Context<'static>,
    /// Names with a value: `var` and `local` (a [`Scope`] adds its own).
    roots: BTreeSet<String>,
    vars: BTreeSet<String>,
    locals: BTreeSet<String>,
    /// Locals without a value, and the tests that would decide them.
    local_tests: BTreeMap<String, Vec<Test>>,
    assumptions: Assumptions,
}

impl std::ops::Deref for Evaluator {
    type Target = Module;
    fn deref(&self) -> &Module {
        &self.module
    }
}

impl Evaluator {
    /// `vars`: the variables with a value; `locals`: the module's locals as written.
    pub fn new(
        vars: &Map<String, Value>,
        locals: &[(String, Expression)],
        assumptions: &Assumptions,
    ) -> Self {
        let mut ctx = Context::new();
        functions(&mut ctx);
        ctx.declare_var("var", Value::Object(vars.clone()));
        ctx.declare_var("local", Value::Object(Map::new()));
        let mut m = Module {
            ctx,
            roots: ["var", "local"].map(String::from).into_iter().collect(),
            vars: vars.keys().cloned().collect(),
            locals: BTreeSet::new(),
            local_tests: BTreeMap::new(),
            assumptions: assumptions.clone(),
        };
        m.evaluate_locals(locals);
        Evaluator {
            module: std::sync::Arc::new(m),
            open: RefCell::default(),
        }
    }

    /// The module's values, to share between threads.
    pub fn shared(&self) -> std::sync::Arc<Module> {
        self.module.clone()
    }

    /// An evaluator of shared values, with tests of its own.
    pub fn with(module: std::sync::Arc<Module>) -> Evaluator {
        Evaluator {
            module,
            open: RefCell::default(),
        }
    }

    /// `s` with one more name: `count`, `each`, a `dynamic` block's iterator.
    pub fn nested(&self, s: &Scope, name: &str, v: Value) -> Scope {
        let (ctx, roots) = self.parts(s);
        let mut ctx = ctx.clone();
        ctx.declare_var(name, v);
        let mut roots = roots.clone();
        roots.insert(name.to_string());
        Scope {
            own: Some(Box::new((ctx, roots))),
        }
    }

    pub fn root(&self) -> Scope {
        Scope { own: None }
    }

    fn parts<'a>(&'a self, s: &'a Scope) -> (&'a Context<'static>, &'a BTreeSet<String>) {
        match &s.own {
            Some(b) => (&b.0, &b.1),
            None => (&self.ctx, &self.roots),
        }
    }

    /// The tests met that no assumption decides, in the order met.
    pub fn take_open(&self) -> Vec<Test> {
        self.open.take()
    }

    /// The value of an expression, or `None` when it cannot be known offline.
    pub fn value(&self, e: &Expression, s: &Scope) -> Option<Value> {
        let (ctx, roots) = self.parts(s);
        let e = self.prepare(e.clone(), ctx, roots);
        match guarded(&e, ctx) {
            Some(v) => Some(v),
            None => {
                let mut tests = Vec::new();
                self.tests_in(&e, ctx, roots, &mut tests);
                let mut open = self.open.borrow_mut();
                for t in tests {
                    if !open.contains(&t) {
                        open.push(t);
                    }
                }
                None
            }
        }
    }

    /// An attribute's value as a tree, literal lists and objects item by item
    /// so that each item keeps its span.
    pub fn node(&self, a: &TAttr, s: &Scope) -> RNode {
        self.node_of(&a.expr, &a.shape, s)
    }

    fn node_of(&self, e: &Expression, shape: &Shape, s: &Scope) -> RNode {
        let span = shape.span.clone();
        // Literals, most of what definitions hold, need no evaluation.
        let literal = match e {
            Expression::String(x) => Some(RV::Str(x.clone())),
            Expression::Bool(b) => Some(RV::Bool(*b)),
            Expression::Number(n) => Some(RV::Num(n.to_string())),
            Expression::Null => Some(RV::Null),
            _ => None,
        };
        if let Some(v) = literal {
            return RNode::new(v, span);
        }
        match (e, &shape.items) {
            // `["${var.list}"]`, Terraform 0.11's way to write a list variable:
            // an unknown reference alone in a list may be the whole list.
            (Expression::Array(items), Items::List(_))
                if items.len() == 1
                    && variable_reference(&items[0])
                    && self.value(&items[0], s).is_none() =>
            {
                RNode::unknown(span)
            }
            (Expression::Array(items), Items::List(shapes)) if items.len() == shapes.len() => {
                let mut out = Vec::new();
                for (i, sh) in items.iter().zip(shapes) {
                    let n = self.node_of(i, sh, s);
                    // Terraform 0.11 flattened `["${var.list}"]` into the list.
                    match n.v {
                        RV::List(inner)
                            if matches!(i, Expression::Traversal(_) | Expression::Variable(_)) =>
                        {
                            out.extend(inner)
                        }
                        _ => out.push(n),
                    }
                }
                RNode::new(RV::List(out), span)
            }
            (Expression::Object(members), Items::Object(shapes))
                if members.len() == shapes.len() =>
            {
                let mut out = Vec::new();
                for ((k, v), sh) in members.iter().zip(shapes) {
                    let key = match k {
                        ObjectKey::Identifier(i) => Some(i.to_string()),
                        ObjectKey::Expression(e) => self.value(e, s).and_then(|v| scalar(&v)),
                        _ => None,
                    };
                    match key {
                        Some(key) => out.push((key, self.node_of(v, sh, s))),
                        None => return RNode::unknown(span),
                    }
                }
                RNode::new(RV::Map(out), span)
            }
            _ => match self.value(e, s) {
                Some(v) => to_node(&v, &span),
                None => RNode::unknown(span),
            },
        }
    }
}

impl Module {
    /// Locals in passes, each seeing those evaluated before it.
    fn evaluate_locals(&mut self, locals: &[(String, Expression)]) {
        let mut known = Map::new();
        let mut pending: Vec<&(String, Expression)> = locals.iter().collect();
        for _ in 0..MAX_LOCAL_PASSES {
            let before = pending.len();
            pending.retain(|(name, e)| {
                let e = self.prepare(e.clone(), &self.ctx, &self.roots);
                match guarded(&e, &self.ctx) {
                    Some(v) => {
                        known.insert(name.clone(), v);
                        false
                    }
                    None => true,
                }
            });
            self.ctx.declare_var("local", Value::Object(known.clone()));
            self.locals = known.keys().cloned().collect();
            if pending.len() == before || pending.is_empty() {
                break;
            }
        }
        for (name, e) in pending {
            let e = self.prepare(e.clone(), &self.ctx, &self.roots);
            let mut tests = Vec::new();
            self.tests_in(&e, &self.ctx, &self.roots, &mut tests);
            self.local_tests.insert(name.clone(), tests);
        }
    }

    /// The expression with assumed tests decided and `try`/`can` rewritten.
    fn prepare(&self, e: Expression, ctx: &Context, roots: &BTreeSet<String>) -> Expression {
        use Expression as E;
        match e {
            E::Conditional(c) => {
                let Conditional {
                    cond_expr,
                    true_expr,
                    false_expr,
                } = *c;
                // Worded (formatted) only when an assumption could decide it.
                if !self.assumptions.is_empty() {
                    let (test, negated) = test_of(&cond_expr);
                    if let Some((_, v)) = self.assumptions.iter().find(|(t, _)| *t == test) {
                        let branch = if *v != negated { true_expr } else { false_expr };
                        return self.prepare(branch, ctx, roots);
                    }
                }
                E::Conditional(Box::new(Conditional {
                    cond_expr: self.prepare(cond_expr, ctx, roots),
                    true_expr: self.prepare(true_expr, ctx, roots),
                    false_expr: self.prepare(false_expr, ctx, roots),
                }))
            }
            E::FuncCall(mut f) => {
                f.args = f
                    .args
                    .into_iter()
                    .map(|a| self.prepare(a, ctx, roots))
                    .collect();
                let name = f.name.name.as_str();
                if f.name.namespace.is_empty() && (name == "try" || name == "can") {
                    if let Some(v) = self.try_can(name == "can", &f.args, ctx, roots) {
                        return v;
                    }
                }
                E::FuncCall(f)
            }
            E::Array(items) => E::Array(
                items
                    .into_iter()
                    .map(|i| self.prepare(i, ctx, roots))
                    .collect(),
            ),
            E::Object(o) => E::Object(
                o.into_iter()
                    .map(|(k, v)| (k, self.prepare(v, ctx, roots)))
                    .collect(),
            ),
            E::Parenthesis(p) => E::Parenthesis(Box::new(self.prepare(*p, ctx, roots))),
            E::Operation(op) => E::Operation(Box::new(match *op {
                Operation::Unary(mut u) => {
                    u.expr = self.prepare(u.expr, ctx, roots);
                    Operation::Unary(u)
                }
                Operation::Binary(mut b) => {
                    b.lhs_expr = self.prepare(b.lhs_expr, ctx, roots);
                    b.rhs_expr = self.prepare(b.rhs_expr, ctx, roots);
                    if let Some(v) = self.null_test(&b, ctx, roots) {
                        return E::Bool(v);
                    }
                    // As in Terraform, a known `false &&` or `true ||` decides
                    // the whole, whatever the other side.
                    let decides = match b.operator {
                        BinaryOperator::And => Some(false),
                        BinaryOperator::Or => Some(true),
                        _ => None,
                    };
                    if let Some(d) = decides {
                        let known = |e: &Expression| matches!(guarded(e, ctx), Some(Value::Bool(x)) if x == d);
                        if known(&b.lhs_expr) || known(&b.rhs_expr) {
                            return E::Bool(d);
                        }
                    }
                    if let (Some(l), Some(r)) =
                        (guarded(&b.lhs_expr, ctx), guarded(&b.rhs_expr, ctx))
                    {
                        if unsafe_arithmetic(b.operator, &l, &r) {
                            return unknown_expression();
                        }
                    }
                    Operation::Binary(b)
                }
            })),
            E::Traversal(mut t) => {
                t.expr = self.prepare(t.expr, ctx, roots);
                t.operators = t
                    .operators
                    .into_iter()
                    .map(|o| match o {
                        TraversalOperator::Index(i) => {
                            TraversalOperator::Index(self.prepare(i, ctx, roots))
                        }
                        other => other,
                    })
                    .collect();
                E::Traversal(t)
            }
            E::ForExpr(_) if for_nesting(&e) > MAX_FOR_NESTING => unknown_expression(),
            E::ForExpr(mut f) => {
                f.collection_expr = self.prepare(f.collection_expr, ctx, roots);
                E::ForExpr(f)
            }
            other => other,
        }
    }

    /// `null == x` where `x` is an attribute of a resource, data source or
    /// module (`data.aws_caller_identity.this.account_id`): Terraform reads data
    /// sources during the plan, and an attribute that names something (an
    /// account ID, an ARN) is never null, so the test is false (`!=`: true). A
    /// variable or local without a value stays unknown.
    fn null_test(
        &self,
        b: &hcl::expr::BinaryOp,
        ctx: &Context,
        roots: &BTreeSet<String>,
    ) -> Option<bool> {
        let negated = match b.operator {
            BinaryOperator::Eq => false,
            BinaryOperator::NotEq => true,
            _ => return None,
        };
        let (l, r) = (guarded(&b.lhs_expr, ctx), guarded(&b.rhs_expr, ctx));
        let other = match (&l, &r) {
            (Some(Value::Null), None) => &b.rhs_expr,
            (None, Some(Value::Null)) => &b.lhs_expr,
            _ => return None,
        };
        let mut refs = Vec::new();
        references(other, &mut refs);
        let unknown: Vec<&(String, Option<String>)> = refs
            .iter()
            .filter(|(root, attr)| self.unknown_ref(root, attr.as_deref(), roots))
            .collect();
        let attributes_only = !unknown.is_empty()
            && unknown.iter().all(|(root, _)| {
                !matches!(root.as_str(), "var" | "local" | "each" | "count" | "self")
            });
        attributes_only.then_some(negated)
    }

    /// `try(a, b, …)`: the first argument that evaluates; `can(a)`: whether it
    /// does. `None` (left as is, so unknown) when an argument tried reaches an
    /// unknown value.
    fn try_can(
        &self,
        can: bool,
        args: &[Expression],
        ctx: &Context,
        roots: &BTreeSet<String>,
    ) -> Option<Expression> {
        for a in args {
            if self.reaches_unknown(a, roots) {
                return None;
            }
            match guarded(a, ctx) {
                Some(_) if can => return Some(Expression::Bool(true)),
                Some(v) => return Some(Expression::from(v)),
                None if can => return Some(Expression::Bool(false)),
                None => {}
            }
        }
        None
    }

    /// Whether the expression refers to something without a value.
    fn reaches_unknown(&self, e: &Expression, roots: &BTreeSet<String>) -> bool {
        let mut refs = Vec::new();
        references(e, &mut refs);
        refs.iter()
            .any(|(root, attr)| self.unknown_ref(root, attr.as_deref(), roots))
    }

    fn unknown_ref(&self, root: &str, attr: Option<&str>, roots: &BTreeSet<String>) -> bool {
        match (root, attr) {
            ("var", Some(a)) => !self.vars.contains(a),
            ("local", Some(a)) => !self.locals.contains(a),
            (r, _) => !roots.contains(r),
        }
    }

    /// The undecided tests an expression depends on: conditionals whose test
    /// has no value, and those of the unknown locals it uses.
    fn tests_in(
        &self,
        e: &Expression,
        ctx: &Context,
        roots: &BTreeSet<String>,
        out: &mut Vec<Test>,
    ) {
        use Expression as E;
        let push = |t: Test, out: &mut Vec<Test>| {
            if !out.contains(&t) {
                out.push(t);
            }
        };
        match e {
            E::Conditional(c) => {
                if guarded(&c.cond_expr, ctx).is_none() && self.reaches_unknown(&c.cond_expr, roots)
                {
                    // Tests inside the test come first: they may decide it.
                    self.tests_in(&c.cond_expr, ctx, roots, out);
                    push(test_of(&c.cond_expr).0, out);
                }
                self.tests_in(&c.true_expr, ctx, roots, out);
                self.tests_in(&c.false_expr, ctx, roots, out);
            }
            E::Traversal(t) => {
                if let (E::Variable(v), Some(TraversalOperator::GetAttr(a))) =
                    (&t.expr, t.operators.first())
                {
                    if v.as_str() == "local" {
                        for t in self.local_tests.get(a.as_str()).into_iter().flatten() {
                            push(t.clone(), out);
                        }
                    }
                }
                self.tests_in(&t.expr, ctx, roots, out);
                for o in &t.operators {
                    if let TraversalOperator::Index(i) = o {
                        self.tests_in(i, ctx, roots, out);
                    }
                }
            }
            E::FuncCall(f) => f
                .args
                .iter()
                .for_each(|a| self.tests_in(a, ctx, roots, out)),
            E::Array(items) => items.iter().for_each(|i| self.tests_in(i, ctx, roots, out)),
            E::Object(o) => o.values().for_each(|v| self.tests_in(v, ctx, roots, out)),
            E::Parenthesis(p) => self.tests_in(p, ctx, roots, out),
            E::Operation(op) => match op.as_ref() {
                Operation::Unary(u) => self.tests_in(&u.expr, ctx, roots, out),
                Operation::Binary(b) => {
                    self.tests_in(&b.lhs_expr, ctx, roots, out);
                    self.tests_in(&b.rhs_expr, ctx, roots, out);
                }
            },
            E::ForExpr(f) => self.tests_in(&f.collection_expr, ctx, roots, out),
            _ => {}
        }
    }
}

/// Names a scope gives values to, and its evaluation context; `None`: the
/// module's own, not copied.
pub struct Scope {
    own: Option<Box<(Context<'static>, BTreeSet<String>)>>,
}

/// The test a conditional asks, and whether it asks it negated: `!x` and
/// `a != b` are `x` and `a == b` negated, so one assumption decides both.
pub fn test_of(cond: &Expression) -> (Test, bool) {
    use Expression as E;
    match cond {
        E::Parenthesis(p) => test_of(p),
        E::Operation(op) => match op.as_ref() {
            Operation::Unary(u) if u.operator == UnaryOperator::Not => {
                let (t, n) = test_of(&u.expr);
                (t, !n)
            }
            Operation::Binary(b)
                if matches!(b.operator, BinaryOperator::Eq | BinaryOperator::NotEq) =>
            {
                let negated = b.operator == BinaryOperator::NotEq;
                let literal = |e: &Expression| {
                    matches!(e, E::String(_) | E::Number(_) | E::Bool(_) | E::Null)
                };
                let (x, lit) = match (literal(&b.lhs_expr), literal(&b.rhs_expr)) {
                    (false, true) => (&b.lhs_expr, Some(&b.rhs_expr)),
                    (true, false) => (&b.rhs_expr, Some(&b.lhs_expr)),
                    _ => (&b.lhs_expr, None),
                };
                let test = match lit {
                    Some(l) => Test {
                        key: format!("{} == {}", text(x), text(l)),
                        equality: Some((text(x), text(l))),
                    },
                    None => Test {
                        key: format!("{} == {}", text(&b.lhs_expr), text(&b.rhs_expr)),
                        equality: None,
                    },
                };
                (test, negated)
            }
            _ => (plain(cond), false),
        },
        _ => (plain(cond), false),
    }
}

fn plain(e: &Expression) -> Test {
    Test {
        key: text(e),
        equality: None,
    }
}

/// An expression as HCL text, on one line: `var.org`, `length(var.regions) > 0`.
pub fn text(e: &Expression) -> String {
    let s = hcl::format::to_string(e).unwrap_or_default();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `var.x` or `local.x` (with any attributes or indexes after).
fn variable_reference(e: &Expression) -> bool {
    match e {
        Expression::Traversal(t) => {
            matches!(&t.expr, Expression::Variable(v) if matches!(v.as_str(), "var" | "local"))
        }
        _ => false,
    }
}

/// `(root, first attribute)` of every reference: `var.x` is `("var", Some("x"))`.
fn references(e: &Expression, out: &mut Vec<(String, Option<String>)>) {
    use Expression as E;
    match e {
        E::Variable(v) => out.push((v.to_string(), None)),
        E::Traversal(t) => {
            match (&t.expr, t.operators.first()) {
                (E::Variable(v), Some(TraversalOperator::GetAttr(a))) => {
                    out.push((v.to_string(), Some(a.to_string())))
                }
                _ => references(&t.expr, out),
            }
            for o in &t.operators {
                if let TraversalOperator::Index(i) = o {
                    references(i, out);
                }
            }
        }
        E::FuncCall(f) => f.args.iter().for_each(|a| references(a, out)),
        E::Array(items) => items.iter().for_each(|i| references(i, out)),
        E::Object(o) => o.values().for_each(|v| references(v, out)),
        E::Parenthesis(p) => references(p, out),
        E::Conditional(c) => {
            references(&c.cond_expr, out);
            references(&c.true_expr, out);
            references(&c.false_expr, out);
        }
        E::Operation(op) => match op.as_ref() {
            Operation::Unary(u) => references(&u.expr, out),
            Operation::Binary(b) => {
                references(&b.lhs_expr, out);
                references(&b.rhs_expr, out);
            }
        },
        E::ForExpr(f) => references(&f.collection_expr, out),
        E::TemplateExpr(t) => {
            if let Ok(tpl) = hcl::Template::from_expr(t) {
                for el in tpl.elements() {
                    if let hcl::template::Element::Interpolation(i) = el {
                        references(&i.expr, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// A string the way Terraform converts a primitive.
pub fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A value as a tree, every part at `span`.
pub fn to_node(v: &Value, span: &std::ops::Range<usize>) -> RNode {
    let rv = match v {
        Value::Null => RV::Null,
        Value::Bool(b) => RV::Bool(*b),
        Value::Number(n) => RV::Num(n.to_string()),
        Value::String(s) => RV::Str(s.clone()),
        Value::Array(items) => RV::List(items.iter().map(|i| to_node(i, span)).collect()),
        Value::Object(o) => RV::Map(
            o.iter()
                .map(|(k, v)| (k.clone(), to_node(v, span)))
                .collect(),
        ),
    };
    RNode::new(rv, span.clone())
}

/// A value written in a tfvars file or on the command line, from its tree.
pub fn from_node(n: &RNode) -> Option<Value> {
    Some(match &n.v {
        RV::Null => Value::Null,
        RV::Bool(b) => Value::Bool(*b),
        RV::Num(s) => Value::Number(super::syntax::number(s)?),
        RV::Str(s) => Value::String(s.clone()),
        RV::List(items) => Value::Array(items.iter().map(from_node).collect::<Option<_>>()?),
        RV::Map(m) => Value::Object(
            m.iter()
                .map(|(k, v)| Some((k.clone(), from_node(v)?)))
                .collect::<Option<_>>()?,
        ),
        RV::Unknown { .. } => return None,
    })
}

// ---------------------------------------------------------------- functions

/// The Terraform functions aggregator modules use, as Terraform defines them.
/// A function not here makes its call unknown, never wrong.
fn functions(ctx: &mut Context) {
    let any = || FuncDef::builder().variadic_param(ParamType::Any);
    // Each function's arguments are checked by [`bounded`] first.
    macro_rules! table {
        ($($name:literal => $f:ident),* $(,)?) => {
            [$(($name, {
                fn checked(a: FuncArgs) -> Result<Value, String> {
                    bounded(&a)?;
                    $f(a)
                }
                checked as hcl::eval::Func
            })),*]
        };
    }
    let table: &[(&str, hcl::eval::Func)] = &table![
        "length" => length,
        "concat" => concat,
        "distinct" => distinct,
        "compact" => compact,
        "flatten" => flatten,
        "coalesce" => coalesce,
        "coalescelist" => coalescelist,
        "lookup" => lookup,
        "contains" => contains,
        "tolist" => tolist,
        "toset" => toset,
        "tomap" => tomap,
        "merge" => merge,
        "keys" => keys,
        "values" => values,
        "element" => element,
        "one" => one,
        "join" => join,
        "split" => split,
        "lower" => lower,
        "upper" => upper,
        "tostring" => tostring,
        "tobool" => tobool,
        "tonumber" => tonumber,
        "format" => format,
        "replace" => replace,
        "trimspace" => trimspace,
        "startswith" => startswith,
        "endswith" => endswith,
        "sort" => sort,
        "reverse" => reverse,
        "slice" => slice,
        "index" => index,
        "range" => range,
        "setunion" => setunion,
        "setintersection" => setintersection,
        "setsubtract" => setsubtract,
        "zipmap" => zipmap,
    ];
    for (name, f) in table {
        ctx.declare_func(*name, any().build(*f));
    }
}

/// Arguments beyond [`MAX_ARGUMENT`] items or string bytes make a call unknown:
/// a chain of calls cannot grow a value without bound, and no function's
/// work (some are quadratic) is large.
fn bounded(a: &FuncArgs) -> Result<(), String> {
    let large = |v: &Value| match v {
        Value::String(s) => s.len() > MAX_ARGUMENT * 16,
        Value::Array(l) => l.len() > MAX_ARGUMENT,
        Value::Object(o) => o.len() > MAX_ARGUMENT,
        _ => false,
    };
    match a.iter().any(large) {
        true => Err("argument too large".into()),
        false => Ok(()),
    }
}

fn arg(a: &FuncArgs, i: usize) -> Result<&Value, String> {
    a.get(i)
        .ok_or_else(|| format!("missing argument {}", i + 1))
}

fn list(v: &Value) -> Result<&Vec<Value>, String> {
    v.as_array().ok_or_else(|| "expected a list".to_string())
}

fn string(v: &Value) -> Result<String, String> {
    scalar(v).ok_or_else(|| "expected a string".to_string())
}

fn number(v: &Value) -> Result<i64, String> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .ok_or_else(|| "expected a whole number".to_string()),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| "expected a number".to_string()),
        _ => Err("expected a number".into()),
    }
}

fn length(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::from(match arg(&a, 0)? {
        Value::String(s) => s.chars().count(),
        Value::Array(l) => l.len(),
        Value::Object(o) => o.len(),
        _ => return Err("length of a value that has none".into()),
    }))
}

fn concat(a: FuncArgs) -> Result<Value, String> {
    let mut out = Vec::new();
    for v in a.iter() {
        out.extend(list(v)?.iter().cloned());
    }
    Ok(Value::Array(out))
}

fn dedup(items: impl IntoIterator<Item = Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for v in items {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn distinct(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Array(dedup(list(arg(&a, 0)?)?.iter().cloned())))
}

fn compact(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Array(
        list(arg(&a, 0)?)?
            .iter()
            .filter(|v| !matches!(v, Value::Null) && v.as_str() != Some(""))
            .cloned()
            .collect(),
    ))
}

fn flatten_into(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten_into(i, out)),
        other => out.push(other.clone()),
    }
}

fn flatten(a: FuncArgs) -> Result<Value, String> {
    let mut out = Vec::new();
    for v in list(arg(&a, 0)?)? {
        flatten_into(v, &mut out);
    }
    Ok(Value::Array(out))
}

fn coalesce(a: FuncArgs) -> Result<Value, String> {
    a.iter()
        .find(|v| !matches!(v, Value::Null) && v.as_str() != Some(""))
        .cloned()
        .ok_or_else(|| "no non-null, non-empty argument".into())
}

fn coalescelist(a: FuncArgs) -> Result<Value, String> {
    for v in a.iter() {
        if !list(v)?.is_empty() {
            return Ok(v.clone());
        }
    }
    Err("no non-empty list".into())
}

fn lookup(a: FuncArgs) -> Result<Value, String> {
    let map = arg(&a, 0)?.as_object().ok_or("expected a map")?;
    let key = string(arg(&a, 1)?)?;
    match (map.get(&key), a.get(2)) {
        (Some(v), _) => Ok(v.clone()),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(format!("no key `{key}`")),
    }
}

fn contains(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Bool(list(arg(&a, 0)?)?.contains(arg(&a, 1)?)))
}

fn tolist(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Array(list(arg(&a, 0)?)?.clone()))
}

/// Sets of strings iterate in lexical order in Terraform.
fn toset(a: FuncArgs) -> Result<Value, String> {
    Ok(to_set(list(arg(&a, 0)?)?.clone()))
}

fn to_set(items: Vec<Value>) -> Value {
    let mut items = dedup(items);
    if items.iter().all(|v| v.is_string()) {
        items.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
    }
    Value::Array(items)
}

fn tomap(a: FuncArgs) -> Result<Value, String> {
    arg(&a, 0)?
        .as_object()
        .map(|o| Value::Object(o.clone()))
        .ok_or_else(|| "expected a map".into())
}

fn merge(a: FuncArgs) -> Result<Value, String> {
    let mut out = Map::new();
    for v in a.iter() {
        match v {
            Value::Object(o) => out.extend(o.iter().map(|(k, v)| (k.clone(), v.clone()))),
            Value::Null => {}
            _ => return Err("merge takes maps".into()),
        }
    }
    Ok(Value::Object(out))
}

fn sorted(o: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut v: Vec<_> = o.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn keys(a: FuncArgs) -> Result<Value, String> {
    let o = arg(&a, 0)?.as_object().ok_or("expected a map")?;
    Ok(Value::Array(
        sorted(o)
            .into_iter()
            .map(|(k, _)| Value::from(k.as_str()))
            .collect(),
    ))
}

fn values(a: FuncArgs) -> Result<Value, String> {
    let o = arg(&a, 0)?.as_object().ok_or("expected a map")?;
    Ok(Value::Array(
        sorted(o).into_iter().map(|(_, v)| v.clone()).collect(),
    ))
}

fn element(a: FuncArgs) -> Result<Value, String> {
    let l = list(arg(&a, 0)?)?;
    let i = number(arg(&a, 1)?)?;
    if l.is_empty() || i < 0 {
        return Err("element of an empty list".into());
    }
    Ok(l[i as usize % l.len()].clone())
}

fn one(a: FuncArgs) -> Result<Value, String> {
    let l = list(arg(&a, 0)?)?;
    match l.len() {
        0 => Ok(Value::Null),
        1 => Ok(l[0].clone()),
        _ => Err("one() of a list of more than one element".into()),
    }
}

fn join(a: FuncArgs) -> Result<Value, String> {
    let sep = string(arg(&a, 0)?)?;
    let mut parts = Vec::new();
    for l in a.iter().skip(1) {
        for v in list(l)? {
            parts.push(string(v)?);
        }
    }
    Ok(Value::from(parts.join(&sep)))
}

fn split(a: FuncArgs) -> Result<Value, String> {
    let sep = string(arg(&a, 0)?)?;
    let s = string(arg(&a, 1)?)?;
    if sep.is_empty() {
        return Err("empty separator".into());
    }
    Ok(Value::Array(
        s.split(sep.as_str()).map(Value::from).collect(),
    ))
}

fn lower(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::from(string(arg(&a, 0)?)?.to_lowercase()))
}

fn upper(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::from(string(arg(&a, 0)?)?.to_uppercase()))
}

fn tostring(a: FuncArgs) -> Result<Value, String> {
    match arg(&a, 0)? {
        Value::Null => Ok(Value::Null),
        v => string(v).map(Value::from),
    }
}

fn tobool(a: FuncArgs) -> Result<Value, String> {
    match arg(&a, 0)? {
        Value::Bool(b) => Ok(Value::Bool(*b)),
        Value::String(s) if s == "true" || s == "false" => Ok(Value::Bool(s == "true")),
        Value::Null => Ok(Value::Null),
        _ => Err("not a boolean".into()),
    }
}

fn tonumber(a: FuncArgs) -> Result<Value, String> {
    match arg(&a, 0)? {
        Value::Number(n) => Ok(Value::Number(*n)),
        Value::String(s) => super::syntax::number(s.trim())
            .map(Value::Number)
            .ok_or_else(|| "not a number".into()),
        Value::Null => Ok(Value::Null),
        _ => Err("not a number".into()),
    }
}

/// `format` with the verbs aggregator modules use: `%s`, `%d`, `%v`, `%q`, `%%`.
fn format(a: FuncArgs) -> Result<Value, String> {
    let f = string(arg(&a, 0)?)?;
    let mut out = String::new();
    let mut args = a.iter().skip(1);
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('s' | 'd' | 'v') => {
                out.push_str(&string(args.next().ok_or("too few arguments")?)?)
            }
            Some('q') => out.push_str(&format!(
                "{:?}",
                string(args.next().ok_or("too few arguments")?)?
            )),
            _ => return Err("a format verb aggrego does not evaluate".into()),
        }
    }
    Ok(Value::from(out))
}

fn replace(a: FuncArgs) -> Result<Value, String> {
    let (s, from, to) = (
        string(arg(&a, 0)?)?,
        string(arg(&a, 1)?)?,
        string(arg(&a, 2)?)?,
    );
    // A pattern in slashes is a regular expression: not evaluated.
    if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
        return Err("regular expression".into());
    }
    Ok(Value::from(s.replace(&from, &to)))
}

fn trimspace(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::from(string(arg(&a, 0)?)?.trim().to_string()))
}

fn startswith(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Bool(
        string(arg(&a, 0)?)?.starts_with(&string(arg(&a, 1)?)?),
    ))
}

fn endswith(a: FuncArgs) -> Result<Value, String> {
    Ok(Value::Bool(
        string(arg(&a, 0)?)?.ends_with(&string(arg(&a, 1)?)?),
    ))
}

fn sort(a: FuncArgs) -> Result<Value, String> {
    let mut items: Vec<String> = list(arg(&a, 0)?)?
        .iter()
        .map(string)
        .collect::<Result<_, _>>()?;
    items.sort();
    Ok(Value::Array(items.into_iter().map(Value::from).collect()))
}

fn reverse(a: FuncArgs) -> Result<Value, String> {
    let mut items = list(arg(&a, 0)?)?.clone();
    items.reverse();
    Ok(Value::Array(items))
}

fn slice(a: FuncArgs) -> Result<Value, String> {
    let l = list(arg(&a, 0)?)?;
    let (from, to) = (number(arg(&a, 1)?)?, number(arg(&a, 2)?)?);
    if from < 0 || to < from || to as usize > l.len() {
        return Err("slice out of range".into());
    }
    Ok(Value::Array(l[from as usize..to as usize].to_vec()))
}

fn index(a: FuncArgs) -> Result<Value, String> {
    let l = list(arg(&a, 0)?)?;
    let v = arg(&a, 1)?;
    l.iter()
        .position(|x| x == v)
        .map(Value::from)
        .ok_or_else(|| "not in the list".into())
}

fn range(a: FuncArgs) -> Result<Value, String> {
    let n: Vec<i64> = a.iter().map(number).collect::<Result<_, _>>()?;
    let (start, end, step) = match n.as_slice() {
        [e] => (0, *e, 1),
        [s, e] => (*s, *e, if e >= s { 1 } else { -1 }),
        [s, e, st] => (*s, *e, *st),
        _ => return Err("range takes 1 to 3 numbers".into()),
    };
    // In i128: no difference or quotient of two i64 overflows there.
    if step == 0 || (i128::from(end) - i128::from(start)) / i128::from(step) > 1024 {
        return Err("range too long".into());
    }
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < end) || (step < 0 && i > end) {
        out.push(Value::from(i));
        let Some(next) = i.checked_add(step) else {
            break;
        };
        i = next;
    }
    Ok(Value::Array(out))
}

fn set_of(a: &FuncArgs) -> Result<Vec<Vec<Value>>, String> {
    a.iter().map(|v| list(v).cloned()).collect()
}

fn setunion(a: FuncArgs) -> Result<Value, String> {
    let sets = set_of(&a)?;
    Ok(to_set(sets.into_iter().flatten().collect()))
}

fn setintersection(a: FuncArgs) -> Result<Value, String> {
    let sets = set_of(&a)?;
    let first = sets.first().cloned().unwrap_or_default();
    let items: Vec<Value> = first
        .into_iter()
        .filter(|v| sets.iter().all(|s| s.contains(v)))
        .collect();
    Ok(to_set(items))
}

fn setsubtract(a: FuncArgs) -> Result<Value, String> {
    let (x, y) = (list(arg(&a, 0)?)?, list(arg(&a, 1)?)?);
    let items: Vec<Value> = x.iter().filter(|v| !y.contains(v)).cloned().collect();
    Ok(to_set(items))
}

fn zipmap(a: FuncArgs) -> Result<Value, String> {
    let (k, v) = (list(arg(&a, 0)?)?, list(arg(&a, 1)?)?);
    if k.len() != v.len() {
        return Err("zipmap of lists of different lengths".into());
    }
    let mut out = Map::new();
    for (k, v) in k.iter().zip(v) {
        out.insert(string(k)?, v.clone());
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(s: &str) -> Expression {
        let e: hcl_edit::expr::Expression = s.parse().unwrap();
        super::super::syntax::normalise(Expression::from(e))
    }

    fn eval(
        vars: &[(&str, Value)],
        locals: &[(&str, &str)],
        a: &Assumptions,
        e: &str,
    ) -> Option<Value> {
        let vars: Map<String, Value> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let locals: Vec<(String, Expression)> = locals
            .iter()
            .map(|(k, v)| (k.to_string(), expr(v)))
            .collect();
        let ev = Evaluator::new(&vars, &locals, a);
        ev.value(&expr(e), &ev.root())
    }

    fn list_of(items: &[&str]) -> Value {
        Value::Array(items.iter().map(|s| Value::from(*s)).collect())
    }

    #[test]
    fn the_expressions_modules_use() {
        let vars = [
            ("regions", list_of(&["eu-west-1"])),
            ("a", list_of(&["x", "y"])),
            ("b", list_of(&["y", "z"])),
            ("x", Value::Null),
            (
                "m",
                Value::Object([("k".to_string(), Value::from("v"))].into_iter().collect()),
            ),
        ];
        let cases: &[(&str, Value)] = &[
            (
                "length(var.regions) == 0 ? true : false",
                Value::Bool(false),
            ),
            ("var.x != null ? var.x : []", Value::Array(vec![])),
            ("distinct(concat(var.a, var.b))", list_of(&["x", "y", "z"])),
            ("coalesce(var.x, \"d\")", Value::from("d")),
            ("lookup(var.m, \"k\", \"d\")", Value::from("v")),
            ("lookup(var.m, \"q\", \"d\")", Value::from("d")),
            ("contains(var.a, \"y\")", Value::Bool(true)),
            ("one(var.regions)", Value::from("eu-west-1")),
            ("[for r in var.a : upper(r)]", list_of(&["X", "Y"])),
            ("try(var.m.missing, \"fallback\")", Value::from("fallback")),
            ("can(var.m.missing)", Value::Bool(false)),
            ("toset([\"b\", \"a\", \"b\"])", list_of(&["a", "b"])),
            (
                "format(\"arn:aws:iam::%s:role/%s\", \"111122223333\", \"r\")",
                Value::from("arn:aws:iam::111122223333:role/r"),
            ),
            ("\"${var.regions[0]}-x\"", Value::from("eu-west-1-x")),
            ("keys(merge(var.m, {a = 1}))", list_of(&["a", "k"])),
            ("element(var.a, 3)", Value::from("y")),
            ("flatten([var.a, [var.b]])", list_of(&["x", "y", "y", "z"])),
        ];
        for (e, want) in cases {
            assert_eq!(eval(&vars, &[], &Vec::new(), e).as_ref(), Some(want), "{e}");
        }
    }

    #[test]
    fn unknown_is_never_guessed() {
        let vars = [("known", Value::from("k"))];
        for e in [
            "var.missing",
            "aws_iam_role.r.arn",
            "concat(var.missing, [\"x\"])",
            "try(var.missing, \"fallback\")",
            "can(aws_iam_role.r.arn)",
            "data.aws_region.current.name",
            "templatefile(\"x\", {})",
            "local.nowhere",
        ] {
            assert_eq!(eval(&vars, &[], &Vec::new(), e), None, "{e}");
        }
    }

    #[test]
    fn locals_chain_and_assumptions_decide_tests() {
        let locals = [("b", "local.a ? [1] : []"), ("a", "var.org")];
        // var.org has no value: the test is open, and an assumption decides it.
        let vars: Map<String, Value> = Map::new();
        let loc: Vec<(String, Expression)> = locals
            .iter()
            .map(|(k, v)| (k.to_string(), expr(v)))
            .collect();
        let ev = Evaluator::new(&vars, &loc, &Vec::new());
        assert_eq!(ev.value(&expr("local.b"), &ev.root()), None);
        let open = ev.take_open();
        assert_eq!(
            open.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["local.a"]
        );
        let yes = vec![(open[0].clone(), true)];
        let ev = Evaluator::new(&vars, &loc, &yes);
        assert_eq!(
            ev.value(&expr("local.b"), &ev.root()),
            Some(Value::Array(vec![Value::from(1)]))
        );
        // `!x` and `x != "v"` are the same tests, negated.
        let (t, n) = test_of(&expr("!var.org"));
        assert_eq!((t.key.as_str(), n), ("var.org", true));
        let (t, n) = test_of(&expr("var.mode != \"org\""));
        assert_eq!((t.key.as_str(), n), ("var.mode == \"org\"", true));
        assert!(t.equality.is_some());
    }
}
