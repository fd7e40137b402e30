//! Server functions of the supplier's pages: the order a signed link opens, the signed-in
//! supplier user's orders, an invitation, and the admin's page of supplier access.

use leptos::prelude::*;

use crate::views::*;

/// The order the link's `token` opens; no sign-in (the link is the permission).
#[server(endpoint = "supplier_order")]
pub async fn get_supplier_order(token: String) -> Result<SupplierOrderView, ServerFnError> {
    crate::ssr::supplier::order(token).await
}

/// An order sent to the signed-in supplier user's organisation.
#[server(endpoint = "my_supplier_order")]
pub async fn get_my_supplier_order(id: i64) -> Result<SupplierOrderView, ServerFnError> {
    crate::ssr::supplier::my_order(id).await
}

/// The signed-in supplier user's orders: `state` "" for all, `before` an order id for
/// older ones.
#[server(endpoint = "my_supplier_orders")]
pub async fn get_my_supplier_orders(
    state: String,
    before: Option<i64>,
) -> Result<SupplierOrders, ServerFnError> {
    crate::ssr::supplier::my_orders(state, before).await
}

/// The invitation the link's `token` opens; no sign-in.
#[server(endpoint = "invite")]
pub async fn get_invite(token: String) -> Result<InviteView, ServerFnError> {
    crate::ssr::supplier::invite(token).await
}

/// Who has supplier access (tenant admins).
#[server(endpoint = "supplier_access")]
pub async fn get_supplier_access() -> Result<SupplierAccessView, ServerFnError> {
    crate::ssr::supplier::access().await
}

/// Supplier scorecards: every supplier's (`own` false, staff) or the signed-in
/// supplier user's own.
#[server(endpoint = "scorecards")]
pub async fn get_scorecards(own: bool) -> Result<Scorecards, ServerFnError> {
    crate::ssr::supplier::scorecards(own).await
}
