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

pub(crate) fn internal(e: engine::sqlx::Error) -> ServerFnError {
    tracing::error!(error = %e, "store call failed");
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    ServerFnError::new("something went wrong on our side; please try again")
}
