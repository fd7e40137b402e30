//! The inventory page and the home page's headline figures.

use serde::{Deserialize, Serialize};

use super::Choice;

/// The inventory page's filters, as they appear in its URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InventoryQuery {
    pub q: Option<String>,
    pub loc: Option<String>,
    pub class: Option<String>,
    pub low: bool,
    pub page: u32,
}

pub const PER_PAGE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InventoryRow {
    pub sku: String,
    pub product_name: String,
    pub class: String,
    pub location_code: String,
    pub location_name: String,
    pub on_hand: i64,
    pub in_transit: i64,
    pub on_order: i64,
    pub reorder_point: i64,
    pub order_up_to: i64,
    /// Where the two levels came from, in words ("class policy", "set here", …).
    pub levels_source: String,
    /// The levels were set for this position alone (a planner may hand it back).
    pub overridden: bool,
    pub low: bool,
    /// Shoppers waiting for it here (confirmed back-in-stock alerts).
    pub waiting: i64,
    /// The position's demand forecast, once one has been made.
    pub forecast: Option<ForecastCell>,
    pub location_id: i64,
    pub product_id: i64,
}

/// A position's forecast as the inventory page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastCell {
    /// Units expected over the next 7 days, rounded.
    pub week: i64,
    /// The 80 % interval of that, in words ("28–41").
    pub range: String,
    /// The method and its error ("ETS · MASE 0.81"), or why it fell back.
    pub detail: String,
    /// It fell back (too little history, no sales).
    pub fallback: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InventoryView {
    pub rows: Vec<InventoryRow>,
    /// Planners and admins may set one position's own levels.
    pub can_edit_levels: bool,
    pub page: u32,
    pub has_next: bool,
    pub locations: Vec<Choice>,
    pub classes: Vec<String>,
}

/// Headline figures for the home page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub locations: usize,
    pub products: i64,
    pub low_positions: i64,
    /// True when there are at least `low_positions` (the count stops there).
    pub low_capped: bool,
}
