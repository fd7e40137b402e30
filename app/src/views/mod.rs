//! The data the portal's pages show, as it crosses from server to browser: one module
//! per area, every type plain and serialisable. Server functions (`api`) return these;
//! the server-side code that fills them is in `ssr`.

mod account;
mod approvals;
mod documents;
mod exceptions;
mod imports;
mod integrations;
mod inventory;
mod jobs;
mod portal;
mod settings;
mod shopper;
mod supplier;

pub use account::*;
pub use approvals::*;
pub use documents::*;
pub use exceptions::*;
pub use imports::*;
pub use integrations::*;
pub use inventory::*;
pub use jobs::*;
pub use portal::*;
pub use settings::*;
pub use shopper::*;
pub use supplier::*;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A label and a value, shown as a row of facts.
pub type Fact = (String, String);
