//! Members (`/settings/members/…`, signed in; the engine checks the permission): the
//! tenant admin invites someone for a staff role, withdraws an invitation, changes a
//! member's roles, deactivates or reactivates them, and requires two-step sign-in.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::members::{self, StaffInvite};
use engine::model::{now_ms, Role};
use serde::Deserialize;

use super::{id, param, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/members";

fn role(lang: i18n::Lang, value: &str) -> Result<Role, FormError> {
    Role::parse(value.trim()).ok_or_else(|| FormError::new(i18n::t(lang, "site-role-choose")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub name: String,
    pub email: String,
    pub role: String,
}

pub async fn invite(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<InviteForm>,
) -> Response {
    let role = match role(me.tc.lang, &form.role) {
        Ok(r) => r,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let email = form.email.trim().to_lowercase();
    let invite = StaffInvite {
        email: form.email,
        name: form.name,
        role,
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match members::invite_member(store, t, &me.member, invite, me.rid(), now_ms()).await {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(
                PAGE,
                &i18n::t_args(
                    me.tc.lang,
                    "site-invitation-sent",
                    &[("email", email.into())],
                ),
            )
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn revoke(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(inv) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match members::revoke_member_invitation(store, t, &me.member, inv, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-invitation-withdrawn")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RolesForm {
    pub role: Vec<String>,
}

pub async fn roles(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<RolesForm>,
) -> Response {
    let Some(user) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let lang = me.tc.lang;
    let roles: Result<Vec<Role>, FormError> = form.role.iter().map(|r| role(lang, r)).collect();
    let roles = match roles {
        Ok(r) => r,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match members::set_roles(store, t, &me.member, user, &roles, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(lang, "site-roles-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}

async fn set_active(app: &AppState, me: &SignedIn, params: &Params, active: bool) -> Response {
    let Some(user) = id(param(params, "id")) else {
        return me.not_found();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match members::set_active(store, t, &me.member, user, active, me.rid(), now_ms()).await {
        Ok(()) if active => me.notice(PAGE, &i18n::t(me.tc.lang, "site-member-reactivated")),
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-member-deactivated")),
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn deactivate(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    set_active(&app, &me, &params, false).await
}

pub async fn reactivate(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    set_active(&app, &me, &params, true).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequireForm {
    /// "on" when the box is ticked; absent otherwise.
    pub required: String,
}

pub async fn require_two_factor(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<RequireForm>,
) -> Response {
    let on = form.required == "on";
    let (store, t) = (&app.store, me.tc.tenant.id);
    match members::require_two_factor(store, t, &me.member, on, me.rid(), now_ms()).await {
        Ok(()) if on => me.notice(PAGE, &i18n::t(me.tc.lang, "site-two-factor-required")),
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-two-factor-not-required")),
        Err(e) => me.fail(PAGE, &e),
    }
}
