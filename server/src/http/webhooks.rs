//! `POST /api/v1/webhooks/{source}`: signed webhooks from the tenant's systems (see
//! `engine::inbound`). The signature is the authentication: no API key.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::inbound::{self, InboundError, SignedHeaders};

use super::api::events::Applied;
use super::api::openapi::Problem;
use super::error::ApiError;
use crate::state::AppState;

/// The largest webhook body read (a full batch of levels fits).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Verifies, then applies, one webhook; 401 names why a signature was refused, 422 each
/// field that does not fit, and nothing is stored for either.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{source}",
    tag = "webhooks",
    params(
        ("source" = String, Path, description = "The source's name, as its admin set it up under Integrations"),
        ("webhook-id" = Option<String>, Header, description = "Standard Webhooks: the message id (deduplicated)"),
        ("webhook-timestamp" = Option<String>, Header, description = "Standard Webhooks: seconds since the epoch, within 5 minutes of ours"),
        ("webhook-signature" = Option<String>, Header, description = "Standard Webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, several separated by spaces during a rotation"),
        ("X-Shopify-Hmac-Sha256" = Option<String>, Header, description = "For a Shopify source instead: Shopify's signature of the body"),
    ),
    request_body(content = Object, content_type = "application/json", description = "The source's payload: the generic stock-level shape (`{\"levels\": [{\"location\", \"sku\", \"on_hand\"}]}`, field names mapped per source) or Shopify's `inventory_levels/update`"),
    responses(
        (status = 200, description = "Verified and applied (a repeated message counts as duplicates)", body = Applied),
        (status = 401, description = "The signature was refused; the detail says why (missing, malformed, stale, not matching)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No source of that name here", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 4 MiB"),
        (status = 422, description = "Named fields do not fit; nothing was applied", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[tracing::instrument(skip_all, fields(tenant))]
pub async fn receive(
    State(state): State<Arc<AppState>>,
    tc: Option<Extension<TenantCtx>>,
    Path(source): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let Some(Extension(tc)) = tc else {
        return Err(ApiError::NotFound);
    };
    tracing::Span::current().record("tenant", tc.tenant.slug.as_str());
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let signed = SignedHeaders {
        webhook_id: header("webhook-id"),
        webhook_timestamp: header("webhook-timestamp"),
        webhook_signature: header("webhook-signature"),
        shopify_hmac: header("x-shopify-hmac-sha256"),
        shopify_topic: header("x-shopify-topic"),
        shopify_webhook_id: header("x-shopify-webhook-id"),
    };
    let t = tc.tenant.id;
    let received = inbound::receive(
        &state.store,
        &state.events,
        &state.addresses,
        t,
        &source,
        &signed,
        &body,
    )
    .await;
    match received {
        Ok(applied) => {
            if applied.accepted > 0 {
                state.jobs_wake.notify_one();
            }
            metrics::counter!("shelfwise_webhooks_received_total", "tenant" => tc.tenant.slug.clone()).increment(1);
            let answer = Applied {
                accepted: applied.accepted,
                duplicates: applied.duplicates,
            };
            Ok((StatusCode::OK, Json(answer)).into_response())
        }
        Err(InboundError::NotFound) => Err(ApiError::NotFound),
        Err(InboundError::Refused(why)) => Err(ApiError::SignatureRefused(why.to_string())),
        Err(InboundError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(InboundError::Store(e)) => Err(e.into()),
    }
}
