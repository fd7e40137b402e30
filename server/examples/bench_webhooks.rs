//! Webhooks at speed (issue 12, point 8), through the real application:
//!
//! 1. Signed inbound webhooks (a Standard Webhooks source, one stock level each, every
//!    request a new `webhook-id`): requests per second and p50/p99 latency with 1, 16
//!    and 64 requests in flight.
//! 2. Outbound deliveries: 1,000 events to one endpoint, a local receiver answering 200
//!    at once, the app running its own workers (`webhook_senders` 1 and 4): deliveries per
//!    second from the first event posted to the last delivery received.
//!
//! Run with `scripts/bench-webhooks [sqlite|postgres]`; figures go in
//! docs/PERFORMANCE.md.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use engine::addresses::AddressKeys;
use engine::inbound::{self, SourceKind};
use engine::model::{now_ms, Member, Role, TenantId};
use engine::webhooks::{self, signing, Guard};
use serde_json::json;
use test_support::{spawn_app_with, Backend, Options, TestApp};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn admin() -> Member {
    Member {
        user_id: 0,
        email: "bench@example.com".into(),
        name: "Bench".into(),
        roles: vec![Role::TenantAdmin],
        supplier_id: None,
        api_key: None,
        kind: Default::default(),
        acting: None,
    }
}

/// The key the app seals secrets with when none is configured (as in development).
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

async fn inbound_requests(backend: Backend) {
    let app = spawn_app_with(backend, Options::default()).await;
    app.allow_queued_jobs();
    let ff: TenantId = app.tenant("freshfield").await;
    let keys = keys(&app).await;
    let made = inbound::create_source(
        &app.store,
        &keys,
        ff,
        &admin(),
        "bench",
        SourceKind::Standard,
        "",
        "",
        None,
    )
    .await
    .unwrap();
    let secret = signing::Secret::parse(&made.secret.unwrap()).unwrap();
    let url = app.url("/t/freshfield/api/v1/webhooks/bench");
    let client = reqwest::Client::new();
    let counter = Arc::new(AtomicUsize::new(0));
    for concurrency in [1usize, 16, 64] {
        let per_task = 2_000 / concurrency.max(1);
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let (client, url, secret, counter) =
                (client.clone(), url.clone(), secret.clone(), counter.clone());
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::with_capacity(per_task);
                for _ in 0..per_task {
                    let n = counter.fetch_add(1, Ordering::Relaxed);
                    let body = json!({"levels": [{"location": "S-AMS1", "sku": "FF-0001", "on_hand": n % 500}]})
                        .to_string();
                    let id = format!("msg_bench_{n}");
                    let ts = now_ms() / 1_000;
                    let sig = signing::sign(&secret, &id, ts, body.as_bytes());
                    let t = Instant::now();
                    let res = client
                        .post(&url)
                        .header("webhook-id", &id)
                        .header("webhook-timestamp", ts.to_string())
                        .header("webhook-signature", sig)
                        .body(body)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
                    times.push(t.elapsed());
                }
                times
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        let took = started.elapsed();
        all.sort();
        println!(
            "inbound webhooks, {concurrency:>2} in flight: {} requests in {:.2} s = {:.0}/s, p50 {:.1} ms, p99 {:.1} ms",
            all.len(),
            took.as_secs_f64(),
            all.len() as f64 / took.as_secs_f64(),
            percentile(&all, 0.5).as_secs_f64() * 1e3,
            percentile(&all, 0.99).as_secs_f64() * 1e3,
        );
    }
}

async fn outbound_deliveries(backend: Backend, senders: usize) {
    const EVENTS: usize = 1_000;
    let got = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = got.clone();
    let receiver = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let seen = seen.clone();
            async move {
                seen.fetch_add(1, Ordering::Relaxed);
                "ok"
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, receiver).await.unwrap() });
    let app = spawn_app_with(
        backend,
        Options {
            workers: true,
            webhook_senders: senders,
            // The benchmark is one key posting as fast as it can.
            api_rate_limit_per_minute: 1_000_000_000,
            ..Options::default()
        },
    )
    .await;
    let ff = app.tenant("freshfield").await;
    let keys = keys(&app).await;
    let guard = Guard::new(&["127.0.0.1".into()], true).unwrap();
    webhooks::create_endpoint(
        &app.store,
        &keys,
        &guard,
        ff,
        &admin(),
        &format!("http://127.0.0.1:{port}/hook"),
        "bench",
        &["availability.changed".to_string()],
        None,
    )
    .await
    .unwrap();
    let key = app.api_key("freshfield").await;
    let client = reqwest::Client::new();
    let started = Instant::now();
    for n in 0..EVENTS {
        let batch = json!({"events": [{"source": "bench", "external_id": format!("o-{n}"), "type": "count",
            "location": "S-AMS1", "sku": "FF-0001", "quantity": 100 + n % 50}]});
        let res = client
            .post(app.url("/t/freshfield/api/v1/events"))
            .bearer_auth(&key)
            .json(&batch)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let posted = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(600);
    while got.load(Ordering::Relaxed) < EVENTS && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let took = started.elapsed();
    let n = got.load(Ordering::Relaxed);
    println!(
        "outbound deliveries, {senders} sender(s): {n} of {EVENTS} received in {:.2} s = {:.0}/s (events posted in {:.2} s)",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64(),
        posted.as_secs_f64()
    );
}

/// This machine's PostgreSQL runs with autovacuum off: the jobs table, updated at every
/// claim and completion, then has no statistics and grows dead rows, and each claim
/// costs hundreds of milliseconds (3 deliveries a second, measured). Production servers
/// run autovacuum; stand in for it, as `bench_ingest` does, with a `VACUUM ANALYZE` of
/// the benchmark databases' jobs every 5 s (as the superuser the tests are given).
fn stand_in_for_autovacuum() {
    let admin = std::env::var("SHELFWISE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    tokio::spawn(async move {
        let base = &admin[..admin.rfind('/').expect("a database URL")];
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            let Ok(pool) = sqlx::PgPool::connect(&admin).await else {
                continue;
            };
            let dbs: Vec<String> = sqlx::query_scalar(
                "SELECT datname FROM pg_database WHERE datname LIKE 'shelfwise_t_%'",
            )
            .fetch_all(&pool)
            .await
            .unwrap_or_default();
            pool.close().await;
            for db in dbs {
                if let Ok(p) = sqlx::PgPool::connect(&format!("{base}/{db}")).await {
                    let _ = sqlx::query("VACUUM ANALYZE jobs").execute(&p).await;
                    p.close().await;
                }
            }
        }
    });
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let backend = match std::env::args().nth(1).as_deref() {
        Some("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    println!("backend: {backend:?}");
    if backend == Backend::Postgres {
        stand_in_for_autovacuum();
    }
    inbound_requests(backend).await;
    for senders in [1, 4] {
        outbound_deliveries(backend, senders).await;
    }
}
