//! Size: one journey through every audience in one browser session reads best in one
//! place; each audience is a function of its own below.
//!
//! End-to-end in headless Chromium: sign in to both demo tenants, see each one's brand,
//! filter the inventory through the hydrated page without a reload, approve a transfer
//! from the inbox on a phone-sized screen, and, as the dairy supplier on the same
//! screen, acknowledge an order from its e-mail link without a password, then sign in,
//! write to the buyer about another and propose a change to it, which the buyer accepts;
//! and, as a shopper on a shop of another origin, ask the embedded widget for a
//! back-in-stock alert and confirm it from the e-mail; and, as a partner on its own
//! console's host, provision a client from a template and act as another on the
//! client's host, which the client's admin then reads in the audit trail.

use fantoccini::{Client, Locator};
use serde_json::json;
use test_support::{spawn_app_with, Backend, Options, TestApp};

mod chromium;
use chromium::{click, fill, fits_the_screen, js, sign_in, start_browser, wait_for};

async fn check_brand(c: &Client, product: &str, topbar_rgb: &str) {
    check_topbar(c, product, topbar_rgb).await;
    let text = js(
        c,
        "return document.documentElement.outerHTML.toLowerCase();",
    )
    .await;
    assert!(
        !text.as_str().unwrap().contains("shelfwise"),
        "{product} never says Shelfwise"
    );
    assert_eq!(js(c, "return document.title;").await, json!(product));
}

async fn filter_without_reload(c: &Client, app: &TestApp, search: &str, shot: &str) {
    c.find(Locator::LinkText("Inventory"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('table.stock tbody tr')",
        "inventory rows",
    )
    .await;
    wait_for(c, "document.body.dataset.hydrated === 'true'", "hydration").await;
    js(c, "window.__probe = 'same page'; return null;").await;
    let input = c.find(Locator::Css("input[name=q]")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(search).await.unwrap();
    c.find(Locator::Css(".filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let cond = format!(
        "location.search.includes('q={search}') && (() => {{ const rows = [...document.querySelectorAll('table.stock tbody tr')]; \
         return rows.length > 0 && rows.every(r => r.textContent.toLowerCase().includes('{search}')); }})()"
    );
    wait_for(c, &cond, "the filtered table").await;
    assert_eq!(
        js(c, "return window.__probe;").await,
        json!("same page"),
        "the table changed without a page load"
    );
    let png = c.screenshot().await.unwrap();
    let _ = std::fs::write(
        std::env::temp_dir().join(format!("shelfwise-{shot}-{}.png", app.port)),
        png,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_demo_tenants_sign_in_branded_and_filter_without_reload() {
    if !chromium::available() {
        return;
    }
    let site = std::env::var("SHELFWISE_SITE_ROOT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| test_support::repo_root().join("site"));
    assert!(
        site.join("pkg/portal.js").is_file(),
        "site assets missing at {}: run scripts/test, which builds them",
        site.display()
    );

    let app = spawn_app_with(Backend::Sqlite, Options::default()).await;
    let profile = tempfile::tempdir().unwrap();
    let (_driver, c) = start_browser(profile.path()).await;

    // Grocery franchise, tenant from the path.
    sign_in(
        &c,
        &app.url("/t/freshfield/login"),
        "planner@freshfield.example",
        "freshfield-plan-2026",
    )
    .await;
    check_brand(&c, "Freshfield Stock", "rgb(30, 122, 70)").await;
    filter_without_reload(&c, &app, "oat", "freshfield").await;

    // Outdoor retailer run by an MSP, tenant from the host (*.localhost resolves to loopback).
    sign_in(
        &c,
        &format!("http://ridgeline.localhost:{}/login", app.port),
        "admin@ridgeline.example",
        "ridgeline-admin-2026",
    )
    .await;
    check_brand(&c, "Ridgeline Supply Desk", "rgb(38, 50, 56)").await;
    filter_without_reload(&c, &app, "jacket", "ridgeline").await;

    approve_on_a_phone(&c, &app).await;
    supplier_on_a_phone(&c, &app).await;
    shopper_on_a_phone(&c, &app).await;
    partner_provisions_and_acts(&c, &app).await;
    c.close().await.unwrap();
}

/// Northwind's admin, on its own console's host, provisions a client from a template
/// (watching its progress), then acts as Ridgeline on Ridgeline's host through a
/// session with a reason, sees the banner on its pages, and ends it; Ridgeline's admin
/// reads all of it in the audit trail.
async fn partner_provisions_and_acts(c: &Client, app: &TestApp) {
    let console = format!("http://northwind.localhost:{}", app.port);
    c.goto(&format!("{console}/login")).await.unwrap();
    fill(c, "#email", "ops@northwind.example").await;
    fill(c, "#password", "northwind-msp-2026").await;
    click(c, "form button[type=submit]").await;
    wait_for(c, "location.pathname === '/partner'", "the console").await;
    check_topbar(c, "Northwind Client Console", "rgb(13, 59, 102)").await;
    wait_for(
        c,
        "document.body.textContent.includes('Ridgeline Outdoor')",
        "the client list",
    )
    .await;

    // A new client from a template, with its progress.
    js(
        c,
        "document.querySelector('select[name=template]').value = 'outdoor-starter'; return null;",
    )
    .await;
    fill(c, "input[name=name]", "Summit Sports").await;
    fill(c, "input[name=slug]", "summit").await;
    fill(c, "input[name=admin_name]", "Sam Summit").await;
    fill(c, "input[name=admin_email]", "sam@summit.example").await;
    click(c, "form[action='/partner/clients'] button[type=submit]").await;
    wait_for(
        c,
        "location.pathname.startsWith('/partner/provisionings/') && document.querySelector('progress')",
        "the provisioning's progress",
    )
    .await;
    app.run_pending_jobs().await;
    wait_for(
        c,
        "document.body.textContent.includes('Summit Sports is ready')",
        "the provisioning done (the page follows by itself)",
    )
    .await;

    // Act as Ridgeline: a role, a reason, an end.
    c.goto(&format!("{console}/partner")).await.unwrap();
    js(
        c,
        "document.querySelector('details').open = true; return null;",
    )
    .await;
    js(
        c,
        "document.querySelector('select[name=role]').value = 'planner'; return null;",
    )
    .await;
    fill(c, "input[name=minutes]", "20").await;
    fill(c, "input[name=reason]", "looking into the tent stockouts").await;
    click(
        c,
        "form[action='/partner/clients/ridgeline/act-as'] button[type=submit]",
    )
    .await;
    wait_for(
        c,
        "document.querySelector('#enter')",
        "the link into the client",
    )
    .await;
    click(c, "#enter").await;
    wait_for(
        c,
        "location.host.startsWith('ridgeline.localhost') && location.pathname.startsWith('/act-as/')",
        "the client's host",
    )
    .await;
    click(c, "form button[type=submit]").await;
    wait_for(
        c,
        "document.querySelector('.act-as-banner') && document.body.dataset.hydrated === 'true'",
        "the banner on the client's portal",
    )
    .await;
    let banner = c
        .find(Locator::Css(".act-as-banner"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        banner.contains("looking into the tent stockouts"),
        "{banner}"
    );
    assert!(banner.contains("as planner until"), "{banner}");
    // The banner names the client and the session, not the partner's brand (the
    // person's own e-mail address is theirs to see).
    assert!(!banner.to_lowercase().contains("northwind"), "{banner}");
    c.find(Locator::LinkText("Inventory"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "document.querySelector('table.stock tbody tr') && document.querySelector('.act-as-banner')", "the banner on every page").await;
    click(c, ".act-as-banner button[type=submit]").await;
    wait_for(
        c,
        "document.body.textContent.includes('Session ended')",
        "the session ended",
    )
    .await;

    // Ridgeline's admin reads it in the audit trail.
    sign_in(
        c,
        &format!("http://ridgeline.localhost:{}/login", app.port),
        "admin@ridgeline.example",
        "ridgeline-admin-2026",
    )
    .await;
    c.find(Locator::LinkText("Audit trail"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "location.pathname === '/settings/audit'",
        "the audit trail",
    )
    .await;
    let trail = js(c, "return document.body.textContent;").await;
    let trail = trail.as_str().unwrap();
    for seen in [
        "act_as.started",
        "act_as.entered",
        "act_as.ended",
        "Nadia Okafor (service provider",
        "looking into the tent stockouts",
    ] {
        assert!(trail.contains(seen), "{seen} in the audit trail");
    }
    assert!(!trail.to_lowercase().contains("northwind"));
}

async fn check_topbar(c: &Client, product: &str, topbar_rgb: &str) {
    let name = c
        .find(Locator::Css(".product-name"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(name, product);
    let bg = js(
        c,
        "return getComputedStyle(document.querySelector('.topbar')).backgroundColor;",
    )
    .await;
    assert_eq!(bg, json!(topbar_rgb));
}

/// A store runs low; the operator opens the inbox on a 390 px wide screen, sees the
/// item whole (nothing wider than the screen), and approves it with a tap.
async fn approve_on_a_phone(c: &Client, app: &TestApp) {
    let ff = app.tenant("freshfield").await;
    let id = app.low_store_transfer().await;
    let transfer = app.store.transfer(ff, id).await.unwrap().unwrap();
    assert_eq!(transfer.state.as_str(), "pending_approval");

    c.set_window_size(390, 844).await.unwrap();
    // The planner signs out first (the sign-in helper waits for the signed-in header).
    c.goto(&app.url("/t/freshfield/")).await.unwrap();
    c.find(Locator::Css("form.signout button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "!document.querySelector('.who')", "the signed-out page").await;
    sign_in(
        c,
        &app.url("/t/freshfield/login"),
        "operator@freshfield.example",
        "freshfield-ops-2026",
    )
    .await;
    c.goto(&app.url("/t/freshfield/approvals")).await.unwrap();
    wait_for(
        c,
        "document.querySelector('article.approval')",
        "an inbox card",
    )
    .await;
    let fits = js(
        c,
        "const w = document.documentElement.clientWidth;
         const b = document.querySelector('article.approval button[value=approve]').getBoundingClientRect();
         return { page: document.documentElement.scrollWidth, width: w,
                  card: document.querySelector('article.approval').getBoundingClientRect().right,
                  button: [b.left, b.right, b.height],
                  wider: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1)
                    .slice(0, 8).map(e => e.tagName + '.' + e.className) };",
    )
    .await;
    let width = fits["width"].as_f64().unwrap();
    assert!(width <= 400.0, "a phone-sized viewport: {fits}");
    assert!(
        fits["page"].as_f64().unwrap() <= width,
        "nothing scrolls sideways: {fits}"
    );
    assert!(fits["card"].as_f64().unwrap() <= width, "{fits}");
    let button = &fits["button"];
    assert!(
        button[0].as_f64().unwrap() >= 0.0 && button[1].as_f64().unwrap() <= width,
        "the Approve button is on screen: {fits}"
    );
    assert!(
        button[2].as_f64().unwrap() >= 36.0,
        "and big enough to tap: {fits}"
    );
    let png = c.screenshot().await.unwrap();
    let _ = std::fs::write(
        std::env::temp_dir().join(format!("shelfwise-phone-inbox-{}.png", app.port)),
        png,
    );
    c.find(Locator::Css("article.approval button[value=approve]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "location.search.includes('notice=')",
        "the approval notice",
    )
    .await;
    assert_eq!(app.transfer_state(ff, transfer.id).await, "approved");
    // The approval queued the outcome's work (mail); it runs cleanly.
    app.run_pending_jobs().await;
}

/// The dairy's orders are sent; on the phone-sized screen the supplier opens one from
/// its e-mail link and acknowledges it without a password, then signs in, lands on its
/// own order list, writes to the buyer about another order and proposes a change to it,
/// which the buyer, signed in, accepts.
async fn supplier_on_a_phone(c: &Client, app: &TestApp) {
    let ff = app.tenant("freshfield").await;
    let sent: Vec<i64> = app
        .sent_orders_for(&["FF-0002"])
        .await
        .into_iter()
        .map(|o| o.0)
        .collect();
    assert!(sent.len() >= 2, "orders went to the dairy: {sent:?}");
    let (first, second) = (sent[0], sent[1]);
    let mail = app
        .mails()
        .into_iter()
        .map(|m| test_support::unfolded(&m))
        .find(|m| m.contains(&format!("Purchase order PO-{first} from")))
        .expect("the order's e-mail");
    let token = test_support::token_after(&mail, "/po/").expect("the order's link");

    // Signed out, the link opens the order; Acknowledge keeps the suggested date.
    c.goto(&app.url("/t/freshfield/")).await.unwrap();
    c.find(Locator::Css("form.signout button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "!document.querySelector('.who')", "the signed-out page").await;
    c.goto(&app.url(&format!("/t/freshfield/po/{token}")))
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('form.inline-form button.primary')",
        "the order's answer form",
    )
    .await;
    fits_the_screen(c, "the order opened from its link").await;
    c.find(Locator::Css("form.inline-form button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "location.search.includes('notice=')",
        "the acknowledgement notice",
    )
    .await;
    let po = app.store.purchase_order(ff, first).await.unwrap().unwrap();
    assert_eq!(po.state.as_str(), "acknowledged");

    // Signed in, the supplier's start page is its own order list.
    sign_in(
        c,
        &app.url("/t/freshfield/login"),
        "dairy@lowlands-dairy.example",
        "lowlands-supply-2026",
    )
    .await;
    c.goto(&app.url("/t/freshfield/")).await.unwrap();
    wait_for(
        c,
        "location.pathname.endsWith('/supplier/orders') && document.querySelector('table')",
        "the supplier's order list",
    )
    .await;
    fits_the_screen(c, "the supplier's order list").await;
    let staff_nav = js(
        c,
        "return !!document.querySelector('a[href$=\"/inventory\"]');",
    )
    .await;
    assert_eq!(staff_nav, json!(false), "no staff navigation");
    c.goto(&app.url(&format!("/t/freshfield/supplier/orders/{second}")))
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('#message-body')",
        "the message form",
    )
    .await;
    fits_the_screen(c, "the supplier's order page").await;
    c.find(Locator::Css("#message-body"))
        .await
        .unwrap()
        .send_keys("Can we bring this one on Thursday?")
        .await
        .unwrap();
    c.find(Locator::Css(
        "section[aria-labelledby=messages-heading] button[type=submit]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for(
        c,
        "location.search.includes('notice=')",
        "the message notice",
    )
    .await;
    let thread = app.store.po_messages(ff, second).await.unwrap();
    assert!(
        thread.len() == 1 && thread[0].body == "Can we bring this one on Thursday?",
        "{thread:?}"
    );

    // Still on the phone, the supplier proposes one unit fewer on that order's first
    // line; the buyer signs in and accepts the change.
    let line = app.store.po_lines(ff, second).await.unwrap().remove(0);
    c.find(Locator::Css("details.propose summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fits_the_screen(c, "the change form").await;
    let fewer = (line.quantity - 1).max(1);
    js(
        c,
        &format!(
            "document.querySelector('details.propose input[name=qty_{}]').value = '{fewer}';",
            line.id
        ),
    )
    .await;
    c.find(Locator::Css("details.propose button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // (The address still carries the message's notice: wait for this one's words.)
    wait_for(
        c,
        "document.body.innerText.includes('Your change is proposed')",
        "the change notice",
    )
    .await;
    let po = app.store.purchase_order(ff, second).await.unwrap().unwrap();
    assert_eq!(po.state.as_str(), "change_proposed");
    let png = c.screenshot().await.unwrap();
    let _ = std::fs::write(
        std::env::temp_dir().join(format!("shelfwise-phone-supplier-{}.png", app.port)),
        png,
    );
    c.find(Locator::Css("form.signout button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "!document.querySelector('.who')", "the signed-out page").await;
    sign_in(
        c,
        &app.url("/t/freshfield/login"),
        "planner@freshfield.example",
        "freshfield-plan-2026",
    )
    .await;
    c.goto(&app.url(&format!("/t/freshfield/documents/purchase_order/{second}")))
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('.open-change form button.primary')",
        "the proposed change with its answer",
    )
    .await;
    fits_the_screen(c, "the buyer's view of the change").await;
    c.find(Locator::Css(".open-change form button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "document.body.innerText.includes('is now acknowledged')",
        "the acceptance notice",
    )
    .await;
    let po = app.store.purchase_order(ff, second).await.unwrap().unwrap();
    assert_eq!(po.state.as_str(), "acknowledged");
    let line = app.store.po_lines(ff, second).await.unwrap().remove(0);
    assert_eq!(line.quantity, fewer, "the accepted change is the order now");
    app.run_pending_jobs().await;
}

/// A shop's product page on another origin, embedding the tenant's widget: served
/// for any path by a bare HTTP server on its own port. Returns the shop's origin.
async fn shop_page(app: &TestApp, sku: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Shop</title></head>\
         <body><h1>Our shop</h1><div data-stock-alert data-sku=\"{sku}\"></div>\
         <script src=\"http://freshfield.localhost:{}/widget.js\" async></script></body></html>",
        app.port
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let html = html.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    html.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(html.as_bytes()).await;
            });
        }
    });
    origin
}

/// A shopper on a phone: a shop of another origin embeds the widget, which shows the
/// item out at Jordaan; the shopper asks for an alert there, opens the confirmation
/// e-mail's link and confirms; the hosted pages fit the screen.
async fn shopper_on_a_phone(c: &Client, app: &TestApp) {
    let sku = "FF-0003";
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [{"source": "pos-1", "external_id": "bis-0", "type": "count", "location": "S-AMS1", "sku": sku, "quantity": 0}]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let shop = shop_page(app, sku).await;
    // The admin allows the shop's origin.
    let admin = app
        .signed_in("freshfield", test_support::logins::FF_ADMIN)
        .await;
    let res = app
        .post_form(
            &admin,
            "/t/freshfield/settings/back-in-stock",
            &[
                ("enabled", "on"),
                ("wave_percent", "100"),
                ("wave_minutes", "60"),
                ("sends_per_minute", "120"),
                ("substitute_hours", "72"),
                ("allowed_origins", &shop),
                ("demand_weight_percent", "50"),
            ],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));

    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{shop}/product")).await.unwrap();
    wait_for(
        c,
        "document.querySelector('.stock-alert-form')",
        "the widget's form",
    )
    .await;
    fits_the_screen(c, "the shop's page with the widget").await;
    c.find(Locator::Css(".stock-alert-form select"))
        .await
        .unwrap()
        .select_by_value("S-AMS1")
        .await
        .unwrap();
    c.find(Locator::Css(".stock-alert-form input[type=email]"))
        .await
        .unwrap()
        .send_keys("ivy@example.com")
        .await
        .unwrap();
    c.find(Locator::Css(".stock-alert-form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('.stock-alert-status').textContent.includes('we have sent it an e-mail')",
        "the widget's answer",
    )
    .await;
    app.run_jobs_due_at(engine::model::now_ms() + 60_000).await;
    let mail = app
        .mails()
        .into_iter()
        .map(|m| test_support::unfolded(&m))
        .find(|m| m.contains("To: ivy@example.com"))
        .expect("the confirmation e-mail");
    let at = mail
        .find("http://freshfield.localhost")
        .expect("the confirmation link");
    let link: String = mail[at..]
        .chars()
        .take_while(|ch| !ch.is_whitespace() && *ch != '"' && *ch != '<')
        .collect();
    assert!(link.contains("/alerts/confirm/"), "{link}");
    c.goto(&link).await.unwrap();
    wait_for(
        c,
        "document.querySelector('form button.primary')",
        "the confirm button",
    )
    .await;
    fits_the_screen(c, "the confirmation page").await;
    c.find(Locator::Css("form button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        c,
        "document.body.innerText.includes('Your alert is on')",
        "the confirmation notice",
    )
    .await;
    // The shopper's own page (from any of their e-mails) fits the phone too.
    let ff = app.tenant("freshfield").await;
    let id: i64 = link
        .rsplit('/')
        .next()
        .and_then(|t| t.split('.').next())
        .and_then(|n| n.parse().ok())
        .expect("the confirmation link names its alert");
    let key = app
        .store
        .signing_key(engine::links::LINK_KEY)
        .await
        .unwrap();
    let manage = engine::links::shopper_token(&key, engine::links::ShopperLink::Manage, ff.0, id);
    c.goto(&app.url(&format!("/t/freshfield/alerts/{manage}")))
        .await
        .unwrap();
    wait_for(
        c,
        "document.body.innerText.includes('Erase my data')",
        "the shopper's page",
    )
    .await;
    fits_the_screen(c, "the shopper's page").await;
    c.goto(&app.url(&format!("/t/freshfield/notify/{sku}")))
        .await
        .unwrap();
    wait_for(
        c,
        "document.querySelector('.availability')",
        "the hosted page",
    )
    .await;
    fits_the_screen(c, "the hosted notify page").await;
    app.run_pending_jobs().await;
}
