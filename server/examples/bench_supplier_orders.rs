//! The supplier's order list at scale (issue 10, point 10): Freshfield gets 10,000 sent
//! purchase orders of three lines each, 500 of them to the Lowlands dairy; the dairy's
//! supplier user, signed in, opens `/supplier/orders` (first page, filtered by state,
//! and the oldest page) and one order, through the real application. Prints the
//! latency per page over sequential requests, and the throughput with 8 at once.
//! Run with `scripts/bench-supplier-orders [sqlite|postgres]`; figures go in
//! docs/PERFORMANCE.md.

use std::time::{Duration, Instant};

use engine::model::{now_ms, TenantId};
use engine::{on_db, sqlx};
use test_support::logins::FF_SUPPLIER;
use test_support::{spawn_app, Backend, TestApp};

const ORDERS: i64 = 10_000;
const OWN: i64 = 500;
const BATCH: i64 = 500;

/// Inserts the orders and their lines straight into the tables, a batch at a time.
async fn seed(app: &TestApp, ff: TenantId) -> Result<(), sqlx::Error> {
    let (locations, suppliers) = app.store.labels(ff).await.unwrap();
    let dairy = suppliers.iter().find(|s| s.1 == "SUP-DAIRY").unwrap().0;
    let others: Vec<i64> = suppliers
        .iter()
        .filter(|s| s.0 != dairy)
        .map(|s| s.0)
        .collect();
    let products: Vec<i64> = {
        let skus: Vec<String> = (1..=3).map(|i| format!("FF-{i:04}")).collect();
        let skus: Vec<&str> = skus.iter().map(String::as_str).collect();
        app.store
            .product_ids(ff, &skus)
            .await
            .unwrap()
            .into_values()
            .collect()
    };
    let now = now_ms();
    let states = ["sent", "acknowledged", "declined", "cancelled"];
    for batch in 0..ORDERS / BATCH {
        let mut rows = Vec::new();
        for i in batch * BATCH..(batch + 1) * BATCH {
            // Every twentieth order is the dairy's: 500 of 10,000, spread over the ids.
            let (supplier, state) = if i % (ORDERS / OWN) == 0 {
                (dairy, states[(i / (ORDERS / OWN)) as usize % states.len()])
            } else {
                (others[i as usize % others.len()], "sent")
            };
            let ship_to = locations[i as usize % locations.len()].0;
            let at = now - (ORDERS - i) * 60_000;
            rows.push(format!(
                "({}, {supplier}, {ship_to}, '{state}', 12345, 'bench:{i}', {at}, {at}, {at}, {at})",
                ff.0
            ));
        }
        let sql = format!(
            "INSERT INTO purchase_orders (tenant_id, supplier_id, ship_to_location_id, state, \
             value_minor, consolidation_key, window_closes_at, created_at, updated_at, sent_at) \
             VALUES {} RETURNING id",
            rows.join(", ")
        );
        let ids: Vec<i64> = on_db!(app.store.db(), write, ff, |pool| {
            sqlx::query_scalar(&sql).fetch_all(pool).await
        })?;
        let lines: Vec<String> = ids
            .iter()
            .flat_map(|po| {
                products
                    .iter()
                    .map(move |p| format!("({}, {po}, {p}, 6, 2057, 'bench', '{{}}')", ff.0))
            })
            .collect();
        let sql = format!(
            "INSERT INTO po_lines (tenant_id, po_id, product_id, quantity, unit_cost_minor, \
             reason, snapshot) VALUES {}",
            lines.join(", ")
        );
        on_db!(app.store.db(), write, ff, |pool| {
            sqlx::query(&sql).execute(pool).await.map(|_| ())
        })?;
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

async fn measure(app: &TestApp, client: &reqwest::Client, path: &str, expect: &str) {
    let url = app.url(path);
    let first = client.get(&url).send().await.unwrap();
    assert_eq!(first.status(), 200, "{path}");
    let body = first.text().await.unwrap();
    assert!(body.contains(expect), "{path} shows {expect:?}");
    let mut times = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let res = client.get(&url).send().await.unwrap();
        assert_eq!(res.status(), 200);
        res.bytes().await.unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (c, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            for _ in 0..50 {
                c.get(&url).send().await.unwrap().bytes().await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let rate = 400.0 / started.elapsed().as_secs_f64();
    println!(
        "{path:<45} p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  8 at once: {rate:>5.0} pages/s",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
    );
}

#[tokio::main]
async fn main() {
    let backend = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let started = Instant::now();
    seed(&app, ff).await.expect("seeding the orders");
    println!(
        "{backend:?}: seeded {ORDERS} orders ({OWN} the dairy's), {} lines, in {:.1} s",
        ORDERS * 3,
        started.elapsed().as_secs_f64()
    );
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let (_, suppliers) = app.store.labels(ff).await.unwrap();
    let dairy = suppliers.iter().find(|s| s.1 == "SUP-DAIRY").unwrap().0;
    let all = app
        .store
        .supplier_order_rows(ff, dairy, None, None, 1000)
        .await
        .unwrap();
    assert_eq!(all.len() as i64, OWN, "the dairy's orders");
    let oldest_page = all[all.len() - 10].id;
    let one = all[all.len() / 2].id;
    measure(
        &app,
        &supplier,
        "/t/freshfield/supplier/orders",
        "Older orders",
    )
    .await;
    measure(
        &app,
        &supplier,
        "/t/freshfield/supplier/orders?state=declined",
        "Older orders",
    )
    .await;
    measure(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders?before={oldest_page}"),
        "PO-",
    )
    .await;
    measure(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{one}"),
        &format!("PO-{one}"),
    )
    .await;
}
