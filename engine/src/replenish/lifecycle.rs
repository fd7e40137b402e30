//! Document lifecycles carried out: applies a transfer or purchase-order command through
//! its pure state machine (`workflow`), then its effects (stock moves, approval steps
//! withdrawn, the order sent to the supplier), the document and its need saved, and the
//! audit entry, all in the caller's transaction. Also the people's transfer commands.

use serde_json::json;

use super::jobs::{AckStage, SupplierAckDue};
use super::matrix::settings_tx;
use super::routing::{notify_outcome_tx, route_tx};
use super::sweep::positions_changed_tx;
use super::{add_involved, parse_involved, DAY_MS, SYSTEM};
use crate::approval::{self, DocumentType};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::exceptions;
use crate::jobs::NewJob;
use crate::limits::{within, MAX_QUANTITY};
use crate::links::PO_LINK_DAYS;
use crate::mail::SendMail;
use crate::model::{day_string, DocRef, Member, Permission, TenantId};
use crate::policy::Position;
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::{
    approval_steps, catalog, needs, outbox, positions, purchase_orders, supplier_orders,
    tenant_settings, transfers,
};
use crate::store::{NewException, Store};
use crate::workflow::purchase_order::{self as po_flow, PoCommand, PoEffect, PoState};
use crate::workflow::transfer::{self as tr_flow, TransferCommand, TransferEffect, TransferState};

/// Applies a transfer command with its effects and audit entry.
pub(crate) async fn apply_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    mut rec: transfers::TransferRecord,
    cmd: &TransferCommand,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<transfers::TransferRecord, EngineError> {
    let before = tr_flow::Transfer {
        state: rec.state,
        quantity: rec.quantity,
        shipped: rec.shipped,
    };
    let (after, effects) = tr_flow::transition(&before, cmd)?;
    let doc = DocRef::Transfer(rec.id);
    for effect in &effects {
        match effect {
            // The caller routes the document through the matrix right after (route_tx).
            TransferEffect::RequestApproval => {}
            TransferEffect::NotifyOutcome => {
                let (outcome, note) = outcome_of_transfer(cmd, after.state);
                notify_outcome_tx(
                    tx,
                    tenant,
                    doc,
                    &rec.involved_users,
                    outcome,
                    note,
                    actor,
                    now,
                )
                .await?;
            }
            TransferEffect::WithdrawApproval => {
                approval_steps::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            TransferEffect::MoveToInTransit { quantity } => {
                positions::move_stock_tx(
                    tx,
                    tenant,
                    rec.from_location_id,
                    rec.product_id,
                    Position {
                        on_hand: -quantity,
                        in_transit: 0,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                positions::move_stock_tx(
                    tx,
                    tenant,
                    rec.to_location_id,
                    rec.product_id,
                    Position {
                        on_hand: 0,
                        in_transit: *quantity,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                // The donor has less now: check it against its own policy.
                positions_changed_tx(tx, tenant, &[(rec.from_location_id, rec.product_id)], now)
                    .await?;
            }
            TransferEffect::MoveToOnHand { shipped, received } => {
                positions::move_stock_tx(
                    tx,
                    tenant,
                    rec.to_location_id,
                    rec.product_id,
                    Position {
                        on_hand: *received,
                        in_transit: -shipped,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                rec.received = *received;
                if received != shipped {
                    let e = NewException {
                        kind: "receipt_mismatch",
                        severity: "medium",
                        subject: doc.subject(),
                        title: format!("Transfer {} arrived with {received} of {shipped}", rec.id),
                        detail: format!("{shipped} were shipped and {received} received; the difference needs a count or a claim."),
                        dedupe_key: format!("receipt:{}", rec.id),
                    };
                    exceptions::open_tx(tx, tenant, &e, now).await?;
                }
                positions_changed_tx(tx, tenant, &[(rec.to_location_id, rec.product_id)], now)
                    .await?;
            }
        }
    }
    rec.state = after.state;
    rec.quantity = after.quantity;
    rec.shipped = after.shipped;
    transfers::save_transfer_tx(tx, tenant, &rec, now).await?;
    if let Some(need) = rec.need_id {
        needs::refresh_need_tx(tx, tenant, need, now).await?;
    }
    append_audit_tx(
        tx,
        tenant,
        &AuditEntry::of(actor, &format!("transfer.{}", command_name_t(cmd)), doc.subject(),
            Some(json!({ "state": before.state.as_str(), "quantity": before.quantity })),
            Some(json!({ "state": after.state.as_str(), "quantity": after.quantity, "shipped": after.shipped, "command": cmd })),
            request_id),
    )
    .await?;
    Ok(rec)
}

/// What became of a transfer, in words, and the decider's note.
fn outcome_of_transfer(cmd: &TransferCommand, state: TransferState) -> (&'static str, &str) {
    match (cmd, state) {
        (TransferCommand::Reject { reason }, _) => ("rejected", reason.as_str()),
        (_, TransferState::Cancelled) => ("cancelled", ""),
        _ => ("approved", ""),
    }
}

fn command_name_t(cmd: &TransferCommand) -> &'static str {
    match cmd {
        TransferCommand::Submit => "submitted",
        TransferCommand::AutoApprove => "auto_approved",
        TransferCommand::Approve => "approved",
        TransferCommand::Reject { .. } => "rejected",
        TransferCommand::Edit { .. } => "edited",
        TransferCommand::Ship { .. } => "shipped",
        TransferCommand::Receive { .. } => "received",
        TransferCommand::Cancel => "cancelled",
    }
}

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
        PoCommand::Decline { .. } => "declined",
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
    let before = po_flow::PurchaseOrder {
        state: rec.state,
        value_minor: rec.value_minor,
    };
    let (after, effects) = po_flow::transition(&before, cmd)?;
    let doc = DocRef::PurchaseOrder(rec.id);
    let lines = purchase_orders::po_lines_tx(tx, tenant, rec.id).await?;
    for effect in &effects {
        match effect {
            PoEffect::RequestApproval => {}
            PoEffect::NotifyOutcome => {
                let promised;
                let (outcome, note) = match (cmd, after.state) {
                    (PoCommand::Reject { reason }, _) => ("rejected", reason.as_str()),
                    (PoCommand::Decline { reason }, _) => {
                        ("declined by the supplier", reason.as_str())
                    }
                    (PoCommand::Acknowledge { promised_on }, _) => {
                        promised = format!("Delivery promised for {}.", day_string(*promised_on));
                        ("acknowledged by the supplier", promised.as_str())
                    }
                    (_, PoState::Cancelled) => ("cancelled", ""),
                    _ => ("approved", ""),
                };
                notify_outcome_tx(
                    tx,
                    tenant,
                    doc,
                    &rec.involved_users,
                    outcome,
                    note,
                    actor,
                    now,
                )
                .await?;
            }
            PoEffect::WithdrawApproval => {
                approval_steps::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            PoEffect::AddOnOrder | PoEffect::RemoveOnOrder => {
                let sign = if matches!(effect, PoEffect::AddOnOrder) {
                    1
                } else {
                    -1
                };
                for l in &lines {
                    positions::move_stock_tx(
                        tx,
                        tenant,
                        rec.ship_to_location_id,
                        l.product_id,
                        Position {
                            on_hand: 0,
                            in_transit: 0,
                            on_order: sign * l.quantity,
                        },
                        now,
                    )
                    .await?;
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
                    stage: AckStage::Remind,
                    due_at: due,
                };
                enqueue_tx(tx, &NewJob::of(tenant, &timer, now).at(due)).await?;
            }
            PoEffect::RecordPromise => {
                if let PoCommand::Acknowledge { promised_on } = cmd {
                    rec.promised_on = Some(*promised_on);
                    supplier_orders::record_promise_tx(
                        tx,
                        tenant,
                        rec.id,
                        *promised_on,
                        actor,
                        now,
                    )
                    .await?;
                }
            }
            PoEffect::NotifySupplier => {
                let (_, name, email) =
                    catalog::supplier_label_tx(tx, tenant, rec.supplier_id).await?;
                let mail = SendMail {
                    template: "po_cancelled".into(),
                    to: email,
                    name,
                    doc_type: doc.doc_type().into(),
                    doc_id: rec.id,
                    occasion: format!("po-cancelled:{}", rec.id),
                    ..SendMail::default()
                };
                enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
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
    purchase_orders::save_purchase_order_tx(tx, tenant, &rec, now).await?;
    for l in &lines {
        if let Some(need) = l.need_id {
            needs::refresh_need_tx(tx, tenant, need, now).await?;
        }
    }
    // What the supplier side of an order did, for the tenant's integrations (outbox):
    // the order's facts, never the reasons behind its lines.
    let supplier_side = effects.contains(&PoEffect::SendToSupplier)
        || effects.contains(&PoEffect::NotifySupplier)
        || cmd.is_supplier_answer();
    if supplier_side {
        let payload = json!({
            "purchase_order_id": rec.id,
            "state": rec.state.as_str(),
            "supplier_id": rec.supplier_id,
            "ship_to_location_id": rec.ship_to_location_id,
            "value_minor": rec.value_minor,
            "promised_on": rec.promised_on,
            "supplier_note": rec.supplier_note,
            "lines": lines.iter().map(|l| json!({ "product_id": l.product_id,
                "quantity": l.quantity, "unit_cost_minor": l.unit_cost_minor })).collect::<Vec<_>>(),
        });
        let kind = format!("purchase_order.{}", command_name_po(cmd));
        outbox::record_event_tx(tx, tenant, &kind, &doc.subject(), &payload, now).await?;
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

/// A lifecycle command on a transfer by a person: ship, receive, edit, cancel. Needs
/// [`Permission::CommandTransfers`].
pub async fn transfer_command(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    cmd: TransferCommand,
    request_id: Option<&str>,
    now: i64,
) -> Result<TransferState, EngineError> {
    member.require(Permission::CommandTransfers)?;
    if matches!(
        cmd,
        TransferCommand::Approve
            | TransferCommand::Reject { .. }
            | TransferCommand::AutoApprove
            | TransferCommand::Submit
    ) {
        return Err(EngineError::Invalid(
            "decisions go through the approvals inbox".into(),
        ));
    }
    let quantity = match &cmd {
        TransferCommand::Ship { quantity } | TransferCommand::Edit { quantity } => {
            Some((*quantity, 1))
        }
        TransferCommand::Receive { quantity } => Some((*quantity, 0)),
        _ => None,
    };
    if let Some((q, least)) = quantity {
        within("quantity", q, least, MAX_QUANTITY).map_err(EngineError::Invalid)?;
    }
    let mut tx = store.begin(tenant).await?;
    let mut rec = transfers::transfer_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    // What was approved bounds what moves: shipping more than the approved quantity
    // would bypass the approval (change the quantity first: that goes back for
    // approval), and a receipt counts what was shipped, no more.
    match cmd {
        TransferCommand::Ship { quantity } if quantity > rec.quantity => {
            return Err(EngineError::Invalid(format!(
                "the approved quantity is {}: ship at most that, or change the transfer (it then goes back for approval)",
                rec.quantity
            )));
        }
        TransferCommand::Receive { quantity } if quantity > rec.shipped => {
            return Err(EngineError::Invalid(format!(
                "{} were shipped: a receipt counts at most that (record extra stock with a count)",
                rec.shipped
            )));
        }
        _ => {}
    }
    if let TransferCommand::Ship { quantity } = cmd {
        let (on_hand, ..) =
            positions::position_facts_tx(&mut tx, tenant, rec.from_location_id, rec.product_id)
                .await?
                .map(|f| (f.on_hand, 0))
                .unwrap_or((0, 0));
        if quantity > on_hand.max(0) {
            return Err(EngineError::Invalid(format!(
                "the source location has only {} on hand",
                on_hand.max(0)
            )));
        }
    }
    let actor = member.actor();
    let edit = matches!(cmd, TransferCommand::Edit { .. });
    if edit {
        rec.involved_users = add_involved(&rec.involved_users, member.user_id);
    }
    let was = rec.state;
    let rec = apply_transfer_tx(&mut tx, tenant, rec, &cmd, &actor, request_id, now).await?;
    if edit && was != TransferState::Proposed {
        // Back for approval: a new round, routed on the new value.
        let settings = settings_tx(&mut tx, tenant).await?;
        let (_, _, class) = catalog::product_label_tx(&mut tx, tenant, rec.product_id).await?;
        let (_, _, region) =
            catalog::location_label_tx(&mut tx, tenant, rec.to_location_id).await?;
        let doc = approval::Document {
            doc_type: DocumentType::Transfer,
            value_minor: rec.quantity.saturating_mul(rec.unit_cost_minor),
            class: Some(class),
            location_id: rec.to_location_id,
            region,
            supplier_id: None,
            involved_users: parse_involved(&rec.involved_users),
        };
        if route_tx(
            &mut tx,
            tenant,
            DocRef::Transfer(id),
            &doc,
            &settings.matrix,
            now,
        )
        .await?
        .is_none()
        {
            apply_transfer_tx(
                &mut tx,
                tenant,
                rec.clone(),
                &TransferCommand::AutoApprove,
                SYSTEM,
                request_id,
                now,
            )
            .await?;
        }
    }
    let state = transfers::transfer_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?
        .state;
    tx.commit().await?;
    Ok(state)
}

pub(crate) enum Command {
    Approve,
    Reject(String),
}

pub(crate) async fn command_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    cmd: Command,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    match doc {
        DocRef::Transfer(id) => {
            let rec = transfers::transfer_tx(tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?;
            let cmd = match cmd {
                Command::Approve => TransferCommand::Approve,
                Command::Reject(reason) => TransferCommand::Reject { reason },
            };
            apply_transfer_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
        }
        DocRef::PurchaseOrder(id) => {
            let rec = purchase_orders::purchase_order_tx(tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?;
            let cmd = match cmd {
                Command::Approve => PoCommand::Approve,
                Command::Reject(reason) => PoCommand::Reject { reason },
            };
            apply_po_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
        }
    }
    Ok(())
}
