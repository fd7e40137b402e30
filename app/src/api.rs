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

/// A label and a value, shown as a row of facts.
pub type Fact = (String, String);

/// One document waiting in the approvals inbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxItem {
    pub doc_type: String,
    pub doc_id: i64,
    pub title: String,
    pub href: String,
    /// e.g. "Step 1 of 2 · approver".
    pub step: String,
    pub rule: Option<String>,
    pub waiting: String,
    pub overdue: bool,
    pub escalated: bool,
    pub value: String,
    pub reason: String,
    pub facts: Vec<Fact>,
    pub snapshot: Vec<Fact>,
    /// The viewer requested or changed it, so cannot decide it.
    pub own: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inbox {
    pub items: Vec<InboxItem>,
    /// Pending items the viewer's roles do not cover (shown as a count).
    pub others: usize,
    pub away: Away,
}

/// The viewer's stand-ins while away: the delegations they gave that are current or to
/// come, and the choices for a new one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Away {
    pub given: Vec<DelegationView>,
    /// Roles the viewer may hand over.
    pub roles: Vec<Choice>,
    /// Members who may stand in.
    pub people: Vec<Choice>,
    /// Today (UTC), the earliest first day.
    pub today: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelegationView {
    pub id: i64,
    pub to_name: String,
    pub role: String,
    /// First and last day (UTC), inclusive.
    pub first_day: String,
    pub last_day: String,
    pub active: bool,
}

#[server(endpoint = "inbox")]
pub async fn get_inbox() -> Result<Inbox, ServerFnError> {
    crate::ssr::inbox().await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub label: String,
    pub state: String,
    pub decided: String,
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub change: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub doc_type: String,
    pub id: i64,
    pub title: String,
    pub state: String,
    pub reason: String,
    pub facts: Vec<Fact>,
    /// Purchase order lines: product, quantity, cost, reason.
    pub lines: Vec<Vec<String>>,
    pub steps: Vec<StepView>,
    pub audit: Vec<AuditView>,
    pub quantity: i64,
    pub shipped: i64,
    /// Commands the viewer may give now: "ship", "receive", "edit", "cancel".
    pub commands: Vec<String>,
    pub pending_decision: bool,
}

#[server(endpoint = "document")]
pub async fn get_document(doc_type: String, id: i64) -> Result<DocumentView, ServerFnError> {
    crate::ssr::document(doc_type, id).await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocRow {
    pub href: String,
    pub title: String,
    pub state: String,
    pub value: String,
    pub updated: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Documents {
    pub transfers: Vec<DocRow>,
    pub orders: Vec<DocRow>,
}

#[server(endpoint = "documents")]
pub async fn get_documents() -> Result<Documents, ServerFnError> {
    crate::ssr::documents().await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExceptionRow {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    pub priority: i64,
    pub title: String,
    pub detail: String,
    pub owner: Option<String>,
    pub age: String,
    pub escalated: bool,
    pub href: Option<String>,
    pub comments: Vec<Fact>,
    pub resolution: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExceptionsView {
    pub rows: Vec<ExceptionRow>,
    pub assignees: Vec<Choice>,
    pub resolved: bool,
    pub can_act: bool,
}

#[server(endpoint = "exceptions")]
pub async fn get_exceptions(resolved: bool) -> Result<ExceptionsView, ServerFnError> {
    crate::ssr::exceptions(resolved).await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadJob {
    pub id: i64,
    pub kind: String,
    pub attempts: i64,
    pub last_error: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobsView {
    pub counts: Vec<(String, i64)>,
    pub dead: Vec<DeadJob>,
    pub can_replay: bool,
}

#[server(endpoint = "jobs")]
pub async fn get_jobs() -> Result<JobsView, ServerFnError> {
    crate::ssr::jobs().await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixView {
    /// The matrix as TOML, for editing as text.
    pub toml: String,
    pub po_window_minutes: i64,
    /// The saved version the page shows; an edit of another version is refused.
    pub version: i64,
    /// The rules in order, in words.
    pub rules: Vec<RuleView>,
    /// What no rule matches, or an auto-approval above the limit, goes to.
    pub default_steps: String,
    pub auto_approve_limit: String,
    /// Choices for a new rule.
    pub classes: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub locations: Vec<Choice>,
    pub suppliers: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RuleView {
    pub name: String,
    /// The conditions, e.g. "purchase orders · over EUR 1,500.00 · class dairy".
    pub when: String,
    /// "approve automatically", or the steps.
    pub then: String,
}

#[server(endpoint = "matrix")]
pub async fn get_matrix() -> Result<MatrixView, ServerFnError> {
    crate::ssr::matrix().await
}

/// Replenishment policies: the scopes saved, and the form (empty, or the one to edit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoliciesView {
    pub rows: Vec<PolicyRow>,
    /// Product classes, and `*` for every class.
    pub classes: Vec<Choice>,
    /// Locations, and "" for every location.
    pub locations: Vec<Choice>,
    pub form: PolicyForm,
    /// Planners and admins may change policies; others only read them.
    pub can_edit: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyRow {
    pub id: i64,
    pub class: String,
    pub location: String,
    pub summary: String,
    pub updated: String,
}

/// The policy form's fields, as text for the inputs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyForm {
    pub class: String,
    pub location_id: String,
    /// `reorder_point` or `min_max`.
    pub method: String,
    pub compute_reorder_point: bool,
    pub safety_stock: String,
    pub service_z: String,
    /// Blank: the supplier's lead time.
    pub lead_time_days: String,
    pub case_pack: String,
    pub moq: String,
    /// One promotion per line: first day, last day, factor.
    pub uplifts: String,
}

#[server(endpoint = "policies")]
pub async fn get_policies(edit: Option<i64>) -> Result<PoliciesView, ServerFnError> {
    crate::ssr::policies(edit).await
}
