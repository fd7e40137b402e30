//! How each rule sets a position's reorder point and order-up-to on a simulated day.
//! All three use the class's service level and the same cover beyond the reorder
//! point; they differ only in what they know of demand:
//!
//! - **static min/max**: the mean and standard deviation of the first 28 days of
//!   sales, over the supplier's quoted lead time, fixed for the whole run;
//! - **naive adaptive**: the same formula on the last 28 days, recomputed daily;
//! - **forecast-driven**: the series' forecast (`crate::forecast`: method chosen per
//!   series, promotions as inputs) summed over the lead time and the cover, with safety
//!   stock from the forecast's measured error and the supplier's measured lead-time
//!   variability: √(L σ² + D² σ_L²).

use std::collections::BTreeMap;

use super::{Scenario, Seen};
use crate::forecast::{self, z_for_service_level, Forecast, Input, Method};

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
            Rule::Forecast(state) => state.levels(seen, series, z),
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

/// Mean and standard deviation of a supplier's measured lead times (days); the quoted
/// lead time and no variability until three receipts have been measured.
pub fn lead_time(measured: &[i64], quoted: i64) -> (f64, f64) {
    if measured.len() < 3 {
        return (quoted.max(1) as f64, 0.0);
    }
    let y: Vec<u32> = measured
        .iter()
        .map(|v| (*v).clamp(0, 3650) as u32)
        .collect();
    moments(&y)
}

impl ForecastRule {
    fn levels(&mut self, seen: &Seen, series: usize, z: f64) -> (i64, i64) {
        let sc: &Scenario = seen.scenario;
        if self.fits.len() != sc.series() {
            self.fits = (0..sc.series()).map(|_| None).collect();
        }
        let product_index = sc.product_of(series);
        let product = &sc.products[product_index];
        let supplier = &sc.suppliers[product.supplier];
        let (lead_mean, lead_sd) =
            lead_time(&seen.lead_times[product.supplier], supplier.lead_days);
        let lead = lead_mean.round().max(1.0) as usize;
        let today = seen.today;
        // Intermittent and short series cost next to nothing to refit: daily, as live.
        let stale = self.fits[series].as_ref().is_none_or(|(day, fc)| {
            let every = match fc.method {
                Method::Ets | Method::Mstl => self.refit_days,
                _ => 1,
            };
            today >= day + every
        });
        if stale {
            let sales = &seen.sales[series];
            let from = sales.len().saturating_sub(FORECAST_HISTORY);
            let history: Vec<f64> = sales[from..].iter().map(|v| f64::from(*v)).collect();
            let past: Vec<f64> = (from..sales.len())
                .map(|d| sc.uplift(product_index, d))
                .collect();
            let horizon = lead + sc.cover_days + self.refit_days + 7;
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
        let Some((made, fc)) = &self.fits[series] else {
            return (0, 1);
        };
        let offset = today - made;
        let window = |from: usize, days: usize| -> f64 {
            let last = fc.daily.last().copied().unwrap_or(0.0);
            (from..from + days)
                .map(|d| fc.daily.get(d).copied().unwrap_or(last))
                .sum()
        };
        let lead_demand = window(offset, lead);
        let daily_mean = lead_demand / lead as f64;
        let sd = (lead as f64 * fc.sigma.powi(2) + (daily_mean * lead_sd).powi(2)).sqrt();
        let rop = (lead_demand + z * sd).ceil() as i64;
        let cover = window(offset + lead, sc.cover_days).ceil() as i64;
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
    fn lead_times_are_measured_once_there_are_three() {
        assert_eq!(lead_time(&[9, 11], 10), (10.0, 0.0));
        let (mean, sd) = lead_time(&[8, 10, 12], 10);
        assert!((mean - 10.0).abs() < 1e-9 && (sd - 2.0).abs() < 1e-9);
    }
}
