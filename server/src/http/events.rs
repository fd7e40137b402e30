//! `POST /api/v1/events`: stock events from integrations, authenticated by the
//! tenant's API key.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::api_keys::{self, KeyCheck, KeyScope};
use engine::idempotency::{self, Claim};
use engine::ingest::{self, IngestError};
use engine::model::now_ms;
use serde_json::json;

use super::error::ApiError;
use crate::state::AppState;

pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The largest body the events API reads (a full batch of 5,000 events fits easily).
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// `POST /api/v1/events`: a batch of stock events for the tenant the key belongs to.
/// The key, the media type and the declared length are checked before a byte of the
/// body is read, so an unauthenticated or oversize request costs no more than its
/// headers; a body that turns out longer than declared stops being read at the limit.
#[tracing::instrument(skip_all, fields(tenant))]
pub async fn post_events(
    State(state): State<Arc<AppState>>,
    tc: Option<Extension<TenantCtx>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let Some(Extension(tc)) = tc else {
        return Err(ApiError::NotFound);
    };
    tracing::Span::current().record("tenant", tc.tenant.slug.as_str());
    let key = bearer(&headers).ok_or(ApiError::Unauthorized)?;
    let key_id =
        match api_keys::authenticate(&state.store, tc.tenant.id, key, KeyScope::WriteEvents).await?
        {
            KeyCheck::Allowed { key_id } => key_id,
            KeyCheck::Unknown => return Err(ApiError::Unauthorized),
            KeyCheck::MissingScope => {
                return Err(ApiError::Forbidden(
                    "this key may not write stock events (scope write_events)".into(),
                ))
            }
        };
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(ApiError::TooLarge(MAX_BODY_BYTES));
    }
    let body = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::TooLarge(MAX_BODY_BYTES))?;
    let Some(idem) = headers.get("idempotency-key") else {
        return apply(&state, &tc, &body).await;
    };
    // With an Idempotency-Key: the first request runs and its answer is kept.
    let idem = idem
        .to_str()
        .map_err(|_| ApiError::BadRequest("Idempotency-Key must be visible ASCII".into()))?;
    idempotency::check_key(idem).map_err(ApiError::BadRequest)?;
    let t = tc.tenant.id;
    let hash = idempotency::request_hash("POST", "/api/v1/events", &body);
    let token = match idempotency::claim(&state.store, t, key_id, idem, &hash, now_ms()).await? {
        Claim::Fresh { token } => token,
        Claim::Replay { status, body } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let kind = if status.is_success() {
                "application/json"
            } else {
                "application/problem+json"
            };
            return Ok((
                status,
                [
                    (header::CONTENT_TYPE, kind),
                    (HeaderName::from_static("idempotent-replayed"), "true"),
                ],
                body,
            )
                .into_response());
        }
        Claim::Mismatch => return Err(ApiError::IdempotencyMismatch),
        Claim::InProgress => return Err(ApiError::IdempotencyInProgress),
    };
    // Applied and answered on a task of its own (in the request's span), so a client
    // that hangs up cannot leave the key claimed with no answer kept (a dead process
    // can: see ABANDONED_MS).
    let idem = idem.to_string();
    let worker = state.clone();
    let span = tracing::Span::current();
    let done = tokio::spawn(tracing::Instrument::instrument(
        async move {
            let res = match apply(&worker, &tc, &body).await {
                Ok(r) => r,
                Err(e) => e.into_response(),
            };
            let (parts, answer) = res.into_parts();
            let answer = axum::body::to_bytes(answer, MAX_BODY_BYTES)
                .await
                .map_err(|_| ApiError::Internal("reading our own answer failed".into()))?;
            let text = String::from_utf8_lossy(&answer);
            idempotency::finish(
                &worker.store,
                t,
                key_id,
                &idem,
                &token,
                parts.status.as_u16(),
                &text,
            )
            .await?;
            Ok::<_, ApiError>(Response::from_parts(parts, Body::from(answer)))
        },
        span,
    ));
    done.await
        .map_err(|e| ApiError::Internal(format!("the request's task failed: {e}")))?
}

/// Validates and applies a batch: the answer to a request.
async fn apply(state: &AppState, tc: &TenantCtx, body: &[u8]) -> Result<Response, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    match ingest::ingest(&state.events, tc.tenant.id, &value).await {
        Ok(applied) => {
            if applied.accepted > 0 {
                state.jobs_wake.notify_one();
            }
            metrics::counter!("shelfwise_events_ingested_total", "tenant" => tc.tenant.slug.clone()).increment(applied.accepted);
            metrics::counter!("shelfwise_events_duplicate_total", "tenant" => tc.tenant.slug.clone()).increment(applied.duplicates);
            Ok((
                StatusCode::OK,
                Json(json!({"accepted": applied.accepted, "duplicates": applied.duplicates})),
            )
                .into_response())
        }
        Err(IngestError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(IngestError::Store(e)) => Err(e.into()),
    }
}
