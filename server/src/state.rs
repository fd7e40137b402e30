//! What every handler shares: [`AppState`] (settings, store, themes, caches, the
//! ingestion writer) and the router's state that carries it with Leptos' options.

use std::sync::Arc;

use engine::theme::Themes;
use engine::Store;
use leptos::prelude::LeptosOptions;
use tokio::sync::Notify;

use crate::config::Settings;
use crate::tenant_cache::TenantCache;

/// Everything handlers share.
pub struct AppState {
    pub settings: Settings,
    pub store: Store,
    pub themes: Arc<Themes>,
    pub tenant_cache: TenantCache,
    pub leptos: LeptosOptions,
    /// Wakes the replenishment worker when new work was committed (events ingested).
    pub jobs_wake: Arc<Notify>,
    /// Wakes the imports worker when a file was uploaded or an apply asked for.
    pub imports_wake: Arc<Notify>,
    /// Wakes the backtests worker when a planner started one.
    pub backtests_wake: Arc<Notify>,
    /// Writes ingested batches (group commit on SQLite).
    pub events: engine::ingest::Writer,
    /// Seals and opens shoppers' addresses (back-in-stock).
    pub addresses: Arc<engine::addresses::AddressKeys>,
    /// Where outbound webhooks may go (checked when an endpoint is saved, and on send).
    pub webhook_guard: Arc<engine::webhooks::Guard>,
    /// Checks that a tenant controls a custom domain it added.
    pub domain_verifier: engine::domains::Verifier,
    /// Each API key's requests in the current minute (the REST API's rate limit).
    pub api_limiter: crate::rate_limit::RateLimiter,
    /// The background workers' liveness (replenishment, mail), when this process runs them.
    pub workers: Vec<crate::supervisor::WorkerHealth>,
}

impl AppState {
    /// Provisions partners' clients from the templates in `tenants_dir`.
    pub fn provisioner(&self) -> engine::partners::Provisioner {
        engine::partners::Provisioner {
            store: self.store.clone(),
            themes: self.themes.clone(),
            templates_dir: self.settings.tenants_dir.clone(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct RouterState {
    pub(crate) app: Arc<AppState>,
    pub(crate) leptos: LeptosOptions,
}

impl axum::extract::FromRef<RouterState> for LeptosOptions {
    fn from_ref(s: &RouterState) -> Self {
        s.leptos.clone()
    }
}

impl axum::extract::FromRef<RouterState> for Arc<AppState> {
    fn from_ref(s: &RouterState) -> Self {
        s.app.clone()
    }
}
