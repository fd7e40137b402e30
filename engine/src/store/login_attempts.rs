//! Sign-in attempt counters (see `identity::sign_in`): taken in one write transaction
//! each, so parallel attempts on one key are counted one after another, on SQLite and on
//! PostgreSQL alike.

use super::Store;
use crate::db::Tx;
use crate::{on_db, on_tx};

/// How one key limits attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Attempts allowed per window before the key is held back.
    pub limit: i64,
    pub window_ms: i64,
    /// Beyond the limit, wait this long after the previous attempt, doubling with each
    /// further attempt up to `max_delay_ms`, instead of waiting out the window. Zero for
    /// a plain window.
    pub first_delay_ms: i64,
    pub max_delay_ms: i64,
}

/// Whether an attempt may go ahead, or how long to wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Taken {
    Allowed,
    Wait { ms: i64 },
}

/// Counts an attempt on `key_hash` under `rule` at `now`, unless the key is held back.
pub(crate) async fn take_tx(
    tx: &mut Tx,
    key_hash: &str,
    rule: Rule,
    now: i64,
) -> Result<Taken, sqlx::Error> {
    // The row exists before it is read for update, so that concurrent first attempts
    // queue behind one another instead of each seeing none.
    on_tx!(&mut *tx, |c| sqlx::query(
        "INSERT INTO login_attempts (key_hash, window_start, attempts, last_attempt_at) \
         VALUES ($1, $2, 0, 0) ON CONFLICT (key_hash) DO NOTHING",
    )
    .bind(key_hash)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    let sql = format!(
        "SELECT window_start, attempts, last_attempt_at FROM login_attempts WHERE key_hash = $1{}",
        tx.lock()
    );
    let (mut start, mut attempts, last): (i64, i64, i64) =
        on_tx!(&mut *tx, |c| sqlx::query_as(&sql)
            .bind(key_hash)
            .fetch_one(c)
            .await)?;
    if now.saturating_sub(start) >= rule.window_ms {
        start = now;
        attempts = 0;
    }
    if attempts >= rule.limit {
        let wait = if rule.first_delay_ms > 0 {
            let doublings = (attempts - rule.limit).clamp(0, 30) as u32;
            let delay = rule
                .first_delay_ms
                .saturating_mul(1_i64 << doublings)
                .min(rule.max_delay_ms);
            delay - now.saturating_sub(last)
        } else {
            start.saturating_add(rule.window_ms) - now
        };
        if wait > 0 {
            return Ok(Taken::Wait { ms: wait });
        }
    }
    on_tx!(&mut *tx, |c| sqlx::query(
        "UPDATE login_attempts SET window_start = $2, attempts = $3, last_attempt_at = $4 \
         WHERE key_hash = $1",
    )
    .bind(key_hash)
    .bind(start)
    .bind(attempts + 1)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(Taken::Allowed)
}

/// Forgets a key's attempts inside the caller's transaction (a shopper's data erased).
pub(crate) async fn forget_tx(tx: &mut Tx, key_hash: &str) -> Result<(), sqlx::Error> {
    on_tx!(&mut *tx, |c| sqlx::query(
        "DELETE FROM login_attempts WHERE key_hash = $1"
    )
    .bind(key_hash)
    .execute(c)
    .await
    .map(|_| ()))
}

impl Store {
    /// Forgets a key's attempts (an account after a correct password).
    pub async fn clear_login_attempts(&self, key_hash: &str) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query("DELETE FROM login_attempts WHERE key_hash = $1")
                .bind(key_hash)
                .execute(pool)
                .await
                .map(|_| ())
        })
    }

    /// Gives back one counted attempt (an address whose attempt succeeded).
    pub async fn refund_login_attempt(&self, key_hash: &str) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
            "UPDATE login_attempts SET attempts = attempts - 1 WHERE key_hash = $1 AND attempts > 0"
        )
        .bind(key_hash)
        .execute(pool)
        .await
        .map(|_| ())
        })
    }

    /// Removes counters whose window ended before `before`.
    pub async fn prune_login_attempts(&self, before: i64) -> Result<u64, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "DELETE FROM login_attempts WHERE window_start < $1 AND last_attempt_at < $1",
            )
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })
    }

    /// The member a known-device token (its hash) belongs to in `tenant`, if any.
    pub async fn known_device(
        &self,
        tenant: crate::model::TenantId,
        token_hash: &str,
    ) -> Result<Option<i64>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT user_id FROM known_devices WHERE tenant_id = $1 AND token_hash = $2"
        )
        .bind(tenant.0)
        .bind(token_hash)
        .fetch_optional(pool)
        .await)
    }

    /// Remembers a browser `user` signed in from (by its token's hash).
    pub async fn add_known_device(
        &self,
        tenant: crate::model::TenantId,
        user: i64,
        token_hash: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "INSERT INTO known_devices (token_hash, tenant_id, user_id, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO NOTHING"
        )
        .bind(token_hash)
        .bind(tenant.0)
        .bind(user)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}
