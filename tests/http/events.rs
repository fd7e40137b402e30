//! The events API: applied once, bad fields named, keys bound to their tenant, large
//! batches accepted.

use serde_json::json;
use test_support::{on_both_backends, spawn_app, Backend};

use super::*;

on_both_backends!(
    events_are_applied_once_and_bad_fields_named,
    a_key_only_works_for_its_own_tenant,
    a_thousand_event_batch_is_accepted,
    unauthenticated_or_oversize_bodies_are_refused_before_they_are_read,
    an_idempotency_key_replays_the_first_answer_and_refuses_misuse,
    ten_concurrent_requests_with_one_key_have_one_effect,
    a_claim_abandoned_by_a_dead_process_is_taken_over,
);

async fn events_are_applied_once_and_bad_fields_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let start = app
        .store
        .position(ff, "FF-0001", "S-AMS1")
        .await
        .unwrap()
        .unwrap()
        .on_hand;
    let batch = json!({"events": [event("r1", "sale", "S-AMS1", "FF-0001", 2), event("r2", "return", "S-AMS1", "FF-0001", 1)]});
    let res = post_events(&app, "/t/freshfield/api/v1/events", &key, &batch).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"accepted": 2, "duplicates": 0})
    );
    // The same batch again, this time by host: nothing changes.
    let replay = super::spec::send_checked(
        "POST",
        "/api/v1/events",
        app.client()
            .post(app.url("/api/v1/events"))
            .header("host", "freshfield.localhost")
            .bearer_auth(&key)
            .json(&batch),
    )
    .await;
    assert_eq!(
        replay.json::<Value>().await.unwrap(),
        json!({"accepted": 0, "duplicates": 2})
    );
    assert_eq!(
        app.store
            .position(ff, "FF-0001", "S-AMS1")
            .await
            .unwrap()
            .unwrap()
            .on_hand,
        start - 1
    );

    let bad = json!({"events": [event("r3", "sale", "S-AMS1", "FF-0001", 1), event("r4", "sale", "S-AMS1", "FF-0001", -5)]});
    let res = post_events(&app, "/t/freshfield/api/v1/events", &key, &bad).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["status"], 422);
    assert_eq!(problem["errors"][0]["pointer"], "/events/1/quantity");
    assert!(problem["detail"]
        .as_str()
        .unwrap()
        .contains("/events/1/quantity"));
    assert_eq!(
        app.store
            .position(ff, "FF-0001", "S-AMS1")
            .await
            .unwrap()
            .unwrap()
            .on_hand,
        start - 1,
        "nothing of the bad batch was applied"
    );
    assert_eq!(app.store.event_count(ff).await.unwrap(), 2);

    let c = app.client();
    let url = app.url("/t/freshfield/api/v1/events");
    let text = super::spec::send_checked(
        "POST",
        "/t/freshfield/api/v1/events",
        c.post(&url)
            .bearer_auth(&key)
            .header("content-type", "text/plain")
            .body("{}"),
    )
    .await;
    assert_eq!(text.status(), 415);
    let broken = super::spec::send_checked(
        "POST",
        "/t/freshfield/api/v1/events",
        c.post(&url)
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body("{\"events\": ["),
    )
    .await;
    assert_eq!(broken.status(), 400);
    assert!(broken.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    // What the posted events queued runs cleanly.
    app.run_pending_jobs().await;
}

async fn a_key_only_works_for_its_own_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let rl = app.tenant("ridgeline").await;
    let ff_key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let batch = json!({"events": [event("x1", "count", "S-KOE", "RL-001", 0)]});
    let before = app
        .store
        .position(rl, "RL-001", "S-KOE")
        .await
        .unwrap()
        .unwrap()
        .on_hand;
    for (path, key) in [
        ("/t/ridgeline/api/v1/events", ff_key.as_str()),
        ("/t/ridgeline/api/v1/events", "sw_nope_nope"),
        ("/t/ridgeline/api/v1/events", ""),
    ] {
        let res = post_events(&app, path, key, &batch).await;
        assert_eq!(res.status(), 401, "{key:?}");
        assert_eq!(res.headers()["www-authenticate"], "Bearer");
    }
    let no_header = super::spec::send_checked(
        "POST",
        "/t/ridgeline/api/v1/events",
        app.client()
            .post(app.url("/t/ridgeline/api/v1/events"))
            .json(&batch),
    )
    .await;
    assert_eq!(no_header.status(), 401);
    assert_eq!(
        app.store
            .position(rl, "RL-001", "S-KOE")
            .await
            .unwrap()
            .unwrap()
            .on_hand,
        before
    );
    assert_eq!(app.store.event_count(rl).await.unwrap(), 0);
}

async fn a_thousand_event_batch_is_accepted(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let events: Vec<Value> = (0..1000)
        .map(|i| {
            event(
                &format!("big-{i}"),
                "sale",
                ["S-AMS1", "S-UTR", "S-RTM"][i % 3],
                &format!("FF-{:04}", 1 + i % 240),
                1,
            )
        })
        .collect();
    let res = post_events(
        &app,
        "/t/freshfield/api/v1/events",
        &key,
        &json!({ "events": events }),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"accepted": 1000, "duplicates": 0})
    );
    assert_eq!(app.store.event_count(ff).await.unwrap(), 1000);
    // What the posted events queued runs cleanly.
    app.run_pending_jobs().await;
}

/// Sends only the head of a request (no body) and returns the status line the server
/// answers with: it must answer without waiting for the body it refuses.
async fn head_only(app: &test_support::TestApp, length: u64, headers: &str) -> String {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
        .await
        .unwrap();
    let head = format!(
        "POST /t/freshfield/api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\n{headers}\r\n",
        app.port
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut line = String::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        BufReader::new(stream).read_line(&mut line),
    )
    .await
    .expect("answered without the body")
    .unwrap();
    line
}

async fn unauthenticated_or_oversize_bodies_are_refused_before_they_are_read(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = app.api_key("freshfield").await;
    // No key: 401 at once, without waiting for the megabyte the request announced.
    let line = head_only(&app, 1_000_000, "").await;
    assert!(line.contains(" 401 "), "{line}");
    // A key, but 100 MB declared: 413 at once.
    let line = head_only(
        &app,
        100_000_000,
        &format!("Authorization: Bearer {key}\r\n"),
    )
    .await;
    assert!(line.contains(" 413 "), "{line}");
}

async fn post_with_key(
    app: &test_support::TestApp,
    key: &str,
    idem: &str,
    batch: &serde_json::Value,
) -> reqwest::Response {
    super::spec::send_checked(
        "POST",
        "/t/freshfield/api/v1/events",
        app.client()
            .post(app.url("/t/freshfield/api/v1/events"))
            .bearer_auth(key)
            .header("idempotency-key", idem)
            .json(batch),
    )
    .await
}

async fn an_idempotency_key_replays_the_first_answer_and_refuses_misuse(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [event("i1", "sale", "S-AMS1", "FF-0001", 2)]});
    let first = post_with_key(&app, &key, "order-1", &batch).await;
    assert_eq!(first.status(), 200);
    assert!(first.headers().get("idempotent-replayed").is_none());
    assert_eq!(body(first).await, r#"{"accepted":1,"duplicates":0}"#);
    // The retry gets the first answer again (without the key it would read "duplicates").
    let again = post_with_key(&app, &key, "order-1", &batch).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(body(again).await, r#"{"accepted":1,"duplicates":0}"#);
    // The same key for another request: 422, nothing applied.
    let other = json!({"events": [event("i2", "sale", "S-AMS1", "FF-0001", 5)]});
    let res = post_with_key(&app, &key, "order-1", &other).await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("another request"));
    // Keys too long, empty or with spaces: 400.
    for bad in ["k".repeat(256), String::new(), "a b".into()] {
        let res = post_with_key(&app, &key, &bad, &other).await;
        assert_eq!(res.status(), 400, "{bad:?}");
    }
    // An error answer is kept too: the same bad batch with its key reads the same.
    let invalid = json!({"events": [event("i3", "sale", "NOPE", "FF-0001", 1)]});
    let res = post_with_key(&app, &key, "bad-1", &invalid).await;
    assert_eq!(res.status(), 422);
    let res = post_with_key(&app, &key, "bad-1", &invalid).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["idempotent-replayed"], "true");
    // Keys belong to one API key: another key's "order-1" is its own.
    let second = app.api_key("freshfield").await;
    let res = post_with_key(&app, &second, "order-1", &batch).await;
    assert!(res.headers().get("idempotent-replayed").is_none());
    assert_eq!(body(res).await, r#"{"accepted":0,"duplicates":1}"#);
    // After 24 hours a key is forgotten.
    assert!(
        app.store
            .purge_idempotency_keys(ff, engine::model::now_ms() - 86_400_000)
            .await
            .unwrap()
            == 0
    );
    assert_eq!(
        app.store
            .purge_idempotency_keys(ff, engine::model::now_ms() + 1)
            .await
            .unwrap(),
        3
    );
    let res = post_with_key(&app, &key, "order-1", &batch).await;
    assert!(res.headers().get("idempotent-replayed").is_none());
    assert_eq!(body(res).await, r#"{"accepted":0,"duplicates":1}"#);
    app.run_pending_jobs().await;
}

async fn ten_concurrent_requests_with_one_key_have_one_effect(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [event("c1", "sale", "S-AMS1", "FF-0001", 1)]});
    let answers = futures_join(&app, &key, &batch).await;
    let fresh: Vec<&(u16, bool, String)> = answers.iter().filter(|a| !a.1 && a.0 == 200).collect();
    assert_eq!(fresh.len(), 1, "one request ran: {answers:?}");
    assert_eq!(fresh[0].2, r#"{"accepted":1,"duplicates":0}"#);
    for (status, replayed, text) in &answers {
        assert!(
            *status == 409 || (*status == 200 && text == r#"{"accepted":1,"duplicates":0}"#),
            "every other answer is the same or 'in progress': {status} {replayed} {text}"
        );
    }
    app.run_pending_jobs().await;
}

/// Ten requests with one Idempotency-Key at once: (status, replayed, body) each.
async fn futures_join(
    app: &test_support::TestApp,
    key: &str,
    batch: &serde_json::Value,
) -> Vec<(u16, bool, String)> {
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (client, url, key, batch) = (
            app.client(),
            app.url("/t/freshfield/api/v1/events"),
            key.to_string(),
            batch.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let res = super::spec::send_checked(
                "POST",
                "/t/freshfield/api/v1/events",
                client
                    .post(url)
                    .bearer_auth(key)
                    .header("idempotency-key", "same-for-all")
                    .json(&batch),
            )
            .await;
            let replayed = res.headers().get("idempotent-replayed").is_some();
            (res.status().as_u16(), replayed, res.text().await.unwrap())
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

async fn a_claim_abandoned_by_a_dead_process_is_taken_over(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    let key_id = app
        .store
        .api_keys(ff, engine::model::now_ms())
        .await
        .unwrap()[0]
        .id;
    let batch = json!({"events": [event("a1", "sale", "S-AMS1", "FF-0001", 1)]});
    let hash = engine::idempotency::request_hash(
        "POST",
        "/api/v1/events",
        &serde_json::to_vec(&batch).unwrap(),
    );
    // A request claimed the key and its process died: no answer was ever kept.
    let now = engine::model::now_ms();
    let dead = now - 10 * 60_000;
    assert!(app
        .store
        .claim_idempotency_key(ff, key_id, "crash-1", &hash, "dead", dead, dead - 1)
        .await
        .unwrap()
        .is_none());
    // A fresh claim still running is "in progress"; an abandoned one is taken over.
    assert!(app
        .store
        .claim_idempotency_key(ff, key_id, "busy-1", &hash, "busy", now, now - 1)
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        post_with_key(&app, &key, "busy-1", &batch).await.status(),
        409
    );
    let res = post_with_key(&app, &key, "crash-1", &batch).await;
    assert_eq!(res.status(), 200);
    assert_eq!(body(res).await, r#"{"accepted":1,"duplicates":0}"#);
    app.run_pending_jobs().await;
}
