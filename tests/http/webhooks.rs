//! Webhooks both ways, through the portal and the wire:
//!
//! - outbound: an endpoint added in the portal gets the tenant's events signed with
//!   Standard Webhooks, checked here by an independent implementation (the
//!   `standardwebhooks` crate, not our verifier); a receiver that fails for a while is
//!   retried on the specification's schedule and loses nothing; one that keeps failing
//!   is dead-lettered into the exception queue and replayed from the delivery log; 410
//!   disables the endpoint; redirects are not followed, slow receivers time out, and
//!   private addresses are refused after DNS; a rotated secret signs beside the old one;
//! - inbound: a Standard Webhooks source and a Shopify source post stock levels; forged,
//!   empty, truncated, stale and re-serialised requests are refused with nothing stored,
//!   and a redelivered webhook is applied once;
//! - another tenant's admin reaches none of it.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use engine::model::now_ms;
use test_support::{
    logins, on_both_backends, spawn_app, spawn_app_with, Backend, Options, TestApp,
};

use super::*;

async fn body_json(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

on_both_backends!(
    an_endpoint_gets_signed_events_that_an_independent_verifier_accepts,
    a_receiver_that_fails_for_a_while_loses_nothing_and_sees_each_event_once,
    a_delivery_that_keeps_failing_is_dead_lettered_then_replayed_and_410_disables,
    redirects_slow_receivers_and_private_addresses_are_refused,
    signed_stock_levels_come_in_once_and_forgeries_store_nothing,
    another_tenants_admin_reaches_no_webhook,
);

const PAGE: &str = "/t/freshfield/settings/integrations";

/// A scripted answer: the status and extra headers.
type Answer = (u16, Vec<(&'static str, String)>);

/// What the test receiver got: each request's headers and body.
#[derive(Clone, Debug)]
struct Got {
    id: String,
    headers: HeaderMap,
    body: String,
}

/// A local webhook receiver answering from a script (200 once it runs out), that
/// applies each `webhook-id` once, as a careful receiver does.
#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Got>>>,
    script: Arc<Mutex<VecDeque<Answer>>>,
    applied: Arc<Mutex<HashMap<String, usize>>>,
    delay: Arc<Mutex<Option<std::time::Duration>>>,
    /// Answer every request with this status (a receiver that is down).
    always: Arc<Mutex<Option<u16>>>,
    url: String,
}

impl Receiver {
    async fn start() -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut r = Receiver {
            url: format!(
                "http://127.0.0.1:{}/hook",
                listener.local_addr().unwrap().port()
            ),
            ..Receiver::default()
        };
        let me = r.clone();
        let app = axum::Router::new()
            .route(
                "/hook",
                axum::routing::post(move |headers: HeaderMap, body: String| {
                    let me = me.clone();
                    async move { me.answer(headers, body).await }
                }),
            )
            .route("/elsewhere", axum::routing::post(|| async { "moved here" }));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        r.url = r.url.clone();
        r
    }

    async fn answer(&self, headers: HeaderMap, body: String) -> axum::response::Response {
        let delay = *self.delay.lock().unwrap();
        if let Some(d) = delay {
            tokio::time::sleep(d).await;
        }
        let id = headers
            .get("webhook-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        self.got.lock().unwrap().push(Got {
            id: id.clone(),
            headers: headers.clone(),
            body,
        });
        let always = *self.always.lock().unwrap();
        let (status, extra) = match always {
            Some(status) => (status, Vec::new()),
            None => self
                .script
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or((200, Vec::new())),
        };
        if (200..300).contains(&status) {
            *self.applied.lock().unwrap().entry(id).or_default() += 1;
        }
        let mut res = (StatusCode::from_u16(status).unwrap(), "ok").into_response();
        for (name, value) in extra {
            res.headers_mut().insert(name, value.parse().unwrap());
        }
        res
    }

    fn answer_next(&self, statuses: &[u16]) {
        let mut s = self.script.lock().unwrap();
        for st in statuses {
            s.push_back((*st, Vec::new()));
        }
    }

    fn got(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }
}

/// The `whsec_` secret a page shows once, if it shows one.
fn shown_secret(page: &str) -> Option<String> {
    let at = page.find("whsec_")?;
    Some(
        page[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "_+/=".contains(*c))
            .collect(),
    )
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    body(client.get(app.url(path)).send().await.unwrap()).await
}

fn location(res: &reqwest::Response) -> String {
    urlencoding_decode(res.headers()["location"].to_str().unwrap())
}

/// Adds an endpoint for `url` taking `events` as freshfield's admin; its id and secret.
async fn add_endpoint(
    app: &TestApp,
    admin: &reqwest::Client,
    url: &str,
    events: &[&str],
) -> (i64, String) {
    let mut form = vec![("url", url)];
    form.extend(events.iter().map(|e| ("event", *e)));
    let res = app
        .post_form(admin, &format!("{PAGE}/endpoints"), &form)
        .await;
    let to = location(&res);
    assert!(to.contains("notice="), "{to}");
    let html = page(app, admin, PAGE).await;
    let secret = shown_secret(&html).expect("the secret is shown once");
    assert!(
        shown_secret(&page(app, admin, PAGE).await).is_none(),
        "and only once"
    );
    let ff = app.tenant("freshfield").await;
    let id = app
        .store
        .webhook_endpoints(ff)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    (id, secret)
}

fn verify(secret: &str, got: &Got) -> Result<(), String> {
    standardwebhooks::Webhook::new(secret)
        .map_err(|e| e.to_string())?
        .verify(got.body.as_bytes(), &got.headers)
        .map_err(|e| e.to_string())
}

async fn deliveries(app: &TestApp, endpoint: i64) -> Vec<engine::store::DeliveryRecord> {
    let ff = app.tenant("freshfield").await;
    app.store
        .webhook_deliveries(ff, endpoint, None, 200)
        .await
        .unwrap()
}

async fn an_endpoint_gets_signed_events_that_an_independent_verifier_accepts(backend: Backend) {
    let app = spawn_app(backend).await;
    let rx = Receiver::start().await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    assert!(page(&app, &admin, PAGE).await.contains("No endpoints yet"));
    // Bad input is named, and adds nothing.
    for (form, says) in [
        (vec![("url", rx.url.as_str())], "at least one"),
        (
            vec![("url", "ftp://x.example"), ("event", "transfer.*")],
            "https://",
        ),
        (
            vec![("url", rx.url.as_str()), ("event", "everything")],
            "not an event type",
        ),
    ] {
        let to = location(
            &app.post_form(&admin, &format!("{PAGE}/endpoints"), &form)
                .await,
        );
        assert!(to.contains("error=") && to.contains(says), "{to}");
    }
    let (ep, secret) = add_endpoint(
        &app,
        &admin,
        &rx.url,
        &["availability.changed", "transfer.*", "purchase_order.*"],
    )
    .await;
    // Stock moves (availability) and the replenishment that follows (a transfer).
    app.low_store_transfer().await;
    app.run_pending_jobs().await;
    let got = rx.got();
    assert!(!got.is_empty(), "events were delivered");
    let mut types = Vec::new();
    for g in &got {
        verify(&secret, g).unwrap_or_else(|e| panic!("{e}: {}", g.body));
        let v: Value = serde_json::from_str(&g.body).unwrap();
        types.push(v["type"].as_str().unwrap().to_string());
    }
    assert!(
        types.iter().any(|t| t == "availability.changed"),
        "{types:?}"
    );
    assert!(
        types.iter().any(|t| t.starts_with("transfer.")),
        "{types:?}"
    );
    let availability = got
        .iter()
        .find(|g| g.body.contains("availability.changed"))
        .unwrap();
    let v: Value = serde_json::from_str(&availability.body).unwrap();
    assert!(v["data"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["location"] == "S-AMS1" && p["on_hand"] == 3));
    // A forged signature does not pass the independent verifier either.
    let mut forged = got[0].clone();
    forged.body.push(' ');
    assert!(verify(&secret, &forged).is_err());
    // The delivery log shows each delivery with its request and attempt.
    let log = page(&app, &admin, &format!("{PAGE}/endpoints/{ep}")).await;
    assert!(
        log.contains("Delivered") && log.contains("HTTP 200"),
        "{log}"
    );
    assert!(log.contains(&got[0].id));
    assert!(deliveries(&app, ep)
        .await
        .iter()
        .all(|d| d.state == "succeeded" && d.attempts == 1));

    // Rotating the secret: both sign during the overlap, so a receiver still on the old
    // secret verifies, and one already on the new secret does too.
    let to = location(
        &app.post_form(
            &admin,
            &format!("{PAGE}/endpoints/{ep}/rotate"),
            &[("overlap_hours", "24")],
        )
        .await,
    );
    assert!(to.contains("notice="), "{to}");
    let new_secret = shown_secret(&page(&app, &admin, PAGE).await).unwrap();
    assert_ne!(new_secret, secret);
    let before = rx.got().len();
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [event("rot-1", "count", "S-AMS1", "FF-0001", 9)]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let after = rx.got();
    let fresh = &after[before..];
    assert!(!fresh.is_empty());
    for g in fresh {
        let sig = g.headers["webhook-signature"].to_str().unwrap();
        assert_eq!(sig.split(' ').count(), 2, "{sig}");
        verify(&secret, g).unwrap();
        verify(&new_secret, g).unwrap();
    }
    // Disabled: nothing more goes out.
    app.post_form(&admin, &format!("{PAGE}/endpoints/{ep}/disable"), &[])
        .await;
    let before = rx.got().len();
    let batch = json!({"events": [event("rot-2", "count", "S-AMS1", "FF-0001", 8)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_pending_jobs().await;
    assert_eq!(rx.got().len(), before);
    assert!(page(&app, &admin, PAGE).await.contains("Disabled"));
}

async fn a_receiver_that_fails_for_a_while_loses_nothing_and_sees_each_event_once(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let rx = Receiver::start().await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let (ep, _) = add_endpoint(&app, &admin, &rx.url, &["availability.changed"]).await;
    let key = app.api_key("freshfield").await;
    // The receiver is down: 503, then 429 asking for two minutes, then 500, then well.
    rx.answer_next(&[503]);
    rx.script
        .lock()
        .unwrap()
        .push_back((429, vec![("retry-after", "120".into())]));
    rx.answer_next(&[500]);
    let batch = json!({"events": [event("f-1", "count", "S-AMS1", "FF-0001", 7)]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let d = deliveries(&app, ep).await.pop().unwrap();
    assert_eq!(
        (d.state.as_str(), d.attempts, d.last_status),
        ("pending", 1, Some(503))
    );
    let first = d.id;
    // The first retry comes 5 s later (±20 %), not before.
    let next = d.next_attempt_at.unwrap();
    let sent = rx.got().len();
    let gap = next - now_ms();
    assert!((3_000..=6_500).contains(&gap), "{gap}");
    app.run_jobs_due_at(next - 2_000).await;
    assert_eq!(rx.got().len(), sent, "nothing is sent before its time");
    let mut at = next;
    app.run_jobs_due_at(at).await;
    let ff = app.tenant("freshfield").await;
    let d = app
        .store
        .webhook_delivery(ff, first)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((d.attempts, d.last_status), (2, Some(429)));
    // Retry-After (120 s) is shorter than the schedule's 5 min: the schedule wins.
    let tried = app.store.webhook_attempts(ff, first).await.unwrap()[1].attempted_at;
    let wait = d.next_attempt_at.unwrap() - tried;
    assert!((240_000..=365_000).contains(&wait), "{wait}");
    // Meanwhile another event comes; both arrive once the receiver recovers.
    let batch = json!({"events": [event("f-2", "count", "S-AMS1", "FF-0001", 6)]});
    app.post_events("freshfield", &key, &batch).await;
    for _ in 0..4 {
        at += 40 * 60_000;
        app.run_jobs_due_at(at).await;
    }
    let all = deliveries(&app, ep).await;
    assert!(all.iter().all(|d| d.state == "succeeded"), "{all:?}");
    let applied = rx.applied.lock().unwrap().clone();
    assert_eq!(applied.len(), all.len(), "every event arrived");
    assert!(
        applied.values().all(|n| *n == 1),
        "each applied once: {applied:?}"
    );
    let tries = app.store.webhook_attempts(ff, first).await.unwrap();
    let statuses: Vec<Option<i64>> = tries.iter().map(|t| t.status).collect();
    assert_eq!(statuses[..2], [Some(503), Some(429)]);
    assert_eq!(statuses.last(), Some(&Some(200)));
    // Three failures and one success per event: nothing sent more than needed.
    let attempts: i64 = all.iter().map(|d| d.attempts).sum();
    assert_eq!(attempts, 3 + all.len() as i64);
    assert_eq!(rx.got().len() as i64, attempts);
}

async fn a_delivery_that_keeps_failing_is_dead_lettered_then_replayed_and_410_disables(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let rx = Receiver::start().await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let (ep, _) = add_endpoint(&app, &admin, &rx.url, &["availability.changed"]).await;
    let key = app.api_key("freshfield").await;
    *rx.always.lock().unwrap() = Some(500);
    let batch = json!({"events": [event("d-1", "count", "S-AMS1", "FF-0001", 7)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_pending_jobs().await;
    let first = deliveries(&app, ep).await.pop().unwrap().id;
    let mut at = now_ms();
    for _ in 0..12 {
        let ff = app.tenant("freshfield").await;
        let d = app
            .store
            .webhook_delivery(ff, first)
            .await
            .unwrap()
            .unwrap();
        let Some(next) = d.next_attempt_at.filter(|_| d.state == "pending") else {
            break;
        };
        at = at.max(next) + 1_000;
        app.run_jobs_due_at(at).await;
    }
    let ff = app.tenant("freshfield").await;
    let d = app
        .store
        .webhook_delivery(ff, first)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (d.state.as_str(), d.attempts),
        ("failed", 10),
        "ten attempts, then it stops"
    );
    assert_eq!(rx.got().iter().filter(|g| g.id == d.message_id).count(), 10);
    *rx.always.lock().unwrap() = None;
    // The staff are told: an exception names the delivery and where to replay it.
    let ff = app.tenant("freshfield").await;
    let open = app.store.exceptions(ff, "open", None, 50).await.unwrap();
    let failing: Vec<_> = open
        .iter()
        .filter(|e| e.subject == format!("webhook_endpoint:{ep}") && e.title.contains("failing"))
        .collect();
    assert_eq!(failing.len(), 1, "one exception for the endpoint: {open:?}");
    assert!(failing[0].detail.contains("Delivery log"), "{open:?}");
    // Replayed from the log, the same message (same webhook-id) goes out and arrives.
    let log = page(&app, &admin, &format!("{PAGE}/endpoints/{ep}")).await;
    assert!(
        log.contains("Send again") && log.contains("HTTP 500"),
        "{log}"
    );
    let to = location(
        &app.post_form(&admin, &format!("{PAGE}/deliveries/{}/replay", d.id), &[])
            .await,
    );
    assert!(to.contains("notice="), "{to}");
    let to = location(
        &app.post_form(&admin, &format!("{PAGE}/deliveries/{}/replay", d.id), &[])
            .await,
    );
    assert!(
        to.contains("error=") && to.contains("Only a failed delivery"),
        "{to}"
    );
    app.run_jobs_due_at(at).await;
    let d = app
        .store
        .webhook_delivery(ff, first)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((d.state.as_str(), d.attempts), ("succeeded", 11));
    assert_eq!(rx.applied.lock().unwrap()[&d.message_id], 1);

    // A delivery waiting for its retry when the endpoint is disabled, then enabled and
    // sent again: the old retry sends nothing, the replay sends once.
    *rx.always.lock().unwrap() = Some(503);
    let batch = json!({"events": [event("d-1b", "count", "S-AMS1", "FF-0001", 6)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_pending_jobs().await;
    let waiting = deliveries(&app, ep).await.remove(0);
    assert_eq!((waiting.state.as_str(), waiting.attempts), ("pending", 1));
    app.post_form(&admin, &format!("{PAGE}/endpoints/{ep}/disable"), &[])
        .await;
    let w = app
        .store
        .webhook_delivery(ff, waiting.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(w.state, "failed");
    let replay = format!("{PAGE}/deliveries/{}/replay", w.id);
    let to = location(&app.post_form(&admin, &replay, &[]).await);
    assert!(to.contains("Enable the endpoint first"), "{to}");
    app.post_form(&admin, &format!("{PAGE}/endpoints/{ep}/enable"), &[])
        .await;
    *rx.always.lock().unwrap() = None;
    app.post_form(&admin, &replay, &[]).await;
    at += 3_600_000;
    app.run_jobs_due_at(at).await;
    let w = app
        .store
        .webhook_delivery(ff, waiting.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((w.state.as_str(), w.attempts), ("succeeded", 2));
    assert_eq!(rx.got().iter().filter(|g| g.id == w.message_id).count(), 2);

    // 410 Gone: the endpoint is disabled at once, and the staff are told.
    *rx.always.lock().unwrap() = Some(410);
    let batch = json!({"events": [event("d-2", "count", "S-AMS1", "FF-0001", 5)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_jobs_due_at(at).await;
    let endpoint = app.store.webhook_endpoint(ff, ep).await.unwrap().unwrap();
    assert!(endpoint.disabled_at.is_some());
    assert!(endpoint.disabled_reason.unwrap().contains("410"));
    let open = app.store.exceptions(ff, "open", None, 50).await.unwrap();
    assert!(
        open.iter()
            .any(|e| e.title.contains("was disabled") && e.detail.contains("410 Gone")),
        "{open:?}"
    );
    let sent = rx.got().len();
    let batch = json!({"events": [event("d-3", "count", "S-AMS1", "FF-0001", 4)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_jobs_due_at(at).await;
    assert_eq!(rx.got().len(), sent, "a disabled endpoint gets nothing");
}

async fn redirects_slow_receivers_and_private_addresses_are_refused(backend: Backend) {
    // This app may reach no private address at all (production's default).
    let app = spawn_app_with(
        backend,
        Options {
            webhook_allowed_networks: Vec::new(),
            webhook_timeout_seconds: 1,
            ..Options::default()
        },
    )
    .await;
    let rx = Receiver::start().await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://10.0.0.1/",
    ] {
        let to = location(
            &app.post_form(
                &admin,
                &format!("{PAGE}/endpoints"),
                &[("url", url), ("event", "availability.changed")],
            )
            .await,
        );
        assert!(
            to.contains("error=") && to.contains("refused"),
            "{url}: {to}"
        );
    }
    // A name is checked after DNS: localhost resolves to loopback (and is checked again
    // on every send, inside the client's resolver: engine::webhooks::guard's tests).
    let port = rx.url.rsplit(':').next().unwrap().to_string();
    let named = format!("http://localhost:{port}");
    let form = [("url", named.as_str()), ("event", "availability.changed")];
    let to = location(
        &app.post_form(&admin, &format!("{PAGE}/endpoints"), &form)
            .await,
    );
    assert!(to.contains("error=") && to.contains("resolves to"), "{to}");
    let ff = app.tenant("freshfield").await;
    assert!(app.store.webhook_endpoints(ff).await.unwrap().is_empty());
    assert!(
        rx.got().is_empty(),
        "the private receiver was never reached"
    );

    // Where the receiver is allowed: a redirect is a failure (not followed), and a
    // receiver slower than the timeout is given up on.
    let app = spawn_app_with(
        backend,
        Options {
            webhook_timeout_seconds: 1,
            ..Options::default()
        },
    )
    .await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let (ep, _) = add_endpoint(&app, &admin, &rx.url, &["availability.changed"]).await;
    rx.script.lock().unwrap().push_back((
        307,
        vec![("location", rx.url.replace("/hook", "/elsewhere"))],
    ));
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [event("r-1", "count", "S-AMS1", "FF-0001", 7)]});
    app.post_events("freshfield", &key, &batch).await;
    app.run_pending_jobs().await;
    let d = deliveries(&app, ep).await.pop().unwrap();
    assert_eq!(d.last_status, Some(307));
    assert!(d.last_error.unwrap().contains("redirects are not followed"));
    *rx.delay.lock().unwrap() = Some(std::time::Duration::from_secs(3));
    app.run_jobs_due_at(d.next_attempt_at.unwrap()).await;
    let d = deliveries(&app, ep).await.pop().unwrap();
    assert_eq!(d.attempts, 2);
    assert!(d.last_error.unwrap().contains("no answer within 1 s"));
    app.allow_queued_jobs();
}

/// Posts a Standard Webhooks request signed by the independent implementation.
async fn post_signed(
    app: &TestApp,
    source: &str,
    secret: &str,
    id: &str,
    ts: i64,
    body: &str,
) -> reqwest::Response {
    let sig = standardwebhooks::Webhook::new(secret)
        .unwrap()
        .sign(id, ts, body.as_bytes())
        .unwrap();
    let path = format!("/t/freshfield/api/v1/webhooks/{source}");
    let request = app
        .client()
        .post(app.url(&path))
        .header("webhook-id", id)
        .header("webhook-timestamp", ts.to_string())
        .header("webhook-signature", sig)
        .body(body.to_string());
    super::spec::send_checked("POST", &path, request).await
}

async fn signed_stock_levels_come_in_once_and_forgeries_store_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let ff = app.tenant("freshfield").await;
    let to = location(
        &app.post_form(
            &admin,
            &format!("{PAGE}/sources"),
            &[("name", "erp"), ("kind", "standard")],
        )
        .await,
    );
    assert!(to.contains("notice="), "{to}");
    let secret = shown_secret(&page(&app, &admin, PAGE).await).unwrap();
    let to = location(
        &app.post_form(
            &admin,
            &format!("{PAGE}/sources"),
            &[("name", "erp"), ("kind", "standard")],
        )
        .await,
    );
    assert!(to.contains("exists already"), "{to}");
    let now = now_ms() / 1_000;
    let body = r#"{"levels":[{"location":"S-AMS1","sku":"FF-0001","on_hand":42}]}"#;
    let on_hand = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .position(ff, "FF-0001", "S-AMS1")
                .await
                .unwrap()
                .map(|p| p.on_hand)
        }
    };
    let events = app.store.event_count(ff).await.unwrap();
    // Refused, with nothing stored: no signature, an empty one, a truncated one, another
    // scheme, a stale or future timestamp, a re-serialised body, another secret.
    let good = standardwebhooks::Webhook::new(&secret)
        .unwrap()
        .sign("msg_1", now, body.as_bytes())
        .unwrap();
    let reserialised = r#"{"levels": [{"location": "S-AMS1", "sku": "FF-0001", "on_hand": 42}]}"#;
    let cases: Vec<(Option<String>, i64, &str)> = vec![
        (None, now, body),
        (Some("v1,".into()), now, body),
        (Some(good[..good.len() - 8].to_string()), now, body),
        (Some(good.replace("v1,", "v1a,")), now, body),
        (Some(good.clone()), now - 301, body),
        (Some(good.clone()), now + 301, body),
        (Some(good.clone()), now, reserialised),
    ];
    for (sig, ts, b) in cases {
        let mut req = app
            .client()
            .post(app.url("/t/freshfield/api/v1/webhooks/erp"))
            .header("webhook-id", "msg_1")
            .header("webhook-timestamp", ts.to_string())
            .body(b.to_string());
        if let Some(s) = &sig {
            req = req.header("webhook-signature", s);
        }
        let res = super::spec::send_checked("POST", "/t/freshfield/api/v1/webhooks/erp", req).await;
        assert_eq!(res.status(), 401, "{sig:?} {ts}");
        assert!(body_json(res).await["detail"].is_string());
    }
    let other = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assert_eq!(
        post_signed(&app, "erp", other, "msg_1", now, body)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.store.event_count(ff).await.unwrap(),
        events,
        "nothing stored"
    );
    let src = app
        .store
        .webhook_source_named(ff, "erp")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(src.received, 0);

    // Signed: applied; the same webhook again is accepted and applied once.
    let res = post_signed(&app, "erp", &secret, "msg_1", now, body).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        body_json(res).await,
        json!({"accepted": 1, "duplicates": 0})
    );
    assert_eq!(on_hand(&app).await, Some(42));
    let res = post_signed(&app, "erp", &secret, "msg_1", now, body).await;
    assert_eq!(
        body_json(res).await,
        json!({"accepted": 0, "duplicates": 1})
    );
    // A body that does not fit is named by field, and nothing of it is applied.
    let bad = r#"{"levels":[{"location":"S-AMS1","sku":"FF-0001","on_hand":-1},{"location":"NOPE","sku":"FF-0001","on_hand":1}]}"#;
    let res = post_signed(&app, "erp", &secret, "msg_2", now, bad).await;
    assert_eq!(res.status(), 422);
    let problem = body_json(res).await;
    let pointers: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert!(pointers.contains(&"/levels/0/on_hand"), "{problem}");
    assert_eq!(on_hand(&app).await, Some(42));
    assert!(page(&app, &admin, PAGE).await.contains("Last problem"));
    // An unknown source is not found.
    assert_eq!(
        post_signed(&app, "nope", &secret, "msg_3", now, body)
            .await
            .status(),
        404
    );

    // Shopify: its own signature over the body, mapped ids.
    let shop_secret = "shpss_0123456789abcdef0123";
    let to = location(
        &app.post_form(
            &admin,
            &format!("{PAGE}/sources"),
            &[
                ("name", "shop"),
                ("kind", "shopify"),
                ("secret", shop_secret),
                (
                    "mapping",
                    "location 24826418 = S-AMS1\nitem 271878346596884015 = FF-0001",
                ),
            ],
        )
        .await,
    );
    assert!(to.contains("notice="), "{to}");
    let shop_body = r#"{"inventory_item_id":271878346596884015,"location_id":24826418,"available":17,"updated_at":"2026-11-30T10:00:00-05:00"}"#;
    let secret_bytes = engine::webhooks::signing::Secret::raw(shop_secret).unwrap();
    let hmac = engine::webhooks::signing::sign_shopify(&secret_bytes, shop_body.as_bytes());
    let shop = |hmac: String, body: &'static str| {
        let request = app
            .client()
            .post(app.url("/t/freshfield/api/v1/webhooks/shop"))
            .header("x-shopify-hmac-sha256", hmac)
            .header("x-shopify-topic", "inventory_levels/update")
            .header(
                "x-shopify-webhook-id",
                "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
            )
            .body(body);
        super::spec::send_checked("POST", "/t/freshfield/api/v1/webhooks/shop", request)
    };
    assert_eq!(shop("AAAA".into(), shop_body).await.status(), 401);
    assert_eq!(on_hand(&app).await, Some(42));
    assert_eq!(shop(hmac.clone(), shop_body).await.status(), 200);
    assert_eq!(on_hand(&app).await, Some(17));
    let again = body_json(shop(hmac.clone(), shop_body).await).await;
    assert_eq!(again["duplicates"], 1);
    // The platform's webhook id is not signed: the same signed body under another id
    // (a captured request replayed) is still the same count.
    let replayed = app
        .client()
        .post(app.url("/t/freshfield/api/v1/webhooks/shop"))
        .header("x-shopify-hmac-sha256", hmac)
        .header("x-shopify-topic", "inventory_levels/update")
        .header("x-shopify-webhook-id", "another-id")
        .body(shop_body)
        .send()
        .await
        .unwrap();
    assert_eq!(body_json(replayed).await["duplicates"], 1);
    app.run_pending_jobs().await;
}

async fn another_tenants_admin_reaches_no_webhook(backend: Backend) {
    let app = spawn_app(backend).await;
    let rx = Receiver::start().await;
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let (ep, _) = add_endpoint(&app, &admin, &rx.url, &["availability.changed"]).await;
    let ff = app.tenant("freshfield").await;
    let planner = app.signed_in("freshfield", logins::FF_PLANNER).await;
    let res = app
        .post_form(
            &planner,
            &format!("{PAGE}/endpoints/{ep}/delete"),
            &[("confirm", "yes")],
        )
        .await;
    assert!(location(&res).contains("error="), "a planner may not");
    let other = app.signed_in("ridgeline", logins::RL_ADMIN).await;
    let theirs = "/t/ridgeline/settings/integrations";
    for op in ["delete", "disable"] {
        let res = app
            .post_form(
                &other,
                &format!("{theirs}/endpoints/{ep}/{op}"),
                &[("confirm", "yes")],
            )
            .await;
        assert!(
            res.status() == 404 || location(&res).contains("error="),
            "{op}"
        );
    }
    let log = page(&app, &other, &format!("{theirs}/endpoints/{ep}")).await;
    assert!(!log.contains(&rx.url), "another tenant's log is not shown");
    let endpoint = app.store.webhook_endpoint(ff, ep).await.unwrap().unwrap();
    assert!(endpoint.disabled_at.is_none(), "nothing changed");
    // Ridgeline's events never go to freshfield's endpoint.
    let key = app.api_key("ridgeline").await;
    let batch = json!({"events": [event("x-1", "count", "S-KOE", "RL-001", 3)]});
    app.post_events("ridgeline", &key, &batch).await;
    app.run_pending_jobs().await;
    assert!(rx.got().is_empty());
}
