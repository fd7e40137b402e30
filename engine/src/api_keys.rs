//! API keys managed by the tenant's admin ([`Permission::ManageIntegrations`]): made
//! with scopes and shown once, listed (prefix, scopes, last used), rotated (a new key
//! with the same scopes; the old one works for a chosen overlap) and revoked, every
//! change audited with the key's prefix only. Only a key's SHA-256 is stored.
//!
//! [`principal`] is the one check every API request makes: the key must be the
//! tenant's, unrevoked and not past its overlap; the request then acts as
//! [`member_for`] the key, holding what its scopes grant ([`KeyScope::permissions`]),
//! so each engine command's own permission check decides. [`authenticate`] checks one
//! scope on top, for callers that need no member.

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{now_ms, Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::keys::{self, ApiKeyRecord};
use crate::store::Store;
use sha2::{Digest, Sha256};

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyScope {
    /// Read stock positions, products, locations and documents.
    ReadInventory,
    /// Post stock events.
    WriteEvents,
    /// Command transfers and purchase orders.
    ManageDocuments,
    /// Read and manage back-in-stock subscriptions.
    ManageSubscriptions,
    /// Import CSV files (and read their reports).
    ImportData,
}

impl KeyScope {
    pub const ALL: [KeyScope; 5] = [
        KeyScope::ReadInventory,
        KeyScope::WriteEvents,
        KeyScope::ManageDocuments,
        KeyScope::ManageSubscriptions,
        KeyScope::ImportData,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KeyScope::ReadInventory => "read_inventory",
            KeyScope::WriteEvents => "write_events",
            KeyScope::ManageDocuments => "manage_documents",
            KeyScope::ManageSubscriptions => "manage_subscriptions",
            KeyScope::ImportData => "import_data",
        }
    }

    pub fn parse(s: &str) -> Option<KeyScope> {
        KeyScope::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// As the portal names it.
    pub fn label(self) -> &'static str {
        match self {
            KeyScope::ReadInventory => {
                "Read inventory: positions, catalogue, documents, exceptions"
            }
            KeyScope::WriteEvents => "Write stock events",
            KeyScope::ManageDocuments => "Manage documents: ship, receive, cancel, close",
            KeyScope::ManageSubscriptions => "Manage back-in-stock subscriptions",
            KeyScope::ImportData => {
                "Import CSV files: products, locations, suppliers, stock counts (not policies)"
            }
        }
    }

    /// What the scope lets the engine's commands do: an API request acts as a
    /// [`Member::for_api_key`] holding exactly these, so the engine's own permission
    /// check is the gate for keys as it is for people. Writing events needs no
    /// permission of a person (ingestion checks the key's scope itself).
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            KeyScope::ReadInventory => &[Permission::ViewInventory],
            KeyScope::WriteEvents => &[],
            KeyScope::ManageDocuments => &[
                Permission::CommandTransfers,
                Permission::CommandPurchaseOrders,
            ],
            KeyScope::ManageSubscriptions => &[Permission::ManageBackInStock],
            KeyScope::ImportData => &[Permission::ImportData],
        }
    }

    /// The scope that grants `p` to a key, if any does (for the 403's sentence).
    pub fn granting(p: Permission) -> Option<KeyScope> {
        KeyScope::ALL
            .into_iter()
            .find(|s| s.permissions().contains(&p))
    }
}

/// SHA-256 of an API key: keys are long random strings, so a fast hash is the right one.
pub fn api_key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// The scopes a stored list names (unknown names are ignored).
pub fn scopes_of(list: &str) -> Vec<KeyScope> {
    list.split(',')
        .filter_map(|s| KeyScope::parse(s.trim()))
        .collect()
}

fn scope_list(scopes: &[KeyScope]) -> String {
    let mut v: Vec<KeyScope> = scopes.to_vec();
    v.sort();
    v.dedup();
    v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

/// A new key, to show once: `sw_<prefix>_<secret>`.
pub struct NewKey {
    pub id: i64,
    pub key: String,
    pub prefix: String,
    /// For a rotation: when the old key stops working.
    pub old_works_until: Option<i64>,
}

/// The longest overlap a rotation may give the old key (30 days).
pub const MAX_OVERLAP_HOURS: i64 = 720;
/// The longest key name.
pub const MAX_NAME_CHARS: usize = 64;

fn fresh_key() -> (String, String) {
    use rand::RngCore;
    let mut buf = [0u8; 28];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    let prefix = hex::encode(&buf[..4]);
    (format!("sw_{prefix}_{}", hex::encode(&buf[4..])), prefix)
}

fn audit(
    member: &Member,
    action: &str,
    id: i64,
    after: serde_json::Value,
    rid: Option<&str>,
) -> AuditEntry {
    AuditEntry::of(
        &member.actor(),
        action,
        format!("api_key:{id}"),
        None,
        Some(after),
        rid,
    )
}

/// A key that writes stock events, made without a member (the command line, tests);
/// `actor` (e.g. `cli`) goes into the audit trail.
pub async fn create_unattended(
    store: &Store,
    tenant: TenantId,
    name: &str,
    actor: &str,
) -> Result<NewKey, sqlx::Error> {
    let (key, prefix) = fresh_key();
    let id = store
        .insert_api_key(tenant, name, &prefix, &api_key_hash(&key), actor)
        .await?;
    Ok(NewKey {
        id,
        key,
        prefix,
        old_works_until: None,
    })
}

/// The tenant's keys, the working ones first, newest first.
pub async fn list(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<ApiKeyRecord>, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    Ok(store.api_keys(tenant, now_ms()).await?)
}

/// Makes a key with `scopes` (at least one) named `name`; the key is in the answer only.
pub async fn create(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    name: &str,
    scopes: &[KeyScope],
    request_id: Option<&str>,
) -> Result<NewKey, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(EngineError::invalid(
            "err-key-name",
            &[("most", MAX_NAME_CHARS.to_string())],
        ));
    }
    if scopes.is_empty() {
        return Err(EngineError::invalid("err-key-no-scope", &[]));
    }
    let (key, prefix) = fresh_key();
    let now = now_ms();
    let list = scope_list(scopes);
    let mut tx = store.begin(tenant).await?;
    let hash = api_key_hash(&key);
    let row = keys::NewKeyRow {
        name,
        prefix: &prefix,
        key_hash: &hash,
        scopes: &list,
        created_by: &member.actor(),
        now,
    };
    let id = keys::insert_key_tx(&mut tx, tenant, &row).await?;
    let entry = audit(
        member,
        "api_key.created",
        id,
        json!({ "name": name, "prefix": prefix, "scopes": list }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(NewKey {
        id,
        key,
        prefix,
        old_works_until: None,
    })
}

/// Replaces key `id` with a new one of the same name and scopes; the old one keeps
/// working for `overlap_hours` (0–720; 0 ends it at once).
pub async fn rotate(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    overlap_hours: i64,
    request_id: Option<&str>,
) -> Result<NewKey, EngineError> {
    member.require(Permission::ManageIntegrations)?;
    if !(0..=MAX_OVERLAP_HOURS).contains(&overlap_hours) {
        return Err(EngineError::invalid(
            "err-overlap-hours",
            &[("most", MAX_OVERLAP_HOURS.to_string())],
        ));
    }
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let old = keys::key_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if old.revoked_at.is_some() || old.expires_at.is_some_and(|t| t <= now) {
        return Err(EngineError::invalid("err-key-dead", &[]));
    }
    if old.expires_at.is_some() {
        return Err(EngineError::invalid("err-key-rotated", &[]));
    }
    let (key, prefix) = fresh_key();
    let hash = api_key_hash(&key);
    let row = keys::NewKeyRow {
        name: &old.name,
        prefix: &prefix,
        key_hash: &hash,
        scopes: &old.scopes,
        created_by: &member.actor(),
        now,
    };
    let new_id = keys::insert_key_tx(&mut tx, tenant, &row).await?;
    let ends = now.saturating_add(overlap_hours.saturating_mul(3_600_000));
    let ends = old.expires_at.map_or(ends, |t| t.min(ends));
    keys::end_key_tx(&mut tx, tenant, id, ends, false).await?;
    let entry = audit(
        member,
        "api_key.rotated",
        id,
        json!({ "prefix": old.prefix, "works_until": ends, "replaced_by": new_id, "new_prefix": prefix }),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(NewKey {
        id: new_id,
        key,
        prefix,
        old_works_until: Some(ends),
    })
}

/// Ends key `id` at once.
pub async fn revoke(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageIntegrations)?;
    let mut tx = store.begin(tenant).await?;
    let old = keys::key_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if old.revoked_at.is_none() {
        keys::end_key_tx(&mut tx, tenant, id, now_ms(), true).await?;
        let entry = audit(
            member,
            "api_key.revoked",
            id,
            json!({ "prefix": old.prefix }),
            request_id,
        );
        append_audit_tx(&mut tx, tenant, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What checking a request's key found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCheck {
    /// The key works and holds the scope.
    Allowed { key_id: i64 },
    /// No such working key of this tenant (unknown, another tenant's, revoked, past
    /// its overlap): one answer for all.
    Unknown,
    /// The key works but lacks the scope.
    MissingScope,
}

/// Checks `key` for `scope` at `tenant`, and records its use (at most once a minute).
pub async fn authenticate(
    store: &Store,
    tenant: TenantId,
    key: &str,
    scope: KeyScope,
) -> Result<KeyCheck, sqlx::Error> {
    Ok(match principal(store, tenant, key).await? {
        None => KeyCheck::Unknown,
        Some((id, scopes)) if scopes.contains(&scope) => KeyCheck::Allowed { key_id: id },
        Some(_) => KeyCheck::MissingScope,
    })
}

/// The working key `key` of the tenant, with its scopes, or `None` (unknown, revoked,
/// past its overlap, another tenant's). Notes the key's last use (at most once a
/// minute, so a busy integration does not write on every request).
pub async fn principal(
    store: &Store,
    tenant: TenantId,
    key: &str,
) -> Result<Option<(i64, Vec<KeyScope>)>, sqlx::Error> {
    if !key.starts_with("sw_") || key.len() > 100 {
        return Ok(None);
    }
    let now = now_ms();
    let Some((id, scopes, last_used)) = store
        .working_api_key(tenant, &api_key_hash(key), now)
        .await?
    else {
        return Ok(None);
    };
    if last_used.is_none_or(|t| now.saturating_sub(t) >= 60_000) {
        store.touch_api_key(tenant, id, now).await?;
    }
    Ok(Some((id, scopes_of(&scopes))))
}

/// The principal an API request acts as: a [`Member`] holding what the key's scopes
/// grant, and nothing else.
pub fn member_for(key_id: i64, scopes: &[KeyScope]) -> Member {
    let mut permissions: Vec<Permission> = scopes
        .iter()
        .flat_map(|s| s.permissions().iter().copied())
        .collect();
    permissions.sort();
    permissions.dedup();
    Member::for_api_key(key_id, permissions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_acts_with_what_its_scopes_grant_and_nothing_more() {
        let m = member_for(7, &[KeyScope::ReadInventory, KeyScope::WriteEvents]);
        assert!(m.can(Permission::ViewInventory));
        assert!(!m.can(Permission::CommandTransfers));
        assert!(!m.can(Permission::DecideApprovals));
        assert!(!m.can(Permission::ManageIntegrations));
        assert_eq!(m.actor(), "api_key:7");
        let docs = member_for(8, &[KeyScope::ManageDocuments]);
        assert!(
            docs.can(Permission::CommandPurchaseOrders) && !docs.can(Permission::ViewInventory)
        );
        // No scope ever grants what only a person may do.
        for p in [
            Permission::DecideApprovals,
            Permission::ManageMembers,
            Permission::ManageIntegrations,
            Permission::EditBranding,
            Permission::ManagePlatform,
        ] {
            assert_eq!(KeyScope::granting(p), None, "{p:?}");
        }
    }

    #[test]
    fn scopes_round_trip_sorted_and_unknown_names_are_dropped() {
        let list = scope_list(&[
            KeyScope::WriteEvents,
            KeyScope::ReadInventory,
            KeyScope::WriteEvents,
        ]);
        assert_eq!(list, "read_inventory,write_events");
        assert_eq!(
            scopes_of("write_events, nonsense,read_inventory"),
            [KeyScope::WriteEvents, KeyScope::ReadInventory]
        );
        let (key, prefix) = fresh_key();
        assert!(key.starts_with(&format!("sw_{prefix}_")) && key.len() == 3 + 8 + 1 + 48);
    }
}
