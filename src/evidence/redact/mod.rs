//! `--redact`: the values that identify an organization, its accounts and its
//! people replaced by stable pseudonyms in the inputs, policies and waivers
//! before the scan, so every artefact made from them is redacted too.
//!
//! Values are found by reading each file in its format, not by patterns over
//! its bytes where the format can be read without moving anything:
//! JSON (`json.rs`: every string value and key, fields by their key), a plain
//! `--expect-accounts` list (`list.rs`: field by field); other text (YAML,
//! HCL, Rego, file names) and the strings of JSON go through `patterns.rs`,
//! which recognises each value by its own shape.
//!
//! Each kind of value has a pseudonym of its own shape, from
//! HMAC-SHA-256(key, kind + ":" + value), so the same value gets the same
//! pseudonym in every file and findings still join up:
//!
//! - account ID (any run of exactly 12 digits): 12 other digits, so lengths,
//!   and with them lines and columns, stay as they were;
//! - e-mail address (whole value, any script, compared without case):
//!   `<12 letters>@redacted.invalid`;
//! - account name: `account-<12 letters>`;
//! - organization ID `o-<12 letters>`, OU ID `ou-<4>-<8 letters>`, root ID `r-<4 letters>`;
//! - IAM names in ARNs: `role-…`, `user-…`, `session-…`, `group-…`,
//!   `profile-…`, path segments `path-…` (AWS-defined ones kept);
//! - IAM unique and access key IDs: their 4-letter prefix and 16 capitals.
//!
//! Pseudonyms other than account IDs hold no digits, so no 12-digit run is
//! made that a reader would take for an account. Distinct values get distinct
//! pseudonyms, none equal to a value of the package (a clash takes the next
//! HMAC, `value:1`, `value:2`, …, in sorted order of the values).
//!
//! Without a secret key the pseudonyms can be traced back by computing the HMAC
//! of every 12-digit number (10^12 of them): pass `--redact-key` when that
//! matters.

mod json;
mod list;
mod patterns;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The documented public key used without `--redact-key`.
pub const DEFAULT_KEY: &str = "aggrego-evidence-redaction/1";

const KEY_CHECK: &str = "aggrego-redaction-key-check";

/// What a sensitive value is, which decides the shape of its pseudonym.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Account,
    Email,
    Name,
    Org,
    Unit,
    Root,
    Role,
    User,
    Session,
    Group,
    Profile,
    Path,
    Unique,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Account => "account",
            Kind::Email => "email",
            Kind::Name => "name",
            Kind::Org => "org",
            Kind::Unit => "ou",
            Kind::Root => "root",
            Kind::Role => "role",
            Kind::User => "user",
            Kind::Session => "session",
            Kind::Group => "group",
            Kind::Profile => "profile",
            Kind::Path => "path",
            Kind::Unique => "unique",
        }
    }

    /// The value as it is looked up: e-mail addresses without case.
    fn normal(self, value: &str) -> String {
        match self {
            Kind::Email => value.to_lowercase(),
            _ => value.to_string(),
        }
    }

    /// The pseudonym made from an HMAC of the value.
    fn shape(self, value: &str, mac: &[u8]) -> String {
        let letters = |n: usize, base: u8| {
            let mut x = u128::from_be_bytes(mac[..16].try_into().unwrap_or([0; 16]));
            (0..n)
                .map(|_| {
                    let c = char::from(base + (x % 26) as u8);
                    x /= 26;
                    c
                })
                .collect::<String>()
        };
        match self {
            Kind::Account => {
                let n = u64::from_be_bytes(mac[..8].try_into().unwrap_or([0; 8]));
                format!("{:012}", n % 1_000_000_000_000)
            }
            Kind::Email => format!("{}@redacted.invalid", letters(12, b'a')),
            Kind::Name => format!("account-{}", letters(12, b'a')),
            Kind::Org => format!("o-{}", letters(12, b'a')),
            Kind::Unit => {
                let l = letters(12, b'a');
                format!("ou-{}-{}", &l[..4], &l[4..])
            }
            Kind::Root => format!("r-{}", letters(4, b'a')),
            Kind::Unique => {
                let prefix: String = value.chars().take(4).collect();
                format!("{prefix}{}", letters(16, b'A'))
            }
            Kind::Role | Kind::User | Kind::Session | Kind::Group | Kind::Profile | Kind::Path => {
                format!("{}-{}", self.tag(), letters(12, b'a'))
            }
        }
    }
}

/// Replaces (or, while collecting, records) one value of a kind.
pub type Map<'a> = dyn FnMut(Kind, &str) -> String + 'a;

fn hmac(key: &[u8], message: &str) -> Vec<u8> {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        // HMAC takes keys of any length; this branch is never taken.
        return vec![0; 32];
    };
    mac.update(message.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The key check recorded in the manifest (never the key itself).
pub fn key_check(key: &str) -> String {
    hmac(key.as_bytes(), KEY_CHECK)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// How a file is read to find its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON when it parses as JSON (or its name ends in `.json`), else text.
    Auto,
    /// The `--expect-accounts` file: JSON as above, else a plain account list.
    AccountList,
}

/// The same reading whether values are collected or replaced, so every value
/// replaced was collected first.
fn rewrite(name: &str, text: &str, format: Format, map: &mut Map<'_>) -> String {
    let valid = crate::input::json::Doc::parse(text).is_ok();
    if valid
        || (format == Format::Auto && name.to_ascii_lowercase().ends_with(".json"))
        || (format == Format::AccountList && text.trim_start().starts_with(['{', '[']))
    {
        json::redact(text, map)
    } else if format == Format::AccountList {
        list::redact(text, map)
    } else {
        patterns::text(text, map)
    }
}

/// Everything to be replaced, gathered over all the files of a package first so
/// pseudonyms never collide with a value of the package.
#[derive(Default)]
pub struct Collected {
    values: BTreeMap<Kind, BTreeSet<String>>,
}

impl Collected {
    fn map(&mut self) -> impl FnMut(Kind, &str) -> String + '_ {
        |kind, value| {
            self.values
                .entry(kind)
                .or_default()
                .insert(kind.normal(value));
            value.to_string()
        }
    }

    /// A file's bytes, read as `format`; `name` is its path in the package.
    pub fn file(&mut self, name: &str, bytes: &[u8], format: Format) {
        match Text::decode(bytes) {
            Some(t) => {
                rewrite(name, &t.text, format, &mut self.map());
            }
            None => crate::model::aws::account_id_runs(bytes, |r| {
                self.values
                    .entry(Kind::Account)
                    .or_default()
                    .insert(String::from_utf8_lossy(&bytes[r]).into_owned());
            }),
        }
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.file("", bytes, Format::Auto);
    }

    pub fn text(&mut self, s: &str) {
        patterns::text(s, &mut self.map());
    }
}

pub struct Redactor {
    key: Vec<u8>,
    pseudonyms: BTreeMap<(Kind, String), String>,
}

impl Redactor {
    pub fn new(key: &str, found: Collected) -> Redactor {
        let key = key.as_bytes().to_vec();
        let mut pseudonyms = BTreeMap::new();
        for (kind, values) in found.values {
            let mut taken: HashSet<String> = values.iter().cloned().collect();
            for value in values {
                let mut n = 0u32;
                let p = loop {
                    let msg = if n == 0 {
                        format!("{}:{value}", kind.tag())
                    } else {
                        format!("{}:{value}:{n}", kind.tag())
                    };
                    let p = kind.shape(&value, &hmac(&key, &msg));
                    if taken.insert(p.clone()) {
                        break p;
                    }
                    n += 1;
                };
                pseudonyms.insert((kind, value), p);
            }
        }
        Redactor { key, pseudonyms }
    }

    /// The pseudonym of a value; every value was collected first, one that was
    /// not gets its first HMAC.
    fn pseudonym(&self, kind: Kind, value: &str) -> String {
        let value = kind.normal(value);
        match self.pseudonyms.get(&(kind, value.clone())) {
            Some(p) => p.clone(),
            None => kind.shape(&value, &hmac(&self.key, &format!("{}:{value}", kind.tag()))),
        }
    }

    #[cfg(test)]
    fn id(&self, id: &str) -> String {
        self.pseudonym(Kind::Account, id)
    }

    /// File bytes redacted, in the file's own encoding.
    pub fn file(&self, name: &str, bytes: &[u8], format: Format) -> Vec<u8> {
        match Text::decode(bytes) {
            Some(t) => t.encode(&rewrite(name, &t.text, format, &mut |k, v| {
                self.pseudonym(k, v)
            })),
            None => {
                // Not text: account IDs only, in place.
                let mut out = bytes.to_vec();
                crate::model::aws::account_id_runs(bytes, |r| {
                    let p =
                        self.pseudonym(Kind::Account, &String::from_utf8_lossy(&bytes[r.clone()]));
                    out[r].copy_from_slice(p.as_bytes());
                });
                out
            }
        }
    }

    pub fn bytes(&self, bytes: &[u8]) -> Vec<u8> {
        self.file("", bytes, Format::Auto)
    }

    /// Free text (a file name, a flag, a message), by the patterns.
    pub fn text(&self, s: &str) -> String {
        patterns::text(s, &mut |k, v| self.pseudonym(k, v))
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
            (&[], crate::load::source::utf16_without_bom(bytes))
        };
        // The same decoding as the scan's.
        let text = crate::load::source::decode(bytes.to_vec()).ok()?;
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
            c.bytes(t.as_bytes());
        }
        Redactor::new(DEFAULT_KEY, c)
    }

    #[test]
    fn ids_keep_their_length_and_map_stably() {
        let text = r#"{"SourceId": "111122223333", "Arn": "arn:aws:config:eu-west-1:111122223333:config-aggregator/x", "n": 1234567890123, "m": "44445555666677"}"#;
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
        let out = String::from_utf8(r.bytes(text.as_bytes())).unwrap();
        assert!(
            !out.contains("Example.com") && !out.contains("Prod"),
            "{out}"
        );
        assert!(out.contains(&format!(
            "\"Name\": \"{}\"",
            r.pseudonym(Kind::Name, "Prod \"core\"")
        )));
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
        let back = crate::load::source::decode(out).unwrap();
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

    fn redact(r: &Redactor, name: &str, text: &str, format: Format) -> String {
        String::from_utf8(r.file(name, text.as_bytes(), format)).unwrap()
    }

    fn collected(files: &[(&str, &str, Format)]) -> Redactor {
        let mut c = Collected::default();
        for (name, text, format) in files {
            c.file(name, text.as_bytes(), *format);
        }
        Redactor::new(DEFAULT_KEY, c)
    }

    #[test]
    fn json_values_by_field_in_place() {
        let text = "{\n  \"Accounts\": [\n    {\"Id\": \"111122223333\", \"Name\": \"Ops {prod} \\\"eu\\\" Zürich\", \"Email\": \"jürgen.müller@bücher.example\"},\n    {\"Id\": \"444455556666\", \"Name\": \"}{\", \"Email\": \"Δοκιμή@παράδειγμα.δοκιμή\"}\n  ],\n  \"Note\": \"mail ops@xn--bcher-kva.example or 444455556666\",\n  \"Count\": 2\n}\n";
        let r = collected(&[("a.json", text, Format::Auto)]);
        let out = redact(&r, "a.json", text, Format::Auto);
        for secret in [
            "Ops",
            "Zürich",
            "jürgen",
            "müller",
            "bücher",
            "Δοκιμή",
            "παράδειγμα",
            "\"}{\"",
            "xn--bcher",
            "111122223333",
            "444455556666",
        ] {
            assert!(!out.contains(secret), "{secret} in {out}");
        }
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["Accounts"][0]["Name"],
            r.pseudonym(Kind::Name, "Ops {prod} \"eu\" Zürich")
        );
        assert_eq!(
            v["Accounts"][1]["Email"],
            r.pseudonym(Kind::Email, "δοκιμή@παράδειγμα.δοκιμή")
        );
        // Same value, same pseudonym, inside free text too.
        assert!(out.contains(&r.id("444455556666")));
        // Lines and everything but the redacted strings stay.
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(
            out.contains("\"Count\": 2\n}\n")
                && out.starts_with("{\n  \"Accounts\": [\n    {\"Id\": \"")
        );
    }

    #[test]
    fn organization_ids_and_iam_names() {
        let org = r#"{"Organization": {"Id": "o-a1b2c3d4e5", "Arn": "arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5", "MasterAccountEmail": "root+aws@example.com"}, "Roots": [{"Id": "r-ab12", "Arn": "arn:aws:organizations::111122223333:root/o-a1b2c3d4e5/r-ab12"}], "Parent": "ou-ab12-cdefgh34"}"#;
        let caller = r#"{"UserId": "AROAEXAMPLEID1234567:jane.doe@example.com", "Account": "111122223333", "Arn": "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123abcd/jane.doe@example.com"}"#;
        let tf = "role_arn = \"arn:aws:iam::111122223333:role/team/ConfigAggregator\"\nslr = \"arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig\"\nuser = \"arn:aws:iam::111122223333:user/ops/alice\"\n";
        let r = collected(&[
            ("org.json", org, Format::Auto),
            ("caller.json", caller, Format::Auto),
            ("main.tf", tf, Format::Auto),
        ]);
        let all = [
            redact(&r, "org.json", org, Format::Auto),
            redact(&r, "caller.json", caller, Format::Auto),
            redact(&r, "main.tf", tf, Format::Auto),
        ]
        .join("\n");
        for secret in [
            "a1b2c3d4e5",
            "r-ab12",
            "ou-ab12",
            "root+aws",
            "AROAEXAMPLEID",
            "jane",
            "AWSReservedSSO",
            "team/",
            "ConfigAggregator",
            "alice",
            "ops/",
            "111122223333",
        ] {
            assert!(!all.contains(secret), "{secret} in {all}");
        }
        let org_id = r.pseudonym(Kind::Org, "o-a1b2c3d4e5");
        assert!(org_id.len() == 14 && org_id.starts_with("o-"), "{org_id}");
        assert_eq!(all.matches(&org_id).count(), 3, "{all}");
        // AWS-defined roles keep their names; the shape of every ARN stays.
        assert!(
            all.contains(":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig\"")
        );
        let role = r.pseudonym(Kind::Role, "ConfigAggregator");
        assert!(all.contains(&format!(
            ":role/{}/{role}\"",
            r.pseudonym(Kind::Path, "team")
        )));
        assert!(all.contains(":assumed-role/role-") && all.contains("/session-"));
        assert!(all.contains("\"UserId\": \"AROA") && all.contains(":session-"));
    }

    #[test]
    fn account_lists_field_by_field() {
        let text = "# ACME production accounts\nAccount ID,Name,Email,Status\n111122223333,\"Prod, EU\",ops@example.com,ACTIVE\r\n\"444455556666\";Zoë's team\n555566667777 Security # the SOC\nnot an id: Finance\n\n";
        let r = collected(&[("expect/accounts.csv", text, Format::AccountList)]);
        let out = redact(&r, "expect/accounts.csv", text, Format::AccountList);
        for secret in [
            "ACME",
            "Prod",
            "EU",
            "ops@",
            "Zoë",
            "Security",
            "SOC",
            "Finance",
            "111122223333",
        ] {
            assert!(!out.contains(secret), "{secret} in {out}");
        }
        // aggrego reads the same accounts, with names where they were, and the same error.
        let read = |t: &str| {
            let f = crate::load::source::SourceFile::new("a.csv".into(), t.to_string());
            let (accounts, errors) = crate::input::organizations::parse_account_list(0, &f);
            let accounts: Vec<_> = accounts
                .iter()
                .map(|a| (f.line_col(a.span.start as usize).line, a.name.is_some()))
                .collect();
            let errors: Vec<_> = errors
                .iter()
                .map(|e| e.input_span().map(|(_, s)| f.line_col(s.start)))
                .collect();
            (accounts, errors)
        };
        assert_eq!(read(&out), read(text), "{out}");
        assert!(out.contains(&r.pseudonym(Kind::Name, "Prod, EU")) && out.contains(",ACTIVE\r\n"));
        assert!(out.contains(&r.pseudonym(Kind::Email, "ops@example.com")));
    }

    #[test]
    fn deep_json_is_one_pass() {
        let text = "[".repeat(200_000) + "\"111122223333\"" + &"]".repeat(200_000);
        let r = collected(&[("deep.json", &text, Format::Auto)]);
        let out = redact(&r, "deep.json", &text, Format::Auto);
        assert_eq!(out.len(), text.len());
        assert!(!out.contains("111122223333"));
    }
}
