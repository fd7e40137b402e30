//! The assistant's bounded autonomy (issue 15, points 4 and 9): inside the tenant's hard
//! limits it approves what the engine drafted on its own, with every judgement recorded
//! and audited with its inputs; outside any limit the approval matrix's steps run as
//! before, with the limits it was outside of named; shadow mode writes nothing live and
//! its judgements are compared with what people did. On both backends.

use engine::assistant::{Limits, Mode};
use engine::error::EngineError;
use engine::ingest;
use engine::model::{now_ms, DocRef, EventKind, StockEvent, TenantId};
use engine::replenish::assistant::{overview, save_limits, ASSISTANT};
use engine::replenish::{self};
use engine::workflow::transfer::TransferState;
use engine::Store;
use test_support::{conformance, drain, member};

conformance!(
    inside_its_limits_the_assistant_approves_and_outside_them_people_do,
    an_order_inside_the_limits_goes_out_without_a_person,
    shadow_mode_writes_nothing_live_and_is_compared_with_people,
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

[[locations]]
code = "S1"
name = "Store One"
kind = "store"
region = "north"

[[locations]]
code = "S2"
name = "Store Two"
kind = "store"
region = "north"

[[suppliers]]
code = "SUP"
name = "Dairy Co"
email = "orders@dairy.example"
lead_time_days = 2

[policies.dairy]
reorder_point = 10
order_up_to = 30
dc_multiplier = 8

[policies.outdoor]
reorder_point = 2
order_up_to = 6
dc_multiplier = 8

[approval]
po_window_minutes = 60
auto_approve_limit_minor = 0

[[approval.default_steps]]
role = "approver"
escalate_after_hours = 24
escalate_to = "tenant_admin"

[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
supplier = "SUP"

[[products]]
sku = "TENT"
name = "Tent"
class = "outdoor"
cost_minor = 10000
price_minor = 15000

[[users]]
email = "admin@acme.example"
name = "Ada Admin"
password = "admin-password-12"
roles = ["tenant_admin"]

[[users]]
email = "planner@acme.example"
name = "Pat Planner"
password = "planner-password-1"
roles = ["planner"]

[[users]]
email = "approver@acme.example"
name = "Abe Approver"
password = "approver-password-1"
roles = ["approver"]
"#;

struct Acme {
    t: TenantId,
    dc: i64,
    s1: i64,
    s2: i64,
    milk: i64,
    tent: i64,
    supplier: i64,
}

fn count(location: i64, product: i64, qty: i64, id: &str) -> StockEvent {
    StockEvent {
        source: "wms".into(),
        external_id: id.into(),
        kind: EventKind::Count,
        location_id: location,
        product_id: product,
        quantity: qty,
        occurred_at: now_ms(),
    }
}

/// The tenant with every position comfortably above its reorder point.
async fn acme(store: &Store, slug: &str) -> Acme {
    let t = test_support::seed_as(store, TENANT, slug).await;
    let locs = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let prods = store.product_ids(t, &["MILK", "TENT"]).await.unwrap();
    let sups = store.supplier_ids(t, &["SUP"]).await.unwrap();
    let a = Acme {
        t,
        dc: locs["DC"],
        s1: locs["S1"],
        s2: locs["S2"],
        milk: prods["MILK"],
        tent: prods["TENT"],
        supplier: sups["SUP"],
    };
    let mut events = Vec::new();
    for (loc, milk, tent) in [(a.dc, 500, 100), (a.s1, 25, 5), (a.s2, 25, 5)] {
        events.push(count(loc, a.milk, milk, &format!("init-{loc}-m")));
        events.push(count(loc, a.tent, tent, &format!("init-{loc}-t")));
    }
    ingest::apply_events(store, t, &events).await.unwrap();
    drain(store).await;
    assert!(store.transfers(t, None, 10).await.unwrap().is_empty());
    a
}

fn generous(a: &Acme) -> Limits {
    Limits {
        mode: Mode::Act,
        max_document_minor: 5_000,
        max_daily_minor: 5_000,
        // Positions with no forecast yet carry 20 %.
        min_confidence_pct: 20,
        classes: vec!["dairy".into()],
        suppliers: vec![a.supplier],
    }
}

async fn transfer_to(
    store: &Store,
    t: TenantId,
    to: i64,
    product: i64,
) -> (i64, TransferState, i64) {
    let all = store.transfers(t, None, 50).await.unwrap();
    let tr = all
        .iter()
        .find(|x| x.to_location_id == to && x.product_id == product)
        .unwrap_or_else(|| panic!("a transfer to {to} of {product}: {all:?}"));
    (tr.id, tr.state, tr.quantity)
}

async fn actions(store: &Store, t: TenantId, doc: DocRef) -> Vec<(String, String)> {
    store
        .audit_for_subject(t, &doc.subject())
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.actor, r.action))
        .collect()
}

async fn inside_its_limits_the_assistant_approves_and_outside_them_people_do(store: &Store) {
    let a = acme(store, "acme").await;
    let admin = member(store, a.t, "admin@acme.example").await;
    let now = now_ms();

    // Only whoever edits the approval matrix sets the limits, and only with the tenant's
    // own classes and suppliers.
    for who in ["planner@acme.example", "approver@acme.example"] {
        let m = member(store, a.t, who).await;
        assert!(matches!(
            save_limits(store, a.t, &m, &generous(&a), None, now).await,
            Err(EngineError::Forbidden(_))
        ));
    }
    let mut bad = generous(&a);
    bad.classes.push("frozen".into());
    let err = save_limits(store, a.t, &admin, &bad, None, now)
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("\"frozen\" is not one of your product classes"),
        "{err}"
    );
    let other = acme(store, "other").await;
    let mut bad = generous(&a);
    bad.suppliers = vec![other.supplier];
    let err = save_limits(store, a.t, &admin, &bad, None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not one of yours"), "{err}");
    let mut bad = generous(&a);
    bad.max_daily_minor = 10;
    let err = save_limits(store, a.t, &admin, &bad, None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("most per day"), "{err}");
    assert_eq!(
        store.assistant_limits(a.t).await.unwrap().mode,
        Mode::Off,
        "nothing saved"
    );
    save_limits(store, a.t, &admin, &generous(&a), None, now)
        .await
        .unwrap();

    // S1 runs out of milk: 30 from the DC, worth 30.00, inside every limit. The
    // assistant approves it; no person is asked.
    ingest::apply_events(store, a.t, &[count(a.s1, a.milk, 0, "s1-m")])
        .await
        .unwrap();
    drain(store).await;
    let (first, state, qty) = transfer_to(store, a.t, a.s1, a.milk).await;
    assert_eq!((state, qty), (TransferState::Approved, 30));
    assert!(store.pending_steps(a.t, 50).await.unwrap().is_empty());
    let trail = actions(store, a.t, DocRef::Transfer(first)).await;
    assert!(
        trail.contains(&(ASSISTANT.to_string(), "assistant.approved".to_string())),
        "{trail:?}"
    );
    assert!(
        trail
            .iter()
            .any(|(actor, action)| actor == ASSISTANT && action == "transfer.auto_approved"),
        "the approval is the assistant's: {trail:?}"
    );
    let t = store.transfers(a.t, None, 10).await.unwrap();
    assert!(t[0].reason.contains("Confidence 20 %"), "{}", t[0].reason);

    // S2 runs out too: another 30.00 would pass the day's 50.00, so a person decides.
    ingest::apply_events(store, a.t, &[count(a.s2, a.milk, 0, "s2-m")])
        .await
        .unwrap();
    drain(store).await;
    let (second, state, _) = transfer_to(store, a.t, a.s2, a.milk).await;
    assert_eq!(state, TransferState::PendingApproval);
    // Tents: worth 600.00 and of a class not listed.
    ingest::apply_events(store, a.t, &[count(a.s1, a.tent, 0, "s1-t")])
        .await
        .unwrap();
    drain(store).await;
    let (third, state, qty) = transfer_to(store, a.t, a.s1, a.tent).await;
    assert_eq!((state, qty), (TransferState::PendingApproval, 6));
    assert_eq!(store.pending_steps(a.t, 50).await.unwrap().len(), 2);

    let o = overview(store, a.t, &admin, None, now_ms()).await.unwrap();
    let by_doc = |doc: DocRef| o.decisions.iter().find(|d| d.doc == doc).unwrap().clone();
    let d1 = by_doc(DocRef::Transfer(first));
    assert!(d1.acted && d1.verdict == "act" && d1.value_minor == 3_000);
    let d2 = by_doc(DocRef::Transfer(second));
    assert!(!d2.acted && d2.verdict == "refer");
    assert!(
        d2.reasons
            .contains("with the 30.00 it approved today it would pass the 50.00 a day may take"),
        "{}",
        d2.reasons
    );
    let d3 = by_doc(DocRef::Transfer(third));
    assert!(
        d3.reasons.contains("worth 600.00, above the 50.00"),
        "{}",
        d3.reasons
    );
    assert!(
        d3.reasons
            .contains("class outdoor is not one it may approve"),
        "{}",
        d3.reasons
    );
    assert_eq!(o.comparison.acted, 1);
    assert_eq!(o.comparison.acted_minor, 3_000);
    assert_eq!(o.comparison.would_refer_waiting, 2);
    let trail = actions(store, a.t, DocRef::Transfer(second)).await;
    assert!(
        trail.contains(&(ASSISTANT.to_string(), "assistant.referred".to_string())),
        "{trail:?}"
    );
    // The other tenant's assistant is off and saw none of it.
    let stranger = member(store, other.t, "admin@acme.example").await;
    let o = overview(store, other.t, &stranger, None, now_ms())
        .await
        .unwrap();
    assert!(o.decisions.is_empty() && o.limits.mode == Mode::Off);

    // A person approves the second; the referral stays on record next to it.
    let approver = member(store, a.t, "approver@acme.example").await;
    replenish::decide(
        store,
        a.t,
        &approver,
        DocRef::Transfer(second),
        true,
        "",
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let o = overview(store, a.t, &admin, None, now_ms()).await.unwrap();
    assert_eq!(o.comparison.would_refer_approved, 1);
    assert_eq!(o.comparison.would_refer_waiting, 1);
}

/// Runs the window of the draft order for `to` to its close; its id.
async fn close_window(store: &Store, t: TenantId, to: i64) -> i64 {
    let orders = store.purchase_orders(t, None, 20).await.unwrap();
    let po = orders
        .iter()
        .find(|o| o.ship_to_location_id == to && o.state.as_str() == "draft")
        .unwrap_or_else(|| panic!("a draft order for {to}: {orders:?}"));
    let worker = replenish::worker(store.clone(), "test");
    worker.run_once(po.window_closes_at + 1).await.unwrap();
    po.id
}

async fn po_state(store: &Store, t: TenantId, po: i64) -> String {
    let po = store.purchase_order(t, po).await.unwrap().unwrap();
    po.state.as_str().to_string()
}

async fn an_order_inside_the_limits_goes_out_without_a_person(store: &Store) {
    let a = acme(store, "acme").await;
    let admin = member(store, a.t, "admin@acme.example").await;
    save_limits(store, a.t, &admin, &generous(&a), None, now_ms())
        .await
        .unwrap();
    // The DC has nothing to spare: S2's 25 units of milk are bought, worth 25.00.
    ingest::apply_events(
        store,
        a.t,
        &[
            count(a.dc, a.milk, 81, "dc-m"),
            count(a.s2, a.milk, 5, "s2-m"),
        ],
    )
    .await
    .unwrap();
    drain(store).await;
    let po = close_window(store, a.t, a.s2).await;
    assert_eq!(po_state(store, a.t, po).await, "sent");
    let trail = actions(store, a.t, DocRef::PurchaseOrder(po)).await;
    assert!(
        trail.contains(&(ASSISTANT.to_string(), "assistant.approved".to_string())),
        "{trail:?}"
    );
    // Asked for more confidence than the order's lines carry, the assistant refers it.
    let mut strict = generous(&a);
    strict.min_confidence_pct = 21;
    save_limits(store, a.t, &admin, &strict, None, now_ms())
        .await
        .unwrap();
    ingest::apply_events(store, a.t, &[count(a.s1, a.milk, 5, "s1-m")])
        .await
        .unwrap();
    drain(store).await;
    let second = close_window(store, a.t, a.s1).await;
    assert_eq!(po_state(store, a.t, second).await, "pending_approval");
    let o = overview(store, a.t, &admin, None, now_ms()).await.unwrap();
    let d = o
        .decisions
        .iter()
        .find(|d| d.doc == DocRef::PurchaseOrder(second))
        .unwrap();
    assert!(
        d.reasons
            .contains("its confidence of 20 % is below the 21 % required"),
        "{}",
        d.reasons
    );
}

/// Transfers, orders, waiting steps and stock of a tenant, by code: what people and
/// stores see, with nothing that differs between two tenants on one database (ids).
async fn live(store: &Store, a: &Acme) -> Vec<String> {
    let code = |id: i64| match id {
        x if x == a.dc => "DC",
        x if x == a.s1 => "S1",
        x if x == a.s2 => "S2",
        _ => "?",
    };
    let sku = |id: i64| if id == a.milk { "MILK" } else { "TENT" };
    let mut out = Vec::new();
    for t in store.transfers(a.t, None, 50).await.unwrap() {
        out.push(format!(
            "transfer {}→{} {} ×{} {:?}",
            code(t.from_location_id),
            code(t.to_location_id),
            sku(t.product_id),
            t.quantity,
            t.state
        ));
    }
    for o in store.purchase_orders(a.t, None, 50).await.unwrap() {
        out.push(format!(
            "order to {} {} {}",
            code(o.ship_to_location_id),
            o.value_minor,
            o.state.as_str()
        ));
    }
    out.push(format!(
        "{} steps waiting",
        store.pending_steps(a.t, 50).await.unwrap().len()
    ));
    for l in [a.dc, a.s1, a.s2] {
        for p in [a.milk, a.tent] {
            let pos = store.position_by_ids(a.t, l, p).await.unwrap().unwrap();
            out.push(format!("{} {} {pos:?}", code(l), sku(p)));
        }
    }
    out.sort();
    out
}

/// S1 sells out of milk (30 from the DC) and of tents (6, worth 600.00); then the DC
/// keeps what it has and S2's milk is bought (25.00) when the order's window closes.
async fn one_day(store: &Store, a: &Acme) {
    ingest::apply_events(
        store,
        a.t,
        &[
            count(a.s1, a.milk, 0, "s1-m"),
            count(a.s1, a.tent, 0, "s1-t"),
        ],
    )
    .await
    .unwrap();
    drain(store).await;
    ingest::apply_events(
        store,
        a.t,
        &[
            count(a.dc, a.milk, 81, "dc-m"),
            count(a.s2, a.milk, 5, "s2-m"),
        ],
    )
    .await
    .unwrap();
    drain(store).await;
    close_window(store, a.t, a.s2).await;
}

async fn shadow_mode_writes_nothing_live_and_is_compared_with_people(store: &Store) {
    let off = acme(store, "off").await;
    let shade = acme(store, "shade").await;
    let admin = member(store, shade.t, "admin@acme.example").await;
    let mut limits = generous(&shade);
    limits.mode = Mode::Shadow;
    // Room in the day for both documents it would approve (the shadow keeps the daily
    // limit as acting would: tested below).
    limits.max_daily_minor = 10_000;
    save_limits(store, shade.t, &admin, &limits, None, now_ms())
        .await
        .unwrap();
    // The same day on both: S1 sells out of milk (30 from the DC: it would approve) and
    // of tents (600.00 of a class not listed: it would refer); then the DC keeps what it
    // has and S2's milk is bought (25.00 from an allowed supplier: it would approve).
    for a in [&off, &shade] {
        one_day(store, a).await;
    }
    let seen = live(store, &off).await;
    assert_eq!(
        live(store, &shade).await,
        seen,
        "shadow mode changed nothing live"
    );
    assert!(seen.contains(&"3 steps waiting".to_string()), "{seen:?}");
    let o = overview(store, shade.t, &admin, None, now_ms())
        .await
        .unwrap();
    assert_eq!(o.decisions.len(), 3);
    assert!(o.decisions.iter().all(|d| !d.acted && d.mode == "shadow"));
    assert_eq!(o.comparison.would_act_waiting, 2);
    assert_eq!(o.comparison.would_refer_waiting, 1);
    let off_admin = member(store, off.t, "admin@acme.example").await;
    assert!(overview(store, off.t, &off_admin, None, now_ms())
        .await
        .unwrap()
        .decisions
        .is_empty());
    let (milk, _, _) = transfer_to(store, shade.t, shade.s1, shade.milk).await;
    let trail = actions(store, shade.t, DocRef::Transfer(milk)).await;
    assert!(
        trail.contains(&(ASSISTANT.to_string(), "assistant.shadowed".to_string())),
        "{trail:?}"
    );
    assert!(
        !trail
            .iter()
            .any(|(actor, action)| actor == ASSISTANT && action != "assistant.shadowed"),
        "{trail:?}"
    );

    // People decide: the milk is approved, the tents rejected. The comparison follows.
    let approver = member(store, shade.t, "approver@acme.example").await;
    replenish::decide(
        store,
        shade.t,
        &approver,
        DocRef::Transfer(milk),
        true,
        "",
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let (tent, _, _) = transfer_to(store, shade.t, shade.s1, shade.tent).await;
    replenish::decide(
        store,
        shade.t,
        &approver,
        DocRef::Transfer(tent),
        false,
        "Tents are seasonal",
        None,
        now_ms(),
    )
    .await
    .unwrap();
    let c = overview(store, shade.t, &admin, None, now_ms())
        .await
        .unwrap()
        .comparison;
    assert_eq!(
        (
            c.would_act_approved,
            c.would_act_waiting,
            c.would_refer_rejected,
            c.acted
        ),
        (1, 1, 1, 0)
    );

    // The shadow keeps the day's limit as acting would: with 50.00 a day, the order
    // that follows the 30.00 transfer would go to people.
    let tight = acme(store, "tight").await;
    let tight_admin = member(store, tight.t, "admin@acme.example").await;
    let mut limits = generous(&tight);
    limits.mode = Mode::Shadow;
    save_limits(store, tight.t, &tight_admin, &limits, None, now_ms())
        .await
        .unwrap();
    one_day(store, &tight).await;
    let o = overview(store, tight.t, &tight_admin, None, now_ms())
        .await
        .unwrap();
    let order = o
        .decisions
        .iter()
        .find(|d| matches!(d.doc, DocRef::PurchaseOrder(_)))
        .unwrap();
    assert_eq!(order.verdict, "refer", "{order:?}");
    assert!(
        order.reasons.contains("with the 30.00 it approved today"),
        "{}",
        order.reasons
    );
}
