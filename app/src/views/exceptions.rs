//! The exception queue.

use serde::{Deserialize, Serialize};

use super::{Choice, Fact};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExceptionRow {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    /// Expected lost sales, formatted, for exceptions about stock.
    pub at_risk: Option<String>,
    pub risk_basis: Option<String>,
    /// An anomalous event holding its position (settled by confirming it).
    pub anomaly: bool,
    pub title: String,
    pub detail: String,
    /// The title, detail and risk basis are the English the engine kept (a row
    /// recorded before texts were recorded in every language): marked `lang="en"`.
    pub title_english: bool,
    pub detail_english: bool,
    pub risk_basis_english: bool,
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
    /// Ordered by severity and age rather than by expected lost sales.
    pub by_severity: bool,
    pub can_act: bool,
}
