//! Documents: the list, and one transfer or purchase order with steps and audit trail.

use engine::model::{now_ms, DocRef, Permission};
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
    let lang = tc.lang;
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
                (i18n::t(lang, "staff-fact-product"), product.clone()),
                (
                    i18n::t(lang, "staff-fact-from"),
                    labels.location(t.from_location_id),
                ),
                (
                    i18n::t(lang, "staff-fact-to"),
                    labels.location(t.to_location_id),
                ),
                (i18n::t(lang, "staff-fact-quantity"), t.quantity.to_string()),
                (
                    i18n::t(lang, "staff-fact-value"),
                    money(
                        lang,
                        t.quantity.saturating_mul(t.unit_cost_minor),
                        &currency,
                    ),
                ),
                position_fact(
                    lang,
                    store,
                    tenant,
                    &labels,
                    t.from_location_id,
                    t.product_id,
                )
                .await?,
                position_fact(lang, store, tenant, &labels, t.to_location_id, t.product_id).await?,
            ];
            if t.shipped > 0 {
                facts.push((i18n::t(lang, "staff-fact-shipped"), t.shipped.to_string()));
            }
            if t.state == TransferState::Received {
                facts.push((i18n::t(lang, "staff-fact-received"), t.received.to_string()));
            }
            facts.extend(snapshot_facts(lang, &t.snapshot));
            // The reason in the viewer's language, or the English recorded before.
            let (reason, reason_in_english) =
                engine::recorded::shown(&t.reason, t.reason_words.as_deref(), lang);
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title: i18n::t_args(
                    lang,
                    "staff-doc-transfer-title",
                    &[
                        ("id", id.to_string().into()),
                        ("quantity", t.quantity.to_string().into()),
                        ("product", product.into()),
                    ],
                ),
                state: t.state.as_str().into(),
                reason,
                reason_in_english,
                facts,
                lines: Vec::new(),
                line_reasons_in_english: Vec::new(),
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
            let mut line_reasons_in_english = Vec::new();
            let mut articles = Vec::new();
            for l in &lines {
                // The line's reason in the viewer's language, or the English recorded before.
                let (why, english) =
                    engine::recorded::shown(&l.reason, l.reason_words.as_deref(), lang);
                line_reasons_in_english.push(english);
                let article = product_label(store, tenant, l.product_id).await?;
                articles.push((l.id, article.clone()));
                rows.push(vec![
                    match l.promised_on {
                        Some(d) => i18n::t_args(
                            lang,
                            "staff-doc-line-backordered",
                            &[
                                ("article", article.into()),
                                ("day", calendar_day(lang, d).into()),
                            ],
                        ),
                        None => article,
                    },
                    l.quantity.to_string(),
                    money(lang, l.unit_cost_minor, &currency),
                    money(
                        lang,
                        l.quantity.saturating_mul(l.unit_cost_minor),
                        &currency,
                    ),
                    why,
                ]);
            }
            let mut facts = vec![
                (
                    i18n::t(lang, "staff-fact-supplier"),
                    labels.supplier(po.supplier_id),
                ),
                (
                    i18n::t(lang, "staff-fact-ship-to"),
                    labels.location(po.ship_to_location_id),
                ),
                (
                    i18n::t(lang, "staff-fact-value"),
                    money(lang, po.value_minor, &currency),
                ),
            ];
            if po.state == PoState::Draft {
                facts.push((
                    i18n::t(lang, "staff-fact-window-closes"),
                    match po.window_closes_at - now_ms() {
                        left if left > 0 => relative(lang, left),
                        _ => i18n::t(lang, "staff-doc-any-moment"),
                    },
                ));
            }
            if let Some(sent) = po.sent_at {
                facts.push((i18n::t(lang, "staff-fact-sent"), ago(lang, sent)));
            }
            let promises = store.po_promises(tenant, id).await.map_err(internal)?;
            let live = !matches!(
                po.state,
                PoState::Closed | PoState::Cancelled | PoState::Declined
            );
            if let (Some(day), true) = (po.promised_on, live) {
                let revised = promises.len().saturating_sub(1);
                facts.push((
                    i18n::t(lang, "staff-fact-promised-for"),
                    match revised {
                        0 => calendar_day(lang, day),
                        n => i18n::t_args(
                            lang,
                            "staff-doc-promised-revised",
                            &[
                                ("day", calendar_day(lang, day).into()),
                                (
                                    "revised",
                                    i18n::t_args(
                                        lang,
                                        "staff-doc-revised-times",
                                        &[("count", (n as i64).into())],
                                    )
                                    .into(),
                                ),
                                (
                                    "first",
                                    promises
                                        .first()
                                        .map(|p| calendar_day(lang, p.promised_on))
                                        .unwrap_or_default()
                                        .into(),
                                ),
                            ],
                        ),
                    },
                ));
            }
            if !po.supplier_note.is_empty() {
                facts.push((
                    i18n::t(lang, "staff-fact-supplier-note"),
                    po.supplier_note.clone(),
                ));
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
            let title = i18n::t_args(
                lang,
                "staff-doc-po-title",
                &[
                    ("id", id.to_string().into()),
                    ("supplier", labels.supplier(po.supplier_id).into()),
                ],
            );
            let (reason, reason_in_english) = lines
                .first()
                .map(|l| engine::recorded::shown(&l.reason, l.reason_words.as_deref(), lang))
                .unwrap_or_default();
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title,
                state: po.state.as_str().into(),
                reason,
                reason_in_english,
                facts,
                lines: rows,
                line_reasons_in_english,
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
            label: i18n::t_args(
                lang,
                if s.escalated {
                    "staff-doc-step-escalated"
                } else {
                    "staff-doc-step"
                },
                &[
                    ("round", s.round.to_string().into()),
                    ("step", s.step_no.to_string().into()),
                    ("role", super::approvals::role_name(lang, &s.role).into()),
                ],
            ),
            state: step_state(lang, &s.state),
            decided: s.decided_at.map(|at| ago(lang, at)).unwrap_or_default(),
            comment: s.comment.clone(),
        })
        .collect();
    view.audit = engine::trail::document_history(store, tenant, &member, doc, tc.lang)
        .await
        .map_err(super::error::engine_failure)?
        .into_iter()
        .map(|e| {
            let a = e.record;
            AuditView {
                seq: a.seq,
                at: ago(lang, a.at),
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
    let lang = tc.lang;
    let store = &ctx.store;
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let mut transfers = Vec::new();
    for t in store.transfers(tenant, None, 50).await.map_err(internal)? {
        let product = product_label(store, tenant, t.product_id).await?;
        transfers.push(DocRow {
            href: format!("{}/documents/transfer/{}", tc.base, t.id),
            title: i18n::t_args(
                lang,
                "staff-docs-transfer-row",
                &[
                    ("id", t.id.to_string().into()),
                    ("quantity", t.quantity.to_string().into()),
                    ("product", product.into()),
                    ("to", labels.location(t.to_location_id).into()),
                ],
            ),
            state: t.state.as_str().into(),
            value: money(
                lang,
                t.quantity.saturating_mul(t.unit_cost_minor),
                &currency,
            ),
            updated: ago(lang, t.updated_at),
        });
    }
    let orders = store
        .purchase_orders(tenant, None, 50)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|po| DocRow {
            href: format!("{}/documents/purchase_order/{}", tc.base, po.id),
            title: i18n::t_args(
                lang,
                "staff-docs-po-row",
                &[
                    ("id", po.id.to_string().into()),
                    ("supplier", labels.supplier(po.supplier_id).into()),
                    ("location", labels.location(po.ship_to_location_id).into()),
                ],
            ),
            state: po.state.as_str().into(),
            value: money(lang, po.value_minor, &currency),
            updated: ago(lang, po.updated_at),
        })
        .collect();
    Ok(Documents { transfers, orders })
}

/// An approval step's state in the reader's language ("pending").
fn step_state(lang: i18n::Lang, state: &str) -> String {
    let id = match state {
        "waiting" => "staff-step-state-waiting",
        "pending" => "staff-step-state-pending",
        "approved" => "staff-step-state-approved",
        "rejected" => "staff-step-state-rejected",
        "withdrawn" => "staff-step-state-withdrawn",
        other => return other.replace('_', " "),
    };
    i18n::t(lang, id)
}
