//! Timestamps as the AWS CLI, CLI v2 and boto3 write them, normalised to UTC.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, TimeZone, Utc};

/// A point in time: nanoseconds since the epoch and its RFC 3339 UTC form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instant {
    pub ns: i64,
    pub rfc3339: String,
}

impl Instant {
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
    epoch_seconds_ns(secs).map(Instant::from_ns)
}

/// Epoch seconds as nanoseconds, rounded to microseconds: the API's precision,
/// and it avoids float noise.
pub fn epoch_seconds_ns(secs: f64) -> Option<i64> {
    if !secs.is_finite() || !(0.0..=9.2e9).contains(&secs) {
        return None;
    }
    let micros = (secs * 1e6).round() as i64;
    micros.checked_mul(1000)
}

/// ISO 8601 / RFC 3339 with any offset (`2026-11-23T14:35:58.123+01:00`), boto3's
/// `default=str` form with a space (`2026-11-23 14:35:58+00:00`), or epoch digits.
/// A time without an offset is taken as UTC.
pub fn parse(s: &str) -> Option<Instant> {
    parse_ns(s).map(Instant::from_ns)
}

/// [`parse`], as nanoseconds since the epoch: what a large export needs of
/// each of its timestamps (the text form is made only for those reported).
pub fn parse_ns(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(ns) = common_form(s.as_bytes()) {
        return Some(ns);
    }
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return epoch_seconds_ns(s.parse().ok()?);
    }
    let t = if s.len() > 10 && s.as_bytes()[10] == b' ' {
        format!("{}T{}", &s[..10], &s[11..])
    } else {
        s.to_string()
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(&t) {
        return dt.with_timezone(&Utc).timestamp_nanos_opt();
    }
    // Offsets without a colon (`+0100`).
    if let Ok(dt) = DateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return dt.with_timezone(&Utc).timestamp_nanos_opt();
    }
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .and_then(|n| n.and_utc().timestamp_nanos_opt())
}

/// The form the CLI and boto3 write, `2026-11-23T14:35:58.123456+00:00` (a `T`
/// or a space; a fraction of 1 to 9 digits or none; `Z` or `±hh:mm`), read
/// without chrono's general parser; `None` for anything else, which the
/// general parser then reads (a test holds the two to the same results).
fn common_form(b: &[u8]) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let d = b.get(r)?;
        d.iter().try_fold(0i64, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day < 1 || day > month_days[(month - 1) as usize] {
        return None;
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut at = 19;
    let mut nanos = 0i64;
    if b[at] == b'.' {
        let digits = b[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=9).contains(&digits) {
            return None;
        }
        nanos = num(at + 1..at + 1 + digits)? * 10i64.pow(9 - digits as u32);
        at += 1 + digits;
    }
    let offset = match &b[at..] {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (num(at + 1..at + 3)?, num(at + 4..at + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            (h * 3600 + m * 60) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    // Days since 1970-01-01 from the civil date (H. Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    secs.checked_mul(1_000_000_000)?.checked_add(nanos)
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

    /// The common form, read without chrono, reads as chrono reads it.
    #[test]
    fn common_form_as_chrono_reads_it() {
        let chrono = |s: &str| {
            let t = if s.len() > 10 && s.as_bytes()[10] == b' ' {
                format!("{}T{}", &s[..10], &s[11..])
            } else {
                s.to_string()
            };
            DateTime::parse_from_rfc3339(&t)
                .ok()
                .and_then(|d| d.with_timezone(&Utc).timestamp_nanos_opt())
        };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut read = 0;
        for _ in 0..100_000 {
            let r = next();
            // Years around the epoch and far from it, every month, days past
            // the month's end, leap days, fractions of every width, offsets.
            let year = [1970, 1969, 2000, 1900, 2024, 2026, 2100, 1601, 2262][(r % 9) as usize];
            let month = 1 + (r >> 4) % 13;
            let day = 1 + (r >> 8) % 31;
            let (h, m, sec) = ((r >> 13) % 25, (r >> 18) % 61, (r >> 24) % 61);
            let digits = ((r >> 30) % 11) as usize;
            let fraction: String = (0..digits)
                .map(|i| char::from(b'0' + ((r >> (34 + i)) % 10) as u8))
                .collect();
            let fraction = if digits == 0 {
                String::new()
            } else {
                format!(".{fraction}")
            };
            let offset = match (r >> 46) % 5 {
                0 => "Z".to_string(),
                1 => "+00:00".to_string(),
                2 => format!("-{:02}:{:02}", (r >> 50) % 25, (r >> 55) % 61),
                3 => format!("+{:02}:30", (r >> 50) % 24),
                _ => "+0100".to_string(),
            };
            let sep = if (r >> 60) % 2 == 0 { 'T' } else { ' ' };
            let s = format!(
                "{year:04}-{month:02}-{day:02}{sep}{h:02}:{m:02}:{sec:02}{fraction}{offset}"
            );
            if let Some(ns) = common_form(s.as_bytes()) {
                read += 1;
                assert_eq!(Some(ns), chrono(&s), "{s}");
            }
            // Whatever the fast path leaves, the result is chrono's reading.
            let general = chrono(&s).or_else(|| {
                DateTime::parse_from_str(&s.replacen(' ', "T", 1), "%Y-%m-%dT%H:%M:%S%.f%z")
                    .ok()
                    .and_then(|d| d.with_timezone(&Utc).timestamp_nanos_opt())
            });
            assert_eq!(parse_ns(&s), general, "{s}");
        }
        assert!(read > 10_000, "{read}");
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
