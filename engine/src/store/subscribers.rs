//! Back-in-stock subscribers and their subscriptions (the waves' side is in
//! `alert_waves`). Addresses arrive sealed and hashed (`engine::addresses`): nothing
//! here ever sees one in clear.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// A shopper of one tenant.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SubscriberRecord {
    pub id: i64,
    pub address_sealed: String,
    pub suppressed_at: Option<i64>,
}

/// One product at one channel for one shopper.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SubscriptionRecord {
    pub id: i64,
    pub subscriber_id: i64,
    pub product_id: i64,
    pub location_id: i64,
    /// `pending`, `confirmed`, `notified` or `unsubscribed`.
    pub state: String,
    pub source: String,
    pub wording: String,
    pub created_at: i64,
    pub confirm_expires_at: i64,
    pub confirmed_at: Option<i64>,
    pub notified_at: Option<i64>,
    pub substitute_sent_at: Option<i64>,
    pub purchased_at: Option<i64>,
}

const SUBSCRIPTION: &str = "SELECT id, subscriber_id, product_id, location_id, state, source, \
     wording, created_at, confirm_expires_at, confirmed_at, notified_at, substitute_sent_at, \
     purchased_at FROM bis_subscriptions";

/// A subscription as the shopper's own page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ShopperSubscription {
    pub id: i64,
    pub state: String,
    /// Its notification began to go (an unsubscribe no longer recalls it).
    pub mailed: bool,
    pub sku: String,
    pub product: String,
    pub location: String,
    pub created_at: i64,
}

/// One channel's waiting list and what came of it, for the tenant's admin.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WaitlistRow {
    pub location_id: i64,
    pub product_id: i64,
    pub sku: String,
    pub product: String,
    pub location: String,
    pub on_hand: i64,
    pub pending: i64,
    pub waiting: i64,
    pub notified: i64,
    pub purchased: i64,
}

/// A channel a shopper can pick, and what it has of a product.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ChannelStock {
    pub location_id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub on_hand: i64,
}

/// A new subscription's facts.
pub struct NewSubscription<'a> {
    pub subscriber_id: i64,
    pub product_id: i64,
    pub location_id: i64,
    pub source: &'a str,
    pub wording: &'a str,
    pub now: i64,
    pub confirm_expires_at: i64,
    /// The language (a code) the shopper asked in: their e-mail is written in it.
    pub language: Option<&'a str>,
}

/// The subscriber with one of `hashes` (an address's hash under each key of the ring).
pub(crate) async fn subscriber_by_hashes_tx(
    tx: &mut Tx,
    tenant: TenantId,
    hashes: &[String],
) -> Result<Option<SubscriberRecord>, sqlx::Error> {
    let marks: Vec<String> = (0..hashes.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT id, address_sealed, suppressed_at FROM bis_subscribers \
         WHERE tenant_id = $1 AND address_hash IN ({}) ORDER BY id LIMIT 1{}",
        marks.join(", "),
        tx.lock()
    );
    on_tx!(tx, |c| {
        let mut q = sqlx::query_as(&sql).bind(tenant.0);
        for h in hashes {
            q = q.bind(h);
        }
        q.fetch_optional(&mut *c).await
    })
}

/// Adds a subscriber (or finds the one a concurrent request just added).
pub(crate) async fn insert_subscriber_tx(
    tx: &mut Tx,
    tenant: TenantId,
    hash: &str,
    sealed: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO bis_subscribers (tenant_id, address_hash, address_sealed, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, address_hash) DO NOTHING",
    )
    .bind(tenant.0)
    .bind(hash)
    .bind(sealed)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM bis_subscribers WHERE tenant_id = $1 AND address_hash = $2"
    )
    .bind(tenant.0)
    .bind(hash)
    .fetch_one(&mut *c)
    .await)
}

/// The shopper's open (pending or confirmed) subscription to a product at a channel.
pub(crate) async fn open_subscription_tx(
    tx: &mut Tx,
    tenant: TenantId,
    subscriber: i64,
    product: i64,
    location: i64,
) -> Result<Option<SubscriptionRecord>, sqlx::Error> {
    let sql = format!(
        "{SUBSCRIPTION} WHERE tenant_id = $1 AND subscriber_id = $2 AND product_id = $3 \
         AND location_id = $4 AND state IN ('pending','confirmed')"
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(subscriber)
        .bind(product)
        .bind(location)
        .fetch_optional(&mut *c)
        .await)
}

pub(crate) async fn insert_subscription_tx(
    tx: &mut Tx,
    tenant: TenantId,
    s: &NewSubscription<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO bis_subscriptions (tenant_id, subscriber_id, product_id, location_id, \
         state, source, wording, created_at, confirm_expires_at, language) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(tenant.0)
    .bind(s.subscriber_id)
    .bind(s.product_id)
    .bind(s.location_id)
    .bind(s.source)
    .bind(s.wording)
    .bind(s.now)
    .bind(s.confirm_expires_at)
    .bind(s.language)
    .fetch_one(&mut *c)
    .await)
}

/// A pending subscription asked for again: its confirmation works until `expires`, and
/// its e-mail is written in `language` when the request named one.
pub(crate) async fn extend_pending_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    expires: i64,
    language: Option<&str>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_subscriptions SET confirm_expires_at = $3, language = COALESCE($4, language) \
         WHERE tenant_id = $1 AND id = $2 AND state = 'pending'"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(expires)
    .bind(language)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

/// One subscription, locked for the caller's change.
pub(crate) async fn subscription_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<SubscriptionRecord>, sqlx::Error> {
    let sql = format!(
        "{SUBSCRIPTION} WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(&mut *c)
        .await)
}

/// Pending → confirmed, if the confirmation has not expired. False otherwise.
pub(crate) async fn confirm_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_subscriptions SET state = 'confirmed', confirmed_at = $3 \
         WHERE tenant_id = $1 AND id = $2 AND state = 'pending' AND confirm_expires_at > $3"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Ends the subscriber's open subscriptions (only `one`, when given), and those a wave
/// took whose e-mail has not gone yet; how many ended.
pub(crate) async fn end_open_tx(
    tx: &mut Tx,
    tenant: TenantId,
    subscriber: i64,
    one: Option<i64>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_subscriptions SET state = 'unsubscribed', ended_at = $3 \
         WHERE tenant_id = $1 AND subscriber_id = $2 \
         AND (state IN ('pending','confirmed') OR (state = 'notified' AND mailed_at IS NULL)) \
         AND ($4 = 0 OR id = $4)"
    )
    .bind(tenant.0)
    .bind(subscriber)
    .bind(now)
    .bind(one.unwrap_or(0))
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))
}

/// Removes the subscriber and every subscription of theirs; how many subscriptions went.
pub(crate) async fn erase_tx(
    tx: &mut Tx,
    tenant: TenantId,
    subscriber: i64,
) -> Result<u64, sqlx::Error> {
    let gone = on_tx!(tx, |c| sqlx::query(
        "DELETE FROM bis_subscriptions WHERE tenant_id = $1 AND subscriber_id = $2"
    )
    .bind(tenant.0)
    .bind(subscriber)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM bis_subscribers WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(subscriber)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    Ok(gone)
}

/// A permanent delivery failure: the address gets no more mail, and its open
/// subscriptions end.
pub(crate) async fn suppress_tx(
    tx: &mut Tx,
    tenant: TenantId,
    subscriber: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_subscribers SET suppressed_at = COALESCE(suppressed_at, $3) \
         WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(subscriber)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    end_open_tx(tx, tenant, subscriber, None, now)
        .await
        .map(|_| ())
}

/// Notified subscriptions whose shopper bought (a sale carried their reference).
pub(crate) async fn mark_purchased_tx(
    tx: &mut Tx,
    tenant: TenantId,
    ids: &[i64],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(super::chunk_rows(tx)) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "UPDATE bis_subscriptions SET purchased_at = $2 WHERE tenant_id = $1 \
             AND state = 'notified' AND purchased_at IS NULL AND id IN ({})",
            marks.join(", ")
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql).bind(tenant.0).bind(now);
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Sealed addresses after id `after` that are not sealed under `key_id` (their text
/// does not start with exactly `<key_id>:`), a page at a time.
pub(crate) async fn sealed_not_under_tx(
    tx: &mut Tx,
    tenant: TenantId,
    key_id: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let prefix = format!("{key_id}:");
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, address_sealed FROM bis_subscribers WHERE tenant_id = $1 AND id > $4 \
         AND substr(address_sealed, 1, $3) <> $2 ORDER BY id LIMIT $5"
    )
    .bind(tenant.0)
    .bind(&prefix)
    .bind(prefix.len() as i32)
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *c)
    .await)
}

/// The subscriber, read in the caller's transaction.
pub(crate) async fn subscriber_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<SubscriberRecord>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, address_sealed, suppressed_at FROM bis_subscribers \
         WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .fetch_optional(&mut *c)
    .await)
}

pub(crate) async fn reseal_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    hash: &str,
    sealed: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_subscribers SET address_hash = $3, address_sealed = $4 \
         WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(hash)
    .bind(sealed)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

impl Store {
    /// Job `job` is about to send subscription `id`'s notification: true when it may
    /// (the shopper has not unsubscribed meanwhile, and no other job sent it). From
    /// then on an unsubscribe no longer recalls it; the same job retrying may send again
    /// (with the same Message-ID).
    pub async fn claim_notification(
        &self,
        tenant: TenantId,
        id: i64,
        job: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE bis_subscriptions SET mailed_at = COALESCE(mailed_at, $3), mail_job = $4 \
             WHERE tenant_id = $1 AND id = $2 AND state = 'notified' \
             AND (mailed_at IS NULL OR mail_job = $4)"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(now)
        .bind(job)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }

    /// Deletes shoppers who never consented: those (not suppressed) whose every
    /// subscription was never confirmed and had its link expire before `before`, with
    /// those subscriptions; a page of 1,000 at a time. They are locked first (PostgreSQL
    /// `FOR UPDATE SKIP LOCKED`), in the order subscribing locks them, so a shopper
    /// asking again meanwhile is either left alone or finds no row and starts afresh.
    /// Returns how many shoppers and subscriptions went.
    pub async fn purge_unconfirmed(
        &self,
        tenant: TenantId,
        before: i64,
    ) -> Result<(u64, u64), sqlx::Error> {
        let mut tx = self.begin(tenant).await?;
        let lock = if tx.is_postgres() {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let sql = format!(
            "SELECT id FROM bis_subscribers b WHERE tenant_id = $1 AND created_at < $2 \
             AND suppressed_at IS NULL AND NOT EXISTS (SELECT 1 FROM bis_subscriptions s \
               WHERE s.tenant_id = $1 AND s.subscriber_id = b.id AND NOT (s.confirmed_at IS NULL \
               AND s.confirm_expires_at < $2 AND s.state IN ('pending','unsubscribed'))) \
             ORDER BY id LIMIT 1000{lock}"
        );
        let ids: Vec<i64> = on_tx!(&mut tx, |c| sqlx::query_scalar(&sql)
            .bind(tenant.0)
            .bind(before)
            .fetch_all(&mut *c)
            .await)?;
        if ids.is_empty() {
            tx.commit().await?;
            return Ok((0, 0));
        }
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
        let (mut subscriptions, mut subscribers) = (0, 0);
        for table in ["bis_subscriptions", "bis_subscribers"] {
            let column = if table == "bis_subscribers" {
                "id"
            } else {
                "subscriber_id"
            };
            let sql = format!(
                "DELETE FROM {table} WHERE tenant_id = $1 AND {column} IN ({})",
                marks.join(", ")
            );
            let gone = on_tx!(&mut tx, |c| {
                let mut q = sqlx::query(&sql).bind(tenant.0);
                for id in &ids {
                    q = q.bind(*id);
                }
                q.execute(&mut *c).await.map(|r| r.rows_affected())
            })?;
            if table == "bis_subscribers" {
                subscribers = gone;
            } else {
                subscriptions = gone;
            }
        }
        tx.commit().await?;
        Ok((subscribers, subscriptions))
    }

    /// Suppresses a subscriber after a permanent delivery failure (see [`suppress_tx`]).
    pub async fn suppress_subscriber(
        &self,
        tenant: TenantId,
        subscriber: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin(tenant).await?;
        suppress_tx(&mut tx, tenant, subscriber, now).await?;
        tx.commit().await
    }

    pub async fn subscription(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<SubscriptionRecord>, sqlx::Error> {
        let sql = format!("{SUBSCRIPTION} WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// The language (a code) a subscription's e-mail is written in, if the shopper's
    /// request named one.
    pub async fn subscription_language(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT language FROM bis_subscriptions WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
        })
    }

    pub async fn subscriber(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<SubscriberRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, address_sealed, suppressed_at FROM bis_subscribers \
             WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// A shopper's subscriptions, newest first (at most 200).
    pub async fn subscriptions_of(
        &self,
        tenant: TenantId,
        subscriber: i64,
    ) -> Result<Vec<ShopperSubscription>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT s.id, s.state, (s.mailed_at IS NOT NULL) AS mailed, p.sku, p.name AS product, l.name AS location, s.created_at \
             FROM bis_subscriptions s JOIN products p ON p.tenant_id = s.tenant_id \
             AND p.id = s.product_id JOIN locations l ON l.tenant_id = s.tenant_id \
             AND l.id = s.location_id WHERE s.tenant_id = $1 AND s.subscriber_id = $2 \
             ORDER BY s.id DESC LIMIT 200"
        )
        .bind(tenant.0)
        .bind(subscriber)
        .fetch_all(pool)
        .await
        })
    }

    /// The channels a shopper may choose (stores, and `online` when set) with their
    /// units of `product`.
    pub async fn channel_stock(
        &self,
        tenant: TenantId,
        product: i64,
        online: Option<&str>,
    ) -> Result<Vec<ChannelStock>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT l.id AS location_id, l.code, l.name, l.kind, \
             COALESCE(sp.on_hand, 0) AS on_hand FROM locations l \
             LEFT JOIN stock_positions sp ON sp.tenant_id = l.tenant_id \
             AND sp.location_id = l.id AND sp.product_id = $2 \
             WHERE l.tenant_id = $1 AND (l.kind = 'store' OR l.code = $3) ORDER BY l.name, l.id"
        )
        .bind(tenant.0)
        .bind(product)
        .bind(online.unwrap_or(""))
        .fetch_all(pool)
        .await)
    }

    /// `(id, sku, name)` of a product by SKU.
    pub async fn product_by_sku(
        &self,
        tenant: TenantId,
        sku: &str,
    ) -> Result<Option<(i64, String, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, sku, name FROM products WHERE tenant_id = $1 AND sku = $2"
        )
        .bind(tenant.0)
        .bind(sku)
        .fetch_optional(pool)
        .await)
    }

    /// Every channel with shoppers, largest waiting list first (at most `limit`).
    pub async fn waitlists(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<WaitlistRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT w.location_id, w.product_id, p.sku, p.name AS product, l.name AS location, \
             COALESCE(sp.on_hand, 0) AS on_hand, w.pending, w.waiting, w.notified, w.purchased \
             FROM (SELECT location_id, product_id, \
                   SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending, \
                   SUM(CASE WHEN state = 'confirmed' THEN 1 ELSE 0 END) AS waiting, \
                   SUM(CASE WHEN state = 'notified' THEN 1 ELSE 0 END) AS notified, \
                   SUM(CASE WHEN purchased_at IS NOT NULL THEN 1 ELSE 0 END) AS purchased \
                   FROM bis_subscriptions WHERE tenant_id = $1 \
                   GROUP BY location_id, product_id) w \
             JOIN products p ON p.tenant_id = $1 AND p.id = w.product_id \
             JOIN locations l ON l.tenant_id = $1 AND l.id = w.location_id \
             LEFT JOIN stock_positions sp ON sp.tenant_id = $1 AND sp.location_id = w.location_id \
               AND sp.product_id = w.product_id \
             ORDER BY w.waiting DESC, p.sku, l.name LIMIT $2"
        )
        .bind(tenant.0)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }
}
