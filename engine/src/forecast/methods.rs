//! The forecasting methods, each a pure function from a daily history (oldest first,
//! promotions already taken out) to a point forecast for the next `h` days. Intermittent
//! demand: Croston, SBA and TSB, written here (a few lines each, with known-answer
//! tests); regular demand: AutoETS and MSTL with weekly seasonality from `augurs`.

use augurs::ets::AutoETS;
use augurs::mstl::MSTLModel;
use augurs::{Fit, Predict};
use serde::{Deserialize, Serialize};

/// Smoothing constant for the intermittent methods (the usual 0.1–0.2 of the
/// literature: slow enough not to chase single orders).
pub const ALPHA: f64 = 0.15;
/// TSB's smoothing constant for the probability of a sale.
pub const BETA: f64 = 0.1;

/// How a series is forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Croston (1972): smoothed size over smoothed interval between sales.
    Croston,
    /// Syntetos–Boylan approximation: Croston times (1 − α/2), which removes its bias.
    Sba,
    /// Teunter–Syntetos–Babai: smoothed size times a smoothed probability of a sale,
    /// updated every day, so a series that stops selling decays.
    Tsb,
    /// Exponential smoothing state space, error and trend chosen by AICc (augurs AutoETS).
    Ets,
    /// Weekly seasonal decomposition (MSTL, period 7) with an AutoETS trend.
    Mstl,
    /// The mean of the days there are: the fallback for a short history.
    Average,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Croston => "croston",
            Method::Sba => "sba",
            Method::Tsb => "tsb",
            Method::Ets => "ets",
            Method::Mstl => "mstl",
            Method::Average => "average",
        }
    }

    /// Every method.
    pub const ALL: [Method; 6] = [
        Method::Croston,
        Method::Sba,
        Method::Tsb,
        Method::Ets,
        Method::Mstl,
        Method::Average,
    ];

    pub fn parse(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The name a planner reads.
    pub fn label(self) -> &'static str {
        match self {
            Method::Croston => "Croston",
            Method::Sba => "SBA (Croston, bias-corrected)",
            Method::Tsb => "TSB",
            Method::Ets => "ETS",
            Method::Mstl => "MSTL (weekly)",
            Method::Average => "average",
        }
    }

    /// The point forecast for the next `h` days, never negative. `None` when the method
    /// cannot fit this history (too short, or the optimiser fails).
    pub fn predict(self, y: &[f64], h: usize) -> Option<Vec<f64>> {
        if y.is_empty() || h == 0 {
            return None;
        }
        let point = match self {
            Method::Croston => vec![croston(y, ALPHA)?; h],
            Method::Sba => vec![croston(y, ALPHA)? * (1.0 - ALPHA / 2.0); h],
            Method::Tsb => vec![tsb(y, ALPHA, BETA)?; h],
            Method::Average => vec![y.iter().sum::<f64>() / y.len() as f64; h],
            Method::Ets => {
                if y.len() < 10 {
                    return None;
                }
                let fitted = AutoETS::non_seasonal().fit(y).ok()?;
                fitted.predict(h, None).ok()?.point
            }
            Method::Mstl => {
                if y.len() < 21 {
                    return None;
                }
                let model = MSTLModel::new(vec![7], AutoETS::non_seasonal().into_trend_model());
                model.fit(y).ok()?.predict(h, None).ok()?.point
            }
        };
        point
            .iter()
            .all(|v| v.is_finite())
            .then(|| point.into_iter().map(|v| v.max(0.0)).collect())
    }
}

/// Croston's per-day rate: the smoothed size of a sale over the smoothed number of days
/// between sales, both updated only on days with a sale. Initialised with the first
/// sale and the days up to it. `None` without any sale.
pub fn croston(y: &[f64], alpha: f64) -> Option<f64> {
    let mut size: Option<f64> = None;
    let mut interval = 0.0;
    let mut since = 0.0;
    for &v in y {
        since += 1.0;
        if v > 0.0 {
            match size {
                None => {
                    size = Some(v);
                    interval = since;
                }
                Some(s) => {
                    size = Some(s + alpha * (v - s));
                    interval += alpha * (since - interval);
                }
            }
            since = 0.0;
        }
    }
    size.map(|s| s / interval)
}

/// TSB's per-day rate: the smoothed size of a sale (updated on sale days) times the
/// smoothed probability of a sale (updated every day). Initialised with the first sale's
/// size and the share of days with a sale. `None` without any sale.
pub fn tsb(y: &[f64], alpha: f64, beta: f64) -> Option<f64> {
    let sales = y.iter().filter(|v| **v > 0.0).count();
    if sales == 0 {
        return None;
    }
    let mut probability = sales as f64 / y.len() as f64;
    let mut size = *y.iter().find(|v| **v > 0.0)?;
    for &v in y {
        let sold = if v > 0.0 { 1.0 } else { 0.0 };
        probability += beta * (sold - probability);
        if v > 0.0 {
            size += alpha * (v - size);
        }
    }
    Some(probability * size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn croston_by_hand() {
        // Sales of 4 on day 2 (interval 2), 6 on day 5 (interval 3).
        // size: 4, then 4 + 0.5 (6 - 4) = 5; interval: 2, then 2 + 0.5 (3 - 2) = 2.5.
        let y = [0.0, 4.0, 0.0, 0.0, 6.0];
        assert!(close(croston(&y, 0.5).unwrap(), 5.0 / 2.5));
        // SBA takes (1 - α/2) off.
        let sba = Method::Sba.predict(&y, 3).unwrap();
        let expected = croston(&y, ALPHA).unwrap() * (1.0 - ALPHA / 2.0);
        assert_eq!(sba.len(), 3);
        assert!(sba.iter().all(|v| close(*v, expected)));
        assert_eq!(croston(&[0.0, 0.0], 0.1), None);
    }

    #[test]
    fn croston_on_a_steady_series_is_its_rate() {
        // A sale of 3 every 4th day is 0.75 a day, whatever α.
        let y: Vec<f64> = (1..=40)
            .map(|i| if i % 4 == 0 { 3.0 } else { 0.0 })
            .collect();
        for alpha in [0.1, 0.3, 0.9] {
            assert!(close(croston(&y, alpha).unwrap(), 0.75));
        }
    }

    #[test]
    fn tsb_by_hand_and_decaying_after_sales_stop() {
        // p0 = 2/4 = 0.5, size0 = 2.
        // day 1 (0): p = 0.5 + 0.5 (0 - 0.5) = 0.25
        // day 2 (2): p = 0.25 + 0.5 (1 - 0.25) = 0.625; size = 2 + 0.5 (2 - 2) = 2
        // day 3 (0): p = 0.3125
        // day 4 (4): p = 0.65625; size = 2 + 0.5 (4 - 2) = 3
        let y = [0.0, 2.0, 0.0, 4.0];
        assert!(close(tsb(&y, 0.5, 0.5).unwrap(), 0.65625 * 3.0));
        // Croston keeps forecasting a series that stopped selling; TSB lets it fade.
        let mut stopped = vec![5.0; 10];
        stopped.extend([0.0; 30]);
        assert!(close(croston(&stopped, 0.1).unwrap(), 5.0));
        assert!(tsb(&stopped, 0.1, 0.1).unwrap() < 0.25);
    }

    #[test]
    fn ets_follows_a_level_and_a_trend() {
        let flat = vec![12.0; 40];
        let f = Method::Ets.predict(&flat, 7).unwrap();
        assert!(f.iter().all(|v| (v - 12.0).abs() < 0.01), "{f:?}");
        let rising: Vec<f64> = (0..60).map(|i| 10.0 + 0.5 * i as f64).collect();
        let f = Method::Ets.predict(&rising, 5).unwrap();
        // The next value is 40; a damped trend may fall a little short of a straight line.
        assert!((f[0] - 40.0).abs() < 1.0, "{f:?}");
        assert!(f[4] > f[0], "the trend carries on: {f:?}");
    }

    #[test]
    fn mstl_repeats_the_week() {
        let week = [5.0, 5.0, 5.0, 5.0, 8.0, 14.0, 12.0];
        let y: Vec<f64> = (0..56).map(|i| week[i % 7]).collect();
        let f = Method::Mstl.predict(&y, 7).unwrap();
        for (got, want) in f.iter().zip(week) {
            assert!((got - want).abs() < 0.5, "{f:?}");
        }
        assert_eq!(
            Method::Mstl.predict(&y[..14], 7),
            None,
            "two weeks are too few"
        );
    }

    #[test]
    fn methods_round_trip_their_names() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.as_str()), Some(m));
        }
        assert_eq!(Method::parse("prophet"), None);
    }
}
