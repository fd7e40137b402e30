use super::*;
use crate::replenish::default_matrix;

/// One product at `stores` stores, `history` days of `demand` a day before the run.
fn tiny(stores: usize, demand: u32, days: usize, initial: Vec<i64>) -> Scenario {
    Scenario {
        stores: (0..stores)
            .map(|i| Store {
                id: i as i64 + 1,
                name: format!("S{i}"),
            })
            .collect(),
        products: vec![Product {
            id: 1,
            sku: "MILK".into(),
            class: "fast".into(),
            unit_cost_minor: 100,
            supplier: 0,
            case_pack: 1,
            service_level: 95.0,
            spread_service: true,
            cover_days: None,
            order_cycle: false,
        }],
        suppliers: vec![Supplier {
            id: 1,
            name: "Dairy".into(),
            lead_days: 2,
            lead_sd_days: 0.0,
        }],
        history_days: 28,
        days,
        demand: vec![vec![demand; 28 + days]; stores],
        promotions: vec![],
        initial,
        cover_days: 7,
        seed: 1,
    }
}

#[test]
fn a_steady_item_by_hand() {
    // Levels from 28 days of 5 a day, lead 2, no variability: reorder point 10,
    // order-up-to 10 + 35 = 45. Day 1: 10 - 5 = 5 ≤ 10, so 40 are ordered for day 3;
    // day 2 sells the last 5 and closes empty (one stockout day, no sale lost); day 3
    // receives 40 and sells 5, leaving 35 ... each later order arrives in time.
    let sc = tiny(1, 5, 10, vec![10]);
    let r = run(
        &sc,
        &mut Rule::static_min_max(None),
        &default_matrix(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((r.demand_units, r.sold_units), (50, 50));
    assert_eq!(r.fill_rate, 1.0);
    assert_eq!(r.stockout_days, 1);
    assert_eq!(r.transfers, 0);
    // Orders on day 1 (40) and on day 8, when the 40 received have fallen to 10.
    assert_eq!(r.purchase_orders, 2, "{r:?}");
    assert_eq!(r.classes.len(), 1);
    assert_eq!(r.classes[0].stockout_days, 1);
}

#[test]
fn demand_beyond_the_shelf_is_lost_and_counted() {
    let sc = tiny(1, 5, 3, vec![3]);
    let r = run(
        &sc,
        &mut Rule::static_min_max(None),
        &default_matrix(),
        &mut |_, _| {},
    )
    .unwrap();
    // Day 1 sells 3 of 5; day 2 sells nothing; day 3 receives the order placed on day 1.
    assert_eq!((r.demand_units, r.sold_units), (15, 8));
    assert_eq!(r.stockout_days, 2);
    assert!((r.fill_rate - 8.0 / 15.0).abs() < 1e-9);
}

#[test]
fn a_store_with_surplus_gives_before_anything_is_bought() {
    // Store 2 holds 200 (far above its order-up-to of 45); store 1 runs low.
    let sc = tiny(2, 5, 3, vec![10, 200]);
    let r = run(
        &sc,
        &mut Rule::static_min_max(None),
        &default_matrix(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(r.transfers, 1, "{r:?}");
    assert_eq!(r.purchase_orders, 0);
    assert_eq!(r.stockout_days, 0, "the transfer arrives the next day");
}

#[test]
fn the_same_seed_replays_the_same_run() {
    let sc = synthetic::network(4, 2, 8, 28, 40);
    let once = |rule: Rule| {
        let mut rule = rule;
        run(&sc, &mut rule, &default_matrix(), &mut |_, _| {}).unwrap()
    };
    for make in [
        || Rule::static_min_max(Some(95.0)),
        || Rule::naive_adaptive(None),
        || Rule::forecast(7),
    ] {
        let (a, b) = (once(make()), once(make()));
        assert_eq!(a, b);
        assert!(a.demand_units > 0 && a.purchase_orders > 0, "{a:?}");
    }
    let other = synthetic::network(5, 2, 8, 28, 40);
    let mut rule = Rule::naive_adaptive(None);
    let c = run(&other, &mut rule, &default_matrix(), &mut |_, _| {}).unwrap();
    assert_ne!(
        c.demand_units,
        once(Rule::naive_adaptive(None)).demand_units
    );
}

#[test]
fn progress_is_reported_each_day_and_bad_shapes_are_named() {
    let sc = tiny(1, 5, 4, vec![10]);
    let mut seen = Vec::new();
    run(
        &sc,
        &mut Rule::naive_adaptive(None),
        &default_matrix(),
        &mut |d, n| seen.push((d, n)),
    )
    .unwrap();
    assert_eq!(seen, vec![(1, 4), (2, 4), (3, 4), (4, 4)]);
    let mut bad = sc.clone();
    bad.demand[0].pop();
    let err = run(
        &bad,
        &mut Rule::naive_adaptive(None),
        &default_matrix(),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(err.contains("demand row 0"), "{err}");
    bad = sc.clone();
    bad.products[0].supplier = 3;
    assert!(bad.validate().unwrap_err().contains("MILK has no supplier"));
}

#[test]
fn a_forecast_rule_sees_a_promotion_coming() {
    // Demand is four times the usual on days 40–46 of a flat series: the
    // forecast-driven rule raises its levels before the promotion starts and sells
    // everything; the naive one only notices once it has begun, and runs out.
    let mut sc = tiny(1, 10, 30, vec![60]);
    for d in 40..=46 {
        sc.demand[0][d] = 40;
    }
    sc.promotions.push(Promotion {
        product: 0,
        from_day: 40,
        to_day: 46,
        factor: 4.0,
    });
    let mut forecast = Rule::forecast(1);
    let f = run(&sc, &mut forecast, &default_matrix(), &mut |_, _| {}).unwrap();
    let mut naive = Rule::naive_adaptive(None);
    let n = run(&sc, &mut naive, &default_matrix(), &mut |_, _| {}).unwrap();
    assert_eq!(f.sold_units, f.demand_units, "{f:?}");
    assert!(n.sold_units < n.demand_units, "{n:?}");
}

#[test]
fn the_forecast_rule_spreads_the_class_level_by_value() {
    // Two products of one class with the same noisy demand, one 20 times dearer: the
    // cheap one's reorder point carries more safety stock than the class's 95 % would
    // give, the dear one's less, and both of the same demand.
    let mut sc = tiny(1, 10, 5, vec![100]);
    sc.products.push(Product {
        id: 2,
        sku: "CHEESE".into(),
        unit_cost_minor: 2000,
        ..sc.products[0].clone()
    });
    let noisy: Vec<u32> = (0..33).map(|d| [6, 14, 9, 11, 7, 13, 10][d % 7]).collect();
    sc.demand = vec![noisy.clone(), noisy];
    sc.initial = vec![100, 100];
    let sales: Vec<Vec<u32>> = sc.demand.iter().map(|d| d[..28].to_vec()).collect();
    let seen = Seen {
        scenario: &sc,
        sales: &sales,
        today: 27,
        lead_times: &[Vec::new()],
    };
    let mut rule = Rule::forecast(1);
    let (milk, cheese) = (rule.levels(&seen, 0), rule.levels(&seen, 1));
    let mut flat = sc.clone();
    flat.products[1].unit_cost_minor = 100;
    let seen_flat = Seen {
        scenario: &flat,
        ..seen
    };
    let mut rule = Rule::forecast(1);
    let same = rule.levels(&seen_flat, 0);
    assert_eq!(
        same,
        rule.levels(&seen_flat, 1),
        "equal value: equal levels"
    );
    assert!(
        milk.0 > same.0 && cheese.0 < same.0,
        "{milk:?} {same:?} {cheese:?}"
    );
    // The cover after the reorder point is the same demand for both.
    assert_eq!(milk.1 - milk.0, cheese.1 - cheese.0);
}

#[test]
fn a_forecast_rule_ordering_daily_holds_less_than_ordering_weekly() {
    // One store, 10 a day with a weekly pattern, from a supplier whose 10-day lead time
    // varies by 3 days, each order on its own. A day's cover holds less than a week's
    // (cycle stock). Counting the order cycle then holds less again and runs out less:
    // the lead-time spread of daily orders is √(3 / √π) ≈ 1.3 days of demand, not 3,
    // which more than pays for a seventh of the week's stockout chance per order.
    // Weekly (4 stockout days, 7,426), daily uncounted (3, 5,326), counted (2, 4,209).
    let mut sc = tiny(1, 10, 150, vec![150]);
    sc.suppliers[0].lead_days = 10;
    sc.suppliers[0].lead_sd_days = 3.0;
    sc.demand[0] = (0..178).map(|d| [6, 14, 9, 11, 7, 13, 10][d % 7]).collect();
    let with = |days: usize, counted: bool| {
        let mut sc = sc.clone();
        sc.products[0].cover_days = Some(days);
        sc.products[0].order_cycle = counted;
        let r = run(
            &sc,
            &mut Rule::forecast(7),
            &default_matrix(),
            &mut |_, _| {},
        )
        .unwrap();
        (
            r.stockout_days,
            r.avg_inventory_value_minor,
            r.purchase_orders,
        )
    };
    let weekly = with(7, true);
    assert_eq!(
        weekly,
        with(7, false),
        "a weekly cycle changes nothing while σ_L stays under 7 / √π days"
    );
    let (uncounted, counted) = (with(1, false), with(1, true));
    assert!(uncounted.1 < weekly.1, "{uncounted:?} {weekly:?}");
    assert!(
        counted.0 < uncounted.0 && counted.1 < uncounted.1,
        "{counted:?} {uncounted:?}"
    );
    assert!(counted.0 <= weekly.0, "{counted:?} {weekly:?}");
    assert!(counted.1 * 3 < weekly.1 * 2, "{counted:?} {weekly:?}");
    assert!(counted.2 > 2 * weekly.2);
    // The baselines keep the scenario's cover whatever the forecast rule's.
    let baseline = |sc: &Scenario| {
        run(
            sc,
            &mut Rule::static_min_max(None),
            &default_matrix(),
            &mut |_, _| {},
        )
        .unwrap()
    };
    let mut daily = sc.clone();
    daily.products[0].cover_days = Some(1);
    daily.products[0].order_cycle = true;
    assert_eq!(baseline(&sc), baseline(&daily));
}
