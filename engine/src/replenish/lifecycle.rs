//! Document lifecycles carried out: applies a transfer command through its pure state
//! machine (`workflow`), then its effects (stock moves, approval steps withdrawn), the
//! document and its need saved, and the audit entry, all in the caller's transaction
//! (purchase orders: [`super::po_lifecycle`]). Also the people's transfer commands, and
//! an approval decision carried out on either document.

use serde_json::json;

use super::matrix::settings_tx;
use super::po_lifecycle::apply_po_tx;
use super::routing::{notify_outcome_tx, route_tx};
use super::sweep::positions_changed_tx;
use super::{add_involved, parse_involved, SYSTEM};
use crate::approval::{self, DocumentType};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::exceptions;
use crate::limits::{within_msg, MAX_QUANTITY};
use crate::model::{DocRef, Member, Permission, TenantId};
use crate::policy::Position;
use crate::store::audit::append_audit_tx;
use crate::store::{approval_steps, catalog, needs, positions, purchase_orders, transfers};
use crate::store::{NewException, Store};
use crate::workflow::purchase_order::PoCommand;
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
                    None,
                    actor,
                    now,
                )
                .await?;
            }
            TransferEffect::WithdrawApproval => {
                approval_steps::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            TransferEffect::MoveToInTransit { quantity } => {
                // Both positions locked in key order first, as every writer takes them.
                let keys = [
                    (rec.product_id, rec.from_location_id),
                    (rec.product_id, rec.to_location_id),
                ];
                positions::lock_positions_tx(tx, tenant, &keys).await?;
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
                        title_words: vec![crate::recorded::Recorded::new(
                            "exc-transfer-receipt-title",
                            &[
                                ("id", rec.id.to_string()),
                                ("received", received.to_string()),
                                ("shipped", shipped.to_string()),
                            ],
                        )],
                        words: vec![crate::recorded::Recorded::new(
                            "exc-transfer-receipt-detail",
                            &[
                                ("shipped", shipped.to_string()),
                                ("received", received.to_string()),
                            ],
                        )],
                        dedupe_key: format!("receipt:{}", rec.id),
                        risk: None,
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
    // Every change of the transfer, for the tenant's integrations (outbox and webhooks).
    let payload = json!({
        "transfer_id": rec.id,
        "state": rec.state.as_str(),
        "from_location_id": rec.from_location_id,
        "to_location_id": rec.to_location_id,
        "product_id": rec.product_id,
        "quantity": rec.quantity,
        "shipped": rec.shipped,
        "received": rec.received,
    });
    let kind = format!("transfer.{}", command_name_t(cmd));
    crate::webhooks::publish_tx(tx, tenant, &kind, &doc.subject(), &payload, now).await?;
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
        return Err(EngineError::invalid("err-decisions-in-inbox", &[]));
    }
    let quantity = match &cmd {
        TransferCommand::Ship { quantity } | TransferCommand::Edit { quantity } => {
            Some((*quantity, 1))
        }
        TransferCommand::Receive { quantity } => Some((*quantity, 0)),
        _ => None,
    };
    if let Some((q, least)) = quantity {
        within_msg("err-range-quantity", q, least, MAX_QUANTITY)?;
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
            return Err(EngineError::invalid(
                "err-transfer-ship-over-approved",
                &[("approved", rec.quantity.to_string())],
            ));
        }
        TransferCommand::Receive { quantity } if quantity > rec.shipped => {
            return Err(EngineError::invalid(
                "err-transfer-receive-over-shipped",
                &[("shipped", rec.shipped.to_string())],
            ));
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
            return Err(EngineError::invalid(
                "err-transfer-on-hand",
                &[("stock", on_hand.max(0).to_string())],
            ));
        }
    }
    let actor = member.actor();
    let edit = matches!(cmd, TransferCommand::Edit { .. });
    if let (true, Some(person)) = (edit, member.person()) {
        rec.involved_users = add_involved(&rec.involved_users, person);
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
