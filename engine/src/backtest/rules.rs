//! How each rule sets a position's reorder point and order-up-to on a simulated day.
//! All three use the class's service level; the baselines cover the scenario's days
//! beyond the reorder point, the forecast-driven rule the days its class's policy sets
//! (the synthetic network's: a day, see `synthetic`). They differ in what they know of
//! demand and of lead times:
//!
//! - **static min/max**: the mean and standard deviation of the first 28 days of
//!   sales, over the supplier's quoted lead time, fixed for the whole run;
//! - **naive adaptive**: the same formula on the last 28 days, recomputed daily;
//! - **forecast-driven**: the series' forecast (`crate::forecast`: method chosen per
//!   series, promotions as inputs) summed over the lead time and the cover, with safety
//!   stock from the forecast's measured error and the supplier's measured lead-time
//!   variability, at the class's service level, spread by the value each series sells
//!   a day (`crate::policy::spread_service_level`) when the product's policy asks for it
//!   (the synthetic network's do), and with the order cycle counted when it asks for
//!   that (`crate::policy::safety`: late and early deliveries of frequent orders
//!   partly offset one another, and a position ordered more often than weekly shares
//!   the class's weekly stockout chance over its orders), as the live policy does. The
//!   live policy's order cycle also counts a minimum order quantity and the tenant's
//!   purchase-order window; scenarios have neither (one order a supplier and store a
//!   day).

use std::collections::BTreeMap;

use super::{Scenario, Seen};
use crate::forecast::{self, z_for_service_level, Forecast, Input, Method};
use crate::policy::{
    cycle_service_level, lead_time_demand_sd, order_cycle_days, spread_service_level,
};
use crate::replenish::po_lifecycle::{LEAD_TIME_DELIVERIES, MIN_LEAD_TIME_DELIVERIES};

/// Days of sales the baselines average.
pub const WINDOW: usize = 28;
/// Days of sales a forecast fits at most (bounded work per series).
pub const FORECAST_HISTORY: usize = 112;

/// A replenishment rule under test.
pub enum Rule {
    StaticMinMax {
        levels: Vec<Option<(i64, i64)>>,
        /// One service level for every item (percent), instead of the class's.
        service: Option<f64>,
    },
    NaiveAdaptive {
        service: Option<f64>,
    },
    Forecast(ForecastRule),
    /// Fixed levels per series: a tenant's positions as they are set today.
    Current {
        levels: Vec<(i64, i64)>,
    },
}

/// The forecast-driven rule's state: each series' latest forecast and the day it was made.
pub struct ForecastRule {
    /// Days between refits of a series (the live system refits as sales arrive; the
    /// backtest may refit less often to run faster).
    pub refit_days: usize,
    fits: Vec<Option<(usize, Forecast)>>,
    /// The day the fits were last brought up to date, and each class's average value
    /// sold a day on it (what the class's service level is spread against).
    day: Option<usize>,
    class_value: BTreeMap<String, f64>,
}

impl Rule {
    /// Static min/max; `service` in percent for every item, or `None` for the class's.
    pub fn static_min_max(service: Option<f64>) -> Rule {
        Rule::StaticMinMax {
            levels: Vec::new(),
            service,
        }
    }

    /// Naive adaptive; `service` as for [`Rule::static_min_max`].
    pub fn naive_adaptive(service: Option<f64>) -> Rule {
        Rule::NaiveAdaptive { service }
    }

    pub fn forecast(refit_days: usize) -> Rule {
        Rule::Forecast(ForecastRule {
            refit_days: refit_days.max(1),
            fits: Vec::new(),
            day: None,
            class_value: BTreeMap::new(),
        })
    }

    /// The rule's name, with its one service level when it has one.
    pub fn name(&self) -> String {
        let flat = |name: &str, service: &Option<f64>| match service {
            Some(p) => format!("{name} ({p} % for all)"),
            None => format!("{name} (class service levels)"),
        };
        match self {
            Rule::StaticMinMax { service, .. } => flat("static min/max", service),
            Rule::NaiveAdaptive { service } => flat("naive adaptive", service),
            Rule::Forecast(_) => "forecast-driven (class service levels)".to_string(),
            Rule::Current { .. } => "current levels".to_string(),
        }
    }

    /// Series per forecasting method, for the forecast-driven rule.
    pub fn methods(&self) -> Vec<(String, u64)> {
        let Rule::Forecast(f) = self else {
            return Vec::new();
        };
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for (_, fc) in f.fits.iter().flatten() {
            *counts.entry(fc.method.as_str().to_string()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The (reorder point, order-up-to) of `series` today.
    pub fn levels(&mut self, seen: &Seen, series: usize) -> (i64, i64) {
        let sc = seen.scenario;
        let product = &sc.products[sc.product_of(series)];
        let flat = match self {
            Rule::StaticMinMax { service, .. } | Rule::NaiveAdaptive { service } => *service,
            Rule::Forecast(_) | Rule::Current { .. } => None,
        };
        let z = z_for_service_level(flat.unwrap_or(product.service_level));
        let quoted = sc.suppliers[product.supplier].lead_days.max(1) as usize;
        let sales = &seen.sales[series];
        match self {
            Rule::StaticMinMax { levels, .. } => {
                if levels.len() != sc.series() {
                    *levels = vec![None; sc.series()];
                }
                *levels[series].get_or_insert_with(|| {
                    let first = &sales[..WINDOW.min(sales.len())];
                    formula(first, quoted, z, sc.cover_days)
                })
            }
            Rule::NaiveAdaptive { .. } => {
                let last = &sales[sales.len().saturating_sub(WINDOW)..];
                formula(last, quoted, z, sc.cover_days)
            }
            Rule::Forecast(state) => state.levels(seen, series),
            Rule::Current { levels } => levels.get(series).copied().unwrap_or((0, 0)),
        }
    }
}

/// Mean and sample standard deviation.
fn moments(y: &[u32]) -> (f64, f64) {
    if y.is_empty() {
        return (0.0, 0.0);
    }
    let n = y.len() as f64;
    let mean = y.iter().map(|v| f64::from(*v)).sum::<f64>() / n;
    if y.len() < 2 {
        return (mean, 0.0);
    }
    let var = y
        .iter()
        .map(|v| (f64::from(*v) - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    (mean, var.sqrt())
}

/// The classic formula the baselines use: reorder point = mean × L + z σ √L, order-up-to
/// = reorder point + mean × cover (at least one more).
pub fn formula(sales: &[u32], lead: usize, z: f64, cover: usize) -> (i64, i64) {
    let (mean, sd) = moments(sales);
    let l = lead as f64;
    let rop = (mean * l + z * sd * l.sqrt()).ceil() as i64;
    let out = rop + ((mean * cover as f64).ceil() as i64).max(1);
    (rop, out)
}

/// Days the forecast-driven rule covers beyond the reorder point for `product`.
fn cover_days(sc: &Scenario, product: &super::Product) -> usize {
    product.cover_days.unwrap_or(sc.cover_days).max(1)
}

/// A supplier's lead time (days) and its standard deviation as the live system measures
/// them (`replenish::po_lifecycle`): over its latest [`LEAD_TIME_DELIVERIES`] delivered
/// orders (`measured` oldest first, one per purchase order), the median and the sample
/// standard deviation; the quoted lead time and no variability until
/// [`MIN_LEAD_TIME_DELIVERIES`] orders have been delivered.
pub fn lead_time(measured: &[i64], quoted: i64) -> (f64, f64) {
    if (measured.len() as i64) < MIN_LEAD_TIME_DELIVERIES {
        return (quoted.max(1) as f64, 0.0);
    }
    let from = measured.len().saturating_sub(LEAD_TIME_DELIVERIES as usize);
    let mut y: Vec<u32> = measured[from..]
        .iter()
        .map(|v| (*v).clamp(1, 3650) as u32)
        .collect();
    let (_, sd) = moments(&y);
    y.sort_unstable();
    (f64::from(y[y.len() / 2]), sd)
}

impl ForecastRule {
    /// Refits every stale series and measures each class's average value sold a day, once
    /// a day before the first position is reviewed (as the live refresh job keeps the
    /// stored forecasts, and so the class averages, current).
    fn update(&mut self, seen: &Seen) {
        let sc: &Scenario = seen.scenario;
        if self.fits.len() != sc.series() {
            self.fits = (0..sc.series()).map(|_| None).collect();
        }
        for series in 0..sc.series() {
            self.refit(seen, series);
        }
        let mut sums: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
        for (series, fit) in self.fits.iter().enumerate() {
            let product = &sc.products[sc.product_of(series)];
            let selling = |fc: &Forecast| fc.mean_daily() > 0.0 && product.unit_cost_minor > 0;
            if let Some((_, fc)) = fit.as_ref().filter(|(_, fc)| selling(fc)) {
                let e = sums.entry(product.class.as_str()).or_default();
                e.0 += fc.mean_daily() * product.unit_cost_minor as f64;
                e.1 += 1;
            }
        }
        self.class_value = sums
            .into_iter()
            .map(|(class, (sum, n))| (class.to_string(), sum / n.max(1) as f64))
            .collect();
        self.day = Some(seen.today);
    }

    /// Fits `series` again when its forecast is stale: ETS and MSTL every `refit_days`,
    /// the cheap intermittent methods (and a short history) daily, as live.
    fn refit(&mut self, seen: &Seen, series: usize) {
        let sc: &Scenario = seen.scenario;
        let product_index = sc.product_of(series);
        let product = &sc.products[product_index];
        let supplier = &sc.suppliers[product.supplier];
        let (lead_mean, _) = lead_time(&seen.lead_times[product.supplier], supplier.lead_days);
        let lead = lead_mean.round().max(1.0) as usize;
        let today = seen.today;
        let stale = self.fits[series].as_ref().is_none_or(|(day, fc)| {
            let every = match fc.method {
                Method::Ets | Method::Mstl => self.refit_days,
                _ => 1,
            };
            today >= day + every
        });
        if !stale {
            return;
        }
        let sales = &seen.sales[series];
        let from = sales.len().saturating_sub(FORECAST_HISTORY);
        let history: Vec<f64> = sales[from..].iter().map(|v| f64::from(*v)).collect();
        let past: Vec<f64> = (from..sales.len())
            .map(|d| sc.uplift(product_index, d))
            .collect();
        let horizon = lead + cover_days(sc, product) + self.refit_days + 7;
        let future: Vec<f64> = (1..=horizon)
            .map(|d| sc.uplift(product_index, today + d))
            .collect();
        let fc = forecast::forecast(
            &Input {
                history: &history,
                past_uplift: &past,
                future_uplift: &future,
            },
            horizon,
        );
        self.fits[series] = Some((today, fc));
    }

    fn levels(&mut self, seen: &Seen, series: usize) -> (i64, i64) {
        if self.day != Some(seen.today) || self.fits.len() != seen.scenario.series() {
            self.update(seen);
        }
        let sc: &Scenario = seen.scenario;
        let product = &sc.products[sc.product_of(series)];
        let supplier = &sc.suppliers[product.supplier];
        let (lead_mean, lead_sd) =
            lead_time(&seen.lead_times[product.supplier], supplier.lead_days);
        let lead = lead_mean.round().max(1.0) as usize;
        let Some((made, fc)) = &self.fits[series] else {
            return (0, 1);
        };
        // The class's service level spread by the value this series sells a day, as the
        // live forecast-driven policy does (`policy::spread_service_level`).
        let level = match self.class_value.get(&product.class) {
            Some(mean) if product.spread_service && product.unit_cost_minor > 0 => {
                spread_service_level(
                    product.service_level,
                    fc.mean_daily() * product.unit_cost_minor as f64,
                    *mean,
                )
            }
            _ => product.service_level,
        };
        let offset = seen.today - made;
        let window = |from: usize, days: usize| -> f64 {
            let last = fc.daily.last().copied().unwrap_or(0.0);
            (from..from + days)
                .map(|d| fc.daily.get(d).copied().unwrap_or(last))
                .sum()
        };
        let cover_days = cover_days(sc, product);
        let lead_demand = window(offset, lead);
        let daily_mean = lead_demand / lead as f64;
        let cycle = product
            .order_cycle
            .then(|| order_cycle_days(cover_days as f64, product.case_pack as f64, daily_mean));
        let z = z_for_service_level(cycle.map_or(level, |c| cycle_service_level(level, c)));
        let sd = lead_time_demand_sd(lead as f64, fc.sigma, daily_mean, lead_sd, cycle);
        let rop = (lead_demand + z * sd).ceil() as i64;
        let cover = window(offset + lead, cover_days).ceil() as i64;
        (rop, rop + cover.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baseline_formula_by_hand() {
        // Mean 10, sample sd 2.0755 (alternating 8 and 12 over 14 days), lead 4, z 1.65:
        // 40 + 1.65 · 2.0755 · 2 = 46.85 → 47; cover 7 days → 47 + 70.
        let y: Vec<u32> = (0..14).map(|i| if i % 2 == 0 { 8 } else { 12 }).collect();
        assert_eq!(formula(&y, 4, 1.65, 7), (47, 117));
        assert_eq!(
            formula(&[], 4, 1.65, 7),
            (0, 1),
            "no sales still orders one"
        );
    }

    #[test]
    fn lead_times_are_measured_as_live_from_five_orders_over_the_latest_twenty() {
        assert_eq!(
            lead_time(&[9, 11, 9, 11], 10),
            (10.0, 0.0),
            "quoted until five"
        );
        let (median, sd) = lead_time(&[8, 10, 12, 10, 20], 10);
        assert_eq!(median, 10.0, "the median, not the mean (12)");
        assert!((sd - 4.69041575982343).abs() < 1e-9, "{sd}");
        // Only the latest 20 count: 30 old deliveries of 40 days are forgotten.
        let mut y = vec![40; 30];
        y.extend([5; 20]);
        assert_eq!(lead_time(&y, 10), (5.0, 0.0));
    }
}
