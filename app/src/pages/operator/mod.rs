//! The retailer's staff pages: home, inventory, approvals, documents, exceptions, jobs,
//! policies, the approval matrix, supplier access and members. One module per page.

mod approvals;
mod back_in_stock;
mod documents;
mod exceptions;
mod home;
mod imports;
mod integrations;
mod inventory;
mod jobs;
mod members;
mod policies;
mod settings;
mod suppliers;
mod webhooks;

pub use approvals::ApprovalsPage;
pub use back_in_stock::BackInStockPage;
pub use documents::{DocumentPage, DocumentsPage};
pub use exceptions::ExceptionsPage;
pub use home::HomePage;
pub use imports::{ImportPage, ImportsPage};
pub use integrations::IntegrationsPage;
pub use inventory::InventoryPage;
pub use jobs::JobsPage;
pub use members::MembersPage;
pub use policies::PoliciesPage;
pub use settings::ApprovalSettingsPage;
pub use suppliers::SupplierAccessPage;
pub use webhooks::WebhookDeliveriesPage;
