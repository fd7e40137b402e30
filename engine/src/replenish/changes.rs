//! Changes to an order the supplier has, from either side: the supplier proposes new
//! quantities, prices or delivery day (signed in; the link in the e-mail only
//! acknowledges or declines), the buyer accepts, counters or refuses; the buyer's own
//! change of a sent order is a proposal the supplier accepts or refuses. A change that
//! makes the order dearer goes through the tenant's approval matrix before it applies
//! (a supplier's, once the buyer accepts it) or before it reaches the supplier (the
//! buyer's). The state machine is `workflow::purchase_order`; this module checks what
//! the outside sends and who sends it.

use super::matrix::settings_tx;
use super::orders::{own_supplier, sent_to};
use super::po_lifecycle::apply_po_tx;
use super::routing::{po_document_tx, route_tx};
use super::{add_involved, SYSTEM};
use crate::db::Tx;
use crate::error::{EngineError, Msg};
use crate::limits::{within_msg, MAX_MONEY_MINOR, MAX_NOTE_CHARS, MAX_PROMISE_DAYS, MAX_QUANTITY};
use crate::model::{day_start, DocRef, Member, Permission, TenantId, DAY_MS};
use crate::region::calendar_date;
use crate::store::po_changes::{self, ChangeLine, NewChange};
use crate::store::purchase_orders::{self, PoLineRecord, PurchaseOrderRecord};
use crate::store::Store;
use crate::workflow::purchase_order::{PoCommand, PoState, Side};

/// Changes proposed on one order, by both sides together.
pub const MAX_CHANGES: i64 = 20;

/// A proposed change: the lines that change (a quantity of 0 drops the line; a line's
/// own later day backorders it; lines not named stay as they are), the order's delivery
/// day, and a note for the other side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    pub lines: Vec<ChangeLine>,
    pub promised_on: i64,
    pub note: String,
}

/// The answer to the other side's proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeAnswer {
    Accept,
    Refuse { reason: String },
}

/// The order's lines as the proposal would leave them, and its value then; or what is
/// wrong with it, named.
fn checked(
    p: &Proposal,
    lines: &[PoLineRecord],
    promised_on: Option<i64>,
    now: i64,
) -> Result<Vec<ChangeLine>, EngineError> {
    let bad = EngineError::invalid;
    if p.note.chars().count() > MAX_NOTE_CHARS {
        return Err(bad(
            "err-note-too-long",
            &[("most", MAX_NOTE_CHARS.to_string())],
        ));
    }
    let today = day_start(now);
    let last = today.saturating_add(MAX_PROMISE_DAYS * DAY_MS);
    if p.promised_on < today || p.promised_on > last || day_start(p.promised_on) != p.promised_on {
        return Err(EngineError::Invalid(
            Msg::new("err-delivery-date", &[])
                .day("today", calendar_date(today))
                .day("last", calendar_date(last)),
        ));
    }
    let mut full: Vec<ChangeLine> = lines
        .iter()
        .map(|l| ChangeLine {
            line_id: l.id,
            quantity: l.quantity,
            unit_cost_minor: l.unit_cost_minor,
            ships_on: l.promised_on,
        })
        .collect();
    let mut seen = Vec::new();
    for c in &p.lines {
        if seen.contains(&c.line_id) {
            return Err(bad("err-line-twice", &[("line", c.line_id.to_string())]));
        }
        seen.push(c.line_id);
        let slot = full
            .iter_mut()
            .find(|l| l.line_id == c.line_id)
            .ok_or_else(|| bad("err-line-not-on-order", &[("line", c.line_id.to_string())]))?;
        within_msg("err-range-quantity", c.quantity, 0, MAX_QUANTITY)?;
        within_msg(
            "err-range-unit-price",
            c.unit_cost_minor,
            0,
            MAX_MONEY_MINOR,
        )?;
        *slot = *c;
        // A line's own day: from the order's on (the same day is the order's).
        match c.ships_on {
            Some(d) if d < p.promised_on || d > last || day_start(d) != d => {
                return Err(EngineError::Invalid(
                    Msg::new("err-line-delivery-date", &[("line", c.line_id.to_string())])
                        .day("first", calendar_date(p.promised_on))
                        .day("last", calendar_date(last)),
                ))
            }
            Some(d) if d == p.promised_on => slot.ships_on = None,
            _ => {}
        }
    }
    // A line's own day the new order day caught up with is no backorder any more.
    for l in full.iter_mut() {
        if l.ships_on.is_some_and(|d| d <= p.promised_on) {
            l.ships_on = None;
        }
    }
    let kept = || full.iter().filter(|l| l.quantity > 0);
    if kept().count() > 0 && kept().all(|l| l.ships_on.is_some()) {
        return Err(bad("err-change-all-lines-later", &[]));
    }
    if full.iter().all(|l| l.quantity == 0) {
        return Err(bad("err-change-keep-a-line", &[]));
    }
    let unchanged = full.iter().all(|c| {
        lines.iter().any(|l| {
            l.id == c.line_id
                && l.quantity == c.quantity
                && l.unit_cost_minor == c.unit_cost_minor
                && l.promised_on == c.ships_on
        })
    });
    if unchanged && promised_on == Some(p.promised_on) {
        return Err(bad("err-change-nothing-new", &[]));
    }
    Ok(full)
}

/// The order's value with `lines`, checked: at most [`MAX_MONEY_MINOR`].
fn value_of(lines: &[ChangeLine]) -> Result<i64, EngineError> {
    lines
        .iter()
        .try_fold(0i64, |sum, l| {
            l.quantity
                .checked_mul(l.unit_cost_minor)
                .and_then(|v| sum.checked_add(v))
        })
        .filter(|v| *v <= MAX_MONEY_MINOR)
        .ok_or_else(|| {
            EngineError::invalid(
                "err-order-too-dear",
                &[("most", MAX_MONEY_MINOR.to_string())],
            )
        })
}

/// Sends a dearer change through the matrix; straight on when it auto-approves.
async fn route_change_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: PurchaseOrderRecord,
    value: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<PurchaseOrderRecord, EngineError> {
    let settings = settings_tx(tx, tenant).await?;
    let (doc, _) = po_document_tx(tx, tenant, &rec, value).await?;
    let id = rec.id;
    match route_tx(
        tx,
        tenant,
        DocRef::PurchaseOrder(id),
        &doc,
        &settings.matrix,
        now,
    )
    .await?
    {
        Some(_) => Ok(rec),
        None => {
            apply_po_tx(
                tx,
                tenant,
                rec,
                &PoCommand::AutoApprove,
                SYSTEM,
                request_id,
                now,
            )
            .await
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn propose_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: PurchaseOrderRecord,
    by: Side,
    proposal: Proposal,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let open = po_changes::open_change_tx(tx, tenant, rec.id).await?;
    if open.as_ref().is_some_and(|o| o.proposed_by == by.as_str()) {
        return Err(EngineError::invalid("err-change-still-waiting", &[]));
    }
    // Where a refusal returns the order: where this exchange began.
    let countered = open.is_some();
    let from_state = open.map_or_else(|| rec.state.as_str().to_string(), |o| o.from_state);
    if po_changes::change_count_tx(tx, tenant, rec.id).await? >= MAX_CHANGES {
        return Err(EngineError::invalid(
            "err-change-too-many",
            &[("most", MAX_CHANGES.to_string())],
        ));
    }
    let lines = purchase_orders::po_lines_tx(tx, tenant, rec.id).await?;
    let full = checked(&proposal, &lines, rec.promised_on, now)?;
    let value = value_of(&full)?;
    let cmd = PoCommand::ProposeChange {
        by,
        value_minor: value,
    };
    let po = rec.id;
    let rec = apply_po_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
    let new = NewChange {
        po,
        by: by.as_str(),
        from_state: &from_state,
        countered,
        promised_on: proposal.promised_on,
        lines: &full,
        value_minor: value,
        note: proposal.note.trim(),
        actor,
    };
    po_changes::insert_change_tx(tx, tenant, &new, now).await?;
    let rec = if rec.state == PoState::ChangeApproval {
        route_change_tx(tx, tenant, rec, value, request_id, now).await?
    } else {
        rec
    };
    Ok(rec.state)
}

#[allow(clippy::too_many_arguments)]
async fn answer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: PurchaseOrderRecord,
    by: Side,
    answer: ChangeAnswer,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let open = po_changes::open_change_tx(tx, tenant, rec.id)
        .await?
        .filter(|_| rec.state == PoState::ChangeProposed)
        .ok_or_else(|| EngineError::invalid("err-change-none-open", &[]))?;
    if open.proposed_by == by.as_str() {
        return Err(EngineError::invalid("err-change-own", &[]));
    }
    let cmd = match answer {
        ChangeAnswer::Accept => PoCommand::AcceptChange { by },
        ChangeAnswer::Refuse { reason } => {
            let reason = reason.trim().to_string();
            if reason.is_empty() {
                return Err(EngineError::invalid("err-change-say-why", &[]));
            }
            if reason.chars().count() > MAX_NOTE_CHARS {
                return Err(EngineError::invalid(
                    "err-reason-too-long",
                    &[("most", MAX_NOTE_CHARS.to_string())],
                ));
            }
            PoCommand::RejectChange { by, reason }
        }
    };
    let rec = apply_po_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
    let rec = if rec.state == PoState::ChangeApproval {
        route_change_tx(tx, tenant, rec, open.value_minor, request_id, now).await?
    } else {
        rec
    };
    Ok(rec.state)
}

/// The buyer's order, locked, with the buyer now among the people involved (who may not
/// approve what they changed).
async fn buyers_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    member: &Member,
    po: i64,
) -> Result<PurchaseOrderRecord, EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    let mut rec = purchase_orders::purchase_order_tx(tx, tenant, po)
        .await?
        .ok_or(EngineError::NotFound)?;
    if let Some(person) = member.person() {
        rec.involved_users = add_involved(&rec.involved_users, person);
    }
    Ok(rec)
}

/// The supplier user's order, locked: one sent to their organisation, or not found.
async fn suppliers_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    member: &Member,
    po: i64,
) -> Result<PurchaseOrderRecord, EngineError> {
    let supplier = own_supplier(member)?;
    purchase_orders::purchase_order_tx(tx, tenant, po)
        .await?
        .filter(|r| sent_to(supplier, r.supplier_id, r.sent_at))
        .ok_or(EngineError::NotFound)
}

/// The buyer changes an order the supplier has (or counters the supplier's proposal):
/// the supplier is asked to accept it, after approval when it is dearer. Needs
/// [`Permission::CommandPurchaseOrders`].
pub async fn propose_change(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    proposal: Proposal,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let rec = buyers_order_tx(&mut tx, tenant, member, po).await?;
    let state = propose_tx(
        &mut tx,
        tenant,
        rec,
        Side::Buyer,
        proposal,
        &member.actor(),
        request_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(state)
}

/// The signed-in supplier user proposes a change to an order sent to their organisation
/// (or counters the buyer's). Needs [`Permission::AnswerPurchaseOrders`].
pub async fn propose_change_as_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    proposal: Proposal,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let rec = suppliers_order_tx(&mut tx, tenant, member, po).await?;
    let state = propose_tx(
        &mut tx,
        tenant,
        rec,
        Side::Supplier,
        proposal,
        &member.actor(),
        request_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(state)
}

/// The buyer accepts or refuses the supplier's proposal; an accepted dearer change goes
/// through approval first. Needs [`Permission::CommandPurchaseOrders`].
pub async fn answer_change(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    answer: ChangeAnswer,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let rec = buyers_order_tx(&mut tx, tenant, member, po).await?;
    let state = answer_tx(
        &mut tx,
        tenant,
        rec,
        Side::Buyer,
        answer,
        &member.actor(),
        request_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(state)
}

/// The signed-in supplier user accepts or refuses the buyer's change. Needs
/// [`Permission::AnswerPurchaseOrders`].
pub async fn answer_change_as_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    answer: ChangeAnswer,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let rec = suppliers_order_tx(&mut tx, tenant, member, po).await?;
    let state = answer_tx(
        &mut tx,
        tenant,
        rec,
        Side::Supplier,
        answer,
        &member.actor(),
        request_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64, quantity: i64, cost: i64) -> PoLineRecord {
        PoLineRecord {
            id,
            po_id: 1,
            product_id: id,
            quantity,
            unit_cost_minor: cost,
            need_id: None,
            reason: String::new(),
            reason_words: None,
            snapshot: String::new(),
            shipped: 0,
            received: 0,
            promised_on: None,
        }
    }

    const NOW: i64 = 1_800_000_000_000;

    fn proposal(lines: Vec<ChangeLine>, day_offset: i64) -> Proposal {
        Proposal {
            lines,
            promised_on: day_start(NOW) + day_offset * DAY_MS,
            note: String::new(),
        }
    }

    fn change(line_id: i64, quantity: i64, unit_cost_minor: i64) -> ChangeLine {
        ChangeLine {
            line_id,
            quantity,
            unit_cost_minor,
            ships_on: None,
        }
    }

    #[test]
    fn a_proposal_names_what_is_wrong_and_keeps_unnamed_lines() {
        let lines = [line(1, 10, 100), line(2, 5, 200)];
        let day = Some(day_start(NOW) + 3 * DAY_MS);
        let err = |p: Proposal| checked(&p, &lines, day, NOW).unwrap_err().to_string();
        assert!(err(proposal(vec![change(9, 1, 1)], 3)).contains("line 9 is not on this order"));
        assert!(err(proposal(vec![change(1, -1, 1)], 3)).contains("quantity must be between 0"));
        assert!(err(proposal(vec![change(1, 1, i64::MAX)], 3)).contains("unit price"));
        assert!(err(proposal(vec![change(1, 0, 1), change(2, 0, 1)], 3)).contains("decline it"));
        assert!(err(proposal(vec![change(1, 2, 1), change(1, 3, 1)], 3)).contains("named twice"));
        assert!(err(proposal(vec![], 3)).contains("nothing new"));
        assert!(err(proposal(vec![], -1)).contains("delivery date"));
        let full = checked(&proposal(vec![change(2, 0, 200)], 3), &lines, day, NOW).unwrap();
        assert_eq!(full, [change(1, 10, 100), change(2, 0, 200)]);
        assert_eq!(value_of(&full).unwrap(), 1_000);
        // A later day alone is a change; so is one line's own later day (a line
        // backorder), which may not be before the order's.
        assert!(checked(&proposal(vec![], 4), &lines, day, NOW).is_ok());
        let own = |d: i64| ChangeLine {
            ships_on: Some(day_start(NOW) + d * DAY_MS),
            ..change(1, 10, 100)
        };
        let full = checked(&proposal(vec![own(9)], 3), &lines, day, NOW).unwrap();
        assert_eq!(full[0].ships_on, Some(day_start(NOW) + 9 * DAY_MS));
        assert!(err(proposal(vec![own(2)], 3)).contains("its own delivery date"));
        let same = checked(&proposal(vec![own(4)], 4), &lines, day, NOW).unwrap();
        assert_eq!(
            same[0].ships_on, None,
            "the order's own day is no line backorder"
        );
    }

    #[test]
    fn the_value_of_a_change_never_wraps() {
        let huge = [change(1, MAX_QUANTITY, MAX_MONEY_MINOR), change(2, 1, 1)];
        assert!(value_of(&huge)
            .unwrap_err()
            .to_string()
            .contains("worth more"));
    }
}
