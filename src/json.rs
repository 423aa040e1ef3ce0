//! Span-keeping JSON access on top of `serde_json`'s borrowed `RawValue`.
//!
//! The whole document is validated once by serde_json; every value is then a
//! slice of the original text, so its byte span is its pointer offset. Objects
//! and arrays are opened lazily, one level at a time, which keeps memory close
//! to the size of the file even for very large exports.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

pub type Raw<'a> = &'a RawValue;

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
    /// so a large export is not read once to validate and again to open it.
    pub fn parse_root(text: &'a str) -> Result<(Doc<'a>, Root<'a>), JsonError> {
        let doc = Doc { text };
        let mut de = serde_json::Deserializer::from_str(text);
        let root = serde::Deserializer::deserialize_any(&mut de, RootVisitor)
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

    fn members(&self, pairs: Vec<(Cow<'a, str>, Raw<'a>)>) -> Vec<Member<'a>> {
        pairs
            .into_iter()
            .map(|(key, value)| {
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
                }
            })
            .collect()
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
        let mut de = serde_json::Deserializer::from_str(raw.get());
        let pairs = de
            .deserialize_map(MembersVisitor)
            .map_err(|e| self.shape_error(raw, format!("{what}: {e}")))?;
        Ok(self.members(pairs))
    }

    /// The elements of a list.
    pub fn array(&self, raw: Raw<'a>, what: &str) -> Result<Vec<Raw<'a>>, JsonError> {
        if Kind::of(raw) != Kind::Array {
            return Err(self.expected(raw, what, "a list"));
        }
        serde_json::from_str::<Vec<Raw<'a>>>(raw.get())
            .map_err(|e| self.shape_error(raw, format!("{what}: {e}")))
    }

    pub fn string(&self, raw: Raw<'a>, what: &str) -> Result<Cow<'a, str>, JsonError> {
        if Kind::of(raw) != Kind::String {
            return Err(self.expected(raw, what, "a string"));
        }
        serde_json::from_str::<Cow<'a, str>>(raw.get())
            .map_err(|e| self.shape_error(raw, format!("{what}: {e}")))
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

enum RawRoot<'a> {
    Object(Vec<(Cow<'a, str>, Raw<'a>)>),
    Array(Vec<Raw<'a>>),
    Scalar,
}

struct RootVisitor;

impl<'de> Visitor<'de> for RootVisitor {
    type Value = RawRoot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON document")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        MembersVisitor.visit_map(map).map(RawRoot::Object)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(8));
        while let Some(item) = seq.next_element::<Raw<'de>>()? {
            out.push(item);
        }
        Ok(RawRoot::Array(out))
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

struct MembersVisitor;

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Vec<(Cow<'de, str>, Raw<'de>)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(key) = map.next_key::<BorrowedKey<'de>>()? {
            let value = map.next_value::<Raw<'de>>()?;
            out.push((key.0, value));
        }
        Ok(out)
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
        assert!(members[1].key_span.is_none());
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
