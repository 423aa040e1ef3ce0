//! The top-level blocks of a Terraform file, found without parsing them, so
//! that only the blocks aggrego reads are handed to the HCL parser.
//!
//! The scan follows what can hide a brace: quoted strings (with their escapes
//! and `${…}` / `%{…}` templates, which nest), heredocs, and comments. Anything
//! it is not sure of (an unclosed string, an unbalanced bracket, a top-level
//! attribute, a stray character) makes it give up, and the whole file is parsed
//! as it is, so every syntax error is still reported where it is.

use std::ops::Range;

/// One top-level block: its type (`resource`), its first label, and its text
/// from the type to the closing brace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopBlock<'a> {
    pub ident: &'a str,
    pub label: Option<&'a str>,
    pub range: Range<usize>,
}

/// The top-level blocks of `text`, or `None` when the scan cannot be sure of them.
pub fn blocks(text: &str) -> Option<Vec<TopBlock<'_>>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = skip_trivia(b, i, true)?;
        if i >= b.len() {
            return Some(out);
        }
        let start = i;
        let ident = ident(b, i)?;
        i = ident.end;
        let mut label = None;
        loop {
            i = skip_trivia(b, i, false)?;
            match b.get(i)? {
                b'{' => break,
                b'"' => {
                    let end = label_end(b, i)?;
                    label.get_or_insert(&text[i + 1..end - 1]);
                    i = end;
                }
                _ => {
                    // An attribute (`name = …`) or anything else: not a block.
                    let l = self::ident(b, i)?;
                    label.get_or_insert(&text[l.clone()]);
                    i = l.end;
                }
            }
        }
        let end = body_end(b, i)?;
        out.push(TopBlock {
            ident: &text[ident],
            label,
            range: start..end,
        });
        i = end;
    }
}

/// `text` with every byte of the blocks `keep` rejects turned into a space
/// (line breaks kept): the same offsets, lines and columns, and nothing there
/// for the parser to read. `None` when the blocks cannot be found for sure.
pub fn masked(text: &str, keep: impl Fn(&TopBlock<'_>) -> bool) -> Option<String> {
    let blocks = blocks(text)?;
    let mut bytes = text.as_bytes().to_vec();
    for block in blocks.iter().filter(|b| !keep(b)) {
        super::blank(&mut bytes[block.range.clone()]);
    }
    // Whole characters became spaces, so the text is still UTF-8.
    String::from_utf8(bytes).ok()
}

fn ident(b: &[u8], i: usize) -> Option<Range<usize>> {
    let first = *b.get(i)?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let mut end = i + 1;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'_' | b'-')) {
        end += 1;
    }
    Some(i..end)
}

/// Past white space and comments; line breaks too when `lines`.
fn skip_trivia(b: &[u8], mut i: usize, lines: bool) -> Option<usize> {
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if lines => i += 1,
            b'#' => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => i = comment_end(b, i)?,
            _ => break,
        }
    }
    Some(i)
}

fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n)
}

fn comment_end(b: &[u8], i: usize) -> Option<usize> {
    memchr::memmem::find(&b[i + 2..], b"*/").map(|n| i + 2 + n + 2)
}

/// The end of a quoted label: no templates, no line break.
fn label_end(b: &[u8], i: usize) -> Option<usize> {
    let mut at = i + 1;
    loop {
        match *b.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            b'\n' => return None,
            b'$' | b'%' if b.get(at + 1) == Some(&b'{') => return None,
            _ => at += 1,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Brace,
    Bracket,
    Paren,
    /// A quoted string.
    Quoted,
    /// A template sequence (`${` or `%{`) inside a quoted string.
    Template,
}

/// The end of the body whose `{` is at `open`, past its closing brace.
fn body_end(b: &[u8], open: usize) -> Option<usize> {
    let mut stack = vec![Frame::Brace];
    let mut i = open + 1;
    while let Some(&frame) = stack.last() {
        let c = *b.get(i)?;
        if frame == Frame::Quoted {
            match c {
                b'"' => {
                    stack.pop();
                    i += 1;
                }
                b'\\' => i += 2,
                b'\n' => return None,
                // `$${` and `%%{` are literal text.
                b'$' | b'%' if b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&b'{') => i += 3,
                b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                    stack.push(Frame::Template);
                    i += 2;
                }
                _ => i += 1,
            }
            continue;
        }
        match c {
            b'"' => stack.push(Frame::Quoted),
            b'{' => stack.push(Frame::Brace),
            b'[' => stack.push(Frame::Bracket),
            b'(' => stack.push(Frame::Paren),
            b'}' if matches!(frame, Frame::Brace | Frame::Template) => {
                stack.pop();
            }
            b']' if frame == Frame::Bracket => {
                stack.pop();
            }
            b')' if frame == Frame::Paren => {
                stack.pop();
            }
            b'}' | b']' | b')' => return None,
            b'#' => {
                i = line_end(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = line_end(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = comment_end(b, i)?;
                continue;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                i = heredoc_end(b, i)?;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Some(i)
}

/// Past the closing delimiter line of the heredoc whose `<<` is at `i`.
fn heredoc_end(b: &[u8], i: usize) -> Option<usize> {
    let mut at = i + 2;
    if b.get(at) == Some(&b'-') {
        at += 1;
    }
    let delimiter = ident(b, at)?;
    at = delimiter.end;
    if b.get(at) == Some(&b'\r') {
        at += 1;
    }
    if b.get(at) != Some(&b'\n') {
        return None;
    }
    let delimiter = &b[delimiter];
    // The first line that is the delimiter alone, with spaces before it.
    let mut line = at + 1;
    while line < b.len() {
        let end = line_end(b, line);
        let content = b[line..end].strip_suffix(b"\r").unwrap_or(&b[line..end]);
        let content = &content[content
            .iter()
            .position(|c| !matches!(c, b' ' | b'\t'))
            .unwrap_or(content.len())..];
        if content == delimiter {
            return Some(end);
        }
        line = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Option<Vec<(String, Option<String>, String)>> {
        Some(
            blocks(text)?
                .into_iter()
                .map(|b| {
                    (
                        b.ident.to_string(),
                        b.label.map(str::to_string),
                        text[b.range].to_string(),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn blocks_and_what_can_hide_a_brace() {
        let text = r#"# a comment { with a brace
terraform {
  required_providers { aws = { source = "hashicorp/aws" } }
}

resource "aws_s3_bucket" "b" {
  bucket = "x}${var.y == "}" ? "{" : "z"}" // }
  policy = <<-EOT
    { "a": "}" }
    EOT
  tags = { for k, v in var.t : k => "${v}}" } /* } */
  list = [1, (2), "%{if true}}%{endif}", "$${literal"]
}
locals { a = 1 }
variable "regions" {}
"#;
        let found = kinds(text).unwrap();
        let names: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(i, l, _)| (i.as_str(), l.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("terraform", None),
                ("resource", Some("aws_s3_bucket")),
                ("locals", None),
                ("variable", Some("regions")),
            ]
        );
        assert!(found[1]
            .2
            .ends_with("[1, (2), \"%{if true}}%{endif}\", \"$${literal\"]\n}"));
    }

    #[test]
    fn unsure_means_none() {
        for text in [
            "resource \"x\" \"y\" {\n  a = \"open\n}\n",
            "resource \"x\" \"y\" {\n  a = [1, 2}\n",
            "resource \"x\" \"y\" {\n  a = 1\n",
            "a = 1\n",
            "resource \"x\" \"y\" {\n  a = <<EOT\n  b\n",
            "resource \"x\" \"y\" {\n  /* never closed }\n",
            "resource \"x\" \"y\" {\n  a = \"${1\"\n}\n",
            "<<<<<<< HEAD\nresource \"x\" \"y\" {}\n",
            "resource \"x${y}\" \"z\" {}\n",
        ] {
            assert_eq!(blocks(text), None, "{text}");
        }
    }

    /// Every `.tf` file of the fixtures and the corpus that parses is split
    /// (so the saving applies), and its kept blocks parse to what they were.
    #[test]
    fn every_valid_file_is_split() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut split = 0;
        for dir in [root.join("fixtures"), root.join("../shared/corpus")] {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "tf") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                let Ok(body) = hcl_edit::parser::parse_body(&text) else {
                    continue;
                };
                let found = blocks(&text).unwrap_or_else(|| panic!("{} not split", path.display()));
                assert_eq!(found.len(), body.blocks().count(), "{}", path.display());
                for (f, b) in found.iter().zip(body.blocks()) {
                    assert_eq!(f.ident, b.ident.value().as_str(), "{}", path.display());
                    let span = hcl_edit::Span::span(b).unwrap_or_default();
                    assert_eq!(f.range.start, span.start, "{}", path.display());
                }
                split += 1;
            }
        }
        assert!(split >= 10, "{split} files");
    }

    #[test]
    fn masking_keeps_offsets() {
        let text = "variable \"v\" {\n  default = 1\n}\nresource \"aws_s3_bucket\" \"é\" {\n  a = \"ü\"\n}\n";
        let m = masked(text, |b| b.ident == "variable").unwrap();
        assert_eq!(m.len(), text.len());
        assert_eq!(&m[..30], &text[..30]);
        assert_eq!(m.lines().count(), text.lines().count());
        assert!(m[30..].bytes().all(|c| c == b' ' || c == b'\n'));
    }
}
