//! Demand forecasts per (location, product). Pure: the caller passes the daily history
//! and the promotions; the result carries the chosen method, the point forecast, its
//! measured error and, for a short history, why it fell back. The job that keeps the
//! stored forecasts current is `replenish::forecasts`.
//!
//! | module | owns |
//! |---|---|
//! | [`methods`] | Croston, SBA, TSB (intermittent), AutoETS and MSTL (regular), the average |
//!
//! How a method is chosen: a series with a sale on fewer than three days in four
//! (average interval between sales ≥ 1.32 days, Syntetos–Boylan) is intermittent and
//! tries Croston, SBA and TSB; any other tries ETS and MSTL. Each candidate forecasts
//! the last weeks from the data before them (rolling origin: up to [`ORIGINS`] weeks
//! for ETS and MSTL, [`INTERMITTENT_ORIGINS`] for the cheap intermittent methods, each
//! [`HORIZON`] days ahead of at least [`MIN_TRAIN`] days). A regular series takes the
//! candidate with the lowest mean absolute scaled error (MASE: the error over that of
//! yesterday's sales as the forecast); an intermittent one the lowest root mean square
//! error, because MASE rewards forecasting zero on a series that mostly sells nothing
//! (the squared error's ranking is RMSSE's, the M5 competition's measure). MASE is
//! reported either way. Those same out-of-sample errors give the forecast's daily
//! error, from which the prediction interval and the safety stock follow.
//!
//! Promotions are inputs: a past day's sales are divided by the promotion's factor
//! before fitting, so a promotion does not raise the baseline, and the forecast is
//! multiplied by the factor on the days one runs.

pub mod methods;

use serde::{Deserialize, Serialize};

pub use methods::Method;

/// Days ahead each rolling origin forecasts.
pub const HORIZON: usize = 7;
/// Rolling origins tried at most by ETS and MSTL (each origin is a fit).
pub const ORIGINS: usize = 3;
/// Rolling origins tried at most by the intermittent methods, which cost next to
/// nothing: their error needs more weeks to be measured, their sales being rare.
pub const INTERMITTENT_ORIGINS: usize = 8;
/// Days a method fits at the least, at the first origin.
pub const MIN_TRAIN: usize = 14;
/// Days of history below which a series falls back to its average.
pub const MIN_DAYS: usize = MIN_TRAIN + HORIZON;
/// Average interval between sales (days) from which a series counts as intermittent.
pub const INTERMITTENT_ADI: f64 = 1.32;

/// The demand pattern a series shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    Regular,
    Intermittent,
    /// Fewer than [`MIN_DAYS`] days of history.
    Short,
    /// No sale in the history at all.
    NoSales,
}

/// What a forecast is made from.
#[derive(Clone, Copy, Debug, Default)]
pub struct Input<'a> {
    /// Units sold per day, oldest first.
    pub history: &'a [f64],
    /// The promotion factor on each history day (1.0 for none); empty for none at all.
    pub past_uplift: &'a [f64],
    /// The promotion factor on each day ahead; days past its end count 1.0.
    pub future_uplift: &'a [f64],
}

/// A forecast for one series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub method: Method,
    pub pattern: Pattern,
    /// Units per day for the days ahead, promotions applied.
    pub daily: Vec<f64>,
    /// The daily forecast error (root mean square of the out-of-sample errors; for the
    /// fallback, the standard deviation of the history).
    pub sigma: f64,
    /// Mean absolute scaled error of the chosen method out of sample; `None` for the
    /// fallback or a series that never changes.
    pub mase: Option<f64>,
    pub history_days: usize,
    /// Why the forecast fell back, in words, when it did.
    pub note: Option<String>,
}

impl Forecast {
    /// Units expected over the first `days` days of the forecast (days past the
    /// horizon repeat its last day).
    pub fn total(&self, days: usize) -> f64 {
        self.total_from(0, days)
    }

    /// Units expected over `days` days from day `from` of the forecast; days past the
    /// horizon take the mean of its last week (so one promoted day does not repeat).
    pub fn total_from(&self, from: usize, days: usize) -> f64 {
        let tail = &self.daily[self.daily.len().saturating_sub(7)..];
        let beyond = tail.iter().sum::<f64>() / tail.len().max(1) as f64;
        (from..from.saturating_add(days))
            .map(|d| self.daily.get(d).copied().unwrap_or(beyond))
            .sum()
    }

    /// Mean units a day over the forecast's horizon (0 without one).
    pub fn mean_daily(&self) -> f64 {
        if self.daily.is_empty() {
            0.0
        } else {
            self.daily.iter().sum::<f64>() / self.daily.len() as f64
        }
    }

    /// The method as a planner reads it: "ETS · MASE 0.81", or why it fell back.
    pub fn describe(&self) -> String {
        match (&self.note, self.mase) {
            (Some(note), _) => format!("{}: {note}", self.method.label()),
            (None, Some(mase)) => format!("{} · MASE {mase:.2}", self.method.label()),
            (None, None) => self.method.label().to_string(),
        }
    }

    /// The prediction interval for demand over `days` days at the two-sided normal
    /// quantile `z`, never below zero.
    pub fn interval(&self, days: usize, z: f64) -> (f64, f64) {
        let total = self.total(days);
        let half = z * self.sigma * (days.max(1) as f64).sqrt();
        ((total - half).max(0.0), total + half)
    }
}

/// Average interval between sales, in days (∞ without a sale).
pub fn average_interval(y: &[f64]) -> f64 {
    let sales = y.iter().filter(|v| **v > 0.0).count();
    if sales == 0 {
        return f64::INFINITY;
    }
    y.len() as f64 / sales as f64
}

fn mean(y: &[f64]) -> f64 {
    if y.is_empty() {
        0.0
    } else {
        y.iter().sum::<f64>() / y.len() as f64
    }
}

fn std_dev(y: &[f64]) -> f64 {
    if y.len() < 2 {
        return 0.0;
    }
    let m = mean(y);
    (y.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (y.len() - 1) as f64).sqrt()
}

/// A candidate's out-of-sample errors over the rolling origins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Mean absolute error.
    pub mae: f64,
    /// Root mean square error.
    pub rmse: f64,
}

/// Scores `method` on `y` over up to [`ORIGINS`] (or [`INTERMITTENT_ORIGINS`]) rolling origins; `None` when it cannot
/// forecast at any of them.
pub fn score(method: Method, y: &[f64]) -> Option<Score> {
    let most = match method {
        Method::Ets | Method::Mstl => ORIGINS,
        _ => INTERMITTENT_ORIGINS,
    };
    let origins = ((y.len().saturating_sub(MIN_TRAIN)) / HORIZON).min(most);
    let (mut abs, mut sq, mut n) = (0.0, 0.0, 0usize);
    for k in 1..=origins {
        let cut = y.len() - k * HORIZON;
        let actual = &y[cut..cut + HORIZON];
        let predicted = method.predict(&y[..cut], HORIZON)?;
        for (a, p) in actual.iter().zip(&predicted) {
            abs += (a - p).abs();
            sq += (a - p).powi(2);
            n += 1;
        }
    }
    (n > 0).then(|| Score {
        mae: abs / n as f64,
        rmse: (sq / n as f64).sqrt(),
    })
}

/// The scale MASE divides by: the mean absolute day-to-day change of the series.
pub fn naive_scale(y: &[f64]) -> f64 {
    if y.len() < 2 {
        return 0.0;
    }
    y.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (y.len() - 1) as f64
}

/// The candidates a pattern tries.
pub fn candidates(pattern: Pattern) -> &'static [Method] {
    match pattern {
        Pattern::Intermittent => &[Method::Croston, Method::Sba, Method::Tsb],
        Pattern::Regular => &[Method::Ets, Method::Mstl],
        Pattern::Short | Pattern::NoSales => &[Method::Average],
    }
}

/// The pattern of a history.
pub fn pattern(y: &[f64]) -> Pattern {
    if !y.iter().any(|v| *v > 0.0) {
        Pattern::NoSales
    } else if y.len() < MIN_DAYS {
        Pattern::Short
    } else if average_interval(y) >= INTERMITTENT_ADI {
        Pattern::Intermittent
    } else {
        Pattern::Regular
    }
}

/// The average of the history (promotions taken out and put back), with the history's
/// own spread as its error, saying `note` (a series no method could forecast).
pub fn fallback(input: &Input, horizon: usize, note: String) -> Forecast {
    let y: Vec<f64> = input
        .history
        .iter()
        .map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 })
        .collect();
    let level = mean(&y);
    Forecast {
        method: Method::Average,
        pattern: pattern(&y),
        daily: (0..horizon.max(1))
            .map(|d| {
                let u = input.future_uplift.get(d).copied().unwrap_or(1.0);
                level * if u.is_finite() && u > 0.0 { u } else { 1.0 }
            })
            .collect(),
        sigma: std_dev(&y),
        mase: None,
        history_days: y.len(),
        note: Some(note),
    }
}

/// Forecasts `horizon` days ahead (at least 1), choosing the method as the module
/// documentation says.
pub fn forecast(input: &Input, horizon: usize) -> Forecast {
    let horizon = horizon.max(1);
    let y: Vec<f64> = input
        .history
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
            let f = input.past_uplift.get(i).copied().unwrap_or(1.0);
            if f.is_finite() && f > 0.0 {
                v / f
            } else {
                v
            }
        })
        .collect();
    let pattern = pattern(&y);
    let scale = naive_scale(&y);
    let mut best: Option<(Method, Score)> = None;
    for &m in candidates(pattern) {
        if matches!(m, Method::Average) {
            continue;
        }
        if let Some(s) = score(m, &y) {
            // MASE rewards forecasting zero on a series that mostly sells nothing, so an
            // intermittent series is judged by the squared error (RMSSE, as in M5).
            let key = |s: &Score| match pattern {
                Pattern::Intermittent => s.rmse,
                _ => s.mae,
            };
            if best.is_none_or(|(_, b)| key(&s) < key(&b)) {
                best = Some((m, s));
            }
        }
    }
    let chosen = best.and_then(|(m, s)| Some((m, s, m.predict(&y, horizon)?)));
    let (method, sigma, mase, base, note) = match chosen {
        Some((m, s, point)) => (
            m,
            s.rmse,
            (scale > 1e-9).then(|| s.mae / scale),
            point,
            None,
        ),
        None => {
            let note = match pattern {
                Pattern::NoSales => format!("no sales in {} days", y.len()),
                Pattern::Short => format!(
                    "only {} days of history (a forecast needs {MIN_DAYS}): the average",
                    y.len()
                ),
                _ => "no method could fit this history: the average".to_string(),
            };
            (
                Method::Average,
                std_dev(&y),
                None,
                vec![mean(&y); horizon],
                Some(note),
            )
        }
    };
    let daily = base
        .iter()
        .enumerate()
        .map(|(d, v)| {
            let f = input.future_uplift.get(d).copied().unwrap_or(1.0);
            if f.is_finite() && f > 0.0 {
                v * f
            } else {
                *v
            }
        })
        .collect();
    Forecast {
        method,
        pattern,
        daily,
        sigma,
        mase,
        history_days: y.len(),
        note,
    }
}

/// The z of a one-sided normal quantile for a cycle service level in percent (e.g.
/// 95.0 → 1.645), clamped to 50–99.99 %. Acklam's rational approximation (relative
/// error below 1.2e-9).
pub fn z_for_service_level(percent: f64) -> f64 {
    let p = (percent / 100.0).clamp(0.5, 0.9999);
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    if p > 0.97575 {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random stream for test series.
    fn noise(seed: u64) -> impl FnMut() -> f64 {
        let mut s = seed;
        move || {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((s >> 33) as f64) / (1u64 << 31) as f64
        }
    }

    #[test]
    fn an_intermittent_series_is_forecast_by_an_intermittent_method() {
        let mut r = noise(7);
        let y: Vec<f64> = (0..90)
            .map(|_| {
                if r() < 0.2 {
                    (1.0 + 4.0 * r()).round()
                } else {
                    0.0
                }
            })
            .collect();
        let f = forecast(
            &Input {
                history: &y,
                ..Input::default()
            },
            14,
        );
        assert_eq!(f.pattern, Pattern::Intermittent);
        assert!(
            matches!(f.method, Method::Croston | Method::Sba | Method::Tsb),
            "{f:?}"
        );
        let rate = y.iter().sum::<f64>() / y.len() as f64;
        assert!((f.daily[0] - rate).abs() < rate, "{} vs {rate}", f.daily[0]);
        assert!(f.mase.is_some() && f.sigma > 0.0 && f.note.is_none());
    }

    #[test]
    fn a_weekly_pattern_is_chosen_over_a_flat_level() {
        // Weekends sell three times a weekday: MSTL's error is far below ETS's.
        let mut r = noise(3);
        let y: Vec<f64> = (0..84)
            .map(|i| if i % 7 >= 5 { 30.0 } else { 10.0 } + 2.0 * r())
            .collect();
        let ets = score(Method::Ets, &y).unwrap();
        let mstl = score(Method::Mstl, &y).unwrap();
        assert!(mstl.mae < ets.mae / 2.0, "{mstl:?} vs {ets:?}");
        let f = forecast(
            &Input {
                history: &y,
                ..Input::default()
            },
            7,
        );
        assert_eq!((f.pattern, f.method), (Pattern::Regular, Method::Mstl));
        // Day 84 is a weekday (84 % 7 = 0); days 89 and 90 are the weekend.
        assert!(f.daily[0] < 15.0 && f.daily[5] > 25.0, "{:?}", f.daily);
        assert!(f.mase.unwrap() < 0.5, "{f:?}");
    }

    #[test]
    fn a_short_or_empty_history_falls_back_and_says_so() {
        let f = forecast(
            &Input {
                history: &[4.0, 6.0, 5.0],
                ..Input::default()
            },
            7,
        );
        assert_eq!((f.method, f.pattern), (Method::Average, Pattern::Short));
        assert!((f.daily[3] - 5.0).abs() < 1e-9);
        assert!(f.note.as_deref().unwrap().contains("only 3 days"));
        let f = forecast(
            &Input {
                history: &[0.0; 40],
                ..Input::default()
            },
            7,
        );
        assert_eq!((f.pattern, f.daily[0]), (Pattern::NoSales, 0.0));
        assert_eq!(f.note.as_deref(), Some("no sales in 40 days"));
        let f = forecast(&Input::default(), 0);
        assert_eq!(f.daily, vec![0.0]);
    }

    #[test]
    fn promotions_neither_raise_the_baseline_nor_go_unforecast() {
        let mut r = noise(11);
        let mut y: Vec<f64> = (0..56).map(|_| 10.0 + r()).collect();
        let mut past = vec![1.0; 56];
        for d in 40..47 {
            y[d] *= 3.0;
            past[d] = 3.0;
        }
        let future = [1.0, 1.0, 2.0, 2.0];
        let with = forecast(
            &Input {
                history: &y,
                past_uplift: &past,
                future_uplift: &future,
            },
            5,
        );
        assert!((with.daily[0] - 10.5).abs() < 1.5, "{:?}", with.daily);
        assert!((with.daily[2] / with.daily[0] - 2.0).abs() < 0.2);
        assert!((with.daily[4] - with.daily[0]).abs() < 1.0, "past the end");
    }

    #[test]
    fn garbage_in_the_history_is_not_a_panic() {
        let y = [f64::NAN, -5.0, f64::INFINITY, 3.0, 1e300, 0.0];
        let long: Vec<f64> = y.iter().cycle().take(60).copied().collect();
        for h in [&y[..], &long[..]] {
            let f = forecast(
                &Input {
                    history: h,
                    past_uplift: &[0.0, f64::NAN],
                    future_uplift: &[-1.0],
                },
                7,
            );
            assert!(f.daily.iter().all(|v| *v >= 0.0), "{f:?}");
        }
    }

    #[test]
    fn totals_and_intervals() {
        let f = Forecast {
            method: Method::Ets,
            pattern: Pattern::Regular,
            daily: vec![10.0; 7],
            sigma: 3.0,
            mase: Some(0.8),
            history_days: 60,
            note: None,
        };
        assert!((f.total(10) - 100.0).abs() < 1e-9, "repeats the last day");
        let (lo, hi) = f.interval(4, 1.96);
        assert!((lo - (40.0 - 11.76)).abs() < 1e-9 && (hi - 51.76).abs() < 1e-9);
    }

    #[test]
    fn service_levels_map_to_the_normal_quantile() {
        for (p, z) in [(50.0, 0.0), (90.0, 1.2816), (95.0, 1.6449), (99.0, 2.3263)] {
            assert!((z_for_service_level(p) - z).abs() < 1e-3, "{p}");
        }
        assert!((z_for_service_level(200.0) - 3.719).abs() < 1e-2, "clamped");
        assert_eq!(z_for_service_level(10.0), 0.0);
    }
}
