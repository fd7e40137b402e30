//! Sign-in and sign-out: plain form posts, so they work with JavaScript switched off.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use app::ssr::{auth_key, pending_key, recovery_codes_key, SessionAuth, TenantCtx};
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
            if let Ok(ip) = hops[hops.len() - n].parse::<IpAddr>() {
                return limit_key(ip);
            }
        }
    }
    limit_key(peer.ip())
}

/// An address as sign-in limits count it: IPv4 as it is (also when written as an
/// IPv4-mapped IPv6 address), IPv6 by its /64, since one client holds a whole /64.
fn limit_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The cookie that marks a browser a member of this tenant signed in from before
/// (`__Host-` prefixed over https, like the session cookie).
fn device_cookie(tc: &TenantCtx, https: bool) -> String {
    let prefix = if https { "__Host-" } else { "" };
    format!("{prefix}sw_device_{}", tc.tenant.id.0)
}

/// The value of cookie `name` in the request, if sent.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
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
    let device_name = device_cookie(&tc, state.settings.https);
    let device = cookie(&headers, &device_name);
    let signed = identity::sign_in(
        &state.store,
        tc.tenant.id,
        &email,
        &form.password,
        &address,
        device,
        limits,
        request_id,
        now_ms(),
    );
    match signed.await {
        Ok(identity::SignedIn {
            second_step: Some(pending),
            ..
        }) => {
            // The password was right; the sign-in waits for its second step.
            to_second_step(&session, &tc, pending).await
        }
        Ok(identity::SignedIn {
            member,
            device_token,
            ..
        }) => {
            if start_sign_in(&session, &tc, member.user_id).await.is_err() {
                return back("expired");
            }
            tracing::info!(user.id = member.user_id, "signed in");
            signed_in_response(&state, &tc, &device_token, &tc.start_page())
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
                i18n::t(tc.lang, "site-sign-ins-busy"),
            )
                .into_response()
        }
        Err(SignInError::Store(e)) => {
            tracing::error!(error = %e, "sign-in failed");
            back("expired")
        }
    }
}

/// Keeps a sign-in waiting for its second step in the session and sends the person to
/// that step (or back to sign in, if the session could not keep it).
pub(crate) async fn to_second_step(
    session: &Session,
    tc: &TenantCtx,
    pending: identity::PendingSignIn,
) -> Response {
    if let Err(e) = session.insert(&pending_key(tc.tenant.id), pending).await {
        tracing::error!(error = %e, "storing the pending sign-in failed");
        return Redirect::to(&format!("{}/login?error=expired", tc.base)).into_response();
    }
    Redirect::to(&format!("{}/login/two-factor", tc.base)).into_response()
}

/// The redirect after a completed sign-in to `to`, making this browser a known device
/// of the member (a year).
pub(crate) fn signed_in_response(
    state: &AppState,
    tc: &TenantCtx,
    device_token: &str,
    to: &str,
) -> Response {
    let secure = if state.settings.https { "; Secure" } else { "" };
    let device_name = device_cookie(tc, state.settings.https);
    let known = format!(
        "{device_name}={device_token}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}"
    );
    let mut res = Redirect::to(to).into_response();
    if let Ok(v) = known.parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// Records the sign-in of `user` to this request's tenant in the session, under a new
/// session id (which defeats session fixation). Failures are logged here.
pub(crate) async fn start_sign_in(session: &Session, tc: &TenantCtx, user: i64) -> Result<(), ()> {
    if let Err(e) = session.cycle_id().await {
        tracing::error!(error = %e, "session id rotation failed");
        return Err(());
    }
    // A sign-in waiting for its second step is over, either way.
    let _ = session
        .remove::<serde_json::Value>(&pending_key(tc.tenant.id))
        .await;
    let auth = SessionAuth {
        tenant_id: tc.tenant.id.0,
        user_id: user,
        login_at: now_ms(),
        host: tc.host.clone(),
        act_as: None,
    };
    if let Err(e) = session.insert(&auth_key(tc.tenant.id), auth).await {
        tracing::error!(error = %e, "storing the session failed");
        return Err(());
    }
    Ok(())
}

/// Signs out of this request's tenant; a sign-in to another path-form tenant in the
/// same browser stays. The session id changes either way.
pub async fn logout(Extension(tc): Extension<TenantCtx>, session: Session) -> Response {
    // A sign-in waiting for its second step and recovery codes not yet shown go too.
    for key in [pending_key(tc.tenant.id), recovery_codes_key(tc.tenant.id)] {
        let _ = session.remove::<serde_json::Value>(&key).await;
    }
    let ended = match session.remove::<SessionAuth>(&auth_key(tc.tenant.id)).await {
        Ok(_) => session.cycle_id().await,
        Err(e) => Err(e),
    };
    if let Err(e) = ended {
        tracing::error!(error = %e, "ending the sign-in failed");
    }
    Redirect::to(&format!("{}/login?signed_out=1", tc.base)).into_response()
}

#[cfg(test)]
mod tests {
    use super::limit_key;

    #[test]
    fn one_ipv6_client_counts_as_its_64_and_mapped_ipv4_as_ipv4() {
        let a = limit_key("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = limit_key("2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap());
        assert_eq!(a, b);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_ne!(a, limit_key("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(limit_key("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7");
        assert_eq!(limit_key("192.0.2.7".parse().unwrap()), "192.0.2.7");
    }
}
