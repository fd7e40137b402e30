//! The exception queue.

use serde::{Deserialize, Serialize};

use super::{Choice, Fact};

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
