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

pub async fn page() -> Result<IntegrationsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageIntegrations).await?;
    let keys = api_keys::list(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    // Shown once: taken out of the session as it is read.
    let session: Session = leptos_axum::extract().await?;
    let new_key: Option<String> = session.remove(NEW_API_KEY).await.ok().flatten();
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    let now = now_ms();
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
