//! The REST API v1: its document and reference page, keyset pages and filters, scopes
//! and tenants, document commands with Idempotency-Key, the rate limit. Every answer is
//! checked against the OpenAPI document (`spec::checked`).

use engine::api_keys::{self, KeyScope};
use serde_json::{json, Value};
use test_support::{on_both_backends, spawn_app, spawn_app_with, Backend, Options, TestApp};

use super::spec::{checked, document, Answer};
use super::*;

on_both_backends!(
    the_document_is_served_and_the_reference_page_shows_every_operation,
    lists_page_through_everything_and_filters_are_checked_by_name,
    scopes_decide_what_a_key_may_do_and_other_tenants_ids_are_not_found,
    document_commands_need_an_idempotency_key_and_run_once,
    subscriptions_are_listed_without_addresses_and_can_be_ended,
    a_key_over_its_budget_gets_429_and_others_are_unaffected,
);

/// A key of `slug` with `scopes`, made by its admin as in the portal.
async fn key_with(app: &TestApp, slug: &str, scopes: &[KeyScope]) -> String {
    let t = app.tenant(slug).await;
    let admin = test_support::member(&app.store, t, &format!("admin@{slug}.example")).await;
    api_keys::create(&app.store, t, &admin, "erp", scopes, None)
        .await
        .unwrap()
        .key
}

async fn get(app: &TestApp, key: &str, path: &str) -> Answer {
    checked(
        "GET",
        path,
        app.client().get(app.url(path)).bearer_auth(key),
    )
    .await
}

async fn post(app: &TestApp, key: &str, path: &str, idem: Option<&str>, body: Value) -> Answer {
    let mut req = app
        .client()
        .post(app.url(path))
        .bearer_auth(key)
        .json(&body);
    if let Some(k) = idem {
        req = req.header("idempotency-key", k);
    }
    checked("POST", path, req).await
}

/// Every page of `path` (which has no query yet) at `limit` rows, following cursors.
async fn all_pages(app: &TestApp, key: &str, path: &str, limit: usize) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..1000 {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = match &cursor {
            Some(c) => format!("{path}{sep}limit={limit}&cursor={c}"),
            None => format!("{path}{sep}limit={limit}"),
        };
        let page = get(app, key, &url).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let page = page.json();
        let data = page["data"].as_array().unwrap();
        assert!(data.len() <= limit);
        rows.extend(data.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => {
                assert_eq!(data.len(), limit, "only the last page is short");
                cursor = Some(c.to_string());
            }
            None => return rows,
        }
    }
    panic!("{path} never ended");
}

async fn the_document_is_served_and_the_reference_page_shows_every_operation(backend: Backend) {
    let app = spawn_app(backend).await;
    let served: Value = app
        .client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        &served,
        document(),
        "the served document is the one checked against"
    );
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = served["paths"].as_object().unwrap();
    for p in [
        "/api/v1/events",
        "/api/v1/positions",
        "/api/v1/products",
        "/api/v1/locations",
        "/api/v1/suppliers",
        "/api/v1/transfers",
        "/api/v1/transfers/{id}",
        "/api/v1/transfers/{id}/{command}",
        "/api/v1/purchase-orders",
        "/api/v1/purchase-orders/{id}",
        "/api/v1/purchase-orders/{id}/{command}",
        "/api/v1/exceptions",
        "/api/v1/exceptions/{id}",
        "/api/v1/subscriptions",
        "/api/v1/subscriptions/{id}",
        "/api/v1/webhooks/{source}",
    ] {
        assert!(paths.contains_key(p), "{p} is documented");
    }
    // Every operation with an API key names its scope and documents 401 and 429; the
    // signed webhook receiver documents 401 (its signature); the widget's public
    // endpoints take neither.
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            if path.starts_with("/api/v1/public/") {
                // The widget's public endpoints take no key.
                continue;
            }
            assert!(
                op["responses"]["401"].is_object(),
                "{method} {path} lists 401"
            );
            if path.starts_with("/api/v1/webhooks/") {
                continue;
            }
            assert!(
                op["security"][0]["api_key"][0].is_string(),
                "{method} {path} names a scope"
            );
            assert!(
                op["responses"]["429"].is_object(),
                "{method} {path} lists 429"
            );
        }
    }
    let page = app
        .client()
        .get(app.url("/api/v1/reference"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    for p in paths.keys() {
        assert!(
            html.contains(&format!("<code>{p}</code>")),
            "the page shows {p}"
        );
    }
    assert!(
        html.contains("id=\"schema-PurchaseOrder\""),
        "schemas are shown"
    );
    assert!(html.contains("manage_documents"), "scopes are shown");
    assert!(
        !html.contains("<script") && !html.contains("src=\"http"),
        "nothing from a CDN"
    );
}

async fn lists_page_through_everything_and_filters_are_checked_by_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let transfer = app.low_store_transfer().await;
    let key = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;

    // Products: every one exactly once across pages of 7, in SKU order.
    let products = all_pages(&app, &key, "/t/freshfield/api/v1/products", 7).await;
    let skus: Vec<&str> = products
        .iter()
        .map(|p| p["sku"].as_str().unwrap())
        .collect();
    let mut sorted = skus.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(skus, sorted, "in order, none twice");
    let (count, _) = app.store.stock_summary(ff).await.unwrap();
    assert_eq!(skus.len() as i64, count, "every product is listed");

    // Positions of one location, paged: as many as the store holds there.
    let at_store = all_pages(
        &app,
        &key,
        "/t/freshfield/api/v1/positions?location=S-AMS1",
        9,
    )
    .await;
    assert!(at_store.len() > 9, "more than one page");
    assert!(at_store.iter().all(|p| p["location"] == "S-AMS1"));
    let low = get(
        &app,
        &key,
        "/t/freshfield/api/v1/positions?low=true&limit=200",
    )
    .await;
    let low = low.json();
    let low = low["data"].as_array().unwrap();
    assert!(!low.is_empty(), "the demo has low positions");
    assert!(low.iter().all(|p| p["low"] == true));

    // Locations, suppliers: codes in order, filtered by kind.
    let dcs = all_pages(&app, &key, "/t/freshfield/api/v1/locations?kind=dc", 2).await;
    assert!(!dcs.is_empty() && dcs.iter().all(|l| l["kind"] == "dc"));
    let suppliers = all_pages(&app, &key, "/t/freshfield/api/v1/suppliers", 2).await;
    assert!(!suppliers.is_empty());

    // The transfer replenishment proposed, in the list and by id; documents and
    // exceptions list newest first.
    let listed = get(
        &app,
        &key,
        "/t/freshfield/api/v1/transfers?state=pending_approval",
    )
    .await;
    let listed = listed.json();
    assert!(listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == transfer));
    let one = get(
        &app,
        &key,
        &format!("/t/freshfield/api/v1/transfers/{transfer}"),
    )
    .await;
    assert_eq!(one.status, 200);
    assert_eq!(one.json()["to_location"], "S-AMS1");
    assert_eq!(one.json()["sku"], "FF-0001");
    assert_eq!(
        get(&app, &key, "/t/freshfield/api/v1/purchase-orders")
            .await
            .status,
        200
    );
    assert_eq!(
        get(&app, &key, "/t/freshfield/api/v1/exceptions?state=open")
            .await
            .status,
        200
    );

    // Bad parameters are refused by name, with nothing listed.
    for (path, status, words) in [
        (
            "/t/freshfield/api/v1/products?limit=0",
            400,
            "limit must be between 1 and 200",
        ),
        (
            "/t/freshfield/api/v1/products?limit=9999999999999999999",
            400,
            "limit must be a whole number",
        ),
        (
            "/t/freshfield/api/v1/products?cursor=zz",
            400,
            "cursor is not one this list gave out",
        ),
        (
            "/t/freshfield/api/v1/products?colour=red",
            400,
            "unknown query parameter 'colour'",
        ),
        (
            "/t/freshfield/api/v1/positions?low=yes",
            400,
            "low must be true or false",
        ),
        (
            "/t/freshfield/api/v1/transfers?state=lost",
            422,
            "state must be one of proposed",
        ),
        (
            "/t/freshfield/api/v1/exceptions?kind=fire",
            422,
            "kind must be one of",
        ),
    ] {
        let answer = get(&app, &key, path).await;
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert!(
            answer.json()["detail"].as_str().unwrap().contains(words),
            "{path}: {}",
            answer.body
        );
        assert!(answer
            .header("content-type")
            .unwrap()
            .starts_with("application/problem+json"));
    }
    // A cursor of one list is no cursor for another, even of the same shape.
    let page = get(&app, &key, "/t/freshfield/api/v1/products?limit=1")
        .await
        .json();
    let c = page["next_cursor"].as_str().expect("more than one product");
    for other in ["locations", "suppliers", "transfers", "positions"] {
        let wrong = get(
            &app,
            &key,
            &format!("/t/freshfield/api/v1/{other}?cursor={c}"),
        )
        .await;
        assert_eq!(wrong.status, 400, "{other}");
    }
    // Another tenant's lists hold none of this tenant's rows.
    let rl = key_with(&app, "ridgeline", &[KeyScope::ReadInventory]).await;
    let theirs = get(&app, &rl, "/t/ridgeline/api/v1/transfers?limit=200")
        .await
        .json();
    assert!(theirs["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["id"] != transfer));
    let their_products = all_pages(&app, &rl, "/t/ridgeline/api/v1/products", 50).await;
    assert!(their_products
        .iter()
        .all(|p| !p["sku"].as_str().unwrap().starts_with("FF-")));
}

async fn scopes_decide_what_a_key_may_do_and_other_tenants_ids_are_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let transfer = app.low_store_transfer().await;
    let events_only = key_with(&app, "freshfield", &[KeyScope::WriteEvents]).await;
    let reader = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;
    let ridgeline = key_with(
        &app,
        "ridgeline",
        &[KeyScope::ReadInventory, KeyScope::ManageDocuments],
    )
    .await;

    let refused = get(&app, &events_only, "/t/freshfield/api/v1/positions").await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("read_inventory"), "{}", refused.body);
    let refused = post(
        &app,
        &reader,
        &format!("/t/freshfield/api/v1/transfers/{transfer}/cancel"),
        Some("k-1"),
        json!({}),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert!(
        refused.body.contains("manage_documents"),
        "{}",
        refused.body
    );
    let events = post(
        &app,
        &reader,
        "/t/freshfield/api/v1/events",
        None,
        json!({"events": [event("x1", "sale", "S-AMS1", "FF-0001", 1)]}),
    )
    .await;
    assert_eq!(events.status, 403, "a read-only key writes no events");

    // Another tenant's key, on this tenant's address: not a key here.
    assert_eq!(
        get(&app, &ridgeline, "/t/freshfield/api/v1/transfers")
            .await
            .status,
        401
    );
    // On its own address, this tenant's ids do not exist, read or commanded.
    for path in [
        format!("/t/ridgeline/api/v1/transfers/{transfer}"),
        "/t/ridgeline/api/v1/transfers/abc".to_string(),
        "/t/ridgeline/api/v1/transfers/-1".to_string(),
        "/t/ridgeline/api/v1/purchase-orders/1".to_string(),
        "/t/ridgeline/api/v1/exceptions/1".to_string(),
    ] {
        assert_eq!(get(&app, &ridgeline, &path).await.status, 404, "{path}");
    }
    let other = post(
        &app,
        &ridgeline,
        &format!("/t/ridgeline/api/v1/transfers/{transfer}/cancel"),
        Some("k-2"),
        json!({}),
    )
    .await;
    assert_eq!(other.status, 404);
    let ff = app.tenant("freshfield").await;
    assert_eq!(
        app.transfer_state(ff, transfer).await,
        "pending_approval",
        "nothing changed"
    );

    // No key, a made-up key, a revoked key: 401.
    let t = ff;
    let admin = test_support::member(&app.store, t, "admin@freshfield.example").await;
    let keys = api_keys::list(&app.store, t, &admin).await.unwrap();
    let reader_id = keys.iter().find(|k| reader.contains(&k.prefix)).unwrap().id;
    api_keys::revoke(&app.store, t, &admin, reader_id, None)
        .await
        .unwrap();
    for key in [reader.as_str(), "sw_00000000_nothing"] {
        let answer = get(&app, key, "/t/freshfield/api/v1/products").await;
        assert_eq!(answer.status, 401, "{key}");
    }
    let none = checked(
        "GET",
        "/t/freshfield/api/v1/products",
        app.client().get(app.url("/t/freshfield/api/v1/products")),
    )
    .await;
    assert_eq!(none.status, 401);
}

async fn document_commands_need_an_idempotency_key_and_run_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let transfer = app.low_store_transfer().await;
    let key = key_with(
        &app,
        "freshfield",
        &[KeyScope::ManageDocuments, KeyScope::ReadInventory],
    )
    .await;
    let path = |cmd: &str| format!("/t/freshfield/api/v1/transfers/{transfer}/{cmd}");

    let missing = post(&app, &key, &path("cancel"), None, json!({})).await;
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("Idempotency-Key"));
    let unknown = post(&app, &key, &path("approve"), Some("k-0"), json!({})).await;
    assert_eq!(
        unknown.status, 404,
        "no key approves: there is no such command"
    );

    // Approved by a person, then shipped through the API: at most what was approved.
    let op = app
        .signed_in(
            "freshfield",
            ("operator@freshfield.example", "freshfield-ops-2026"),
        )
        .await;
    let res = decide(&app, &op, &format!("transfer:{transfer}"), "approve", "ok").await;
    assert_eq!(res.status(), 303);
    let approved = app
        .store
        .transfer(ff, transfer)
        .await
        .unwrap()
        .unwrap()
        .quantity;
    let over = post(
        &app,
        &key,
        &path("ship"),
        Some("ship-over"),
        json!({"quantity": approved + 1}),
    )
    .await;
    assert_eq!(over.status, 422);
    assert!(over.body.contains("approved quantity"), "{}", over.body);
    for bad in [
        json!({}),
        json!({"quantity": "ten"}),
        json!({"quantity": -1, "extra": 1}),
    ] {
        let answer = post(&app, &key, &path("ship"), Some(&format!("bad-{bad}")), bad).await;
        assert_eq!(answer.status, 422, "{}", answer.body);
    }
    assert_eq!(
        app.transfer_state(ff, transfer).await,
        "approved",
        "nothing shipped yet"
    );

    let body = json!({"quantity": approved});
    let shipped = post(&app, &key, &path("ship"), Some("ship-1"), body.clone()).await;
    assert_eq!(shipped.status, 200, "{}", shipped.body);
    assert_eq!(shipped.json()["state"], "shipped");
    assert_eq!(shipped.json()["shipped"], approved);
    // The same request again, by the tenant's host this time: the first answer, marked
    // as a replay, and no second ship.
    let host_path = format!("/api/v1/transfers/{transfer}/ship");
    let again = checked(
        "POST",
        &host_path,
        app.client()
            .post(app.url(&host_path))
            .header("host", "freshfield.localhost")
            .header("idempotency-key", "ship-1")
            .bearer_auth(&key)
            .json(&body),
    )
    .await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json(), shipped.json());
    // A body that is not JSON, or too large: refused before anything runs.
    let text = checked(
        "POST",
        &path("receive"),
        app.client()
            .post(app.url(&path("receive")))
            .header("idempotency-key", "text-1")
            .header("content-type", "text/plain")
            .bearer_auth(&key)
            .body("quantity=1"),
    )
    .await;
    assert_eq!(text.status, 415);
    let big = json!({"quantity": 1, "pad": "x".repeat(20_000)});
    assert_eq!(
        post(&app, &key, &path("receive"), Some("big-1"), big)
            .await
            .status,
        413
    );
    // The key on another request: 422; a new key for a command the state refuses: 409.
    let misuse = post(&app, &key, &path("receive"), Some("ship-1"), body.clone()).await;
    assert_eq!(misuse.status, 422);
    let twice = post(&app, &key, &path("ship"), Some("ship-2"), body.clone()).await;
    assert_eq!(twice.status, 409, "{}", twice.body);
    let received = post(&app, &key, &path("receive"), Some("recv-1"), body).await;
    assert_eq!(received.status, 200, "{}", received.body);
    assert_eq!(received.json()["state"], "received");

    // The audit trail names the key, never a person.
    let trail = app
        .store
        .audit_for_subject(ff, &format!("transfer:{transfer}"))
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.action == "transfer.shipped" && e.actor.starts_with("api_key:")),
        "the ship is the key's: {trail:?}"
    );
    app.run_pending_jobs().await;
}

async fn subscriptions_are_listed_without_addresses_and_can_be_ended(backend: Backend) {
    let app = spawn_app(backend).await;
    // A shopper waits for whole milk at a store that has none.
    let events = app.api_key("freshfield").await;
    let batch = json!({"events": [event("z1", "count", "S-AMS1", "FF-0001", 0)]});
    assert_eq!(
        app.post_events("freshfield", &events, &batch)
            .await
            .status(),
        200
    );
    let res = app
        .post_form(
            &app.client(),
            "/t/freshfield/notify/FF-0001",
            &[
                ("email", "shopper@example.com"),
                ("store", "S-AMS1"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    let reader = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;
    assert_eq!(
        get(&app, &reader, "/t/freshfield/api/v1/subscriptions")
            .await
            .status,
        403
    );
    let key = key_with(&app, "freshfield", &[KeyScope::ManageSubscriptions]).await;
    let list = get(&app, &key, "/t/freshfield/api/v1/subscriptions?sku=FF-0001").await;
    assert_eq!(list.status, 200);
    assert!(
        !list.body.contains("shopper@example.com"),
        "no address leaves"
    );
    let subs = list.json();
    let sub = &subs["data"][0];
    assert_eq!(sub["location"], "S-AMS1");
    assert_eq!(sub["state"], "pending");
    let id = sub["id"].as_i64().unwrap();

    let path = format!("/t/freshfield/api/v1/subscriptions/{id}");
    let end = |key: String, path: String| {
        let app = &app;
        async move {
            checked(
                "DELETE",
                &path,
                app.client().delete(app.url(&path)).bearer_auth(key),
            )
            .await
        }
    };
    let ended = end(key.clone(), path.clone()).await;
    assert_eq!(ended.status, 200);
    assert_eq!(ended.json(), json!({"ended": true}));
    let again = end(key.clone(), path.clone()).await;
    assert_eq!(
        again.json(),
        json!({"ended": false}),
        "ending twice changes nothing"
    );
    let rl = key_with(&app, "ridgeline", &[KeyScope::ManageSubscriptions]).await;
    assert_eq!(
        end(rl, format!("/t/ridgeline/api/v1/subscriptions/{id}"))
            .await
            .status,
        404
    );
    let state = get(
        &app,
        &key,
        "/t/freshfield/api/v1/subscriptions?state=unsubscribed",
    )
    .await;
    assert!(state.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == id));
    // The confirmation e-mail was queued before the subscription ended: it still goes.
    app.run_pending_jobs().await;
}

async fn a_key_over_its_budget_gets_429_and_others_are_unaffected(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            api_rate_limit_per_minute: 3,
            ..Options::default()
        },
    )
    .await;
    let key = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;
    let other = key_with(&app, "freshfield", &[KeyScope::ReadInventory]).await;
    let path = "/t/freshfield/api/v1/locations";
    // Budgets are per minute of the clock: start well inside one.
    let into_minute = engine::model::now_ms() / 1000 % 60;
    if into_minute > 50 {
        tokio::time::sleep(std::time::Duration::from_secs((61 - into_minute) as u64)).await;
    }
    let mut remaining = Vec::new();
    for _ in 0..3 {
        let answer = get(&app, &key, path).await;
        assert_eq!(answer.status, 200);
        assert_eq!(
            answer.header("ratelimit-policy"),
            Some("\"per-key\";q=3;w=60")
        );
        remaining.push(answer.header("ratelimit").unwrap().to_string());
    }
    assert!(
        remaining[0].starts_with("\"per-key\";r=2;t="),
        "{remaining:?}"
    );
    assert!(
        remaining[2].starts_with("\"per-key\";r=0;t="),
        "{remaining:?}"
    );
    let refused = get(&app, &key, path).await;
    assert_eq!(refused.status, 429);
    let wait: i64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(refused.body.contains("retry in"));
    assert_eq!(
        get(&app, &other, path).await.status,
        200,
        "each key has its own budget"
    );
}
