//! A tenant's own network as a backtest scenario, pure: its stores, the products it
//! buys, its suppliers' lead times, the demand of its last days (from its sales or a
//! CSV a planner uploads) and the levels its positions hold today, which are "the
//! current policy" a candidate is compared with. `backtest_runs` reads the inputs from
//! the store and runs both rules.
//!
//! What the replay cannot know is said in its notes: stock starts at today's on hand
//! (the books of the first replayed day are not rebuilt); products without a supplier
//! and distribution centres are left out (the replay buys from suppliers and moves stock
//! between stores); promotions are not replayed.

use std::collections::HashMap;

use super::{Product, Scenario, Store, Supplier};
use crate::error::Msg;
use crate::model::{parse_day, DAY_MS};
use crate::recorded::Recorded;

/// Days of demand every rule knows before the first replayed day.
pub const HISTORY: usize = 28;
/// Days a replay covers at least and at most.
pub const MIN_DAYS: usize = 7;
pub const MAX_DAYS: usize = 180;
/// Store × product series a replay takes at most (bounded work per run).
pub const MAX_SERIES: usize = 5_000;
/// Rows a demand CSV may have at most.
pub const MAX_CSV_ROWS: usize = 500_000;

/// A location of the tenant.
#[derive(Clone, Debug)]
pub struct Location {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub is_store: bool,
}

/// A product of the tenant.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: i64,
    pub sku: String,
    pub class: String,
    pub cost_minor: i64,
    pub supplier_id: Option<i64>,
    pub case_pack: i64,
    pub service_level: f64,
    /// The class's policy spreads its service level by value.
    pub spread_service: bool,
    /// The class's forecast-driven policy's cover days (`None` unless forecast-driven).
    pub cover_days: Option<usize>,
    /// The class's forecast-driven policy counts its order cycle.
    pub order_cycle: bool,
}

/// A supplier of the tenant.
#[derive(Clone, Debug)]
pub struct Vendor {
    pub id: i64,
    pub name: String,
    pub lead_time_days: i64,
    pub lead_time_sd: f64,
}

/// One day of one series' demand: (location, product, day index, units).
pub type DemandRow = (i64, i64, usize, u32);

/// What a replay is built from.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub locations: Vec<Location>,
    pub items: Vec<Item>,
    pub vendors: Vec<Vendor>,
    /// (location, product) → (on hand, reorder point, order-up-to) today.
    pub positions: HashMap<(i64, i64), (i64, i64, i64)>,
    /// (location, product, day index from the first history day, units).
    pub demand: Vec<DemandRow>,
    /// History plus replayed days the demand covers.
    pub total_days: usize,
    pub cover_days: usize,
    pub seed: u64,
}

/// A scenario from a tenant's inputs, with the current levels of each of its series
/// and the notes on what it left out (recorded: each reader reads them in their
/// language).
pub struct Replay {
    pub scenario: Scenario,
    pub current: Vec<(i64, i64)>,
    pub notes: Vec<Recorded>,
}

pub fn scenario(inputs: &Inputs) -> Result<Replay, String> {
    let stores: Vec<&Location> = inputs.locations.iter().filter(|l| l.is_store).collect();
    if stores.is_empty() {
        return Err("There are no stores to replay.".into());
    }
    let vendor_index: HashMap<i64, usize> = inputs
        .vendors
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id, i))
        .collect();
    let items: Vec<&Item> = inputs
        .items
        .iter()
        .filter(|i| i.supplier_id.is_some_and(|s| vendor_index.contains_key(&s)))
        .collect();
    if items.is_empty() {
        return Err("No product has a supplier to buy from, so there is nothing to replay.".into());
    }
    let series = stores.len().saturating_mul(items.len());
    if series > MAX_SERIES {
        return Err(format!(
            "{} stores × {} products is {series} series; a replay takes at most {MAX_SERIES}.",
            stores.len(),
            items.len()
        ));
    }
    if !(HISTORY + MIN_DAYS..=HISTORY + MAX_DAYS).contains(&inputs.total_days) {
        return Err(format!(
            "A replay needs {HISTORY} days of history and then {MIN_DAYS} to {MAX_DAYS} days to replay."
        ));
    }
    let store_index: HashMap<i64, usize> =
        stores.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
    let item_index: HashMap<i64, usize> =
        items.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut demand = vec![vec![0u32; inputs.total_days]; series];
    for (l, p, day, units) in &inputs.demand {
        if let (Some(s), Some(i)) = (store_index.get(l), item_index.get(p)) {
            if let Some(slot) = demand[s * items.len() + i].get_mut(*day) {
                *slot = slot.saturating_add(*units);
            }
        }
    }
    let mut initial = Vec::with_capacity(series);
    let mut current = Vec::with_capacity(series);
    for s in &stores {
        for p in &items {
            let (on_hand, rop, out) = inputs
                .positions
                .get(&(s.id, p.id))
                .copied()
                .unwrap_or((0, 0, 0));
            initial.push(on_hand.max(0));
            current.push((rop.max(0), out.max(rop).max(0)));
        }
    }
    let mut notes = vec![
        Recorded::new("plan-backtest-note-stock-starts", &[]),
        Recorded::new("plan-backtest-note-no-promotions", &[]),
    ];
    let selling_days = (0..inputs.total_days)
        .filter(|d| demand.iter().any(|row| row[*d] > 0))
        .count();
    if selling_days < inputs.total_days {
        notes.push(Recorded::new(
            "plan-backtest-note-demand-days",
            &[
                ("selling", selling_days.to_string()),
                ("days", inputs.total_days.to_string()),
                ("history", HISTORY.to_string()),
            ],
        ));
    }
    let left_out = inputs.items.len() - items.len();
    if left_out > 0 {
        let count = [("count", left_out.to_string())];
        notes.push(Recorded::new("plan-backtest-note-no-supplier", &count));
    }
    let dcs = inputs.locations.len() - stores.len();
    if dcs > 0 {
        notes.push(Recorded::new(
            "plan-backtest-note-dcs",
            &[("count", dcs.to_string())],
        ));
    }
    let scenario = Scenario {
        stores: stores
            .iter()
            .map(|l| Store {
                id: l.id,
                name: l.name.clone(),
            })
            .collect(),
        products: items
            .iter()
            .map(|p| Product {
                id: p.id,
                sku: p.sku.clone(),
                class: p.class.clone(),
                unit_cost_minor: p.cost_minor.max(0),
                supplier: vendor_index[&p.supplier_id.unwrap_or_default()],
                case_pack: p.case_pack.max(1),
                service_level: p.service_level,
                spread_service: p.spread_service,
                cover_days: p.cover_days,
                order_cycle: p.order_cycle,
            })
            .collect(),
        suppliers: inputs
            .vendors
            .iter()
            .map(|v| Supplier {
                id: v.id,
                name: v.name.clone(),
                lead_days: v.lead_time_days.clamp(0, 365),
                lead_sd_days: if v.lead_time_sd.is_finite() {
                    v.lead_time_sd.clamp(0.0, 60.0)
                } else {
                    0.0
                },
            })
            .collect(),
        history_days: HISTORY,
        days: inputs.total_days - HISTORY,
        demand,
        promotions: Vec::new(),
        initial,
        cover_days: inputs.cover_days.clamp(1, 56),
        seed: inputs.seed,
    };
    scenario.validate()?;
    Ok(Replay {
        scenario,
        current,
        notes,
    })
}

/// A demand CSV: `day,location,sku,quantity` (day as YYYY-MM-DD, location a code,
/// quantity whole units ≥ 0), a header line first. Returns the rows as (location id,
/// product id, day index from the first day, units) and the days the file spans. Every
/// error names its line.
pub fn parse_demand_csv(
    text: &str,
    locations: &HashMap<String, i64>,
    skus: &HashMap<String, i64>,
) -> Result<(Vec<DemandRow>, usize), Msg> {
    let mut lines = text.lines().enumerate();
    let header = lines
        .next()
        .map(|(_, l)| l.trim().to_ascii_lowercase().replace(' ', ""))
        .unwrap_or_default();
    if header.trim_start_matches('\u{feff}') != "day,location,sku,quantity" {
        return Err(Msg::new("err-demand-header", &[]));
    }
    // A field repeated in an error, cut short (an error travels in a redirect).
    let short = |s: &str| -> String {
        let cut: String = s.chars().take(40).collect();
        if cut.len() < s.len() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    let mut rows = Vec::new();
    for (n, line) in lines {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        if rows.len() >= MAX_CSV_ROWS {
            return Err(Msg::new(
                "err-demand-rows",
                &[("most", MAX_CSV_ROWS.to_string())],
            ));
        }
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let [day, loc, sku, qty] = cols[..] else {
            return Err(Msg::new(
                "err-demand-columns",
                &[("line", line_no.to_string())],
            ));
        };
        let day = parse_day(day)
            .map(|ms| ms.div_euclid(DAY_MS))
            .ok_or_else(|| {
                Msg::new(
                    "err-demand-day",
                    &[("line", line_no.to_string()), ("value", short(day))],
                )
            })?;
        let loc = *locations.get(loc).ok_or_else(|| {
            Msg::new(
                "err-demand-location",
                &[("line", line_no.to_string()), ("value", short(loc))],
            )
        })?;
        let sku_id = *skus.get(sku).ok_or_else(|| {
            Msg::new(
                "err-demand-sku",
                &[("line", line_no.to_string()), ("value", short(sku))],
            )
        })?;
        let units: u32 = qty
            .parse::<u32>()
            .ok()
            .filter(|q| *q <= 1_000_000)
            .ok_or_else(|| {
                Msg::new(
                    "err-demand-quantity",
                    &[("line", line_no.to_string()), ("value", short(qty))],
                )
            })?;
        rows.push((loc, sku_id, day, units));
    }
    let Some(first) = rows.iter().map(|r| r.2).min() else {
        return Err(Msg::new("err-demand-empty", &[]));
    };
    let last = rows.iter().map(|r| r.2).max().unwrap_or(first);
    let days =
        usize::try_from(last - first + 1).map_err(|_| Msg::new("err-demand-days-wrong", &[]))?;
    if !(HISTORY + MIN_DAYS..=HISTORY + MAX_DAYS).contains(&days) {
        return Err(Msg::new(
            "err-demand-span",
            &[
                ("days", days.to_string()),
                ("least", (HISTORY + MIN_DAYS).to_string()),
                ("most", (HISTORY + MAX_DAYS).to_string()),
                ("history", HISTORY.to_string()),
            ],
        ));
    }
    Ok((
        rows.into_iter()
            .map(|(l, p, d, q)| (l, p, (d - first) as usize, q))
            .collect(),
        days,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maps() -> (HashMap<String, i64>, HashMap<String, i64>) {
        (
            [("S1".to_string(), 10)].into_iter().collect(),
            [("MILK".to_string(), 20)].into_iter().collect(),
        )
    }

    #[test]
    fn a_demand_file_names_each_bad_line() {
        let (l, s) = maps();
        let ok =
            |rows: &str| parse_demand_csv(&format!("day,location,sku,quantity\n{rows}"), &l, &s);
        assert!(ok("2026-01-01,S9,MILK,1")
            .unwrap_err()
            .contains("Line 2: the location \"S9\""));
        assert!(ok("2026-01-01,S1,BREAD,1")
            .unwrap_err()
            .contains("Line 2: the SKU \"BREAD\""));
        assert!(ok("2026-01-01,S1,MILK,-1")
            .unwrap_err()
            .contains("Line 2: the quantity \"-1\""));
        assert!(ok("01/01/2026,S1,MILK,1")
            .unwrap_err()
            .contains("is not a date"));
        assert!(ok("2026-01-01,S1,MILK")
            .unwrap_err()
            .contains("needs 4 columns"));
        assert!(ok("2026-01-01,S1,MILK,1")
            .unwrap_err()
            .contains("spans 1 days"));
        assert!(parse_demand_csv("sku,qty\n", &l, &s)
            .unwrap_err()
            .contains("Line 1"));
        let (rows, days) = ok("2026-01-01,S1,MILK,3\n\n2026-02-14,S1,MILK,4").unwrap();
        assert_eq!(days, 45);
        assert_eq!(rows, vec![(10, 20, 0, 3), (10, 20, 44, 4)]);
    }

    #[test]
    fn a_tenant_becomes_a_scenario_with_its_current_levels() {
        let inputs = Inputs {
            locations: vec![
                Location {
                    id: 1,
                    code: "DC".into(),
                    name: "DC".into(),
                    is_store: false,
                },
                Location {
                    id: 2,
                    code: "S1".into(),
                    name: "One".into(),
                    is_store: true,
                },
                Location {
                    id: 3,
                    code: "S2".into(),
                    name: "Two".into(),
                    is_store: true,
                },
            ],
            items: vec![
                Item {
                    id: 7,
                    sku: "MILK".into(),
                    class: "dairy".into(),
                    cost_minor: 100,
                    supplier_id: Some(5),
                    case_pack: 6,
                    service_level: 95.0,
                    spread_service: true,
                    cover_days: Some(2),
                    order_cycle: true,
                },
                Item {
                    id: 8,
                    sku: "LOCAL".into(),
                    class: "dairy".into(),
                    cost_minor: 100,
                    supplier_id: None,
                    case_pack: 1,
                    service_level: 95.0,
                    spread_service: false,
                    cover_days: None,
                    order_cycle: false,
                },
            ],
            vendors: vec![Vendor {
                id: 5,
                name: "Dairy".into(),
                lead_time_days: 2,
                lead_time_sd: 0.5,
            }],
            positions: [((2, 7), (12, 10, 30)), ((3, 7), (-4, 5, 3))]
                .into_iter()
                .collect(),
            demand: vec![(2, 7, 0, 3), (3, 7, 40, 9), (1, 7, 1, 100), (2, 8, 1, 100)],
            total_days: 42,
            cover_days: 7,
            seed: 1,
        };
        let r = scenario(&inputs).unwrap();
        assert_eq!(r.scenario.series(), 2);
        assert_eq!(r.scenario.days, 14);
        assert_eq!(
            r.scenario.initial,
            vec![12, 0],
            "negative books start empty"
        );
        assert_eq!(
            r.current,
            vec![(10, 30), (5, 5)],
            "order-up-to is never below the reorder point"
        );
        assert_eq!(r.scenario.demand[0][0], 3);
        assert_eq!(r.scenario.demand[1][40], 9);
        assert_eq!(
            r.scenario
                .demand
                .iter()
                .map(|d| d.iter().sum::<u32>())
                .sum::<u32>(),
            12,
            "the DC's and LOCAL's demand is left out"
        );
        let notes: Vec<String> = r.notes.iter().map(Recorded::english).collect();
        assert!(notes
            .iter()
            .any(|n| n == "1 product without a supplier is left out."));
        assert!(notes
            .iter()
            .any(|n| n.starts_with("1 distribution centre is left out:")));
        let de: Vec<String> = r.notes.iter().map(|n| n.text(i18n::Lang::De)).collect();
        assert!(
            de.iter()
                .any(|n| n == "1 Verteilzentrum bleibt außen vor: Filialen kaufen bei Lieferanten und teilen untereinander."),
            "{de:?}"
        );
        let mut short = inputs.clone();
        short.total_days = 30;
        assert!(scenario(&short).is_err());
    }
}
