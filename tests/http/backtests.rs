//! Backtests from the portal (issue 15, point 5): a planner starts one with the form
//! (or a demand file), is taken to its page, which reloads itself while it works and
//! then shows the current levels and the candidate side by side; a bad file is refused
//! naming its line; an approver may look but not start one.

use test_support::logins::{FF_OPERATOR, FF_SUPPLIER};
use test_support::{on_both_backends, spawn_app, Backend, TestApp};

use super::*;

on_both_backends!(a_planner_backtests_a_rule_and_reads_the_comparison);

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, body(res).await)
}

async fn post(
    app: &TestApp,
    c: &reqwest::Client,
    fields: &[(&'static str, &'static str)],
    file: Option<&str>,
) -> String {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(*k, *v);
    }
    if let Some(csv) = file {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("demand.csv"),
        );
    }
    let res = c
        .post(app.url("/t/freshfield/backtests"))
        .header("origin", app.origin())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    urlencoding_decode(res.headers()["location"].to_str().unwrap())
}

async fn a_planner_backtests_a_rule_and_reads_the_comparison(backend: Backend) {
    let app = spawn_app(backend).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let (status, page) = get(&app, &planner, "/t/freshfield/backtests").await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("No backtests yet") && page.contains("Start the backtest"),
        "{page}"
    );

    // Bad requests are named and nothing starts.
    let to = post(
        &app,
        &planner,
        &[("candidate", "forecast"), ("days", "400")],
        None,
    )
    .await;
    assert!(to.contains("from 7 to 180"), "{to}");
    let to = post(
        &app,
        &planner,
        &[("candidate", "forecast"), ("days", "")],
        Some("day,location,sku,quantity\n2026-01-01,S-AMS1,NOPE,3\n"),
    )
    .await;
    assert!(
        to.contains("Line 2: the SKU \"NOPE\" is not one of yours"),
        "{to}"
    );
    let to = post(
        &app,
        &planner,
        &[("candidate", "magic"), ("days", "28")],
        None,
    )
    .await;
    assert!(to.contains("Choose the rule to try"), "{to}");

    // A good one: on to its page, which follows it while it works.
    let to = post(
        &app,
        &planner,
        &[
            ("candidate", "naive_adaptive"),
            ("days", "14"),
            ("service_level", "97.5"),
        ],
        None,
    )
    .await;
    assert!(
        to.contains("/t/freshfield/backtests/") && to.contains("Nothing live changes"),
        "{to}"
    );
    let path = to.split('?').next().unwrap().to_string();
    let (_, page) = get(&app, &planner, &path).await;
    assert!(
        page.contains("class=\"auto-refresh") && page.contains("<progress"),
        "{page}"
    );
    assert!(page.contains("97.5 % for every item"), "{page}");
    app.run_pending_jobs().await;
    let (_, page) = get(&app, &planner, &path).await;
    assert!(
        !page.contains("class=\"auto-refresh"),
        "done: no more reloads: {page}"
    );
    for figure in [
        "Current levels",
        "Naive adaptive",
        "Fill rate",
        "Stockout store-product-days",
        "Average inventory value",
        "Documents needing a person's approval",
        "What the replay assumes",
    ] {
        assert!(page.contains(figure), "{figure}: {page}");
    }
    let (_, list) = get(&app, &planner, "/t/freshfield/backtests").await;
    assert!(list.contains(">done<"), "{list}");

    // An approver may read it but not start one; a supplier's person neither.
    let approver = app.signed_in("freshfield", FF_OPERATOR).await;
    let (_, page) = get(&app, &approver, &path).await;
    assert!(page.contains("Current levels"), "{page}");
    let (_, list) = get(&app, &approver, "/t/freshfield/backtests").await;
    assert!(!list.contains("Start the backtest"));
    let to = post(
        &app,
        &approver,
        &[("candidate", "forecast"), ("days", "28")],
        None,
    )
    .await;
    assert!(to.contains("error="), "{to}");
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let (_, page) = get(&app, &supplier, &path).await;
    assert!(!page.contains("Current levels"), "{page}");
}
