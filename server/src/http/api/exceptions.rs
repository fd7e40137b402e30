//! The exception queue, read-only (scope `read_inventory`): people assign, comment and
//! resolve in the portal.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use engine::query;
use engine::store::listing::ExceptionListRow;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cursor::{self, Cursor};
use super::inventory::{page, PageParams};
use super::openapi::{path_id, Params, Problem};
use super::Caller;
use crate::http::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Exception {
    pub id: i64,
    /// `no_cover`, `stockout`, `stale_approval`, `dead_job`, `receipt_mismatch` or
    /// `supplier_late`.
    pub kind: String,
    /// `low`, `medium`, `high` or `critical`.
    pub severity: String,
    /// What it is about, e.g. `transfer:12`.
    pub subject: String,
    pub title: String,
    pub detail: String,
    /// `open` or `resolved`.
    pub state: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
}

impl From<ExceptionListRow> for Exception {
    fn from(r: ExceptionListRow) -> Exception {
        Exception {
            id: r.id,
            kind: r.kind,
            severity: r.severity,
            subject: r.subject,
            title: r.title,
            detail: r.detail,
            state: r.state,
            created_at: r.created_at,
            updated_at: r.updated_at,
            resolved_at: r.resolved_at,
            resolution: r.resolution,
        }
    }
}

page!(ExceptionPage, Exception);

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query; the handler reads it with `Params`
pub struct ExceptionFilter {
    /// `open` or `resolved`.
    state: Option<String>,
    /// Only this kind.
    kind: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/exceptions",
    tag = "exceptions",
    params(ExceptionFilter, PageParams),
    responses(
        (status = 200, description = "Exceptions, newest first", body = ExceptionPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "state or kind is not one of the allowed values", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn list(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ExceptionPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["state", "kind", "cursor", "limit"])?;
    let before = cursor::id(q.cursor()?, "exceptions")?;
    let page = query::exceptions(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("state", 16)?,
        q.text("kind", 32)?,
        before,
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Id(r.id).encode("exceptions"));
    Ok(Json(ExceptionPage {
        data: page.rows.into_iter().map(Exception::from).collect(),
        next_cursor: next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/exceptions/{id}",
    tag = "exceptions",
    params(("id" = i64, Path, description = "The exception's id")),
    responses(
        (status = 200, description = "The exception", body = Exception),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such exception in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn one(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Exception>, ApiError> {
    let id = path_id(&id)?;
    let row = query::exception(&state.store, caller.tenant, &caller.member, id).await?;
    Ok(Json(row.into()))
}
