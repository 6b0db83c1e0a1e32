//! Reads typed data out of a parsed JSON value and, when the data has the wrong shape, says where:
//! `claims[0].status unknown variant …`.
//!
//! Why not serde_path_to_error: it wraps the deserializer, the visitor and every seed of every
//! type it reads, so each file type's reading code was compiled twice over (about 100 KB of the
//! wasm bundle, issue 14). This reader is the deserializer itself: reading a type costs what
//! `serde_json::from_value` costs, and the path is kept in one list as the reader goes down.
//!
//! The path is written as serde_path_to_error wrote it (`.` for the top, `a.b[2].c`), so the
//! messages files get are unchanged. Like it, the path stops where serde buffers a value to read
//! it later (internally tagged or untagged enums, flattened fields).

use std::cell::RefCell;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use serde_json::Value;

/// What did not fit, in serde's words ("invalid type: integer `7`, expected a string").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError(String);

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ShapeError {}

impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ShapeError(msg.to_string())
    }
}

/// Reads `T` out of `value`; a mismatch comes with the path to it.
pub fn read<'a, T: de::Deserialize<'a>>(value: &'a Value) -> Result<T, (String, ShapeError)> {
    let trail = Trail(RefCell::new(Vec::new()));
    let at = At {
        value,
        trail: &trail,
        depth: 0,
    };
    T::deserialize(at).map_err(|e| (trail.to_string(), e))
}

/// Reads `T` out of JSON text, as a value first. Why not `serde_json::from_str::<T>`: that
/// compiles each type's reading code once more, for serde_json's text parser; going through a
/// value keeps one copy of it, this one, in the bundle. What is read this way is small (the
/// library's index and settings), so the value in between costs nothing that shows.
pub fn read_text<T: de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    read(&value).map_err(|(path, e)| format!("{e} at {path}"))
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

// The way down to the value being read. A value at depth d owns the steps from d on: entering a
// child cuts the list back to d first (so a step left by an error some reader recovered from
// cannot linger), and a child read without error is cut off again, so after an error the list
// is exactly the way to it.
struct Trail<'a>(RefCell<Vec<Step<'a>>>);

impl<'a> Trail<'a> {
    fn enter(&self, depth: usize, step: Step<'a>) {
        let mut steps = self.0.borrow_mut();
        steps.truncate(depth);
        steps.push(step);
    }

    fn leave(&self, depth: usize) {
        self.0.borrow_mut().truncate(depth);
    }
}

impl fmt::Display for Trail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps = self.0.borrow();
        if steps.is_empty() {
            return f.write_str(".");
        }
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Key(key) if n == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
struct At<'a, 't> {
    value: &'a Value,
    trail: &'t Trail<'a>,
    depth: usize,
}

impl<'a, 't> At<'a, 't> {
    // Reads the value at `step` below this one with `read`; the step stays on the trail only if
    // the read fails, so entering and leaving cannot come apart.
    fn within<T>(
        self,
        step: Step<'a>,
        value: &'a Value,
        read: impl FnOnce(At<'a, 't>) -> Result<T, ShapeError>,
    ) -> Result<T, ShapeError> {
        self.trail.enter(self.depth, step);
        let read = read(At {
            value,
            trail: self.trail,
            depth: self.depth + 1,
        });
        if read.is_ok() {
            self.trail.leave(self.depth);
        }
        read
    }

    fn items<V: Visitor<'a>>(self, items: &'a [Value], visitor: V) -> Result<V::Value, ShapeError> {
        let mut seq = Items {
            at: self,
            items: items.iter().enumerate(),
        };
        let read = visitor.visit_seq(&mut seq)?;
        match seq.items.len() {
            0 => Ok(read),
            _ => Err(de::Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }

    fn entries<V: Visitor<'a>>(
        self,
        map: &'a serde_json::Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_map(Entries {
            at: self,
            entries: map.iter(),
            pending: None,
        })
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> de::Deserializer<'de> for At<'de, '_> {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.items(items, visitor),
            Value::Object(map) => self.entries(map, visitor),
        }
    }

    // A struct, a list or a string is read only from its own kind of JSON (serde_json would also
    // take a struct from an array). Why: a visitor whose `visit_seq` or `visit_u64` is never
    // called is not compiled into the bundle, and derived struct visitors carry both.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::Object(map) => self.entries(map, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::Array(items) => self.items(items, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        at: self,
                        name,
                        value,
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple_struct identifier
    }
}

struct Items<'a, 't> {
    at: At<'a, 't>,
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
}

impl<'a> de::SeqAccess<'a> for Items<'a, '_> {
    type Error = ShapeError;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, ShapeError> {
        let Some((i, value)) = self.items.next() else {
            return Ok(None);
        };
        self.at
            .within(Step::Index(i), value, |at| seed.deserialize(at))
            .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a, 't> {
    at: At<'a, 't>,
    entries: serde_json::map::Iter<'a>,
    pending: Option<(&'a str, &'a Value)>,
}

impl<'a> de::MapAccess<'a> for Entries<'a, '_> {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ShapeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<S::Value, ShapeError> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a value was read before its key"));
        };
        self.at
            .within(Step::Key(key), value, |at| seed.deserialize(at))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

// `{"name": value}`: an enum variant that carries data, read the way serde_json reads it.
struct Variant<'a, 't> {
    at: At<'a, 't>,
    name: &'a str,
    value: &'a Value,
}

impl<'a, 't> de::EnumAccess<'a> for Variant<'a, 't> {
    type Error = ShapeError;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'a>>(self, seed: S) -> Result<(S::Value, Self), ShapeError> {
        let name = seed.deserialize(BorrowedStrDeserializer::new(self.name))?;
        Ok((name, self))
    }
}

impl<'a> de::VariantAccess<'a> for Variant<'a, '_> {
    type Error = ShapeError;

    fn unit_variant(self) -> Result<(), ShapeError> {
        match self.value {
            Value::Null => Ok(()),
            other => Err(de::Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'a>>(self, seed: S) -> Result<S::Value, ShapeError> {
        self.at
            .within(Step::Key(self.name), self.value, |at| seed.deserialize(at))
    }

    fn tuple_variant<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.at.within(Step::Key(self.name), self.value, |at| {
            de::Deserializer::deserialize_seq(at, visitor)
        })
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.at.within(Step::Key(self.name), self.value, |at| {
            de::Deserializer::deserialize_map(at, visitor)
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Sheet {
        title: String,
        #[serde(default)]
        pages: Vec<Page>,
        settings: Option<Settings>,
        #[serde(default)]
        tags: BTreeMap<String, u8>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Settings {
        require_source: bool,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    enum Page {
        Blank,
        Text(String),
        Pair(u8, u8),
        Box { width: u32 },
    }

    fn fails(value: Value) -> String {
        let (path, e) = read::<Sheet>(&value).unwrap_err();
        format!("{path} {e}")
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let value = json!({
            "title": "t",
            "pages": ["Blank", {"Text": "x"}, {"Pair": [1, 2]}, {"Box": {"width": 3}}],
            "settings": {"requireSource": true},
            "tags": {"a": 1},
            "ignored": [null, {"deep": 1.5}],
        });
        let ours: Sheet = read(&value).unwrap();
        assert_eq!(ours, serde_json::from_value::<Sheet>(value).unwrap());
    }

    #[test]
    fn a_mismatch_is_named_by_its_path() {
        assert_eq!(
            fails(json!({"title": 7})),
            "title invalid type: integer `7`, expected a string"
        );
        assert_eq!(
            fails(json!({"title": "t", "settings": {"requireSource": "yes"}})),
            "settings.requireSource invalid type: string \"yes\", expected a boolean"
        );
        assert!(fails(json!({"title": "t", "pages": ["Blank", "Folded"]}))
            .starts_with("pages[1] unknown variant `Folded`"));
        assert!(
            fails(json!({"title": "t", "pages": [{"Box": {"width": -1}}]}))
                .starts_with("pages[0].Box.width invalid value: integer `-1`")
        );
        assert!(fails(json!({"title": "t", "tags": {"a": 300}}))
            .starts_with("tags.a invalid value: integer `300`"));
        assert!(fails(json!({"title": "t", "pages": [{"Pair": [1, 2, 3]}]}))
            .starts_with("pages[0].Pair invalid length 3"));
        // Each kind is read from its own kind of JSON only: no struct out of an array.
        assert_eq!(
            fails(json!({"title": "t", "settings": [true]})),
            "settings invalid type: sequence, expected struct Settings"
        );
        assert_eq!(
            fails(json!({"title": "t", "pages": {"Blank": null}, "tags": {}})),
            "pages invalid type: map, expected a sequence"
        );
    }

    #[test]
    fn a_missing_field_is_named_where_its_object_is() {
        // The fields read before the fault leave no step behind.
        assert_eq!(
            fails(json!({"pages": ["Blank"]})),
            ". missing field `title`"
        );
        assert_eq!(
            fails(json!({"title": "t", "settings": {"other": 1}})),
            "settings missing field `requireSource`"
        );
        assert_eq!(
            read::<Vec<Settings>>(&json!([{"requireSource": true}, {}]))
                .unwrap_err()
                .0,
            "[1]"
        );
    }

    #[test]
    fn text_is_read_through_a_value() {
        assert_eq!(
            read_text::<Settings>(r#"{"requireSource": false}"#),
            Ok(Settings {
                require_source: false
            })
        );
        assert_eq!(
            read_text::<Vec<Settings>>(r#"[{"requireSource": 1}]"#).unwrap_err(),
            "invalid type: integer `1`, expected a boolean at [0].requireSource"
        );
        assert!(read_text::<Settings>("{")
            .unwrap_err()
            .starts_with("EOF while parsing"));
    }
}
