//! The Standard Webhooks scheme (standard-webhooks/standard-webhooks, `spec/`), both
//! ways: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{raw body}`, secrets
//! `whsec_` + base64 of 24–64 random bytes, `webhook-signature` a space-separated list
//! of `v1,<base64>` (one per secret while a rotation overlaps), a ±5 minute tolerance,
//! and a constant-time comparison. Also the commerce platform's own scheme (Shopify:
//! base64 HMAC-SHA256 of the raw body in `X-Shopify-Hmac-Sha256`). Pure: no store, no I/O.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How far a signed timestamp may be from our clock, either way (seconds).
pub const TOLERANCE_SECS: i64 = 300;
/// The most signatures one header may carry (rotation needs two; a few more are fine).
const MAX_SIGNATURES: usize = 8;

/// A secret's raw bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// A new random secret (32 bytes).
    pub fn generate() -> Secret {
        use rand::RngCore;
        let mut buf = vec![0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut buf);
        Secret(buf)
    }

    /// A `whsec_<base64>` secret with 24 to 64 bytes.
    pub fn parse(text: &str) -> Result<Secret, &'static str> {
        let body = text
            .trim()
            .strip_prefix("whsec_")
            .ok_or("a signing secret starts with whsec_")?;
        let bytes = B64
            .decode(body)
            .map_err(|_| "the part after whsec_ is not base64")?;
        if !(24..=64).contains(&bytes.len()) {
            return Err("a signing secret holds 24 to 64 bytes");
        }
        Ok(Secret(bytes))
    }

    /// Any shared secret as its bytes (the commerce platform's app secret).
    pub fn raw(text: &str) -> Result<Secret, &'static str> {
        let t = text.trim();
        if t.len() < 16 || t.len() > 256 || t.chars().any(char::is_control) {
            return Err("the secret must be 16 to 256 characters");
        }
        Ok(Secret(t.as_bytes().to_vec()))
    }

    /// `whsec_<base64>`.
    pub fn to_text(&self) -> String {
        format!("whsec_{}", B64.encode(&self.0))
    }

    fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length")
    }
}

/// `v1,<base64 HMAC>` of one message under one secret.
pub fn sign(secret: &Secret, id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = secret.mac();
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    format!("v1,{}", B64.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header for a message: one entry per secret, the newest first.
pub fn signature_header(secrets: &[&Secret], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|s| sign(s, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a signed request was refused (said to the sender in a 401; nothing is stored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the {0} header is missing")]
    Missing(&'static str),
    #[error("the webhook-timestamp header is not a Unix time in seconds")]
    BadTimestamp,
    #[error("the webhook-timestamp is more than 5 minutes from our clock")]
    Stale,
    #[error("no signature matches")]
    NoMatch,
}

/// Checks a Standard Webhooks request: `now_secs` is our clock; any of `secrets` may
/// have signed it, and any one matching `v1` entry of the header is enough.
pub fn verify(
    secrets: &[&Secret],
    id: Option<&str>,
    timestamp: Option<&str>,
    signatures: Option<&str>,
    body: &[u8],
    now_secs: i64,
) -> Result<(), Refused> {
    let id = id
        .filter(|v| !v.is_empty())
        .ok_or(Refused::Missing("webhook-id"))?;
    let ts_text = timestamp
        .filter(|v| !v.is_empty())
        .ok_or(Refused::Missing("webhook-timestamp"))?;
    let signatures = signatures
        .filter(|v| !v.trim().is_empty())
        .ok_or(Refused::Missing("webhook-signature"))?;
    let ts: i64 = ts_text.parse().map_err(|_| Refused::BadTimestamp)?;
    if ts
        .checked_sub(now_secs)
        .is_none_or(|d| d.unsigned_abs() > TOLERANCE_SECS.unsigned_abs())
    {
        return Err(Refused::Stale);
    }
    for entry in signatures.split(' ').take(MAX_SIGNATURES) {
        let Some(given) = entry.strip_prefix("v1,") else {
            continue;
        };
        // An empty or truncated signature decodes to too few bytes and never matches.
        let Ok(given) = B64.decode(given) else {
            continue;
        };
        for secret in secrets {
            let mut mac = secret.mac();
            mac.update(format!("{id}.{ts_text}.").as_bytes());
            mac.update(body);
            if mac.verify_slice(&given).is_ok() {
                return Ok(());
            }
        }
    }
    Err(Refused::NoMatch)
}

/// Checks the commerce platform's signature: the base64 HMAC-SHA256 of the raw body.
pub fn verify_shopify(
    secrets: &[&Secret],
    hmac_header: Option<&str>,
    body: &[u8],
) -> Result<(), Refused> {
    let given = hmac_header
        .filter(|v| !v.trim().is_empty())
        .ok_or(Refused::Missing("X-Shopify-Hmac-Sha256"))?;
    let given = B64.decode(given.trim()).map_err(|_| Refused::NoMatch)?;
    for secret in secrets {
        let mut mac = secret.mac();
        mac.update(body);
        if mac.verify_slice(&given).is_ok() {
            return Ok(());
        }
    }
    Err(Refused::NoMatch)
}

/// The commerce platform's signature of `body` (for tests and benchmarks).
pub fn sign_shopify(secret: &Secret, body: &[u8]) -> String {
    let mut mac = secret.mac();
    mac.update(body);
    B64.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const TS: i64 = 1649367553;
    const BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const EXPECTED: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    fn check(sig: Option<&str>, body: &[u8], now: i64) -> Result<(), Refused> {
        let s = Secret::parse(SECRET).unwrap();
        verify(&[&s], Some(ID), Some(&TS.to_string()), sig, body, now)
    }

    #[test]
    fn the_specifications_test_vector_signs_and_verifies() {
        let s = Secret::parse(SECRET).unwrap();
        assert_eq!(sign(&s, ID, TS, BODY), EXPECTED);
        assert_eq!(check(Some(EXPECTED), BODY, TS), Ok(()));
        assert_eq!(Secret::parse(&s.to_text()).unwrap(), s);
    }

    #[test]
    fn forged_empty_truncated_and_stale_signatures_are_refused() {
        assert_eq!(
            check(None, BODY, TS),
            Err(Refused::Missing("webhook-signature"))
        );
        assert_eq!(check(Some("v1,"), BODY, TS), Err(Refused::NoMatch));
        assert_eq!(check(Some("v1, "), BODY, TS), Err(Refused::NoMatch));
        let truncated = &EXPECTED[..EXPECTED.len() - 6];
        assert_eq!(check(Some(truncated), BODY, TS), Err(Refused::NoMatch));
        assert_eq!(
            check(Some(&EXPECTED.replace("v1,", "v2,")), BODY, TS),
            Err(Refused::NoMatch)
        );
        // The same JSON re-serialised (spaces) is another body.
        let reserialised = br#"{"email": "test@example.com", "username": "test_user"}"#;
        assert_eq!(
            check(Some(EXPECTED), reserialised, TS),
            Err(Refused::NoMatch)
        );
        assert_eq!(check(Some(EXPECTED), BODY, TS + 301), Err(Refused::Stale));
        assert_eq!(check(Some(EXPECTED), BODY, TS - 301), Err(Refused::Stale));
        assert_eq!(check(Some(EXPECTED), BODY, TS + 300), Ok(()));
        // Extreme timestamps are stale, never an overflow.
        for ts in [i64::MIN, i64::MIN + TS, i64::MAX] {
            let s = Secret::parse(SECRET).unwrap();
            let r = verify(
                &[&s],
                Some(ID),
                Some(&ts.to_string()),
                Some(EXPECTED),
                BODY,
                TS,
            );
            assert_eq!(r, Err(Refused::Stale), "{ts}");
        }
        let s = Secret::parse(SECRET).unwrap();
        assert_eq!(
            verify(&[&s], Some(ID), Some("soon"), Some(EXPECTED), BODY, TS),
            Err(Refused::BadTimestamp)
        );
        assert_eq!(
            verify(&[&s], None, Some("1"), Some(EXPECTED), BODY, TS),
            Err(Refused::Missing("webhook-id"))
        );
    }

    #[test]
    fn any_listed_signature_and_any_current_secret_may_match() {
        let old = Secret::parse(SECRET).unwrap();
        let new = Secret::generate();
        let header = signature_header(&[&new, &old], ID, TS, BODY);
        assert_eq!(header.split(' ').count(), 2);
        // A receiver that knows only the old secret still verifies (the overlap).
        assert_eq!(check(Some(&header), BODY, TS), Ok(()));
        assert_eq!(
            verify(
                &[&new],
                Some(ID),
                Some(&TS.to_string()),
                Some(&header),
                BODY,
                TS
            ),
            Ok(())
        );
        let other = Secret::generate();
        assert_eq!(
            verify(
                &[&other],
                Some(ID),
                Some(&TS.to_string()),
                Some(&header),
                BODY,
                TS
            ),
            Err(Refused::NoMatch)
        );
    }

    #[test]
    fn secrets_are_checked() {
        assert!(Secret::parse("C2FVsBQIhrscChlQIMV+b5sSYspob7oD").is_err());
        assert!(Secret::parse("whsec_***").is_err());
        assert!(Secret::parse("whsec_AAAA").is_err(), "too short");
        assert!(Secret::raw("short").is_err());
        assert_eq!(format!("{:?}", Secret::generate()), "Secret(…)");
    }

    #[test]
    fn the_platform_signature_covers_the_raw_body() {
        let s = Secret::raw("shpss_0123456789abcdef").unwrap();
        let sig = sign_shopify(&s, b"{\"available\":3}");
        assert_eq!(
            verify_shopify(&[&s], Some(&sig), b"{\"available\":3}"),
            Ok(())
        );
        assert_eq!(
            verify_shopify(&[&s], Some(&sig), b"{\"available\":4}"),
            Err(Refused::NoMatch)
        );
        assert_eq!(
            verify_shopify(&[&s], Some(""), b"{}"),
            Err(Refused::Missing("X-Shopify-Hmac-Sha256"))
        );
    }
}
