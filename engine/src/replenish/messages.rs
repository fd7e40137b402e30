//! Messages about a sent purchase order between the buyer and the supplier, each e-mailed
//! to the other side: to the supplier with a fresh link to the order (to answer or
//! reply without a password), to the buyer (the staff who acted on the order, else the
//! tenant's planners) with a link to the order's page.
//!
//! The buyer writes with [`Permission::CommandPurchaseOrders`]; the supplier through the
//! order's signed link ([`message_by_link`]) or signed in as a supplier user of the
//! order's supplier ([`message_as_supplier`]; another supplier's order is not found).
//!
//! A message may carry one file ([`Attachment`]): a PDF, a PNG or JPEG image, or a CSV
//! or text file, recognised by its content (not its name), at most
//! [`MAX_ATTACHMENT_BYTES`], [`MAX_ATTACHMENTS_PER_ORDER`] an order, stored per tenant.
//! Reading one needs the same standing as reading the order ([`attachment_for_staff`],
//! [`attachment_for_supplier`], [`attachment_by_link`]).

use serde_json::json;

use super::orders::{own_supplier, sent_to, usable, verified_link, LinkError};
use super::parse_involved;
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::NewJob;
use crate::limits::{
    MAX_ATTACHMENTS_PER_ORDER, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES_PER_TENANT,
    MAX_NOTE_CHARS,
};
use crate::links::PO_LINK_DAYS;
use crate::mail::SendMail;
use crate::model::{DocRef, Member, Permission, Role, TenantId, DAY_MS};
use crate::store::audit::append_audit_tx;
use crate::store::identity::{member_contact_tx, members_with_role_tx};
use crate::store::jobs::enqueue_tx;
use crate::store::messages::{self, AttachmentMeta, NewAttachment, NewMessage};
use crate::store::purchase_orders::{self, PurchaseOrderRecord};
use crate::store::{catalog, supplier_orders, Store};
use crate::workflow::purchase_order::PoState;

/// Messages one order may carry (a bound on what a leaked link can add).
pub const MAX_MESSAGES: i64 = 200;

fn checked_body(body: &str) -> Result<String, EngineError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(EngineError::invalid("err-message-empty", &[]));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Err(EngineError::invalid(
            "err-message-too-long",
            &[("most", MAX_NOTE_CHARS.to_string())],
        ));
    }
    Ok(body.to_string())
}

/// A message as written: its text and, optionally, one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    pub body: String,
    pub attachment: Option<Attachment>,
}

/// A file sent with a message, as uploaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The file's type from its content, and a safe name for it (its own name's ASCII
/// letters, digits, spaces, dots, dashes and underscores, at most 100 of them, with
/// the type's extension added when it lacks it).
fn checked_attachment(a: &Attachment) -> Result<(String, &'static str), EngineError> {
    if a.bytes.is_empty() {
        return Err(EngineError::invalid("err-attachment-empty", &[]));
    }
    if a.bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(EngineError::invalid(
            "err-attachment-too-large",
            &[("most", (MAX_ATTACHMENT_BYTES / (1024 * 1024)).to_string())],
        ));
    }
    let base = a.file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut name: String = base
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_'))
        .take(100)
        .collect();
    let lower = name.to_lowercase();
    let ext = lower
        .rsplit_once('.')
        .map(|(_, e)| e.to_string())
        .unwrap_or_default();
    let b = &a.bytes;
    let text_ok = || {
        std::str::from_utf8(b).is_ok_and(|t| {
            !t.chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        })
    };
    let (kind, wanted): (&'static str, &[&str]) = if b.starts_with(b"%PDF-") {
        ("application/pdf", &["pdf"])
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        ("image/png", &["png"])
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ("image/jpeg", &["jpg", "jpeg"])
    } else if ext == "csv" && text_ok() {
        ("text/csv; charset=utf-8", &["csv"])
    } else if ext == "txt" && text_ok() {
        ("text/plain; charset=utf-8", &["txt"])
    } else {
        return Err(EngineError::invalid("err-attachment-kind", &[]));
    };
    if !wanted.contains(&ext.as_str()) {
        let stem = name.trim_matches('.').to_string();
        name = format!(
            "{}.{}",
            if stem.is_empty() { "attachment" } else { &stem },
            wanted[0]
        );
    }
    if name.trim_matches('.').is_empty() || name.starts_with('.') {
        name = format!("attachment.{}", wanted[0]);
    }
    Ok((name, kind))
}

/// Who writes: the buyer's member, or the supplier (with the name it shows as).
enum Author<'a> {
    Buyer(&'a Member),
    Supplier { actor: String },
}

/// A message whose text and file were checked, before any transaction (no lock is held
/// while a file is read): the trimmed text, and the file with its safe name and type.
struct Checked<'a> {
    body: String,
    file: Option<(&'a Attachment, String, &'static str)>,
}

impl<'a> Checked<'a> {
    fn of(message: &'a Message) -> Result<Checked<'a>, EngineError> {
        let body = checked_body(&message.body)?;
        let file = match &message.attachment {
            Some(a) => {
                let (name, kind) = checked_attachment(a)?;
                Some((a, name, kind))
            }
            None => None,
        };
        Ok(Checked { body, file })
    }
}

/// Adds the message to the locked order and queues the e-mail to the other side.
async fn post_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: &PurchaseOrderRecord,
    author: Author<'_>,
    message: &Checked<'_>,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    if rec.sent_at.is_none() {
        return Err(EngineError::invalid("err-message-not-sent", &[]));
    }
    if messages::message_count_tx(tx, tenant, rec.id).await? >= MAX_MESSAGES {
        return Err(EngineError::invalid(
            "err-message-too-many",
            &[("most", MAX_MESSAGES.to_string())],
        ));
    }
    let (_, supplier_name, supplier_email) =
        catalog::supplier_label_tx(tx, tenant, rec.supplier_id).await?;
    let (from_supplier, actor, name) = match &author {
        Author::Buyer(m) => (false, m.actor(), m.name.clone()),
        Author::Supplier { actor } => (true, actor.clone(), supplier_name.clone()),
    };
    let new = NewMessage {
        po: rec.id,
        from_supplier,
        actor: &actor,
        author: &name,
        body: &message.body,
    };
    let id = messages::insert_message_tx(tx, tenant, &new, now).await?;
    if let Some((a, file_name, content_type)) = &message.file {
        if messages::attachment_count_tx(tx, tenant, rec.id).await? >= MAX_ATTACHMENTS_PER_ORDER {
            return Err(EngineError::invalid(
                "err-attachment-too-many",
                &[("most", MAX_ATTACHMENTS_PER_ORDER.to_string())],
            ));
        }
        let stored = messages::attachment_bytes_tx(tx, tenant).await?;
        if stored.saturating_add(a.bytes.len() as i64) > MAX_ATTACHMENT_BYTES_PER_TENANT {
            return Err(EngineError::invalid("err-attachment-room-full", &[]));
        }
        let file = NewAttachment {
            po: rec.id,
            message: id,
            file_name,
            content_type,
            data: &a.bytes,
        };
        messages::insert_attachment_tx(tx, tenant, &file, now).await?;
    }
    let doc = DocRef::PurchaseOrder(rec.id);
    if from_supplier {
        // To the staff who acted on the order; none (it went out automatically): the
        // planners.
        let mut to = Vec::new();
        for user in parse_involved(&rec.involved_users) {
            if let Some(c) = member_contact_tx(tx, tenant, user).await? {
                to.push(c);
            }
        }
        if to.is_empty() {
            to = members_with_role_tx(tx, tenant, Role::Planner).await?;
        }
        for (user, email, name) in to {
            let mail = SendMail {
                template: "po_message_staff".into(),
                to: email,
                name,
                doc_type: doc.doc_type().into(),
                doc_id: rec.id,
                occasion: format!("po-message:{id}:{user}"),
                message_id: id,
                ..SendMail::default()
            };
            enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
        }
    } else {
        // A fresh link only while the supplier still holds the order through one: a
        // message never brings back links the buyer withdrew (or lets an ended order
        // be answered); the message then goes without a link.
        let open = rec.state.with_supplier()
            || matches!(rec.state, PoState::ChangeProposed | PoState::ChangeApproval);
        let link = if open && supplier_orders::has_live_link_tx(tx, tenant, rec.id, now).await? {
            let expires = now.saturating_add(PO_LINK_DAYS * DAY_MS);
            supplier_orders::insert_po_link_tx(tx, tenant, rec.id, expires, now).await?
        } else {
            0
        };
        let mail = SendMail {
            template: "po_message".into(),
            to: supplier_email,
            name: supplier_name,
            doc_type: doc.doc_type().into(),
            doc_id: rec.id,
            occasion: format!("po-message:{id}"),
            link_id: link,
            message_id: id,
            ..SendMail::default()
        };
        enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
    }
    append_audit_tx(
        tx,
        tenant,
        &AuditEntry::of(
            &actor,
            "purchase_order.message",
            doc.subject(),
            None,
            Some(json!({ "message_id": id, "from_supplier": from_supplier })),
            request_id,
        ),
    )
    .await?;
    Ok(id)
}

/// The buyer writes to the supplier about an order it was sent. Needs
/// [`Permission::CommandPurchaseOrders`].
pub async fn message_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    message: &Message,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::CommandPurchaseOrders)?;
    let checked = Checked::of(message)?;
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .ok_or(EngineError::NotFound)?;
    let author = Author::Buyer(member);
    let id = post_tx(&mut tx, tenant, &rec, author, &checked, request_id, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A signed-in supplier user writes to the buyer about an order sent to their
/// organisation; any other order is [`EngineError::NotFound`]. Needs
/// [`Permission::AnswerPurchaseOrders`].
pub async fn message_as_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    message: &Message,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    let supplier = own_supplier(member)?;
    let checked = Checked::of(message)?;
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .filter(|r| sent_to(supplier, r.supplier_id, r.sent_at))
        .ok_or(EngineError::NotFound)?;
    let author = Author::Supplier {
        actor: member.actor(),
    };
    let id = post_tx(&mut tx, tenant, &rec, author, &checked, request_id, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The supplier writes to the buyer through the order's signed link (checked again in
/// the transaction, as an answer is).
pub async fn message_by_link(
    store: &Store,
    tenant: TenantId,
    token: &str,
    message: &Message,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, LinkError> {
    let id = verified_link(store, tenant, token).await?;
    let checked = Checked::of(message)?;
    let mut tx = store.begin(tenant).await?;
    let po = supplier_orders::po_link_tx(&mut tx, tenant, id)
        .await?
        .ok_or(LinkError::Invalid)?
        .po_id;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, po)
        .await?
        .ok_or(LinkError::Invalid)?;
    let link = usable(supplier_orders::po_link_tx(&mut tx, tenant, id).await?, now)?;
    let author = Author::Supplier {
        actor: format!("supplier_link:{}", link.id),
    };
    let message = post_tx(&mut tx, tenant, &rec, author, &checked, request_id, now).await?;
    tx.commit().await?;
    Ok(message)
}

/// A file and its bytes, to download.
pub type AttachmentFile = (AttachmentMeta, Vec<u8>);

/// A file of an order's messages, for the retailer's staff. Needs
/// [`Permission::ViewInventory`].
pub async fn attachment_for_staff(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    id: i64,
) -> Result<AttachmentFile, EngineError> {
    member.require(Permission::ViewInventory)?;
    store
        .po_attachment(tenant, po, id)
        .await?
        .ok_or(EngineError::NotFound)
}

/// A file of one of the signed-in supplier user's orders; any other is not found.
/// Needs [`Permission::AnswerPurchaseOrders`].
pub async fn attachment_for_supplier(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    po: i64,
    id: i64,
) -> Result<AttachmentFile, EngineError> {
    let supplier = own_supplier(member)?;
    let order = store.purchase_order(tenant, po).await?;
    if !order.is_some_and(|o| sent_to(supplier, o.supplier_id, o.sent_at)) {
        return Err(EngineError::NotFound);
    }
    store
        .po_attachment(tenant, po, id)
        .await?
        .ok_or(EngineError::NotFound)
}

/// A file of the order the link opens.
pub async fn attachment_by_link(
    store: &Store,
    tenant: TenantId,
    token: &str,
    id: i64,
    now: i64,
) -> Result<AttachmentFile, LinkError> {
    let link = verified_link(store, tenant, token).await?;
    let link = usable(store.po_link(tenant, link).await?, now)?;
    store
        .po_attachment(tenant, link.po_id, id)
        .await?
        .ok_or(LinkError::Invalid)
}
