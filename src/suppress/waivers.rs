//! The waivers file: accepted risks kept outside the inputs, with a reason, a
//! target and an optional end date.
//!
//! ```yaml
//! waivers:
//!   - id: AGG003
//!     file: "sandbox/**"
//!     reason: Sandbox accounts aggregate one region by design (RISK-42)
//!     expires: 2027-03-31
//! ```

use crate::diag::Diagnostic;
use crate::input::yaml::{from_yaml, N, V};
use crate::load::source::SourceFile;
use crate::model::FileId;
use globset::{GlobBuilder, GlobMatcher};
use std::ops::Range;

/// The waivers file read from the scan root when `--waivers` is not given.
pub use crate::load::names::WAIVERS_FILE as DEFAULT_FILE;

const KEYS: &[&str] = &[
    "id",
    "reason",
    "expires",
    "file",
    "resource",
    "account",
    "region",
    "aggregator",
];

#[derive(Debug, Clone)]
pub struct Target {
    pub pattern: String,
    matcher: GlobMatcher,
}

impl Target {
    pub fn matches(&self, value: &str) -> bool {
        self.matcher.is_match(value)
    }
}

#[derive(Debug, Clone)]
pub struct Waiver {
    pub file: FileId,
    pub span: Range<usize>,
    pub ids: Vec<String>,
    pub reason: String,
    /// As written, and the instant it stops suppressing.
    pub expires: Option<(String, i64, Range<usize>)>,
    /// Matched against the finding's path relative to the waivers file's folder.
    pub path: Option<Target>,
    /// The waivers file's folder as reports spell paths (`""` for the current one).
    pub base: String,
    pub resource: Option<Target>,
    pub account: Option<Target>,
    pub region: Option<Target>,
    pub aggregator: Option<Target>,
}

impl Waiver {
    /// A finding's path as the `file` pattern sees it.
    pub fn relative<'p>(&self, path: &'p str) -> &'p str {
        if self.base.is_empty() {
            return path;
        }
        path.strip_prefix(self.base.as_str())
            .and_then(|p| p.strip_prefix('/'))
            .unwrap_or(path)
    }

    pub fn describe_target(&self) -> String {
        let mut parts = Vec::new();
        for (k, t) in [
            ("file", &self.path),
            ("resource", &self.resource),
            ("account", &self.account),
            ("region", &self.region),
            ("aggregator", &self.aggregator),
        ] {
            if let Some(t) = t {
                parts.push(format!("{k} {}", t.pattern));
            }
        }
        parts.join(", ")
    }

    fn has_target(&self) -> bool {
        self.path.is_some()
            || self.resource.is_some()
            || self.account.is_some()
            || self.region.is_some()
            || self.aggregator.is_some()
    }
}

/// Read a waivers file. Entries with errors are left out (so what they would
/// hide stays visible) and reported with their location.
pub fn parse(
    id: FileId,
    file: &SourceFile,
    known_ids: &dyn Fn(&str) -> bool,
) -> (Vec<Waiver>, Vec<Diagnostic>) {
    let mut reader = Reader {
        id,
        file,
        known_ids,
        errors: Vec::new(),
        ok: true,
    };
    if file.text.trim().is_empty() {
        return (Vec::new(), reader.errors);
    }
    let root = match from_yaml(&file.text) {
        Ok(r) => r,
        Err((at, msg)) => {
            reader.err(&(at..at + 1), msg);
            return (Vec::new(), reader.errors);
        }
    };
    let Some(items) = reader.entries(&root) else {
        return (Vec::new(), reader.errors);
    };
    let base = file
        .name
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| dir.to_string());
    let out = items
        .iter()
        .filter_map(|item| reader.waiver(item, &base))
        .collect();
    (out, reader.errors)
}

/// The state of reading one waivers file: the errors found so far, and
/// whether the entry being read is still free of them.
struct Reader<'a> {
    id: FileId,
    file: &'a SourceFile,
    known_ids: &'a dyn Fn(&str) -> bool,
    errors: Vec<Diagnostic>,
    /// False once the current entry has an error: it is then left out.
    ok: bool,
}

impl Reader<'_> {
    fn err(&mut self, at: &Range<usize>, msg: String) {
        self.errors
            .push(Diagnostic::at(&self.file.name, self.id, at.clone(), msg));
    }

    /// An error in the current entry, which is then left out.
    fn reject(&mut self, at: &Range<usize>, msg: String) {
        self.err(at, msg);
        self.ok = false;
    }

    /// The list of entries: the document itself, or its `waivers:` key.
    fn entries<'n>(&mut self, root: &'n N) -> Option<&'n [N]> {
        match (&root.v, root.get("waivers")) {
            (V::Seq(items), _) => Some(items.as_slice()),
            (
                _,
                Some(N {
                    v: V::Seq(items), ..
                }),
            ) => Some(items.as_slice()),
            (_, Some(N { v: V::Null, .. })) => Some(&[]),
            _ => {
                self.err(
                    &root.span,
                    "a waivers file holds `waivers:`, a list of entries with id, reason and a target"
                        .into(),
                );
                None
            }
        }
    }

    /// One entry as a waiver, or `None` when it has an error.
    fn waiver(&mut self, item: &N, base: &str) -> Option<Waiver> {
        let V::Map(entries) = &item.v else {
            self.err(
                &item.span,
                "a waiver is a mapping: id, reason, a target and optionally expires".into(),
            );
            return None;
        };
        self.ok = true;
        self.check_keys(entries);
        let ids = self.ids(item);
        let reason = self.reason(item);
        let expires = self.expires(item);
        let waiver = Waiver {
            file: self.id,
            span: item.span.clone(),
            ids,
            reason,
            expires,
            path: self.target(item, "file", true),
            base: base.to_string(),
            resource: self.target(item, "resource", false),
            account: self.target(item, "account", false),
            region: self.target(item, "region", false),
            aggregator: self.target(item, "aggregator", false),
        };
        if self.ok && !waiver.has_target() {
            self.reject(
                &item.span,
                "waiver needs a target: file, resource, account, region or aggregator (use --skip-rule to turn a rule off everywhere)".into(),
            );
        }
        self.ok.then_some(waiver)
    }

    fn check_keys(&mut self, entries: &[(String, Range<usize>, N)]) {
        for (k, kspan, _) in entries {
            if !KEYS.contains(&k.as_str()) {
                self.reject(
                    kspan,
                    format!(
                        "unknown waiver key `{k}` (expected one of {})",
                        KEYS.join(", ")
                    ),
                );
            }
        }
    }

    /// The rule ids: a list, or one string of comma-separated ids; each one
    /// must be known.
    fn ids(&mut self, item: &N) -> Vec<String> {
        let ids: Vec<String> = match item.get("id").map(|n| &n.v) {
            Some(V::Seq(list)) => list.iter().filter_map(text).collect(),
            Some(_) => item
                .get("id")
                .and_then(text)
                .map(|s| s.split(',').map(|p| p.trim().to_string()).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let ids: Vec<String> = ids.into_iter().filter(|s| !s.is_empty()).collect();
        if ids.is_empty() {
            self.reject(
                &item.span,
                "waiver needs `id`: the rule it accepts (e.g. AGG003)".into(),
            );
        }
        for rule in &ids {
            if !(self.known_ids)(rule) {
                let at = item.get("id").map_or(&item.span, |n| &n.span);
                self.reject(
                    at,
                    format!("waiver names unknown rule `{rule}` (see `aggrego policies`)"),
                );
            }
        }
        ids
    }

    fn reason(&mut self, item: &N) -> String {
        let reason = item.get("reason").and_then(text).unwrap_or_default();
        if reason.is_empty() {
            self.reject(
                &item.span,
                "waiver needs a `reason`: say why the risk is accepted".into(),
            );
        }
        reason
    }

    /// `expires` as written, the instant it stands for, and where it is.
    fn expires(&mut self, item: &N) -> Option<(String, i64, Range<usize>)> {
        let n = item.get("expires")?;
        match text(n).and_then(|s| expiry(&s).map(|ns| (s, ns))) {
            Some((s, ns)) => Some((s, ns, n.span.clone())),
            None => {
                self.reject(
                    &n.span,
                    "`expires` must be a date (2027-03-31) or an RFC 3339 time".into(),
                );
                None
            }
        }
    }

    /// The pattern under `key`, if given; `path`: it matches file paths.
    fn target(&mut self, item: &N, key: &str, path: bool) -> Option<Target> {
        let n = item.get(key)?;
        let Some(pattern) = text(n).filter(|s| !s.is_empty()) else {
            self.reject(
                &n.span,
                format!("waiver `{key}` must be a non-empty string"),
            );
            return None;
        };
        // A file pattern without a slash matches at any depth, as in .gitignore.
        let glob = if path && !pattern.contains('/') {
            format!("**/{pattern}")
        } else {
            pattern.clone()
        };
        match GlobBuilder::new(&glob).literal_separator(path).build() {
            Ok(g) => Some(Target {
                pattern,
                matcher: g.compile_matcher(),
            }),
            Err(e) => {
                self.reject(
                    &n.span,
                    format!("waiver `{key}` is not a valid pattern: {e}"),
                );
                None
            }
        }
    }
}

/// A scalar's text, trimmed.
fn text(n: &N) -> Option<String> {
    match &n.v {
        V::Str(s) | V::Num(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// `2027-03-31` stops suppressing at the start of that day (UTC); a full
/// RFC 3339 time at that instant.
fn expiry(s: &str) -> Option<i64> {
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_nanos_opt();
    }
    crate::model::timestamp::parse_ns(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> (Vec<Waiver>, Vec<Diagnostic>) {
        let f = SourceFile::new("repo/.aggrego-waivers.yaml".into(), text.to_string());
        parse(0, &f, &|id| id.starts_with("AGG"))
    }

    #[test]
    fn entries_and_targets() {
        let (w, e) = load(
            "waivers:\n  - id: AGG003\n    file: main.tf\n    reason: sandbox\n    expires: 2027-03-31\n  - id: [AGG001, AGG006]\n    account: 000123456789\n    reason: closing account\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(w.len(), 2);
        assert!(w[0]
            .path
            .as_ref()
            .unwrap()
            .matches(w[0].relative("repo/envs/dev/main.tf")));
        assert!(!w[0].path.as_ref().unwrap().matches("main.tfvars"));
        assert_eq!(w[0].expires.as_ref().unwrap().0, "2027-03-31");
        assert_eq!(w[1].ids, ["AGG001", "AGG006"]);
        assert!(w[1].account.as_ref().unwrap().matches("000123456789"));
    }

    #[test]
    fn bad_entries_are_located_and_left_out() {
        let (w, e) = load(
            "- id: AGG003\n  file: x\n- id: AGG003\n  reason: r\n- id: NOPE1\n  reason: r\n  file: x\n- id: AGG003\n  reason: r\n  file: x\n  colour: red\n- id: AGG003\n  reason: r\n  file: x\n  expires: soon\n",
        );
        assert!(w.is_empty());
        let msgs: Vec<&str> = e.iter().map(|e| e.message.as_str()).collect();
        assert!(msgs[0].contains("needs a `reason`"), "{msgs:?}");
        assert!(msgs[1].contains("needs a target"), "{msgs:?}");
        assert!(msgs[2].contains("unknown rule `NOPE1`"), "{msgs:?}");
        assert!(msgs[3].contains("unknown waiver key `colour`"), "{msgs:?}");
        assert!(msgs[4].contains("`expires` must be a date"), "{msgs:?}");
        assert!(e.iter().all(|e| e.input_span().is_some()));
    }
}
