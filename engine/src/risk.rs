//! Expected lost sales: what a stock exception costs if nobody acts, so that the
//! exception queue ranks by money at risk rather than by severity and age alone.
//!
//! The figure is stockout exposure × margin × days: the units expected to sell over the
//! days until cover could arrive, less what is still on the shelf and what is already on
//! its way, times the margin per unit. Stock on its way (a transfer in transit, an open
//! purchase order) has no arrival date here, so it is assumed to arrive halfway through
//! those days and covers only their second half: an order placed before now arrives
//! before one placed now could, and orders of every age are taken as equally likely. A
//! transfer due tomorrow is undercounted by this, an order sent a minute ago
//! overcounted.
//! Pure: the caller gives the numbers (see `replenish::evaluate`).

use crate::limits::MAX_MONEY_MINOR;
use crate::recorded::Recorded;

/// Days of exposure counted for a position nothing can cover (no supplier and no donor):
/// two weeks, the horizon a planner reviews the queue over.
pub const HORIZON_DAYS: i64 = 14;

/// What a position is exposed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Exposure {
    /// Expected units sold per day (the forecast, else the recent average).
    pub daily_demand: f64,
    /// Units still on hand (negative counts as none).
    pub on_hand: i64,
    /// Units on their way: in transit plus on order (negative counts as none).
    pub inbound: i64,
    /// The supplier's lead time in days, when there is a supplier to order from.
    pub lead_time_days: Option<i64>,
    /// Selling price less cost, per unit, in minor units.
    pub margin_minor: i64,
}

/// Expected lost sales and how they were worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Risk {
    pub lost_sales_minor: i64,
    /// A sentence with the numbers, for the planner, as recorded text read in each
    /// planner's language ([`Risk::basis`] is its English, as the API reads it).
    pub basis_words: Vec<Recorded>,
}

impl Risk {
    /// The basis in English.
    pub fn basis(&self) -> String {
        crate::recorded::join(&self.basis_words, i18n::Lang::En)
    }
}

impl Exposure {
    /// The days until cover could arrive: the lead time, or the horizon without a
    /// supplier. At least one day.
    pub fn days(&self) -> i64 {
        self.lead_time_days.unwrap_or(HORIZON_DAYS).clamp(1, 365)
    }

    /// The daily demand counted: between 0 and a billion units, 0 for garbage.
    fn rate(&self) -> f64 {
        if self.daily_demand.is_finite() {
            self.daily_demand.clamp(0.0, 1e9)
        } else {
            0.0
        }
    }

    /// Units expected to go unsold for want of stock (never negative; 0 for garbage):
    /// the first half of the days sells from what is on hand, the second from what is
    /// left of it and what was on its way.
    pub fn lost_units(&self) -> f64 {
        let rate = self.rate();
        let days = self.days() as f64;
        let first = rate * days / 2.0;
        let second = rate * days - first;
        let on_hand = self.on_hand.max(0) as f64;
        let left = (on_hand - first).max(0.0);
        (first - on_hand).max(0.0) + (second - left - self.inbound.max(0) as f64).max(0.0)
    }

    /// The expected lost sales in minor units, saturating at the largest amount of money,
    /// with the sentence that explains them.
    pub fn risk(&self) -> Risk {
        let margin = self.margin_minor.clamp(0, MAX_MONEY_MINOR);
        let units = self.lost_units();
        let value = (units * margin as f64).round();
        let lost_sales_minor = if value.is_finite() {
            value.clamp(0.0, MAX_MONEY_MINOR as f64) as i64
        } else {
            0
        };
        let days = self.days();
        let why_words = match self.lead_time_days {
            Some(_) => Recorded::new("exc-risk-lead-time", &[("days", days.to_string())]),
            None => Recorded::new("exc-risk-no-supplier", &[("days", days.to_string())]),
        };
        // The margin to the cent, written the English way (never negative here); each
        // reader sees it written theirs.
        let margin_written = format!("{}.{:02}", margin / 100, margin % 100);
        let inbound = self.inbound.max(0);
        let basis_words = vec![Recorded::new(
            if inbound > 0 {
                "exc-risk-basis-inbound"
            } else {
                "exc-risk-basis"
            },
            &[
                ("units", format!("{:.0}", self.rate() * days as f64)),
                ("on_hand", self.on_hand.max(0).to_string()),
                ("inbound", inbound.to_string()),
                ("short", format!("{units:.0}")),
            ],
        )
        .num("daily", self.rate(), 1)
        .num_written("margin", &margin_written)
        .part("why", vec![why_words])];
        Risk {
            lost_sales_minor,
            basis_words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exposure(daily: f64, on_hand: i64, lead: Option<i64>, margin: i64) -> Exposure {
        Exposure {
            daily_demand: daily,
            on_hand,
            inbound: 0,
            lead_time_days: lead,
            margin_minor: margin,
        }
    }

    #[test]
    fn lost_sales_are_demand_over_the_lead_time_less_stock_times_margin() {
        // 4 a day for 5 days = 20, 2 on hand: 18 short at 1.50 = 27.00.
        let r = exposure(4.0, 2, Some(5), 150).risk();
        assert_eq!(r.lost_sales_minor, 2_700);
        assert!(r.basis().contains("18 units short"), "{}", r.basis());
        assert!(r.basis().contains("margin of 1.50"), "{}", r.basis());
        // Without a supplier the horizon counts: 1 a day × 14 = 14, none on hand.
        let r = exposure(1.0, -3, None, 100).risk();
        assert_eq!(r.lost_sales_minor, 1_400);
        assert!(r.basis().contains("no supplier"), "{}", r.basis());
    }

    #[test]
    fn the_basis_reads_in_the_planner_s_language() {
        let r = exposure(4.0, 2, Some(5), 150).risk();
        assert_eq!(
            r.basis(),
            "About 4.0 sell a day × 5 days until an order from the supplier could arrive \
             = 20 units, less 2 on hand: 18 units short at a margin of 1.50 each."
        );
        let de = crate::recorded::join(&r.basis_words, i18n::Lang::De);
        assert_eq!(
            de,
            "Etwa 4,0 Stück Absatz pro Tag × 5 Tage bis zur frühestmöglichen Lieferung durch \
             den Lieferanten = 20 Stück, abzüglich 2 auf Lager: 18 Stück zu wenig bei einer \
             Marge von 1,50 je Stück."
        );
        let r = exposure(1.0, -3, None, 100).risk();
        let nl = crate::recorded::join(&r.basis_words, i18n::Lang::Nl);
        assert!(
            nl.contains("14 dagen zonder aanvulling (geen leverancier)"),
            "{nl}"
        );
        assert!(nl.contains("marge van 1,00 per stuk"), "{nl}");
        // One unit is a unit, in each language.
        let one = exposure(0.2, 0, Some(5), 100).risk();
        assert_eq!(
            one.basis(),
            "About 0.2 sell a day × 5 days until an order from the supplier could arrive \
             = 1 unit, less 0 on hand: 1 unit short at a margin of 1.00 each."
        );
        let nl_one = crate::recorded::join(&one.basis_words, i18n::Lang::Nl);
        assert!(
            nl_one.contains("= 1 stuk, min 0 op voorraad: 1 stuk tekort"),
            "{nl_one}"
        );
        let de_one = crate::recorded::join(&one.basis_words, i18n::Lang::De);
        assert!(
            de_one.contains("= 1 Stück, abzüglich 0 auf Lager: 1 Stück zu wenig"),
            "{de_one}"
        );
        // A stored basis reads back the same.
        let stored = crate::recorded::stored(&r.basis_words).unwrap();
        let back = crate::recorded::from_json_all(&stored).unwrap();
        assert_eq!(crate::recorded::join(&back, i18n::Lang::Nl), nl);
    }

    #[test]
    fn stock_on_its_way_covers_the_second_half_of_the_days() {
        // 4 a day for 10 days, nothing on hand: 20 sell in the first five days whatever
        // is on its way; 30 on order cover the second five.
        let mut e = exposure(4.0, 0, Some(10), 100);
        assert_eq!(e.risk().lost_sales_minor, 4_000);
        e.inbound = 30;
        let r = e.risk();
        assert_eq!(r.lost_sales_minor, 2_000);
        assert_eq!(
            r.basis(),
            "About 4.0 sell a day × 10 days until an order from the supplier could arrive \
             = 40 units, less 0 on hand and 30 in transit or on order, taken to arrive \
             halfway through and so covering only the second half: 20 units short at a \
             margin of 1.00 each."
        );
        let de = crate::recorded::join(&r.basis_words, i18n::Lang::De);
        assert!(de.contains("30 unterwegs oder bestellt"), "{de}");
        let nl = crate::recorded::join(&r.basis_words, i18n::Lang::Nl);
        assert!(nl.contains("30 onderweg of besteld"), "{nl}");
        // 25 on hand last the first five days with 5 left; 10 on the way and the 5
        // leave 5 of the second five days' 20 short.
        e.on_hand = 25;
        e.inbound = 10;
        assert_eq!(e.risk().lost_sales_minor, 500);
        // Too little on hand for the first half: the shortfall there stands, however
        // much is on its way.
        e.on_hand = 8;
        e.inbound = 1_000;
        assert_eq!(e.risk().lost_sales_minor, 1_200);
        // A negative figure counts as nothing on its way.
        e.inbound = -50;
        assert_eq!(e.risk().lost_sales_minor, 3_200);
    }

    #[test]
    fn enough_stock_or_no_margin_risks_nothing() {
        assert_eq!(exposure(4.0, 100, Some(5), 150).risk().lost_sales_minor, 0);
        assert_eq!(exposure(4.0, 0, Some(5), -20).risk().lost_sales_minor, 0);
        assert_eq!(exposure(0.0, 0, Some(5), 150).risk().lost_sales_minor, 0);
    }

    #[test]
    fn garbage_figures_neither_panic_nor_overflow() {
        for daily in [f64::NAN, f64::INFINITY, -5.0, 1e300] {
            for lead in [Some(i64::MAX), Some(i64::MIN), Some(0), None] {
                let mut e = exposure(daily, i64::MIN, lead, i64::MAX);
                for inbound in [i64::MIN, 0, i64::MAX] {
                    e.inbound = inbound;
                    let r = e.risk();
                    assert!((0..=MAX_MONEY_MINOR).contains(&r.lost_sales_minor));
                    // The sentence shows the figures counted, not a 301-digit number
                    // or "NaN".
                    let basis = r.basis();
                    assert!(basis.len() < 400 && !basis.contains("NaN"), "{basis}");
                }
            }
        }
        // A faster seller at the same margin ranks higher.
        let slow = exposure(1.0, 0, Some(3), 100).risk().lost_sales_minor;
        let fast = exposure(9.0, 0, Some(3), 100).risk().lost_sales_minor;
        assert!(fast > slow);
    }
}
