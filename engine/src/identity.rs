//! Passwords (argon2id, OWASP parameters), sign-in with its limits, and integration API
//! keys.
//!
//! Hashing is CPU-heavy (and ~19 MiB of memory each) by design, so every hash and verify
//! runs on the blocking pool, and at most [`MAX_CONCURRENT_CHECKS`] password checks run
//! at once: a burst beyond that is told to come back (`SignInError::Busy`) instead of
//! exhausting memory. Sign-in attempts are counted before the password is checked, in
//! the database (shared by replicas, kept across restarts), per address, per account
//! and address, and per account, where the wait grows with each attempt beyond the
//! limit up to a minute. That account-wide wait does not apply in a browser the member
//! signed in from before (a known-device token, OWASP's device cookies), so guessing at
//! someone's account from elsewhere never locks its owner out.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, TenantId};
use crate::store::login_attempts::{take_tx, Rule, Taken};
use crate::store::Store;

/// OWASP Password Storage Cheat Sheet: argon2id, m=19456 KiB, t=2, p=1.
const M_COST: u32 = 19_456;
const T_COST: u32 = 2;
const P_COST: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(M_COST, T_COST, P_COST, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password (blocking: call through [`hash_password`] from async code).
pub fn hash_password_blocking(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing cannot fail with valid parameters")
        .to_string()
}

pub async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || hash_password_blocking(&password))
        .await
        .expect("hashing task panicked")
}

/// A hash made with weaker parameters or another algorithm than today's.
fn needs_rehash(hash: &PasswordHash<'_>) -> bool {
    if hash.algorithm.as_str() != "argon2id" {
        return true;
    }
    match Params::try_from(hash) {
        Ok(p) => p.m_cost() < M_COST || p.t_cost() < T_COST || p.p_cost() < P_COST,
        Err(_) => true,
    }
}

/// Verifies against `hash`; returns whether it matched and whether it should be upgraded.
fn verify_blocking(password: &str, hash: &str) -> (bool, bool) {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return (false, false);
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    (ok, ok && needs_rehash(&parsed))
}

/// Whether `password` matches `hash`, on the blocking pool and within
/// [`MAX_CONCURRENT_CHECKS`] shared with sign-in (for confirming a password outside
/// sign-in); `None` when no check could start within the sign-in's wait (too busy).
pub(crate) async fn verify_password_gated(password: String, hash: String) -> Option<bool> {
    let _permit = tokio::time::timeout(CHECK_WAIT, checks_gate().acquire())
        .await
        .ok()?
        .ok()?;
    PASSWORD_CHECKS.fetch_add(1, Ordering::Relaxed);
    tokio::task::spawn_blocking(move || verify_blocking(&password, &hash).0)
        .await
        .ok()
}

/// A new password's hash, within the same limit as the checks (each holds ~19 MiB);
/// `None` when none could start within the sign-in's wait.
pub(crate) async fn hash_password_gated(password: String) -> Option<String> {
    let _permit = tokio::time::timeout(CHECK_WAIT, checks_gate().acquire())
        .await
        .ok()?
        .ok()?;
    tokio::task::spawn_blocking(move || hash_password_blocking(&password))
        .await
        .ok()
}

/// A real hash of a random password, verified against when the account does not exist so
/// that an unknown e-mail costs the same time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password_blocking(&random_token(16)))
}

/// Password checks allowed to run at once (each holds ~19 MiB while it runs).
pub const MAX_CONCURRENT_CHECKS: usize = 4;

fn checks_gate() -> &'static tokio::sync::Semaphore {
    static GATE: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    GATE.get_or_init(|| tokio::sync::Semaphore::new(MAX_CONCURRENT_CHECKS))
}

static PASSWORD_CHECKS: AtomicU64 = AtomicU64::new(0);

/// How many passwords this process has checked (for benchmarks and metrics).
pub fn password_checks() -> u64 {
    PASSWORD_CHECKS.load(Ordering::Relaxed)
}

/// The sign-in limits of a deployment.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    /// Attempts per account (from one address; and, from any address, before the
    /// growing wait starts) in 15 minutes.
    pub per_account: i64,
    /// Attempts per client address in 15 minutes, whatever the account.
    pub per_address: i64,
}

const WINDOW_MS: i64 = 15 * 60 * 1000;

fn attempt_key(parts: &[&str]) -> String {
    hex::encode(Sha256::digest(parts.join("\u{1f}").as_bytes()))
}

/// How long a password-checked sign-in waits for its second step.
pub const PENDING_MS: i64 = 10 * 60 * 1000;

/// A sign-in whose password was right and whose second step is still to come. Made only
/// by [`sign_in`] and [`second_step_for`] (accepting an invitation); the server keeps it in the session for [`PENDING_MS`] and hands it
/// to [`crate::accounts::two_factor`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub tenant_id: i64,
    pub user_id: i64,
    pub started_at: i64,
    /// The tenant requires two-step sign-in and the person has no authenticator yet:
    /// they set one up before they are in.
    pub enrol: bool,
}

/// A successful sign-in: the member, and a new known-device token for the browser to
/// keep (see `sign_in`). When `second_step` is set, only the password was checked: the
/// person is not signed in until [`crate::accounts::two_factor`] accepts a code (and
/// `device_token` is empty).
#[derive(Debug)]
pub struct SignedIn {
    pub member: Member,
    pub device_token: String,
    pub second_step: Option<PendingSignIn>,
}

/// The stored form of a known-device token.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Unknown e-mail, not a member of this tenant, disabled, or wrong password: one answer.
    #[error("the e-mail or password is not correct")]
    InvalidCredentials,
    /// Too many attempts: try again after `retry_after_ms`.
    #[error("too many sign-in attempts")]
    Throttled { retry_after_ms: i64 },
    /// Too many password checks are running right now: try again in a moment.
    #[error("too many sign-ins at once")]
    Busy,
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// Signs `email` in to `tenant` from `address`, within the deployment's limits (see the
/// module doc); `device` is the known-device token the browser presented, if any. A successful sign-in and a wrong password for a known member are
/// audited (never with the e-mail or address); `request_id` is the server's.
#[allow(clippy::too_many_arguments)]
pub async fn sign_in(
    store: &Store,
    tenant: TenantId,
    email: &str,
    password: &str,
    address: &str,
    device: Option<&str>,
    limits: SignInLimits,
    request_id: Option<&str>,
    now: i64,
) -> Result<SignedIn, SignInError> {
    let email = normalise_email(email);
    let t = tenant.0.to_string();
    let by_address = attempt_key(&["address", &t, address]);
    let by_account_here = attempt_key(&["account-address", &t, &email, address]);
    let by_account = attempt_key(&["account", &t, &email]);
    let plain = |limit| Rule {
        limit,
        window_ms: WINDOW_MS,
        first_delay_ms: 0,
        max_delay_ms: 0,
    };
    let growing = Rule {
        limit: limits.per_account,
        window_ms: WINDOW_MS,
        first_delay_ms: 1_000,
        max_delay_ms: 60_000,
    };
    // From a browser the member signed in from before, guessing elsewhere at the
    // account does not slow its owner down (the account-wide wait is skipped).
    let known_device = match device {
        Some(token) if !token.is_empty() => {
            let owner = store.known_device(tenant, &token_hash(token)).await?;
            let member = store.login_record(tenant, &email).await?;
            owner.is_some() && owner == member.map(|m| m.member.user_id)
        }
        _ => false,
    };
    // Counted before the check, all or none: a held-back attempt counts nothing.
    let mut tx = store.begin(tenant).await?;
    let mut wait = 0;
    let mut keys = vec![
        (&by_address, plain(limits.per_address)),
        (&by_account_here, plain(limits.per_account)),
    ];
    if !known_device {
        keys.push((&by_account, growing));
    }
    for (key, rule) in keys {
        if let Taken::Wait { ms } = take_tx(&mut tx, key, rule, now).await? {
            wait = wait.max(ms);
        }
    }
    if wait > 0 {
        drop(tx);
        return Err(SignInError::Throttled {
            retry_after_ms: wait,
        });
    }
    tx.commit().await?;
    match login(store, tenant, &email, password).await {
        Ok(member) => {
            store.clear_login_attempts(&by_account_here).await?;
            store.clear_login_attempts(&by_account).await?;
            store.refund_login_attempt(&by_address).await?;
            // A second step first: the person's app, or setting one up when the
            // tenant requires it of everyone.
            if let Some(pending) = second_step_for(store, tenant, member.user_id, now).await? {
                return Ok(SignedIn {
                    second_step: Some(pending),
                    member,
                    device_token: String::new(),
                });
            }
            Ok(finish(store, tenant, member, "password", request_id, now).await?)
        }
        Err(LoginError::InvalidCredentials(user)) => {
            // A known member's failed sign-in is audited; guesses at unknown accounts
            // are only counted (they must not grow a trail that is never deleted).
            if let Some(u) = user {
                let entry = AuditEntry::of(
                    "anonymous",
                    "auth.sign_in_failed",
                    format!("user:{u}"),
                    None,
                    None,
                    request_id,
                );
                store.append_audit(tenant, &entry).await?;
            }
            Err(SignInError::InvalidCredentials)
        }
        Err(LoginError::Busy) => Err(SignInError::Busy),
        Err(LoginError::Store(e)) => Err(e.into()),
    }
}

/// The second step a sign-in of `user` to `tenant` needs after its password (or after
/// accepting an invitation): a code from their app, or setting one up when the tenant
/// requires it; `None` when the password is enough.
pub async fn second_step_for(
    store: &Store,
    tenant: TenantId,
    user: i64,
    now: i64,
) -> Result<Option<PendingSignIn>, sqlx::Error> {
    let has = store.has_two_factor(user).await?;
    if !has && !store.requires_two_factor(tenant).await? {
        return Ok(None);
    }
    Ok(Some(PendingSignIn {
        tenant_id: tenant.0,
        user_id: user,
        started_at: now,
        enrol: !has,
    }))
}

/// Completes a sign-in: the browser becomes a known device of the member, and the
/// sign-in is audited with how its last step was made (`password`, `authenticator`,
/// `recovery_code`).
async fn finish(
    store: &Store,
    tenant: TenantId,
    member: Member,
    how: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<SignedIn, sqlx::Error> {
    let device_token = random_token(32);
    store
        .add_known_device(tenant, member.user_id, &token_hash(&device_token), now)
        .await?;
    let actor = member.actor();
    let entry = AuditEntry::of(
        &actor,
        "auth.signed_in",
        actor.clone(),
        None,
        Some(serde_json::json!({ "last_step": how })),
        request_id,
    );
    store.append_audit(tenant, &entry).await?;
    Ok(SignedIn {
        member,
        device_token,
        second_step: None,
    })
}

/// Completes the sign-in of `user` after its second step (see `finish`).
pub(crate) async fn finish_sign_in(
    store: &Store,
    tenant: TenantId,
    user: i64,
    how: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<SignedIn, EngineError> {
    let member = store
        .member(tenant, user)
        .await?
        .ok_or_else(|| EngineError::invalid("err-sign-in-again", &[]))?;
    Ok(finish(store, tenant, member, how, request_id, now).await?)
}

#[derive(Debug, thiserror::Error)]
enum LoginError {
    /// Unknown e-mail, not a member of this tenant, disabled, or wrong password: one
    /// answer to the caller; the known member's id, if any, for the audit trail.
    #[error("the e-mail or password is not correct")]
    InvalidCredentials(Option<i64>),
    #[error("too many password checks at once")]
    Busy,
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// How long an attempt waits for a password-check permit before it is told to come back.
const CHECK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Checks a member's credentials for `tenant`. A member of another tenant is refused here
/// exactly like an unknown user.
async fn login(
    store: &Store,
    tenant: TenantId,
    email: &str,
    password: &str,
) -> Result<Member, LoginError> {
    let email = normalise_email(email);
    let record = store.login_record(tenant, &email).await?;
    let hash = record
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| decoy_hash().to_string());
    let pw = password.to_string();
    // A permit for the check alone (each holds ~19 MiB while it runs); a burst beyond
    // what memory allows waits a moment, then is told to come back.
    let _permit = tokio::time::timeout(CHECK_WAIT, checks_gate().acquire())
        .await
        .map_err(|_| LoginError::Busy)?
        .map_err(|_| LoginError::Busy)?;
    PASSWORD_CHECKS.fetch_add(1, Ordering::Relaxed);
    let (matched, upgrade) = tokio::task::spawn_blocking(move || verify_blocking(&pw, &hash))
        .await
        .expect("verify task panicked");
    match record {
        Some(r) if matched && !r.disabled => {
            if upgrade {
                let new_hash = hash_password(password.to_string()).await;
                store.set_password_hash(r.member.user_id, &new_hash).await?;
            }
            Ok(r.member)
        }
        Some(r) => Err(LoginError::InvalidCredentials(Some(r.member.user_id))),
        None => Err(LoginError::InvalidCredentials(None)),
    }
}

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Why a new password is refused (ASVS 5.0: length only, plus a common-password list).
pub fn check_new_password(password: &str) -> Result<(), &'static str> {
    const COMMON: &[&str] = &[
        "password",
        "password1",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "iloveyou",
        "11111111",
        "abc12345",
        "passw0rd",
        "letmein123",
        "welcome1",
        "admin123",
        "shelfwise",
    ];
    let len = password.chars().count();
    if len < 8 {
        return Err("must be at least 8 characters");
    }
    if len > 128 {
        return Err("must be at most 128 characters");
    }
    if COMMON.contains(&password.to_lowercase().as_str()) {
        return Err("is too common; choose another");
    }
    Ok(())
}

/// [`check_new_password`]'s refusal `why` as a person reads it, about "the password"
/// (or, with `new`, "the new password").
pub(crate) fn password_refused(why: &str, new: bool) -> EngineError {
    let id = match (why, new) {
        ("must be at least 8 characters", false) => "err-password-short",
        ("must be at most 128 characters", false) => "err-password-long",
        ("is too common; choose another", false) => "err-password-common",
        ("must be at least 8 characters", true) => "err-new-password-short",
        ("must be at most 128 characters", true) => "err-new-password-long",
        ("is too common; choose another", true) => "err-new-password-common",
        (_, false) => "err-password-other",
        (_, true) => "err-new-password-other",
    };
    EngineError::invalid(id, &[("why", why.to_string())])
}

fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

pub use crate::api_keys::{api_key_hash, create_unattended as create_api_key, NewKey as NewApiKey};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let h = hash_password_blocking("correct horse battery");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert_eq!(verify_blocking("correct horse battery", &h), (true, false));
        assert!(!verify_blocking("wrong horse battery", &h).0);
    }

    #[test]
    fn weaker_hashes_are_flagged_for_upgrade() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let h = weak
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        assert_eq!(verify_blocking("correct horse battery", &h), (true, true));
    }

    #[test]
    fn new_passwords_need_length_and_must_not_be_common() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("Password1").is_err());
        assert!(check_new_password("tulips in the rain").is_ok());
        assert!(check_new_password(&"x".repeat(129)).is_err());
    }

    #[test]
    fn api_key_hash_is_stable_sha256() {
        assert_eq!(
            api_key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
