//! The Rego engine: policies compiled once, evaluated in parallel over one input.

use crate::diag::ScanError;
use crate::finding::Resource;
use crate::policy::{Module, Policy, BUILTIN_LIB};
use rayon::prelude::*;
use regorus::Value;
use std::time::Duration;

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

/// Turn a regorus message (`--> file:line:col`, a snippet, `error: …`) into an
/// error named `file:line:col` whose message keeps the snippet.
pub fn located_error(path: &str, raw: &str) -> ScanError {
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
        return ScanError::whole(
            &format!("{shown}:{line}:{col}"),
            format!("{msg}\n{}", lines.join("\n")),
        );
    }
    ScanError::whole(path, raw.trim().to_string())
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
    pub remediation: Option<String>,
}

pub struct Engine {
    base: regorus::Engine,
    policies: Vec<Policy>,
    /// `data.<package>.deny` for each policy.
    entry_points: Vec<String>,
    timeout: Duration,
}

impl Engine {
    /// Add every policy once and run a warm-up evaluation, so a broken policy
    /// fails here with its location rather than in the middle of a scan.
    pub fn new(policies: Vec<Policy>) -> Result<Engine, Vec<ScanError>> {
        Engine::with(policies, &Extras::default())
    }

    pub fn with(policies: Vec<Policy>, extras: &Extras) -> Result<Engine, Vec<ScanError>> {
        let mut base = regorus::Engine::new();
        let mut errors = Vec::new();
        base.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
            limit: extras.timeout,
            check_interval: std::num::NonZeroU32::MIN.saturating_add(255),
        });
        for (name, arity) in NON_DETERMINISTIC {
            let name = name.to_string();
            let message =
                format!("{name} is not available: aggrego's results must be reproducible");
            if let Err(e) = base.add_extension(
                name,
                *arity,
                Box::new(move |_| Err(anyhow::anyhow!(message.clone()))),
            ) {
                errors.push(ScanError::whole("aggrego", e.to_string()));
            }
        }
        for (file, src) in BUILTIN_LIB {
            if let Err(e) = base.add_policy(format!("builtin/{file}"), src.to_string()) {
                errors.push(ScanError::whole(&format!("builtin/{file}"), e.to_string()));
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
                errors.push(ScanError::whole(
                    path,
                    format!("cannot merge into data: {e}"),
                ));
            }
        }
        let mut entry_points = Vec::new();
        let mut seen = std::collections::BTreeMap::new();
        for p in &policies {
            if let Some(other) = seen.insert(p.id().to_string(), p.path.clone()) {
                errors.push(ScanError::whole(
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
        let engine = Engine {
            base,
            policies,
            entry_points,
            timeout: extras.timeout,
        };
        let warm = engine.warm_up();
        if warm.is_empty() {
            Ok(engine)
        } else {
            Err(warm)
        }
    }

    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// A copy of the compiled engine with more modules (tests) added, for
    /// evaluating rules directly. Returns each module's package (`data.x`).
    pub fn with_modules(
        &self,
        modules: &[Module],
    ) -> (regorus::Engine, Vec<Option<String>>, Vec<ScanError>) {
        let mut engine = self.base.clone();
        let mut packages = Vec::new();
        let mut errors = Vec::new();
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

    fn warm_up(&self) -> Vec<ScanError> {
        let empty = crate::inventory::Inventory::default();
        let settings = crate::inventory::Settings {
            now: crate::timestamp::Instant::from_ns(0),
            now_source: "clock",
            max_age_ns: 0,
            expected_regions: vec![],
            expected_accounts: vec![],
            expected_regions_from: None,
            expected_accounts_from: None,
        };
        let (input, _) = empty.to_value(&settings, &[], &[]);
        let (_, errors) = self.evaluate(input, 0);
        errors
    }

    /// Evaluate every policy's `deny` over `input`, in parallel, with
    /// `time.now_ns()` pinned to the snapshot time.
    pub fn evaluate(&self, input: Value, now_ns: i64) -> (Vec<RawFinding>, Vec<ScanError>) {
        let results: Vec<Result<Vec<RawFinding>, ScanError>> = (0..self.policies.len())
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
    ) -> Result<Vec<RawFinding>, ScanError> {
        let policy = &self.policies[i];
        let fail = |m: String| ScanError::whole(&policy.path, m);
        let mut engine = self.base.clone();
        engine
            .add_extension(
                "time.now_ns".to_string(),
                0,
                Box::new(move |_| Ok(Value::from(now_ns))),
            )
            .map_err(|e| fail(e.to_string()))?;
        engine.set_input(input);
        let t = std::time::Instant::now();
        let value = engine
            .eval_rule(self.entry_points[i].clone())
            .map_err(|e| {
                let raw = e.to_string();
                if raw.contains("exceeded time limit") {
                    fail(format!(
                        "policy {} stopped: its evaluation took longer than {} (--policy-timeout)",
                        policy.id(),
                        humantime::format_duration(self.timeout)
                    ))
                } else {
                    let mut le = located_error(&policy.path, &raw);
                    le.message = format!("evaluation failed: {}", le.message);
                    le
                }
            })?;
        let trace = std::env::var_os("AGGREGO_TRACE").is_some();
        if trace {
            eprintln!("  policy {} {:.3}s", policy.id(), t.elapsed().as_secs_f64());
        }
        let items: Vec<&Value> = match &value {
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
        let out = items
            .into_par_iter()
            .with_min_len(1024)
            .map(|v| raw_finding(i, v).map_err(|m| fail(format!("`deny` returned {m}"))))
            .collect();
        if trace {
            eprintln!(
                "  policy {} findings read {:.3}s",
                policy.id(),
                t.elapsed().as_secs_f64()
            );
        }
        out
    }
}

/// A located parse error; when a Rego v1 parse fails but the file parses as
/// v0, say how to mark it.
fn parse_error(path: &str, source: &str, rego_v0: bool, raw: &str) -> ScanError {
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
static KEYS: std::sync::LazyLock<[Value; 8]> = std::sync::LazyLock::new(|| {
    [
        "msg",
        "loc",
        "resource",
        "remediation",
        "aggregator",
        "account",
        "region",
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
    v.as_object()
        .ok()?
        .get(&key(key_name))
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
                Ok(Some(crate::format::format(f, &args)))
            }
            _ => Err(format!(
                "`{key}` as an array whose first item is not a format string"
            )),
        },
        _ => opt_string(v, key),
    }
}

fn raw_finding(policy: usize, v: &Value) -> Result<RawFinding, String> {
    if v.as_object().is_err() {
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
    Ok(RawFinding {
        policy,
        msg: bounded(msg, MAX_MESSAGE),
        loc,
        resource,
        remediation: text(v, "remediation")?.map(|r| bounded(r, MAX_MESSAGE)),
    })
}
