//! Cross-site request forgery protection for every state-changing request that a browser
//! could send with the session cookie: the request must come from this very origin, as
//! the browser states it in `Sec-Fetch-Site` or, for older browsers, `Origin`. The same
//! rule as Go's `net/http.CrossOriginProtection`; the REST API, authenticated by bearer
//! keys rather than cookies, is exempt.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether `origin` (scheme://host[:port]) names the host this request was sent to.
fn same_origin(origin: &str, host: &str) -> bool {
    origin
        .split_once("://")
        .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
}

/// RFC 8058's one-click unsubscribe: a mail provider posts it from anywhere, with no
/// cookie (the signed link is its only authority, so there is nothing to forge).
fn one_click_unsubscribe(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let at = if segments.get(1) == Some(&"t") { 3 } else { 1 };
    segments.len() == at + 3 && segments[at] == "alerts" && segments[at + 2] == "unsubscribe"
}

pub fn allowed(req: &Request) -> bool {
    let path = req.uri().path();
    if is_safe(req.method()) || path.starts_with("/api/v1/") || one_click_unsubscribe(path) {
        return true;
    }
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin" || site == "none";
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => same_origin(origin, host),
        None => false,
    }
}

pub async fn protect(req: Request, next: Next) -> Response {
    if allowed(&req) {
        next.run(req).await
    } else {
        // In the tenant's language (set by the tenancy layer), else the browser's.
        let lang = crate::http::forms::request_lang(req.extensions(), req.headers());
        (
            StatusCode::FORBIDDEN,
            i18n::t(lang, "site-cross-site-refused"),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn post(headers: &[(&str, &str)], path: &str) -> Request {
        let mut b = Request::builder()
            .method("POST")
            .uri(path)
            .header("host", "acme.localhost:3000");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn same_origin_passes_and_cross_site_is_refused() {
        assert!(allowed(&post(
            &[("sec-fetch-site", "same-origin")],
            "/login"
        )));
        assert!(allowed(&post(
            &[("origin", "http://acme.localhost:3000")],
            "/login"
        )));
        assert!(!allowed(&post(
            &[("sec-fetch-site", "cross-site")],
            "/login"
        )));
        // Another tenant on a sibling subdomain is same-site, not same-origin.
        assert!(!allowed(&post(
            &[("sec-fetch-site", "same-site")],
            "/login"
        )));
        assert!(!allowed(&post(
            &[("origin", "http://evil.localhost:3000")],
            "/login"
        )));
        assert!(!allowed(&post(&[], "/logout")));
        assert!(allowed(&post(&[], "/api/v1/events")));
        let get = Request::builder()
            .uri("/inventory")
            .body(Body::empty())
            .unwrap();
        assert!(allowed(&get));
    }
}
