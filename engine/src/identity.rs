//! Passwords (argon2id, OWASP parameters) and integration API keys.
//!
//! Hashing is CPU-heavy by design, so every hash and verify runs on the blocking pool.

use std::sync::OnceLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::model::{Member, TenantId};
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

/// A real hash of a random password, verified against when the account does not exist so
/// that an unknown e-mail costs the same time as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password_blocking(&random_token(16)))
}

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Unknown e-mail, not a member of this tenant, disabled, or wrong password: one answer.
    #[error("the e-mail or password is not correct")]
    InvalidCredentials,
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// Checks a member's credentials for `tenant`. A member of another tenant is refused here
/// exactly like an unknown user.
pub async fn login(
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
        _ => Err(LoginError::InvalidCredentials),
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

fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// SHA-256 of an API key: keys are long random strings, so a fast hash is the right one.
pub fn api_key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// A new API key, shown once: `sw_<prefix>_<secret>`.
pub struct NewApiKey {
    pub key: String,
    pub prefix: String,
}

/// Creates a key for `tenant`; `actor` (e.g. `cli` or `user:42`) goes into the audit trail.
pub async fn create_api_key(
    store: &Store,
    tenant: TenantId,
    name: &str,
    actor: &str,
) -> Result<NewApiKey, sqlx::Error> {
    let prefix = random_token(4);
    let key = format!("sw_{prefix}_{}", random_token(24));
    store
        .insert_api_key(tenant, name, &prefix, &api_key_hash(&key), actor)
        .await?;
    Ok(NewApiKey { key, prefix })
}

/// The tenant an API key belongs to, if the key is valid.
pub async fn authenticate_api_key(
    store: &Store,
    key: &str,
) -> Result<Option<TenantId>, sqlx::Error> {
    if !key.starts_with("sw_") || key.len() > 100 {
        return Ok(None);
    }
    store.api_key_tenant(&api_key_hash(key)).await
}

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
