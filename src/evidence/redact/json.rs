//! JSON inputs redacted value by value: every string (keys too) is read, its
//! sensitive parts replaced through the patterns or, for fields known to hold
//! them, as a whole (`Email`, an account's `Name`, `AccountName`, the session
//! of a `UserId`, root IDs), and written back in place. Everything else —
//! white space, order, numbers, escapes of strings left alone — keeps its bytes.
//!
//! One pass over the text, with a stack of the open objects and lists: no
//! recursion and no re-reading, whatever the nesting. It only follows strings
//! and brackets, so a document that is not valid JSON is redacted all the same
//! (its error is the scan's to report).

use super::{patterns, Kind, Map};
use std::borrow::Cow;
use std::ops::Range;

struct Frame {
    object: bool,
    /// The key this object or list is the value of (a list passes its key on
    /// to its elements).
    under: Option<String>,
    /// The key whose value comes next, in an object.
    key: Option<String>,
    expect_key: bool,
    has_email: bool,
    /// `Name` values, replaced once the object is known to be an account.
    names: Vec<(Range<usize>, String)>,
}

fn decode(token: &str) -> Option<Cow<'_, str>> {
    let inner = token.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(token).ok().map(Cow::Owned)
}

fn is_email_key(key: &str) -> bool {
    key.to_ascii_lowercase().contains("email")
}

fn is_root_id(s: &str) -> bool {
    s.strip_prefix("r-").is_some_and(|r| {
        (4..=32).contains(&r.len())
            && r.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// A string value as a whole, by the key it is under.
fn value(key: Option<&str>, s: &str, map: &mut Map<'_>) -> String {
    match key {
        _ if s.is_empty() => String::new(),
        Some(k) if is_email_key(k) => map(Kind::Email, s),
        Some("AccountName") => map(Kind::Name, s),
        // `AROA…:session-name` from sts get-caller-identity.
        Some("UserId") if s.contains(':') => {
            let (id, session) = s.split_once(':').unwrap_or((s, ""));
            let session = if session.is_empty() {
                String::new()
            } else {
                map(Kind::Session, session)
            };
            format!("{}:{session}", patterns::text(id, map))
        }
        _ if is_root_id(s) => map(Kind::Root, s),
        _ => patterns::text(s, map),
    }
}

/// The redacted document.
pub(super) fn redact(text: &str, map: &mut Map<'_>) -> String {
    let b = text.as_bytes();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = crate::input::json::string_end(text, i)
                    .max(i + 1)
                    .min(b.len());
                let span = i..end;
                i = end;
                let token = &text[span.clone()];
                let Some(s) = decode(token) else {
                    // Not a well-formed string: its raw text, by the patterns.
                    let out = patterns::text(token, map);
                    if out != token {
                        edits.push((span, out));
                    }
                    continue;
                };
                let top = stack.last_mut();
                let (is_key, key) = match top {
                    Some(f) if f.object && f.expect_key => (true, None),
                    Some(f) if f.object => (false, f.key.clone()),
                    Some(f) => (false, f.under.clone()),
                    None => (false, None),
                };
                if is_key {
                    if let Some(f) = stack.last_mut() {
                        f.expect_key = false;
                        f.has_email |= is_email_key(&s);
                        f.key = Some(s.to_string());
                    }
                    let out = patterns::text(&s, map);
                    if out != s {
                        edits.push((span, quote(&out)));
                    }
                    continue;
                }
                if key.as_deref() == Some("Name") {
                    if let Some(f) = stack.last_mut().filter(|f| f.object) {
                        f.names.push((span, s.into_owned()));
                        continue;
                    }
                }
                let out = value(key.as_deref(), &s, map);
                if out != s {
                    edits.push((span, quote(&out)));
                }
            }
            open @ (b'{' | b'[') => {
                let under = match stack.last() {
                    Some(f) if f.object => f.key.clone(),
                    Some(f) => f.under.clone(),
                    None => None,
                };
                stack.push(Frame {
                    object: open == b'{',
                    under,
                    key: None,
                    expect_key: open == b'{',
                    has_email: false,
                    names: Vec::new(),
                });
                i += 1;
            }
            b'}' | b']' => {
                if let Some(f) = stack.pop() {
                    // An account: list-accounts entries, describe-account, any object with an e-mail.
                    let account = f.has_email || f.under.as_deref() == Some("Accounts");
                    for (span, s) in f.names {
                        let out = if account {
                            value(Some("AccountName"), &s, map)
                        } else {
                            patterns::text(&s, map)
                        };
                        if out != s {
                            edits.push((span, quote(&out)));
                        }
                    }
                }
                i += 1;
            }
            b',' => {
                if let Some(f) = stack.last_mut().filter(|f| f.object) {
                    f.expect_key = true;
                }
                i += 1;
            }
            _ => {
                // A number or literal: account IDs written as numbers keep their length.
                let start = i;
                while i < b.len() && !matches!(b[i], b'"' | b'{' | b'}' | b'[' | b']' | b',') {
                    i += 1;
                }
                let token = &text[start..i];
                crate::model::aws::account_id_runs(token.as_bytes(), |r| {
                    let id = &token[r.clone()];
                    let out = map(Kind::Account, id);
                    if out != id {
                        edits.push((start + r.start..start + r.end, out));
                    }
                });
            }
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (r, with) in edits {
        if r.start < at {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push_str(&with);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}
