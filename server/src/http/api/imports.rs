//! CSV imports (scope `import_data`) and exports (scope `read_inventory`): upload a
//! file, follow its check, read the report of what would change and each problem by row
//! and column, then apply it, all or nothing. See `engine::imports`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::api_keys::KeyScope;
use engine::imports::export::{self, ExportKind};
use engine::imports::{self, ImportKind, Report};
use engine::model::now_ms;
use engine::store::imports::ImportRecord;
use serde::Serialize;
use utoipa::ToSchema;

use super::openapi::{path_id, Params, Problem};
use super::{idempotent, Caller};
use crate::http::error::ApiError;
use crate::state::AppState;

/// An import: where its check and apply are, and the check's report once done.
#[derive(Serialize, ToSchema)]
pub struct Import {
    pub id: i64,
    /// `products`, `locations`, `suppliers`, `stock_counts` or `policies`.
    pub kind: String,
    /// `checking` → `checked` (no problem: may be applied) or `invalid`; `applying` →
    /// `applied`, or `failed` (nothing applied; `report.failure` says why).
    pub state: String,
    pub file_name: String,
    /// Data rows in the file.
    pub rows_total: i64,
    /// Rows checked so far.
    pub rows_done: i64,
    pub created_at: i64,
    pub applied_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub report: Option<ImportReport>,
}

/// What the check found.
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    pub total: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Each problem (the first 500), by row (the header is row 1) and column.
    pub errors: Vec<ImportProblem>,
    pub more_errors: usize,
    /// The first 200 rows that would change, field by field.
    pub changes: Vec<ImportChange>,
    pub more_changes: usize,
    /// After a failed apply: why nothing was applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub failure: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ImportProblem {
    pub row: usize,
    /// Empty when the problem is the whole row.
    pub column: String,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct ImportChange {
    pub row: usize,
    pub key: String,
    /// `new` or `change`.
    pub action: String,
    /// `field: old → new`.
    pub fields: Vec<String>,
}

fn shaped(rec: ImportRecord, report: Option<Report>) -> Import {
    Import {
        id: rec.id,
        kind: rec.kind,
        state: rec.state,
        file_name: rec.file_name,
        rows_total: rec.rows_total,
        rows_done: rec.rows_done,
        created_at: rec.created_at,
        applied_at: rec.applied_at,
        report: report.map(|r| ImportReport {
            total: r.total,
            new: r.new,
            changed: r.changed,
            unchanged: r.unchanged,
            errors: r
                .errors
                .into_iter()
                .map(|e| ImportProblem {
                    row: e.row,
                    column: e.column,
                    message: e.message,
                })
                .collect(),
            more_errors: r.more_errors,
            changes: r
                .changes
                .into_iter()
                .map(|c| ImportChange {
                    row: c.row,
                    key: c.key,
                    action: c.action,
                    fields: c.fields,
                })
                .collect(),
            more_changes: r.more_changes,
            failure: r.failure,
        }),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/imports",
    tag = "imports",
    params(
        ("kind" = String, Query, description = "`products`, `locations`, `suppliers`, `stock_counts` or `policies` (policies need a person: no key scope grants them)"),
        ("name" = Option<String>, Query, description = "The file's name, to recognise it later"),
        ("Idempotency-Key" = Option<String>, Header, description = "Optional: makes a retry safe"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The file: a first line naming the columns, then one row per line (UTF-8, at most 16 MB, 100,000 rows)"),
    responses(
        (status = 202, description = "Stored; the check runs in the background (follow it at /api/v1/imports/{id})", body = Import),
        (status = 400, description = "kind is missing or unknown, or the Idempotency-Key is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks import_data", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still running", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is over 16 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not text/csv", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file is empty or not UTF-8 text (or the Idempotency-Key was used for another request)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["import_data"]))
)]
pub async fn upload(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let q = Params::read(raw.as_deref(), &["kind", "name"])?;
    let kind = q
        .text("kind", 32)?
        .and_then(ImportKind::parse)
        .ok_or_else(|| {
            ApiError::BadRequest(
                "kind must be one of products, locations, suppliers, stock_counts, policies".into(),
            )
        })?;
    let name = q.text("name", 120)?.unwrap_or("").to_string();
    caller.require(KeyScope::ImportData)?;
    let is_csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("text/csv"));
    if !is_csv {
        return Err(ApiError::UnsupportedMediaType);
    }
    let body = axum::body::to_bytes(body, imports::MAX_BYTES)
        .await
        .map_err(|_| ApiError::TooLarge(imports::MAX_BYTES))?;
    let who = caller.clone();
    // The request is its kind and name as well as its body.
    let path = format!("/api/v1/imports?kind={}&name={name}", kind.as_str());
    idempotent::once(
        &state,
        &caller,
        &headers,
        &path,
        body,
        false,
        move |state, body| async move {
            let store = &state.store;
            let id = imports::start(store, who.tenant, &who.member, kind, &name, &body, now_ms())
                .await?;
            state.imports_wake.notify_one();
            let (rec, report) = imports::import(store, who.tenant, &who.member, id).await?;
            Ok((StatusCode::ACCEPTED, Json(shaped(rec, report))).into_response())
        },
    )
    .await
}

#[utoipa::path(
    get,
    path = "/api/v1/imports/{id}",
    tag = "imports",
    params(("id" = i64, Path, description = "The import's id")),
    responses(
        (status = 200, description = "The import, its progress, and its report once checked", body = Import),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks import_data", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such import in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["import_data"]))
)]
pub async fn one(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Import>, ApiError> {
    let id = path_id(&id)?;
    let (rec, report) = imports::import(&state.store, caller.tenant, &caller.member, id).await?;
    Ok(Json(shaped(rec, report)))
}

#[utoipa::path(
    post,
    path = "/api/v1/imports/{id}/apply",
    tag = "imports",
    params(
        ("id" = i64, Path, description = "The import's id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Optional: makes a retry safe"),
    ),
    responses(
        (status = 202, description = "Applying in the background: every row or none (follow it at /api/v1/imports/{id})", body = Import),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks import_data (or the file holds policies)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such import in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still running", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The import cannot be applied now: still checking, has problems, or already applied (the detail says which)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["import_data"]))
)]
pub async fn apply(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    caller.require(KeyScope::ImportData)?;
    let rid = super::request_id(&headers);
    let who = caller.clone();
    let path = format!("/api/v1/imports/{id}/apply");
    idempotent::once(
        &state,
        &caller,
        &headers,
        &path,
        Default::default(),
        false,
        move |state, _| async move {
            let store = &state.store;
            imports::apply(store, who.tenant, &who.member, id, rid.as_deref(), now_ms()).await?;
            state.imports_wake.notify_one();
            let (rec, report) = imports::import(store, who.tenant, &who.member, id).await?;
            Ok((StatusCode::ACCEPTED, Json(shaped(rec, report))).into_response())
        },
    )
    .await
}

#[utoipa::path(
    get,
    path = "/api/v1/exports/{kind}",
    tag = "imports",
    params(("kind" = String, Path, description = "`products`, `locations`, `suppliers`, `stock_counts`, `policies` (each in its import's shape), `positions`, `transfers` or `purchase_orders`")),
    responses(
        (status = 200, description = "The CSV file", body = String, content_type = "text/csv"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such export", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn export(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
) -> Result<Response, ApiError> {
    let kind = ExportKind::parse(&kind).ok_or(ApiError::NoSuch)?;
    let text = export::export(&state.store, caller.tenant, &caller.member, kind).await?;
    Ok(csv_download(&caller.tenant_slug, kind, text))
}

/// A CSV file as a download named after the tenant and what it holds.
pub fn csv_download(slug: &str, kind: ExportKind, text: String) -> Response {
    let name = format!("{slug}-{}.csv", kind.as_str());
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        text,
    )
        .into_response()
}
