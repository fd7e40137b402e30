//! Figures and facts as people read them: durations, money, the numbers behind a
//! suggestion, and the labels of locations, suppliers and products.

use engine::model::now_ms;
use engine::Store;
use leptos::prelude::*;

use super::error::internal;
use crate::views::Fact;

/// A duration in words: "under a minute", "5 min", "3 h", "2 d".
pub fn span(ms: i64) -> String {
    match ms.max(0) / 60_000 {
        0 => "under a minute".into(),
        m if m < 60 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h", m / 60),
        m => format!("{} d", m / (24 * 60)),
    }
}

/// A moment as `2026-12-01 14:05 UTC`.
pub fn when(ms: i64) -> String {
    let minute = ms.rem_euclid(engine::model::DAY_MS) / 60_000;
    format!(
        "{} {:02}:{:02} UTC",
        engine::model::day_string(ms),
        minute / 60,
        minute % 60
    )
}

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

/// A count with thousands separated: `50,000`.
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// How long it is since `ms` (epoch ms), as a duration: "5 min".
pub fn since(ms: i64) -> String {
    span(now_ms() - ms)
}

/// A past moment `ms` (epoch ms) as a phrase: "just now", "5 min ago".
pub fn ago(ms: i64) -> String {
    relative(ms - now_ms())
}

/// A moment `delta` ms from now as a phrase: "just now" within a minute either way,
/// else "in 3 h" ahead or "5 min ago" behind.
pub fn relative(delta: i64) -> String {
    if delta.unsigned_abs() < 60_000 {
        "just now".into()
    } else if delta > 0 {
        format!("in {}", span(delta))
    } else {
        format!("{} ago", span(delta.saturating_neg()))
    }
}

pub(crate) fn money(minor: i64, currency: &str) -> String {
    engine::mail::money(minor, currency)
}

/// The numbers a suggestion used, as rows to show a reviewer.
pub(crate) fn snapshot_facts(json: &str) -> Vec<Fact> {
    let Ok(s) = serde_json::from_str::<engine::policy::Snapshot>(json) else {
        return Vec::new();
    };
    let mut out = vec![
        (
            "Stock position".into(),
            format!(
                "{} = {} on hand + {} in transit + {} on order",
                s.inventory_position,
                s.position.on_hand,
                s.position.in_transit,
                s.position.on_order
            ),
        ),
        ("Reorder point".into(), s.reorder_point.to_string()),
        ("Order up to".into(), s.target.to_string()),
        (
            "Safety stock".into(),
            format!(
                "{} ({})",
                s.safety_stock,
                if s.safety_stock_computed {
                    "from demand variability"
                } else {
                    "configured"
                }
            ),
        ),
        (
            "Daily demand".into(),
            format!(
                "{:.1} ± {:.1} over {} days",
                s.mean_daily_demand, s.demand_std_dev, s.history_days
            ),
        ),
        ("Lead time".into(), format!("{} days", s.lead_time_days)),
        (
            "Case pack / MOQ".into(),
            format!("{} / {}", s.case_pack, s.moq),
        ),
    ];
    if s.uplift > 1.0 {
        out.push(("Promotion uplift".into(), format!("×{:.2}", s.uplift)));
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
            Some((on_hand, in_transit, on_order, rop)) => format!(
                "{on_hand} on hand, {in_transit} in transit, {on_order} on order; reorder point {rop}; sold {sold} in 7 days"
            ),
            None => "no stock record".into(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn moments_read_right_either_side_of_now() {
        assert_eq!(relative(0), "just now");
        assert_eq!(relative(-59_999), "just now");
        assert_eq!(relative(59_999), "just now");
        assert_eq!(relative(-5 * 60_000), "5 min ago");
        assert_eq!(relative(3 * 3_600_000 + 1), "in 3 h");
        assert_eq!(relative(-3 * 86_400_000), "3 d ago");
        assert_eq!(relative(i64::MIN), format!("{} ago", super::span(i64::MAX)));
    }
}
