//! `Idempotency-Key` for the API's POSTs, with the IETF httpapi draft's semantics, per
//! tenant and API key: the first request with a key runs and its answer is kept; the
//! same request again gets that answer again; another request with the key gets 422;
//! one that arrives while the first still runs gets 409. A key is 1–255 visible ASCII
//! characters. Keys are kept at least [`KEEP_MS`] (24 hours), then purged. A request
//! that fails on our side (5xx) gives its key back, so it can be tried again, and a
//! claim left unanswered for [`ABANDONED_MS`] (the process died) is taken over.

use sha2::{Digest, Sha256};

use crate::model::{TenantId, DAY_MS};
use crate::store::Store;

/// The longest key accepted.
pub const MAX_KEY: usize = 255;
/// How long a key is kept at least.
pub const KEEP_MS: i64 = DAY_MS;
/// A claim left unanswered this long was abandoned (its process died mid-request): the
/// next request with the same key and body runs instead of getting 409 for a day. Far
/// longer than any request may take (ingestion answers in seconds at most).
pub const ABANDONED_MS: i64 = 5 * 60_000;

/// What to do with a request that carries a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The first with this key: run it, then [`finish`] with this token.
    Fresh { token: String },
    /// Answered before: send this status and body again.
    Replay { status: u16, body: String },
    /// The key was used for another request.
    Mismatch,
    /// The first request with this key is still running.
    InProgress,
}

/// Why a key cannot be used, or `Ok`.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() || key.len() > MAX_KEY {
        return Err(format!("Idempotency-Key must be 1 to {MAX_KEY} characters"));
    }
    if !key.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err("Idempotency-Key must be visible ASCII characters without spaces".into());
    }
    Ok(())
}

/// The request a key stands for: method, path and body.
pub fn request_hash(method: &str, path: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(method.as_bytes());
    h.update(b"\n");
    h.update(path.as_bytes());
    h.update(b"\n");
    h.update(body);
    hex::encode(h.finalize())
}

/// Claims `key` for the request with `hash`.
pub async fn claim(
    store: &Store,
    tenant: TenantId,
    api_key: i64,
    key: &str,
    hash: &str,
    now: i64,
) -> Result<Claim, sqlx::Error> {
    let token = {
        use rand::RngCore;
        let mut b = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut b);
        hex::encode(b)
    };
    Ok(
        match store
            .claim_idempotency_key(tenant, api_key, key, hash, &token, now, now - ABANDONED_MS)
            .await?
        {
            None => Claim::Fresh { token },
            Some((earlier, _, _)) if earlier != hash => Claim::Mismatch,
            Some((_, Some(status), Some(body))) => Claim::Replay {
                status: u16::try_from(status).unwrap_or(500),
                body,
            },
            Some(_) => Claim::InProgress,
        },
    )
}

/// Keeps the answer of the request that claimed `key` (its `token`), or gives the key
/// back when the request failed on our side.
pub async fn finish(
    store: &Store,
    tenant: TenantId,
    api_key: i64,
    key: &str,
    token: &str,
    status: u16,
    body: &str,
) -> Result<(), sqlx::Error> {
    if status >= 500 {
        store
            .release_idempotency_key(tenant, api_key, key, token)
            .await
    } else {
        store
            .finish_idempotency_key(tenant, api_key, key, token, i32::from(status), body)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_bounded_and_requests_hash_apart() {
        assert!(check_key("order-1").is_ok());
        assert!(check_key("").is_err());
        assert!(check_key(&"k".repeat(256)).is_err());
        assert!(check_key(&"k".repeat(255)).is_ok());
        assert!(check_key("has space").is_err());
        assert_ne!(
            request_hash("POST", "/api/v1/events", b"{}"),
            request_hash("POST", "/api/v1/events", b"{ }")
        );
    }
}
