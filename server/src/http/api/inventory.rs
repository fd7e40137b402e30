//! Stock positions and the catalogue (products, locations, suppliers): keyset pages,
//! scope `read_inventory`.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::{Extension, Json};
use engine::query;
use engine::store::listing::PositionKeyset;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cursor::{self, Cursor};
use super::openapi::{Params, Problem};
use super::Caller;
use crate::http::error::ApiError;
use crate::state::AppState;

/// A product at a location: what is there, coming, and the levels replenishment uses.
#[derive(Serialize, ToSchema)]
pub struct Position {
    pub sku: String,
    pub product_name: String,
    pub class: String,
    /// The location's code.
    pub location: String,
    pub location_name: String,
    pub on_hand: i64,
    pub in_transit: i64,
    pub on_order: i64,
    pub reorder_point: i64,
    pub order_up_to: i64,
    /// Where the two levels came from: `seed`, `event`, `policy`, `override` or `kept`.
    pub levels_source: String,
    /// At or below its reorder point.
    pub low: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Product {
    pub sku: String,
    pub name: String,
    pub class: String,
    /// Minor units of the tenant's currency.
    pub cost_minor: i64,
    pub price_minor: i64,
    /// The usual supplier's code.
    pub supplier: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Location {
    pub code: String,
    pub name: String,
    /// `dc` or `store`.
    pub kind: String,
    pub region: String,
    pub address: String,
}

#[derive(Serialize, ToSchema)]
pub struct Supplier {
    pub code: String,
    pub name: String,
    /// Where orders are sent.
    pub email: String,
    pub lead_time_days: i64,
}

macro_rules! page {
    ($name:ident, $item:ty) => {
        /// One page; `next_cursor` is absent on the last.
        #[derive(Serialize, ToSchema)]
        pub struct $name {
            pub data: Vec<$item>,
            #[serde(skip_serializing_if = "Option::is_none")]
            #[schema(nullable = false)]
            pub next_cursor: Option<String>,
        }
    };
}
pub(crate) use page;

page!(PositionPage, Position);
page!(ProductPage, Product);
page!(LocationPage, Location);
page!(SupplierPage, Supplier);

/// Page parameters every list takes.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query; handlers read it with `Params`
pub struct PageParams {
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Rows per page, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PositionFilter {
    /// Only this location (by code).
    location: Option<String>,
    /// Only this SKU.
    sku: Option<String>,
    /// Only positions at or below their reorder point.
    low: Option<bool>,
}

#[utoipa::path(
    get,
    path = "/api/v1/positions",
    tag = "inventory",
    params(PositionFilter, PageParams),
    responses(
        (status = 200, description = "Positions by SKU, then location", body = PositionPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn positions(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PositionPage>, ApiError> {
    let q = Params::read(
        raw.as_deref(),
        &["location", "sku", "low", "cursor", "limit"],
    )?;
    let after = cursor::position(q.cursor()?)?;
    let keys = PositionKeyset {
        location_code: q.text("location", 64)?,
        sku: q.text("sku", 64)?,
        low_only: q.flag("low")?,
        after: after.as_ref().map(|(s, l)| (s.as_str(), *l)),
    };
    let page = query::positions(
        &state.store,
        caller.tenant,
        &caller.member,
        &keys,
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Position(r.sku.clone(), r.location_id).encode("positions"));
    Ok(Json(PositionPage {
        data: page
            .rows
            .into_iter()
            .map(|r| Position {
                sku: r.sku,
                product_name: r.product_name,
                class: r.class,
                location: r.location_code,
                location_name: r.location_name,
                on_hand: r.on_hand,
                in_transit: r.in_transit,
                on_order: r.on_order,
                reorder_point: r.reorder_point,
                order_up_to: r.order_up_to,
                levels_source: r.levels_source,
                low: r.low,
            })
            .collect(),
        next_cursor: next,
    }))
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ProductFilter {
    /// Only this product class.
    class: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/products",
    tag = "inventory",
    params(ProductFilter, PageParams),
    responses(
        (status = 200, description = "Products by SKU", body = ProductPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn products(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ProductPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["class", "cursor", "limit"])?;
    let after = cursor::code(q.cursor()?, "products")?;
    let page = query::products(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("class", 64)?,
        after.as_deref(),
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Code(r.sku.clone()).encode("products"));
    Ok(Json(ProductPage {
        data: page
            .rows
            .into_iter()
            .map(|r| Product {
                sku: r.sku,
                name: r.name,
                class: r.class,
                cost_minor: r.cost_minor,
                price_minor: r.price_minor,
                supplier: r.supplier_code,
            })
            .collect(),
        next_cursor: next,
    }))
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct LocationFilter {
    /// `dc` or `store`.
    kind: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/locations",
    tag = "inventory",
    params(LocationFilter, PageParams),
    responses(
        (status = 200, description = "Locations by code", body = LocationPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "kind is neither dc nor store", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn locations(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<LocationPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["kind", "cursor", "limit"])?;
    let after = cursor::code(q.cursor()?, "locations")?;
    let page = query::locations(
        &state.store,
        caller.tenant,
        &caller.member,
        q.text("kind", 16)?,
        after.as_deref(),
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Code(r.code.clone()).encode("locations"));
    Ok(Json(LocationPage {
        data: page
            .rows
            .into_iter()
            .map(|r| Location {
                code: r.code,
                name: r.name,
                kind: r.kind,
                region: r.region,
                address: r.address,
            })
            .collect(),
        next_cursor: next,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/suppliers",
    tag = "inventory",
    params(PageParams),
    responses(
        (status = 200, description = "Suppliers by code", body = SupplierPage),
        (status = 400, description = "A parameter is malformed (the detail names it)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No working key of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The key lacks read_inventory", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The key's budget for this minute is spent", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = ["read_inventory"]))
)]
pub async fn suppliers(
    State(state): State<Arc<AppState>>,
    Extension(caller): Extension<Caller>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SupplierPage>, ApiError> {
    let q = Params::read(raw.as_deref(), &["cursor", "limit"])?;
    let after = cursor::code(q.cursor()?, "suppliers")?;
    let page = query::suppliers(
        &state.store,
        caller.tenant,
        &caller.member,
        after.as_deref(),
        q.limit()?,
    )
    .await?;
    let next = page
        .more
        .then(|| page.rows.last())
        .flatten()
        .map(|r| Cursor::Code(r.code.clone()).encode("suppliers"));
    Ok(Json(SupplierPage {
        data: page
            .rows
            .into_iter()
            .map(|r| Supplier {
                code: r.code,
                name: r.name,
                email: r.email,
                lead_time_days: r.lead_time_days,
            })
            .collect(),
        next_cursor: next,
    }))
}
