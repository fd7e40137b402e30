//! Sign-in and sign-out: plain form posts, so they work with JavaScript switched off.

use std::net::SocketAddr;
use std::sync::Arc;

use app::ssr::{auth_key, SessionAuth, TenantCtx};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use engine::identity::{self, normalise_email, SignInError, SignInLimits};
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

/// The client address: the socket peer, or, when the operator said `trusted_proxy_hops`
/// proxies sit in front (`trust_proxy`), the `X-Forwarded-For` entry the outermost of
/// them added: counted from the right, since anything to its left came from the client
/// and may be forged.
pub fn client_address(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> String {
    let settings = &state.settings;
    if settings.trust_proxy {
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .collect();
        let n = settings.trusted_proxy_hops.max(1);
        if hops.len() >= n {
            return hops[hops.len() - n].to_string();
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
    let limits = SignInLimits {
        per_account: i64::from(state.settings.login_failures_per_account),
        per_address: i64::from(state.settings.login_failures_per_address),
    };
    let address = client_address(&state, peer, &headers);
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    let signed = identity::sign_in(
        &state.store,
        tc.tenant.id,
        &email,
        &form.password,
        &address,
        limits,
        request_id,
        now_ms(),
    );
    match signed.await {
        Ok(member) => {
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
        Err(SignInError::InvalidCredentials) => {
            tracing::info!("sign-in refused");
            back("invalid")
        }
        Err(SignInError::Throttled { .. }) => {
            tracing::warn!("sign-in throttled");
            back("throttled")
        }
        Err(SignInError::Busy) => {
            tracing::warn!("sign-in refused: too many password checks at once");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "1")],
                "Too many sign-ins at this moment. Please try again in a second.",
            )
                .into_response()
        }
        Err(SignInError::Store(e)) => {
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
