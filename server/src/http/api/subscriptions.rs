//! Back-in-stock subscriptions (scope `manage_subscriptions`): list them (never the
//! shopper's address) and end one. Shoppers subscribe through the hosted page, the
//! widget or `POST /api/v1/public/subscriptions` (double opt-in).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::{Extension, Json};
use engine::model::now_ms;
use engine::query;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cursor::{self, Cursor};
use super::inventory::{page, PageParams};
use super::openapi::{path_id, Params, Problem};
use super::Caller;
use crate::http::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Subscription {
    pub id: i64,
    pub sku: String,
    /// The location's code.
    pub location: String,
    /// `pending` (not confirmed yet), `confirmed`, `notified` or `unsubscribed`.
    pub state: String,
    /// `page` or `widget`.
    pub source: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub notified_at: Option<i64>,
}

page!(SubscriptionPage, Subscription);

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query; the handler reads it with `Params`
pub struct SubscriptionFilter {
    /// Only subscriptions in this state.
    state: Option<String>,
    /// Only this SKU.
    sku: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/subscriptions",
    tag = "subscriptions",
    params(SubscriptionFilter, PageParams),
    responses(
        (status = 200, description = "Subscriptions, newest first", body = SubscriptionPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks manage_subscriptions", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "state is not a subscription state", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["manage_subscriptions"]))
)]
pub async fn list(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SubscriptionPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["state", "sku", "cursor", "limit"])?;
    let before = cursor::id(q.cursor()?, "subscriptions")?;
    let page = query::subscriptions(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("state", 16)?,
        q.text("sku", 64)?,
        before,
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Id(r.id).encode("subscriptions"));
    Ok(Json(SubscriptionPage {
        data: page
            .rows
            .into_iter()
            .map(|r| Subscription {
                id: r.id,
                sku: r.sku,
                location: r.location,
                state: r.state,
                source: r.source,
                created_at: r.created_at,
                confirmed_at: r.confirmed_at,
                notified_at: r.notified_at,
            })
            .collect(),
        next_cursor: next,
    }))
}

/// What ending a subscription did.
#[derive(Serialize, ToSchema)]
pub struct Ended {
    /// True when it ended now; false when it had already ended (nothing changed).
    pub ended: bool,
}

#[utoipa::path(
    delete,
    path = "/api/v1/subscriptions/{id}",
    tag = "subscriptions",
    params(("id" = i64, Path, description = "The subscription's id")),
    responses(
        (status = 200, description = "The subscription has ended (idempotent)", body = Ended),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks manage_subscriptions", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["manage_subscriptions"]))
)]
pub async fn end(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Ended>, ApiError> {
    let id = path_id(&id)?;
    let rid = super::request_id(&headers);
    let ended = engine::back_in_stock::end_subscription(
        &state.store,
        caller.tenant,
        &caller.member,
        id,
        rid.as_deref(),
        now_ms(),
    )
    .await?;
    Ok(Json(Ended { ended }))
}
