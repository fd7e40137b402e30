//! The server-side half of the portal: what server functions do once they run. Each
//! area module authorises the caller (`context::require`), loads from the engine's
//! store, and fills the `views` types; `context` holds the request's tenant and
//! session, `error` the answer when something fails, `format` how figures read.
//! The server crate provides [`ServerCtx`] and puts a [`TenantCtx`] in every request's
//! extensions before the portal sees it.

pub mod account;
pub mod approvals;
pub mod context;
pub mod documents;
pub mod error;
pub mod exceptions;
pub mod format;
pub mod imports;
pub mod integrations;
pub mod inventory;
pub mod jobs;
pub mod order_changes;
pub mod portal;
pub mod settings;
pub mod shopper;
pub mod supplier;

pub use context::{
    auth_key, pending_key, recovery_codes_key, shell_head, signed_in_member, ServerCtx,
    SessionAuth, ShellHead, TenantCtx, ABSOLUTE_TIMEOUT_MS,
};
pub use integrations::{ShownKey, NEW_API_KEY, NEW_WEBHOOK_SECRET};
