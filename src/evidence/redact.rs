//! `--redact`: account IDs, e-mail addresses and organization account names
//! replaced by stable pseudonyms in the inputs, policies and waivers before the
//! scan, so every artefact made from them is redacted too.
//!
//! - An account ID is any run of exactly 12 ASCII digits (in ARNs, `AccountIds`,
//!   `SourceId`, `Id`, file names…). Its pseudonym is 12 digits from
//!   HMAC-SHA-256(key, "account:" + id), so lengths, and with them every line and
//!   column, stay as they were. Distinct IDs get distinct pseudonyms, none equal
//!   to an ID of the package (a clash takes the next HMAC, `id:1`, `id:2`, …, in
//!   sorted order of the IDs).
//! - An e-mail address becomes `<12 digits>@redacted.invalid`.
//! - In `organizations list-accounts` output (objects with `Email`), `Name`
//!   becomes `account-<pseudonym of the object's Id>`.
//!
//! Without a secret key the pseudonyms can be traced back by computing the HMAC
//! of every 12-digit number (10^12 of them): pass `--redact-key` when that
//! matters.

use hmac::{Hmac, Mac};
use regex::Regex;
use sha2::Sha256;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

/// The documented public key used without `--redact-key`.
pub const DEFAULT_KEY: &str = "aggrego-evidence-redaction/1";

const KEY_CHECK: &str = "aggrego-redaction-key-check";

static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}").ok()
});
/// A flat JSON object: `organizations list-accounts` entries have no nesting.
static OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\{[^{}]*\}").ok());
static ID_FIELD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#""Id"\s*:\s*"([0-9]{12})""#).ok());
static NAME_FIELD: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#""Name"\s*:\s*"((?:[^"\\]|\\.)*)""#).ok());

fn hmac12(key: &[u8], message: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        // HMAC takes keys of any length; this branch is never taken.
        return "000000000000".into();
    };
    mac.update(message.as_bytes());
    let bytes = mac.finalize().into_bytes();
    let mut n = [0u8; 8];
    n.copy_from_slice(&bytes[..8]);
    format!("{:012}", u64::from_be_bytes(n) % 1_000_000_000_000)
}

/// The key check recorded in the manifest (never the key itself).
pub fn key_check(key: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(KEY_CHECK.as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything to be replaced, gathered over all the files of a package first so
/// pseudonyms never collide with an ID of the package.
#[derive(Default)]
pub struct Collected {
    ids: BTreeSet<String>,
    emails: BTreeSet<String>,
}

impl Collected {
    pub fn bytes(&mut self, bytes: &[u8]) {
        match Text::decode(bytes) {
            Some(t) => self.text(&t.text),
            None => crate::context::account_id_runs(bytes, |r| {
                self.ids
                    .insert(String::from_utf8_lossy(&bytes[r]).into_owned());
            }),
        }
    }

    pub fn text(&mut self, s: &str) {
        crate::context::account_id_runs(s.as_bytes(), |r| {
            self.ids.insert(s[r].to_string());
        });
        if let Some(re) = EMAIL.as_ref() {
            for m in re.find_iter(s) {
                self.emails.insert(m.as_str().to_ascii_lowercase());
            }
        }
    }
}

pub struct Redactor {
    key: Vec<u8>,
    ids: BTreeMap<String, String>,
    emails: BTreeMap<String, String>,
}

impl Redactor {
    pub fn new(key: &str, found: Collected) -> Redactor {
        let key = key.as_bytes();
        let mut taken: HashSet<String> = found.ids.iter().cloned().collect();
        let mut pick = |base: &str| {
            let mut n = 0u32;
            loop {
                let msg = if n == 0 {
                    base.to_string()
                } else {
                    format!("{base}:{n}")
                };
                let p = hmac12(key, &msg);
                if taken.insert(p.clone()) {
                    return p;
                }
                n += 1;
            }
        };
        let ids = found
            .ids
            .iter()
            .map(|id| (id.clone(), pick(&format!("account:{id}"))))
            .collect();
        let emails = found
            .emails
            .iter()
            .map(|e| (e.clone(), pick(&format!("email:{e}"))))
            .collect();
        Redactor {
            key: key.to_vec(),
            ids,
            emails,
        }
    }

    fn id(&self, id: &str) -> String {
        // Every ID was collected first; one that was not keeps its length.
        self.ids
            .get(id)
            .cloned()
            .unwrap_or_else(|| "0".repeat(id.len()))
    }

    /// File bytes redacted, in the file's own encoding.
    pub fn bytes(&self, bytes: &[u8]) -> Vec<u8> {
        match Text::decode(bytes) {
            Some(t) => t.encode(&self.text(&t.text)),
            None => {
                let mut out = bytes.to_vec();
                crate::context::account_id_runs(bytes, |r| {
                    let p = self.id(&String::from_utf8_lossy(&bytes[r.clone()]));
                    out[r].copy_from_slice(p.as_bytes());
                });
                out
            }
        }
    }

    pub fn text(&self, s: &str) -> String {
        // Replacements that are not account IDs, by byte range; account IDs are
        // replaced in the gaps between them (so a pseudonym is never replaced again).
        let mut spans: Vec<(usize, usize, String)> = Vec::new();
        if s.contains("\"Email\"") {
            if let (Some(obj), Some(idf), Some(namef)) =
                (OBJECT.as_ref(), ID_FIELD.as_ref(), NAME_FIELD.as_ref())
            {
                for o in obj.find_iter(s) {
                    let body = o.as_str();
                    if !body.contains("\"Email\"") {
                        continue;
                    }
                    let id = idf.captures(body).and_then(|c| c.get(1));
                    if let Some(name) = namef.captures(body).and_then(|c| c.get(1)) {
                        let pseudonym = match id {
                            Some(id) => self.id(id.as_str()),
                            None => hmac12(&self.key, &format!("name:{}", name.as_str())),
                        };
                        spans.push((
                            o.start() + name.start(),
                            o.start() + name.end(),
                            format!("account-{pseudonym}"),
                        ));
                    }
                }
            }
        }
        if let Some(re) = EMAIL.as_ref() {
            for m in re.find_iter(s) {
                if spans.iter().any(|(a, b, _)| m.start() < *b && *a < m.end()) {
                    continue;
                }
                let p = self
                    .emails
                    .get(&m.as_str().to_ascii_lowercase())
                    .cloned()
                    .unwrap_or_else(|| "000000000000".into());
                spans.push((m.start(), m.end(), format!("{p}@redacted.invalid")));
            }
        }
        spans.sort_by_key(|s| s.0);
        let mut out = String::with_capacity(s.len());
        let mut at = 0;
        let gap = |out: &mut String, text: &str| {
            let mut last = 0;
            crate::context::account_id_runs(text.as_bytes(), |r| {
                out.push_str(&text[last..r.start]);
                out.push_str(&self.id(&text[r.clone()]));
                last = r.end;
            });
            out.push_str(&text[last..]);
        };
        for (start, end, with) in spans {
            if start < at {
                continue;
            }
            gap(&mut out, &s[at..start]);
            out.push_str(&with);
            at = end;
        }
        gap(&mut out, &s[at..]);
        out
    }
}

/// A file's text and how to write it back the way it was encoded.
struct Text {
    text: String,
    bom: &'static [u8],
    /// `Some(little_endian)` for UTF-16.
    utf16: Option<bool>,
}

impl Text {
    fn decode(bytes: &[u8]) -> Option<Text> {
        let (bom, utf16): (&'static [u8], Option<bool>) = if bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        {
            (&[0xEF, 0xBB, 0xBF], None)
        } else if bytes.starts_with(&[0xFF, 0xFE]) {
            (&[0xFF, 0xFE], Some(true))
        } else if bytes.starts_with(&[0xFE, 0xFF]) {
            (&[0xFE, 0xFF], Some(false))
        } else {
            (&[], crate::source::utf16_without_bom(bytes))
        };
        // The same decoding as the scan's.
        let text = crate::source::decode(bytes.to_vec()).ok()?;
        Some(Text { text, bom, utf16 })
    }

    fn encode(&self, s: &str) -> Vec<u8> {
        let mut out = self.bom.to_vec();
        match self.utf16 {
            None => out.extend_from_slice(s.as_bytes()),
            Some(le) => {
                for u in s.encode_utf16() {
                    out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redactor(texts: &[&str]) -> Redactor {
        let mut c = Collected::default();
        for t in texts {
            c.text(t);
        }
        Redactor::new(DEFAULT_KEY, c)
    }

    #[test]
    fn ids_keep_their_length_and_map_stably() {
        let text = r#"{"SourceId": "111122223333", "Arn": "arn:aws:iam::111122223333:role/x", "n": 1234567890123, "m": "44445555666677"}"#;
        let r = redactor(&[text]);
        let out = r.text(text);
        assert_eq!(out.len(), text.len());
        assert!(!out.contains("111122223333"));
        let p = r.id("111122223333");
        assert_eq!(out.matches(&p).count(), 2, "{out}");
        // Not 12 digits: left alone.
        assert!(out.contains("1234567890123") && out.contains("44445555666677"));
        // Same ID, same pseudonym, whatever else the package holds.
        let again = redactor(&["000011112222", text]);
        assert_eq!(again.id("111122223333"), p);
    }

    #[test]
    fn pseudonyms_never_collide() {
        let ids: Vec<String> = (0..2000)
            .map(|i| format!("{:012}", 100_000_000_000u64 + i))
            .collect();
        let text = ids.join(",");
        let r = redactor(&[&text]);
        let out: HashSet<String> = ids.iter().map(|i| r.id(i)).collect();
        assert_eq!(out.len(), ids.len());
        assert!(ids.iter().all(|i| !out.contains(i)));
    }

    #[test]
    fn emails_and_account_names() {
        let text = r#"{"Accounts": [{"Id": "111122223333", "Arn": "arn:aws:organizations::999988887777:account/o-x/111122223333", "Email": "Ops+Prod@Example.com", "Name": "Prod \"core\"", "Status": "ACTIVE"}]}"#;
        let r = redactor(&[text]);
        let out = r.text(text);
        assert!(
            !out.contains("Example.com") && !out.contains("Prod"),
            "{out}"
        );
        assert!(out.contains(&format!("\"Name\": \"account-{}\"", r.id("111122223333"))));
        assert!(out.contains("@redacted.invalid"));
        assert!(!out.contains("111122223333") && !out.contains("999988887777"));
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
    }

    #[test]
    fn utf16_files_stay_utf16() {
        let text = "{\"SourceId\": \"111122223333\"}";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut c = Collected::default();
        c.bytes(&bytes);
        let r = Redactor::new("k", c);
        let out = r.bytes(&bytes);
        assert_eq!(out.len(), bytes.len());
        let back = crate::source::decode(out).unwrap();
        assert!(back.contains(&r.id("111122223333")) && !back.contains("111122223333"));
        // Not text: digits are still replaced, in place.
        let raw = b"\xFF\x00\xC3 111122223333 \xFE".to_vec();
        let mut c = Collected::default();
        c.bytes(&raw);
        let r = Redactor::new("k", c);
        let out = r.bytes(&raw);
        assert_eq!(out.len(), raw.len());
        assert!(!String::from_utf8_lossy(&out).contains("111122223333"));
    }

    #[test]
    fn the_key_matters() {
        let a = redactor(&["111122223333"]).id("111122223333");
        let mut c = Collected::default();
        c.text("111122223333");
        let b = Redactor::new("secret", c).id("111122223333");
        assert_ne!(a, b);
        assert_ne!(key_check("a"), key_check("b"));
        assert_eq!(key_check("a").len(), 16);
    }
}
