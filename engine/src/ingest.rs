//! Stock event ingestion: validate a whole batch, resolve codes inside the tenant, then
//! apply it in one transaction. A batch with any invalid event changes nothing.
//!
//! Batches go through a [`Writer`] that applies the batches waiting at that moment in
//! one transaction (group commit): many small requests cost one commit instead of one
//! each, and each is answered only after its transaction committed. SQLite, which has
//! one writer, gets one committer; PostgreSQL a few in parallel.

use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use std::collections::BTreeMap;

use crate::model::{now_ms, EventKind, StockEvent, TenantId};
use crate::replenish::anomalies;
use crate::replenish::sweep::positions_changed_tx;
use crate::store::events::apply_events_tx;
use crate::store::{Applied, Store};

/// Most events accepted in one request.
pub const MAX_BATCH: usize = 5_000;
/// Largest quantity one event may move.
pub use crate::limits::MAX_QUANTITY;
/// Most field errors reported for one batch.
const MAX_ERRORS: usize = 50;

/// A problem with one field, located by a JSON Pointer (RFC 6901) into the request body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub pointer: String,
    pub detail: String,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("the batch has invalid fields")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// An event whose fields are valid but whose location and SKU are still codes.
struct Parsed {
    source: String,
    external_id: String,
    kind: EventKind,
    location: String,
    sku: String,
    quantity: i64,
    occurred_at: i64,
    /// A sale's back-in-stock reference (the shopper bought from a notification).
    notification: Option<String>,
}

const FIELDS: [&str; 8] = [
    "source",
    "external_id",
    "type",
    "location",
    "sku",
    "quantity",
    "occurred_at",
    "notification",
];

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, pointer: String, detail: impl Into<String>) {
        if self.0.len() < MAX_ERRORS {
            self.0.push(FieldError {
                pointer,
                detail: detail.into(),
            });
        }
    }
}

fn text_field(
    obj: &Map<String, Value>,
    at: &str,
    name: &str,
    max: usize,
    errors: &mut Errors,
) -> Option<String> {
    let pointer = format!("{at}/{name}");
    match obj.get(name) {
        None | Some(Value::Null) => errors.push(pointer, "is required"),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.is_empty() {
                errors.push(pointer, "must not be empty");
            } else if s.chars().count() > max {
                errors.push(pointer, format!("must be at most {max} characters"));
            } else if s.chars().any(char::is_control) {
                errors.push(pointer, "must not contain control characters");
            } else {
                return Some(s.to_string());
            }
        }
        Some(_) => errors.push(pointer, "must be a string"),
    }
    None
}

fn parse_event(at: &str, value: &Value, now: i64, errors: &mut Errors) -> Option<Parsed> {
    let Some(obj) = value.as_object() else {
        errors.push(at.to_string(), "must be an object");
        return None;
    };
    for key in obj.keys() {
        if !FIELDS.contains(&key.as_str()) {
            errors.push(
                format!("{at}/{key}"),
                format!(
                    "is not a known field (expected one of: {})",
                    FIELDS.join(", ")
                ),
            );
        }
    }
    let source = text_field(obj, at, "source", 64, errors).and_then(|s| {
        if s == crate::model::IMPORT_EVENT_SOURCE || s == crate::model::ANOMALY_EVENT_SOURCE {
            errors.push(
                format!("{at}/source"),
                "is reserved for Shelfwise's own events: name your system",
            );
            None
        } else {
            Some(s)
        }
    });
    let external_id = text_field(obj, at, "external_id", 128, errors);
    let location = text_field(obj, at, "location", 64, errors);
    let sku = text_field(obj, at, "sku", 64, errors);
    let kind = text_field(obj, at, "type", 32, errors).and_then(|t| {
        let k = EventKind::parse(&t);
        if k.is_none() {
            errors.push(
                format!("{at}/type"),
                "must be one of: sale, return, adjustment, receipt, count",
            );
        }
        k
    });
    let qp = format!("{at}/quantity");
    let quantity = match obj.get("quantity") {
        None | Some(Value::Null) => {
            errors.push(qp.clone(), "is required");
            None
        }
        Some(Value::Number(n)) => match n.as_i64() {
            Some(q) if q.abs() <= MAX_QUANTITY => Some(q),
            Some(_) => {
                errors.push(
                    qp.clone(),
                    format!("must be between -{MAX_QUANTITY} and {MAX_QUANTITY}"),
                );
                None
            }
            None => {
                errors.push(qp.clone(), "must be a whole number");
                None
            }
        },
        Some(_) => {
            errors.push(qp.clone(), "must be a whole number");
            None
        }
    };
    if let (Some(k), Some(q)) = (kind, quantity) {
        let problem = match k {
            EventKind::Sale | EventKind::Return | EventKind::Receipt if q <= 0 => {
                Some("must be greater than 0 for this type")
            }
            EventKind::Adjustment if q == 0 => Some("must not be 0 for an adjustment"),
            EventKind::Count if q < 0 => Some("must not be negative for a count"),
            _ => None,
        };
        if let Some(p) = problem {
            errors.push(qp, p);
        }
    }
    let op = format!("{at}/occurred_at");
    let occurred_at = match obj.get("occurred_at") {
        None | Some(Value::Null) => Some(now),
        Some(Value::String(s)) => match OffsetDateTime::parse(s, &Rfc3339) {
            Ok(t) => {
                let ms = (t.unix_timestamp_nanos() / 1_000_000) as i64;
                if ms > now + 24 * 3600 * 1000 {
                    errors.push(op, "must not be more than 24 hours in the future");
                    None
                } else {
                    Some(ms)
                }
            }
            Err(_) => {
                errors.push(
                    op,
                    "must be an RFC 3339 timestamp such as 2026-11-26T09:30:00Z",
                );
                None
            }
        },
        Some(_) => {
            errors.push(op, "must be an RFC 3339 timestamp string");
            None
        }
    };
    let notification = match obj.get("notification") {
        None | Some(Value::Null) => None,
        Some(_) => {
            let n = text_field(obj, at, "notification", 100, errors);
            if n.is_some() && kind != Some(EventKind::Sale) {
                errors.push(format!("{at}/notification"), "is only for sales");
            }
            n
        }
    };
    Some(Parsed {
        notification,
        source: source?,
        external_id: external_id?,
        kind: kind?,
        location: location?,
        sku: sku?,
        quantity: quantity?,
        occurred_at: occurred_at?,
    })
}

/// Validates the request body shape and every event's fields (no database access).
fn parse_batch(body: &Value) -> Result<Vec<Parsed>, Vec<FieldError>> {
    let mut errors = Errors(Vec::new());
    let Some(obj) = body.as_object() else {
        errors.push(
            String::new(),
            "the body must be a JSON object with an \"events\" array",
        );
        return Err(errors.0);
    };
    for key in obj.keys() {
        if key != "events" {
            errors.push(format!("/{key}"), "is not a known field (expected: events)");
        }
    }
    let events = match obj.get("events") {
        Some(Value::Array(a)) => a,
        Some(_) => {
            errors.push("/events".into(), "must be an array");
            return Err(errors.0);
        }
        None => {
            errors.push("/events".into(), "is required");
            return Err(errors.0);
        }
    };
    if events.is_empty() {
        errors.push("/events".into(), "must contain at least one event");
    }
    if events.len() > MAX_BATCH {
        errors.push(
            "/events".into(),
            format!("must contain at most {MAX_BATCH} events"),
        );
        return Err(errors.0);
    }
    let now = now_ms();
    let parsed: Vec<Option<Parsed>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| parse_event(&format!("/events/{i}"), e, now, &mut errors))
        .collect();
    if errors.0.is_empty() {
        Ok(parsed
            .into_iter()
            .map(|p| p.expect("no errors means every event parsed"))
            .collect())
    } else {
        Err(errors.0)
    }
}

/// Events one group commit applies at most (whole batches; a batch is never split).
const MAX_GROUP_EVENTS: usize = 10_000;

/// Parallel group-commit tasks on PostgreSQL (SQLite has one writer, so one task).
const PG_COMMITTERS: usize = 4;

/// Applies resolved batches through group-commit tasks. Cheap to clone; the tasks end
/// when the last clone is dropped.
#[derive(Clone)]
pub struct Writer {
    store: Store,
    group: tokio::sync::mpsc::Sender<Pending>,
    codes: std::sync::Arc<Codes>,
}

/// Ids of location and SKU codes already resolved, per tenant. Only codes that exist are
/// kept, and a code's id never changes (codes are never reassigned or deleted), so an
/// entry cannot go stale; an unknown code is looked up every time, so a new product is
/// found at once. Cleared when it grows past [`MAX_CODES`].
#[derive(Default)]
struct Codes {
    ids: std::sync::Mutex<std::collections::HashMap<(i64, CodeKind, String), i64>>,
}

#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
enum CodeKind {
    Location,
    Sku,
}

const MAX_CODES: usize = 500_000;

type Queue = std::sync::Arc<tokio::sync::Mutex<tokio::sync::mpsc::Receiver<Pending>>>;

struct Pending {
    tenant: TenantId,
    events: Vec<StockEvent>,
    reply: tokio::sync::oneshot::Sender<Result<Applied, sqlx::Error>>,
}

impl Writer {
    /// A writer for `store`; spawns the group-commit tasks, so it must be called inside
    /// a Tokio runtime.
    pub fn new(store: Store) -> Writer {
        let committers = match store.db().backend() {
            crate::db::Backend::Sqlite => 1,
            crate::db::Backend::Postgres => PG_COMMITTERS,
        };
        let (tx, rx) = tokio::sync::mpsc::channel(1024);
        let queue: Queue = std::sync::Arc::new(tokio::sync::Mutex::new(rx));
        for _ in 0..committers {
            tokio::spawn(group_commit(store.clone(), queue.clone()));
        }
        Writer {
            store,
            group: tx,
            codes: Default::default(),
        }
    }

    /// The ids of `codes` of `kind` in `tenant` (absent: no such code), from memory
    /// where known, else from the database.
    async fn resolve(
        &self,
        tenant: TenantId,
        kind: CodeKind,
        codes: &[&str],
    ) -> Result<std::collections::HashMap<String, i64>, sqlx::Error> {
        let mut found = std::collections::HashMap::new();
        let mut missing: Vec<&str> = Vec::new();
        {
            let ids = self.codes.ids.lock().expect("code cache lock");
            for code in codes {
                if found.contains_key(*code) {
                    continue;
                }
                match ids.get(&(tenant.0, kind, (*code).to_string())) {
                    Some(id) => {
                        found.insert((*code).to_string(), *id);
                    }
                    None => missing.push(code),
                }
            }
        }
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            let looked_up = match kind {
                CodeKind::Location => self.store.location_ids(tenant, &missing).await?,
                CodeKind::Sku => self.store.product_ids(tenant, &missing).await?,
            };
            let mut ids = self.codes.ids.lock().expect("code cache lock");
            if ids.len() + looked_up.len() > MAX_CODES {
                ids.clear();
            }
            for (code, id) in looked_up {
                ids.insert((tenant.0, kind, code.clone()), id);
                found.insert(code, id);
            }
        }
        Ok(found)
    }

    /// Applies one tenant's batch; returns once it has committed.
    pub async fn apply(
        &self,
        tenant: TenantId,
        events: Vec<StockEvent>,
    ) -> Result<Applied, sqlx::Error> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let pending = Pending {
            tenant,
            events,
            reply,
        };
        if let Err(e) = self.group.send(pending).await {
            // The task is gone (shutting down): write this batch on its own.
            let p = e.0;
            return apply_events(&self.store, p.tenant, &p.events).await;
        }
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

/// Takes the batches waiting, applies them in one transaction, answers each; repeats.
/// If the shared transaction fails, each batch is retried alone, so one bad batch
/// cannot fail the others. Within a group, tenants and positions are written in key
/// order, so parallel committers on PostgreSQL cannot deadlock.
async fn group_commit(store: Store, queue: Queue) {
    loop {
        let mut group = Vec::new();
        {
            let mut rx = queue.lock().await;
            let Some(first) = rx.recv().await else {
                return;
            };
            let mut size = first.events.len();
            group.push(first);
            while size < MAX_GROUP_EVENTS {
                match rx.try_recv() {
                    Ok(p) => {
                        size += p.events.len();
                        group.push(p);
                    }
                    Err(_) => break,
                }
            }
        }
        let batches: Vec<(TenantId, &[StockEvent])> =
            group.iter().map(|p| (p.tenant, &p.events[..])).collect();
        let result = apply_event_groups(&store, &batches).await;
        drop(batches);
        match result {
            Ok(applied) => {
                for (p, a) in group.into_iter().zip(applied) {
                    let _ = p.reply.send(Ok(a));
                }
            }
            Err(e) if group.len() == 1 => {
                let p = group.pop().expect("one batch");
                let _ = p.reply.send(Err(e));
            }
            Err(e) => {
                tracing::warn!(error = %e, batches = group.len(), "group commit failed; applying its batches one by one");
                for p in group {
                    let r = apply_events(&store, p.tenant, &p.events).await;
                    let _ = p.reply.send(r);
                }
            }
        }
    }
}

/// Records each event once per (tenant, source, external id), moves its position, and
/// marks each changed position for a policy check with the tenant's sweep queued, all in
/// one transaction: no check is lost if the process dies, and a burst of any size
/// queues one sweep.
pub async fn apply_events(
    store: &Store,
    tenant: TenantId,
    events: &[StockEvent],
) -> Result<Applied, sqlx::Error> {
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let done = apply_events_tx(&mut tx, tenant, &[events], now).await?;
    anomalies::check_tx(&mut tx, tenant, &done.observed, now).await?;
    positions_changed_tx(&mut tx, tenant, &done.changed, now).await?;
    tx.commit().await?;
    Ok(done.applied[0])
}

/// Applies several tenants' batches in one transaction (group commit): one result per
/// batch, in order. On an error nothing is applied.
pub async fn apply_event_groups(
    store: &Store,
    batches: &[(TenantId, &[StockEvent])],
) -> Result<Vec<Applied>, sqlx::Error> {
    let now = now_ms();
    let mut by_tenant: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, (tenant, _)) in batches.iter().enumerate() {
        by_tenant.entry(tenant.0).or_default().push(i);
    }
    let mut out = vec![Applied::default(); batches.len()];
    let Some(first) = batches.first() else {
        return Ok(out);
    };
    let mut tx = store.begin(first.0).await?;
    for (tenant, idx) in by_tenant {
        // Each tenant's part of the group commit runs under that tenant's scope.
        tx.set_scope(TenantId(tenant)).await?;
        let own: Vec<&[StockEvent]> = idx.iter().map(|i| batches[*i].1).collect();
        let done = apply_events_tx(&mut tx, TenantId(tenant), &own, now).await?;
        // Anomalous events are judged before the positions are checked, so the check
        // sees the exception that holds them.
        anomalies::check_tx(&mut tx, TenantId(tenant), &done.observed, now).await?;
        positions_changed_tx(&mut tx, TenantId(tenant), &done.changed, now).await?;
        for (i, a) in idx.into_iter().zip(done.applied) {
            out[i] = a;
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Validates, resolves and applies one batch for `tenant`.
pub async fn ingest(
    writer: &Writer,
    tenant: TenantId,
    body: &Value,
) -> Result<Applied, IngestError> {
    let parsed = parse_batch(body).map_err(IngestError::Invalid)?;
    let codes: Vec<&str> = parsed.iter().map(|p| p.location.as_str()).collect();
    let skus: Vec<&str> = parsed.iter().map(|p| p.sku.as_str()).collect();
    let locations = writer.resolve(tenant, CodeKind::Location, &codes).await?;
    let products = writer.resolve(tenant, CodeKind::Sku, &skus).await?;
    let mut errors = Errors(Vec::new());
    let mut events = Vec::with_capacity(parsed.len());
    let mut purchases: Vec<String> = Vec::new();
    for (i, p) in parsed.into_iter().enumerate() {
        let location_id = locations.get(&p.location).copied();
        let product_id = products.get(&p.sku).copied();
        if location_id.is_none() {
            errors.push(
                format!("/events/{i}/location"),
                format!("no location with code {:?}", p.location),
            );
        }
        if product_id.is_none() {
            errors.push(
                format!("/events/{i}/sku"),
                format!("no product with SKU {:?}", p.sku),
            );
        }
        if let (Some(location_id), Some(product_id)) = (location_id, product_id) {
            purchases.extend(p.notification);
            events.push(StockEvent {
                source: p.source,
                external_id: p.external_id,
                kind: p.kind,
                location_id,
                product_id,
                quantity: p.quantity,
                occurred_at: p.occurred_at,
            });
        }
    }
    if !errors.0.is_empty() {
        return Err(IngestError::Invalid(errors.0));
    }
    let applied = writer.apply(tenant, events).await?;
    if !purchases.is_empty() {
        // Conversion is counted after the events commit (idempotent: a replayed batch
        // marks nothing twice); a failure here loses a statistic, never stock.
        let refs: Vec<&str> = purchases.iter().map(String::as_str).collect();
        if let Err(e) = crate::back_in_stock::record_purchases(&writer.store, tenant, &refs).await {
            tracing::warn!(error = %e, "back-in-stock purchases were not recorded");
        }
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pointers(body: Value) -> Vec<String> {
        parse_batch(&body)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.pointer)
            .collect()
    }

    fn event() -> Value {
        json!({"source": "pos", "external_id": "1", "type": "sale", "location": "S1", "sku": "A", "quantity": 2})
    }

    #[test]
    fn a_valid_event_parses() {
        let parsed = parse_batch(&json!({"events": [event()]})).unwrap();
        assert_eq!(parsed[0].kind, EventKind::Sale);
        assert_eq!(parsed[0].quantity, 2);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut e = event();
        e["quantity"] = json!(-3);
        assert_eq!(
            pointers(json!({"events": [event(), e]})),
            ["/events/1/quantity"]
        );
        let mut e = event();
        e["type"] = json!("theft");
        assert_eq!(pointers(json!({"events": [e]})), ["/events/0/type"]);
        let mut e = event();
        e.as_object_mut().unwrap().remove("sku");
        e["qty"] = json!(1);
        assert_eq!(
            pointers(json!({"events": [e]})),
            ["/events/0/qty", "/events/0/sku"]
        );
        let mut e = event();
        e["occurred_at"] = json!("yesterday");
        assert_eq!(pointers(json!({"events": [e]})), ["/events/0/occurred_at"]);
        let mut e = event();
        e["quantity"] = json!(1.5);
        assert_eq!(pointers(json!({"events": [e]})), ["/events/0/quantity"]);
    }

    #[test]
    fn batch_shape_is_checked() {
        assert_eq!(pointers(json!([])), [""]);
        assert_eq!(pointers(json!({"events": []})), ["/events"]);
        assert_eq!(pointers(json!({"events": {}})), ["/events"]);
        let many: Vec<Value> = (0..=MAX_BATCH).map(|_| event()).collect();
        assert_eq!(pointers(json!({ "events": many })), ["/events"]);
    }

    #[test]
    fn quantity_rules_follow_the_type() {
        for (kind, q, ok) in [
            ("adjustment", -4, true),
            ("adjustment", 0, false),
            ("count", 0, true),
            ("count", -1, false),
            ("receipt", 0, false),
        ] {
            let mut e = event();
            e["type"] = json!(kind);
            e["quantity"] = json!(q);
            assert_eq!(
                parse_batch(&json!({"events": [e]})).is_ok(),
                ok,
                "{kind} {q}"
            );
        }
    }
}
