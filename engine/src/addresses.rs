//! Shoppers' e-mail addresses at rest: sealed with ChaCha20-Poly1305 under a key from
//! configuration (`subscriber_keys`), with the tenant as associated data, so a sealed
//! address copied to another tenant's row does not open; and found again by a keyed hash
//! (HMAC-SHA256 under a look-up key derived from the same key), never by the address.
//!
//! The key ring is rotatable: the first key seals, every key opens and every key's hash
//! is tried on look-up, so rows sealed under an older key keep working until
//! `shelfwise subscribers rekey` seals them again under the first. Pure: no store, no
//! logging (an address never reaches a log line from here).
//!
//! The same ring seals webhook secrets ([`AddressKeys::seal_for`] with another purpose
//! in the associated data, so a sealed secret never opens as an address or the reverse).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// One key of the ring.
#[derive(Clone)]
struct RingKey {
    id: String,
    seal: [u8; 32],
    lookup: [u8; 32],
}

/// The keys shopper addresses are sealed and looked up with; the first seals.
#[derive(Clone)]
pub struct AddressKeys {
    keys: Vec<RingKey>,
}

impl std::fmt::Debug for AddressKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        f.debug_struct("AddressKeys").field("ids", &ids).finish()
    }
}

fn derive(key: &[u8; 32], purpose: &str) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

/// The longest address accepted (RFC 5321's path limit).
pub const MAX_ADDRESS: usize = 254;

/// The address as it is kept and compared: trimmed and lower-cased, or why it is not an
/// e-mail address.
pub fn normalize(address: &str) -> Result<String, crate::error::Msg> {
    use crate::error::Msg;
    let a = address.trim().to_lowercase();
    if a.is_empty() {
        return Err(Msg::new("err-address-missing", &[]));
    }
    if a.len() > MAX_ADDRESS {
        return Err(Msg::new("err-address-too-long", &[]));
    }
    let Some((local, domain)) = a.rsplit_once('@') else {
        return Err(Msg::new("err-address-no-at", &[]));
    };
    let ok_domain = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    let ok_local = !local.is_empty()
        && local.len() <= 64
        && !local.bytes().any(|b| {
            b.is_ascii_whitespace() || b.is_ascii_control() || b"<>()[]\\,;:\"@".contains(&b)
        });
    if ok_domain && ok_local {
        Ok(a)
    } else {
        Err(Msg::new("err-address-invalid", &[]))
    }
}

impl AddressKeys {
    /// A ring from `id:hex,id:hex,…` (64 hex digits, 32 bytes, per key; the first seals).
    pub fn parse(spec: &str) -> Result<AddressKeys, String> {
        let mut keys = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (id, hex_key) = part
                .split_once(':')
                .ok_or_else(|| "each subscriber key is `id:64 hex digits`".to_string())?;
            let id = id.trim();
            if id.is_empty()
                || id.len() > 32
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(format!(
                    "subscriber key id {id:?}: use 1–32 letters, digits, - or _"
                ));
            }
            let bytes = hex::decode(hex_key.trim())
                .map_err(|_| format!("subscriber key {id}: not hexadecimal"))?;
            let key: [u8; 32] = bytes
                .try_into()
                .map_err(|_| format!("subscriber key {id}: must be 32 bytes (64 hex digits)"))?;
            if id == "db" {
                return Err("subscriber key id db is the development key's: choose another".into());
            }
            if keys.iter().any(|k: &RingKey| k.id == id) {
                return Err(format!("subscriber key id {id} appears twice"));
            }
            keys.push(Self::ring_key(id, key));
        }
        if keys.is_empty() {
            return Err("no subscriber key given".into());
        }
        Ok(AddressKeys { keys })
    }

    /// A ring of one key.
    pub fn single(id: &str, key: [u8; 32]) -> AddressKeys {
        AddressKeys {
            keys: vec![Self::ring_key(id, key)],
        }
    }

    /// The ring with one more key at its end, to open (never to seal) what it sealed:
    /// the development key kept in the database, once real keys are configured, until
    /// `rekey` has moved every address off it. Ignored when the ring has that id.
    pub fn with_old(mut self, id: &str, key: [u8; 32]) -> AddressKeys {
        if !self.keys.iter().any(|k| k.id == id) {
            self.keys.push(Self::ring_key(id, key));
        }
        self
    }

    fn ring_key(id: &str, key: [u8; 32]) -> RingKey {
        RingKey {
            id: id.to_string(),
            seal: derive(&key, "shelfwise address seal v1"),
            lookup: derive(&key, "shelfwise address lookup v1"),
        }
    }

    /// The id of the key that seals.
    pub fn current(&self) -> &str {
        &self.keys[0].id
    }

    fn hash_with(key: &RingKey, tenant: i64, address: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.lookup)
            .expect("HMAC takes a key of any length");
        mac.update(format!("{tenant}\n{address}").as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The look-up hash of a normalised address under the sealing key.
    pub fn hash(&self, tenant: i64, address: &str) -> String {
        Self::hash_with(&self.keys[0], tenant, address)
    }

    /// The hash under every key of the ring, the sealing key's first: a row sealed
    /// before a rotation is found by one of them.
    pub fn hashes(&self, tenant: i64, address: &str) -> Vec<String> {
        self.keys
            .iter()
            .map(|k| Self::hash_with(k, tenant, address))
            .collect()
    }

    /// `<key id>:<hex nonce and ciphertext>`.
    pub fn seal(&self, tenant: i64, address: &str) -> String {
        self.seal_for("address", tenant, address)
    }

    /// The address a sealed value holds, if a key of the ring opens it for `tenant`.
    pub fn open(&self, tenant: i64, sealed: &str) -> Option<String> {
        self.open_for("address", tenant, sealed)
    }

    /// Seals `plain` for `tenant` and `purpose` (e.g. `webhook_secret`): a value sealed
    /// for one purpose or tenant does not open for another.
    pub fn seal_for(&self, purpose: &str, tenant: i64, plain: &str) -> String {
        let key = &self.keys[0];
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&key.seal));
        let nonce: [u8; 12] = rand::random();
        let aad = format!("{purpose}\n{tenant}");
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .expect("sealing in memory cannot fail");
        format!("{}:{}{}", key.id, hex::encode(nonce), hex::encode(sealed))
    }

    /// What [`AddressKeys::seal_for`] sealed, if a key of the ring opens it.
    pub fn open_for(&self, purpose: &str, tenant: i64, sealed: &str) -> Option<String> {
        let (id, rest) = sealed.split_once(':')?;
        let key = self.keys.iter().find(|k| k.id == id)?;
        let bytes = hex::decode(rest).ok()?;
        if bytes.len() < 12 + 16 {
            return None;
        }
        let (nonce, body) = bytes.split_at(12);
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&key.seal));
        let aad = format!("{purpose}\n{tenant}");
        let plain = cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// Whether a sealed value was sealed under the current key.
    pub fn is_current(&self, sealed: &str) -> bool {
        sealed
            .split_once(':')
            .is_some_and(|(id, _)| id == self.current())
    }
}

/// `j•••@example.com`: enough for a shopper to recognise their own address on a page.
pub fn masked(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(spec: &str) -> AddressKeys {
        AddressKeys::parse(spec).unwrap()
    }
    const K1: &str = "k1:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    const K2: &str = "k2:1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100";

    #[test]
    fn an_address_opens_for_its_tenant_only_and_never_shows_in_the_sealed_text() {
        let keys = ring(K1);
        let sealed = keys.seal(3, "ann@example.com");
        assert!(!sealed.contains("ann"), "{sealed}");
        assert_eq!(keys.open(3, &sealed).as_deref(), Some("ann@example.com"));
        assert_eq!(
            keys.open(4, &sealed),
            None,
            "another tenant's row does not open"
        );
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push('0');
        if tampered != sealed {
            assert_eq!(keys.open(3, &tampered), None);
        }
        assert_ne!(
            keys.seal(3, "ann@example.com"),
            sealed,
            "a fresh nonce each time"
        );
    }

    #[test]
    fn a_rotated_ring_opens_and_finds_what_the_old_key_sealed() {
        let old = ring(K1);
        let sealed = old.seal(3, "ann@example.com");
        let rotated = ring(&format!("{K2},{K1}"));
        assert_eq!(rotated.current(), "k2");
        assert_eq!(rotated.open(3, &sealed).as_deref(), Some("ann@example.com"));
        assert!(!rotated.is_current(&sealed));
        assert!(rotated
            .hashes(3, "ann@example.com")
            .contains(&old.hash(3, "ann@example.com")));
        assert_ne!(
            old.hash(3, "ann@example.com"),
            old.hash(4, "ann@example.com")
        );
        assert_eq!(
            ring(K2).open(3, &sealed),
            None,
            "a removed key opens nothing"
        );
    }

    #[test]
    fn bad_rings_and_addresses_are_named() {
        assert!(AddressKeys::parse("").is_err());
        assert!(AddressKeys::parse("k1:abcd")
            .unwrap_err()
            .contains("32 bytes"));
        assert!(AddressKeys::parse(&format!("{K1},{K1}"))
            .unwrap_err()
            .contains("twice"));
        assert_eq!(normalize("  Ann@Example.COM ").unwrap(), "ann@example.com");
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.com",
            "a b@example.com",
            "ann@example",
            "ann@exa mple.com",
        ] {
            assert!(normalize(bad).is_err(), "{bad:?}");
        }
        assert!(normalize(&format!("{}@example.com", "a".repeat(250))).is_err());
        assert_eq!(masked("ann@example.com"), "a•••@example.com");
    }
}
