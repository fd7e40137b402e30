//! Server functions of the shoppers' pages (no sign-in: a product is public, a signed
//! link is the permission) and of the admin's back-in-stock page.

use leptos::prelude::*;

use crate::views::*;

/// A product's "notify me" page.
#[server(endpoint = "notify")]
pub async fn get_notify(sku: String) -> Result<NotifyView, ServerFnError> {
    crate::ssr::shopper::notify(sku).await
}

/// Where a confirmation link stands (reading it confirms nothing).
#[server(endpoint = "alert_confirmation")]
pub async fn get_alert_confirmation(token: String) -> Result<ConfirmView, ServerFnError> {
    crate::ssr::shopper::confirmation(token).await
}

/// A shopper's alerts, from a link in one of their e-mails.
#[server(endpoint = "alerts")]
pub async fn get_alerts(token: String) -> Result<AlertsView, ServerFnError> {
    crate::ssr::shopper::alerts(token).await
}

/// The tenant admin's back-in-stock settings and waiting lists.
#[server(endpoint = "back_in_stock")]
pub async fn get_back_in_stock() -> Result<BackInStockView, ServerFnError> {
    crate::ssr::shopper::admin().await
}
