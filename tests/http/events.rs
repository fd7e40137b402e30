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
    let replay = app
        .client()
        .post(app.url("/api/v1/events"))
        .header("host", "freshfield.localhost")
        .bearer_auth(&key)
        .json(&batch)
        .send()
        .await
        .unwrap();
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
    let text = c
        .post(&url)
        .bearer_auth(&key)
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);
    let broken = c
        .post(&url)
        .bearer_auth(&key)
        .header("content-type", "application/json")
        .body("{\"events\": [")
        .send()
        .await
        .unwrap();
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
    let no_header = app
        .client()
        .post(app.url("/t/ridgeline/api/v1/events"))
        .json(&batch)
        .send()
        .await
        .unwrap();
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
