//! Crash safety: the real `shelfwise` binary is killed with SIGKILL again and again while
//! a client streams stock events at it, retrying every batch it did not see acknowledged.
//! Afterwards every acknowledged event must be applied exactly once (event rows and stock
//! figures both), no position may have two open needs or documents, and no job may be
//! stuck (running on a dead worker's lease, or due and never run), and every changed
//! position must have been checked against policy (no mark left behind).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use engine::model::TenantId;
use serde_json::{json, Value};
use test_support::process::{free_port, url, RealServer};
use test_support::{Backend, TestDb};
use tokio::process::Child;

const ROUNDS: usize = 6;
const BATCH: usize = 40;
const STORES: [&str; 3] = ["S1", "S2", "S3"];
const SKUS: [&str; 4] = ["A", "B", "C", "D"];
const START: i64 = 400;

const TENANT: &str = r#"
slug = "crash"
name = "Crash Test Foods"
theme = "shelfwise"

[[locations]]
code = "DC"
name = "DC"
kind = "dc"
region = "north"

[[locations]]
code = "S1"
name = "Store 1"
kind = "store"
region = "north"

[[locations]]
code = "S2"
name = "Store 2"
kind = "store"
region = "north"

[[locations]]
code = "S3"
name = "Store 3"
kind = "store"
region = "south"

[[suppliers]]
code = "SUP"
name = "Supplier"
email = "orders@supplier.example"
lead_time_days = 2

[policies.food]
reorder_point = 300
order_up_to = 420

[[products]]
sku = "A"
name = "A"
class = "food"
cost_minor = 10
price_minor = 20
supplier = "SUP"

[[products]]
sku = "B"
name = "B"
class = "food"
cost_minor = 10
price_minor = 20
supplier = "SUP"

[[products]]
sku = "C"
name = "C"
class = "food"
cost_minor = 10
price_minor = 20

[[products]]
sku = "D"
name = "D"
class = "food"
cost_minor = 10
price_minor = 20
supplier = "SUP"
"#;

/// The crash test's server: the real binary on one port.
struct Env<'a> {
    server: RealServer<'a>,
    port: u16,
}

impl Env<'_> {
    async fn start(&self) -> Child {
        self.server.start(self.port).await
    }

    fn base(&self, path: &str) -> String {
        url(self.port, path)
    }
}

fn batch(n: usize, round: usize) -> Vec<Value> {
    (0..BATCH)
        .map(|i| {
            let k = n * BATCH + i + round;
            json!({"source": "crash", "external_id": format!("e-{n}-{i}"), "type": "sale",
                   "location": STORES[k % STORES.len()], "sku": SKUS[(k / 3) % SKUS.len()], "quantity": 1})
        })
        .collect()
}

/// Sends `events` until the server acknowledges them (retrying across crashes).
async fn send(client: &reqwest::Client, env: &Env<'_>, key: &str, events: &[Value]) -> bool {
    match client
        .post(env.base("/t/crash/api/v1/events"))
        .bearer_auth(key)
        .json(&json!({ "events": events }))
        .timeout(Duration::from_secs(5))
        .send()
        .await
    {
        Ok(r) if r.status().is_success() => true,
        Ok(r) => panic!("the server refused a batch: {}", r.status()),
        Err(_) => false,
    }
}

async fn crash_and_recover(db: TestDb) {
    let env = Env {
        server: RealServer::new(env!("CARGO_BIN_EXE_shelfwise"), &db),
        port: free_port(),
    };
    env.server.seed("crash", TENANT).await;
    let key = env.server.api_key("crash").await;

    let client = reqwest::Client::new();
    // Known starting stock everywhere.
    let mut server = env.start().await;
    let counts: Vec<Value> = ["DC", "S1", "S2", "S3"]
        .iter()
        .flat_map(|l| {
            SKUS.iter().map(move |s| {
                json!({"source": "crash", "external_id": format!("init-{l}-{s}"), "type": "count",
                       "location": l, "sku": s, "quantity": if *l == "DC" { 4 * START } else { START }})
            })
        })
        .collect();
    assert!(send(&client, &env, &key, &counts).await);

    let mut acked: Vec<Vec<Value>> = Vec::new();
    let mut kills = 0;
    let mut unacked_at_kill = 0;
    let mut n = 0;
    for round in 0..ROUNDS {
        // Stream batches until the kill timer fires, then SIGKILL mid-stream.
        let kill_after = Duration::from_millis(250 + 150 * (round as u64 % 4));
        let started = Instant::now();
        let mut pending: Option<Vec<Value>> = None;
        loop {
            let events = pending.take().unwrap_or_else(|| {
                n += 1;
                batch(n, round)
            });
            if started.elapsed() >= kill_after {
                // Fire the batch and kill the server while it is being handled.
                let c = client.clone();
                let url = env.base("/t/crash/api/v1/events");
                let k = key.clone();
                let body = json!({ "events": events });
                let inflight = tokio::spawn(async move {
                    c.post(url)
                        .bearer_auth(k)
                        .json(&body)
                        .timeout(Duration::from_secs(5))
                        .send()
                        .await
                });
                tokio::time::sleep(Duration::from_millis(2)).await;
                server.start_kill().unwrap();
                server.wait().await.unwrap();
                kills += 1;
                match inflight.await.unwrap() {
                    Ok(r) if r.status().is_success() => acked.push(events),
                    _ => {
                        unacked_at_kill += 1;
                        pending = Some(events);
                    }
                }
                break;
            }
            if send(&client, &env, &key, &events).await {
                acked.push(events);
            } else {
                pending = Some(events);
            }
        }
        server = env.start().await;
        // The batch lost in the crash is sent again: applied at most once either way.
        if let Some(events) = pending {
            assert!(send(&client, &env, &key, &events).await);
            acked.push(events);
        }
    }

    // Let the last server work off what the crashes left (leases lapse after 2 s).
    let store = db.store.clone();
    let tenant: TenantId = store.tenant_by_slug("crash").await.unwrap().unwrap().id;
    let deadline = Instant::now() + Duration::from_secs(60);
    let stuck = loop {
        let counts: HashMap<String, i64> = store
            .job_counts(Some(tenant))
            .await
            .unwrap()
            .into_iter()
            .collect();
        let busy = counts.get("running").copied().unwrap_or(0)
            + counts.get("available").copied().unwrap_or(0)
            + counts.get("retryable").copied().unwrap_or(0);
        let dirty = store.dirty_count(tenant).await.unwrap();
        if (busy == 0 && dirty == 0) || Instant::now() > deadline {
            break (busy, counts);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    server.start_kill().unwrap();
    server.wait().await.unwrap();

    let total: usize = acked.iter().map(Vec::len).sum();
    let applied = store.event_count(tenant).await.unwrap() - counts.len() as i64;
    println!(
        "{}: {kills} SIGKILLs, {} batches acknowledged ({total} sale events), {unacked_at_kill} lost in flight and re-sent, {applied} applied; jobs {:?}",
        db.url().split(':').next().unwrap(),
        acked.len(),
        stuck.1
    );
    assert_eq!(kills, ROUNDS);
    assert_eq!(
        applied, total as i64,
        "every acknowledged event applied exactly once"
    );
    let mut sold: HashMap<(String, String), i64> = HashMap::new();
    for e in acked.iter().flatten() {
        *sold
            .entry((
                e["location"].as_str().unwrap().into(),
                e["sku"].as_str().unwrap().into(),
            ))
            .or_default() += 1;
    }
    for ((loc, sku), qty) in &sold {
        let p = store.position(tenant, sku, loc).await.unwrap().unwrap();
        assert_eq!(
            p.on_hand,
            START - qty,
            "{sku} at {loc}: each sale moved stock once"
        );
    }
    assert_eq!(
        store.doubled_needs(tenant).await.unwrap(),
        0,
        "no need is open twice"
    );
    assert_eq!(
        store.doubled_documents(tenant).await.unwrap(),
        0,
        "no position has two open documents"
    );
    assert_eq!(stuck.0, 0, "no job is stuck: {:?}", stuck.1);
    assert_eq!(
        store.dirty_count(tenant).await.unwrap(),
        0,
        "every changed position was checked against policy"
    );
    assert_eq!(
        stuck.1.get("discarded").copied().unwrap_or(0),
        0,
        "no job was dead-lettered"
    );
    assert!(
        !store.transfers(tenant, None, 1).await.unwrap().is_empty()
            || !store
                .purchase_orders(tenant, None, 1)
                .await
                .unwrap()
                .is_empty(),
        "the stream caused replenishment"
    );
    store.db().close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_survives_repeated_sigkill() {
    let db = TestDb::new(Backend::Sqlite).await;
    crash_and_recover(db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_survives_repeated_sigkill() {
    let db = TestDb::new(Backend::Postgres).await;
    crash_and_recover(db).await;
}
