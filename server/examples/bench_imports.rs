//! CSV imports at speed (issue 12, point 8), through the real application with its own
//! workers: 3 locations and 5,000 products are imported, then a 50,000-row stock-count
//! file (every new product at ten locations). For each file: rows per second of the
//! check (upload to `checked`) and of the apply (`apply` to `applied`), and the progress
//! the API showed on the way. While the big file is checked and applied, a reader asks
//! for the location list every 100 ms: its slowest answers show whether the portal
//! stays responsive.
//!
//! Run with `scripts/bench-imports [sqlite|postgres]`; figures go in docs/PERFORMANCE.md.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use engine::api_keys::{self, KeyScope};
use serde_json::Value;
use test_support::{spawn_app_with, Backend, Options, TestApp};

async fn wait_for(app: &TestApp, key: &str, id: i64, state: &str) -> (Duration, Vec<i64>) {
    let started = Instant::now();
    let mut seen = Vec::new();
    loop {
        let v: Value = reqwest::Client::new()
            .get(app.url(&format!("/t/freshfield/api/v1/imports/{id}")))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let done = v["rows_done"].as_i64().unwrap_or(0);
        if seen.last() != Some(&done) {
            seen.push(done);
        }
        if v["state"] == state {
            return (started.elapsed(), seen);
        }
        assert!(
            !matches!(v["state"].as_str(), Some("invalid" | "failed")),
            "import {id}: {v}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "import {id} stalled: {v}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Uploads, checks and applies one file; prints its figures.
async fn run(app: &TestApp, key: &str, kind: &str, csv: String, rows: usize) {
    let started = Instant::now();
    let up: Value = reqwest::Client::new()
        .post(app.url(&format!("/t/freshfield/api/v1/imports?kind={kind}")))
        .bearer_auth(key)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = up["id"].as_i64().unwrap();
    let (_, progress) = wait_for(app, key, id, "checked").await;
    let checked = started.elapsed();
    let applying = Instant::now();
    let res = reqwest::Client::new()
        .post(app.url(&format!("/t/freshfield/api/v1/imports/{id}/apply")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    wait_for(app, key, id, "applied").await;
    let applied = applying.elapsed();
    println!(
        "{kind:>13}: {rows:>6} rows; check {:>6.2} s ({:>7.0} rows/s), apply {:>6.2} s ({:>7.0} rows/s); progress seen: {progress:?}",
        checked.as_secs_f64(),
        rows as f64 / checked.as_secs_f64(),
        applied.as_secs_f64(),
        rows as f64 / applied.as_secs_f64(),
    );
}

#[tokio::main]
async fn main() {
    let backend = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    let app = spawn_app_with(
        backend,
        Options {
            workers: true,
            api_rate_limit_per_minute: 1_000_000,
            ..Options::default()
        },
    )
    .await;
    app.allow_queued_jobs();
    let ff = app.tenant("freshfield").await;
    let admin = test_support::member(&app.store, ff, "admin@freshfield.example").await;
    let key = api_keys::create(
        &app.store,
        ff,
        &admin,
        "bench",
        &[KeyScope::ImportData, KeyScope::ReadInventory],
        None,
    )
    .await
    .unwrap()
    .key;
    println!("{backend:?}");

    let mut locations = String::from("code,name,kind,region\n");
    for i in 0..3 {
        locations.push_str(&format!("B-{i},Bench store {i},store,Bench\n"));
    }
    run(&app, &key, "locations", locations, 3).await;
    let mut products = String::from("sku,name,class,cost_minor,price_minor\n");
    for i in 0..5_000 {
        products.push_str(&format!("BENCH-{i:05},Bench product {i},dairy,100,150\n"));
    }
    run(&app, &key, "products", products, 5_000).await;

    let codes: Vec<String> = app
        .store
        .location_page(ff, None, None, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.code)
        .take(10)
        .collect();
    assert_eq!(codes.len(), 10, "ten locations");
    let mut counts = String::from("location,sku,on_hand\n");
    for i in 0..5_000 {
        for code in &codes {
            counts.push_str(&format!("{code},BENCH-{i:05},{}\n", (i * 7) % 40));
        }
    }

    // A reader of the portal's data while the big file goes through.
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (stop, url, key) = (
            stop.clone(),
            app.url("/t/freshfield/api/v1/locations"),
            key.clone(),
        );
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut took = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                let res = client.get(&url).bearer_auth(&key).send().await.unwrap();
                assert_eq!(res.status(), 200);
                took.push(t.elapsed());
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            took.sort();
            took
        })
    };
    run(&app, &key, "stock_counts", counts, 50_000).await;
    stop.store(true, Ordering::Relaxed);
    let took = reader.await.unwrap();
    let at = |p: f64| took[((took.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "reads of the location list meanwhile: {} answers, p50 {:.1} ms, p99 {:.1} ms, slowest {:.1} ms",
        took.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        took.last().unwrap().as_secs_f64() * 1e3
    );
}
