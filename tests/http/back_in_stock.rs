//! Back-in-stock alerts, as a shopper, an attacker and an unlucky operator meet them:
//! the hosted page and double opt-in, waves that re-check stock, one-click unsubscribe
//! without a cookie, erasure, abuse limits, the widget's API for allowed shop origins
//! only, SMTP failures, and waiting shoppers counted as demand.

use engine::addresses::AddressKeys;
use engine::back_in_stock::{self, Source, SubscribeRequest};
use engine::links::{shopper_token, ShopperLink, LINK_KEY};
use engine::model::{now_ms, TenantId};
use engine::on_db;
use serde_json::json;
use test_support::smtp::{scripted_smtp_server, Reply};
use test_support::{
    logins, on_both_backends, spawn_app, spawn_app_with, token_after, unfolded, Backend, Options,
    TestApp,
};

use super::*;

on_both_backends!(
    a_shopper_subscribes_confirms_and_hears_once_when_stock_returns,
    waves_notify_as_many_as_there_are_units_and_resume_on_the_next_restock,
    one_click_unsubscribe_needs_no_cookie_and_erase_removes_the_shopper,
    abuse_is_limited_and_answered_the_same_as_success,
    the_widget_serves_allowed_shop_origins_only,
    smtp_failures_are_retried_and_a_permanent_refusal_suppresses_the_address,
    waiting_shoppers_count_as_demand_in_replenishment,
    an_item_that_stays_out_offers_the_substitute_at_the_send_rate,
    unsubscribing_recalls_a_notification_not_yet_sent_and_unconfirmed_shoppers_are_purged,
    a_rotated_key_reseals_every_address_and_still_finds_it,
    serving_over_https_needs_subscriber_keys_and_keeps_opening_the_development_key,
);

const SKU: &str = "FF-0001";
const STORE: &str = "S-AMS1";

async fn count(app: &TestApp, key: &str, id: &str, store: &str, quantity: i64) {
    let batch = json!({"events": [
        {"source": "pos-1", "external_id": id, "type": "count", "location": store, "sku": SKU, "quantity": quantity}
    ]});
    assert_eq!(
        app.post_events("freshfield", key, &batch).await.status(),
        200
    );
}

/// Posts the hosted page's form; returns where it sends the shopper.
async fn subscribe(app: &TestApp, email: &str, store: &str, website: &str) -> String {
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/notify/{SKU}"),
            &[("email", email), ("store", store), ("website", website)],
        )
        .await;
    assert_eq!(res.status(), 303);
    res.headers()["location"].to_str().unwrap().to_string()
}

/// Every mail to `address`, unfolded.
fn mails_to(app: &TestApp, address: &str) -> Vec<String> {
    app.mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| m.contains(&format!("To: {address}")))
        .collect()
}

/// The mails whose subject contains `subject`.
fn with_subject<'a>(mails: &'a [String], subject: &str) -> Vec<&'a String> {
    mails
        .iter()
        .filter(|m| header(m, "Subject").is_some_and(|s| s.contains(subject)))
        .collect()
}

/// Runs every job due within the next minute (shopper mail is spread over send slots).
async fn run_soon(app: &TestApp) -> usize {
    app.run_jobs_due_at(now_ms() + 60_000).await
}

/// Subscribes through the page and confirms from the e-mail; returns the
/// subscription's id.
async fn confirmed(app: &TestApp, email: &str, store: &str) -> i64 {
    subscribe(app, email, store, "").await;
    run_soon(app).await;
    let mails = mails_to(app, email);
    // The newest subscription's confirmation: the highest id.
    let token = with_subject(&mails, "Confirm your alert")
        .into_iter()
        .filter_map(|m| token_after(m, "/alerts/confirm/"))
        .max_by_key(|t| t.split('.').next().unwrap().parse::<i64>().unwrap())
        .expect("a confirmation e-mail with its link");
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/alerts/confirm/{token}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.contains("notice=Your%20alert%20is%20on") || to.contains("notice=Your+alert+is+on"),
        "{to}"
    );
    token.split('.').next().unwrap().parse().unwrap()
}

/// One figure from the tenant's rows, for a test to inspect (`$1` is the tenant).
async fn figure(app: &TestApp, ff: TenantId, sql: &str) -> i64 {
    let store = app.store.clone();
    async {
        let v: i64 = on_db!(store.db(), read, ff, |pool| sqlx::query_scalar(sql)
            .bind(ff.0)
            .fetch_one(pool)
            .await)?;
        Ok::<_, sqlx::Error>(v)
    }
    .await
    .unwrap()
}

/// Ids from the tenant's rows (`$1` is the tenant).
async fn id_list(app: &TestApp, ff: TenantId, sql: &str) -> Vec<i64> {
    let store = app.store.clone();
    async {
        let v: Vec<i64> = on_db!(store.db(), read, ff, |pool| sqlx::query_scalar(sql)
            .bind(ff.0)
            .fetch_all(pool)
            .await)?;
        Ok::<_, sqlx::Error>(v)
    }
    .await
    .unwrap()
}

/// Texts from the tenant's rows (`$1` is the tenant).
async fn texts(app: &TestApp, ff: TenantId, sql: &str) -> Vec<Option<String>> {
    let store = app.store.clone();
    async {
        let v: Vec<Option<String>> = on_db!(store.db(), read, ff, |pool| sqlx::query_scalar(sql)
            .bind(ff.0)
            .fetch_all(pool)
            .await)?;
        Ok::<_, sqlx::Error>(v)
    }
    .await
    .unwrap()
}

async fn state_of(app: &TestApp, ff: TenantId, id: i64) -> String {
    app.store.subscription(ff, id).await.unwrap().unwrap().state
}

async fn manage_token(app: &TestApp, ff: TenantId, id: i64) -> String {
    let key = app.store.signing_key(LINK_KEY).await.unwrap();
    shopper_token(&key, ShopperLink::Manage, ff.0, id)
}

fn header<'a>(mail: &'a str, name: &str) -> Option<&'a str> {
    mail.lines()
        .find(|l| l.starts_with(&format!("{name}: ")))
        .map(|l| l[name.len() + 2..].trim())
}

async fn a_shopper_subscribes_confirms_and_hears_once_when_stock_returns(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;

    let page = super::body(
        app.client()
            .get(app.url(&format!("/t/freshfield/notify/{SKU}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Out of stock") && page.contains("Notify me"),
        "{page}"
    );
    assert!(
        page.contains("Amsterdam Jordaan"),
        "stores are listed by name"
    );

    let to = subscribe(&app, "  Ann@Example.COM ", STORE, "").await;
    assert!(
        to.contains("notice=") && to.contains("If%20this%20address")
            || to.contains("If+this+address"),
        "{to}"
    );
    // The address is kept sealed: not in any row in clear.
    let clear = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1 \
         AND (address_sealed LIKE '%ann%' OR address_hash LIKE '%ann%')",
    )
    .await;
    assert_eq!(clear, 0);

    // Unconfirmed: a restock tells nobody.
    count(&app, &key, "c1", STORE, 5).await;
    run_soon(&app).await;
    let mails = mails_to(&app, "ann@example.com");
    assert_eq!(
        with_subject(&mails, "is back in stock").len(),
        0,
        "never mailed before confirming"
    );
    let confirm = with_subject(&mails, "Confirm your alert for Whole milk");
    assert_eq!(confirm.len(), 1, "one confirmation: {mails:?}");
    assert!(
        header(confirm[0], "List-Unsubscribe").is_none(),
        "a confirmation is no list mail"
    );
    assert!(
        confirm[0].contains("Manage your alerts or erase your data"),
        "even before confirming, the shopper can reach their page"
    );
    count(&app, &key, "c2", STORE, 0).await;
    run_soon(&app).await;

    // Opening the link confirms nothing; the button does, once.
    let token = token_after(confirm[0], "/alerts/confirm/").unwrap();
    let id: i64 = token.split('.').next().unwrap().parse().unwrap();
    // Two days on, the link has expired: it says so and confirms nothing.
    let late = back_in_stock::confirm(&app.store, ff, &token, now_ms() + 49 * 3_600_000)
        .await
        .unwrap_err()
        .user_message();
    assert!(late.contains("expired"), "{late}");
    let opened = super::body(
        app.client()
            .get(app.url(&format!("/t/freshfield/alerts/confirm/{token}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(opened.contains("Confirm my alert"), "{opened}");
    assert_eq!(state_of(&app, ff, id).await, "pending");
    let sub = app.store.subscription(ff, id).await.unwrap().unwrap();
    assert_eq!(
        (sub.source.as_str(), sub.wording.as_str()),
        ("page", "v1"),
        "consent recorded"
    );
    for _ in 0..2 {
        let res = app
            .post_form(
                &app.client(),
                &format!("/t/freshfield/alerts/confirm/{token}"),
                &[],
            )
            .await;
        assert!(res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("notice="));
    }
    assert_eq!(state_of(&app, ff, id).await, "confirmed");
    assert!(app
        .store
        .subscription(ff, id)
        .await
        .unwrap()
        .unwrap()
        .confirmed_at
        .is_some());
    // A changed token opens nothing.
    let forged = format!("{id}.{}", "0".repeat(32));
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/alerts/confirm/{forged}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 404);

    // Asking again while waiting: the same answer, and no second e-mail.
    let again = subscribe(&app, "ann@example.com", STORE, "").await;
    assert_eq!(again, to);
    run_soon(&app).await;
    assert_eq!(
        with_subject(&mails_to(&app, "ann@example.com"), "Confirm your alert").len(),
        1
    );

    // Stock returns: one e-mail, with one-click unsubscribe and a stable Message-ID.
    count(&app, &key, "c3", STORE, 2).await;
    run_soon(&app).await;
    run_soon(&app).await;
    let mails = mails_to(&app, "ann@example.com");
    let back = with_subject(
        &mails,
        "Whole milk 1 l is back in stock at Amsterdam Jordaan",
    );
    assert_eq!(back.len(), 1, "{mails:?}");
    let list = header(back[0], "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        list.starts_with('<') && list.contains("/alerts/") && list.ends_with("/unsubscribe>"),
        "{list}"
    );
    assert_eq!(
        header(back[0], "List-Unsubscribe-Post"),
        Some("List-Unsubscribe=One-Click")
    );
    // A person clicking the footer's link gets their page (the link is a GET there).
    let manage = token_after(list, "/alerts/").unwrap();
    let page = super::body(
        app.client()
            .get(app.url(&format!("/t/freshfield/alerts/{manage}/unsubscribe")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Your alerts") && page.contains("Erase my data"),
        "{page}"
    );
    let message_id = header(back[0], "Message-ID").unwrap();
    assert!(
        message_id.starts_with(&format!("<bis-notify-{}-{id}@", ff.0)),
        "{message_id}"
    );
    assert!(back[0].contains("Freshfield"), "in the tenant's brand");
    assert_eq!(state_of(&app, ff, id).await, "notified");

    // The shopper buys from the e-mail: the sale carries its reference.
    // (Quoted-printable writes the link's `=` as `=3D`.)
    let reference = token_after(back[0], "?ref=3D")
        .or_else(|| token_after(back[0], "?ref="))
        .expect("the buy link carries a reference");
    let sale = json!({"events": [{"source": "shop", "external_id": "o1", "type": "sale", "location": STORE, "sku": SKU, "quantity": 1, "notification": reference}]});
    assert_eq!(
        app.post_events("freshfield", &key, &sale).await.status(),
        200
    );
    let bad = json!({"events": [{"source": "shop", "external_id": "o2", "type": "count", "location": STORE, "sku": SKU, "quantity": 1, "notification": "x"}]});
    let res = app.post_events("freshfield", &key, &bad).await;
    assert_eq!(res.status(), 422);
    assert!(super::body(res).await.contains("only for sales"));
    app.run_pending_jobs().await;
    assert!(app
        .store
        .subscription(ff, id)
        .await
        .unwrap()
        .unwrap()
        .purchased_at
        .is_some());
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let page = super::body(
        admin
            .get(app.url("/t/freshfield/settings/back-in-stock"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("100 %"), "conversion shown: {page}");
}

async fn waves_notify_as_many_as_there_are_units_and_resume_on_the_next_restock(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;
    let secret: [u8; 32] = app
        .store
        .signing_key("subscriber-addresses")
        .await
        .unwrap()
        .try_into()
        .unwrap();
    let keys = AddressKeys::single("db", secret);
    let link = app.store.signing_key(LINK_KEY).await.unwrap();
    let now = now_ms();
    for i in 0..1000 {
        let email = format!("s{i:04}@shoppers.example");
        let client = format!("client-{i}");
        let req = SubscribeRequest {
            email: &email,
            sku: SKU,
            channel: STORE,
            source: Source::Widget,
            client: &client,
            honeypot: "",
            lang: None,
        };
        back_in_stock::subscribe(&app.store, &keys, ff, &req, now)
            .await
            .unwrap();
    }
    let ids = id_list(
        &app,
        ff,
        "SELECT id FROM bis_subscriptions WHERE tenant_id = $1 ORDER BY id",
    )
    .await;
    assert_eq!(ids.len(), 1000);
    // These shoppers' confirmation e-mails are not what this test is about.
    let store = app.store.clone();
    async {
        on_db!(store.db(), write, ff, |pool| sqlx::query(
            "DELETE FROM jobs WHERE tenant_id = $1 AND kind = 'mail.shopper'"
        )
        .bind(ff.0)
        .execute(pool)
        .await
        .map(|_| ()))?;
        Ok::<_, sqlx::Error>(())
    }
    .await
    .unwrap();
    for id in &ids {
        let token = shopper_token(&link, ShopperLink::Confirm, ff.0, *id);
        back_in_stock::confirm(&app.store, ff, &token, now)
            .await
            .unwrap();
    }
    run_soon(&app).await;
    assert!(app.mails().iter().all(|m| !m.contains("is back in stock")));

    let notified = |app: &TestApp| {
        let mut to: Vec<String> = app
            .mails()
            .into_iter()
            .filter(|m| m.contains("is back in stock"))
            .filter_map(|m| header(&m, "To").map(str::to_string))
            .collect();
        to.sort();
        to
    };
    // A restock of 3: the 3 who asked first, nobody else.
    count(&app, &key, "c1", STORE, 3).await;
    run_soon(&app).await;
    assert_eq!(
        notified(&app),
        [
            "s0000@shoppers.example",
            "s0001@shoppers.example",
            "s0002@shoppers.example"
        ]
    );
    // They buy it out: the channel is out again, the next wave waits for stock.
    let sales = json!({"events": [{"source": "pos-1", "external_id": "s1", "type": "sale", "location": STORE, "sku": SKU, "quantity": 3}]});
    assert_eq!(
        app.post_events("freshfield", &key, &sales).await.status(),
        200
    );
    run_soon(&app).await;
    app.run_jobs_due_at(now_ms() + 3 * 3_600_000).await;
    assert_eq!(
        notified(&app).len(),
        3,
        "no stock, no wave, whatever the time"
    );
    // The next restock resumes with the next oldest.
    count(&app, &key, "c2", STORE, 2).await;
    run_soon(&app).await;
    assert_eq!(
        notified(&app)[3..],
        ["s0003@shoppers.example", "s0004@shoppers.example"]
    );
    // Nobody bought: after the interval the stock is checked again and the next two hear.
    app.run_jobs_due_at(now_ms() + 61 * 60_000).await;
    app.run_jobs_due_at(now_ms() + 62 * 60_000).await;
    assert_eq!(
        notified(&app)[5..],
        ["s0005@shoppers.example", "s0006@shoppers.example"]
    );
    let waiting = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscriptions WHERE tenant_id = $1 AND state = 'confirmed'",
    )
    .await;
    assert_eq!(waiting, 993);
    app.allow_queued_jobs();
}

async fn one_click_unsubscribe_needs_no_cookie_and_erase_removes_the_shopper(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    count(&app, &key, "c1", "S-AMS2", 0).await;
    app.run_pending_jobs().await;
    let first = confirmed(&app, "bo@example.com", STORE).await;
    let second = confirmed(&app, "bo@example.com", "S-AMS2").await;
    let token = manage_token(&app, ff, first).await;

    // The preference page lists both alerts by the masked address.
    let page = super::body(
        app.client()
            .get(app.url(&format!("/t/freshfield/alerts/{token}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("b•••@example.com") && !page.contains("bo@example.com"),
        "{page}"
    );
    assert!(page.contains("Amsterdam Oost") && page.contains("Amsterdam Jordaan"));

    // RFC 8058: a plain POST from the mail provider, no cookie, no origin; twice is fine.
    for _ in 0..2 {
        let res = reqwest::Client::new()
            .post(app.url(&format!("/t/freshfield/alerts/{token}/unsubscribe")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers().get("set-cookie").is_none());
    }
    assert_eq!(state_of(&app, ff, first).await, "unsubscribed");
    assert_eq!(
        state_of(&app, ff, second).await,
        "confirmed",
        "only that alert ended"
    );
    count(&app, &key, "c2", STORE, 4).await;
    run_soon(&app).await;
    assert!(with_subject(&mails_to(&app, "bo@example.com"), "is back in stock").is_empty());
    let forged = format!("{first}.{}", "f".repeat(32));
    let res = reqwest::Client::new()
        .post(app.url(&format!("/t/freshfield/alerts/{forged}/unsubscribe")))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    // Erase needs the box ticked; then everything of the shopper is gone.
    let erase = format!("/t/freshfield/alerts/{token}/erase");
    let res = app.post_form(&app.client(), &erase, &[]).await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(state_of(&app, ff, second).await, "confirmed");
    let res = app
        .post_form(&app.client(), &erase, &[("confirm", "yes")])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let left = (
        figure(
            &app,
            ff,
            "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1",
        )
        .await,
        figure(
            &app,
            ff,
            "SELECT COUNT(*) FROM bis_subscriptions WHERE tenant_id = $1",
        )
        .await,
    );
    assert_eq!(left, (0, 0));
    let trail = app.store.audit_trail(ff).await.unwrap();
    let erased: Vec<_> = trail
        .iter()
        .filter(|e| e.action == "shopper.erased")
        .collect();
    assert_eq!(erased.len(), 1);
    let all = serde_json::to_string(
        &trail
            .iter()
            .map(|e| (&e.subject, &e.after))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    assert!(
        !all.contains("bo@example.com"),
        "the address is never audited"
    );
    // A new shopper never gets the erased one's ids (its old links open nothing new).
    let next = confirmed(&app, "zed@example.com", STORE).await;
    assert!(next > second, "ids are not reused: {next} after {second}");
    // Its links now open nothing, and unsubscribing again still succeeds.
    let res = app
        .client()
        .get(app.url(&format!("/t/freshfield/alerts/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = reqwest::Client::new()
        .post(app.url(&format!("/t/freshfield/alerts/{token}/unsubscribe")))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    app.allow_queued_jobs();
}

async fn abuse_is_limited_and_answered_the_same_as_success(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    for (i, store) in ["S-AMS1", "S-AMS2", "S-HAA", "S-UTR", "S-AMF", "S-RTM"]
        .iter()
        .enumerate()
    {
        count(&app, &key, &format!("c{i}"), store, 0).await;
    }
    app.run_pending_jobs().await;
    let answer = subscribe(&app, "cy@example.com", STORE, "").await;
    // A bot fills the hidden field: the same answer, nothing kept, nothing sent.
    assert_eq!(
        subscribe(&app, "bot@example.com", STORE, "http://spam.example").await,
        answer
    );
    // Wrong input is named.
    for (email, store, what) in [
        ("not-an-address", STORE, "not%20an%20e-mail"),
        (
            "dee@example.com",
            "DC-N-NOPE",
            "Choose%20one%20of%20the%20stores",
        ),
    ] {
        let to = subscribe(&app, email, store, "").await;
        assert!(
            to.contains("error=") && to.replace('+', "%20").contains(what),
            "{to}"
        );
    }
    // One address asks for many stores: at most 3 confirmation e-mails an hour.
    // (A `+tag` makes no new address for the limit.)
    for (email, store) in [
        ("cy+1@example.com", "S-AMS2"),
        ("cy+2@example.com", "S-HAA"),
        ("cy@example.com", "S-UTR"),
        ("cy+3@example.com", "S-AMF"),
        ("cy@example.com", "S-RTM"),
    ] {
        assert_eq!(subscribe(&app, email, store, "").await, answer);
    }
    run_soon(&app).await;
    let to_cy: Vec<String> = app
        .mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| header(m, "To").is_some_and(|t| t.starts_with("cy")))
        .collect();
    assert_eq!(
        with_subject(&to_cy, "Confirm your alert").len(),
        3,
        "{to_cy:?}"
    );
    assert!(mails_to(&app, "bot@example.com").is_empty());
    let rows = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscriptions WHERE tenant_id = $1",
    )
    .await;
    assert_eq!(
        rows, 3,
        "the bot and the over-limit requests left nothing behind"
    );
    // One client: 30 requests an hour, then it is told to wait.
    let mut told = None;
    for i in 0..40 {
        let to = subscribe(&app, &format!("e{i}@example.com"), STORE, "").await;
        if to.contains("Too%20many") || to.contains("Too+many") {
            told = Some(i);
            break;
        }
    }
    // 9 requests came before (bad ones and the bot's counted too): the 31st is told.
    assert_eq!(told, Some(21));
    app.allow_queued_jobs();
}

async fn the_widget_serves_allowed_shop_origins_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;
    let shop = "https://shop.freshfield.example";
    let client = reqwest::Client::new();

    let res = client
        .get(app.url("/t/freshfield/widget.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(
        !super::body(res).await.to_lowercase().contains("shelfwise"),
        "white label"
    );

    // The admin allows the shop; bad settings are named and change nothing.
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let form = |origins: &str, wave: &str| {
        vec![
            ("enabled", "on".to_string()),
            ("wave_percent", wave.to_string()),
            ("wave_minutes", "60".into()),
            ("sends_per_minute", "120".into()),
            ("substitute_hours", "72".into()),
            ("substitutes", "FF-0001 = FF-0002".into()),
            ("allowed_origins", origins.to_string()),
            ("online_location", "DC-N".into()),
            ("demand_weight_percent", "50".into()),
            ("shop_url", "".into()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let admin = admin.clone();
        let url = app.url("/t/freshfield/settings/back-in-stock");
        let origin = app.origin();
        async move {
            let res = admin
                .post(url)
                .header("origin", origin)
                .form(&f)
                .send()
                .await
                .unwrap();
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    let to = post(form(shop, "50")).await;
    assert!(to.contains("error=") && to.contains("Wave"), "{to}");
    let to = post(form("https://shop.example/path", "100")).await;
    assert!(to.contains("error=") && to.contains("origin"), "{to}");
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let res = planner
        .post(app.url("/t/freshfield/settings/back-in-stock"))
        .header("origin", app.origin())
        .form(&form(shop, "100"))
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error="),
        "a planner may not"
    );
    // Switched off, nothing of the tenant's stock shows and nobody can subscribe.
    let mut off = form(shop, "100");
    off.retain(|(k, _)| *k != "enabled");
    assert!(post(off).await.contains("notice="));
    let path = format!("/t/freshfield/api/v1/public/availability?sku={SKU}");
    let res = super::spec::send_checked("GET", &path, client.get(app.url(&path))).await;
    assert_eq!(res.status(), 404);
    assert!(super::body(res).await.contains("not offered"));
    let res = app
        .client()
        .get(app.url(&format!("/t/freshfield/notify/{SKU}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/notify/{SKU}"),
            &[("email", "off@example.com"), ("store", STORE)],
        )
        .await;
    assert_eq!(res.status(), 404);
    let path = "/t/freshfield/api/v1/public/subscriptions";
    let res = super::spec::send_checked(
        "POST",
        path,
        client
            .post(app.url(path))
            .header("origin", app.origin())
            .form(&[("email", "off@example.com"), ("sku", SKU), ("store", STORE)]),
    )
    .await;
    assert_eq!(res.status(), 404);
    assert!(super::body(res).await.contains("not offered"));
    let to = post(form(shop, "100")).await;
    assert!(to.contains("notice="), "{to}");

    let availability = |origin: &'static str, sku: &'static str| {
        let path = format!("/t/freshfield/api/v1/public/availability?sku={sku}");
        let request = client.get(app.url(&path)).header("origin", origin);
        async move { Ok::<_, ()>(super::spec::send_checked("GET", &path, request).await) }
    };
    let res = availability(shop, SKU).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["access-control-allow-origin"], shop);
    let body: serde_json::Value = res.json().await.unwrap();
    let jordaan = body["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == STORE)
        .unwrap()
        .clone();
    assert_eq!(jordaan["status"], "out_of_stock");
    assert!(jordaan.get("on_hand").is_none(), "no stock figures leave");
    // The location that serves the online shop is a channel of its own, "Online".
    let names: Vec<&str> = body["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Online") && names.contains(&"Amsterdam Jordaan"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Freshfield North DC"),
        "other DCs are no shop: {names:?}"
    );
    let res = availability("https://evil.example", SKU).await.unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
    assert_eq!(availability(shop, "NOPE").await.unwrap().status(), 404);

    let subscribe_from = |origin: &'static str| {
        let path = "/t/freshfield/api/v1/public/subscriptions";
        let request = client.post(app.url(path)).header("origin", origin).form(&[
            ("email", "fay@example.com"),
            ("sku", SKU),
            ("store", STORE),
            ("website", ""),
        ]);
        async move { Ok::<_, ()>(super::spec::send_checked("POST", path, request).await) }
    };
    let res = subscribe_from("https://evil.example").await.unwrap();
    assert_eq!(res.status(), 403);
    let res = subscribe_from(shop).await.unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(res.headers()["access-control-allow-origin"], shop);
    let text = super::body(res).await;
    assert!(text.contains("confirm your alert"), "{text}");
    run_soon(&app).await;
    assert_eq!(
        with_subject(&mails_to(&app, "fay@example.com"), "Confirm your alert").len(),
        1
    );
}

async fn smtp_failures_are_retried_and_a_permanent_refusal_suppresses_the_address(
    backend: Backend,
) {
    let (port, mut received, script) = scripted_smtp_server(vec![]).await;
    let app = spawn_app_with(
        backend,
        Options {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            ..Options::default()
        },
    )
    .await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;
    // The staff's e-mails about the stockout are gone; the shopper's meet the faults.
    while received.try_recv().is_ok() {}
    script.lock().unwrap().extend([
        Reply::Temporary,
        Reply::ResetMidData,
        Reply::Accept,
        Reply::Permanent,
    ]);

    // 451, then a reset in the middle of the message, then it goes: one message, once.
    subscribe(&app, "gus@example.com", STORE, "").await;
    run_soon(&app).await;
    app.run_jobs_due_at(now_ms() + 86_400_000).await;
    app.run_jobs_due_at(now_ms() + 2 * 86_400_000).await;
    let message = received.try_recv().expect("delivered after the failures");
    assert!(message.contains("gus@example.com") && message.contains("Confirm your alert"));
    assert!(message.contains(&format!("Message-ID: <bis-confirm-{}-", ff.0)));
    assert!(received.try_recv().is_err(), "exactly once");
    let attempts = figure(
        &app,
        ff,
        "SELECT MAX(attempt) FROM jobs WHERE tenant_id = $1 AND kind = 'mail.shopper'",
    )
    .await;
    let jobs = texts(
        &app,
        ff,
        "SELECT kind || ' ' || state || ' ' || attempt || ' ' || COALESCE(last_error, '') FROM jobs WHERE tenant_id = $1",
    )
    .await;
    assert_eq!(
        attempts, 3,
        "sent on the third attempt, after the 451 and the reset: {jobs:?}"
    );
    let failed = texts(
        &app,
        ff,
        "SELECT last_error FROM jobs WHERE tenant_id = $1 AND kind = 'mail.shopper'",
    )
    .await;
    let errors = format!("{failed:?}");
    assert!(
        !errors.contains("gus@"),
        "no address in a job's error: {errors}"
    );

    // 550: the address is suppressed, its alert ends, nothing is retried.
    subscribe(&app, "hal@example.com", STORE, "").await;
    run_soon(&app).await;
    app.run_jobs_due_at(now_ms() + 3 * 86_400_000).await;
    assert!(received.try_recv().is_err());
    let suppressed = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1 AND suppressed_at IS NOT NULL",
    )
    .await;
    assert_eq!(suppressed, 1, "the refused address is suppressed");
    let ended = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscriptions WHERE tenant_id = $1 AND state = 'unsubscribed'",
    )
    .await;
    assert_eq!(ended, 1, "its alert ended");
    // A suppressed address asking again gets the usual answer and no e-mail.
    subscribe(&app, "hal@example.com", STORE, "").await;
    run_soon(&app).await;
    assert!(received.try_recv().is_err());
}

async fn waiting_shoppers_count_as_demand_in_replenishment(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    let batch = json!({"events": [
        {"source": "pos-1", "external_id": "d1", "type": "count", "location": "DC-N", "sku": SKU, "quantity": 300},
        {"source": "pos-1", "external_id": "d2", "type": "count", "location": STORE, "sku": SKU, "quantity": 0},
    ]});
    // The store is counted out; before its check runs, 20 shoppers wait there.
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    let secret: [u8; 32] = app
        .store
        .signing_key("subscriber-addresses")
        .await
        .unwrap()
        .try_into()
        .unwrap();
    let keys = AddressKeys::single("db", secret);
    let link = app.store.signing_key(LINK_KEY).await.unwrap();
    for i in 0..20 {
        let email = format!("w{i}@example.com");
        let client = format!("w{i}");
        let req = SubscribeRequest {
            email: &email,
            sku: SKU,
            channel: STORE,
            source: Source::Page,
            client: &client,
            honeypot: "",
            lang: None,
        };
        back_in_stock::subscribe(&app.store, &keys, ff, &req, now_ms())
            .await
            .unwrap();
    }
    let subs = id_list(
        &app,
        ff,
        "SELECT id FROM bis_subscriptions WHERE tenant_id = $1",
    )
    .await;
    for id in subs {
        back_in_stock::confirm(
            &app.store,
            ff,
            &shopper_token(&link, ShopperLink::Confirm, ff.0, id),
            now_ms(),
        )
        .await
        .unwrap();
    }
    // The check of the position counts them (default weight 50 %: 10 units).
    run_soon(&app).await;
    let reasons: Vec<String> = app
        .store
        .transfers(ff, None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.reason)
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("counting 10 units of demand from shoppers waiting")),
        "{reasons:?}"
    );
    // The inventory page shows them next to the stock.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page = super::body(
        planner
            .get(app.url(&format!("/t/freshfield/inventory?q={SKU}&loc={STORE}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains(">Waiting<") && page.contains(">20<"),
        "{page}"
    );
    app.allow_queued_jobs();
}

/// The admin's settings form with `changes` over the defaults.
async fn save_settings(app: &TestApp, changes: &[(&str, &str)]) {
    let mut form: Vec<(&str, &str)> = vec![
        ("enabled", "on"),
        ("wave_percent", "100"),
        ("wave_minutes", "60"),
        ("sends_per_minute", "120"),
        ("substitute_hours", "72"),
        ("demand_weight_percent", "50"),
    ];
    for (k, v) in changes {
        form.retain(|(n, _)| n != k);
        form.push((k, v));
    }
    let admin = app.signed_in("freshfield", logins::FF_ADMIN).await;
    let res = app
        .post_form(&admin, "/t/freshfield/settings/back-in-stock", &form)
        .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(to.contains("notice="), "{to}");
}

async fn an_item_that_stays_out_offers_the_substitute_at_the_send_rate(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    save_settings(
        &app,
        &[
            ("substitutes", "FF-0001 = FF-0002"),
            ("substitute_hours", "24"),
            ("sends_per_minute", "60"),
        ],
    )
    .await;
    count(&app, &key, "c0", STORE, 0).await;
    let batch = json!({"events": [{"source": "pos-1", "external_id": "s0", "type": "count", "location": STORE, "sku": "FF-0002", "quantity": 40}]});
    assert_eq!(
        app.post_events("freshfield", &key, &batch).await.status(),
        200
    );
    app.run_pending_jobs().await;
    let first = confirmed(&app, "jo@example.com", STORE).await;
    let second = confirmed(&app, "kim@example.com", STORE).await;
    // A day out: both are offered the substitute, a second apart (60 a minute), once.
    app.run_jobs_due_at(now_ms() + 23 * 3_600_000).await;
    assert!(with_subject(&mails_to(&app, "jo@example.com"), "is still out").is_empty());
    app.run_jobs_due_at(now_ms() + 25 * 3_600_000).await;
    let slots = id_list(
        &app,
        ff,
        "SELECT scheduled_at FROM jobs WHERE tenant_id = $1 AND kind = 'mail.shopper' \
         AND args LIKE '%substitute%' ORDER BY scheduled_at",
    )
    .await;
    assert_eq!(slots.len(), 2);
    assert_eq!(
        slots[1] - slots[0],
        1_000,
        "one e-mail a second at 60 a minute"
    );
    for who in ["jo@example.com", "kim@example.com"] {
        let mails = mails_to(&app, who);
        let offer = with_subject(&mails, "Whole milk 1 l is still out");
        assert_eq!(offer.len(), 1, "{who}: {mails:?}");
        assert!(header(offer[0], "List-Unsubscribe").is_some());
    }
    app.run_jobs_due_at(now_ms() + 30 * 3_600_000).await;
    assert_eq!(
        with_subject(&mails_to(&app, "jo@example.com"), "is still out").len(),
        1
    );
    // Their alerts stay on: the milk's return still reaches them.
    assert_eq!(state_of(&app, ff, first).await, "confirmed");
    assert_eq!(state_of(&app, ff, second).await, "confirmed");
}

async fn a_rotated_key_reseals_every_address_and_still_finds_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;
    let id = confirmed(&app, "lou@example.com", STORE).await;
    let old: [u8; 32] = app
        .store
        .signing_key("subscriber-addresses")
        .await
        .unwrap()
        .try_into()
        .unwrap();
    // Keys configured: the development key is kept at the end of the ring to open
    // what it sealed (as the server does), and `db` cannot be configured by mistake.
    assert!(AddressKeys::parse(&format!("db:{}", "ab".repeat(32))).is_err());
    let rotated = AddressKeys::parse(&format!("k2:{}", "ab".repeat(32)))
        .unwrap()
        .with_old("db", old);
    assert_eq!(
        back_in_stock::rekey(&app.store, &rotated, ff)
            .await
            .unwrap(),
        (1, 0)
    );
    let under_new = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1 AND address_sealed LIKE 'k2:%'",
    )
    .await;
    assert_eq!(under_new, 1);
    // The new key alone opens and finds it; asking again is the same shopper.
    let only_new = AddressKeys::parse(&format!("k2:{}", "ab".repeat(32))).unwrap();
    let token = manage_token(&app, ff, id).await;
    let prefs = back_in_stock::preferences(&app.store, &only_new, ff, &token)
        .await
        .unwrap();
    assert_eq!(prefs.address, "l•••@example.com");
    let req = SubscribeRequest {
        email: "lou@example.com",
        sku: SKU,
        channel: "S-AMS2",
        source: Source::Page,
        client: "rekey",
        honeypot: "",
        lang: None,
    };
    back_in_stock::subscribe(&app.store, &only_new, ff, &req, now_ms())
        .await
        .unwrap();
    let shoppers = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1",
    )
    .await;
    assert_eq!(shoppers, 1, "found by the new key's hash");
    assert_eq!(
        back_in_stock::rekey(&app.store, &only_new, ff)
            .await
            .unwrap(),
        (0, 0)
    );
    app.allow_queued_jobs();
}

async fn unsubscribing_recalls_a_notification_not_yet_sent_and_unconfirmed_shoppers_are_purged(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let key = app.api_key("freshfield").await;
    save_settings(&app, &[("sends_per_minute", "1")]).await;
    count(&app, &key, "c0", STORE, 0).await;
    app.run_pending_jobs().await;
    confirmed(&app, "mo@example.com", STORE).await;
    let later = confirmed(&app, "ned@example.com", STORE).await;
    // Two units: both are taken by the wave, the second e-mail a minute later.
    count(&app, &key, "c1", STORE, 2).await;
    app.run_pending_jobs().await;
    assert_eq!(state_of(&app, ff, later).await, "notified");
    let token = manage_token(&app, ff, later).await;
    let res = reqwest::Client::new()
        .post(app.url(&format!("/t/freshfield/alerts/{token}/unsubscribe")))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    app.run_jobs_due_at(now_ms() + 5 * 60_000).await;
    assert_eq!(
        with_subject(&mails_to(&app, "mo@example.com"), "is back in stock").len(),
        1
    );
    assert!(
        with_subject(&mails_to(&app, "ned@example.com"), "is back in stock").is_empty(),
        "unsubscribed before the e-mail went: it never goes"
    );
    assert_eq!(state_of(&app, ff, later).await, "unsubscribed");

    // Someone who never confirms is forgotten once the link has long expired.
    count(&app, &key, "c2", STORE, 0).await;
    app.run_pending_jobs().await;
    subscribe(&app, "pat@example.com", STORE, "").await;
    app.run_jobs_due_at(now_ms() + 60_000).await;
    let before = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1",
    )
    .await;
    // Not yet: the link still works.
    assert_eq!(
        app.store.purge_unconfirmed(ff, now_ms()).await.unwrap(),
        (0, 0)
    );
    // Someone who never confirmed and pressed "stop" goes too; a suppressed address
    // and a confirmed shopper stay.
    subscribe(&app, "ria@example.com", "S-AMS2", "").await;
    let stopped = id_list(
        &app,
        ff,
        "SELECT MAX(id) FROM bis_subscriptions WHERE tenant_id = $1",
    )
    .await[0];
    let token = manage_token(&app, ff, stopped).await;
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/alerts/{token}/unsubscribe"),
            &[("scope", "all")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let purged = app
        .store
        .purge_unconfirmed(ff, now_ms() + 3 * 86_400_000)
        .await
        .unwrap();
    assert_eq!(purged, (2, 2), "pat and ria, one alert each");
    let after = figure(
        &app,
        ff,
        "SELECT COUNT(*) FROM bis_subscribers WHERE tenant_id = $1",
    )
    .await;
    assert_eq!(after, before - 1, "the confirmed shoppers stay");
    app.allow_queued_jobs();
}

async fn serving_over_https_needs_subscriber_keys_and_keeps_opening_the_development_key(
    backend: Backend,
) {
    let db = test_support::TestDb::new(backend).await;
    let mut settings = server::Settings::for_database(db.url());
    // Development: a key the database keeps seals the addresses.
    let dev = server::startup::address_keys(&settings, &db.store)
        .await
        .unwrap();
    assert_eq!(dev.current(), "db");
    let sealed = dev.seal(1, "quinn@example.com");
    settings.https = true;
    let refused = server::startup::address_keys(&settings, &db.store)
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains("subscriber_keys"), "{refused}");
    // Configured keys seal; the development key still opens what it sealed, for rekey.
    settings.subscriber_keys = Some(format!("k1:{}", "ab".repeat(32)).into());
    let ring = server::startup::address_keys(&settings, &db.store)
        .await
        .unwrap();
    assert_eq!(ring.current(), "k1");
    assert_eq!(ring.open(1, &sealed).as_deref(), Some("quinn@example.com"));
}
