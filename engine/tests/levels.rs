//! Levels a planner controls (issue 9, point 11): policies carry class levels, positions
//! first seen in an event inherit them, a planner overrides one position, and the
//! nightly sweep runs at the tenant's hour. On both backends.

use std::path::Path;

use engine::error::EngineError;
use engine::ingest;
use engine::model::{now_ms, EventKind, Member, StockEvent, TenantId};
use engine::replenish::{self, PolicySettings};
use engine::seed::{seed_tenant, TenantFile};
use engine::store::ProductRecord;
use engine::Store;
use test_support::{conformance, drain, member};

conformance!(
    positions_first_seen_in_an_event_inherit_their_class_levels,
    a_planner_overrides_one_position_and_policies_leave_it_alone,
    the_nightly_sweep_runs_at_the_tenants_hour,
    moving_the_hour_after_tonights_sweep_ran_schedules_tomorrows,
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
[[locations]]
code = "S2"
name = "Store Two"
kind = "store"
region = "south"
[policies.dairy]
reorder_point = 10
order_up_to = 30
dc_multiplier = 8
[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
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

async fn acme(store: &Store) -> TenantId {
    let file = TenantFile::parse(TENANT, Path::new("acme.toml")).unwrap();
    seed_tenant(store, &file).await.unwrap().tenant
}

/// (reorder point, order-up-to, source) of SKU at location code.
async fn levels(store: &Store, t: TenantId, sku: &str, loc: &str) -> (i64, i64, String) {
    let p = store.position(t, sku, loc).await.unwrap().unwrap();
    (p.reorder_point, p.order_up_to, p.levels_source)
}

fn received(location: i64, product: i64, id: &str) -> StockEvent {
    StockEvent {
        source: "erp".into(),
        external_id: id.into(),
        kind: EventKind::Receipt,
        location_id: location,
        product_id: product,
        quantity: 5,
        occurred_at: now_ms(),
    }
}

async fn add_product(store: &Store, t: TenantId, sku: &str, class: &str) -> i64 {
    let p = ProductRecord {
        sku: sku.into(),
        name: sku.into(),
        class: class.into(),
        cost_minor: 100,
        price_minor: 200,
        supplier_code: None,
    };
    store.upsert_products(t, &[p]).await.unwrap();
    store.product_ids(t, &[sku]).await.unwrap()[sku]
}

async fn positions_first_seen_in_an_event_inherit_their_class_levels(store: &Store) {
    let t = acme(store).await;
    let locs = store.location_ids(t, &["DC", "S1"]).await.unwrap();
    let yogurt = add_product(store, t, "YOGURT", "dairy").await;
    let bread = add_product(store, t, "BREAD", "bakery").await;
    let batch = [
        received(locs["S1"], yogurt, "r1"),
        received(locs["DC"], yogurt, "r2"),
        received(locs["S1"], bread, "r3"),
    ];
    ingest::apply_events(store, t, &batch).await.unwrap();
    assert_eq!(
        levels(store, t, "YOGURT", "S1").await,
        (10, 30, "policy".into()),
        "a store position takes its class's levels"
    );
    assert_eq!(
        levels(store, t, "YOGURT", "DC").await,
        (80, 240, "policy".into()),
        "a DC position takes them times the DC multiplier"
    );
    assert_eq!(
        levels(store, t, "BREAD", "S1").await,
        (0, 0, "event".into()),
        "a class without levels leaves them unset, and says so"
    );
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (10, 30, "seed".into()),
        "seeded positions say they came from the tenant file"
    );
}

async fn a_planner_overrides_one_position_and_policies_leave_it_alone(store: &Store) {
    let t = acme(store).await;
    drain(store).await;
    let locs = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let milk = store.product_ids(t, &["MILK"]).await.unwrap()["MILK"];
    let planner = member(store, t, "planner@acme.example").await;
    let operator = member(store, t, "op@acme.example").await;
    let now = now_ms();
    let set = |m: &Member, loc: i64, levels: Option<(i64, i64)>| {
        let m = m.clone();
        async move {
            replenish::set_position_levels(store, t, &m, loc, milk, levels, None, now_ms()).await
        }
    };

    // Bad values and the wrong people change nothing.
    for bad in [(50, 10), (-1, 10), (5, 200_000_000)] {
        let e = set(&planner, locs["S1"], Some(bad)).await.unwrap_err();
        assert!(matches!(e, EngineError::Invalid(_)), "{bad:?}: {e:?}");
    }
    assert!(matches!(
        set(&operator, locs["S1"], Some((50, 90))).await,
        Err(EngineError::Forbidden(_))
    ));
    assert!(matches!(
        set(&planner, 999_999, Some((50, 90))).await,
        Err(EngineError::NotFound)
    ));
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (10, 30, "seed".into())
    );

    // The override holds, is audited, and the position is checked again.
    set(&planner, locs["S1"], Some((50, 90))).await.unwrap();
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (50, 90, "override".into())
    );
    let trail = store
        .audit_for_subject(t, &format!("position:{}:{milk}", locs["S1"]))
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "position.levels_set");
    assert!(trail[0].before.as_deref().unwrap().contains("\"seed\""));
    assert_eq!(store.dirty_count(t).await.unwrap(), 1, "queued for a check");
    drain(store).await;

    // New class levels reach every other dairy position, never the override.
    let mut settings = PolicySettings {
        reorder_point: Some(12),
        order_up_to: Some(40),
        dc_multiplier: 5,
        ..PolicySettings::default()
    };
    replenish::save_policy(store, t, &planner, "dairy", None, &settings, None, now)
        .await
        .unwrap();
    drain(store).await;
    assert_eq!(
        levels(store, t, "MILK", "S2").await,
        (12, 40, "policy".into())
    );
    assert_eq!(
        levels(store, t, "MILK", "DC").await,
        (60, 200, "policy".into())
    );
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (50, 90, "override".into())
    );

    // A location's own policy with levels wins over the class's for that location.
    settings.reorder_point = Some(3);
    settings.order_up_to = Some(7);
    let s2 = Some(locs["S2"]);
    replenish::save_policy(store, t, &planner, "dairy", s2, &settings, None, now)
        .await
        .unwrap();
    drain(store).await;
    assert_eq!(
        levels(store, t, "MILK", "S2").await,
        (3, 7, "policy".into())
    );
    assert_eq!(
        levels(store, t, "MILK", "DC").await,
        (60, 200, "policy".into())
    );

    // Handing the position back gives it the policy's levels again.
    set(&planner, locs["S1"], None).await.unwrap();
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (12, 40, "policy".into())
    );

    // A policy saved without levels leaves positions their numbers, marked as kept.
    let plain = PolicySettings::default();
    replenish::save_policy(store, t, &planner, "dairy", None, &plain, None, now)
        .await
        .unwrap();
    drain(store).await;
    assert_eq!(
        levels(store, t, "MILK", "S1").await,
        (12, 40, "kept".into())
    );
    assert_eq!(
        levels(store, t, "MILK", "S2").await,
        (3, 7, "policy".into()),
        "the location's own policy still carries levels"
    );
    // Both levels or neither; never more than the bound, at a DC too.
    for (rop, out, mult) in [
        (Some(5), None, 1),
        (Some(5), Some(6), 0),
        (Some(1), Some(2_000_000), 100),
    ] {
        let bad = PolicySettings {
            reorder_point: rop,
            order_up_to: out,
            dc_multiplier: mult,
            ..PolicySettings::default()
        };
        let e = replenish::save_policy(store, t, &planner, "dairy", None, &bad, None, now)
            .await
            .unwrap_err();
        assert!(
            matches!(e, EngineError::Invalid(_)),
            "{rop:?} {out:?} {mult}: {e:?}"
        );
    }
}

async fn the_nightly_sweep_runs_at_the_tenants_hour(store: &Store) {
    let t = acme(store).await;
    let planner = member(store, t, "planner@acme.example").await;
    let operator = member(store, t, "op@acme.example").await;
    let now = now_ms();
    replenish::schedule_nightly(store, t, now).await.unwrap();
    for bad in [-1, 24] {
        let e = replenish::set_sweep_hour(store, t, &planner, bad, None, now)
            .await
            .unwrap_err();
        assert!(matches!(e, EngineError::Invalid(_)), "{bad}: {e:?}");
    }
    assert!(matches!(
        replenish::set_sweep_hour(store, t, &operator, 5, None, now).await,
        Err(EngineError::Forbidden(_))
    ));
    replenish::set_sweep_hour(store, t, &planner, 5, None, now)
        .await
        .unwrap();
    // Exactly one nightly timer is left, and it is due at 05:00 UTC.
    let day = 24 * 3_600_000;
    let timers = store
        .claim_jobs(
            engine::jobs::queues::REPLENISH,
            "test",
            50,
            now + 2 * day,
            60_000,
        )
        .await
        .unwrap();
    let nightly: Vec<_> = timers
        .iter()
        .filter(|j| j.kind == "replenish.nightly_sweep")
        .collect();
    assert_eq!(nightly.len(), 1, "{timers:?}");
    assert_eq!((nightly[0].scheduled_at / 3_600_000) % 24, 5);
    assert!(nightly[0].scheduled_at > now && nightly[0].scheduled_at - now <= day);
}

/// Tonight's sweep ran at 02:00 (its finished row keeps the night's key); at 10:00 a
/// planner moves the hour to 23: the next sweep is tomorrow's, not lost.
async fn moving_the_hour_after_tonights_sweep_ran_schedules_tomorrows(store: &Store) {
    use engine::jobs::{queues::REPLENISH, NewJob};
    use engine::replenish::jobs::NightlySweep;
    let t = acme(store).await;
    drain(store).await;
    let planner = member(store, t, "planner@acme.example").await;
    let hour = 3_600_000;
    let day = 24 * hour;
    let today = now_ms().div_euclid(day) * day;
    let at_ten = today + 10 * hour;
    let tonight = NightlySweep { day_ms: today };
    store
        .enqueue(&NewJob::of(t, &tonight, today).at(today + 2 * hour))
        .await
        .unwrap();
    let ran = store
        .claim_jobs(REPLENISH, "test", 50, at_ten, 60_000)
        .await
        .unwrap();
    for j in &ran {
        assert!(store.complete_job(j.id, j.attempt, at_ten).await.unwrap());
    }
    assert!(ran.iter().any(|j| j.kind == "replenish.nightly_sweep"));
    replenish::set_sweep_hour(store, t, &planner, 23, None, at_ten)
        .await
        .unwrap();
    let due = store
        .claim_jobs(REPLENISH, "test", 50, today + 3 * day, 60_000)
        .await
        .unwrap();
    let nightly: Vec<_> = due
        .iter()
        .filter(|j| j.kind == "replenish.nightly_sweep")
        .map(|j| j.scheduled_at)
        .collect();
    assert_eq!(nightly, [today + day + 23 * hour], "tomorrow at 23:00");
}
