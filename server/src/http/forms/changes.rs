//! Changes to a sent order, ship notices and receipts, from either side's page:
//!
//! - Supplier (signed in): `POST /supplier/orders/{id}/change` (`qty_{line}`,
//!   `price_{line}`, optional `ships_{line}`: the line's own later day, `promised_on`,
//!   `note`), `.../change/answer` (`answer=accept|refuse`,
//!   `reason`), `.../ship` (`ship_{line}`, `carrier`, `tracking`, `expected_on`).
//! - Buyer: `POST /documents/purchase_order/{id}/change`, `.../change/answer`,
//!   `.../receive/{notice}` (`received_{line}`, `damaged_{line}`).
//!
//! The fields are read here into the engine's types, each error naming its field; the
//! engine checks the values, the order's state and the caller's right again.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::{now_ms, parse_day};
use engine::replenish::{self, ChangeAnswer, Proposal, ReceiptLine, ShipNotice};
use engine::store::ChangeLine;
use engine::workflow::purchase_order::PoState;

use super::{id, param, parse_money, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

type Fields = HashMap<String, String>;

fn field<'a>(f: &'a Fields, name: &str) -> &'a str {
    f.get(name).map(String::as_str).unwrap_or("")
}

/// Fields named `{prefix}{id}`, as (id, value), in id order.
fn per_line<'a>(f: &'a Fields, prefix: &str) -> Vec<(i64, &'a str)> {
    let mut out: Vec<(i64, &str)> = f
        .iter()
        .filter_map(|(k, v)| Some((id(k.strip_prefix(prefix)?)?, v.as_str())))
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The error (a catalogue id) in the reader's language.
fn error(lang: i18n::Lang, id: &str) -> FormError {
    FormError::new(i18n::t(lang, id))
}

/// The error (a catalogue id) about line `line`, in the reader's language.
fn line_error(lang: i18n::Lang, id: &str, line: i64) -> FormError {
    FormError::new(i18n::t_args(lang, id, &[("line", line.into())]))
}

/// A whole number of line `line`, or the error (a catalogue id) that names the field.
fn whole_of_line(lang: i18n::Lang, value: &str, id: &str, line: i64) -> Result<i64, FormError> {
    value
        .trim()
        .parse::<i64>()
        .map_err(|_| line_error(lang, id, line))
}

fn day(lang: i18n::Lang, f: &Fields, name: &str, error_id: &str) -> Result<i64, FormError> {
    parse_day(field(f, name)).ok_or_else(|| error(lang, error_id))
}

fn proposal(lang: i18n::Lang, f: &Fields) -> Result<Proposal, FormError> {
    let mut lines = Vec::new();
    for (line, qty) in per_line(f, "qty_") {
        let quantity = whole_of_line(lang, qty, "plan-changes-error-quantity", line)?;
        let price = field(f, &format!("price_{line}"));
        let unit_cost_minor =
            parse_money(price).ok_or_else(|| line_error(lang, "plan-changes-error-price", line))?;
        let ships_on = match field(f, &format!("ships_{line}")).trim() {
            "" => None,
            d => Some(
                parse_day(d)
                    .ok_or_else(|| line_error(lang, "plan-changes-error-ships-on", line))?,
            ),
        };
        lines.push(ChangeLine {
            line_id: line,
            quantity,
            unit_cost_minor,
            ships_on,
        });
    }
    Ok(Proposal {
        lines,
        promised_on: day(lang, f, "promised_on", "plan-changes-error-delivery-date")?,
        note: field(f, "note").to_string(),
    })
}

fn answer(lang: i18n::Lang, f: &Fields) -> Result<ChangeAnswer, FormError> {
    match field(f, "answer") {
        "accept" => Ok(ChangeAnswer::Accept),
        "refuse" => Ok(ChangeAnswer::Refuse {
            reason: field(f, "reason").to_string(),
        }),
        _ => Err(error(lang, "plan-changes-error-answer")),
    }
}

fn notice(lang: i18n::Lang, f: &Fields) -> Result<ShipNotice, FormError> {
    let mut lines = Vec::new();
    for (line, qty) in per_line(f, "ship_") {
        lines.push((
            line,
            whole_of_line(lang, qty, "plan-changes-error-units", line)?,
        ));
    }
    Ok(ShipNotice {
        lines,
        carrier: field(f, "carrier").to_string(),
        tracking: field(f, "tracking").to_string(),
        expected_on: day(
            lang,
            f,
            "expected_on",
            "plan-changes-error-expected-delivery",
        )?,
    })
}

fn receipt(lang: i18n::Lang, f: &Fields) -> Result<Vec<ReceiptLine>, FormError> {
    let mut out = Vec::new();
    for (line, received) in per_line(f, "received_") {
        let damaged = match field(f, &format!("damaged_{line}")).trim() {
            "" => 0,
            d => whole_of_line(lang, d, "plan-changes-error-damaged", line)?,
        };
        out.push(ReceiptLine {
            asn_line_id: line,
            received: whole_of_line(lang, received, "plan-changes-error-received", line)?,
            damaged,
        });
    }
    Ok(out)
}

/// "the order is now …": the state in the reader's language.
fn now_in(lang: i18n::Lang, id: &str, state: PoState) -> String {
    i18n::t_args(
        lang,
        id,
        &[(
            "state",
            super::documents::state_label(lang, state.as_str(), state.label()).into(),
        )],
    )
}

/// Back to the order's page: on success (jobs woken for the mail it queued) with the
/// notice `say` makes of the result, else with what the engine refused.
fn answered<T>(
    app: &AppState,
    me: &SignedIn,
    page: &str,
    done: Result<T, engine::EngineError>,
    say: impl FnOnce(T) -> String,
) -> Response {
    match done {
        Ok(v) => {
            app.jobs_wake.notify_one();
            me.notice(page, &say(v))
        }
        Err(e) => me.fail(page, &e),
    }
}

fn po_of(params: &Params) -> Option<i64> {
    id(param(params, "id"))
}

pub async fn supplier_change(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let Some(po) = po_of(&params) else {
        return me.not_found();
    };
    let page = format!("/supplier/orders/{po}");
    let lang = me.tc.lang;
    let p = match proposal(lang, &f) {
        Ok(p) => p,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done =
        replenish::propose_change_as_supplier(store, t, &me.member, po, p, me.rid(), now_ms())
            .await;
    answered(&app, &me, &page, done, |_| {
        i18n::t(lang, "plan-changes-proposed-supplier")
    })
}

pub async fn supplier_change_answer(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let Some(po) = po_of(&params) else {
        return me.not_found();
    };
    let page = format!("/supplier/orders/{po}");
    let lang = me.tc.lang;
    let a = match answer(lang, &f) {
        Ok(a) => a,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done =
        replenish::answer_change_as_supplier(store, t, &me.member, po, a, me.rid(), now_ms()).await;
    answered(&app, &me, &page, done, |state| {
        now_in(lang, "plan-changes-done", state)
    })
}

pub async fn supplier_ship(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let Some(po) = po_of(&params) else {
        return me.not_found();
    };
    let page = format!("/supplier/orders/{po}");
    let lang = me.tc.lang;
    let n = match notice(lang, &f) {
        Ok(n) => n,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done =
        replenish::ship_notice_as_supplier(store, t, &me.member, po, n, me.rid(), now_ms()).await;
    answered(&app, &me, &page, done, |asn| {
        i18n::t_args(lang, "plan-changes-ship-notice", &[("id", asn.into())])
    })
}

pub async fn buyer_change(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let Some(po) = po_of(&params) else {
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{po}");
    let lang = me.tc.lang;
    let p = match proposal(lang, &f) {
        Ok(p) => p,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done = replenish::propose_change(store, t, &me.member, po, p, me.rid(), now_ms()).await;
    answered(&app, &me, &page, done, |state| {
        now_in(lang, "plan-changes-proposed-buyer", state)
    })
}

pub async fn buyer_change_answer(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let Some(po) = po_of(&params) else {
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{po}");
    let lang = me.tc.lang;
    let a = match answer(lang, &f) {
        Ok(a) => a,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done = replenish::answer_change(store, t, &me.member, po, a, me.rid(), now_ms()).await;
    answered(&app, &me, &page, done, |state| {
        now_in(lang, "plan-changes-done", state)
    })
}

pub async fn buyer_receive(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(f): Posted<Fields>,
) -> Response {
    let (Some(po), Some(asn)) = (po_of(&params), id(param(&params, "notice"))) else {
        return me.not_found();
    };
    let page = format!("/documents/purchase_order/{po}");
    let lang = me.tc.lang;
    let r = match receipt(lang, &f) {
        Ok(r) => r,
        Err(e) => return me.error(&page, &e.0),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let done =
        replenish::receive_notice(store, t, &me.member, po, asn, r, me.rid(), now_ms()).await;
    answered(&app, &me, &page, done, |state| {
        now_in(lang, "plan-changes-received", state)
    })
}
