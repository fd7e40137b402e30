//! Nothing in a white-labelled tenant's portal names the platform or the partner behind
//! it (issue 13, point 8). Every page the portal has, read from its route tables (the
//! Leptos routes in `app/src/lib.rs` and the server's GET routes in
//! `server/src/http/forms/mod.rs`, so a new page is covered the day it is added), is
//! fetched on Ridgeline's own host as a visitor, as its admin and as its planner, with
//! every e-mail template's preview; no body and no response header says "Shelfwise" or
//! "Northwind" in any case. Ridgeline's theme says neither.

use test_support::logins::RL_ADMIN;
use test_support::{on_both_backends, spawn_app, Backend, TestApp};

use super::*;

on_both_backends!(no_page_of_a_white_labelled_tenant_names_the_platform_or_its_partner);

const NEVER: [&str; 2] = ["shelfwise", "northwind"];

/// A sample value for a path parameter.
fn sample(param: &str, transfer: i64) -> String {
    match param {
        "kind" => "transfer".into(),
        "id" => transfer.to_string(),
        "sku" => "RL-001".into(),
        "which" => "logo".into(),
        "template" => "invitation".into(),
        "slug" => "ridgeline".into(),
        "po" => "1".into(),
        "notice" => "1".into(),
        _ => "1.00ff".into(),
    }
}

/// Fetches `path` on Ridgeline's host; its status (after checking it names no one).
async fn check(app: &TestApp, client: &reqwest::Client, path: &str, who: &str) -> u16 {
    let res = client
        .get(app.url(path))
        .header("host", format!("ridgeline.localhost:{}", app.port))
        .send()
        .await
        .unwrap();
    let status = res.status();
    assert!(!status.is_server_error(), "{who} {path}: {status}");
    for (name, value) in res.headers() {
        let v = value.to_str().unwrap_or("").to_lowercase();
        for never in NEVER {
            assert!(!v.contains(never), "{who} {path}: header {name}: {v}");
        }
    }
    let text = res.text().await.unwrap_or_default().to_lowercase();
    for never in NEVER {
        assert!(
            !text.contains(never),
            "{who} {path} names {never}: …{}…",
            text.find(never)
                .map(|i| {
                    let mut from = i.saturating_sub(160);
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    &text[from..i + never.len()]
                })
                .unwrap_or("")
        );
    }
    status.as_u16()
}

/// Signs in on Ridgeline's own host.
async fn signed_in(app: &TestApp, login: (&str, &str)) -> reqwest::Client {
    let c = app.client();
    let res = c
        .post(app.url("/login"))
        .header("host", format!("ridgeline.localhost:{}", app.port))
        .header("origin", format!("http://ridgeline.localhost:{}", app.port))
        .form(&[("email", login.0), ("password", login.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(!to.contains("error="), "{to}");
    c
}

async fn no_page_of_a_white_labelled_tenant_names_the_platform_or_its_partner(backend: Backend) {
    let app = spawn_app(backend).await;
    // Some life in the portal: a count, a transfer proposed.
    let key = app.api_key("ridgeline").await;
    let batch = json!({"events": [
        event("c1", "count", "DC-C", "RL-001", 40),
        event("c2", "count", "S-KOE", "RL-001", 0),
    ]});
    assert_eq!(
        app.post_events("ridgeline", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let rl = app.tenant("ridgeline").await;
    let transfer = app
        .store
        .transfers(rl, None, 10)
        .await
        .unwrap()
        .first()
        .map_or(1, |t| t.id);

    let mut paths = test_support::routes::leptos_paths(|p| sample(p, transfer));
    paths.extend(test_support::routes::server_paths(|p| sample(p, transfer)));
    for template in engine::mail::preview::MailPreview::ALL {
        paths.push(format!("/settings/branding/emails/{}", template.slug()));
    }
    // What a visitor can reach on the tenant's host besides its pages.
    paths.extend(
        [
            "/no-such-page",
            "/api/v1/reference",
            "/api/v1/openapi.json",
            "/widget.js",
        ]
        .map(String::from),
    );
    let admin = signed_in(&app, RL_ADMIN).await;
    let planner = signed_in(&app, ("planner@ridgeline.example", "ridgeline-plan-2026")).await;
    let mut shown = 0;
    for path in &paths {
        check(&app, &app.client(), path, "a visitor").await;
        if check(&app, &admin, path, "the admin").await == 200 {
            shown += 1;
        }
        check(&app, &planner, path, "a planner").await;
    }
    // The pages were really read, not only their redirects and "not found"s.
    assert!(
        shown >= 35,
        "the admin saw {shown} of {} pages",
        paths.len()
    );
    app.run_pending_jobs().await;
}
