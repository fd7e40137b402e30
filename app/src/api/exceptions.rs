//! Server functions of the exceptions area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "exceptions")]
pub async fn get_exceptions(
    resolved: bool,
    by_severity: bool,
) -> Result<ExceptionsView, ServerFnError> {
    crate::ssr::exceptions::exceptions(resolved, by_severity).await
}
