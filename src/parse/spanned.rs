//! [`Sp`]: a value together with the byte range it came from.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, Range};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A deserialized value and the byte range of its source text.
///
/// Every field of the model keeps its span so that a finding can point at
/// the exact line and column. Spans are `u32` because files over 1 MiB are
/// never parsed.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Sp<T> {
    start: u32,
    end: u32,
    value: T,
}

impl<T> Sp<T> {
    /// Wraps `value` with `span`.
    pub fn new(span: Range<usize>, value: T) -> Self {
        Sp {
            start: u32::try_from(span.start).unwrap_or(u32::MAX),
            end: u32::try_from(span.end).unwrap_or(u32::MAX),
            value,
        }
    }

    /// The byte range of the value in its file.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The value.
    pub fn get(&self) -> &T {
        &self.value
    }

    /// The value, consuming the wrapper.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// Applies `f` to the value, keeping the span.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sp<U> {
        Sp {
            start: self.start,
            end: self.end,
            value: f(self.value),
        }
    }
}

impl Sp<String> {
    /// The value as a string slice.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl<T> Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Sp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}@{}..{}", self.value, self.start, self.end)
    }
}

/// The parse cache stores `(start, end, value)`.
impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end, &self.value).serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            // The parse cache (TOML is the only human-readable source).
            let (start, end, value) = <(u32, u32, T)>::deserialize(deserializer)?;
            return Ok(Sp { start, end, value });
        }
        let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.span();
        Ok(Sp::new(span, spanned.into_inner()))
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
