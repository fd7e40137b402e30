//! Evaluation: checks one position against its policy and covers a shortfall, first
//! with a transfer from the best donor, then with a line on the supplier's draft order;
//! raises and clears the stockout and no-cover exceptions on the way.

use std::collections::{HashMap, HashSet};

use serde_json::json;

use super::assistant::{route_drafted_tx, Drafted};
use super::jobs::ClosePoWindow;
use super::lifecycle::apply_transfer_tx;
use super::matrix::{settings_tx, Settings};
use super::policies::{Method, PolicySettings};
use super::{DAY_MS, HISTORY_DAYS, SYSTEM};
use crate::approval::{self, DocumentType};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::exceptions;
use crate::jobs::{Job, NewJob};
use crate::model::{DocRef, TenantId};
use crate::policy;
use crate::recorded::{join, Recorded};
use crate::risk;
use crate::sourcing::{self, Destination};
use crate::store::audit::append_audit_tx;
use crate::store::forecasts::{self, StoredForecast};
use crate::store::jobs::enqueue_tx;
use crate::store::positions::PositionFacts;
use crate::store::tenant_settings::PolicyScope;
use crate::store::{
    alert_waves, exceptions as exc, needs, needs::NewNeed, positions, purchase_orders,
    purchase_orders::NewLine, tenant_settings, transfers, transfers::NewTransfer,
};
use crate::store::{NewException, Store};
use crate::worker::complete_in_tx;
use crate::workflow::transfer::TransferCommand;
use i18n::Lang;

/// What an evaluation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evaluation {
    /// No position row for the pair (an event for stock never seeded is still recorded).
    NoPosition,
    NoNeed,
    /// A need for the position is already open: nothing new is opened.
    AlreadyOpen,
    Covered {
        need: i64,
        transfer: Option<i64>,
        po_line: Option<i64>,
    },
    /// The position is short, but an anomalous event waits for a planner's confirmation
    /// (`replenish::anomalies`): nothing is opened until then.
    Held,
}

/// Checks a position against policy and covers a shortfall: a transfer from the best
/// donor first, a purchase order line for the rest. `job` (when run as a job) is
/// completed in the same transaction.
pub async fn evaluate(
    store: &Store,
    tenant: TenantId,
    location: i64,
    product: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<Evaluation, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let outcome = evaluate_tx(&mut tx, tenant, location, product, now).await?;
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(outcome)
}

pub(crate) async fn evaluate_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    now: i64,
) -> Result<Evaluation, EngineError> {
    let known = Prefetched::read(tx, tenant, &[(location, product)], now).await?;
    evaluate_known_tx(tx, tenant, location, product, &known, now).await
}

/// What the checks of a batch of positions read up front, a statement per kind of fact
/// rather than several round trips per position: the positions (locked), their open
/// needs and exceptions, the tenant's policy scopes and the sales history.
pub(crate) struct Prefetched {
    facts: HashMap<(i64, i64), PositionFacts>,
    open_needs: HashSet<String>,
    open_exceptions: HashSet<String>,
    policies: Vec<PolicyScope>,
    history: HashMap<(i64, i64), Vec<i64>>,
    /// The stored demand forecasts (forecast-driven policies read them).
    forecasts: HashMap<(i64, i64), StoredForecast>,
    /// Units of demand from shoppers waiting (back-in-stock), per position that has any.
    waiting: HashMap<(i64, i64), i64>,
    /// The approval matrix and PO window, read by the first position that needs them.
    settings: std::sync::OnceLock<Settings>,
    /// Each class's average value sold a day, read by the first position whose policy
    /// spreads its service level by value.
    class_values: std::sync::OnceLock<HashMap<String, f64>>,
}

impl Prefetched {
    /// Reads the facts for `pairs` of (location, product), locking their products and
    /// positions (PostgreSQL) so checks of one product take turns across replicas and
    /// two stores short of it cannot both count the same donor units as spare.
    pub(crate) async fn read(
        tx: &mut Tx,
        tenant: TenantId,
        pairs: &[(i64, i64)],
        now: i64,
    ) -> Result<Prefetched, EngineError> {
        let products: Vec<i64> = pairs.iter().map(|p| p.1).collect();
        positions::lock_products_tx(tx, tenant, &products).await?;
        let facts: HashMap<(i64, i64), PositionFacts> =
            positions::position_facts_many_tx(tx, tenant, pairs)
                .await?
                .into_iter()
                .map(|f| ((f.location_id, f.product_id), f))
                .collect();
        let need_keys: Vec<String> = pairs
            .iter()
            .map(|(l, p)| policy::dedupe_key(tenant.0, *l, *p))
            .collect();
        let open_needs = needs::open_need_keys_tx(tx, tenant, &need_keys).await?;
        let exception_keys: Vec<String> = pairs
            .iter()
            .flat_map(|(l, p)| {
                [
                    stockout_key(*l, *p),
                    no_cover_key(*l, *p),
                    super::anomalies::key(*l, *p),
                ]
            })
            .collect();
        let open_exceptions = exc::open_exception_keys_tx(tx, tenant, &exception_keys).await?;
        let policies = tenant_settings::policy_scopes_tx(tx, tenant).await?;
        let today = now.div_euclid(DAY_MS);
        let history =
            positions::daily_demand_many_tx(tx, tenant, pairs, today - HISTORY_DAYS + 1, today)
                .await?;
        let forecasts = forecasts::forecasts_tx(tx, tenant, pairs).await?;
        let alerts = crate::alert_settings::Settings::from_stored(
            alert_waves::settings_json_tx(tx, tenant).await?,
            tenant,
        );
        let waiting = alert_waves::waiting_counts_tx(tx, tenant, pairs)
            .await?
            .into_iter()
            .map(|(l, p, n)| ((l, p), alerts.waiting_demand(n)))
            .filter(|(_, units)| *units > 0)
            .collect();
        Ok(Prefetched {
            facts,
            open_needs,
            open_exceptions,
            policies,
            history,
            forecasts,
            waiting,
            settings: std::sync::OnceLock::new(),
            class_values: std::sync::OnceLock::new(),
        })
    }
}

/// What the position is exposed to if it runs short: demand from its forecast (else its
/// recent average), its stock on hand and on its way, its supplier's lead time and its
/// margin.
fn exposure(
    facts: &PositionFacts,
    history: &[i64],
    forecast: Option<&StoredForecast>,
    now: i64,
) -> risk::Exposure {
    let lead = facts
        .supplier_id
        .and(facts.measured_lead_time_days.or(facts.lead_time_days));
    let mut e = risk::Exposure {
        daily_demand: 0.0,
        on_hand: facts.on_hand,
        // What the policy counts: on order below zero is a ship notice's balance for
        // units a receipt event booked too (`replenish::shipments`; how a count ends
        // it: `store::events::update_positions`).
        inbound: facts.in_transit.saturating_add(facts.on_order).max(0),
        lead_time_days: lead,
        margin_minor: facts.price_minor.saturating_sub(facts.cost_minor),
    };
    let days = e.days();
    e.daily_demand = match forecast {
        Some(f) => f.ahead(now, days as usize, 0.0).0 / days as f64,
        None => history.iter().fold(0i64, |a, q| a.saturating_add(*q)) as f64 / HISTORY_DAYS as f64,
    };
    e
}

fn stockout_key(location: i64, product: i64) -> String {
    format!("stockout:{location}:{product}")
}

fn no_cover_key(location: i64, product: i64) -> String {
    format!("no_cover:{location}:{product}")
}

/// Checks one position of a batch whose facts were read by [`Prefetched::read`] in the
/// same transaction. Only a position that needs cover goes back to the database for
/// more (donors, routing, documents).
pub(crate) async fn evaluate_known_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    known: &Prefetched,
    now: i64,
) -> Result<Evaluation, EngineError> {
    let Some(facts) = known.facts.get(&(location, product)) else {
        return Ok(Evaluation::NoPosition);
    };
    let stockout_key = stockout_key(location, product);
    let (sku, name) = (&facts.sku, &facts.product_name);
    let history = known
        .history
        .get(&(location, product))
        .map_or(&[][..], Vec::as_slice);
    let forecast = known.forecasts.get(&(location, product));
    let risk = exposure(facts, history, forecast, now).risk();
    // The money at risk is counted once per position: on its stockout while it is out,
    // else on the anomaly holding it, else on its no-cover exception.
    let out = facts.on_hand <= 0;
    let anomaly_key = super::anomalies::key(location, product);
    let held = known.open_exceptions.contains(&anomaly_key);
    let elsewhere = (!out && !held).then_some(&risk);
    if held {
        exc::set_risk_by_key_tx(tx, tenant, &anomaly_key, (!out).then_some(&risk)).await?;
    }
    let no_cover_key = no_cover_key(location, product);
    if known.open_exceptions.contains(&no_cover_key) {
        exc::set_risk_by_key_tx(tx, tenant, &no_cover_key, elsewhere).await?;
    }
    if out && known.open_exceptions.contains(&stockout_key) {
        exc::set_risk_by_key_tx(tx, tenant, &stockout_key, Some(&risk)).await?;
    } else if facts.on_hand <= 0 {
        let e = NewException {
            kind: "stockout",
            severity: "critical",
            subject: format!("position:{location}:{product}"),
            title_words: vec![crate::recorded::Recorded::new(
                "exc-stockout-title",
                &[
                    ("sku", sku.to_string()),
                    ("location", facts.location_code.to_string()),
                ],
            )],
            words: vec![crate::recorded::Recorded::new(
                "exc-stockout-detail",
                &[
                    ("name", name.to_string()),
                    ("on_hand", facts.on_hand.to_string()),
                    ("location", facts.location_code.to_string()),
                    ("in_transit", facts.in_transit.to_string()),
                    ("on_order", facts.on_order.to_string()),
                ],
            )],
            dedupe_key: stockout_key,
            risk: Some(risk.clone()),
        };
        exceptions::open_tx(tx, tenant, &e, now).await?;
    } else if facts.on_hand > 0 && known.open_exceptions.contains(&stockout_key) {
        exc::resolve_exception_by_key_tx(
            tx,
            tenant,
            &stockout_key,
            &Recorded::new("exc-resolved-back-on-hand", &[]),
            now,
        )
        .await?;
    }
    let key = policy::dedupe_key(tenant.0, location, product);
    if known.open_needs.contains(&key) {
        return Ok(Evaluation::AlreadyOpen);
    }
    let settings: PolicySettings =
        tenant_settings::most_specific(&known.policies, &facts.class, location)
            .and_then(|s| serde_json::from_str(&s.settings).ok())
            .unwrap_or_default();
    // Only a position with a forecast is spread: the class's average is read for none other.
    let class_value =
        if settings.method == Method::Forecast && settings.spread_service && forecast.is_some() {
            let values = match known.class_values.get() {
                Some(v) => v,
                None => {
                    let v = forecasts::class_value_per_day_tx(tx, tenant).await?;
                    known.class_values.get_or_init(|| v)
                }
            };
            values.get(&facts.class).copied()
        } else {
            None
        };
    // A policy that counts its order cycle orders no more often than the tenant's
    // purchase-order window sends an order.
    let order_window_days = if settings.method == Method::Forecast && settings.order_cycle {
        let window_ms = match known.settings.get() {
            Some(s) => s.window_ms,
            None => {
                let s = settings_tx(tx, tenant).await?;
                known.settings.get_or_init(|| s).window_ms
            }
        };
        window_ms as f64 / crate::model::DAY_MS as f64
    } else {
        0.0
    };
    let mut rule = settings.policy(facts, forecast, class_value, order_window_days, now);
    if let policy::Levels::Forecast(f) = &rule.levels {
        let levels = f.levels(rule.service_z);
        // (A re-check may have marked them `kept` meanwhile: they are the policy's.)
        if levels != (facts.reorder_point, facts.order_up_to) || facts.levels_source != "policy" {
            crate::store::levels::set_forecast_levels_tx(tx, tenant, location, product, levels)
                .await?;
        }
    }
    rule.waiting_demand = known
        .waiting
        .get(&(location, product))
        .copied()
        .unwrap_or(0);
    let Some(need) = policy::evaluate(&rule, facts.position(), history, now) else {
        if known.open_exceptions.contains(&no_cover_key) {
            exc::resolve_exception_by_key_tx(
                tx,
                tenant,
                &no_cover_key,
                &Recorded::new("exc-resolved-above-reorder-point", &[]),
                now,
            )
            .await?;
        }
        return Ok(Evaluation::NoNeed);
    };
    // An anomalous event waits for a planner: nothing is covered on its strength (the
    // anomaly carries what waiting may cost, above).
    if held {
        return Ok(Evaluation::Held);
    }
    let candidates = positions::donor_candidates_tx(tx, tenant, product, location).await?;
    let dest = Destination {
        location_id: location,
        region: facts.region.clone(),
        latitude: facts.latitude,
        longitude: facts.longitude,
    };
    let plan = sourcing::plan(need.quantity, &dest, &candidates);
    let purchase = match facts.supplier_id {
        Some(_) if plan.purchase > 0 => {
            policy::order_quantity(plan.purchase, settings.case_pack, settings.moq)
        }
        _ => 0,
    };
    let snapshot = serde_json::to_string(&need.snapshot).unwrap_or_default();
    let confidence = crate::assistant::confidence(forecast.map(|f| &f.forecast));
    // (A confidence worked out now always has its words.)
    let sure_why = confidence
        .words
        .clone()
        .unwrap_or_else(|| policy::reason::as_written(&confidence.reason));
    let sure_words = policy::reason::confidence(confidence.pct, &sure_why);
    let transfer_qty = plan.transfer.map(|t| t.1).unwrap_or(0);
    if transfer_qty == 0 && purchase == 0 {
        let e = NewException {
            kind: "no_cover",
            severity: "high",
            subject: format!("position:{location}:{product}"),
            title_words: vec![crate::recorded::Recorded::new(
                "exc-no-cover-title",
                &[
                    ("sku", sku.to_string()),
                    ("location", facts.location_code.to_string()),
                ],
            )],
            words: need
                .words
                .iter()
                .cloned()
                .chain([crate::recorded::Recorded::new(
                    "exc-no-cover-detail",
                    &[("name", name.to_string())],
                )])
                .collect(),
            dedupe_key: no_cover_key.clone(),
            risk: elsewhere.cloned(),
        };
        exceptions::open_tx(tx, tenant, &e, now).await?;
        return Ok(Evaluation::NoNeed);
    }
    let Some(need_id) = needs::insert_need_tx(
        tx,
        tenant,
        &NewNeed {
            location,
            product,
            key: &key,
            quantity: need.quantity,
            transfer_quantity: transfer_qty,
            purchase_quantity: purchase,
            reason: &need.reason,
            reason_words: &need.words,
            snapshot: &snapshot,
            confidence: &confidence,
            now,
        },
    )
    .await?
    else {
        return Ok(Evaluation::AlreadyOpen);
    };
    let settings_t = match known.settings.get() {
        Some(s) => s,
        None => {
            let s = settings_tx(tx, tenant).await?;
            known.settings.get_or_init(|| s)
        }
    };
    let mut transfer_id = None;
    if let Some((donor, qty)) = plan.transfer {
        let mut words = need.words.clone();
        words.push(policy::reason::covered_by_transfer(qty, purchase));
        words.push(sure_words.clone());
        let reason = join(&words, Lang::En);
        let id = transfers::insert_transfer_tx(
            tx,
            tenant,
            &NewTransfer {
                need: need_id,
                from: donor,
                to: location,
                product,
                quantity: qty,
                unit_cost_minor: facts.cost_minor,
                reason: &reason,
                reason_words: &words,
                snapshot: &snapshot,
                now,
            },
        )
        .await?;
        // Linked before any transition, so the need stays open while the transfer does.
        needs::link_need_tx(tx, tenant, need_id, Some(id), None).await?;
        append_audit_tx(
            tx,
            tenant,
            &AuditEntry::of(
                SYSTEM,
                "transfer.proposed",
                DocRef::Transfer(id).subject(),
                None,
                Some(json!({ "state": "proposed", "from_location_id": donor, "to_location_id": location,
                    "product_id": product, "quantity": qty, "reason": reason })),
                None,
            ),
        )
        .await?;
        let doc = approval::Document {
            doc_type: DocumentType::Transfer,
            value_minor: qty.saturating_mul(facts.cost_minor),
            class: Some(facts.class.clone()),
            location_id: location,
            region: facts.region.clone(),
            supplier_id: None,
            involved_users: vec![],
        };
        let drafted = Drafted {
            doc: DocRef::Transfer(id),
            facts: &doc,
            classes: std::slice::from_ref(&facts.class),
            confidence: &confidence,
        };
        let (cmd, actor) =
            match route_drafted_tx(tx, tenant, &drafted, &settings_t.matrix, now).await? {
                Some(actor) => (TransferCommand::AutoApprove, actor),
                None => (TransferCommand::Submit, SYSTEM),
            };
        let t = transfers::transfer_tx(tx, tenant, id)
            .await?
            .ok_or(EngineError::NotFound)?;
        apply_transfer_tx(tx, tenant, t, &cmd, actor, None, now).await?;
        transfer_id = Some(id);
    }
    let mut po_line = None;
    if let (Some(supplier), true) = (facts.supplier_id, purchase > 0) {
        let window_key =
            sourcing::po_consolidation_key(tenant.0, supplier, location, now, settings_t.window_ms);
        let window_start = now - now.rem_euclid(settings_t.window_ms.max(1));
        let closes_at = window_start + settings_t.window_ms;
        let (po, created) = purchase_orders::draft_po_tx(
            tx,
            tenant,
            supplier,
            location,
            &window_key,
            closes_at,
            now,
        )
        .await?;
        if created {
            let timer = NewJob::of(tenant, &ClosePoWindow { po_id: po }, now).at(closes_at);
            enqueue_tx(tx, &timer).await?;
            append_audit_tx(
                tx,
                tenant,
                &AuditEntry::of(SYSTEM, "purchase_order.opened", DocRef::PurchaseOrder(po).subject(), None,
                    Some(json!({ "state": "draft", "supplier_id": supplier, "ship_to_location_id": location,
                        "window_closes_at": closes_at })), None),
            )
            .await?;
        }
        let mut words = need.words.clone();
        words.push(policy::reason::bought(transfer_qty, purchase));
        // The supplier's measured lead time was used (no policy set its own): say so.
        if let (None, Some(days)) = (settings.lead_time_days, facts.measured_lead_time_days) {
            words.push(policy::reason::measured_lead_time(
                days,
                facts.measured_deliveries.unwrap_or(0),
            ));
        }
        words.push(sure_words.clone());
        let reason = join(&words, Lang::En);
        po_line = purchase_orders::insert_po_line_tx(
            tx,
            tenant,
            &NewLine {
                po,
                product,
                quantity: purchase,
                unit_cost_minor: facts.cost_minor,
                need: need_id,
                reason: &reason,
                reason_words: &words,
                snapshot: &snapshot,
            },
            now,
        )
        .await?;
        if let Some(line) = po_line {
            append_audit_tx(
                tx,
                tenant,
                &AuditEntry::of(
                    SYSTEM,
                    "purchase_order.line_added",
                    DocRef::PurchaseOrder(po).subject(),
                    None,
                    Some(
                        json!({ "line_id": line, "product_id": product, "quantity": purchase,
                        "unit_cost_minor": facts.cost_minor, "reason": reason }),
                    ),
                    None,
                ),
            )
            .await?;
        }
    }
    if po_line.is_some() {
        // A transfer alone was linked above, and a need with neither document was
        // inserted unlinked: only a new order line changes the links.
        needs::link_need_tx(tx, tenant, need_id, transfer_id, po_line).await?;
    }
    if known.open_exceptions.contains(&no_cover_key) {
        exc::resolve_exception_by_key_tx(
            tx,
            tenant,
            &no_cover_key,
            &Recorded::new("exc-resolved-covered", &[]),
            now,
        )
        .await?;
    }
    Ok(Evaluation::Covered {
        need: need_id,
        transfer: transfer_id,
        po_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(in_transit: i64, on_order: i64) -> PositionFacts {
        PositionFacts {
            location_id: 1,
            product_id: 1,
            on_hand: 25,
            in_transit,
            on_order,
            reorder_point: 10,
            order_up_to: 30,
            region: "north".into(),
            latitude: None,
            longitude: None,
            location_code: "S2".into(),
            class: "dairy".into(),
            sku: "MILK".into(),
            product_name: "Milk".into(),
            cost_minor: 100,
            price_minor: 150,
            supplier_id: Some(1),
            lead_time_days: Some(2),
            measured_lead_time_days: None,
            measured_deliveries: None,
            measured_lead_time_sd: None,
            levels_source: "seed".into(),
        }
    }

    /// A ship notice's balance (on order -20 against 30 in transit) counts as the
    /// policy counts it: 10 on the way, not 30; books below zero in all are none.
    #[test]
    fn inbound_counts_a_balance_as_the_policy_does() {
        assert_eq!(exposure(&facts(30, -20), &[], None, 0).inbound, 10);
        assert_eq!(exposure(&facts(30, 10), &[], None, 0).inbound, 40);
        assert_eq!(exposure(&facts(0, -20), &[], None, 0).inbound, 0);
        assert_eq!(
            exposure(&facts(i64::MAX, 5), &[], None, 0).inbound,
            i64::MAX
        );
    }
}
