//! Loaded input files: decoding to text and mapping byte offsets to line and column.

use std::path::{Path, PathBuf};

/// A file read for the scan, decoded to UTF-8 text.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as given on the command line or found by the walk; used in every report.
    pub path: PathBuf,
    /// Display form of `path`, with `/` separators.
    pub name: String,
    pub text: String,
    /// For every `CHUNK` bytes of the text, the lines before it and where the
    /// line it begins in starts; made on first use. A line and column is then a
    /// look-up and a scan of at most `CHUNK` bytes, however long the lines are,
    /// and the index of an 80 MB export is a few hundred kilobytes.
    lines: std::sync::OnceLock<Vec<Chunk>>,
    /// Offsets of UTF-8 continuation bytes, made on first use: a column is the byte
    /// distance less those in between, so a finding on a minified 40 MB line costs a
    /// search, not a count from the start of the line.
    continuations: std::sync::OnceLock<Vec<u32>>,
}

/// Bytes between two entries of a file's line index.
const CHUNK: usize = 4096;

/// One entry of the line index: line breaks before a chunk, and the start of
/// the line the chunk begins in.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    lines_before: usize,
    line_start: usize,
}

/// A 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Why bytes could not become text.
#[derive(Debug)]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
    /// A lossy rendering of the bytes, so the error can show a snippet.
    pub lossy: String,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let name = display_path(&path);
        SourceFile::named(path, name, text)
    }

    /// A file whose reports name it `name` rather than its path.
    pub fn named(path: PathBuf, name: String, text: String) -> Self {
        SourceFile {
            path,
            name,
            text,
            lines: std::sync::OnceLock::new(),
            continuations: std::sync::OnceLock::new(),
        }
    }

    fn chunks(&self) -> &[Chunk] {
        self.lines.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut out = Vec::with_capacity(b.len() / CHUNK + 1);
            let (mut lines, mut start) = (0, 0);
            for (i, chunk) in b.chunks(CHUNK).enumerate() {
                out.push(Chunk {
                    lines_before: lines,
                    line_start: start,
                });
                for n in memchr::memchr_iter(b'\n', chunk) {
                    lines += 1;
                    start = i * CHUNK + n + 1;
                }
            }
            // The end of a text that ends on a chunk boundary (or is empty)
            // begins a chunk of its own, so every offset has one.
            if b.len() % CHUNK == 0 {
                out.push(Chunk {
                    lines_before: lines,
                    line_start: start,
                });
            }
            out
        })
    }

    /// The 0-based line of a byte offset and where that line starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let c = offset / CHUNK;
        let Some(chunk) = self.chunks().get(c) else {
            return (0, 0); // unreachable: every offset up to the end has a chunk
        };
        let from = c * CHUNK;
        let seg = &self.text.as_bytes()[from..offset];
        let line = chunk.lines_before + memchr::memchr_iter(b'\n', seg).count();
        let start = memchr::memrchr(b'\n', seg).map_or(chunk.line_start, |i| from + i + 1);
        (line, start)
    }

    /// Byte offset where a 0-based line starts, if the text has that line.
    fn line_start(&self, line: usize) -> Option<usize> {
        let chunks = self.chunks();
        // The line starts in the last chunk with no more lines before it.
        let c = chunks.partition_point(|k| k.lines_before <= line);
        if c == 0 {
            return (line == 0).then_some(0);
        }
        let chunk = chunks[c - 1];
        if chunk.lines_before == line {
            return Some(chunk.line_start);
        }
        let from = (c - 1) * CHUNK;
        memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..])
            .nth(line - chunk.lines_before - 1)
            .map(|i| from + i + 1)
    }

    /// Line and column of a byte offset; offsets past the end clamp to the end.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let (line, start) = self.line_of(offset);
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        LineCol {
            line: line + 1,
            column: self.char_count(start..end) + 1,
        }
    }

    /// Characters in a byte range (the bytes that begin one): counted when short,
    /// else the byte length less the continuation bytes in between, so a count
    /// on a minified 40 MB line is a search.
    pub fn char_count(&self, range: std::ops::Range<usize>) -> usize {
        let (start, end) = (range.start, range.end.min(self.text.len()));
        if start >= end {
            return 0;
        }
        if end - start < 256 || self.text.len() > u32::MAX as usize {
            let bytes = &self.text.as_bytes()[start..end];
            return bytes.iter().filter(|b| !(0x80..0xC0).contains(*b)).count();
        }
        let cont = self.continuations.get_or_init(|| {
            self.text
                .bytes()
                .enumerate()
                .filter(|(_, b)| (0x80..0xC0).contains(b))
                .map(|(i, _)| i as u32)
                .collect()
        });
        let below = |x: usize| cont.partition_point(|&c| (c as usize) < x);
        end - start - (below(end) - below(start))
    }

    /// Byte offset where a 0-based line starts; the end of the text past the last line.
    pub fn line_begin(&self, line: usize) -> usize {
        self.line_start(line).unwrap_or(self.text.len())
    }

    /// Line and column of two offsets, `start <= last`: the second counted on
    /// from the first when both are on one line (most spans).
    pub fn line_col_span(&self, start: usize, last: usize) -> (LineCol, LineCol) {
        let s = self.line_col(start);
        let (a, b) = (start.min(self.text.len()), last.min(self.text.len()));
        let between = a <= b
            && self.text.is_char_boundary(a)
            && self.text.is_char_boundary(b)
            && memchr::memchr(b'\n', &self.text.as_bytes()[a..b]).is_none();
        if !between {
            return (s, self.line_col(last));
        }
        let e = LineCol {
            line: s.line,
            column: s.column + self.text[a..b].chars().count(),
        };
        (s, e)
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_of(offset).0
    }

    /// Byte range of a 0-based line, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line).unwrap_or(self.text.len());
        let end = memchr::memchr(b'\n', &self.text.as_bytes()[start..])
            .map_or(self.text.len(), |i| start + i);
        let end = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    /// Byte offset of a 1-based line and column (as reported by parsers).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(start) = self.line_start(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| start + i)
            .unwrap_or(self.text.len())
    }
}

/// Paths in reports use `/` and never a leading `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

/// Decode file bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM
/// (what PowerShell's `>` writes).
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest.to_vec(), 3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(&bytes[2..], u16::from_le_bytes);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(&bytes[2..], u16::from_be_bytes);
    }
    match utf16_without_bom(&bytes) {
        Some(true) => utf16(&bytes, u16::from_le_bytes),
        Some(false) => utf16(&bytes, u16::from_be_bytes),
        None => utf8(bytes, 0),
    }
}

/// UTF-16 without a byte order mark (some Windows tools write it): the inputs
/// are mostly ASCII, so one byte of nearly every pair is zero. `Some(true)` for
/// little-endian, `Some(false)` for big-endian.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(256) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // Nine pairs in ten with the zero on the same side, none on the other.
    if odd_zero * 10 >= pairs * 9 && even_zero == 0 {
        Some(true)
    } else if even_zero * 10 >= pairs * 9 && odd_zero == 0 {
        Some(false)
    } else {
        None
    }
}

/// Any UTF-16 input, with or without a byte order mark.
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || utf16_without_bom(bytes).is_some()
}

fn utf8(bytes: Vec<u8>, skipped: usize) -> Result<String, DecodeError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        DecodeError {
            offset,
            message: format!(
                "invalid UTF-8 at byte {} of the file; save it as UTF-8",
                offset + skipped
            ),
            lossy: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    })
}

fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if body.len() % 2 != 0 {
        return Err(DecodeError {
            offset: 0,
            message: "UTF-16 file with an odd number of bytes".into(),
            lossy: String::new(),
        });
    }
    let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(body.len() / 2);
    for ch in char::decode_utf16(units) {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => {
                let offset = out.len();
                return Err(DecodeError {
                    offset,
                    message: "invalid UTF-16 (unpaired surrogate)".into(),
                    lossy: out,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_count_characters() {
        let line = format!("{}é{}ü{}", "a".repeat(300), "b".repeat(300), "c".repeat(10));
        let f = SourceFile::new("x.json".into(), format!("x\n{line}\n"));
        for (i, c) in line.char_indices() {
            let want = line[..i].chars().count() + 1;
            assert_eq!(f.line_col(2 + i).column, want, "{c} at {i}");
            assert_eq!(f.line_col(2 + i).line, 2);
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("x".into(), "ab\nçd\n".into());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'd' follows a two-byte character
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.offset_of(2, 2), 5);
    }

    /// The chunked line index answers as a full one would, at every offset:
    /// around chunk boundaries, on texts that end on one, on lines longer than
    /// a chunk, with or without a final line break.
    #[test]
    fn sparse_index_as_a_full_one() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut texts: Vec<String> = Vec::new();
        for len in [0usize, 1, 63, 64, 65, 200, 5000] {
            for trailing in [false, true] {
                let mut text = String::new();
                for _ in 0..len {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    text.push_str(&"ab\r".repeat((x % 4) as usize));
                    text.push('\n');
                }
                if !trailing {
                    text.push_str("tail é");
                }
                texts.push(text);
            }
        }
        texts.push("a".repeat(CHUNK));
        texts.push(format!("{}\n", "a".repeat(CHUNK - 1)));
        texts.push(format!("{}\n{}", "é".repeat(CHUNK), "b".repeat(3 * CHUNK)));
        texts.push("\n".repeat(2 * CHUNK));
        for text in texts {
            {
                let full: Vec<usize> = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                let f = SourceFile::new("x".into(), text.clone());
                for offset in (0..=text.len()).filter(|o| text.is_char_boundary(*o)) {
                    let line = full.partition_point(|&s| s <= offset) - 1;
                    assert_eq!(f.line_index(offset), line, "{} {offset}", text.len());
                    assert_eq!(f.line_col(offset).line, line + 1);
                    for last in [offset, offset + 1, offset + 3, offset + 70] {
                        let want = (f.line_col(offset), f.line_col(last));
                        assert_eq!(f.line_col_span(offset, last), want, "{offset}..{last}");
                    }
                }
                for (line, &start) in full.iter().enumerate() {
                    let end = full.get(line + 1).map_or(text.len(), |n| n - 1);
                    let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
                        end - 1
                    } else {
                        end
                    };
                    assert_eq!(f.line_range(line), start..end, "{} line {line}", text.len());
                    assert_eq!(f.offset_of(line + 1, 1), start.min(text.len()));
                }
                assert_eq!(f.line_range(full.len()), text.len()..text.len());
            }
        }
    }

    #[test]
    fn decodes_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "{}");
        assert_eq!(decode(vec![0xFF, 0xFE, b'{', 0, b'}', 0]).unwrap(), "{}");
        assert_eq!(decode(vec![0xFE, 0xFF, 0, b'{', 0, b'}']).unwrap(), "{}");
        let e = decode(b"ab\xFFcd".to_vec()).unwrap_err();
        assert_eq!(e.offset, 2);
    }
}
