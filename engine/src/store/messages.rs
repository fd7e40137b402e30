//! Messages about a purchase order between the buyer and the supplier, and the files
//! attached to them.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// One message.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRecord {
    pub id: i64,
    pub po_id: i64,
    pub from_supplier: bool,
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

/// A message to add.
pub(crate) struct NewMessage<'a> {
    pub po: i64,
    pub from_supplier: bool,
    pub actor: &'a str,
    pub author: &'a str,
    pub body: &'a str,
}

const MESSAGE: &str = "SELECT id, po_id, from_supplier, author, body, created_at FROM po_messages";

pub(crate) async fn insert_message_tx(
    tx: &mut Tx,
    tenant: TenantId,
    m: &NewMessage<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO po_messages (tenant_id, po_id, from_supplier, actor, author, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(tenant.0)
    .bind(m.po)
    .bind(m.from_supplier)
    .bind(m.actor)
    .bind(m.author)
    .bind(m.body)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

/// How many messages the order has.
pub(crate) async fn message_count_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_messages WHERE tenant_id = $1 AND po_id = $2",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

/// A file attached to a message, without its bytes.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentMeta {
    pub id: i64,
    pub message_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// A file to store with a message (checked by the caller).
pub(crate) struct NewAttachment<'a> {
    pub po: i64,
    pub message: i64,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub data: &'a [u8],
}

pub(crate) async fn insert_attachment_tx(
    tx: &mut Tx,
    tenant: TenantId,
    a: &NewAttachment<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO po_attachments (tenant_id, po_id, message_id, file_name, content_type, \
         size_bytes, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(tenant.0)
    .bind(a.po)
    .bind(a.message)
    .bind(a.file_name)
    .bind(a.content_type)
    .bind(a.data.len() as i64)
    .bind(a.data)
    .bind(now)
    .fetch_one(c)
    .await)
}

/// The bytes of all the tenant's stored files.
pub(crate) async fn attachment_bytes_tx(tx: &mut Tx, tenant: TenantId) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM po_attachments WHERE tenant_id = $1",
    )
    .bind(tenant.0)
    .fetch_one(c)
    .await
    })
}

pub(crate) async fn attachment_count_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_attachments WHERE tenant_id = $1 AND po_id = $2",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

impl Store {
    /// The files attached to the order's messages (without their bytes).
    pub async fn po_attachments(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<AttachmentMeta>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
                "SELECT id, message_id, file_name, content_type, size_bytes FROM po_attachments \
                 WHERE tenant_id = $1 AND po_id = $2 ORDER BY id",
            )
            .bind(tenant.0)
            .bind(po)
            .fetch_all(pool)
            .await
        })
    }

    /// One file of the order, with its bytes; `None` if the order has no such file.
    pub async fn po_attachment(
        &self,
        tenant: TenantId,
        po: i64,
        id: i64,
    ) -> Result<Option<(AttachmentMeta, Vec<u8>)>, sqlx::Error> {
        let row: Option<(i64, i64, String, String, i64, Vec<u8>)> =
            on_db!(&self.db, read, tenant, |pool| {
                sqlx::query_as(
                    "SELECT id, message_id, file_name, content_type, size_bytes, data \
                     FROM po_attachments WHERE tenant_id = $1 AND po_id = $2 AND id = $3",
                )
                .bind(tenant.0)
                .bind(po)
                .bind(id)
                .fetch_optional(pool)
                .await
            })?;
        Ok(row.map(
            |(id, message_id, file_name, content_type, size_bytes, data)| {
                (
                    AttachmentMeta {
                        id,
                        message_id,
                        file_name,
                        content_type,
                        size_bytes,
                    },
                    data,
                )
            },
        ))
    }

    /// The order's messages, oldest first (at most 500).
    pub async fn po_messages(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<MessageRecord>, sqlx::Error> {
        let sql = format!("{MESSAGE} WHERE tenant_id = $1 AND po_id = $2 ORDER BY id LIMIT 500");
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(po)
                .fetch_all(pool)
                .await
        })
    }

    pub async fn po_message(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<MessageRecord>, sqlx::Error> {
        let sql = format!("{MESSAGE} WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(pool)
                .await
        })
    }
}
