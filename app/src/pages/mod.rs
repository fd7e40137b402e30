//! One module per page.

mod approvals;
mod documents;
mod exceptions;
mod home;
mod inventory;
mod jobs;
mod login;
mod policies;
mod settings;

pub use approvals::ApprovalsPage;
pub use documents::{DocumentPage, DocumentsPage};
pub use exceptions::ExceptionsPage;
pub use home::HomePage;
pub use inventory::InventoryPage;
pub use jobs::JobsPage;
pub use login::LoginPage;
pub use policies::PoliciesPage;
pub use settings::ApprovalSettingsPage;

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
