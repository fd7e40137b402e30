//! The tenant admin's integrations page: API keys, webhook endpoints (with their
//! delivery log) and webhook sources.

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
    pub webhooks: WebhooksView,
}

/// An outbound webhook endpoint as the admin sees it (never its secret).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndpointRow {
    pub id: i64,
    pub url: String,
    pub description: String,
    pub events: Vec<String>,
    /// "Enabled", or "Disabled: <why>".
    pub status: String,
    pub enabled: bool,
    /// Until when the previous secret still signs, after a rotation.
    pub old_secret_until: Option<String>,
}

/// A source of signed inbound webhooks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    /// Where it posts (a path on this portal).
    pub address: String,
    pub received: i64,
    pub last_received: String,
    pub last_error: Option<String>,
    pub mapping: String,
    /// The secret is the platform's (pasted on rotation), not one we make.
    pub pasted_secret: bool,
    pub old_secret_until: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhooksView {
    pub endpoints: Vec<EndpointRow>,
    pub sources: Vec<SourceRow>,
    pub event_types: Vec<Choice>,
    pub source_kinds: Vec<Choice>,
    /// A webhook secret just made, shown on this load only.
    pub new_secret: Option<String>,
}

/// One attempt at a delivery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptRow {
    pub at: String,
    /// "HTTP 503", or why no answer came.
    pub outcome: String,
    pub latency_ms: i64,
    pub response: String,
}

/// One event's delivery to the endpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub message_id: String,
    pub kind: String,
    /// "Delivered", "Retrying (next at …)", "Failed".
    pub state: String,
    pub failed: bool,
    pub attempts: i64,
    pub created: String,
    /// The request body, as sent.
    pub body: String,
    pub tries: Vec<AttemptRow>,
}

/// An endpoint's delivery log, one page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveriesView {
    pub endpoint: EndpointRow,
    pub deliveries: Vec<DeliveryRow>,
    /// The `before` of the next (older) page, if there is one.
    pub older: Option<i64>,
}
