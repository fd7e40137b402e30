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

/// The page's language as far as it is known now (English before the portal has
/// loaded): for what shows while a page loads, and for pages that do not wait for it.
pub(crate) fn lang_now() -> i18n::Lang {
    use_context::<crate::PortalResource>()
        .and_then(|portal| {
            portal
                .try_with_untracked(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.lang))
                .flatten()
        })
        .unwrap_or_default()
}

/// "Loading…" in the page's language, for a `<Suspense>` fallback.
pub(crate) fn loading() -> impl IntoView {
    view! { <p class="muted">{i18n::t(lang_now(), "people-loading")}</p> }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = lang_now();
    view! {
        <section class="card narrow">
            <h1>{i18n::t(lang, "people-not-found-heading")}</h1>
            <p>{i18n::t(lang, "people-not-found-text")}</p>
        </section>
    }
}
