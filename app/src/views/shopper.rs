//! What shoppers' pages (and the admin's back-in-stock page) show.

use serde::{Deserialize, Serialize};

/// A store (or the online shop) and whether it has the product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelStatus {
    pub code: String,
    pub name: String,
    /// `in_stock`, `few_left` or `out_of_stock`.
    pub status: String,
    pub label: String,
}

/// The hosted "notify me" page of one product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotifyView {
    pub sku: String,
    pub name: String,
    pub channels: Vec<ChannelStatus>,
    pub consent: String,
}

/// A confirmation link's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfirmView {
    pub product: String,
    pub place: String,
    /// The token of the shopper's own page.
    pub manage: String,
    /// `pending`, `expired`, `confirmed` or `over`.
    pub state: String,
}

/// One of a shopper's alerts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertRow {
    pub product: String,
    pub place: String,
    pub state: String,
    pub open: bool,
    pub asked_on: String,
}

/// A shopper's preference page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertsView {
    pub address: String,
    pub alerts: Vec<AlertRow>,
}

/// One channel's waiting list, for the admin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitlistView {
    pub sku: String,
    pub product: String,
    pub place: String,
    pub on_hand: i64,
    pub pending: i64,
    pub waiting: i64,
    pub notified: i64,
    pub purchased: i64,
    /// `40 %`, or "—" before anyone was notified.
    pub conversion: String,
}

/// The admin's back-in-stock page: the settings as the form shows them, and the lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackInStockView {
    pub enabled: bool,
    pub wave_percent: i64,
    pub wave_minutes: i64,
    pub sends_per_minute: i64,
    pub substitute_hours: i64,
    pub substitutes: String,
    pub allowed_origins: String,
    pub online_location: String,
    pub demand_weight_percent: i64,
    pub shop_url: String,
    pub widget_snippet: String,
    pub waitlists: Vec<WaitlistView>,
}
