//! `POST /api/v1/events`: stock events from integrations (scope `write_events`).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::api_keys::KeyScope;
use engine::ingest::{self, IngestError};
use engine::model::TenantId;

use super::openapi::Problem;
use super::{idempotent, Caller};
use crate::http::error::ApiError;
use crate::state::AppState;

/// The largest body the events API reads (a full batch of 5,000 events fits easily).
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// A batch of stock events (see the README's table of fields).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // documents the body; the handler reads it as JSON to name each bad field
pub struct EventBatch {
    /// 1 to 5,000 events, applied all or nothing.
    events: Vec<Event>,
}

/// One stock event.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct Event {
    /// Where the event comes from (a till, a shop); with `external_id` it makes the
    /// event idempotent per tenant.
    source: String,
    external_id: String,
    /// `sale`, `return`, `receipt`, `adjustment` or `count`.
    #[schema(rename = "type")]
    kind: String,
    /// The location's code.
    location: String,
    sku: String,
    /// Whole units, at most 1,000,000 in size (signed for adjustments).
    quantity: i64,
    /// RFC 3339, at most 24 hours ahead; now when left out.
    occurred_at: Option<String>,
    /// Sales only: the `ref` of a back-in-stock e-mail's buy link.
    notification: Option<String>,
}

/// What a batch did.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Applied {
    /// Events applied now.
    pub accepted: u64,
    /// Events already applied before (same source and external id).
    pub duplicates: u64,
}

/// `POST /api/v1/events`: a batch of stock events for the tenant the key belongs to.
/// The media type and the declared length are checked before a byte of the body is
/// read, so an oversize request costs no more than its headers; a body that turns out
/// longer than declared stops being read at the limit.
#[utoipa::path(
    post,
    path = "/api/v1/events",
    tag = "events",
    request_body(content = EventBatch, content_type = "application/json"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Optional: makes a retry safe (1–255 visible characters)")),
    responses(
        (status = 200, description = "The batch was applied", body = Applied),
        (status = 400, description = "The body is not JSON, or the Idempotency-Key is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks write_events", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still running", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not application/json", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Named fields are invalid (or the Idempotency-Key was used for another request); nothing was applied", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["write_events"]))
)]
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant_slug))]
pub async fn post_events(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    caller.require(KeyScope::WriteEvents)?;
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
    let (tenant, slug) = (caller.tenant, caller.tenant_slug.clone());
    idempotent::once(
        &state,
        &caller,
        &headers,
        "/api/v1/events",
        body,
        false,
        move |state, body| async move { apply(&state, tenant, &slug, &body).await },
    )
    .await
}

/// Validates and applies a batch: the answer to a request.
async fn apply(
    state: &AppState,
    tenant: TenantId,
    slug: &str,
    body: &[u8],
) -> Result<Response, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    match ingest::ingest(&state.events, tenant, &value).await {
        Ok(applied) => {
            if applied.accepted > 0 {
                state.jobs_wake.notify_one();
            }
            metrics::counter!("shelfwise_events_ingested_total", "tenant" => slug.to_string())
                .increment(applied.accepted);
            metrics::counter!("shelfwise_events_duplicate_total", "tenant" => slug.to_string())
                .increment(applied.duplicates);
            Ok((
                StatusCode::OK,
                Json(Applied {
                    accepted: applied.accepted,
                    duplicates: applied.duplicates,
                }),
            )
                .into_response())
        }
        Err(IngestError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(IngestError::Store(e)) => Err(e.into()),
    }
}
