//! Anomaly checks on incoming events (issue 15, point 3). Ingestion judges each applied
//! sale and count by the tenant's thresholds (`anomaly`, the rules) in its own
//! transaction; an anomalous event stays recorded and applied to stock, but its position
//! gets an `anomaly` exception with the evidence, and while that is open the position's
//! automatic cover (transfers and purchases, see `evaluate`) waits and it gives nothing
//! to other stores. A planner who has checked the event either confirms it
//! ([`confirm`]: it was right) or rejects it ([`reject`]: it was wrong, and its effect on
//! stock and on demand is undone); either releases the position for a new check.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::jobs::SweepPositions;
use super::sweep::positions_changed_tx;
use crate::anomaly::{self, Rule, Settings};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::exceptions;
use crate::jobs::NewJob;
use crate::model::{
    EventKind, Member, Permission, StockEvent, TenantId, ANOMALY_EVENT_SOURCE, DAY_MS,
};
use crate::recorded::Recorded;
use crate::store::audit::append_audit_tx;
use crate::store::events::{apply_events_tx, unsell_tx, Observed};
use crate::store::jobs::enqueue_tx;
use crate::store::{anomalies, exceptions as exc, positions, NewException, Store};

/// Most anomaly exceptions one ingestion raises: a till gone wrong across a whole batch
/// raises this many, and the rest of its events are applied unjudged (logged).
const MAX_FINDINGS: usize = 100;

/// The event an anomaly is about, kept with its exception so it can be undone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: String,
    pub quantity: i64,
    /// A count's book figure before it.
    pub book: Option<i64>,
    /// The day (epoch days) a sale counted towards.
    pub day: i64,
    pub source: String,
    pub external_id: String,
}

/// The exception that holds a position's cover.
pub(crate) fn key(location: i64, product: i64) -> String {
    format!("anomaly:{location}:{product}")
}

/// Judges the applied sales and counts of an ingestion and raises one exception per
/// position whose events break a rule (one already open is left as it is). Returns how
/// many it raised.
pub(crate) async fn check_tx(
    tx: &mut Tx,
    tenant: TenantId,
    observed: &[Observed],
    now: i64,
) -> Result<usize, sqlx::Error> {
    if observed.is_empty() {
        return Ok(0);
    }
    let settings = anomalies::settings_tx(tx, tenant).await?;
    if !settings.enabled {
        return Ok(0);
    }
    // Only sales big enough to be anomalous, and counts, need their series' history.
    let mut judged: Vec<(i64, i64)> = observed
        .iter()
        .filter(|o| o.kind == EventKind::Count || o.quantity >= settings.min_units)
        .map(|o| (o.location, o.product))
        .collect();
    judged.sort_unstable();
    judged.dedup();
    let stats = anomalies::sale_stats_tx(tx, tenant, &judged).await?;
    let mut unseen: Vec<i64> = observed
        .iter()
        .filter(|o| o.kind == EventKind::Sale && o.quantity >= settings.min_units)
        .filter(|o| !stats.contains_key(&(o.location, o.product)))
        .map(|o| o.location)
        .collect();
    unseen.sort_unstable();
    unseen.dedup();
    let selling = if settings.new_location {
        anomalies::selling_locations_tx(tx, tenant, &unseen).await?
    } else {
        Default::default()
    };
    let mut found: Vec<(&Observed, anomaly::Finding)> = Vec::new();
    let mut seen: HashSet<(i64, i64)> = HashSet::new();
    for o in observed {
        if seen.contains(&(o.location, o.product)) {
            continue;
        }
        if found.len() == MAX_FINDINGS {
            tracing::warn!(
                tenant = tenant.0,
                "more anomalous events in one ingestion than are raised; the rest are unjudged"
            );
            break;
        }
        let history = stats.get(&(o.location, o.product));
        let finding = match (o.kind, o.book) {
            // A count is judged only where the books have a selling history behind them:
            // a new tenant's (or position's) first stock-take replaces books nobody kept.
            (EventKind::Count, Some(book)) if history.is_some() => {
                anomaly::check_count(&settings, book, o.quantity)
            }
            (EventKind::Sale, _) => anomaly::check_sale(
                &settings,
                history,
                selling.contains(&o.location),
                o.quantity,
            ),
            _ => None,
        };
        if let Some(f) = finding {
            seen.insert((o.location, o.product));
            found.push((o, f));
        }
    }
    if found.is_empty() {
        return Ok(0);
    }
    let pairs: Vec<(i64, i64)> = found.iter().map(|(o, _)| (o.location, o.product)).collect();
    let facts: HashMap<(i64, i64), (String, String)> =
        positions::position_facts_many_tx(tx, tenant, &pairs)
            .await?
            .into_iter()
            .map(|x| ((x.location_id, x.product_id), (x.sku, x.location_code)))
            .collect();
    let mut raised = 0;
    for (o, f) in &found {
        let known = facts.get(&(o.location, o.product)).cloned();
        let what_words = Recorded::new(
            match f.rule {
                Rule::OutsideHistory => "exc-anomaly-what-outside-history",
                Rule::CountJump => "exc-anomaly-what-count-jump",
                Rule::NewLocation => "exc-anomaly-what-new-location",
            },
            &[],
        );
        let mut title_words = Recorded::new(
            if o.kind == EventKind::Count {
                "exc-anomaly-count-title"
            } else {
                "exc-anomaly-sale-title"
            },
            &[("quantity", o.quantity.to_string())],
        )
        .part("what", vec![what_words]);
        // The SKU and location code as they are, else by number in the reader's words.
        match &known {
            Some((sku, at)) => {
                title_words.args.insert("sku".to_string(), sku.clone());
                title_words.args.insert("location".to_string(), at.clone());
            }
            None => {
                let number = |id: &str, n: i64| Recorded::new(id, &[("id", n.to_string())]);
                title_words = title_words
                    .part("sku", vec![number("exc-product-number", o.product)])
                    .part("location", vec![number("exc-location-number", o.location)]);
            }
        }
        let e = NewException {
            kind: "anomaly",
            severity: "high",
            subject: format!("position:{}:{}", o.location, o.product),
            title_words: vec![title_words],
            words: vec![
                f.words.clone(),
                Recorded::new(
                    "exc-anomaly-detail",
                    &[
                        ("source", o.source.clone()),
                        ("external_id", o.external_id.clone()),
                    ],
                ),
            ],
            dedupe_key: key(o.location, o.product),
            risk: None,
        };
        if let Some(id) = exceptions::open_tx(tx, tenant, &e, now).await? {
            let evidence = Evidence {
                kind: o.kind.as_str().into(),
                quantity: o.quantity,
                book: o.book,
                day: o.occurred_at.div_euclid(DAY_MS),
                source: o.source.clone(),
                external_id: o.external_id.clone(),
            };
            let json = serde_json::to_string(&evidence).expect("plain data serialises");
            exc::set_evidence_tx(tx, tenant, id, &json).await?;
            raised += 1;
        }
    }
    Ok(raised)
}

/// Confirms the anomalies `ids` (the events were right): each is resolved and its
/// position queued for a new check, its cover no longer held. Returns how many it
/// confirmed (one already settled is skipped); an id that is not this tenant's is
/// [`EngineError::NotFound`], one that is no anomaly [`EngineError::Invalid`], and
/// nothing changes. Needs [`Permission::WorkExceptions`].
pub async fn confirm(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    ids: &[i64],
    request_id: Option<&str>,
    now: i64,
) -> Result<usize, EngineError> {
    settle(store, tenant, member, ids, Settle::Confirm, request_id, now).await
}

/// Rejects the anomalies `ids` (the events were wrong): each event's effect is undone by
/// a compensating adjustment (a sale's units back on hand, a count's jump reversed), a
/// rejected sale no longer counts as demand, and the exception is resolved; the
/// position is then checked again. Returns how many it rejected; errors as [`confirm`].
/// Needs [`Permission::WorkExceptions`].
pub async fn reject(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    ids: &[i64],
    request_id: Option<&str>,
    now: i64,
) -> Result<usize, EngineError> {
    settle(store, tenant, member, ids, Settle::Reject, request_id, now).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Settle {
    Confirm,
    Reject,
}

async fn settle(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    ids: &[i64],
    how: Settle,
    request_id: Option<&str>,
    now: i64,
) -> Result<usize, EngineError> {
    member.require(Permission::WorkExceptions)?;
    if ids.is_empty() || ids.len() > 200 {
        return Err(EngineError::invalid("err-anomaly-select", &[]));
    }
    let (resolution, action) = match how {
        Settle::Confirm => (
            Recorded::new("exc-resolved-anomaly-confirmed", &[]),
            "anomaly.confirmed",
        ),
        Settle::Reject => (
            Recorded::new("exc-resolved-anomaly-rejected", &[]),
            "anomaly.rejected",
        ),
    };
    let english = resolution.english();
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut tx = store.begin(tenant).await?;
    // Read and checked first; then their positions are locked in the order every writer
    // of positions takes them (ingestion too), before anything is written.
    let mut open = Vec::new();
    for id in &ids {
        let e = exc::exception_tx(&mut tx, tenant, *id)
            .await?
            .ok_or(EngineError::NotFound)?;
        if e.kind != "anomaly" {
            return Err(EngineError::invalid(
                "err-anomaly-not-anomaly",
                &[("id", id.to_string())],
            ));
        }
        if e.state != "open" {
            continue;
        }
        let Some(pair) = position_of(&e.subject) else {
            return Err(EngineError::NotFound);
        };
        open.push((*id, e, pair));
    }
    let mut keys: Vec<(i64, i64)> = open.iter().map(|(_, _, (l, p))| (*p, *l)).collect();
    keys.sort_unstable();
    keys.dedup();
    positions::lock_positions_tx(&mut tx, tenant, &keys).await?;
    let mut released = Vec::new();
    let mut undo = Vec::new();
    for (id, e, (location, product)) in open {
        if !exc::resolve_exception_tx(
            &mut tx,
            tenant,
            id,
            member.user_id,
            &english,
            Some(&resolution),
            now,
        )
        .await?
        {
            continue;
        }
        released.push((location, product));
        let evidence: Option<Evidence> = e
            .evidence
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok());
        if how == Settle::Reject {
            let Some(ev) = &evidence else {
                return Err(EngineError::invalid(
                    "err-anomaly-no-event",
                    &[("id", id.to_string())],
                ));
            };
            // The effect undone: a sale's units come back, a count's jump is reversed.
            let delta = match ev.kind.as_str() {
                "sale" => ev.quantity,
                _ => ev.book.unwrap_or(ev.quantity).saturating_sub(ev.quantity),
            };
            if ev.kind == "sale" {
                unsell_tx(&mut tx, tenant, location, product, ev.day, ev.quantity, now).await?;
            }
            if delta != 0 {
                undo.push(StockEvent {
                    source: ANOMALY_EVENT_SOURCE.into(),
                    external_id: format!("anomaly-rejected:{id}"),
                    kind: EventKind::Adjustment,
                    location_id: location,
                    product_id: product,
                    quantity: delta,
                    occurred_at: now,
                });
            }
        }
        let entry = AuditEntry::of(
            &member.actor(),
            action,
            format!("exception:{id}"),
            Some(json!({ "state": "open", "subject": e.subject, "evidence": evidence })),
            Some(json!({ "state": "resolved", "resolution": english })),
            request_id,
        );
        append_audit_tx(&mut tx, tenant, &entry).await?;
    }
    if !undo.is_empty() {
        let done = apply_events_tx(&mut tx, tenant, &[&undo], now).await?;
        // (The source is reserved, so an undo is never a duplicate; if one were, nothing
        // is resolved rather than an effect claimed undone that was not.)
        if done.applied[0].accepted != undo.len() as u64 {
            return Err(EngineError::invalid("err-anomaly-undone", &[]));
        }
        positions_changed_tx(&mut tx, tenant, &done.changed, now).await?;
    }
    // The released positions are checked again.
    if !released.is_empty() {
        positions::mark_dirty_tx(&mut tx, tenant, &released).await?;
        enqueue_tx(
            &mut tx,
            &NewJob::of(tenant, &SweepPositions::default(), now),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(released.len())
}

/// The tenant's anomaly thresholds, checked and saved. Needs
/// [`Permission::EditPolicies`].
pub async fn save_settings(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    settings: &Settings,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditPolicies)?;
    settings.validate().map_err(EngineError::Invalid)?;
    let mut tx = store.begin(tenant).await?;
    let before = anomalies::settings_tx(&mut tx, tenant).await?;
    anomalies::set_settings_tx(&mut tx, tenant, settings, now).await?;
    let entry = AuditEntry::of(
        &member.actor(),
        "anomaly_settings.saved",
        format!("tenant:{}", tenant.0),
        serde_json::to_value(&before).ok(),
        serde_json::to_value(settings).ok(),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// (location, product) of a `position:<location>:<product>` subject.
fn position_of(subject: &str) -> Option<(i64, i64)> {
    let rest = subject.strip_prefix("position:")?;
    let (l, p) = rest.split_once(':')?;
    Some((l.parse().ok()?, p.parse().ok()?))
}
