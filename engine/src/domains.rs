//! Custom domains: the tenant admin adds a host name, proves the tenant controls it
//! (a file at `http://<domain>/.well-known/portal-verification.txt` holding the token
//! shown), and from then on the portal answers on it; removing it stops that at once
//! on this replica (and within `tenant_cache_seconds` on the others).
//!
//! A domain served by any tenant cannot be added by another, nor can a host under the
//! platform's base domain or one of the platform's own hosts. The proof is fetched by a
//! [`Verifier`]: over HTTP through the outbound guard (never an internal address), or,
//! for development and tests, accepted for the host name suffixes the deployment lists
//! (`domain_verification_override`). Needs [`Permission::EditBranding`]; audited.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use rand::RngCore;
use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::domains::{self, DomainClaim};
use crate::store::Store;

/// Where the proof is read.
pub const PROOF_PATH: &str = "/.well-known/portal-verification.txt";

/// Reads the proof a host serves: `fetch(domain)` answers the file's text, or `None`.
pub type Fetch =
    Arc<dyn Fn(String) -> Pin<Box<dyn Future<Output = Option<String>> + Send>> + Send + Sync>;

/// How a claim is checked.
#[derive(Clone)]
pub struct Verifier {
    /// Host name suffixes accepted without a check (development and tests only).
    pub trusted_suffixes: Vec<String>,
    pub fetch: Fetch,
}

impl Verifier {
    /// The deployment's verifier: the override list (each suffix matched on a label
    /// boundary), and a plain-HTTP fetch through `guard` (which must allow `http`): the
    /// host name is checked as it is connected to, so no internal address is fetched,
    /// even by a name that resolves differently the second time; 5 s, no redirects, no
    /// proxy, at most 1 KiB read.
    pub fn http(trusted_suffixes: Vec<String>, guard: crate::webhooks::Guard) -> Verifier {
        let guard = Arc::new(guard);
        let client = crate::webhooks::guard::guarded_client(
            guard.clone(),
            std::time::Duration::from_secs(5),
            "portal-domain-check/1",
        );
        let fetch: Fetch = Arc::new(move |domain: String| {
            let (guard, client) = (guard.clone(), client.clone());
            Box::pin(async move {
                let url = guard
                    .check_url(&format!("http://{domain}{PROOF_PATH}"))
                    .ok()?;
                let mut res = client.get(url).send().await.ok()?;
                if !res.status().is_success() || res.content_length().is_some_and(|n| n > 1024) {
                    return None;
                }
                let mut body = Vec::new();
                while let Some(chunk) = res.chunk().await.ok()? {
                    body.extend_from_slice(&chunk);
                    if body.len() > 1024 {
                        return None;
                    }
                }
                Some(String::from_utf8_lossy(&body).into_owned())
            })
        });
        Verifier {
            trusted_suffixes: trusted_suffixes
                .into_iter()
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .map(|s| {
                    if s.starts_with('.') {
                        s
                    } else {
                        format!(".{s}")
                    }
                })
                .collect(),
            fetch,
        }
    }
}

/// The platform's hosts and base domain, which no tenant may claim.
#[derive(Clone, Debug)]
pub struct Reserved {
    pub base_domain: String,
    pub platform_hosts: Vec<String>,
}

/// A host name as a tenant may add it: lower case, labels of letters, digits and
/// hyphens, at least two labels, no port, not the platform's.
pub fn check_domain(text: &str, reserved: &Reserved) -> Result<String, EngineError> {
    let domain = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let valid = !domain.is_empty()
        && domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && !labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()));
    if !valid {
        return Err(EngineError::invalid(
            "err-domain-invalid",
            &[("domain", format!("{domain:?}"))],
        ));
    }
    let base = reserved.base_domain.to_ascii_lowercase();
    if domain == base
        || domain.ends_with(&format!(".{base}"))
        || reserved.platform_hosts.contains(&domain)
    {
        return Err(EngineError::invalid(
            "err-domain-platform",
            &[("domain", domain.clone())],
        ));
    }
    Ok(domain)
}

/// The tenant's domains: claimed (verified or waiting) and its verified ones.
pub async fn domains(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<(Vec<DomainClaim>, Vec<String>), EngineError> {
    member.require(Permission::EditBranding)?;
    Ok((
        store.domain_claims(tenant).await?,
        store.tenant_domains(tenant).await?,
    ))
}

/// Adds a domain to prove; its id. The token to publish is on the claim.
pub async fn add_domain(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    domain: &str,
    reserved: &Reserved,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::EditBranding)?;
    let domain = check_domain(domain, reserved)?;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = format!("portal-verification={}", hex::encode(bytes));
    let mut tx = store.begin(tenant).await?;
    if store.tenant_domains(tenant).await?.contains(&domain) {
        return Err(EngineError::invalid(
            "err-domain-own-already",
            &[("domain", domain.clone())],
        ));
    }
    if domains::domain_taken_tx(&mut tx, &domain).await? {
        return Err(EngineError::invalid(
            "err-domain-taken",
            &[("domain", domain.clone())],
        ));
    }
    let Some(id) = domains::insert_claim_tx(&mut tx, tenant, &domain, &token, now).await? else {
        return Err(EngineError::invalid(
            "err-domain-listed",
            &[("domain", domain.clone())],
        ));
    };
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "domain.added",
            format!("domain:{domain}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks a claim's proof; when it holds, the portal answers on the domain from now on.
#[allow(clippy::too_many_arguments)]
pub async fn verify_domain(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    verifier: &Verifier,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditBranding)?;
    let mut tx = store.begin(tenant).await?;
    let claim = domains::claim_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    drop(tx);
    if claim.verified_at.is_some() {
        return Ok(());
    }
    let trusted = verifier
        .trusted_suffixes
        .iter()
        .any(|s| s.starts_with('.') && claim.domain.ends_with(s.as_str()));
    let proven = trusted
        || (verifier.fetch)(claim.domain.clone())
            .await
            .is_some_and(|text| text.trim() == claim.token);
    if !proven {
        return Err(EngineError::invalid(
            "err-domain-unproven",
            &[("url", format!("http://{}{PROOF_PATH}", claim.domain))],
        ));
    }
    let mut tx = store.begin(tenant).await?;
    // Removed or proven meanwhile (the fetch took a while): nothing more to do here.
    match domains::claim_tx(&mut tx, tenant, id).await? {
        None => return Err(EngineError::NotFound),
        Some(c) if c.verified_at.is_some() => return Ok(()),
        Some(_) => {}
    }
    if !domains::verify_claim_tx(&mut tx, tenant, id, &claim.domain, now).await? {
        return Err(EngineError::invalid(
            "err-domain-taken",
            &[("domain", claim.domain.clone())],
        ));
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "domain.verified",
            format!("domain:{}", claim.domain),
            None,
            Some(json!({ "trusted_suffix": trusted })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a domain: the portal stops answering on it.
pub async fn remove_domain(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<String, EngineError> {
    member.require(Permission::EditBranding)?;
    let mut tx = store.begin(tenant).await?;
    let claim = domains::claim_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    domains::remove_claim_tx(&mut tx, tenant, id, &claim.domain).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "domain.removed",
            format!("domain:{}", claim.domain),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(claim.domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_host_names_of_ones_own_are_taken() {
        let r = Reserved {
            base_domain: "portal.example.com".into(),
            platform_hosts: vec!["localhost".into(), "admin.example.com".into()],
        };
        assert_eq!(
            check_domain(" Shop.Example.COM. ", &r).unwrap(),
            "shop.example.com"
        );
        for bad in [
            "",
            "localhost",
            "https://shop.example.com",
            "shop.example.com:8443",
            "shop.example.com/path",
            "-shop.example.com",
            "shop..example.com",
            "10.0.0.1",
            "acme.portal.example.com",
            "portal.example.com",
            "admin.example.com",
            &format!("{}.com", "a".repeat(64)),
        ] {
            assert!(check_domain(bad, &r).is_err(), "{bad:?}");
        }
    }
}
