//! Supplier access: the tenant admin invites a supplier's person, withdraws an
//! invitation or removes someone's access, and sets the language a supplier's e-mails
//! are written in (`/settings/suppliers/…`, signed in; the engine checks the permission); the invited person accepts at `POST /invite/{token}`
//! (no sign-in: the signed link is the permission), which signs them in.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use engine::identity;
use engine::invites::{self, Acceptance, InviteError, SupplierInvite};
use engine::model::now_ms;
use engine::sla::SupplierSla;
use serde::Deserialize;
use tower_sessions::Session;

use super::supplier::PublicTenant;
use super::{back_to, id, message_in, param, whole_in, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/suppliers";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub supplier_id: String,
    pub name: String,
    pub email: String,
}

impl InviteForm {
    /// The invitation, or what is wrong with the form, said in `lang`.
    pub fn parse(self, lang: i18n::Lang) -> Result<SupplierInvite, FormError> {
        let f = self;
        let supplier_id = id(&f.supplier_id)
            .ok_or_else(|| FormError::new(i18n::t(lang, "site-supplier-choose")))?;
        Ok(SupplierInvite {
            email: f.email,
            name: f.name,
            supplier_id,
        })
    }
}

pub async fn invite(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<InviteForm>,
) -> Response {
    let invite = match form.parse(me.tc.lang) {
        Ok(i) => i,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let email = invite.email.trim().to_lowercase();
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::invite_supplier_user(store, t, &me.member, invite, me.rid(), now_ms()).await {
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
    match invites::revoke_invitation(store, t, &me.member, inv, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-invitation-withdrawn")),
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn remove_user(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(user) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::remove_supplier_user(store, t, &me.member, user, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-access-removed")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    /// `new` (choose a password) or `existing` (confirm the account's password).
    pub mode: String,
    pub name: String,
    pub password: String,
    pub repeat: String,
}

impl AcceptForm {
    /// The acceptance, or what is wrong with the form, said in `lang`.
    pub fn parse(self, lang: i18n::Lang) -> Result<Acceptance, FormError> {
        let f = self;
        match f.mode.as_str() {
            "new" if f.password != f.repeat => {
                Err(FormError::new(i18n::t(lang, "site-passwords-differ")))
            }
            "new" => Ok(Acceptance::NewAccount {
                name: f.name,
                password: f.password,
            }),
            "existing" if f.password.is_empty() => Err(FormError::new(i18n::t(
                lang,
                "site-invite-password-missing",
            ))),
            "existing" => Ok(Acceptance::ExistingAccount {
                password: f.password,
            }),
            _ => Err(FormError::new(i18n::t(lang, "site-invite-form-unreadable"))),
        }
    }
}

/// Accepts the invitation and signs the person in to this tenant's portal.
pub async fn accept(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    session: Session,
    Path(params): Path<Params>,
    Posted(form): Posted<AcceptForm>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/invite/{token}");
    let lang = t.tc.lang;
    let acceptance = match form.parse(lang) {
        Ok(a) => a,
        Err(e) => return back_to(&t.tc, &page, "error", &e.0),
    };
    let done = invites::accept_invite(
        &app.store,
        t.tc.tenant.id,
        &token,
        acceptance,
        t.request_id.as_deref(),
        now_ms(),
    )
    .await;
    match done {
        Ok(member) => {
            let expired =
                || Redirect::to(&format!("{}/login?error=expired", t.tc.base)).into_response();
            // Someone with an authenticator (or whom the portal requires to have one)
            // signs in with it, invitation or not.
            match identity::second_step_for(&app.store, t.tc.tenant.id, member.user_id, now_ms())
                .await
            {
                Ok(Some(pending)) => {
                    return crate::http::auth::to_second_step(&session, &t.tc, pending).await;
                }
                Ok(None) => {}
                Err(e) => {
                    tracing::error!(error = %e, "checking the second step failed");
                    return expired();
                }
            }
            if crate::http::auth::start_sign_in(&session, &t.tc, member.user_id)
                .await
                .is_err()
            {
                return expired();
            }
            tracing::info!(user.id = member.user_id, "invitation accepted, signed in");
            if member.supplier_id.is_some() {
                back_to(
                    &t.tc,
                    "/supplier/orders",
                    "notice",
                    &i18n::t(lang, "site-welcome-supplier"),
                )
            } else {
                back_to(&t.tc, "/", "notice", &i18n::t(lang, "site-welcome"))
            }
        }
        Err(InviteError::Engine(e)) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
        Err(InviteError::WrongPassword) => back_to(
            &t.tc,
            &page,
            "error",
            &i18n::t(lang, "site-invite-wrong-password"),
        ),
        Err(InviteError::Busy) => back_to(&t.tc, &page, "error", &i18n::t(lang, "site-busy")),
        // The page itself says what is wrong with the invitation.
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClocksForm {
    pub time_zone: String,
    pub day: Vec<String>,
    pub day_starts: String,
    pub day_ends: String,
    pub ack_hours: String,
    pub escalate_after_hours: String,
}

impl ClocksForm {
    /// The clocks, or what is wrong with the form, said in `lang`.
    pub fn parse(self, lang: i18n::Lang) -> Result<SupplierSla, FormError> {
        let f = self;
        let number = |value: &str, label: &str| whole_in(lang, value, &i18n::t(lang, label));
        Ok(SupplierSla {
            time_zone: f.time_zone.trim().to_string(),
            working_days: f.day,
            day_starts: number(&f.day_starts, "site-clocks-day-starts")?,
            day_ends: number(&f.day_ends, "site-clocks-day-ends")?,
            ack_hours: number(&f.ack_hours, "site-clocks-ack-hours")?,
            escalate_after_hours: number(&f.escalate_after_hours, "site-clocks-escalate-hours")?,
        })
    }
}

/// The tenant admin saves the suppliers' clocks.
pub async fn clocks(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<ClocksForm>,
) -> Response {
    let sla = match form.parse(me.tc.lang) {
        Ok(s) => s,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::set_supplier_clocks(store, t, &me.member, sla, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-clocks-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SupplierLanguageForm {
    pub supplier_id: String,
    /// `en`, `de`, `nl`, or empty for the tenant's default (the engine checks it).
    pub language: String,
}

/// The tenant admin sets the language one supplier's e-mails are written in.
pub async fn language(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<SupplierLanguageForm>,
) -> Response {
    let lang = me.tc.lang;
    let Some(supplier) = id(&form.supplier_id) else {
        return me.error(PAGE, &i18n::t(lang, "site-supplier-choose"));
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let language = form.language.as_str();
    match invites::set_supplier_language(store, t, &me.member, supplier, language, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(lang, "admin-suppliers-language-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}
