//! Page cursors: opaque to clients (hex of a small tagged text naming the list), naming
//! the last row a page held, so the next page continues after it. A cursor of another
//! list, or one that was edited, is refused by name (400), never half-read.

use super::super::error::ApiError;

/// Where a page ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// Catalogue lists, in code or SKU order: the last code.
    Code(String),
    /// Newest-first lists: the last id.
    Id(i64),
    /// Positions: the last SKU and location id.
    Position(String, i64),
}

/// The longest cursor read (a SKU is at most a few hundred bytes).
const MAX_CHARS: usize = 2048;

impl Cursor {
    /// The cursor of `list` (e.g. `products`): another list refuses it.
    pub fn encode(&self, list: &str) -> String {
        let text = match self {
            Cursor::Code(code) => format!("{list}|c1|{code}"),
            Cursor::Id(id) => format!("{list}|i1|{id}"),
            Cursor::Position(sku, location) => format!("{list}|p1|{location}|{sku}"),
        };
        hex::encode(text)
    }

    fn decode(raw: &str, list: &str) -> Option<Cursor> {
        if raw.len() > MAX_CHARS {
            return None;
        }
        let text = String::from_utf8(hex::decode(raw).ok()?).ok()?;
        let (of, text) = text.split_once('|')?;
        if of != list {
            return None;
        }
        let (tag, rest) = text.split_once('|')?;
        match tag {
            "c1" => Some(Cursor::Code(rest.to_string())),
            "i1" => rest.parse().ok().filter(|id: &i64| *id > 0).map(Cursor::Id),
            "p1" => {
                let (location, sku) = rest.split_once('|')?;
                Some(Cursor::Position(sku.to_string(), location.parse().ok()?))
            }
            _ => None,
        }
    }
}

fn refused() -> ApiError {
    ApiError::BadRequest(
        "cursor is not one this list gave out: pass next_cursor from the previous page unchanged"
            .into(),
    )
}

/// The last code of a page of the catalogue list `list`, from `?cursor=`.
pub fn code(raw: Option<&str>, list: &str) -> Result<Option<String>, ApiError> {
    match raw.map(|r| Cursor::decode(r, list)) {
        None => Ok(None),
        Some(Some(Cursor::Code(c))) => Ok(Some(c)),
        Some(_) => Err(refused()),
    }
}

/// The last id of a page of the newest-first list `list`, from `?cursor=`.
pub fn id(raw: Option<&str>, list: &str) -> Result<Option<i64>, ApiError> {
    match raw.map(|r| Cursor::decode(r, list)) {
        None => Ok(None),
        Some(Some(Cursor::Id(i))) => Ok(Some(i)),
        Some(_) => Err(refused()),
    }
}

/// The last position of a positions page, from `?cursor=`.
pub fn position(raw: Option<&str>) -> Result<Option<(String, i64)>, ApiError> {
    match raw.map(|r| Cursor::decode(r, "positions")) {
        None => Ok(None),
        Some(Some(Cursor::Position(s, l))) => Ok(Some((s, l))),
        Some(_) => Err(refused()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_foreign_or_edited_ones_are_refused() {
        for c in [
            Cursor::Code("SKU|with|bars".into()),
            Cursor::Id(42),
            Cursor::Position("A-1|x".into(), 7),
        ] {
            assert_eq!(Cursor::decode(&c.encode("l"), "l"), Some(c));
        }
        let transfers = Cursor::Id(42).encode("transfers");
        assert_eq!(id(Some(&transfers), "transfers").unwrap(), Some(42));
        assert!(
            id(Some(&transfers), "exceptions").is_err(),
            "another list's"
        );
        assert!(code(Some(&transfers), "transfers").is_err(), "another kind");
        let products = Cursor::Code("A".into()).encode("products");
        assert!(code(Some(&products), "locations").is_err());
        assert!(id(Some("zz"), "transfers").is_err());
        assert!(id(Some(&hex::encode("transfers|i1|-5")), "transfers").is_err());
        assert!(position(Some(&"ab".repeat(2000))).is_err());
        assert_eq!(id(None, "transfers").unwrap(), None);
    }
}
