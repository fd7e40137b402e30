//! What each kind of source's body means: the generic stock levels and the commerce
//! platform's inventory level, each turned into a batch for the events API (which then
//! validates it), with errors put back in the source's own terms; and a source's
//! mapping of the platform's ids to ours. Pure.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::InboundError;
use crate::error::Msg;
use crate::ingest::{self, FieldError};

/// The largest mapping text.
const MAX_MAPPING_BYTES: usize = 256 * 1024;
/// Mapping entries a source may hold.
const MAX_MAPPING_LINES: usize = 5_000;

/// The platform's ids mapped to ours: `location <id> = <code>`, `item <id> = <SKU>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    pub locations: HashMap<String, String>,
    pub items: HashMap<String, String>,
}

/// Reads a mapping, naming the first bad line.
pub fn parse_mapping(text: &str) -> Result<Mapping, Msg> {
    let mut m = Mapping::default();
    if text.len() > MAX_MAPPING_BYTES {
        return Err(Msg::new(
            "err-inbound-mapping-size",
            &[("kib", (MAX_MAPPING_BYTES / 1024).to_string())],
        ));
    }
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if m.locations.len() + m.items.len() >= MAX_MAPPING_LINES {
            return Err(Msg::new(
                "err-inbound-mapping-entries",
                &[("most", MAX_MAPPING_LINES.to_string())],
            ));
        }
        let bad = || Msg::new("err-inbound-mapping-line", &[("line", (n + 1).to_string())]);
        let (left, ours) = line.split_once('=').ok_or_else(bad)?;
        let (what, theirs) = left
            .trim()
            .split_once(char::is_whitespace)
            .ok_or_else(bad)?;
        let (theirs, ours) = (theirs.trim(), ours.trim());
        if theirs.is_empty() || ours.is_empty() || theirs.len() > 64 || ours.len() > 64 {
            return Err(bad());
        }
        let map = match what {
            "location" => &mut m.locations,
            "item" => &mut m.items,
            _ => return Err(bad()),
        };
        map.insert(theirs.to_string(), ours.to_string());
    }
    Ok(m)
}

pub(super) fn invalid(pointer: &str, detail: impl Into<String>) -> InboundError {
    InboundError::Invalid(vec![FieldError {
        pointer: pointer.into(),
        detail: detail.into(),
    }])
}

/// An events-API error pointer put in the source's own terms.
pub(super) fn renamed(e: FieldError, family: &str) -> FieldError {
    if family.is_empty() {
        return FieldError {
            pointer: e
                .pointer
                .split('/')
                .next_back()
                .map(|f| {
                    format!(
                        "/{}",
                        match f {
                            "quantity" => "available",
                            "occurred_at" => "updated_at",
                            "location" => "location_id",
                            "sku" => "inventory_item_id",
                            other => other,
                        }
                    )
                })
                .unwrap_or_default(),
            detail: e.detail,
        };
    }
    let pointer = e.pointer.replacen("/events/", &format!("/{family}/"), 1);
    let pointer = match pointer.rsplit_once('/') {
        Some((head, "quantity")) => format!("{head}/on_hand"),
        Some((head, "occurred_at")) => format!("{head}/observed_at"),
        _ => pointer,
    };
    FieldError {
        pointer,
        detail: e.detail,
    }
}

const LEVEL_FIELDS: [&str; 4] = ["location", "sku", "on_hand", "observed_at"];

/// The generic stock-level body as a batch of counts.
pub(super) fn standard_events(
    source: &str,
    webhook_id: &str,
    body: &[u8],
) -> Result<Value, InboundError> {
    if webhook_id.chars().count() > 100 {
        return Err(invalid(
            "",
            "the webhook-id header may be at most 100 characters",
        ));
    }
    let value: Value =
        serde_json::from_slice(body).map_err(|_| invalid("", "the body is not JSON"))?;
    let Some(levels) = value.get("levels").and_then(Value::as_array) else {
        return Err(invalid("/levels", "is required: an array of stock levels"));
    };
    if let Some(extra) = value
        .as_object()
        .and_then(|o| o.keys().find(|k| *k != "levels"))
    {
        return Err(invalid(
            &format!("/{extra}"),
            "is not a known field (expected: levels)",
        ));
    }
    if levels.is_empty() || levels.len() > ingest::MAX_BATCH {
        return Err(invalid(
            "/levels",
            format!("must hold 1 to {} levels", ingest::MAX_BATCH),
        ));
    }
    let mut events = Vec::with_capacity(levels.len());
    for (i, level) in levels.iter().enumerate() {
        let Some(obj) = level.as_object() else {
            return Err(invalid(&format!("/levels/{i}"), "must be an object"));
        };
        if let Some(extra) = obj.keys().find(|k| !LEVEL_FIELDS.contains(&k.as_str())) {
            return Err(invalid(
                &format!("/levels/{i}/{extra}"),
                format!(
                    "is not a known field (expected one of: {})",
                    LEVEL_FIELDS.join(", ")
                ),
            ));
        }
        let mut e = Map::new();
        e.insert("source".into(), json!(format!("webhook:{source}")));
        e.insert("external_id".into(), json!(format!("{webhook_id}:{i}")));
        e.insert("type".into(), json!("count"));
        for (from, to) in [
            ("location", "location"),
            ("sku", "sku"),
            ("on_hand", "quantity"),
            ("observed_at", "occurred_at"),
        ] {
            if let Some(v) = obj.get(from) {
                e.insert(to.into(), v.clone());
            }
        }
        events.push(Value::Object(e));
    }
    Ok(json!({ "events": events }))
}

/// The commerce platform's inventory-level body as one count.
pub(super) fn shopify_events(
    source: &str,
    webhook_id: &str,
    topic: Option<&str>,
    body: &[u8],
    mapping: &Mapping,
) -> Result<Value, InboundError> {
    if topic != Some("inventory_levels/update") {
        return Err(invalid(
            "",
            format!("the topic {:?} is not taken here (subscribe this address to inventory_levels/update)", topic.unwrap_or("")),
        ));
    }
    let value: Value =
        serde_json::from_slice(body).map_err(|_| invalid("", "the body is not JSON"))?;
    let id_of = |field: &str| -> Result<String, InboundError> {
        match value.get(field) {
            Some(Value::Number(n)) if n.is_u64() => Ok(n.to_string()),
            Some(Value::String(s)) if !s.is_empty() && s.len() <= 64 => Ok(s.clone()),
            _ => Err(invalid(
                &format!("/{field}"),
                "is required: the platform's id",
            )),
        }
    };
    let (item, location) = (id_of("inventory_item_id")?, id_of("location_id")?);
    let code = mapping.locations.get(&location).ok_or_else(|| {
        invalid(
            "/location_id",
            format!("has no mapping: add \"location {location} = <location code>\" to the source"),
        )
    })?;
    let sku = mapping.items.get(&item).ok_or_else(|| {
        invalid(
            "/inventory_item_id",
            format!("has no mapping: add \"item {item} = <SKU>\" to the source"),
        )
    })?;
    let available = match value.get("available") {
        // Oversold stock shows as a negative number: nothing is on the shelf.
        Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or(0).max(0),
        Some(Value::Null) | None => {
            return Err(invalid(
                "/available",
                "is required (the item's inventory is not tracked)",
            ))
        }
        Some(_) => return Err(invalid("/available", "must be a whole number")),
    };
    let mut e = json!({
        "source": format!("webhook:{source}"),
        "external_id": webhook_id,
        "type": "count",
        "location": code,
        "sku": sku,
        "quantity": available,
    });
    if let Some(at) = value.get("updated_at").filter(|v| !v.is_null()) {
        e["occurred_at"] = at.clone();
    }
    Ok(json!({ "events": [e] }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_are_read_and_bad_lines_named() {
        let m = parse_mapping("# shop\nlocation 24826418 = S1\nitem 271878346596884015 = A-1\n\n")
            .unwrap();
        assert_eq!(m.locations["24826418"], "S1");
        assert_eq!(m.items["271878346596884015"], "A-1");
        let e = parse_mapping("location 1 = S1\nwarehouse 2 = W").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(parse_mapping("location = S1").is_err());
    }

    #[test]
    fn the_generic_body_becomes_counts_keyed_by_the_webhook_id() {
        let body = br#"{"levels":[{"location":"S1","sku":"A","on_hand":4}]}"#;
        let batch = standard_events("erp", "msg_1", body).unwrap();
        assert_eq!(batch["events"][0]["external_id"], "msg_1:0");
        assert_eq!(batch["events"][0]["type"], "count");
        assert_eq!(batch["events"][0]["quantity"], 4);
        let bad = standard_events("erp", "m", br#"{"levels":[{"location":"S1","qty":1}]}"#);
        assert!(matches!(bad, Err(InboundError::Invalid(e)) if e[0].pointer == "/levels/0/qty"));
        assert!(matches!(
            standard_events("erp", "m", b"nope"),
            Err(InboundError::Invalid(_))
        ));
        let e = renamed(
            FieldError {
                pointer: "/events/3/quantity".into(),
                detail: "x".into(),
            },
            "levels",
        );
        assert_eq!(e.pointer, "/levels/3/on_hand");
    }

    #[test]
    fn the_platform_body_needs_its_topic_and_a_mapping() {
        let m = parse_mapping("location 7 = S1\nitem 9 = A").unwrap();
        let body = br#"{"inventory_item_id":9,"location_id":7,"available":-2,"updated_at":"2026-11-30T10:00:00-05:00"}"#;
        let batch =
            shopify_events("shop", "w1", Some("inventory_levels/update"), body, &m).unwrap();
        assert_eq!(
            batch["events"][0]["quantity"], 0,
            "oversold counts as none on the shelf"
        );
        assert_eq!(batch["events"][0]["location"], "S1");
        assert!(shopify_events("shop", "w1", Some("orders/create"), body, &m).is_err());
        let unmapped = br#"{"inventory_item_id":9,"location_id":8,"available":1}"#;
        let e = shopify_events("shop", "w1", Some("inventory_levels/update"), unmapped, &m);
        assert!(matches!(e, Err(InboundError::Invalid(e)) if e[0].detail.contains("location 8")));
    }
}
