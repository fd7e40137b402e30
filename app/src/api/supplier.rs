//! Server functions of the supplier's pages: the order a signed link opens.

use leptos::prelude::*;

use crate::views::*;

/// The order the link's `token` opens; no sign-in (the link is the permission).
#[server(endpoint = "supplier_order")]
pub async fn get_supplier_order(token: String) -> Result<SupplierOrderView, ServerFnError> {
    crate::ssr::supplier::order(token).await
}
