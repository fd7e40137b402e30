//! Health and readiness for the orchestrator, and Prometheus metrics for operators.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::events::bearer;
use crate::state::AppState;

/// `GET /metrics` for Prometheus: loopback callers, or a caller with the configured token.
pub async fn metrics(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
) -> Response {
    use secrecy::ExposeSecret;
    let token_ok = match (&state.settings.metrics_token, bearer(&headers)) {
        (Some(want), Some(got)) => {
            let want = want.expose_secret().as_bytes();
            // Compare in constant time: the token is a credential.
            want.len() == got.len()
                && want
                    .iter()
                    .zip(got.as_bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        }
        _ => false,
    };
    // Behind a proxy every peer is the proxy, so loopback proves nothing there.
    let local = peer.ip().is_loopback() && !state.settings.trust_proxy;
    if local || token_ok {
        crate::observability::metrics_handle()
            .render()
            .into_response()
    } else {
        super::tenancy::not_found_page()
    }
}

pub async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers.
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    match state.store.db().ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}
