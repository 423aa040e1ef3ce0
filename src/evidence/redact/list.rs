//! A plain `--expect-accounts` list (one account per line, a console CSV
//! export), read line by line as `input::organizations::parse_account_list`
//! reads it, and redacted field by field:
//!
//! - on an account line, the account ID gets its pseudonym; every other field
//!   (separated by `,`, `;` or a tab, quotes respected) that is an e-mail
//!   becomes an e-mail pseudonym, an account status or joining method
//!   (`ACTIVE`, `INVITED`) or a number or date is kept, and any other (a name)
//!   becomes a name pseudonym — so the name aggrego reads stays present or absent;
//! - a `#` comment loses its text (it often names accounts);
//! - a header line (no ID, before the first account) goes through the patterns;
//! - any other line is an error for the scan, and keeps it: its text becomes
//!   `(redacted)`, at the same line and column.

use super::{patterns, Kind, Map};

pub(super) fn redact(text: &str, map: &mut Map<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut accounts = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let eol = &line[content.len()..];
        let (body, comment) = match content.find('#') {
            Some(at) => (&content[..at], Some(at)),
            None => (content, None),
        };
        let trimmed = body.trim_end();
        let tail = &body[trimmed.len()..];
        if trimmed.trim().is_empty() {
            out.push_str(body);
        } else if first_id(trimmed) {
            accounts += 1;
            out.push_str(&fields(trimmed, map));
            out.push_str(tail);
        } else if accounts == 0 && trimmed.to_ascii_lowercase().contains("account") {
            out.push_str(&patterns::text(body, map));
        } else {
            let lead = trimmed.len() - trimmed.trim_start().len();
            out.push_str(&trimmed[..lead]);
            out.push_str("(redacted)");
            out.push_str(tail);
        }
        if comment.is_some() {
            out.push('#');
        }
        out.push_str(eol);
    }
    out
}

fn first_id(s: &str) -> bool {
    let mut found = false;
    crate::model::aws::account_id_runs(s.as_bytes(), |_| found = true);
    found
}

/// Each field of an account line, redacted; separators, spaces and quotes kept.
fn fields(line: &str, map: &mut Map<'_>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' | ';' | '\t' if !quoted => {
                out.push_str(&field(&line[start..i], map));
                out.push(c);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push_str(&field(&line[start..], map));
    out
}

fn field(raw: &str, map: &mut Map<'_>) -> String {
    let inner = raw.trim_matches(|c: char| c == '"' || c.is_whitespace());
    if inner.is_empty() {
        return raw.to_string();
    }
    let mut id = None;
    crate::model::aws::account_id_runs(raw.as_bytes(), |r| {
        id.get_or_insert(r);
    });
    if let Some(r) = id {
        // The ID and, around it, whatever else the field says (`111122223333 prod`).
        return format!(
            "{}{}{}",
            field(&raw[..r.start], map),
            map(Kind::Account, &raw[r.clone()]),
            field(&raw[r.end..], map)
        );
    }
    let Some(at) = raw.find(inner) else {
        return raw.to_string();
    };
    let with = if kept(inner) {
        inner.to_string()
    } else if inner.contains('@') && !inner.contains(char::is_whitespace) {
        map(Kind::Email, inner)
    } else {
        map(Kind::Name, inner)
    };
    format!("{}{with}{}", &raw[..at], &raw[at + inner.len()..])
}

/// An account status or joining method, a number or a date: nothing that names anyone.
fn kept(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "ACTIVE",
        "SUSPENDED",
        "PENDING_CLOSURE",
        "CLOSED",
        "INVITED",
        "CREATED",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
        || s.bytes()
            .all(|b| b.is_ascii_digit() || b"-:./+ TZ".contains(&b))
}
