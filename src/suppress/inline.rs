//! `# aggrego:ignore AGG003 reason` comments in Terraform and YAML files.
//!
//! A comment on a line of its own applies to the next line that is not blank or
//! a comment; a comment after code applies to its own line. When that line
//! starts a resource block, the whole block is covered.

use crate::diag::Diagnostic;
use crate::load::source::SourceFile;
use crate::model::FileId;
use std::ops::Range;

use super::literals;

const MARK: &str = "aggrego:ignore";

#[derive(Debug, Clone)]
pub struct Directive {
    pub file: FileId,
    pub ids: Vec<String>,
    pub reason: String,
    /// The comment itself, for reports.
    pub span: Range<usize>,
    /// The line (1-based) the directive applies to.
    pub target_line: usize,
}

/// Can this file carry comment directives? JSON has no comments.
pub fn applies_to(file: &SourceFile) -> bool {
    let ext = file
        .path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    !file.text.is_empty()
        && ext != "json"
        && memchr::memmem::find(file.text.as_bytes(), MARK.as_bytes()).is_some()
}

/// Every directive in a file; malformed ones become located errors.
pub fn parse(id: FileId, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Vec<Directive> {
    let text = file.text.as_str();
    let mut out = Vec::new();
    // Only real comments count: the parser says where the strings are.
    let literals = if crate::input::is_terraform(&file.path) {
        match literals::terraform(text) {
            Some(l) => l,
            None => return out,
        }
    } else {
        literals::yaml(text)
    };
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len();
        // The first mark of the line that follows a comment marker outside a string.
        let found = line.match_indices(MARK).find_map(|(at, _)| {
            let trimmed = line[..at].trim_end();
            let marker = ["#", "//", "/*"]
                .into_iter()
                .find(|m| trimmed.ends_with(*m))?;
            let comment = start + trimmed.len() - marker.len();
            (!literals.contains(comment)).then_some((at, marker))
        });
        let Some((at, marker)) = found else { continue };
        let before = &line[..at];
        let trimmed = before.trim_end();
        let code_before = trimmed[..trimmed.len() - marker.len()].trim();
        let span = start + at - (before.len() - trimmed.len()) - marker.len()
            ..start + line.trim_end_matches(['\n', '\r']).len();
        let rest = line[at + MARK.len()..]
            .trim_end_matches(['\n', '\r'])
            .trim_end_matches("*/");
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue; // `aggrego:ignored…`: not a directive
        }
        let rest = rest.trim();
        let (id_part, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let ids: Vec<String> = id_part
            .trim_end_matches(':')
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let reason = reason
            .trim()
            .trim_start_matches([':', '-', '\u{2014}', '\u{2013}'])
            .trim()
            .to_string();
        if ids.is_empty() {
            errors.push(
                Diagnostic::at(&file.name, id, span, "aggrego:ignore names no rule")
                    .with_help("write `# aggrego:ignore AGG003 why the risk is accepted`"),
            );
            continue;
        }
        if reason.is_empty() {
            errors.push(
                Diagnostic::at(
                    &file.name,
                    id,
                    span,
                    format!("aggrego:ignore {} has no reason", ids.join(",")),
                )
                .with_help("every suppression needs a reason: `# aggrego:ignore AGG003 why the risk is accepted`"),
            );
            continue;
        }
        let target_line = if code_before.is_empty() {
            // The next line with code on it.
            lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| {
                    let t = l.trim();
                    !(t.is_empty() || t.starts_with('#') || t.starts_with("//"))
                })
                .map_or(i + 2, |(j, _)| j + 1)
        } else {
            i + 1
        };
        out.push(Directive {
            file: id,
            ids,
            reason,
            span,
            target_line,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Vec<Directive>, Vec<Diagnostic>) {
        let f = SourceFile::new("main.tf".into(), text.to_string());
        let mut errors = Vec::new();
        (parse(0, &f, &mut errors), errors)
    }

    #[test]
    fn directives_and_targets() {
        let (d, e) = parse_text(
            "# aggrego:ignore AGG003 sandbox only\n# other comment\n\nresource \"x\" \"y\" { // aggrego:ignore AGG004,AGG005: reviewed\n  a = 1 # aggrego:ignored AGG001 nope\n}\n",
        );
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].ids, ["AGG003"]);
        assert_eq!(d[0].reason, "sandbox only");
        assert_eq!(d[0].target_line, 4);
        assert_eq!(d[1].ids, ["AGG004", "AGG005"]);
        assert_eq!(d[1].reason, "reviewed");
        assert_eq!(d[1].target_line, 4);
    }

    #[test]
    fn reason_and_rule_are_required() {
        let (d, e) = parse_text("# aggrego:ignore AGG003\n#aggrego:ignore\n");
        assert!(d.is_empty());
        assert_eq!(e.len(), 2);
        assert!(e[0].message.contains("has no reason"), "{}", e[0].message);
        assert!(e[1].message.contains("names no rule"), "{}", e[1].message);
        assert_eq!(e[0].input_span().map(|(_, s)| s.clone()), Some(0..23));
    }
}
