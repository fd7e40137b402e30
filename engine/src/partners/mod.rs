//! Partners (managed-service providers) and their consoles. A partner's console is a
//! tenant of kind `partner` that belongs to the partner; its members with the partner
//! admin role see the partner's client tenants with their health ([`clients`]),
//! provision new ones from a template in `tenants/` ([`provision`], worked off by the
//! [`Provision`] job with its progress recorded), and enter a client only through an
//! audited, time-limited act-as session ([`act_as`]).
//!
//! A console never reaches beyond its own partner's clients: every command finds the
//! client by slug among the partner's retailer tenants, so another partner's client (or
//! a tenant of no partner) is simply not found. Needs
//! [`Permission::ManageClientTenants`], which only a partner's console grants (see
//! [`crate::model::TenantKind::allows`]).

pub mod act_as;
mod provision;

pub use provision::{
    provision, retry_provisioning, NewClient, Provision, Provisioner, Template, DEFAULT_PACK,
};

use crate::error::EngineError;
use crate::model::{Member, Permission, Tenant, TenantId, TenantKind};
use crate::store::partners::{HealthRecord, PartnerRecord, ProvisioningRecord};
use crate::store::Store;

/// One client tenant on the console.
#[derive(Clone, Debug)]
pub struct Client {
    pub tenant: Tenant,
    pub health: HealthRecord,
}

/// What the console shows: the partner, its clients with their health, and the
/// provisionings it started.
#[derive(Clone, Debug)]
pub struct Console {
    pub partner: PartnerRecord,
    pub clients: Vec<Client>,
    pub provisionings: Vec<ProvisioningRecord>,
}

/// The partner whose console `tenant` is, for a member who may use it.
pub(crate) async fn console_partner(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<PartnerRecord, EngineError> {
    member.require(Permission::ManageClientTenants)?;
    store
        .console_partner(tenant)
        .await?
        .ok_or(EngineError::NotFound)
}

/// The console: every client of the partner with its health at `now`.
pub async fn console(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Console, EngineError> {
    let partner = console_partner(store, tenant, member).await?;
    let mut clients = Vec::new();
    for t in store.partner_clients(tenant, partner.id).await? {
        let health = store.client_health(t.id, now).await?;
        clients.push(Client { tenant: t, health });
    }
    Ok(Console {
        partner,
        clients,
        provisionings: store.provisionings(tenant).await?,
    })
}

/// Every client's dashboard (`dashboard`), by name: one client's figures that cannot
/// be read are that client's error, never the whole page's.
pub async fn client_dashboards(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Vec<(Tenant, Result<crate::dashboard::Dashboard, EngineError>)>, EngineError> {
    let partner = console_partner(store, tenant, member).await?;
    let mut out = Vec::new();
    for t in store.partner_clients(tenant, partner.id).await? {
        let d = crate::dashboard::figures(store, t.id, now).await;
        if let Err(e) = &d {
            tracing::warn!(client = t.id.0, error = %e, "a client's dashboard could not be read");
        }
        out.push((t, d));
    }
    out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok(out)
}

/// One provisioning of this console (its progress page).
pub async fn provisioning(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<ProvisioningRecord, EngineError> {
    console_partner(store, tenant, member).await?;
    store
        .provisioning(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)
}

/// The partner's client `slug`: one of its retailer tenants, or not found.
pub(crate) async fn client_of(
    store: &Store,
    partner: &PartnerRecord,
    slug: &str,
) -> Result<Tenant, EngineError> {
    store
        .tenant_by_slug(slug)
        .await?
        .filter(|t| t.kind == TenantKind::Retailer && t.partner.as_deref() == Some(&partner.slug))
        .ok_or(EngineError::NotFound)
}
