//! Supplier scorecards, computed from the orders' own history over the last
//! [`WEEKS`] weeks (Monday to Sunday, UTC): orders sent, acknowledged, acknowledged on
//! time (before the acknowledgement clock of [`crate::sla`] ran out), declined, the
//! median time to the first answer, and how often a promised delivery date was
//! changed; with the on-time share per week for a trend. The share counts the orders
//! whose answer was due: one still inside its clock, or cancelled before any answer,
//! is left out (shown as pending). Each order is judged by the due time fixed when it
//! was sent (orders sent before that was kept: by today's clock).
//!
//! Buyers see every supplier's ([`Permission::ViewInventory`]); a supplier user sees
//! its own organisation's only ([`Permission::AnswerPurchaseOrders`]). Delivery
//! figures come from the orders delivered (closed with at least one receipt against a
//! ship notice): on time in full (the last receipt on or before the day agreed: the
//! first promise or an accepted change's day, not a later re-dating by the supplier
//! alone; or the day asked for when none was promised, and every agreed unit received in good
//! order), the fill rate (units received in good order over units ordered) and the
//! median lead time (sending to the last receipt).

use crate::error::EngineError;
use crate::model::{day_start, Member, Permission, TenantId, DAY_MS};
use crate::store::{OrderHistory, Store};
use crate::workflow::purchase_order::PoState;

/// Weeks a scorecard covers.
pub const WEEKS: i64 = 12;

const WEEK_MS: i64 = 7 * DAY_MS;

/// One supplier's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub supplier_id: i64,
    pub supplier: String,
    pub sent: i64,
    /// Orders whose answer was due (the on-time share's base), and those still inside
    /// their clock.
    pub due: i64,
    pub pending: i64,
    pub acknowledged: i64,
    pub on_time: i64,
    pub declined: i64,
    /// Median hours from sending to the first acknowledgement, if any.
    pub median_response_hours: Option<f64>,
    /// Delivery dates changed after the first promise, over all orders.
    pub date_changes: i64,
    /// Per week, oldest first: (the week's Monday, orders whose answer was due,
    /// acknowledged on time).
    pub weeks: Vec<(i64, i64, i64)>,
    /// Orders delivered, and of those on time in full.
    pub delivered: i64,
    pub on_time_in_full: i64,
    /// Units received in good order and units ordered, over the delivered orders.
    pub units_received: i64,
    pub units_ordered: i64,
    /// Median days from sending to the last receipt, if any delivered.
    pub median_lead_days: Option<f64>,
}

/// The scorecard of every supplier with orders in the period, by name.
pub async fn scorecards(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Vec<Scorecard>, EngineError> {
    member.require(Permission::ViewInventory)?;
    compute(store, tenant, None, now).await
}

/// The signed-in supplier user's own organisation's scorecard.
pub async fn own_scorecard(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Option<Scorecard>, EngineError> {
    member.require(Permission::AnswerPurchaseOrders)?;
    let Some(supplier) = member.supplier_id else {
        return Ok(None);
    };
    Ok(compute(store, tenant, Some(supplier), now)
        .await?
        .into_iter()
        .next())
}

pub(crate) async fn compute(
    store: &Store,
    tenant: TenantId,
    supplier: Option<i64>,
    now: i64,
) -> Result<Vec<Scorecard>, EngineError> {
    // Epoch day 0 was a Thursday: Mondays are 4 days later, modulo a week.
    let monday = (now - 4 * DAY_MS).div_euclid(WEEK_MS) * WEEK_MS + 4 * DAY_MS;
    let first_week = monday - (WEEKS - 1) * WEEK_MS;
    let history = store.supplier_history(tenant, supplier, first_week).await?;
    let sla = store.supplier_sla(tenant).await?;
    let (_, names) = store.labels(tenant).await?;
    let mut cards: Vec<Scorecard> = Vec::new();
    let mut responses: Vec<Vec<f64>> = Vec::new();
    let mut leads: Vec<Vec<f64>> = Vec::new();
    for h in history {
        let i = match cards.iter().position(|c| c.supplier_id == h.supplier_id) {
            Some(i) => i,
            None => {
                let name = names
                    .iter()
                    .find(|s| s.0 == h.supplier_id)
                    .map(|s| s.2.clone())
                    .unwrap_or_default();
                cards.push(empty(h.supplier_id, name, first_week, now));
                responses.push(Vec::new());
                leads.push(Vec::new());
                cards.len() - 1
            }
        };
        // The due time fixed at sending; older orders: today's clock.
        let due = h.ack_due_at.or_else(|| sla.ack_due(h.sent_at).ok());
        add(&mut cards[i], &h, due, now);
        if let Some(at) = h.first_promise_at {
            responses[i].push((at - h.sent_at) as f64 / 3_600_000.0);
        }
        if let Some(days) = delivered(&mut cards[i], &h) {
            leads[i].push(days);
        }
    }
    for ((c, r), l) in cards.iter_mut().zip(responses).zip(leads) {
        c.median_response_hours = median(r);
        c.median_lead_days = median(l);
    }
    cards.sort_by(|a, b| a.supplier.cmp(&b.supplier));
    Ok(cards)
}

fn empty(supplier_id: i64, supplier: String, first_week: i64, now: i64) -> Scorecard {
    let mut weeks = Vec::new();
    let mut w = first_week;
    while w <= now {
        weeks.push((w, 0, 0));
        w += WEEK_MS;
    }
    Scorecard {
        supplier_id,
        supplier,
        sent: 0,
        due: 0,
        pending: 0,
        acknowledged: 0,
        on_time: 0,
        declined: 0,
        median_response_hours: None,
        date_changes: 0,
        weeks,
        delivered: 0,
        on_time_in_full: 0,
        units_received: 0,
        units_ordered: 0,
        median_lead_days: None,
    }
}

fn add(card: &mut Scorecard, h: &OrderHistory, due: Option<i64>, now: i64) {
    card.sent += 1;
    let on_time = match (h.first_promise_at, due) {
        (Some(at), Some(due)) => at <= due,
        _ => false,
    };
    let answered = h.first_promise_at.is_some() || h.state == PoState::Declined;
    let counted = answered
        || match h.state {
            PoState::Sent => due.is_some_and(|d| d <= now),
            PoState::Cancelled => false,
            _ => true,
        };
    if !counted {
        if h.state == PoState::Sent {
            card.pending += 1;
        }
        return;
    }
    card.due += 1;
    if h.first_promise_at.is_some() {
        card.acknowledged += 1;
        card.date_changes += (h.promises - 1).max(0);
    }
    if on_time {
        card.on_time += 1;
    }
    if h.state == PoState::Declined {
        card.declined += 1;
    }
    if let Some(week) = card
        .weeks
        .iter_mut()
        .rev()
        .find(|(start, _, _)| *start <= h.sent_at)
    {
        week.1 += 1;
        week.2 += i64::from(on_time);
    }
}

/// Counts a delivered order (closed, with a receipt) into the delivery figures; its
/// lead time in days.
fn delivered(card: &mut Scorecard, h: &OrderHistory) -> Option<f64> {
    let last = h.last_receipt_at.filter(|_| h.state == PoState::Closed)?;
    let due = h.promised_on.unwrap_or_else(|| {
        day_start(h.sent_at).saturating_add(h.lead_time_days.saturating_mul(DAY_MS))
    });
    card.delivered += 1;
    let in_full = h.received >= h.ordered;
    if in_full && day_start(last) <= due {
        card.on_time_in_full += 1;
    }
    card.units_received = card.units_received.saturating_add(h.received);
    card.units_ordered = card.units_ordered.saturating_add(h.ordered);
    Some(last.saturating_sub(h.sent_at).max(0) as f64 / DAY_MS as f64)
}

/// The median of the values (hours), if any.
pub(crate) fn median(mut hours: Vec<f64>) -> Option<f64> {
    if hours.is_empty() {
        return None;
    }
    hours.sort_by(f64::total_cmp);
    let mid = hours.len() / 2;
    Some(if hours.len().is_multiple_of(2) {
        (hours[mid - 1] + hours[mid]) / 2.0
    } else {
        hours[mid]
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_median_of_even_and_odd_counts() {
        assert_eq!(super::median(vec![]), None);
        assert_eq!(super::median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(super::median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
