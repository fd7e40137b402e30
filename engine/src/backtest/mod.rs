//! Backtests: a network's demand replayed day by day on a virtual clock under a
//! replenishment rule, with lead times, transfers between stores and receipts simulated,
//! reporting what a planner weighs (fill rate, stockout store-product-days, average
//! inventory value, documents, approvals). Pure and deterministic for a scenario and a
//! seed: nothing here reads or writes the tenant's live data.
//!
//! | module | owns |
//! |---|---|
//! | [`compare`] | several rules over one scenario, timed, and the benchmark's verdict |
//! | [`replay`] | a tenant's own network, demand and current levels as a scenario; a demand CSV |
//! | [`rules`] | how each rule sets a position's reorder point and order-up-to every day: static min/max, naive adaptive, forecast-driven |
//! | [`synthetic`] | the seeded synthetic retail network of the benchmark |
//!
//! Each simulated day: receipts due that day arrive; the day's demand is served from
//! the shelf (what is not there is a lost sale); then every position is reviewed: at or
//! below its reorder point it needs up to its order-up-to level, taken first from
//! another store's surplus (a transfer, there the next day) and bought for the rest
//! (whole cases, one purchase order per supplier and store a day, arriving after the
//! supplier's lead time, which varies). Every document is routed through the approval
//! matrix to count the approvals it would need. A rule sees only the sales (not the
//! demand lost to an empty shelf), as the live system does.

pub mod anomalies;
pub mod compare;
pub mod replay;
pub mod rules;
pub mod synthetic;

use serde::{Deserialize, Serialize};

use crate::approval::{self, DocumentType, Matrix, Route};
use crate::policy::{order_quantity, Position};
use crate::sourcing::{self, Candidate};
pub use rules::Rule;

/// A store of the network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub id: i64,
    pub name: String,
}

/// A product of the network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: i64,
    pub sku: String,
    pub class: String,
    /// Cost of one unit, in minor units.
    pub unit_cost_minor: i64,
    /// Index into [`Scenario::suppliers`].
    pub supplier: usize,
    pub case_pack: i64,
    /// Target cycle service level in percent (the class's).
    pub service_level: f64,
    /// Whether the forecast-driven rule spreads the class's level by value, as the
    /// class's policy says (`replenish::PolicySettings::spread_service`).
    #[serde(default)]
    pub spread_service: bool,
    /// Days the forecast-driven rule's order-up-to covers beyond the reorder point, as
    /// the class's policy says (`replenish::PolicySettings::cover_days`); `None` for the
    /// scenario's [`Scenario::cover_days`], which the baselines use.
    #[serde(default)]
    pub cover_days: Option<usize>,
    /// Whether the forecast-driven rule counts the order cycle, as the class's policy
    /// says (`replenish::PolicySettings::order_cycle`, `policy::safety`).
    #[serde(default)]
    pub order_cycle: bool,
}

/// A supplier: its quoted lead time and how much the real one varies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
    pub lead_days: i64,
    /// Standard deviation of the real lead time, in days.
    pub lead_sd_days: f64,
}

/// A promotion every store runs, known in advance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    /// Index into [`Scenario::products`].
    pub product: usize,
    /// First and last day (inclusive), counted from the start of the history.
    pub from_day: usize,
    pub to_day: usize,
    pub factor: f64,
}

/// Everything a backtest replays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub stores: Vec<Store>,
    pub products: Vec<Product>,
    pub suppliers: Vec<Supplier>,
    /// Days of sales every rule knows before the first simulated day.
    pub history_days: usize,
    /// Days simulated after the history.
    pub days: usize,
    /// Demand per series (`store * products + product`) per day (history, then the
    /// simulated days).
    pub demand: Vec<Vec<u32>>,
    pub promotions: Vec<Promotion>,
    /// On hand per series on the first simulated day.
    pub initial: Vec<i64>,
    /// Days an order-up-to level covers beyond the reorder point.
    pub cover_days: usize,
    /// Seed of the lead-time draws.
    pub seed: u64,
}

impl Scenario {
    pub fn series(&self) -> usize {
        self.stores.len() * self.products.len()
    }

    pub fn product_of(&self, series: usize) -> usize {
        series % self.products.len().max(1)
    }

    /// The promotion factor of `product` on `day` (1.0 when none).
    pub fn uplift(&self, product: usize, day: usize) -> f64 {
        self.promotions
            .iter()
            .filter(|p| p.product == product && (p.from_day..=p.to_day).contains(&day))
            .map(|p| p.factor)
            .fold(1.0, f64::max)
    }

    /// Checks the shapes agree; the message names what does not.
    pub fn validate(&self) -> Result<(), String> {
        let total = self.history_days + self.days;
        if self.demand.len() != self.series() || self.initial.len() != self.series() {
            return Err(format!(
                "demand and initial stock need one row per store and product ({})",
                self.series()
            ));
        }
        if let Some(i) = self.demand.iter().position(|d| d.len() != total) {
            return Err(format!("demand row {i} does not have {total} days"));
        }
        if let Some(p) = self
            .products
            .iter()
            .find(|p| p.supplier >= self.suppliers.len())
        {
            return Err(format!("product {} has no supplier", p.sku));
        }
        Ok(())
    }
}

/// What a backtest measured.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub rule: String,
    pub days: usize,
    pub series: usize,
    pub demand_units: u64,
    pub sold_units: u64,
    /// Sold over demanded, 0–1.
    pub fill_rate: f64,
    /// Store-product-days on which demand went unmet or the shelf closed empty.
    pub stockout_days: u64,
    /// Mean over the days of the stock on hand at cost, in minor units.
    pub avg_inventory_value_minor: i64,
    pub purchase_orders: u64,
    pub transfers: u64,
    /// Documents the approval matrix sends to a person.
    pub approvals: u64,
    /// Series per forecasting method on the last day (forecast-driven rule only).
    pub methods: Vec<(String, u64)>,
    /// The same figures per product class.
    pub classes: Vec<ClassFigures>,
}

/// A report's figures for one product class.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClassFigures {
    pub class: String,
    pub series: usize,
    pub demand_units: u64,
    pub sold_units: u64,
    pub stockout_days: u64,
    pub avg_inventory_value_minor: i64,
}

/// A small, fast, seeded random stream (SplitMix64), the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Poisson with mean `lambda` (Knuth below 30, the normal approximation above).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 || !lambda.is_finite() {
            return 0;
        }
        if lambda > 30.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as u32;
        }
        let limit = (-lambda).exp();
        let (mut k, mut p) = (0u32, 1.0);
        loop {
            p *= self.unit();
            if p <= limit {
                return k;
            }
            k += 1;
        }
    }
}

/// An order on its way.
struct Arrival {
    day: usize,
    series: usize,
    quantity: i64,
    /// `Some((supplier, lead days))` on the first line of a purchase order, whose lead
    /// time is measured when it arrives.
    purchase: Option<(usize, i64)>,
}

/// What a rule may read on a day: sales so far, and the lead times measured so far.
pub struct Seen<'a> {
    pub scenario: &'a Scenario,
    /// Units sold per series per day, up to and including today.
    pub sales: &'a [Vec<u32>],
    /// Today, counted from the start of the history.
    pub today: usize,
    /// Lead times measured per supplier so far, in days, one per delivered purchase
    /// order, oldest first.
    pub lead_times: &'a [Vec<i64>],
}

/// Replays `scenario` under `rule`, routing documents through `matrix`; `progress` is
/// told after each simulated day (done, total).
pub fn run(
    scenario: &Scenario,
    rule: &mut Rule,
    matrix: &Matrix,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, String> {
    scenario.validate()?;
    let n = scenario.series();
    let np = scenario.products.len();
    let start = scenario.history_days;
    let end = start + scenario.days;
    let mut on_hand = scenario.initial.clone();
    let mut on_order = vec![0i64; n];
    let mut sales: Vec<Vec<u32>> = scenario
        .demand
        .iter()
        .map(|d| {
            let mut v = d[..start].to_vec();
            v.reserve(scenario.days);
            v
        })
        .collect();
    let mut lead_times: Vec<Vec<i64>> = vec![Vec::new(); scenario.suppliers.len()];
    let mut arrivals: Vec<Arrival> = Vec::new();
    let mut report = Report {
        rule: rule.name().to_string(),
        days: scenario.days,
        series: n,
        ..Report::default()
    };
    let mut value_days: i128 = 0;
    let class_names: Vec<String> = {
        let mut c: Vec<String> = scenario.products.iter().map(|p| p.class.clone()).collect();
        c.sort();
        c.dedup();
        c
    };
    let class_of: Vec<usize> = scenario
        .products
        .iter()
        .map(|p| class_names.binary_search(&p.class).unwrap_or(0))
        .collect();
    let mut classes: Vec<(ClassFigures, i128)> = class_names
        .iter()
        .map(|c| {
            let series =
                scenario.stores.len() * scenario.products.iter().filter(|p| &p.class == c).count();
            (
                ClassFigures {
                    class: c.clone(),
                    series,
                    ..ClassFigures::default()
                },
                0,
            )
        })
        .collect();
    let mut levels = vec![(0i64, 0i64); n];
    for today in start..end {
        arrivals.retain(|a| {
            if a.day > today {
                return true;
            }
            on_hand[a.series] = on_hand[a.series].saturating_add(a.quantity);
            on_order[a.series] = on_order[a.series].saturating_sub(a.quantity);
            if let Some((supplier, lead)) = a.purchase {
                lead_times[supplier].push(lead);
            }
            false
        });
        for s in 0..n {
            let demand = i64::from(scenario.demand[s][today]);
            let sold = demand.min(on_hand[s].max(0));
            on_hand[s] -= sold;
            sales[s].push(sold as u32);
            let (class, class_value) = &mut classes[class_of[s % np]];
            report.demand_units += demand as u64;
            report.sold_units += sold as u64;
            class.demand_units += demand as u64;
            class.sold_units += sold as u64;
            if sold < demand || on_hand[s] <= 0 {
                report.stockout_days += 1;
                class.stockout_days += 1;
            }
            let cost = scenario.products[s % np].unit_cost_minor;
            let value = i128::from(on_hand[s]) * i128::from(cost);
            value_days += value;
            *class_value += value;
        }
        let seen = Seen {
            scenario,
            sales: &sales,
            today,
            lead_times: &lead_times,
        };
        for (s, l) in levels.iter_mut().enumerate() {
            *l = rule.levels(&seen, s);
        }
        review(
            scenario,
            &levels,
            &mut on_hand,
            &mut on_order,
            &mut arrivals,
            matrix,
            today,
            &mut report,
        );
        progress(today + 1 - start, scenario.days);
    }
    report.fill_rate = if report.demand_units == 0 {
        1.0
    } else {
        report.sold_units as f64 / report.demand_units as f64
    };
    report.avg_inventory_value_minor = (value_days / scenario.days.max(1) as i128) as i64;
    report.methods = rule.methods();
    report.classes = classes
        .into_iter()
        .map(|(mut c, value)| {
            c.avg_inventory_value_minor = (value / scenario.days.max(1) as i128) as i64;
            c
        })
        .collect();
    Ok(report)
}

/// One day's review of every position: transfers first, purchases for the rest.
#[allow(clippy::too_many_arguments)]
fn review(
    scenario: &Scenario,
    levels: &[(i64, i64)],
    on_hand: &mut [i64],
    on_order: &mut [i64],
    arrivals: &mut Vec<Arrival>,
    matrix: &Matrix,
    today: usize,
    report: &mut Report,
) {
    let np = scenario.products.len();
    let ns = scenario.stores.len();
    // (supplier, store) → order value today.
    let mut orders: std::collections::BTreeMap<(usize, usize), i64> = Default::default();
    let mut lead_today: Vec<Option<i64>> = vec![None; scenario.suppliers.len()];
    for p in 0..np {
        let product = &scenario.products[p];
        for st in 0..ns {
            let s = st * np + p;
            let (rop, out) = levels[s];
            let ip = on_hand[s].saturating_add(on_order[s]);
            if ip > rop {
                continue;
            }
            let need = out.saturating_sub(ip);
            if need <= 0 {
                continue;
            }
            let candidates: Vec<Candidate> = (0..ns)
                .filter(|o| *o != st)
                .map(|o| {
                    let d = o * np + p;
                    Candidate {
                        location_id: o as i64,
                        region: String::new(),
                        latitude: None,
                        longitude: None,
                        position: Position {
                            on_hand: on_hand[d],
                            in_transit: 0,
                            on_order: on_order[d],
                        },
                        // A donor keeps what its own order-up-to asks for.
                        reorder_point: levels[d].1,
                        promised: 0,
                    }
                })
                .collect();
            let to = sourcing::Destination {
                location_id: st as i64,
                region: String::new(),
                latitude: None,
                longitude: None,
            };
            let plan = sourcing::plan(need, &to, &candidates);
            if let Some((donor, give)) = plan.transfer {
                let d = donor as usize * np + p;
                on_hand[d] -= give;
                on_order[s] += give;
                arrivals.push(Arrival {
                    day: today + 1,
                    series: s,
                    quantity: give,
                    purchase: None,
                });
                report.transfers += 1;
                let value = give.saturating_mul(product.unit_cost_minor);
                report.approvals += needs_approval(matrix, DocumentType::Transfer, value, st);
            }
            let buy = order_quantity(plan.purchase, product.case_pack, 0);
            if buy > 0 {
                let supplier = &scenario.suppliers[product.supplier];
                let lead = *lead_today[product.supplier].get_or_insert_with(|| {
                    lead_time_drawn(scenario.seed, product.supplier, today, supplier)
                });
                on_order[s] += buy;
                // One purchase order per supplier and store a day: its first line carries
                // the order's lead time, measured once when it arrives, as live.
                let order = orders.entry((product.supplier, st));
                let first_line = matches!(order, std::collections::btree_map::Entry::Vacant(_));
                *order.or_default() += buy.saturating_mul(product.unit_cost_minor);
                arrivals.push(Arrival {
                    day: today + lead as usize,
                    series: s,
                    quantity: buy,
                    purchase: first_line.then_some((product.supplier, lead)),
                });
            }
        }
    }
    for ((_, st), value) in orders {
        report.purchase_orders += 1;
        report.approvals += needs_approval(matrix, DocumentType::PurchaseOrder, value, st);
    }
}

/// The real lead time of an order placed with `supplier` on `day`: the same for every
/// rule, so they meet the same late deliveries.
fn lead_time_drawn(seed: u64, index: usize, day: usize, supplier: &Supplier) -> i64 {
    let mut rng = Rng::new(seed ^ ((index as u64 + 1) << 40) ^ (day as u64).wrapping_mul(0x9E37));
    let real = supplier.lead_days as f64 + supplier.lead_sd_days * rng.normal();
    (real.round() as i64).max(1)
}

/// The reports side by side, as the command line prints them.
pub fn table(reports: &[Report]) -> String {
    let mut out = format!(
        "{:<34} {:>9} {:>14} {:>16} {:>7} {:>9} {:>9}\n",
        "rule", "fill rate", "stockout days", "avg inventory", "orders", "transfers", "approvals"
    );
    for r in reports {
        out.push_str(&format!(
            "{:<34} {:>8.2}% {:>14} {:>16.2} {:>7} {:>9} {:>9}\n",
            r.rule,
            r.fill_rate * 100.0,
            r.stockout_days,
            r.avg_inventory_value_minor as f64 / 100.0,
            r.purchase_orders,
            r.transfers,
            r.approvals
        ));
    }
    out
}

fn needs_approval(matrix: &Matrix, doc_type: DocumentType, value: i64, store: usize) -> u64 {
    let doc = approval::Document {
        doc_type,
        value_minor: value,
        class: None,
        location_id: store as i64,
        region: String::new(),
        supplier_id: None,
        involved_users: Vec::new(),
    };
    u64::from(matches!(approval::route(matrix, &doc), Route::Steps { .. }))
}

#[cfg(test)]
mod tests;
