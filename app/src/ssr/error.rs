//! How server functions answer when something fails: the HTTP status of the call, and
//! internal errors logged once here and shown as a sentence that names no cause (see
//! the rule in `engine::error`).

use http::request::Parts;
use leptos::prelude::*;

/// Sets the HTTP status of a server-function call. While a page renders, the page itself
/// decides its answer (a sign-in redirect, say), so the status is left alone.
pub(crate) fn set_status(status: http::StatusCode) {
    let is_call = use_context::<Parts>().is_some_and(|p| p.uri.path().starts_with("/api/"));
    if let (true, Some(res)) = (is_call, use_context::<leptos_axum::ResponseOptions>()) {
        res.set_status(status);
    }
}

/// Nothing with that id in this tenant (another tenant's ids look exactly the same):
/// a 404, for a server-function call and for a page being rendered alike.
pub(crate) fn not_found() -> ServerFnError {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    ServerFnError::new(i18n::t(super::context::request_lang(), "ui-not-found"))
}

/// A failed store call: logged here, answered with the generic sentence and a 500.
pub(crate) fn internal(e: engine::sqlx::Error) -> ServerFnError {
    internal_engine(engine::EngineError::Store(e))
}

/// An engine error: internal ones are logged here and answered with the generic
/// sentence and a 500; the others are the person's to read.
pub(crate) fn internal_engine(e: engine::EngineError) -> ServerFnError {
    if e.is_internal() {
        tracing::error!(error = %e, "server function failed");
        set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    ServerFnError::new(e.text(super::context::request_lang()))
}

/// An engine error of a signed-in page: not found is the neutral 404, a refusal 403,
/// the rest as [`internal_engine`].
pub(crate) fn engine_failure(e: engine::EngineError) -> ServerFnError {
    match e {
        engine::EngineError::NotFound => not_found(),
        engine::EngineError::Forbidden(_) => {
            set_status(http::StatusCode::FORBIDDEN);
            ServerFnError::new(e.text(super::context::request_lang()))
        }
        e => internal_engine(e),
    }
}
