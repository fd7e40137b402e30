//! Server functions and the data they exchange with the browser. Each one authorises
//! itself, calls the engine, and maps errors; nothing else happens here.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Branding and session facts every page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Portal {
    pub tenant_name: String,
    pub product_name: String,
    /// "" when the tenant came from the host, "/t/<slug>" when it came from the path.
    pub base: String,
    pub logo_url: Option<String>,
    pub powered_by: bool,
    pub user: Option<UserInfo>,
}

impl Portal {
    /// A portal URL: `/inventory` becomes `/t/<slug>/inventory` on a path-form tenant;
    /// the home page of a path-form tenant is `/t/<slug>` (no trailing slash).
    pub fn href(&self, path: &str) -> String {
        if path == "/" && !self.base.is_empty() {
            self.base.clone()
        } else {
            format!("{}{}", self.base, path)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserInfo {
    pub name: String,
    pub email: String,
    pub roles: Vec<String>,
}

#[server(endpoint = "portal")]
pub async fn get_portal() -> Result<Portal, ServerFnError> {
    crate::ssr::portal().await
}

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
    pub low: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InventoryView {
    pub rows: Vec<InventoryRow>,
    pub page: u32,
    pub has_next: bool,
    pub locations: Vec<Choice>,
    pub classes: Vec<String>,
}

#[server(endpoint = "inventory")]
pub async fn get_inventory(query: InventoryQuery) -> Result<InventoryView, ServerFnError> {
    crate::ssr::inventory(query).await
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

#[server(endpoint = "overview")]
pub async fn get_overview() -> Result<Overview, ServerFnError> {
    crate::ssr::overview().await
}
