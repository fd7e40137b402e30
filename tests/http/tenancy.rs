//! Tenancy and branding: each tenant on its own address and brand, sessions bound to
//! their tenant, a neutral answer for addresses that name no tenant.

use test_support::{on_both_backends, spawn_app, Backend};

use super::*;

on_both_backends!(
    unknown_tenants_get_a_neutral_404,
    each_tenant_is_branded_from_first_paint,
    a_session_is_bound_to_its_tenant,
);

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
