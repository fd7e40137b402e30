//! Server functions of the integrations page.

use leptos::prelude::*;

use crate::views::*;

/// The tenant's API keys (and a key just made, once).
#[server(endpoint = "integrations")]
pub async fn get_integrations() -> Result<IntegrationsView, ServerFnError> {
    crate::ssr::integrations::page().await
}

/// One page of an endpoint's webhook delivery log, older than delivery `before`.
#[server(endpoint = "webhook_deliveries")]
pub async fn get_webhook_deliveries(
    endpoint: i64,
    before: Option<i64>,
) -> Result<DeliveriesView, ServerFnError> {
    crate::ssr::integrations::deliveries_page(endpoint, before).await
}
