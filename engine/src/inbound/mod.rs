//! Signed webhooks a tenant's systems post to it (`POST /api/v1/webhooks/{source}`):
//! sources managed by the admin ([`Permission::ManageIntegrations`]), each of a kind
//! that fixes how it is verified and what its body means:
//!
//! - `standard`: Standard Webhooks signatures ([`signing::verify`]) under a `whsec_`
//!   secret we make (shown once; rotatable, the old one verifying for an overlap), and a
//!   generic stock-level body `{"levels": [{"location", "sku", "on_hand", "observed_at"?}]}`.
//! - `shopify`: the platform's own signature (`X-Shopify-Hmac-Sha256` under the app's
//!   secret, pasted by the admin) on its `inventory_levels/update` body
//!   `{"inventory_item_id", "location_id", "available", "updated_at"}`, with the source's
//!   mapping from the platform's ids to our location codes and SKUs.
//!
//! A request that fails verification is refused and nothing is stored. A verified one
//! becomes stock counts through the events API's own validation and writer
//! ([`ingest::ingest`]), each with an external id made from the `webhook-id`, so a
//! redelivered webhook is accepted again (2xx) and applied once.

use serde_json::{json, Value};

use crate::addresses::AddressKeys;
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::ingest::{self, FieldError, IngestError, Writer};

mod adapters;
use crate::model::{now_ms, Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::webhooks::{self as sql, SourceRecord};
use crate::store::{Applied, Store};
use crate::webhooks::signing::{self, Refused, Secret};
use crate::webhooks::SECRET_PURPOSE;
pub use adapters::{parse_mapping, Mapping};
use adapters::{renamed, shopify_events, standard_events};

/// How a source signs and what its body means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Standard,
    Shopify,
}

impl SourceKind {
    pub const ALL: [SourceKind; 2] = [SourceKind::Standard, SourceKind::Shopify];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Standard => "standard",
            SourceKind::Shopify => "shopify",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Standard => "Standard Webhooks, stock levels (any system)",
            SourceKind::Shopify => "Shopify inventory levels (inventory_levels/update)",
        }
    }
}

/// Sources a tenant may have.
pub const MAX_SOURCES: usize = 20;
/// The longest source name (it is part of the URL).
pub const MAX_NAME_CHARS: usize = 40;

fn check_name(name: &str) -> Result<String, EngineError> {
    let name = name.trim().to_ascii_lowercase();
    let ok = !name.is_empty()
        && name.len() <= MAX_NAME_CHARS
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(name)
    } else {
        Err(EngineError::invalid(
            "err-inbound-name",
            &[("most", MAX_NAME_CHARS.to_string())],
        ))
    }
}

/// A new source, and the secret to show once (for a `standard` source).
pub struct NewSource {
    pub id: i64,
    pub secret: Option<String>,
}

fn source_audit(
    member: &Member,
    action: &str,
    id: i64,
    after: Value,
    rid: Option<&str>,
) -> AuditEntry {
    AuditEntry::of(
        &member.actor(),
        action,
        format!("webhook_source:{id}"),
        None,
        Some(after),
        rid,
    )
}

/// The secret a source of `kind` starts with: made here for `standard`, the platform's
/// app secret (pasted) for `shopify`.
fn new_secret(kind: SourceKind, pasted: &str) -> Result<(String, bool), EngineError> {
    match kind {
        SourceKind::Standard => Ok((Secret::generate().to_text(), true)),
        SourceKind::Shopify => {
            // (`raw` refuses only a secret of the wrong length.)
            Secret::raw(pasted).map_err(|_| EngineError::invalid("err-inbound-secret", &[]))?;
            Ok((pasted.trim().to_string(), false))
        }
    }
}

/// Makes a source.
#[allow(clippy::too_many_arguments)]
pub async fn create_source(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    name: &str,
    kind: SourceKind,
    pasted_secret: &str,
    mapping: &str,
    request_id: Option<&str>,
) -> Result<NewSource, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let name = check_name(name)?;
    parse_mapping(mapping).map_err(EngineError::Invalid)?;
    if store.webhook_sources(tenant).await?.len() >= MAX_SOURCES {
        return Err(EngineError::invalid(
            "err-inbound-too-many",
            &[("most", MAX_SOURCES.to_string())],
        ));
    }
    let (secret, show) = new_secret(kind, pasted_secret)?;
    let sealed = keys.seal_for(SECRET_PURPOSE, tenant.0, &secret);
    let mut tx = store.begin(tenant).await?;
    let row = sql::NewSource {
        name: &name,
        kind: kind.as_str(),
        secret: &sealed,
        mapping: mapping.trim(),
        created_by: &member.actor(),
        now: now_ms(),
    };
    let Some(id) = sql::insert_source_tx(&mut tx, tenant, &row).await? else {
        return Err(EngineError::invalid(
            "err-inbound-name-taken",
            &[("name", name.clone())],
        ));
    };
    let entry = source_audit(
        member,
        "webhook_source.created",
        id,
        json!({ "name": name, "kind": kind.as_str() }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(NewSource {
        id,
        secret: show.then_some(secret),
    })
}

/// The tenant's sources.
pub async fn sources(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<SourceRecord>, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    Ok(store.webhook_sources(tenant).await?)
}

/// A new secret for source `id` (made here, and returned, for a `standard` source; the
/// pasted one for `shopify`); the old one still verifies for `overlap_hours` (0–168).
#[allow(clippy::too_many_arguments)]
pub async fn rotate_source_secret(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    id: i64,
    overlap_hours: i64,
    pasted_secret: &str,
    request_id: Option<&str>,
) -> Result<Option<String>, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    if !(0..=crate::webhooks::MAX_OVERLAP_HOURS).contains(&overlap_hours) {
        return Err(EngineError::invalid(
            "err-overlap-hours",
            &[("most", crate::webhooks::MAX_OVERLAP_HOURS.to_string())],
        ));
    }
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let src = sql::source_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let kind = SourceKind::parse(&src.kind).unwrap_or(SourceKind::Standard);
    let (secret, show) = new_secret(kind, pasted_secret)?;
    let sealed = keys.seal_for(SECRET_PURPOSE, tenant.0, &secret);
    let until = now.saturating_add(overlap_hours.saturating_mul(3_600_000));
    let old = (overlap_hours > 0).then_some((src.secret.as_str(), until));
    sql::set_secret_tx(&mut tx, tenant, sql::SecretOf::Source, id, &sealed, old).await?;
    let entry = source_audit(
        member,
        "webhook_source.secret_rotated",
        id,
        json!({ "old_verifies_until": until }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(show.then_some(secret))
}

/// Replaces source `id`'s mapping.
pub async fn save_mapping(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    mapping: &str,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let parsed = parse_mapping(mapping).map_err(EngineError::Invalid)?;
    let mut tx = store.begin(tenant).await?;
    sql::source_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    sql::set_source_mapping_tx(&mut tx, tenant, id, mapping.trim()).await?;
    let after = json!({ "locations": parsed.locations.len(), "items": parsed.items.len() });
    append_audit_tx(
        &mut tx,
        tenant,
        &source_audit(
            member,
            "webhook_source.mapping_saved",
            id,
            after,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes source `id`: its address answers 404 from then on.
pub async fn delete_source(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let mut tx = store.begin(tenant).await?;
    let src = sql::source_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    sql::delete_source_tx(&mut tx, tenant, id).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &source_audit(
            member,
            "webhook_source.deleted",
            id,
            json!({ "name": src.name }),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The headers a signed request may carry.
#[derive(Clone, Debug, Default)]
pub struct SignedHeaders<'a> {
    pub webhook_id: Option<&'a str>,
    pub webhook_timestamp: Option<&'a str>,
    pub webhook_signature: Option<&'a str>,
    pub shopify_hmac: Option<&'a str>,
    pub shopify_topic: Option<&'a str>,
    pub shopify_webhook_id: Option<&'a str>,
}

/// Why a webhook was not taken.
#[derive(Debug, thiserror::Error)]
pub enum InboundError {
    /// No such source (or another tenant's): 404.
    #[error("no such webhook source")]
    NotFound,
    /// The signature did not verify: 401, nothing stored.
    #[error("the signature was refused: {0}")]
    Refused(Refused),
    /// Verified, but the body does not fit: 422, naming each field.
    #[error("the webhook's body has invalid fields")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// Verifies and applies one webhook for the tenant's source `name`.
pub async fn receive(
    store: &Store,
    writer: &Writer,
    keys: &AddressKeys,
    tenant: TenantId,
    name: &str,
    h: &SignedHeaders<'_>,
    body: &[u8],
) -> Result<Applied, InboundError> {
    let now = now_ms();
    let src = store
        .webhook_source_named(tenant, name)
        .await?
        .filter(|s| s.disabled_at.is_none())
        .ok_or(InboundError::NotFound)?;
    let kind = SourceKind::parse(&src.kind).ok_or(InboundError::NotFound)?;
    let open = |sealed: &str| keys.open_for(SECRET_PURPOSE, tenant.0, sealed);
    let mut texts = vec![open(&src.secret)];
    if src.old_secret_until.is_some_and(|t| t > now) {
        texts.push(src.old_secret.as_deref().and_then(open));
    }
    let secrets: Vec<Secret> = texts
        .into_iter()
        .flatten()
        .filter_map(|t| match kind {
            SourceKind::Standard => Secret::parse(&t).ok(),
            SourceKind::Shopify => Secret::raw(&t).ok(),
        })
        .collect();
    let refs: Vec<&Secret> = secrets.iter().collect();
    let (events, external) = match kind {
        SourceKind::Standard => {
            signing::verify(
                &refs,
                h.webhook_id,
                h.webhook_timestamp,
                h.webhook_signature,
                body,
                now.div_euclid(1_000),
            )
            .map_err(InboundError::Refused)?;
            (
                standard_events(&src.name, h.webhook_id.unwrap_or_default(), body),
                "levels",
            )
        }
        SourceKind::Shopify => {
            signing::verify_shopify(&refs, h.shopify_hmac, body).map_err(InboundError::Refused)?;
            h.shopify_webhook_id
                .filter(|v| !v.trim().is_empty())
                .ok_or(InboundError::Refused(Refused::Missing(
                    "X-Shopify-Webhook-Id",
                )))?;
            // The platform's webhook id is not signed: the signed body itself keys the
            // count, so a captured request resent under a new id is still a duplicate.
            use sha2::Digest;
            let id = format!("sha256:{}", hex::encode(sha2::Sha256::digest(body)));
            let mapping = parse_mapping(&src.mapping).unwrap_or_default();
            (
                shopify_events(&src.name, &id, h.shopify_topic, body, &mapping),
                "",
            )
        }
    };
    let result = match events {
        Ok(batch) => ingest::ingest(writer, tenant, &batch)
            .await
            .map_err(|e| match e {
                IngestError::Invalid(errors) => InboundError::Invalid(
                    errors.into_iter().map(|e| renamed(e, external)).collect(),
                ),
                IngestError::Store(e) => InboundError::Store(e),
            }),
        Err(e) => Err(e),
    };
    let noted = match &result {
        Ok(_) => None,
        Err(InboundError::Invalid(errors)) => errors
            .first()
            .map(|e| format!("{} {}", e.pointer, e.detail)),
        Err(_) => Some("the webhook could not be stored".to_string()),
    };
    if let Err(e) = store
        .note_webhook_received(tenant, src.id, now, noted.as_deref())
        .await
    {
        tracing::warn!(error = %e, "counting a received webhook failed");
    }
    result
}
