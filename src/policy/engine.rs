//! The Rego engine: policies compiled once, evaluated in parallel over one input.

use crate::diag::Diagnostic;
use crate::encode::{AggregatorCondition, Condition, PolicyInput};
use crate::model::finding::Resource;
use crate::policy::{Checks, Module, Policy, BUILTIN_LIB};
use rayon::prelude::*;
use regorus::rvm::program::Program;
use regorus::Value;
use std::time::{Duration, Instant};

/// What a scan adds to the policies: helper modules, `data`, and limits.
#[derive(Debug, Clone)]
pub struct Extras {
    pub libraries: Vec<Module>,
    /// `--data` documents: (display path, value), merged under `data.`.
    pub data: Vec<(String, Value)>,
    /// Longest a policy may evaluate before it is stopped.
    pub timeout: Duration,
}

impl Default for Extras {
    fn default() -> Self {
        Extras {
            libraries: Vec::new(),
            data: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Every policy, helper and data document added to one regorus engine.
fn compile(policies: &[Policy], extras: &Extras) -> Result<Compiled, Vec<Diagnostic>> {
    let mut base = regorus::Engine::new();
    let mut errors = Vec::new();
    base.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit: extras.timeout,
        check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
    });
    for (name, arity) in NON_DETERMINISTIC {
        let name = name.to_string();
        let message = format!("{name} is not available: aggrego's results must be reproducible");
        if let Err(e) = base.add_extension(
            name,
            *arity,
            Box::new(move |_| Err(anyhow::anyhow!(message.clone()))),
        ) {
            errors.push(Diagnostic::whole("aggrego", e.to_string()));
        }
    }
    for &(name, arity, f) in crate::policy::time::BUILTINS {
        if let Err(e) = base.add_extension(name.to_string(), arity, Box::new(f)) {
            errors.push(Diagnostic::whole("aggrego", e.to_string()));
        }
    }
    // Built-in policies call these with literal formats and small bounds;
    // a user policy (or an evidence package's) may not.
    if policies.iter().any(|p| !p.builtin) || !extras.libraries.is_empty() {
        for (name, arity, f) in crate::policy::bounded::extensions() {
            if let Err(e) = base.add_extension(name, arity, f) {
                errors.push(Diagnostic::whole("aggrego", e.to_string()));
            }
        }
    }
    for (file, src) in BUILTIN_LIB {
        if let Err(e) = base.add_policy(format!("builtin/{file}"), src.to_string()) {
            errors.push(Diagnostic::whole(&format!("builtin/{file}"), e.to_string()));
        }
    }
    for m in &extras.libraries {
        base.set_rego_v0(m.rego_v0);
        if let Err(e) = base.add_policy(m.path.clone(), m.source.clone()) {
            errors.push(parse_error(&m.path, &m.source, m.rego_v0, &e.to_string()));
        }
    }
    for (path, value) in &extras.data {
        if let Err(e) = base.add_data(value.clone()) {
            errors.push(Diagnostic::whole(
                path,
                format!("cannot merge into data: {e}"),
            ));
        }
    }
    let mut entry_points = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for p in policies {
        if let Some(other) = seen.insert(p.id().to_string(), p.path.clone()) {
            errors.push(Diagnostic::whole(
                &p.path,
                format!("policy id {} is already used by {other}", p.id()),
            ));
        }
        base.set_rego_v0(p.rego_v0);
        match base.add_policy(p.path.clone(), p.source.clone()) {
            Ok(package) => entry_points.push(format!("{package}.deny")),
            Err(e) => {
                errors.push(parse_error(&p.path, &p.source, p.rego_v0, &e.to_string()));
                entry_points.push(String::new());
            }
        }
    }
    base.set_rego_v0(false);
    if !errors.is_empty() {
        return Err(errors);
    }
    // Analyse and schedule the modules once, here: every evaluation works on a
    // clone of `base`, which would otherwise redo it. A failure shows in the
    // first evaluation, located.
    let _ = base.eval_query("true".to_string(), false);
    // The built-in per-item policies, the ones evaluated over every aggregator
    // or source status, run as bytecode on regorus' virtual machine: half the
    // instructions of its interpreter. Tests hold the two to the same results
    // on every fixture and on generated inputs. Everything else stays on the
    // interpreter: user policies, whose errors carry their file, line and
    // column and whose `time.now_ns` is pinned to the snapshot time; the other
    // built-ins, which see few items and use constructs (`every`) the virtual
    // machine gets wrong; and built-ins once user modules or data are loaded,
    // since a built-in's imports could then reach them.
    let programs = policies
        .iter()
        .zip(&entry_points)
        .map(|(p, entry)| {
            let vm = p.builtin
                && p.meta.custom.per_item
                && extras.libraries.is_empty()
                && extras.data.is_empty();
            (vm && !entry.is_empty())
                .then(|| program(&base, entry))
                .flatten()
        })
        .collect();
    Ok(Compiled {
        base,
        entry_points,
        programs,
    })
}

/// A policy's `deny` compiled to bytecode for regorus' virtual machine; `None`
/// when the compiler cannot take it (the interpreter then evaluates it).
fn program(base: &regorus::Engine, entry: &str) -> Option<std::sync::Arc<Program>> {
    let mut engine = base.clone();
    let compiled = engine.compile_with_entrypoint(&entry.into()).ok()?;
    regorus::languages::rego::compiler::Compiler::compile_from_policy(&compiled, &[entry]).ok()
}

/// Turn a regorus message (`--> file:line:col`, a snippet, `error: …`) into an
/// error named `file:line:col` whose message keeps the snippet.
pub fn located_error(path: &str, raw: &str) -> Diagnostic {
    let re = regex::Regex::new(r"--> (.+):(\d+):(\d+)").ok();
    if let Some(c) = re.as_ref().and_then(|r| r.captures(raw)) {
        let (file, line, col) = (&c[1], &c[2], &c[3]);
        let body = raw.trim_start_matches('\n');
        let mut lines = body.lines().skip(1).collect::<Vec<_>>();
        let last = lines.pop().unwrap_or("");
        let msg = last.strip_prefix("error: ").unwrap_or(last);
        let shown = if file == path || file.ends_with(path) {
            path
        } else {
            file
        };
        let (Ok(line), Ok(column)) = (line.parse(), col.parse()) else {
            return Diagnostic::whole(path, raw.trim().to_string());
        };
        return Diagnostic::text(shown, line, column, lines.join("\n"), msg);
    }
    Diagnostic::whole(path, raw.trim().to_string())
}

/// Builtins whose results would differ between runs are refused.
const NON_DETERMINISTIC: &[(&str, u8)] = &[("rand.intn", 2)];

/// What a policy's `deny` rule returned, before it is located.
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub policy: usize,
    pub msg: String,
    pub loc: usize,
    /// `None` when the policy names none: the resource of `loc` is used.
    pub resource: Option<Resource>,
    pub remediation: Option<std::sync::Arc<str>>,
    /// The finding's own severity, when the policy gives one (`severity`):
    /// a policy whose findings differ in weight, like AGG002's.
    pub severity: Option<crate::model::finding::Severity>,
}

pub struct Engine {
    /// The policies added to one regorus engine, made on first use when only
    /// built-in policies run (see [`Engine::with`]).
    compiled: std::sync::OnceLock<Result<Compiled, Vec<Diagnostic>>>,
    extras: Extras,
    policies: Vec<Policy>,
    timeout: Duration,
    /// `--policy` helper modules were added: a built-in policy's imports could
    /// reach them.
    user_libraries: bool,
    /// Only the built-in policies run, which find nothing in an empty input.
    builtin_only: bool,
}

struct Compiled {
    base: regorus::Engine,
    /// `data.<package>.deny` for each policy.
    entry_points: Vec<String>,
    /// Each policy's bytecode, when it runs on the virtual machine.
    programs: Vec<Option<std::sync::Arc<Program>>>,
}

/// Statuses per evaluation of a per-item policy: bounded memory, enough parts
/// to keep every core busy, few enough that each evaluation's fixed cost is lost.
const PART: usize = 4096;

impl Engine {
    /// Add every policy once and run a warm-up evaluation, so a broken policy
    /// fails here with its location rather than in the middle of a scan.
    pub fn new(policies: Vec<Policy>) -> Result<Engine, Vec<Diagnostic>> {
        Engine::with(policies, &Extras::default())
    }

    /// The built-in policies alone are known to compile and to find nothing in
    /// an empty input (both tested), so they are compiled only when an input
    /// needs them: a repository without aggregators costs little more than
    /// reading it. Anything else is compiled and warmed up here.
    pub fn with(policies: Vec<Policy>, extras: &Extras) -> Result<Engine, Vec<Diagnostic>> {
        let deferred = policies.iter().all(|p| p.builtin)
            && extras.libraries.is_empty()
            && extras.data.is_empty();
        let engine = Engine {
            compiled: std::sync::OnceLock::new(),
            extras: extras.clone(),
            user_libraries: !extras.libraries.is_empty(),
            builtin_only: deferred,
            timeout: extras.timeout,
            policies,
        };
        if !deferred {
            engine.compiled()?;
            let warm = engine.warm_up();
            if !warm.is_empty() {
                return Err(warm);
            }
        }
        Ok(engine)
    }

    /// Compile the policies now, if that is still to do (a failure is
    /// reported where they are first evaluated).
    pub fn prepare_policies(&self) {
        let _ = self.compiled();
    }

    fn compiled(&self) -> Result<&Compiled, Vec<Diagnostic>> {
        self.compiled
            .get_or_init(|| compile(&self.policies, &self.extras))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// A copy of the compiled engine with more modules (tests) added, for
    /// evaluating rules directly. Returns each module's package (`data.x`).
    pub fn with_modules(
        &self,
        modules: &[Module],
    ) -> (regorus::Engine, Vec<Option<String>>, Vec<Diagnostic>) {
        let mut engine = match self.compiled() {
            Ok(c) => c.base.clone(),
            Err(e) => return (regorus::Engine::new(), vec![None; modules.len()], e),
        };
        let mut packages = Vec::new();
        let mut errors = Vec::new();
        // Tests have no snapshot: `time.now_ns()` is the clock there, as in OPA.
        let clock = || chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0);
        if let Err(e) = engine.add_extension(
            "time.now_ns".to_string(),
            0,
            Box::new(move |_| Ok(Value::from(clock()))),
        ) {
            errors.push(Diagnostic::whole("aggrego", e.to_string()));
        }
        for m in modules {
            engine.set_rego_v0(m.rego_v0);
            match engine.add_policy(m.path.clone(), m.source.clone()) {
                Ok(p) => packages.push(Some(p)),
                Err(e) => {
                    errors.push(parse_error(&m.path, &m.source, m.rego_v0, &e.to_string()));
                    packages.push(None);
                }
            }
        }
        engine.set_rego_v0(false);
        (engine, packages, errors)
    }

    fn warm_up(&self) -> Vec<Diagnostic> {
        let empty = crate::model::Inventory::default();
        let settings = crate::model::Settings::new(
            &crate::model::timestamp::Instant::from_ns(0),
            crate::model::NowSource::Clock,
            0,
        );
        let (input, _) = empty.to_value(&settings, &[], &[]);
        let (_, errors) = self.evaluate(input, 0);
        errors
    }

    /// Whether a policy declares that each finding depends on one item of
    /// `collection` (`per_item`), so it may be evaluated over parts of it.
    fn per_item(&self, i: usize, collection: Checks) -> bool {
        let c = &self.policies[i].meta.custom;
        c.per_item && c.checks == collection
    }

    /// Whether a policy that is not evaluated over parts of the statuses may
    /// read them. A built-in one that never names them does not; a user
    /// policy might, in any way (`input[k]`, `walk`).
    fn reads_statuses(&self, i: usize) -> bool {
        let p = &self.policies[i];
        !p.builtin || self.user_libraries || p.source.contains("source_statuses")
    }

    /// Evaluate every policy over the scan's input, as work units spread over
    /// every core: each policy once, except per-item policies, which are
    /// evaluated a part of their collection at a time. Parts of the aggregators
    /// share the values built once; parts of the statuses are made into values
    /// when their unit runs and let go after it (when the per-item policies are
    /// the only readers of a long list: the others then see an empty one). The
    /// findings are those of one evaluation over the whole input, in the same
    /// order.
    pub fn evaluate_input(
        &self,
        input: &PolicyInput,
        now_ns: i64,
    ) -> (Vec<RawFinding>, Vec<Diagnostic>) {
        if input.is_empty() && self.builtin_only {
            // Built-in policies only: nothing to find in nothing.
            return (Vec::new(), Vec::new());
        }
        let count = self.policies.len();
        let by_status: Vec<usize> = (0..count)
            .filter(|&i| self.per_item(i, Checks::SourceStatuses))
            .collect();
        let whole_readers =
            (0..count).any(|i| !self.per_item(i, Checks::SourceStatuses) && self.reads_statuses(i));
        let statuses_whole = by_status.is_empty() || whole_readers || input.status_count() <= PART;
        let base = if statuses_whole {
            input.full()
        } else {
            input.base.clone()
        };
        let trace = std::env::var_os("AGGREGO_TRACE").is_some();
        let groups = self.status_groups(statuses_whole);
        let selections: Vec<Vec<usize>> = groups.iter().map(|g| input.select(&g.0)).collect();
        let chosen = self.aggregator_selections(input);
        let mut units = self.units(input, statuses_whole, &chosen, &selections);
        // The longest units first, so no core is left with a long one at the end.
        units.sort_by_key(|u| std::cmp::Reverse(u.weight()));
        let deadline = Instant::now() + self.timeout;
        // A list result is read into findings at once, so a part's values go
        // as soon as it is evaluated; a set waits to be united with the others.
        let read = |i: usize, r: Result<Value, Diagnostic>| match r? {
            v @ (Value::Array(_) | Value::Undefined) => self.findings_of(i, &v).map(Part::Findings),
            v => Ok(Part::Value(v)),
        };
        let timed = |i: usize, input: Value| {
            let t = Instant::now();
            let r = read(i, self.eval_value(i, input, now_ns, deadline));
            (i, r, t.elapsed())
        };
        let results: Vec<((usize, usize, usize), Vec<Evaluated>)> = units
            .par_iter()
            .with_max_len(1)
            .map(|u| match u {
                Unit::Whole(i) => (u.order(), vec![timed(*i, base.clone())]),
                Unit::Aggregators(i, range) => (
                    u.order(),
                    vec![timed(*i, input.with_aggregators(&base, range.clone()))],
                ),
                Unit::Selected(i, _, indexes) => (
                    u.order(),
                    vec![timed(*i, input.with_aggregator_indexes(&base, indexes))],
                ),
                Unit::Statuses(g, _, indexes) => {
                    let values = input.part_of(indexes);
                    let evaluated = groups[*g]
                        .1
                        .iter()
                        .map(|&i| timed(i, values.clone()))
                        .collect();
                    (u.order(), evaluated)
                }
            })
            .collect();
        self.per_policy(results, trace)
    }

    /// Per policy, its results in the order of its parts, merged into findings or an error.
    fn per_policy(
        &self,
        mut results: Vec<((usize, usize, usize), Vec<Evaluated>)>,
        trace: bool,
    ) -> (Vec<RawFinding>, Vec<Diagnostic>) {
        let count = self.policies.len();
        results.sort_by_key(|r| r.0);
        let mut by_policy: Vec<Vec<Result<Part, Diagnostic>>> =
            (0..count).map(|_| Vec::new()).collect();
        let mut spent = vec![Duration::ZERO; count];
        for (i, r, d) in results.into_iter().flat_map(|r| r.1) {
            by_policy[i].push(r);
            spent[i] += d;
        }
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        for (i, rs) in by_policy.into_iter().enumerate() {
            if trace {
                eprintln!(
                    "  policy {} {:.3}s ({} evaluation(s))",
                    self.policies[i].id(),
                    spent[i].as_secs_f64(),
                    rs.len()
                );
            }
            match self.merge(i, rs) {
                Ok(mut f) => findings.append(&mut f),
                Err(e) => errors.push(e),
            }
        }
        (findings, errors)
    }

    /// Per-item status policies grouped by their declared conditions; each
    /// group is evaluated over the statuses that satisfy them. None when the
    /// statuses are evaluated whole.
    fn status_groups(&self, statuses_whole: bool) -> Vec<(Vec<Condition>, Vec<usize>)> {
        let mut groups: Vec<(Vec<Condition>, Vec<usize>)> = Vec::new();
        if statuses_whole {
            return groups;
        }
        for i in (0..self.policies.len()).filter(|&i| self.per_item(i, Checks::SourceStatuses)) {
            let conditions: Vec<Condition> = self.policies[i]
                .meta
                .custom
                .conditions
                .iter()
                .filter_map(|c| Condition::parse(c).ok())
                .collect();
            match groups.iter_mut().find(|g| g.0 == conditions) {
                Some(g) => g.1.push(i),
                None => groups.push((conditions, vec![i])),
            }
        }
        groups
    }

    /// Per-item aggregator policies with conditions: the aggregators that
    /// satisfy them, always (not only on large inputs), so results never
    /// depend on the input's size.
    fn aggregator_selections(&self, input: &PolicyInput) -> Vec<Option<Vec<usize>>> {
        (0..self.policies.len())
            .map(|i| {
                let c = &self.policies[i].meta.custom;
                if !self.per_item(i, Checks::Aggregators) || c.conditions.is_empty() {
                    return None;
                }
                let conditions: Vec<AggregatorCondition> = c
                    .conditions
                    .iter()
                    .filter_map(|c| AggregatorCondition::parse(c).ok())
                    .collect();
                Some(input.select_aggregators(&conditions))
            })
            .collect()
    }

    /// The evaluations to run: each policy whole, or in parts of the
    /// aggregators or statuses it declares it checks one at a time.
    fn units<'s>(
        &self,
        input: &PolicyInput,
        statuses_whole: bool,
        chosen: &'s [Option<Vec<usize>>],
        selections: &'s [Vec<usize>],
    ) -> Vec<Unit<'s>> {
        let aggregators = input.aggregator_count();
        let mut units: Vec<Unit<'_>> = Vec::new();
        for (i, chosen) in chosen.iter().enumerate() {
            if !statuses_whole && self.per_item(i, Checks::SourceStatuses) {
                continue;
            }
            if let Some(selected) = chosen {
                // At least one part, so the policy runs (and fails alike) when none is selected.
                units.push(Unit::Selected(
                    i,
                    0,
                    &selected[..selected.len().min(AGGREGATOR_PART)],
                ));
                units.extend(
                    selected
                        .chunks(AGGREGATOR_PART)
                        .enumerate()
                        .skip(1)
                        .map(|(part, c)| Unit::Selected(i, part, c)),
                );
            } else if aggregators > AGGREGATOR_PART && self.per_item(i, Checks::Aggregators) {
                for start in (0..aggregators).step_by(AGGREGATOR_PART) {
                    units.push(Unit::Aggregators(
                        i,
                        start..(start + AGGREGATOR_PART).min(aggregators),
                    ));
                }
            } else {
                units.push(Unit::Whole(i));
            }
        }
        for (g, selected) in selections.iter().enumerate() {
            // At least one part, so the policies run (and fail alike) when none is selected.
            units.push(Unit::Statuses(g, 0, &selected[..selected.len().min(PART)]));
            units.extend(
                selected
                    .chunks(PART)
                    .enumerate()
                    .skip(1)
                    .map(|(part, c)| Unit::Statuses(g, part, c)),
            );
        }
        units
    }

    /// A policy's findings from the results of its parts, as one evaluation
    /// over the whole list would give them. The first error wins.
    fn merge(
        &self,
        i: usize,
        parts: Vec<Result<Part, Diagnostic>>,
    ) -> Result<Vec<RawFinding>, Diagnostic> {
        let mut findings = Vec::new();
        let mut values = Vec::new();
        for p in parts {
            match p? {
                Part::Findings(mut f) => findings.append(&mut f),
                Part::Value(v) => values.push(v),
            }
        }
        match values.len() {
            0 => {}
            1 => findings.extend(self.findings_of(i, &values[0])?),
            _ => findings.extend(self.findings_of(i, &merge_values(values))?),
        }
        Ok(findings)
    }

    /// Evaluate every policy's `deny` over `input`, in parallel, with
    /// `time.now_ns()` pinned to the snapshot time.
    pub fn evaluate(&self, input: Value, now_ns: i64) -> (Vec<RawFinding>, Vec<Diagnostic>) {
        let results: Vec<Result<Vec<RawFinding>, Diagnostic>> = (0..self.policies.len())
            .into_par_iter()
            .map(|i| self.evaluate_one(i, input.clone(), now_ns))
            .collect();
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(mut f) => findings.append(&mut f),
                Err(e) => errors.push(e),
            }
        }
        (findings, errors)
    }

    fn evaluate_one(
        &self,
        i: usize,
        input: Value,
        now_ns: i64,
    ) -> Result<Vec<RawFinding>, Diagnostic> {
        let t = Instant::now();
        let value = self.eval_value(i, input, now_ns, t + self.timeout)?;
        if std::env::var_os("AGGREGO_TRACE").is_some() {
            eprintln!(
                "  policy {} {:.3}s",
                self.policies[i].id(),
                t.elapsed().as_secs_f64()
            );
        }
        self.findings_of(i, &value)
    }

    /// A policy's `deny` over `input`, stopped at `deadline`.
    fn eval_value(
        &self,
        i: usize,
        input: Value,
        now_ns: i64,
        deadline: Instant,
    ) -> Result<Value, Diagnostic> {
        self.eval_with(i, input, now_ns, deadline, true)
    }

    /// [`Engine::eval_value`], on the virtual machine when the policy has a
    /// program and `vm` allows it, else on the interpreter.
    /// A panic inside regorus ends this evaluation only, reported as its error.
    fn eval_with(
        &self,
        i: usize,
        input: Value,
        now_ns: i64,
        deadline: Instant,
        vm: bool,
    ) -> Result<Value, Diagnostic> {
        crate::guard::quietly(|| self.eval_unguarded(i, input, now_ns, deadline, vm))
            .unwrap_or_else(|panic| {
                Err(Diagnostic::whole(
                    &self.policies[i].path,
                    format!("evaluation failed inside regorus: {panic}"),
                ))
            })
    }

    fn eval_unguarded(
        &self,
        i: usize,
        input: Value,
        now_ns: i64,
        deadline: Instant,
        vm: bool,
    ) -> Result<Value, Diagnostic> {
        let policy = &self.policies[i];
        let fail = |m: String| Diagnostic::whole(&policy.path, m);
        let compiled = self.compiled().map_err(|mut e| e.remove(0))?;
        let left = deadline.saturating_duration_since(Instant::now());
        let timed_out = || {
            fail(format!(
                "policy {} stopped: its evaluation took longer than {} (--policy-timeout)",
                policy.id(),
                humantime::format_duration(self.timeout)
            ))
        };
        if let Some(program) = compiled.programs[i].as_ref().filter(|_| vm) {
            let mut vm = regorus::rvm::vm::RegoVM::new();
            vm.load_program(program.clone());
            // The deadline bounds an evaluation, not a count of instructions.
            vm.set_max_instructions(usize::MAX);
            vm.set_execution_timer_config(Some(regorus::utils::limits::ExecutionTimerConfig {
                limit: left.max(Duration::from_millis(1)),
                check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
            }));
            vm.set_input(input);
            return vm.execute().map_err(|e| match e {
                regorus::rvm::vm::VmError::TimeLimitExceeded { .. } => timed_out(),
                e => fail(format!("evaluation failed: {e}")),
            });
        }
        let mut engine = compiled.base.clone();
        if left < self.timeout {
            engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
                limit: left.max(Duration::from_millis(1)),
                check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
            });
        }
        engine
            .add_extension(
                "time.now_ns".to_string(),
                0,
                Box::new(move |_| Ok(Value::from(now_ns))),
            )
            .map_err(|e| fail(e.to_string()))?;
        engine.set_input(input);
        // print() output comes from the policy's author: shown escaped.
        engine.set_gather_prints(true);
        let value = engine.eval_rule(compiled.entry_points[i].clone());
        for line in engine.take_prints().unwrap_or_default() {
            eprintln!("{}", crate::escape::clean_name(&line));
        }
        value.map_err(|e| {
            let raw = e.to_string();
            if raw.contains("exceeded time limit") {
                timed_out()
            } else {
                let mut le = located_error(&policy.path, &raw);
                le.message = format!("evaluation failed: {}", le.message);
                le
            }
        })
    }

    /// The findings in what a policy's `deny` returned.
    fn findings_of(&self, i: usize, value: &Value) -> Result<Vec<RawFinding>, Diagnostic> {
        let policy = &self.policies[i];
        let fail = |m: String| Diagnostic::whole(&policy.path, m);
        let items: Vec<&Value> = match value {
            Value::Undefined => Vec::new(),
            Value::Set(s) => s.iter().collect(),
            Value::Array(a) => a.iter().collect(),
            other => {
                return Err(fail(format!(
                    "`deny` must be a set of objects, found {}",
                    type_name(other)
                )))
            }
        };
        items
            .into_par_iter()
            .with_min_len(1024)
            .map(|v| raw_finding(i, v).map_err(|m| fail(format!("`deny` returned {m}"))))
            .collect()
    }
}

/// Aggregators per evaluation of a per-item aggregator policy: enough parts to
/// keep every core busy to the end, each large enough that its fixed cost is lost.
const AGGREGATOR_PART: usize = 1024;

/// A piece of the evaluation: one policy over the whole input, one per-item
/// policy over a range of the aggregators, or a group of per-item status
/// policies over some statuses.
enum Unit<'a> {
    Whole(usize),
    Aggregators(usize, std::ops::Range<usize>),
    /// Policy, part number, the indexes of the aggregators its conditions select.
    Selected(usize, usize, &'a [usize]),
    /// Group, part number, the statuses' indexes.
    Statuses(usize, usize, &'a [usize]),
}

impl Unit<'_> {
    /// A rough measure of the unit's work, to schedule the longest first.
    fn weight(&self) -> usize {
        match self {
            Unit::Whole(_) => usize::MAX,
            Unit::Aggregators(_, r) => r.len() * 8,
            Unit::Selected(_, _, s) => s.len() * 8,
            Unit::Statuses(_, _, s) => s.len(),
        }
    }

    /// Where its results go among the others: by policy (or group), then part.
    fn order(&self) -> (usize, usize, usize) {
        match self {
            Unit::Whole(i) => (0, *i, 0),
            Unit::Aggregators(i, r) => (0, *i, r.start),
            Unit::Selected(i, part, _) => (0, *i, *part),
            Unit::Statuses(g, part, _) => (1, *g, *part),
        }
    }
}

/// One evaluation: the policy, what it gave, how long it took.
type Evaluated = (usize, Result<Part, Diagnostic>, Duration);

/// What one evaluation of a part gave: findings read from a list, or a value
/// still to be merged (a set).
enum Part {
    Findings(Vec<RawFinding>),
    Value(Value),
}

/// Sets from several parts, united: a set iterates in order, so the union is
/// the set one evaluation over the whole list gives. Anything else is returned
/// as it is, for `findings_of` to refuse.
fn merge_values(values: Vec<Value>) -> Value {
    let mut set: std::collections::BTreeSet<Value> = std::collections::BTreeSet::new();
    for v in values {
        match v {
            Value::Set(s) => set.extend(s.iter().cloned()),
            Value::Array(a) => set.extend(a.iter().cloned()),
            Value::Undefined => {}
            other => return other,
        }
    }
    Value::from(set)
}

/// A located parse error; when a Rego v1 parse fails but the file parses as
/// v0, say how to mark it.
fn parse_error(path: &str, source: &str, rego_v0: bool, raw: &str) -> Diagnostic {
    let mut e = located_error(path, raw);
    // Only a missing v1 keyword suggests v0 (probing other errors would make
    // the parser print warnings of its own).
    let v1_keyword = raw.contains("keyword is required");
    if !rego_v0 && v1_keyword {
        let mut probe = regorus::Engine::new();
        probe.set_rego_v0(true);
        if probe
            .add_policy(path.to_string(), source.to_string())
            .is_ok()
        {
            e = e.with_help(format!(
                "the file parses as Rego v0: add the line `{}` to read it so, or update it to v1 (`opa fmt --rego-v1`)",
                crate::policy::REGO_V0_MARKER
            ));
        }
    }
    e
}

/// Longest message or remediation kept, in characters: an input value of
/// megabytes (a name, an error message) must not make a report of megabytes.
pub const MAX_MESSAGE: usize = 4096;

fn bounded(s: String, max: usize) -> String {
    // No more bytes than the limit: no more characters either.
    if s.len() <= max {
        return s;
    }
    match s.char_indices().nth(max) {
        None => s,
        Some((cut, _)) => {
            let rest = s[cut..].chars().count();
            format!("{}… ({rest} more characters)", &s[..cut])
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Set(_) => "a set",
        Value::Object(_) => "an object",
        Value::Undefined => "undefined",
    }
}

/// Keys of a finding object, made once rather than per lookup.
static KEYS: std::sync::LazyLock<[Value; 9]> = std::sync::LazyLock::new(|| {
    [
        "msg",
        "loc",
        "resource",
        "remediation",
        "aggregator",
        "account",
        "region",
        "severity",
        "",
    ]
    .map(Value::from)
});

fn key(name: &str) -> Value {
    KEYS.iter()
        .find(|k| matches!(k, Value::String(s) if s.as_ref() == name))
        .cloned()
        .unwrap_or_else(|| Value::from(name))
}

fn field<'a>(v: &'a Value, key_name: &str) -> Option<&'a Value> {
    // Matched, not `as_object()`: its error captures a backtrace when
    // RUST_BACKTRACE is set.
    let Value::Object(o) = v else { return None };
    o.get(&key(key_name))
        .filter(|v| !matches!(v, Value::Null | Value::Undefined))
}

fn opt_string(v: &Value, key: &str) -> Result<Option<String>, String> {
    match field(v, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.to_string())),
        Some(other) => Err(format!(
            "`{key}` as {}; expected a string",
            type_name(other)
        )),
    }
}

/// A string, or a deferred `sprintf`: `[format, args...]`.
fn text(v: &Value, key: &str) -> Result<Option<String>, String> {
    match field(v, key) {
        Some(Value::Array(a)) => match a.first() {
            Some(Value::String(f)) => {
                let args: Vec<&Value> = a.iter().skip(1).collect();
                Ok(Some(crate::policy::format::format(f, &args)))
            }
            _ => Err(format!(
                "`{key}` as an array whose first item is not a format string"
            )),
        },
        _ => opt_string(v, key),
    }
}

fn raw_finding(policy: usize, v: &Value) -> Result<RawFinding, String> {
    if !matches!(v, Value::Object(_)) {
        return Err(format!(
            "{}; each finding must be an object with `msg` and `loc`",
            type_name(v)
        ));
    }
    let msg = text(v, "msg")?.ok_or("a finding without `msg`")?;
    let loc = match field(v, "loc") {
        Some(Value::Number(n)) => n
            .as_u64()
            .map(|n| n as usize)
            .ok_or("a finding whose `loc` is not a location id")?,
        Some(other) => {
            return Err(format!(
                "`loc` as {}; use the `loc` of an input value",
                type_name(other)
            ))
        }
        None => return Err("a finding without `loc`".into()),
    };
    let arc = |s: Option<String>| s.map(|s| std::sync::Arc::from(s.as_str()));
    let resource = match field(v, "resource") {
        None => None,
        Some(r) => Some(Resource {
            aggregator: arc(opt_string(r, "aggregator")?),
            account: arc(opt_string(r, "account")?),
            region: arc(opt_string(r, "region")?),
        }),
    };
    let severity = match opt_string(v, "severity")? {
        None => None,
        Some(s) => Some(
            crate::model::finding::Severity::ALL
                .into_iter()
                .find(|x| x.as_str() == s)
                .ok_or_else(|| {
                    format!("`severity` `{s}` is not info, low, medium, high or critical")
                })?,
        ),
    };
    Ok(RawFinding {
        policy,
        msg: bounded(msg, MAX_MESSAGE),
        loc,
        resource,
        remediation: text(v, "remediation")?.map(|r| bounded(r, MAX_MESSAGE).into()),
        severity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inventory, Settings, SourceStatus, Span};
    use std::sync::Arc;

    /// Statuses of every kind the per-item conditions distinguish: each status
    /// and none, ages on both sides of --max-age and none, errors and none.
    fn statuses(n: usize) -> Vec<SourceStatus> {
        let texts = |v: &[&str]| v.iter().map(|s| Arc::from(*s)).collect::<Vec<Arc<str>>>();
        let status = texts(&["SUCCEEDED", "FAILED", "OUTDATED", "succeeded", ""]);
        let kinds = texts(&["ACCOUNT", "ORGANIZATION"]);
        let codes = texts(&["AccessDeniedException", "OrganizationAccessDeniedException"]);
        let contexts: Vec<Arc<crate::model::StatusContext>> = [
            Some(("org", crate::model::Learnt::Flag)),
            None,
            Some(("other", crate::model::Learnt::Path)),
        ]
        .iter()
        .map(|c| {
            Arc::new(crate::model::StatusContext {
                aggregator: c.map(|c| Arc::from(c.0)),
                aggregator_from: c.map(|c| c.1),
                account: c.map(|_| Arc::from("999988887777")),
                region: c.map(|_| Arc::from("eu-west-1")),
            })
        })
        .collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let at = (i * 40) as u32;
                let span = Span {
                    file: 0,
                    start: at,
                    end: at + 30,
                };
                SourceStatus {
                    context: contexts[(x % 3) as usize].clone(),
                    source_id: Some(Arc::from(format!("{:012}", x % 1_000_000_000_000).as_str())),
                    source_type: (x % 11 != 0).then(|| kinds[(x % 2) as usize].clone()),
                    region: Some(Arc::from("eu-west-1")),
                    status: (x % 13 != 0).then(|| status[(x >> 8) as usize % 5].clone()),
                    updated_ns: (x % 17 != 0)
                        .then(|| 1_000_000_000_000_000_000 - (x % 200_000) as i64 * 1_000_000_000),
                    error_code: (x % 4 == 0).then(|| codes[(x >> 4) as usize % 2].clone()),
                    error_message: (x % 5 == 0).then(|| Arc::from("denied")),
                    span,
                    status_span: Span {
                        start: at + 1,
                        ..span
                    },
                    updated_span: Span {
                        start: at + 2,
                        ..span
                    },
                }
            })
            .collect()
    }

    fn summary(f: &[RawFinding]) -> Vec<String> {
        f.iter()
            .map(|r| {
                format!(
                    "{} {} {} {:?} {:?} {:?}",
                    r.policy, r.loc, r.msg, r.remediation, r.resource, r.severity
                )
            })
            .collect()
    }

    fn builtin_engine() -> Engine {
        match crate::policy::builtin_policies().map(Engine::new) {
            Ok(Ok(e)) => e,
            _ => panic!("built-in policies compile"),
        }
    }

    /// Settings of a scan at `now_ns` with `--max-age` `max_age_ns`.
    fn settings(now_ns: i64, max_age_ns: i64) -> Settings {
        Settings::new(
            &crate::model::timestamp::Instant::from_ns(now_ns),
            crate::model::NowSource::Flag,
            max_age_ns,
        )
    }

    /// What lets `Engine::with` defer compiling the built-in policies.
    #[test]
    fn built_in_policies_compile_and_find_nothing_in_nothing() {
        let engine = builtin_engine();
        assert!(engine.compiled.get().is_none());
        assert!(engine.compiled().is_ok());
        let (input, _) = Inventory::default().to_value(&settings(0, 0), &[], &[]);
        let (findings, errors) = engine.evaluate(input, 0);
        assert!(findings.is_empty() && errors.is_empty(), "{errors:?}");
        assert!(engine.warm_up().is_empty());
    }

    #[test]
    fn parts_give_what_one_evaluation_gives() {
        let engine = builtin_engine();
        let settings = settings(1_000_000_000_000_000_000, 86_400_000_000_000);
        // More than several parts, with a last one that is not full.
        let inventory = Inventory {
            source_statuses: statuses(3 * PART + 123),
            aggregators: aggregators(3 * AGGREGATOR_PART + 45),
            ..Inventory::default()
        };
        let (input, _) = inventory.clone().to_input(&settings, &[], &[]);
        let (whole, e1) = engine.evaluate(input.full(), settings.now_ns);
        let (parted, e2) = engine.evaluate_input(&input, settings.now_ns);
        assert!(e1.is_empty() && e2.is_empty());
        assert!(whole.len() > 1000, "{}", whole.len());
        for rule in [
            "AGG001", "AGG003", "AGG004", "AGG005", "AGG006", "AGG008", "AGG010", "AGG011",
        ] {
            let i = engine.policies().iter().position(|p| p.id() == rule);
            assert!(
                whole.iter().any(|f| Some(f.policy) == i),
                "{rule} finds nothing"
            );
        }
        assert_eq!(summary(&whole), summary(&parted));
    }

    /// The virtual machine is held to the interpreter's results, policy by
    /// policy, on generated aggregators and statuses of every shape.
    #[test]
    fn virtual_machine_gives_what_the_interpreter_gives() {
        let engine = builtin_engine();
        let settings = settings(1_000_000_000_000_000_000, 86_400_000_000_000);
        let unchecked = (0..50)
            .map(|i| crate::model::Unchecked {
                file: 0,
                address: format!(
                    "{}.x{i}",
                    ["aws_config_configuration_aggregator", "X"][i % 2]
                ),
                resource_type: [
                    "aws_config_configuration_aggregator",
                    "AWS::Config::ConfigurationAggregator",
                ][i % 2],
                kind: [
                    crate::model::InputKind::Terraform,
                    crate::model::InputKind::Cloudformation,
                ][i % 2],
                reason: "not created".into(),
                span: Span {
                    file: 0,
                    start: i as u32,
                    end: i as u32 + 1,
                },
            })
            .collect();
        let inventory = Inventory {
            source_statuses: statuses(3000),
            aggregators: aggregators(3000),
            unchecked,
            ..Inventory::default()
        };
        let (input, _) = inventory.to_value(&settings, &[], &[]);
        let compiled = engine.compiled().ok().unwrap_or_else(|| panic!("compiles"));
        let deadline = Instant::now() + Duration::from_secs(600);
        let mut on_vm = 0;
        for (i, p) in engine.policies().iter().enumerate() {
            let vm = engine.eval_with(i, input.clone(), settings.now_ns, deadline, true);
            let interpreter = engine.eval_with(i, input.clone(), settings.now_ns, deadline, false);
            let (vm, interpreter) = match (vm, interpreter) {
                (Ok(a), Ok(b)) => (a, b),
                (a, b) => panic!("{}: {a:?} / {b:?}", p.id()),
            };
            assert!(
                vm == interpreter,
                "{} differs on the virtual machine",
                p.id()
            );
            if compiled.programs[i].is_some() {
                on_vm += 1;
                let n = engine.findings_of(i, &vm).map(|f| f.len()).unwrap_or(0);
                assert!(n > 10, "{}: only {n} findings to compare", p.id());
            }
        }
        assert_eq!(
            on_vm, 9,
            "the per-item built-in policies run on the virtual machine"
        );
    }

    /// AGG004's test of a role ARN with string builtins accepts exactly what
    /// the regular expression it replaces does, on seeds and their mutations.
    #[test]
    fn role_arn_as_its_regular_expression() {
        let source = crate::policy::BUILTIN
            .iter()
            .find(|(f, _)| f.starts_with("AGG004"))
            .map(|(_, s)| s.to_string())
            .unwrap_or_else(|| panic!("AGG004 is built in"));
        let mut engine = regorus::Engine::new();
        for (file, src) in crate::policy::BUILTIN_LIB {
            engine
                .add_policy(file.to_string(), src.to_string())
                .unwrap();
        }
        engine.add_policy("agg004.rego".into(), source).unwrap();
        engine
            .add_policy(
                "t.rego".into(),
                r#"package t
import data.aggrego.role_arn
results := [[regex.match(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$`, v), ok(v)] | some v in input]
ok(v) if role_arn.role_arn(v)
ok(v) := false if not role_arn.role_arn(v)
"#
                .into(),
            )
            .unwrap();
        let seeds = [
            "arn:aws:iam::123456789012:role/config",
            "arn:aws-cn:iam::123456789012:role/service-role/x",
            "arn:aws-us-gov:iam::123456789012:role/a:b/c",
            "arn:aws-iso-b:iam::000000000000:role/x",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:iam::123456789012:user/x",
            "arn:aws:iam:us-east-1:123456789012:role/x",
            "arn:AWS:iam::123456789012:role/x",
            "arn:aws:iam::12345678901:role/x",
            "arn:aws:iam::1234567890123:role/x",
            "arn:aws:iam::１２３４５６７８９０１２:role/x",
            "arn:aws:iam::123456789012:role/x\n",
            "arn:awsé:iam::123456789012:role/x",
            "arn:aws:iam::123456789012:role",
            "xarn:aws:iam::123456789012:role/x",
            "",
        ];
        let alphabet: Vec<char> = ":/-0123456789awsrolemin\né A".chars().collect();
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut values: Vec<String> = seeds.iter().map(|s| s.to_string()).collect();
        for i in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut v: Vec<char> = seeds[i % seeds.len()].chars().collect();
            for k in 0..=(x % 3) {
                let at = ((x >> (8 + 8 * k)) as usize) % (v.len() + 1);
                let c = alphabet[((x >> (16 + 8 * k)) as usize) % alphabet.len()];
                match (x >> (4 + k)) % 3 {
                    0 => v.insert(at, c),
                    1 if at < v.len() => {
                        v.remove(at);
                    }
                    _ if at < v.len() => v[at] = c,
                    _ => v.push(c),
                }
            }
            values.push(v.into_iter().collect());
        }
        engine.set_input(Value::from(
            values
                .iter()
                .map(|v| Value::from(v.as_str()))
                .collect::<Vec<_>>(),
        ));
        let results = engine.eval_rule("data.t.results".into()).unwrap();
        let rows = results.as_array().unwrap();
        let mut accepted = 0;
        for (v, row) in values.iter().zip(rows.iter()) {
            let row = row.as_array().unwrap();
            assert_eq!(row[0], row[1], "{v:?}");
            accepted += usize::from(row[0] == Value::Bool(true));
        }
        assert!(accepted > 500 && accepted < 19_000, "{accepted} accepted");
    }

    /// regorus' virtual machine mis-evaluates some `every` bodies (an
    /// undefined path inside `not`), so a policy that runs on it must not use
    /// `every` (nor, through them, its helpers: the library has none).
    #[test]
    fn policies_on_the_virtual_machine_do_not_use_every() {
        let engine = builtin_engine();
        let compiled = engine.compiled().ok().unwrap_or_else(|| panic!("compiles"));
        let uses_every = |source: &str| {
            source.lines().any(|l| {
                let code = l.split('#').next().unwrap_or("");
                // Outside string literals: the words between quotes are dropped.
                let code: String = code.split('"').step_by(2).collect();
                code.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == "every")
            })
        };
        for (file, source) in crate::policy::BUILTIN_LIB {
            assert!(!uses_every(source), "{file} uses every");
        }
        for (i, p) in engine.policies().iter().enumerate() {
            if compiled.programs[i].is_some() {
                assert!(!uses_every(&p.source), "{} uses every", p.id());
            }
        }
        assert!(uses_every("\tevery id in ids {"));
        assert!(!uses_every("x := \"every page\" # every"));
    }

    /// Aggregators of every shape the policies tell apart: each kind; names
    /// valid, invalid, empty, long, missing or unknown; account sources with
    /// IDs valid, short, repeated, unknown or missing; organization sources
    /// with role ARNs of each kind; regions and all-regions in each state;
    /// tags within and beyond the limits.
    fn aggregators(n: usize) -> Vec<crate::model::Aggregator> {
        use crate::model::{AccountSource, Aggregator, Dialect, Field, OrganizationSource, Tag};
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let span = |at: u32| Span {
            file: 0,
            start: at,
            end: at + 10,
        };
        let field = |r: u64, v: Option<String>, at: u32| match r % 6 {
            0 => Field::missing(span(at)),
            1 => Field::unknown(span(at)),
            _ => Field {
                value: v,
                known: true,
                explicit: true,
                span: span(at),
                note: None,
            },
        };
        let boolean = |r: u64, at: u32| match r % 5 {
            0 => Field::missing(span(at)),
            1 => Field::unknown(span(at)),
            2 => Field::given(false, span(at)),
            _ => Field::given(true, span(at)),
        };
        let list = |r: u64, items: Vec<String>, at: u32| match r % 7 {
            0 => Field::missing(span(at)),
            1 => Field::unknown(span(at)),
            2 => Field::given(Vec::new(), span(at)),
            _ => Field::given(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(j, v)| match (r >> (8 + j)) % 9 {
                        0 => Field::unknown(span(at + j as u32)),
                        _ => Field::given(v, span(at + j as u32)),
                    })
                    .collect(),
                span(at),
            ),
        };
        let names = ["agg-1", "bad name!", "", "ok_name-2", "x"];
        let ids = [
            "111122223333",
            "12345",
            "111122223333",
            "000011112222",
            "abcdefghijkl",
        ];
        let arns = [
            "arn:aws:iam::111122223333:role/config",
            "arn:aws-cn:iam::111122223333:role/x",
            "arn:aws:iam::1111:role/short",
            "",
            "role/config",
        ];
        let kinds = [
            crate::model::InputKind::AwsCli,
            crate::model::InputKind::Cloudformation,
            crate::model::InputKind::Terraform,
            crate::model::InputKind::TerraformPlan,
        ];
        (0..n)
            .map(|i| {
                let at = (i * 1000) as u32;
                let r = next();
                let name = match r % 11 {
                    0 => Some("n".repeat(300)),
                    _ => Some(names[(r >> 4) as usize % names.len()].to_string()),
                };
                let account_sources = (0..(r >> 8) % 3)
                    .map(|k| {
                        let r = next();
                        let picked = (0..(r % 4) as usize)
                            .map(|j| ids[(r >> (4 + j)) as usize % ids.len()].to_string())
                            .collect();
                        AccountSource {
                            account_ids: list(r >> 2, picked, at + 100 * k as u32),
                            all_regions: boolean(r >> 20, at + 100 * k as u32 + 20),
                            regions: list(
                                r >> 24,
                                vec!["eu-west-1".into()],
                                at + 100 * k as u32 + 30,
                            ),
                            span: span(at + 100 * k as u32),
                        }
                    })
                    .collect();
                let organization_source = ((r >> 12) % 3 != 0).then(|| {
                    let r = next();
                    OrganizationSource {
                        role_arn: field(
                            r,
                            Some(arns[(r >> 4) as usize % arns.len()].to_string()),
                            at + 500,
                        ),
                        all_regions: boolean(r >> 8, at + 510),
                        regions: list(
                            r >> 12,
                            vec!["us-east-1".into(), "eu-west-1".into()],
                            at + 520,
                        ),
                        span: span(at + 500),
                    }
                });
                let r2 = next();
                let tag_count = match r2 % 9 {
                    0 => 51,
                    _ => (r2 >> 4) as usize % 3,
                };
                let tags = (0..tag_count)
                    .map(|t| Tag {
                        key: Field::given(
                            if t == 0 && r2 % 4 == 0 {
                                "k".repeat(129)
                            } else {
                                format!("k{t}")
                            },
                            span(at + 600),
                        ),
                        value: Field::given(
                            if t == 1 && r2 % 5 == 0 {
                                "v".repeat(257)
                            } else {
                                "v".into()
                            },
                            span(at + 610),
                        ),
                    })
                    .collect();
                Aggregator {
                    name: field(r >> 16, name, at + 1),
                    kind: kinds[(r >> 20) as usize % kinds.len()],
                    file: 0,
                    address: format!("agg_{i}"),
                    arn: None,
                    account: Some("999988887777".into()),
                    region: Some("eu-west-1".into()),
                    region_from: Some(crate::model::Learnt::Arn),
                    account_sources,
                    organization_source,
                    tags: if (r2 >> 8) % 7 == 0 {
                        Field::missing(span(at))
                    } else {
                        Field::given(tags, span(at + 590))
                    },
                    span: span(at),
                    extent: span(at),
                    ignores: Vec::new(),
                    resource_type: None,
                    dialect: Dialect::Aws,
                    name_required: (r2 >> 12) % 3 != 0,
                    sources_known: (r2 >> 14) % 5 != 0,
                    variant: None,
                    duplicate_of: ((r2 >> 16) % 7 == 0).then(|| "other".to_string()),
                }
            })
            .collect()
    }
}
