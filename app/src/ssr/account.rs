//! A person's own account pages, the second step of a sign-in, a reset link's page and
//! the admin's members page: each authorises the caller, asks the engine, fills `views`.

use engine::accounts::{self, two_factor, ResetError};
use engine::identity::PendingSignIn;
use engine::members;
use engine::model::{now_ms, Permission};
use leptos::prelude::*;
use tower_sessions::Session;

use super::context::{
    current, no_store, pending_key, recovery_codes_key, require, server_ctx, tenant_ctx, ServerCtx,
    TenantCtx,
};
use super::error::{engine_failure, internal_engine, not_found, set_status};
use super::format::role_label;
use crate::views::*;

/// The name an authenticator app shows for this portal: its product name.
fn issuer(ctx: &ServerCtx, tc: &TenantCtx) -> String {
    ctx.themes
        .for_tenant(&tc.tenant)
        .map(|t| t.product_name)
        .unwrap_or_else(|| tc.tenant.name.clone())
}

/// Why a reset link does not work, in `lang`.
fn reset_error(lang: i18n::Lang, e: &ResetError) -> String {
    match e {
        ResetError::Invalid => i18n::t(lang, "people-reset-invalid"),
        ResetError::Used => i18n::t(lang, "people-reset-used"),
        ResetError::Expired => i18n::t(lang, "people-reset-expired"),
        ResetError::Busy => i18n::t(lang, "people-busy"),
        ResetError::Engine(inner) => inner.text(lang),
    }
}

fn setup_view(e: two_factor::Enrolment) -> SetupView {
    SetupView {
        secret: e.secret,
        uri: e.uri,
        qr_svg: e.qr_svg,
    }
}

pub async fn second_step() -> Result<SecondStepView, ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tc) = tenant_ctx() else {
        return Err(not_found());
    };
    no_store();
    let session: Session = leptos_axum::extract().await?;
    let pending: Option<PendingSignIn> =
        session.get(&pending_key(tc.tenant.id)).await.ok().flatten();
    let Some(pending) = pending else {
        set_status(http::StatusCode::UNAUTHORIZED);
        return Err(ServerFnError::new(i18n::t(tc.lang, "people-sign-in-ended")));
    };
    if !pending.enrol {
        return Ok(SecondStepView { setup: None });
    }
    let issuer = issuer(&ctx, &tc);
    let e = two_factor::start_at_sign_in(
        &ctx.store,
        &ctx.addresses,
        tc.tenant.id,
        &pending,
        &issuer,
        now_ms(),
    )
    .await
    .map_err(internal_engine)?;
    Ok(SecondStepView {
        setup: Some(setup_view(e)),
    })
}

pub async fn reset(token: String) -> Result<(), ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tc) = tenant_ctx() else {
        return Err(not_found());
    };
    no_store();
    match accounts::open_password_reset(&ctx.store, tc.tenant.id, &token, now_ms()).await {
        Ok(()) => Ok(()),
        Err(ResetError::Engine(e)) => Err(internal_engine(e)),
        Err(e) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(match e {
                    ResetError::Invalid => http::StatusCode::NOT_FOUND,
                    _ => http::StatusCode::GONE,
                });
            }
            Err(ServerFnError::new(reset_error(tc.lang, &e)))
        }
    }
}

pub async fn account() -> Result<AccountView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageOwnAccount).await?;
    no_store();
    let s = two_factor::status(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    let language = ctx
        .store
        .user_language(member.user_id)
        .await
        .map_err(super::error::internal)?
        .as_deref()
        .and_then(i18n::Lang::parse);
    Ok(AccountView {
        name: member.name,
        email: member.email,
        two_factor_on: s.on,
        recovery_codes_left: s.recovery_codes_left,
        two_factor_required: s.required,
        language,
    })
}

pub async fn setup() -> Result<SetupView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageOwnAccount).await?;
    no_store();
    let issuer = issuer(&ctx, &tc);
    two_factor::start(
        &ctx.store,
        &ctx.addresses,
        tc.tenant.id,
        &member,
        &issuer,
        now_ms(),
    )
    .await
    .map(setup_view)
    .map_err(engine_failure)
}

pub async fn recovery_codes() -> Result<Vec<String>, ServerFnError> {
    let (_, tc, _) = current().await?;
    no_store();
    let session: Session = leptos_axum::extract().await?;
    let codes: Option<Vec<String>> = session
        .remove(&recovery_codes_key(tc.tenant.id))
        .await
        .ok()
        .flatten();
    Ok(codes.unwrap_or_default())
}

pub async fn members() -> Result<MembersView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageMembers).await?;
    let lang = tc.lang;
    let m = members::members(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    Ok(MembersView {
        people: m
            .people
            .into_iter()
            .map(|p| PersonView {
                is_you: p.user_id == member.user_id,
                managed_elsewhere: p
                    .roles
                    .iter()
                    .any(|r| !member.kind.member_roles().contains(r)),
                role_labels: p
                    .roles
                    .iter()
                    .map(|r| role_label(lang, *r))
                    .collect::<Vec<_>>()
                    .join(", "),
                roles: p.roles.iter().map(|r| r.as_str().to_string()).collect(),
                user_id: p.user_id,
                name: p.name,
                email: p.email,
                active: p.active,
                two_factor: p.two_factor,
            })
            .collect(),
        invitations: m
            .invitations
            .into_iter()
            .map(|i| InvitedView {
                id: i.id,
                role: engine::model::Role::parse(&i.role)
                    .map(|r| role_label(lang, r))
                    .unwrap_or(i.role),
                name: i.name,
                email: i.email,
                expires_on: super::format::day_at(&tc, i.expires_at),
            })
            .collect(),
        require_two_factor: m.require_two_factor,
        roles: member
            .kind
            .member_roles()
            .iter()
            .map(|r| Choice {
                value: r.as_str().to_string(),
                label: role_label(lang, *r),
            })
            .collect(),
    })
}
