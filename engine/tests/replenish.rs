//! The replenishment runner end to end on SQLite and PostgreSQL: events → evaluation job
//! → transfer or purchase order → approval → stock moves, with the audit chain intact.

mod support;

use engine::model::{now_ms, EventKind, Member, StockEvent, TenantId};
use engine::replenish::{self, Decided, EngineError};
use engine::seed::{seed_tenant, TenantFile};
use engine::store::DocRef;
use engine::workflow::transfer::TransferCommand;
use engine::Store;

conformance!(
    a_low_store_gets_one_transfer_however_often_events_repeat,
    an_approved_transfer_moves_stock_and_leaves_an_audit_trail,
    nobody_approves_their_own_change_and_a_rejection_needs_a_reason,
    without_a_donor_lines_gather_on_one_order_that_is_sent_when_the_window_closes,
    a_waiting_step_escalates_once_and_raises_an_exception,
    a_position_nobody_can_cover_raises_an_exception,
);

const TENANT: &str = r#"
slug = "acme"
name = "Acme Foods"
theme = "shelfwise"

[[locations]]
code = "DC"
name = "Central DC"
kind = "dc"
region = "north"
latitude = 52.0
longitude = 5.0

[[locations]]
code = "S1"
name = "Store One"
kind = "store"
region = "north"
latitude = 52.1
longitude = 5.0

[[locations]]
code = "S2"
name = "Store Two"
kind = "store"
region = "south"
latitude = 51.0
longitude = 5.0

[[suppliers]]
code = "SUP"
name = "Dairy Co"
email = "orders@dairy.example"
lead_time_days = 2

[policies.dairy]
reorder_point = 10
order_up_to = 30
dc_multiplier = 8
case_pack = 6

[approval]
po_window_minutes = 60
auto_approve_limit_minor = 100000

[[approval.default_steps]]
role = "approver"
escalate_after_hours = 1
escalate_to = "tenant_admin"

[[approval.rules]]
name = "Small orders"
doc_type = "purchase_order"
max_value_minor = 15000
outcome = { kind = "auto_approve" }

[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
supplier = "SUP"

[[products]]
sku = "BUTTER"
name = "Butter"
class = "dairy"
cost_minor = 200
price_minor = 300
supplier = "SUP"

[[products]]
sku = "LOCAL"
name = "Local cheese"
class = "dairy"
cost_minor = 500
price_minor = 800

[[users]]
email = "planner@acme.example"
name = "Pat Planner"
password = "planner-password-1"
roles = ["planner"]

[[users]]
email = "op@acme.example"
name = "Olive Operator"
password = "operator-password-1"
roles = ["approver"]

[[users]]
email = "admin@acme.example"
name = "Ada Admin"
password = "admin-password-12"
roles = ["tenant_admin", "planner", "approver"]
"#;

struct Acme {
    t: TenantId,
    dc: i64,
    s1: i64,
    s2: i64,
    milk: i64,
    butter: i64,
    local: i64,
}

async fn acme(store: &Store) -> Acme {
    let file = TenantFile::parse(TENANT, std::path::Path::new("acme.toml")).unwrap();
    let t = seed_tenant(store, &file).await.unwrap().tenant;
    let locs = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let prods = store
        .product_ids(t, &["MILK", "BUTTER", "LOCAL"])
        .await
        .unwrap();
    let a = Acme {
        t,
        dc: locs["DC"],
        s1: locs["S1"],
        s2: locs["S2"],
        milk: prods["MILK"],
        butter: prods["BUTTER"],
        local: prods["LOCAL"],
    };
    // Known starting stock: every position comfortably above its reorder point.
    let mut events = Vec::new();
    for (loc, qty) in [(a.dc, 200), (a.s1, 25), (a.s2, 25)] {
        for p in [a.milk, a.butter, a.local] {
            events.push(count(loc, p, qty, &format!("init-{loc}-{p}")));
        }
    }
    store.apply_events(t, &events).await.unwrap();
    drain(store).await;
    a
}

fn count(location: i64, product: i64, qty: i64, id: &str) -> StockEvent {
    event(EventKind::Count, location, product, qty, id)
}

fn sale(location: i64, product: i64, qty: i64, id: &str) -> StockEvent {
    event(EventKind::Sale, location, product, qty, id)
}

fn event(kind: EventKind, location: i64, product: i64, quantity: i64, id: &str) -> StockEvent {
    StockEvent {
        source: "pos".into(),
        external_id: id.into(),
        kind,
        location_id: location,
        product_id: product,
        quantity,
        occurred_at: now_ms(),
    }
}

/// Store One sells 18 of its 25 bottles of milk; returns the transfer that covers it.
async fn store_one_runs_low(store: &Store, a: &Acme) -> i64 {
    store
        .apply_events(a.t, &[sale(a.s1, a.milk, 18, "s-1")])
        .await
        .unwrap();
    drain(store).await;
    store.transfers(a.t, None, 1).await.unwrap()[0].id
}

/// Runs the replenishment worker until no job is due now.
async fn drain(store: &Store) {
    let worker = replenish::worker(store.clone(), "test");
    for _ in 0..50 {
        let lap = worker.run_once(now_ms()).await.unwrap();
        if lap.completed + lap.retried + lap.discarded == 0 {
            return;
        }
    }
    panic!("the queue did not drain");
}

async fn member(store: &Store, t: TenantId, email: &str) -> Member {
    store.login_record(t, email).await.unwrap().unwrap().member
}

async fn position(store: &Store, t: TenantId, loc: i64, p: i64) -> (i64, i64, i64) {
    let (a, b, c, _) = store.position_by_ids(t, loc, p).await.unwrap().unwrap();
    (a, b, c)
}

async fn a_low_store_gets_one_transfer_however_often_events_repeat(store: &Store) {
    let a = acme(store).await;
    assert!(store.transfers(a.t, None, 10).await.unwrap().is_empty());
    let batch = [sale(a.s1, a.milk, 18, "s-1")];
    store.apply_events(a.t, &batch).await.unwrap();
    drain(store).await;
    let transfers = store.transfers(a.t, None, 10).await.unwrap();
    assert_eq!(transfers.len(), 1, "{transfers:?}");
    let t = &transfers[0];
    assert_eq!(
        (t.from_location_id, t.to_location_id),
        (a.dc, a.s1),
        "same-region DC donates"
    );
    assert_eq!(
        t.quantity, 24,
        "7 on hand up to 30 is 23, rounded to cases of 6"
    );
    assert_eq!(t.state, "pending_approval");
    assert!(
        t.reason.contains("below the reorder point 10"),
        "{}",
        t.reason
    );
    let snapshot: serde_json::Value = serde_json::from_str(&t.snapshot).unwrap();
    assert_eq!(snapshot["inventory_position"], 7);
    // The replayed batch, more sales and a second evaluation open nothing new.
    store.apply_events(a.t, &batch).await.unwrap();
    store
        .apply_events(a.t, &[sale(a.s1, a.milk, 1, "s-2")])
        .await
        .unwrap();
    drain(store).await;
    replenish::evaluate(store, a.t, a.s1, a.milk, now_ms(), None)
        .await
        .unwrap();
    let all = store.transfers(a.t, None, 10).await.unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
    assert_eq!(store.doubled_documents(a.t).await.unwrap(), 0);
    let steps = store.pending_steps(a.t, 10).await.unwrap();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].role, "approver");
}

async fn an_approved_transfer_moves_stock_and_leaves_an_audit_trail(store: &Store) {
    let a = acme(store).await;
    let id = store_one_runs_low(store, &a).await;
    let op = member(store, a.t, "op@acme.example").await;
    let planner = member(store, a.t, "planner@acme.example").await;
    assert!(
        matches!(
            replenish::decide(
                store,
                a.t,
                &planner,
                DocRef::Transfer(id),
                true,
                "",
                None,
                now_ms()
            )
            .await,
            Err(EngineError::Refused(_))
        ),
        "a planner without the approver role cannot approve"
    );
    let out = replenish::decide(
        store,
        a.t,
        &op,
        DocRef::Transfer(id),
        true,
        "ok",
        Some("req-1"),
        now_ms(),
    )
    .await
    .unwrap();
    assert_eq!(out, Decided::Approved);
    assert!(matches!(
        replenish::decide(
            store,
            a.t,
            &op,
            DocRef::Transfer(id),
            true,
            "",
            None,
            now_ms()
        )
        .await,
        Err(EngineError::NotPending)
    ));
    let dc_before = position(store, a.t, a.dc, a.milk).await;
    replenish::transfer_command(
        store,
        a.t,
        &planner,
        id,
        TransferCommand::Ship { quantity: 24 },
        None,
        now_ms(),
    )
    .await
    .unwrap();
    assert_eq!(position(store, a.t, a.dc, a.milk).await.0, dc_before.0 - 24);
    assert_eq!(position(store, a.t, a.s1, a.milk).await, (7, 24, 0));
    replenish::transfer_command(
        store,
        a.t,
        &planner,
        id,
        TransferCommand::Receive { quantity: 23 },
        None,
        now_ms(),
    )
    .await
    .unwrap();
    assert_eq!(position(store, a.t, a.s1, a.milk).await, (30, 0, 0));
    let open = store
        .exceptions(a.t, "open", Some("receipt_mismatch"), 10)
        .await
        .unwrap();
    assert_eq!(open.len(), 1, "one unit short opens an exception");
    // Receiving twice is a forbidden transition and changes nothing.
    assert!(matches!(
        replenish::transfer_command(
            store,
            a.t,
            &planner,
            id,
            TransferCommand::Receive { quantity: 1 },
            None,
            now_ms()
        )
        .await,
        Err(EngineError::Forbidden(_))
    ));
    assert_eq!(position(store, a.t, a.s1, a.milk).await, (30, 0, 0));
    let trail = store
        .audit_for_subject(a.t, &DocRef::Transfer(id).subject())
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    for expected in [
        "transfer.proposed",
        "approval.requested",
        "transfer.submitted",
        "approval.step_approved",
        "transfer.approved",
        "transfer.shipped",
        "transfer.received",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    assert!(trail
        .iter()
        .any(|e| e.request_id.as_deref() == Some("req-1")));
    let all = store.audit_trail(a.t).await.unwrap();
    let head = store.audit_head(a.t).await.unwrap();
    assert!(engine::audit::verify(&all, head.as_ref().map(|(s, h)| (*s, h.as_str()))).is_empty());
}

async fn nobody_approves_their_own_change_and_a_rejection_needs_a_reason(store: &Store) {
    let a = acme(store).await;
    let id = store_one_runs_low(store, &a).await;
    let admin = member(store, a.t, "admin@acme.example").await;
    // The admin (also an approver) changes the quantity: a new round, and not theirs to decide.
    replenish::transfer_command(
        store,
        a.t,
        &admin,
        id,
        TransferCommand::Edit { quantity: 12 },
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let t = store.transfer(a.t, id).await.unwrap().unwrap();
    assert_eq!((t.state.as_str(), t.quantity), ("pending_approval", 12));
    let steps = store.steps_of(a.t, DocRef::Transfer(id)).await.unwrap();
    assert_eq!(steps.iter().filter(|s| s.state == "withdrawn").count(), 1);
    assert_eq!(
        steps
            .iter()
            .filter(|s| s.state == "pending" && s.round == 2)
            .count(),
        1
    );
    assert!(matches!(
        replenish::decide(
            store,
            a.t,
            &admin,
            DocRef::Transfer(id),
            true,
            "",
            None,
            now_ms()
        )
        .await,
        Err(EngineError::Refused(engine::approval::Refusal::OwnDocument))
    ));
    let op = member(store, a.t, "op@acme.example").await;
    assert!(matches!(
        replenish::decide(
            store,
            a.t,
            &op,
            DocRef::Transfer(id),
            false,
            "  ",
            None,
            now_ms()
        )
        .await,
        Err(EngineError::Invalid(_))
    ));
    assert_eq!(
        replenish::decide(
            store,
            a.t,
            &op,
            DocRef::Transfer(id),
            false,
            "DC stock is promised",
            None,
            now_ms()
        )
        .await
        .unwrap(),
        Decided::Rejected
    );
    assert_eq!(
        store.transfer(a.t, id).await.unwrap().unwrap().state,
        "rejected"
    );
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
}

async fn without_a_donor_lines_gather_on_one_order_that_is_sent_when_the_window_closes(
    store: &Store,
) {
    let a = acme(store).await;
    // The DC is itself low, so nobody can spare milk or butter for S2.
    store
        .apply_events(
            a.t,
            &[
                count(a.dc, a.milk, 81, "c-1"),
                count(a.dc, a.butter, 81, "c-2"),
                count(a.s1, a.milk, 11, "c-3"),
                count(a.s1, a.butter, 11, "c-4"),
            ],
        )
        .await
        .unwrap();
    drain(store).await;
    store
        .apply_events(
            a.t,
            &[
                sale(a.s2, a.milk, 20, "s-1"),
                sale(a.s2, a.butter, 20, "s-2"),
            ],
        )
        .await
        .unwrap();
    drain(store).await;
    let orders = store.purchase_orders(a.t, None, 10).await.unwrap();
    let for_s2: Vec<_> = orders
        .iter()
        .filter(|o| o.ship_to_location_id == a.s2)
        .collect();
    assert_eq!(for_s2.len(), 1, "{orders:?}");
    let po = for_s2[0];
    assert_eq!(po.state, "draft");
    let lines = store.po_lines(a.t, po.id).await.unwrap();
    assert_eq!(lines.len(), 2, "milk and butter share the order");
    assert_eq!(
        po.value_minor,
        30 * 100 + 30 * 200,
        "each tops 5 up to 30, in cases of 6"
    );
    // The window-close timer fires (as after a restart, late): the order is routed.
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(po.window_closes_at + 1).await.unwrap();
    let po = store.purchase_order(a.t, po.id).await.unwrap().unwrap();
    assert_eq!(
        po.state, "sent",
        "90.00 is within the small-order rule: approved and sent"
    );
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (5, 0, 30));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 30));
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
    // Sent orders count as on order: new sales do not reorder what is coming.
    store
        .apply_events(a.t, &[sale(a.s2, a.milk, 1, "s-3")])
        .await
        .unwrap();
    drain(store).await;
    assert_eq!(
        store
            .purchase_orders(a.t, None, 10)
            .await
            .unwrap()
            .iter()
            .filter(|o| o.ship_to_location_id == a.s2)
            .count(),
        1
    );
    let trail = store
        .audit_for_subject(a.t, &DocRef::PurchaseOrder(po.id).subject())
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"purchase_order.auto_approved")
            && actions.contains(&"purchase_order.sent"),
        "{actions:?}"
    );
}

async fn a_waiting_step_escalates_once_and_raises_an_exception(store: &Store) {
    let a = acme(store).await;
    store_one_runs_low(store, &a).await;
    let step = store.pending_steps(a.t, 1).await.unwrap().remove(0);
    let due = step.due_at.unwrap();
    assert!(
        !replenish::escalate_step(store, a.t, step.id, due - 1, None)
            .await
            .unwrap(),
        "not yet due"
    );
    assert!(replenish::escalate_step(store, a.t, step.id, due + 1, None)
        .await
        .unwrap());
    let after = store.pending_steps(a.t, 1).await.unwrap().remove(0);
    assert_eq!(
        (after.role.as_str(), after.escalated),
        ("tenant_admin", true)
    );
    assert!(
        !replenish::escalate_step(store, a.t, step.id, due + 2, None)
            .await
            .unwrap(),
        "a second firing changes nothing"
    );
    let stale = store
        .exceptions(a.t, "open", Some("stale_approval"), 10)
        .await
        .unwrap();
    assert_eq!(stale.len(), 1);
}

async fn a_position_nobody_can_cover_raises_an_exception(store: &Store) {
    let a = acme(store).await;
    store
        .apply_events(
            a.t,
            &[
                count(a.dc, a.local, 80, "c-1"),
                count(a.s2, a.local, 10, "c-2"),
                sale(a.s1, a.local, 25, "s-1"),
            ],
        )
        .await
        .unwrap();
    drain(store).await;
    let open = store.exceptions(a.t, "open", None, 10).await.unwrap();
    let kinds: Vec<&str> = open.iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"no_cover"), "{kinds:?}");
    assert!(kinds.contains(&"stockout"), "{kinds:?}");
    // Stock comes back: the stockout clears itself.
    store
        .apply_events(a.t, &[count(a.s1, a.local, 40, "c-3")])
        .await
        .unwrap();
    drain(store).await;
    let open = store.exceptions(a.t, "open", None, 10).await.unwrap();
    let here = format!("position:{}:{}", a.s1, a.local);
    assert!(open.iter().all(|e| e.subject != here), "{open:?}");
    let planner = member(store, a.t, "planner@acme.example").await;
    assert!(replenish::exceptions::act(
        store,
        a.t,
        &planner,
        &[],
        &replenish::exceptions::Action::Resolve("x".into()),
        None,
        now_ms()
    )
    .await
    .is_err());
}
