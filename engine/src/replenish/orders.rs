//! Purchase orders once sent: the supplier's answers through the signed link the order's
//! e-mail carries (acknowledge with a promised date, or decline with a reason) or signed
//! in (also backorder: confirmed, not before a day), and the buyer's commands on an
//! order (cancel, close, withdraw its links, send again). Changes and ship notices are
//! in `changes` and `shipments`.
//!
//! The link is the supplier's permission: [`open_order_link`] and [`answer_by_link`]
//! check its signature, that it is this tenant's, not expired and not revoked (again
//! inside the transaction that acts), and allow only the supplier's own commands on the
//! one order it opens. A signed-in supplier user lists the orders sent to their own
//! organisation and answers any of them the same way ([`answer_as_supplier`]; another
//! supplier's order is not found). Everything else needs a signed-in member with
//! [`Permission::CommandPurchaseOrders`].

use serde_json::json;

use super::po_lifecycle::{apply_po_tx, send_to_supplier_tx};
use crate::audit::AuditEntry;
use crate::error::{EngineError, Msg};
use crate::limits::{MAX_NOTE_CHARS, MAX_PROMISE_DAYS};
use crate::links::{verify_po_token, LINK_KEY};
use crate::model::{day_start, day_string, DocRef, Member, Permission, TenantId, DAY_MS};
use crate::region::calendar_date;
use crate::store::audit::append_audit_tx;
use crate::store::supplier_orders::{self, PoLinkRecord, SupplierOrder};
use crate::store::{purchase_orders, Store};
use crate::workflow::purchase_order::{PoCommand, PoState};

/// Delivery dates a supplier may give for one order through its link (the first and
/// its revisions).
pub const MAX_PROMISES: i64 = 20;

/// Why a link does not open its order: each a sentence for the page.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// Unknown, changed, another tenant's: one answer, no hint which.
    #[error("This link is not valid. Check that it was copied whole, or ask the buyer to send the order again.")]
    Invalid,
    /// It stopped working at this instant (epoch ms); pages name its day on the
    /// tenant's clock.
    #[error("This link expired on {}. Ask the buyer to send the order again.", day_string(*.0))]
    Expired(i64),
    #[error("This link was withdrawn by the buyer. Ask the buyer for a new one.")]
    Revoked,
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<sqlx::Error> for LinkError {
    fn from(e: sqlx::Error) -> LinkError {
        LinkError::Engine(EngineError::Store(e))
    }
}

/// The supplier's answer to an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SupplierAnswer {
    /// Delivery promised for a day (UTC midnight, epoch ms).
    Acknowledge {
        promised_on: i64,
    },
    Decline {
        reason: String,
    },
    /// Confirmed, but delivery not before the day given (signed in only).
    Backorder {
        promised_on: i64,
    },
}

pub(super) fn usable(link: Option<PoLinkRecord>, now: i64) -> Result<PoLinkRecord, LinkError> {
    let link = link.ok_or(LinkError::Invalid)?;
    if link.revoked_at.is_some() {
        return Err(LinkError::Revoked);
    }
    if now >= link.expires_at {
        return Err(LinkError::Expired(link.expires_at));
    }
    Ok(link)
}

/// Whether `token` is signed for this tenant (its link may still be expired, withdrawn
/// or gone): a cheap check before reading what a link-holder posts.
pub async fn link_is_signed(store: &Store, tenant: TenantId, token: &str) -> bool {
    verified_link(store, tenant, token).await.is_ok()
}

pub(super) async fn verified_link(
    store: &Store,
    tenant: TenantId,
    token: &str,
) -> Result<i64, LinkError> {
    let key = store.signing_key(LINK_KEY).await?;
    verify_po_token(&key, tenant.0, token.trim()).ok_or(LinkError::Invalid)
}

/// The order a link opens, as its supplier sees it.
pub async fn open_order_link(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<SupplierOrder, LinkError> {
    let id = verified_link(store, tenant, token).await?;
    let link = usable(store.po_link(tenant, id).await?, now)?;
    store
        .supplier_order(tenant, link.po_id)
        .await?
        .ok_or(LinkError::Invalid)
}

/// Checks an answer's values: the promised day from today up to [`MAX_PROMISE_DAYS`]
/// ahead, a decline's reason given and not too long.
fn checked(answer: SupplierAnswer, now: i64) -> Result<PoCommand, EngineError> {
    match answer {
        SupplierAnswer::Acknowledge { promised_on } | SupplierAnswer::Backorder { promised_on } => {
            let today = day_start(now);
            let last = today.saturating_add(MAX_PROMISE_DAYS * DAY_MS);
            if promised_on < today || promised_on > last || day_start(promised_on) != promised_on {
                return Err(EngineError::Invalid(
                    Msg::new("err-delivery-date", &[])
                        .day("today", calendar_date(today))
                        .day("last", calendar_date(last)),
                ));
            }
            Ok(match answer {
                SupplierAnswer::Backorder { .. } => PoCommand::Backorder { promised_on },
                _ => PoCommand::Acknowledge { promised_on },
            })
        }
        SupplierAnswer::Decline { reason } => {
            let reason = reason.trim().to_string();
            if reason.is_empty() {
                return Err(EngineError::invalid("err-decline-say-why", &[]));
            }
            if reason.chars().count() > MAX_NOTE_CHARS {
                return Err(EngineError::invalid(
                    "err-reason-too-long",
                    &[("most", MAX_NOTE_CHARS.to_string())],
                ));
            }
            Ok(PoCommand::Decline { reason })
        }
    }
}

/// The supplier answers the order its link opens; the order's new state. The link is
/// checked again inside the transaction, and the order's state machine refuses an
/// answer to an order that is cancelled or already declined.
pub async fn answer_by_link(
    store: &Store,
    tenant: TenantId,
    token: &str,
    answer: SupplierAnswer,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, LinkError> {
    let id = verified_link(store, tenant, token).await?;
    if matches!(answer, SupplierAnswer::Backorder { .. }) {
        return Err(LinkError::Engine(EngineError::invalid(
            "err-link-backorder",
            &[],
        )));
    }
    let cmd = checked(answer, now)?;
    let mut tx = store.begin(tenant).await?;
    let po = supplier_orders::po_link_tx(&mut tx, tenant, id)
        .await?
        .ok_or(LinkError::Invalid)?
        .po_id;
    // The order's lock first (a withdrawal takes it too), then the link read again: a
    // withdrawal that committed while this waited is seen.
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .ok_or(LinkError::Invalid)?;
    let link = usable(supplier_orders::po_link_tx(&mut tx, tenant, id).await?, now)?;
    let actor = format!("supplier_link:{}", link.id);
    let state = answer_tx(&mut tx, tenant, rec, cmd, &actor, request_id, now).await?;
    tx.commit().await?;
    Ok(state)
}

/// An answer to the locked order: the same date again changes nothing; at most
/// [`MAX_PROMISES`] dates; the state machine refuses an answer to an order that is not
/// open to the supplier.
async fn answer_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    rec: purchase_orders::PurchaseOrderRecord,
    cmd: PoCommand,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    if let PoCommand::Acknowledge { promised_on } | PoCommand::Backorder { promised_on } = cmd {
        let again = match cmd {
            PoCommand::Backorder { .. } => PoState::Backordered,
            _ => PoState::Acknowledged,
        };
        if rec.state == again && rec.promised_on == Some(promised_on) {
            return Ok(rec.state); // the same date again: nothing to record or tell
        }
        let given = supplier_orders::promise_count_tx(tx, tenant, rec.id).await?;
        if given >= MAX_PROMISES {
            return Err(EngineError::invalid(
                "err-promise-too-many",
                &[("given", given.to_string())],
            ));
        }
    }
    let rec = apply_po_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
    Ok(rec.state)
}

/// Orders a supplier user's list shows per page.
pub const SUPPLIER_PAGE: i64 = 50;

/// The supplier organisation a signed-in supplier user answers for.
pub(super) fn own_supplier(member: &Member) -> Result<i64, EngineError> {
    member.require(Permission::AnswerPurchaseOrders)?;
    member
        .supplier_id
        .ok_or_else(|| EngineError::invalid("err-supplier-not-linked", &[]))
}

/// The one rule of which orders a supplier user may see and act on: those of its own
/// supplier that were sent (never a draft or an order waiting for approval).
pub(super) fn sent_to(supplier: i64, order_supplier: i64, sent_at: Option<i64>) -> bool {
    order_supplier == supplier && sent_at.is_some()
}

/// A page of the orders sent to the signed-in supplier user's organisation, newest
/// first (see [`Store::supplier_order_rows`]); one more than a page tells the caller
/// there is more. Needs [`Permission::AnswerPurchaseOrders`].
pub async fn supplier_order_list(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    state: Option<PoState>,
    before: Option<i64>,
) -> Result<Vec<supplier_orders::SupplierOrderRow>, EngineError> {
    let supplier = own_supplier(member)?;
    Ok(store
        .supplier_order_rows(tenant, supplier, state, before, SUPPLIER_PAGE + 1)
        .await?)
}

/// One order sent to the signed-in supplier user's organisation; any other order (a
/// draft, another supplier's, another tenant's) is [`EngineError::NotFound`]. Needs
/// [`Permission::AnswerPurchaseOrders`].
pub async fn supplier_order_for(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
) -> Result<SupplierOrder, EngineError> {
    let supplier = own_supplier(member)?;
    store
        .supplier_order(tenant, po)
        .await?
        .filter(|o| sent_to(supplier, o.supplier_id, o.sent_at))
        .ok_or(EngineError::NotFound)
}

/// The signed-in supplier user answers an order sent to their organisation, as the
/// link does (see [`answer_by_link`]); another supplier's order is
/// [`EngineError::NotFound`] with nothing changed. Needs
/// [`Permission::AnswerPurchaseOrders`].
pub async fn answer_as_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    answer: SupplierAnswer,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    let supplier = own_supplier(member)?;
    let cmd = checked(answer, now)?;
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .filter(|r| sent_to(supplier, r.supplier_id, r.sent_at))
        .ok_or(EngineError::NotFound)?;
    let state = answer_tx(&mut tx, tenant, rec, cmd, &member.actor(), request_id, now).await?;
    tx.commit().await?;
    Ok(state)
}

/// A buyer's command on a purchase order outside the approvals inbox: cancel (the
/// supplier is told when it already has the order), or close a partly received order
/// whose rest is not coming. Needs
/// [`Permission::CommandPurchaseOrders`].
pub async fn po_command(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    cmd: PoCommand,
    request_id: Option<&str>,
    now: i64,
) -> Result<PoState, EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    match &cmd {
        PoCommand::Cancel | PoCommand::Close => {}
        c if c.is_supplier_answer() => {
            return Err(EngineError::invalid("err-only-supplier-answers", &[]))
        }
        _ => return Err(EngineError::invalid("err-decisions-in-inbox", &[])),
    }
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let rec = apply_po_tx(&mut tx, tenant, rec, &cmd, &member.actor(), request_id, now).await?;
    tx.commit().await?;
    Ok(rec.state)
}

/// Withdraws every link to the order (a forwarded e-mail, a supplier contact who left);
/// how many were live. [`resend_order`] gives the supplier a new one. Needs
/// [`Permission::CommandPurchaseOrders`].
pub async fn revoke_order_links(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<u64, EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    let mut tx = store.begin(tenant).await?;
    purchase_orders::purchase_order_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let revoked = supplier_orders::revoke_po_links_tx(&mut tx, tenant, id, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "purchase_order.links_revoked",
            DocRef::PurchaseOrder(id).subject(),
            None,
            Some(json!({ "revoked": revoked })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(revoked)
}

/// Sends an order the supplier has (sent or acknowledged) again, with a new link: after
/// a link was withdrawn or expired, or the e-mail was lost. Needs
/// [`Permission::CommandPurchaseOrders`].
pub async fn resend_order(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if !rec.state.with_supplier() {
        return Err(Msg::new("err-resend-state", &[])
            .term("state", rec.state.term())
            .into());
    }
    let link = send_to_supplier_tx(&mut tx, tenant, &rec, "purchase_order", now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "purchase_order.resent",
            DocRef::PurchaseOrder(id).subject(),
            None,
            Some(json!({ "link_id": link })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
