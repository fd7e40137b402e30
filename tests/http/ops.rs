//! Operations: health, readiness, metrics kept private, security headers, clean stop.

use serde_json::json;
use test_support::{on_both_backends, spawn_app, spawn_app_with, Backend, Options};

use super::*;

on_both_backends!(
    health_metrics_and_security_headers,
    metrics_are_not_public,
    the_server_stops_cleanly_when_asked,
    readiness_reports_each_worker_and_the_queue,
    the_audit_trail_keeps_the_servers_request_id_not_the_clients,
);

async fn health_metrics_and_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    assert_eq!(
        body(c.get(app.url("/healthz")).send().await.unwrap()).await,
        "ok"
    );
    assert_eq!(
        c.get(app.url("/readyz")).send().await.unwrap().status(),
        200
    );
    let page = c.get(app.url("/t/freshfield/login")).send().await.unwrap();
    assert!(page.headers().contains_key("x-request-id"));
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert!(page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    post_events(
        &app,
        "/t/freshfield/api/v1/events",
        &key,
        &json!({"events": [event("m1", "sale", "S-UTR", "FF-0002", 1)]}),
    )
    .await;
    // The queue's depth is read from the database at scrape time; a scrape that could
    // not read it (a busy test database) leaves it out, so look twice more.
    let mut metrics = String::new();
    for _ in 0..3 {
        metrics = body(c.get(app.url("/metrics")).send().await.unwrap()).await;
        if metrics.contains("shelfwise_jobs{state=") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert!(
        metrics.contains("shelfwise_http_requests_total"),
        "{metrics}"
    );
    assert!(metrics.contains("shelfwise_http_request_duration_seconds"));
    assert!(metrics.contains("shelfwise_events_ingested_total{tenant=\"freshfield\"}"));
    // What the posted events queued runs cleanly.
    app.run_pending_jobs().await;
}

async fn metrics_are_not_public(backend: Backend) {
    // Behind a proxy every caller looks like loopback, so only the token opens /metrics.
    let app = spawn_app_with(
        backend,
        Options {
            behind_proxy_with_metrics_token: Some("scrape-token-123"),
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    let anon = c.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(anon.status(), 404);
    let text = body(anon).await;
    assert!(!text.contains("freshfield") && !text.contains("shelfwise_"));
    let wrong = c
        .get(app.url("/metrics"))
        .bearer_auth("scrape-token-124")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 404);
    let ok = c
        .get(app.url("/metrics"))
        .bearer_auth("scrape-token-123")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert!(body(ok).await.contains("shelfwise_http_requests_total"));
}

async fn the_server_stops_cleanly_when_asked(backend: Backend) {
    let mut app = spawn_app(backend).await;
    let c = app.client();
    assert_eq!(
        c.get(app.url("/healthz")).send().await.unwrap().status(),
        200
    );
    app.stop().await.expect("serving ends without an error");
    assert!(
        c.get(app.url("/healthz")).send().await.is_err(),
        "nothing answers once it has stopped"
    );
}

/// With its workers running (as `serve` runs them), `/readyz` names each worker with its
/// last lap, and `/metrics` carries liveness and the jobs by state as gauges.
async fn readiness_reports_each_worker_and_the_queue(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            workers: true,
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    let mut text = String::new();
    // The workers start their first lap as the server starts.
    for _ in 0..50 {
        let res = c.get(app.url("/readyz")).send().await.unwrap();
        let status = res.status();
        text = body(res).await;
        if status == 200 && text.matches(": alive").count() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(text.starts_with("ready\n"), "{text}");
    assert!(text.contains("database: ok"), "{text}");
    assert!(text.contains("worker replenish: alive"), "{text}");
    assert!(text.contains("worker mail: alive"), "{text}");
    assert!(
        !text.contains("jobs"),
        "the queue's depth is for /metrics, not the public probe"
    );
    let metrics = body(c.get(app.url("/metrics")).send().await.unwrap()).await;
    assert!(
        metrics.contains("shelfwise_worker_alive{worker=\"replenish\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("shelfwise_worker_last_lap_seconds"),
        "{metrics}"
    );
    assert!(metrics.contains("shelfwise_jobs{state="), "{metrics}");
}

/// A client's X-Request-Id is never what the audit trail records: the server issues its
/// own for every request and answers with it.
async fn the_audit_trail_keeps_the_servers_request_id_not_the_clients(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let res = app
        .client()
        .post(app.url("/t/freshfield/login"))
        .header("origin", app.origin())
        .header("x-request-id", "client-chosen-id")
        .form(&[("email", FF_PLANNER.0), ("password", FF_PLANNER.1)])
        .send()
        .await
        .unwrap();
    let answered = res.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(answered, "client-chosen-id");
    let trail = app.store.audit_trail(ff).await.unwrap();
    let signed_in = trail
        .iter()
        .rev()
        .find(|e| e.action == "auth.signed_in")
        .expect("the sign-in is audited");
    assert_eq!(signed_in.request_id.as_deref(), Some(answered.as_str()));
}
