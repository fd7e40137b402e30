//! Forecasts per position (issue 15, points 1 and 2): sales mark their series, the
//! refresh forecasts only the marked ones and stores the method, the forecast and its
//! error; a forecast-driven policy takes its levels from the stored forecast and says so
//! in the suggestion's reason, spreading the class's service level by value when asked.
//! On both backends.

use engine::error::EngineError;
use engine::forecast::{Method, Pattern};
use engine::ingest;
use engine::model::{now_ms, EventKind, StockEvent, TenantId, DAY_MS};
use engine::replenish::forecasts::{refresh, HORIZON};
use engine::replenish::{self, PolicySettings};
use engine::Store;
use test_support::{conformance, drain, member};

conformance!(
    sales_are_forecast_as_they_arrive_and_drive_a_forecast_policy,
    a_forecast_policy_with_bad_numbers_is_refused_and_nothing_is_saved,
    a_class_service_level_is_spread_by_the_value_each_position_sells,
);

const TENANT: &str = r#"
slug = "acme"
name = "Acme Foods"
theme = "shelfwise"
[[locations]]
code = "DC"
name = "Central DC"
kind = "dc"
region = "north"
[[locations]]
code = "S1"
name = "Store One"
kind = "store"
region = "north"
[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
[[products]]
sku = "CHEESE"
name = "Aged cheese"
class = "dairy"
cost_minor = 2000
price_minor = 2900
[[users]]
email = "planner@acme.example"
name = "Pat Planner"
password = "planner-password-1"
roles = ["planner"]
[[users]]
email = "op@acme.example"
name = "Olive Operator"
password = "operator-password-1"
roles = ["approver"]
"#;

async fn acme(store: &Store, slug: &str) -> TenantId {
    test_support::seed_as(store, TENANT, slug).await
}

fn event(kind: EventKind, location: i64, product: i64, qty: i64, id: &str, at: i64) -> StockEvent {
    StockEvent {
        source: "pos".into(),
        external_id: id.into(),
        kind,
        location_id: location,
        product_id: product,
        quantity: qty,
        occurred_at: at,
    }
}

async fn sales_are_forecast_as_they_arrive_and_drive_a_forecast_policy(store: &Store) {
    let t = acme(store, "acme").await;
    let other = acme(store, "other").await;
    let locs = store.location_ids(t, &["DC", "S1"]).await.unwrap();
    let (dc, s1) = (locs["DC"], locs["S1"]);
    let milk = store.product_ids(t, &["MILK"]).await.unwrap()["MILK"];
    let now = now_ms();
    let today = now.div_euclid(DAY_MS);
    // 60 days of sales at S1: 10 a day, 16 on every seventh day; 200 more than that
    // received.
    let sold = |d: i64| if d % 7 == 0 { 16 } else { 10 };
    let total: i64 = (1..=60).map(sold).sum();
    let mut batch = vec![
        event(
            EventKind::Receipt,
            dc,
            milk,
            5_000,
            "r-dc",
            now - 70 * DAY_MS,
        ),
        event(
            EventKind::Receipt,
            s1,
            milk,
            total + 200,
            "r-s1",
            now - 70 * DAY_MS,
        ),
    ];
    for d in 1..=60 {
        let at = (today - d) * DAY_MS + DAY_MS / 2;
        batch.push(event(
            EventKind::Sale,
            s1,
            milk,
            sold(d),
            &format!("s-{d}"),
            at,
        ));
    }
    ingest::apply_events(store, t, &batch).await.unwrap();
    drain(store).await;
    assert_eq!(
        store.stale_forecasts(t).await.unwrap(),
        1,
        "one series sold"
    );
    assert_eq!(store.forecasts(t, &[(s1, milk)]).await.unwrap().len(), 0);

    assert_eq!(refresh(store, t, now).await.unwrap(), 1);
    assert_eq!(store.stale_forecasts(t).await.unwrap(), 0);
    assert_eq!(
        store.dirty_count(t).await.unwrap(),
        1,
        "the position is checked again under its new forecast"
    );
    drain(store).await;
    assert_eq!(store.dirty_count(t).await.unwrap(), 0);
    assert_eq!(
        refresh(store, t, now).await.unwrap(),
        0,
        "nothing marked, nothing done"
    );
    let stored = store.forecasts(t, &[(s1, milk)]).await.unwrap();
    let f = &stored[&(s1, milk)];
    assert!(
        matches!(f.forecast.method, Method::Ets | Method::Mstl),
        "{f:?}"
    );
    assert_eq!(f.forecast.pattern, Pattern::Regular);
    assert_eq!(f.forecast.history_days, 60);
    assert_eq!(f.forecast.daily.len(), HORIZON);
    assert_eq!(f.forecast.note, None);
    let (week, low, high) = f.ahead(now, 7, 1.2816);
    assert!((70.0..=84.0).contains(&week), "a week sells 76: {week}");
    assert!(low <= week && week <= high);
    // A late sale for a past day changes the history: the series is forecast again.
    let late = event(EventKind::Sale, s1, milk, 1, "s-late", now - 3 * DAY_MS);
    ingest::apply_events(store, t, &[late]).await.unwrap();
    assert_eq!(store.stale_forecasts(t).await.unwrap(), 1);
    assert_eq!(refresh(store, t, now).await.unwrap(), 1);
    assert_eq!(store.stale_forecasts(t).await.unwrap(), 0);
    // Another tenant reads nothing of it, whatever ids it asks for.
    assert!(store
        .forecasts(other, &[(s1, milk)])
        .await
        .unwrap()
        .is_empty());

    // A forecast-driven policy for the class: the next sale that takes S1 low is
    // covered from the forecast, and the reason names the method and its numbers.
    let planner = member(store, t, "planner@acme.example").await;
    let settings = PolicySettings {
        method: replenish::Method::Forecast,
        service_level: Some(95.0),
        cover_days: 7,
        spread_service: false,
        ..PolicySettings::default()
    };
    replenish::save_policy(store, t, &planner, "dairy", None, &settings, None, now)
        .await
        .unwrap();
    drain(store).await;
    assert!(
        store.transfers(t, None, 10).await.unwrap().is_empty(),
        "200 on hand is far above two days' demand"
    );
    // Whatever the tenant file seeded on hand, a write-off and an ordinary day's sale
    // leave 10 (one sale of nearly everything would be held as an anomaly).
    let (on_hand, ..) = store.position_by_ids(t, s1, milk).await.unwrap().unwrap();
    assert!(on_hand >= 200, "{on_hand}");
    let write_off = event(
        EventKind::Adjustment,
        s1,
        milk,
        20 - on_hand,
        "w-today",
        now,
    );
    let sale = event(EventKind::Sale, s1, milk, 10, "s-today", now);
    ingest::apply_events(store, t, &[write_off, sale])
        .await
        .unwrap();
    assert_eq!(
        store.stale_forecasts(t).await.unwrap(),
        0,
        "today's sales are read tomorrow: nothing to compute again yet"
    );
    drain(store).await;
    let transfers = store.transfers(t, None, 10).await.unwrap();
    assert_eq!(transfers.len(), 1, "{transfers:?}");
    let reason = &transfers[0].reason;
    assert!(reason.starts_with("Forecast ("), "{reason}");
    assert!(reason.contains("MASE"), "{reason}");
    assert!(
        reason.contains("for 95.0 % service, and"),
        "not spread: the class's own level: {reason}"
    );
    assert!(reason.contains("over the 2-day lead time"), "{reason}");
    let snapshot: serde_json::Value = serde_json::from_str(&transfers[0].snapshot).unwrap();
    let rop = snapshot["reorder_point"].as_i64().unwrap();
    // The position keeps the levels in force, so the inventory page and its low-stock
    // filter agree with what was ordered.
    let p = store.position(t, "MILK", "S1").await.unwrap().unwrap();
    assert_eq!(
        (p.reorder_point, p.order_up_to, p.levels_source.as_str()),
        (rop, snapshot["target"].as_i64().unwrap(), "policy")
    );
    assert!(p.low);
    assert!(
        (22..=40).contains(&rop),
        "two days of ~11 plus safety: {rop}"
    );
    assert_eq!(snapshot["forecast"]["cover_days"], 7);
    // What the transfer brings covers the week after the lead time too.
    assert!(transfers[0].quantity >= 70, "{}", transfers[0].quantity);
}

async fn a_forecast_policy_with_bad_numbers_is_refused_and_nothing_is_saved(store: &Store) {
    let t = acme(store, "acme").await;
    let planner = member(store, t, "planner@acme.example").await;
    let before = store.policies(t).await.unwrap().len();
    for (settings, field) in [
        (
            PolicySettings {
                method: replenish::Method::Forecast,
                service_level: Some(100.0),
                ..PolicySettings::default()
            },
            "service_level",
        ),
        (
            PolicySettings {
                method: replenish::Method::Forecast,
                service_level: Some(f64::NAN),
                ..PolicySettings::default()
            },
            "service_level",
        ),
        (
            PolicySettings {
                method: replenish::Method::Forecast,
                cover_days: 0,
                ..PolicySettings::default()
            },
            "cover_days",
        ),
        (
            PolicySettings {
                method: replenish::Method::Forecast,
                cover_days: i64::MAX,
                ..PolicySettings::default()
            },
            "cover_days",
        ),
    ] {
        let err = replenish::save_policy(store, t, &planner, "dairy", None, &settings, None, 0)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, EngineError::Invalid(m) if m.contains(field)),
            "{field}: {err:?}"
        );
    }
    assert_eq!(store.policies(t).await.unwrap().len(), before);
}

/// 60 days of the same sales of `skus` at S1 (6 to 14 a day), plenty received at the
/// DC and S1, forecast.
async fn sixty_days_of(store: &Store, t: TenantId, skus: &[&str], now: i64) {
    let locs = store.location_ids(t, &["DC", "S1"]).await.unwrap();
    let ids = store.product_ids(t, skus).await.unwrap();
    let today = now.div_euclid(DAY_MS);
    let mut batch = Vec::new();
    for sku in skus {
        let p = ids[*sku];
        for (loc, name) in [(locs["DC"], "dc"), (locs["S1"], "s1")] {
            let id = format!("r-{sku}-{name}");
            batch.push(event(
                EventKind::Receipt,
                loc,
                p,
                5_000,
                &id,
                now - 70 * DAY_MS,
            ));
        }
        for d in 1..=60 {
            let at = (today - d) * DAY_MS + DAY_MS / 2;
            // A nine-day cycle that no weekly pattern fits: the forecast has an error.
            let qty = [6, 14, 9, 11, 7, 13, 10, 12, 8][(d % 9) as usize];
            let id = format!("s-{sku}-{d}");
            batch.push(event(EventKind::Sale, locs["S1"], p, qty, &id, at));
        }
    }
    ingest::apply_events(store, t, &batch).await.unwrap();
    drain(store).await;
    refresh(store, t, now).await.unwrap();
    drain(store).await;
}

async fn a_class_service_level_is_spread_by_the_value_each_position_sells(store: &Store) {
    let t = acme(store, "acme").await;
    let other = acme(store, "other").await;
    let now = now_ms();
    // Milk (cost 1.00) and cheese (cost 20.00) sell alike: the class's average value a
    // day is 10.5 × what milk sells, so milk's 5 % stockout chance per cycle shrinks to
    // 5 % × 1/10.5 (99.5 % service) and cheese's grows to 5 % × 20/10.5 (90.5 %).
    sixty_days_of(store, t, &["MILK", "CHEESE"], now).await;
    // Another tenant's dairy sells only milk: were its forecasts counted, the class's
    // average would move and so would both levels.
    sixty_days_of(store, other, &["MILK"], now).await;
    let planner = member(store, t, "planner@acme.example").await;
    let s1 = store.location_ids(t, &["S1"]).await.unwrap()["S1"];
    let ids = store.product_ids(t, &["MILK", "CHEESE"]).await.unwrap();
    let settings = PolicySettings {
        method: replenish::Method::Forecast,
        service_level: Some(95.0),
        spread_service: true,
        ..PolicySettings::default()
    };
    replenish::save_policy(store, t, &planner, "dairy", None, &settings, None, now)
        .await
        .unwrap();
    drain(store).await;
    let mut spread = Vec::new();
    for sku in ["MILK", "CHEESE"] {
        let p = ids[sku];
        let (on_hand, ..) = store.position_by_ids(t, s1, p).await.unwrap().unwrap();
        let write_off = event(
            EventKind::Adjustment,
            s1,
            p,
            20 - on_hand,
            &format!("w-{sku}"),
            now,
        );
        let sale = event(EventKind::Sale, s1, p, 10, &format!("s-{sku}"), now);
        ingest::apply_events(store, t, &[write_off, sale])
            .await
            .unwrap();
        drain(store).await;
        let transfers = store.transfers(t, None, 50).await.unwrap();
        let found = transfers.iter().find(|x| x.product_id == p);
        spread.push(
            found
                .unwrap_or_else(|| panic!("{sku}: {transfers:?}"))
                .reason
                .clone(),
        );
    }
    assert!(
        spread[0].contains("for 99.5 % service (the class's 95.0 % spread by value: 10."),
        "cheap milk: {}",
        spread[0]
    );
    assert!(
        spread[1].contains("for 90.5 % service (the class's 95.0 % spread by value: 2"),
        "costly cheese: {}",
        spread[1]
    );
    let rop = |reason: &str| -> i64 {
        let at = reason.find("the reorder point ").unwrap() + "the reorder point ".len();
        reason[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        rop(&spread[0]) > rop(&spread[1]),
        "the same sales, more safety stock for the cheap item: {spread:?}"
    );
}
