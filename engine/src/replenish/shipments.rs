//! Ship notices and receipts: the signed-in supplier user tells what left, per line,
//! with carrier, tracking and the expected day (those units move from on order to in
//! transit at the ship-to); the buyer's side counts a notice in (in transit to on hand),
//! and what differs from the notice (over, short, damaged) opens an exception. The last
//! receipt of an order that has shipped in full closes it; the buyer closes an order
//! whose rest is not coming (`orders::po_command` with `Close`).

use super::orders::{own_supplier, sent_to};
use super::po_lifecycle::apply_po_tx;
use super::sweep::positions_changed_tx;
use crate::error::{EngineError, Msg};
use crate::exceptions;
use crate::limits::{within, within_msg, MAX_PROMISE_DAYS, MAX_QUANTITY};
use crate::model::{day_start, DocRef, Member, Permission, TenantId, DAY_MS};
use crate::policy::Position;
use crate::recorded::Recorded;
use crate::region::{calendar_date, local_in};
use crate::store::po_changes::{self, NewAsn, MAX_ASNS_PER_ORDER};
use crate::store::{positions, purchase_orders, tenants, NewException, Store};
use crate::workflow::purchase_order::{PoCommand, PoState, Rest};

/// Characters of a carrier's name or a tracking number.
pub const MAX_CARRIER_CHARS: usize = 100;

/// What the supplier ships: per order line the units on this notice (0: none of it),
/// the carrier and tracking number (may be empty), and the day it should arrive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShipNotice {
    pub lines: Vec<(i64, i64)>,
    pub carrier: String,
    pub tracking: String,
    pub expected_on: i64,
}

/// What arrived of one notice line: the units counted in, and of those how many are
/// damaged (they do not go on hand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReceiptLine {
    pub asn_line_id: i64,
    pub received: i64,
    pub damaged: i64,
}

/// `value` trimmed, or the message `too_long` (with `$most`).
fn text(too_long: &'static str, value: &str) -> Result<String, EngineError> {
    let value = value.trim();
    if value.chars().count() > MAX_CARRIER_CHARS || value.chars().any(char::is_control) {
        return Err(EngineError::invalid(
            too_long,
            &[("most", MAX_CARRIER_CHARS.to_string())],
        ));
    }
    Ok(value.to_string())
}

/// The signed-in supplier user's ship notice for an order sent to their organisation;
/// the notice's id. Needs [`Permission::AnswerPurchaseOrders`]; another supplier's
/// order is [`EngineError::NotFound`].
pub async fn ship_notice_as_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    notice: ShipNotice,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    let supplier = own_supplier(member)?;
    let carrier = text("err-ship-carrier", &notice.carrier)?;
    let tracking = text("err-ship-tracking", &notice.tracking)?;
    let today = day_start(now);
    let last = today.saturating_add(MAX_PROMISE_DAYS * DAY_MS);
    let day = notice.expected_on;
    if day < today || day > last || day_start(day) != day {
        return Err(EngineError::Invalid(
            Msg::new("err-ship-expected", &[])
                .day("today", calendar_date(today))
                .day("last", calendar_date(last)),
        ));
    }
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .filter(|r| sent_to(supplier, r.supplier_id, r.sent_at))
        .ok_or(EngineError::NotFound)?;
    if po_changes::asn_count_tx(&mut tx, tenant, po).await? >= MAX_ASNS_PER_ORDER {
        return Err(EngineError::invalid(
            "err-ship-too-many",
            &[("most", MAX_ASNS_PER_ORDER.to_string())],
        ));
    }
    let lines = purchase_orders::po_lines_tx(&mut tx, tenant, po).await?;
    let mut shipping = Vec::new();
    for (line_id, quantity) in &notice.lines {
        let line = lines.iter().find(|l| l.id == *line_id).ok_or_else(|| {
            EngineError::invalid("err-line-not-on-order", &[("line", line_id.to_string())])
        })?;
        if shipping.iter().any(|(id, _)| id == line_id) {
            return Err(EngineError::invalid(
                "err-line-twice",
                &[("line", line_id.to_string())],
            ));
        }
        let open = line.quantity.saturating_sub(line.shipped).max(0);
        within_msg("err-range-quantity-shipped", *quantity, 0, MAX_QUANTITY)?;
        if *quantity > open {
            return Err(EngineError::invalid(
                "err-ship-more-than-open",
                &[
                    ("line", line_id.to_string()),
                    ("ordered", line.quantity.to_string()),
                    ("shipped", line.shipped.to_string()),
                    ("open", open.to_string()),
                ],
            ));
        }
        if *quantity > 0 {
            shipping.push((*line_id, *quantity));
        }
    }
    if shipping.is_empty() {
        return Err(EngineError::invalid("err-ship-empty", &[]));
    }
    let ship_to = rec.ship_to_location_id;
    let actor = member.actor();
    apply_po_tx(
        &mut tx,
        tenant,
        rec,
        &PoCommand::ShipNotice,
        &actor,
        request_id,
        now,
    )
    .await?;
    let new = NewAsn {
        po,
        carrier: &carrier,
        tracking: &tracking,
        expected_on: day,
        actor: &actor,
    };
    let asn = po_changes::insert_asn_tx(&mut tx, tenant, &new, &shipping, now).await?;
    let keys: Vec<(i64, i64)> = lines.iter().map(|l| (l.product_id, ship_to)).collect();
    positions::lock_positions_tx(&mut tx, tenant, &keys).await?;
    for (line_id, quantity) in &shipping {
        let product = lines
            .iter()
            .find(|l| l.id == *line_id)
            .map(|l| l.product_id);
        po_changes::add_to_line_tx(&mut tx, tenant, *line_id, *quantity, 0).await?;
        if let Some(product) = product {
            let delta = Position {
                on_hand: 0,
                in_transit: *quantity,
                on_order: -quantity,
            };
            positions::move_stock_tx(&mut tx, tenant, ship_to, product, delta, now).await?;
        }
    }
    tx.commit().await?;
    Ok(asn)
}

/// Counts a ship notice of order `po` in: every line of the notice once, with what
/// arrived and what of it is damaged. Good units go on hand; over, short and damaged
/// lines open a receipt exception. The order's new state. Needs
/// [`Permission::CommandPurchaseOrders`].
#[allow(clippy::too_many_arguments)]
pub async fn receive_notice(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    asn: i64,
    receipt: Vec<ReceiptLine>,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .ok_or(EngineError::NotFound)?;
    let notice = po_changes::asn_tx(&mut tx, tenant, asn)
        .await?
        .filter(|a| a.po_id == po)
        .ok_or(EngineError::NotFound)?;
    if notice.state != "in_transit" {
        // A notice leaves `in_transit` only by being received, which sets the time: the
        // day it was received on the tenant's clock, as its pages name it.
        let received = notice.received_at.unwrap_or(now);
        let zone = tenants::time_zone_tx(&mut tx, tenant).await?;
        return Err(EngineError::Invalid(
            Msg::new("err-receipt-done", &[]).day("day", local_in(zone.as_deref(), received).0),
        ));
    }
    let lines = po_changes::asn_lines_tx(&mut tx, tenant, asn).await?;
    for r in &receipt {
        if !lines.iter().any(|l| l.id == r.asn_line_id) {
            return Err(EngineError::invalid(
                "err-receipt-line-not-on-notice",
                &[("line", r.asn_line_id.to_string())],
            ));
        }
    }
    let mut difference_words = Vec::new();
    let mut changed = Vec::new();
    let ship_to = rec.ship_to_location_id;
    let keys: Vec<(i64, i64)> = lines.iter().map(|l| (l.product_id, ship_to)).collect();
    positions::lock_positions_tx(&mut tx, tenant, &keys).await?;
    for l in &lines {
        let mut given = receipt.iter().filter(|r| r.asn_line_id == l.id);
        let (Some(r), None) = (given.next(), given.next()) else {
            return Err(EngineError::invalid(
                "err-receipt-say-once",
                &[("sku", l.sku.clone()), ("name", l.name.clone())],
            ));
        };
        // Over-delivery is recorded (and raised), up to twice what was shipped: more is a
        // count of stock, not a receipt.
        let most = l.shipped.saturating_mul(2).min(MAX_QUANTITY);
        within("quantity received", r.received, 0, most).map_err(|_| {
            EngineError::invalid(
                "err-receipt-received-range",
                &[
                    ("sku", l.sku.clone()),
                    ("most", most.to_string()),
                    ("shipped", l.shipped.to_string()),
                ],
            )
        })?;
        within("damaged", r.damaged, 0, r.received).map_err(|_| {
            EngineError::invalid(
                "err-receipt-damaged-range",
                &[("sku", l.sku.clone()), ("received", r.received.to_string())],
            )
        })?;
        let good = r.received - r.damaged;
        po_changes::receive_asn_line_tx(&mut tx, tenant, l.id, r.received, r.damaged).await?;
        po_changes::add_to_line_tx(&mut tx, tenant, l.po_line_id, 0, good).await?;
        let delta = Position {
            on_hand: good,
            in_transit: -l.shipped,
            on_order: 0,
        };
        positions::move_stock_tx(&mut tx, tenant, ship_to, l.product_id, delta, now).await?;
        changed.push((ship_to, l.product_id));
        let mut what_words = Vec::new();
        let units = |id: &str, n: i64| Recorded::new(id, &[("units", n.to_string())]);
        if r.received > l.shipped {
            what_words.push(units("exc-receipt-over", r.received - l.shipped));
        }
        if r.received < l.shipped {
            what_words.push(units("exc-receipt-short", l.shipped - r.received));
        }
        if r.damaged > 0 {
            what_words.push(units("exc-receipt-damaged", r.damaged));
        }
        if !what_words.is_empty() {
            difference_words.push(
                Recorded::new(
                    "exc-receipt-line",
                    &[
                        ("sku", l.sku.clone()),
                        ("name", l.name.clone()),
                        ("shipped", l.shipped.to_string()),
                        ("received", r.received.to_string()),
                    ],
                )
                .part("what", what_words),
            );
        }
    }
    let actor = member.actor();
    po_changes::mark_asn_received_tx(&mut tx, tenant, asn, &actor, now).await?;
    if !difference_words.is_empty() {
        let e = NewException {
            kind: "receipt_mismatch",
            severity: "medium",
            subject: DocRef::PurchaseOrder(po).subject(),
            title_words: vec![Recorded::new(
                "exc-receipt-title",
                &[
                    ("po", po.to_string()),
                    ("asn", asn.to_string()),
                    ("lines", difference_words.len().to_string()),
                ],
            )],
            words: vec![
                Recorded::new("exc-receipt-detail", &[]).part("differences", difference_words)
            ],
            dedupe_key: format!("po-receipt:{asn}"),
            risk: None,
        };
        exceptions::open_tx(&mut tx, tenant, &e, now).await?;
    }
    let rest = if po_changes::asns_in_transit_tx(&mut tx, tenant, po).await? > 0 {
        Rest::InTransit
    } else if purchase_orders::po_lines_tx(&mut tx, tenant, po)
        .await?
        .iter()
        .all(|l| l.shipped >= l.quantity)
    {
        Rest::Nothing
    } else {
        Rest::Awaited
    };
    let rec = apply_po_tx(
        &mut tx,
        tenant,
        rec,
        &PoCommand::Receive { rest },
        &actor,
        request_id,
        now,
    )
    .await?;
    positions_changed_tx(&mut tx, tenant, &changed, now).await?;
    tx.commit().await?;
    Ok(rec.state)
}
