//! Settings: the approval matrix and the replenishment policies.

use serde::{Deserialize, Serialize};

use super::Choice;

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
    /// The hour (UTC) of the nightly check of every position.
    pub sweep_hour: i64,
    /// The anomaly checks on incoming events.
    pub anomalies: AnomalyForm,
}

/// The tenant's anomaly thresholds, as the form shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnomalyForm {
    pub enabled: bool,
    pub mad_k: String,
    pub min_units: i64,
    pub count_jump_pct: i64,
    pub count_min_units: i64,
    pub new_location: bool,
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
    /// `reorder_point`, `min_max` or `forecast`.
    pub method: String,
    pub compute_reorder_point: bool,
    /// Forecast-driven: spread the service level by the value each position sells.
    pub spread_service: bool,
    /// Forecast-driven: count the order cycle (frequent orders).
    pub order_cycle: bool,
    pub safety_stock: String,
    pub service_z: String,
    /// Blank: the supplier's lead time.
    pub lead_time_days: String,
    pub case_pack: String,
    pub moq: String,
    /// One promotion per line: first day, last day, factor.
    pub uplifts: String,
    /// The class levels (blank: positions keep their own) and the DC factor.
    pub reorder_point: String,
    pub order_up_to: String,
    pub dc_multiplier: String,
    /// Percent; blank: from `service_z`.
    pub service_level: String,
    pub cover_days: String,
}
