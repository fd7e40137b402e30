//! A short-lived cache of tenants by slug or host, so that resolving the tenant of a
//! request does not cost a query each time. Entries live `tenant_cache_seconds` (30 by
//! default): that is how long a change to a tenant made through one replica may take
//! to be served by the others.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use engine::model::Tenant;

/// A short-lived cache so that tenant lookups do not cost a query per request.
#[derive(Debug)]
pub struct TenantCache {
    entries: RwLock<HashMap<String, (Instant, Option<Tenant>)>>,
    ttl: Duration,
}

impl TenantCache {
    pub fn new(ttl: Duration) -> TenantCache {
        TenantCache {
            entries: RwLock::default(),
            ttl,
        }
    }

    pub async fn get(
        &self,
        key: String,
        load: impl std::future::Future<Output = Result<Option<Tenant>, sqlx::Error>>,
    ) -> Result<Option<Tenant>, sqlx::Error> {
        if let Some((at, t)) = self.entries.read().expect("tenant cache lock").get(&key) {
            if at.elapsed() < self.ttl {
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
