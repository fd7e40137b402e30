//! Store conformance suite: every test runs on a fresh SQLite file and a fresh PostgreSQL
//! database (at SHELFWISE_TEST_PG, default postgres://postgres@127.0.0.1:5432/postgres).

use std::path::Path;

use engine::identity::{self, SignInError};
use engine::ingest::{self, IngestError};
use engine::model::{PositionFilter, TenantId};
use engine::seed::{seed_tenant, TenantFile};
use engine::Store;
use serde_json::json;

use test_support::conformance;

conformance!(
    seeding_is_idempotent_and_keeps_live_stock,
    tenants_resolve_by_slug_and_domain,
    login_is_scoped_to_the_tenant,
    sign_in_attempts_are_counted_before_the_check_and_kept,
    events_move_stock_once_per_external_id,
    an_invalid_batch_changes_nothing,
    inventory_filters_and_pages,
    one_tenant_never_sees_another,
    api_keys_authenticate_only_their_tenant,
    search_finds_substrings_and_follows_renames,
);

const ACME: &str = r#"
slug = "acme"
name = "Acme Foods"
theme = "acme"
domains = ["shop.acme.test"]
[[locations]]
code = "DC1"
name = "Central DC"
kind = "dc"
region = "north"
[[locations]]
code = "S1"
name = "High Street"
kind = "store"
region = "north"
[[locations]]
code = "S2"
name = "Harbour"
kind = "store"
region = "south"
[[suppliers]]
code = "SUP"
name = "Dairy Co"
email = "orders@dairy.test"
lead_time_days = 2
[policies.dairy]
reorder_point = 10
order_up_to = 30
[[products]]
sku = "MILK-1L"
name = "Whole milk 1 l"
class = "dairy"
cost_minor = 70
price_minor = 119
supplier = "SUP"
[[products]]
sku = "OAT-1L"
name = "Oat drink 1 l"
class = "dairy"
cost_minor = 90
price_minor = 199
supplier = "SUP"
[[products]]
sku = "BREAD"
name = "Sourdough loaf"
class = "bakery"
cost_minor = 150
price_minor = 349
[[users]]
email = "Planner@Acme.test"
name = "Pat Planner"
password = "planner-pass-1"
roles = ["planner", "approver"]
"#;

const ZENITH: &str = r#"
slug = "zenith"
name = "Zenith Outdoor"
theme = "zenith"
[[locations]]
code = "S1"
name = "Zenith Flagship"
kind = "store"
region = "west"
[[products]]
sku = "MILK-1L"
name = "Zenith milk"
class = "other"
cost_minor = 1
price_minor = 2
[[users]]
email = "boss@zenith.test"
name = "Zed"
password = "zenith-pass-1"
roles = ["tenant_admin"]
"#;

async fn seed(store: &Store, text: &str) -> TenantId {
    let file = TenantFile::parse(text, Path::new("test.toml")).unwrap();
    seed_tenant(store, &file).await.unwrap().tenant
}

fn sale(id: &str, loc: &str, sku: &str, qty: i64) -> serde_json::Value {
    json!({"source": "pos", "external_id": id, "type": "sale", "location": loc, "sku": sku, "quantity": qty})
}

async fn on_hand(store: &Store, t: TenantId, sku: &str, loc: &str) -> i64 {
    store
        .position(t, sku, loc)
        .await
        .unwrap()
        .expect("position exists")
        .on_hand
}

async fn seeding_is_idempotent_and_keeps_live_stock(store: &Store) {
    let file = TenantFile::parse(ACME, Path::new("acme.toml")).unwrap();
    let first = seed_tenant(store, &file).await.unwrap();
    assert_eq!(first.positions_created, 9, "3 products x 3 locations");
    let t = first.tenant;
    let before = on_hand(store, t, "MILK-1L", "S1").await;
    ingest::ingest(
        &ingest::Writer::new(store.clone()),
        t,
        &json!({"events": [sale("e1", "S1", "MILK-1L", 1)]}),
    )
    .await
    .unwrap();
    let again = seed_tenant(store, &file).await.unwrap();
    assert_eq!(again.tenant, t);
    assert_eq!(again.positions_created, 0);
    assert_eq!(
        on_hand(store, t, "MILK-1L", "S1").await,
        before - 1,
        "re-seeding must not reset stock"
    );
    let dc = store.position(t, "MILK-1L", "DC1").await.unwrap().unwrap();
    assert_eq!(
        (dc.reorder_point, dc.order_up_to),
        (80, 240),
        "DC holds 8x a store"
    );
    // The password of an existing user survives a re-seed.
    login(store, t, "planner@acme.test", "planner-pass-1")
        .await
        .unwrap();
}

async fn tenants_resolve_by_slug_and_domain(store: &Store) {
    let t = seed(store, ACME).await;
    assert_eq!(store.tenant_by_slug("acme").await.unwrap().unwrap().id, t);
    assert_eq!(
        store
            .tenant_by_domain("shop.acme.test")
            .await
            .unwrap()
            .unwrap()
            .id,
        t
    );
    assert!(store.tenant_by_slug("nope").await.unwrap().is_none());
    assert!(store.tenant_by_domain("evil.test").await.unwrap().is_none());
}

async fn login_is_scoped_to_the_tenant(store: &Store) {
    let acme = seed(store, ACME).await;
    let zenith = seed(store, ZENITH).await;
    let m = login(store, acme, " PLANNER@acme.test ", "planner-pass-1")
        .await
        .unwrap();
    assert_eq!(m.name, "Pat Planner");
    assert_eq!(m.roles.len(), 2);
    for (tenant, email, pw) in [
        (acme, "planner@acme.test", "wrong-pass-123"),
        (acme, "ghost@acme.test", "planner-pass-1"),
        (zenith, "planner@acme.test", "planner-pass-1"),
    ] {
        assert!(
            matches!(
                login(store, tenant, email, pw).await,
                Err(SignInError::InvalidCredentials)
            ),
            "{email}"
        );
    }
    assert!(store.member(zenith, m.user_id).await.unwrap().is_none());
    store
        .set_user_disabled("planner@acme.test", true)
        .await
        .unwrap();
    assert!(login(store, acme, "planner@acme.test", "planner-pass-1")
        .await
        .is_err());
    assert!(
        store.member(acme, m.user_id).await.unwrap().is_none(),
        "a disabled user has no live membership"
    );
}

async fn events_move_stock_once_per_external_id(store: &Store) {
    let t = seed(store, ACME).await;
    let start = on_hand(store, t, "OAT-1L", "S2").await;
    let batch = json!({"events": [
        sale("a", "S2", "OAT-1L", 3),
        {"source": "pos", "external_id": "b", "type": "return", "location": "S2", "sku": "OAT-1L", "quantity": 1},
        {"source": "erp", "external_id": "a", "type": "adjustment", "location": "S2", "sku": "OAT-1L", "quantity": -2},
        sale("a", "S2", "OAT-1L", 3),
    ]});
    let applied = ingest::ingest(&ingest::Writer::new(store.clone()), t, &batch)
        .await
        .unwrap();
    assert_eq!(
        (applied.accepted, applied.duplicates),
        (3, 1),
        "same source+id inside one batch counts once"
    );
    assert_eq!(on_hand(store, t, "OAT-1L", "S2").await, start - 3 + 1 - 2);
    let replay = ingest::ingest(&ingest::Writer::new(store.clone()), t, &batch)
        .await
        .unwrap();
    assert_eq!((replay.accepted, replay.duplicates), (0, 4));
    assert_eq!(on_hand(store, t, "OAT-1L", "S2").await, start - 4);
    ingest::ingest(&ingest::Writer::new(store.clone()), t, &json!({"events": [{"source": "count", "external_id": "c1", "type": "count", "location": "S2", "sku": "OAT-1L", "quantity": 42}]})).await.unwrap();
    assert_eq!(on_hand(store, t, "OAT-1L", "S2").await, 42);
    assert_eq!(store.event_count(t).await.unwrap(), 4);
}

async fn an_invalid_batch_changes_nothing(store: &Store) {
    let t = seed(store, ACME).await;
    let start = on_hand(store, t, "MILK-1L", "S1").await;
    let batch = json!({"events": [sale("ok", "S1", "MILK-1L", 1), sale("bad", "S1", "NO-SUCH-SKU", 1), sale("bad2", "S9", "MILK-1L", 1)]});
    match ingest::ingest(&ingest::Writer::new(store.clone()), t, &batch).await {
        Err(IngestError::Invalid(errors)) => {
            let pointers: Vec<_> = errors.iter().map(|e| e.pointer.as_str()).collect();
            assert_eq!(pointers, ["/events/1/sku", "/events/2/location"]);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(on_hand(store, t, "MILK-1L", "S1").await, start);
    assert_eq!(store.event_count(t).await.unwrap(), 0);
}

async fn inventory_filters_and_pages(store: &Store) {
    let t = seed(store, ACME).await;
    let all = store
        .positions(
            t,
            &PositionFilter {
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(all.rows.len(), 9);
    assert!(!all.has_next);
    assert_eq!(all.rows[0].sku, "BREAD", "ordered by SKU");
    let page = |page, per_page| PositionFilter {
        page,
        per_page,
        ..Default::default()
    };
    let p0 = store.positions(t, &page(0, 4)).await.unwrap();
    let p2 = store.positions(t, &page(2, 4)).await.unwrap();
    assert!(p0.has_next && !p2.has_next);
    assert_eq!(p2.rows.len(), 1);
    let search = store
        .positions(
            t,
            &PositionFilter {
                search: Some("oat".into()),
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(search.rows.iter().all(|r| r.sku == "OAT-1L") && search.rows.len() == 3);
    let pct = store
        .positions(
            t,
            &PositionFilter {
                search: Some("%".into()),
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(pct.rows.is_empty(), "% is matched literally");
    let at_s2 = store
        .positions(
            t,
            &PositionFilter {
                location_code: Some("S2".into()),
                class: Some("dairy".into()),
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(at_s2.rows.len(), 2);
    // Drive one row low and find it with the low-stock filter.
    ingest::ingest(&ingest::Writer::new(store.clone()), t, &json!({"events": [{"source": "c", "external_id": "z", "type": "count", "location": "S1", "sku": "BREAD", "quantity": 0}]})).await.unwrap();
    let low = store
        .positions(
            t,
            &PositionFilter {
                low_only: true,
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(low
        .rows
        .iter()
        .all(|r| r.low && r.on_hand + r.in_transit + r.on_order <= r.reorder_point));
    assert!(low
        .rows
        .iter()
        .any(|r| r.sku == "BREAD" && r.location_code == "S1"));
    let (products, low_count) = store.stock_summary(t).await.unwrap();
    assert_eq!(products, 3);
    assert_eq!(
        low_count,
        low.rows.len() as i64,
        "the summary counts the same low rows the filter shows"
    );
}

async fn search_finds_substrings_and_follows_renames(store: &Store) {
    let t = seed(store, ACME).await;
    let find = |text: &str| PositionFilter {
        search: Some(text.into()),
        per_page: 50,
        ..Default::default()
    };
    let skus = |page: engine::model::Page<engine::model::PositionRow>| {
        let mut s: Vec<String> = page.rows.into_iter().map(|r| r.sku).collect();
        s.dedup();
        s
    };
    assert_eq!(
        skus(store.positions(t, &find("MILK 1")).await.unwrap()),
        ["MILK-1L"],
        "SKU substring, any case"
    );
    assert_eq!(
        skus(store.positions(t, &find("rdough")).await.unwrap()),
        ["BREAD"],
        "name substring"
    );
    assert_eq!(
        skus(store.positions(t, &find("1 l")).await.unwrap()),
        ["MILK-1L", "OAT-1L"]
    );
    assert_eq!(
        skus(store.positions(t, &find("ou")).await.unwrap()),
        ["BREAD"],
        "short text still works"
    );
    assert!(
        store
            .positions(t, &find("o\"at"))
            .await
            .unwrap()
            .rows
            .is_empty(),
        "quotes are text"
    );
    assert!(store
        .positions(t, &find("oat drink x"))
        .await
        .unwrap()
        .rows
        .is_empty());
    // Renaming a product (a re-seed with a new name) moves it in the search too.
    let renamed = ACME.replace("Sourdough loaf", "Country rye loaf");
    seed(store, &renamed).await;
    assert!(store
        .positions(t, &find("sourdough"))
        .await
        .unwrap()
        .rows
        .is_empty());
    assert_eq!(
        skus(store.positions(t, &find("country rye")).await.unwrap()),
        ["BREAD"]
    );
}

async fn one_tenant_never_sees_another(store: &Store) {
    let acme = seed(store, ACME).await;
    let zenith = seed(store, ZENITH).await;
    let z = store
        .positions(
            zenith,
            &PositionFilter {
                per_page: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(z.rows.len(), 1);
    assert_eq!(z.rows[0].product_name, "Zenith milk");
    // Same SKU and location code in both tenants: an event for zenith moves only zenith's stock.
    let acme_before = on_hand(store, acme, "MILK-1L", "S1").await;
    ingest::ingest(
        &ingest::Writer::new(store.clone()),
        zenith,
        &json!({"events": [sale("x", "S1", "MILK-1L", 1)]}),
    )
    .await
    .unwrap();
    assert_eq!(on_hand(store, acme, "MILK-1L", "S1").await, acme_before);
    // Acme-only codes do not resolve inside zenith.
    assert!(matches!(
        ingest::ingest(
            &ingest::Writer::new(store.clone()),
            zenith,
            &json!({"events": [sale("y", "S2", "OAT-1L", 1)]})
        )
        .await,
        Err(IngestError::Invalid(_))
    ));
    assert_eq!(store.locations(zenith).await.unwrap().len(), 1);
    assert_eq!(store.product_classes(zenith).await.unwrap(), ["other"]);
}

async fn api_keys_authenticate_only_their_tenant(store: &Store) {
    let acme = seed(store, ACME).await;
    let key = identity::create_api_key(store, acme, "pos", "test")
        .await
        .unwrap();
    assert!(key.key.starts_with(&format!("sw_{}_", key.prefix)));
    let other = seed(store, ZENITH).await;
    let check = |tenant, key: String| async move {
        engine::api_keys::authenticate(store, tenant, &key, engine::api_keys::KeyScope::WriteEvents)
            .await
            .unwrap()
    };
    use engine::api_keys::KeyCheck;
    assert!(
        matches!(check(acme, key.key.clone()).await, KeyCheck::Allowed { .. }),
        "a key made on the command line writes events"
    );
    assert_eq!(
        check(other, key.key.clone()).await,
        KeyCheck::Unknown,
        "a key is refused on another tenant's host"
    );
    assert_eq!(
        check(acme, format!("{}x", key.key)).await,
        KeyCheck::Unknown
    );
    assert_eq!(check(acme, String::new()).await, KeyCheck::Unknown);
}

const ROOMY: identity::SignInLimits = identity::SignInLimits {
    per_account: 1_000,
    per_address: 1_000,
};

/// Signs in from a documentation address with limits no test here reaches.
async fn login(
    store: &Store,
    tenant: TenantId,
    email: &str,
    password: &str,
) -> Result<engine::model::Member, SignInError> {
    identity::sign_in(
        store,
        tenant,
        email,
        password,
        "192.0.2.1",
        None,
        ROOMY,
        None,
        engine::model::now_ms(),
    )
    .await
    .map(|s| s.member)
}

/// Attempts are counted before the password is checked, in the database: a burst of
/// parallel guesses gets at most the limit of checks, a restart forgets nothing, the
/// account's own wait grows but stays short, and a correct sign-in is audited.
async fn sign_in_attempts_are_counted_before_the_check_and_kept(store: &Store) {
    let t = seed(store, ACME).await;
    let limits = identity::SignInLimits {
        per_account: 10,
        per_address: 50,
    };
    let now = engine::model::now_ms();
    let before = identity::password_checks();
    let mut tries = Vec::new();
    for _ in 0..100 {
        let store = store.clone();
        tries.push(tokio::spawn(async move {
            identity::sign_in(
                &store,
                t,
                "planner@acme.test",
                "wrong-guess-1",
                "198.51.100.7",
                None,
                limits,
                None,
                now,
            )
            .await
        }));
    }
    let mut wrong = 0;
    for r in tries {
        match r.await.unwrap() {
            Err(SignInError::InvalidCredentials) => wrong += 1,
            Err(SignInError::Throttled { .. }) | Err(SignInError::Busy) => {}
            other => panic!("{other:?}"),
        }
    }
    let checked = identity::password_checks() - before;
    assert!(
        checked <= 10,
        "{checked} passwords checked for a limit of 10"
    );
    assert_eq!(wrong, checked as i32, "every check was a wrong password");
    // (Most of the burst was told to come back: only so many checks run at once.) One
    // by one, the guesses run into the limit: never more than 10 checks in all.
    let mut throttled = false;
    for _ in 0..20 {
        match identity::sign_in(
            store,
            t,
            "planner@acme.test",
            "wrong-guess-2",
            "198.51.100.7",
            None,
            limits,
            None,
            now,
        )
        .await
        {
            Err(SignInError::InvalidCredentials) => {}
            Err(SignInError::Throttled { .. }) => {
                throttled = true;
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(throttled);
    assert_eq!(
        identity::password_checks() - before,
        10,
        "exactly the limit was checked"
    );
    // A restart (a new pool on the same database) forgets nothing.
    let again = Store::new(store.db().clone());
    assert!(matches!(
        identity::sign_in(
            &again,
            t,
            "planner@acme.test",
            "planner-pass-1",
            "198.51.100.7",
            None,
            limits,
            None,
            now
        )
        .await,
        Err(SignInError::Throttled { .. })
    ));
    // From another address the account waits a little (growing, capped at a minute),
    // not for good: a minute later the right password works.
    match identity::sign_in(
        store,
        t,
        "planner@acme.test",
        "planner-pass-1",
        "203.0.113.9",
        None,
        limits,
        None,
        now,
    )
    .await
    {
        Err(SignInError::Throttled { retry_after_ms }) => {
            assert!(retry_after_ms <= 60_000, "{retry_after_ms}")
        }
        other => panic!("{other:?}"),
    }
    let signed = identity::sign_in(
        store,
        t,
        "planner@acme.test",
        "planner-pass-1",
        "203.0.113.9",
        None,
        limits,
        None,
        now + 61_000,
    )
    .await
    .unwrap();
    let m = &signed.member;
    // Guessing from elsewhere again slows the account down, but not in the browser its
    // owner signed in from (its known-device token): nobody can lock the owner out.
    for i in 0..12 {
        let guess = identity::sign_in(
            store,
            t,
            "planner@acme.test",
            "wrong-guess-3",
            &format!("192.0.2.{i}"),
            None,
            limits,
            None,
            now + 62_000,
        )
        .await;
        assert!(guess.is_err());
    }
    assert!(matches!(
        identity::sign_in(
            store,
            t,
            "planner@acme.test",
            "planner-pass-1",
            "203.0.113.9",
            None,
            limits,
            None,
            now + 62_000
        )
        .await,
        Err(SignInError::Throttled { .. })
    ));
    identity::sign_in(
        store,
        t,
        "planner@acme.test",
        "planner-pass-1",
        "203.0.113.9",
        Some(&signed.device_token),
        limits,
        None,
        now + 62_000,
    )
    .await
    .expect("the owner's browser gets in");
    let trail = store.audit_trail(t).await.unwrap();
    assert!(trail
        .iter()
        .any(|e| e.action == "auth.signed_in" && e.subject == format!("user:{}", m.user_id)));
    assert!(trail.iter().any(|e| e.action == "auth.sign_in_failed"));
    assert!(
        !trail
            .iter()
            .any(|e| format!("{e:?}").contains("planner@acme.test")
                || format!("{e:?}").contains("198.51.100.7")),
        "no e-mail or address in the trail"
    );
}

/// Tenant files are an entry point like any other: every number is bounded and the
/// error names the field (a reorder point of i64::MAX used to overflow at seeding).
#[test]
fn tenant_files_with_extreme_numbers_are_refused_naming_the_field() {
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tenants/freshfield.toml"),
    )
    .unwrap();
    for (from, to, field) in [
        (
            "reorder_point = ",
            "reorder_point = 9223372036854775807 #",
            "reorder_point",
        ),
        (
            "cost_minor = 122",
            "cost_minor = -1",
            "products[0].cost_minor",
        ),
        (
            "po_window_minutes = ",
            "po_window_minutes = 0 #",
            "po_window_minutes",
        ),
        (
            "lead_time_days = ",
            "lead_time_days = -3 #",
            "lead_time_days",
        ),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "{from}");
        let err = TenantFile::parse(&text, Path::new("freshfield.toml"))
            .expect_err(field)
            .to_string();
        assert!(err.contains(field), "{field}: {err}");
    }
}
