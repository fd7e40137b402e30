//! Sign-in and sign-out: plain form posts, so they work with JavaScript switched off.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use app::ssr::{auth_key, SessionAuth, TenantCtx};
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use engine::identity::{self, normalise_email, LoginError};
use engine::model::now_ms;
use serde::Deserialize;
use tower_sessions::Session;

use crate::state::AppState;

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// The client address: the socket peer, or the first `X-Forwarded-For` hop when the
/// operator said a proxy sits in front.
pub fn client_address(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> String {
    if state.settings.trust_proxy {
        if let Some(first) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
    }
    peer.ip().to_string()
}

#[tracing::instrument(skip_all, fields(tenant = %tc.tenant.slug))]
pub async fn login(
    State(state): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    session: Session,
    Form(form): Form<LoginForm>,
) -> Response {
    let back =
        |code: &str| Redirect::to(&format!("{}/login?error={code}", tc.base)).into_response();
    let email = normalise_email(&form.email);
    if email.is_empty() || form.password.is_empty() {
        return back("missing");
    }
    let now = Instant::now();
    let account_key = format!("{}:{}", tc.tenant.id.0, email);
    let address_key = format!(
        "{}:{}",
        tc.tenant.id.0,
        client_address(&state, peer, &headers)
    );
    let throttle = &state.login_throttle;
    if throttle.per_account.is_blocked(&account_key, now)
        || throttle.per_address.is_blocked(&address_key, now)
    {
        tracing::warn!("sign-in throttled");
        return back("throttled");
    }
    match identity::login(&state.store, tc.tenant.id, &email, &form.password).await {
        Ok(member) => {
            throttle.per_account.clear(&account_key);
            // A new session id at sign-in defeats session fixation.
            if let Err(e) = session.cycle_id().await {
                tracing::error!(error = %e, "session id rotation failed");
                return back("expired");
            }
            let auth = SessionAuth {
                tenant_id: tc.tenant.id.0,
                user_id: member.user_id,
                login_at: now_ms(),
            };
            if let Err(e) = session.insert(&auth_key(tc.tenant.id), auth).await {
                tracing::error!(error = %e, "storing the session failed");
                return back("expired");
            }
            tracing::info!(user.id = member.user_id, "signed in");
            let home = if tc.base.is_empty() {
                "/".to_string()
            } else {
                tc.base.clone()
            };
            Redirect::to(&home).into_response()
        }
        Err(LoginError::InvalidCredentials) => {
            throttle.per_account.record_failure(&account_key, now);
            throttle.per_address.record_failure(&address_key, now);
            tracing::info!("sign-in refused");
            back("invalid")
        }
        Err(LoginError::Store(e)) => {
            tracing::error!(error = %e, "sign-in failed");
            back("expired")
        }
    }
}

/// Signs out of this request's tenant; a sign-in to another path-form tenant in the
/// same browser stays. The session id changes either way.
pub async fn logout(Extension(tc): Extension<TenantCtx>, session: Session) -> Response {
    let ended = match session.remove::<SessionAuth>(&auth_key(tc.tenant.id)).await {
        Ok(_) => session.cycle_id().await,
        Err(e) => Err(e),
    };
    if let Err(e) = ended {
        tracing::error!(error = %e, "ending the sign-in failed");
    }
    Redirect::to(&format!("{}/login?signed_out=1", tc.base)).into_response()
}
