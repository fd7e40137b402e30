//! Documents: the list, and one transfer or purchase order with steps and audit trail.

use engine::model::{day_string, now_ms, DocRef, Permission};
use engine::workflow::purchase_order::PoState;
use engine::workflow::transfer::{self as transfer_flow, TransferState};
use leptos::prelude::*;

use super::context::require_inventory_reader;
use super::error::{internal, not_found};
use super::format::*;
use crate::views::*;

pub async fn document(doc_type: String, id: i64) -> Result<DocumentView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let Some(doc) = DocRef::parse(&doc_type, id) else {
        return Err(not_found());
    };
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let commands_transfers = member.can(Permission::CommandTransfers);
    let mut view = match doc {
        DocRef::Transfer(id) => {
            let t = store
                .transfer(tenant, id)
                .await
                .map_err(internal)?
                .ok_or_else(not_found)?;
            let product = product_label(store, tenant, t.product_id).await?;
            // The buttons come from the state machine's own table.
            let commands = if commands_transfers {
                transfer_flow::person_commands(&transfer_flow::Transfer {
                    state: t.state,
                    quantity: t.quantity,
                    shipped: t.shipped,
                })
            } else {
                Vec::new()
            };
            let mut facts = vec![
                ("Product".into(), product.clone()),
                ("From".into(), labels.location(t.from_location_id)),
                ("To".into(), labels.location(t.to_location_id)),
                ("Quantity".into(), t.quantity.to_string()),
                (
                    "Value".into(),
                    money(t.quantity.saturating_mul(t.unit_cost_minor), &currency),
                ),
                position_fact(store, tenant, &labels, t.from_location_id, t.product_id).await?,
                position_fact(store, tenant, &labels, t.to_location_id, t.product_id).await?,
            ];
            if t.shipped > 0 {
                facts.push(("Shipped".into(), t.shipped.to_string()));
            }
            if t.state == TransferState::Received {
                facts.push(("Received".into(), t.received.to_string()));
            }
            facts.extend(snapshot_facts(&t.snapshot));
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title: format!("Transfer {id}: {} × {product}", t.quantity),
                state: t.state.as_str().into(),
                reason: t.reason.clone(),
                facts,
                lines: Vec::new(),
                steps: Vec::new(),
                audit: Vec::new(),
                quantity: t.quantity,
                shipped: t.shipped,
                commands: commands.into_iter().map(String::from).collect(),
                pending_decision: t.state == TransferState::PendingApproval,
                messages: Vec::new(),
                can_message: false,
                changes: Default::default(),
            }
        }
        DocRef::PurchaseOrder(id) => {
            let po = store
                .purchase_order(tenant, id)
                .await
                .map_err(internal)?
                .ok_or_else(not_found)?;
            let lines = store.po_lines(tenant, id).await.map_err(internal)?;
            let mut rows = Vec::new();
            let mut articles = Vec::new();
            for l in &lines {
                let article = product_label(store, tenant, l.product_id).await?;
                articles.push((l.id, article.clone()));
                rows.push(vec![
                    match l.promised_on {
                        Some(d) => format!("{article} (backordered: delivery {})", day_string(d)),
                        None => article,
                    },
                    l.quantity.to_string(),
                    money(l.unit_cost_minor, &currency),
                    money(l.quantity.saturating_mul(l.unit_cost_minor), &currency),
                    l.reason.clone(),
                ]);
            }
            let mut facts = vec![
                ("Supplier".into(), labels.supplier(po.supplier_id)),
                ("Ship to".into(), labels.location(po.ship_to_location_id)),
                ("Value".into(), money(po.value_minor, &currency)),
            ];
            if po.state == PoState::Draft {
                facts.push((
                    "Window closes".into(),
                    match po.window_closes_at - now_ms() {
                        left if left > 0 => relative(left),
                        _ => "any moment now".into(),
                    },
                ));
            }
            if let Some(sent) = po.sent_at {
                facts.push(("Sent".into(), ago(sent)));
            }
            let promises = store.po_promises(tenant, id).await.map_err(internal)?;
            let live = !matches!(
                po.state,
                PoState::Closed | PoState::Cancelled | PoState::Declined
            );
            if let (Some(day), true) = (po.promised_on, live) {
                let revised = promises.len().saturating_sub(1);
                facts.push((
                    "Delivery promised for".into(),
                    match revised {
                        0 => day_string(day),
                        n => format!(
                            "{} (revised {n} time{}; first promised {})",
                            day_string(day),
                            if n == 1 { "" } else { "s" },
                            promises
                                .first()
                                .map(|p| day_string(p.promised_on))
                                .unwrap_or_default()
                        ),
                    },
                ));
            }
            if !po.supplier_note.is_empty() {
                facts.push(("Supplier's note".into(), po.supplier_note.clone()));
            }
            let mut commands = Vec::new();
            if member.can(Permission::CommandPurchaseOrders) {
                let open = matches!(
                    po.state,
                    PoState::Draft
                        | PoState::PendingApproval
                        | PoState::Approved
                        | PoState::ChangeProposed
                        | PoState::ChangeApproval
                ) || po.state.with_supplier();
                if open {
                    commands.push("cancel".to_string());
                }
                if po.state == PoState::PartlyReceived {
                    commands.push("close".to_string());
                }
                if po.state.with_supplier() {
                    commands.push("revoke_links".to_string());
                    commands.push("resend".to_string());
                }
            }
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title: format!("Purchase order {id} to {}", labels.supplier(po.supplier_id)),
                state: po.state.as_str().into(),
                reason: lines.first().map(|l| l.reason.clone()).unwrap_or_default(),
                facts,
                lines: rows,
                steps: Vec::new(),
                audit: Vec::new(),
                quantity: 0,
                shipped: 0,
                commands,
                pending_decision: matches!(
                    po.state,
                    PoState::PendingApproval | PoState::ChangeApproval
                ),
                messages: super::supplier::message_views(
                    store,
                    tenant,
                    id,
                    &format!("{}/documents/purchase_order/{id}", tc.base),
                )
                .await?,
                can_message: po.sent_at.is_some() && member.can(Permission::CommandPurchaseOrders),
                changes: if po.sent_at.is_some() {
                    let facts = super::order_changes::OrderFacts {
                        po: id,
                        state: po.state,
                        promised_on: po.promised_on,
                        requested_on: None,
                        currency: &currency,
                        action: format!("{}/documents/purchase_order/{id}", tc.base),
                        now: now_ms(),
                    };
                    let mut c = super::order_changes::order_changes(
                        store,
                        tenant,
                        engine::workflow::purchase_order::Side::Buyer,
                        facts,
                        &articles,
                    )
                    .await?;
                    if !member.can(Permission::CommandPurchaseOrders) {
                        c.can_propose = false;
                        c.can_answer = false;
                        c.can_receive = false;
                    }
                    c
                } else {
                    Default::default()
                },
            }
        }
    };
    view.steps = store
        .steps_of(tenant, doc)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|s| StepView {
            label: format!(
                "Round {} · step {} · {}{}",
                s.round,
                s.step_no,
                s.role.replace('_', " "),
                if s.escalated { " (escalated)" } else { "" }
            ),
            state: s.state.clone(),
            decided: s.decided_at.map(ago).unwrap_or_default(),
            comment: s.comment.clone(),
        })
        .collect();
    view.audit = engine::trail::document_history(store, tenant, &member, doc)
        .await
        .map_err(super::error::engine_failure)?
        .into_iter()
        .map(|e| {
            let a = e.record;
            AuditView {
                seq: a.seq,
                at: ago(a.at),
                exact: when(a.at),
                iso: iso(a.at),
                sentence: e.sentence,
                actor: a.actor,
                action: a.action,
                change: match (a.before, a.after) {
                    (Some(b), Some(af)) => format!("{b} → {af}"),
                    (None, Some(af)) => af,
                    (Some(b), None) => b,
                    (None, None) => String::new(),
                },
            }
        })
        .collect();
    Ok(view)
}

pub async fn documents() -> Result<Documents, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let mut transfers = Vec::new();
    for t in store.transfers(tenant, None, 50).await.map_err(internal)? {
        let product = product_label(store, tenant, t.product_id).await?;
        transfers.push(DocRow {
            href: format!("{}/documents/transfer/{}", tc.base, t.id),
            title: format!(
                "Transfer {}: {} × {product} → {}",
                t.id,
                t.quantity,
                labels.location(t.to_location_id)
            ),
            state: t.state.as_str().into(),
            value: money(t.quantity.saturating_mul(t.unit_cost_minor), &currency),
            updated: ago(t.updated_at),
        });
    }
    let orders = store
        .purchase_orders(tenant, None, 50)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|po| DocRow {
            href: format!("{}/documents/purchase_order/{}", tc.base, po.id),
            title: format!(
                "Purchase order {} to {} for {}",
                po.id,
                labels.supplier(po.supplier_id),
                labels.location(po.ship_to_location_id)
            ),
            state: po.state.as_str().into(),
            value: money(po.value_minor, &currency),
            updated: ago(po.updated_at),
        })
        .collect();
    Ok(Documents { transfers, orders })
}
