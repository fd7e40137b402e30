//! Shoppers' pages: a product's "notify me" page (works without JavaScript), the page a
//! confirmation link opens, and the page where a shopper manages or erases their alerts
//! (opened from any of their e-mails). No sign-in: a product is public and a signed
//! link is the permission.

mod alerts;
mod notify;

pub use alerts::{AlertsPage, ConfirmAlertPage};
pub use notify::NotifyPage;
