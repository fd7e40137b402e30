//! A sent order's changes and ship notices, as the buyer or the supplier reads them,
//! with what the viewer may do now (the engine checks it again on every post).

use engine::model::{day_start, day_string, DAY_MS};
use engine::store::{ChangeRecord, PoLineRecord};
use engine::workflow::purchase_order::{PoState, Side};
use engine::Store;
use leptos::prelude::*;

use super::error::internal;
use super::format::{calendar_day, day_at, money};
use crate::views::{ChangeView, EditLine, NoticeLine, NoticeView, OrderChanges};

/// An amount in minor units as the form field shows it ("12.50").
fn price(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

pub(crate) struct OrderFacts<'a> {
    pub po: i64,
    pub state: PoState,
    pub promised_on: Option<i64>,
    pub requested_on: Option<i64>,
    pub currency: &'a str,
    /// Where this side's forms post.
    pub action: String,
    pub now: i64,
}

/// The order's changes and notices for `viewer`; `articles` names each order line.
pub(crate) async fn order_changes(
    store: &Store,
    tenant: engine::model::TenantId,
    viewer: Side,
    o: OrderFacts<'_>,
    articles: &[(i64, String)],
) -> Result<OrderChanges, ServerFnError> {
    let tc = super::context::tenant_ctx();
    let lang = tc.as_ref().map(|tc| tc.lang).unwrap_or_default();
    // When something happened, on the tenant's clock; the delivery days people pick are
    // calendar days (midnight UTC) and read as such.
    let on = |ms: i64| match &tc {
        Some(tc) => day_at(tc, ms),
        None => calendar_day(lang, ms),
    };
    let lines: Vec<PoLineRecord> = store.po_lines(tenant, o.po).await.map_err(internal)?;
    let changes = store.po_changes(tenant, o.po).await.map_err(internal)?;
    let notices = store.po_asns(tenant, o.po).await.map_err(internal)?;
    let article = |line: i64| {
        articles
            .iter()
            .find(|(id, _)| *id == line)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| {
                i18n::t_args(
                    lang,
                    "staff-changes-line",
                    &[("line", line.to_string().into())],
                )
            })
    };
    // Who proposed a change, as the messages' ids end: "you", "supplier", "buyer" (the
    // sentence is one message per side, whose verb follows its subject).
    let who = |by: &str| match (Side::parse(by), viewer) {
        (Some(b), v) if b == v => "you",
        (Some(Side::Supplier), _) => "supplier",
        _ => "buyer",
    };
    // A buyer's change waiting in the retailer's approval has not reached the supplier,
    // and one refused there (or cancelled with its order) may never have.
    let unseen = |c: &ChangeRecord| {
        viewer == Side::Supplier
            && c.proposed_by == Side::Buyer.as_str()
            && ((c.state == "open" && o.state == PoState::ChangeApproval)
                || c.state == "not_approved"
                || c.state == "cancelled")
    };
    let open = changes.iter().find(|c| c.state == "open" && !unseen(c));
    let open_view = open.map(|c: &ChangeRecord| {
        let rows = c
            .lines()
            .iter()
            .filter_map(|cl| {
                let l = lines.iter().find(|l| l.id == cl.line_id)?;
                let was = format!(
                    "{} × {}",
                    l.quantity,
                    money(lang, l.unit_cost_minor, o.currency)
                );
                let now = match (cl.quantity, cl.ships_on) {
                    (0, _) => i18n::t(lang, "staff-changes-dropped"),
                    (q, Some(d)) => i18n::t_args(
                        lang,
                        "staff-changes-proposed-dated",
                        &[
                            ("quantity", q.to_string().into()),
                            ("price", money(lang, cl.unit_cost_minor, o.currency).into()),
                            ("day", calendar_day(lang, d).into()),
                        ],
                    ),
                    (q, None) => format!("{q} × {}", money(lang, cl.unit_cost_minor, o.currency)),
                };
                Some([article(l.id), was, now])
            })
            .collect();
        let mut facts = vec![
            (
                i18n::t(lang, "staff-changes-fact-delivery-date"),
                calendar_day(lang, c.promised_on),
            ),
            (
                i18n::t(lang, "staff-changes-fact-value"),
                money(lang, c.value_minor, o.currency),
            ),
        ];
        if !c.note.is_empty() {
            facts.push((i18n::t(lang, "staff-changes-fact-note"), c.note.clone()));
        }
        if o.state == PoState::ChangeApproval {
            facts.push((
                i18n::t(lang, "staff-changes-fact-now"),
                i18n::t(lang, "staff-changes-awaiting-approval"),
            ));
        }
        ChangeView {
            heading: i18n::t_args(
                lang,
                &format!("staff-changes-proposed-{}", who(&c.proposed_by)),
                &[("day", on(c.created_at).into())],
            ),
            rows,
            facts,
        }
    });
    let history = changes
        .iter()
        .rev()
        .filter(|c| c.state != "open" && !unseen(c))
        .map(|c| {
            let id = if c.decision_note.is_empty() {
                format!("staff-changes-history-{}", who(&c.proposed_by))
            } else {
                format!("staff-changes-history-{}-note", who(&c.proposed_by))
            };
            i18n::t_args(
                lang,
                &id,
                &[
                    ("day", on(c.created_at).into()),
                    ("value", money(lang, c.value_minor, o.currency).into()),
                    ("outcome", change_state(lang, &c.state).into()),
                    ("note", c.decision_note.clone().into()),
                ],
            )
        })
        .collect();
    let notice_views = notices
        .into_iter()
        .map(|(a, ls)| {
            let mut facts = vec![(
                i18n::t(lang, "staff-changes-fact-expected"),
                calendar_day(lang, a.expected_on),
            )];
            if !a.carrier.is_empty() {
                facts.push((
                    i18n::t(lang, "staff-changes-fact-carrier"),
                    a.carrier.clone(),
                ));
            }
            if !a.tracking.is_empty() {
                facts.push((
                    i18n::t(lang, "staff-changes-fact-tracking"),
                    a.tracking.clone(),
                ));
            }
            if let Some(at) = a.received_at {
                facts.push((i18n::t(lang, "staff-changes-fact-received"), on(at)));
            }
            NoticeView {
                id: a.id,
                heading: i18n::t_args(
                    lang,
                    "staff-changes-notice-heading",
                    &[
                        ("id", a.id.to_string().into()),
                        ("day", on(a.created_at).into()),
                    ],
                ),
                facts,
                in_transit: a.state == "in_transit",
                lines: ls
                    .into_iter()
                    .map(|l| NoticeLine {
                        id: l.id,
                        article: format!("{} {}", l.sku, l.name),
                        shipped: l.shipped,
                        received: match (l.received, l.damaged) {
                            (Some(r), Some(d)) if d > 0 => i18n::t_args(
                                lang,
                                "staff-changes-received-damaged",
                                &[
                                    ("received", r.to_string().into()),
                                    ("damaged", d.to_string().into()),
                                ],
                            ),
                            (Some(r), _) => r.to_string(),
                            _ => String::new(),
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    let theirs = open.is_some_and(|c| c.proposed_by != viewer.as_str());
    let today = day_start(o.now);
    let suggested = o
        .promised_on
        .or(o.requested_on)
        .filter(|d| *d >= today)
        .unwrap_or(today);
    Ok(OrderChanges {
        lines: lines
            .iter()
            .map(|l| EditLine {
                id: l.id,
                article: article(l.id),
                quantity: l.quantity,
                price: price(l.unit_cost_minor),
                open: (l.quantity - l.shipped).max(0),
                ships_on: l.promised_on.map(day_string).unwrap_or_default(),
            })
            .collect(),
        open: open_view,
        history,
        notices: notice_views,
        can_propose: o.state.with_supplier() || (o.state == PoState::ChangeProposed && theirs),
        can_answer: o.state == PoState::ChangeProposed && theirs,
        can_ship: viewer == Side::Supplier
            && (o.state.with_supplier()
                || matches!(o.state, PoState::Shipped | PoState::PartlyReceived)),
        can_receive: viewer == Side::Buyer && o.state == PoState::Shipped,
        action: o.action,
        first_day: day_string(today),
        last_day: day_string(today + engine::limits::MAX_PROMISE_DAYS * DAY_MS),
        suggested_day: day_string(suggested),
    })
}

/// How a change ended, in the reader's language ("not approved").
fn change_state(lang: i18n::Lang, state: &str) -> String {
    let id = match state {
        "accepted" => "staff-change-state-accepted",
        "rejected" => "staff-change-state-rejected",
        "superseded" => "staff-change-state-superseded",
        "not_approved" => "staff-change-state-not-approved",
        "cancelled" => "staff-change-state-cancelled",
        other => return other.replace('_', " "),
    };
    i18n::t(lang, id)
}
