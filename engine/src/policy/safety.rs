//! Safety stock for a forecast-driven policy: the order cycle, the spread of demand over
//! the lead time, and the service level per order. One place for the live policy
//! (`replenish::policies`) and the backtest's forecast-driven rule
//! (`backtest::rules`), so the backtest proves what goes live.

use std::f64::consts::PI;

/// Days of the order cycle a class's service level is stated for at most: the chance
/// of not running out per order, for a position ordered weekly or less often.
pub const WEEK_DAYS: f64 = 7.0;

/// The longest order cycle counted (a position that sells almost nothing).
const MAX_CYCLE_DAYS: f64 = 365.0;

/// Days between a position's orders: its cover, or as long as its smallest order (a
/// case or the minimum order quantity) lasts at `daily` units a day, whichever is
/// longer; at least a day, at most a year.
pub fn order_cycle_days(cover_days: f64, smallest_order: f64, daily: f64) -> f64 {
    let cover = if cover_days.is_finite() {
        cover_days.max(1.0)
    } else {
        1.0
    };
    let lasts = if daily > 0.0 && smallest_order.is_finite() {
        smallest_order.max(1.0) / daily
    } else {
        MAX_CYCLE_DAYS
    };
    cover.max(lasts).min(MAX_CYCLE_DAYS)
}

/// Standard deviation of demand over the lead time: √(L σ² + D² V), with `sigma` the
/// forecast's daily error, `daily` the demand expected a day over the lead time and V
/// what the lead time's own spread (`lead_sd` days) adds.
///
/// When the cycle is not counted (`cycle_days` `None`, or not a positive number), V is
/// the lead time's variance σ_L², as for one order on its way at a time. A position
/// ordered every c days has about L / c orders on their way, each late or early on its
/// own (a supplier's lead time differs from order to order), and what is missing at a
/// moment is the sum over them: its variance is about c D² σ_L / √π (c² D² p (1 − p)
/// for an order still out with chance p, summed over orders c days apart; the integral
/// of Φ (1 − Φ) is σ / √π for a normally spread lead time). So V = min(σ_L², c σ_L / √π):
/// late and early deliveries of frequent orders partly offset one another, and a
/// position ordered weekly or less often from a supplier that varies by days meets the
/// whole σ_L².
///
/// This assumes each order's lateness is its own. Where a supplier is late for weeks on
/// end (a backlog, one truck for every order) the orders on their way are late
/// together and V is σ_L² whatever the cycle: that is why a policy counts its order
/// cycle only when its planner asks (`replenish::PolicySettings::order_cycle`).
pub fn lead_time_demand_sd(
    lead_days: f64,
    sigma: f64,
    daily: f64,
    lead_sd: f64,
    cycle_days: Option<f64>,
) -> f64 {
    let l = lead_days.max(1.0);
    let s_l = if lead_sd.is_finite() {
        lead_sd.max(0.0)
    } else {
        0.0
    };
    let v = match cycle_days {
        Some(c) if c.is_finite() && c > 0.0 => (s_l * s_l).min(c * s_l / PI.sqrt()),
        _ => s_l * s_l,
    };
    (l * sigma * sigma + daily * daily * v).sqrt()
}

/// Whether late and early deliveries of orders `cycle_days` apart offset one another in
/// [`lead_time_demand_sd`] (its V below σ_L²).
pub fn deliveries_offset(lead_sd: f64, cycle_days: f64) -> bool {
    lead_sd.is_finite()
        && lead_sd > 0.0
        && cycle_days.is_finite()
        && cycle_days > 0.0
        && cycle_days < lead_sd * PI.sqrt()
}

/// The service level (percent) per order of a position ordered every `cycle_days`.
/// A class's `level` is the chance of not running out per order cycle of up to a week;
/// a position ordered more often meets that chance at every order, so each order gets
/// (100 − level) × c / 7 of it and the position runs out no more often a week than one
/// ordered weekly. Cycles of a week or longer keep the level as it is.
pub fn cycle_service_level(level: f64, cycle_days: f64) -> f64 {
    if !level.is_finite() || cycle_days.is_nan() || cycle_days <= 0.0 || cycle_days >= WEEK_DAYS {
        return level;
    }
    100.0 - (100.0 - level) * cycle_days / WEEK_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_cycle_is_the_cover_or_as_long_as_a_case_lasts() {
        assert!(
            close(order_cycle_days(7.0, 6.0, 20.0), 7.0),
            "a case lasts 0.3 days"
        );
        assert!(
            close(order_cycle_days(1.0, 6.0, 2.0), 3.0),
            "a case lasts 3 days"
        );
        assert!(
            close(order_cycle_days(0.0, 0.0, 50.0), 1.0),
            "at least a day"
        );
        assert!(
            close(order_cycle_days(1.0, 1.0, 0.0), 365.0),
            "sells nothing"
        );
        assert!(close(order_cycle_days(f64::NAN, 4.0, f64::NAN), 365.0));
        assert!(
            close(order_cycle_days(1.0, 1.0, 1e-9), 365.0),
            "at most a year"
        );
    }

    #[test]
    fn lead_time_spread_by_hand() {
        // √(4 · 9) = 6 without lead-time variability.
        assert!(close(
            lead_time_demand_sd(4.0, 3.0, 10.0, 0.0, Some(1.0)),
            6.0
        ));
        // One order at a time (a weekly cycle, σ_L 1 day): √(36 + 100 · 1).
        assert!(close(
            lead_time_demand_sd(4.0, 3.0, 10.0, 1.0, Some(7.0)),
            136f64.sqrt()
        ));
        // The cycle not counted, or not a number: the whole σ_L².
        for cycle in [
            None,
            Some(0.0),
            Some(-1.0),
            Some(f64::NAN),
            Some(f64::INFINITY),
        ] {
            assert!(
                close(
                    lead_time_demand_sd(4.0, 3.0, 10.0, 3.0, cycle),
                    936f64.sqrt()
                ),
                "{cycle:?}"
            );
        }
        // Ordered daily from a supplier that varies by 3 days: V = 3 / √π ≈ 1.693 days²
        // instead of 9, so √(36 + 100 · 1.693) ≈ 14.33 instead of √936 ≈ 30.59.
        let daily = lead_time_demand_sd(4.0, 3.0, 10.0, 3.0, Some(1.0));
        assert!(
            close(daily, (36.0 + 100.0 * 3.0 / PI.sqrt()).sqrt()),
            "{daily}"
        );
        assert!(close(
            lead_time_demand_sd(4.0, 3.0, 10.0, 3.0, Some(7.0)),
            936f64.sqrt()
        ));
        // Every second day: twice the daily figure, still under σ_L².
        let second = lead_time_demand_sd(4.0, 3.0, 10.0, 3.0, Some(2.0));
        assert!(
            close(second, (36.0 + 100.0 * 6.0 / PI.sqrt()).sqrt()),
            "{second}"
        );
        assert!(daily < second && second < 936f64.sqrt());
        // Never less than the forecast error alone, whatever the inputs.
        assert!(close(
            lead_time_demand_sd(0.0, 3.0, 10.0, -2.0, Some(1.0)),
            3.0
        ));
        assert!(close(
            lead_time_demand_sd(0.0, 3.0, 10.0, f64::NAN, None),
            3.0
        ));
        // Offsetting happens below √π σ_L ≈ 5.32 days for σ_L = 3, never without spread.
        assert!(deliveries_offset(3.0, 5.3) && !deliveries_offset(3.0, 5.4));
        assert!(!deliveries_offset(0.0, 1.0) && !deliveries_offset(f64::NAN, 1.0));
        // A supplier that varies by 5 days: a weekly order already offsets.
        assert!(deliveries_offset(5.0, 7.0));
        assert!(lead_time_demand_sd(4.0, 3.0, 10.0, 5.0, Some(7.0)) < 2536f64.sqrt());
    }

    #[test]
    fn a_position_ordered_daily_gets_a_seventh_of_the_weekly_stockout_chance() {
        assert!(close(cycle_service_level(95.0, 1.0), 100.0 - 5.0 / 7.0));
        assert!(close(cycle_service_level(98.0, 3.5), 99.0));
        for cycle in [7.0, 30.0, 365.0, 0.0, -1.0, f64::NAN] {
            assert!(close(cycle_service_level(95.0, cycle), 95.0), "{cycle}");
        }
        assert!(cycle_service_level(f64::NAN, 1.0).is_nan());
    }
}
