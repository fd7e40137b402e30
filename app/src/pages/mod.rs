//! The portal's pages, grouped by the audience they serve: `operator` for the
//! retailer's staff (planners, approvers, admins), `supplier` for the retailer's
//! suppliers, `shopper` for their shoppers (back-in-stock); sign-in and one's own
//! account are shared.

mod account;
mod login;
pub mod operator;
mod order_changes;
pub mod shopper;
pub mod supplier;

pub use account::{
    AccountPage, ForgotPage, RecoveryCodesPage, ResetPage, SecondStepPage, TwoFactorSetupPage,
};
pub use login::LoginPage;
pub use operator::{
    ApprovalSettingsPage, ApprovalsPage, BackInStockPage, DocumentPage, DocumentsPage,
    ExceptionsPage, HomePage, ImportPage, ImportsPage, IntegrationsPage, InventoryPage, JobsPage,
    MembersPage, PoliciesPage, SupplierAccessPage, WebhookDeliveriesPage,
};
pub use shopper::{AlertsPage, ConfirmAlertPage, NotifyPage};
pub use supplier::{
    InvitePage, OwnScorecardPage, ScorecardsPage, SupplierOrderPage, SupplierOrdersPage,
    SupplierPortalOrderPage,
};

pub(crate) use order_changes::OrderChangesCard;

use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address."</p>
        </section>
    }
}
