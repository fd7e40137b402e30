//! The jobs table: insert (deduplicated), leased claims, fenced completion and failure,
//! rescue of lapsed leases, and the dead-letter list. Claiming is the one place where the
//! two backends need different SQL.

use super::Store;
use crate::db::{Db, Tx};
use crate::jobs::{Job, JobState, NewJob};
use crate::model::{now_ms, TenantId};
use crate::{on_db, on_tx};

#[derive(sqlx::FromRow)]
struct JobRow {
    id: i64,
    tenant_id: Option<i64>,
    queue: String,
    kind: String,
    state: String,
    attempt: i64,
    max_attempts: i64,
    args: String,
    last_error: Option<String>,
    scheduled_at: i64,
    lease_expires_at: Option<i64>,
}

impl From<JobRow> for Job {
    fn from(r: JobRow) -> Job {
        Job {
            id: r.id,
            tenant: r.tenant_id.map(TenantId),
            queue: r.queue,
            kind: r.kind,
            state: JobState::parse(&r.state).unwrap_or(JobState::Discarded),
            attempt: r.attempt,
            max_attempts: r.max_attempts,
            args: serde_json::from_str(&r.args).unwrap_or(serde_json::Value::Null),
            last_error: r.last_error,
            scheduled_at: r.scheduled_at,
            lease_expires_at: r.lease_expires_at,
        }
    }
}

const JOB_COLUMNS: &str = "id, tenant_id, queue, kind, state, attempt, max_attempts, args, \
     last_error, scheduled_at, lease_expires_at";

/// States a job can be claimed from once due.
const READY: &str = "('available','scheduled','retryable')";

/// Ready jobs of a queue, ranked so that each tenant's oldest job comes before any
/// tenant's second: one tenant's burst cannot starve the others. A suspended tenant's
/// jobs are not ready: they wait, unchanged, until it is resumed (`platform`).
fn ranked_ready(limit_param: &str) -> String {
    format!(
        "SELECT id FROM (SELECT id, priority, scheduled_at, ROW_NUMBER() OVER \
           (PARTITION BY COALESCE(tenant_id, 0) ORDER BY priority, scheduled_at, id) AS rn \
           FROM jobs WHERE queue = $4 AND state IN {READY} AND scheduled_at <= $1 \
           AND (tenant_id IS NULL OR tenant_id NOT IN \
                (SELECT id FROM tenants WHERE suspended_at IS NOT NULL))) ranked \
         ORDER BY rn, priority, scheduled_at, id LIMIT {limit_param}"
    )
}

/// Inserts `job` inside the caller's transaction, so it becomes visible only if that
/// transaction commits. `None` when its unique or debounce key is taken.
pub(crate) async fn enqueue_tx(tx: &mut Tx, job: &NewJob) -> Result<Option<i64>, sqlx::Error> {
    let now = now_ms();
    let state = if job.scheduled_at > now {
        JobState::Scheduled
    } else {
        JobState::Available
    };
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO jobs (tenant_id, queue, kind, state, max_attempts, priority, args, \
             scheduled_at, unique_key, debounce_key, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(job.tenant.map(|t| t.0))
        .bind(&job.queue)
        .bind(&job.kind)
        .bind(state.as_str())
        .bind(job.max_attempts)
        .bind(job.priority)
        .bind(job.args.to_string())
        .bind(job.scheduled_at)
        .bind(&job.unique_key)
        .bind(&job.debounce_key)
        .bind(now)
        .fetch_optional(c)
        .await
    })
}

/// Inserts many jobs at once inside the caller's transaction (a wave's e-mails), with
/// multi-row statements; a job whose unique or debounce key is taken is skipped.
pub(crate) async fn enqueue_many_tx(tx: &mut Tx, jobs: &[NewJob]) -> Result<(), sqlx::Error> {
    let now = now_ms();
    for chunk in jobs.chunks(super::chunk_rows(tx)) {
        let sql = format!(
            "INSERT INTO jobs (tenant_id, queue, kind, state, max_attempts, priority, args, \
             scheduled_at, unique_key, debounce_key, created_at) VALUES {} ON CONFLICT DO NOTHING",
            super::pairs_from(chunk.len(), 11, 1)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql);
            for job in chunk {
                let state = if job.scheduled_at > now {
                    JobState::Scheduled
                } else {
                    JobState::Available
                };
                q = q
                    .bind(job.tenant.map(|t| t.0))
                    .bind(&job.queue)
                    .bind(&job.kind)
                    .bind(state.as_str())
                    .bind(job.max_attempts)
                    .bind(job.priority)
                    .bind(job.args.to_string())
                    .bind(job.scheduled_at)
                    .bind(&job.unique_key)
                    .bind(&job.debounce_key)
                    .bind(now);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Marks a claimed job done inside the transaction that carried out its effects, so the
/// effects and the completion commit together. False when `attempt` is no longer the
/// job's running attempt (its lease lapsed and another worker has it): roll back then.
pub(crate) async fn complete_job_tx(
    tx: &mut Tx,
    id: i64,
    attempt: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE jobs SET state = 'completed', finalized_at = $3, lease_expires_at = NULL \
             WHERE id = $1 AND attempt = $2 AND state = 'running'",
        )
        .bind(id)
        .bind(attempt)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

/// Replays a dead-lettered job of `tenant` with a fresh set of attempts, in the caller's
/// transaction. False when the job is not the tenant's or not dead-lettered.
pub(crate) async fn replay_job_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE jobs SET state = 'available', attempt = 0, scheduled_at = $3, finalized_at = NULL \
         WHERE id = $2 AND tenant_id = $1 AND state = 'discarded'",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Removes the tenant's scheduled (not yet due or not yet claimed) jobs of `kind`: a
/// timer set for a time that no longer holds, replaced in the same transaction.
pub(crate) async fn unschedule_tx(
    tx: &mut Tx,
    tenant: TenantId,
    kind: &str,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM jobs WHERE tenant_id = $1 AND kind = $2 AND state = 'scheduled'"
    )
    .bind(tenant.0)
    .bind(kind)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
}

impl Store {
    /// Inserts a job; `None` when a job with the same unique or debounce key exists.
    pub async fn enqueue(&self, job: &NewJob) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.db.begin_write(crate::db::Scope::System).await?;
        let id = enqueue_tx(&mut tx, job).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims up to `limit` due jobs of `queue` for `worker`, leased until `now + lease_ms`.
    /// Each claim increments the attempt, which fences out a worker whose lease lapsed.
    pub async fn claim_jobs(
        &self,
        queue: &str,
        worker: &str,
        limit: i64,
        now: i64,
        lease_ms: i64,
    ) -> Result<Vec<Job>, sqlx::Error> {
        let set = "UPDATE jobs SET state = 'running', attempt = attempt + 1, attempted_at = $1, \
                   attempted_by = $2, lease_expires_at = $3, debounce_key = NULL";
        let rows: Vec<JobRow> = match &self.db {
            Db::Sqlite { write, .. } => {
                // One writer connection plus BEGIN IMMEDIATE: the pick and the update are
                // one atomic step even with several processes on the file.
                let sql = format!(
                    "{set} WHERE id IN ({}) RETURNING {JOB_COLUMNS}",
                    ranked_ready("$5")
                );
                let mut tx = write.begin_with("BEGIN IMMEDIATE").await?;
                let rows = sqlx::query_as::<_, JobRow>(&sql)
                    .bind(now)
                    .bind(worker)
                    .bind(now + lease_ms)
                    .bind(queue)
                    .bind(limit)
                    .fetch_all(&mut *tx)
                    .await?;
                tx.commit().await?;
                rows
            }
            Db::Postgres(pool) => {
                // Rows another worker holds are skipped; rows it claimed meanwhile fail the
                // state re-check, so two workers never hold one job. Claiming spans
                // tenants: the system scope.
                let mut conn = crate::db::scoped(pool, crate::db::Scope::System).await?;
                let sql = format!(
                    "{set} WHERE id IN (SELECT j.id FROM jobs j WHERE j.id IN ({}) \
                     AND j.state IN {READY} FOR UPDATE SKIP LOCKED) RETURNING {JOB_COLUMNS}",
                    ranked_ready("$5")
                );
                sqlx::query_as::<_, JobRow>(&sql)
                    .bind(now)
                    .bind(worker)
                    .bind(now + lease_ms)
                    .bind(queue)
                    .bind(limit)
                    .fetch_all(&mut *conn)
                    .await?
            }
        };
        let mut jobs: Vec<Job> = rows.into_iter().map(Job::from).collect();
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// Marks a claimed job done. False when `attempt` is no longer the job's current
    /// running attempt (its lease lapsed and someone else has it): the write is ignored.
    pub async fn complete_job(&self, id: i64, attempt: i64, now: i64) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "UPDATE jobs SET state = 'completed', finalized_at = $3, lease_expires_at = NULL \
                 WHERE id = $1 AND attempt = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(attempt)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() == 1)
        })
    }

    /// Records a failed attempt: retryable at `retry_at`, or dead-lettered (`discarded`)
    /// with its error once the attempts are used up. Fenced like [`Store::complete_job`].
    pub async fn fail_job(
        &self,
        id: i64,
        attempt: i64,
        error: &str,
        now: i64,
        retry_at: i64,
    ) -> Result<bool, sqlx::Error> {
        let error: String = error.chars().take(2_000).collect();
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "UPDATE jobs SET \
                   state = CASE WHEN attempt >= max_attempts THEN 'discarded' ELSE 'retryable' END, \
                   finalized_at = CASE WHEN attempt >= max_attempts THEN $4 ELSE NULL END, \
                   scheduled_at = $5, last_error = $3, lease_expires_at = NULL \
                 WHERE id = $1 AND attempt = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(attempt)
            .bind(&error)
            .bind(now)
            .bind(retry_at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() == 1)
        })
    }

    /// Dead-letters a claimed job at once (a terminal error: retrying cannot help).
    pub async fn discard_job(
        &self,
        id: i64,
        attempt: i64,
        error: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let error: String = error.chars().take(2_000).collect();
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "UPDATE jobs SET state = 'discarded', finalized_at = $4, last_error = $3, lease_expires_at = NULL \
                 WHERE id = $1 AND attempt = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(attempt)
            .bind(&error)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() == 1)
        })
    }

    /// Returns running jobs whose lease lapsed (their worker died) to `retryable`, or to
    /// `discarded` when that was their last attempt. Returns the jobs rescued, with their
    /// new state (the caller raises the dead letters).
    pub async fn rescue_jobs(&self, now: i64) -> Result<Vec<Job>, sqlx::Error> {
        let sql = format!(
            "UPDATE jobs SET \
               state = CASE WHEN attempt >= max_attempts THEN 'discarded' ELSE 'retryable' END, \
               finalized_at = CASE WHEN attempt >= max_attempts THEN $1 ELSE NULL END, \
               scheduled_at = $1, last_error = 'lease expired: the worker stopped before finishing', \
               lease_expires_at = NULL \
             WHERE state = 'running' AND lease_expires_at < $1 RETURNING {JOB_COLUMNS}"
        );
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query_as::<_, JobRow>(&sql)
                .bind(now)
                .fetch_all(pool)
                .await
        })
        .map(|rows| rows.into_iter().map(Job::from).collect())
    }

    /// Whether attempt `attempt` of job `id` still holds its lease at `now`: checked just
    /// before a handler does what it cannot take back (an e-mail send), so a worker whose
    /// lease lapsed does not send what the rescuing worker will send again.
    pub async fn holds_job(&self, id: i64, attempt: i64, now: i64) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM jobs WHERE id = $1 AND attempt = $2 AND state = 'running' \
                 AND lease_expires_at > $3",
            )
            .bind(id)
            .bind(attempt)
            .bind(now)
            .fetch_one(pool)
            .await
            .map(|n| n == 1)
        })
    }

    /// Extends a running job's lease to `until`, while its handler works. False when the
    /// job is no longer this attempt's (the lease lapsed and it was rescued or claimed):
    /// the handler must then not start anything it cannot take back, such as a send.
    pub async fn extend_lease(
        &self,
        id: i64,
        attempt: i64,
        until: i64,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "UPDATE jobs SET lease_expires_at = $3 \
                 WHERE id = $1 AND attempt = $2 AND state = 'running'",
            )
            .bind(id)
            .bind(attempt)
            .bind(until)
            .execute(pool)
            .await
            .map(|r| r.rows_affected() == 1)
        })
    }

    /// The tenant's dead-lettered jobs, newest first.
    pub async fn dead_jobs(&self, tenant: TenantId, limit: i64) -> Result<Vec<Job>, sqlx::Error> {
        let sql = format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE tenant_id = $1 AND state = 'discarded' \
             ORDER BY finalized_at DESC, id DESC LIMIT $2"
        );
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, JobRow>(&sql)
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(pool)
                .await
        })
        .map(|rows| rows.into_iter().map(Job::from).collect())
    }

    /// One job by id (operators and tests).
    pub async fn job(&self, id: i64) -> Result<Option<Job>, sqlx::Error> {
        let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_as::<_, JobRow>(&sql)
                .bind(id)
                .fetch_optional(pool)
                .await
        })
        .map(|r| r.map(Job::from))
    }

    /// Deletes finished jobs (completed or cancelled) that finished before `before`,
    /// which frees their unique keys. Dead letters stay until replayed or handled.
    pub async fn prune_jobs(&self, before: i64) -> Result<u64, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "DELETE FROM jobs WHERE state IN ('completed','cancelled') AND finalized_at < $1",
            )
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })
    }

    /// Jobs per state for a tenant (or all tenants), for the portal and `/metrics`.
    pub async fn job_counts(
        &self,
        tenant: Option<TenantId>,
    ) -> Result<Vec<(String, i64)>, sqlx::Error> {
        let scope = tenant.map_or(crate::db::Scope::System, crate::db::Scope::Tenant);
        on_db!(&self.db, read, scope, |pool| {
            sqlx::query_as::<_, (String, i64)>(
                "SELECT state, COUNT(*) FROM jobs WHERE ($1 IS NULL OR tenant_id = $1) GROUP BY state ORDER BY state",
            )
            .bind(tenant.map(|t| t.0))
            .fetch_all(pool)
            .await
        })
    }

    /// Jobs due at `now` that no worker has finished: waiting, retrying or running.
    pub async fn due_job_count(&self, now: i64) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM jobs WHERE state IN ('available', 'retryable', 'running', 'scheduled') \
                 AND scheduled_at <= $1",
            )
            .bind(now)
            .fetch_one(pool)
            .await
        })
    }
}
