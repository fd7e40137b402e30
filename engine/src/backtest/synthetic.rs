//! The benchmark's synthetic retail network, the same for a seed on every machine:
//! stores × products over a history and the simulated days, with four kinds of item
//! (a quarter each, shuffled):
//!
//! | kind | demand a day | unit cost | case | service |
//! |---|---|---|---|---|
//! | fast | Poisson 8–30 with a weekly pattern and a drift of up to ±50 % over the run | 1–5 | 6 or 12 | 98 % |
//! | slow | Poisson 0.7–3 with the weekly pattern | 5–40 | 1 or 4 | 95 % |
//! | intermittent | a sale on 5–30 % of days, 1–5 units | 20–200 | 1 | 85 % |
//! | seasonal | Poisson 3–15 times a season of 120–240 days (±50–70 %), starting anywhere in it | 5–30 | 4 or 6 | 95 % |
//!
//! Each store sells 0.6–1.4× the network's rate. A third of the non-intermittent items
//! run one or two week-long promotions (×1.8–3), announced in advance. Three suppliers:
//! 2 days (± 0.5), 5 days (± 1) and 10 days (± 3). The baselines' order-up-to covers 7
//! days beyond the reorder point; the forecast-driven policy's a day.

use super::{Product, Promotion, Rng, Scenario, Store, Supplier};

/// The weekly pattern (Monday first) of fast, slow and seasonal items.
const WEEK: [f64; 7] = [0.85, 0.85, 0.9, 0.95, 1.1, 1.35, 1.0];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Fast,
    Slow,
    Intermittent,
    Seasonal,
}

/// The shape of one product's demand.
struct Shape {
    kind: Kind,
    rate: f64,
    drift: f64,
    peak: f64,
    width: f64,
    sale_chance: f64,
    sale_size: f64,
}

impl Shape {
    /// Expected demand on `day` of `total`, before the store's factor and promotions.
    fn rate_on(&self, day: usize, total: usize) -> f64 {
        let t = day as f64;
        let week = WEEK[day % 7];
        match self.kind {
            Kind::Fast => self.rate * week * (1.0 + self.drift * t / total as f64),
            Kind::Slow => self.rate * week,
            Kind::Intermittent => 0.0,
            Kind::Seasonal => {
                let season =
                    1.0 + self.width * (std::f64::consts::TAU * t / self.peak + self.drift).sin();
                self.rate * week * season
            }
        }
    }
}

fn between(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.unit()
}

/// The network for `seed`: `stores` × `products`, `history_days` known before
/// `days` simulated ones.
pub fn network(
    seed: u64,
    stores: usize,
    products: usize,
    history_days: usize,
    days: usize,
) -> Scenario {
    let mut rng = Rng::new(seed);
    let total = history_days + days;
    let suppliers = vec![
        supplier(1, "Fresh Daily", 2, 0.5),
        supplier(2, "Regional Wholesale", 5, 1.0),
        supplier(3, "Overseas Imports", 10, 3.0),
    ];
    let mut kinds: Vec<Kind> = (0..products)
        .map(|i| [Kind::Fast, Kind::Slow, Kind::Intermittent, Kind::Seasonal][i % 4])
        .collect();
    for i in (1..kinds.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        kinds.swap(i, j);
    }
    let mut shapes = Vec::with_capacity(products);
    let mut items = Vec::with_capacity(products);
    let mut promotions = Vec::new();
    for (p, kind) in kinds.into_iter().enumerate() {
        let (class, rate, cost, packs, service): (&str, f64, (f64, f64), [i64; 2], f64) = match kind
        {
            Kind::Fast => (
                "fast",
                between(&mut rng, 8.0, 30.0),
                (1.0, 5.0),
                [6, 12],
                98.0,
            ),
            Kind::Slow => (
                "slow",
                between(&mut rng, 0.7, 3.0),
                (5.0, 40.0),
                [1, 4],
                95.0,
            ),
            Kind::Intermittent => ("intermittent", 0.0, (20.0, 200.0), [1, 1], 85.0),
            Kind::Seasonal => (
                "seasonal",
                between(&mut rng, 3.0, 15.0),
                (5.0, 30.0),
                [4, 6],
                95.0,
            ),
        };
        let shape = Shape {
            kind,
            rate,
            // Fast: the drift over the run; seasonal: where in its season the run starts.
            drift: match kind {
                Kind::Seasonal => between(&mut rng, 0.0, std::f64::consts::TAU),
                _ => between(&mut rng, -0.5, 0.5),
            },
            // Seasonal: the season's length in days and its amplitude.
            peak: between(&mut rng, 120.0, 240.0),
            width: between(&mut rng, 0.5, 0.7),
            sale_chance: between(&mut rng, 0.05, 0.3),
            sale_size: between(&mut rng, 0.3, 3.0),
        };
        items.push(Product {
            id: p as i64 + 1,
            sku: format!("SKU-{:04}", p + 1),
            class: class.to_string(),
            unit_cost_minor: (between(&mut rng, cost.0, cost.1) * 100.0).round() as i64,
            supplier: (rng.next_u64() % 3) as usize,
            case_pack: packs[(rng.next_u64() % 2) as usize],
            service_level: service,
            spread_service: true,
            // The forecast-driven policy orders for a day and counts its order cycle:
            // every store orders from every supplier daily (one consolidated order a
            // day). The baselines keep the scenario's 7 days.
            cover_days: Some(1),
            order_cycle: true,
        });
        if kind != Kind::Intermittent && rng.unit() < 1.0 / 3.0 {
            for _ in 0..1 + rng.next_u64() % 2 {
                let from = history_days
                    + (rng.next_u64() % (days.saturating_sub(7).max(1) as u64)) as usize;
                promotions.push(Promotion {
                    product: p,
                    from_day: from,
                    to_day: from + 6,
                    factor: between(&mut rng, 1.8, 3.0),
                });
            }
        }
        shapes.push(shape);
    }
    let store_factor: Vec<f64> = (0..stores).map(|_| between(&mut rng, 0.6, 1.4)).collect();
    let mut scenario = Scenario {
        stores: (0..stores)
            .map(|s| Store {
                id: s as i64 + 1,
                name: format!("Store {}", s + 1),
            })
            .collect(),
        products: items,
        suppliers,
        history_days,
        days,
        demand: Vec::with_capacity(stores * products),
        promotions,
        initial: Vec::with_capacity(stores * products),
        cover_days: 7,
        seed,
    };
    for factor in &store_factor {
        for (p, shape) in shapes.iter().enumerate() {
            let row: Vec<u32> = (0..total)
                .map(|d| {
                    if shape.kind == Kind::Intermittent {
                        if rng.unit() < shape.sale_chance {
                            1 + rng.poisson(shape.sale_size * factor)
                        } else {
                            0
                        }
                    } else {
                        let lambda = shape.rate_on(d, total) * factor * scenario.uplift(p, d);
                        rng.poisson(lambda)
                    }
                })
                .collect();
            let product = &scenario.products[p];
            let lead = scenario.suppliers[product.supplier].lead_days as f64;
            let mean = row[..history_days]
                .iter()
                .map(|v| f64::from(*v))
                .sum::<f64>()
                / history_days.max(1) as f64;
            scenario
                .initial
                .push((mean * (lead + scenario.cover_days as f64 / 2.0)).ceil() as i64);
            scenario.demand.push(row);
        }
    }
    scenario
}

fn supplier(id: i64, name: &str, lead_days: i64, lead_sd_days: f64) -> Supplier {
    Supplier {
        id,
        name: name.to_string(),
        lead_days,
        lead_sd_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_network_and_another_does_not() {
        let a = network(1, 2, 8, 28, 30);
        assert_eq!(a, network(1, 2, 8, 28, 30));
        assert_ne!(a.demand, network(2, 2, 8, 28, 30).demand);
        assert!(a.validate().is_ok());
        assert_eq!((a.series(), a.demand[0].len()), (16, 58));
        let classes: std::collections::BTreeSet<&str> =
            a.products.iter().map(|p| p.class.as_str()).collect();
        assert_eq!(classes.len(), 4, "{classes:?}");
    }
}
