//! Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, six digits,
//! 30-second steps: what every authenticator app reads from an `otpauth://` link), and
//! the recovery codes that stand in for a lost authenticator. Pure: no store, no clock.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// Seconds per step.
pub const STEP_SECONDS: i64 = 30;
/// Digits per code.
pub const DIGITS: u32 = 6;
/// Steps either side of now a code may come from (a phone's clock a little off).
pub const SKEW_STEPS: i64 = 1;
/// Recovery codes given at a time.
pub const RECOVERY_CODES: usize = 10;

/// A new secret of 160 random bits (RFC 4226's recommended length).
pub fn new_secret() -> Vec<u8> {
    let mut s = vec![0u8; 20];
    rand::thread_rng().fill_bytes(&mut s);
    s
}

/// The secret as authenticator apps take it typed in (base32, no padding).
pub fn encode_secret(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

pub fn decode_secret(text: &str) -> Option<Vec<u8>> {
    data_encoding::BASE32_NOPAD.decode(text.as_bytes()).ok()
}

/// The time step of an instant in epoch milliseconds.
pub fn step_at(now_ms: i64) -> i64 {
    now_ms.div_euclid(1000 * STEP_SECONDS)
}

/// HOTP (RFC 4226 §5.3) of `secret` at counter `step`.
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = (u32::from(digest[offset]) & 0x7f) << 24
        | u32::from(digest[offset + 1]) << 16
        | u32::from(digest[offset + 2]) << 8
        | u32::from(digest[offset + 3]);
    binary % 10u32.pow(DIGITS)
}

/// The step of a code typed for `secret` at `now_ms`, if it is right for a step within
/// the allowed skew and later than `last_step` (a code is accepted once). Spaces and a
/// dash inside the code are ignored; every candidate is compared in full.
pub fn verify(secret: &[u8], typed: &str, now_ms: i64, last_step: i64) -> Option<i64> {
    let digits: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if digits.len() != DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code: u32 = digits.parse().ok()?;
    let now = step_at(now_ms);
    let mut found = None;
    for step in now - SKEW_STEPS..=now + SKEW_STEPS {
        let same = subtle_eq(code_at(secret, step), code);
        if same && step > last_step && found.is_none() {
            found = Some(step);
        }
    }
    found
}

fn subtle_eq(a: u32, b: u32) -> bool {
    (a ^ b) == 0
}

/// The `otpauth://` link an authenticator app reads (as a QR code or a link).
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let label = format!("{issuer}:{account}");
    format!(
        "otpauth://totp/{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        urlencoding::encode(&label),
        encode_secret(secret),
        urlencoding::encode(issuer)
    )
}

/// The link as a QR code, an SVG image for the page (dark modules on white, with the
/// quiet zone), or None when the link is too long for a QR code.
pub fn qr_svg(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(uri, qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}

/// New recovery codes: ten of `xxxxx-xxxxx` (lower-case letters and digits without the
/// look-alikes, about 50 bits each), and the hashes to store.
pub fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::thread_rng();
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let mut c = String::with_capacity(11);
            for i in 0..10 {
                if i == 5 {
                    c.push('-');
                }
                c.push(ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()] as char);
            }
            c
        })
        .collect();
    let hashes = codes.iter().map(|c| recovery_hash(c)).collect();
    (codes, hashes)
}

/// The stored form of a recovery code as typed (case, spaces and the dash ignored).
pub fn recovery_hash(typed: &str) -> String {
    let plain: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex::encode(Sha256::digest(format!("recovery-code\n{plain}").as_bytes()))
}

/// Whether the typed text looks like a recovery code rather than a six-digit code.
pub fn looks_like_recovery_code(typed: &str) -> bool {
    typed.chars().filter(|c| c.is_ascii_alphanumeric()).count() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, the last six of the eight digits.
    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        for (seconds, eight) in [
            (59i64, 94287082u32),
            (1111111109, 7081804),
            (1111111111, 14050471),
            (1234567890, 89005924),
            (2000000000, 69279037),
            (20000000000, 65353130),
        ] {
            assert_eq!(
                code_at(secret, seconds / STEP_SECONDS),
                eight % 1_000_000,
                "{seconds}"
            );
        }
    }

    #[test]
    fn a_code_works_once_within_one_step_either_side() {
        let secret = new_secret();
        let now = 1_700_000_000_000i64;
        let step = step_at(now);
        let code = format!("{:06}", code_at(&secret, step));
        assert_eq!(verify(&secret, &code, now, 0), Some(step));
        // Typed with a space in the middle: still the code.
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(verify(&secret, &spaced, now, 0), Some(step));
        // Accepted once: the same step is refused after it was used.
        assert_eq!(verify(&secret, &code, now, step), None);
        // From the step before (a phone slightly behind) and after.
        let before = format!("{:06}", code_at(&secret, step - 1));
        assert_eq!(verify(&secret, &before, now, 0), Some(step - 1));
        let after = format!("{:06}", code_at(&secret, step + 1));
        assert_eq!(verify(&secret, &after, now, 0), Some(step + 1));
        // Two steps away: refused.
        let old = format!("{:06}", code_at(&secret, step - 2));
        if old != code && old != before && old != after {
            assert_eq!(verify(&secret, &old, now, 0), None);
        }
        for bad in ["", "12345", "1234567", "abcdef", "12345x", "-1234567"] {
            assert_eq!(verify(&secret, bad, now, 0), None, "{bad}");
        }
    }

    #[test]
    fn secrets_round_trip_and_links_name_the_issuer() {
        let secret = new_secret();
        assert_eq!(decode_secret(&encode_secret(&secret)), Some(secret.clone()));
        let uri = otpauth_uri("Ridgeline Supply", "ana@example.com", &secret);
        assert!(uri.starts_with("otpauth://totp/Ridgeline%20Supply%3Aana%40example.com?secret="));
        assert!(uri.contains("&issuer=Ridgeline%20Supply&"));
        let svg = qr_svg(&uri).expect("a QR code");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_as_typed() {
        let (codes, hashes) = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        assert!(looks_like_recovery_code(&codes[0]));
        assert!(!looks_like_recovery_code("123456"));
        assert_eq!(
            recovery_hash(&codes[0].to_uppercase().replace('-', " ")),
            hashes[0]
        );
    }
}
