//! Builtins whose one call could outlast `--policy-timeout` or exhaust memory
//! (the timeout is checked between steps of an evaluation, never inside a
//! builtin): `numbers.range(1, 1e9)` makes a billion numbers, `sprintf` with
//! a width of 3000000000 a 3 GB string, and a width written with a digit
//! other than 0-9 (`%²d`) or a step of zero panics inside regorus. Each is
//! replaced by an extension that checks its arguments and then runs regorus'
//! own builtin on its virtual machine (which calls the builtins directly), so
//! every accepted call gives regorus' exact result.
//!
//! regorus' `allocator-memory-limits` feature was not used: it replaces the
//! process' allocator, and a limit met inside one allocation (`numbers.range`
//! reserves the whole array first) still aborts the process.

use anyhow::{anyhow, bail, Result};
use regorus::rvm::program::Program;
use regorus::Value;
use std::sync::{Arc, OnceLock};

/// Most numbers one `numbers.range` or `numbers.range_step` call may make.
pub const MAX_RANGE: i128 = 1_000_000;
/// Widest `sprintf` width or precision: no message is longer
/// (`crate::model::finding::MAX_TEXT`).
pub const MAX_WIDTH: u64 = 4096;

/// Name, number of arguments, and the check made before regorus' builtin runs.
type Check = fn(&[Value]) -> Result<()>;
const BOUNDED: &[(&str, u8, Check)] = &[
    ("numbers.range", 2, range),
    ("numbers.range_step", 3, range_step),
    ("sprintf", 2, sprintf),
];

/// The extensions to add to an engine that evaluates untrusted policies.
pub fn extensions() -> impl Iterator<Item = (String, u8, Box<dyn regorus::Extension>)> {
    BOUNDED
        .iter()
        .enumerate()
        .map(|(i, &(name, arity, check))| {
            let f = move |args: Vec<Value>| -> Result<Value> {
                check(&args)?;
                run(i, args)
            };
            (
                name.to_string(),
                arity,
                Box::new(f) as Box<dyn regorus::Extension>,
            )
        })
}

/// The bounds of a range: both integers, or `None` (regorus then decides:
/// undefined, or its own error).
fn bounds(args: &[Value]) -> Result<Option<(i128, i128)>> {
    let int = |v: &Value| match v {
        Value::Number(n) if n.is_integer() => Some(n.as_i128()),
        _ => None,
    };
    match (args.first().and_then(int), args.get(1).and_then(int)) {
        (Some(Some(a)), Some(Some(b))) => Ok(Some((a, b))),
        (Some(_), Some(_)) => bail!("its bounds are too far apart (at most {MAX_RANGE} numbers)"),
        _ => Ok(None),
    }
}

fn too_many(name: &str, n: i128) -> Result<()> {
    if n > MAX_RANGE {
        bail!("{name} would make {n} numbers; at most {MAX_RANGE} are allowed in one call");
    }
    Ok(())
}

fn range(args: &[Value]) -> Result<()> {
    if let Some((a, b)) = bounds(args).map_err(|e| anyhow!("numbers.range: {e}"))? {
        too_many("numbers.range", (b - a).abs() + 1)?;
    }
    Ok(())
}

fn range_step(args: &[Value]) -> Result<()> {
    let name = "numbers.range_step";
    let step = match args.get(2) {
        Some(Value::Number(n)) if n.is_integer() => n.as_i128(),
        // Not an integer: regorus says what is wrong with it.
        _ => return Ok(()),
    };
    match step {
        Some(s) if s > 0 => {
            if let Some((a, b)) = bounds(args).map_err(|e| anyhow!("{name}: {e}"))? {
                too_many(name, (b - a).abs() / s + 1)?;
            }
            Ok(())
        }
        _ => bail!("{name}: step must be a positive integer"),
    }
}

/// Widths and precisions as regorus reads them: after `%`, a digit or `.`
/// and every character that is numeric in Unicode.
fn sprintf(args: &[Value]) -> Result<()> {
    let Some(Value::String(format)) = args.first() else {
        return Ok(());
    };
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.peek() {
            Some('%') => {
                chars.next();
                continue;
            }
            Some(&c) if c == '.' || c.is_numeric() => {}
            _ => continue,
        }
        let mut width: u64 = 0;
        let mut first = true;
        while let Some(&c) = chars.peek() {
            if !(c.is_numeric() || (first && c == '.')) {
                break;
            }
            chars.next();
            if c != '.' {
                let Some(d) = c.to_digit(10) else {
                    bail!("sprintf: the width or precision in the format must be written with the digits 0-9, not {c:?}");
                };
                width = width.saturating_mul(10).saturating_add(u64::from(d));
            }
            first = false;
        }
        if width > MAX_WIDTH {
            bail!("sprintf: a width or precision of {width} is more than the {MAX_WIDTH} allowed");
        }
    }
    Ok(())
}

/// regorus' own builtin `BOUNDED[i]` over `args`, on its virtual machine.
fn run(i: usize, args: Vec<Value>) -> Result<Value> {
    static PROGRAMS: OnceLock<Vec<Option<Arc<Program>>>> = OnceLock::new();
    let program = PROGRAMS
        .get_or_init(programs)
        .get(i)
        .cloned()
        .flatten()
        .ok_or_else(|| anyhow!("{} is not available", BOUNDED[i].0))?;
    let mut vm = regorus::rvm::vm::RegoVM::new();
    vm.load_program(program);
    vm.set_input(Value::from(args));
    vm.execute().map_err(|e| anyhow!("{e}"))
}

fn programs() -> Vec<Option<Arc<Program>>> {
    let mut source = String::from("package bounded\n");
    for (i, &(name, arity, _)) in BOUNDED.iter().enumerate() {
        let args: Vec<String> = (0..arity).map(|a| format!("input[{a}]")).collect();
        source.push_str(&format!("f{i} := {name}({})\n", args.join(", ")));
    }
    let mut engine = regorus::Engine::new();
    if engine.add_policy("bounded.rego".into(), source).is_err() {
        return vec![None; BOUNDED.len()];
    }
    (0..BOUNDED.len())
        .map(|i| {
            let entry = format!("data.bounded.f{i}");
            let compiled = engine
                .compile_with_entrypoint(&entry.as_str().into())
                .ok()?;
            regorus::languages::rego::compiler::Compiler::compile_from_policy(
                &compiled,
                &[entry.as_str()],
            )
            .ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: Vec<Value>) -> Result<Value> {
        let (_, _, mut f) = extensions().find(|(n, _, _)| n == name).unwrap();
        f(args)
    }
    fn n(v: f64) -> Value {
        Value::from(v)
    }

    #[test]
    fn accepted_calls_give_regorus_results() {
        let r = call("numbers.range", vec![n(3.0), n(1.0)]).unwrap();
        assert_eq!(r, Value::from(vec![n(3.0), n(2.0), n(1.0)]));
        let r = call("numbers.range_step", vec![n(1.0), n(6.0), n(2.0)]).unwrap();
        assert_eq!(r, Value::from(vec![n(1.0), n(3.0), n(5.0)]));
        let r = call("numbers.range", vec![n(1.5), n(3.0)]).unwrap();
        assert_eq!(r, Value::Undefined);
        let r = call(
            "sprintf",
            vec![
                Value::from("%05d|%.2f|%%|%s"),
                Value::from(vec![n(42.0), n(1.0 / 3.0), Value::from("x")]),
            ],
        )
        .unwrap();
        assert_eq!(r, Value::from("00042|0.33|%|x"));
    }

    #[test]
    fn calls_that_would_not_end_are_refused() {
        let e = call("numbers.range", vec![n(1.0), n(1e9)]).unwrap_err();
        assert!(e.to_string().contains("1000000000 numbers"), "{e}");
        assert!(call("numbers.range", vec![n(0.0), n(1e30)]).is_err());
        assert!(call("numbers.range_step", vec![n(1.0), n(1e9), n(1.0)]).is_err());
        assert!(call("numbers.range_step", vec![n(1.0), n(10.0), n(0.0)]).is_err());
        assert!(call("numbers.range_step", vec![n(1.0), n(10.0), n(-1.0)]).is_err());
        let args = || Value::from(vec![n(1.0)]);
        assert!(call("sprintf", vec![Value::from("%3000000000d"), args()]).is_err());
        assert!(call(
            "sprintf",
            vec![Value::from("%99999999999999999999999d"), args()]
        )
        .is_err());
        assert!(call("sprintf", vec![Value::from("%²d"), args()]).is_err());
        assert!(call("sprintf", vec![Value::from("%4096d"), args()]).is_ok());
    }
}
