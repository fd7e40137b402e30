//! The shopper-facing endpoints that are not pages: the embeddable widget's script, the
//! public availability and subscribe API it calls from a shop's page, and the RFC 8058
//! one-click unsubscribe a mail client posts. None of them reads or sets a cookie.
//!
//! Cross-origin use is limited to the tenant's allow-list of shop origins
//! (`allowed_origins` in its back-in-stock settings): the availability answer carries
//! `Access-Control-Allow-Origin` for those only, and a subscribe request must come from
//! one of them (or the tenant's own pages), whatever its content type, since a form
//! post needs no preflight.
//!
//! | route under the tenant | what |
//! |---|---|
//! | GET `/widget.js` | the widget (a script tag the shop pastes) |
//! | GET `/api/v1/public/availability?sku=` | availability by store (JSON) |
//! | POST `/api/v1/public/subscriptions` | subscribe (`email`, `sku`, `store`, `website`), form-encoded: a simple request, so no preflight (JSON is read too, which only the tenant's own pages can send cross-origin-free) |
//! | POST `/alerts/{token}/unsubscribe` | one-click unsubscribe (`List-Unsubscribe=One-Click`), or the preference page's buttons |

use std::net::SocketAddr;
use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use engine::back_in_stock::{self, Settings, Source, SubscribeRequest, Unsubscribe, TOO_MANY};
use engine::model::now_ms;
use engine::EngineError;
use serde::Deserialize;
use serde_json::json;

use crate::http::forms::{back_to, message_in, param, Params};
use crate::state::AppState;

/// The widget, served from the tenant's own host.
const WIDGET: &str = include_str!("../../assets/widget.js");

pub async fn widget_js() -> Response {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        SCRIPT
            .get_or_init(|| crate::http::language::widget_script(WIDGET))
            .as_str(),
    )
        .into_response()
}

fn origin(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
}

fn same_host(origin: &str, headers: &HeaderMap) -> bool {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
}

/// Adds the CORS answer for an allowed shop origin.
fn with_cors(mut res: Response, origin: Option<&str>, settings: &Settings) -> Response {
    let h = res.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(o) = origin.filter(|o| settings.allows_origin(o)) {
        if let Ok(v) = HeaderValue::from_str(o) {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        }
    }
    res
}

fn problem(status: StatusCode, detail: &str) -> Response {
    (status, Json(json!({ "error": detail }))).into_response()
}

/// What the widget shows of a product (documented for the OpenAPI document; the
/// handler answers `engine::back_in_stock::Availability`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PublicAvailability {
    sku: String,
    name: String,
    channels: Vec<PublicChannel>,
    /// The consent wording the form shows.
    consent: String,
}

/// A store (or the online shop) and whether the product is there, never the figures.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PublicChannel {
    code: String,
    name: String,
    /// `in_stock`, `few_left` (3 or fewer) or `out_of_stock`.
    status: String,
}

/// The one answer to an accepted subscribe request.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PublicMessage {
    message: String,
}

/// A refusal of the public endpoints: a sentence a shopper may read.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PublicError {
    error: String,
}

#[derive(Deserialize)]
pub struct AvailabilityQuery {
    #[serde(default)]
    sku: String,
    /// The language the widget shows (the shop page's), if the portal speaks it.
    #[serde(default)]
    lang: String,
}

/// The language a widget asked for (`lang`), else the request's.
fn widget_lang(asked: &str, tc: &TenantCtx) -> i18n::Lang {
    i18n::Lang::ALL
        .into_iter()
        .find(|l| l.code() == asked)
        .unwrap_or(tc.lang)
}

/// `GET /api/v1/public/availability?sku=…`: the product's name and, per store, whether
/// it is in stock (never the figures).
#[utoipa::path(
    get,
    path = "/api/v1/public/availability",
    tag = "shoppers",
    params(("sku" = String, Query, description = "The product's SKU")),
    responses(
        (status = 200, description = "The product and, per store, whether it is in stock (CORS for the tenant's allowed shop origins)", body = PublicAvailability),
        (status = 400, description = "The SKU is not acceptable", body = PublicError),
        (status = 404, description = "No product has that SKU here, or alerts are not offered", body = PublicError),
    ),
    security(())
)]
pub async fn availability(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    headers: HeaderMap,
    Query(q): Query<AvailabilityQuery>,
) -> Response {
    let (t, lang) = (tc.tenant.id, widget_lang(&q.lang, &tc));
    let settings = match Settings::load(&app.store, t).await {
        Ok(s) => s,
        Err(e) => return internal(e.into(), lang),
    };
    let res = match back_in_stock::availability(&app.store, t, &q.sku).await {
        Ok(a) => {
            // The consent wording in the shopper's language (the same version).
            let mut body = serde_json::to_value(&a).unwrap_or_default();
            body["consent"] = i18n::t(lang, "people-notify-consent").into();
            let mut r = Json(body).into_response();
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=10"),
            );
            // Without `lang` the wording follows the browser's languages.
            r.headers_mut()
                .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
            r
        }
        Err(EngineError::NotFound) => problem(
            StatusCode::NOT_FOUND,
            &i18n::t(lang, "site-widget-no-product"),
        ),
        Err(e @ EngineError::Invalid(_)) => problem(StatusCode::BAD_REQUEST, &e.text(lang)),
        Err(e) => internal(e, lang),
    };
    with_cors(res, origin(&headers), &settings)
}

fn internal(e: EngineError, lang: i18n::Lang) -> Response {
    problem(StatusCode::INTERNAL_SERVER_ERROR, &message_in(&e, lang))
}

/// The subscribe request's fields, as a form or JSON.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SubscribeBody {
    email: String,
    sku: String,
    store: String,
    /// The honeypot: a field people never see, so never fill.
    website: String,
    /// The language the widget showed (`en`, `de`, `nl`): the shopper's e-mails follow it.
    lang: String,
}

/// `POST /api/v1/public/subscriptions` from the widget.
#[utoipa::path(
    post,
    path = "/api/v1/public/subscriptions",
    tag = "shoppers",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "`email`, `sku`, `store`, and `website` (a honeypot: left empty); JSON with the same fields is read too"),
    responses(
        (status = 202, description = "The same answer whatever happened (a new alert, one already waiting, an address that cannot receive): the shopper is asked to confirm by e-mail", body = PublicMessage),
        (status = 400, description = "The request could not be read, or a field is not acceptable", body = PublicError),
        (status = 403, description = "The request comes from a shop this tenant does not allow", body = PublicError),
        (status = 404, description = "Back-in-stock alerts are not offered here", body = PublicError),
        (status = 429, description = "Too many requests from this address or for this e-mail: wait", body = PublicError),
    ),
    security(())
)]
pub async fn subscribe(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (t, lang) = (tc.tenant.id, tc.lang);
    let settings = match Settings::load(&app.store, t).await {
        Ok(s) => s,
        Err(e) => return internal(e.into(), lang),
    };
    let from = origin(&headers);
    let allowed = from.is_some_and(|o| settings.allows_origin(o) || same_host(o, &headers));
    if !allowed {
        return problem(
            StatusCode::FORBIDDEN,
            &i18n::t(lang, "site-widget-shop-not-allowed"),
        );
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    let parsed: Result<SubscribeBody, ()> = if json {
        serde_json::from_slice(&body).map_err(|_| ())
    } else {
        serde_html_form::from_bytes(&body).map_err(|_| ())
    };
    let Ok(b) = parsed else {
        // Unreadable: answered in the request's language.
        return with_cors(
            problem(
                StatusCode::BAD_REQUEST,
                &i18n::t(lang, "site-widget-unreadable"),
            ),
            from,
            &settings,
        );
    };
    let lang = widget_lang(&b.lang, &tc);
    let client = crate::http::auth::client_address(&app, peer, &headers);
    let req = SubscribeRequest {
        email: &b.email,
        sku: &b.sku,
        channel: &b.store,
        source: Source::Widget,
        client: &client,
        honeypot: &b.website,
        lang: Some(lang),
    };
    let res = match back_in_stock::subscribe(&app.store, &app.addresses, t, &req, now_ms()).await {
        Ok(()) => (
            StatusCode::ACCEPTED,
            Json(json!({ "message": i18n::t(lang, "site-subscribe-answer") })),
        )
            .into_response(),
        Err(EngineError::NotFound) => problem(
            StatusCode::NOT_FOUND,
            &i18n::t(lang, "site-widget-not-offered"),
        ),
        Err(e @ EngineError::Invalid(_)) => {
            // Which refusal it is, from its English text; said in the shopper's language.
            let status = if e.text(i18n::Lang::En).starts_with(TOO_MANY) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::BAD_REQUEST
            };
            problem(status, &e.text(lang))
        }
        Err(e) => internal(e, lang),
    };
    with_cors(res, from, &settings)
}

/// `POST /alerts/{token}/unsubscribe`: RFC 8058's one-click POST (body
/// `List-Unsubscribe=One-Click`, no cookie, answered 200 at once), or the preference
/// page's buttons (`scope=this|all`, answered by going back to the page).
pub async fn unsubscribe(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    Path(params): Path<Params>,
    body: Bytes,
) -> Response {
    let token = param(&params, "token").to_string();
    let form: Vec<(String, String)> = serde_html_form::from_bytes(&body).unwrap_or_default();
    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let one_click = field("List-Unsubscribe") == Some("One-Click");
    let which = if field("scope") == Some("all") {
        Unsubscribe::All
    } else {
        Unsubscribe::This
    };
    let done = back_in_stock::unsubscribe(&app.store, tc.tenant.id, &token, which, now_ms()).await;
    let page = format!("/alerts/{token}");
    let lang = tc.lang;
    match (done, one_click) {
        (Ok(_), true) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            i18n::t(lang, "site-unsubscribed"),
        )
            .into_response(),
        (Ok(_), false) => {
            let id = match which {
                Unsubscribe::This => "site-unsubscribed-this",
                Unsubscribe::All => "site-unsubscribed-all",
            };
            back_to(&tc, &page, "notice", &i18n::t(lang, id))
        }
        (Err(EngineError::NotFound), _) => crate::http::tenancy::not_found_page_in(lang),
        (Err(e), true) => internal(e, lang),
        (Err(e), false) => back_to(&tc, &page, "error", &message_in(&e, lang)),
    }
}
