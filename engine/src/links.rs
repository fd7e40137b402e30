//! Signed links: a token that opens one purchase order for its supplier without a
//! password, or one invitation to a portal (the same scheme, another purpose). The token is `<link id>.<tag>`, the tag an HMAC-SHA256 (truncated to 128
//! bits) of the tenant and link id under the platform's key, so nothing secret is stored
//! per link: the link's row (`po_links`) says which order it opens, until when, and
//! whether it was revoked. A token changed in any character fails the tag check, in
//! constant time. Pure: the key comes from the store.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Days a purchase-order link works after the order is sent.
pub const PO_LINK_DAYS: i64 = 30;

/// The signing key's purpose name (`signing_keys.purpose`).
pub const LINK_KEY: &str = "links";

/// Bytes of the tag kept in the token.
const TAG_BYTES: usize = 16;

/// Days an invitation's link works.
pub const INVITE_DAYS: i64 = 7;

/// Minutes a password reset's link works (see `accounts`).
pub const RESET_MINUTES: i64 = 60;

fn mac(key: &[u8], purpose: &str, tenant: i64, link: i64) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(format!("{purpose}\n{tenant}\n{link}").as_bytes());
    mac
}

fn token(key: &[u8], purpose: &str, tenant: i64, link: i64) -> String {
    let tag = mac(key, purpose, tenant, link).finalize().into_bytes();
    format!("{link}.{}", hex::encode(&tag[..TAG_BYTES]))
}

/// The token of link `link` of `tenant`.
pub fn po_token(key: &[u8], tenant: i64, link: i64) -> String {
    token(key, "po-link", tenant, link)
}

/// The link id a token names, if its tag is right for `tenant` under `key`. Anything
/// else (malformed, another tenant's, changed) is `None`, with no hint which.
pub fn verify_po_token(key: &[u8], tenant: i64, token: &str) -> Option<i64> {
    verify(key, "po-link", tenant, token)
}

/// The token of invitation `id` of `tenant` (a purchase-order link's token with the same
/// number opens nothing here, and the other way round).
pub fn invite_token(key: &[u8], tenant: i64, id: i64) -> String {
    token(key, "invite", tenant, id)
}

/// The invitation id a token names, as [`verify_po_token`] does for order links.
pub fn verify_invite_token(key: &[u8], tenant: i64, token: &str) -> Option<i64> {
    verify(key, "invite", tenant, token)
}

/// The token of password reset `id` of `tenant` (see [`crate::accounts`]).
pub fn reset_token(key: &[u8], tenant: i64, id: i64) -> String {
    token(key, "password-reset", tenant, id)
}

/// The reset id a token names, as [`verify_po_token`] does for order links.
pub fn verify_reset_token(key: &[u8], tenant: i64, token: &str) -> Option<i64> {
    verify(key, "password-reset", tenant, token)
}

/// What a shopper's link does: confirm one subscription (double opt-in), manage the
/// shopper's alerts from one subscription (unsubscribe, preferences, erase), or name a
/// notification in the sale it led to (conversion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShopperLink {
    Confirm,
    Manage,
    Purchase,
}

impl ShopperLink {
    fn purpose(self) -> &'static str {
        match self {
            ShopperLink::Confirm => "bis-confirm",
            ShopperLink::Manage => "bis-manage",
            ShopperLink::Purchase => "bis-purchase",
        }
    }
}

/// The token of subscription `id` of `tenant` for `link` (one kind's token opens
/// nothing of another kind).
pub fn shopper_token(key: &[u8], link: ShopperLink, tenant: i64, id: i64) -> String {
    token(key, link.purpose(), tenant, id)
}

/// The subscription id a shopper's token names, as [`verify_po_token`] does for orders.
pub fn verify_shopper_token(
    key: &[u8],
    link: ShopperLink,
    tenant: i64,
    token: &str,
) -> Option<i64> {
    verify(key, link.purpose(), tenant, token)
}

fn verify(key: &[u8], purpose: &str, tenant: i64, token: &str) -> Option<i64> {
    let (id, tag) = token.split_once('.')?;
    if id.is_empty() || id.len() > 19 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let link: i64 = id.parse().ok()?;
    if tag.len() != TAG_BYTES * 2 {
        return None;
    }
    let tag = hex::decode(tag).ok()?;
    mac(key, purpose, tenant, link)
        .verify_truncated_left(&tag)
        .ok()?;
    Some(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_token_opens_its_own_link_only() {
        let token = po_token(KEY, 3, 42);
        assert!(token.starts_with("42."));
        assert_eq!(verify_po_token(KEY, 3, &token), Some(42));
        assert_eq!(verify_po_token(KEY, 4, &token), None, "another tenant");
        assert_eq!(verify_po_token(b"another key", 3, &token), None);
        // Another link id with this tag.
        let forged = token.replacen("42.", "43.", 1);
        assert_eq!(verify_po_token(KEY, 3, &forged), None);
        // An order link's token is no invitation, and the other way round.
        assert_eq!(verify_invite_token(KEY, 3, &token), None);
        let invite = invite_token(KEY, 3, 42);
        assert_eq!(verify_invite_token(KEY, 3, &invite), Some(42));
        assert_eq!(verify_po_token(KEY, 3, &invite), None);
    }

    #[test]
    fn every_changed_character_and_malformed_token_is_refused() {
        let token = po_token(KEY, 1, 7);
        for i in 0..token.len() {
            let mut bytes = token.clone().into_bytes();
            bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
            let changed = String::from_utf8(bytes).unwrap();
            if changed != token {
                assert_eq!(verify_po_token(KEY, 1, &changed), None, "{changed}");
            }
        }
        for bad in [
            "",
            ".",
            "7.",
            ".abc",
            "7",
            "-7.00",
            "99999999999999999999.00",
            &format!("{token}0"),
            &token[..token.len() - 1],
            "7.zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        ] {
            assert_eq!(verify_po_token(KEY, 1, bad), None, "{bad:?}");
        }
    }
}
