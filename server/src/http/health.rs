//! Health and readiness for the orchestrator, and Prometheus metrics for operators.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::api::bearer;
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
        record_gauges(&state).await;
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

/// Ready when the database answers: that is all a load balancer should act on (a slow
/// mail server stalling the mail worker must not take every replica out of service).
/// The body also names each worker this process runs with its last lap, for people;
/// liveness alerts and the queue's depth are in `/metrics`.
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    let now = engine::model::now_ms();
    let mut ready = true;
    let mut lines = Vec::new();
    match state.store.db().ping().await {
        Ok(()) => lines.push("database: ok".to_string()),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            ready = false;
            lines.push("database: unavailable".into());
        }
    }
    if state.settings.workers {
        for w in &state.workers {
            let alive = w.alive(now);
            lines.push(match w.last_lap_ago_ms(now) {
                Some(ago) => format!(
                    "worker {}: {}, last lap {:.1} s ago",
                    w.name,
                    if alive { "alive" } else { "stalled" },
                    ago as f64 / 1000.0
                ),
                None => format!("worker {}: not started", w.name),
            });
        }
    }
    let head = if ready { "ready" } else { "not ready" };
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, format!("{head}\n{}\n", lines.join("\n"))).into_response()
}

/// Worker liveness and queue depth as gauges, refreshed when `/metrics` is scraped.
pub(crate) async fn record_gauges(state: &AppState) {
    let now = engine::model::now_ms();
    for w in &state.workers {
        if let Some(ago) = w.last_lap_ago_ms(now) {
            metrics::gauge!("shelfwise_worker_last_lap_seconds", "worker" => w.name)
                .set(ago as f64 / 1000.0);
            metrics::gauge!("shelfwise_worker_alive", "worker" => w.name).set(if w.alive(now) {
                1.0
            } else {
                0.0
            });
        }
    }
    let counts = state.store.job_counts(None).await;
    if let Err(e) = &counts {
        tracing::warn!(error = %e, "counting jobs for /metrics failed");
    }
    if let Ok(counts) = counts {
        // Every state, with 0 for those no job is in (a gauge that vanishes reads as
        // "unknown", not as "none").
        for s in [
            "available",
            "scheduled",
            "running",
            "retryable",
            "completed",
            "cancelled",
            "discarded",
        ] {
            let n = counts.iter().find(|(st, _)| st == s).map_or(0, |(_, n)| *n);
            metrics::gauge!("shelfwise_jobs", "state" => s).set(n as f64);
        }
    }
}
