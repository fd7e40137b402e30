//! Audit trail on SQLite and PostgreSQL: appends form one chain per tenant, even under
//! parallel writers, and every kind of tampering done directly in the database is found.

use test_support::conformance;

use engine::audit::{verify, AuditEntry};
use engine::model::TenantId;
use engine::{on_db, Store};
use serde_json::json;

conformance!(
    appends_chain_and_verify,
    tampering_in_the_database_is_found_and_located,
    parallel_writers_make_one_unforked_chain,
    key_creation_is_audited_without_the_key,
    deleting_a_tenant_never_takes_its_trail,
    a_chain_rewritten_in_the_database_is_caught_by_a_kept_export,
    a_job_replay_is_audited,
    a_sweep_that_opens_hundreds_of_documents_keeps_one_chain,
);

async fn tenant(store: &Store, slug: &str) -> TenantId {
    store
        .upsert_tenant(
            slug,
            slug,
            "shelfwise",
            "EUR",
            None,
            Default::default(),
            &[],
        )
        .await
        .unwrap()
}

fn entry(n: i64) -> AuditEntry {
    AuditEntry {
        actor: "user:1".into(),
        action: "transfer.approved".into(),
        subject: format!("transfer:{}", n % 3),
        before: Some(json!({"state": "pending"})),
        after: Some(json!({"state": "approved", "comment": format!("ok\nline {n}")})),
        request_id: Some(format!("req-{n}")),
    }
}

async fn problems(store: &Store, t: TenantId) -> Vec<i64> {
    let trail = store.audit_trail(t).await.unwrap();
    let head = store.audit_head(t).await.unwrap();
    verify(&trail, head.as_ref().map(|(s, h)| (*s, h.as_str())))
        .into_iter()
        .map(|p| p.seq)
        .collect()
}

/// Runs `sql` as someone writing straight to the tenant's rows.
async fn exec(store: &Store, t: TenantId, sql: &str) {
    let affected = async {
        Ok::<_, sqlx::Error>(on_db!(store.db(), write, t, |pool| sqlx::query(sql)
            .execute(pool)
            .await?
            .rows_affected()))
    }
    .await
    .unwrap();
    assert!(affected > 0, "{sql}");
}

async fn appends_chain_and_verify(store: &Store) {
    let a = tenant(store, "a").await;
    let b = tenant(store, "b").await;
    for n in 1..=5 {
        let r = store.append_audit(a, &entry(n)).await.unwrap();
        assert_eq!(r.seq, n);
    }
    store.append_audit(b, &entry(1)).await.unwrap();
    assert!(problems(store, a).await.is_empty());
    assert!(problems(store, b).await.is_empty());
    assert_eq!(store.audit_head(a).await.unwrap().unwrap().0, 5);
    assert_eq!(
        store.audit_trail(b).await.unwrap().len(),
        1,
        "one chain per tenant"
    );
    let history = store.audit_for_subject(a, "transfer:1").await.unwrap();
    assert_eq!(history.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 4]);
}

async fn tampering_in_the_database_is_found_and_located(store: &Store) {
    let t = tenant(store, "a").await;
    for n in 1..=6 {
        store.append_audit(t, &entry(n)).await.unwrap();
    }
    let id = t.0;
    // A flipped value.
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET actor = 'user:2' WHERE tenant_id = {id} AND seq = 2"),
    )
    .await;
    assert_eq!(problems(store, t).await, [2]);
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET actor = 'user:1' WHERE tenant_id = {id} AND seq = 2"),
    )
    .await;
    assert!(
        problems(store, t).await.is_empty(),
        "restoring the value restores the chain"
    );
    // Reordering two entries.
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 100 WHERE tenant_id = {id} AND seq = 3"),
    )
    .await;
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 3 WHERE tenant_id = {id} AND seq = 4"),
    )
    .await;
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 4 WHERE tenant_id = {id} AND seq = 100"),
    )
    .await;
    let p = problems(store, t).await;
    assert!(p.contains(&3) && p.contains(&4), "{p:?}");
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 100 WHERE tenant_id = {id} AND seq = 3"),
    )
    .await;
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 3 WHERE tenant_id = {id} AND seq = 4"),
    )
    .await;
    exec(
        store,
        t,
        &format!("UPDATE audit_log SET seq = 4 WHERE tenant_id = {id} AND seq = 100"),
    )
    .await;
    assert!(problems(store, t).await.is_empty());
    // An inserted entry: entry 4 is removed and a forged one with a self-consistent hash
    // is put in its place; entry 5 no longer follows.
    let trail = store.audit_trail(t).await.unwrap();
    let mut forged = trail[3].clone();
    forged.after = Some("{\"state\":\"rejected\"}".into());
    forged.hash = engine::audit::entry_hash(&forged.prev_hash, &forged);
    exec(
        store,
        t,
        &format!("DELETE FROM audit_log WHERE tenant_id = {id} AND seq = 4"),
    )
    .await;
    exec(
        store,
        t,
        &format!(
            "INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, before_state, after_state, request_id, prev_hash, hash) \
             VALUES ({id}, 4, {}, '{}', '{}', '{}', NULL, '{}', NULL, '{}', '{}')",
            forged.at, forged.actor, forged.action, forged.subject, forged.after.clone().unwrap(), forged.prev_hash, forged.hash
        ),
    )
    .await;
    assert!(problems(store, t).await.contains(&5));
    // A removed entry, and a cut-off tail.
    exec(
        store,
        t,
        &format!("DELETE FROM audit_log WHERE tenant_id = {id} AND seq = 2"),
    )
    .await;
    assert!(problems(store, t).await.contains(&2));
    exec(
        store,
        t,
        &format!("DELETE FROM audit_log WHERE tenant_id = {id} AND seq = 6"),
    )
    .await;
    assert!(
        problems(store, t).await.contains(&6),
        "truncation is found against the head"
    );
}

async fn parallel_writers_make_one_unforked_chain(store: &Store) {
    let t = tenant(store, "a").await;
    let mut tasks = Vec::new();
    for n in 0..50 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store.append_audit(t, &entry(n)).await.unwrap().seq
        }));
    }
    let mut seqs = Vec::new();
    for task in tasks {
        seqs.push(task.await.unwrap());
    }
    seqs.sort();
    assert_eq!(seqs, (1..=50).collect::<Vec<_>>());
    assert!(problems(store, t).await.is_empty());
}

async fn key_creation_is_audited_without_the_key(store: &Store) {
    let t = tenant(store, "a").await;
    let key = engine::identity::create_api_key(store, t, "till-sync", "cli")
        .await
        .unwrap();
    let trail = store.audit_trail(t).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(
        (trail[0].actor.as_str(), trail[0].action.as_str()),
        ("cli", "api_key.created")
    );
    let after = trail[0].after.clone().unwrap();
    assert!(after.contains(&key.prefix) && after.contains("till-sync"));
    assert!(
        !after.contains(&key.key),
        "the key itself never enters the trail"
    );
}

async fn deleting_a_tenant_never_takes_its_trail(store: &Store) {
    let t = tenant(store, "acme").await;
    for n in 0..3 {
        store.append_audit(t, &entry(n)).await.unwrap();
    }
    let sql = format!("DELETE FROM tenants WHERE id = {}", t.0);
    let refused = async {
        Ok::<_, sqlx::Error>(on_db!(store.db(), write, t, |pool| sqlx::query(&sql)
            .execute(pool)
            .await
            .is_err()))
    }
    .await
    .unwrap();
    assert!(
        refused,
        "the delete is refused while the tenant has a trail"
    );
    assert_eq!(store.audit_trail(t).await.unwrap().len(), 3);
    assert!(problems(store, t).await.is_empty());
}

/// Someone who can write to the database changes entry 3 and recomputes every hash
/// after it and the head: the chain verifies on its own, but not against the export
/// kept outside the database, which names entry 3.
async fn a_chain_rewritten_in_the_database_is_caught_by_a_kept_export(store: &Store) {
    let t = tenant(store, "acme").await;
    for n in 0..6 {
        store.append_audit(t, &entry(n)).await.unwrap();
    }
    let kept =
        engine::audit::parse_export(&engine::audit::export(&store.audit_trail(t).await.unwrap()))
            .unwrap();
    let mut trail = store.audit_trail(t).await.unwrap();
    trail[2].after = Some("{\"state\":\"rejected\"}".into());
    for i in 2..trail.len() {
        let prev = trail[i - 1].hash.clone();
        trail[i].prev_hash = prev.clone();
        trail[i].hash = engine::audit::entry_hash(&prev, &trail[i]);
    }
    for r in &trail[2..] {
        let (after, prev, hash, seq) =
            (r.after.clone(), r.prev_hash.clone(), r.hash.clone(), r.seq);
        async {
            Ok::<_, sqlx::Error>(on_db!(store.db(), write, t, |pool| {
            sqlx::query(
            "UPDATE audit_log SET after_state = $1, prev_hash = $2, hash = $3 WHERE tenant_id = $4 AND seq = $5"
        )
        .bind(&after)
        .bind(&prev)
        .bind(&hash)
        .bind(t.0)
        .bind(seq)
        .execute(pool)
        .await?
        .rows_affected()
        }))
        }
        .await
        .unwrap();
    }
    let last = trail.last().unwrap().hash.clone();
    async {
        Ok::<_, sqlx::Error>(on_db!(store.db(), write, t, |pool| sqlx::query(
            "UPDATE audit_heads SET hash = $1 WHERE tenant_id = $2"
        )
        .bind(&last)
        .bind(t.0)
        .execute(pool)
        .await?
        .rows_affected()))
    }
    .await
    .unwrap();
    assert!(
        problems(store, t).await.is_empty(),
        "the rewritten chain verifies alone"
    );
    let stored = store.audit_trail(t).await.unwrap();
    let found = engine::audit::verify_against(&stored, &kept).expect("the kept copy catches it");
    assert_eq!(found.seq, 3, "{found:?}");
}

async fn a_job_replay_is_audited(store: &Store) {
    let t = tenant(store, "acme").await;
    let job = engine::jobs::NewJob::new("mail.send", json!({}), 1_000)
        .tenant(t)
        .max_attempts(1);
    let id = store.enqueue(&job).await.unwrap().unwrap();
    let claimed = store
        .claim_jobs("default", "w", 1, 1_000, 60_000)
        .await
        .unwrap();
    store
        .discard_job(id, claimed[0].attempt, "broken", 1_001)
        .await
        .unwrap();
    let admin = engine::model::Member {
        user_id: 1,
        email: "admin@acme.example".into(),
        name: "Ada".into(),
        roles: vec![engine::model::Role::TenantAdmin],
        supplier_id: None,
        api_key: None,
        kind: Default::default(),
        acting: None,
    };
    engine::worker::replay(store, t, &admin, id, Some("req-replay"), 2_000)
        .await
        .unwrap();
    let trail = store.audit_trail(t).await.unwrap();
    let last = trail.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.subject.as_str()),
        ("job.replayed", format!("job:{id}").as_str())
    );
    assert_eq!(last.actor, "user:1");
}

/// A sweep batch appends many entries in one transaction, written together at commit,
/// while single appends for the same tenant run in parallel: still one unforked chain,
/// nothing lost. (The multi-statement flush and the flush on a change of scope are
/// tested in `store::tx`.)
async fn a_sweep_that_opens_hundreds_of_documents_keeps_one_chain(store: &Store) {
    use engine::model::{now_ms, EventKind, StockEvent};
    use engine::seed::{seed_tenant, SupplierFile, TenantFile};
    let mut file = TenantFile::synthetic("chain", 120, 2);
    file.suppliers.push(SupplierFile {
        code: "SUP".into(),
        name: "Chain Supplier".into(),
        email: "orders@chain.example".into(),
        lead_time_days: 2,
    });
    for p in &mut file.products {
        p.supplier = Some("SUP".into());
    }
    let t = seed_tenant(store, &file).await.unwrap().tenant;
    test_support::drain(store).await;
    let before = store.audit_trail(t).await.unwrap().len();
    let stores = store.location_ids(t, &["S-001", "S-002"]).await.unwrap();
    let skus: Vec<String> = (1..=120).map(|i| format!("SKU-{i:06}")).collect();
    let sku_refs: Vec<&str> = skus.iter().map(String::as_str).collect();
    let products = store.product_ids(t, &sku_refs).await.unwrap();
    // Every store position counted to zero: each one opens a need and a document.
    let events: Vec<StockEvent> = stores
        .values()
        .flat_map(|l| products.values().map(move |p| (*l, *p)))
        .enumerate()
        .map(|(i, (location_id, product_id))| StockEvent {
            source: "count".into(),
            external_id: format!("zero-{i}"),
            kind: EventKind::Count,
            location_id,
            product_id,
            quantity: 0,
            occurred_at: now_ms(),
        })
        .collect();
    engine::ingest::apply_events(store, t, &events)
        .await
        .unwrap();
    let mut singles = Vec::new();
    for n in 0..20 {
        let store = store.clone();
        singles.push(tokio::spawn(async move {
            store.append_audit(t, &entry(n)).await.unwrap()
        }));
    }
    test_support::drain(store).await;
    for s in singles {
        s.await.unwrap();
    }
    let trail = store.audit_trail(t).await.unwrap();
    let opened = trail
        .iter()
        .filter(|e| e.action == "purchase_order.line_added" || e.action == "transfer.proposed")
        .count();
    assert!(opened >= 200, "the zero counts opened {opened} documents");
    assert!(
        trail.len() - before > 400,
        "{} entries",
        trail.len() - before
    );
    let seqs: Vec<i64> = trail.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=trail.len() as i64).collect::<Vec<_>>());
    assert!(problems(store, t).await.is_empty());
}
