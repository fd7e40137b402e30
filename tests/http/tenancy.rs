//! Tenancy and branding: each tenant on its own address and brand, sessions bound to
//! their tenant, a neutral answer for addresses that name no tenant.

use engine::jobs::NewJob;
use engine::model::{now_ms, DocRef};
use test_support::logins::{FF_ADMIN, FF_PLANNER, RL_ADMIN};
use test_support::{on_both_backends, spawn_app, spawn_app_with, Backend, Options};

use super::*;

on_both_backends!(
    unknown_tenants_get_a_neutral_404,
    the_platform_address_shows_a_neutral_landing_page,
    each_tenant_is_branded_from_first_paint,
    a_session_is_bound_to_its_tenant,
    one_host_serves_one_tenant,
    another_tenants_ids_are_not_found_anywhere,
    two_path_form_sign_ins_live_side_by_side,
    a_sign_in_is_honoured_only_on_its_own_host,
    the_proxy_is_told_which_hosts_get_certificates,
    a_tenant_adds_proves_and_removes_a_custom_domain,
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

async fn the_platform_address_shows_a_neutral_landing_page(backend: Backend) {
    // Whoever just ran the platform opens its bare address: a page, not a 404, that
    // names no tenant and no brand.
    let app = spawn_app(backend).await;
    let res = app.client().get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let text = body(res).await;
    assert!(text.contains("use the link your company"), "{text}");
    for leak in ["shelfwise", "freshfield", "ridgeline", "northwind", "/t/"] {
        assert!(
            !text.to_lowercase().contains(leak),
            "landing page mentions {leak}"
        );
    }
    // The demo links its portals there (names escaped).
    let demo = spawn_app_with(
        backend,
        Options {
            demo_portals: vec![
                ("Freshfield <Markets>".into(), "freshfield".into()),
                ("Ridgeline Outdoor".into(), "ridgeline".into()),
            ],
            ..Options::default()
        },
    )
    .await;
    let text = body(demo.client().get(demo.url("/")).send().await.unwrap()).await;
    assert!(
        text.contains("<a href=\"/t/freshfield\">Freshfield &lt;Markets&gt;</a>"),
        "{text}"
    );
    assert!(
        text.contains("<a href=\"/t/ridgeline\">Ridgeline Outdoor</a>"),
        "{text}"
    );
    let portal = demo
        .client()
        .get(demo.url("/t/freshfield/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(portal.status(), 200, "the link leads to the portal");
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
    // Freshfield's pale gold accent would be a 1.6:1 focus ring: the ring takes its
    // green instead.
    assert!(ff.contains("--accent:#f4c542;--focus:#1e7a46;"), "{ff}");
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

/// On a tenant's host the host alone decides the tenant: `/t/<other>` and the other
/// tenant's theme assets are not found there; the platform's own host serves both.
async fn one_host_serves_one_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    let get = |path: &str, host: &str| {
        c.get(app.url(path))
            .header("host", format!("{host}:{}", app.port))
            .send()
    };
    for (path, host, status) in [
        ("/t/ridgeline/login", "freshfield.localhost", 404),
        ("/t/freshfield/login", "freshfield.localhost", 404),
        ("/login", "freshfield.localhost", 200),
        (
            "/theme-assets/ridgeline/theme.toml",
            "freshfield.localhost",
            404,
        ),
        (
            "/theme-assets/ridgeline/logo.svg",
            "freshfield.localhost",
            404,
        ),
        (
            "/theme-assets/freshfield/logo.svg",
            "freshfield.localhost",
            200,
        ),
        ("/t/ridgeline/login", "127.0.0.1", 200),
        ("/theme-assets/ridgeline/logo.svg", "127.0.0.1", 200),
    ] {
        let res = get(path, host).await.unwrap();
        assert_eq!(res.status(), status, "{path} on {host}");
    }
    let page = body(get("/login", "freshfield.localhost").await.unwrap()).await;
    assert!(page.contains("Freshfield"), "the host's own brand");
}

/// Signed in to Freshfield as its admin (who may do everything there), every route that
/// takes an id answers 404 for a Ridgeline id, and nothing of Ridgeline changes.
async fn another_tenants_ids_are_not_found_anywhere(backend: Backend) {
    let app = spawn_app(backend).await;
    let rl = app.tenant("ridgeline").await;
    // Ridgeline gets a transfer (and a stockout exception) of its own.
    let key = app.api_key("ridgeline").await;
    let batch = json!({"events": [
        {"source": "pos", "external_id": "r1", "type": "count", "location": "DC-C", "sku": "RL-001", "quantity": 500},
        {"source": "pos", "external_id": "r2", "type": "count", "location": "S-KOE", "sku": "RL-001", "quantity": 0},
    ]});
    assert_eq!(
        app.post_events("ridgeline", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let transfer = app.store.transfers(rl, None, 5).await.unwrap()[0].clone();
    let exception = app.store.exceptions(rl, "open", None, 5).await.unwrap()[0].id;
    let policy = app.store.policies(rl).await.unwrap()[0].id;
    let rl_admin = app
        .store
        .members_with_role(rl, engine::model::Role::TenantAdmin)
        .await
        .unwrap()[0]
        .0;
    let rl_planner = app
        .store
        .members_with_role(rl, engine::model::Role::Planner)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.0 != rl_admin)
        .unwrap()
        .0;
    let admin = app.store.member(rl, rl_admin).await.unwrap().unwrap();
    let delegation = engine::replenish::delegate(
        &app.store,
        rl,
        &admin,
        rl_planner,
        engine::model::Role::Approver,
        now_ms(),
        now_ms() + 86_400_000,
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let job = app
        .store
        .enqueue(
            &NewJob::new("replenish.sweep", json!({}), now_ms())
                .tenant(rl)
                .at(now_ms() + 86_400_000),
        )
        .await
        .unwrap()
        .unwrap();
    let audit_before = app.store.audit_head(rl).await.unwrap();

    let ff = app.signed_in("freshfield", FF_ADMIN).await;
    let doc = DocRef::Transfer(transfer.id).subject();
    let t = transfer.id.to_string();
    let pages = [
        format!("/t/freshfield/documents/transfer/{t}"),
        format!("/t/freshfield/settings/policies?edit={policy}"),
    ];
    for page in pages {
        let res = ff.get(app.url(&page)).send().await.unwrap();
        assert_eq!(res.status(), 404, "GET {page}");
    }
    let posts: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            format!("/t/freshfield/documents/transfer/{t}/command"),
            vec![("command", "cancel".into()), ("confirm", "yes".into())],
        ),
        (
            "/t/freshfield/approvals/decide".into(),
            vec![("doc", doc.clone()), ("decision", "approve".into())],
        ),
        (
            "/t/freshfield/approvals/bulk".into(),
            vec![("doc", doc.clone())],
        ),
        (
            format!("/t/freshfield/approvals/delegations/{delegation}/end"),
            vec![],
        ),
        (
            "/t/freshfield/exceptions/act".into(),
            vec![
                ("id", exception.to_string()),
                ("action", "assign_me".into()),
            ],
        ),
        (format!("/t/freshfield/jobs/{job}/replay"), vec![]),
        (
            format!("/t/freshfield/settings/policies/{policy}/delete"),
            vec![],
        ),
        (
            "/t/freshfield/settings/approvals/rules/999/delete".into(),
            vec![("version", "1".into())],
        ),
    ];
    for (path, form) in posts {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.post_form(&ff, &path, &form).await;
        assert_eq!(res.status(), 404, "POST {path}");
    }
    // The server function behind the document page answers 404 too.
    let res = ff
        .post(app.url("/t/freshfield/api/document"))
        .header("origin", app.origin())
        .form(&[("doc_type", "transfer"), ("id", t.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // Nothing of Ridgeline changed.
    assert_eq!(app.store.audit_head(rl).await.unwrap(), audit_before);
    let after = app.store.transfer(rl, transfer.id).await.unwrap().unwrap();
    assert_eq!(after.state, transfer.state);
    assert!(app
        .store
        .policies(rl)
        .await
        .unwrap()
        .iter()
        .any(|p| p.id == policy));
}

/// Signing in to a second tenant on the platform's host (path form) leaves the first
/// sign-in alone; signing out of one leaves the other.
async fn two_path_form_sign_ins_live_side_by_side(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    app.login(&c, "freshfield", FF_ADMIN.0, FF_ADMIN.1).await;
    app.login(&c, "ridgeline", RL_ADMIN.0, RL_ADMIN.1).await;
    for slug in ["freshfield", "ridgeline"] {
        let res = c
            .get(app.url(&format!("/t/{slug}/inventory")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{slug} is still signed in");
    }
    let res = app.post_form(&c, "/t/ridgeline/logout", &[]).await;
    assert_eq!(res.status(), 303);
    let res = c
        .get(app.url("/t/ridgeline/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        302,
        "signed out of Ridgeline: sent to sign in"
    );
    let res = c
        .get(app.url("/t/freshfield/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "still signed in to Freshfield");
}

/// A sign-in made on one of a tenant's hosts is not honoured on another (its custom
/// domain, the platform's path form), even with the same cookie.
async fn a_sign_in_is_honoured_only_on_its_own_host(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    let on = |host: &str| format!("{host}:{}", app.port);
    let res = c
        .post(app.url("/login"))
        .header("host", on("freshfield.localhost"))
        .header("origin", format!("http://{}", on("freshfield.localhost")))
        .form(&[("email", FF_ADMIN.0), ("password", FF_ADMIN.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/");
    let inventory = |host: String| c.get(app.url("/inventory")).header("host", host).send();
    let res = inventory(on("freshfield.localhost")).await.unwrap();
    assert_eq!(res.status(), 200, "signed in on its own host");
    for host in ["stock.freshfield.example", "Stock.Freshfield.example"] {
        let res = inventory(on(host)).await.unwrap();
        assert_eq!(res.status(), 302, "{host}");
        assert_eq!(res.headers()["location"], "/login");
    }
    let res = c
        .get(app.url("/t/freshfield/inventory"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302, "the platform's host");
    // Still signed in where it was made.
    let res = inventory(on("freshfield.localhost")).await.unwrap();
    assert_eq!(res.status(), 200);
}

/// The on-demand TLS question a proxy asks: yes for the hosts served here, no for the rest.
async fn the_proxy_is_told_which_hosts_get_certificates(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.client();
    for (domain, status) in [
        ("stock.freshfield.example", 200),
        ("STOCK.freshfield.example.", 200),
        ("supply.ridgeline-outdoor.example", 200),
        ("ridgeline.localhost", 200),
        ("localhost", 200),
        ("nobody.localhost", 404),
        ("evil.example", 404),
        ("a.b.ridgeline.localhost", 404),
        ("not a host", 400),
        ("", 400),
    ] {
        let res = c
            .get(app.url("/internal/tls/allowed"))
            .query(&[("domain", domain)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{domain:?}");
    }
}

/// The tenant admin adds a custom domain, proves it (here by the test's trusted `.test`
/// suffix, or by the file the verifier fetches), and the portal answers on it; another
/// tenant cannot take it, the platform's names cannot be claimed, and removing it stops
/// the portal answering there at once.
async fn a_tenant_adds_proves_and_removes_a_custom_domain(backend: Backend) {
    // Every request looks its host up afresh (a re-provisioning must show at once).
    let app = spawn_app_with(
        backend,
        Options {
            tenant_cache_seconds: 0,
            ..Options::default()
        },
    )
    .await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    let page = "/t/freshfield/settings/branding/domains";
    let post = |c: &reqwest::Client, path: String, form: Vec<(&'static str, String)>| {
        let (app, c) = (&app, c.clone());
        async move {
            let res = c
                .post(app.url(&path))
                .header("origin", app.origin())
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "{path}");
            urlencoding_decode(res.headers()["location"].to_str().unwrap())
        }
    };
    let on_host = |host: &str| {
        app.client()
            .get(app.url("/login"))
            .header("host", format!("{host}:{}", app.port))
            .send()
    };
    let body_of = |res: reqwest::Response| res.text();
    let listed = body_of(admin.get(app.url(page)).send().await.unwrap())
        .await
        .unwrap();
    assert!(listed.contains("stock.freshfield.example"), "{listed}");

    assert_eq!(on_host("shop.fresh.test").await.unwrap().status(), 404);
    let to = post(
        &admin,
        page.into(),
        vec![("domain", "Shop.Fresh.TEST".into())],
    )
    .await;
    assert!(to.contains("Domain added"), "{to}");
    // Ridgeline may claim it too, but only one can prove it.
    let to = post(
        &rl,
        "/t/ridgeline/settings/branding/domains".into(),
        vec![("domain", "shop.fresh.test".into())],
    )
    .await;
    assert!(to.contains("Domain added"), "{to}");
    for (bad, why) in [
        ("acme.localhost", "belongs to the platform"),
        ("shop.example.com:8443", "is not a host name"),
        ("stock.freshfield.example", "already in use"),
    ] {
        let to = post(
            &rl,
            "/t/ridgeline/settings/branding/domains".into(),
            vec![("domain", bad.into())],
        )
        .await;
        assert!(to.contains(why), "{bad}: {to}");
    }
    let ff = app.tenant("freshfield").await;
    let claim = app
        .store
        .domain_claims(ff)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.domain == "shop.fresh.test")
        .unwrap();
    let listed = body_of(admin.get(app.url(page)).send().await.unwrap())
        .await
        .unwrap();
    assert!(
        listed.contains(&claim.token),
        "the token to publish is shown: {listed}"
    );
    // Another tenant's claim is not found from here.
    let rl_t = app.tenant("ridgeline").await;
    let theirs = app.store.domain_claims(rl_t).await.unwrap()[0].id;
    let res = admin
        .post(app.url(&format!("{page}/{theirs}/verify")))
        .header("origin", app.origin())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    let to = post(&admin, format!("{page}/{}/verify", claim.id), vec![]).await;
    assert!(to.contains("Proven"), "{to}");
    let res = on_host("shop.fresh.test").await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Freshfield"));
    let res = app
        .client()
        .get(app.url("/internal/tls/allowed"))
        .query(&[("domain", "shop.fresh.test")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Provisioning the tenant again from its file keeps a domain proven in the portal.
    let ff_domains = ["stock.freshfield.example".to_string()];
    app.store
        .upsert_tenant(
            "freshfield",
            "Freshfield Grocers",
            "freshfield",
            "EUR",
            None,
            Default::default(),
            &ff_domains,
        )
        .await
        .unwrap();
    assert_eq!(on_host("shop.fresh.test").await.unwrap().status(), 200);
    assert_eq!(
        on_host("stock.freshfield.example").await.unwrap().status(),
        200
    );
    let to = post(
        &rl,
        format!("/t/ridgeline/settings/branding/domains/{theirs}/verify"),
        vec![],
    )
    .await;
    assert!(to.contains("already in use"), "{to}");

    // A domain outside the trusted suffix is proven by the file its server holds.
    let to = post(
        &admin,
        page.into(),
        vec![("domain", "stock.fresh-example.com".into())],
    )
    .await;
    assert!(to.contains("Domain added"), "{to}");
    let other = app
        .store
        .domain_claims(ff)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.domain == "stock.fresh-example.com")
        .unwrap();
    let member = test_support::member(&app.store, ff, FF_ADMIN.0).await;
    let serving = |text: String| engine::domains::Verifier {
        trusted_suffixes: vec![".test".into()],
        fetch: std::sync::Arc::new(move |_| {
            let text = text.clone();
            Box::pin(async move { Some(text) })
        }),
    };
    let wrong = engine::domains::verify_domain(
        &app.store,
        ff,
        &member,
        other.id,
        &serving("something else".into()),
        None,
        now_ms(),
    )
    .await;
    assert!(wrong.is_err(), "{wrong:?}");
    engine::domains::verify_domain(
        &app.store,
        ff,
        &member,
        other.id,
        &serving(format!("{}\n", other.token)),
        None,
        now_ms(),
    )
    .await
    .unwrap();

    // Removed: the portal stops answering there at once.
    let to = post(&admin, format!("{page}/{}/remove", claim.id), vec![]).await;
    assert!(to.contains("no longer answers"), "{to}");
    assert_eq!(on_host("shop.fresh.test").await.unwrap().status(), 404);
    // A planner may not see or change the domains.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let res = planner.get(app.url(page)).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let trail: Vec<String> = app
        .store
        .audit_trail(ff)
        .await
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.subject))
        .collect();
    for expected in [
        "domain.added domain:shop.fresh.test",
        "domain.verified domain:shop.fresh.test",
        "domain.removed domain:shop.fresh.test",
    ] {
        assert!(trail.iter().any(|a| a == expected), "{expected}: {trail:?}");
    }
}
