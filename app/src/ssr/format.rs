//! Figures and facts as people read them: durations, money, the numbers behind a
//! suggestion, and the labels of locations, suppliers and products.

use engine::model::now_ms;
use engine::Store;
use leptos::prelude::*;

use super::error::internal;
use crate::views::Fact;

/// A duration in words: "under a minute", "5 min", "3 h", "2 d".
pub fn span(lang: i18n::Lang, ms: i64) -> String {
    i18n::fmt::span(lang, ms)
}

/// A moment on this request's tenant's clock, in the page's language:
/// `2 Dec 2026, 14:05 CET` (UTC and English outside a tenant).
pub fn when(ms: i64) -> String {
    match super::context::tenant_ctx() {
        Some(tc) => when_at(&tc, ms),
        None => {
            let (d, t, zone) = engine::region::local_in(None, ms);
            i18n::fmt::date_time(i18n::Lang::En, d, t, &zone)
        }
    }
}

/// A moment on `tc`'s tenant's clock, in its request's language (for pages the
/// server renders whole).
pub fn when_at(tc: &super::TenantCtx, ms: i64) -> String {
    engine::region::date_time(&tc.tenant, tc.lang, ms)
}

/// The day `ms` falls on, on `tc`'s tenant's clock, in its request's language: `2 Dec
/// 2026` / `2. Dez. 2026` / `2 dec 2026` (for when something happened or ends).
pub fn day_at(tc: &super::TenantCtx, ms: i64) -> String {
    engine::region::day(tc.lang, &tc.tenant, ms)
}

/// A calendar day kept as its midnight UTC (a delivery day someone picked in a date
/// field, a week's Monday), in `lang`: that very day, never shifted into a zone.
pub use engine::region::calendar_day;

/// A moment as a machine reads it (a `<time datetime>`): `2026-12-01T14:05:00Z`.
pub fn iso(ms: i64) -> String {
    let second = ms.rem_euclid(engine::model::DAY_MS) / 1_000;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        engine::model::day_string(ms),
        second / 3_600,
        second / 60 % 60,
        second % 60
    )
}

/// A count with thousands separated: `50,000` / `50.000`.
pub fn count(lang: i18n::Lang, n: i64) -> String {
    i18n::fmt::count(lang, n)
}

/// How long it is since `ms` (epoch ms), as a duration: "5 min".
pub fn since(lang: i18n::Lang, ms: i64) -> String {
    span(lang, now_ms().saturating_sub(ms))
}

/// A past moment `ms` (epoch ms) as a phrase: "just now", "5 min ago".
pub fn ago(lang: i18n::Lang, ms: i64) -> String {
    relative(lang, ms.saturating_sub(now_ms()))
}

/// A moment `delta` ms from now as a phrase: "just now" within a minute either way,
/// else "in 3 h" ahead or "5 min ago" behind.
pub fn relative(lang: i18n::Lang, delta: i64) -> String {
    i18n::fmt::relative(lang, delta)
}

/// A role's name as people read it, in `lang` ("tenant admin").
pub(crate) fn role_label(lang: i18n::Lang, role: engine::model::Role) -> String {
    engine::model::LabelIn::label_in(&role, lang)
}

pub(crate) fn money(lang: i18n::Lang, minor: i64, currency: &str) -> String {
    i18n::fmt::money(lang, minor, currency)
}

/// The numbers a suggestion used, as rows to show a reviewer.
pub(crate) fn snapshot_facts(lang: i18n::Lang, json: &str) -> Vec<Fact> {
    let tr = |id: &str| i18n::t(lang, id);
    let n = |v: i64| i18n::fmt::count(lang, v);
    let Ok(s) = serde_json::from_str::<engine::policy::Snapshot>(json) else {
        return Vec::new();
    };
    let ta =
        |id: &str, args: &[(&'static str, i18n::FluentValue<'_>)]| i18n::t_args(lang, id, args);
    let mut out = vec![
        (
            tr("ui-fact-position"),
            ta(
                "ui-fact-position-value",
                &[
                    ("position", n(s.inventory_position).into()),
                    ("on_hand", n(s.position.on_hand).into()),
                    ("in_transit", n(s.position.in_transit).into()),
                    ("on_order", n(s.position.on_order).into()),
                ],
            ),
        ),
        (tr("ui-fact-reorder-point"), n(s.reorder_point)),
        (tr("ui-fact-order-up-to"), n(s.target)),
        (
            tr("ui-fact-safety-stock"),
            ta(
                if s.safety_stock_computed {
                    "ui-fact-safety-computed"
                } else {
                    "ui-fact-safety-configured"
                },
                &[("n", n(s.safety_stock).into())],
            ),
        ),
        (
            tr("ui-fact-daily-demand"),
            ta(
                "ui-fact-daily-demand-value",
                &[
                    (
                        "mean",
                        i18n::fmt::decimal(lang, s.mean_daily_demand, 1).into(),
                    ),
                    (
                        "spread",
                        i18n::fmt::decimal(lang, s.demand_std_dev, 1).into(),
                    ),
                    ("days", (s.history_days as i64).into()),
                ],
            ),
        ),
        (
            tr("ui-fact-lead-time"),
            ta("ui-fact-days", &[("days", s.lead_time_days.into())]),
        ),
        (
            tr("ui-fact-pack-moq"),
            format!("{} / {}", n(s.case_pack), n(s.moq)),
        ),
    ];
    if s.uplift > 1.0 {
        out.push((
            tr("ui-fact-uplift"),
            format!("×{}", i18n::fmt::decimal(lang, s.uplift, 2)),
        ));
    }
    out
}

pub(crate) struct Labels {
    pub(crate) locations: Vec<(i64, String, String)>,
    pub(crate) suppliers: Vec<(i64, String, String)>,
}

impl Labels {
    pub(crate) async fn load(
        store: &Store,
        tenant: engine::model::TenantId,
    ) -> Result<Labels, ServerFnError> {
        let (locations, suppliers) = store.labels(tenant).await.map_err(internal)?;
        Ok(Labels {
            locations,
            suppliers,
        })
    }
    pub(crate) fn location(&self, id: i64) -> String {
        self.locations
            .iter()
            .find(|l| l.0 == id)
            .map(|l| format!("{} · {}", l.1, l.2))
            .unwrap_or_default()
    }
    pub(crate) fn supplier(&self, id: i64) -> String {
        self.suppliers
            .iter()
            .find(|s| s.0 == id)
            .map(|s| s.2.clone())
            .unwrap_or_default()
    }
}

pub(crate) async fn product_label(
    store: &Store,
    tenant: engine::model::TenantId,
    id: i64,
) -> Result<String, ServerFnError> {
    Ok(store
        .product_labels(tenant, &[id])
        .await
        .map_err(internal)?
        .first()
        .map(|p| format!("{} {}", p.1, p.2))
        .unwrap_or_default())
}

pub(crate) async fn position_fact(
    lang: i18n::Lang,
    store: &Store,
    tenant: engine::model::TenantId,
    labels: &Labels,
    location: i64,
    product: i64,
) -> Result<Fact, ServerFnError> {
    let pos = store
        .position_by_ids(tenant, location, product)
        .await
        .map_err(internal)?;
    let sold = store
        .recent_demand(tenant, location, product, 7, now_ms())
        .await
        .map_err(internal)?;
    Ok((
        labels.location(location),
        match pos {
            Some((on_hand, in_transit, on_order, rop)) => {
                let n = |v: i64| i18n::fmt::count(lang, v);
                i18n::t_args(
                    lang,
                    "ui-fact-stock-line",
                    &[
                        ("on_hand", n(on_hand).into()),
                        ("in_transit", n(in_transit).into()),
                        ("on_order", n(on_order).into()),
                        ("rop", n(rop).into()),
                        ("sold", n(sold).into()),
                    ],
                )
            }
            None => i18n::t(lang, "ui-fact-no-stock-record"),
        },
    ))
}

#[cfg(test)]
mod tests {
    use i18n::Lang;

    #[test]
    fn the_numbers_behind_a_suggestion_read_in_each_language() {
        let snapshot = serde_json::json!({
            "position": {"on_hand": 1200, "in_transit": 0, "on_order": 40},
            "inventory_position": 1240, "mean_daily_demand": 12.34, "demand_std_dev": 2.5,
            "history_days": 28, "uplift": 1.0, "safety_stock": 30,
            "safety_stock_computed": true, "reorder_point": 1500, "target": 2000,
            "lead_time_days": 2, "case_pack": 6, "moq": 12
        })
        .to_string();
        let en = super::snapshot_facts(Lang::En, &snapshot);
        assert_eq!(
            en[0],
            (
                "Stock position".to_string(),
                "1,240 = 1,200 on hand + 0 in transit + 40 on order".to_string()
            )
        );
        assert_eq!(en[4].1, "12.3 ± 2.5 over 28 days");
        let de = super::snapshot_facts(Lang::De, &snapshot);
        assert_eq!(de[1], ("Meldebestand".to_string(), "1.500".to_string()));
        assert_eq!(de[4].1, "12,3 ± 2,5 über 28 Tage");
    }
}
