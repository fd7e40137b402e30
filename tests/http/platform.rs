//! The platform suspends and resumes a tenant (issue 13, point 7): while suspended its
//! portal and API answer 503 in its own name only, on the path form and on its own host,
//! and its background work waits (an e-mail asked for is not sent); nothing is lost, and
//! resuming sends what waited. Another tenant goes on as before. Both steps are in the
//! tenant's audit trail.

use engine::model::Member;
use engine::platform;
use engine::EngineError;
use test_support::logins::{FF_PLANNER, RL_ADMIN};
use test_support::{on_both_backends, spawn_app_with, Backend, Options, TestApp};

use super::*;

on_both_backends!(a_suspended_tenant_stops_and_resumes_with_nothing_lost);

fn reset_mails(app: &TestApp, email: &str) -> usize {
    app.mails()
        .iter()
        .filter(|m| m.contains(email) && m.contains("/reset/"))
        .count()
}

async fn a_suspended_tenant_stops_and_resumes_with_nothing_lost(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            tenant_cache_seconds: 0,
            ..Options::default()
        },
    )
    .await;
    let ff = app.tenant("freshfield").await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let key = app.api_key("freshfield").await;
    let products_before = app.store.labels(ff).await.unwrap().0.len();
    // Work queued before the suspension: a reset e-mail.
    let res = app
        .post_form(
            &app.client(),
            "/t/freshfield/forgot",
            &[("email", FF_PLANNER.0)],
        )
        .await;
    assert_eq!(res.status(), 303);

    let operator = Member::command_line();
    let refused = platform::suspend_tenant(&app.store, &operator, "freshfield", " ", now()).await;
    assert!(
        matches!(refused, Err(EngineError::Invalid(_))),
        "{refused:?}"
    );
    let unknown = platform::suspend_tenant(&app.store, &operator, "nobody", "test", now()).await;
    assert!(matches!(unknown, Err(EngineError::NotFound)), "{unknown:?}");
    platform::suspend_tenant(
        &app.store,
        &operator,
        "freshfield",
        "unpaid invoice 2026-11",
        now(),
    )
    .await
    .unwrap();

    // The portal, on the path form and on the tenant's own host.
    for (path, host) in [
        ("/t/freshfield/inventory", None),
        ("/t/freshfield/login", None),
        (
            "/inventory",
            Some(format!("freshfield.localhost:{}", app.port)),
        ),
    ] {
        let mut req = planner.get(app.url(path));
        if let Some(h) = &host {
            req = req.header("host", h);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 503, "{path}");
        let page = body(res).await;
        assert!(
            page.contains("This portal is suspended") && page.contains("Freshfield"),
            "{page}"
        );
        for never in ["Shelfwise", "shelfwise", "Northwind", "unpaid"] {
            assert!(
                !page.contains(never),
                "{never} on the suspended page: {page}"
            );
        }
    }
    // Sign-in and forms are refused too; the API answers a problem document.
    let to = app
        .post_form(
            &app.client(),
            "/t/freshfield/login",
            &[("email", FF_PLANNER.0), ("password", FF_PLANNER.1)],
        )
        .await;
    assert_eq!(to.status(), 503);
    let res = app
        .client()
        .get(app.url("/t/freshfield/api/v1/products"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(body(res).await.contains("suspended"));
    // Its background work waits; another tenant's goes on.
    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = app
        .post_form(
            &app.client(),
            "/t/ridgeline/forgot",
            &[("email", RL_ADMIN.0)],
        )
        .await;
    assert_eq!(res.status(), 303);
    app.run_pending_jobs().await;
    assert_eq!(
        reset_mails(&app, FF_PLANNER.0),
        0,
        "no e-mail while suspended"
    );
    assert_eq!(reset_mails(&app, RL_ADMIN.0), 1, "Ridgeline goes on");
    let (status, _) = (
        rl.get(app.url("/t/ridgeline/inventory"))
            .send()
            .await
            .unwrap()
            .status(),
        (),
    );
    assert_eq!(status, 200);

    // Resumed: everything is back, and what waited runs.
    platform::resume_tenant(&app.store, &operator, "freshfield", now())
        .await
        .unwrap();
    let res = planner
        .get(app.url("/t/freshfield/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the planner's session is still there");
    assert_eq!(app.store.labels(ff).await.unwrap().0.len(), products_before);
    app.run_pending_jobs().await;
    assert_eq!(
        reset_mails(&app, FF_PLANNER.0),
        1,
        "the waiting e-mail went out"
    );
    let batch = serde_json::json!({ "events": [event("back-1", "sale", "S-AMS1", "FF-0001", 1)] });
    let res = post_events(&app, "/t/freshfield/api/v1/events", &key, &batch).await;
    assert_eq!(res.status(), 200, "the API takes events again");
    app.run_pending_jobs().await;

    let trail: Vec<(String, String)> = app
        .store
        .audit_trail(ff)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor))
        .collect();
    for action in ["tenant.suspended", "tenant.resumed"] {
        assert!(
            trail.contains(&(action.to_string(), "platform:command-line".to_string())),
            "{action}: {trail:?}"
        );
    }
}

fn now() -> i64 {
    engine::model::now_ms()
}
