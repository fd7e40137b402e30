//! The REST API v1 for integrations: one module per resource, each handler thin (it
//! reads the request, calls one engine function as the key's principal, and shapes the
//! answer). The OpenAPI 3.1 document is generated from these handlers ([`openapi`]) and
//! served with a readable reference page ([`reference`]).
//!
//! Every route of [`routes`] (all of `/api/v1/` but the document, its page, the public
//! shopper endpoints and signed webhooks) goes through [`authenticate`]: the bearer key must be the tenant's and
//! working; the request acts as [`engine::model::Member::for_api_key`] holding what the
//! key's scopes grant, so the engine's own permission check is the gate; each key has a
//! per-minute budget ([`crate::rate_limit::RateLimiter`]) announced in `RateLimit-Policy` / `RateLimit`
//! headers, and over it the answer is 429 with `Retry-After`. Lists are keyset pages
//! ([`cursor`]); errors are `application/problem+json` ([`super::error`]).
//!
//! | module | owns |
//! |---|---|
//! | [`events`] | `POST /api/v1/events` |
//! | [`inventory`] | positions, products, locations, suppliers |
//! | [`documents`] | transfers and purchase orders, and their commands |
//! | [`exceptions`] | the exception queue, read-only |
//! | [`subscriptions`] | back-in-stock subscriptions |
//! | [`imports`] | CSV imports (check, report, apply) and exports |
//! | [`cursor`] | opaque page cursors |
//! | [`idempotent`] | `Idempotency-Key` for every POST |
//! | [`openapi`], [`reference`] | the document and its page |

pub mod cursor;
pub mod documents;
pub mod events;
pub mod exceptions;
pub mod idempotent;
pub mod imports;
pub mod inventory;
pub mod openapi;
pub mod reference;
pub mod subscriptions;

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Extension, Router};
use engine::api_keys::{self, KeyScope};
use engine::model::{Member, TenantId};
use engine::EngineError;

use super::error::ApiError;
use crate::rate_limit::Budget;
use crate::state::{AppState, RouterState};

/// Who is calling: the tenant, the key and the principal the engine checks.
#[derive(Clone, Debug)]
pub struct Caller {
    pub tenant: TenantId,
    pub tenant_slug: String,
    pub key_id: i64,
    pub scopes: Vec<KeyScope>,
    pub member: Member,
}

/// The `Authorization: Bearer <key>` value, if any.
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The REST API's routes (authenticated by [`authenticate`]).
pub(crate) fn routes() -> Router<RouterState> {
    Router::new()
        .route(
            "/api/v1/events",
            post(events::post_events)
                .layer(axum::extract::DefaultBodyLimit::max(events::MAX_BODY_BYTES)),
        )
        .route("/api/v1/positions", get(inventory::positions))
        .route("/api/v1/products", get(inventory::products))
        .route("/api/v1/locations", get(inventory::locations))
        .route("/api/v1/suppliers", get(inventory::suppliers))
        .route("/api/v1/transfers", get(documents::transfers))
        .route("/api/v1/transfers/{id}", get(documents::transfer))
        .route(
            "/api/v1/transfers/{id}/{command}",
            post(documents::command_transfer),
        )
        .route("/api/v1/purchase-orders", get(documents::purchase_orders))
        .route(
            "/api/v1/purchase-orders/{id}",
            get(documents::purchase_order),
        )
        .route(
            "/api/v1/purchase-orders/{id}/{command}",
            post(documents::command_purchase_order),
        )
        .route("/api/v1/exceptions", get(exceptions::list))
        .route("/api/v1/exceptions/{id}", get(exceptions::one))
        .route("/api/v1/subscriptions", get(subscriptions::list))
        .route("/api/v1/subscriptions/{id}", delete(subscriptions::end))
        .route(
            "/api/v1/imports",
            post(imports::upload).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/api/v1/imports/{id}", get(imports::one))
        .route("/api/v1/imports/{id}/apply", post(imports::apply))
        .route("/api/v1/exports/{kind}", get(imports::export))
}

/// Authenticates the key, applies the rate limit, and puts the [`Caller`] into the
/// request; the answer carries the rate-limit headers whatever it is.
pub(crate) async fn authenticate(
    State(state): State<Arc<AppState>>,
    tc: Option<Extension<TenantCtx>>,
    mut req: Request,
    next: Next,
) -> Response {
    let Some(Extension(tc)) = tc else {
        return ApiError::NotFound.into_response();
    };
    tracing::Span::current().record("tenant", tc.tenant.slug.as_str());
    let Some(key) = bearer(req.headers()) else {
        return ApiError::Unauthorized.into_response();
    };
    let (key_id, scopes) = match api_keys::principal(&state.store, tc.tenant.id, key).await {
        Ok(Some(found)) => found,
        Ok(None) => return ApiError::Unauthorized.into_response(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let budget = state
        .api_limiter
        .take(key_id, engine::model::now_ms() / 1000);
    if !budget.allowed {
        let mut res = ApiError::RateLimited(budget.reset_secs).into_response();
        announce(&budget, res.headers_mut(), state.api_limiter.per_minute);
        return res;
    }
    req.extensions_mut().insert(Caller {
        tenant: tc.tenant.id,
        tenant_slug: tc.tenant.slug.clone(),
        key_id,
        member: api_keys::member_for(key_id, &scopes),
        scopes,
    });
    let mut res = next.run(req).await;
    announce(&budget, res.headers_mut(), state.api_limiter.per_minute);
    res
}

/// The request's id (the server's own), for the audit trail.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The refusal of a key without `scope`.
fn lacks(scope: KeyScope) -> ApiError {
    ApiError::Forbidden(format!(
        "this key lacks the scope {}: ask the tenant's admin for a key with it",
        scope.as_str()
    ))
}

impl Caller {
    /// `Ok` when the key holds `scope` (for what the engine does not check itself:
    /// writing events).
    pub fn require(&self, scope: KeyScope) -> Result<(), ApiError> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(lacks(scope))
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        match e {
            EngineError::NotFound => ApiError::NoSuch,
            EngineError::Forbidden(p) => match KeyScope::granting(p) {
                Some(scope) => lacks(scope),
                None => {
                    ApiError::Forbidden("no API key may do this: it is done in the portal".into())
                }
            },
            // The REST API speaks English.
            EngineError::Invalid(detail) => ApiError::Unprocessable(detail.into()),
            e
            @ (EngineError::Transition(_) | EngineError::NotPending | EngineError::Refused(_)) => {
                ApiError::Conflict(e.to_string())
            }
            EngineError::Fenced => ApiError::Internal("fenced outside a job".into()),
            EngineError::Store(e) => ApiError::Internal(e.to_string()),
        }
    }
}

/// `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers), and
/// `Retry-After` when the request was refused.
fn announce(budget: &Budget, headers: &mut HeaderMap, per_minute: u32) {
    let policy = format!("\"per-key\";q={per_minute};w=60");
    let now = format!("\"per-key\";r={};t={}", budget.remaining, budget.reset_secs);
    for (name, value) in [("ratelimit-policy", policy), ("ratelimit", now)] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
    if !budget.allowed {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(budget.reset_secs));
    }
}
