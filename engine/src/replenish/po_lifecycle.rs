//! A purchase-order command carried out: through its pure state machine
//! (`workflow::purchase_order`), then its effects (on order moved, approval steps
//! withdrawn, the order and its link sent to the supplier, a change applied or dropped,
//! the supplier and the staff told), the order and its needs saved, the outbox event and
//! the audit entry, all in the caller's transaction. Two things follow from those
//! effects here too: each promised day starts its ship-notice clock
//! ([`SupplierAsnDue`]), and an order that closes measures its supplier's lead time
//! again (the median over its latest deliveries, which replenishment then uses).

use serde_json::json;

use super::jobs::{ClockStage, SupplierAckDue, SupplierAsnDue};
use super::routing::notify_outcome_tx;
use super::sweep::positions_changed_tx;
use super::{DAY_MS, SYSTEM};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::NewJob;
use crate::links::PO_LINK_DAYS;
use crate::mail::SendMail;
use crate::model::{DocRef, TenantId};
use crate::policy::Position;
use crate::recorded::Recorded;
use crate::region;
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::{
    approval_steps, catalog, needs, po_changes, positions, purchase_orders, supplier_orders,
    tenant_settings,
};
use crate::workflow::purchase_order::{
    self as po_flow, OpenChange, PoCommand, PoEffect, PoState, Side,
};

fn command_name_po(cmd: &PoCommand) -> &'static str {
    match cmd {
        PoCommand::Submit => "submitted",
        PoCommand::AutoApprove => "auto_approved",
        PoCommand::Approve => "approved",
        PoCommand::Reject { .. } => "rejected",
        PoCommand::Edit { .. } => "edited",
        PoCommand::Send => "sent",
        PoCommand::Cancel => "cancelled",
        PoCommand::Acknowledge { .. } => "acknowledged",
        PoCommand::Backorder { .. } => "backordered",
        PoCommand::Decline { .. } => "declined",
        PoCommand::ProposeChange { .. } => "change_proposed",
        PoCommand::AcceptChange { .. } => "change_accepted",
        PoCommand::RejectChange { .. } => "change_rejected",
        PoCommand::ShipNotice => "shipped",
        PoCommand::Receive { .. } => "received",
        PoCommand::Close => "closed",
    }
}

/// Makes a new signed link to the order (see `links`) and queues the supplier's e-mail
/// carrying it (`template`: `purchase_order`, or `po_reminder` when the order waits for
/// its acknowledgement); the link's id.
pub(crate) async fn send_to_supplier_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: &purchase_orders::PurchaseOrderRecord,
    template: &str,
    now: i64,
) -> Result<i64, EngineError> {
    let (_, name, email) = catalog::supplier_label_tx(tx, tenant, rec.supplier_id).await?;
    let expires = now.saturating_add(PO_LINK_DAYS * DAY_MS);
    let link = supplier_orders::insert_po_link_tx(tx, tenant, rec.id, expires, now).await?;
    let occasion = match template {
        "po_reminder" => "po-reminder",
        _ => "po-sent",
    };
    let mail = SendMail {
        template: template.into(),
        to: email,
        name,
        doc_type: DocRef::PurchaseOrder(rec.id).doc_type().into(),
        doc_id: rec.id,
        occasion: format!("{occasion}:{}:{link}", rec.id),
        link_id: link,
        ..SendMail::default()
    };
    enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
    Ok(link)
}

/// Deliveries a supplier's lead time is measured over, at most, and at least before
/// replenishment uses it.
pub const LEAD_TIME_DELIVERIES: i64 = 20;
pub const MIN_LEAD_TIME_DELIVERIES: i64 = 5;

/// Measures the supplier's lead time again from its latest deliveries: the median of
/// whole days (rounded up, at least one) from sending to the last receipt, and their
/// sample standard deviation.
async fn remeasure_lead_time_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
) -> Result<(), EngineError> {
    let spans =
        po_changes::delivered_lead_times_tx(tx, tenant, supplier, LEAD_TIME_DELIVERIES).await?;
    let mut days: Vec<i64> = spans
        .iter()
        .map(|(sent, got)| ((got.saturating_sub(*sent).max(0) + DAY_MS - 1) / DAY_MS).max(1))
        .collect();
    days.sort_unstable();
    let n = days.len() as i64;
    let mean = days.iter().sum::<i64>() as f64 / n.max(1) as f64;
    let sd = (days.iter().map(|d| (*d as f64 - mean).powi(2)).sum::<f64>() / (n - 1).max(1) as f64)
        .sqrt();
    let median = (n >= MIN_LEAD_TIME_DELIVERIES).then(|| (days[days.len() / 2], sd));
    catalog::set_measured_lead_time_tx(tx, tenant, supplier, median, n).await?;
    Ok(())
}

/// Starts the ship-notice clock of a promised day (see [`SupplierAsnDue`]): a reminder
/// the day before (when that is still ahead), the buyer's exception at noon of the day.
async fn asn_clock_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    day: i64,
    now: i64,
) -> Result<(), EngineError> {
    let timer = |stage| SupplierAsnDue {
        po_id: po,
        promised_on: day,
        stage,
        armed_at: now,
    };
    let remind_at = day.saturating_sub(DAY_MS);
    if remind_at > now {
        let job = NewJob::of(tenant, &timer(ClockStage::Remind), now).at(remind_at);
        enqueue_tx(tx, &job).await?;
    }
    let escalate_at = day.saturating_add(DAY_MS / 2);
    let job = NewJob::of(tenant, &timer(ClockStage::Escalate), now).at(escalate_at.max(now));
    enqueue_tx(tx, &job).await?;
    Ok(())
}

/// What the PO machine needs besides the state: whether a date was promised, and the
/// open change in a change state.
async fn po_machine_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: &purchase_orders::PurchaseOrderRecord,
) -> Result<po_flow::PurchaseOrder, EngineError> {
    let change = if matches!(rec.state, PoState::ChangeProposed | PoState::ChangeApproval) {
        po_changes::open_change_tx(tx, tenant, rec.id)
            .await?
            .and_then(|c| {
                Some(OpenChange {
                    by: Side::parse(&c.proposed_by)?,
                    value_minor: c.value_minor,
                    from: PoState::parse(&c.from_state).unwrap_or(PoState::Sent),
                    countered: c.countered,
                })
            })
    } else {
        None
    };
    Ok(po_flow::PurchaseOrder {
        state: rec.state,
        value_minor: rec.value_minor,
        promised: rec.promised_on.is_some(),
        change,
    })
}

/// A promised delivery day (kept as its midnight UTC) in words each reader reads their
/// way: the engine's note `id` with the day.
fn promised_words(id: &str, promised_on: i64) -> Recorded {
    let day = region::day_words(region::calendar_date(promised_on));
    Recorded::new(id, &[]).part("day", vec![day])
}

/// What became of an order, for the staff who were involved with it, and a note: the
/// English, and the engine's own note in words (`None` for a person's note).
fn po_outcome(
    cmd: &PoCommand,
    from: PoState,
    to: PoState,
) -> (&'static str, String, Option<Recorded>) {
    use PoCommand as C;
    let (outcome, note) = match cmd {
        C::Reject { reason } if from == PoState::ChangeApproval => {
            ("change rejected in approval", reason.clone())
        }
        C::Reject { reason } => ("rejected", reason.clone()),
        C::Decline { reason } => ("declined by the supplier", reason.clone()),
        C::Acknowledge { .. } => ("acknowledged by the supplier", String::new()),
        C::Backorder { .. } => ("backordered by the supplier", String::new()),
        C::ProposeChange { .. } => ("changes proposed by the supplier", String::new()),
        C::AcceptChange { by: Side::Supplier } => {
            ("change accepted by the supplier", String::new())
        }
        C::AcceptChange { .. } | C::Approve | C::AutoApprove if to == PoState::Acknowledged => {
            ("change accepted", String::new())
        }
        C::RejectChange {
            by: Side::Supplier,
            reason,
        } => ("change refused by the supplier", reason.clone()),
        C::RejectChange { reason, .. } => ("change refused", reason.clone()),
        C::ShipNotice => ("shipped by the supplier", String::new()),
        _ if to == PoState::Cancelled => ("cancelled", String::new()),
        _ => ("approved", String::new()),
    };
    let words = match cmd {
        C::Acknowledge { promised_on } => {
            Some(promised_words("mail-outcome-note-promised", *promised_on))
        }
        C::Backorder { promised_on } => {
            Some(promised_words("mail-outcome-note-not-before", *promised_on))
        }
        _ => None,
    };
    // The engine's own note reads in English as its words do.
    let note = words.as_ref().map_or(note, Recorded::english);
    (outcome, note, words)
}

/// The e-mail telling the supplier what the buyer did: its template and opening line
/// (in words the supplier reads in their language; its English beside them); `None`
/// when the supplier itself gave the command.
fn supplier_notice(cmd: &PoCommand, to: PoState) -> Option<(&'static str, Option<Recorded>)> {
    use PoCommand as C;
    if cmd.is_supplier_answer() {
        return None;
    }
    let words = |id: &str| Some(Recorded::new(id, &[]));
    Some(match (cmd, to) {
        (C::Cancel, _) => ("po_cancelled", None),
        (C::Close, _) => ("po_update", words("mail-update-closed")),
        (_, PoState::ChangeProposed) => ("po_update", words("mail-update-change-proposed")),
        (C::RejectChange { reason, .. }, _) => (
            "po_update",
            Some(Recorded::new(
                "mail-update-change-refused-reason",
                &[("reason", reason.clone())],
            )),
        ),
        // Refused in the retailer's own approval: its approver's comment stays inside.
        (C::Reject { .. }, _) => ("po_update", words("mail-update-change-refused")),
        _ => ("po_update", words("mail-update-change-accepted")),
    })
}

/// Locks the positions the order's `lines` move at `location` in the one order every
/// writer of positions takes them in (PostgreSQL; see `positions::lock_positions_tx`),
/// before moving them line by line.
async fn lock_lines_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    lines: &[purchase_orders::PoLineRecord],
) -> Result<(), EngineError> {
    let keys: Vec<(i64, i64)> = lines.iter().map(|l| (l.product_id, location)).collect();
    positions::lock_positions_tx(tx, tenant, &keys).await?;
    Ok(())
}

/// Puts `units` of an order on order at `location`.
async fn add_on_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    units: i64,
    now: i64,
) -> Result<(), EngineError> {
    let delta = Position {
        on_hand: 0,
        in_transit: 0,
        on_order: units,
    };
    positions::move_stock_tx(tx, tenant, location, product, delta, now).await?;
    Ok(())
}

/// Takes `units` of order `po` off on order at `place` (location, product) as it ends or
/// a line shrinks. Units a receipt event already took off are not taken twice; they are
/// logged, since a receipt event names no order (`store::positions::release_on_order_tx`).
async fn release_on_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    (location, product): (i64, i64),
    units: i64,
    now: i64,
) -> Result<(), EngineError> {
    let gone = positions::release_on_order_tx(tx, tenant, location, product, units, now).await?;
    if gone > 0 {
        tracing::info!(
            tenant = tenant.0,
            po,
            location,
            product,
            units = gone,
            "on order already lacked units of a closing or shrinking order (a receipt event booked them)"
        );
    }
    Ok(())
}

/// Applies a PO command with its effects and audit entry; an approval sends the order
/// on to the supplier in the same transaction.
pub(crate) async fn apply_po_tx(
    tx: &mut Tx,
    tenant: TenantId,
    mut rec: purchase_orders::PurchaseOrderRecord,
    cmd: &PoCommand,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<purchase_orders::PurchaseOrderRecord, EngineError> {
    let before = po_machine_tx(tx, tenant, &rec).await?;
    let promised_before = rec.promised_on;
    let (after, effects) = po_flow::transition(&before, cmd)?;
    let doc = DocRef::PurchaseOrder(rec.id);
    let lines = purchase_orders::po_lines_tx(tx, tenant, rec.id).await?;
    for effect in &effects {
        match effect {
            // The caller routes the change through the matrix, or moves the notice's
            // units (`changes`, `shipments`).
            PoEffect::RequestApproval | PoEffect::MoveToInTransit | PoEffect::MoveToOnHand => {}
            PoEffect::NotifyOutcome => {
                let (outcome, note, words) = po_outcome(cmd, before.state, after.state);
                notify_outcome_tx(
                    tx,
                    tenant,
                    doc,
                    &rec.involved_users,
                    outcome,
                    &note,
                    words.as_ref(),
                    actor,
                    now,
                )
                .await?;
            }
            PoEffect::WithdrawApproval => {
                approval_steps::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            PoEffect::AddOnOrder => {
                lock_lines_tx(tx, tenant, rec.ship_to_location_id, &lines).await?;
                for l in &lines {
                    // What has shipped is in transit or in, no longer on order.
                    let open = l.quantity.saturating_sub(l.shipped).max(0);
                    add_on_order_tx(tx, tenant, rec.ship_to_location_id, l.product_id, open, now)
                        .await?;
                }
            }
            PoEffect::RemoveOnOrder => {
                lock_lines_tx(tx, tenant, rec.ship_to_location_id, &lines).await?;
                for l in &lines {
                    let open = l.quantity.saturating_sub(l.shipped).max(0);
                    let place = (rec.ship_to_location_id, l.product_id);
                    release_on_order_tx(tx, tenant, rec.id, place, open, now).await?;
                }
            }
            PoEffect::SendToSupplier => {
                rec.sent_at = Some(now);
                send_to_supplier_tx(tx, tenant, &rec, "purchase_order", now).await?;
                // The acknowledgement clock starts (see `sla`; `timers::supplier_ack_due`).
                let sla = tenant_settings::supplier_sla_tx(tx, tenant).await?;
                let due = sla.ack_due(now).map_err(EngineError::Invalid)?;
                rec.ack_due_at = Some(due);
                let timer = SupplierAckDue {
                    po_id: rec.id,
                    stage: ClockStage::Remind,
                    due_at: due,
                };
                enqueue_tx(tx, &NewJob::of(tenant, &timer, now).at(due)).await?;
            }
            PoEffect::ApplyChange => {
                let change = po_changes::open_change_tx(tx, tenant, rec.id)
                    .await?
                    .ok_or_else(|| EngineError::invalid("err-change-closed", &[]))?;
                lock_lines_tx(tx, tenant, rec.ship_to_location_id, &lines).await?;
                for c in change.lines() {
                    let Some(old) = lines.iter().find(|l| l.id == c.line_id) else {
                        continue;
                    };
                    if c.quantity == 0 {
                        po_changes::delete_line_tx(tx, tenant, c.line_id).await?;
                    } else {
                        po_changes::set_line_tx(tx, tenant, &c).await?;
                    }
                    let place = (rec.ship_to_location_id, old.product_id);
                    if c.quantity >= old.quantity {
                        let more = c.quantity - old.quantity;
                        add_on_order_tx(tx, tenant, place.0, place.1, more, now).await?;
                    } else {
                        let fewer = old.quantity - c.quantity;
                        release_on_order_tx(tx, tenant, rec.id, place, fewer, now).await?;
                    }
                }
                rec.promised_on = Some(change.promised_on);
                // Both sides agreed to this day, and to any later day of a line.
                let last_line = change
                    .lines()
                    .iter()
                    .filter(|c| c.quantity > 0)
                    .filter_map(|c| c.ships_on)
                    .max();
                rec.agreed_on =
                    Some(last_line.map_or(change.promised_on, |d| d.max(change.promised_on)));
                po_changes::close_change_tx(tx, tenant, rec.id, "accepted", actor, "", now).await?;
            }
            PoEffect::DropChange => {
                let (state, note) = match cmd {
                    PoCommand::ProposeChange { .. } => ("superseded", ""),
                    PoCommand::Cancel => ("cancelled", ""),
                    PoCommand::RejectChange { reason, .. } => ("rejected", reason.as_str()),
                    // The approver's comment is on the approval step, for staff only.
                    PoCommand::Reject { .. } => ("not_approved", ""),
                    _ => ("rejected", ""),
                };
                po_changes::close_change_tx(tx, tenant, rec.id, state, actor, note, now).await?;
            }
            PoEffect::RecordPromise => {
                let day = match cmd {
                    PoCommand::Acknowledge { promised_on }
                    | PoCommand::Backorder { promised_on } => Some(*promised_on),
                    // An applied change: its day (set above), when it moved the date.
                    _ => rec.promised_on.filter(|d| Some(*d) != promised_before),
                };
                if let Some(day) = day {
                    rec.promised_on = Some(day);
                    // The first promise is the day agreed; re-dating alone does not move it.
                    rec.agreed_on = rec.agreed_on.or(Some(day));
                    supplier_orders::record_promise_tx(tx, tenant, rec.id, day, actor, now).await?;
                    asn_clock_tx(tx, tenant, rec.id, day, now).await?;
                }
            }
            PoEffect::NotifySupplier => {
                if let Some((template, words)) = supplier_notice(cmd, after.state) {
                    let (_, name, email) =
                        catalog::supplier_label_tx(tx, tenant, rec.supplier_id).await?;
                    let mail = SendMail {
                        template: template.into(),
                        to: email,
                        name,
                        doc_type: doc.doc_type().into(),
                        doc_id: rec.id,
                        occasion: format!(
                            "{}:{}:{}:{now}",
                            template.replace('_', "-"),
                            rec.id,
                            after.state.as_str()
                        ),
                        note: words.as_ref().map(Recorded::english).unwrap_or_default(),
                        note_words: words,
                        ..SendMail::default()
                    };
                    enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
                }
            }
            PoEffect::RecheckLines => {
                // What the order was to bring is not coming: the positions are checked
                // again and, still short, covered anew.
                let changed: Vec<(i64, i64)> = lines
                    .iter()
                    .map(|l| (rec.ship_to_location_id, l.product_id))
                    .collect();
                positions_changed_tx(tx, tenant, &changed, now).await?;
            }
        }
    }
    rec.state = after.state;
    rec.value_minor = after.value_minor;
    if let PoCommand::Decline { reason } = cmd {
        rec.supplier_note = reason.clone();
    }
    // Back from a change at the day promised before it: that day's clock again (one
    // that fired while the change was open did nothing).
    let resumed = matches!(
        before.state,
        PoState::ChangeProposed | PoState::ChangeApproval
    ) && matches!(after.state, PoState::Acknowledged | PoState::Backordered)
        && rec.promised_on == promised_before;
    if let (true, Some(day)) = (resumed, rec.promised_on) {
        asn_clock_tx(tx, tenant, rec.id, day, now).await?;
    }
    purchase_orders::save_purchase_order_tx(tx, tenant, &rec, now).await?;
    if after.state == PoState::Closed {
        remeasure_lead_time_tx(tx, tenant, rec.supplier_id).await?;
    }
    for l in &lines {
        if let Some(need) = l.need_id {
            needs::refresh_need_tx(tx, tenant, need, now).await?;
        }
    }
    // Every change of the order, supplier answers included, for the tenant's
    // integrations (the outbox, and its webhooks): the order's facts, never the reasons
    // behind its lines.
    {
        let lines = if effects.contains(&PoEffect::ApplyChange) {
            purchase_orders::po_lines_tx(tx, tenant, rec.id).await?
        } else {
            lines
        };
        let payload = json!({
            "purchase_order_id": rec.id,
            "state": rec.state.as_str(),
            "supplier_id": rec.supplier_id,
            "ship_to_location_id": rec.ship_to_location_id,
            "value_minor": rec.value_minor,
            "promised_on": rec.promised_on,
            "supplier_note": rec.supplier_note,
            "lines": lines.iter().map(|l| json!({ "product_id": l.product_id,
                "quantity": l.quantity, "unit_cost_minor": l.unit_cost_minor,
                "shipped": l.shipped, "promised_on": l.promised_on })).collect::<Vec<_>>(),
        });
        let kind = format!("purchase_order.{}", command_name_po(cmd));
        crate::webhooks::publish_tx(tx, tenant, &kind, &doc.subject(), &payload, now).await?;
    }
    append_audit_tx(
        tx,
        tenant,
        &AuditEntry::of(actor, &format!("purchase_order.{}", command_name_po(cmd)), doc.subject(),
            Some(json!({ "state": before.state.as_str(), "value_minor": before.value_minor })),
            Some(json!({ "state": after.state.as_str(), "value_minor": after.value_minor, "command": cmd })),
            request_id),
    )
    .await?;
    if after.state == PoState::Approved {
        return Box::pin(apply_po_tx(
            tx,
            tenant,
            rec,
            &PoCommand::Send,
            SYSTEM,
            request_id,
            now,
        ))
        .await;
    }
    Ok(rec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::purchase_order::Side;
    use i18n::Lang;

    #[test]
    fn the_engine_s_notes_read_in_each_recipient_s_language_and_in_english_as_its_words_say() {
        // 2 Dec 2026, as the supplier picked it (midnight UTC).
        let day = crate::model::parse_day("2026-12-02").unwrap();
        let (outcome, english, words) = po_outcome(
            &PoCommand::Acknowledge { promised_on: day },
            PoState::Sent,
            PoState::Acknowledged,
        );
        assert_eq!(outcome, "acknowledged by the supplier");
        assert_eq!(english, "Delivery promised for 2 Dec 2026.");
        let words = words.expect("the engine's own note");
        assert_eq!(words.text(Lang::De), "Lieferung zugesagt für 2. Dez. 2026.");
        // A person's reason is theirs: no words.
        let (_, reason, words) = po_outcome(
            &PoCommand::Decline {
                reason: "Out of stock".into(),
            },
            PoState::Sent,
            PoState::Declined,
        );
        assert_eq!((reason.as_str(), words), ("Out of stock", None));

        let refused = PoCommand::RejectChange {
            by: Side::Buyer,
            reason: "Too dear".into(),
        };
        let (template, words) = supplier_notice(&refused, PoState::Acknowledged).unwrap();
        let words = words.unwrap();
        assert_eq!(template, "po_update");
        assert_eq!(
            words.english(),
            "Your proposed change was not accepted (\u{201c}Too dear\u{201d}). The order stands as below."
        );
        assert!(words.text(Lang::Nl).contains("Too dear"));
        assert_ne!(words.text(Lang::Nl), words.english());
        assert_eq!(
            supplier_notice(&PoCommand::Cancel, PoState::Cancelled),
            Some(("po_cancelled", None))
        );
    }
}
