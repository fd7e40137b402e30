//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes
//! and the types' `ToSchema` derives (so the document cannot drift from the code), with
//! the pieces every endpoint shares: the problem body, the query reader, the id reader.

use std::collections::HashMap;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::{documents, events, exceptions, imports, inventory, subscriptions};
use crate::http::error::ApiError;

/// An error, as RFC 9457 problem details (`application/problem+json`).
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status and title say what went wrong.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// A sentence naming what is wrong and what to do.
    pub detail: String,
    /// For invalid event batches: each bad field, by JSON Pointer into the body.
    #[schema(nullable = false)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    /// Where, e.g. `/events/3/quantity`.
    pub pointer: String,
    pub detail: String,
}

struct Security;

impl Modify for Security {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API key of the tenant, made by its admin under Integrations \
                         (`sw_…`). Each endpoint names the scope it needs.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Inventory replenishment REST API",
        version = "1",
        description = "Stock events in; positions, catalogue, documents, exceptions and \
            back-in-stock subscriptions out; document commands. Send requests to the \
            tenant's own address (or `/t/<slug>` on the platform's), with \
            `Authorization: Bearer <key>`. Lists are keyset pages: pass `next_cursor` as \
            `cursor` for the next page (absent on the last). Every answer carries \
            `RateLimit-Policy` and `RateLimit`; over the key's budget the answer is 429 \
            with `Retry-After`. Every POST takes an `Idempotency-Key` (document commands \
            require one); keys are kept at least 24 hours. Times are epoch milliseconds, \
            money is in minor units of the tenant's currency."
    ),
    paths(
        events::post_events,
        inventory::positions,
        inventory::products,
        inventory::locations,
        inventory::suppliers,
        documents::transfers,
        documents::transfer,
        documents::command_transfer,
        documents::purchase_orders,
        documents::purchase_order,
        documents::command_purchase_order,
        exceptions::list,
        exceptions::one,
        subscriptions::list,
        subscriptions::end,
        imports::upload,
        imports::one,
        imports::apply,
        imports::export,
        crate::http::webhooks::receive,
        crate::http::shoppers::availability,
        crate::http::shoppers::subscribe,
    ),
    components(schemas(Problem, FieldProblem)),
    modifiers(&Security),
    tags(
        (name = "events", description = "Stock events from tills, shops and warehouses"),
        (name = "inventory", description = "Stock positions and the catalogue"),
        (name = "documents", description = "Transfers and purchase orders"),
        (name = "exceptions", description = "What needs a person's attention"),
        (name = "subscriptions", description = "Shoppers' back-in-stock alerts"),
        (name = "shoppers", description = "The public endpoints the back-in-stock widget calls from a shop's page (no key; the tenant's allowed shop origins)"),
        (name = "imports", description = "CSV imports, checked before they are applied, and CSV exports"),
        (name = "webhooks", description = "Signed webhooks from the tenant's systems (no API key: the signature authenticates)"),
    )
)]
pub struct ApiDoc;

/// The document, built once.
pub fn document() -> &'static serde_json::Value {
    static DOC: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| serde_json::to_value(ApiDoc::openapi()).unwrap_or_default())
}

/// `GET /api/v1/openapi.json`.
pub async fn serve() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        document().to_string(),
    )
        .into_response()
}

/// A request's query string, read by name so that each bad value is refused with a
/// sentence naming its parameter (axum's own extractors answer in plain text).
pub struct Params(HashMap<String, String>);

impl Params {
    /// The query, refusing any parameter not in `allowed` (a typo never silently
    /// widens a list).
    pub fn read(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut map = HashMap::new();
        for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if !allowed.contains(&k.as_ref()) {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter '{}': this list takes {}",
                    k.chars().take(40).collect::<String>(),
                    allowed.join(", ")
                )));
            }
            if map.insert(k.to_string(), v.to_string()).is_some() {
                return Err(ApiError::BadRequest(format!("{k} is given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A text parameter, at most `max` characters.
    pub fn text(&self, name: &str, max: usize) -> Result<Option<&str>, ApiError> {
        match self.0.get(name).map(String::as_str) {
            Some(v) if v.chars().count() > max => Err(ApiError::BadRequest(format!(
                "{name} must be at most {max} characters"
            ))),
            Some("") => Ok(None),
            v => Ok(v),
        }
    }

    /// A whole-number parameter.
    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.0.get(name) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| {
                ApiError::BadRequest(format!(
                    "{name} must be a whole number, not '{}'",
                    v.chars().take(20).collect::<String>()
                ))
            }),
        }
    }

    /// `true` or `false` (absent: false).
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.0.get(name).map(String::as_str) {
            None | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(ApiError::BadRequest(format!(
                "{name} must be true or false"
            ))),
        }
    }

    /// The page size: 1–200, 50 when absent.
    pub fn limit(&self) -> Result<i64, ApiError> {
        engine::query::check_limit(self.int("limit")?)
            .map_err(|e| ApiError::BadRequest(e.to_string()))
    }

    pub fn cursor(&self) -> Result<Option<&str>, ApiError> {
        self.text("cursor", 2048)
    }
}

/// An id from the path: anything but a positive whole number is simply not found.
pub fn path_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(ApiError::NoSuch)
}
