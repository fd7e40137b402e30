//! `Idempotency-Key` for every POST of the API ([`engine::idempotency`] keeps the keys):
//! the first request with a key runs on a task of its own and its answer is kept; the
//! same request again gets that answer with `Idempotent-Replayed: true`; another request
//! with the key gets 422, one arriving while the first runs gets 409. Document commands
//! require a key (400 without one); the events endpoint takes one when given.

use std::future::Future;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use engine::idempotency::{self, Claim};
use engine::model::now_ms;

use super::super::error::ApiError;
use super::Caller;
use crate::state::AppState;

/// The largest answer kept for a replay (far above any answer the API gives).
const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;

/// Runs `apply` at most once per `Idempotency-Key` (see the module). Without a key,
/// `required` answers 400 and otherwise `apply` simply runs.
pub async fn once<F, Fut>(
    state: &Arc<AppState>,
    caller: &Caller,
    headers: &HeaderMap,
    path: &str,
    body: Bytes,
    required: bool,
    apply: F,
) -> Result<Response, ApiError>
where
    F: FnOnce(Arc<AppState>, Bytes) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Response, ApiError>> + Send,
{
    let Some(idem) = headers.get("idempotency-key") else {
        if required {
            return Err(ApiError::BadRequest(
                "send an Idempotency-Key header (1 to 255 visible characters, new for each command)"
                    .into(),
            ));
        }
        return apply(state.clone(), body).await;
    };
    let idem = idem
        .to_str()
        .map_err(|_| ApiError::BadRequest("Idempotency-Key must be visible ASCII".into()))?;
    idempotency::check_key(idem).map_err(ApiError::BadRequest)?;
    let (t, key_id) = (caller.tenant, caller.key_id);
    let hash = idempotency::request_hash("POST", path, &body);
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
    // can: see engine::idempotency::ABANDONED_MS).
    let idem = idem.to_string();
    let worker = state.clone();
    let span = tracing::Span::current();
    let done = tokio::spawn(tracing::Instrument::instrument(
        async move {
            let res = match apply(worker.clone(), body).await {
                Ok(r) => r,
                Err(e) => e.into_response(),
            };
            let (parts, answer) = res.into_parts();
            let Ok(answer) = axum::body::to_bytes(answer, MAX_ANSWER_BYTES).await else {
                // Give the key back (a 5xx releases it) so a retry is not refused for
                // the claim's lifetime.
                idempotency::finish(&worker.store, t, key_id, &idem, &token, 500, "").await?;
                return Err(ApiError::Internal("reading our own answer failed".into()));
            };
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
