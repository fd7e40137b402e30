//! The approvals inbox: steps the viewer may decide, with the facts to decide them.

use engine::model::{day_string, now_ms, Audience, DocRef, Member, Role, TenantId};
use engine::Store;
use leptos::prelude::*;

use super::context::require_inventory_reader;
use super::error::internal;
use super::format::*;
use crate::views::*;

pub async fn inbox() -> Result<Inbox, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let now = now_ms();
    let delegated: Vec<Role> = store
        .delegations_to(tenant, member.user_id, now)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| d.role)
        .collect();
    let steps = store.pending_steps(tenant, 500).await.map_err(internal)?;
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let mut items = Vec::new();
    let mut others = 0;
    for step in steps {
        let Some(role) = Role::parse(&step.role) else {
            continue;
        };
        if !member.has(role) && !delegated.contains(&role) {
            others += 1;
            continue;
        }
        if items.len() >= 100 {
            others += 1;
            continue;
        }
        let Some(doc) = DocRef::parse(&step.doc_type, step.doc_id) else {
            continue;
        };
        let total_steps = store
            .steps_of(tenant, doc)
            .await
            .map_err(internal)?
            .iter()
            .filter(|s| s.round == step.round)
            .count();
        let step_label = format!(
            "Step {} of {} · {}{}",
            step.step_no,
            total_steps,
            role.label(),
            if delegated.contains(&role) && !member.has(role) {
                " (delegated to you)"
            } else {
                ""
            }
        );
        let (title, value, reason, facts, snapshot, own) = match doc {
            DocRef::Transfer(id) => {
                let Some(t) = store.transfer(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let product = product_label(store, tenant, t.product_id).await?;
                let facts = vec![
                    ("Quantity".into(), t.quantity.to_string()),
                    ("From".into(), labels.location(t.from_location_id)),
                    ("To".into(), labels.location(t.to_location_id)),
                    position_fact(store, tenant, &labels, t.from_location_id, t.product_id).await?,
                    position_fact(store, tenant, &labels, t.to_location_id, t.product_id).await?,
                ];
                (
                    format!("Transfer {id}: {} × {product}", t.quantity),
                    money(t.quantity.saturating_mul(t.unit_cost_minor), &currency),
                    t.reason.clone(),
                    facts,
                    snapshot_facts(&t.snapshot),
                    engine::replenish::parse_involved(&t.involved_users).contains(&member.user_id),
                )
            }
            DocRef::PurchaseOrder(id) => {
                let Some(po) = store.purchase_order(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let lines = store.po_lines(tenant, id).await.map_err(internal)?;
                let mut facts = vec![
                    ("Supplier".into(), labels.supplier(po.supplier_id)),
                    ("Ship to".into(), labels.location(po.ship_to_location_id)),
                ];
                for l in lines.iter().take(10) {
                    let p = product_label(store, tenant, l.product_id).await?;
                    facts.push((
                        p,
                        format!("{} at {}", l.quantity, money(l.unit_cost_minor, &currency)),
                    ));
                }
                if lines.len() > 10 {
                    facts.push(("…".into(), format!("{} more lines", lines.len() - 10)));
                }
                // A change to a sent order waits here: what is decided is the change.
                let change =
                    if po.state == engine::workflow::purchase_order::PoState::ChangeApproval {
                        store
                            .po_changes(tenant, id)
                            .await
                            .map_err(internal)?
                            .into_iter()
                            .find(|c| c.state == "open")
                    } else {
                        None
                    };
                let mut title = format!(
                    "Purchase order {id} to {} ({} lines)",
                    labels.supplier(po.supplier_id),
                    lines.len()
                );
                let mut value = money(po.value_minor, &currency);
                let mut reason = lines.first().map(|l| l.reason.clone()).unwrap_or_default();
                if let Some(c) = &change {
                    title = format!(
                        "Change to purchase order {id} to {}",
                        labels.supplier(po.supplier_id)
                    );
                    value = money(c.value_minor, &currency);
                    reason = format!(
                        "The {} proposes a change that takes the order from {} to {}, delivered on {}.{}",
                        c.proposed_by,
                        money(po.value_minor, &currency),
                        money(c.value_minor, &currency),
                        engine::model::day_string(c.promised_on),
                        if c.note.is_empty() { String::new() } else { format!(" Note: \u{201c}{}\u{201d}", c.note) }
                    );
                    let mut changed = Vec::new();
                    for cl in c.lines() {
                        let Some(l) = lines.iter().find(|l| l.id == cl.line_id) else {
                            continue;
                        };
                        if (l.quantity, l.unit_cost_minor, l.promised_on)
                            == (cl.quantity, cl.unit_cost_minor, cl.ships_on)
                        {
                            continue;
                        }
                        let p = product_label(store, tenant, l.product_id).await?;
                        changed.push((
                            p,
                            format!(
                                "{} at {} → {} at {}",
                                l.quantity,
                                money(l.unit_cost_minor, &currency),
                                cl.quantity,
                                money(cl.unit_cost_minor, &currency)
                            ),
                        ));
                    }
                    facts.splice(2..2, changed);
                }
                (
                    title,
                    value,
                    reason,
                    facts,
                    lines
                        .first()
                        .map(|l| snapshot_facts(&l.snapshot))
                        .unwrap_or_default(),
                    engine::replenish::parse_involved(&po.involved_users).contains(&member.user_id),
                )
            }
        };
        items.push(InboxItem {
            doc_type: step.doc_type.clone(),
            doc_id: step.doc_id,
            href: format!("{}/documents/{}/{}", tc.base, step.doc_type, step.doc_id),
            title,
            step: step_label,
            rule: step.rule.clone(),
            waiting: since(
                step.created_at.max(
                    step.due_at
                        .map(|d| d - step.escalate_after_hours * 3_600_000)
                        .unwrap_or(0),
                ),
            ),
            overdue: step.due_at.is_some_and(|d| d <= now),
            escalated: step.escalated,
            value,
            reason,
            facts,
            snapshot,
            own,
        });
    }
    let away = away(store, tenant, &member, now).await?;
    Ok(Inbox {
        items,
        others,
        away,
    })
}

/// The viewer's delegations and the choices for a new one.
pub(crate) async fn away(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Away, ServerFnError> {
    let given = store
        .delegations_from(tenant, member.user_id, now)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| DelegationView {
            id: d.id,
            to_name: d.to_name,
            role: d.role.replace('_', " "),
            first_day: day_string(d.from_ms),
            // to_ms is the start of the day after the last one.
            last_day: day_string(d.to_ms - 1),
            active: d.from_ms <= now,
        })
        .collect();
    let roles = member
        .roles
        .iter()
        .filter(|r| r.audience() == Audience::Staff)
        .map(|r| Choice {
            value: r.as_str().into(),
            label: r.label().into(),
        })
        .collect();
    let people = store
        .member_choices(tenant)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|(id, _)| *id != member.user_id)
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name,
        })
        .collect();
    Ok(Away {
        given,
        roles,
        people,
        today: day_string(now),
    })
}
