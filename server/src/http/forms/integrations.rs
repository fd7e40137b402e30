//! The tenant admin's API keys: make one (shown once), rotate one (the old key keeps
//! working for a chosen overlap) and revoke one. A new key goes to the next page load
//! through the session (never a URL, which logs and history keep), and is shown once.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::api_keys::{self, KeyScope, NewKey};
use serde::Deserialize;
use tower_sessions::Session;

use super::{id, param, whole, Params, Posted, SignedIn};
use crate::state::AppState;

pub(super) const PAGE: &str = "/settings/integrations";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CreateForm {
    name: String,
    scope: Vec<String>,
}

/// Keeps the new key for the next load of this tenant's page by this member, within a
/// few minutes (and only that one).
async fn show_once(session: &Session, me: &SignedIn, key: &NewKey) -> bool {
    show_secret_once(session, me, app::ssr::NEW_API_KEY, &key.key).await
}

/// Keeps a new secret under `slot` for the next load of the integrations page by this
/// member of this tenant, within a few minutes; shown then, and gone.
pub(super) async fn show_secret_once(
    session: &Session,
    me: &SignedIn,
    slot: &str,
    secret: &str,
) -> bool {
    let shown = app::ssr::ShownKey {
        tenant_id: me.tc.tenant.id.0,
        user_id: me.member.user_id,
        key: secret.to_string(),
        made_at: engine::model::now_ms(),
    };
    session.insert(slot, shown).await.is_ok()
}

/// `POST /settings/integrations/keys`.
pub async fn create(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<CreateForm>,
) -> Response {
    let mut scopes = Vec::new();
    for s in &form.scope {
        match KeyScope::parse(s) {
            Some(k) => scopes.push(k),
            None => return me.error(PAGE, &format!("Scopes: {s:?} is not a scope")),
        }
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::create(&app.store, t, m, &form.name, &scopes, me.rid()).await {
        Ok(key) if show_once(&session, &me, &key).await => me.notice(
            PAGE,
            &format!(
                "Key {} made. Copy it now: it is shown only once.",
                key.prefix
            ),
        ),
        Ok(key) => me.error(
            PAGE,
            &format!(
                "Key {} was made but could not be shown: revoke it and make another.",
                key.prefix
            ),
        ),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RotateForm {
    overlap_hours: String,
}

/// `POST /settings/integrations/keys/{id}/rotate`.
pub async fn rotate(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Path(params): Path<Params>,
    Posted(form): Posted<RotateForm>,
) -> Response {
    let Some(key_id) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let overlap = match whole(&form.overlap_hours, "Overlap (hours)") {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::rotate(&app.store, t, m, key_id, overlap, me.rid()).await {
        Ok(key) if show_once(&session, &me, &key).await => me.notice(
            PAGE,
            &format!(
                "Key {} replaces the old one, which works until {}. Copy it now: it is shown only once.",
                key.prefix,
                app::ssr::format::when(key.old_works_until.unwrap_or_default())
            ),
        ),
        Ok(key) => me.error(
            PAGE,
            &format!("Key {} was made but could not be shown: revoke it and rotate again.", key.prefix),
        ),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RevokeForm {
    confirm: String,
}

/// `POST /settings/integrations/keys/{id}/revoke`, once the box is ticked.
pub async fn revoke(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<RevokeForm>,
) -> Response {
    let Some(key_id) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    if form.confirm != "yes" {
        return me.error(
            PAGE,
            "Tick the box to confirm: systems using this key stop at once.",
        );
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::revoke(&app.store, t, m, key_id, me.rid()).await {
        Ok(()) => me.notice(PAGE, "Key revoked: it no longer works."),
        Err(e) => me.fail(PAGE, &e),
    }
}
