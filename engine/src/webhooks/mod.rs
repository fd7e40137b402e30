//! Outbound webhooks, managed by the tenant's admin ([`Permission::ManageIntegrations`]):
//! endpoints subscribed to event types, each with a `whsec_` signing secret (shown once,
//! sealed at rest, rotatable with an overlap during which both secrets sign), enabled,
//! disabled or deleted; and the delivery log, from which a failed delivery is replayed.
//!
//! [`publish_tx`] is how a change reports an event: in the change's transaction it
//! writes the outbox row and, for every enabled endpoint subscribed to its type, a
//! delivery and the job that sends it ([`deliver`]), so an event is sent exactly when
//! its change committed, and never lost once it has. Signed inbound webhooks are
//! `crate::inbound`; the signature scheme, both ways, is [`signing`].

pub mod deliver;
pub mod guard;
pub mod signing;

use serde_json::{json, Value};

use crate::addresses::AddressKeys;
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::NewJob;
use crate::model::{now_ms, Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::webhooks::{self as sql, AttemptRecord, DeliveryRecord, EndpointRecord};
use crate::store::{outbox, positions, Store};
pub use deliver::{DeliverWebhook, Sender};
pub use guard::Guard;
use signing::Secret;

/// The event types an endpoint may subscribe to (`*` ends a family) and their labels.
pub const EVENT_TYPES: [(&str, &str); 4] = [
    (
        "availability.changed",
        "Availability changed: stock of products at locations moved",
    ),
    ("transfer.*", "Transfers: every change of state"),
    (
        "purchase_order.*",
        "Purchase orders: every change of state, and the supplier's answers",
    ),
    ("exception.opened", "Exceptions: one was opened"),
];

/// The purpose sealed secrets carry (see [`AddressKeys::seal_for`]).
pub(crate) const SECRET_PURPOSE: &str = "webhook_secret";
/// The longest endpoint URL.
pub const MAX_URL_CHARS: usize = 500;
/// Endpoints a tenant may have.
pub const MAX_ENDPOINTS: usize = 20;
/// The longest rotation overlap (7 days).
pub const MAX_OVERLAP_HOURS: i64 = 168;
/// Positions one `availability.changed` event carries at most.
const POSITIONS_PER_EVENT: usize = 100;

/// Whether a stored list of event types takes events of `kind`.
pub fn subscribes(types: &str, kind: &str) -> bool {
    types.split(',').map(str::trim).any(|t| {
        t == kind
            || t.strip_suffix('*')
                .is_some_and(|family| !family.is_empty() && kind.starts_with(family))
    })
}

/// Records event `kind` about `subject` in the outbox and queues its delivery to every
/// enabled endpoint subscribed to it, in the caller's transaction.
pub(crate) async fn publish_tx(
    tx: &mut Tx,
    tenant: TenantId,
    kind: &str,
    subject: &str,
    data: &Value,
    now: i64,
) -> Result<(), sqlx::Error> {
    let endpoints = sql::enabled_endpoints_tx(tx, tenant).await?;
    fan_out_tx(tx, tenant, &endpoints, kind, subject, data, now).await
}

async fn fan_out_tx(
    tx: &mut Tx,
    tenant: TenantId,
    endpoints: &[(i64, String)],
    kind: &str,
    subject: &str,
    data: &Value,
    now: i64,
) -> Result<(), sqlx::Error> {
    let event_id = outbox::record_event_tx(tx, tenant, kind, subject, data, now).await?;
    let message_id = format!("msg_{event_id}");
    let body = json!({
        "type": kind,
        "timestamp": crate::model::rfc3339(now),
        "subject": subject,
        "data": data,
    })
    .to_string();
    for (endpoint, types) in endpoints {
        if !subscribes(types, kind) {
            continue;
        }
        let delivery = sql::insert_delivery_tx(
            tx,
            tenant,
            *endpoint,
            event_id,
            &message_id,
            kind,
            &body,
            now,
        )
        .await?;
        if let Some(delivery_id) = delivery {
            let job = DeliverWebhook {
                delivery_id,
                replay: 0,
            };
            enqueue_tx(tx, &NewJob::of(tenant, &job, now)).await?;
        }
    }
    Ok(())
}

/// `availability.changed` for positions whose stock moved, when an endpoint takes it
/// (checked first: without one, a busy tenant's ingestion writes nothing more).
pub(crate) async fn availability_changed_tx(
    tx: &mut Tx,
    tenant: TenantId,
    changed: &[(i64, i64)],
    now: i64,
) -> Result<(), sqlx::Error> {
    const KIND: &str = "availability.changed";
    let endpoints = sql::enabled_endpoints_tx(tx, tenant).await?;
    if changed.is_empty() || !endpoints.iter().any(|(_, t)| subscribes(t, KIND)) {
        return Ok(());
    }
    for chunk in changed.chunks(POSITIONS_PER_EVENT) {
        let facts = positions::position_facts_many_tx(tx, tenant, chunk).await?;
        let list: Vec<Value> = facts
            .iter()
            .map(|f| {
                json!({ "location": f.location_code, "sku": f.sku, "on_hand": f.on_hand,
                        "in_transit": f.in_transit, "on_order": f.on_order })
            })
            .collect();
        if list.is_empty() {
            continue;
        }
        let data = json!({ "positions": list });
        fan_out_tx(tx, tenant, &endpoints, KIND, "stock", &data, now).await?;
    }
    Ok(())
}

/// An endpoint's host, for the audit trail and messages (its path and query may hold
/// a token).
pub(crate) fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

fn audit(member: &Member, action: &str, id: i64, after: Value, rid: Option<&str>) -> AuditEntry {
    AuditEntry::of(
        &member.actor(),
        action,
        format!("webhook_endpoint:{id}"),
        None,
        Some(after),
        rid,
    )
}

/// The event types named in a form, checked against [`EVENT_TYPES`]; at least one.
fn type_list(types: &[String]) -> Result<String, EngineError> {
    let mut out: Vec<&str> = Vec::new();
    for t in types {
        let Some((known, _)) = EVENT_TYPES.iter().find(|(k, _)| k == t) else {
            return Err(EngineError::invalid(
                "err-webhook-event-type",
                &[("type", format!("{t:?}"))],
            ));
        };
        if !out.contains(known) {
            out.push(known);
        }
    }
    if out.is_empty() {
        return Err(EngineError::invalid("err-webhook-no-events", &[]));
    }
    Ok(out.join(","))
}

/// A new endpoint and its secret (shown once).
pub struct NewEndpoint {
    pub id: i64,
    pub secret: String,
}

/// Makes an endpoint for `url` (checked by `guard`) taking `types`.
#[allow(clippy::too_many_arguments)]
pub async fn create_endpoint(
    store: &Store,
    keys: &AddressKeys,
    guard: &Guard,
    tenant: TenantId,
    member: &Member,
    url: &str,
    description: &str,
    types: &[String],
    request_id: Option<&str>,
) -> Result<NewEndpoint, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let url = guard
        .check_url_resolved(url)
        .await
        .map_err(EngineError::Invalid)?;
    if store.webhook_endpoints(tenant).await?.len() >= MAX_ENDPOINTS {
        return Err(EngineError::invalid(
            "err-webhook-too-many",
            &[("most", MAX_ENDPOINTS.to_string())],
        ));
    }
    let description = description.trim();
    if description.chars().count() > 200 {
        return Err(EngineError::invalid("err-webhook-description", &[]));
    }
    let types = type_list(types)?;
    let secret = Secret::generate();
    let sealed = keys.seal_for(SECRET_PURPOSE, tenant.0, &secret.to_text());
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let row = sql::NewEndpoint {
        url: &url,
        description,
        event_types: &types,
        secret: &sealed,
        created_by: &member.actor(),
        now,
    };
    let id = sql::insert_endpoint_tx(&mut tx, tenant, &row).await?;
    let entry = audit(
        member,
        "webhook_endpoint.created",
        id,
        json!({ "host": host_of(&url), "events": types }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(NewEndpoint {
        id,
        secret: secret.to_text(),
    })
}

/// The tenant's endpoints.
pub async fn endpoints(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<EndpointRecord>, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    Ok(store.webhook_endpoints(tenant).await?)
}

/// Gives endpoint `id` a new secret (returned, to show once); the old one keeps signing
/// beside it for `overlap_hours` (0–168), so receivers can switch without a gap.
pub async fn rotate_secret(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    id: i64,
    overlap_hours: i64,
    request_id: Option<&str>,
) -> Result<String, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    if !(0..=MAX_OVERLAP_HOURS).contains(&overlap_hours) {
        return Err(EngineError::invalid(
            "err-overlap-hours",
            &[("most", MAX_OVERLAP_HOURS.to_string())],
        ));
    }
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let ep = sql::endpoint_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let secret = Secret::generate();
    let sealed = keys.seal_for(SECRET_PURPOSE, tenant.0, &secret.to_text());
    let until = now.saturating_add(overlap_hours.saturating_mul(3_600_000));
    let old = (overlap_hours > 0).then_some((ep.secret.as_str(), until));
    sql::set_secret_tx(&mut tx, tenant, sql::SecretOf::Endpoint, id, &sealed, old).await?;
    let entry = audit(
        member,
        "webhook_endpoint.secret_rotated",
        id,
        json!({ "old_signs_until": until }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(secret.to_text())
}

/// Enables or disables endpoint `id`. Disabling ends its pending deliveries as failed
/// (they can be replayed once it is enabled again).
pub async fn set_enabled(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    enabled: bool,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let ep = sql::endpoint_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if ep.disabled_at.is_none() == enabled {
        return Ok(());
    }
    if enabled {
        sql::set_endpoint_disabled_tx(&mut tx, tenant, id, None).await?;
    } else {
        let reason = format!("disabled by {}", member.actor());
        sql::set_endpoint_disabled_tx(&mut tx, tenant, id, Some((now, &reason))).await?;
        sql::fail_pending_deliveries_tx(&mut tx, tenant, id, "the endpoint was disabled", now)
            .await?;
    }
    let action = if enabled {
        "webhook_endpoint.enabled"
    } else {
        "webhook_endpoint.disabled"
    };
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            member,
            action,
            id,
            json!({ "host": host_of(&ep.url) }),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes endpoint `id` and its delivery log.
pub async fn delete_endpoint(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let mut tx = store.begin(tenant).await?;
    let ep = sql::endpoint_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    sql::delete_endpoint_tx(&mut tx, tenant, id).await?;
    let entry = audit(
        member,
        "webhook_endpoint.deleted",
        id,
        json!({ "host": host_of(&ep.url) }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// One page (newest first) of endpoint `id`'s delivery log, before delivery `before`.
pub async fn deliveries(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    endpoint: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<(EndpointRecord, Vec<DeliveryRecord>), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let ep = store
        .webhook_endpoint(tenant, endpoint)
        .await?
        .ok_or(EngineError::NotFound)?;
    let list = store
        .webhook_deliveries(tenant, endpoint, before, limit)
        .await?;
    Ok((ep, list))
}

/// One delivery with its attempts.
pub async fn delivery(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<(DeliveryRecord, Vec<AttemptRecord>), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let d = store
        .webhook_delivery(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let attempts = store.webhook_attempts(tenant, id).await?;
    Ok((d, attempts))
}

/// Sends failed delivery `id` again (same `webhook-id`, so a receiver that had it
/// already ignores it), on a fresh retry schedule; its endpoint must be enabled.
pub async fn replay_delivery(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let d = sql::delivery_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let ep = sql::endpoint_tx(&mut tx, tenant, d.endpoint_id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if ep.disabled_at.is_some() {
        return Err(EngineError::invalid("err-webhook-disabled", &[]));
    }
    let Some(replay) = sql::replay_delivery_tx(&mut tx, tenant, id, now).await? else {
        return Err(EngineError::invalid("err-webhook-replay", &[]));
    };
    let job = DeliverWebhook {
        delivery_id: id,
        replay,
    };
    enqueue_tx(&mut tx, &NewJob::of(tenant, &job, now)).await?;
    let entry = AuditEntry::of(
        &member.actor(),
        "webhook_delivery.replayed",
        format!("webhook_delivery:{id}"),
        None,
        Some(json!({ "message_id": d.message_id, "endpoint": d.endpoint_id })),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_exact_types_subscribe() {
        assert!(subscribes(
            "transfer.*,exception.opened",
            "transfer.approved"
        ));
        assert!(subscribes(
            "transfer.*,exception.opened",
            "exception.opened"
        ));
        assert!(!subscribes("transfer.*", "purchase_order.sent"));
        assert!(!subscribes("*", "transfer.sent"), "a bare * is no family");
        assert!(!subscribes("", "transfer.sent"));
    }

    #[test]
    fn event_types_are_checked() {
        assert_eq!(
            type_list(&["transfer.*".into(), "transfer.*".into()]).unwrap(),
            "transfer.*"
        );
        assert!(type_list(&[]).is_err());
        assert!(type_list(&["everything".into()]).is_err());
    }
}
