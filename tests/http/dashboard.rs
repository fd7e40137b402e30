//! The dashboards (issue 15, point 7): a tenant's staff see their figures as SVG
//! charts with the figures in tables and no script; a stockout moves the headline; a
//! supplier's person gets none of it; a partner compares its own clients only.

use test_support::logins::{FF_ADMIN, FF_SUPPLIER, NW_ADMIN};
use test_support::{on_both_backends, spawn_app, Backend, TestApp};

use super::*;

on_both_backends!(
    staff_see_their_figures_as_charts_and_a_stockout_moves_them,
    a_partner_compares_its_own_clients_only,
);

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, body(res).await)
}

/// (out, positions) from "N of M positions out of stock".
fn out_of(page: &str) -> (i64, i64) {
    let at = page
        .find(" positions out of stock")
        .expect("the stockout headline");
    let head = &page[..at];
    let words: Vec<&str> = head.rsplit(['>', ' ']).take(3).collect();
    (words[2].parse().unwrap(), words[0].parse().unwrap())
}

async fn staff_see_their_figures_as_charts_and_a_stockout_moves_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let (status, page) = get(&app, &admin, "/t/freshfield/dashboard").await;
    assert_eq!(status, 200, "{page}");
    for title in [
        "<h1>Dashboard</h1>",
        "Stockout exposure",
        "Fill rate",
        "Inventory value and turns",
        "Forecast error",
        "Exceptions by age",
        "Approval latency",
        "Supplier performance",
        "Back-in-stock conversion",
    ] {
        assert!(page.contains(title), "{title}: {page}");
    }
    assert!(page.contains("role=\"img\" aria-labelledby=\"stockouts-t stockouts-d\""));
    assert!(page.contains("<summary>The figures</summary>"));
    assert!(
        page.contains("<th scope=\"row\">Amsterdam"),
        "stock value by location: {page}"
    );
    assert!(!page.contains("<script"), "no script on the page");
    let (out, positions) = out_of(&page);
    assert!(positions > 0 && out < positions, "{out} of {positions}");

    // A store sells out of one product: the headline counts it.
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [event("dash-1", "count", "S-AMS1", "FF-0001", 0)]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let (_, page) = get(&app, &admin, "/t/freshfield/dashboard").await;
    assert_eq!(out_of(&page), (out + 1, positions), "one more out of stock");

    // A supplier's person has no dashboard here.
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let (_, page) = get(&app, &supplier, "/t/freshfield/dashboard").await;
    assert!(!page.contains("<h1>Dashboard</h1>"), "{page}");
}

async fn a_partner_compares_its_own_clients_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let nw = app.signed_in("northwind", NW_ADMIN).await;
    let (status, page) = get(&app, &nw, "/t/northwind/partner/dashboard").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<h1>Clients compared</h1>"), "{page}");
    assert!(
        page.contains("<th scope=\"row\">Ridgeline Outdoor</th>"),
        "its client: {page}"
    );
    assert!(!page.to_lowercase().contains("freshfield"), "no one else's");
    for title in [
        "Stockout exposure",
        "Fill rate",
        "Inventory value",
        "Turns",
        "Forecast error",
        "Approval latency",
        "Back-in-stock conversion",
    ] {
        assert!(page.contains(title), "{title}");
    }
    let (_, console) = get(&app, &nw, "/t/northwind/partner").await;
    assert!(
        console.contains("/t/northwind/partner/dashboard"),
        "the console links to it"
    );
    // A retailer's admin has no partner dashboard.
    let ff = app.signed_in("freshfield", FF_ADMIN).await;
    let (_, page) = get(&app, &ff, "/t/freshfield/partner/dashboard").await;
    assert!(!page.contains("<h1>Clients compared</h1>"), "{page}");
}
