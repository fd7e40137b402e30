//! Transfers and purchase orders: newest-first pages and single documents (scope
//! `read_inventory`), and the commands an integration may give (scope
//! `manage_documents`): ship, receive or cancel a transfer; cancel or close an order.
//! Decisions stay with people in the approvals inbox: no key can approve.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::api_keys::KeyScope;
use engine::model::now_ms;
use engine::query::{self, OrderWithLines};
use engine::replenish;
use engine::store::listing::TransferListRow;
use engine::workflow::purchase_order::PoCommand;
use engine::workflow::transfer::TransferCommand;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cursor::{self, Cursor};
use super::inventory::{page, PageParams};
use super::openapi::{path_id, Params, Problem};
use super::{idempotent, request_id, Caller};
use crate::http::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Transfer {
    pub id: i64,
    pub sku: String,
    /// The donor location's code.
    pub from_location: String,
    pub to_location: String,
    /// The approved (or proposed) quantity.
    pub quantity: i64,
    pub shipped: i64,
    pub received: i64,
    pub unit_cost_minor: i64,
    /// `proposed`, `pending_approval`, `approved`, `rejected`, `shipped`, `received` or
    /// `cancelled`.
    pub state: String,
    /// Why it was proposed.
    pub reason: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<TransferListRow> for Transfer {
    fn from(r: TransferListRow) -> Transfer {
        Transfer {
            id: r.id,
            sku: r.sku,
            from_location: r.from_location,
            to_location: r.to_location,
            quantity: r.quantity,
            shipped: r.shipped,
            received: r.received,
            unit_cost_minor: r.unit_cost_minor,
            state: r.state,
            reason: r.reason,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PurchaseOrder {
    pub id: i64,
    /// The supplier's code.
    pub supplier: String,
    /// The receiving location's code.
    pub ship_to: String,
    /// The order's state, e.g. `sent`, `acknowledged`, `backordered`, `declined`.
    pub state: String,
    pub value_minor: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    /// When the supplier's acknowledgement is due.
    pub ack_due_at: Option<i64>,
    /// The supplier's answer: the delivery day it promised (UTC midnight, epoch ms).
    pub promised_on: Option<i64>,
    /// The delivery day both sides agreed.
    pub agreed_on: Option<i64>,
    /// The supplier's last note (a decline's reason).
    pub supplier_note: String,
    pub lines: Vec<PoLine>,
}

#[derive(Serialize, ToSchema)]
pub struct PoLine {
    pub sku: String,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub shipped: i64,
    pub received: i64,
    /// The line's own delivery day, when the supplier backordered it.
    pub promised_on: Option<i64>,
}

impl From<OrderWithLines> for PurchaseOrder {
    fn from(o: OrderWithLines) -> PurchaseOrder {
        let r = o.order;
        PurchaseOrder {
            id: r.id,
            supplier: r.supplier,
            ship_to: r.ship_to,
            state: r.state,
            value_minor: r.value_minor,
            created_at: r.created_at,
            updated_at: r.updated_at,
            sent_at: r.sent_at,
            ack_due_at: r.ack_due_at,
            promised_on: r.promised_on,
            agreed_on: r.agreed_on,
            supplier_note: r.supplier_note,
            lines: o
                .lines
                .into_iter()
                .map(|l| PoLine {
                    sku: l.sku,
                    quantity: l.quantity,
                    unit_cost_minor: l.unit_cost_minor,
                    shipped: l.shipped,
                    received: l.received,
                    promised_on: l.promised_on,
                })
                .collect(),
        }
    }
}

page!(TransferPage, Transfer);
page!(PurchaseOrderPage, PurchaseOrder);

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query; handlers read it with `Params`
pub struct TransferFilter {
    /// Only transfers in this state.
    state: Option<String>,
}

fn next_id(list: &str, more: bool, last: Option<i64>) -> Option<String> {
    more.then_some(last)
        .flatten()
        .map(|id| Cursor::Id(id).encode(list))
}

#[utoipa::path(
    get,
    path = "/api/v1/transfers",
    tag = "documents",
    params(TransferFilter, PageParams),
    responses(
        (status = 200, description = "Transfers, newest first", body = TransferPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "state is not a transfer state", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn transfers(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<TransferPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["state", "cursor", "limit"])?;
    let before = cursor::id(q.cursor()?, "transfers")?;
    let page = query::transfers(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("state", 32)?,
        before,
        q.limit()?,
    )
    .await?;
    let next = next_id("transfers", page.more, page.rows.last().map(|r| r.id));
    Ok(Json(TransferPage {
        data: page.rows.into_iter().map(Transfer::from).collect(),
        next_cursor: next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/transfers/{id}",
    tag = "documents",
    params(("id" = i64, Path, description = "The transfer's id")),
    responses(
        (status = 200, description = "The transfer", body = Transfer),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn transfer(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>, ApiError> {
    let id = path_id(&id)?;
    let row = query::transfer(&state.store, caller.tenant, &caller.member, id).await?;
    Ok(Json(row.into()))
}

/// The body of `ship` and `receive`.
#[derive(serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// Units shipped (1 or more, at most the approved quantity and what the donor has)
    /// or received (0 or more, at most what was shipped).
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub quantity: i64,
}

/// The most a command's body may hold.
const MAX_COMMAND_BYTES: usize = 16 * 1024;

/// A command's body, read up to its limit (413 past it); a body that is not empty must
/// be JSON (415).
async fn command_body(headers: &HeaderMap, body: Body) -> Result<axum::body::Bytes, ApiError> {
    let body = axum::body::to_bytes(body, MAX_COMMAND_BYTES)
        .await
        .map_err(|_| ApiError::TooLarge(MAX_COMMAND_BYTES))?;
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !body.is_empty() && !json {
        return Err(ApiError::UnsupportedMediaType);
    }
    Ok(body)
}

/// The JSON body of a command, or an error naming what is wrong with it.
fn quantity_of(body: &[u8]) -> Result<i64, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::Unprocessable(
            "send {\"quantity\": <units>} as the body".into(),
        ));
    }
    serde_json::from_slice::<Quantity>(body)
        .map(|q| q.quantity)
        .map_err(|e| {
            ApiError::Unprocessable(format!("the body must be {{\"quantity\": <units>}}: {e}"))
        })
}

#[utoipa::path(
    post,
    path = "/api/v1/transfers/{id}/{command}",
    tag = "documents",
    params(
        ("id" = i64, Path, description = "The transfer's id"),
        ("command" = String, Path, description = "`ship`, `receive` or `cancel`"),
        ("Idempotency-Key" = String, Header, description = "Required: 1–255 visible characters, new for each command"),
    ),
    request_body(content = Option<Quantity>, content_type = "application/json", description = "For ship and receive"),
    responses(
        (status = 200, description = "The transfer after the command", body = Transfer),
        (status = 400, description = "No or a malformed Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks manage_documents", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transfer or command", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A body was sent that is not application/json", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The transfer's state does not allow this now, or the first request with this key is still running", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The quantity is missing or out of bounds (the detail says which), or the key was used for another request", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["manage_documents"]))
)]
pub async fn command_transfer(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path((id, command)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    if !matches!(command.as_str(), "ship" | "receive" | "cancel") {
        return Err(ApiError::NoSuch);
    }
    // Refused before the Idempotency-Key is claimed, so a refusal is not kept for a day.
    caller.require(KeyScope::ManageDocuments)?;
    let body = command_body(&headers, body).await?;
    let rid = request_id(&headers);
    let who = caller.clone();
    idempotent::once(
        &state,
        &caller,
        &headers,
        uri.path(),
        body,
        true,
        move |state, body| async move {
            let cmd = match command.as_str() {
                "ship" => TransferCommand::Ship {
                    quantity: quantity_of(&body)?,
                },
                "receive" => TransferCommand::Receive {
                    quantity: quantity_of(&body)?,
                },
                _ => TransferCommand::Cancel,
            };
            let store = &state.store;
            replenish::transfer_command(
                store,
                who.tenant,
                &who.member,
                id,
                cmd,
                rid.as_deref(),
                now_ms(),
            )
            .await?;
            // A key that may command a document sees the document it commanded.
            let row = store
                .transfer_row(who.tenant, id)
                .await?
                .ok_or(ApiError::NoSuch)?;
            Ok(Json(Transfer::from(row)).into_response())
        },
    )
    .await
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct OrderFilter {
    /// Only orders in this state.
    state: Option<String>,
    /// Only orders to this supplier (by code).
    supplier: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/purchase-orders",
    tag = "documents",
    params(OrderFilter, PageParams),
    responses(
        (status = 200, description = "Purchase orders with their lines and the supplier's answer, newest first", body = PurchaseOrderPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "state is not an order state", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn purchase_orders(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PurchaseOrderPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["state", "supplier", "cursor", "limit"])?;
    let before = cursor::id(q.cursor()?, "purchase-orders")?;
    let page = query::purchase_orders(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("state", 32)?,
        q.text("supplier", 64)?,
        before,
        q.limit()?,
    )
    .await?;
    let next = next_id(
        "purchase-orders",
        page.more,
        page.rows.last().map(|r| r.order.id),
    );
    Ok(Json(PurchaseOrderPage {
        data: page.rows.into_iter().map(PurchaseOrder::from).collect(),
        next_cursor: next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/purchase-orders/{id}",
    tag = "documents",
    params(("id" = i64, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order, its lines and the supplier's answer", body = PurchaseOrder),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order in this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn purchase_order(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<PurchaseOrder>, ApiError> {
    let id = path_id(&id)?;
    let order = query::purchase_order(&state.store, caller.tenant, &caller.member, id).await?;
    Ok(Json(order.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/purchase-orders/{id}/{command}",
    tag = "documents",
    params(
        ("id" = i64, Path, description = "The order's id"),
        ("command" = String, Path, description = "`cancel` (the supplier is told if it has the order) or `close` (a partly received order whose rest is not coming)"),
        ("Idempotency-Key" = String, Header, description = "Required: 1–255 visible characters, new for each command"),
    ),
    responses(
        (status = 200, description = "The order after the command", body = PurchaseOrder),
        (status = 400, description = "No or a malformed Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks manage_documents", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order or command", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A body was sent that is not application/json", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The order's state does not allow this now, or the first request with this key is still running", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The Idempotency-Key was used for another request", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["manage_documents"]))
)]
pub async fn command_purchase_order(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    Path((id, command)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let id = path_id(&id)?;
    let cmd = match command.as_str() {
        "cancel" => PoCommand::Cancel,
        "close" => PoCommand::Close,
        _ => return Err(ApiError::NoSuch),
    };
    caller.require(KeyScope::ManageDocuments)?;
    let body = command_body(&headers, body).await?;
    let rid = request_id(&headers);
    let who = caller.clone();
    idempotent::once(
        &state,
        &caller,
        &headers,
        uri.path(),
        body,
        true,
        move |state, _| async move {
            let store = &state.store;
            replenish::po_command(
                store,
                who.tenant,
                &who.member,
                id,
                cmd,
                rid.as_deref(),
                now_ms(),
            )
            .await?;
            let order = store
                .purchase_order_row(who.tenant, id)
                .await?
                .ok_or(ApiError::NoSuch)?;
            let lines = store.po_line_rows(who.tenant, &[id]).await?;
            Ok(Json(PurchaseOrder::from(OrderWithLines { order, lines })).into_response())
        },
    )
    .await
}
