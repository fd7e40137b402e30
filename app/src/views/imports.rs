//! CSV imports and exports: the list, one import's check and report.

use serde::{Deserialize, Serialize};

use super::Choice;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportsView {
    pub imports: Vec<ImportRow>,
    /// What can be imported (value: the kind, label: what it is and its columns).
    pub kinds: Vec<Choice>,
    /// What can be exported.
    pub exports: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRow {
    pub id: i64,
    pub kind: String,
    pub file_name: String,
    /// In words: "Checking (20,000 of 50,000 rows)", "Ready to apply", …
    pub status: String,
    /// `checking`, `checked`, `invalid`, `applying`, `applied` or `failed`.
    pub state: String,
    pub rows_total: i64,
    pub rows_done: i64,
    pub created: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportView {
    pub import: ImportRow,
    /// Checking or applying: the page looks again by itself.
    pub busy: bool,
    /// Checked with no problem: the apply button is offered.
    pub can_apply: bool,
    pub report: Option<ReportView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub total: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub errors: Vec<ProblemRow>,
    pub more_errors: usize,
    pub changes: Vec<ChangeRow>,
    pub more_changes: usize,
    pub failure: Option<String>,
    /// The failure is the English of a report stored before failures were recorded in
    /// every language (shown marked `lang="en"`).
    pub failure_english: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemRow {
    pub row: usize,
    pub column: String,
    /// In the reader's language, or the English of an older report.
    pub message: String,
    /// `message` is the English of a report stored before problems were recorded in
    /// every language (shown marked `lang="en"`).
    pub english: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub row: usize,
    pub key: String,
    pub action: String,
    pub fields: String,
}
