//! Two replicas on one PostgreSQL: two real `shelfwise serve` processes share one
//! database, a mailbox and nothing else. Sign-ins, events and approvals are split across
//! them; the sign-in limit holds across both, a tenant changed through the database is
//! served by both within `tenant_cache_seconds`, one replica is killed with SIGKILL
//! halfway and the other finishes the work (its leases rescued), and in the end every
//! document and e-mail exists exactly once and every timer fired at most once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use engine::model::now_ms;
use serde_json::json;
use test_support::process::{free_port, url, RealServer};
use test_support::{Backend, TestDb};

const TENANT: &str = r#"
slug = "twin"
name = "Twin Foods"
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

[[suppliers]]
code = "SUP"
name = "Supplier"
email = "orders@supplier.example"
lead_time_days = 2

[policies.food]
reorder_point = 10
order_up_to = 30
dc_multiplier = 8

[approval]
po_window_minutes = 60
auto_approve_limit_minor = 0

[[approval.default_steps]]
role = "approver"
escalate_after_hours = 24

[[products]]
sku = "A"
name = "Apples"
class = "food"
cost_minor = 100
price_minor = 150
supplier = "SUP"

[[products]]
sku = "B"
name = "Bread"
class = "food"
cost_minor = 200
price_minor = 300
supplier = "SUP"

[[users]]
email = "op@twin.example"
name = "Olive Operator"
password = "operator-password-1"
roles = ["approver"]

[[users]]
email = "victim@twin.example"
name = "Vic Tim"
password = "victim-password-1"
roles = ["approver"]
"#;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn sign_in(c: &reqwest::Client, port: u16, email: &str, password: &str) -> String {
    let res = c
        .post(url(port, "/t/twin/login"))
        .header("origin", url(port, ""))
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap();
    res.headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_else(|| format!("HTTP {}", res.status()))
}

/// Waits (30 s at most, polling: these are separate processes) until `check` holds.
async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_one_postgres_and_survive_losing_one() {
    let db = TestDb::new(Backend::Postgres).await;
    let mut twins = RealServer::new(env!("CARGO_BIN_EXE_shelfwise"), &db);
    twins
        .env
        .push(("SHELFWISE_TENANT_CACHE_SECONDS", "1".into()));
    let store = db.store.clone();
    twins.seed("twin", TENANT).await;
    let key = twins.api_key("twin").await;
    let tenant = store.tenant_by_slug("twin").await.unwrap().unwrap().id;

    let (a, b) = (free_port(), free_port());
    let _replica_a = twins.start(a).await;
    let mut replica_b = twins.start(b).await;

    // Starting stock through A, then sales split across both replicas.
    let http = reqwest::Client::new();
    let send = |port: u16, events: serde_json::Value| {
        let (http, key) = (http.clone(), key.clone());
        async move {
            let res = http
                .post(url(port, "/t/twin/api/v1/events"))
                .bearer_auth(&key)
                .json(&json!({ "events": events }))
                .send()
                .await
                .unwrap();
            assert!(res.status().is_success(), "{}", res.status());
        }
    };
    send(
        a,
        json!([
            {"source": "pos", "external_id": "c-dc-a", "type": "count", "location": "DC", "sku": "A", "quantity": 500},
            {"source": "pos", "external_id": "c-dc-b", "type": "count", "location": "DC", "sku": "B", "quantity": 500},
            {"source": "pos", "external_id": "c-s1-a", "type": "count", "location": "S1", "sku": "A", "quantity": 30},
            {"source": "pos", "external_id": "c-s2-a", "type": "count", "location": "S2", "sku": "A", "quantity": 30},
        ]),
    )
    .await;
    for i in 0..20 {
        let port = if i % 2 == 0 { a } else { b };
        let store_code = if i < 10 { "S1" } else { "S2" };
        send(
            port,
            json!([{"source": "pos", "external_id": format!("sale-{i}"), "type": "sale",
                    "location": store_code, "sku": "A", "quantity": 2}]),
        )
        .await;
    }
    assert_eq!(
        store.event_count(tenant).await.unwrap(),
        24,
        "each event once"
    );

    // The sign-in limit (10 per account and address) holds across both replicas.
    let guesser = client();
    for i in 0..10 {
        let port = if i % 2 == 0 { a } else { b };
        let to = sign_in(&guesser, port, "victim@twin.example", "wrong-password-9").await;
        assert!(to.contains("error=invalid"), "{to}");
    }
    for port in [a, b] {
        let to = sign_in(&guesser, port, "victim@twin.example", "victim-password-1").await;
        assert!(to.contains("error=throttled"), "replica {port}: {to}");
    }

    // A change to the tenant is served by both within tenant_cache_seconds (1 here).
    async {
        Ok::<_, sqlx::Error>(engine::on_db!(
            store.db(),
            write,
            engine::Scope::System,
            |pool| sqlx::query(
                "UPDATE tenants SET name = 'Twin Foods Renamed' WHERE slug = 'twin'"
            )
            .execute(pool)
            .await?
            .rows_affected()
        ))
    }
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    for port in [a, b] {
        let page = http
            .get(url(port, "/t/twin/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Twin Foods Renamed"), "replica {port}");
    }

    // Both stores ran low: one transfer each, whichever replica's worker made it.
    until("both stores have a transfer", || {
        let store = store.clone();
        async move { store.transfers(tenant, None, 10).await.unwrap().len() >= 2 }
    })
    .await;

    // B dies without warning; A carries on alone.
    replica_b.kill().await.unwrap();
    let op = client();
    let to = sign_in(&op, a, "op@twin.example", "operator-password-1").await;
    assert_eq!(to, "/t/twin");
    for t in store.transfers(tenant, None, 10).await.unwrap() {
        let res = op
            .post(url(a, "/t/twin/approvals/decide"))
            .header("origin", url(a, ""))
            .form(&[
                ("doc", format!("transfer:{}", t.id)),
                ("decision", "approve".into()),
                ("comment", String::new()),
            ])
            .send()
            .await
            .unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("notice="), "{to}");
    }
    // A works off everything, including what B held when it died (leases of 2 s).
    until("the queue is worked off", || {
        let store = store.clone();
        async move { store.due_job_count(now_ms()).await.unwrap() == 0 }
    })
    .await;

    // Every document and e-mail exactly once; every timer at most once.
    assert_eq!(store.doubled_needs(tenant).await.unwrap(), 0);
    assert_eq!(store.doubled_documents(tenant).await.unwrap(), 0);
    let mut ids: HashMap<String, usize> = HashMap::new();
    for entry in std::fs::read_dir(db.dir().join("mail")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let id = text
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
            .unwrap_or_default()
            .to_string();
        *ids.entry(id).or_default() += 1;
    }
    assert!(!ids.is_empty(), "approval e-mails were sent");
    assert!(
        ids.values().all(|n| *n == 1),
        "an e-mail went twice: {ids:?}"
    );
    let nightly: i64 = async {
        engine::on_db!(store.db(), read, engine::Scope::System, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'replenish.nightly_sweep'")
                .fetch_one(pool)
                .await
        })
    }
    .await
    .unwrap();
    assert_eq!(
        nightly, 1,
        "both replicas scheduled the nightly sweep; it exists once"
    );
}
