//! A partner's console (issue 13, points 1, 2, 7 and 8): Northwind's admin signs in to
//! its own console, sees its client Ridgeline's health (and no one else's), provisions a
//! new client from a template (idempotently, with progress), and enters Ridgeline only
//! through an act-as session with a reason and an end, which Ridgeline's admins read in
//! their audit trail. Another partner reaches none of it. The platform's console
//! suspends and resumes a tenant.

use engine::model::{now_ms, TenantKind};
use engine::partners::act_as;
use engine::seed::{seed_tenant, TenantFile};
use test_support::logins::{FF_ADMIN, NW_ADMIN, PLATFORM_ADMIN, RL_ADMIN};
use test_support::{
    on_both_backends, spawn_app, spawn_app_with, unfolded, Backend, Options, TestApp,
};

use super::*;

on_both_backends!(
    the_console_shows_its_own_clients_health_only,
    a_client_is_provisioned_from_a_template_once_with_progress,
    acting_as_a_client_is_explicit_limited_and_audited,
    another_partner_reaches_none_of_it,
    the_platform_console_suspends_and_resumes,
);

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, body(res).await)
}

async fn the_console_shows_its_own_clients_health_only(backend: Backend) {
    let app = spawn_app(backend).await;
    // An open stockout at Ridgeline shows on its row.
    let key = app.api_key("ridgeline").await;
    let batch = json!({"events": [event("c1", "count", "S-KOE", "RL-001", 0)]});
    assert_eq!(
        app.post_events("ridgeline", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;

    let c = app.client();
    let to = app.login(&c, "northwind", NW_ADMIN.0, NW_ADMIN.1).await;
    assert_eq!(
        to, "/t/northwind/partner",
        "the console is where its sign-in lands"
    );
    let (status, page) = get(&app, &c, "/t/northwind/partner").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Ridgeline Outdoor"), "its client is listed");
    let lower = page.to_lowercase();
    assert!(
        !lower.contains("freshfield"),
        "a tenant of no partner is not, nor its brand"
    );
    assert!(
        !lower.contains("\"ridgeline\""),
        "nor its client's brand as a pack"
    );
    assert!(
        page.contains("Stockouts per day over the last 30 days: 1 in all"),
        "{page}"
    );
    assert!(
        page.contains("<td>just now</td>") || page.contains("min ago"),
        "the last event"
    );
    // Its start page offers the console, not stock.
    let (status, home) = get(&app, &c, "/t/northwind").await;
    assert_eq!(status, 200);
    assert!(home.contains("/t/northwind/partner"), "{home}");
    // A retailer's admin has no console.
    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = rl
        .get(app.url("/t/ridgeline/partner"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(location(&res).contains("error="), "{}", location(&res));
}

async fn a_client_is_provisioned_from_a_template_once_with_progress(backend: Backend) {
    let app = spawn_app(backend).await;
    let c = app.signed_in("northwind", NW_ADMIN).await;
    let form = |slug: &'static str, template: &'static str| {
        vec![
            ("template", template),
            ("slug", slug),
            ("name", "Summit Sports"),
            ("theme", "neutral"),
            ("admin_name", "Sam Summit"),
            ("admin_email", "Sam@Summit.example"),
        ]
    };
    // Bad input is refused with the field named, and nothing is created.
    for (slug, template, says) in [
        ("Summit Sports", "outdoor-starter", "address name"),
        ("freshfield", "outdoor-starter", "reserved"),
        ("admin", "outdoor-starter", "reserved"),
        ("neutral", "outdoor-starter", "reserved"),
        ("summit", "../ridgeline", "no template"),
        ("summit", "northwind", "no template"),
        ("summit", "ridgeline", "no template"),
    ] {
        let res = app
            .post_form(&c, "/t/northwind/partner/clients", &form(slug, template))
            .await;
        assert_eq!(res.status(), 303);
        let to = urlencoding_decode(&location(&res));
        assert!(
            to.contains("error=") && to.contains(says),
            "{slug} {template}: {to}"
        );
    }
    // Another tenant's or partner's brand is no one else's to give.
    let mut theirs = form("summit", "outdoor-starter");
    theirs.iter_mut().find(|(k, _)| *k == "theme").unwrap().1 = "northwind";
    let res = app
        .post_form(&c, "/t/northwind/partner/clients", &theirs)
        .await;
    assert!(urlencoding_decode(&location(&res)).contains("no theme pack"));
    assert!(app.store.tenant_by_slug("summit").await.unwrap().is_none());

    let res = app
        .post_form(
            &c,
            "/t/northwind/partner/clients",
            &form("summit", "outdoor-starter"),
        )
        .await;
    assert_eq!(res.status(), 303);
    let progress = location(&res);
    assert!(
        progress.starts_with("/t/northwind/partner/provisionings/"),
        "{progress}"
    );
    let (_, page) = get(&app, &c, &progress).await;
    assert!(page.contains("waiting to start"), "{page}");
    assert!(
        page.contains("class=\"auto-refresh"),
        "the page follows the work"
    );
    // Asking again is the same provisioning; another template for the address is not.
    let again = app
        .post_form(
            &c,
            "/t/northwind/partner/clients",
            &form("summit", "outdoor-starter"),
        )
        .await;
    assert_eq!(location(&again), progress);
    let other = app
        .post_form(
            &c,
            "/t/northwind/partner/clients",
            &form("summit", "grocery-starter"),
        )
        .await;
    assert!(urlencoding_decode(&location(&other))
        .contains("provisioned from the template outdoor-starter"));

    app.run_pending_jobs().await;
    let (_, page) = get(&app, &c, &progress).await;
    assert!(page.contains("is ready"), "{page}");
    assert!(page.contains("sam@summit.example"));
    assert!(!page.contains("class=\"auto-refresh"));
    let summit = app.store.tenant_by_slug("summit").await.unwrap().unwrap();
    assert_eq!(summit.partner.as_deref(), Some("northwind"));
    assert_eq!(summit.kind, TenantKind::Retailer);
    assert_eq!(summit.theme, "neutral");
    // It shows its own name from the start, nobody else's.
    let (status, login) = get(&app, &app.client(), "/t/summit/login").await;
    assert_eq!(status, 200);
    assert!(login.contains("Summit Sports"), "{login}");
    for never in ["shelfwise", "northwind", "stock portal"] {
        assert!(!login.to_lowercase().contains(never), "{never}");
    }
    let (locations, suppliers) = app.store.labels(summit.id).await.unwrap();
    assert_eq!((locations.len(), suppliers.len()), (3, 1));
    assert_eq!(app.store.stock_summary(summit.id).await.unwrap().0, 5);
    // The template's people are never copied; the first admin is invited.
    let invite = app
        .mails()
        .into_iter()
        .find(|m| m.contains("sam@summit.example"))
        .expect("the first admin is invited");
    let invite = unfolded(&invite);
    assert!(invite.contains("/invite/"));
    // In the client's own name, headers included: neither the platform nor the partner.
    assert!(invite.contains("Summit Sports"), "{invite}");
    for never in ["shelfwise", "northwind"] {
        assert!(!invite.to_lowercase().contains(never), "{never}: {invite}");
    }
    let trail = app.store.audit_trail(summit.id).await.unwrap();
    assert!(trail.iter().any(|r| r.action == "tenant.provisioned"));
    // The new client is on the console, healthy.
    let (_, console) = get(&app, &c, "/t/northwind/partner").await;
    assert!(console.contains("Summit Sports"));
    // Provisioning it once more changes nothing and queues nothing.
    let again = app
        .post_form(
            &c,
            "/t/northwind/partner/clients",
            &form("summit", "outdoor-starter"),
        )
        .await;
    assert_eq!(location(&again), progress);
    assert_eq!(app.run_pending_jobs().await, 0);
}

/// Starts an act-as session for Ridgeline from Northwind's console; the hand-over path.
async fn start(
    app: &TestApp,
    c: &reqwest::Client,
    role: &str,
    reason: &str,
    minutes: &str,
) -> String {
    let res = app
        .post_form(
            c,
            "/t/northwind/partner/clients/ridgeline/act-as",
            &[("role", role), ("reason", reason), ("minutes", minutes)],
        )
        .await;
    if res.status() == 303 {
        // Only a refusal redirects: a started session answers with a link (a form's
        // redirect to the client's host would be blocked by `form-action 'self'`).
        let to = location(&res);
        assert!(to.contains("error="), "{to}");
        return to;
    }
    assert_eq!(res.status(), 200);
    // The session is ready: the page links to the client's host.
    let page = body(res).await;
    let marker = "id=\"enter\" href=\"";
    let at = page.find(marker).expect("a link to enter") + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

async fn acting_as_a_client_is_explicit_limited_and_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let nw = app.signed_in("northwind", NW_ADMIN).await;
    // Without a proper reason, length or role, nothing starts.
    for (role, reason, minutes, says) in [
        ("planner", "short", "30", "reason"),
        ("planner", "checking the tent stock", "0", "minutes"),
        ("planner", "checking the tent stock", "100000", "minutes"),
        ("planner", "checking the tent stock", "-5", "minutes"),
        ("partner_admin", "checking the tent stock", "30", "role"),
        ("platform_admin", "checking the tent stock", "30", "role"),
    ] {
        let to = urlencoding_decode(&start(&app, &nw, role, reason, minutes).await);
        assert!(
            to.contains("error=") && to.contains(says),
            "{role} {minutes}: {to}"
        );
    }
    let rl = app.tenant("ridgeline").await;
    assert!(!app
        .store
        .audit_trail(rl)
        .await
        .unwrap()
        .iter()
        .any(|r| r.action.starts_with("act_as")));

    // Without a session, the partner's person is no one in Ridgeline's portal.
    let to = app.login(&nw, "ridgeline", NW_ADMIN.0, NW_ADMIN.1).await;
    assert!(to.contains("error=invalid"), "{to}");

    let handover = start(&app, &nw, "planner", "checking the tent stock levels", "30").await;
    assert!(handover.starts_with("/t/ridgeline/act-as/"), "{handover}");
    // Opening the link changes nothing; the button takes it, once.
    let (status, page) = get(&app, &nw, &handover).await;
    assert_eq!(status, 200);
    assert!(page.contains("Enter Ridgeline Outdoor"), "{page}");
    let res = app.post_form(&nw, &handover, &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/t/ridgeline");
    let res = app.post_form(&app.client(), &handover, &[]).await;
    assert_eq!(res.status(), 410);
    assert!(
        body(res).await.contains("works once"),
        "a used hand-over is refused"
    );

    // Every page says so, with the way out; the role is the session's.
    let (status, page) = get(&app, &nw, "/t/ridgeline/inventory").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("You are acting in"),
        "the banner is on the page"
    );
    assert!(page.contains("checking the tent stock levels"));
    assert!(page.contains("/t/ridgeline/act-as/end"));
    let res = nw
        .get(app.url("/t/ridgeline/settings/audit"))
        .send()
        .await
        .unwrap();
    assert!(
        location(&res).contains("error="),
        "a planner's session reads no audit trail"
    );
    let res = nw
        .get(app.url("/t/ridgeline/settings/branding/domains"))
        .send()
        .await
        .unwrap();
    assert!(location(&res).contains("error="), "nor the branding");
    // What the person does is recorded with the session.
    let res = app
        .post_form(
            &nw,
            "/t/ridgeline/settings/policies/sweep-hour",
            &[("hour", "4")],
        )
        .await;
    assert!(location(&res).contains("notice="), "{}", location(&res));
    let changed = app.store.audit_trail(rl).await.unwrap();
    let entry = changed.last().unwrap();
    assert!(entry.actor.starts_with("act_as:"), "{entry:?}");

    // Ridgeline's admin reads it all, with the person, the session and the reason, and
    // without the partner's brand.
    let admin = app.signed_in("ridgeline", RL_ADMIN).await;
    let (status, trail) = get(&app, &admin, "/t/ridgeline/settings/audit").await;
    assert_eq!(status, 200);
    assert!(trail.contains("act_as.started"), "{trail}");
    assert!(trail.contains("act_as.entered"));
    assert!(trail.contains("Nadia Okafor (service provider, act-as session"));
    assert!(trail.contains("checking the tent stock levels"));
    assert!(!trail.to_lowercase().contains("northwind"), "{trail}");
    // The console's own trail has it too.
    let console = app.tenant("northwind").await;
    assert!(app
        .store
        .audit_trail(console)
        .await
        .unwrap()
        .iter()
        .any(|r| r.action == "act_as.started" && r.subject == "tenant:ridgeline"));

    // Ending it ends it for good.
    let res = app.post_form(&nw, "/t/ridgeline/act-as/end", &[]).await;
    assert_eq!(res.status(), 200);
    assert!(body(res).await.contains("Session ended"));
    let res = nw
        .get(app.url("/t/ridgeline/inventory"))
        .send()
        .await
        .unwrap();
    let page = body(res).await;
    assert!(
        !page.contains("You are acting in"),
        "signed out of the client"
    );
    assert!(app
        .store
        .audit_trail(rl)
        .await
        .unwrap()
        .iter()
        .any(|r| r.action == "act_as.ended"));

    // A session ends by itself at its end, and when the person leaves the console.
    let handover = start(&app, &nw, "tenant_admin", "fixing the approval matrix", "5").await;
    // Even as the client's admin, nothing that outlasts the session: no people, no
    // supplier users, no API keys, not one's own account.
    let admin_session = app.client();
    assert_eq!(
        app.post_form(&admin_session, &handover, &[]).await.status(),
        303
    );
    for (path, form) in [
        (
            "/t/ridgeline/settings/members/invite",
            vec![
                ("name", "Me Again"),
                ("email", "ops@northwind.example"),
                ("role", "tenant_admin"),
            ],
        ),
        (
            "/t/ridgeline/settings/integrations/keys",
            vec![("name", "mine"), ("scope", "write_events")],
        ),
        (
            "/t/ridgeline/account/password",
            vec![
                ("current", NW_ADMIN.1),
                ("password", "a-new-password-2026"),
                ("repeat", "a-new-password-2026"),
            ],
        ),
        (
            "/t/ridgeline/settings/suppliers/invite",
            vec![
                ("name", "Me"),
                ("email", "me@northwind.example"),
                ("supplier_id", "1"),
            ],
        ),
        (
            "/t/ridgeline/settings/branding/domains",
            vec![("domain", "supply.northwind.test")],
        ),
    ] {
        let res = app.post_form(&admin_session, path, &form).await;
        let to = urlencoding_decode(&location(&res));
        assert!(
            to.contains("error=") && to.contains("cannot"),
            "{path}: {to}"
        );
    }
    let (status, matrix) = get(&app, &admin_session, "/t/ridgeline/settings/approvals").await;
    assert_eq!(status, 200, "what the session is for works");
    assert!(matrix.contains("You are acting in"));
    let res = app
        .post_form(&admin_session, "/t/ridgeline/act-as/end", &[])
        .await;
    assert_eq!(res.status(), 200);
    let handover = start(&app, &nw, "tenant_admin", "fixing the approval matrix", "5").await;
    let token = handover.rsplit('/').next().unwrap().to_string();
    let client = app
        .store
        .tenant_by_slug("ridgeline")
        .await
        .unwrap()
        .unwrap();
    let late = act_as::enter(
        &app.store,
        rl,
        &token,
        None,
        now_ms() + act_as::HANDOVER_MS + 1,
    )
    .await;
    assert!(late.is_err(), "the hand-over lapses after two minutes");
    let (session, user) = act_as::enter(&app.store, rl, &token, None, now_ms())
        .await
        .unwrap();
    let now = now_ms();
    let m = act_as::member_for(&app.store, &client, session, user, now)
        .await
        .unwrap();
    let m = m.expect("the session is open");
    assert!(m.acting.is_some());
    assert_eq!(m.actor(), format!("act_as:{session}:user:{user}"));
    let after_end = now + 5 * 60_000 + 1;
    let lapsed = act_as::member_for(&app.store, &client, session, user, after_end)
        .await
        .unwrap();
    assert!(lapsed.is_none(), "the session expires");
    let nw_admin = test_support::member(&app.store, console, NW_ADMIN.0).await;
    engine::members::set_active(&app.store, console, &nw_admin, user, false, None, now)
        .await
        .expect_err("one cannot deactivate oneself");
    // Another admin of the console deactivates the person: the session's reach ends.
    let other = app
        .store
        .upsert_member(
            console,
            "second@northwind.example",
            "Second Admin",
            || engine::identity::hash_password_blocking("second-admin-pass-2026"),
            &[engine::model::Role::TenantAdmin],
            None,
        )
        .await
        .unwrap();
    let second = app.store.member(console, other).await.unwrap().unwrap();
    engine::members::set_active(&app.store, console, &second, user, false, None, now)
        .await
        .unwrap();
    let gone = act_as::member_for(&app.store, &client, session, user, now)
        .await
        .unwrap();
    assert!(gone.is_none(), "a deactivated partner admin acts no more");
}

async fn another_partner_reaches_none_of_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let file = TenantFile::parse(
        r#"
slug = "acme-msp"
name = "Acme Managed Services"
theme = "shelfwise"
kind = "partner"

[partner]
slug = "acme"
name = "Acme Managed Services"

[[users]]
email = "ops@acme-msp.example"
name = "Ada Acme"
password = "acme-msp-pass-2026"
roles = ["tenant_admin", "partner_admin"]
"#,
        std::path::Path::new("acme-msp.toml"),
    )
    .unwrap();
    seed_tenant(&app.store, &file).await.unwrap();
    let acme = app
        .signed_in("acme-msp", ("ops@acme-msp.example", "acme-msp-pass-2026"))
        .await;
    let (status, page) = get(&app, &acme, "/t/acme-msp/partner").await;
    assert_eq!(status, 200);
    assert!(page.contains("No clients yet"), "{page}");
    assert!(!page.contains("Ridgeline"));
    // Northwind's client, by slug: not found, nothing recorded.
    let res = app
        .post_form(
            &acme,
            "/t/acme-msp/partner/clients/ridgeline/act-as",
            &[
                ("role", "planner"),
                ("reason", "just having a look around"),
                ("minutes", "30"),
            ],
        )
        .await;
    assert_eq!(res.status(), 404);
    let rl = app.tenant("ridgeline").await;
    assert!(!app
        .store
        .audit_trail(rl)
        .await
        .unwrap()
        .iter()
        .any(|r| r.action.starts_with("act_as")));
    // Northwind's provisioning, by id: not found.
    let nw = app.signed_in("northwind", NW_ADMIN).await;
    let res = app
        .post_form(
            &nw,
            "/t/northwind/partner/clients",
            &[
                ("template", "outdoor-starter"),
                ("slug", "summit"),
                ("name", "Summit Sports"),
                ("admin_name", "Sam"),
                ("admin_email", "sam@summit.example"),
            ],
        )
        .await;
    let progress = location(&res);
    // The address is Northwind's client's now: Acme cannot take it.
    let res = app
        .post_form(
            &acme,
            "/t/acme-msp/partner/clients",
            &[
                ("template", "outdoor-starter"),
                ("slug", "summit"),
                ("name", "Summit Two"),
                ("admin_name", "Ann"),
                ("admin_email", "ann@summit.example"),
            ],
        )
        .await;
    assert!(urlencoding_decode(&location(&res)).contains("is taken"));
    let theirs = progress.replace("/t/northwind/", "/t/acme-msp/");
    let res = acme.get(app.url(&theirs)).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let res = app.post_form(&acme, &format!("{theirs}/retry"), &[]).await;
    assert_eq!(res.status(), 404);
    // A partner's sign-in is its console's only: not Northwind's, not a client's.
    let to = app
        .login(
            &app.client(),
            "northwind",
            "ops@acme-msp.example",
            "acme-msp-pass-2026",
        )
        .await;
    assert!(to.contains("error=invalid"));
    // Acme's session cookie on Northwind's console is no one there.
    let res = acme
        .get(app.url("/t/northwind/partner"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(location(&res).ends_with("/t/northwind/login"));
    app.run_pending_jobs().await;

    // Between one partner's clients: a session in Ridgeline is nobody in Summit.
    let handover = start(&app, &nw, "planner", "checking the tent stock levels", "30").await;
    assert_eq!(app.post_form(&nw, &handover, &[]).await.status(), 303);
    let (_, inside) = get(&app, &nw, "/t/ridgeline/inventory").await;
    assert!(inside.contains("You are acting in"));
    let res = nw
        .get(app.url("/t/summit/settings/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        location(&res).ends_with("/t/summit/login"),
        "{}",
        location(&res)
    );
    // And the session's cookie on Ridgeline's own host is nobody there either.
    let res = nw
        .get(app.url("/settings/audit"))
        .header("host", format!("ridgeline.localhost:{}", app.port))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/login");
}

async fn the_platform_console_suspends_and_resumes(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            tenant_cache_seconds: 0,
            ..Options::default()
        },
    )
    .await;
    let c = app.client();
    let to = app
        .login(&c, "platform", PLATFORM_ADMIN.0, PLATFORM_ADMIN.1)
        .await;
    assert_eq!(to, "/t/platform/platform");
    let (status, page) = get(&app, &c, "/t/platform/platform").await;
    assert_eq!(status, 200);
    for name in [
        "Freshfield",
        "Ridgeline Outdoor",
        "Northwind Retail Services",
        "northwind",
    ] {
        assert!(page.contains(name), "{name}");
    }
    let res = app
        .post_form(
            &c,
            "/t/platform/platform/tenants/ridgeline/suspend",
            &[("reason", "")],
        )
        .await;
    assert!(location(&res).contains("error="), "a reason is needed");
    let res = app
        .post_form(
            &c,
            "/t/platform/platform/tenants/platform/suspend",
            &[("reason", "oops")],
        )
        .await;
    assert!(urlencoding_decode(&location(&res)).contains("cannot be suspended"));
    let res = app
        .post_form(
            &c,
            "/t/platform/platform/tenants/ridgeline/suspend",
            &[("reason", "contract ended")],
        )
        .await;
    assert!(location(&res).contains("notice="));
    let rl = app
        .client()
        .get(app.url("/t/ridgeline/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(rl.status(), 503);
    let res = app
        .post_form(&c, "/t/platform/platform/tenants/ridgeline/resume", &[])
        .await;
    assert!(location(&res).contains("notice="));
    let rl = app
        .client()
        .get(app.url("/t/ridgeline/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(rl.status(), 200);
    let trail = app
        .store
        .audit_trail(app.tenant("ridgeline").await)
        .await
        .unwrap();
    assert!(trail
        .iter()
        .any(|r| r.action == "tenant.suspended" && r.actor.starts_with("platform:user:")));
    // A tenant's admin has no platform console, nor has a partner's.
    for (slug, login) in [("freshfield", FF_ADMIN), ("northwind", NW_ADMIN)] {
        let c = app.signed_in(slug, login).await;
        let res = c
            .get(app.url(&format!("/t/{slug}/platform")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{slug}");
        assert!(location(&res).contains("error="));
    }
}
