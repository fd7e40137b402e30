//! The integrations page from `engine::api_keys` and `engine::webhooks`, and an
//! endpoint's delivery log.

use engine::api_keys::{self, scopes_of, KeyScope};
use engine::inbound::{self, SourceKind};
use engine::model::{now_ms, Permission};
use engine::store::EndpointRecord;
use engine::webhooks::{self, EVENT_TYPES};
use leptos::prelude::*;
use tower_sessions::Session;

use super::context::require;
use super::error::engine_failure;
use crate::views::*;

/// The session key under which a form post leaves a new API key for the next page load.
pub const NEW_API_KEY: &str = "new_api_key";
/// The same for a new webhook signing secret.
pub const NEW_WEBHOOK_SECRET: &str = "new_webhook_secret";

/// A new key waiting to be shown: only to the member who made it, on that tenant's
/// page, within [`SHOW_WITHIN_MS`]; otherwise it is dropped unseen.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ShownKey {
    pub tenant_id: i64,
    pub user_id: i64,
    pub key: String,
    pub made_at: i64,
}

/// How long a new key waits in the session to be shown.
pub const SHOW_WITHIN_MS: i64 = 5 * 60_000;

/// A key scope as the portal names it, in `lang`.
fn scope_label(lang: i18n::Lang, scope: KeyScope) -> String {
    i18n::t(
        lang,
        match scope {
            KeyScope::ReadInventory => "admin-scope-read-inventory",
            KeyScope::WriteEvents => "admin-scope-write-events",
            KeyScope::ManageDocuments => "admin-scope-manage-documents",
            KeyScope::ManageSubscriptions => "admin-scope-manage-subscriptions",
            KeyScope::ImportData => "admin-scope-import-data",
        },
    )
}

/// A webhook source's kind as the portal names it, in `lang`.
fn source_kind_label(lang: i18n::Lang, kind: SourceKind) -> String {
    i18n::t(
        lang,
        match kind {
            SourceKind::Standard => "admin-source-standard",
            SourceKind::Shopify => "admin-source-shopify",
        },
    )
}

/// An event type's label (from [`EVENT_TYPES`]) in `lang`; an unknown type as it is.
fn event_label(lang: i18n::Lang, event: &str) -> String {
    let id = match event {
        "availability.changed" => "admin-event-availability-changed",
        "transfer.*" => "admin-event-transfer",
        "purchase_order.*" => "admin-event-purchase-order",
        "exception.opened" => "admin-event-exception-opened",
        _ => {
            return EVENT_TYPES
                .iter()
                .find(|(k, _)| *k == event)
                .map_or(event.to_string(), |(_, l)| l.to_string())
        }
    };
    i18n::t(lang, id)
}

pub async fn page() -> Result<IntegrationsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageIntegrations).await?;
    let lang = tc.lang;
    let keys = api_keys::list(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    // Shown once: taken out of the session as it is read.
    let session: Session = leptos_axum::extract().await?;
    let now = now_ms();
    let shown = |waiting: Option<ShownKey>| {
        waiting
            .filter(|k| {
                k.tenant_id == tc.tenant.id.0
                    && k.user_id == member.user_id
                    && now.saturating_sub(k.made_at) < SHOW_WITHIN_MS
            })
            .map(|k| k.key)
    };
    let new_key = shown(session.remove(NEW_API_KEY).await.ok().flatten());
    let new_secret = shown(session.remove(NEW_WEBHOOK_SECRET).await.ok().flatten());
    let webhooks = webhooks_view(&ctx, &tc, &member, new_secret).await?;
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    Ok(IntegrationsView {
        keys: keys
            .into_iter()
            .map(|k| {
                let (status, working) = match (k.revoked_at, k.expires_at) {
                    (Some(_), _) => (i18n::t(lang, "admin-key-revoked"), false),
                    (None, Some(t)) if t <= now => (i18n::t(lang, "admin-key-expired"), false),
                    (None, Some(t)) => (
                        i18n::t_args(
                            lang,
                            "admin-key-works-until",
                            &[("when", super::format::when(t).into())],
                        ),
                        true,
                    ),
                    (None, None) => (i18n::t(lang, "admin-key-active"), true),
                };
                let rotatable = working && k.expires_at.is_none();
                ApiKeyRow {
                    id: k.id,
                    name: k.name,
                    prefix: k.prefix,
                    scopes: scopes_of(&k.scopes)
                        .into_iter()
                        .map(|s| scope_label(lang, s))
                        .collect(),
                    created: super::format::day_at(&tc, k.created_at),
                    last_used: k
                        .last_used_at
                        .map(super::format::when)
                        .unwrap_or_else(|| i18n::t(lang, "admin-never")),
                    status,
                    working,
                    rotatable,
                }
            })
            .collect(),
        scopes: KeyScope::ALL
            .into_iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: scope_label(lang, s),
            })
            .collect(),
        new_key,
        webhooks,
    })
}

fn endpoint_row(lang: i18n::Lang, e: EndpointRecord, now: i64) -> EndpointRow {
    EndpointRow {
        id: e.id,
        events: e
            .event_types
            .split(',')
            .map(|t| event_label(lang, t))
            .collect(),
        status: match (&e.disabled_at, &e.disabled_reason) {
            (None, _) => i18n::t(lang, "admin-endpoint-enabled"),
            (Some(at), why) => i18n::t_args(
                lang,
                "admin-endpoint-disabled",
                &[
                    ("when", super::format::when(*at).into()),
                    (
                        "reason",
                        why.clone()
                            .unwrap_or_else(|| i18n::t(lang, "admin-endpoint-no-reason"))
                            .into(),
                    ),
                ],
            ),
        },
        enabled: e.disabled_at.is_none(),
        old_secret_until: e
            .old_secret_until
            .filter(|t| *t > now)
            .map(super::format::when),
        url: e.url,
        description: e.description,
    }
}

async fn webhooks_view(
    ctx: &super::context::ServerCtx,
    tc: &super::context::TenantCtx,
    member: &engine::model::Member,
    new_secret: Option<String>,
) -> Result<WebhooksView, ServerFnError> {
    let now = now_ms();
    let t = tc.tenant.id;
    let lang = tc.lang;
    let endpoints = webhooks::endpoints(&ctx.store, t, member)
        .await
        .map_err(engine_failure)?;
    let sources = inbound::sources(&ctx.store, t, member)
        .await
        .map_err(engine_failure)?;
    let base = &tc.base;
    Ok(WebhooksView {
        endpoints: endpoints
            .into_iter()
            .map(|e| endpoint_row(lang, e, now))
            .collect(),
        sources: sources
            .into_iter()
            .map(|s| {
                let kind = SourceKind::parse(&s.kind).unwrap_or(SourceKind::Standard);
                SourceRow {
                    id: s.id,
                    address: format!("{base}/api/v1/webhooks/{}", s.name),
                    kind_label: source_kind_label(lang, kind),
                    kind: s.kind,
                    received: s.received,
                    last_received: s
                        .last_received_at
                        .map(super::format::when)
                        .unwrap_or_else(|| i18n::t(lang, "admin-never")),
                    last_error: s.last_error,
                    mapping: s.mapping,
                    pasted_secret: kind == SourceKind::Shopify,
                    old_secret_until: s
                        .old_secret_until
                        .filter(|t| *t > now)
                        .map(super::format::when),
                    name: s.name,
                }
            })
            .collect(),
        event_types: EVENT_TYPES
            .iter()
            .map(|(v, _)| Choice {
                value: v.to_string(),
                label: event_label(lang, v),
            })
            .collect(),
        source_kinds: SourceKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: source_kind_label(lang, *k),
            })
            .collect(),
        new_secret,
    })
}

/// Deliveries shown on one page of an endpoint's log.
const DELIVERIES_PER_PAGE: i64 = 25;

/// One page of endpoint `id`'s delivery log, older than delivery `before`.
pub async fn deliveries_page(
    endpoint: i64,
    before: Option<i64>,
) -> Result<DeliveriesView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageIntegrations).await?;
    let t = tc.tenant.id;
    let lang = tc.lang;
    let now = now_ms();
    let (ep, list) = webhooks::deliveries(
        &ctx.store,
        t,
        &member,
        endpoint,
        before,
        DELIVERIES_PER_PAGE + 1,
    )
    .await
    .map_err(engine_failure)?;
    let more = list.len() as i64 > DELIVERIES_PER_PAGE;
    let mut rows = Vec::with_capacity(list.len());
    for d in list.into_iter().take(DELIVERIES_PER_PAGE as usize) {
        let (_, tries) = webhooks::delivery(&ctx.store, t, &member, d.id)
            .await
            .map_err(engine_failure)?;
        rows.push(DeliveryRow {
            id: d.id,
            state: match (d.state.as_str(), d.next_attempt_at) {
                ("succeeded", _) => i18n::t(lang, "admin-delivery-delivered"),
                ("pending", Some(at)) if at > now => i18n::t_args(
                    lang,
                    "admin-delivery-retrying",
                    &[("when", super::format::when(at).into())],
                ),
                ("pending", _) => i18n::t(lang, "admin-delivery-sending"),
                _ => i18n::t_args(
                    lang,
                    "admin-delivery-failed",
                    &[(
                        "error",
                        d.last_error
                            .clone()
                            .unwrap_or_else(|| i18n::t(lang, "admin-delivery-no-answer"))
                            .into(),
                    )],
                ),
            },
            failed: d.state == "failed",
            message_id: d.message_id,
            kind: d.kind,
            attempts: d.attempts,
            created: super::format::when(d.created_at),
            body: d.body,
            tries: tries
                .into_iter()
                .map(|a| AttemptRow {
                    at: super::format::when(a.attempted_at),
                    outcome: match (a.status, a.error) {
                        (Some(s), None) => format!("HTTP {s}"),
                        (_, Some(e)) => e,
                        (None, None) => i18n::t(lang, "admin-delivery-no-answer"),
                    },
                    latency_ms: a.latency_ms,
                    response: a.response.unwrap_or_default(),
                })
                .collect(),
        });
    }
    let older = more.then(|| rows.last().map(|r| r.id)).flatten();
    Ok(DeliveriesView {
        endpoint: endpoint_row(lang, ep, now),
        deliveries: rows,
        older,
    })
}
