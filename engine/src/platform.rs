//! The platform's own operations on tenants, for the people who run it (the platform
//! admin, or its operator at the command line, [`Member::command_line`]).
//!
//! **Suspending** a tenant stops its portal and API (every page and call answers that
//! the portal is suspended, naming nobody's software) and its background work (jobs of
//! a suspended tenant are not claimed: e-mails, webhooks and checks wait, see
//! `store::jobs`), and deletes nothing. **Resuming** restores all of it; what waited
//! runs then. Both are audited in the tenant's own trail. Other replicas see the change
//! within `tenant_cache_seconds` (30 s by default). Needs [`Permission::ManagePlatform`].

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, Permission, Tenant};
use crate::store::audit::append_audit_tx;
use crate::store::tenants::set_suspended_tx;
use crate::store::Store;

/// The longest reason accepted.
pub const MAX_REASON_CHARS: usize = 200;

/// Every tenant of the platform, by slug.
pub async fn tenants(store: &Store, by: &Member) -> Result<Vec<Tenant>, EngineError> {
    by.require(Permission::ManagePlatform)?;
    Ok(store.tenants().await?)
}

async fn tenant(store: &Store, slug: &str) -> Result<Tenant, EngineError> {
    store
        .tenant_by_slug(slug.trim())
        .await?
        .ok_or(EngineError::NotFound)
}

/// Suspends the tenant `slug`, for `reason` (kept for the platform and the tenant's
/// audit trail, never shown on the portal). Suspending a suspended tenant changes
/// nothing.
pub async fn suspend_tenant(
    store: &Store,
    by: &Member,
    slug: &str,
    reason: &str,
    now: i64,
) -> Result<(), EngineError> {
    by.require(Permission::ManagePlatform)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EngineError::invalid("err-suspend-say-why", &[]));
    }
    if reason.chars().count() > MAX_REASON_CHARS || reason.chars().any(char::is_control) {
        return Err(EngineError::invalid(
            "err-suspend-reason",
            &[("most", MAX_REASON_CHARS.to_string())],
        ));
    }
    let t = tenant(store, slug).await?;
    if t.kind == crate::model::TenantKind::Platform {
        return Err(EngineError::invalid("err-suspend-platform", &[]));
    }
    let mut tx = store.begin(t.id).await?;
    let (before, _) = set_suspended_tx(&mut tx, t.id, Some((now, reason))).await?;
    if before.is_some() {
        // Already suspended: keep the first time and reason.
        return Ok(());
    }
    append_audit_tx(
        &mut tx,
        t.id,
        &AuditEntry::of(
            &by.actor(),
            "tenant.suspended",
            format!("tenant:{}", t.slug),
            None,
            Some(json!({ "reason": reason })),
            None,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Resumes the tenant `slug`: its portal, API and waiting jobs run again.
pub async fn resume_tenant(
    store: &Store,
    by: &Member,
    slug: &str,
    _now: i64,
) -> Result<(), EngineError> {
    by.require(Permission::ManagePlatform)?;
    let t = tenant(store, slug).await?;
    let mut tx = store.begin(t.id).await?;
    let (before, reason) = set_suspended_tx(&mut tx, t.id, None).await?;
    if before.is_none() {
        return Ok(());
    }
    append_audit_tx(
        &mut tx,
        t.id,
        &AuditEntry::of(
            &by.actor(),
            "tenant.resumed",
            format!("tenant:{}", t.slug),
            Some(json!({ "suspended_at": before, "reason": reason })),
            None,
            None,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
