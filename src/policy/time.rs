//! The `time.*` builtins policies may call, in UTC. regorus' own come with
//! every time zone's rules (chrono-tz), whose tables are a quarter of the
//! binary's data and most of its start-up relocations; a scan judges
//! snapshots in UTC, so these are added as extensions instead, with regorus'
//! results for UTC. `time.now_ns` is the snapshot time (see `engine.rs`).
//! Other zones, Go layouts (`time.parse_ns`, a layout in `time.format`) and
//! `time.diff` are refused with a message that says so.

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Datelike, Days, Months, SecondsFormat, TimeZone, Timelike, Utc};
use regorus::Value;

/// Name, number of arguments, and the function.
type Builtin = (&'static str, u8, fn(Vec<Value>) -> Result<Value>);

pub const BUILTINS: &[Builtin] = &[
    ("time.add_date", 4, add_date),
    ("time.clock", 1, clock),
    ("time.date", 1, date),
    ("time.format", 1, format),
    ("time.parse_duration_ns", 1, parse_duration_ns),
    ("time.parse_rfc3339_ns", 1, parse_rfc3339_ns),
    ("time.weekday", 1, weekday),
    ("time.parse_ns", 2, refused),
    ("time.diff", 2, refused),
];

fn refused(_: Vec<Value>) -> Result<Value> {
    bail!("not available in aggrego: use the *_ns fields of the input and time.parse_rfc3339_ns")
}

/// `ns`, `[ns]` or `[ns, "UTC"]` (or `""`) as a UTC time.
fn instant(v: &Value) -> Result<DateTime<Utc>> {
    let ns = |n: &Value| {
        n.as_i64()
            .map_err(|_| anyhow!("`ns` must be an integer number of nanoseconds"))
    };
    let ns = match v {
        Value::Number(_) => ns(v)?,
        Value::Array(a) => match a.as_slice() {
            [n] => ns(n)?,
            [n, Value::String(tz), rest @ ..] if rest.len() <= 1 => {
                if !matches!(tz.as_ref(), "UTC" | "") {
                    bail!("time zone `{tz}`: only UTC is available in aggrego");
                }
                if !rest.is_empty() {
                    bail!("layouts are not available in aggrego: the format is RFC 3339");
                }
                ns(n)?
            }
            _ => bail!("expected ns, [ns] or [ns, \"UTC\"]"),
        },
        _ => bail!("expected ns, [ns] or [ns, \"UTC\"]"),
    };
    Ok(Utc.timestamp_nanos(ns))
}

/// Argument `i` (regorus checks the count before calling; this never panics).
fn arg(args: &[Value], i: usize) -> Result<&Value> {
    args.get(i)
        .ok_or_else(|| anyhow!("missing argument {}", i + 1))
}

/// Three numbers, as `time.date` and `time.clock` give them.
fn triple(a: i64, b: u32, c: u32) -> Value {
    Value::from(vec![
        Value::from(a),
        Value::from(u64::from(b)),
        Value::from(u64::from(c)),
    ])
}

fn nanos(t: Option<DateTime<Utc>>) -> Value {
    t.and_then(|t| t.timestamp_nanos_opt())
        .map_or(Value::Undefined, Value::from)
}

fn int(v: &Value, what: &str) -> Result<i32> {
    v.as_i64()
        .ok()
        .and_then(|n| i32::try_from(n).ok())
        .ok_or_else(|| anyhow!("`{what}` must be an integer"))
}

fn add_date(args: Vec<Value>) -> Result<Value> {
    let t = instant(arg(&args, 0)?)?;
    let (years, months, days) = (
        int(arg(&args, 1)?, "years")?,
        int(arg(&args, 2)?, "months")?,
        int(arg(&args, 3)?, "days")?,
    );
    let Some(year) = t.year().checked_add(years) else {
        return Ok(Value::Undefined);
    };
    let moved = t
        .with_year(year)
        .and_then(|d| {
            let m = Months::new(months.unsigned_abs());
            if months >= 0 {
                d.checked_add_months(m)
            } else {
                d.checked_sub_months(m)
            }
        })
        .and_then(|d| {
            let n = Days::new(u64::from(days.unsigned_abs()));
            if days >= 0 {
                d.checked_add_days(n)
            } else {
                d.checked_sub_days(n)
            }
        });
    Ok(nanos(moved))
}

fn clock(args: Vec<Value>) -> Result<Value> {
    let t = instant(arg(&args, 0)?)?;
    Ok(triple(i64::from(t.hour()), t.minute(), t.second()))
}

fn date(args: Vec<Value>) -> Result<Value> {
    let t = instant(arg(&args, 0)?)?;
    Ok(triple(i64::from(t.year()), t.month(), t.day()))
}

fn format(args: Vec<Value>) -> Result<Value> {
    let t = instant(arg(&args, 0)?)?;
    Ok(Value::from(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)))
}

fn parse_rfc3339_ns(args: Vec<Value>) -> Result<Value> {
    let s = arg(&args, 0)?
        .as_string()
        .map_err(|_| anyhow!("expected a string"))?;
    let t =
        DateTime::parse_from_rfc3339(s).map_err(|e| anyhow!("Failed to parse datetime: {e}"))?;
    Ok(nanos(Some(t.with_timezone(&Utc))))
}

fn weekday(args: Vec<Value>) -> Result<Value> {
    let t = instant(arg(&args, 0)?)?;
    let name = match t.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    };
    Ok(Value::from(name))
}

/// A Go duration (`1h30m`, `-1.5s`, `300ms`, `2h45m10.5s`) in nanoseconds.
fn parse_duration_ns(args: Vec<Value>) -> Result<Value> {
    let s = arg(&args, 0)?
        .as_string()
        .map_err(|_| anyhow!("expected a string"))?;
    go_duration(s)
        .map(Value::from)
        .ok_or_else(|| anyhow!("time: invalid duration \"{s}\""))
}

fn go_duration(s: &str) -> Option<i64> {
    let (negative, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..number_end];
        if number.is_empty() || number == "." {
            return None;
        }
        let value: f64 = number.parse().ok()?;
        rest = &rest[number_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_end] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[unit_end..];
        total += value * scale;
    }
    if total > i64::MAX as f64 {
        return None;
    }
    let ns = total.round() as i64;
    Some(if negative { -ns } else { ns })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: Vec<Value>) -> Result<Value> {
        let (_, _, f) = BUILTINS
            .iter()
            .find(|(n, _, _)| *n == name)
            .unwrap_or_else(|| panic!("{name}"));
        f(args)
    }

    #[test]
    fn as_regorus_gives_them_in_utc() {
        // 2026-11-23T14:35:58.123Z, a Monday.
        let t = Value::from(1_795_444_558_123_000_000i64);
        let utc = Value::from(vec![t.clone(), Value::from("UTC")]);
        assert_eq!(
            call("time.date", vec![t.clone()]).unwrap(),
            Value::from(vec![
                Value::from(2026i64),
                Value::from(11u64),
                Value::from(23u64)
            ])
        );
        assert_eq!(
            call("time.clock", vec![utc.clone()]).unwrap(),
            Value::from(vec![
                Value::from(14u64),
                Value::from(35u64),
                Value::from(58u64)
            ])
        );
        assert_eq!(
            call("time.weekday", vec![t.clone()]).unwrap(),
            Value::from("Monday")
        );
        assert_eq!(
            call("time.format", vec![t.clone()]).unwrap(),
            Value::from("2026-11-23T14:35:58.123Z")
        );
        assert_eq!(
            call(
                "time.parse_rfc3339_ns",
                vec![Value::from("2026-11-23T15:35:58.123+01:00")]
            )
            .unwrap(),
            t
        );
        // Jan 31 + 1 month: the end of February, as chrono (and regorus) give it.
        let jan31 = call(
            "time.parse_rfc3339_ns",
            vec![Value::from("2024-01-31T00:00:00Z")],
        )
        .unwrap();
        let feb29 = call(
            "time.parse_rfc3339_ns",
            vec![Value::from("2024-02-29T00:00:00Z")],
        )
        .unwrap();
        assert_eq!(
            call(
                "time.add_date",
                vec![jan31, Value::from(0), Value::from(1), Value::from(0)]
            )
            .unwrap(),
            feb29
        );
        assert!(call(
            "time.date",
            vec![Value::from(vec![t.clone(), Value::from("Europe/Paris")])]
        )
        .is_err());
        assert!(call(
            "time.format",
            vec![Value::from(vec![
                t,
                Value::from("UTC"),
                Value::from("2006")
            ])]
        )
        .is_err());
        assert!(call(
            "time.parse_ns",
            vec![Value::from("2006"), Value::from("2026")]
        )
        .is_err());
        assert!(call("time.parse_rfc3339_ns", vec![Value::from("yesterday")]).is_err());
    }

    #[test]
    fn go_durations() {
        for (s, ns) in [
            ("0", 0),
            ("1h30m", 5_400_000_000_000),
            ("-1.5s", -1_500_000_000),
            ("300ms", 300_000_000),
            ("2h45m10.5s", 9_910_500_000_000),
            ("1us", 1000),
            ("1µs", 1000),
            ("+5ns", 5),
            (".5m", 30_000_000_000),
        ] {
            assert_eq!(go_duration(s), Some(ns), "{s}");
        }
        for s in ["", "5", "1d", "h", ".h", "-", "1h 30m", "9999999999999h"] {
            assert_eq!(go_duration(s), None, "{s}");
        }
    }
}
