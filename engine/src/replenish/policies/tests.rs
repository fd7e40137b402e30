//! `PolicySettings::policy` by hand: the service level's spread and the order cycle.

use super::*;
use crate::forecast::{Forecast, Method as FcMethod, Pattern};

/// An ETS forecast of 10 a day ± 3 for `days` days.
fn steady(days: usize) -> StoredForecast {
    StoredForecast {
        forecast: Forecast {
            method: FcMethod::Ets,
            pattern: Pattern::Regular,
            daily: vec![10.0; days],
            sigma: 3.0,
            mase: Some(0.8),
            history_days: 60,
            note: None,
        },
        computed_at: 0,
    }
}

fn facts(cost_minor: i64) -> PositionFacts {
    PositionFacts {
        location_id: 1,
        product_id: 1,
        on_hand: 0,
        in_transit: 0,
        on_order: 0,
        reorder_point: 0,
        order_up_to: 0,
        region: String::new(),
        latitude: None,
        longitude: None,
        location_code: "S1".into(),
        class: "dairy".into(),
        sku: "MILK".into(),
        product_name: "Milk".into(),
        cost_minor,
        price_minor: cost_minor,
        supplier_id: None,
        lead_time_days: Some(2),
        measured_lead_time_days: None,
        measured_deliveries: None,
        measured_lead_time_sd: None,
        levels_source: "policy".into(),
    }
}

#[test]
fn a_spread_never_lowers_a_class_z_beyond_what_a_percentage_gives_back() {
    let forecast = steady(14);
    let z_of = |settings: &PolicySettings, cost: i64, mean: f64| {
        settings
            .policy(&facts(cost), Some(&forecast), Some(mean), 0.0, 0)
            .service_z
    };
    let high = PolicySettings {
        method: Method::Forecast,
        service_z: 5.0,
        spread_service: true,
        ..PolicySettings::default()
    };
    // 10 a day at 1.00 is 1,000 a day: at the average and below it, z 5 stands.
    assert_eq!(z_of(&high, 100, 1_000.0), 5.0);
    assert_eq!(z_of(&high, 100, 100_000.0), 5.0);
    // A thousand times the average, it gives way: 1,000 × the class's stockout
    // chance, about 0.03 % (z about 3.4).
    let dear = z_of(&high, 100, 1.0);
    assert!(dear > 3.0 && dear < 4.0, "{dear}");
    // At 95 % a cheap position gets more, a dear one less, and off means the class's.
    let usual = PolicySettings {
        service_level: Some(95.0),
        ..high.clone()
    };
    assert!(z_of(&usual, 100, 10_000.0) > 2.5);
    assert!(z_of(&usual, 100, 100.0) < 1.0);
    let off = PolicySettings {
        spread_service: false,
        ..usual
    };
    assert!((z_of(&off, 100, 100.0) - 1.645).abs() < 0.01);
}

#[test]
fn a_position_ordered_daily_from_a_varying_supplier_by_hand() {
    // 10 a day ± 3, over a measured 10-day lead time that varies by 3 days.
    let forecast = steady(28);
    let position = |lead_sd: f64| {
        let mut p = facts(100);
        p.measured_lead_time_days = Some(10);
        p.measured_lead_time_sd = Some(lead_sd);
        p
    };
    let levels = |settings: &PolicySettings, lead_sd: f64| {
        let p = settings.policy(&position(lead_sd), Some(&forecast), None, 0.0, 0);
        let Levels::Forecast(f) = p.levels else {
            panic!("{p:?}")
        };
        (p.service_z, f)
    };
    let counted = |cover_days: i64| PolicySettings {
        method: Method::Forecast,
        service_level: Some(95.0),
        cover_days,
        order_cycle: true,
        ..PolicySettings::default()
    };
    // Weekly: the whole lead-time variance, √(10 · 9 + 100 · 9) ≈ 31.46, at 95 %,
    // exactly as a policy that does not count its cycle.
    let (z, weekly) = levels(&counted(7), 3.0);
    assert!((z - 1.645).abs() < 0.01, "{z}");
    assert_eq!(
        (
            weekly.cycle_days,
            weekly.level_per_week,
            weekly.deliveries_offset
        ),
        (Some(7.0), None, false)
    );
    assert!((weekly.lead_time_sd - 990f64.sqrt()).abs() < 1e-9);
    let uncounted = PolicySettings {
        order_cycle: false,
        ..counted(7)
    };
    let (z_off, off) = levels(&uncounted, 3.0);
    assert_eq!(
        (z_off, off.lead_time_sd, off.cycle_days),
        (z, weekly.lead_time_sd, None)
    );
    // Daily: 3 / √π days² of it, √(90 + 100 · 1.693) ≈ 16.10, at 100 − 5/7 % an
    // order (z ≈ 2.45), so the reorder point is lower: 100 + 39.4 against 100 + 51.8.
    let (z, daily) = levels(&counted(1), 3.0);
    let sd = (90.0 + 300.0 / std::f64::consts::PI.sqrt()).sqrt();
    assert!(
        (daily.lead_time_sd - sd).abs() < 1e-9,
        "{}",
        daily.lead_time_sd
    );
    assert_eq!(
        (
            daily.cycle_days,
            daily.level_per_week,
            daily.deliveries_offset
        ),
        (Some(1.0), Some(95.0), true)
    );
    assert!((daily.service_level - (100.0 - 5.0 / 7.0)).abs() < 1e-9);
    assert!((z - 2.45).abs() < 0.01, "{z}");
    assert_eq!(
        (daily.levels(z).0, weekly.levels(1.645).0),
        (140, 152),
        "{z}"
    );
    // A 1-day cover that does not count its cycle keeps the whole variance and 95 %.
    let plain = PolicySettings {
        order_cycle: false,
        ..counted(1)
    };
    let (z, same) = levels(&plain, 3.0);
    assert!((z - 1.645).abs() < 0.01 && (same.lead_time_sd - 990f64.sqrt()).abs() < 1e-9);
    assert_eq!((same.level_per_week, same.deliveries_offset), (None, false));
    // Only a z set (no percentage): the cycle raises it the same way.
    let by_z = PolicySettings {
        service_level: None,
        service_z: 1.645,
        ..counted(1)
    };
    let (z, _) = levels(&by_z, 3.0);
    assert!((z - 2.45).abs() < 0.01, "{z}");
    // A supplier that varies by 5 days offsets even weekly orders: 7 · 5 / √π
    // ≈ 19.75 days² instead of 25.
    let (_, wide) = levels(&counted(7), 5.0);
    assert!(wide.deliveries_offset && wide.level_per_week.is_none());
    let v = 35.0 / std::f64::consts::PI.sqrt();
    assert!((wide.lead_time_sd - (90.0 + 100.0 * v).sqrt()).abs() < 1e-9);
    // Orders sent once a week (the tenant's purchase-order window): a 1-day cover
    // still orders weekly, and nothing changes.
    let weekly_window = counted(1).policy(&position(3.0), Some(&forecast), None, 7.0, 0);
    let Levels::Forecast(w) = &weekly_window.levels else {
        panic!("{weekly_window:?}")
    };
    assert_eq!(
        (w.cycle_days, w.level_per_week, w.deliveries_offset),
        (Some(7.0), None, false)
    );
    assert!((weekly_window.service_z - 1.645).abs() < 0.01);
    assert!((w.lead_time_sd - 990f64.sqrt()).abs() < 1e-9);
}
