//! The model's own `Serialize` as the policies' `input`: a serde serializer
//! into regorus values. The model types derive `Serialize` and `JsonSchema`
//! once (one description, one schema); three newtypes of the model are read
//! here rather than written as they are:
//! - a [`Span`](crate::model::Span) (`$aggrego::Loc`) becomes a new `loc` id
//!   in the builder's table, owned by the item being encoded;
//! - a file id (`$aggrego::File`) becomes the file's name;
//! - an unknown value's expression (`$aggrego::Expr`) becomes the text at its
//!   span, quoted (or the note that stands for it);
//! - a JSON value (`$aggrego::Json`) becomes its regorus value as regorus
//!   converts JSON;
//! - a field named `$aggrego::owner` is not written: its resource owns the
//!   locs of the fields after it, until the end of its item.

use super::Builder;
use crate::model::finding::Resource;
use crate::model::{EXPR_NEWTYPE, FILE_NEWTYPE, JSON_NEWTYPE, LOC_NEWTYPE, OWNER_FIELD};
use regorus::value::Object;
use regorus::Value;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

#[derive(Debug)]
pub(super) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Encodes one value of the model with `b`'s keys, locs and owners.
pub(super) struct Encoder<'e, 't> {
    pub(super) b: &'e mut Builder<'t>,
}

impl<'e, 't> Encoder<'e, 't> {
    fn again(&mut self) -> Encoder<'_, 't> {
        Encoder { b: self.b }
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!("the model holds no {what}"))
}

impl<'e, 't> ser::Serializer for Encoder<'e, 't> {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = Seq<'e, 't>;
    type SerializeTuple = Seq<'e, 't>;
    type SerializeTupleStruct = Impossible<Value, Error>;
    type SerializeTupleVariant = Impossible<Value, Error>;
    type SerializeMap = Map<'e, 't>;
    type SerializeStruct = Map<'e, 't>;
    type SerializeStructVariant = Impossible<Value, Error>;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(Value::from(i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(Value::from(u64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(Value::from(u64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        Ok(Value::from(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(Value::from(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Value, Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Value, Error> {
        Ok(Value::from(variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<Value, Error> {
        match name {
            LOC_NEWTYPE => {
                let parts = Parts::of(value)?;
                let span = parts
                    .span()
                    .ok_or_else(|| Error("a span is three numbers".into()))?;
                Ok(self.b.loc(span))
            }
            EXPR_NEWTYPE => {
                let parts = Parts::of(value)?;
                let span = parts
                    .span()
                    .ok_or_else(|| Error("an expression is a span and a note".into()))?;
                Ok(Value::from(match parts.text {
                    Some(n) => n,
                    None => self.b.quote(span),
                }))
            }
            SHARED_NEWTYPE => {
                // The same static value for every item: encoded once per builder.
                let key = (value as *const T).cast::<u8>() as usize;
                if let Some(v) = self.b.shared.get(&key) {
                    return Ok(v.clone());
                }
                let v = value.serialize(self.again())?;
                self.b.shared.insert(key, v.clone());
                Ok(v)
            }
            FILE_NEWTYPE => match value.serialize(self.again())? {
                Value::Number(n) => Ok(n
                    .as_u64()
                    .and_then(|id| self.b.files.get(id as usize))
                    .map_or(Value::Null, |f| Value::from(f.name.as_str()))),
                _ => Err(Error("a file id is a number".into())),
            },
            JSON_NEWTYPE => serde_json::to_value(value)
                .map(Value::from)
                .map_err(|e| Error(e.to_string())),
            _ => value.serialize(self),
        }
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Value, Error> {
        Err(unsupported("enum with data"))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'e, 't>, Error> {
        Ok(Seq {
            b: self.b,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'e, 't>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("enum with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'e, 't>, Error> {
        self.serialize_struct("", 0)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map<'e, 't>, Error> {
        Ok(Map {
            b: self.b,
            fields: Vec::with_capacity(len),
            object: Object::new(),
            key: None,
            restore: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("enum with data"))
    }
}

/// A newtype whose value is one `'static` item (`Aggregator::names`): every
/// use shares the value encoded the first time.
pub(super) const SHARED_NEWTYPE: &str = "$aggrego::Shared";

/// The numbers and the text of a span or an expression, read without
/// building a value for them (there is one per loc).
#[derive(Default)]
struct Parts {
    /// A span's file, start and end (more numbers are an error).
    numbers: [u64; 3],
    count: usize,
    text: Option<String>,
}

impl Parts {
    fn of<T: ?Sized + Serialize>(value: &T) -> Result<Parts, Error> {
        let mut p = Parts::default();
        value.serialize(&mut p)?;
        Ok(p)
    }

    fn span(&self) -> Option<crate::model::Span> {
        let [file, start, end] = self.numbers;
        (self.count == 3).then_some(crate::model::Span {
            file: file as u32,
            start: start as u32,
            end: end as u32,
        })
    }
}

impl ser::Serializer for &mut Parts {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        let slot = self
            .numbers
            .get_mut(self.count)
            .ok_or_else(|| Error("a span is three numbers".into()))?;
        *slot = v;
        self.count += 1;
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text = Some(v.to_string());
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(unsupported("flag in a span"))
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(unsupported("signed number in a span"))
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(unsupported("signed number in a span"))
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(unsupported("signed number in a span"))
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(unsupported("signed number in a span"))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("fraction in a span"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("fraction in a span"))
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Err(unsupported("character in a span"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Err(unsupported("enum in a span"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("enum in a span"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported("list in a span"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("enum in a span"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("map in a span"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported("struct in a span"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("enum in a span"))
    }
}

impl ser::SerializeTuple for &mut Parts {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

pub(super) struct Seq<'e, 't> {
    b: &'e mut Builder<'t>,
    items: Vec<Value>,
}

impl ser::SerializeSeq for Seq<'_, '_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Encoder { b: self.b })?;
        self.items.push(v);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::from(self.items))
    }
}

impl ser::SerializeTuple for Seq<'_, '_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

pub(super) struct Map<'e, 't> {
    b: &'e mut Builder<'t>,
    /// A struct's fields in their order, made one object at its end
    /// ([`Builder::object`]).
    fields: Vec<(&'static str, Value)>,
    /// A map's entries (its keys are values, not names).
    object: Object,
    key: Option<Value>,
    /// The owner before this item's own (`OWNER_FIELD`), given back at its end.
    restore: Option<Resource>,
}

impl ser::SerializeStruct for Map<'_, '_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let v = value.serialize(Encoder { b: self.b })?;
        if key == OWNER_FIELD {
            // Not a field of the input: the owner of the locs that follow,
            // inside this item only.
            if self.restore.is_none() {
                self.restore = Some(self.b.resources.last().cloned().unwrap_or_default());
            }
            let text = |k: &str| match &v {
                Value::Object(o) => o.get(&Value::from(k)).and_then(|x| match x {
                    Value::String(s) => Some(s.clone()),
                    _ => None,
                }),
                _ => None,
            };
            self.b.own(Resource {
                aggregator: text("aggregator"),
                account: text("account"),
                region: text("region"),
            });
            return Ok(());
        }
        self.fields.push((key, v));
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        if let Some(owner) = self.restore {
            self.b.own(owner);
        }
        Ok(self.b.object(self.fields))
    }
}

impl ser::SerializeMap for Map<'_, '_> {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(Encoder { b: self.b })?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Encoder { b: self.b })?;
        let k = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without its key".into()))?;
        self.object.insert(k, v);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(self.object.into_value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::Builder;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Outer {
        b: u32,
        a: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        c: Option<bool>,
        inner: Vec<Inner>,
    }

    #[derive(Serialize)]
    struct Inner {
        z: bool,
        y: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        x: Vec<u32>,
    }

    /// Objects made from a shape's template (`Builder::object`) are the
    /// objects regorus makes of the same JSON, whatever was encoded before
    /// with the same shape or another one.
    #[test]
    fn objects_from_templates_are_the_objects_of_their_json() -> Result<(), String> {
        let values = [
            Outer {
                b: 1,
                a: "one",
                c: None,
                inner: vec![],
            },
            Outer {
                b: 2,
                a: "two",
                c: Some(true),
                inner: vec![
                    Inner {
                        z: true,
                        y: None,
                        x: vec![],
                    },
                    Inner {
                        z: false,
                        y: Some("why".into()),
                        x: vec![3, 4],
                    },
                ],
            },
            Outer {
                b: 3,
                a: "three",
                c: None,
                inner: vec![Inner {
                    z: false,
                    y: Some("again".into()),
                    x: vec![5],
                }],
            },
        ];
        let mut b = Builder::default();
        let encoded = values
            .iter()
            .map(|v| v.serialize(Encoder { b: &mut b }))
            .collect::<Result<Vec<Value>, Error>>()
            .map_err(|e| e.to_string())?;
        for (v, e) in values.iter().zip(&encoded) {
            let json = serde_json::to_string(v).map_err(|e| e.to_string())?;
            let expected = Value::from_json_str(&json).map_err(|e| e.to_string())?;
            assert_eq!(*e, expected, "{json}");
        }
        // Four shapes: Outer with and without `c`, Inner with and without `x`.
        assert_eq!(b.shapes.len(), 4);
        Ok(())
    }
}
