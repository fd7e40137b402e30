//! A purchase order reaches its supplier: the e-mail (no internal reasons or stock
//! figures) with a signed link that opens the order without a password, the supplier's
//! acknowledgement (and revised dates) or decline, and the link's limits: changed,
//! another tenant's, expired, withdrawn, or the order cancelled.

use engine::model::{day_string, now_ms, TenantId};
use engine::on_db;
use test_support::{on_both_backends, spawn_app, token_after, unfolded, Backend, TestApp};

use super::*;

on_both_backends!(
    a_supplier_acknowledges_from_the_e_mail_link_without_a_password,
    a_link_that_is_changed_foreign_expired_or_withdrawn_changes_nothing,
    a_supplier_declines_and_a_buyer_cancels_a_sent_order,
    an_unanswered_order_reminds_its_supplier_then_alerts_the_buyer_once,
    buyer_and_supplier_write_to_each_other_about_an_order,
);

const DAY: i64 = 86_400_000;

/// Counts whole milk low everywhere, so no location can spare any: every location gets
/// a purchase order line from the dairy. Runs the window-close timers (the small orders
/// are approved automatically and sent) and the e-mail. Returns the sent orders' ids.
async fn sent_orders(app: &TestApp) -> Vec<i64> {
    let sent: Vec<i64> = app
        .sent_orders_for(&["FF-0001"])
        .await
        .into_iter()
        .map(|o| o.0)
        .collect();
    assert!(sent.len() >= 3, "{sent:?}");
    sent
}

/// The supplier's e-mails about order `po` (not its cancellation), soft line breaks of
/// quoted-printable undone, each with the link token it carries.
fn order_mails(app: &TestApp, po: i64) -> Vec<(String, String)> {
    app.mails()
        .into_iter()
        .filter(|m| {
            m.contains(&format!("Purchase order PO-{po} from")) && !m.contains("Cancelled:")
        })
        .filter_map(|m| {
            let flat = unfolded(&m);
            let token = token_after(&flat, "/po/")?;
            Some((flat, token))
        })
        .collect()
}

/// The supplier's e-mail about order `po`, and the link token in it.
fn order_mail(app: &TestApp, po: i64) -> (String, String) {
    let (mail, token) = order_mails(app, po)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no e-mail with a link for PO-{po}"));
    assert!(token.contains('.'), "{token}");
    (mail, token)
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.client().get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), body(res).await)
}

async fn answer(app: &TestApp, token: &str, form: &[(&str, &str)]) -> String {
    let res = app
        .post_form(
            &app.client(),
            &format!("/t/freshfield/po/{token}/answer"),
            form,
        )
        .await;
    assert_eq!(res.status(), 303);
    res.headers()["location"].to_str().unwrap().to_string()
}

async fn po_state(app: &TestApp, ff: TenantId, po: i64) -> String {
    let po = app.store.purchase_order(ff, po).await.unwrap().unwrap();
    po.state.as_str().to_string()
}

async fn a_supplier_acknowledges_from_the_e_mail_link_without_a_password(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let po = sent_orders(&app).await[0];
    let (mail, token) = order_mail(&app, po);
    assert!(
        mail.contains("orders@lowlands-dairy.example"),
        "to the supplier"
    );
    assert!(mail.contains("Whole milk 1 l") && mail.contains("Delivery requested by"));
    assert!(
        mail.contains("Delivery address") && mail.contains(", NL"),
        "the ship-to's address"
    );
    for internal in ["reorder", "on hand", "in transit", "Shelfwise"] {
        assert!(
            !mail.contains(internal),
            "the mail shows no {internal:?}: {mail}"
        );
    }

    // The link opens the order in the retailer's brand, with no sign-in.
    let (status, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(&format!("PO-{po}")) && html.contains("waiting for your answer"));
    assert!(html.contains("Whole milk 1 l") && !html.contains("reorder point"));
    assert!(html.contains("Delivery address"));
    assert!(!html.contains("Inventory"), "no staff navigation");

    // Acknowledged with a date; then a revised date: both kept.
    let first = now_ms() + 3 * DAY;
    let to = answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(first)),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    assert_eq!(po_state(&app, ff, po).await, "acknowledged");
    let later = now_ms() + 5 * DAY;
    answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(later)),
        ],
    )
    .await;
    // The same date again records nothing.
    answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(later)),
        ],
    )
    .await;
    let promises = app.store.po_promises(ff, po).await.unwrap();
    let days: Vec<String> = promises.iter().map(|p| day_string(p.promised_on)).collect();
    assert_eq!(days, [day_string(first), day_string(later)]);
    let (_, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert!(
        html.contains(&shown_day(&day_string(first)))
            && html.contains(&shown_day(&day_string(later))),
        "both promised days, as the supplier reads them: {html}"
    );

    // The tenant's integrations get the order's story (every change) through the outbox,
    // without the retailer's reasons.
    let events = app.store.outbound_events(ff, 200).await.unwrap();
    let kinds: Vec<&str> = events
        .iter()
        .filter(|e| e.subject == format!("purchase_order:{po}"))
        .map(|e| e.kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "purchase_order.acknowledged",
            "purchase_order.acknowledged",
            "purchase_order.sent",
            "purchase_order.auto_approved"
        ]
    );
    assert!(events.iter().all(|e| !e.payload.contains("reorder")));
    // A date in the past or far away, or no date, is refused by name; nothing changes.
    for bad in [
        day_string(now_ms() - 2 * DAY),
        day_string(now_ms() + 800 * DAY),
        "soon".into(),
    ] {
        let to = answer(
            &app,
            &token,
            &[("answer", "acknowledge"), ("promised_on", &bad)],
        )
        .await;
        assert!(
            to.contains("error=") && to.to_lowercase().contains("date"),
            "{to}"
        );
    }
    assert_eq!(app.store.po_promises(ff, po).await.unwrap().len(), 2);

    // The buyer sees the promise on the order's page, with its history, and the audit.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let doc = body(
        planner
            .get(app.url(&format!("/t/freshfield/documents/purchase_order/{po}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        doc.contains("Delivery promised for") && doc.contains("revised 1 time"),
        "{doc}"
    );
    assert!(doc.contains("purchase_order.acknowledged"));
    app.run_pending_jobs().await;
}

async fn a_link_that_is_changed_foreign_expired_or_withdrawn_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let po = sent_orders(&app).await[0];
    let (_, token) = order_mail(&app, po);
    let (id, tag) = token.split_once('.').unwrap();
    let flipped = format!(
        "{id}.{}{}",
        if tag.starts_with('0') { '1' } else { '0' },
        &tag[1..]
    );
    let other_id = format!("{}.{tag}", id.parse::<i64>().unwrap() + 1);
    let ack = [
        ("answer", "acknowledge"),
        ("promised_on", &day_string(now_ms() + DAY)),
    ];
    for bad in [flipped.as_str(), other_id.as_str(), "1.00", "nonsense"] {
        let (status, html) = page(&app, &format!("/t/freshfield/po/{bad}")).await;
        assert_eq!(status, 404, "{bad}");
        assert!(html.contains("This link is not valid"), "{html}");
        answer(&app, bad, &ack).await;
    }
    // The same token on another retailer's portal opens nothing there.
    let (status, html) = page(&app, &format!("/t/ridgeline/po/{token}")).await;
    assert_eq!(status, 404);
    assert!(!html.contains(&format!("PO-{po}")));
    assert_eq!(po_state(&app, ff, po).await, "sent", "nothing changed");

    // Expired: a clear page, and answers refused.
    let link: i64 = id.parse().unwrap();
    let set_expiry = |at: i64| {
        let store = app.store.clone();
        async move {
            async {
                on_db!(store.db(), write, ff, |pool| sqlx::query(
                    "UPDATE po_links SET expires_at = $1 WHERE tenant_id = $2 AND id = $3"
                )
                .bind(at)
                .bind(ff.0)
                .bind(link)
                .execute(pool)
                .await
                .map(|_| ()))?;
                Ok::<_, sqlx::Error>(())
            }
            .await
            .unwrap()
        }
    };
    set_expiry(now_ms() - 1).await;
    let (status, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert_eq!(status, 410);
    assert!(html.contains("This link expired on"), "{html}");
    answer(&app, &token, &ack).await;
    assert_eq!(po_state(&app, ff, po).await, "sent");
    set_expiry(now_ms() + 10 * DAY).await;

    // Withdrawn by the buyer: the link stops working at once.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let res = app
        .post_form(
            &planner,
            &format!("/t/freshfield/documents/purchase_order/{po}/revoke-links"),
            &[],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("withdrawn"));
    let (status, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert_eq!(status, 410);
    assert!(html.contains("withdrawn by the buyer"));
    answer(&app, &token, &[("answer", "decline"), ("reason", "no")]).await;
    assert_eq!(po_state(&app, ff, po).await, "sent");
    // Sent again: a new link that works, while the withdrawn one stays dead.
    let res = app
        .post_form(
            &planner,
            &format!("/t/freshfield/documents/purchase_order/{po}/resend"),
            &[],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    app.run_pending_jobs().await;
    let tokens: Vec<String> = order_mails(&app, po).into_iter().map(|(_, t)| t).collect();
    let fresh = tokens
        .iter()
        .find(|t| **t != token)
        .expect("a second mail with a new link");
    let (status, _) = page(&app, &format!("/t/freshfield/po/{fresh}")).await;
    assert_eq!(status, 200);
    let (status, _) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert_eq!(status, 410);
    // Sent again and withdrawn before the mail went out: no mail with a dead link.
    let mails_before = app.mails().len();
    for path in ["resend", "revoke-links"] {
        app.post_form(
            &planner,
            &format!("/t/freshfield/documents/purchase_order/{po}/{path}"),
            &[],
        )
        .await;
    }
    app.run_pending_jobs().await;
    assert_eq!(app.mails().len(), mails_before);
    // A post from another site is refused before it reaches the order.
    let res = app
        .client()
        .post(app.url(&format!("/t/freshfield/po/{token}/answer")))
        .header("origin", "https://evil.example")
        .form(&[("answer", "decline"), ("reason", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Another retailer's admin, naming this order's id on their own portal: 404 for each
    // buyer command, and nothing changes.
    let other = app.signed_in("ridgeline", RL_ADMIN).await;
    for (path, form) in [
        ("command", vec![("command", "cancel"), ("confirm", "yes")]),
        ("resend", vec![]),
        ("revoke-links", vec![]),
    ] {
        let res = app
            .post_form(
                &other,
                &format!("/t/ridgeline/documents/purchase_order/{po}/{path}"),
                &form,
            )
            .await;
        assert_eq!(res.status(), 404, "{path}");
    }
    assert_eq!(po_state(&app, ff, po).await, "sent");
    // A supplier's own answer cannot be given by a buyer through the document form.
    let res = app
        .post_form(
            &planner,
            &format!("/t/freshfield/documents/purchase_order/{po}/command"),
            &[("command", "acknowledge")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(po_state(&app, ff, po).await, "sent");
    app.run_pending_jobs().await;
}

async fn a_supplier_declines_and_a_buyer_cancels_a_sent_order(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let sent = sent_orders(&app).await;
    let (declined, cancelled) = (sent[0], sent[1]);
    let (_, token) = order_mail(&app, declined);
    let ship_to = |po: i64| {
        let app = &app;
        async move {
            let rec = app.store.purchase_order(ff, po).await.unwrap().unwrap();
            let codes = app.store.locations(ff).await.unwrap();
            let code = codes
                .into_iter()
                .find(|l| l.id == rec.ship_to_location_id)
                .unwrap()
                .code;
            let pos = app
                .store
                .position(ff, "FF-0001", &code)
                .await
                .unwrap()
                .unwrap();
            (code, pos.on_order)
        }
    };
    let (_, on_order_before) = ship_to(declined).await;
    assert!(on_order_before > 0, "a sent order counts as on order");
    // A decline needs a reason.
    let to = answer(&app, &token, &[("answer", "decline"), ("reason", "  ")]).await;
    assert!(to.contains("error="), "{to}");
    assert_eq!(po_state(&app, ff, declined).await, "sent");
    let to = answer(
        &app,
        &token,
        &[
            ("answer", "decline"),
            ("reason", "Our milk line is down this week"),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    assert_eq!(po_state(&app, ff, declined).await, "declined");
    // Answering again is refused with the reason, and changes nothing.
    let to = answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(now_ms() + DAY)),
        ],
    )
    .await;
    assert!(to.contains("error=") && to.contains("declined"), "{to}");
    assert_eq!(po_state(&app, ff, declined).await, "declined");
    let (_, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert!(
        html.contains("Our milk line is down this week") && !html.contains("Decline the order")
    );
    let (code, on_order_after) = ship_to(declined).await;
    assert!(
        on_order_after < on_order_before,
        "{code}: the declined units are not coming"
    );

    // The buyer cancels the other order (it needs "I am sure"): the supplier is told.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let command = format!("/t/freshfield/documents/purchase_order/{cancelled}/command");
    let res = app
        .post_form(&planner, &command, &[("command", "cancel")])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(po_state(&app, ff, cancelled).await, "sent");
    let res = app
        .post_form(
            &planner,
            &command,
            &[("command", "cancel"), ("confirm", "yes")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    assert_eq!(po_state(&app, ff, cancelled).await, "cancelled");
    app.run_pending_jobs().await;
    assert!(
        app.mails()
            .iter()
            .any(|m| m.contains(&format!("Cancelled: Purchase order PO-{cancelled}"))),
        "the supplier was told"
    );
    let (_, token) = order_mail(&app, cancelled);
    let (_, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert!(html.contains("cancelled by the buyer"));
    let to = answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(now_ms() + DAY)),
        ],
    )
    .await;
    assert!(to.contains("error=") && to.contains("cancelled"), "{to}");
    // Answers racing each other: the order ends in one state, declined at most once.
    let raced = sent[2];
    let (_, token) = order_mail(&app, raced);
    let day = day_string(now_ms() + 2 * DAY);
    let mut tasks = Vec::new();
    for i in 0..100 {
        let form: Vec<(String, String)> = if i % 2 == 0 {
            vec![
                ("answer".into(), "decline".into()),
                ("reason".into(), format!("race {i}")),
            ]
        } else {
            vec![
                ("answer".into(), "acknowledge".into()),
                ("promised_on".into(), day.clone()),
            ]
        };
        let (client, url, origin) = (
            app.client(),
            app.url(&format!("/t/freshfield/po/{token}/answer")),
            app.origin(),
        );
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .header("origin", origin)
                .form(&form)
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 303);
    }
    let trail = app
        .store
        .audit_for_subject(ff, &format!("purchase_order:{raced}"))
        .await
        .unwrap();
    let declines = trail
        .iter()
        .filter(|e| e.action == "purchase_order.declined")
        .count();
    assert!(declines <= 1, "{declines} declines");
    let state = po_state(&app, ff, raced).await;
    assert_eq!(state == "declined", declines == 1, "{state}");

    // What the two orders were to bring is not coming: their positions were marked for a
    // check, and the check orders again.
    app.run_pending_jobs().await;
    let orders = app.store.purchase_orders(ff, None, 50).await.unwrap();
    assert!(
        orders.iter().any(|p| p.state.as_str() == "draft"),
        "the short positions are covered anew: {orders:?}"
    );
}

/// The acknowledgement clock on a moved clock: two working days in Amsterdam after
/// sending, the unanswered orders (only those) are sent again as a reminder with a new
/// link; a working day later the buyer gets one `supplier_late` exception per order
/// still unanswered. Running the timers again, days later, changes nothing.
async fn an_unanswered_order_reminds_its_supplier_then_alerts_the_buyer_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let sla = app.store.supplier_sla(ff).await.unwrap();
    assert_eq!(sla.time_zone, "Europe/Amsterdam", "from the tenant file");
    let orders = sent_orders(&app).await;
    let (answered, reminded, late) = (orders[0], orders[1], &orders[2..]);
    let (_, token) = order_mail(&app, answered);
    answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(now_ms() + 3 * DAY)),
        ],
    )
    .await;
    let mut dues = Vec::new();
    for po in &orders {
        let sent = app
            .store
            .purchase_order(ff, *po)
            .await
            .unwrap()
            .unwrap()
            .sent_at
            .unwrap();
        dues.push(sla.ack_due(sent).unwrap());
        let fixed = app
            .store
            .purchase_order(ff, *po)
            .await
            .unwrap()
            .unwrap()
            .ack_due_at;
        assert_eq!(
            fixed,
            dues.last().copied(),
            "the due time is kept on the order"
        );
    }
    let (first_due, last_due) = (*dues.iter().min().unwrap(), *dues.iter().max().unwrap());
    assert!(
        first_due - now_ms() >= 16 * 3_600_000,
        "two working days at least"
    );
    let reminders = |app: &TestApp| -> Vec<String> {
        app.mails()
            .into_iter()
            .map(|m| unfolded(&m))
            .filter(|m| m.contains("Reminder: Purchase order PO-"))
            .collect()
    };

    let (_, token) = order_mail(&app, reminded);
    let (_, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert!(
        html.contains("Please answer by"),
        "the supplier sees when: {html}"
    );
    app.run_jobs_due_at(first_due - 60_000).await;
    assert!(reminders(&app).is_empty(), "nothing before it is due");
    app.run_jobs_due_at(last_due).await;
    let sent = reminders(&app);
    assert_eq!(
        sent.len(),
        orders.len() - 1,
        "one reminder per unanswered order"
    );
    assert!(
        !sent.iter().any(|m| m.contains(&format!("PO-{answered} "))),
        "not the answered one"
    );
    for m in &sent {
        assert!(
            m.contains("we have not had your answer") && m.contains("/po/"),
            "{m}"
        );
    }
    // The reminder's link works: the supplier answers one from it.
    let reminder = sent
        .iter()
        .find(|m| m.contains(&format!("PO-{reminded} from")))
        .unwrap();
    let token = token_after(reminder, "/po/").unwrap();
    answer(
        &app,
        &token,
        &[
            ("answer", "acknowledge"),
            ("promised_on", &day_string(now_ms() + 3 * DAY)),
        ],
    )
    .await;
    assert_eq!(po_state(&app, ff, reminded).await, "acknowledged");
    let open_late = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .exceptions(ff, "open", Some("supplier_late"), 50)
                .await
                .unwrap()
        }
    };
    // No acknowledgement alert before its time. (When the two working days span a
    // weekend, the first answered order's promised day, three days on, has already
    // passed without a ship notice: that clock's alert is the only one allowed.)
    let early = open_late(&app).await;
    assert!(
        early
            .iter()
            .all(|e| e.subject == format!("purchase_order:{answered}")
                && e.title.contains("no ship notice")),
        "no alert before its time: {early:?}"
    );

    let escalation = dues
        .iter()
        .map(|d| sla.escalation_due(*d).unwrap())
        .max()
        .unwrap();
    app.run_jobs_due_at(escalation).await;
    // Only the acknowledgement clock's alerts: depending on the weekday the test runs,
    // the acknowledged orders' promised day may pass before this (no ship notice), which
    // alerts the buyer too (see below).
    let alerts: Vec<_> = open_late(&app)
        .await
        .into_iter()
        .filter(|e| e.title.contains("has not acknowledged"))
        .collect();
    let mut subjects: Vec<String> = alerts.iter().map(|e| e.subject.clone()).collect();
    subjects.sort();
    let mut expected: Vec<String> = late
        .iter()
        .map(|po| format!("purchase_order:{po}"))
        .collect();
    expected.sort();
    assert_eq!(subjects, expected, "the still unanswered orders only");
    assert!(
        alerts[0]
            .title
            .contains("Lowlands Dairy Co-op has not acknowledged"),
        "{:?}",
        alerts[0].title
    );

    // Fired once: later runs add no reminder and no alert. (The acknowledged order's
    // promised day passes without a ship notice: that clock alerts the buyer too.)
    app.run_jobs_due_at(escalation + 10 * DAY).await;
    assert_eq!(reminders(&app).len(), orders.len() - 1);
    let alerts = open_late(&app).await;
    let unacknowledged = alerts
        .iter()
        .filter(|e| e.title.contains("has not acknowledged"))
        .count();
    assert_eq!(unacknowledged, late.len());
    assert!(
        alerts
            .iter()
            .any(|e| e.subject == format!("purchase_order:{reminded}")
                && e.title.contains("no ship notice")),
        "{alerts:?}"
    );
    let trail = app
        .store
        .audit_for_subject(ff, &format!("purchase_order:{}", late[0]))
        .await
        .unwrap();
    assert_eq!(
        trail
            .iter()
            .filter(|e| e.action == "purchase_order.ack_reminded")
            .count(),
        1
    );
}

/// Messages about an order: the supplier writes from the link, the planners get it by
/// e-mail and see it on the order's page; the buyer answers and the supplier gets it
/// with a fresh link. Empty or overlong messages, another retailer's buyer and a
/// changed link change nothing.
async fn buyer_and_supplier_write_to_each_other_about_an_order(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let po = sent_orders(&app).await[0];
    let (_, token) = order_mail(&app, po);
    let write = |path: String, body: &'static str| {
        let app = &app;
        async move {
            let res = app.post_form(&app.client(), &path, &[("body", body)]).await;
            assert_eq!(res.status(), 303, "{path}");
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    let link = format!("/t/freshfield/po/{token}/messages");
    let to = write(link.clone(), "Can we deliver on Tuesday instead?").await;
    assert!(to.contains("notice="), "{to}");
    let to = write(link.clone(), "   ").await;
    assert!(to.contains("error=") && to.contains("empty"), "{to}");
    let long: &'static str = Box::leak("x".repeat(2001).into_boxed_str());
    let to = write(link.clone(), long).await;
    assert!(to.contains("too+long") || to.contains("too%20long"), "{to}");
    let flip = if token.ends_with('0') { '1' } else { '0' };
    let changed = format!(
        "/t/freshfield/po/{}{flip}/messages",
        &token[..token.len() - 1]
    );
    write(changed, "sneaky").await;
    assert_eq!(
        app.store.po_messages(ff, po).await.unwrap().len(),
        1,
        "only the good one"
    );
    app.run_pending_jobs().await;
    let to_planner: Vec<String> = app
        .mails()
        .into_iter()
        .filter(|m| m.contains("planner@freshfield.example") && m.contains("deliver on Tuesday"))
        .collect();
    assert_eq!(to_planner.len(), 1, "the planner is told");
    assert!(to_planner[0].contains(&format!("/documents/purchase_order/{po}")));

    // The buyer reads it on the order's page and answers.
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let page_path = format!("/t/freshfield/documents/purchase_order/{po}");
    let html = body(planner.get(app.url(&page_path)).send().await.unwrap()).await;
    assert!(
        html.contains("Can we deliver on Tuesday instead?")
            && html.contains("Lowlands Dairy Co-op"),
        "{html}"
    );
    let res = app
        .post_form(
            &planner,
            &format!("{page_path}/messages"),
            &[("body", "Tuesday is fine.")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    app.run_pending_jobs().await;
    let to_supplier: Vec<String> = app
        .mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .filter(|m| m.contains("Message about Purchase order") && m.contains("Tuesday is fine."))
        .collect();
    assert_eq!(to_supplier.len(), 1, "the supplier is told");
    assert!(
        to_supplier[0].contains("orders@lowlands-dairy.example") && to_supplier[0].contains("/po/")
    );
    let (_, html) = page(&app, &format!("/t/freshfield/po/{token}")).await;
    assert!(
        html.contains("Tuesday is fine.") && html.contains("Can we deliver on Tuesday instead?")
    );

    // A file with a message: a PDF goes, and comes back to the other side as it was; a
    // file that is not one of the plain types, or too large, is refused by name.
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec();
    let upload = |body: &'static str, name: &'static str, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new().text("body", body).part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
        app.client()
            .post(app.url(&link))
            .header("origin", app.origin())
            .multipart(form)
    };
    let res = upload("The delivery note.", "../../delivery note.pdf", pdf.clone())
        .send()
        .await
        .unwrap();
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    let files = app.store.po_attachments(ff, po).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(
        (files[0].file_name.as_str(), files[0].content_type.as_str()),
        ("delivery note.pdf", "application/pdf")
    );
    let html = body(planner.get(app.url(&page_path)).send().await.unwrap()).await;
    let href = format!("{page_path}/attachments/{}", files[0].id);
    assert!(
        html.contains(&href) && html.contains("delivery note.pdf"),
        "{html}"
    );
    let res = planner.get(app.url(&href)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("filename=\"delivery note.pdf\""));
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let by_link = app
        .client()
        .get(app.url(&format!(
            "/t/freshfield/po/{token}/attachments/{}",
            files[0].id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(by_link.status(), 200);
    let html_page = b"<html><script>alert(1)</script></html>".to_vec();
    let res = upload("A page.", "note.pdf", html_page)
        .send()
        .await
        .unwrap();
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("must be a PDF, a PNG or JPEG image"), "{to}");
    let mut big = pdf.clone();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    let res = upload("Too big.", "big.pdf", big).send().await.unwrap();
    let to = urlencoding_decode(res.headers()["location"].to_str().unwrap());
    assert!(to.contains("too large"), "{to}");
    let huge = vec![b'x'; 7 * 1024 * 1024];
    // Refused before it is read: a 413, or, when the server answered and closed the
    // connection while the client was still writing, a broken pipe.
    match upload("Far too big.", "huge.pdf", huge).send().await {
        Ok(res) => assert_eq!(res.status(), 413),
        Err(e) => assert!(e.is_request() && !e.is_timeout(), "{e}"),
    }
    assert_eq!(
        app.store.po_attachments(ff, po).await.unwrap().len(),
        1,
        "nothing else kept"
    );
    assert_eq!(
        app.store.po_messages(ff, po).await.unwrap().len(),
        3,
        "nor their messages"
    );
    app.run_pending_jobs().await;

    // After the buyer withdraws the order's links, a message goes without one: it
    // never brings a withdrawn link back.
    let res = app
        .post_form(&planner, &format!("{page_path}/revoke-links"), &[])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("withdrawn"));
    let res = app
        .post_form(
            &planner,
            &format!("{page_path}/messages"),
            &[("body", "Links withdrawn; call us.")],
        )
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("notice="));
    app.run_pending_jobs().await;
    let links = app.store.po_links(ff, po).await.unwrap();
    assert!(
        links.iter().all(|l| l.revoked_at.is_some()),
        "no live link: {links:?}"
    );
    // The withdrawn link no longer reads the file; the signed-in dairy user still does.
    let old = format!("/t/freshfield/po/{token}/attachments/{}", files[0].id);
    assert_eq!(
        app.client()
            .get(app.url(&old))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let dairy = app
        .signed_in("freshfield", test_support::logins::FF_SUPPLIER)
        .await;
    let mine = format!(
        "/t/freshfield/supplier/orders/{po}/attachments/{}",
        files[0].id
    );
    let res = dairy.get(app.url(&mine)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    let last = app
        .mails()
        .into_iter()
        .map(|m| unfolded(&m))
        .find(|m| m.contains("Links withdrawn; call us."))
        .expect("the supplier still gets the message");
    assert!(!last.contains("/po/"), "without a link: {last}");

    // Another retailer's buyer, on this order's id: 404, nothing added; nor can it read
    // the file.
    let rl_file = format!(
        "/t/ridgeline/documents/purchase_order/{po}/attachments/{}",
        files[0].id
    );
    let rl_reader = app.signed_in("ridgeline", RL_ADMIN).await;
    assert_eq!(
        rl_reader
            .get(app.url(&rl_file))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let rl = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = app
        .post_form(
            &rl,
            &format!("/t/ridgeline/documents/purchase_order/{po}/messages"),
            &[("body", "hi")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(app.store.po_messages(ff, po).await.unwrap().len(), 4);
}
