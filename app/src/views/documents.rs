//! Transfers and purchase orders: the list and one document with its steps and trail.

use serde::{Deserialize, Serialize};

use super::Fact;

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
    /// When, relative ("5 min ago"), exact ("2026-12-01 14:05 UTC") and machine-read.
    pub at: String,
    pub exact: String,
    pub iso: String,
    /// The entry as a sentence; the raw record (actor, action, change) is for auditors.
    pub sentence: String,
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
    /// The reason is English as recorded before reasons were kept in words (shown
    /// marked `lang="en"`); otherwise it is in the viewer's language.
    #[serde(default)]
    pub reason_in_english: bool,
    pub facts: Vec<Fact>,
    /// Purchase order lines: product, quantity, cost, reason.
    pub lines: Vec<Vec<String>>,
    /// For each line, whether its reason is such English.
    #[serde(default)]
    pub line_reasons_in_english: Vec<bool>,
    pub steps: Vec<StepView>,
    pub audit: Vec<AuditView>,
    pub quantity: i64,
    pub shipped: i64,
    /// Commands the viewer may give now: "ship", "receive", "edit", "cancel".
    pub commands: Vec<String>,
    pub pending_decision: bool,
    /// A sent purchase order's messages with its supplier (empty otherwise), and
    /// whether the viewer may write one.
    pub messages: Vec<super::MessageView>,
    pub can_message: bool,
    /// A sent order's changes and ship notices (empty for anything else).
    pub changes: super::OrderChanges,
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
