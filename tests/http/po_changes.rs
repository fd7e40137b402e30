//! After a purchase order is sent: the supplier backorders it, proposes changes
//! (quantity, price, date) which the buyer accepts, counters or refuses, a dearer one
//! going through the approval matrix first; the buyer changes a sent order and the
//! supplier accepts it; ship notices move units to in transit and receipts against them
//! put them on hand, with over, short and damaged lines raised as an exception. Every
//! refusal names what is wrong and changes nothing.

use engine::model::{day_start, day_string, now_ms, TenantId};
use test_support::logins::{FF_ADMIN, FF_OPERATOR, FF_SUPPLIER};
use test_support::{on_both_backends, spawn_app, unfolded, Backend, TestApp};

use super::*;

on_both_backends!(
    supplier_changes_are_accepted_countered_refused_and_approved_when_dearer,
    ship_notices_and_receipts_move_stock_and_differences_open_an_exception,
    the_ship_notice_clock_reminds_then_escalates_and_deliveries_measure_the_supplier,
    one_line_is_backordered_on_its_own_day_and_the_order_agreed_to_it,
);

const DAY: i64 = 86_400_000;

/// Posts a form; the redirect's target, decoded and in lower case (the messages start
/// with a capital).
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> String {
    let res = app.post_form(client, path, form).await;
    assert_eq!(res.status(), 303, "{path}");
    urlencoding_decode(res.headers()["location"].to_str().unwrap()).to_lowercase()
}

async fn state(app: &TestApp, t: TenantId, po: i64) -> String {
    app.store
        .purchase_order(t, po)
        .await
        .unwrap()
        .unwrap()
        .state
        .as_str()
        .to_string()
}

/// The dairy's sent orders (whole milk counted low everywhere), and the fresh-produce
/// supplier's.
async fn dairy_orders(app: &TestApp) -> (Vec<i64>, Vec<i64>) {
    let ff = app.tenant("freshfield").await;
    let (_, suppliers) = app.store.labels(ff).await.unwrap();
    let dairy = suppliers.iter().find(|s| s.1 == "SUP-DAIRY").unwrap().0;
    let sent = app.sent_orders_for(&["FF-0001", "FF-0061"]).await;
    let ours = sent.iter().filter(|o| o.1 == dairy).map(|o| o.0).collect();
    let theirs = sent.iter().filter(|o| o.1 != dairy).map(|o| o.0).collect();
    (ours, theirs)
}

/// The order's first line: (line id, product, quantity, unit cost).
async fn first_line(app: &TestApp, t: TenantId, po: i64) -> (i64, i64, i64, i64) {
    let l = app.store.po_lines(t, po).await.unwrap().remove(0);
    (l.id, l.product_id, l.quantity, l.unit_cost_minor)
}

/// (on hand, in transit, on order) at the order's ship-to for `product`.
async fn position(app: &TestApp, t: TenantId, po: i64, product: i64) -> (i64, i64, i64) {
    let rec = app.store.purchase_order(t, po).await.unwrap().unwrap();
    let (h, tr, o, _) = app
        .store
        .position_by_ids(t, rec.ship_to_location_id, product)
        .await
        .unwrap()
        .unwrap();
    (h, tr, o)
}

fn day(offset: i64) -> String {
    day_string(day_start(now_ms()) + offset * DAY)
}

async fn supplier_changes_are_accepted_countered_refused_and_approved_when_dearer(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let (ours, theirs) = dairy_orders(&app).await;
    assert!(ours.len() >= 3 && !theirs.is_empty(), "{ours:?} {theirs:?}");
    let (cheaper, dearer, buyers) = (ours[0], ours[1], ours[2]);
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let approver = app.signed_in("freshfield", FF_OPERATOR).await;
    let admin = app.signed_in("freshfield", FF_ADMIN).await;
    let at = |po: i64, what: &str| format!("/t/freshfield/supplier/orders/{po}/{what}");
    let buyer_at =
        |po: i64, what: &str| format!("/t/freshfield/documents/purchase_order/{po}/{what}");

    // The supplier sees the change form on its order page.
    let page = body(
        supplier
            .get(app.url(&format!("/t/freshfield/supplier/orders/{cheaper}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Propose a change") && page.contains("Send a ship notice"),
        "{page}"
    );

    // Bad proposals are named and change nothing.
    let (line, product, qty, cost) = first_line(&app, ff, cheaper).await;
    let (q, p) = (format!("qty_{line}"), format!("price_{line}"));
    let (_, _, on_order_before) = position(&app, ff, cheaper, product).await;
    for (form, says) in [
        (
            vec![
                (q.as_str(), "-3"),
                (p.as_str(), "1.00"),
                ("promised_on", &day(3) as &str),
            ],
            "quantity must be between 0",
        ),
        (
            vec![
                (q.as_str(), "abc"),
                (p.as_str(), "1.00"),
                ("promised_on", &day(3)),
            ],
            "must be a whole number",
        ),
        (
            vec![
                (q.as_str(), "5"),
                (p.as_str(), "99999999999999999"),
                ("promised_on", &day(3)),
            ],
            "unit price",
        ),
        (
            vec![
                (q.as_str(), "0"),
                (p.as_str(), "1.00"),
                ("promised_on", &day(3)),
            ],
            "decline it",
        ),
        (
            vec![
                (q.as_str(), "5"),
                (p.as_str(), "1.00"),
                ("promised_on", &day(-2)),
            ],
            "delivery date",
        ),
        (
            vec![
                ("qty_999999", "5"),
                ("price_999999", "1.00"),
                ("promised_on", &day(3)),
            ],
            "not on this order",
        ),
    ] {
        let to = post(&app, &supplier, &at(cheaper, "change"), &form).await;
        assert!(to.contains("error=") && to.contains(says), "{says}: {to}");
    }
    assert_eq!(state(&app, ff, cheaper).await, "sent");
    // Another supplier's order, or another tenant's: not found, nothing changed.
    let other = theirs[0];
    let res = app
        .post_form(&supplier, &at(other, "change"), &[("promised_on", &day(3))])
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(state(&app, ff, other).await, "sent");
    let ridgeline = app.signed_in("ridgeline", RL_ADMIN).await;
    let res = app
        .post_form(
            &ridgeline,
            &format!("/t/ridgeline/documents/purchase_order/{cheaper}/change/answer"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(res.status(), 404);

    // A cheaper change: fewer units, a date in four days. The buyer accepts it.
    let fewer = (qty - 1).max(1);
    let price = format!("{}.{:02}", cost / 100, cost % 100);
    let to = post(
        &app,
        &supplier,
        &at(cheaper, "change"),
        &[
            (q.as_str(), &fewer.to_string()),
            (p.as_str(), &price),
            ("promised_on", &day(4)),
            ("note", "One crate short this week"),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    assert_eq!(state(&app, ff, cheaper).await, "change_proposed");
    // The supplier cannot answer its own proposal.
    let to = post(
        &app,
        &supplier,
        &at(cheaper, "change/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert!(to.contains("you proposed this change"), "{to}");
    let doc = body(
        planner
            .get(app.url(&format!("/t/freshfield/documents/purchase_order/{cheaper}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        doc.contains("The supplier proposed this change")
            && doc.contains("One crate short this week")
            && doc.contains("Accept the change"),
        "{doc}"
    );
    let to = post(
        &app,
        &planner,
        &buyer_at(cheaper, "change/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert!(to.contains("acknowledged"), "{to}");
    let (_, _, quantity, _) = first_line(&app, ff, cheaper).await;
    assert_eq!(quantity, fewer);
    let rec = app
        .store
        .purchase_order(ff, cheaper)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rec.promised_on.map(day_string), Some(day(4)));
    let (_, _, on_order) = position(&app, ff, cheaper, product).await;
    assert_eq!(
        on_order,
        on_order_before - (qty - fewer),
        "on order follows the change"
    );
    app.run_pending_jobs().await;
    assert!(app.mails().iter().map(|m| unfolded(m)).any(|m| m
        .contains(&format!("Update: Purchase order PO-{cheaper}"))
        && m.contains("is accepted")));

    // A dearer change: the buyer accepts, the matrix wants an approver, and the buyer
    // who accepted it may not approve it; an approver and an admin do.
    let (line, _, qty, _) = first_line(&app, ff, dearer).await;
    let (q2, p2) = (format!("qty_{line}"), format!("price_{line}"));
    let to = post(
        &app,
        &supplier,
        &at(dearer, "change"),
        &[
            (q2.as_str(), &qty.to_string()),
            (p2.as_str(), "5000.00"),
            ("promised_on", &day(2)),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    let value_before = app
        .store
        .purchase_order(ff, dearer)
        .await
        .unwrap()
        .unwrap()
        .value_minor;
    let to = post(
        &app,
        &planner,
        &buyer_at(dearer, "change/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert!(to.contains("change waiting for approval"), "{to}");
    assert_eq!(state(&app, ff, dearer).await, "change_approval");
    // The approvers are shown the change, not the order as it stands.
    let inbox = body(
        approver
            .get(app.url("/t/freshfield/approvals"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        inbox.contains(&format!("Change to purchase order {dearer}"))
            && inbox.contains("proposes a change that takes the order from"),
        "{inbox}"
    );
    assert_eq!(
        app.store
            .purchase_order(ff, dearer)
            .await
            .unwrap()
            .unwrap()
            .value_minor,
        value_before,
        "not applied before approval"
    );
    let res = decide(
        &app,
        &planner,
        &format!("purchase_order:{dearer}"),
        "approve",
        "",
    )
    .await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("error="),
        "the buyer who accepted may not approve"
    );
    let res = decide(
        &app,
        &approver,
        &format!("purchase_order:{dearer}"),
        "approve",
        "ok",
    )
    .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(!to.contains("error="), "{}", urlencoding_decode(&to));
    // Freshfield's matrix wants an approver and then an admin for orders this large.
    assert_eq!(state(&app, ff, dearer).await, "change_approval");
    let res = decide(
        &app,
        &admin,
        &format!("purchase_order:{dearer}"),
        "approve",
        "ok",
    )
    .await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(!to.contains("error="), "{}", urlencoding_decode(&to));
    assert_eq!(state(&app, ff, dearer).await, "acknowledged");
    let rec = app.store.purchase_order(ff, dearer).await.unwrap().unwrap();
    assert_eq!(rec.value_minor, qty * 500_000);
    // Dearer again, and this time the approver refuses with a comment meant for staff:
    // the order stands, and the supplier hears that it was not approved, not why.
    let to = post(
        &app,
        &supplier,
        &at(dearer, "change"),
        &[
            (q2.as_str(), &qty.to_string()),
            (p2.as_str(), "6000.00"),
            ("promised_on", &day(2)),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    post(
        &app,
        &planner,
        &buyer_at(dearer, "change/answer"),
        &[("answer", "accept")],
    )
    .await;
    let res = decide(
        &app,
        &approver,
        &format!("purchase_order:{dearer}"),
        "reject",
        "Margin too thin, find another dairy",
    )
    .await;
    assert!(!res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("error="));
    assert_eq!(state(&app, ff, dearer).await, "acknowledged");
    assert_eq!(
        app.store
            .purchase_order(ff, dearer)
            .await
            .unwrap()
            .unwrap()
            .value_minor,
        qty * 500_000
    );
    app.run_pending_jobs().await;
    let mails: Vec<String> = app
        .mails()
        .iter()
        .map(|m| unfolded(m))
        .filter(|m| m.contains(&format!("Update: Purchase order PO-{dearer}")))
        .collect();
    assert!(
        mails
            .iter()
            .any(|m| m.contains("was not accepted by the retailer")),
        "{mails:?}"
    );
    assert!(!mails.iter().any(|m| m.contains("Margin too thin")));
    let page = body(
        supplier
            .get(app.url(&format!("/t/freshfield/supplier/orders/{dearer}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        !page.contains("Margin too thin") && page.contains("not approved"),
        "{page}"
    );

    // The buyer changes a sent order (cheaper: straight to the supplier); the supplier
    // counters with another date; the buyer refuses with a reason: the order stands.
    let (line, _, qty, cost) = first_line(&app, ff, buyers).await;
    let (q3, p3) = (format!("qty_{line}"), format!("price_{line}"));
    let price = format!("{}.{:02}", cost / 100, cost % 100);
    let to = post(
        &app,
        &planner,
        &buyer_at(buyers, "change"),
        &[
            (q3.as_str(), &(qty + 1).to_string()),
            (p3.as_str(), "0.01"),
            ("promised_on", &day(3)),
        ],
    )
    .await;
    assert!(to.contains("change proposed"), "{to}");
    app.run_pending_jobs().await;
    assert!(app.mails().iter().map(|m| unfolded(m)).any(|m| m
        .contains(&format!("Update: Purchase order PO-{buyers}"))
        && m.contains("The buyer proposes a change")));
    let to = post(
        &app,
        &planner,
        &buyer_at(buyers, "change"),
        &[("promised_on", &day(9))],
    )
    .await;
    assert!(to.contains("still waiting for its answer"), "{to}");
    let to = post(
        &app,
        &supplier,
        &at(buyers, "change"),
        &[
            (q3.as_str(), &qty.to_string()),
            (p3.as_str(), &price),
            ("promised_on", &day(6)),
        ],
    )
    .await;
    assert!(to.contains("notice="), "the supplier counters: {to}");
    let to = post(
        &app,
        &planner,
        &buyer_at(buyers, "change/answer"),
        &[("answer", "refuse"), ("reason", " ")],
    )
    .await;
    assert!(to.contains("say why"), "{to}");
    let to = post(
        &app,
        &planner,
        &buyer_at(buyers, "change/answer"),
        &[("answer", "refuse"), ("reason", "We need it sooner")],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    assert_eq!(state(&app, ff, buyers).await, "sent");
    assert_eq!(
        first_line(&app, ff, buyers).await.2,
        qty,
        "the order stands as it was"
    );
    let history: Vec<String> = app
        .store
        .po_changes(ff, buyers)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.state)
        .collect();
    assert_eq!(history, ["superseded", "rejected"]);
    // Then the buyer proposes again and the supplier accepts it.
    let to = post(
        &app,
        &planner,
        &buyer_at(buyers, "change"),
        &[
            (q3.as_str(), &(qty + 2).to_string()),
            (p3.as_str(), "0.01"),
            ("promised_on", &day(5)),
        ],
    )
    .await;
    assert!(to.contains("change proposed"), "{to}");
    let to = post(
        &app,
        &supplier,
        &at(buyers, "change/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert!(to.contains("acknowledged"), "{to}");
    assert_eq!(first_line(&app, ff, buyers).await.2, qty + 2);

    // A backorder (signed in): the order is confirmed for a later day.
    let to = post(
        &app,
        &supplier,
        &at(cheaper, "answer"),
        &[("answer", "backorder"), ("promised_on", &day(20))],
    )
    .await;
    assert!(to.contains("backordered"), "{to}");
    assert_eq!(state(&app, ff, cheaper).await, "backordered");
    // Re-dating alone does not move the day agreed (scorecards judge by it).
    let rec = app
        .store
        .purchase_order(ff, cheaper)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            rec.promised_on.map(day_string),
            rec.agreed_on.map(day_string)
        ),
        (Some(day(20)), Some(day(4)))
    );
    // A refused change leaves a backorder a backorder.
    let (line, _, qty, cost) = first_line(&app, ff, cheaper).await;
    let price = format!("{}.{:02}", cost / 100, cost % 100);
    let (q4, p4) = (format!("qty_{line}"), format!("price_{line}"));
    let to = post(
        &app,
        &supplier,
        &at(cheaper, "change"),
        &[
            (q4.as_str(), &qty.to_string()),
            (p4.as_str(), &price),
            ("promised_on", &day(15)),
        ],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    let to = post(
        &app,
        &planner,
        &buyer_at(cheaper, "change/answer"),
        &[("answer", "refuse"), ("reason", "Keep the date")],
    )
    .await;
    assert!(to.contains("backordered"), "{to}");
    // Its only line on a later day of its own: that is a new order day, not a line
    // backorder (one on a two-line order: see the last test).
    let (s4, own) = (format!("ships_{line}"), day(25));
    let form = [
        (q4.as_str(), qty.to_string()),
        (p4.as_str(), price.clone()),
        (s4.as_str(), own.clone()),
        ("promised_on", day(15)),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let to = post(&app, &supplier, &at(cheaper, "change"), &form).await;
    assert!(to.contains("every line has a later day of its own"), "{to}");
    app.run_pending_jobs().await;
}

async fn ship_notices_and_receipts_move_stock_and_differences_open_an_exception(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let (ours, _) = dairy_orders(&app).await;
    let (po, other) = (ours[0], ours[1]);
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let ship = format!("/t/freshfield/supplier/orders/{po}/ship");
    let (line, product, qty, _) = first_line(&app, ff, po).await;
    assert!(qty >= 3, "the order has room for a partial delivery: {qty}");
    let field = format!("ship_{line}");
    let (hand0, transit0, order0) = position(&app, ff, po, product).await;

    // Too many, none, a bad date, a carrier on two lines: named, nothing shipped.
    for (form, says) in [
        (
            vec![
                (field.as_str(), (qty + 1).to_string()),
                ("expected_on", day(2)),
            ],
            "at most",
        ),
        (
            vec![(field.as_str(), "0".to_string()), ("expected_on", day(2))],
            "at least one unit",
        ),
        (
            vec![
                (field.as_str(), "1".to_string()),
                ("expected_on", "soon".to_string()),
            ],
            "expected delivery must be a date",
        ),
        (
            vec![
                (field.as_str(), "1".to_string()),
                ("expected_on", day(2)),
                ("carrier", "a\nb".to_string()),
            ],
            "carrier",
        ),
    ] {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let to = post(&app, &supplier, &ship, &form).await;
        assert!(to.contains("error=") && to.contains(says), "{says}: {to}");
    }
    assert_eq!(state(&app, ff, po).await, "sent");

    // Part of it ships: on order to in transit.
    let first = qty - 2;
    let to = post(
        &app,
        &supplier,
        &ship,
        &[
            (field.as_str(), &first.to_string()),
            ("carrier", "DairyExpress"),
            ("tracking", "DX-1"),
            ("expected_on", &day(2)),
        ],
    )
    .await;
    assert!(to.contains("ship notice"), "{to}");
    assert_eq!(state(&app, ff, po).await, "shipped");
    assert_eq!(
        position(&app, ff, po, product).await,
        (hand0, transit0 + first, order0 - first)
    );
    // Goods in transit cannot be cancelled.
    let to = post(
        &app,
        &planner,
        &format!("/t/freshfield/documents/purchase_order/{po}/command"),
        &[("command", "cancel"), ("confirm", "yes")],
    )
    .await;
    assert!(
        to.contains("cannot cancel") && to.contains("shipped"),
        "{to}"
    );
    let doc = body(
        planner
            .get(app.url(&format!("/t/freshfield/documents/purchase_order/{po}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        doc.contains("DairyExpress") && doc.contains("Record the receipt"),
        "{doc}"
    );

    // Counted in: one short and one damaged. Good units go on hand; an exception says
    // what differs; the rest is still awaited.
    let asns = app.store.po_asns(ff, po).await.unwrap();
    let (asn, lines) = &asns[0];
    let asn_line = lines[0].id;
    let receive = format!(
        "/t/freshfield/documents/purchase_order/{po}/receive/{}",
        asn.id
    );
    let (r, d) = (
        format!("received_{asn_line}"),
        format!("damaged_{asn_line}"),
    );
    let to = post(
        &app,
        &planner,
        &receive,
        &[(r.as_str(), "2"), (d.as_str(), "3")],
    )
    .await;
    assert!(
        to.contains("damaged must be between 0 and the 2 received"),
        "{to}"
    );
    let to = post(&app, &planner, &receive, &[]).await;
    assert!(to.contains("say once what arrived"), "{to}");
    // The supplier cannot receive, and another order's notice is not found.
    let to = post(&app, &supplier, &receive, &[(r.as_str(), "1")]).await;
    assert!(
        to.contains("error=") && to.contains("your role cannot"),
        "{to}"
    );
    assert_eq!(state(&app, ff, po).await, "shipped");
    let res = app
        .post_form(
            &planner,
            &format!(
                "/t/freshfield/documents/purchase_order/{other}/receive/{}",
                asn.id
            ),
            &[(r.as_str(), "1")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let got = (first - 1).to_string();
    let to = post(
        &app,
        &planner,
        &receive,
        &[(r.as_str(), &got), (d.as_str(), "1")],
    )
    .await;
    assert!(to.contains("partly received"), "{to}");
    assert_eq!(
        position(&app, ff, po, product).await,
        (hand0 + first - 2, transit0, order0 - first)
    );
    let exceptions = app
        .store
        .exceptions(ff, "open", Some("receipt_mismatch"), 10)
        .await
        .unwrap();
    let e = exceptions
        .iter()
        .find(|e| e.title.contains(&format!("PO-{po}")))
        .expect("a receipt exception");
    assert!(
        e.detail.contains("1 short") && e.detail.contains("1 damaged"),
        "{}",
        e.detail
    );
    let to = post(&app, &planner, &receive, &[(r.as_str(), &got)]).await;
    assert!(to.contains("received already"), "{to}");

    // The rest is not coming: the buyer closes the order and it is no longer on order.
    let command = format!("/t/freshfield/documents/purchase_order/{po}/command");
    let to = post(&app, &planner, &command, &[("command", "close")]).await;
    assert!(to.contains("the rest is not coming"), "{to}");
    let to = post(
        &app,
        &planner,
        &command,
        &[("command", "close"), ("confirm", "yes")],
    )
    .await;
    assert!(to.contains("closed"), "{to}");
    let (_, _, on_order) = position(&app, ff, po, product).await;
    assert_eq!(
        on_order,
        order0 - qty,
        "what had not shipped is no longer on order"
    );
    // A closed order takes no more answers or notices.
    let to = post(
        &app,
        &supplier,
        &ship,
        &[(field.as_str(), "1"), ("expected_on", &day(2))],
    )
    .await;
    assert!(to.contains("error="), "{to}");
    let to = post(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{po}/answer"),
        &[("answer", "acknowledge"), ("promised_on", &day(3))],
    )
    .await;
    assert!(
        to.contains("cannot acknowledge") && to.contains("closed"),
        "{to}"
    );

    // The other order ships in full and one receipt closes it.
    let (line, product, qty, _) = first_line(&app, ff, other).await;
    let all: Vec<(String, String)> = app
        .store
        .po_lines(ff, other)
        .await
        .unwrap()
        .iter()
        .map(|l| (format!("ship_{}", l.id), l.quantity.to_string()))
        .collect();
    let mut form: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let expected = day(1);
    form.push(("expected_on", &expected));
    let to = post(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{other}/ship"),
        &form,
    )
    .await;
    assert!(to.contains("ship notice"), "{to}");
    let (hand, _, _) = position(&app, ff, other, product).await;
    let asns = app.store.po_asns(ff, other).await.unwrap();
    let (asn, lines) = &asns[0];
    let got: Vec<(String, String)> = lines
        .iter()
        .map(|l| (format!("received_{}", l.id), l.shipped.to_string()))
        .collect();
    let form: Vec<(&str, &str)> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let to = post(
        &app,
        &planner,
        &format!(
            "/t/freshfield/documents/purchase_order/{other}/receive/{}",
            asn.id
        ),
        &form,
    )
    .await;
    assert!(to.contains("closed"), "{to}");
    assert_eq!(position(&app, ff, other, product).await.0, hand + qty);
    let _ = line;
    app.run_pending_jobs().await;
}

/// Acknowledges `po` for `promised`, ships all of it and receives all of it.
async fn deliver(
    app: &TestApp,
    supplier: &reqwest::Client,
    planner: &reqwest::Client,
    po: i64,
    promised: &str,
) {
    let ff = app.tenant("freshfield").await;
    let to = post(
        app,
        supplier,
        &format!("/t/freshfield/supplier/orders/{po}/answer"),
        &[("answer", "acknowledge"), ("promised_on", promised)],
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    let all: Vec<(String, String)> = app
        .store
        .po_lines(ff, po)
        .await
        .unwrap()
        .iter()
        .map(|l| (format!("ship_{}", l.id), l.quantity.to_string()))
        .collect();
    let mut form: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.push(("expected_on", promised));
    let to = post(
        app,
        supplier,
        &format!("/t/freshfield/supplier/orders/{po}/ship"),
        &form,
    )
    .await;
    assert!(to.contains("ship notice"), "{to}");
    let asns = app.store.po_asns(ff, po).await.unwrap();
    let (asn, lines) = asns.last().unwrap();
    let got: Vec<(String, String)> = lines
        .iter()
        .map(|l| (format!("received_{}", l.id), l.shipped.to_string()))
        .collect();
    let form: Vec<(&str, &str)> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let to = post(
        app,
        planner,
        &format!(
            "/t/freshfield/documents/purchase_order/{po}/receive/{}",
            asn.id
        ),
        &form,
    )
    .await;
    assert!(to.contains("closed"), "{to}");
}

async fn the_ship_notice_clock_reminds_then_escalates_and_deliveries_measure_the_supplier(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    let (ours, _) = dairy_orders(&app).await;
    assert!(ours.len() >= 6, "{ours:?}");
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let answer = |po: i64| format!("/t/freshfield/supplier/orders/{po}/answer");
    let today = day_start(now_ms());
    let (late, revised) = (ours[4], ours[5]);

    // Promised for the day after tomorrow; then the date of the other order is revised.
    post(
        &app,
        &supplier,
        &answer(late),
        &[("answer", "acknowledge"), ("promised_on", &day(2))],
    )
    .await;
    post(
        &app,
        &supplier,
        &answer(revised),
        &[("answer", "acknowledge"), ("promised_on", &day(2))],
    )
    .await;
    post(
        &app,
        &supplier,
        &answer(revised),
        &[("answer", "backorder"), ("promised_on", &day(4))],
    )
    .await;
    app.run_pending_jobs().await;
    let reminders = |app: &TestApp, po: i64| {
        app.mails()
            .iter()
            .map(|m| unfolded(m))
            .filter(|m| {
                m.contains(&format!("PO-{po} from")) && m.contains("we have no ship notice yet")
            })
            .count()
    };
    assert_eq!(reminders(&app, late), 0, "not before the day before");
    // The day before: the supplier is reminded, once however often the clock is run.
    app.run_jobs_due_at(today + DAY + 1).await;
    app.run_jobs_due_at(today + DAY + 2).await;
    assert_eq!(reminders(&app, late), 1);
    assert_eq!(
        reminders(&app, revised),
        0,
        "its date moved: the old clock does nothing"
    );
    // Noon of the promised day without a notice: the buyer gets an exception.
    app.run_jobs_due_at(today + 2 * DAY + DAY / 2 + 1).await;
    let late_ones = app
        .store
        .exceptions(ff, "open", Some("supplier_late"), 50)
        .await
        .unwrap();
    let no_notice = |po: i64| {
        late_ones
            .iter()
            .filter(|e| {
                e.title
                    .contains(&format!("no ship notice for purchase order {po}"))
            })
            .count()
    };
    assert_eq!(no_notice(late), 1);
    assert_eq!(no_notice(revised), 0);
    // The revised order ships before its new day: no exception then either.
    let lines: Vec<(String, String)> = app
        .store
        .po_lines(ff, revised)
        .await
        .unwrap()
        .iter()
        .map(|l| (format!("ship_{}", l.id), "1".to_string()))
        .collect();
    let mut form: Vec<(&str, &str)> = lines
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let expected = day(4);
    form.push(("expected_on", &expected));
    post(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{revised}/ship"),
        &form,
    )
    .await;
    app.run_jobs_due_at(today + 4 * DAY + DAY / 2 + 1).await;
    let late_ones = app
        .store
        .exceptions(ff, "open", Some("supplier_late"), 50)
        .await
        .unwrap();
    assert!(!late_ones.iter().any(|e| e
        .title
        .contains(&format!("no ship notice for purchase order {revised}"))));

    // Five orders delivered in full and on time (the late one with a new date): the
    // scorecard shows it, and the supplier's lead time is measured from them.
    for po in ours[..4].iter().chain([&late]) {
        deliver(&app, &supplier, &planner, *po, &day(3)).await;
    }
    let card = body(
        planner
            .get(app.url("/t/freshfield/scorecards"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        card.contains("On time in full") && card.contains("100 % (5 of 5 delivered)"),
        "{card}"
    );
    assert!(
        card.contains("Fill rate") && card.contains("Median lead time"),
        "{card}"
    );
    let (_, suppliers) = app.store.labels(ff).await.unwrap();
    let dairy = suppliers.iter().find(|s| s.1 == "SUP-DAIRY").unwrap().0;
    // New whole-milk orders say the lead time they used.
    let sent = app.sent_orders_for(&["FF-0002"]).await;
    let po = sent
        .iter()
        .find(|o| o.1 == dairy)
        .expect("a new dairy order")
        .0;
    let line = app.store.po_lines(ff, po).await.unwrap().remove(0);
    assert!(
        line.reason
            .contains("Lead time 1 day, measured over the supplier's last 5 deliveries."),
        "{}",
        line.reason
    );
    app.run_pending_jobs().await;
}

async fn one_line_is_backordered_on_its_own_day_and_the_order_agreed_to_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let ff = app.tenant("freshfield").await;
    // Two dairy articles low everywhere: each dairy order has two lines.
    let sent = app.sent_orders_for(&["FF-0001", "FF-0002"]).await;
    let mut po = None;
    for (id, _) in &sent {
        if app.store.po_lines(ff, *id).await.unwrap().len() == 2 {
            po = Some(*id);
            break;
        }
    }
    let po = po.expect("a two-line order");
    let supplier = app.signed_in("freshfield", FF_SUPPLIER).await;
    let planner = app.signed_in("freshfield", FF_PLANNER).await;
    let lines = app.store.po_lines(ff, po).await.unwrap();
    let mut fields: Vec<(String, String)> = Vec::new();
    for l in &lines {
        fields.push((format!("qty_{}", l.id), l.quantity.to_string()));
        fields.push((
            format!("price_{}", l.id),
            format!("{}.{:02}", l.unit_cost_minor / 100, l.unit_cost_minor % 100),
        ));
    }
    let own = day(25);
    let mut first = fields.clone();
    first.push((format!("ships_{}", lines[0].id), own.clone()));
    first.push(("promised_on".into(), day(15)));
    let form: Vec<(&str, &str)> = first
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let to = post(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{po}/change"),
        &form,
    )
    .await;
    assert!(to.contains("notice="), "{to}");
    let doc = body(
        planner
            .get(app.url(&format!("/t/freshfield/documents/purchase_order/{po}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        doc.contains(&format!("delivered {}", shown_day(&own))),
        "the buyer sees the line's day: {doc}"
    );
    let to = post(
        &app,
        &planner,
        &format!("/t/freshfield/documents/purchase_order/{po}/change/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert!(to.contains("acknowledged"), "{to}");
    let l = app
        .store
        .po_lines(ff, po)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.id == lines[0].id)
        .unwrap();
    assert_eq!(l.promised_on.map(day_string), Some(own.clone()));
    let rec = app.store.purchase_order(ff, po).await.unwrap().unwrap();
    assert_eq!(
        (
            rec.promised_on.map(day_string),
            rec.agreed_on.map(day_string)
        ),
        (Some(day(15)), Some(own.clone())),
        "the order is agreed to its last line's day"
    );
    let page = body(
        supplier
            .get(app.url(&format!("/t/freshfield/supplier/orders/{po}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains(&format!("backordered: delivery {}", shown_day(&own))),
        "{page}"
    );
    // A line's own day before the order's is refused.
    let mut early = fields.clone();
    early.push((format!("ships_{}", lines[1].id), day(10)));
    early.push(("promised_on".into(), day(15)));
    let form: Vec<(&str, &str)> = early
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let to = post(
        &app,
        &supplier,
        &format!("/t/freshfield/supplier/orders/{po}/change"),
        &form,
    )
    .await;
    assert!(to.contains("its own delivery date"), "{to}");
    app.run_pending_jobs().await;
}
