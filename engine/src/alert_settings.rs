//! A tenant's back-in-stock settings (`tenant_settings.back_in_stock`), their documented
//! ranges and defaults: read by the alerts service (`back_in_stock`) and by the shopper
//! e-mails (`mail::shoppers`), so it belongs to neither.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Msg;
use crate::limits::within_msg;
use crate::model::TenantId;
use crate::store::Store;

/// How back-in-stock alerts work for one tenant (JSON in `tenant_settings`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Shoppers may subscribe, and the public page, widget and availability answer
    /// (otherwise they are not found). Off until the tenant turns it on (its admin, or
    /// its tenant file's `[back_in_stock]`), so no tenant's stock shows by surprise.
    pub enabled: bool,
    /// A wave notifies units available × this / 100 shoppers (100–10,000: ×1 to ×100).
    pub wave_percent: i64,
    /// Minutes between waves while stock lasts (1–10,080).
    pub wave_minutes: i64,
    /// Shopper e-mails the tenant sends per minute at most (1–10,000).
    pub sends_per_minute: i64,
    /// Hours a channel stays out before waiting shoppers are offered the substitute
    /// (1–2,160).
    pub substitute_hours: i64,
    /// SKU → the SKU offered instead when it stays out.
    pub substitutes: BTreeMap<String, String>,
    /// Shop origins (`https://shop.example`) whose pages may embed the widget.
    pub allowed_origins: Vec<String>,
    /// The location whose stock is the online shop's, shown as "Online".
    pub online_location: Option<String>,
    /// Each waiting shopper counts as this many hundredths of a unit of demand in
    /// replenishment (0–100).
    pub demand_weight_percent: i64,
    /// Where a notification sends the shopper to buy: `{sku}` and `{ref}` are replaced
    /// (the reference comes back on the sale event). Without it, the hosted page.
    pub shop_url: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: false,
            wave_percent: 100,
            wave_minutes: 60,
            sends_per_minute: 120,
            substitute_hours: 72,
            substitutes: BTreeMap::new(),
            allowed_origins: Vec::new(),
            online_location: None,
            demand_weight_percent: 50,
            shop_url: None,
        }
    }
}

/// Hours a confirmation link works.
pub const CONFIRM_HOURS: i64 = 48;

/// The most origins and substitutes a tenant may list.
pub const MAX_ORIGINS: usize = 20;
pub const MAX_SUBSTITUTES: usize = 500;

/// Whether `origin` is a bare `http(s)://host[:port]` (no path, no trailing slash).
pub fn valid_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest.len() <= 253
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
}

impl Settings {
    /// Every field within its range, or a sentence naming the first that is not.
    pub fn validate(&self) -> Result<(), Msg> {
        within_msg("err-bis-range-wave-size", self.wave_percent, 100, 10_000)?;
        within_msg("err-bis-range-wave-minutes", self.wave_minutes, 1, 10_080)?;
        within_msg("err-bis-range-sends", self.sends_per_minute, 1, 10_000)?;
        within_msg(
            "err-bis-range-substitute-hours",
            self.substitute_hours,
            1,
            2_160,
        )?;
        within_msg(
            "err-bis-range-demand-weight",
            self.demand_weight_percent,
            0,
            100,
        )?;
        if self.allowed_origins.len() > MAX_ORIGINS {
            return Err(Msg::new(
                "err-bis-origins",
                &[("most", MAX_ORIGINS.to_string())],
            ));
        }
        if let Some(bad) = self.allowed_origins.iter().find(|o| !valid_origin(o)) {
            return Err(Msg::new(
                "err-bis-origin",
                &[("origin", format!("{bad:?}"))],
            ));
        }
        if self.substitutes.len() > MAX_SUBSTITUTES {
            return Err(Msg::new(
                "err-bis-substitutes",
                &[("most", MAX_SUBSTITUTES.to_string())],
            ));
        }
        if let Some((sku, _)) = self.substitutes.iter().find(|(a, b)| a == b) {
            return Err(Msg::new("err-bis-own-substitute", &[("sku", sku.clone())]));
        }
        if let Some(url) = &self.shop_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 500 {
                return Err(Msg::new("err-bis-shop-link", &[]));
            }
        }
        Ok(())
    }

    /// The tenant's settings (the defaults when none were saved, or the saved ones no
    /// longer read).
    pub async fn load(store: &Store, tenant: TenantId) -> Result<Settings, sqlx::Error> {
        Ok(Settings::from_stored(
            store.back_in_stock_json(tenant).await?,
            tenant,
        ))
    }

    /// The settings a stored JSON value holds: the defaults (alerts off) for none or one
    /// that does not read; for one that reads but no longer passes validation, the
    /// defaults with its on/off kept, so a stricter rule never silently switches a
    /// tenant's alerts off.
    pub fn from_stored(json: Option<String>, tenant: TenantId) -> Settings {
        match json.map(|j| serde_json::from_str::<Settings>(&j)) {
            None => Settings::default(),
            Some(Ok(s)) if s.validate().is_ok() => s,
            Some(read) => {
                tracing::warn!(
                    tenant = tenant.0,
                    "stored back-in-stock settings are not valid; using the defaults"
                );
                Settings {
                    enabled: read.map(|s| s.enabled).unwrap_or(false),
                    ..Settings::default()
                }
            }
        }
    }

    /// Units of demand `waiting` shoppers stand for in replenishment (rounded up).
    pub fn waiting_demand(&self, waiting: i64) -> i64 {
        waiting
            .max(0)
            .saturating_mul(self.demand_weight_percent)
            .saturating_add(99)
            / 100
    }

    /// Shoppers a wave notifies when `available` units are on hand.
    pub fn wave_size(&self, available: i64) -> i64 {
        available
            .max(0)
            .saturating_mul(self.wave_percent)
            .saturating_add(99)
            / 100
    }

    /// Whether a page of `origin` may use the widget.
    pub fn allows_origin(&self, origin: &str) -> bool {
        self.allowed_origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_enforced_and_named() {
        assert!(Settings::default().validate().is_ok());
        let s = Settings {
            wave_percent: 99,
            ..Settings::default()
        };
        assert!(s.validate().unwrap_err().contains("Wave size"));
        let s = Settings {
            allowed_origins: vec!["https://shop.example/path".into()],
            ..Settings::default()
        };
        assert!(s.validate().unwrap_err().contains("origin"));
        let s = Settings {
            substitutes: [("A".to_string(), "A".to_string())].into(),
            ..Settings::default()
        };
        assert!(s.validate().is_err());
    }

    #[test]
    fn a_wave_is_units_times_the_multiplier_rounded_up() {
        let s = Settings {
            wave_percent: 150,
            ..Settings::default()
        };
        assert_eq!(s.wave_size(3), 5);
        assert_eq!(s.wave_size(0), 0);
        assert_eq!(s.wave_size(-4), 0);
        assert_eq!(Settings::default().wave_size(i64::MAX), i64::MAX / 100);
    }
}
