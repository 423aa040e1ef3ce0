//! Deferred `sprintf`: a finding's `msg` or `remediation` may be an array
//! `[format, args...]`, formatted here after evaluation. On large inputs this
//! is far cheaper than calling `sprintf` in Rego for every finding.
//!
//! Verbs: `%s` and `%v` (any value), `%d` (integers), `%%`, Go's explicit
//! argument indexes `%[2]s`, and `%D`: a number of nanoseconds as a duration
//! (`9d 8h 31m`), and `%L`: a list of strings or of fields (`{value, …}`), or
//! a list field itself, joined with `, ` (`none` when empty or null; a field
//! unknown offline as `unknown (its expression)`). A null or missing argument prints as `<unknown>`,
//! which reads as a placeholder in a remediation command.

use regorus::Value;

pub fn format(fmt: &str, args: &[&Value]) -> String {
    let mut out = String::with_capacity(fmt.len() + 16 * args.len());
    let mut next = 0;
    let mut rest = fmt;
    while let Some(p) = rest.find('%') {
        // The text up to the `%`, copied at once.
        out.push_str(&rest[..p]);
        rest = &rest[p + 1..];
        let mut index = None;
        if let Some(r) = rest.strip_prefix('[') {
            let (digits, after) = match r.find(']') {
                Some(i) => (&r[..i], &r[i + 1..]),
                None => (r, ""),
            };
            index = digits.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
            rest = after;
        }
        let mut verb = rest.chars();
        match verb.next() {
            Some('%') => out.push('%'),
            Some('s' | 'v' | 'd') => {
                let i = index.unwrap_or(next);
                next = i + 1;
                push_value(&mut out, args.get(i).copied());
            }
            Some('L') => {
                let i = index.unwrap_or(next);
                next = i + 1;
                push_list(&mut out, args.get(i).copied());
            }
            Some('D') => {
                let i = index.unwrap_or(next);
                next = i + 1;
                // Matched, not `as_i64()`: its error captures a backtrace when
                // RUST_BACKTRACE is set, a cost per finding.
                match args.get(i).and_then(|v| match v {
                    Value::Number(n) => n.as_i64(),
                    _ => None,
                }) {
                    Some(ns) => push_duration(&mut out, ns),
                    None => push_value(&mut out, args.get(i).copied()),
                }
            }
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
        rest = verb.as_str();
    }
    out.push_str(rest);
    out
}

fn push_value(out: &mut String, v: Option<&Value>) {
    match v {
        None | Some(Value::Null) | Some(Value::Undefined) => out.push_str("<unknown>"),
        Some(Value::String(s)) => out.push_str(s),
        Some(Value::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => out.push_str(&i.to_string()),
            (None, Some(f)) => out.push_str(&f.to_string()),
            _ => out.push_str("unknown"),
        },
        Some(other) => match other.to_json_str() {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("unknown"),
        },
    }
}

/// Keys of a field (`{value, known, expr}`), made once rather than per lookup.
static FIELD_KEYS: std::sync::LazyLock<[Value; 3]> =
    std::sync::LazyLock::new(|| ["value", "known", "expr"].map(Value::from));

/// A field's `value`, whether it is `known`, and its `expr`.
fn field_parts(o: &regorus::value::Object) -> (Option<&Value>, bool, Option<&Value>) {
    let [value, known, expr] = &*FIELD_KEYS;
    let known = !matches!(o.get(known), Some(Value::Bool(false)));
    (o.get(value), known, o.get(expr))
}

fn push_list(out: &mut String, v: Option<&Value>) {
    match v {
        // Words already made (a list unknown offline, in words).
        Some(Value::String(s)) => out.push_str(s),
        // A field: its list, or its expression when unknown.
        Some(Value::Object(o)) => match field_parts(o) {
            (_, false, expr) => push_unknown(out, expr),
            (value, true, _) => push_list(out, value),
        },
        Some(Value::Array(a)) => {
            let mut first = true;
            for item in a.iter() {
                // Its text, or the expression of an item unknown offline.
                let text: Result<&str, Option<&Value>> = match item {
                    Value::String(s) => Ok(s),
                    Value::Object(o) => match field_parts(o) {
                        (Some(Value::String(s)), _, _) => Ok(s),
                        (_, false, expr) => Err(expr),
                        _ => continue,
                    },
                    _ => continue,
                };
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match text {
                    // An empty item stays visible.
                    Ok("") => out.push_str("\"\""),
                    Ok(s) => out.push_str(s),
                    Err(expr) => push_unknown(out, expr),
                }
            }
            if first {
                out.push_str("none");
            }
        }
        _ => out.push_str("none"),
    }
}

/// A value unknown offline, with the expression that gives it.
fn push_unknown(out: &mut String, expr: Option<&Value>) {
    match expr {
        Some(Value::String(e)) => {
            out.push_str("unknown (");
            out.push_str(e);
            out.push(')');
        }
        _ => out.push_str("unknown"),
    }
}

/// Whole minutes, largest units first: `9d 8h 31m`, `45m`, `0m`.
fn push_duration(out: &mut String, ns: i64) {
    use std::fmt::Write;
    let minutes = ns.max(0) / 60_000_000_000;
    let (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d}d"));
    }
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(format!("{m}m"));
    }
    let _ = write!(out, "{}", parts.join(" "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs() {
        let values = [
            Value::from("a"),
            Value::from(3i64),
            Value::Null,
            Value::from(2.5),
        ];
        let args: Vec<&Value> = values.iter().collect();
        assert_eq!(format("%s-%d-%s-%v", &args), "a-3-<unknown>-2.5");
        assert_eq!(format("%[2]d %[1]s %s 100%%", &args), "3 a 3 100%");
        assert_eq!(
            format("%s %s %s %s %s", &args),
            "a 3 <unknown> 2.5 <unknown>"
        );
        assert_eq!(format("%x%", &args), "%x%");
        let d = [
            Value::from(((9 * 24 + 8) * 60 + 31) * 60_000_000_000i64 + 5),
            Value::from(0i64),
        ];
        let d: Vec<&Value> = d.iter().collect();
        assert_eq!(format("%D, %D", &d), "9d 8h 31m, 0m");
        let mut field = regorus::value::Object::new();
        field.insert(Value::from("value"), Value::from("b"));
        let list = [
            Value::from(vec![Value::from("a"), field.into_value()]),
            Value::Null,
        ];
        let list: Vec<&Value> = list.iter().collect();
        assert_eq!(format("%L; %L", &list), "a, b; none");
        // An empty region name stays visible (`!Split` of an empty default).
        let empty = [Value::from(vec![Value::from("")])];
        let empty: Vec<&Value> = empty.iter().collect();
        assert_eq!(format("(%L)", &empty), "(\"\")");
    }
}
