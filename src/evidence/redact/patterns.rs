//! Sensitive values inside one piece of free text: a string value of JSON, a
//! line of YAML or HCL, a file name. Each value is recognised by its own shape
//! (an ARN is read into its parts), never by what surrounds it.

use super::{Kind, Map};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// IAM, STS and Organizations ARNs with an account ID; group 1 the service,
/// group 2 the resource.
static ARN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"arn:aws[a-z-]*:(iam|sts|organizations):[a-z0-9-]*:[0-9]{12}:([A-Za-z0-9+=,.@_/-]+)",
    )
    .ok()
});
/// An e-mail address in any script: a local part of letters, digits, marks and
/// the usual punctuation (quotes, slashes, braces and `=` excluded so quoting
/// and paths around it stay), `@`, then dotted labels ending in a letter label.
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"[\p{L}\p{N}\p{M}!#$%&'*+.?^_|~-]+@(?:[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]*)\.)+\p{L}[\p{L}\p{N}\p{M}-]+",
    )
    .ok()
});
static ORG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"o-[a-z0-9]{10,32}").ok());
static UNIT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}").ok());
/// IAM unique IDs and access key IDs (`AROA…`, `AIDA…`, `AKIA…`).
static UNIQUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:AIDA|AROA|AIPA|ANPA|ANVA|ASIA|AKIA|AGPA|ASCA|APKA)[A-Z0-9]{12,128}").ok()
});

/// Path segments and names AWS defines, kept so the ARN still says what it is.
fn aws_defined(segment: &str) -> bool {
    matches!(
        segment,
        "aws-service-role" | "service-role" | "aws-reserved"
    ) || segment.ends_with(".amazonaws.com")
        || segment.starts_with("AWSServiceRole")
}

/// Is the match at `r` delimited (no letter, digit, `_` or `-` touching it)?
fn delimited(s: &str, r: &Range<usize>) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    !s[..r.start].chars().next_back().is_some_and(word)
        && !s[r.end..].chars().next().is_some_and(word)
}

/// Replacements for the parts of an ARN's resource that name someone.
fn arn(service: &str, resource: &str, at: usize, out: &mut Vec<(Range<usize>, Kind)>) {
    let segments: Vec<(usize, &str)> = resource
        .split('/')
        .scan(0, |pos, seg| {
            let start = *pos;
            *pos += seg.len() + 1;
            Some((at + start, seg))
        })
        .collect();
    let Some(&(_, kind)) = segments.first() else {
        return;
    };
    let rest = &segments[1..];
    if service == "organizations" {
        for &(start, seg) in rest {
            let kind = if seg.starts_with("ou-") {
                Kind::Unit
            } else if seg.starts_with("o-") {
                Kind::Org
            } else if seg.starts_with("r-") {
                Kind::Root
            } else {
                continue;
            };
            out.push((start..start + seg.len(), kind));
        }
        return;
    }
    if rest.first().is_some_and(|(_, s)| *s == "aws-service-role") {
        return;
    }
    let last = match kind {
        "role" => Kind::Role,
        "user" | "federated-user" => Kind::User,
        "group" => Kind::Group,
        "instance-profile" => Kind::Profile,
        "assumed-role" => {
            // assumed-role/ROLE/SESSION
            let kinds = [Kind::Role, Kind::Session];
            for (&(start, seg), kind) in rest.iter().zip(kinds) {
                if !seg.is_empty() && !aws_defined(seg) {
                    out.push((start..start + seg.len(), kind));
                }
            }
            return;
        }
        _ => return,
    };
    for (i, &(start, seg)) in rest.iter().enumerate() {
        if seg.is_empty() || aws_defined(seg) {
            continue;
        }
        let kind = if i + 1 == rest.len() {
            last
        } else {
            Kind::Path
        };
        out.push((start..start + seg.len(), kind));
    }
}

/// The e-mail addresses of `s`, without leading punctuation (`'a@b.c'`).
pub(super) fn emails(s: &str) -> Vec<Range<usize>> {
    let Some(re) = EMAIL.as_ref() else {
        return Vec::new();
    };
    re.find_iter(s)
        .filter_map(|m| {
            let text = m.as_str();
            let lead = text.find(|c: char| c.is_alphanumeric())?;
            (text[lead..].find('@')? > 0).then_some(m.start() + lead..m.end())
        })
        .collect()
}

/// Every sensitive value of `s`, replaced through `map`.
pub(super) fn text(s: &str, map: &mut Map<'_>) -> String {
    let mut found: Vec<(Range<usize>, Kind)> = Vec::new();
    if let Some(re) = ARN.as_ref() {
        for c in re.captures_iter(s) {
            if let (Some(service), Some(resource)) = (c.get(1), c.get(2)) {
                arn(
                    service.as_str(),
                    resource.as_str(),
                    resource.start(),
                    &mut found,
                );
            }
        }
    }
    let add = |found: &mut Vec<(Range<usize>, Kind)>, r: Range<usize>, kind: Kind| {
        if !found
            .iter()
            .any(|(f, _)| r.start < f.end && f.start < r.end)
        {
            found.push((r, kind));
        }
    };
    for r in emails(s) {
        add(&mut found, r, Kind::Email);
    }
    for (re, kind) in [
        (&UNIT, Kind::Unit),
        (&ORG, Kind::Org),
        (&UNIQUE, Kind::Unique),
    ] {
        if let Some(re) = re.as_ref() {
            for m in re.find_iter(s) {
                if delimited(s, &m.range()) {
                    add(&mut found, m.range(), kind);
                }
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    // Account IDs are replaced between the other values, so a pseudonym is never replaced again.
    for (r, kind) in found {
        if r.start < at {
            continue;
        }
        gap(&mut out, &s[at..r.start], map);
        out.push_str(&map(kind, &s[r.clone()]));
        at = r.end;
    }
    gap(&mut out, &s[at..], map);
    out
}

/// `text` with its account IDs replaced.
fn gap(out: &mut String, text: &str, map: &mut Map<'_>) {
    let mut last = 0;
    crate::model::aws::account_id_runs(text.as_bytes(), |r| {
        out.push_str(&text[last..r.start]);
        out.push_str(&map(Kind::Account, &text[r.clone()]));
        last = r.end;
    });
    out.push_str(&text[last..]);
}
