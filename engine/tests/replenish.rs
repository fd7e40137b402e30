//! The replenishment runner end to end on SQLite and PostgreSQL: events → sweep job
//! → transfer or purchase order → approval → stock moves, with the audit chain intact.

use test_support::{conformance, drain, member};

use engine::ingest;
use engine::model::DocRef;
use engine::model::{now_ms, EventKind, Member, Role, StockEvent, TenantId};
use engine::replenish::{self, Decided};
use engine::seed::{seed_tenant, TenantFile};
use engine::workflow::transfer::TransferCommand;
use engine::EngineError;
use engine::Store;

conformance!(
    a_low_store_gets_one_transfer_however_often_events_repeat,
    an_approved_transfer_moves_stock_and_leaves_an_audit_trail,
    nobody_approves_their_own_change_and_a_rejection_needs_a_reason,
    without_a_donor_lines_gather_on_one_order_that_is_sent_when_the_window_closes,
    a_waiting_step_escalates_once_and_raises_an_exception,
    a_position_nobody_can_cover_raises_an_exception,
    a_burst_is_checked_by_one_sweep_that_leaves_no_position_unchecked,
    a_stand_in_decides_only_while_the_delegation_runs_and_gets_the_mail,
    an_unowned_exception_escalates_once_even_if_its_timer_came_due_while_down,
    a_changed_policy_rechecks_the_positions_it_covers,
    concurrent_small_batches_are_each_applied_once_and_a_bad_one_fails_alone,
    an_edit_after_approval_sends_the_transfer_back_for_approval,
    a_product_added_later_is_found_by_a_running_ingestion,
    extreme_numbers_are_refused_with_the_field_named,
    approvals_cannot_be_bypassed,
    a_donor_never_promises_the_same_units_twice,
    a_full_sweep_covers_positions_no_event_reported,
    a_receipt_before_the_order_ends_never_leaves_on_order_below_zero,
    a_receipt_before_a_decline_never_leaves_on_order_below_zero,
    a_receipt_before_closing_never_leaves_on_order_below_zero,
    a_ship_notice_after_a_receipt_event_keeps_the_pipeline_total,
    an_accepted_change_moves_on_order_by_the_difference_never_below_zero,
    the_trail_names_each_document_in_words,
    a_count_after_a_partly_shipped_order_keeps_what_is_still_coming,
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
    ingest::apply_events(store, t, &events).await.unwrap();
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
    ingest::apply_events(store, a.t, &[sale(a.s1, a.milk, 18, "s-1")])
        .await
        .unwrap();
    drain(store).await;
    store.transfers(a.t, None, 1).await.unwrap()[0].id
}

/// Runs the replenishment worker until no job is due now.
async fn position(store: &Store, t: TenantId, loc: i64, p: i64) -> (i64, i64, i64) {
    let (a, b, c, _) = store.position_by_ids(t, loc, p).await.unwrap().unwrap();
    (a, b, c)
}

async fn a_low_store_gets_one_transfer_however_often_events_repeat(store: &Store) {
    let a = acme(store).await;
    assert!(store.transfers(a.t, None, 10).await.unwrap().is_empty());
    let batch = [sale(a.s1, a.milk, 18, "s-1")];
    ingest::apply_events(store, a.t, &batch).await.unwrap();
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
    assert_eq!(t.state.as_str(), "pending_approval");
    assert!(
        t.reason.contains("below the reorder point 10"),
        "{}",
        t.reason
    );
    let snapshot: serde_json::Value = serde_json::from_str(&t.snapshot).unwrap();
    assert_eq!(snapshot["inventory_position"], 7);
    // The replayed batch, more sales and a second evaluation open nothing new.
    ingest::apply_events(store, a.t, &batch).await.unwrap();
    ingest::apply_events(store, a.t, &[sale(a.s1, a.milk, 1, "s-2")])
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
        Err(EngineError::Transition(_))
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
        store
            .transfer(a.t, id)
            .await
            .unwrap()
            .unwrap()
            .state
            .as_str(),
        "rejected"
    );
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
}

/// The DC is itself low, so nobody can spare milk or butter for S2: S2's 20 sales of
/// each end up on one purchase order, still a draft.
async fn s2_runs_low_with_no_donor(store: &Store, a: &Acme) -> engine::store::PurchaseOrderRecord {
    ingest::apply_events(
        store,
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
    ingest::apply_events(
        store,
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
    for_s2[0].clone()
}

async fn without_a_donor_lines_gather_on_one_order_that_is_sent_when_the_window_closes(
    store: &Store,
) {
    let a = acme(store).await;
    let po = s2_runs_low_with_no_donor(store, &a).await;
    assert_eq!(po.state.as_str(), "draft");
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
        po.state.as_str(),
        "sent",
        "90.00 is within the small-order rule: approved and sent"
    );
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (5, 0, 30));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 30));
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
    // Sent orders count as on order: new sales do not reorder what is coming.
    ingest::apply_events(store, a.t, &[sale(a.s2, a.milk, 1, "s-3")])
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
    // The shelf empties before the order arrives: the stockout's expected lost sales
    // count the 30 on their way (from halfway through the lead time) and say so.
    ingest::apply_events(store, a.t, &[sale(a.s2, a.milk, 4, "s-4")])
        .await
        .unwrap();
    drain(store).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (0, 0, 30));
    let open = store
        .exceptions(a.t, "open", Some("stockout"), 10)
        .await
        .unwrap();
    let out = open
        .iter()
        .find(|e| e.title == "MILK is out of stock at S2")
        .unwrap_or_else(|| panic!("a stockout at S2: {open:?}"));
    let basis = out.risk_basis.as_deref().unwrap_or_default();
    assert!(
        basis.contains("less 0 on hand and 30 in transit or on order"),
        "{basis}"
    );
    // 25 sold over 28 days, 2 days' lead time, 0.50 margin: the first day's 0.9 units
    // are lost (45 cents); with nothing on its way both days' would be (89).
    assert_eq!(out.lost_sales_minor, Some(45), "{basis}");
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
    ingest::apply_events(
        store,
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
    ingest::apply_events(store, a.t, &[count(a.s1, a.local, 40, "c-3")])
        .await
        .unwrap();
    drain(store).await;
    let open = store.exceptions(a.t, "open", None, 10).await.unwrap();
    let here = format!("position:{}:{}", a.s1, a.local);
    assert!(open.iter().all(|e| e.subject != here), "{open:?}");
    let planner = member(store, a.t, "planner@acme.example").await;
    assert!(engine::exceptions::act(
        store,
        a.t,
        &planner,
        &[],
        &engine::exceptions::Action::Resolve("x".into()),
        None,
        now_ms()
    )
    .await
    .is_err());
}

async fn a_burst_is_checked_by_one_sweep_that_leaves_no_position_unchecked(store: &Store) {
    let a = acme(store).await;
    assert_eq!(store.dirty_count(a.t).await.unwrap(), 0, "set-up was swept");
    // Three batches over four positions: two fall below their reorder point.
    ingest::apply_events(
        store,
        a.t,
        &[
            sale(a.s1, a.milk, 18, "b-1"),
            sale(a.s2, a.butter, 1, "b-2"),
        ],
    )
    .await
    .unwrap();
    ingest::apply_events(
        store,
        a.t,
        &[
            sale(a.s2, a.butter, 17, "b-3"),
            sale(a.s1, a.local, 1, "b-4"),
        ],
    )
    .await
    .unwrap();
    ingest::apply_events(store, a.t, &[sale(a.dc, a.milk, 1, "b-5")])
        .await
        .unwrap();
    assert_eq!(store.dirty_count(a.t).await.unwrap(), 4);
    let counts: std::collections::HashMap<String, i64> = store
        .job_counts(Some(a.t))
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(
        counts.get("available"),
        Some(&1),
        "one sweep queued: {counts:?}"
    );
    drain(store).await;
    assert_eq!(
        store.dirty_count(a.t).await.unwrap(),
        0,
        "every mark cleared"
    );
    assert!(store.open_need(a.t, a.s1, a.milk).await.unwrap().is_some());
    assert!(store
        .open_need(a.t, a.s2, a.butter)
        .await
        .unwrap()
        .is_some());
    assert!(store.open_need(a.t, a.s1, a.local).await.unwrap().is_none());
    assert!(store.open_need(a.t, a.dc, a.milk).await.unwrap().is_none());
    // Sweeping again (a replayed job) opens nothing new.
    ingest::apply_events(store, a.t, &[sale(a.s1, a.milk, 1, "b-6")])
        .await
        .unwrap();
    let again = replenish::sweep(store, a.t, None).await.unwrap();
    assert_eq!((again.checked, again.covered, again.more), (1, 0, false));
    replenish::sweep(store, a.t, None).await.unwrap();
    assert_eq!(store.doubled_needs(a.t).await.unwrap(), 0);
    assert_eq!(store.doubled_documents(a.t).await.unwrap(), 0);
}

async fn a_stand_in_decides_only_while_the_delegation_runs_and_gets_the_mail(store: &Store) {
    let a = acme(store).await;
    let op = member(store, a.t, "op@acme.example").await;
    let planner = member(store, a.t, "planner@acme.example").await;
    let now = now_ms();
    let hour = 3_600_000;
    let delegate = |who: &Member, to: i64, role: Role, from: i64, until: i64| {
        let who = who.clone();
        async move { replenish::delegate(store, a.t, &who, to, role, from, until, None, now).await }
    };
    // What cannot be handed over is refused with the reason.
    for (to, role, from, until) in [
        (op.user_id, Role::Approver, now, now + hour),
        (planner.user_id, Role::Planner, now, now + hour),
        (planner.user_id, Role::Approver, now + hour, now),
        (planner.user_id, Role::Approver, now, now + 91 * 24 * hour),
        (planner.user_id, Role::Approver, now - 2 * hour, now - hour),
        (987_654, Role::Approver, now, now + hour),
    ] {
        let r = delegate(&op, to, role, from, until).await;
        assert!(
            matches!(r, Err(EngineError::Invalid(_))),
            "{to} {role:?}: {r:?}"
        );
    }
    // Olive is away from now for two hours; Pat stands in.
    let id = delegate(&op, planner.user_id, Role::Approver, now, now + 2 * hour)
        .await
        .unwrap();
    let transfer = store_one_runs_low(store, &a).await;
    let doc = DocRef::Transfer(transfer);
    let mail = store
        .claim_jobs(engine::jobs::queues::MAIL, "test", 50, now_ms(), 60_000)
        .await
        .unwrap();
    let to: Vec<&str> = mail.iter().filter_map(|j| j.args["to"].as_str()).collect();
    assert!(
        to.contains(&"planner@acme.example"),
        "the stand-in is told: {to:?}"
    );
    assert!(to.contains(&"op@acme.example"), "{to:?}");
    // After the window Pat may not decide; within it he may.
    let after = replenish::decide(store, a.t, &planner, doc, true, "", None, now + 3 * hour).await;
    assert!(
        matches!(
            after,
            Err(EngineError::Refused(
                engine::approval::Refusal::MissingRole(_)
            ))
        ),
        "{after:?}"
    );
    // Only Olive can end it; once ended, Pat is refused even inside the old window.
    assert!(matches!(
        replenish::end_delegation(store, a.t, &planner, id, None, now_ms()).await,
        Err(EngineError::NotFound)
    ));
    replenish::end_delegation(store, a.t, &op, id, None, now_ms())
        .await
        .unwrap();
    assert!(matches!(
        replenish::end_delegation(store, a.t, &op, id, None, now_ms()).await,
        Err(EngineError::NotFound)
    ));
    let ended = replenish::decide(store, a.t, &planner, doc, true, "", None, now_ms() + 1).await;
    assert!(matches!(ended, Err(EngineError::Refused(_))), "{ended:?}");
    // A new stand-in period: Pat approves inside it.
    delegate(&op, planner.user_id, Role::Approver, now, now + 2 * hour)
        .await
        .unwrap();
    assert_eq!(
        replenish::decide(store, a.t, &planner, doc, true, "", None, now_ms() + 1)
            .await
            .unwrap(),
        Decided::Approved
    );
}

async fn an_unowned_exception_escalates_once_even_if_its_timer_came_due_while_down(store: &Store) {
    let a = acme(store).await;
    let start = now_ms();
    ingest::apply_events(
        store,
        a.t,
        &[
            count(a.dc, a.local, 80, "c-0"),
            count(a.s2, a.local, 10, "c-1"),
            sale(a.s1, a.local, 25, "s-1"),
        ],
    )
    .await
    .unwrap();
    drain(store).await;
    let open = store.exceptions(a.t, "open", None, 10).await.unwrap();
    let id_of = |kind: &str| open.iter().find(|e| e.kind == kind).map(|e| e.id).unwrap();
    let (no_cover, stockout) = (id_of("no_cover"), id_of("stockout"));
    // A planner owns the stockout; nobody picks up the no-cover one.
    let planner = member(store, a.t, "planner@acme.example").await;
    engine::exceptions::act(
        store,
        a.t,
        &planner,
        &[stockout],
        &engine::exceptions::Action::AssignTo(Some(planner.user_id)),
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let escalated = |store: &Store| {
        let store = store.clone();
        async move {
            store
                .exceptions(a.t, "open", None, 10)
                .await
                .unwrap()
                .into_iter()
                .filter(|e| e.escalated_at.is_some())
                .map(|e| (e.id, e.severity))
                .collect::<Vec<_>>()
        }
    };
    // The server is down across the due time: a new worker, started hours later, fires
    // each timer once.
    let worker = replenish::worker(store.clone(), "before");
    worker
        .run_once(start + engine::exceptions::EXCEPTION_ESCALATE_MS - 60_000)
        .await
        .unwrap();
    assert!(escalated(store).await.is_empty(), "not yet due");
    let restarted = replenish::worker(store.clone(), "after-restart");
    let lap = restarted
        .run_once(start + engine::exceptions::EXCEPTION_ESCALATE_MS + 2 * 3_600_000)
        .await
        .unwrap();
    assert!(lap.completed >= 2, "both exception timers ran: {lap:?}");
    let after = escalated(store).await;
    assert!(
        after.contains(&(no_cover, "critical".to_string())),
        "the unowned one escalates, one severity up: {after:?}"
    );
    assert!(
        after.iter().all(|(id, _)| *id != stockout),
        "the owned one does not: {after:?}"
    );
    let again = restarted
        .run_once(start + engine::exceptions::EXCEPTION_ESCALATE_MS + 5 * 3_600_000)
        .await
        .unwrap();
    assert_eq!(again.completed, 0, "a timer fires once: {again:?}");
    assert_eq!(escalated(store).await, after, "nothing escalates twice");
}

async fn a_changed_policy_rechecks_the_positions_it_covers(store: &Store) {
    let a = acme(store).await;
    assert_eq!(store.dirty_count(a.t).await.unwrap(), 0);
    let settings = replenish::PolicySettings {
        case_pack: 12,
        ..Default::default()
    };
    let planner = member(store, a.t, "planner@acme.example").await;
    replenish::save_policy(
        store,
        a.t,
        &planner,
        "dairy",
        Some(a.s1),
        &settings,
        None,
        now_ms(),
    )
    .await
    .unwrap();
    // The re-check job marks the three dairy positions at Store One, then the sweep
    // checks them.
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(now_ms()).await.unwrap();
    let marked = store.dirty_positions(a.t, None, 100).await.unwrap();
    let mut at: Vec<i64> = marked.iter().map(|d| d.location_id).collect();
    at.dedup();
    assert_eq!((marked.len(), at), (3, vec![a.s1]), "{marked:?}");
    drain(store).await;
    assert_eq!(store.dirty_count(a.t).await.unwrap(), 0);
    let saved = store.policies(a.t).await.unwrap();
    let scope = saved
        .iter()
        .find(|p| p.location_id == Some(a.s1))
        .expect("the per-location policy is listed");
    let trail = store
        .audit_for_subject(a.t, &format!("policy:dairy:{}", a.s1))
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert!(trail[0]
        .after
        .as_deref()
        .unwrap()
        .contains("\"case_pack\":12"));
    // Deleting it re-checks them again, and the broader policy applies.
    let admin = member(store, a.t, "admin@acme.example").await;
    replenish::delete_policy(store, a.t, &admin, scope.id, None, now_ms())
        .await
        .unwrap();
    assert!(matches!(
        replenish::delete_policy(store, a.t, &admin, scope.id, None, now_ms()).await,
        Err(EngineError::NotFound)
    ));
    worker.run_once(now_ms()).await.unwrap();
    assert_eq!(store.dirty_count(a.t).await.unwrap(), 3);
    drain(store).await;
    assert!(store
        .policies(a.t)
        .await
        .unwrap()
        .iter()
        .all(|p| p.location_id.is_none()));
    // Bad settings are refused with the reason, and nothing is saved.
    let bad = replenish::PolicySettings {
        case_pack: 0,
        ..Default::default()
    };
    let r = replenish::save_policy(store, a.t, &admin, "dairy", None, &bad, None, now_ms()).await;
    assert!(
        matches!(&r, Err(EngineError::Invalid(m)) if m.contains("case_pack")),
        "{r:?}"
    );
}

async fn concurrent_small_batches_are_each_applied_once_and_a_bad_one_fails_alone(store: &Store) {
    let a = acme(store).await;
    let writer = engine::ingest::Writer::new(store.clone());
    let before: i64 = {
        let mut sum = 0;
        for loc in [a.s1, a.s2] {
            sum += position(store, a.t, loc, a.milk).await.0;
        }
        sum
    };
    // 100 one-event requests at once, 20 of them repeats of another's event id, and one
    // request whose product does not exist.
    let mut tasks = Vec::new();
    for i in 0..100 {
        let w = writer.clone();
        let loc = if i % 2 == 0 { a.s1 } else { a.s2 };
        let e = sale(loc, a.milk, 1, &format!("g-{}", i % 80));
        tasks.push(tokio::spawn(async move { w.apply(a.t, vec![e]).await }));
    }
    let bad = {
        let w = writer.clone();
        let e = sale(a.s1, 987_654_321, 1, "bad-1");
        tokio::spawn(async move { w.apply(a.t, vec![e]).await })
    };
    let (mut accepted, mut duplicates) = (0, 0);
    for t in tasks {
        let r = t.await.unwrap().expect("a good request is applied");
        accepted += r.accepted;
        duplicates += r.duplicates;
    }
    assert_eq!((accepted, duplicates), (80, 20));
    assert!(bad.await.unwrap().is_err(), "the bad request fails");
    let after: i64 = {
        let mut sum = 0;
        for loc in [a.s1, a.s2] {
            sum += position(store, a.t, loc, a.milk).await.0;
        }
        sum
    };
    assert_eq!(before - after, 80, "each event moved stock once");
    assert_eq!(store.event_count(a.t).await.unwrap(), 9 + 80);
}

async fn an_edit_after_approval_sends_the_transfer_back_for_approval(store: &Store) {
    let a = acme(store).await;
    let id = store_one_runs_low(store, &a).await;
    let doc = DocRef::Transfer(id);
    let op = member(store, a.t, "op@acme.example").await;
    assert_eq!(
        replenish::decide(store, a.t, &op, doc, true, "", None, now_ms())
            .await
            .unwrap(),
        Decided::Approved
    );
    // The admin (an approver too) changes the approved quantity.
    let admin = member(store, a.t, "admin@acme.example").await;
    replenish::transfer_command(
        store,
        a.t,
        &admin,
        id,
        TransferCommand::Edit { quantity: 30 },
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let t = store.transfer(a.t, id).await.unwrap().unwrap();
    assert_eq!((t.state.as_str(), t.quantity), ("pending_approval", 30));
    let steps = store.steps_of(a.t, doc).await.unwrap();
    let round_two: Vec<_> = steps.iter().filter(|s| s.round == 2).collect();
    assert_eq!(round_two.len(), 1, "{steps:?}");
    assert_eq!(round_two[0].state, "pending");
    // Having changed it, the admin may not approve it; the operator approves again.
    assert!(matches!(
        replenish::decide(store, a.t, &admin, doc, true, "", None, now_ms()).await,
        Err(EngineError::Refused(engine::approval::Refusal::OwnDocument))
    ));
    assert_eq!(
        replenish::decide(store, a.t, &op, doc, true, "", None, now_ms())
            .await
            .unwrap(),
        Decided::Approved
    );
    let actions: Vec<String> = store
        .audit_for_subject(a.t, &doc.subject())
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    let approvals = actions
        .iter()
        .filter(|a| *a == "approval.step_approved")
        .count();
    assert_eq!(approvals, 2, "{actions:?}");
    assert!(
        actions.contains(&"transfer.edited".to_string()),
        "{actions:?}"
    );
}

async fn a_product_added_later_is_found_by_a_running_ingestion(store: &Store) {
    let a = acme(store).await;
    let writer = engine::ingest::Writer::new(store.clone());
    let batch = |id: &str, sku: &str| {
        serde_json::json!({"events": [{"source": "pos", "external_id": id, "type": "sale",
            "location": "S1", "sku": sku, "quantity": 1}]})
    };
    // Known codes resolve (and are remembered); an unknown SKU is named.
    engine::ingest::ingest(&writer, a.t, &batch("k-1", "MILK"))
        .await
        .unwrap();
    match engine::ingest::ingest(&writer, a.t, &batch("k-2", "OAT")).await {
        Err(engine::ingest::IngestError::Invalid(errors)) => {
            assert_eq!(errors[0].pointer, "/events/0/sku", "{errors:?}");
        }
        other => panic!("an unknown SKU is refused: {other:?}"),
    }
    // The product is added while the writer runs: the next batch finds it.
    let with_oat = TENANT.replacen(
        "[[users]]",
        "[[products]]\nsku = \"OAT\"\nname = \"Oat drink\"\nclass = \"dairy\"\ncost_minor = 90\nprice_minor = 140\n\n[[users]]",
        1,
    );
    let file = TenantFile::parse(&with_oat, std::path::Path::new("acme.toml")).unwrap();
    seed_tenant(store, &file).await.unwrap();
    let applied = engine::ingest::ingest(&writer, a.t, &batch("k-3", "OAT"))
        .await
        .unwrap();
    assert_eq!(applied.accepted, 1);
    // Codes of another tenant are not this tenant's, whatever was remembered.
    let other = TENANT.replace("slug = \"acme\"", "slug = \"other\"");
    let other_file = TenantFile::parse(&other, std::path::Path::new("other.toml")).unwrap();
    let other_t = seed_tenant(store, &other_file).await.unwrap().tenant;
    let mine = store.product_ids(a.t, &["MILK"]).await.unwrap()["MILK"];
    let theirs = store.product_ids(other_t, &["MILK"]).await.unwrap()["MILK"];
    assert_ne!(mine, theirs);
    let s1_other = store.location_ids(other_t, &["S1"]).await.unwrap()["S1"];
    let theirs_before = store
        .position_by_ids(other_t, s1_other, theirs)
        .await
        .unwrap()
        .unwrap()
        .0;
    let mine_before = position(store, a.t, a.s1, a.milk).await.0;
    engine::ingest::ingest(&writer, other_t, &batch("k-4", "MILK"))
        .await
        .unwrap();
    assert_eq!(
        store
            .position_by_ids(other_t, s1_other, theirs)
            .await
            .unwrap()
            .unwrap()
            .0,
        theirs_before - 1,
        "the other tenant's own milk moved"
    );
    assert_eq!(
        position(store, a.t, a.s1, a.milk).await.0,
        mine_before,
        "not this one's"
    );
}

/// The reproduction from the hardening review: a policy with safety stock and MOQ of
/// i64::MAX was accepted and then overflowed the re-check. Every entry is bounded now,
/// and the refusal names the field.
async fn extreme_numbers_are_refused_with_the_field_named(store: &Store) {
    let a = acme(store).await;
    let planner = member(store, a.t, "planner@acme.example").await;
    let before = store.policies(a.t).await.unwrap().len();
    for (settings, field) in [
        (
            replenish::PolicySettings {
                safety_stock: i64::MAX,
                ..Default::default()
            },
            "safety_stock",
        ),
        (
            replenish::PolicySettings {
                moq: i64::MAX,
                ..Default::default()
            },
            "moq",
        ),
        (
            replenish::PolicySettings {
                case_pack: i64::MAX,
                ..Default::default()
            },
            "case_pack",
        ),
        (
            replenish::PolicySettings {
                lead_time_days: Some(i64::MIN),
                ..Default::default()
            },
            "lead_time_days",
        ),
        (
            replenish::PolicySettings {
                service_z: f64::NAN,
                ..Default::default()
            },
            "service_z",
        ),
    ] {
        let r = replenish::save_policy(
            store,
            a.t,
            &planner,
            "dairy",
            Some(a.s1),
            &settings,
            None,
            now_ms(),
        )
        .await;
        assert!(
            matches!(&r, Err(EngineError::Invalid(m)) if m.contains(field)),
            "{field}: {r:?}"
        );
    }
    assert_eq!(
        store.policies(a.t).await.unwrap().len(),
        before,
        "nothing saved"
    );
    // Shipping, receiving or changing a transfer by an absurd quantity is refused too.
    let id = store_one_runs_low(store, &a).await;
    let quantity = store.transfer(a.t, id).await.unwrap().unwrap().quantity;
    for cmd in [
        TransferCommand::Edit { quantity: i64::MAX },
        TransferCommand::Edit { quantity: -5 },
        TransferCommand::Ship { quantity: i64::MAX },
        TransferCommand::Receive { quantity: i64::MIN },
    ] {
        let r = replenish::transfer_command(store, a.t, &planner, id, cmd.clone(), None, now_ms())
            .await;
        assert!(
            matches!(&r, Err(EngineError::Invalid(m)) if m.contains("quantity")),
            "{cmd:?}: {r:?}"
        );
    }
    let t = store.transfer(a.t, id).await.unwrap().unwrap();
    assert_eq!(t.quantity, quantity, "unchanged");
}

/// What an approval approved bounds what moves; one person decides one step of a
/// document; whoever changed a document hears what became of it.
async fn approvals_cannot_be_bypassed(store: &Store) {
    let a = acme(store).await;
    let id = store_one_runs_low(store, &a).await;
    let doc = DocRef::Transfer(id);
    let (op, admin, planner) = (
        member(store, a.t, "op@acme.example").await,
        member(store, a.t, "admin@acme.example").await,
        member(store, a.t, "planner@acme.example").await,
    );
    // The planner changes it (so is its requester now); the operator approves.
    let edit = TransferCommand::Edit { quantity: 30 };
    replenish::transfer_command(store, a.t, &planner, id, edit, None, now_ms())
        .await
        .unwrap();
    assert_eq!(
        replenish::decide(store, a.t, &op, doc, true, "fine", None, now_ms())
            .await
            .unwrap(),
        Decided::Approved
    );
    let mail = store
        .claim_jobs(engine::jobs::queues::MAIL, "test", 50, now_ms(), 60_000)
        .await
        .unwrap();
    let told: Vec<_> = mail
        .iter()
        .filter(|j| j.args["template"] == "outcome")
        .collect();
    assert_eq!(told.len(), 1, "{mail:?}");
    assert_eq!(told[0].args["to"], "planner@acme.example");
    assert_eq!(told[0].args["outcome"], "approved");
    // Shipping more than the approved 30 (the DC's whole stock, say) is refused.
    let dc_before = position(store, a.t, a.dc, a.milk).await;
    let ship = TransferCommand::Ship { quantity: 171 };
    let r = replenish::transfer_command(store, a.t, &planner, id, ship, None, now_ms()).await;
    assert!(
        matches!(&r, Err(EngineError::Invalid(m)) if m.contains("approved quantity is 30")),
        "{r:?}"
    );
    assert_eq!(
        position(store, a.t, a.dc, a.milk).await,
        dc_before,
        "nothing moved"
    );
    let ship = TransferCommand::Ship { quantity: 30 };
    replenish::transfer_command(store, a.t, &planner, id, ship, None, now_ms())
        .await
        .unwrap();
    let receive = TransferCommand::Receive { quantity: 31 };
    let r = replenish::transfer_command(store, a.t, &planner, id, receive, None, now_ms()).await;
    assert!(
        matches!(&r, Err(EngineError::Invalid(m)) if m.contains("30 were shipped")),
        "{r:?}"
    );

    // Two approver steps for transfers: the operator decides the first, not the second.
    let mut matrix = replenish::matrix(store, a.t).await.unwrap().0;
    let step = engine::approval::Step {
        role: Role::Approver,
        escalate_after_hours: 24,
        escalate_to: None,
    };
    matrix.rules.insert(
        0,
        engine::approval::Rule {
            name: "Two approvers".into(),
            doc_type: Some(engine::approval::DocumentType::Transfer),
            min_value_minor: None,
            max_value_minor: None,
            class: None,
            region: None,
            location_id: None,
            supplier_id: None,
            outcome: engine::approval::Outcome::Steps {
                steps: vec![step.clone(), step],
            },
        },
    );
    let version = store.tenant_settings(a.t).await.unwrap().unwrap().1;
    replenish::save_matrix(
        store,
        a.t,
        &admin,
        &matrix,
        60,
        Some(version),
        None,
        now_ms(),
    )
    .await
    .unwrap();
    ingest::apply_events(store, a.t, &[sale(a.s2, a.milk, 18, "s2-1")])
        .await
        .unwrap();
    drain(store).await;
    let second = store
        .transfers(a.t, None, 10)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.to_location_id == a.s2)
        .expect("store two got a transfer");
    let doc = DocRef::Transfer(second.id);
    assert_eq!(
        replenish::decide(store, a.t, &op, doc, true, "", None, now_ms())
            .await
            .unwrap(),
        Decided::NextStep
    );
    assert!(matches!(
        replenish::decide(store, a.t, &op, doc, true, "", None, now_ms()).await,
        Err(EngineError::Refused(
            engine::approval::Refusal::DecidedBefore
        ))
    ));
    assert_eq!(
        replenish::decide(store, a.t, &admin, doc, true, "", None, now_ms())
            .await
            .unwrap(),
        Decided::Approved
    );
}

/// The DC can spare 19 bottles; two stores run low one after the other. The units the
/// first transfer promised are not promised again to the second.
async fn a_donor_never_promises_the_same_units_twice(store: &Store) {
    let a = acme(store).await;
    // DC milk: reorder point 80 (10 x 8): 100 on hand leaves 19 to spare.
    ingest::apply_events(store, a.t, &[count(a.dc, a.milk, 100, "dc-100")])
        .await
        .unwrap();
    drain(store).await;
    for (store_id, id) in [(a.s1, "low-1"), (a.s2, "low-2")] {
        ingest::apply_events(store, a.t, &[sale(store_id, a.milk, 18, id)])
            .await
            .unwrap();
        drain(store).await;
    }
    let from_dc: i64 = store
        .transfers(a.t, None, 50)
        .await
        .unwrap()
        .iter()
        .filter(|t| t.from_location_id == a.dc && t.product_id == a.milk)
        .map(|t| t.quantity)
        .sum();
    assert!(from_dc > 0, "the first store got a transfer");
    assert!(
        from_dc <= 19,
        "the DC promised {from_dc}, more than the 19 it can spare"
    );
}

/// A position that ran low without an event (a missed one, or seeded that way) is
/// covered by the full sweep that runs after seeding and nightly; the nightly timer is
/// set once however often the sweep runs.
async fn a_full_sweep_covers_positions_no_event_reported(store: &Store) {
    let a = acme(store).await;
    let sql = format!(
        "UPDATE stock_positions SET on_hand = 3 WHERE tenant_id = {} AND location_id = {} AND product_id = {}",
        a.t.0, a.s1, a.milk
    );
    async {
        Ok::<_, sqlx::Error>(engine::on_db!(store.db(), write, a.t, |pool| sqlx::query(
            &sql
        )
        .execute(pool)
        .await?
        .rows_affected()))
    }
    .await
    .unwrap();
    drain(store).await;
    assert!(
        store.transfers(a.t, None, 5).await.unwrap().is_empty(),
        "no event, no check"
    );
    let now = now_ms();
    replenish::sweep_all(store, a.t, now, None).await.unwrap();
    replenish::sweep_all(store, a.t, now, None).await.unwrap();
    drain(store).await;
    let transfers = store.transfers(a.t, None, 5).await.unwrap();
    assert_eq!(transfers.len(), 1, "{transfers:?}");
    assert_eq!(transfers[0].to_location_id, a.s1);
    // One nightly timer, due at the next 02:00 UTC.
    let (_, due) = engine::replenish::jobs::NightlySweep::next(now, 2);
    let timers = store
        .claim_jobs(engine::jobs::queues::REPLENISH, "test", 50, due, 60_000)
        .await
        .unwrap();
    let nightly: Vec<_> = timers
        .iter()
        .filter(|j| j.kind == "replenish.nightly_sweep")
        .collect();
    assert_eq!(nightly.len(), 1, "{timers:?}");
    assert!(due > now && due - now <= 24 * 3_600_000);
    assert_eq!((due / 3_600_000) % 24, 2);
}

/// Part of the delivery is booked by a receipt event (from the till or warehouse
/// system), which takes the units off on order; the buyer then cancels the order as
/// done. On order stays at zero, not minus what was received, and nothing is bought
/// twice.
async fn a_receipt_before_the_order_ends_never_leaves_on_order_below_zero(store: &Store) {
    let a = acme(store).await;
    let po = s2_runs_low_with_no_donor(store, &a).await;
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(po.window_closes_at + 1).await.unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (5, 0, 30));
    // 20 of the 30 arrive and are booked by a receipt event.
    let receipt = event(EventKind::Receipt, a.s2, a.milk, 20, "r-1");
    ingest::apply_events(store, a.t, &[receipt]).await.unwrap();
    drain(store).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 10));
    let planner = member(store, a.t, "planner@acme.example").await;
    let state = replenish::po_command(
        store,
        a.t,
        &planner,
        po.id,
        engine::workflow::purchase_order::PoCommand::Cancel,
        None,
        now_ms(),
    )
    .await
    .unwrap();
    assert_eq!(state.as_str(), "cancelled");
    drain(store).await;
    // The 10 not delivered are no longer coming; the 20 received are on the shelf.
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 0));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 0));
    // Milk's 25 stand above its reorder point: only butter (nothing received) is
    // ordered again.
    let reordered: Vec<_> = store
        .purchase_orders(a.t, None, 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.ship_to_location_id == a.s2 && o.id != po.id)
        .collect();
    assert_eq!(reordered.len(), 1, "{reordered:?}");
    let lines = store.po_lines(a.t, reordered[0].id).await.unwrap();
    let products: Vec<i64> = lines.iter().map(|l| l.product_id).collect();
    assert_eq!(products, vec![a.butter], "{lines:?}");
}

/// The supplier user of the order's supplier (as the supplier portal signs one in).
fn supplier_of(po: &engine::store::PurchaseOrderRecord) -> Member {
    Member {
        user_id: 4242,
        email: "ship@dairy.example".into(),
        name: "Dairy Co".into(),
        roles: vec![Role::Supplier],
        supplier_id: Some(po.supplier_id),
        api_key: None,
        kind: Default::default(),
        acting: None,
    }
}

/// The supplier ships `quantity` milk of order `po` (arriving today); the notice's id.
async fn ship_milk(
    store: &Store,
    a: &Acme,
    po: &engine::store::PurchaseOrderRecord,
    quantity: i64,
) -> i64 {
    let lines = store.po_lines(a.t, po.id).await.unwrap();
    let milk_line = lines.iter().find(|l| l.product_id == a.milk).unwrap().id;
    let now = now_ms();
    let notice = replenish::ShipNotice {
        lines: vec![(milk_line, quantity)],
        carrier: "DHL".into(),
        tracking: "T-1".into(),
        expected_on: engine::model::day_start(now),
    };
    replenish::ship_notice_as_supplier(store, a.t, &supplier_of(po), po.id, notice, None, now)
        .await
        .unwrap()
}

/// The planner receives `received` units, none damaged, against the first line of ship
/// notice `asn` of order `po`; the order's new state.
async fn receive_in_portal(
    store: &Store,
    a: &Acme,
    po: i64,
    asn: i64,
    received: i64,
) -> engine::workflow::purchase_order::PoState {
    let planner = member(store, a.t, "planner@acme.example").await;
    let asn_line = store.po_asns(a.t, po).await.unwrap()[0].1[0].id;
    let receipt = vec![replenish::ReceiptLine {
        asn_line_id: asn_line,
        received,
        damaged: 0,
    }];
    replenish::receive_notice(store, a.t, &planner, po, asn, receipt, None, now_ms())
        .await
        .unwrap()
}

/// The planner closes order `po`; its new state.
async fn close_as_planner(
    store: &Store,
    a: &Acme,
    po: i64,
) -> engine::workflow::purchase_order::PoState {
    let planner = member(store, a.t, "planner@acme.example").await;
    let close = engine::workflow::purchase_order::PoCommand::Close;
    replenish::po_command(store, a.t, &planner, po, close, None, now_ms())
        .await
        .unwrap()
}

/// S2's order for 30 milk and 30 butter sent, and 20 milk of it booked by a receipt
/// event: milk reads (25, 0, 10).
async fn sent_and_partly_booked_by_an_event(
    store: &Store,
    a: &Acme,
) -> engine::store::PurchaseOrderRecord {
    let po = s2_runs_low_with_no_donor(store, a).await;
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(po.window_closes_at + 1).await.unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (5, 0, 30));
    let receipt = event(EventKind::Receipt, a.s2, a.milk, 20, "r-1");
    ingest::apply_events(store, a.t, &[receipt]).await.unwrap();
    drain(store).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 10));
    po
}

/// The supplier declines an order part of which a receipt event already booked: on
/// order goes to zero, not minus what was received.
async fn a_receipt_before_a_decline_never_leaves_on_order_below_zero(store: &Store) {
    let a = acme(store).await;
    let po = sent_and_partly_booked_by_an_event(store, &a).await;
    let answer = replenish::SupplierAnswer::Decline {
        reason: "Out of stock".into(),
    };
    let supplier = supplier_of(&po);
    let state = replenish::answer_as_supplier(store, a.t, &supplier, po.id, answer, None, now_ms())
        .await
        .unwrap();
    assert_eq!(state.as_str(), "declined");
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 0));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 0));
}

/// 10 milk come in against a ship notice; a receipt event then books 15 more; the buyer
/// closes the order as the rest is not coming. On order is zero, not minus 15, and
/// the butter that never shipped leaves on order too.
async fn a_receipt_before_closing_never_leaves_on_order_below_zero(store: &Store) {
    let a = acme(store).await;
    let po = s2_runs_low_with_no_donor(store, &a).await;
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(po.window_closes_at + 1).await.unwrap();
    let asn = ship_milk(store, &a, &po, 10).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (5, 10, 20));
    let state = receive_in_portal(store, &a, po.id, asn, 10).await;
    assert_eq!(state.as_str(), "partly_received");
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (15, 0, 20));
    let booked = event(EventKind::Receipt, a.s2, a.milk, 15, "r-2");
    ingest::apply_events(store, a.t, &[booked]).await.unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (30, 0, 5));
    assert_eq!(close_as_planner(store, &a, po.id).await.as_str(), "closed");
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (30, 0, 0));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 0));
}

/// A receipt event books 20 of the order; the supplier then ships all 30. The ship
/// notice only moves units from on order to in transit, so on hand + in transit + on
/// order (what the policy counts) stays 35: read as 55, the policy would buy 20 too
/// few. The balance (on order -20) survives a later receipt event and a count while
/// the goods are on their way, and the first count after they are in ends it.
async fn a_ship_notice_after_a_receipt_event_keeps_the_pipeline_total(store: &Store) {
    let a = acme(store).await;
    let po = sent_and_partly_booked_by_an_event(store, &a).await;
    let asn = ship_milk(store, &a, &po, 30).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 30, -20));
    let more = [
        event(EventKind::Receipt, a.s2, a.milk, 5, "r-2"),
        count(a.s2, a.milk, 30, "c-9"),
    ];
    for e in more {
        ingest::apply_events(store, a.t, &[e]).await.unwrap();
        assert_eq!(position(store, a.t, a.s2, a.milk).await, (30, 30, -20));
    }
    receive_in_portal(store, &a, po.id, asn, 30).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (60, 0, -20));
    let counted = count(a.s2, a.milk, 40, "c-10");
    ingest::apply_events(store, a.t, &[counted]).await.unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (40, 0, 0));
}

/// After a receipt event booked 20 of 30 milk, the supplier proposes 12 milk and 36
/// butter and the buyer accepts: butter's on order grows by 6; milk's shrinks by 18
/// but only the 10 still on order can go, so it reads 0, not -8.
async fn an_accepted_change_moves_on_order_by_the_difference_never_below_zero(store: &Store) {
    let a = acme(store).await;
    let po = sent_and_partly_booked_by_an_event(store, &a).await;
    let lines = store.po_lines(a.t, po.id).await.unwrap();
    let line = |product| lines.iter().find(|l| l.product_id == product).unwrap();
    let now = now_ms();
    let change = |product, quantity| engine::store::ChangeLine {
        line_id: line(product).id,
        quantity,
        unit_cost_minor: line(product).unit_cost_minor,
        ships_on: None,
    };
    let proposal = replenish::Proposal {
        lines: vec![change(a.milk, 12), change(a.butter, 36)],
        promised_on: engine::model::day_start(now) + 2 * engine::model::DAY_MS,
        note: String::new(),
    };
    let supplier = supplier_of(&po);
    let state =
        replenish::propose_change_as_supplier(store, a.t, &supplier, po.id, proposal, None, now)
            .await
            .unwrap();
    assert_eq!(state.as_str(), "change_proposed");
    let planner = member(store, a.t, "planner@acme.example").await;
    let accept = replenish::ChangeAnswer::Accept;
    let state = replenish::answer_change(store, a.t, &planner, po.id, accept, None, now)
        .await
        .unwrap();
    assert_eq!(state.as_str(), "acknowledged");
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 0));
    assert_eq!(position(store, a.t, a.s2, a.butter).await, (5, 0, 36));
}

/// The audit trail page names a page's documents in words, read in a few statements for
/// the whole page: an order with its supplier, ship-to and lines, a transfer with its
/// product and route.
async fn the_trail_names_each_document_in_words(store: &Store) {
    let a = acme(store).await;
    let po = s2_runs_low_with_no_donor(store, &a).await;
    // The DC has milk to spare now (its own reorder point is 80), so Store One's
    // shortfall is covered by a transfer.
    let events = [
        count(a.dc, a.milk, 300, "c-8"),
        sale(a.s1, a.milk, 5, "s-9"),
    ];
    ingest::apply_events(store, a.t, &events).await.unwrap();
    drain(store).await;
    let transfer = store.transfers(a.t, None, 1).await.unwrap()[0].clone();
    assert_eq!(transfer.to_location_id, a.s1);
    let admin = member(store, a.t, "admin@acme.example").await;
    let page = engine::trail::page(store, a.t, &admin, None, i18n::Lang::En)
        .await
        .unwrap();
    let said = |words: &str| page.entries.iter().any(|e| e.sentence.contains(words));
    let order = format!(
        "purchase order PO-{} to Dairy Co for Store Two (2 lines)",
        po.id
    );
    assert!(said(&order), "{order} in {:#?}", page.entries);
    let moved = format!(
        "transfer {}: {} × Milk from Central DC to Store One",
        transfer.id, transfer.quantity
    );
    assert!(said(&moved), "{moved} in {:#?}", page.entries);
}

/// A receipt event books 20 of the 30 milk; the supplier ships those 20 and they are
/// received in the portal too. A count while they are on their way keeps the balance;
/// the count after they are in ends it, and on order is the 10 not yet shipped, not 0.
/// Closing the order then takes those 10 off.
async fn a_count_after_a_partly_shipped_order_keeps_what_is_still_coming(store: &Store) {
    let a = acme(store).await;
    let po = sent_and_partly_booked_by_an_event(store, &a).await;
    let asn = ship_milk(store, &a, &po, 20).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 20, -10));
    ingest::apply_events(store, a.t, &[count(a.s2, a.milk, 25, "c-9")])
        .await
        .unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 20, -10));
    receive_in_portal(store, &a, po.id, asn, 20).await;
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (45, 0, -10));
    ingest::apply_events(store, a.t, &[count(a.s2, a.milk, 25, "c-10")])
        .await
        .unwrap();
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 10));
    assert_eq!(close_as_planner(store, &a, po.id).await.as_str(), "closed");
    assert_eq!(position(store, a.t, a.s2, a.milk).await, (25, 0, 0));
}
