//! Anomaly checks on incoming events and risk-ranked exceptions (issue 15, points 3 and
//! 6): a sale far outside its series' history, a count that jumps and a sale where the
//! item never sells are applied to stock but hold the position's cover until a planner
//! confirms them (or rejects them, which undoes them); the tenant's thresholds are its
//! own; the exception queue ranks by expected lost sales. On both backends.

use engine::anomaly::Settings;
use engine::error::EngineError;
use engine::exceptions::{self, Action};
use engine::ingest;
use engine::model::{now_ms, EventKind, StockEvent, TenantId, DAY_MS};
use engine::replenish::anomalies::{confirm, reject, save_settings};
use engine::replenish::forecasts::refresh;
use engine::store::Ranking;
use engine::Store;
use test_support::{conformance, drain, member};

conformance!(
    an_anomalous_event_holds_cover_until_a_planner_confirms_it,
    the_queue_ranks_stock_exceptions_by_expected_lost_sales,
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
[[products]]
sku = "MILK"
name = "Milk"
class = "dairy"
cost_minor = 100
price_minor = 150
[[products]]
sku = "TENT"
name = "Tent"
class = "outdoor"
cost_minor = 10000
price_minor = 15000
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

async fn acme(store: &Store, slug: &str) -> TenantId {
    test_support::seed_as(store, TENANT, slug).await
}

fn event(kind: EventKind, location: i64, product: i64, qty: i64, id: &str, at: i64) -> StockEvent {
    StockEvent {
        source: "pos".into(),
        external_id: id.into(),
        kind,
        location_id: location,
        product_id: product,
        quantity: qty,
        occurred_at: at,
    }
}

/// Recorded words as stored with an exception, read in German.
fn in_german(stored: &Option<String>) -> String {
    let words = stored.as_deref().expect("recorded words are stored");
    let words = engine::recorded::from_json_all(words).expect("stored words read back");
    engine::recorded::join(&words, i18n::Lang::De)
}

async fn anomalies(store: &Store, t: TenantId) -> Vec<engine::store::ExceptionRecord> {
    store
        .exceptions(t, "open", Some("anomaly"), 50)
        .await
        .unwrap()
}

async fn an_anomalous_event_holds_cover_until_a_planner_confirms_it(store: &Store) {
    let t = acme(store, "acme").await;
    let other = acme(store, "other").await;
    let locs = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let (dc, s1, s2) = (locs["DC"], locs["S1"], locs["S2"]);
    let ids = store.product_ids(t, &["MILK", "TENT"]).await.unwrap();
    let (milk, tent) = (ids["MILK"], ids["TENT"]);
    let planner = member(store, t, "planner@acme.example").await;
    let now = now_ms();
    let today = now.div_euclid(DAY_MS);
    // 60 days of history: milk sells 4–6 a day at S1, tents 1–2 at S2 (S2 sells, but
    // never milk). The DC holds plenty to transfer.
    let mut batch = vec![
        event(
            EventKind::Receipt,
            dc,
            milk,
            5_000,
            "r-dc",
            now - 70 * DAY_MS,
        ),
        event(EventKind::Receipt, s1, milk, 600, "r-s1", now - 70 * DAY_MS),
        event(EventKind::Receipt, s2, tent, 300, "r-s2", now - 70 * DAY_MS),
    ];
    for d in 1..=60 {
        let at = (today - d) * DAY_MS + DAY_MS / 2;
        batch.push(event(
            EventKind::Sale,
            s1,
            milk,
            4 + d % 3,
            &format!("m-{d}"),
            at,
        ));
        batch.push(event(
            EventKind::Sale,
            s2,
            tent,
            1 + d % 2,
            &format!("t-{d}"),
            at,
        ));
    }
    ingest::apply_events(store, t, &batch).await.unwrap();
    assert!(
        anomalies(store, t).await.is_empty(),
        "without any forecast yet, nothing is judged"
    );
    while refresh(store, t, now).await.unwrap() > 0 {}
    drain(store).await;
    assert!(store.transfers(t, None, 10).await.unwrap().is_empty());
    let (before, ..) = store.position_by_ids(t, s1, milk).await.unwrap().unwrap();

    // A till sends "sold 500" instead of "sold 5" (through the group commit that the
    // HTTP API uses, next to another tenant's ordinary batch).
    let big = [event(EventKind::Sale, s1, milk, 500, "big", now)];
    let elsewhere = [event(EventKind::Sale, s1, milk, 1, "x", now)];
    ingest::apply_event_groups(store, &[(t, &big[..]), (other, &elsewhere[..])])
        .await
        .unwrap();
    assert!(anomalies(store, other).await.is_empty());
    let (after, ..) = store.position_by_ids(t, s1, milk).await.unwrap().unwrap();
    assert_eq!(after, before - 500, "the event is applied to stock");
    let open = anomalies(store, t).await;
    assert_eq!(open.len(), 1, "{open:?}");
    let a = &open[0];
    assert_eq!(
        a.title,
        "A sale of 500 × MILK at S1 is far outside its history"
    );
    assert!(a.detail.contains("usually 5.0"), "{}", a.detail);
    assert!(a.detail.contains("(pos big)"), "{}", a.detail);
    // A German planner reads it in German: the recorded words are kept beside the English.
    assert_eq!(
        in_german(&a.title_words),
        "Ein Verkauf von 500 × MILK in S1 liegt weit außerhalb des Üblichen"
    );
    let de = in_german(&a.detail_words);
    assert!(
        de.starts_with("Ein Verkauf von 500 Stück, wo ein Verkaufstag sonst bei 5,0 liegt"),
        "{de}"
    );
    assert!(de.contains("Das Ereignis (pos big) ist erfasst"), "{de}");
    assert_eq!(a.subject, format!("position:{s1}:{milk}"));
    drain(store).await;
    assert!(
        store.transfers(t, None, 10).await.unwrap().is_empty(),
        "the position is short, but nothing moves on the strength of a doubtful sale"
    );
    // An ordinary sale is not an anomaly, and the hold stays.
    let small = event(EventKind::Sale, s1, milk, 5, "small", now);
    ingest::apply_events(store, t, &[small]).await.unwrap();
    drain(store).await;
    assert_eq!(anomalies(store, t).await.len(), 1);
    assert!(store.transfers(t, None, 10).await.unwrap().is_empty());

    // Resolving it like any exception is refused: confirming is what releases it.
    let err = exceptions::act(
        store,
        t,
        &planner,
        &[a.id],
        &Action::Resolve("fine".into()),
        None,
        now,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("confirm the event"), "{err}");
    // Neither is confirming something that is no anomaly.
    let stockout = store
        .exceptions(t, "open", Some("stockout"), 5)
        .await
        .unwrap();
    assert_eq!(
        stockout.len(),
        1,
        "S1 ran out on the strength of the big sale"
    );
    let err = confirm(store, t, &planner, &[stockout[0].id], None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not an anomaly"), "{err}");
    // Another tenant cannot confirm it, and an approver (who does not work the queue) may not.
    let stranger = member(store, other, "planner@acme.example").await;
    assert!(matches!(
        confirm(store, other, &stranger, &[a.id], None, now).await,
        Err(EngineError::NotFound)
    ));
    let approver = member(store, t, "approver@acme.example").await;
    assert!(matches!(
        confirm(store, t, &approver, &[a.id], None, now).await,
        Err(EngineError::Forbidden(_))
    ));
    assert_eq!(anomalies(store, t).await.len(), 1);

    // Confirmed: the position is checked at once and covered from the DC.
    assert_eq!(
        confirm(store, t, &planner, &[a.id], None, now)
            .await
            .unwrap(),
        1
    );
    assert!(anomalies(store, t).await.is_empty());
    drain(store).await;
    let transfers = store.transfers(t, None, 10).await.unwrap();
    assert_eq!(transfers.len(), 1, "{transfers:?}");
    assert_eq!(
        confirm(store, t, &planner, &[a.id], None, now)
            .await
            .unwrap(),
        0,
        "confirming twice changes nothing"
    );

    // A count that jumps: the books say about 210 tents at S2, the count says 0. The
    // position is short but nothing moves; rejected, the books come back and the
    // position needs nothing.
    let (book, ..) = store.position_by_ids(t, s2, tent).await.unwrap().unwrap();
    assert!(book > 100, "{book}");
    let count = event(EventKind::Count, s2, tent, 0, "count-1", now);
    ingest::apply_events(store, t, &[count]).await.unwrap();
    let open = anomalies(store, t).await;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(
        open[0].title,
        "A count of 0 × TENT at S2 jumps from the books"
    );
    assert!(
        open[0].detail.contains(&format!("the books said {book}")),
        "{}",
        open[0].detail
    );
    drain(store).await;
    assert_eq!(store.transfers(t, None, 10).await.unwrap().len(), 1);
    assert_eq!(
        reject(store, t, &planner, &[open[0].id], None, now)
            .await
            .unwrap(),
        1
    );
    let (restored, ..) = store.position_by_ids(t, s2, tent).await.unwrap().unwrap();
    assert_eq!(restored, book, "the count's jump is undone");
    let settled = store.exception(t, open[0].id).await.unwrap().unwrap();
    assert!(settled.resolution.unwrap().starts_with("Rejected"));
    // How it was resolved reads in the planner's language too.
    assert_eq!(
        in_german(&settled.resolution_words),
        "Abgelehnt: Das Ereignis war falsch, seine Wirkung auf Bestand und Nachfrage wurde \
         rückgängig gemacht."
    );
    drain(store).await;
    assert_eq!(store.transfers(t, None, 10).await.unwrap().len(), 1);

    // A sale where the item never sells: milk at S2.
    let stray = event(EventKind::Sale, s2, milk, 40, "stray", now);
    ingest::apply_events(store, t, &[stray]).await.unwrap();
    let open = anomalies(store, t).await;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(
        open[0].title,
        "A sale of 40 × MILK at S2 is where it never sells"
    );
    // Rejected: the units are back and the sale is no demand.
    let (stray_after, ..) = store.position_by_ids(t, s2, milk).await.unwrap().unwrap();
    assert_eq!(store.recent_demand(t, s2, milk, 1, now).await.unwrap(), 40);
    reject(store, t, &planner, &[open[0].id], None, now)
        .await
        .unwrap();
    let (stray_undone, ..) = store.position_by_ids(t, s2, milk).await.unwrap().unwrap();
    assert_eq!(stray_undone, stray_after + 40);
    assert_eq!(
        store.recent_demand(t, s2, milk, 1, now).await.unwrap(),
        0,
        "a rejected sale is not demand"
    );
    assert!(anomalies(store, t).await.is_empty());

    // The tenant's own thresholds: bad ones are refused naming the field, nothing saved.
    let bad = Settings {
        mad_k: 1.0,
        ..Settings::default()
    };
    let err = save_settings(store, t, &planner, &bad, None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("MAD multiplier"), "{err}");
    assert_eq!(
        store.anomaly_settings(t).await.unwrap(),
        Settings::default()
    );
    assert!(matches!(
        save_settings(store, t, &approver, &Settings::default(), None, now).await,
        Err(EngineError::Forbidden(_))
    ));
    // Switched off: the next till error goes through, for this tenant only.
    let off = Settings {
        enabled: false,
        ..Settings::default()
    };
    save_settings(store, t, &planner, &off, None, now)
        .await
        .unwrap();
    assert_eq!(store.anomaly_settings(t).await.unwrap(), off);
    assert_eq!(
        store.anomaly_settings(other).await.unwrap(),
        Settings::default()
    );
    let again = event(EventKind::Sale, s1, milk, 900, "big-2", now);
    ingest::apply_events(store, t, &[again]).await.unwrap();
    assert!(anomalies(store, t).await.is_empty(), "no new anomaly");
}

async fn the_queue_ranks_stock_exceptions_by_expected_lost_sales(store: &Store) {
    let t = acme(store, "acme").await;
    let codes = store.location_ids(t, &["DC", "S1", "S2"]).await.unwrap();
    let s1 = codes["S1"];
    let locs: Vec<(i64, String)> = codes.iter().map(|(c, l)| (*l, c.clone())).collect();
    let ids = store.product_ids(t, &["MILK", "TENT"]).await.unwrap();
    let (milk, tent) = (ids["MILK"], ids["TENT"]);
    let now = now_ms();
    let today = now.div_euclid(DAY_MS);
    // Over the last 28 days (today included) milk sold 10 a day and tents 1 a day, and
    // both are now gone, with no supplier and no other store to cover them.
    let mut batch = vec![
        event(EventKind::Receipt, s1, milk, 280, "r-m", now - 40 * DAY_MS),
        event(EventKind::Receipt, s1, tent, 28, "r-t", now - 40 * DAY_MS),
    ];
    for d in 0..28 {
        let at = if d == 0 {
            now
        } else {
            (today - d) * DAY_MS + DAY_MS / 2
        };
        batch.push(event(EventKind::Sale, s1, milk, 10, &format!("m-{d}"), at));
        batch.push(event(EventKind::Sale, s1, tent, 1, &format!("t-{d}"), at));
    }
    ingest::apply_events(store, t, &batch).await.unwrap();
    // Whatever the tenant file seeded is written off, in the store and elsewhere, but
    // for 2 tents left at S1: low, not out.
    let mut write_offs = Vec::new();
    for (l, code) in &locs {
        for (p, sku) in [(milk, "m"), (tent, "t")] {
            if let Some((on_hand, ..)) = store.position_by_ids(t, *l, p).await.unwrap() {
                let left = if (*l, p) == (s1, tent) { 2 } else { 0 };
                let id = format!("w-{code}-{sku}");
                write_offs.push(event(
                    EventKind::Adjustment,
                    *l,
                    p,
                    left - on_hand,
                    &id,
                    now,
                ));
            }
        }
    }
    ingest::apply_events(store, t, &write_offs).await.unwrap();
    drain(store).await;
    let open = store.exceptions(t, "open", None, 50).await.unwrap();
    let order: Vec<(&str, &str, Option<i64>)> = open
        .iter()
        .map(|e| (e.kind.as_str(), e.title.as_str(), e.lost_sales_minor))
        .collect();
    // Tents: 1 a day × 14 days less 2 on hand × 50.00 margin = 600.00, on a "high"
    // exception; milk: 10 × 14 × 0.50 = 70.00, on a "critical" one. The money is counted
    // once per position (on its stockout when it is out); positions that sell nothing
    // lose nothing and come after every position that does, by severity.
    assert_eq!(
        order,
        vec![
            ("no_cover", "TENT at S1 is low with no cover", Some(60_000)),
            ("stockout", "MILK is out of stock at S1", Some(7_000)),
            ("stockout", "MILK is out of stock at DC", Some(0)),
            ("stockout", "MILK is out of stock at S2", Some(0)),
            ("stockout", "TENT is out of stock at DC", Some(0)),
            ("stockout", "TENT is out of stock at S2", Some(0)),
            ("no_cover", "MILK at DC is low with no cover", None),
            ("no_cover", "MILK at S1 is low with no cover", None),
            ("no_cover", "MILK at S2 is low with no cover", None),
            ("no_cover", "TENT at DC is low with no cover", None),
            ("no_cover", "TENT at S2 is low with no cover", None),
        ],
        "{open:#?}"
    );
    let basis = open[0].risk_basis.as_deref().unwrap();
    assert!(basis.contains("About 1.0 sell a day"), "{basis}");
    assert!(basis.contains("less 2 on hand: 12 units short"), "{basis}");
    assert!(
        basis.contains("14 days with nothing to cover it"),
        "{basis}"
    );
    let de = in_german(&open[0].risk_basis_words);
    assert!(
        de.starts_with("Etwa 1,0 Stück Absatz pro Tag × 14 Tage ohne Nachschub (kein Lieferant)"),
        "{de}"
    );
    assert!(
        de.contains("abzüglich 2 auf Lager: 12 Stück zu wenig"),
        "{de}"
    );
    assert_eq!(
        in_german(&open[0].title_words),
        "TENT in S1 ist knapp und ohne Deckung"
    );
    // By severity instead: the five stockouts (critical) first, the tents after them.
    let by_severity = store
        .exceptions_ranked(t, "open", None, Ranking::Severity, 50)
        .await
        .unwrap();
    let kinds: Vec<&str> = by_severity.iter().map(|e| e.kind.as_str()).collect();
    let mut expected = vec!["stockout"; 5];
    expected.extend(["no_cover"; 6]);
    assert_eq!(kinds, expected);
}
