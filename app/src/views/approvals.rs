//! The approvals inbox and the viewer's stand-ins while away.

use serde::{Deserialize, Serialize};

use super::{Choice, Fact};

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
    /// The reason is English as recorded before reasons were kept in words (shown
    /// marked `lang="en"`); otherwise it is in the viewer's language.
    #[serde(default)]
    pub reason_in_english: bool,
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
