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
    let lang = tc.lang;
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
        let step_label = i18n::t_args(
            lang,
            if delegated.contains(&role) && !member.has(role) {
                "staff-approvals-step-delegated"
            } else {
                "staff-approvals-step"
            },
            &[
                ("step", step.step_no.to_string().into()),
                ("total", total_steps.to_string().into()),
                ("role", role_label(lang, role).into()),
            ],
        );
        // The reason in the viewer's language, or the English recorded before (flagged).
        let (title, value, (reason, reason_in_english), facts, snapshot, own) = match doc {
            DocRef::Transfer(id) => {
                let Some(t) = store.transfer(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let product = product_label(store, tenant, t.product_id).await?;
                let facts = vec![
                    (i18n::t(lang, "staff-fact-quantity"), t.quantity.to_string()),
                    (
                        i18n::t(lang, "staff-fact-from"),
                        labels.location(t.from_location_id),
                    ),
                    (
                        i18n::t(lang, "staff-fact-to"),
                        labels.location(t.to_location_id),
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
                    position_fact(lang, store, tenant, &labels, t.to_location_id, t.product_id)
                        .await?,
                ];
                (
                    i18n::t_args(
                        lang,
                        "staff-doc-transfer-title",
                        &[
                            ("id", id.to_string().into()),
                            ("quantity", t.quantity.to_string().into()),
                            ("product", product.into()),
                        ],
                    ),
                    money(
                        lang,
                        t.quantity.saturating_mul(t.unit_cost_minor),
                        &currency,
                    ),
                    engine::recorded::shown(&t.reason, t.reason_words.as_deref(), lang),
                    facts,
                    snapshot_facts(lang, &t.snapshot),
                    engine::replenish::parse_involved(&t.involved_users).contains(&member.user_id),
                )
            }
            DocRef::PurchaseOrder(id) => {
                let Some(po) = store.purchase_order(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let lines = store.po_lines(tenant, id).await.map_err(internal)?;
                let mut facts = vec![
                    (
                        i18n::t(lang, "staff-fact-supplier"),
                        labels.supplier(po.supplier_id),
                    ),
                    (
                        i18n::t(lang, "staff-fact-ship-to"),
                        labels.location(po.ship_to_location_id),
                    ),
                ];
                for l in lines.iter().take(10) {
                    let p = product_label(store, tenant, l.product_id).await?;
                    facts.push((
                        p,
                        i18n::t_args(
                            lang,
                            "staff-approvals-line",
                            &[
                                ("quantity", l.quantity.to_string().into()),
                                ("price", money(lang, l.unit_cost_minor, &currency).into()),
                            ],
                        ),
                    ));
                }
                if lines.len() > 10 {
                    facts.push((
                        "…".into(),
                        i18n::t_args(
                            lang,
                            "staff-approvals-more-lines",
                            &[("count", (lines.len() as i64 - 10).into())],
                        ),
                    ));
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
                let mut title = i18n::t_args(
                    lang,
                    "staff-approvals-po-title",
                    &[
                        ("count", (lines.len() as i64).into()),
                        ("id", id.to_string().into()),
                        ("supplier", labels.supplier(po.supplier_id).into()),
                    ],
                );
                let mut value = money(lang, po.value_minor, &currency);
                let mut reason = lines
                    .first()
                    .map(|l| engine::recorded::shown(&l.reason, l.reason_words.as_deref(), lang))
                    .unwrap_or_default();
                if let Some(c) = &change {
                    title = i18n::t_args(
                        lang,
                        "staff-approvals-change-title",
                        &[
                            ("id", id.to_string().into()),
                            ("supplier", labels.supplier(po.supplier_id).into()),
                        ],
                    );
                    value = money(lang, c.value_minor, &currency);
                    reason.1 = false;
                    reason.0 = i18n::t_args(
                        lang,
                        if c.proposed_by
                            == engine::workflow::purchase_order::Side::Supplier.as_str()
                        {
                            "staff-approvals-change-reason-supplier"
                        } else {
                            "staff-approvals-change-reason-buyer"
                        },
                        &[
                            ("from", money(lang, po.value_minor, &currency).into()),
                            ("to", money(lang, c.value_minor, &currency).into()),
                            ("day", calendar_day(lang, c.promised_on).into()),
                        ],
                    );
                    if !c.note.is_empty() {
                        reason.0.push(' ');
                        reason.0.push_str(&i18n::t_args(
                            lang,
                            "staff-approvals-change-note",
                            &[("note", c.note.clone().into())],
                        ));
                    }
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
                            i18n::t_args(
                                lang,
                                "staff-approvals-changed-line",
                                &[
                                    ("quantity", l.quantity.to_string().into()),
                                    ("price", money(lang, l.unit_cost_minor, &currency).into()),
                                    ("newquantity", cl.quantity.to_string().into()),
                                    (
                                        "newprice",
                                        money(lang, cl.unit_cost_minor, &currency).into(),
                                    ),
                                ],
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
                        .map(|l| snapshot_facts(lang, &l.snapshot))
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
                lang,
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
            reason_in_english,
            facts,
            snapshot,
            own,
        });
    }
    let away = away(store, tenant, &member, now, lang).await?;
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
    lang: i18n::Lang,
) -> Result<Away, ServerFnError> {
    let given = store
        .delegations_from(tenant, member.user_id, now)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| DelegationView {
            id: d.id,
            to_name: d.to_name,
            role: role_name(lang, &d.role),
            // Calendar days (midnight UTC, as picked); to_ms is the start of the day after
            // the last one.
            first_day: calendar_day(lang, d.from_ms),
            last_day: calendar_day(lang, d.to_ms - 1),
            active: d.from_ms <= now,
        })
        .collect();
    let roles = member
        .roles
        .iter()
        .filter(|r| r.audience() == Audience::Staff)
        .map(|r| Choice {
            value: r.as_str().into(),
            label: role_label(lang, *r),
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

/// A stored role name (`tenant_admin`) in the reader's language; an unknown one as it
/// is stored, in words.
pub(crate) fn role_name(lang: i18n::Lang, role: &str) -> String {
    match Role::parse(role) {
        Some(r) => role_label(lang, r),
        None => role.replace('_', " "),
    }
}
