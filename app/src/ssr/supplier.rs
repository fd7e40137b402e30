//! The supplier's pages: the order a signed link opens (checked by the engine:
//! signature, tenant, expiry, revocation), the signed-in supplier user's orders, an
//! invitation's page, and the admin's page of supplier access. Orders are shown without
//! the retailer's reasons or stock figures.

use engine::invites::{open_invite, supplier_access, InviteError};
use engine::model::{day_start, day_string, now_ms, Permission, DAY_MS};
use engine::replenish::{
    open_order_link, supplier_order_for, supplier_order_list, LinkError, SUPPLIER_PAGE,
};
use engine::store::SupplierOrder;
use engine::workflow::purchase_order::PoState;
use leptos::prelude::*;

use super::context::{no_store, require, server_ctx, tenant_ctx, TenantCtx};
use super::error::{engine_failure, internal_engine, not_found};
use super::format::{calendar_day, day_at, money, when_at};
use super::order_changes::{order_changes, OrderFacts};
use crate::views::*;
use engine::workflow::purchase_order::Side;

pub async fn order(token: String) -> Result<SupplierOrderView, ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tc) = tenant_ctx() else {
        return Err(not_found());
    };
    no_store();
    let now = now_ms();
    let order = match open_order_link(&ctx.store, tc.tenant.id, &token, now).await {
        Ok(o) => o,
        Err(LinkError::Engine(e)) => return Err(internal_engine(e)),
        Err(e) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(match e {
                    LinkError::Invalid => http::StatusCode::NOT_FOUND,
                    _ => http::StatusCode::GONE,
                });
            }
            return Err(ServerFnError::new(link_error(&tc, &e)));
        }
    };
    let base = format!("{}/po/{}", tc.base, token.trim());
    let messages = message_views(&ctx.store, tc.tenant.id, order.id, &base).await?;
    let mut changes = changes_view(&ctx.store, &tc, &order, base, now).await?;
    // The link answers the order; a change or a ship notice needs a sign-in.
    changes.can_propose = false;
    changes.can_answer = false;
    changes.can_ship = false;
    Ok(order_view(&order, &tc, messages, changes, now))
}

async fn changes_view(
    store: &engine::Store,
    tc: &TenantCtx,
    order: &SupplierOrder,
    action: String,
    now: i64,
) -> Result<OrderChanges, ServerFnError> {
    let articles: Vec<(i64, String)> = order
        .lines
        .iter()
        .map(|l| (l.line_id, format!("{} {}", l.sku, l.name)))
        .collect();
    let facts = OrderFacts {
        po: order.id,
        state: order.state,
        promised_on: order.promised_on,
        requested_on: order.requested_on,
        currency: &tc.tenant.currency,
        action,
        now,
    };
    order_changes(store, tc.tenant.id, Side::Supplier, facts, &articles).await
}

fn order_view(
    order: &SupplierOrder,
    tc: &TenantCtx,
    messages: Vec<MessageView>,
    changes: OrderChanges,
    now: i64,
) -> SupplierOrderView {
    let lang = tc.lang;
    let currency = &tc.tenant.currency;
    let mut facts = vec![
        (
            i18n::t(lang, "people-fact-deliver-to"),
            format!("{} ({})", order.ship_to_name, order.ship_to_code),
        ),
        (
            i18n::t(lang, "people-fact-supplier"),
            order.supplier_name.clone(),
        ),
    ];
    if !order.ship_to_address.is_empty() {
        facts.insert(
            1,
            (
                i18n::t(lang, "people-fact-address"),
                order.ship_to_address.clone(),
            ),
        );
    }
    if let Some(sent) = order.sent_at {
        facts.push((i18n::t(lang, "people-fact-ordered-on"), day_at(tc, sent)));
    }
    if let Some(day) = order.requested_on {
        facts.push((
            i18n::t(lang, "people-fact-requested"),
            calendar_day(lang, day),
        ));
    }
    if let (Some(due), PoState::Sent) = (order.ack_due_at, order.state) {
        facts.push((i18n::t(lang, "people-fact-answer-by"), when_at(tc, due)));
    }
    if let Some(day) = order.promised_on {
        facts.push((
            i18n::t(lang, "people-fact-promised"),
            calendar_day(lang, day),
        ));
    }
    if !order.supplier_note.is_empty() {
        facts.push((
            i18n::t(lang, "people-fact-note"),
            order.supplier_note.clone(),
        ));
    }
    let lines = order
        .lines
        .iter()
        .map(|l| {
            [
                match l.promised_on {
                    Some(d) => i18n::t_args(
                        lang,
                        "people-line-backordered",
                        &[
                            ("article", format!("{} {}", l.sku, l.name).into()),
                            ("day", calendar_day(lang, d).into()),
                        ],
                    ),
                    None => format!("{} {}", l.sku, l.name),
                },
                l.quantity.to_string(),
                money(lang, l.unit_cost_minor, currency),
                money(lang, l.quantity.saturating_mul(l.unit_cost_minor), currency),
            ]
        })
        .collect();
    let today = day_start(now);
    let suggested = order
        .promised_on
        .or(order.requested_on)
        .filter(|d| *d >= today)
        .unwrap_or(today);
    SupplierOrderView {
        id: order.id,
        title: i18n::t_args(
            lang,
            "people-order-title",
            &[("id", order.id.to_string().into())],
        ),
        retailer: tc.tenant.name.clone(),
        state: order.state.as_str().into(),
        state_label: supplier_label(lang, order.state),
        facts,
        lines,
        total: money(lang, order.value_minor, currency),
        promises: order
            .promises
            .iter()
            .map(|p| (calendar_day(lang, p.promised_on), day_at(tc, p.recorded_at)))
            .collect(),
        can_answer: order.state.with_supplier(),
        // The link acknowledges or declines; backordering needs a sign-in, as a ship
        // notice does.
        can_backorder: order.state.with_supplier() && changes.can_ship,
        first_day: day_string(today),
        last_day: day_string(today + engine::limits::MAX_PROMISE_DAYS * DAY_MS),
        suggested_day: day_string(suggested),
        messages,
        changes,
    }
}

/// One order sent to the signed-in supplier user's organisation.
pub async fn my_order(id: i64) -> Result<SupplierOrderView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::AnswerPurchaseOrders).await?;
    let order = supplier_order_for(&ctx.store, tc.tenant.id, &member, id)
        .await
        .map_err(engine_failure)?;
    let base = format!("{}/supplier/orders/{}", tc.base, order.id);
    let messages = message_views(&ctx.store, tc.tenant.id, order.id, &base).await?;
    let now = now_ms();
    let changes = changes_view(&ctx.store, &tc, &order, base, now).await?;
    Ok(order_view(&order, &tc, messages, changes, now))
}

/// The states a supplier filters its orders by.
const LIST_STATES: [PoState; 10] = [
    PoState::Sent,
    PoState::Acknowledged,
    PoState::Backordered,
    PoState::ChangeProposed,
    PoState::ChangeApproval,
    PoState::Shipped,
    PoState::PartlyReceived,
    PoState::Closed,
    PoState::Declined,
    PoState::Cancelled,
];

/// A page of the orders sent to the signed-in supplier user's organisation.
pub async fn my_orders(
    state: String,
    before: Option<i64>,
) -> Result<SupplierOrders, ServerFnError> {
    let (ctx, tc, member) = require(Permission::AnswerPurchaseOrders).await?;
    let lang = tc.lang;
    let filter = LIST_STATES.into_iter().find(|s| s.as_str() == state);
    let currency = &tc.tenant.currency;
    let mut out = SupplierOrders {
        retailer: tc.tenant.name.clone(),
        supplier: String::new(),
        problem: None,
        rows: Vec::new(),
        state: filter.map(|s| s.as_str().to_string()).unwrap_or_default(),
        states: LIST_STATES
            .into_iter()
            .map(|s| Choice {
                value: s.as_str().into(),
                label: supplier_label(lang, s),
            })
            .collect(),
        older: None,
    };
    let rows = match supplier_order_list(&ctx.store, tc.tenant.id, &member, filter, before).await {
        Ok(rows) => rows,
        // The one refusal here: the account has no supplier linked yet.
        Err(engine::EngineError::Invalid(_)) => {
            out.problem = Some(i18n::t(lang, "people-orders-not-linked"));
            return Ok(out);
        }
        Err(e) => return Err(engine_failure(e)),
    };
    if let Some(id) = member.supplier_id {
        let (_, suppliers) = ctx
            .store
            .labels(tc.tenant.id)
            .await
            .map_err(super::error::internal)?;
        out.supplier = suppliers
            .into_iter()
            .find(|s| s.0 == id)
            .map(|s| s.2)
            .unwrap_or_default();
    }
    let more = rows.len() as i64 > SUPPLIER_PAGE;
    out.rows = rows
        .into_iter()
        .take(SUPPLIER_PAGE as usize)
        .map(|r| {
            let requested =
                day_start(r.sent_at).saturating_add(r.lead_time_days.saturating_mul(DAY_MS));
            SupplierOrderRowView {
                id: r.id,
                title: format!("PO-{}", r.id),
                state: r.state.as_str().into(),
                state_label: supplier_label(lang, r.state),
                ship_to: format!("{} ({})", r.ship_to_name, r.ship_to_code),
                ordered_on: day_at(&tc, r.sent_at),
                delivery: match r.promised_on {
                    Some(day) => i18n::t_args(
                        lang,
                        "people-delivery-promised",
                        &[("day", calendar_day(lang, day).into())],
                    ),
                    None => i18n::t_args(
                        lang,
                        "people-delivery-requested",
                        &[("day", calendar_day(lang, requested).into())],
                    ),
                },
                lines: r.line_count,
                value: money(lang, r.value_minor, currency),
            }
        })
        .collect();
    if more {
        if let Some(last) = out.rows.last() {
            let state = if out.state.is_empty() {
                String::new()
            } else {
                format!("state={}&", out.state)
            };
            out.older = Some(format!("?{state}before={}", last.id));
        }
    }
    Ok(out)
}

/// The invitation a link opens (no sign-in: the link is the permission).
pub async fn invite(token: String) -> Result<InviteView, ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tc) = tenant_ctx() else {
        return Err(not_found());
    };
    no_store();
    match open_invite(&ctx.store, tc.tenant.id, &token, now_ms()).await {
        Ok(i) => Ok(InviteView {
            retailer: tc.tenant.name.clone(),
            supplier: i.supplier_name,
            role: invite_role(tc.lang, i.role),
            email: i.email,
            name: i.name,
            has_account: i.has_account,
            expires_on: day_at(&tc, i.expires_at),
        }),
        Err(InviteError::Engine(e)) => Err(internal_engine(e)),
        Err(e) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(match e {
                    InviteError::Invalid => http::StatusCode::NOT_FOUND,
                    _ => http::StatusCode::GONE,
                });
            }
            Err(ServerFnError::new(invite_error(&tc, &e)))
        }
    }
}

/// Who has supplier access, for the tenant admin.
pub async fn access() -> Result<SupplierAccessView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageSuppliers).await?;
    let lang = tc.lang;
    let a = supplier_access(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    let now = now_ms();
    let sla = ctx
        .store
        .supplier_sla(tc.tenant.id)
        .await
        .map_err(super::error::internal)?;
    let days = [
        ("mon", "people-day-mon"),
        ("tue", "people-day-tue"),
        ("wed", "people-day-wed"),
        ("thu", "people-day-thu"),
        ("fri", "people-day-fri"),
        ("sat", "people-day-sat"),
        ("sun", "people-day-sun"),
    ];
    let clocks = ClocksView {
        days: days
            .iter()
            .map(|(code, label)| {
                let worked = sla.working_days.iter().any(|d| d == code);
                (code.to_string(), i18n::t(lang, label), worked)
            })
            .collect(),
        time_zone: sla.time_zone,
        day_starts: sla.day_starts,
        day_ends: sla.day_ends,
        ack_hours: sla.ack_hours,
        escalate_after_hours: sla.escalate_after_hours,
    };
    Ok(SupplierAccessView {
        default_language: tc.tenant.language.clone().unwrap_or_default(),
        clocks,
        choices: a
            .suppliers
            .iter()
            .map(|s| Choice {
                value: s.0.to_string(),
                label: s.2.clone(),
            })
            .collect(),
        suppliers: a
            .suppliers
            .iter()
            .map(|(id, code, name)| SupplierAccessRow {
                id: *id,
                language: a.language_of(*id),
                name: name.clone(),
                code: code.clone(),
                users: a
                    .users
                    .iter()
                    .filter(|u| u.supplier_id == *id)
                    .map(|u| (u.user_id, u.name.clone(), u.email.clone()))
                    .collect(),
                invitations: a
                    .open
                    .iter()
                    .filter(|i| i.supplier_id == Some(*id))
                    .map(|i| {
                        let day = day_at(&tc, i.expires_at);
                        let when = if i.expires_at > now {
                            i18n::t_args(lang, "people-access-works-until", &[("day", day.into())])
                        } else {
                            i18n::t_args(lang, "people-access-expired-on", &[("day", day.into())])
                        };
                        (i.id, i.name.clone(), i.email.clone(), when)
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// An order's messages as either side reads them, each with its file's download
/// address under `base` (the order's address on this portal).
pub(crate) async fn message_views(
    store: &engine::Store,
    tenant: engine::model::TenantId,
    po: i64,
    base: &str,
) -> Result<Vec<MessageView>, ServerFnError> {
    let lang = super::context::request_lang();
    let messages = store
        .po_messages(tenant, po)
        .await
        .map_err(super::error::internal)?;
    let files = store
        .po_attachments(tenant, po)
        .await
        .map_err(super::error::internal)?;
    Ok(messages
        .into_iter()
        .map(|m| MessageView {
            from_supplier: m.from_supplier,
            author: m.author,
            body: m.body,
            at: super::format::ago(lang, m.created_at),
            attachment: files.iter().find(|f| f.message_id == m.id).map(|f| {
                let kib = (f.size_bytes + 1023) / 1024;
                (
                    format!("{} ({kib} KiB)", f.file_name),
                    format!("{base}/attachments/{}", f.id),
                )
            }),
        })
        .collect())
}

/// Supplier scorecards: every supplier's for the retailer's staff, its own for a
/// supplier user (`own`).
pub async fn scorecards(own: bool) -> Result<Scorecards, ServerFnError> {
    let permission = if own {
        Permission::AnswerPurchaseOrders
    } else {
        Permission::ViewInventory
    };
    let (ctx, tc, member) = require(permission).await?;
    let lang = tc.lang;
    let now = now_ms();
    let cards = if own {
        engine::scorecard::own_scorecard(&ctx.store, tc.tenant.id, &member, now)
            .await
            .map_err(engine_failure)?
            .into_iter()
            .collect()
    } else {
        engine::scorecard::scorecards(&ctx.store, tc.tenant.id, &member, now)
            .await
            .map_err(engine_failure)?
    };
    let share = |part: i64, whole: i64| (whole > 0).then(|| part.saturating_mul(100) / whole);
    let percent = |p: Option<i64>| p.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into());
    Ok(Scorecards {
        weeks: engine::scorecard::WEEKS,
        cards: cards
            .into_iter()
            .map(|c| ScorecardView {
                supplier: c.supplier.clone(),
                figures: vec![
                    (i18n::t(lang, "people-score-sent"), c.sent.to_string()),
                    (
                        i18n::t(lang, "people-score-acknowledged"),
                        i18n::t_args(
                            lang,
                            "people-score-of",
                            &[("part", c.acknowledged.into()), ("whole", c.sent.into())],
                        ),
                    ),
                    (
                        i18n::t(lang, "people-score-on-time"),
                        i18n::t_args(
                            lang,
                            "people-score-on-time-value",
                            &[
                                ("percent", percent(share(c.on_time, c.due)).into()),
                                ("part", c.on_time.into()),
                                ("whole", c.due.into()),
                            ],
                        ),
                    ),
                    (i18n::t(lang, "people-score-pending"), c.pending.to_string()),
                    (
                        i18n::t(lang, "people-score-declined"),
                        c.declined.to_string(),
                    ),
                    (
                        i18n::t(lang, "people-score-median-ack"),
                        c.median_response_hours
                            .map(|h| {
                                i18n::t_args(
                                    lang,
                                    "people-score-hours",
                                    &[("hours", format!("{h:.1}").into())],
                                )
                            })
                            .unwrap_or_else(|| "—".into()),
                    ),
                    (
                        i18n::t(lang, "people-score-date-changes"),
                        c.date_changes.to_string(),
                    ),
                    (
                        i18n::t(lang, "people-score-delivered"),
                        c.delivered.to_string(),
                    ),
                    (
                        i18n::t(lang, "people-score-otif"),
                        i18n::t_args(
                            lang,
                            "people-score-otif-value",
                            &[
                                (
                                    "percent",
                                    percent(share(c.on_time_in_full, c.delivered)).into(),
                                ),
                                ("part", c.on_time_in_full.into()),
                                ("whole", c.delivered.into()),
                            ],
                        ),
                    ),
                    (
                        i18n::t(lang, "people-score-fill-rate"),
                        i18n::t_args(
                            lang,
                            "people-score-fill-value",
                            &[
                                (
                                    "percent",
                                    percent(share(c.units_received, c.units_ordered)).into(),
                                ),
                                ("part", c.units_received.into()),
                                ("whole", c.units_ordered.into()),
                            ],
                        ),
                    ),
                    (
                        i18n::t(lang, "people-score-median-lead"),
                        c.median_lead_days
                            .map(|d| {
                                i18n::t_args(
                                    lang,
                                    "people-score-days",
                                    &[("days", format!("{d:.1}").into())],
                                )
                            })
                            .unwrap_or_else(|| "—".into()),
                    ),
                ],
                weeks: c
                    .weeks
                    .iter()
                    .map(|(start, sent, on_time)| {
                        (
                            calendar_day(lang, *start),
                            *sent,
                            *on_time,
                            share(*on_time, *sent),
                        )
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// The order's state in the supplier's words.
fn supplier_label(lang: i18n::Lang, state: PoState) -> String {
    let id = match state {
        PoState::Sent => "people-state-sent",
        PoState::Acknowledged => "people-state-acknowledged",
        PoState::Backordered => "people-state-backordered",
        PoState::ChangeProposed => "people-state-change-proposed",
        PoState::ChangeApproval => "people-state-change-approval",
        PoState::Shipped => "people-state-shipped",
        PoState::PartlyReceived => "people-state-partly-received",
        PoState::Closed => "people-state-closed",
        PoState::Declined => "people-state-declined",
        PoState::Cancelled => "people-state-cancelled",
        _ => "people-state-not-open",
    };
    i18n::t(lang, id)
}

/// Why an order link does not open, in `tc`'s language (days on the tenant's clock).
fn link_error(tc: &TenantCtx, e: &LinkError) -> String {
    match e {
        LinkError::Invalid => i18n::t(tc.lang, "people-link-invalid"),
        LinkError::Expired(at) => i18n::t_args(
            tc.lang,
            "people-link-expired",
            &[("day", day_at(tc, *at).into())],
        ),
        LinkError::Revoked => i18n::t(tc.lang, "people-link-revoked"),
        LinkError::Engine(inner) => inner.text(tc.lang),
    }
}

/// Why an invitation link does not work, in `tc`'s language (days on the tenant's clock).
fn invite_error(tc: &TenantCtx, e: &InviteError) -> String {
    let lang = tc.lang;
    match e {
        InviteError::Invalid => i18n::t(lang, "people-invite-invalid"),
        InviteError::Used => i18n::t(lang, "people-invite-used"),
        InviteError::Expired(at) => i18n::t_args(
            lang,
            "people-invite-expired",
            &[("day", day_at(tc, *at).into())],
        ),
        InviteError::Revoked => i18n::t(lang, "people-invite-revoked"),
        InviteError::WrongPassword => i18n::t(lang, "people-invite-wrong-password"),
        InviteError::TooManyWrongPasswords => i18n::t(lang, "people-invite-too-many"),
        InviteError::Busy => i18n::t(lang, "people-busy"),
        InviteError::Engine(inner) => inner.text(lang),
    }
}

/// The role an invitation gives, as its sentence names it: with an article where the
/// language needs one ("a planner", "an approver").
fn invite_role(lang: i18n::Lang, role: engine::model::Role) -> String {
    use engine::model::Role;
    i18n::t(
        lang,
        match role {
            Role::TenantAdmin => "people-invite-as-tenant-admin",
            Role::Planner => "people-invite-as-planner",
            Role::Approver => "people-invite-as-approver",
            Role::Supplier => "people-invite-as-supplier",
            Role::PartnerAdmin => "people-invite-as-partner-admin",
            Role::PlatformAdmin => "people-invite-as-platform-admin",
        },
    )
}
