//! Backtests from the portal (issue 15, point 5): a planner replays the tenant's own
//! last days of sales (or a demand CSV) under its current levels and a candidate rule;
//! the run follows on the job queue with its progress and ends with both reports;
//! nothing live changes; bad requests are refused naming what is wrong; only the
//! tenant's own people see its runs. On both backends.

use engine::backtest_runs::{run, runs, start, Candidate, Request};
use engine::error::EngineError;
use engine::ingest;
use engine::model::{now_ms, EventKind, StockEvent, TenantId, DAY_MS};
use engine::Store;
use test_support::{conformance, drain, member};

conformance!(a_planner_replays_the_last_days_without_touching_live_data);

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
region = "north"
[[suppliers]]
code = "SUP"
name = "Dairy Co"
email = "orders@dairy.example"
lead_time_days = 2
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
supplier = "SUP"
[[products]]
sku = "LOCAL"
name = "Local cheese"
class = "dairy"
cost_minor = 500
price_minor = 800
[[users]]
email = "planner@acme.example"
name = "Pat Planner"
password = "planner-password-1"
roles = ["planner"]
[[users]]
email = "approver@acme.example"
name = "Abe Approver"
password = "approver-password-1"
roles = ["approver"]
"#;

async fn acme(store: &Store, slug: &str) -> TenantId {
    test_support::seed_as(store, TENANT, slug).await
}

fn sale(location: i64, product: i64, qty: i64, id: String, at: i64) -> StockEvent {
    StockEvent {
        source: "pos".into(),
        external_id: id,
        kind: EventKind::Sale,
        location_id: location,
        product_id: product,
        quantity: qty,
        occurred_at: at,
    }
}

/// Everything live a replay must leave alone: positions, documents, needs.
async fn live(store: &Store, t: TenantId) -> String {
    let locs = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let prods = store.product_ids(t, &["MILK", "LOCAL"]).await.unwrap();
    let mut out = format!(
        "{:?}\n{:?}\n",
        store.transfers(t, None, 500).await.unwrap(),
        store.purchase_orders(t, None, 500).await.unwrap(),
    );
    for l in ["DC", "S1", "S2"] {
        for p in ["MILK", "LOCAL"] {
            let pos = store.position_by_ids(t, locs[l], prods[p]).await.unwrap();
            out.push_str(&format!("{l} {p} {pos:?}\n"));
        }
    }
    out
}

/// Runs the backtests queue until nothing is due.
async fn run_queue(store: &Store) {
    let worker = engine::backtest_runs::worker(store.clone(), "test");
    for _ in 0..20 {
        let lap = worker.run_once(now_ms()).await.unwrap();
        if lap.completed + lap.retried + lap.discarded == 0 {
            return;
        }
    }
    panic!("the backtests queue did not drain");
}

async fn a_planner_replays_the_last_days_without_touching_live_data(store: &Store) {
    let t = acme(store, "acme").await;
    let other = acme(store, "other").await;
    let locs = store.location_ids(t, &["S1", "S2"]).await.unwrap();
    let milk = store.product_ids(t, &["MILK"]).await.unwrap()["MILK"];
    let planner = member(store, t, "planner@acme.example").await;
    let now = now_ms();
    let today = now.div_euclid(DAY_MS);
    // 70 days of milk sales at both stores, 3 to 7 a day.
    let mut batch = Vec::new();
    for d in 1..=70 {
        for (i, s) in [locs["S1"], locs["S2"]].into_iter().enumerate() {
            let at = (today - d) * DAY_MS + DAY_MS / 2;
            batch.push(sale(
                s,
                milk,
                3 + (d + i as i64) % 5,
                format!("s-{s}-{d}"),
                at,
            ));
        }
    }
    ingest::apply_events(store, t, &batch).await.unwrap();
    drain(store).await;

    // Bad requests are refused, naming what is wrong; an approver may not start one.
    let ask = |days: i64, csv: Option<&str>| Request {
        days,
        candidate: Candidate::NaiveAdaptive,
        service_level: None,
        csv: csv.map(str::to_string),
    };
    for (req, says) in [
        (
            ask(3, None),
            "Days to replay must be a whole number from 7 to 180",
        ),
        (ask(181, None), "from 7 to 180"),
        (
            ask(0, Some("day,location,sku,quantity\n2026-01-01,S9,MILK,4\n")),
            "Line 2: the location \"S9\" is not one of yours",
        ),
        (
            Request {
                service_level: Some(120.0),
                ..ask(28, None)
            },
            "service level must be a per cent from 50 to 99.9",
        ),
        (
            Request {
                service_level: Some(97.0),
                candidate: Candidate::Forecast,
                ..ask(28, None)
            },
            "uses each class's service level",
        ),
        (
            ask(
                0,
                Some(&format!(
                    "day,location,sku,quantity\n2026-01-01,S1,{},1\n",
                    "X".repeat(5_000)
                )),
            ),
            "the SKU \"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX…\" is not one of yours",
        ),
    ] {
        let err = start(store, t, &planner, &req, None, now)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(says), "{says}: {err}");
    }
    let approver = member(store, t, "approver@acme.example").await;
    assert!(matches!(
        start(store, t, &approver, &ask(28, None), None, now).await,
        Err(EngineError::Forbidden(_))
    ));
    assert!(
        runs(store, t, &planner).await.unwrap().is_empty(),
        "nothing was queued"
    );

    let before = live(store, t).await;
    let id = start(store, t, &planner, &ask(28, None), None, now)
        .await
        .unwrap();
    let (queued, none) = run(store, t, &approver, id).await.unwrap();
    assert_eq!(
        (queued.state.as_str(), none),
        ("queued", None),
        "an approver may look"
    );
    let err = start(store, t, &planner, &ask(14, None), None, now)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("already waiting or running"),
        "one at a time: {err}"
    );
    run_queue(store).await;
    let (done, outcome) = run(store, t, &planner, id).await.unwrap();
    assert_eq!(done.state, "done", "{done:?}");
    assert_eq!(done.progress_done, done.progress_total);
    assert_eq!(done.progress_total, 56, "two rules × 28 days");
    let o = outcome.expect("both reports");
    assert_eq!(
        (o.current.rule.as_str(), o.current.days),
        ("current levels", 28)
    );
    assert!(
        o.candidate.rule.starts_with("naive adaptive"),
        "{}",
        o.candidate.rule
    );
    assert_eq!(
        o.current.series, 2,
        "two stores × the one product with a supplier"
    );
    // Both replayed the same demand: 28 days of 3–7 a day at two stores.
    assert_eq!(o.current.demand_units, o.candidate.demand_units);
    assert!(
        (28 * 2 * 3..=28 * 2 * 7).contains(&o.current.demand_units),
        "{}",
        o.current.demand_units
    );
    assert!(
        o.notes
            .iter()
            .any(|n| n == "1 product without a supplier is left out."),
        "{:?}",
        o.notes
    );
    assert_eq!(live(store, t).await, before, "nothing live changed");
    // A demand file replays its own days: 40 days, so 12 after the 28 of history.
    let mut csv = String::from("day,location,sku,quantity\n");
    for d in 0..40 {
        let day = time::OffsetDateTime::from_unix_timestamp(1_767_225_600 + d * 86_400)
            .unwrap()
            .date();
        csv.push_str(&format!("{day},S1,MILK,5\n{day},S2,MILK,2\n"));
    }
    let from_file = start(store, t, &planner, &ask(0, Some(&csv)), None, now)
        .await
        .unwrap();
    run_queue(store).await;
    let (r, o) = run(store, t, &planner, from_file).await.unwrap();
    assert_eq!(
        (r.state.as_str(), r.days, r.source.as_str()),
        ("done", 12, "csv")
    );
    assert_eq!(o.unwrap().current.demand_units, 12 * 7);

    // Another tenant's people see none of it.
    let stranger = member(store, other, "planner@acme.example").await;
    assert!(matches!(
        run(store, other, &stranger, id).await,
        Err(EngineError::NotFound)
    ));
    assert!(runs(store, other, &stranger).await.unwrap().is_empty());
}
