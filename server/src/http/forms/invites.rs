//! Supplier access: the tenant admin invites a supplier's person, withdraws an
//! invitation or removes someone's access (`/settings/suppliers/…`, signed in; the
//! engine checks the permission); the invited person accepts at `POST /invite/{token}`
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
use super::{back_to, id, message, param, whole, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/suppliers";

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub supplier_id: String,
    pub name: String,
    pub email: String,
}

impl TryFrom<InviteForm> for SupplierInvite {
    type Error = FormError;
    fn try_from(f: InviteForm) -> Result<SupplierInvite, FormError> {
        let supplier_id = id(&f.supplier_id)
            .ok_or_else(|| FormError::new("Supplier: choose one from the list."))?;
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
    let invite = match SupplierInvite::try_from(form) {
        Ok(i) => i,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let email = invite.email.trim().to_lowercase();
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::invite_supplier_user(store, t, &me.member, invite, me.rid(), now_ms()).await {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(PAGE, &format!("Invitation sent to {email}."))
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
        return crate::http::tenancy::not_found_page();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::revoke_invitation(store, t, &me.member, inv, me.rid(), now_ms()).await {
        Ok(()) => me.notice(PAGE, "Invitation withdrawn: its link no longer works."),
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn remove_user(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(user) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::remove_supplier_user(store, t, &me.member, user, me.rid()).await {
        Ok(()) => me.notice(PAGE, "Access removed: they can no longer sign in here."),
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

impl TryFrom<AcceptForm> for Acceptance {
    type Error = FormError;
    fn try_from(f: AcceptForm) -> Result<Acceptance, FormError> {
        match f.mode.as_str() {
            "new" if f.password != f.repeat => Err(FormError::new(
                "The two passwords differ: type the same password twice.",
            )),
            "new" => Ok(Acceptance::NewAccount {
                name: f.name,
                password: f.password,
            }),
            "existing" if f.password.is_empty() => {
                Err(FormError::new("Password: enter your account's password."))
            }
            "existing" => Ok(Acceptance::ExistingAccount {
                password: f.password,
            }),
            _ => Err(FormError::new(
                "The form could not be read. Reload the page.",
            )),
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
    let acceptance = match Acceptance::try_from(form) {
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
                    "Welcome: you have access to this supplier portal.",
                )
            } else {
                back_to(
                    &t.tc,
                    "/",
                    "notice",
                    "Welcome: you have access to this portal.",
                )
            }
        }
        Err(InviteError::Engine(e)) => back_to(&t.tc, &page, "error", &message(&e)),
        Err(e @ (InviteError::WrongPassword | InviteError::Busy)) => {
            back_to(&t.tc, &page, "error", &e.to_string())
        }
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

impl TryFrom<ClocksForm> for SupplierSla {
    type Error = FormError;
    fn try_from(f: ClocksForm) -> Result<SupplierSla, FormError> {
        Ok(SupplierSla {
            time_zone: f.time_zone.trim().to_string(),
            working_days: f.day,
            day_starts: whole(&f.day_starts, "Working day starts at")?,
            day_ends: whole(&f.day_ends, "Working day ends at")?,
            ack_hours: whole(&f.ack_hours, "Working hours to acknowledge")?,
            escalate_after_hours: whole(
                &f.escalate_after_hours,
                "Working hours after the reminder",
            )?,
        })
    }
}

/// The tenant admin saves the suppliers' clocks.
pub async fn clocks(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<ClocksForm>,
) -> Response {
    let sla = match SupplierSla::try_from(form) {
        Ok(s) => s,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match invites::set_supplier_clocks(store, t, &me.member, sla, me.rid(), now_ms()).await {
        Ok(()) => me.notice(
            PAGE,
            "Supplier clocks saved. They apply to orders sent from now on.",
        ),
        Err(e) => me.fail(PAGE, &e),
    }
}
