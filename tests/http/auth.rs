//! Sign-in and the guards around it: session rotation, one answer for wrong password
//! and unknown user, throttling, CSRF, secure cookies, and server functions that check
//! their caller.

use test_support::{on_both_backends, spawn_app, spawn_app_with, Backend, Options};

use super::*;

on_both_backends!(
    three_hundred_parallel_guesses_get_at_most_the_limit_of_checks,
    behind_a_proxy_the_client_is_the_right_most_untrusted_hop,
    a_supplier_sees_no_staff_pages_and_reads_sentences,
    sign_in_rotates_the_session_and_sign_out_ends_it,
    wrong_password_and_unknown_user_get_the_same_answer,
    repeated_failures_are_throttled,
    state_changes_need_a_same_origin_request,
    server_functions_authorise_every_call,
    over_https_cookies_are_host_prefixed_and_secure,
    one_address_guessing_many_accounts_is_throttled,
);

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
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("__Host-sid=")),
        "{cookies:?}"
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("__Host-sw_device_")),
        "the known-device cookie: {cookies:?}"
    );
    for cookie in &cookies {
        assert!(cookie.starts_with("__Host-"), "{cookie}");
        assert!(
            cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(
            !cookie.contains("Domain="),
            "__Host- cookies carry no Domain"
        );
    }
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

/// A supplier signed in to the retailer's portal sees no staff navigation, and what it
/// may not see is said in a sentence with a way forward, never the framework's words.
async fn a_supplier_sees_no_staff_pages_and_reads_sentences(backend: Backend) {
    let app = spawn_app(backend).await;
    let supplier = app
        .signed_in("freshfield", test_support::logins::FF_SUPPLIER)
        .await;
    // The start page is the supplier's own: its organisation's orders.
    let home = supplier.get(app.url("/t/freshfield")).send().await.unwrap();
    assert_eq!(
        home.headers().get("location").and_then(|l| l.to_str().ok()),
        Some("/t/freshfield/supplier/orders")
    );
    let orders = supplier.get(app.url("/t/freshfield/supplier/orders"));
    let home = body(orders.send().await.unwrap()).await;
    assert!(home.contains("Orders for Lowlands Dairy Co-op"), "{home}");
    assert!(
        home.contains("href=\"/t/freshfield/supplier/orders\""),
        "its navigation"
    );
    for path in ["/t/freshfield/inventory", "/t/freshfield/approvals"] {
        let page = body(supplier.get(app.url(path)).send().await.unwrap()).await;
        for staff in [
            "/inventory\"",
            "/approvals\"",
            "/settings/policies\"",
            "/jobs\"",
        ] {
            assert!(
                !page.contains(&format!("href=\"/t/freshfield{staff}")),
                "{path} shows the staff link {staff}"
            );
        }
        assert!(
            page.contains("Your role cannot see this portal&#x27;s stock and documents")
                || page.contains("Your role cannot see this portal's stock and documents"),
            "{path}: {page}"
        );
        assert!(page.contains("administrator"), "{path}: a way forward");
        assert!(!page.contains("error running server function"), "{path}");
    }
    // The planner sees the staff navigation.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page = body(planner.get(app.url("/t/freshfield")).send().await.unwrap()).await;
    assert!(page.contains("href=\"/t/freshfield/inventory\""), "{page}");
}

/// The review's reproduction: 300 parallel wrong passwords for one account. Each is
/// counted before its check, so at most the limit (10) of passwords is checked; the
/// rest are throttled, or told to come back when too many checks run at once.
async fn three_hundred_parallel_guesses_get_at_most_the_limit_of_checks(backend: Backend) {
    let app = spawn_app(backend).await;
    let before = engine::identity::password_checks();
    let mut guesses = Vec::new();
    for i in 0..300 {
        let (c, url, origin) = (app.client(), app.url("/t/freshfield/login"), app.origin());
        guesses.push(tokio::spawn(async move {
            c.post(url)
                .header("origin", origin)
                .form(&[("email", FF_PLANNER.0), ("password", &format!("guess-{i}"))])
                .send()
                .await
                .unwrap()
        }));
    }
    let (mut refused, mut busy) = (0, 0);
    for g in guesses {
        let res = g.await.unwrap();
        match res.status().as_u16() {
            303 => {
                let to = res.headers()["location"].to_str().unwrap();
                assert!(
                    to.contains("error=invalid") || to.contains("error=throttled"),
                    "{to}"
                );
                refused += 1;
            }
            503 => {
                assert_eq!(res.headers()["retry-after"], "1");
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused + busy, 300);
    let checked = engine::identity::password_checks() - before;
    assert!(
        checked <= 10,
        "{checked} passwords checked for a limit of 10"
    );
    // One by one, the guesses run into the limit: 10 checks in all, never more.
    let c = app.client();
    let mut to = String::new();
    for _ in 0..20 {
        to = app
            .login(&c, "freshfield", FF_PLANNER.0, "one-more-guess")
            .await;
        if to.contains("throttled") {
            break;
        }
    }
    assert_eq!(to, "/t/freshfield/login?error=throttled");
    assert_eq!(engine::identity::password_checks() - before, 10);
    // The right password from this address now waits out the window too.
    assert_eq!(
        app.login(&c, "freshfield", FF_PLANNER.0, FF_PLANNER.1)
            .await,
        "/t/freshfield/login?error=throttled"
    );
}

/// With one trusted proxy, the client is the last `X-Forwarded-For` entry: entries a
/// client forges to its left cannot spread its guesses over many addresses.
async fn behind_a_proxy_the_client_is_the_right_most_untrusted_hop(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            behind_proxy_with_metrics_token: Some("scrape-token"),
            login_failures_per_account: 1_000,
            login_failures_per_address: 5,
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    let mut last = String::new();
    for i in 0..7 {
        let res = c
            .post(app.url("/t/freshfield/login"))
            .header("origin", app.origin())
            .header("x-forwarded-for", format!("10.9.8.{i}, 203.0.113.50"))
            .form(&[
                ("email", format!("nobody{i}@freshfield.example").as_str()),
                ("password", "wrong-pass-1"),
            ])
            .send()
            .await
            .unwrap();
        last = res.headers()["location"].to_str().unwrap().to_string();
    }
    assert!(last.contains("error=throttled"), "{last}");
}
