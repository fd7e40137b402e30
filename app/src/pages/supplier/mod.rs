//! Pages for a retailer's suppliers: the order a signed link opens (no sign-in), the
//! signed-in supplier user's orders and one order, the invitation that brings a
//! supplier's person in, and the supplier scorecards (its own; every supplier's for
//! the retailer's staff).

mod invite;
mod order;
mod orders;
mod scorecard;

pub use invite::InvitePage;
pub use order::{SupplierOrderPage, SupplierPortalOrderPage};
pub use orders::SupplierOrdersPage;
pub use scorecard::{OwnScorecardPage, ScorecardsPage};
