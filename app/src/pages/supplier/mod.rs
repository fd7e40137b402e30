//! Pages for a retailer's suppliers: the order a signed link opens (no sign-in), the
//! signed-in supplier user's orders and one order, and the invitation that brings a
//! supplier's person in.

mod invite;
mod order;
mod orders;

pub use invite::InvitePage;
pub use order::{SupplierOrderPage, SupplierPortalOrderPage};
pub use orders::SupplierOrdersPage;
