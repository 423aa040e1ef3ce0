//! Span-keeping JSON access on top of `serde_json`.
//!
//! The whole document is validated once by serde_json; every value is then a
//! slice of the original text, so its byte span is its pointer offset. Objects
//! and arrays are opened lazily, one level at a time, which keeps memory close
//! to the size of the file even for very large exports. Opening a value of a
//! validated document only has to find where its members or elements begin
//! and end (`structure`), not to check the text again.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// One JSON value as written in a validated document: a slice of its text.
#[derive(Debug, Clone, Copy)]
pub struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    /// The value's text.
    pub fn get(&self) -> &'a str {
        self.0
    }
}

/// Read as serde_json's `RawValue`, which checks the text it takes.
impl<'de> serde::Deserialize<'de> for Raw<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'de RawValue>::deserialize(d).map(|r| Raw(r.get()))
    }
}

/// A syntax or shape problem at a byte offset of the document.
#[derive(Debug, Clone)]
pub struct JsonError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

/// The JSON type of a value, from its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    pub fn of(raw: Raw<'_>) -> Kind {
        match raw.get().as_bytes().first() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            _ => Kind::Number,
        }
    }

    pub fn article(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "a list",
            Kind::Object => "an object",
        }
    }
}

/// One JSON document, with the text every span refers to.
pub struct Doc<'a> {
    pub text: &'a str,
}

/// A key of an object and its value.
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Option<Range<usize>>,
    pub value: Raw<'a>,
    /// For a list at the top level of a document, its elements, found in the
    /// pass that validated it (see [`Doc::elements`]).
    pub items: Option<Vec<Raw<'a>>>,
}

impl<'a> Doc<'a> {
    /// Parse and validate the document; syntax errors carry their offset.
    pub fn parse(text: &'a str) -> Result<(Doc<'a>, Raw<'a>), JsonError> {
        let doc = Doc { text };
        match serde_json::from_str::<Raw<'a>>(text) {
            Ok(root) => Ok((doc, root)),
            Err(e) => Err(doc.serde_error(&e)),
        }
    }

    /// Parse the top level in one pass that also validates the whole document,
    /// so a large export is not read once to validate and again to open it:
    /// the elements of the lists at its top level are found in that pass too.
    pub fn parse_root(text: &'a str) -> Result<(Doc<'a>, Root<'a>), JsonError> {
        let doc = Doc { text };
        let mut de = serde_json::Deserializer::from_str(text);
        let root = serde::Deserializer::deserialize_any(&mut de, RootVisitor { text })
            .and_then(|r| de.end().map(|_| r))
            .map_err(|e| doc.serde_error(&e))?;
        let root = match root {
            RawRoot::Object(pairs) => Root::Object(doc.members(pairs)),
            RawRoot::Array(items) => Root::Array(items),
            RawRoot::Scalar => Root::Scalar,
        };
        Ok((doc, root))
    }

    /// Byte span of the whole document, without surrounding white space.
    pub fn root_span(&self) -> Range<usize> {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        start..end
    }

    fn members(&self, pairs: Vec<Pair<'a>>) -> Vec<Member<'a>> {
        pairs
            .into_iter()
            .map(|(key, value, items)| {
                let key_span = match &key {
                    Cow::Borrowed(k) => {
                        let start = (k.as_ptr() as usize)
                            .saturating_sub(self.text.as_ptr() as usize)
                            .saturating_sub(1);
                        Some(start..start + k.len() + 2)
                    }
                    Cow::Owned(_) => None,
                };
                Member {
                    key,
                    key_span,
                    value,
                    items,
                }
            })
            .collect()
    }

    /// The elements of a member's list: those found when the document was
    /// read, else found now.
    pub fn elements(&self, m: &mut Member<'a>, what: &str) -> Result<Vec<Raw<'a>>, JsonError> {
        match m.items.take() {
            Some(items) => Ok(items),
            None => self.array(m.value, what),
        }
    }

    /// Byte span of a value inside the document.
    pub fn span(&self, raw: Raw<'_>) -> Range<usize> {
        let start = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let start = start.min(self.text.len());
        start..(start + raw.get().len()).min(self.text.len())
    }

    fn serde_error(&self, e: &serde_json::Error) -> JsonError {
        // serde_json counts columns in bytes from 1 on each line.
        let mut offset = 0;
        let mut line = 1;
        if e.line() > 1 {
            for (i, b) in self.text.bytes().enumerate() {
                if b == b'\n' {
                    line += 1;
                    if line == e.line() {
                        offset = i + 1;
                        break;
                    }
                }
            }
        }
        let offset = (offset + e.column().saturating_sub(1)).min(self.text.len());
        let mut message = e.to_string();
        // serde_json appends " at line X column Y"; the report gives the location itself.
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        JsonError {
            offset,
            len: 1,
            message: format!("invalid JSON: {message}"),
        }
    }

    fn shape_error(&self, raw: Raw<'_>, message: String) -> JsonError {
        let span = self.span(raw);
        JsonError {
            offset: span.start,
            len: span.len().clamp(1, 80),
            message,
        }
    }

    /// The members of an object, in document order.
    pub fn object(&self, raw: Raw<'a>, what: &str) -> Result<Vec<Member<'a>>, JsonError> {
        if Kind::of(raw) != Kind::Object {
            return Err(self.expected(raw, what, "an object"));
        }
        let text = raw.get();
        let mut out = Vec::new();
        for (key, value) in structure::members(text) {
            let (k, v) = (&text[key.clone()], Raw(&text[value]));
            let name = match structure::unescaped(k) {
                Some(plain) => Cow::Borrowed(plain),
                None => Cow::Owned(
                    serde_json::from_str::<String>(k)
                        .map_err(|e| self.shape_error(raw, format!("{what}: {e}")))?,
                ),
            };
            let start = self.span(raw).start + key.start;
            out.push(Member {
                key: name,
                key_span: Some(start..start + key.len()),
                value: v,
                items: None,
            });
        }
        Ok(out)
    }

    /// The elements of a list.
    pub fn array(&self, raw: Raw<'a>, what: &str) -> Result<Vec<Raw<'a>>, JsonError> {
        if Kind::of(raw) != Kind::Array {
            return Err(self.expected(raw, what, "a list"));
        }
        let text = raw.get();
        Ok(structure::elements(text).map(|r| Raw(&text[r])).collect())
    }

    pub fn string(&self, raw: Raw<'a>, what: &str) -> Result<Cow<'a, str>, JsonError> {
        if Kind::of(raw) != Kind::String {
            return Err(self.expected(raw, what, "a string"));
        }
        match structure::unescaped(raw.get()) {
            Some(plain) => Ok(Cow::Borrowed(plain)),
            None => serde_json::from_str::<String>(raw.get())
                .map(Cow::Owned)
                .map_err(|e| self.shape_error(raw, format!("{what}: {e}"))),
        }
    }

    pub fn bool(&self, raw: Raw<'a>, what: &str) -> Result<bool, JsonError> {
        match raw.get() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(self.expected(raw, what, "true or false")),
        }
    }

    pub fn number(&self, raw: Raw<'a>, what: &str) -> Result<f64, JsonError> {
        if Kind::of(raw) != Kind::Number {
            return Err(self.expected(raw, what, "a number"));
        }
        raw.get()
            .parse::<f64>()
            .map_err(|e| self.shape_error(raw, format!("{what}: {e}")))
    }

    pub fn expected(&self, raw: Raw<'_>, what: &str, expected: &str) -> JsonError {
        self.shape_error(
            raw,
            format!(
                "{what} must be {expected}, found {}",
                Kind::of(raw).article()
            ),
        )
    }
}

/// The top level of a document, opened one level.
pub enum Root<'a> {
    Object(Vec<Member<'a>>),
    Array(Vec<Raw<'a>>),
    Scalar,
}

/// A member of the top level: key, value and, for a list, its elements.
type Pair<'a> = (Cow<'a, str>, Raw<'a>, Option<Vec<Raw<'a>>>);

enum RawRoot<'a> {
    Object(Vec<Pair<'a>>),
    Array(Vec<Raw<'a>>),
    Scalar,
}

struct RootVisitor<'a> {
    text: &'a str,
}

impl<'de> Visitor<'de> for RootVisitor<'de> {
    type Value = RawRoot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let text = self.text;
        let mut out = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(key) = map.next_key::<BorrowedKey<'de>>()? {
            // Past the key (found by its borrowed text) lies its value; an
            // escaped key has no place in the text, so its value is kept whole.
            let value_at = match &key.0 {
                Cow::Borrowed(k) => {
                    // Past the closing quote, white space, the colon, white space.
                    let b = text.as_bytes();
                    let quote = (k.as_ptr() as usize - text.as_ptr() as usize) + k.len() + 1;
                    let colon = structure::skip_ws(b, quote);
                    Some(structure::skip_ws(b, colon + 1).min(b.len()))
                }
                Cow::Owned(_) => None,
            };
            match value_at {
                Some(start) => {
                    let opened = map.next_value_seed(Open)?;
                    let b = text.as_bytes();
                    // The value has been read (and checked) by now, so its end
                    // can be found in the text: after a list's last element.
                    let end = match &opened {
                        Some(items) => {
                            let last = items.last().map_or(start + 1, |r| {
                                r.0.as_ptr() as usize - text.as_ptr() as usize + r.0.len()
                            });
                            // The closing bracket, after white space.
                            (structure::skip_ws(b, last) + 1).min(b.len())
                        }
                        None => structure::value_end(b, start).max(start + 1).min(b.len()),
                    };
                    out.push((key.0, Raw(&text[start..end]), opened));
                }
                None => out.push((key.0, map.next_value::<Raw<'de>>()?, None)),
            }
        }
        Ok(RawRoot::Object(out))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        elements(seq).map(RawRoot::Array)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(RawRoot::Scalar)
    }
}

/// The elements of a list being read, each checked as it is taken.
fn elements<'de, A: serde::de::SeqAccess<'de>>(mut seq: A) -> Result<Vec<Raw<'de>>, A::Error> {
    let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(8));
    while let Some(item) = seq.next_element::<Raw<'de>>()? {
        out.push(item);
    }
    Ok(out)
}

/// A top-level value, read to its end: a list's elements, else nothing kept.
struct Open;

impl<'de> serde::de::DeserializeSeed<'de> for Open {
    type Value = Option<Vec<Raw<'de>>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Open {
    type Value = Option<Vec<Raw<'de>>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        elements(seq).map(Some)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_key::<serde::de::IgnoredAny>()?.is_some() {
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// A key that borrows from the input when it has no escapes, so its span is known.
struct BorrowedKey<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for BorrowedKey<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BorrowedKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(BorrowedKey(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(BorrowedKey(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(BorrowedKey(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The end (past the closing quote) of the JSON string opening at byte `start`
/// of `text`, or the end of the text when it is not closed. Valid or not, the
/// text is only followed, so this never fails.
pub fn string_end(text: &str, start: usize) -> usize {
    structure::string_end(text.as_bytes(), start)
}

/// Where the members and elements of valid JSON begin and end. The text has
/// been through serde_json, so the scan only follows strings (and their
/// escapes) and brackets; it never recurses, whatever the depth.
mod structure {
    use std::ops::Range;

    pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    /// The end (past the closing quote) of the string opening at `i`.
    pub(super) fn string_end(b: &[u8], i: usize) -> usize {
        let mut at = i + 1;
        while let Some(j) = memchr::memchr2(b'"', b'\\', &b[at.min(b.len())..]) {
            let j = at + j;
            if b[j] == b'\\' {
                at = j + 2;
            } else {
                return j + 1;
            }
        }
        b.len()
    }

    /// The end of the value starting at `i`.
    pub(super) fn value_end(b: &[u8], i: usize) -> usize {
        match b.get(i) {
            Some(b'"') => string_end(b, i),
            Some(&open @ (b'{' | b'[')) => {
                // Braces and brackets nest properly in valid JSON, so the value
                // ends where the count of its own kind returns to zero: one
                // vectorised search for a quote or either of them.
                let close = if open == b'{' { b'}' } else { b']' };
                let mut depth = 0usize;
                let mut at = i;
                while let Some(j) = memchr::memchr3(b'"', open, close, &b[at.min(b.len())..]) {
                    let j = at + j;
                    if b[j] == b'"' {
                        at = string_end(b, j);
                        continue;
                    }
                    if b[j] == open {
                        depth += 1;
                    } else {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    at = j + 1;
                }
                b.len()
            }
            _ => {
                let mut at = i;
                while at < b.len()
                    && !matches!(b[at], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    at += 1;
                }
                at
            }
        }
    }

    /// The spans of the elements of the array `text`.
    pub(super) fn elements(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
        let b = text.as_bytes();
        let mut at = 1;
        std::iter::from_fn(move || {
            at = skip_ws(b, at);
            if at >= b.len() || b[at] == b']' {
                return None;
            }
            let start = at;
            let end = value_end(b, start).max(start + 1);
            at = skip_ws(b, end);
            if b.get(at) == Some(&b',') {
                at += 1;
            }
            Some(start..end)
        })
    }

    /// The spans of the keys (with their quotes) and values of the object `text`.
    pub(super) fn members(text: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
        let b = text.as_bytes();
        let mut at = 1;
        std::iter::from_fn(move || {
            at = skip_ws(b, at);
            if at >= b.len() || b[at] != b'"' {
                return None;
            }
            let key = at..string_end(b, at);
            at = skip_ws(b, key.end);
            at = skip_ws(b, at + 1); // the colon
            let start = at.min(b.len());
            let end = value_end(b, start).max(start + 1).min(b.len());
            at = skip_ws(b, end);
            if b.get(at) == Some(&b',') {
                at += 1;
            }
            Some((key, start..end))
        })
    }

    /// The text of a quoted JSON string without escapes, else `None`.
    pub(super) fn unescaped(quoted: &str) -> Option<&str> {
        let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
        (!inner.contains('\\')).then_some(inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_document() {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"b\\n\": true\n}";
        let (doc, root) = Doc::parse(text).unwrap();
        let members = doc.object(root, "root").unwrap();
        assert_eq!(members[0].key, "a");
        assert_eq!(&text[members[0].key_span.clone().unwrap()], "\"a\"");
        let items = doc.array(members[0].value, "a").unwrap();
        assert_eq!(&text[doc.span(items[1])], "\"x\"");
        assert_eq!(members[1].key, "b\n");
        assert_eq!(&text[members[1].key_span.clone().unwrap()], "\"b\\n\"");
        assert!(doc.bool(members[1].value, "b").unwrap());
    }

    #[test]
    fn syntax_error_offset() {
        let text = "{\n  \"a\": [1,\n}";
        let Err(e) = Doc::parse(text) else {
            panic!("must fail")
        };
        assert_eq!(&text[e.offset..e.offset + 1], "}");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        // Values are validated without recursion and opened one level at a
        // time, so depth costs nothing and cannot overflow the stack.
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let (doc, root) = Doc::parse(&text).unwrap();
        assert_eq!(doc.array(root, "x").unwrap().len(), 1);
        let unbalanced = "[".repeat(100_000);
        assert!(Doc::parse(&unbalanced).is_err());
    }

    fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            // Exact in binary, so the text reads back to the same number.
            (-1000i32..1000).prop_map(|i| serde_json::Value::from(f64::from(i) / 8.0)),
            "[a-z\"\\\\\n\u{e9}\u{1F600}{}\\[\\],:]{0,8}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z\"\\\\{]{0,4}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Opening a value member by member or element by element gives what
    /// serde_json reads, however the text is laid out.
    fn opened(doc: &Doc<'_>, raw: Raw<'_>) -> serde_json::Value {
        match Kind::of(raw) {
            Kind::Object => serde_json::Value::Object(
                doc.object(raw, "x")
                    .unwrap()
                    .into_iter()
                    .map(|m| {
                        let quoted = &doc.text[m.key_span.clone().unwrap()];
                        assert_eq!(serde_json::from_str::<String>(quoted).unwrap(), m.key);
                        (m.key.into_owned(), opened(doc, m.value))
                    })
                    .collect(),
            ),
            Kind::Array => serde_json::Value::Array(
                doc.array(raw, "x")
                    .unwrap()
                    .into_iter()
                    .map(|r| opened(doc, r))
                    .collect(),
            ),
            Kind::String => serde_json::Value::from(doc.string(raw, "x").unwrap().into_owned()),
            _ => serde_json::from_str(raw.get()).unwrap(),
        }
    }

    proptest::proptest! {
        #[test]
        fn opening_agrees_with_serde_json(v in json(), pretty in proptest::prelude::any::<bool>()) {
            let text = if pretty {
                let mut out = Vec::new();
                let f = serde_json::ser::PrettyFormatter::with_indent(b" \t\r");
                serde::Serialize::serialize(&v, &mut serde_json::Serializer::with_formatter(&mut out, f)).unwrap();
                String::from_utf8(out).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            let (doc, root) = Doc::parse(&text).unwrap();
            proptest::prop_assert_eq!(opened(&doc, root), v);
        }
    }

    #[test]
    fn wrong_type_is_located() {
        let text = "{\"a\": 5}";
        let (doc, root) = Doc::parse(text).unwrap();
        let m = doc.object(root, "root").unwrap();
        let e = doc.array(m[0].value, "a").unwrap_err();
        assert_eq!(e.offset, 6);
        assert!(e.message.contains("must be a list, found a number"));
    }
}
