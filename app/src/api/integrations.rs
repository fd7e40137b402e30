//! Server functions of the integrations page.

use leptos::prelude::*;

use crate::views::*;

/// The tenant's API keys (and a key just made, once).
#[server(endpoint = "integrations")]
pub async fn get_integrations() -> Result<IntegrationsView, ServerFnError> {
    crate::ssr::integrations::page().await
}
