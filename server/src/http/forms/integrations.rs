//! The tenant admin's API keys: make one (shown once), rotate one (the old key keeps
//! working for a chosen overlap) and revoke one. A new key goes to the next page load
//! through the session (never a URL, which logs and history keep), and is shown once.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::api_keys::{self, KeyScope, NewKey};
use serde::Deserialize;
use tower_sessions::Session;

use super::{id, param, whole_in, Params, Posted, SignedIn};
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
    let lang = me.tc.lang;
    let mut scopes = Vec::new();
    for s in &form.scope {
        match KeyScope::parse(s) {
            Some(k) => scopes.push(k),
            None => {
                return me.error(
                    PAGE,
                    &i18n::t_args(
                        lang,
                        "site-key-scope-unknown",
                        &[("scope", format!("{s:?}").into())],
                    ),
                )
            }
        }
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::create(&app.store, t, m, &form.name, &scopes, me.rid()).await {
        Ok(key) if show_once(&session, &me, &key).await => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                "site-key-made",
                &[("prefix", key.prefix.clone().into())],
            ),
        ),
        Ok(key) => me.error(
            PAGE,
            &i18n::t_args(
                lang,
                "site-key-made-not-shown",
                &[("prefix", key.prefix.clone().into())],
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
        return me.not_found();
    };
    let lang = me.tc.lang;
    let overlap = match whole_in(
        lang,
        &form.overlap_hours,
        &i18n::t(lang, "site-overlap-hours"),
    ) {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::rotate(&app.store, t, m, key_id, overlap, me.rid()).await {
        Ok(key) if show_once(&session, &me, &key).await => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                "site-key-rotated",
                &[
                    ("prefix", key.prefix.clone().into()),
                    (
                        "until",
                        app::ssr::format::when_at(&me.tc, key.old_works_until.unwrap_or_default())
                            .into(),
                    ),
                ],
            ),
        ),
        Ok(key) => me.error(
            PAGE,
            &i18n::t_args(
                lang,
                "site-key-rotated-not-shown",
                &[("prefix", key.prefix.clone().into())],
            ),
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
        return me.not_found();
    };
    if form.confirm != "yes" {
        return me.error(PAGE, &i18n::t(me.tc.lang, "site-key-revoke-confirm"));
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match api_keys::revoke(&app.store, t, m, key_id, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-key-revoked")),
        Err(e) => me.fail(PAGE, &e),
    }
}
