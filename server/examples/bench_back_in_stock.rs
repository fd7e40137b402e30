//! Back-in-stock at scale (issue 11, point 8), through the real application:
//!
//! 1. 100,000 confirmed shoppers wait for one product at one store; a restock of
//!    100,000 units queues all of them for notification: the wave's time (one
//!    transaction: the subscriptions marked, 100,000 e-mail jobs inserted).
//! 2. Restock → first e-mail accepted by an SMTP server (a local one in this process),
//!    the app running its own workers: p50 and p99 over 40 restocks.
//! 3. The widget's availability request: requests per second with 8 at once.
//!
//! Run with `scripts/bench-back-in-stock [sqlite|postgres]`; figures go in
//! docs/PERFORMANCE.md.

use std::time::{Duration, Instant};

use engine::addresses::AddressKeys;
use engine::back_in_stock::{self, waves, Settings, Source, SubscribeRequest};
use engine::links::{shopper_token, ShopperLink, LINK_KEY};
use engine::model::{now_ms, Member, Role, TenantId};
use engine::{on_db, sqlx};
use serde_json::json;
use test_support::smtp::smtp_server;
use test_support::{spawn_app, spawn_app_with, Backend, Options, TestApp};

const SHOPPERS: i64 = 100_000;
const BATCH: i64 = 1_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

async fn keys(app: &TestApp) -> AddressKeys {
    let secret: [u8; 32] = app
        .store
        .signing_key("subscriber-addresses")
        .await
        .unwrap()
        .try_into()
        .unwrap();
    AddressKeys::single("db", secret)
}

async fn ids(app: &TestApp, ff: TenantId, sql: &str) -> Vec<i64> {
    async {
        let v: Vec<i64> = on_db!(app.store.db(), read, ff, |pool| sqlx::query_scalar(sql)
            .bind(ff.0)
            .fetch_all(pool)
            .await)?;
        Ok::<_, sqlx::Error>(v)
    }
    .await
    .unwrap()
}

/// 100,000 confirmed subscriptions, inserted a thousand rows at a time (each address
/// really sealed and hashed).
async fn seed_waiting(app: &TestApp, ff: TenantId, product: i64, store: i64) {
    seed_rows(app, ff, product, store).await.unwrap();
}

async fn seed_rows(
    app: &TestApp,
    ff: TenantId,
    product: i64,
    store: i64,
) -> Result<(), sqlx::Error> {
    let keys = keys(app).await;
    let now = now_ms();
    for batch in 0..SHOPPERS / BATCH {
        let rows: Vec<String> = (batch * BATCH..(batch + 1) * BATCH)
            .map(|i| {
                let a = format!("b{i:06}@shoppers.example");
                format!(
                    "({}, '{}', '{}', {now})",
                    ff.0,
                    keys.hash(ff.0, &a),
                    keys.seal(ff.0, &a)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO bis_subscribers (tenant_id, address_hash, address_sealed, created_at) \
             VALUES {} RETURNING id",
            rows.join(", ")
        );
        let subscribers: Vec<i64> = on_db!(app.store.db(), write, ff, |pool| {
            sqlx::query_scalar(&sql).fetch_all(pool).await
        })?;
        let rows: Vec<String> = subscribers
            .iter()
            .map(|s| {
                format!(
                    "({}, {s}, {product}, {store}, 'confirmed', 'page', 'v1', {now}, {now}, {now})",
                    ff.0
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO bis_subscriptions (tenant_id, subscriber_id, product_id, location_id, \
             state, source, wording, created_at, confirm_expires_at, confirmed_at) VALUES {}",
            rows.join(", ")
        );
        on_db!(app.store.db(), write, ff, |pool| {
            sqlx::query(&sql).execute(pool).await.map(|_| ())
        })?;
    }
    Ok(())
}

async fn count(app: &TestApp, key: &str, id: &str, sku: &str, quantity: i64) {
    let batch = json!({"events": [{"source": "bench", "external_id": id, "type": "count",
        "location": "S-AMS1", "sku": sku, "quantity": quantity}]});
    assert_eq!(
        app.post_events("freshfield", key, &batch).await.status(),
        200
    );
}

async fn wave_of_100_000(backend: Backend) {
    let app = spawn_app(backend).await;
    app.allow_queued_jobs();
    let ff = app.tenant("freshfield").await;
    let product = app
        .store
        .product_by_sku(ff, "FF-0001")
        .await
        .unwrap()
        .unwrap()
        .0;
    let store = *app
        .store
        .location_ids(ff, &["S-AMS1"])
        .await
        .unwrap()
        .get("S-AMS1")
        .unwrap();
    let started = Instant::now();
    seed_waiting(&app, ff, product, store).await;
    println!(
        "seeded {SHOPPERS} confirmed shoppers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let key = app.api_key("freshfield").await;
    count(&app, &key, "w1", "FF-0001", SHOPPERS).await;
    let wave = waves::Wave {
        location_id: store,
        product_id: product,
        follow_up: false,
    };
    let started = Instant::now();
    let notified = waves::run_wave(&app.store, ff, &wave, now_ms(), None)
        .await
        .unwrap();
    let took = started.elapsed();
    let queued = ids(
        &app,
        ff,
        "SELECT id FROM jobs WHERE tenant_id = $1 AND kind = 'mail.shopper'",
    )
    .await;
    println!(
        "wave: {notified} shoppers notified and {} e-mails queued in {:.2} s",
        queued.len(),
        took.as_secs_f64()
    );
}

async fn restock_to_first_mail(backend: Backend) {
    let (port, mut received) = smtp_server(vec![]).await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            workers: true,
            api_rate_limit_per_minute: 1_000_000_000,
            ..Options::default()
        },
    )
    .await;
    let ff = app.tenant("freshfield").await;
    let admin = Member {
        user_id: 0,
        email: "bench@example.com".into(),
        name: "Bench".into(),
        roles: vec![Role::TenantAdmin],
        supplier_id: None,
        api_key: None,
        kind: Default::default(),
        acting: None,
    };
    let fast = Settings {
        enabled: true,
        sends_per_minute: 10_000,
        ..Settings::default()
    };
    back_in_stock::save_settings(&app.store, ff, &admin, &fast, None)
        .await
        .unwrap();
    let keys = keys(&app).await;
    let link = app.store.signing_key(LINK_KEY).await.unwrap();
    let key = app.api_key("freshfield").await;
    let mut times = Vec::new();
    for i in 0..40 {
        count(&app, &key, &format!("out-{i}"), "FF-0002", 0).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let email = format!("r{i}@shoppers.example");
        let client = format!("r{i}");
        let req = SubscribeRequest {
            email: &email,
            sku: "FF-0002",
            channel: "S-AMS1",
            source: Source::Page,
            client: &client,
            honeypot: "",
            lang: None,
        };
        back_in_stock::subscribe(&app.store, &keys, ff, &req, now_ms())
            .await
            .unwrap();
        let id = *ids(
            &app,
            ff,
            "SELECT id FROM bis_subscriptions WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .await
        .first()
        .unwrap();
        let token = shopper_token(&link, ShopperLink::Confirm, ff.0, id);
        back_in_stock::confirm(&app.store, ff, &token, now_ms())
            .await
            .unwrap();
        // Let the confirmation e-mail and the wave check pass, then drain the inbox.
        tokio::time::sleep(Duration::from_millis(700)).await;
        while received.try_recv().is_ok() {}
        let started = Instant::now();
        count(&app, &key, &format!("back-{i}"), "FF-0002", 5).await;
        loop {
            let m = tokio::time::timeout(Duration::from_secs(10), received.recv())
                .await
                .expect("the notification arrives")
                .unwrap();
            if m.contains("is back in stock") {
                break;
            }
        }
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "restock -> first e-mail accepted by SMTP: p50 {:.0} ms, p99 {:.0} ms (n = {})",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.len()
    );
}

async fn availability_rps(backend: Backend) {
    let app = spawn_app(backend).await;
    app.allow_queued_jobs();
    let url = app.url("/t/freshfield/api/v1/public/availability?sku=FF-0001");
    let client = reqwest::Client::new();
    let until = Instant::now() + Duration::from_secs(8);
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            while Instant::now() < until {
                let t = Instant::now();
                let res = client
                    .get(&url)
                    .header("origin", "https://shop.example")
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 200);
                res.bytes().await.unwrap();
                times.push(t.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.unwrap());
    }
    times.sort();
    println!(
        "availability: {:.0} requests/s with 8 at once, p50 {:.1} ms, p99 {:.1} ms",
        times.len() as f64 / 8.0,
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3
    );
}

#[tokio::main]
async fn main() {
    let backend = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    wave_of_100_000(backend).await;
    restock_to_first_mail(backend).await;
    availability_rps(backend).await;
}
