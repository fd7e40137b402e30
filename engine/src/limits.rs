//! The ranges numbers from outside must fall in: every entry point (forms, the REST API,
//! tenant files, the TOML editor) checks them and names the field at fault, and the
//! engine's arithmetic on numbers inside them cannot overflow (it is checked or
//! saturating besides; release builds also keep overflow checks on).

use crate::error::Msg;

/// Largest quantity one event, document line or command may move.
pub const MAX_QUANTITY: i64 = 1_000_000;
/// Largest stock level a policy or position may name (reorder point, order-up-to,
/// safety stock, minimum order quantity).
pub const MAX_LEVEL: i64 = 100_000_000;
/// Largest factor between a store's and a distribution centre's levels.
pub const MAX_DC_MULTIPLIER: i64 = 1_000;
/// Largest case pack.
pub const MAX_CASE_PACK: i64 = 100_000;
/// Largest lead time, in days.
pub const MAX_LEAD_TIME_DAYS: i64 = 365;
/// Largest amount of money, in minor units (a trillion in currency units).
pub const MAX_MONEY_MINOR: i64 = 100_000_000_000_000;
/// Largest service-level z (5 ≈ 99.99997 %).
pub const MAX_SERVICE_Z: f64 = 5.0;
/// Largest promotion uplift factor.
pub const MAX_UPLIFT: f64 = 20.0;
/// Furthest ahead a supplier may promise delivery, in days.
pub const MAX_PROMISE_DAYS: i64 = 730;
/// Longest note a supplier or buyer may write on an order (characters).
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Largest file attached to an order's message (bytes), and most files per order.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ATTACHMENTS_PER_ORDER: i64 = 50;
/// All files of a tenant's order messages together (bytes): a leaked link or a busy
/// supplier cannot fill the database.
pub const MAX_ATTACHMENT_BYTES_PER_TENANT: i64 = 2 * 1024 * 1024 * 1024;

/// `value` when it lies in `lo..=hi`, else a message naming `field` and the range.
pub fn within(field: &str, value: i64, lo: i64, hi: i64) -> Result<i64, String> {
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{field} must be between {lo} and {hi}"))
    }
}

/// [`within`] as a message: "`field` must be between `lo` and `hi`" (for a field named
/// as a file or form names it, e.g. `case_pack`).
pub fn within_field(field: &str, value: i64, lo: i64, hi: i64) -> Result<i64, Msg> {
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(Msg::new(
            "err-field-range",
            &[
                ("field", field.to_string()),
                ("lo", lo.to_string()),
                ("hi", hi.to_string()),
            ],
        ))
    }
}

/// [`within`] for a person: else the catalogue message `id` (which names the field and
/// has `$lo` and `$hi`), e.g. `err-range-quantity`.
pub fn within_msg(id: &'static str, value: i64, lo: i64, hi: i64) -> Result<i64, Msg> {
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(Msg::new(
            id,
            &[("lo", lo.to_string()), ("hi", hi.to_string())],
        ))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn within_names_the_field_and_the_range() {
        assert_eq!(super::within("moq", 5, 0, 10), Ok(5));
        assert_eq!(
            super::within("moq", i64::MAX, 0, 10),
            Err("moq must be between 0 and 10".to_string())
        );
    }
}
