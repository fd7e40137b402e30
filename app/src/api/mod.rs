//! Server functions: the portal's endpoints, one module per area. Every one is public
//! (anyone can call it), so each authorises the caller itself in `ssr` before it loads
//! anything; nothing else happens here.

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
