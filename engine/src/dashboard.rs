//! The dashboards: a tenant's figures at a glance (stockout exposure, fill rate,
//! inventory value and turns, forecast error, exceptions by age, approval latency,
//! supplier performance, back-in-stock conversion), for its staff
//! ([`Permission::ViewInventory`]) and, client by client, for its partner
//! (`partners::client_dashboards`). The figures are read by `store::dashboard`, the supplier
//! ones by [`crate::scorecard`]; the server draws them as charts.

use crate::error::EngineError;
use crate::limits::MAX_MONEY_MINOR;
use crate::model::{Member, Permission, TenantId, DAY_MS};
use crate::scorecard;
use crate::store::Store;

/// Days of sales the turns are measured over (then scaled to a year).
pub const TURN_DAYS: i64 = 28;
/// Days approvals and back-in-stock alerts are counted over.
pub const RECENT_DAYS: i64 = 30;
/// The MASE buckets of the forecast-error chart: upper bounds (the last is open).
pub const MASE_BOUNDS: [f64; 3] = [0.5, 1.0, 1.5];
/// The approval-latency buckets: upper bounds in hours (the last is open).
pub const LATENCY_HOURS: [i64; 3] = [1, 4, 24];

/// One supplier's performance.
#[derive(Clone, Debug, PartialEq)]
pub struct SupplierFigures {
    pub name: String,
    /// Orders acknowledged on time, over those whose answer was due.
    pub on_time: Option<f64>,
    /// Units received in good order over units ordered, on delivered orders.
    pub fill_rate: Option<f64>,
}

/// A tenant's dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// Stock positions, and those with nothing on hand.
    pub positions: i64,
    pub positions_out: i64,
    /// Expected lost sales of the open stock exceptions (minor units).
    pub lost_sales_minor: i64,
    /// Stockouts raised per day, oldest first, over the partner console's window.
    pub stockouts_by_day: Vec<i64>,
    /// Stock value at cost by location (name, minor units), by name.
    pub value_by_location: Vec<(String, i64)>,
    pub inventory_minor: i64,
    /// Cost of goods sold over a year at the last [`TURN_DAYS`] days' pace, over the
    /// stock value; `None` without stock.
    pub turns: Option<f64>,
    /// Units received over ordered, all suppliers' delivered orders together.
    pub fill_rate: Option<f64>,
    /// Forecasts by MASE bucket ([`MASE_BOUNDS`], then above), and those without one.
    pub forecast_error: [i64; 4],
    pub forecasts_without_error: i64,
    pub median_mase: Option<f64>,
    /// Open exceptions raised in the last day, one to seven days ago, earlier.
    pub exceptions_by_age: [i64; 3],
    /// Decisions by hours from the request for approval ([`LATENCY_HOURS`], then
    /// above), over [`RECENT_DAYS`].
    pub approval_latency: [i64; 4],
    pub median_approval_hours: Option<f64>,
    pub pending_approvals: i64,
    pub suppliers: Vec<SupplierFigures>,
    /// Back-in-stock alerts sent over [`RECENT_DAYS`], and of those bought.
    pub alerts_notified: i64,
    pub alerts_bought: i64,
}

/// The median of the finite values ([`scorecard::median`]).
fn median(mut v: Vec<f64>) -> Option<f64> {
    v.retain(|x| x.is_finite());
    scorecard::median(v)
}

/// A sum of money read as floating point, as whole minor units within the bounds.
fn saturate_minor(v: f64) -> i64 {
    if v.is_finite() {
        v.clamp(0.0, MAX_MONEY_MINOR as f64).round() as i64
    } else {
        0
    }
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The tenant's dashboard at `now`. Needs [`Permission::ViewInventory`].
pub async fn dashboard(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Dashboard, EngineError> {
    member.require(Permission::ViewInventory)?;
    figures(store, tenant, now).await
}

/// A tenant's dashboard, for a caller that checked the permission (its staff, or its
/// partner for a client).
pub(crate) async fn figures(
    store: &Store,
    tenant: TenantId,
    now: i64,
) -> Result<Dashboard, EngineError> {
    let today = now.div_euclid(DAY_MS);
    let since = now.saturating_sub(RECENT_DAYS * DAY_MS);
    // Today's sales are still coming in: the pace is read over whole days up to
    // yesterday.
    let raw = store
        .dashboard_figures(tenant, (today - TURN_DAYS, today), since)
        .await?;
    let health = store.client_health(tenant, now).await?;
    let cards = scorecard::compute(store, tenant, None, now).await?;
    let value_by_location: Vec<(String, i64)> = raw
        .value_by_location
        .iter()
        .map(|(name, v)| (name.clone(), saturate_minor(*v)))
        .collect();
    let inventory: f64 = raw.value_by_location.iter().map(|(_, v)| v.max(0.0)).sum();
    let yearly_cost = raw.sold_at_cost.max(0.0) * 365.0 / TURN_DAYS as f64;
    let turns = (inventory >= 1.0 && yearly_cost.is_finite()).then(|| yearly_cost / inventory);
    let mut forecast_error = [0; 4];
    let mut without = 0;
    for m in &raw.mase {
        match m {
            Some(m) if m.is_finite() => {
                let i = MASE_BOUNDS.iter().position(|b| *m < *b).unwrap_or(3);
                forecast_error[i] += 1;
            }
            _ => without += 1,
        }
    }
    let mut approval_latency = [0; 4];
    for ms in &raw.approval_ms {
        let hours = ms.max(&0) / 3_600_000;
        let i = LATENCY_HOURS.iter().position(|b| hours < *b).unwrap_or(3);
        approval_latency[i] += 1;
    }
    let (received, ordered) = cards.iter().fold((0i64, 0i64), |(r, o), c| {
        (
            r.saturating_add(c.units_received),
            o.saturating_add(c.units_ordered),
        )
    });
    Ok(Dashboard {
        positions: raw.positions,
        positions_out: raw.positions_out,
        lost_sales_minor: saturate_minor(raw.lost_sales),
        stockouts_by_day: health.stockouts_by_day,
        inventory_minor: saturate_minor(inventory),
        value_by_location,
        turns,
        fill_rate: share(received, ordered),
        forecast_error,
        forecasts_without_error: without,
        median_mase: median(raw.mase.iter().flatten().copied().collect()),
        exceptions_by_age: health.exceptions_by_age,
        approval_latency,
        median_approval_hours: median(
            raw.approval_ms
                .iter()
                .map(|ms| *ms.max(&0) as f64 / 3_600_000.0)
                .collect(),
        ),
        pending_approvals: health.pending_approvals,
        suppliers: cards
            .iter()
            .map(|c| SupplierFigures {
                name: c.supplier.clone(),
                on_time: share(c.on_time, c.due),
                fill_rate: share(c.units_received, c.units_ordered),
            })
            .collect(),
        alerts_notified: raw.alerts_notified,
        alerts_bought: raw.alerts_bought,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_money_survive_garbage() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, f64::NAN, 2.0, 3.0]), Some(2.5));
        assert_eq!(saturate_minor(f64::NAN), 0);
        assert_eq!(saturate_minor(-5.0), 0);
        assert_eq!(saturate_minor(f64::INFINITY), 0);
        assert_eq!(saturate_minor(1e300), MAX_MONEY_MINOR);
        assert_eq!(share(1, 0), None);
        assert_eq!(share(1, 4), Some(0.25));
    }
}
