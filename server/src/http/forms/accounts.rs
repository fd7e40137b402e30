//! A person's own account: the second step of a sign-in (`/login/two-factor`, and
//! `/login/two-factor/setup` when the portal requires it of someone who has none), a
//! forgotten password (`/forgot`, `/reset/{token}`: no sign-in, the signed link is the
//! permission), and, signed in, `/account/password`, `/account/two-factor` (turn on),
//! `/account/two-factor/off` and `/account/recovery-codes`. The engine checks each
//! step; recovery codes just made are kept in the session for the next page, once.

use std::net::SocketAddr;
use std::sync::Arc;

use app::ssr::{pending_key, recovery_codes_key, TenantCtx};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use engine::accounts::{self, two_factor, ResetError};
use engine::identity::PendingSignIn;
use engine::model::now_ms;
use serde::Deserialize;
use tower_sessions::Session;

use super::supplier::PublicTenant;
use super::{back_to, message_in, param, Params, Posted, SignedIn};
use crate::http::auth::{client_address, signed_in_response, start_sign_in};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TurnOnForm {
    pub password: String,
    pub code: String,
}

/// The sign-in waiting for its second step, or the way back to sign in.
async fn pending(session: &Session, tc: &TenantCtx) -> Result<PendingSignIn, Response> {
    match session
        .get::<PendingSignIn>(&pending_key(tc.tenant.id))
        .await
    {
        Ok(Some(p)) => Ok(p),
        _ => Err(Redirect::to(&format!("{}/login?error=second_step", tc.base)).into_response()),
    }
}

/// Keeps freshly made recovery codes for the page that shows them once.
async fn keep_codes(session: &Session, tc: &TenantCtx, codes: Vec<String>) -> bool {
    session
        .insert(&recovery_codes_key(tc.tenant.id), codes)
        .await
        .is_ok()
}

/// The second step of a sign-in: a code from the app, or a recovery code.
pub async fn second_step(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    session: Session,
    Posted(form): Posted<CodeForm>,
) -> Response {
    let pending = match pending(&session, &t.tc).await {
        Ok(p) => p,
        Err(to_login) => return to_login,
    };
    let (store, keys) = (&app.store, &app.addresses);
    let rid = t.request_id.as_deref();
    match two_factor::verify_at_sign_in(
        store,
        keys,
        t.tc.tenant.id,
        &pending,
        &form.code,
        rid,
        now_ms(),
    )
    .await
    {
        Ok(signed) => {
            if start_sign_in(&session, &t.tc, signed.member.user_id)
                .await
                .is_err()
            {
                return Redirect::to(&format!("{}/login?error=expired", t.tc.base)).into_response();
            }
            tracing::info!(
                user.id = signed.member.user_id,
                "signed in with a second step"
            );
            signed_in_response(&app, &t.tc, &signed.device_token, &t.tc.start_page())
        }
        Err(e) => back_to(
            &t.tc,
            "/login/two-factor",
            "error",
            &message_in(&e, t.tc.lang),
        ),
    }
}

/// At sign-in, the person the portal requires it of confirms their new app.
pub async fn second_step_setup(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    session: Session,
    Posted(form): Posted<CodeForm>,
) -> Response {
    let pending = match pending(&session, &t.tc).await {
        Ok(p) => p,
        Err(to_login) => return to_login,
    };
    let (store, keys) = (&app.store, &app.addresses);
    let rid = t.request_id.as_deref();
    match two_factor::confirm_at_sign_in(
        store,
        keys,
        t.tc.tenant.id,
        &pending,
        &form.code,
        rid,
        now_ms(),
    )
    .await
    {
        Ok((signed, codes)) => {
            if start_sign_in(&session, &t.tc, signed.member.user_id)
                .await
                .is_err()
                || !keep_codes(&session, &t.tc, codes).await
            {
                return Redirect::to(&format!("{}/login?error=expired", t.tc.base)).into_response();
            }
            let to = format!("{}/account/recovery-codes", t.tc.base);
            signed_in_response(&app, &t.tc, &signed.device_token, &to)
        }
        // The page draws a new key each time it is shown: the code is for the key shown.
        Err(e) => back_to(
            &t.tc,
            "/login/two-factor",
            "error",
            &message_in(&e, t.tc.lang),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
}

/// Asks for a reset link. The answer is the same whether or not the address has an
/// account here.
pub async fn forgot(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Posted(form): Posted<ForgotForm>,
) -> Response {
    let address = client_address(&app, peer, &headers);
    match accounts::request_password_reset(
        &app.store,
        t.tc.tenant.id,
        &form.email,
        &address,
        now_ms(),
    )
    .await
    {
        Ok(()) => {
            app.jobs_wake.notify_one();
            Redirect::to(&format!("{}/forgot?sent=1", t.tc.base)).into_response()
        }
        Err(e) => back_to(&t.tc, "/forgot", "error", &message_in(&e, t.tc.lang)),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewPasswordForm {
    pub current: String,
    pub password: String,
    pub repeat: String,
}

/// Sets a new password through a reset link, then sends the person to sign in.
pub async fn reset(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
    Posted(form): Posted<NewPasswordForm>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/reset/{token}");
    let lang = t.tc.lang;
    if form.password != form.repeat {
        return back_to(
            &t.tc,
            &page,
            "error",
            &i18n::t(lang, "site-passwords-differ"),
        );
    }
    let rid = t.request_id.as_deref();
    match accounts::reset_password(
        &app.store,
        t.tc.tenant.id,
        &token,
        &form.password,
        rid,
        now_ms(),
    )
    .await
    {
        Ok(()) => back_to(
            &t.tc,
            "/login",
            "notice",
            &i18n::t(lang, "site-password-reset-done"),
        ),
        Err(ResetError::Engine(e)) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
        Err(ResetError::Busy) => back_to(&t.tc, &page, "error", &i18n::t(lang, "site-busy")),
        // The page itself says what is wrong with the link.
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

const ACCOUNT: &str = "/account";

#[derive(Debug, serde::Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    pub language: String,
}

/// POST `/account/language`: the language the person reads ("": their browser's).
pub async fn set_language(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: axum::http::HeaderMap,
    Posted(form): Posted<LanguageForm>,
) -> Response {
    let choice = form.language.trim();
    let language = if choice.is_empty() {
        None
    } else {
        match i18n::Lang::parse(choice).filter(|l| l.code() == choice) {
            Some(l) => Some(l),
            None => return me.error(ACCOUNT, &i18n::t(me.tc.lang, "site-language-unknown")),
        }
    };
    match accounts::set_language(&app.store, me.tc.tenant.id, &me.member, language, me.rid()).await
    {
        // Said in the language the next page is in.
        Ok(()) => me.notice(
            ACCOUNT,
            &i18n::t(
                language.unwrap_or_else(|| {
                    crate::http::language::default_lang(&me.tc.tenant, &headers)
                }),
                "language-saved",
            ),
        ),
        Err(e) => me.fail(ACCOUNT, &e),
    }
}

/// The signed-in person changes their password; this sign-in starts anew, every other
/// one ends.
pub async fn change_password(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<NewPasswordForm>,
) -> Response {
    if form.password != form.repeat {
        return me.error(ACCOUNT, &i18n::t(me.tc.lang, "site-new-passwords-differ"));
    }
    let (store, t) = (&app.store, me.tc.tenant.id);
    match accounts::change_password(
        store,
        t,
        &me.member,
        &form.current,
        &form.password,
        me.rid(),
        now_ms(),
    )
    .await
    {
        Ok(()) => {
            if start_sign_in(&session, &me.tc, me.member.user_id)
                .await
                .is_err()
            {
                return Redirect::to(&format!("{}/login?error=expired", me.tc.base))
                    .into_response();
            }
            me.notice(ACCOUNT, &i18n::t(me.tc.lang, "site-password-changed"))
        }
        Err(e) => me.fail(ACCOUNT, &e),
    }
}

/// The signed-in person confirms their new app: two-step sign-in is on.
pub async fn turn_on(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<TurnOnForm>,
) -> Response {
    let (store, keys, t) = (&app.store, &app.addresses, me.tc.tenant.id);
    let (password, code) = (&form.password, &form.code);
    match two_factor::confirm(
        store,
        keys,
        t,
        &me.member,
        password,
        code,
        me.rid(),
        now_ms(),
    )
    .await
    {
        Ok(codes) => {
            if !keep_codes(&session, &me.tc, codes).await {
                return me.error(
                    ACCOUNT,
                    &i18n::t(me.tc.lang, "site-codes-not-shown-make-new"),
                );
            }
            me.notice(
                "/account/recovery-codes",
                &i18n::t(me.tc.lang, "site-two-factor-on"),
            )
        }
        Err(e) => me.fail("/account/two-factor", &e),
    }
}

pub async fn turn_off(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<CodeForm>,
) -> Response {
    let (store, keys, t) = (&app.store, &app.addresses, me.tc.tenant.id);
    match two_factor::turn_off(store, keys, t, &me.member, &form.code, me.rid(), now_ms()).await {
        Ok(()) => me.notice(ACCOUNT, &i18n::t(me.tc.lang, "site-two-factor-off")),
        Err(e) => me.fail(ACCOUNT, &e),
    }
}

pub async fn recovery_codes(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<CodeForm>,
) -> Response {
    let (store, keys, t) = (&app.store, &app.addresses, me.tc.tenant.id);
    match two_factor::renew_recovery_codes(
        store,
        keys,
        t,
        &me.member,
        &form.code,
        me.rid(),
        now_ms(),
    )
    .await
    {
        Ok(codes) => {
            if !keep_codes(&session, &me.tc, codes).await {
                return me.error(
                    ACCOUNT,
                    &i18n::t(me.tc.lang, "site-codes-not-shown-try-again"),
                );
            }
            me.notice(
                "/account/recovery-codes",
                &i18n::t(me.tc.lang, "site-codes-renewed"),
            )
        }
        Err(e) => me.fail(ACCOUNT, &e),
    }
}
