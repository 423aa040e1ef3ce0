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
        Some(Instant {
            ns: dt.timestamp_nanos_opt()?,
            rfc3339: dt.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        })
    }

    pub fn from_ns(ns: i64) -> Instant {
        Instant {
            ns,
            rfc3339: Utc
                .timestamp_nanos(ns)
                .to_rfc3339_opts(SecondsFormat::AutoSi, true),
        }
    }
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
}
