//! Where a file's string values lie, from its own parser: a `#` or `//` inside
//! one is text, not a comment, so `aggrego:ignore` written there suppresses
//! nothing. Terraform is read with hcl-edit (quoted strings, templates,
//! heredocs, labels and keys); YAML with saphyr's parser (every scalar: plain,
//! quoted and block, keys included).

use hcl_edit::expr::Expression;
use hcl_edit::structure::BlockLabel;
use hcl_edit::visit::{self, Visit};
use hcl_edit::Span;
use std::ops::Range;

/// The byte ranges of a file's string values, sorted; past `unknown_from`
/// (where a YAML parse stopped) nothing is known, and every offset counts as
/// inside a string.
#[derive(Debug, Default)]
pub(super) struct Literals {
    ranges: Vec<Range<usize>>,
    unknown_from: usize,
}

impl Literals {
    /// Is `offset` inside a string value (or where the parser could not tell)?
    pub(super) fn contains(&self, offset: usize) -> bool {
        if offset >= self.unknown_from {
            return true;
        }
        // Ranges are sorted by start; nested ones (a template in a heredoc)
        // lie inside their parent, so the last one starting at or before
        // `offset` and the ones before it are enough to check.
        let i = self.ranges.partition_point(|r| r.start <= offset);
        self.ranges[..i].iter().rev().any(|r| r.contains(&offset))
    }
}

/// String values of a Terraform file. A file that does not parse is read as
/// the scan reads it (only aggregators, variables and locals); if that fails
/// too, `None`: nothing in it is known to be a comment.
pub(super) fn terraform(text: &str) -> Option<Literals> {
    let body = hcl_edit::parser::parse_body(text).ok().or_else(|| {
        let masked = crate::input::hcl_blocks::masked(text, |b| {
            crate::input::terraform::read_block(b.ident, b.label)
        })?;
        hcl_edit::parser::parse_body(&masked).ok()
    })?;
    let mut v = HclStrings::default();
    v.visit_body(&body);
    let mut ranges = v.0;
    ranges.sort_by_key(|r| (r.start, r.end));
    Some(Literals {
        ranges,
        unknown_from: usize::MAX,
    })
}

#[derive(Default)]
struct HclStrings(Vec<Range<usize>>);

impl HclStrings {
    fn push(&mut self, span: Option<Range<usize>>) {
        if let Some(s) = span {
            self.0.push(s);
        }
    }
}

impl Visit for HclStrings {
    fn visit_expr(&mut self, node: &Expression) {
        match node {
            Expression::String(s) => self.push(s.span()),
            Expression::StringTemplate(s) => self.push(s.span()),
            Expression::HeredocTemplate(h) => self.push(h.span()),
            _ => {}
        }
        visit::visit_expr(self, node);
    }

    fn visit_block_label(&mut self, node: &BlockLabel) {
        if let BlockLabel::String(s) = node {
            self.push(s.span());
        }
        visit::visit_block_label(self, node);
    }
}

/// String values of a YAML (or JSON) document: the span of every scalar,
/// converted from saphyr's character indexes to byte offsets. Where the parse
/// stops on an error, the rest is unknown.
pub(super) fn yaml(text: &str) -> Literals {
    let mut out = Literals {
        ranges: Vec::new(),
        unknown_from: usize::MAX,
    };
    // Deep nesting is refused before parsing, as for the templates themselves.
    if crate::input::yaml::yaml_depth_ok(text, 256).is_err() {
        out.unknown_from = 0;
        return out;
    }
    let bytes = CharToByte::new(text);
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    loop {
        match parser.next_event() {
            None => break,
            Some(Ok((saphyr_parser::Event::StreamEnd, _))) => break,
            Some(Ok((saphyr_parser::Event::Scalar(_, style, ..), span))) => {
                let start = bytes.at(span.start.index());
                let mut end = bytes.at(span.end.index()).max(start);
                // A quoted scalar's span runs on to the next token, over any
                // comment after it: it ends at its closing quote.
                if let Some(close) = quoted_end(&text[start..end], style) {
                    end = start + close;
                }
                out.ranges.push(start..end);
            }
            Some(Ok(_)) => {}
            Some(Err(e)) => {
                out.unknown_from = bytes.at(e.marker().index());
                break;
            }
        }
    }
    out.ranges.sort_by_key(|r| (r.start, r.end));
    out
}

/// The length of the quoted scalar at the start of `text`, closing quote included.
fn quoted_end(text: &str, style: saphyr_parser::ScalarStyle) -> Option<usize> {
    let b = text.as_bytes();
    let quote = match style {
        saphyr_parser::ScalarStyle::DoubleQuoted => b'"',
        saphyr_parser::ScalarStyle::SingleQuoted => b'\'',
        _ => return None,
    };
    if b.first() != Some(&quote) {
        return None;
    }
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' if quote == b'"' => i += 2,
            // `''` is a quote inside a single-quoted scalar.
            b'\'' if quote == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Character index to byte offset, for text that is not all ASCII.
struct CharToByte(Option<Vec<usize>>, usize);

impl CharToByte {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharToByte(None, text.len());
        }
        CharToByte(
            Some(text.char_indices().map(|(b, _)| b).collect()),
            text.len(),
        )
    }

    fn at(&self, chars: usize) -> usize {
        match &self.0 {
            None => chars.min(self.1),
            Some(v) => v.get(chars).copied().unwrap_or(self.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_end_where_their_text_does() {
        let text =
            "a:\n  b: \"x#1\\\"\" # c\n  d: 'y''#' # e\n  f: |\n    g\n    # h\n  i: j # k\n";
        let l = yaml(text);
        let inside = |s: &str| l.contains(text.find(s).unwrap());
        assert!(inside("#1"));
        assert!(!inside("# c"));
        assert!(inside("#'"));
        assert!(!inside("# e"));
        assert!(inside("# h"));
        assert!(!inside("# k"));
    }

    #[test]
    fn terraform_strings_and_heredocs() {
        let text = "a = \"x # y\" # z\nb = <<EOT\n# in\nEOT\n# out\n";
        let l = terraform(text).unwrap();
        let inside = |s: &str| l.contains(text.find(s).unwrap());
        assert!(inside("# y"));
        assert!(!inside("# z"));
        assert!(inside("# in"));
        assert!(!inside("# out"));
    }
}
