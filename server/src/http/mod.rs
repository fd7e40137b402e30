//! HTTP: the router and everything that only makes sense over HTTP. One module per
//! area; the portal's pages and server functions come from the `app` crate.
//!
//! | module | owns |
//! |---|---|
//! | [`tenancy`] | the tenant of each request (host or `/t/<slug>`), the neutral 404 |
//! | [`csrf`] | same-origin checks on state-changing requests |
//! | [`auth`] | sign-in and sign-out |
//! | [`forms`] | the portal's form posts, one module per area, typed forms |
//! | [`api`] | the REST API v1 for integrations, its OpenAPI document and reference page |
//! | [`webhooks`] | `POST /api/v1/webhooks/{source}`: signed inbound webhooks |
//! | [`health`] | `/healthz`, `/readyz`, `/metrics` |
//! | [`error`] | `ApiError`: RFC 9457 problem details for the REST API |

pub mod api;
pub mod auth;
pub mod csrf;
pub mod error;
pub mod forms;
pub mod health;
pub mod language;
pub mod shoppers;
pub mod tenancy;
pub mod webhooks;

use std::sync::Arc;

use app::ssr::ServerCtx;
use app::{shell, App};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::services::ServeDir;
use tower_sessions::SessionManagerLayer;

use crate::observability;
use crate::sessions::DbSessionStore;
use crate::state::{AppState, RouterState};

/// The whole router: health and assets for every host, then the portal (REST API,
/// sign-in, form posts, Leptos pages and server functions) behind the session layer.
pub fn router(
    state: Arc<AppState>,
    leptos: LeptosOptions,
    ctx: ServerCtx,
    sessions: SessionManagerLayer<DbSessionStore>,
) -> Router {
    let routes = generate_route_list(App);
    let router_state = RouterState {
        app: state.clone(),
        leptos: leptos.clone(),
    };
    let pkg_dir = std::path::Path::new(&*leptos.site_root).join("pkg");
    let rest = api::routes().route_layer(middleware::from_fn_with_state(
        state.clone(),
        api::authenticate,
    ));
    let portal = rest
        .route(
            "/api/v1/webhooks/{source}",
            post(webhooks::receive).layer(DefaultBodyLimit::max(webhooks::MAX_BODY_BYTES)),
        )
        .route("/api/v1/public/availability", get(shoppers::availability))
        .route(
            "/api/v1/public/subscriptions",
            post(shoppers::subscribe).layer(DefaultBodyLimit::max(4096)),
        )
        .route("/login", post(auth::login))
        .route("/t/{tenant}/login", post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/t/{tenant}/logout", post(auth::logout));
    let portal = forms::routes(portal)
        .leptos_routes_with_context(
            &router_state,
            routes,
            move || provide_context(ctx.clone()),
            {
                let leptos = leptos.clone();
                move || shell(leptos.clone())
            },
        )
        .fallback(|| async { tenancy::not_found_page() })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            language::resolve,
        ))
        .layer(sessions)
        .with_state(router_state);
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/api/v1/openapi.json", get(api::openapi::serve))
        .route("/api/v1/reference", get(api::reference::serve))
        .route(tenancy::TLS_ASK_PATH, get(tenancy::tls_allowed))
        .nest_service("/pkg", ServeDir::new(pkg_dir))
        .nest_service("/theme-assets", ServeDir::new(&state.settings.themes_dir))
        .with_state(state)
        .merge(portal)
        .layer(middleware::from_fn(observability::track))
}

/// A request's path as the logs may keep it: the token of a supplier's order link
/// (`…/po/<token>…`), of an invitation (`…/invite/<token>`) or of a shopper's alert
/// (`…/alerts/<token>…`, `…/alerts/confirm/<token>`) is a credential, so it is replaced
/// by `…`.
pub fn logged_path(path: &str) -> std::borrow::Cow<'_, str> {
    // The segment after `po`, `invite`, `alerts`, `reset` or `act-as` right under the
    // portal's root (a password reset's link sets the account's password; an act-as
    // hand-over signs a partner's person in): `/po/…` or
    // `/t/<slug>/po/…` (a tenant may be called `po`).
    let segments: Vec<&str> = path.split('/').collect();
    let at = if segments.get(1) == Some(&"t") { 3 } else { 1 };
    match segments.get(at) {
        Some(&("po" | "invite" | "alerts" | "reset" | "act-as")) if segments.len() > at + 1 => {
            let mut masked = segments;
            // A shopper's confirmation link is `/alerts/confirm/<token>`.
            let token = if masked[at] == "alerts" && masked[at + 1] == "confirm" {
                at + 2
            } else {
                at + 1
            };
            if let Some(t) = masked.get_mut(token) {
                *t = "…";
            }
            std::borrow::Cow::Owned(masked.join("/"))
        }
        _ => std::borrow::Cow::Borrowed(path),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_token_never_reaches_the_logs() {
        assert_eq!(
            super::logged_path("/t/ff/po/12.abcdef/answer"),
            "/t/ff/po/…/answer"
        );
        assert_eq!(super::logged_path("/po/12.abcdef"), "/po/…");
        assert_eq!(
            super::logged_path("/t/ff/invite/3.abcdef"),
            "/t/ff/invite/…"
        );
        assert_eq!(super::logged_path("/inventory"), "/inventory");
        assert_eq!(super::logged_path("/t/ff/reset/9.abcdef"), "/t/ff/reset/…");
        assert_eq!(super::logged_path("/reset/9.abcdef"), "/reset/…");
        assert_eq!(
            super::logged_path("/t/rl/act-as/0123456789abcdef"),
            "/t/rl/act-as/…"
        );
        assert_eq!(super::logged_path("/act-as/0123456789abcdef"), "/act-as/…");
        assert_eq!(
            super::logged_path("/alerts/7.abcdef/unsubscribe"),
            "/alerts/…/unsubscribe"
        );
        assert_eq!(
            super::logged_path("/t/ff/alerts/confirm/7.abcdef"),
            "/t/ff/alerts/confirm/…"
        );
        assert_eq!(
            super::logged_path("/t/po/po/12.abcdef/answer"),
            "/t/po/po/…/answer"
        );
        assert_eq!(super::logged_path("/t/po/inventory"), "/t/po/inventory");
    }
}
