//! The integrations page from `engine::api_keys`.

use engine::api_keys::{self, scopes_of, KeyScope};
use engine::model::{day_string, now_ms, Permission};
use leptos::prelude::*;
use tower_sessions::Session;

use super::context::require;
use super::error::engine_failure;
use crate::views::*;

/// The session key under which a form post leaves a new API key for the next page load.
pub const NEW_API_KEY: &str = "new_api_key";

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

pub async fn page() -> Result<IntegrationsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageIntegrations).await?;
    let keys = api_keys::list(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    // Shown once: taken out of the session as it is read.
    let session: Session = leptos_axum::extract().await?;
    let now = now_ms();
    let waiting: Option<ShownKey> = session.remove(NEW_API_KEY).await.ok().flatten();
    let new_key = waiting
        .filter(|k| {
            k.tenant_id == tc.tenant.id.0
                && k.user_id == member.user_id
                && now.saturating_sub(k.made_at) < SHOW_WITHIN_MS
        })
        .map(|k| k.key);
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
                    (Some(_), _) => ("Revoked".to_string(), false),
                    (None, Some(t)) if t <= now => ("Expired".to_string(), false),
                    (None, Some(t)) => (format!("Works until {}", super::format::when(t)), true),
                    (None, None) => ("Active".to_string(), true),
                };
                let rotatable = working && k.expires_at.is_none();
                ApiKeyRow {
                    id: k.id,
                    name: k.name,
                    prefix: k.prefix,
                    scopes: scopes_of(&k.scopes)
                        .into_iter()
                        .map(|s| s.label().to_string())
                        .collect(),
                    created: day_string(k.created_at),
                    last_used: k
                        .last_used_at
                        .map(super::format::when)
                        .unwrap_or_else(|| "never".into()),
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
                label: s.label().into(),
            })
            .collect(),
        new_key,
    })
}
