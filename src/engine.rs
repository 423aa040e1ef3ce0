//! The Rego engine: policies compiled once, evaluated in parallel over one input.

use crate::diag::ScanError;
use crate::finding::Resource;
use crate::policy::{Policy, BUILTIN_LIB};
use rayon::prelude::*;
use regorus::Value;

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
}

impl Engine {
    /// Add every policy once and run a warm-up evaluation, so a broken policy
    /// fails here with its location rather than in the middle of a scan.
    pub fn new(policies: Vec<Policy>) -> Result<Engine, Vec<ScanError>> {
        let mut base = regorus::Engine::new();
        let mut errors = Vec::new();
        for (file, src) in BUILTIN_LIB {
            if let Err(e) = base.add_policy(format!("builtin/{file}"), src.to_string()) {
                errors.push(ScanError::whole(&format!("builtin/{file}"), e.to_string()));
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
            match base.add_policy(p.path.clone(), p.source.clone()) {
                Ok(package) => entry_points.push(format!("{package}.deny")),
                Err(e) => {
                    errors.push(ScanError::whole(&p.path, e.to_string()));
                    entry_points.push(String::new());
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let engine = Engine {
            base,
            policies,
            entry_points,
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

    fn warm_up(&self) -> Vec<ScanError> {
        let empty = crate::inventory::Inventory::default();
        let settings = crate::inventory::Settings {
            now: crate::timestamp::Instant::from_ns(0),
            now_source: "clock",
            max_age_ns: 0,
            expected_regions: vec![],
            expected_accounts: vec![],
        };
        let (input, _) = empty.to_value(&settings, &[]);
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
            .map_err(|e| fail(format!("evaluation failed: {e}")))?;
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
        msg,
        loc,
        resource,
        remediation: text(v, "remediation")?,
    })
}
