//! Timestamps as the AWS CLI, CLI v2 and boto3 write them, normalised to UTC.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, TimeZone, Utc};

/// A point in time: nanoseconds since the epoch and its RFC 3339 UTC form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instant {
    pub ns: i64,
    pub rfc3339: String,
}

impl Instant {
    pub fn from_datetime(dt: DateTime<Utc>) -> Option<Instant> {
        Some(Instant::from_ns(dt.timestamp_nanos_opt()?))
    }

    pub fn from_ns(ns: i64) -> Instant {
        Instant {
            ns,
            rfc3339: rfc3339(ns),
        }
    }
}

/// `2026-11-23T14:35:58.123Z`: what chrono's `to_rfc3339_opts(AutoSi, true)`
/// writes (fraction in 3, 6 or 9 digits, none when zero), without its
/// formatting machinery: every source of a large export has one. Nanoseconds
/// in an i64 stay within years 1677-2262, so the year always has four digits.
pub fn rfc3339(ns: i64) -> String {
    let secs = ns.div_euclid(1_000_000_000);
    let nanos = ns.rem_euclid(1_000_000_000) as u32;
    let days = secs.div_euclid(86_400);
    let tod = secs.rem_euclid(86_400) as u32;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    if !(0..=9999).contains(&year) {
        return Utc
            .timestamp_nanos(ns)
            .to_rfc3339_opts(SecondsFormat::AutoSi, true);
    }
    let mut out = Vec::with_capacity(30);
    let mut digits = |n: u32, width: u32| {
        for i in (0..width).rev() {
            out.push(b'0' + (n / 10u32.pow(i) % 10) as u8);
        }
    };
    digits(year as u32, 4);
    digits(month, 2);
    digits(day, 2);
    digits(tod / 3600, 2);
    digits(tod / 60 % 60, 2);
    digits(tod % 60, 2);
    let (fraction, width) = if nanos == 0 {
        (0, 0)
    } else if nanos % 1_000_000 == 0 {
        (nanos / 1_000_000, 3)
    } else if nanos % 1_000 == 0 {
        (nanos / 1_000, 6)
    } else {
        (nanos, 9)
    };
    if width > 0 {
        digits(fraction, width);
    }
    // Separators go in afterwards: `YYYYMMDDhhmmss[f]` → `YYYY-MM-DDThh:mm:ss[.f]Z`.
    let mut s = String::with_capacity(out.len() + 7);
    for (i, b) in out.iter().enumerate() {
        match i {
            4 | 6 => s.push('-'),
            8 => s.push('T'),
            10 | 12 => s.push(':'),
            14 => s.push('.'),
            _ => {}
        }
        s.push(*b as char);
    }
    s.push('Z');
    s
}

/// Epoch seconds, as CLI v1 prints them (`1795444558` or `1795444558.123`).
pub fn from_epoch_seconds(secs: f64) -> Option<Instant> {
    if !secs.is_finite() || !(0.0..=9.2e9).contains(&secs) {
        return None;
    }
    // Round to microseconds: the API's precision, and it avoids float noise.
    let micros = (secs * 1e6).round() as i64;
    Some(Instant::from_ns(micros.checked_mul(1000)?))
}

/// ISO 8601 / RFC 3339 with any offset (`2026-11-23T14:35:58.123+01:00`), boto3's
/// `default=str` form with a space (`2026-11-23 14:35:58+00:00`), or epoch digits.
/// A time without an offset is taken as UTC.
pub fn parse(s: &str) -> Option<Instant> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return from_epoch_seconds(s.parse().ok()?);
    }
    let t = if s.len() > 10 && s.as_bytes()[10] == b' ' {
        format!("{}T{}", &s[..10], &s[11..])
    } else {
        s.to_string()
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(&t) {
        return Instant::from_datetime(dt.with_timezone(&Utc));
    }
    // Offsets without a colon (`+0100`).
    if let Ok(dt) = DateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Instant::from_datetime(dt.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .and_then(|n| Instant::from_datetime(n.and_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_in_the_corpus() {
        let want = "2026-11-23T14:35:58.123Z";
        assert_eq!(from_epoch_seconds(1795444558.123).unwrap().rfc3339, want);
        assert_eq!(
            parse("2026-11-23T14:35:58.123000+00:00").unwrap().rfc3339,
            want
        );
        assert_eq!(
            parse("2026-11-23 15:35:58.123000+01:00").unwrap().rfc3339,
            want
        );
        assert_eq!(parse("2026-11-23T15:35:58.123+0100").unwrap().rfc3339, want);
        assert_eq!(parse("2026-11-23T14:35:58.123Z").unwrap().rfc3339, want);
        assert_eq!(parse("2026-11-23T14:35:58.123").unwrap().rfc3339, want);
        assert_eq!(parse("1795444558").unwrap().rfc3339, "2026-11-23T14:35:58Z");
        assert!(parse("yesterday").is_none());
        assert!(parse("2026-13-45T00:00:00Z").is_none());
        assert!(from_epoch_seconds(f64::NAN).is_none());
        assert!(from_epoch_seconds(-5.0).is_none());
    }

    #[test]
    fn rfc3339_as_chrono_writes_it() {
        let chrono = |ns: i64| {
            Utc.timestamp_nanos(ns)
                .to_rfc3339_opts(SecondsFormat::AutoSi, true)
        };
        let mut cases = vec![0, 1, -1, i64::MIN, i64::MAX, 951_782_400_000_000_000];
        // Fractions of every width, across centuries, leap days and negative times.
        let mut x: i64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(x);
            cases.push(x / 1000 * 1000);
            cases.push(x / 1_000_000 * 1_000_000);
            cases.push(x / 1_000_000_000 * 1_000_000_000);
        }
        for ns in cases {
            assert_eq!(rfc3339(ns), chrono(ns), "{ns}");
        }
    }
}
