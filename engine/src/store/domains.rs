//! A tenant's custom domains: the claims its admin added (with their verification
//! tokens) and the verified ones (`tenant_domains`, which host resolution reads).

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// A domain the tenant added: verified or still waiting.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DomainClaim {
    pub id: i64,
    pub domain: String,
    pub token: String,
    pub created_at: i64,
    pub verified_at: Option<i64>,
}

const CLAIM: &str = "SELECT id, domain, token, created_at, verified_at FROM domain_claims";

impl Store {
    /// The tenant's claimed domains, by domain.
    pub async fn domain_claims(&self, tenant: TenantId) -> Result<Vec<DomainClaim>, sqlx::Error> {
        let sql = format!("{CLAIM} WHERE tenant_id = $1 ORDER BY domain LIMIT 100");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)
    }

    /// The tenant's verified domains (seeded or claimed), by domain.
    pub async fn tenant_domains(&self, tenant: TenantId) -> Result<Vec<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT domain FROM tenant_domains WHERE tenant_id = $1 ORDER BY domain"
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }
}

/// Whether any tenant serves `domain` already (the domain list is readable in every
/// scope: it is public in DNS anyway).
pub(crate) async fn domain_taken_tx(tx: &mut Tx, domain: &str) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM tenant_domains WHERE domain = $1)"
    )
    .bind(domain)
    .fetch_one(c)
    .await)
}

pub(crate) async fn insert_claim_tx(
    tx: &mut Tx,
    tenant: TenantId,
    domain: &str,
    token: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO domain_claims (tenant_id, domain, token, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (tenant_id, domain) DO NOTHING RETURNING id"
    )
    .bind(tenant.0)
    .bind(domain)
    .bind(token)
    .bind(now)
    .fetch_optional(c)
    .await)
}

pub(crate) async fn claim_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<DomainClaim>, sqlx::Error> {
    let sql = format!("{CLAIM} WHERE tenant_id = $1 AND id = $2{}", tx.lock());
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// Marks the claim verified and maps the domain to the tenant; false when another
/// tenant took the domain meanwhile.
pub(crate) async fn verify_claim_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    domain: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mapped = on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO tenant_domains (domain, tenant_id) VALUES ($1, $2) ON CONFLICT (domain) DO NOTHING"
    )
    .bind(domain)
    .bind(tenant.0)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    if mapped != 1 {
        return Ok(false);
    }
    on_tx!(tx, |c| sqlx::query(
        "UPDATE domain_claims SET verified_at = $3 WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(true)
}

/// Removes the claim and, if it was verified, the domain's mapping to the tenant.
pub(crate) async fn remove_claim_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    domain: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM domain_claims WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM tenant_domains WHERE tenant_id = $1 AND domain = $2"
    )
    .bind(tenant.0)
    .bind(domain)
    .execute(c)
    .await
    .map(|_| ()))
}
