//! The `manifest.json` that `aggrego collect-script` writes last into a
//! snapshot folder: when it was captured, by whom, which file holds what, and
//! which calls failed.

use crate::diag::Diagnostic;
use crate::input::json::{Doc, Kind, Member, Raw, Root};
use crate::model::finding::Resource;
use crate::model::timestamp;
use crate::model::*;
use std::sync::Arc;

pub const FORMAT_PREFIX: &str = "aggrego-snapshot/";

/// Is this document a snapshot manifest? (`"format": "aggrego-snapshot/1"`)
pub fn is_manifest(doc: &Doc<'_>, root: &Root<'_>) -> bool {
    let Root::Object(members) = root else {
        return false;
    };
    members.iter().any(|m| {
        m.key == "format"
            && doc
                .string(m.value, "format")
                .is_ok_and(|f| f.starts_with(FORMAT_PREFIX))
    })
}

struct Reader<'a, 'e> {
    doc: &'a Doc<'a>,
    file: FileId,
    name: &'a str,
    errors: &'e mut Vec<Diagnostic>,
}

impl<'a> Reader<'a, '_> {
    fn error(&mut self, raw: Raw<'_>, message: String) {
        let span = self.doc.span(raw);
        self.errors.push(Diagnostic::at(
            self.name,
            self.file,
            span.start..span.end.min(span.start + 80).max(span.start + 1),
            message,
        ));
    }

    /// A string member; absent and null are `None`, another type is an error.
    fn text(&mut self, members: &[Member<'a>], key: &str) -> Option<String> {
        let m = members.iter().find(|m| m.key == key)?;
        if Kind::of(m.value) == Kind::Null {
            return None;
        }
        match self.doc.string(m.value, key) {
            Ok(s) => Some(s.into_owned()),
            Err(e) => {
                self.error(m.value, e.message);
                None
            }
        }
    }

    fn list(&mut self, members: &[Member<'a>], key: &str) -> Vec<Raw<'a>> {
        let Some(m) = members.iter().find(|m| m.key == key) else {
            return Vec::new();
        };
        match self.doc.array(m.value, key) {
            Ok(items) => items,
            Err(e) => {
                self.error(m.value, e.message);
                Vec::new()
            }
        }
    }

    fn object(&mut self, raw: Raw<'a>, what: &str) -> Option<Vec<Member<'a>>> {
        match self.doc.object(raw, what) {
            Ok(m) => Some(m),
            Err(e) => {
                self.error(raw, e.message);
                None
            }
        }
    }
}

pub fn parse(
    doc: &Doc<'_>,
    root: Root<'_>,
    file: &crate::load::source::SourceFile,
    id: FileId,
    inv: &mut Inventory,
    errors: &mut Vec<Diagnostic>,
) {
    let Root::Object(members) = root else { return };
    let mut r = Reader {
        doc,
        file: id,
        name: &file.name,
        errors,
    };
    let span = Span::new(id, doc.root_span());
    let mut m = Manifest {
        file: id,
        dir: file
            .path
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default(),
        captured_ns: None,
        caller_account: None,
        caller_arn: None,
        generator: r.text(&members, "generator"),
        cli_version: r.text(&members, "cli_version"),
        regions: Vec::new(),
        region_source: r.text(&members, "region_source"),
        files: Vec::new(),
        failures: Vec::new(),
        missing: Vec::new(),
        refused: Vec::new(),
        span,
    };
    if let Some(c) = members.iter().find(|m| m.key == "captured_at") {
        let text = r.text(&members, "captured_at");
        match text.as_deref().and_then(timestamp::parse_ns) {
            Some(ns) => m.captured_ns = Some(ns),
            None if text.is_some() => r.error(
                c.value,
                "captured_at is not an RFC 3339 time (e.g. 2026-12-02T10:00:00Z)".to_string(),
            ),
            None => {}
        }
    }
    if let Some(c) = members.iter().find(|m| m.key == "caller") {
        if Kind::of(c.value) != Kind::Null {
            if let Some(caller) = r.object(c.value, "caller") {
                m.caller_account = r.text(&caller, "account");
                m.caller_arn = r.text(&caller, "arn");
            }
        }
    }
    for raw in r.list(&members, "regions") {
        match doc.string(raw, "each of regions") {
            Ok(s) => m.regions.push(s.into_owned()),
            Err(e) => r.error(raw, e.message),
        }
    }
    for raw in r.list(&members, "files") {
        let Some(f) = r.object(raw, "each of files") else {
            continue;
        };
        let Some(path) = r.text(&f, "path") else {
            r.error(raw, "a file entry without `path`".to_string());
            continue;
        };
        m.files.push(ManifestFile {
            path,
            command: r.text(&f, "command"),
            region: r.text(&f, "region"),
            aggregator: r.text(&f, "aggregator"),
            span: Span::new(id, doc.span(raw)),
        });
    }
    for raw in r.list(&members, "failures") {
        let Some(f) = r.object(raw, "each of failures") else {
            continue;
        };
        let exit_code = f
            .iter()
            .find(|m| m.key == "exit_code")
            .and_then(|m| doc.number(m.value, "exit_code").ok())
            .map(|n| n as i64);
        let region = r.text(&f, "region");
        let aggregator = r.text(&f, "aggregator");
        m.failures.push(ManifestFailure {
            owner: Resource {
                aggregator: aggregator.as_deref().map(Arc::from),
                account: None,
                region: region.as_deref().map(Arc::from),
            },
            command: r
                .text(&f, "command")
                .unwrap_or_else(|| "a command".to_string()),
            fallback: r.text(&f, "fallback"),
            region,
            aggregator,
            exit_code,
            message: r.text(&f, "message").unwrap_or_default(),
            span: Span::new(id, doc.span(raw)),
        });
    }
    inv.snapshots.push(Snapshot {
        file: id,
        kind: "snapshot manifest",
        next_token: None,
        span,
    });
    inv.manifests.push(m);
}
