//! HTTP tests against the real application: tenancy and branding, sign-in, CSRF,
//! isolation between tenants, event ingestion, health and metrics.

mod support;

use serde_json::{json, Value};
use support::{spawn_app, spawn_app_with, Backend, Options, TestApp};

on_both_backends!(
    unknown_tenants_get_a_neutral_404,
    each_tenant_is_branded_from_first_paint,
    sign_in_rotates_the_session_and_sign_out_ends_it,
    wrong_password_and_unknown_user_get_the_same_answer,
    a_session_is_bound_to_its_tenant,
    repeated_failures_are_throttled,
    state_changes_need_a_same_origin_request,
    server_functions_authorise_every_call,
    events_are_applied_once_and_bad_fields_named,
    a_key_only_works_for_its_own_tenant,
    a_thousand_event_batch_is_accepted,
    health_metrics_and_security_headers,
    over_https_cookies_are_host_prefixed_and_secure,
    one_address_guessing_many_accounts_is_throttled,
    metrics_are_not_public,
    the_server_stops_cleanly_when_asked,
    an_operator_approves_a_transfer_from_the_inbox,
    bulk_approval_and_the_exception_queue_work_from_the_portal,
    an_approver_away_hands_the_inbox_to_a_stand_in,
    a_planner_sets_a_policy_for_one_store_from_the_portal,
    with_smtp_configured_approvers_are_mailed_over_smtp,
    the_admin_edits_approval_rules_in_a_form,
);

const FF_PLANNER: (&str, &str) = ("planner@freshfield.example", "freshfield-plan-2026");
const RL_ADMIN: (&str, &str) = ("admin@ridgeline.example", "ridgeline-admin-2026");

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap()
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("sid="))
        .map(str::to_string)
}

async fn unknown_tenants_get_a_neutral_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    for res in [
        c.get(app.url("/t/no-such-shop/")).send().await.unwrap(),
        c.get(app.url("/t/no-such-shop")).send().await.unwrap(),
        c.get(app.url("/t/no-such-shop/login"))
            .send()
            .await
            .unwrap(),
        c.get(app.url("/login"))
            .header("host", "evil.example")
            .send()
            .await
            .unwrap(),
        c.get(app.url("/"))
            .header("host", "nobody.localhost")
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(res.status(), 404);
        let text = body(res).await.to_lowercase();
        for leak in ["shelfwise", "freshfield", "ridgeline", "northwind"] {
            assert!(!text.contains(leak), "404 page mentions {leak}");
        }
    }
}

async fn each_tenant_is_branded_from_first_paint(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    // Path form, subdomain of the base domain, and a custom domain.
    let ff = body(c.get(app.url("/t/freshfield/login")).send().await.unwrap()).await;
    let rl = body(
        c.get(app.url("/login"))
            .header("host", format!("ridgeline.localhost:{}", app.port))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let rl_custom = body(
        c.get(app.url("/login"))
            .header("host", "supply.ridgeline-outdoor.example")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        ff.contains("Freshfield Stock") && ff.contains("--primary:#1e7a46"),
        "freshfield brand in the first response"
    );
    assert!(ff.contains("/theme-assets/freshfield/logo.svg"));
    assert!(rl.contains("Ridgeline Supply Desk") && rl.contains("--primary:#263238"));
    assert!(rl_custom.contains("Ridgeline Supply Desk"));
    for page in [&ff, &rl] {
        let lower = page.to_lowercase();
        assert!(
            !lower.contains("shelfwise"),
            "a branded portal never says Shelfwise"
        );
        assert!(!lower.contains("northwind"), "nor names the MSP behind it");
    }
    assert!(!ff.contains("Ridgeline") && !rl.contains("Freshfield"));
    let home = c.get(app.url("/t/freshfield/?x=1")).send().await.unwrap();
    assert_eq!(home.status(), 308);
    assert_eq!(home.headers()["location"], "/t/freshfield?x=1");
    let logo = c
        .get(app.url("/theme-assets/ridgeline/logo.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(logo.status(), 200);
}

async fn sign_in_rotates_the_session_and_sign_out_ends_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    // Before sign-in the inventory redirects to the login page.
    let res = c
        .get(app.url("/t/freshfield/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/t/freshfield/login");

    let first = c
        .post(app.url("/t/freshfield/login"))
        .header("origin", app.origin())
        .form(&[("email", FF_PLANNER.0), ("password", FF_PLANNER.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], "/t/freshfield");
    let cookie = session_cookie(&first).expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    let second = c
        .post(app.url("/t/freshfield/login"))
        .header("origin", app.origin())
        .form(&[("email", FF_PLANNER.0), ("password", FF_PLANNER.1)])
        .send()
        .await
        .unwrap();
    let rotated = session_cookie(&second).expect("a new cookie at sign-in");
    assert_ne!(
        cookie.split(';').next(),
        rotated.split(';').next(),
        "the session id changes at sign-in"
    );

    let page = c
        .get(app.url("/t/freshfield/inventory?q=oat"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = body(page).await;
    assert!(
        html.contains("Pieter Jansen"),
        "the signed-in user is shown"
    );
    assert!(
        html.contains("Oat biscuits") || html.contains("Oat drink"),
        "search results are rendered on the server"
    );
    assert!(
        !html.contains("Sparkling water"),
        "rows not matching the search are left out"
    );

    let out = c
        .post(app.url("/t/freshfield/logout"))
        .header("origin", app.origin())
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(
        out.headers()["location"],
        "/t/freshfield/login?signed_out=1"
    );
    let after = c
        .get(app.url("/t/freshfield/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 302, "the old session no longer signs in");
}

async fn wrong_password_and_unknown_user_get_the_same_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let wrong = app
        .login(
            &app.client(),
            "freshfield",
            FF_PLANNER.0,
            "not-the-password",
        )
        .await;
    let unknown = app
        .login(
            &app.client(),
            "freshfield",
            "nobody@freshfield.example",
            "not-the-password",
        )
        .await;
    let other_tenant = app
        .login(&app.client(), "freshfield", RL_ADMIN.0, RL_ADMIN.1)
        .await;
    assert_eq!(wrong, "/t/freshfield/login?error=invalid");
    assert_eq!(unknown, wrong);
    assert_eq!(
        other_tenant, wrong,
        "a user of another tenant cannot sign in here"
    );
    let page = body(app.client().get(app.url(&wrong)).send().await.unwrap()).await;
    assert!(page.contains("do not match an account"));
}

async fn a_session_is_bound_to_its_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    assert_eq!(
        app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
            .await,
        "/t/freshfield"
    );
    assert_eq!(
        c.get(app.url("/t/freshfield/inventory"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Same browser, same cookie, another tenant's portal: signed out there.
    let res = c
        .get(app.url("/t/ridgeline/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/t/ridgeline/login");
}

async fn repeated_failures_are_throttled(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            login_failures_per_account: 3,
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    for _ in 0..3 {
        assert_eq!(
            app.login(&c, "freshfield", FF_PLANNER.0, "guess-guess-guess")
                .await,
            "/t/freshfield/login?error=invalid"
        );
    }
    // Even the right password is refused while the account is throttled.
    assert_eq!(
        app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
            .await,
        "/t/freshfield/login?error=throttled"
    );
    // Other accounts are unaffected.
    assert_eq!(
        app.login(&app.client(), "ridgeline", RL_ADMIN.0, RL_ADMIN.1)
            .await,
        "/t/ridgeline"
    );
}

async fn state_changes_need_a_same_origin_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    let form = [("email", FF_PLANNER.0), ("password", FF_PLANNER.1)];
    let none = c
        .post(app.url("/t/freshfield/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 403);
    let evil = c
        .post(app.url("/t/freshfield/login"))
        .header("origin", "http://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    let sibling = c
        .post(app.url("/t/freshfield/login"))
        .header("sec-fetch-site", "same-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        sibling.status(),
        403,
        "a sibling tenant subdomain is not our origin"
    );
    assert!(session_cookie(&none).is_none() && session_cookie(&evil).is_none());
    // A forged sign-out does not end a real session.
    app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    assert_eq!(
        c.post(app.url("/t/freshfield/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        c.get(app.url("/t/freshfield/inventory"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

async fn server_functions_authorise_every_call(backend: Backend) {
    let app = spawn_app(backend).await;
    let anon = app.client();
    let call = |c: &reqwest::Client, path: &str| {
        c.post(app.url(path))
            .header("origin", app.origin())
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("query[page]=0")
            .send()
    };
    assert_eq!(
        call(&anon, "/t/freshfield/api/inventory")
            .await
            .unwrap()
            .status(),
        401
    );
    let c = app.client();
    app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let ok = call(&c, "/t/freshfield/api/inventory").await.unwrap();
    assert_eq!(ok.status(), 200);
    assert!(body(ok).await.contains("FF-0001"));
    // The freshfield session asks ridgeline's portal: refused, nothing of ridgeline's leaks.
    let other = call(&c, "/t/ridgeline/api/inventory").await.unwrap();
    assert_eq!(other.status(), 401);
    assert!(!body(other).await.contains("RL-"));
    // The supplier role may not read the tenant's inventory.
    let s = app.client();
    app.login(
        &s,
        "freshfield",
        "dairy@lowlands-dairy.example",
        "lowlands-supply-2026",
    )
    .await;
    assert_eq!(
        call(&s, "/t/freshfield/api/inventory")
            .await
            .unwrap()
            .status(),
        403
    );
}

fn event(id: &str, kind: &str, loc: &str, sku: &str, qty: i64) -> Value {
    json!({"source": "pos-1", "external_id": id, "type": kind, "location": loc, "sku": sku, "quantity": qty})
}

async fn post_events(app: &TestApp, path: &str, key: &str, batch: &Value) -> reqwest::Response {
    app.client()
        .post(app.url(path))
        .bearer_auth(key)
        .json(batch)
        .send()
        .await
        .unwrap()
}

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
}

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
    let metrics = body(c.get(app.url("/metrics")).send().await.unwrap()).await;
    assert!(
        metrics.contains("shelfwise_http_requests_total"),
        "{metrics}"
    );
    assert!(metrics.contains("shelfwise_http_request_duration_seconds"));
    assert!(metrics.contains("shelfwise_events_ingested_total{tenant=\"freshfield\"}"));
}

async fn over_https_cookies_are_host_prefixed_and_secure(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            https: true,
            ..Options::default()
        },
    )
    .await;
    let res = app
        .client()
        .post(app.url("/t/freshfield/login"))
        .header("origin", app.origin())
        .form(&[("email", FF_PLANNER.0), ("password", FF_PLANNER.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("__Host-sid="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Domain="),
        "__Host- cookies carry no Domain"
    );
    assert!(res.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age=31536000"));
}

async fn one_address_guessing_many_accounts_is_throttled(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            login_failures_per_address: 4,
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    for i in 0..4 {
        let email = format!("guess{i}@freshfield.example");
        assert_eq!(
            app.login(&c, "freshfield", &email, "guess-guess-guess")
                .await,
            "/t/freshfield/login?error=invalid"
        );
    }
    assert_eq!(
        app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
            .await,
        "/t/freshfield/login?error=throttled",
        "the fifth try from the same address is refused, whichever account"
    );
    // The limit is per tenant: the same address may still sign in elsewhere.
    assert_eq!(
        app.login(&c, "ridgeline", RL_ADMIN.0, RL_ADMIN.1).await,
        "/t/ridgeline"
    );
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

/// Posts the inbox's decision form for `doc` as `client` would.
async fn decide(
    app: &TestApp,
    client: &reqwest::Client,
    doc: &str,
    decision: &str,
    comment: &str,
) -> reqwest::Response {
    client
        .post(app.url("/t/freshfield/approvals/decide"))
        .header("origin", app.origin())
        .form(&[("doc", doc), ("decision", decision), ("comment", comment)])
        .send()
        .await
        .unwrap()
}

/// Waits up to 15 s for `check` to return Some.
async fn eventually<T, F, Fut>(mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..150 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting");
}

async fn an_operator_approves_a_transfer_from_the_inbox(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    // The DC has plenty; the Jordaan store is down to 3 bottles of milk (reorder point 12).
    let batch = json!({"events": [
        event("c1", "count", "DC-N", "FF-0001", 300),
        event("c2", "count", "S-AMS1", "FF-0001", 3),
    ]});
    assert_eq!(
        post_events(&app, "/t/freshfield/api/v1/events", &key, &batch)
            .await
            .status(),
        200
    );
    let transfer = eventually(|| async {
        app.store
            .transfers(ff, None, 5)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.quantity > 0)
    })
    .await;
    assert_eq!(transfer.state, "pending_approval");
    assert_eq!(transfer.quantity, 42, "3 up to 40 is 37, in cases of 6");

    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let inbox = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        inbox.contains(&format!("Transfer {}", transfer.id)),
        "{inbox}"
    );
    assert!(
        inbox.contains("below the reorder point 12"),
        "the reason is shown"
    );
    assert!(inbox.contains("Amsterdam Jordaan"), "both ends are shown");

    // Rejecting without a reason is refused and changes nothing.
    let doc = format!("transfer:{}", transfer.id);
    let res = decide(&app, &op, &doc, "reject", "").await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(
        app.store
            .transfer(ff, transfer.id)
            .await
            .unwrap()
            .unwrap()
            .state,
        "pending_approval"
    );

    let res = decide(&app, &op, &doc, "approve", "fine").await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/t/freshfield/approvals?notice="));
    assert_eq!(
        app.store
            .transfer(ff, transfer.id)
            .await
            .unwrap()
            .unwrap()
            .state,
        "approved"
    );

    // The document page shows the decision in its audit trail.
    let page = body(
        op.get(app.url(&format!("/t/freshfield/documents/transfer/{}", transfer.id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("approval.step_approved") && page.contains("transfer.approved"),
        "{page}"
    );

    // The approver was told by a branded e-mail, written to the development mailbox.
    let mail = eventually(|| async {
        let dir = std::fs::read_dir(app.mailbox()).ok()?;
        dir.filter_map(|e| e.ok())
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .find(|m| m.contains("operator@freshfield.example"))
    })
    .await;
    assert!(mail.contains("Approval needed: Transfer"), "{mail}");
    assert!(
        !mail.contains("Shelfwise"),
        "the mail carries the tenant's brand only"
    );

    // A supplier cannot decide anything.
    let sup = app.client();
    app.login(
        &sup,
        "freshfield",
        "dairy@lowlands-dairy.example",
        "lowlands-supply-2026",
    )
    .await;
    let res = decide(&app, &sup, &doc, "approve", "").await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
}

async fn bulk_approval_and_the_exception_queue_work_from_the_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let batch = json!({"events": [
        event("c1", "count", "DC-N", "FF-0001", 300),
        event("c2", "count", "DC-N", "FF-0002", 300),
        event("c3", "count", "S-AMS1", "FF-0001", 3),
        event("c4", "count", "S-AMS1", "FF-0002", 0),
    ]});
    assert_eq!(
        post_events(&app, "/t/freshfield/api/v1/events", &key, &batch)
            .await
            .status(),
        200
    );
    let transfers = eventually(|| async {
        let t = app
            .store
            .transfers(ff, Some("pending_approval"), 10)
            .await
            .unwrap();
        (t.len() == 2).then_some(t)
    })
    .await;

    // The operator approves both at once.
    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let docs: Vec<(&str, String)> = transfers
        .iter()
        .map(|t| ("doc", format!("transfer:{}", t.id)))
        .collect();
    let res = op
        .post(app.url("/t/freshfield/approvals/bulk"))
        .header("origin", app.origin())
        .form(&docs)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("notice=Approved+2"), "{location}");
    for t in &transfers {
        assert_eq!(
            app.store.transfer(ff, t.id).await.unwrap().unwrap().state,
            "approved"
        );
    }

    // The stockout is in the planner's queue; an approver cannot work it.
    let stockout = eventually(|| async {
        app.store
            .exceptions(ff, "open", Some("stockout"), 10)
            .await
            .unwrap()
            .into_iter()
            .next()
    })
    .await;
    let id = stockout.id.to_string();
    let res = op
        .post(app.url("/t/freshfield/exceptions/act"))
        .header("origin", app.origin())
        .form(&[("id", id.as_str()), ("action", "assign_me")])
        .send()
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));

    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let page = body(
        planner
            .get(app.url("/t/freshfield/exceptions"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("out of stock at S-AMS1"), "{page}");
    let act = |fields: Vec<(&'static str, String)>| {
        let planner = planner.clone();
        let url = app.url("/t/freshfield/exceptions/act");
        let origin = app.origin();
        async move {
            let res = planner
                .post(url)
                .header("origin", origin)
                .form(&fields)
                .send()
                .await
                .unwrap();
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    let to = act(vec![("id", id.clone()), ("action", "assign_me".into())]).await;
    assert!(to.contains("notice=Updated+1"), "{to}");
    let now = app.store.exception(ff, stockout.id).await.unwrap().unwrap();
    assert_eq!(now.owner_name.as_deref(), Some("Pieter Jansen"));
    let to = act(vec![
        ("id", id.clone()),
        ("action", "resolve".into()),
        ("text", "".into()),
    ])
    .await;
    assert!(to.contains("error="), "a resolution needs a note: {to}");
    let to = act(vec![
        ("id", id.clone()),
        ("action", "resolve".into()),
        ("text", "Counted again; shelf refilled".into()),
    ])
    .await;
    assert!(to.contains("notice="), "{to}");
    let done = app.store.exception(ff, stockout.id).await.unwrap().unwrap();
    assert_eq!(done.state, "resolved");
    assert_eq!(
        done.resolution.as_deref(),
        Some("Counted again; shelf refilled")
    );
}

async fn an_approver_away_hands_the_inbox_to_a_stand_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let batch = json!({"events": [
        event("c1", "count", "DC-N", "FF-0001", 300),
        event("c2", "count", "S-AMS1", "FF-0001", 3),
    ]});
    assert_eq!(
        post_events(&app, "/t/freshfield/api/v1/events", &key, &batch)
            .await
            .status(),
        200
    );
    let transfer = eventually(|| async {
        app.store
            .transfers(ff, None, 5)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.state == "pending_approval")
    })
    .await;
    let title = format!("Transfer {}", transfer.id);
    let planner_id = app
        .store
        .login_record(ff, FF_PLANNER.0)
        .await
        .unwrap()
        .unwrap()
        .member
        .user_id;

    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let inbox = body(
        planner
            .get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(!inbox.contains(&title), "not the planner's to decide yet");

    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let day =
        |offset: i64| engine::model::day_string(engine::model::now_ms() + offset * 86_400_000);
    let hand_over = |client: &reqwest::Client, first: String, last: String| {
        client
            .post(app.url("/t/freshfield/approvals/delegations"))
            .header("origin", app.origin())
            .form(&[
                ("to_user", planner_id.to_string()),
                ("role", "approver".to_string()),
                ("first_day", first),
                ("last_day", last),
            ])
            .send()
    };
    // A period that ends before it starts, or a date that is not one, is refused by name.
    for (first, last, says) in [
        (day(2), day(0), "last day must not be before the first"),
        (day(0), "next week".to_string(), "YYYY-MM-DD"),
    ] {
        let res = hand_over(&op, first, last).await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("error="), "{to}");
        let page = body(op.get(app.url(&to)).send().await.unwrap()).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let res = hand_over(&op, day(0), day(2)).await.unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("notice="), "{to}");
    let page = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Pieter Jansen"),
        "the stand-in is listed: {page}"
    );

    // The stand-in now sees the transfer as delegated, and approves it.
    let inbox = body(
        planner
            .get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(inbox.contains(&title), "{inbox}");
    assert!(inbox.contains("(delegated to you)"));
    let res = decide(
        &app,
        &planner,
        &format!("transfer:{}", transfer.id),
        "approve",
        "covering for Olga",
    )
    .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(
        app.store
            .transfer(ff, transfer.id)
            .await
            .unwrap()
            .unwrap()
            .state,
        "approved"
    );

    // Only the one who gave it can end it; ending it twice says it is over.
    let op_id = app
        .store
        .login_record(ff, "operator@freshfield.example")
        .await
        .unwrap()
        .unwrap()
        .member
        .user_id;
    let given = app
        .store
        .delegations_from(ff, op_id, engine::model::now_ms())
        .await
        .unwrap();
    assert_eq!(given.len(), 1);
    let end = app.url(&format!(
        "/t/freshfield/approvals/delegations/{}/end",
        given[0].id
    ));
    for (client, says) in [(&planner, "error="), (&op, "notice="), (&op, "error=")] {
        let res = client
            .post(&end)
            .header("origin", app.origin())
            .send()
            .await
            .unwrap();
        assert!(
            res.headers()["location"].to_str().unwrap().contains(says),
            "{says}"
        );
    }
    let page = body(
        op.get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Nobody stands in for you."), "{page}");
    let trail: Vec<String> = app
        .store
        .audit_for_subject(ff, &format!("delegation:{}", given[0].id))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(trail, ["delegation.created", "delegation.ended"]);
}

async fn a_planner_sets_a_policy_for_one_store_from_the_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let store_id = app.store.location_ids(ff, &["S-AMS1"]).await.unwrap()["S-AMS1"];
    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let save = |client: &reqwest::Client, case_pack: &str, uplifts: &str, location: String| {
        client
            .post(app.url("/t/freshfield/settings/policies"))
            .header("origin", app.origin())
            .form(&[
                ("class", "dairy".to_string()),
                ("location_id", location),
                ("method", "min_max".to_string()),
                ("safety_stock", "4".to_string()),
                ("service_z", "1.65".to_string()),
                ("lead_time_days", "".to_string()),
                ("case_pack", case_pack.to_string()),
                ("moq", "0".to_string()),
                ("uplifts", uplifts.to_string()),
            ])
            .send()
    };
    // Each bad field is named, and nothing is saved.
    for (case_pack, uplifts, location, says) in [
        (
            "six",
            "",
            store_id.to_string(),
            "Case pack must be a whole number",
        ),
        (
            "0",
            "",
            store_id.to_string(),
            "case_pack must be at least 1",
        ),
        ("6", "soon 1.5", store_id.to_string(), "Promotion line 1"),
        (
            "6",
            "",
            "999999".to_string(),
            "Choose a location of this portal",
        ),
    ] {
        let res = save(&planner, case_pack, uplifts, location).await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.contains("error="), "{to}");
        let page = body(planner.get(app.url(&to)).send().await.unwrap()).await;
        assert!(page.contains(says), "{says}: {page}");
    }
    let before = app.store.policies(ff).await.unwrap().len();
    let res = save(
        &planner,
        "6",
        "2026-12-01 2026-12-24 1.5",
        store_id.to_string(),
    )
    .await
    .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let policies = app.store.policies(ff).await.unwrap();
    assert_eq!(policies.len(), before + 1);
    let saved = policies
        .iter()
        .find(|p| p.location_id == Some(store_id))
        .unwrap();
    let page = body(
        planner
            .get(app.url(&format!(
                "/t/freshfield/settings/policies?edit={}",
                saved.id
            )))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("min/max · safety stock 4"), "{page}");
    assert!(page.contains("1 promotion(s)"));
    assert!(
        page.contains("2026-12-01 2026-12-24 1.5"),
        "the form is filled in to edit"
    );

    // An approver reads policies but cannot change them.
    let op = app.client();
    app.login(
        &op,
        "freshfield",
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    let res = save(&op, "6", "", String::new()).await.unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(app.store.policies(ff).await.unwrap().len(), before + 1);
    let page = body(
        op.get(app.url("/t/freshfield/settings/policies"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("min/max") && !page.contains("Save policy"),
        "{page}"
    );

    // Deleting (behind a second click on the page) goes back to the broader policy.
    let delete = app.url(&format!(
        "/t/freshfield/settings/policies/{}/delete",
        saved.id
    ));
    let res = planner
        .post(&delete)
        .header("origin", app.origin())
        .send()
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(app.store.policies(ff).await.unwrap().len(), before);
}

/// A minimal SMTP server that accepts every message and hands each one's data (headers
/// and body) to the returned channel.
async fn smtp_sink() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.ok();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            tx.send(data.take().unwrap()).ok();
                            write.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, rx)
}

async fn with_smtp_configured_approvers_are_mailed_over_smtp(backend: Backend) {
    let (port, mut received) = smtp_sink().await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            ..Options::default()
        },
    )
    .await;
    let ff = app.tenant("freshfield").await;
    let key = engine::identity::create_api_key(&app.store, ff, "pos", "test")
        .await
        .unwrap()
        .key;
    let batch = json!({"events": [
        event("c1", "count", "DC-N", "FF-0001", 300),
        event("c2", "count", "S-AMS1", "FF-0001", 3),
    ]});
    assert_eq!(
        post_events(&app, "/t/freshfield/api/v1/events", &key, &batch)
            .await
            .status(),
        200
    );
    let message = tokio::time::timeout(std::time::Duration::from_secs(20), received.recv())
        .await
        .expect("an approval e-mail reached the SMTP server")
        .unwrap();
    assert!(message.contains("operator@freshfield.example"), "{message}");
    assert!(
        message.contains("Freshfield"),
        "sent in the tenant's brand: {message}"
    );
    let mailbox = app.mailbox();
    assert!(
        !mailbox.exists() || std::fs::read_dir(&mailbox).unwrap().next().is_none(),
        "nothing went to the development mailbox"
    );
}

async fn the_admin_edits_approval_rules_in_a_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let admin = app.client();
    app.login(
        &admin,
        "freshfield",
        "admin@freshfield.example",
        "freshfield-admin-2026",
    )
    .await;
    let page = |client: &reqwest::Client| {
        let url = app.url("/t/freshfield/settings/approvals");
        let client = client.clone();
        async move { body(client.get(url).send().await.unwrap()).await }
    };
    let before = page(&admin).await;
    assert!(
        before.contains("Small orders") && before.contains("approve automatically"),
        "{before}"
    );
    let (_, version, _) = app.store.tenant_settings(ff).await.unwrap().unwrap();
    let rules_before = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    let post = |client: &reqwest::Client, path: &str, form: Vec<(&str, String)>| {
        client
            .post(app.url(path))
            .header("origin", app.origin())
            .form(&form)
            .send()
    };
    let rule = |max: &str, version: i64| {
        vec![
            ("version", version.to_string()),
            ("name", "Dairy transfers".to_string()),
            ("doc_type", "transfer".to_string()),
            ("min_value", String::new()),
            ("max_value", max.to_string()),
            ("class", "dairy".to_string()),
            ("region", String::new()),
            ("location_id", String::new()),
            ("supplier_id", String::new()),
            ("outcome", "steps".to_string()),
            ("step1_role", "approver".to_string()),
            ("step1_hours", "8".to_string()),
            ("step1_escalate_to", "tenant_admin".to_string()),
            ("step2_role", String::new()),
            ("step2_hours", "24".to_string()),
            ("step2_escalate_to", String::new()),
        ]
    };
    // A bad amount is named, and nothing changes.
    let res = post(
        &admin,
        "/t/freshfield/settings/approvals/rules",
        rule("lots", version),
    )
    .await
    .unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error="), "{to}");
    let shown = body(admin.get(app.url(&to)).send().await.unwrap()).await;
    assert!(shown.contains("Value up to must be an amount"), "{shown}");
    assert_eq!(
        app.store.tenant_settings(ff).await.unwrap().unwrap().1,
        version
    );

    let res = post(
        &admin,
        "/t/freshfield/settings/approvals/rules",
        rule("1,500.00", version),
    )
    .await
    .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let rules = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    assert_eq!(rules.len(), rules_before.len() + 1);
    let added = rules.last().unwrap();
    assert_eq!(
        (
            added.name.as_str(),
            added.max_value_minor,
            added.class.as_deref()
        ),
        ("Dairy transfers", Some(150_000), Some("dairy"))
    );
    let shown = page(&admin).await;
    assert!(
        shown.contains("transfers · up to EUR 1,500.00 · class dairy"),
        "the rule in words: {shown}"
    );
    assert!(
        shown.contains("1. approver (after 8 h to tenant admin)"),
        "{shown}"
    );

    // Moving it up from a page that showed the old version is refused; from the current
    // one it works.
    let last = rules.len() - 1;
    let move_up = format!("/t/freshfield/settings/approvals/rules/{last}/up");
    let res = post(&admin, &move_up, vec![("version", version.to_string())])
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("error="), "{to}");
    let shown = body(admin.get(app.url(&to)).send().await.unwrap()).await;
    assert!(shown.contains("changed meanwhile"), "{shown}");
    let current = app.store.tenant_settings(ff).await.unwrap().unwrap().1;
    let res = post(&admin, &move_up, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let rules = engine::replenish::matrix(&app.store, ff)
        .await
        .unwrap()
        .0
        .rules;
    assert_eq!(rules[last - 1].name, "Dairy transfers");

    // A planner cannot change the matrix; the admin deletes the rule again.
    let planner = app.client();
    app.login(&planner, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
        .await;
    let current = app.store.tenant_settings(ff).await.unwrap().unwrap().1;
    let delete = format!("/t/freshfield/settings/approvals/rules/{}/delete", last - 1);
    let res = post(&planner, &delete, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    let res = post(&admin, &delete, vec![("version", current.to_string())])
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(
        engine::replenish::matrix(&app.store, ff)
            .await
            .unwrap()
            .0
            .rules,
        rules_before
    );
    let trail = app
        .store
        .audit_for_subject(ff, "approval_matrix")
        .await
        .unwrap();
    assert_eq!(trail.len(), 3, "added, moved, deleted: each audited");
}
