//! The tenant admin's integrations page: API keys.

use serde::{Deserialize, Serialize};

use super::Choice;

/// One API key as the admin sees it (never the key itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyRow {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created: String,
    pub last_used: String,
    /// "Active", "Works until …", "Expired" or "Revoked".
    pub status: String,
    /// It still works (may be revoked).
    pub working: bool,
    /// It works and was not rotated yet (may be rotated).
    pub rotatable: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntegrationsView {
    pub keys: Vec<ApiKeyRow>,
    pub scopes: Vec<Choice>,
    /// A key just made, shown on this load only.
    pub new_key: Option<String>,
}
