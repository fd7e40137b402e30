//! Server functions of the inventory area: each authorises and loads in `ssr`.

use leptos::prelude::*;

use crate::views::*;

#[server(endpoint = "inventory")]
pub async fn get_inventory(query: InventoryQuery) -> Result<InventoryView, ServerFnError> {
    crate::ssr::inventory::inventory(query).await
}

#[server(endpoint = "overview")]
pub async fn get_overview() -> Result<Overview, ServerFnError> {
    crate::ssr::inventory::overview().await
}
