//! Background jobs: counts by state and the dead letters.

use serde::{Deserialize, Serialize};

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
