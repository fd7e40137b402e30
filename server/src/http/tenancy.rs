//! Resolves the tenant of every request once: from `/t/<slug>/…` on the platform's own
//! host, or else from the host alone (a custom domain, or a subdomain of the base
//! domain). The result goes into the request extensions as [`TenantCtx`]; an address
//! that names no tenant gets a neutral 404, except the platform's own address, which
//! shows a neutral landing page (linking the demo portals when `shelfwise demo` runs).
//! On a tenant's host, `/t/<other>/…` and another tenant's theme assets are not found:
//! one host, one tenant.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use engine::model::Tenant;
use engine::Store;
use i18n::Lang;

use crate::state::AppState;
use crate::tenant_cache::TenantCache;

/// Paths served the same for every tenant (or for none).
fn is_global(path: &str) -> bool {
    matches!(
        path,
        "/healthz"
            | "/readyz"
            | "/metrics"
            | "/api/v1/openapi.json"
            | "/api/v1/reference"
            | TLS_ASK_PATH
    ) || path.starts_with("/pkg/")
}

/// The tenant a host alone names: a custom domain, or `<slug>.<base_domain>`.
async fn tenant_of_host(state: &AppState, host: &str) -> Result<Option<Tenant>, sqlx::Error> {
    let by_domain = state
        .tenant_cache
        .get(format!("domain:{host}"), state.store.tenant_by_domain(host))
        .await?;
    if by_domain.is_some() {
        return Ok(by_domain);
    }
    match host.strip_suffix(&format!(".{}", state.settings.base_domain)) {
        Some(slug) if !slug.contains('.') => by_slug(&state.tenant_cache, &state.store, slug).await,
        _ => Ok(None),
    }
}

async fn by_slug(
    cache: &TenantCache,
    store: &Store,
    slug: &str,
) -> Result<Option<Tenant>, sqlx::Error> {
    cache
        .get(format!("slug:{slug}"), store.tenant_by_slug(slug))
        .await
}

/// The host of the request without port, lower-cased.
fn request_host(req: &Request) -> Option<String> {
    let raw = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host())?;
    let host = match raw.rfind(':') {
        Some(i) if !raw.ends_with(']') => &raw[..i],
        _ => raw,
    };
    // `stock.example.com.` is the same name as `stock.example.com`.
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// Where a TLS-terminating proxy asks whether to get a certificate for a hostname (the
/// on-demand certificate pattern; see docs/DOMAINS.md).
pub const TLS_ASK_PATH: &str = "/internal/tls/allowed";

#[derive(serde::Deserialize)]
pub struct TlsAsk {
    #[serde(default)]
    domain: String,
}

/// `GET /internal/tls/allowed?domain=<host>`: 200 when the host is served here (one of
/// the platform's hosts, a tenant's verified custom domain, or `<slug>.<base_domain>`
/// of an existing tenant), 404 otherwise, so a proxy never asks a certificate authority
/// for a name nobody configured. The answer says only what DNS says anyway.
pub async fn tls_allowed(
    State(state): State<Arc<AppState>>,
    axum::extract::Query(ask): axum::extract::Query<TlsAsk>,
) -> Response {
    let host = ask.domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let plausible = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if !plausible {
        return (StatusCode::BAD_REQUEST, "domain: give a host name").into_response();
    }
    if state.settings.platform_hosts.contains(&host) {
        return (StatusCode::OK, "ok").into_response();
    }
    match tenant_of_host(&state, &host).await {
        Ok(Some(_)) => (StatusCode::OK, "ok").into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "not served here").into_response(),
        Err(e) => unavailable(e, Lang::En),
    }
}

/// The language a browser asks for (`Accept-Language`), for pages with no tenant;
/// English when it asks for none of ours.
pub fn accept_language(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default()
}

/// The platform's own address: no brand and no tenant named, except the demo's portals.
fn landing_page(demo_portals: &[(String, String)], lang: Lang) -> Response {
    let demo = if demo_portals.is_empty() {
        String::new()
    } else {
        let links: String = demo_portals
            .iter()
            .map(|(name, slug)| {
                format!(
                    "<li><a href=\"/t/{}\">{}</a></li>",
                    html_escape(slug),
                    html_escape(name)
                )
            })
            .collect();
        format!(
            "<h2>{}</h2><ul>{links}</ul><p>{}</p>",
            html_escape(&i18n::t(lang, "site-landing-demo-heading")),
            html_escape(&i18n::t(lang, "site-landing-demo-sign-ins")),
        )
    };
    let title = html_escape(&i18n::t(lang, "site-landing-title"));
    let intro = html_escape(&i18n::t(lang, "site-landing-intro"));
    let code = lang.code();
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        Html(format!("<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5\"><main><h1>{title}</h1><p>{intro}</p>{demo}</main></body></html>")),
    )
        .into_response()
}

/// The neutral 404, in English (where the reader's language is known, use
/// [`not_found_page_in`]).
pub fn not_found_page() -> Response {
    not_found_page_in(Lang::En)
}

/// The neutral 404 in `lang`.
pub fn not_found_page_in(lang: Lang) -> Response {
    let title = html_escape(&i18n::t(lang, "site-not-found-title"));
    let text = html_escape(&i18n::t(lang, "site-not-found-text"));
    let code = lang.code();
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        Html(format!("<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\"><h1>{title}</h1><p>{text}</p></body></html>")),
    )
        .into_response()
}

pub async fn resolve(State(state): State<Arc<AppState>>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if is_global(&path) {
        return next.run(req).await;
    }
    let host = request_host(&req).unwrap_or_default();
    // The language of the pages that name no tenant (the landing page, the 404).
    let browser_lang = accept_language(req.headers());
    let on_platform = state.settings.platform_hosts.contains(&host);
    if on_platform && path == "/" {
        return landing_page(&state.settings.demo_portals, browser_lang);
    }
    if let Some(rest) = path.strip_prefix("/theme-assets/") {
        // Brand assets are public, but a tenant's host serves its own theme only.
        if on_platform {
            return next.run(req).await;
        }
        let theme = rest.split('/').next().unwrap_or("");
        return match tenant_of_host(&state, &host).await {
            Ok(Some(t)) if t.theme == theme && t.suspended_at.is_none() => next.run(req).await,
            Ok(_) => not_found_page_in(browser_lang),
            Err(e) => unavailable(e, browser_lang),
        };
    }
    let resolved = if !on_platform {
        // A tenant's host means that tenant alone; its path never names another.
        if path.starts_with("/t/") {
            Ok(None)
        } else {
            tenant_of_host(&state, &host).await.map(|t| {
                t.map(|tenant| TenantCtx {
                    tenant,
                    base: String::new(),
                    host: host.clone(),
                    lang: Default::default(),
                })
            })
        }
    } else if let Some(rest) = path.strip_prefix("/t/") {
        let (slug, tail) = rest
            .split_once('/')
            .map(|(s, t)| (s, format!("/{t}")))
            .unwrap_or((rest, "/".to_string()));
        match by_slug(&state.tenant_cache, &state.store, slug).await {
            Ok(Some(tenant)) if tail == "/" && path.ends_with('/') => {
                // The path-form home page is /t/<slug>; send the slash form there.
                let to = match req.uri().query() {
                    Some(q) => format!("/t/{}?{q}", tenant.slug),
                    None => format!("/t/{}", tenant.slug),
                };
                return axum::response::Redirect::permanent(&to).into_response();
            }
            Ok(Some(tenant)) => {
                // Server functions and the REST API live at one path for every tenant.
                if tail.starts_with("/api/") {
                    let pq = match req.uri().query() {
                        Some(q) => format!("{tail}?{q}"),
                        None => tail.clone(),
                    };
                    if let Ok(uri) = pq.parse::<Uri>() {
                        *req.uri_mut() = uri;
                    }
                }
                Ok(Some(TenantCtx {
                    base: format!("/t/{}", tenant.slug),
                    tenant,
                    host: host.clone(),
                    lang: Default::default(),
                }))
            }
            other => other.map(|_| None),
        }
    } else {
        Ok(None)
    };
    match resolved {
        Ok(Some(ctx)) if ctx.tenant.suspended_at.is_some() => {
            let lang = super::language::default_lang(&ctx.tenant, req.headers());
            suspended_page(&ctx, &path, lang)
        }
        Ok(Some(mut ctx)) => {
            tracing::Span::current().record("tenant", ctx.tenant.slug.as_str());
            // Until a signed-in person's own choice says otherwise (`language::resolve`).
            ctx.lang = super::language::default_lang(&ctx.tenant, req.headers());
            // The tenant's own theme for its current version (loaded once per version).
            if let Err(e) = engine::branding::load(&state.store, &state.themes, &ctx.tenant).await {
                return unavailable(e, ctx.lang);
            }
            req.extensions_mut().insert(ctx);
            next.run(req).await
        }
        Ok(None) => not_found_page_in(browser_lang),
        Err(e) => unavailable(e, browser_lang),
    }
}

/// What every page and API call of a suspended tenant answers: 503, in the tenant's
/// name only (no platform or partner is named), as a problem document for the API.
fn suspended_page(ctx: &TenantCtx, path: &str, lang: Lang) -> Response {
    let api = path.starts_with("/api/") || path.starts_with(&format!("{}/api/", ctx.base));
    if api {
        let body = serde_json::json!({
            "type": "about:blank",
            "title": "Suspended",
            "status": 503,
            "detail": "This portal is suspended, and so is its API. Nothing is lost: it works again when it is resumed.",
        });
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [
                (header::CONTENT_TYPE, "application/problem+json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body.to_string(),
        )
            .into_response();
    }
    let name = ctx.tenant.name.as_str();
    let say = |id: &str| html_escape(&i18n::t_args(lang, id, &[("name", name.into())]));
    let (title, heading, text, more) = (
        say("site-suspended-title"),
        html_escape(&i18n::t(lang, "site-suspended-heading")),
        say("site-suspended-text"),
        html_escape(&i18n::t(lang, "site-suspended-more")),
    );
    let code = lang.code();
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CACHE_CONTROL, "no-store")],
        Html(format!("<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\"><h1>{heading}</h1><p>{text}</p><p>{more}</p></body></html>")),
    )
        .into_response()
}

/// Text made safe for HTML text and double-quoted attributes.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn unavailable(e: sqlx::Error, lang: Lang) -> Response {
    tracing::error!(error = %e, "tenant lookup failed");
    Response::builder()
        .status(StatusCode::SERVICE_UNAVAILABLE)
        .body(Body::from(i18n::t(lang, "site-unavailable")))
        .expect("static response")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_paths_need_no_tenant() {
        for p in ["/healthz", "/readyz", "/metrics", "/pkg/portal.js"] {
            assert!(is_global(p), "{p}");
        }
        for p in [
            "/",
            "/login",
            "/healthzz",
            "/api/v1/events",
            "/t/acme/",
            "/theme-assets/x/logo.svg",
        ] {
            assert!(!is_global(p), "{p}");
        }
    }

    #[test]
    fn host_drops_the_port() {
        let req = Request::builder()
            .uri("/")
            .header("host", "Grocer.LocalHost:3000")
            .body(Body::empty())
            .unwrap();
        assert_eq!(request_host(&req).as_deref(), Some("grocer.localhost"));
        let req = Request::builder()
            .uri("/")
            .header("host", "[::1]")
            .body(Body::empty())
            .unwrap();
        assert_eq!(request_host(&req).as_deref(), Some("[::1]"));
    }
}
