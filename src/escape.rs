//! Text from inputs, policies and packages shown on a terminal or in a
//! report: control and reordering characters made visible, so a file cannot
//! move the cursor, recolour the screen, or reorder what a reader sees.

/// Input-controlled text with terminal control characters and reordering
/// characters made visible (`\u{1b}`); line breaks and tabs kept.
pub fn clean(s: &str) -> String {
    escape(s, |c| {
        (c.is_control() && c != '\n' && c != '\t') || is_reordering(c)
    })
}

/// A file name or path: like `clean`, and line breaks and tabs escaped too, so
/// a name cannot make a line of its own.
pub fn clean_name(s: &str) -> String {
    escape(s, |c| c.is_control() || is_reordering(c))
}

fn escape(s: &str, bad: impl Fn(char) -> bool) -> String {
    if !s.chars().any(&bad) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that reorder or break text on a terminal or a page without being
/// control characters ("Trojan Source"): bidirectional embeddings, overrides,
/// isolates and marks, and the line and paragraph separators. Reports show
/// them escaped, as control characters are.
pub fn is_reordering(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Input text for HTML text and (double-quoted) attribute values: markup and
/// quotes escaped, control characters shown as `\u{…}`.
pub fn html(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            // Bidirectional overrides and separators would reorder the page
            // around them ("Trojan Source"): shown escaped, as in the terminal.
            c if c.is_control() || is_reordering(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            html("<script>alert(\"x\")</script> & 'y'\u{1b}[31m"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\\u{1b}[31m"
        );
        assert_eq!(
            html("a\u{202e}b\u{2066}c\u{2028}"),
            "a\\u{202e}b\\u{2066}c\\u{2028}"
        );
    }
}
