//! Anomaly checks on incoming events (issue 15, point 3): a sale far outside its series'
//! history, a count that jumps, a sale where the item never sells. Pure: the thresholds
//! are the tenant's [`Settings`], the history a series' [`SaleStats`] (kept with its
//! forecast); `replenish::anomalies` raises the exception that holds the position.
//!
//! "Far outside" is robust: the median of the days the series sold plus `mad_k` scaled
//! median absolute deviations (1.4826 × MAD estimates a standard deviation without
//! letting the outliers themselves widen it; at least 1 unit and a quarter of the median,
//! so a steady series is not judged on a spread of almost nothing), and never below
//! `min_units`.

use serde::{Deserialize, Serialize};

use crate::recorded::Recorded;

/// A series needs this many selling days before a sale is judged against it.
pub const MIN_SALE_DAYS: i64 = 7;
/// Scales a median absolute deviation to a standard deviation (normal data).
const MAD_SCALE: f64 = 1.4826;

/// A tenant's thresholds. Absent or unreadable settings mean the defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub enabled: bool,
    /// How many scaled MADs above the median a sale may be.
    pub mad_k: f64,
    /// A sale of fewer units is never anomalous.
    pub min_units: i64,
    /// A count that moves the book figure by more than this percentage…
    pub count_jump_pct: i64,
    /// …and by at least this many units is a jump.
    pub count_min_units: i64,
    /// Flag a sale at a location that has not sold the item in the forecast window.
    pub new_location: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            mad_k: 10.0,
            min_units: 12,
            count_jump_pct: 60,
            count_min_units: 25,
            new_location: true,
        }
    }
}

impl Settings {
    /// The stored JSON, or the defaults.
    pub fn from_stored(json: Option<&str>) -> Settings {
        json.and_then(|s| serde_json::from_str::<Settings>(s).ok())
            .filter(|s| s.validate().is_ok())
            .unwrap_or_default()
    }

    /// Checks every field, naming the first that is out of range.
    pub fn validate(&self) -> Result<(), crate::error::Msg> {
        use crate::error::Msg;
        if !self.mad_k.is_finite() || !(2.0..=100.0).contains(&self.mad_k) {
            return Err(Msg::new("err-anomaly-mad-k", &[]));
        }
        if !(1..=crate::limits::MAX_QUANTITY).contains(&self.min_units) {
            return Err(Msg::new("err-anomaly-min-units", &[]));
        }
        if !(1..=1_000).contains(&self.count_jump_pct) {
            return Err(Msg::new("err-anomaly-count-jump", &[]));
        }
        if !(1..=crate::limits::MAX_QUANTITY).contains(&self.count_min_units) {
            return Err(Msg::new("err-anomaly-count-min-units", &[]));
        }
        Ok(())
    }
}

/// A series' selling days, summarised robustly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SaleStats {
    /// Median units on the days it sold.
    pub median: f64,
    /// Median absolute deviation from that median.
    pub mad: f64,
    /// How many days it sold.
    pub days: i64,
}

impl SaleStats {
    /// The statistics of the days in `daily` that sold (garbage values are skipped).
    pub fn of(daily: &[f64]) -> SaleStats {
        let mut sold: Vec<f64> = daily
            .iter()
            .copied()
            .filter(|x| x.is_finite() && *x > 0.0)
            .collect();
        let median = median_of(&mut sold);
        let mut dev: Vec<f64> = sold.iter().map(|x| (x - median).abs()).collect();
        SaleStats {
            median,
            mad: median_of(&mut dev),
            days: sold.len() as i64,
        }
    }

    /// The largest sale that is not anomalous under `s`.
    pub fn threshold(&self, s: &Settings) -> f64 {
        let scale = (MAD_SCALE * self.mad).max(1.0).max(0.25 * self.median);
        (self.median + s.mad_k * scale).max(s.min_units as f64 - 1.0)
    }
}

fn median_of(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Which rule an event broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A sale far above the series' usual selling day.
    OutsideHistory,
    /// A stock count far from the book figure.
    CountJump,
    /// A sale where the item has not sold in the forecast window.
    NewLocation,
}

/// What an anomalous event looked like, in words a planner can check.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    /// The same, as recorded text (read in each planner's language).
    pub words: Recorded,
}

impl Finding {
    /// The evidence in English.
    pub fn evidence(&self) -> String {
        self.words.english()
    }
}

/// Judges a sale of `quantity`. `stats` is the series' history (none: it has not sold in
/// the forecast window); `location_active` says the location sells other items (so a
/// new store's first sales are not all anomalies).
pub fn check_sale(
    s: &Settings,
    stats: Option<&SaleStats>,
    location_active: bool,
    quantity: i64,
) -> Option<Finding> {
    if !s.enabled || quantity < s.min_units.max(1) {
        return None;
    }
    match stats {
        Some(st) if st.days >= MIN_SALE_DAYS => {
            let limit = st.threshold(s);
            (quantity as f64 > limit).then(|| Finding {
                rule: Rule::OutsideHistory,
                words: Recorded::new(
                    "exc-anomaly-outside-history",
                    &[
                        ("quantity", quantity.to_string()),
                        ("days", st.days.to_string()),
                        ("limit", limit.floor().to_string()),
                    ],
                )
                .num("median", st.median, 1)
                .num("mad", st.mad, 1),
            })
        }
        Some(_) => None,
        None if s.new_location && location_active => Some(Finding {
            rule: Rule::NewLocation,
            words: Recorded::new(
                "exc-anomaly-new-location",
                &[("quantity", quantity.to_string())],
            ),
        }),
        None => None,
    }
}

/// Judges a count of `counted` against the book figure `book` it replaces (the caller
/// judges only positions with a selling history).
pub fn check_count(s: &Settings, book: i64, counted: i64) -> Option<Finding> {
    if !s.enabled {
        return None;
    }
    let jump = counted.saturating_sub(book).saturating_abs();
    let base = book.max(1);
    let pct = i128::from(jump) * 100 / i128::from(base);
    (jump >= s.count_min_units && pct > i128::from(s.count_jump_pct)).then(|| Finding {
        rule: Rule::CountJump,
        words: Recorded::new(
            "exc-anomaly-count-jump",
            &[
                ("counted", counted.to_string()),
                ("book", book.to_string()),
                ("jump", jump.to_string()),
                ("pct", pct.to_string()),
                ("allowed", s.count_jump_pct.to_string()),
            ],
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steady() -> SaleStats {
        // Sells 4–6 a day.
        let days: Vec<f64> = (0..60).map(|d| (4 + d % 3) as f64).collect();
        SaleStats::of(&days)
    }

    #[test]
    fn stats_are_the_median_and_mad_of_selling_days() {
        let st = SaleStats::of(&[0.0, 2.0, 0.0, 4.0, 6.0, f64::NAN, -3.0, 100.0]);
        assert_eq!(st.days, 4);
        assert_eq!(st.median, 5.0); // 2, 4, 6, 100
        assert_eq!(st.mad, 2.0); // |2-5| |4-5| |6-5| |100-5| → 1, 1, 3, 95
        let none = SaleStats::of(&[]);
        assert_eq!((none.median, none.mad, none.days), (0.0, 0.0, 0));
    }

    #[test]
    fn a_sale_a_hundred_times_too_big_is_caught_and_a_normal_one_is_not() {
        let s = Settings::default();
        let st = steady();
        assert_eq!(st.median, 5.0);
        let f = check_sale(&s, Some(&st), true, 500).expect("500 is an anomaly");
        assert_eq!(f.rule, Rule::OutsideHistory);
        assert!(f.evidence().contains("usually 5.0"), "{}", f.evidence());
        // The limit: 5 + 10 × 1.4826 × 1 = 19.8; 19 passes, 20 does not.
        for q in [1, 5, 9, 12, 15, 19] {
            assert_eq!(check_sale(&s, Some(&st), true, q), None, "{q}");
        }
        let f = check_sale(&s, Some(&st), true, 20).expect("20 is over the limit");
        assert!(f.evidence().contains("more than 19 is"), "{}", f.evidence());
        // The tenant's own multiplier tightens the rule.
        let strict = Settings {
            mad_k: 2.0,
            min_units: 1,
            ..Settings::default()
        };
        assert!(check_sale(&strict, Some(&st), true, 9).is_some());
        // Disabled: nothing.
        let off = Settings {
            enabled: false,
            ..Settings::default()
        };
        assert_eq!(check_sale(&off, Some(&st), true, 500), None);
    }

    #[test]
    fn a_new_location_is_flagged_only_where_the_location_sells_and_it_is_enabled() {
        let s = Settings::default();
        assert_eq!(
            check_sale(&s, None, true, 40).map(|f| f.rule),
            Some(Rule::NewLocation)
        );
        assert_eq!(check_sale(&s, None, false, 40), None);
        // Below the smallest anomalous sale: nothing.
        assert_eq!(check_sale(&s, None, true, 3), None);
        let off = Settings {
            new_location: false,
            ..Settings::default()
        };
        assert_eq!(check_sale(&off, None, true, 40), None);
        // Too little history to judge: nothing.
        let young = SaleStats {
            median: 1.0,
            mad: 0.0,
            days: 3,
        };
        assert_eq!(check_sale(&s, Some(&young), true, 400), None);
    }

    #[test]
    fn the_evidence_reads_in_the_planner_s_language() {
        let s = Settings::default();
        let f = check_sale(&s, Some(&steady()), true, 500).expect("500 is an anomaly");
        assert_eq!(
            f.evidence(),
            "A sale of 500 units, where a selling day is usually 5.0 (median absolute \
             deviation 1.0, over 60 selling days): more than 19 is outside its history."
        );
        let de = f.words.text(i18n::Lang::De);
        assert_eq!(
            de,
            "Ein Verkauf von 500 Stück, wo ein Verkaufstag sonst bei 5,0 liegt (mediane \
             absolute Abweichung 1,0, aus 60 Verkaufstagen): mehr als 19 liegt außerhalb des \
             Üblichen."
        );
        let f = check_count(&s, 200, 0).expect("a jump");
        assert_eq!(
            f.evidence(),
            "A count of 0 where the books said 200: a change of 200 units (100 %, more than \
             the 60 % allowed)."
        );
        let nl = f.words.text(i18n::Lang::Nl);
        assert!(
            nl.starts_with("Een telling van 0 waar de boekvoorraad 200 was"),
            "{nl}"
        );
        let f = check_sale(&s, None, true, 40).expect("a new location");
        assert_eq!(
            f.evidence(),
            "A sale of 40 units where the item has not sold in the last 16 weeks."
        );
    }

    #[test]
    fn a_count_jump_needs_both_the_percentage_and_the_units() {
        let s = Settings::default();
        assert_eq!(
            check_count(&s, 200, 0).map(|f| f.rule),
            Some(Rule::CountJump)
        );
        assert!(check_count(&s, 10, 500).is_some());
        assert_eq!(check_count(&s, 200, 190), None); // shrinkage
        assert_eq!(check_count(&s, 10, 30), None); // 200 % but only 20 units
        assert_eq!(check_count(&s, 1_000, 1_500), None); // 500 units but 50 %
        assert!(check_count(&s, i64::MIN, i64::MAX).is_some());
        assert!(check_count(&s, -5, 0).is_none());
    }

    #[test]
    fn settings_name_the_bad_field_and_bad_stored_json_means_the_defaults() {
        let bad = |f: fn(&mut Settings)| {
            let mut s = Settings::default();
            f(&mut s);
            s.validate().unwrap_err()
        };
        assert!(bad(|s| s.mad_k = f64::NAN).contains("MAD multiplier"));
        assert!(bad(|s| s.mad_k = 1.0).contains("MAD multiplier"));
        assert!(bad(|s| s.min_units = 0).contains("smallest anomalous sale"));
        assert!(bad(|s| s.count_jump_pct = -1).contains("count jump"));
        assert!(bad(|s| s.count_min_units = i64::MAX).contains("smallest count jump"));
        assert_eq!(Settings::from_stored(Some("{nope")), Settings::default());
        assert_eq!(
            Settings::from_stored(Some(r#"{"mad_k": 0.5}"#)),
            Settings::default()
        );
        assert_eq!(Settings::from_stored(Some(r#"{"mad_k": 4}"#)).mad_k, 4.0);
    }
}
