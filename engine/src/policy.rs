//! Replenishment policy: from a stock position, the tenant's policy for the product class
//! (and location), and recent demand, decide whether there is a need and how much to
//! bring in. Pure: the caller passes the figures and the time; the result carries a
//! snapshot of every number used, stored with the suggestion it creates.

use serde::{Deserialize, Serialize};

use crate::recorded::Recorded;

pub mod reason;
pub mod safety;

pub use safety::{cycle_service_level, deliveries_offset, lead_time_demand_sd, order_cycle_days};

/// Days of daily demand needed before safety stock is computed rather than configured.
pub const MIN_HISTORY_DAYS: usize = 14;
use crate::model::DAY_MS;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Levels {
    /// Reorder when the inventory position is at or below the reorder point, up to
    /// `order_up_to`. Without a reorder point it is computed as lead-time demand plus
    /// safety stock.
    ReorderPoint {
        reorder_point: Option<i64>,
        order_up_to: i64,
    },
    /// Reorder when the inventory position falls below `min`, up to `max`.
    MinMax { min: i64, max: i64 },
    /// From the position's demand forecast: the reorder point is the demand expected
    /// over the lead time plus z times its standard deviation (forecast error and the
    /// supplier's lead-time variability); the order-up-to adds the demand expected over
    /// the cover days after it. Promotions are already in the forecast.
    Forecast(ForecastLevels),
}

/// What a forecast-driven policy reads from the forecast (see [`Levels::Forecast`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastLevels {
    /// The method, as a planner reads it ("ETS · MASE 0.81", or why it fell back).
    pub method: String,
    /// The lead time the demand is summed over (at least a day).
    pub lead_days: i64,
    pub lead_time_demand: f64,
    pub lead_time_sd: f64,
    pub cover_days: i64,
    pub cover_demand: f64,
    /// The target service level per order, in percent.
    pub service_level: f64,
    /// When the class's level was spread by value ([`spread_service_level`]): the
    /// class's level, and the value this position sells a day against the class's
    /// average (minor units at cost).
    #[serde(default)]
    pub spread: Option<Spread>,
    /// Days between the position's orders ([`order_cycle_days`]), when its policy
    /// counts the order cycle.
    #[serde(default)]
    pub cycle_days: Option<f64>,
    /// When the position is ordered more often than weekly: the level per week (the
    /// class's, or its spread) that `service_level` per order was derived from
    /// ([`cycle_service_level`]).
    #[serde(default)]
    pub level_per_week: Option<f64>,
    /// Whether late and early deliveries of the position's frequent orders offset one
    /// another in `lead_time_sd` ([`deliveries_offset`]).
    #[serde(default)]
    pub deliveries_offset: bool,
}

/// How a class's service level was spread to one position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// The class's level, in percent.
    pub class_level: f64,
    /// Value this position sells a day, at cost (minor units).
    pub value_per_day: f64,
    /// The same, averaged over the class's positions.
    pub class_value_per_day: f64,
}

/// Stockout chance per order cycle a spread level never goes below (99.9 % service)
/// or above (50 %), unless the class's own is already beyond.
const SPREAD_TAIL: (f64, f64) = (0.001, 0.5);

/// The service level (percent) one position gets when its class's `class_level` is
/// spread by value: the class's stockout chance per order cycle (or per week, when the
/// policy counts its order cycle, `policy::safety`), 100 − level, is shared
/// out in proportion to the value the position sells a day (`value_per_day`, at cost)
/// against the class's average (`class_value_per_day`), between 50 % and 99.9 % (or
/// the class's own level, when that is beyond either).
///
/// Why: a stockout day counts the same whatever the item, while safety stock costs its
/// price. Days out of stock per order cycle fall by (1 − Φ(z)) / D per unit of safety
/// stock costing c, so the cheapest plan for the class's level equalises
/// (1 − Φ(z)) / (c D). Without a usable average the class's level stands.
pub fn spread_service_level(class_level: f64, value_per_day: f64, class_value_per_day: f64) -> f64 {
    if !(class_level.is_finite()
        && value_per_day.is_finite()
        && value_per_day >= 0.0
        && class_value_per_day.is_finite()
        && class_value_per_day > 0.0)
    {
        return class_level;
    }
    let class_tail = (100.0 - class_level) / 100.0;
    let tail = (class_tail * value_per_day / class_value_per_day)
        .clamp(SPREAD_TAIL.0.min(class_tail), SPREAD_TAIL.1.max(class_tail));
    100.0 * (1.0 - tail)
}

impl ForecastLevels {
    /// The (reorder point, order-up-to) these figures give at the normal quantile `z`.
    pub fn levels(&self, z: f64) -> (i64, i64) {
        let rop = ceil_units(self.lead_time_demand + z * self.lead_time_sd);
        (
            rop,
            rop.saturating_add(ceil_units(self.cover_demand).max(1)),
        )
    }
}

/// A promotion that multiplies expected demand while it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Uplift {
    pub from_ms: i64,
    pub to_ms: i64,
    /// e.g. 1.5 for +50 %.
    pub factor: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    pub levels: Levels,
    /// Used when there is too little history to compute safety stock.
    pub safety_stock: i64,
    /// z for the target cycle service level (1.65 ≈ 95 %).
    pub service_z: f64,
    pub lead_time_days: i64,
    pub case_pack: i64,
    pub moq: i64,
    #[serde(default)]
    pub uplifts: Vec<Uplift>,
    /// Units of demand owed to shoppers waiting for the item here (back-in-stock: the
    /// waiting list times the tenant's weight), taken off the stock position.
    #[serde(default)]
    pub waiting_demand: i64,
}

/// On hand + in transit + on order: what the location has or will have without a new order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub on_hand: i64,
    pub in_transit: i64,
    pub on_order: i64,
}

impl Position {
    pub fn inventory_position(&self) -> i64 {
        self.on_hand
            .saturating_add(self.in_transit)
            .saturating_add(self.on_order)
    }
}

/// Every number a decision used, so that a reviewer can see why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub position: Position,
    pub inventory_position: i64,
    pub mean_daily_demand: f64,
    pub demand_std_dev: f64,
    pub history_days: usize,
    pub uplift: f64,
    pub safety_stock: i64,
    pub safety_stock_computed: bool,
    pub reorder_point: i64,
    pub target: i64,
    pub lead_time_days: i64,
    pub case_pack: i64,
    pub moq: i64,
    /// The forecast the levels came from (forecast-driven policies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<ForecastLevels>,
}

/// A shortfall to cover, by transfer first and purchase for the rest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub quantity: i64,
    /// Why, in English (as stored for API clients and the audit trail).
    pub reason: String,
    /// The same, one recorded sentence each, for each reader's language.
    #[serde(default)]
    pub words: Vec<Recorded>,
    pub snapshot: Snapshot,
}

fn mean_and_std(daily: &[i64]) -> (f64, f64) {
    if daily.is_empty() {
        return (0.0, 0.0);
    }
    let n = daily.len() as f64;
    let mean = daily.iter().map(|d| *d as f64).sum::<f64>() / n;
    if daily.len() < 2 {
        return (mean, 0.0);
    }
    let var = daily
        .iter()
        .map(|d| (*d as f64 - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    (mean, var.sqrt())
}

/// The strongest promotion factor active at any time between now and the end of the
/// lead time (1.0 when none).
fn uplift_factor(uplifts: &[Uplift], now: i64, lead_time_days: i64) -> f64 {
    let until = now.saturating_add(lead_time_days.max(1).saturating_mul(DAY_MS));
    uplifts
        .iter()
        .filter(|u| u.from_ms < until && u.to_ms > now && u.factor > 0.0)
        .map(|u| u.factor)
        .fold(1.0, f64::max)
}

/// Whole units, rounded up, from a figure that may be anything (NaN and negatives are
/// 0; huge values saturate).
fn ceil_units(v: f64) -> i64 {
    if v.is_finite() && v > 0.0 {
        v.ceil().min(crate::limits::MAX_LEVEL as f64) as i64
    } else {
        0
    }
}

/// Rounds up to the MOQ, then up to a whole number of cases.
pub fn order_quantity(raw: i64, case_pack: i64, moq: i64) -> i64 {
    if raw <= 0 {
        return 0;
    }
    let q = raw.max(moq);
    let pack = case_pack.max(1);
    // Whole cases, rounded up; saturating so no input can wrap.
    let cases = q / pack + i64::from(q % pack != 0);
    cases.saturating_mul(pack)
}

/// Decides whether `position` needs replenishing under `policy`, given recent daily
/// demand (oldest first) and the time now.
pub fn evaluate(
    policy: &Policy,
    position: Position,
    daily_demand: &[i64],
    now: i64,
) -> Option<Need> {
    let (mean, std) = mean_and_std(daily_demand);
    let uplift = uplift_factor(&policy.uplifts, now, policy.lead_time_days);
    let lead = policy.lead_time_days.max(0) as f64;
    let computed = daily_demand.len() >= MIN_HISTORY_DAYS;
    let safety_stock = if computed {
        (policy.service_z * std * lead.sqrt()).ceil() as i64
    } else {
        policy.safety_stock
    };
    let lead_time_demand = (mean * uplift * lead).ceil() as i64;
    let scale = |v: i64| (v as f64 * uplift).ceil() as i64;
    let waiting = policy.waiting_demand.max(0);
    let ip = position.inventory_position().saturating_sub(waiting);
    let (reorder_point, target, triggered) = {
        match &policy.levels {
            Levels::ReorderPoint {
                reorder_point,
                order_up_to,
            } => {
                let rop = match reorder_point {
                    Some(r) => scale(*r),
                    None => lead_time_demand.saturating_add(safety_stock),
                };
                let target = scale(*order_up_to).max(rop.saturating_add(1));
                (rop, target, ip <= rop)
            }
            Levels::MinMax { min, max } => {
                let min = scale(*min);
                let max = scale(*max).max(min);
                (min, max, ip < min)
            }
            Levels::Forecast(f) => {
                let (rop, target) = f.levels(policy.service_z);
                (rop, target, ip <= rop)
            }
        }
    };
    let forecast = match &policy.levels {
        Levels::Forecast(f) => Some(f.clone()),
        _ => None,
    };
    let (mean, std, safety_stock, computed) = match &forecast {
        Some(f) => (
            f.lead_time_demand / lead.max(1.0),
            f.lead_time_sd,
            ceil_units(policy.service_z * f.lead_time_sd),
            true,
        ),
        None => (mean, std, safety_stock, computed),
    };
    let uplift = if forecast.is_some() { 1.0 } else { uplift };
    let snapshot = Snapshot {
        position,
        inventory_position: ip,
        mean_daily_demand: mean,
        demand_std_dev: std,
        history_days: daily_demand.len(),
        uplift,
        safety_stock,
        safety_stock_computed: computed,
        reorder_point,
        target,
        lead_time_days: policy.lead_time_days,
        case_pack: policy.case_pack,
        moq: policy.moq,
        forecast: forecast.clone(),
    };
    if !triggered {
        return None;
    }
    let quantity = order_quantity(target.saturating_sub(ip), policy.case_pack, policy.moq);
    if quantity == 0 {
        return None;
    }
    let (reason, words) = reason::need(&reason::Figures {
        forecast: forecast.as_ref(),
        safety_stock,
        position,
        ip,
        reorder_point,
        target,
        uplift,
        waiting,
        quantity,
        case_pack: policy.case_pack,
    });
    Some(Need {
        quantity,
        reason,
        words,
        snapshot,
    })
}

/// The key that makes a need for one (location, product) open only once, however many
/// events report it: the store keeps at most one open suggestion per key.
pub fn dedupe_key(tenant_id: i64, location_id: i64, product_id: i64) -> String {
    format!("need:{tenant_id}:{location_id}:{product_id}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_class_level_spread_by_value_by_hand() {
        use super::spread_service_level as spread;
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        // 95 %: a 5 % stockout chance per cycle at the class's average value a day.
        assert!(close(spread(95.0, 40.0, 40.0), 95.0));
        assert!(
            close(spread(95.0, 80.0, 40.0), 90.0),
            "twice the value: twice the chance"
        );
        assert!(
            close(spread(95.0, 4.0, 40.0), 99.5),
            "a tenth: a tenth of the chance"
        );
        assert!(close(spread(95.0, 0.0, 40.0), 99.9), "never above 99.9 %");
        assert!(close(spread(95.0, 1e9, 40.0), 50.0), "never below 50 %");
        // A class above 99.9 % (z up to 5) is never lowered at its average, and one
        // below 50 % never raised at it.
        assert!(close(spread(99.99, 40.0, 40.0), 99.99));
        assert!(close(spread(99.99, 4.0, 40.0), 99.99), "nor raised past it");
        assert!(
            close(spread(99.99, 400.0, 40.0), 99.9),
            "a dear one still gives way"
        );
        assert!(close(spread(40.0, 40.0, 40.0), 40.0));
        for (v, mean) in [
            (f64::NAN, 40.0),
            (-1.0, 40.0),
            (40.0, 0.0),
            (40.0, f64::INFINITY),
        ] {
            assert!(close(spread(95.0, v, mean), 95.0), "{v} against {mean}");
        }
    }

    use super::*;

    pub(super) const NOW: i64 = 1_800_000_000_000;

    pub(super) fn rop_policy() -> Policy {
        Policy {
            levels: Levels::ReorderPoint {
                reorder_point: Some(10),
                order_up_to: 40,
            },
            safety_stock: 4,
            service_z: 1.65,
            lead_time_days: 4,
            case_pack: 6,
            moq: 12,
            uplifts: vec![],
            waiting_demand: 0,
        }
    }

    pub(super) fn pos(on_hand: i64, in_transit: i64, on_order: i64) -> Position {
        Position {
            on_hand,
            in_transit,
            on_order,
        }
    }

    #[test]
    fn waiting_shoppers_count_as_demand_and_say_so() {
        let calm = evaluate(&rop_policy(), pos(20, 0, 0), &[], NOW);
        assert_eq!(calm, None, "20 on hand is above the reorder point of 10");
        let policy = Policy {
            waiting_demand: 15,
            ..rop_policy()
        };
        let need = evaluate(&policy, pos(20, 0, 0), &[], NOW).expect("20 - 15 is below 10");
        assert_eq!(need.snapshot.inventory_position, 5);
        assert_eq!(need.quantity, 36, "up to 40 from 5, in cases of 6");
        assert!(
            need.reason
                .contains("15 units of demand from shoppers waiting"),
            "{}",
            need.reason
        );
    }

    #[test]
    fn extreme_figures_never_overflow() {
        let extremes = [i64::MIN, -1, 0, 1, i64::MAX];
        for &level in &extremes {
            for &stock in &extremes {
                for &pack in &[1, i64::MAX] {
                    let policy = Policy {
                        levels: Levels::ReorderPoint {
                            reorder_point: Some(level),
                            order_up_to: level,
                        },
                        safety_stock: level,
                        service_z: 5.0,
                        lead_time_days: i64::MAX,
                        case_pack: pack,
                        moq: level,
                        uplifts: vec![Uplift {
                            from_ms: 0,
                            to_ms: i64::MAX,
                            factor: 20.0,
                        }],
                        waiting_demand: level,
                    };
                    let need = evaluate(&policy, pos(stock, stock, stock), &[i64::MAX; 20], NOW);
                    if let Some(n) = need {
                        assert!(n.quantity > 0);
                    }
                }
            }
        }
        assert_eq!(order_quantity(i64::MAX, 7, 0), i64::MAX);
        assert_eq!(order_quantity(i64::MAX, 1, i64::MAX), i64::MAX);
    }

    fn forecast_policy(demand: f64, sd: f64, cover: f64) -> Policy {
        Policy {
            levels: Levels::Forecast(ForecastLevels {
                method: "ETS · MASE 0.80".into(),
                lead_days: 2,
                lead_time_demand: demand,
                lead_time_sd: sd,
                cover_days: 7,
                cover_demand: cover,
                service_level: 95.0,
                spread: None,
                cycle_days: None,
                level_per_week: None,
                deliveries_offset: false,
            }),
            service_z: 1.645,
            case_pack: 1,
            moq: 0,
            ..rop_policy()
        }
    }

    #[test]
    fn forecast_levels_by_hand_and_never_from_garbage() {
        // 20 over the lead time ± 5 at z 1.645: 20 + 8.2 → 29; plus 70 of cover → 99.
        let policy = forecast_policy(20.0, 5.0, 70.0);
        assert_eq!(evaluate(&policy, pos(30, 0, 0), &[], NOW), None);
        let need = evaluate(&policy, pos(29, 0, 0), &[], NOW).expect("at the reorder point");
        assert_eq!(
            (
                need.snapshot.reorder_point,
                need.snapshot.target,
                need.quantity
            ),
            (29, 99, 70)
        );
        assert_eq!(need.snapshot.safety_stock, 9);
        assert!(
            need.reason
                .starts_with("Forecast (ETS · MASE 0.80): 20.0 units over the 2-day lead time"),
            "{}",
            need.reason
        );
        // The forecast already holds any promotion: the policy's uplifts are not applied twice.
        let mut promoted = policy.clone();
        promoted.uplifts = vec![Uplift {
            from_ms: 0,
            to_ms: i64::MAX,
            factor: 3.0,
        }];
        let again = evaluate(&promoted, pos(29, 0, 0), &[], NOW).unwrap();
        assert_eq!(again.snapshot.target, 99);
        // NaN, infinite and negative figures give levels of nothing, never a panic.
        for (d, sd, c) in [
            (f64::NAN, 1.0, 1.0),
            (f64::INFINITY, f64::INFINITY, f64::INFINITY),
            (-5.0, -5.0, -5.0),
            (1e300, 1e300, 1e300),
        ] {
            let p = forecast_policy(d, sd, c);
            if let Some(n) = evaluate(&p, pos(0, 0, 0), &[], NOW) {
                assert!(n.quantity > 0 && n.snapshot.target <= crate::limits::MAX_LEVEL * 2);
            }
        }
    }

    #[test]
    fn no_need_above_the_reorder_point() {
        assert!(evaluate(&rop_policy(), pos(11, 0, 0), &[], NOW).is_none());
    }

    #[test]
    fn at_the_reorder_point_it_orders_up_to_target_in_whole_cases() {
        let need = evaluate(&rop_policy(), pos(10, 0, 0), &[], NOW).unwrap();
        assert_eq!(need.quantity, 30, "40 - 10 = 30, already 5 cases of 6");
        let need = evaluate(&rop_policy(), pos(7, 0, 0), &[], NOW).unwrap();
        assert_eq!(need.quantity, 36, "33 rounds up to 6 cases");
        assert!(
            need.reason.contains("below the reorder point 10"),
            "{}",
            need.reason
        );
        assert_eq!(need.snapshot.inventory_position, 7);
    }

    #[test]
    fn stock_in_transit_and_on_order_count_before_buying() {
        assert!(
            evaluate(&rop_policy(), pos(2, 5, 6), &[], NOW).is_none(),
            "2 + 5 + 6 = 13 > 10"
        );
        let need = evaluate(&rop_policy(), pos(2, 3, 5), &[], NOW).unwrap();
        assert_eq!(need.snapshot.inventory_position, 10);
        assert_eq!(need.quantity, 30);
    }

    #[test]
    fn moq_and_case_pack_round_up() {
        assert_eq!(order_quantity(3, 6, 12), 12);
        assert_eq!(order_quantity(13, 6, 12), 18);
        assert_eq!(order_quantity(5, 1, 0), 5);
        assert_eq!(order_quantity(0, 6, 12), 0);
    }

    #[test]
    fn safety_stock_comes_from_demand_variability_when_history_exists() {
        let mut p = rop_policy();
        p.levels = Levels::ReorderPoint {
            reorder_point: None,
            order_up_to: 60,
        };
        // 14 days alternating 8 and 12: mean 10, sample std dev 2.075.
        let history: Vec<i64> = (0..14).map(|i| if i % 2 == 0 { 8 } else { 12 }).collect();
        let need = evaluate(&p, pos(40, 0, 0), &history, NOW).unwrap();
        let s = &need.snapshot;
        assert!(s.safety_stock_computed);
        assert!(
            (s.demand_std_dev - 2.0755).abs() < 1e-3,
            "{}",
            s.demand_std_dev
        );
        assert_eq!(
            s.safety_stock, 7,
            "ceil(1.65 * 2.0755 * sqrt(4)) = ceil(6.85)"
        );
        assert_eq!(
            s.reorder_point,
            40 + 7,
            "lead-time demand 4 x 10 plus safety stock"
        );
        // With too little history the configured safety stock is used.
        let need = evaluate(&p, pos(40, 0, 0), &history[..5], NOW).unwrap();
        assert!(!need.snapshot.safety_stock_computed);
        assert_eq!(need.snapshot.safety_stock, 4);
    }

    #[test]
    fn a_promotion_inside_the_lead_time_raises_the_levels() {
        let mut p = rop_policy();
        p.uplifts = vec![Uplift {
            from_ms: NOW + 2 * DAY_MS,
            to_ms: NOW + 9 * DAY_MS,
            factor: 1.5,
        }];
        let need = evaluate(&p, pos(14, 0, 0), &[], NOW).unwrap();
        assert_eq!(
            (need.snapshot.reorder_point, need.snapshot.target),
            (15, 60)
        );
        assert!(need.reason.contains("uplift of ×1.50"));
        // A promotion after the lead time changes nothing yet.
        p.uplifts[0].from_ms = NOW + 10 * DAY_MS;
        assert!(evaluate(&p, pos(14, 0, 0), &[], NOW).is_none());
    }

    #[test]
    fn min_max_orders_below_min_up_to_max() {
        let mut p = rop_policy();
        p.levels = Levels::MinMax { min: 10, max: 30 };
        p.case_pack = 1;
        p.moq = 0;
        assert!(
            evaluate(&p, pos(10, 0, 0), &[], NOW).is_none(),
            "at min is enough"
        );
        assert_eq!(evaluate(&p, pos(9, 0, 0), &[], NOW).unwrap().quantity, 21);
    }

    #[test]
    fn the_dedupe_key_names_tenant_location_and_product() {
        assert_eq!(dedupe_key(1, 2, 3), "need:1:2:3");
        assert_ne!(dedupe_key(1, 2, 3), dedupe_key(2, 2, 3));
    }
}
