//! A short-lived cache of tenants by slug or host, so that resolving the tenant of a
//! request does not cost a query each time. Entries live 30 seconds.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use engine::model::Tenant;

/// A short-lived cache so that tenant lookups do not cost a query per request.
#[derive(Debug, Default)]
pub struct TenantCache {
    entries: RwLock<HashMap<String, (Instant, Option<Tenant>)>>,
}

const TTL: Duration = Duration::from_secs(30);

impl TenantCache {
    pub async fn get(
        &self,
        key: String,
        load: impl std::future::Future<Output = Result<Option<Tenant>, sqlx::Error>>,
    ) -> Result<Option<Tenant>, sqlx::Error> {
        if let Some((at, t)) = self.entries.read().expect("tenant cache lock").get(&key) {
            if at.elapsed() < TTL {
                return Ok(t.clone());
            }
        }
        let t = load.await?;
        let mut entries = self.entries.write().expect("tenant cache lock");
        if entries.len() > 10_000 {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), t.clone()));
        Ok(t)
    }

    pub fn clear(&self) {
        self.entries.write().expect("tenant cache lock").clear();
    }
}
