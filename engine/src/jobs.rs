//! Durable jobs: what a job is, the typed [`BackgroundJob`] each kind declares, and how
//! long to wait before retrying one. Storage is in `store::jobs`; `engine::worker` claims
//! and runs them. Time is always passed in (epoch ms) so tests control the clock.
//!
//! A job kind is a struct of its arguments that implements [`BackgroundJob`]: its name,
//! queue, attempts, uniqueness or debounce key and handler sit together, so nothing
//! writes a JSON key in one file and reads it in another (after crates.io's
//! `BackgroundJob`). [`NewJob::of`] queues one; `Worker::register` runs them.

use std::future::Future;

use rand::Rng;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::TenantId;

/// The queues, one worker each in `serve`.
pub mod queues {
    /// Replenishment, approvals, timers and exceptions: the workflow.
    pub const REPLENISH: &str = "replenish";
    /// Outgoing e-mail, apart so a slow mail server never holds up the workflow.
    pub const MAIL: &str = "mail";
    /// Outbound webhook deliveries, apart so a slow receiver holds up nothing else.
    pub const WEBHOOKS: &str = "webhooks";
    /// CSV imports' checks and applies, client provisioning and forecast refreshes:
    /// heavy work, apart so it holds up no tenant's replenishment.
    pub const IMPORTS: &str = "imports";
    /// Backtests a planner started: minutes of one tenant's replay, apart so they hold
    /// up no other tenant's imports or forecasts.
    pub const BACKTESTS: &str = "backtests";
}

/// Why a job failed: `Retry` for passing trouble (the default), `Terminal` when another
/// attempt cannot help (bad arguments, a deleted subject). The text is stored as the
/// job's last error and shown to the tenant's staff, so it never carries database text
/// (see `engine::error`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("{0}")]
    Retry(String),
    /// Passing trouble with its own time (epoch ms) for the next attempt, instead of
    /// the worker's backoff (a webhook's schedule, a receiver's `Retry-After`).
    #[error("{0}")]
    RetryAt(String, i64),
    #[error("{0}")]
    Terminal(String),
}

/// A kind of background job, declared by the struct of its arguments.
pub trait BackgroundJob: Serialize + DeserializeOwned + Send + 'static {
    /// The kind's name, stored with each job (never rename one that may be queued).
    const KIND: &'static str;
    /// The queue whose worker runs it.
    const QUEUE: &'static str;
    const MAX_ATTEMPTS: i64 = 20;
    /// What the handler needs: the store, or the mailer.
    type Context: Clone + Send + Sync + 'static;

    /// At most one job with this key ever exists while it is not finished (timers).
    fn unique_key(&self, _tenant: TenantId) -> Option<String> {
        None
    }

    /// At most one job with this key waits to start (bursts of triggers queue one run).
    fn debounce_key(&self, _tenant: TenantId) -> Option<String> {
        None
    }

    /// Does the work. `job` is the stored job, for handlers that complete it inside
    /// their own transaction (fencing a lapsed lease).
    fn run(
        self,
        ctx: Self::Context,
        tenant: TenantId,
        job: Job,
    ) -> impl Future<Output = Result<(), JobError>> + Send;
}

/// Where a job is in its life. `Discarded` is the dead-letter state: attempts used up,
/// the last error kept, replayable by an admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Available,
    Scheduled,
    Running,
    Retryable,
    Completed,
    Cancelled,
    Discarded,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Available => "available",
            JobState::Scheduled => "scheduled",
            JobState::Running => "running",
            JobState::Retryable => "retryable",
            JobState::Completed => "completed",
            JobState::Cancelled => "cancelled",
            JobState::Discarded => "discarded",
        }
    }

    pub fn parse(s: &str) -> Option<JobState> {
        [
            JobState::Available,
            JobState::Scheduled,
            JobState::Running,
            JobState::Retryable,
            JobState::Completed,
            JobState::Cancelled,
            JobState::Discarded,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// A job to insert.
#[derive(Clone, Debug, PartialEq)]
pub struct NewJob {
    pub tenant: Option<TenantId>,
    pub queue: String,
    pub kind: String,
    pub args: serde_json::Value,
    pub priority: i64,
    pub max_attempts: i64,
    /// Epoch ms; a job due later waits in `scheduled`.
    pub scheduled_at: i64,
    /// Deduplication key; include the tenant in it when the job is a tenant's.
    pub unique_key: Option<String>,
    /// At most one job per key that has not started yet: a burst of triggers queues one
    /// run, and a trigger that arrives while it runs queues the next. For idempotent work.
    pub debounce_key: Option<String>,
}

impl NewJob {
    /// A tenant's job of kind `J`, due now; chain [`NewJob::at`] for a timer.
    pub fn of<J: BackgroundJob>(tenant: TenantId, job: &J, now: i64) -> NewJob {
        NewJob {
            tenant: Some(tenant),
            queue: J::QUEUE.into(),
            kind: J::KIND.into(),
            // A struct of plain fields always serialises.
            args: serde_json::to_value(job).unwrap_or_default(),
            priority: 1,
            max_attempts: J::MAX_ATTEMPTS,
            scheduled_at: now,
            unique_key: job.unique_key(tenant),
            debounce_key: job.debounce_key(tenant),
        }
    }

    /// An untyped job, for the job store's own tests.
    pub fn new(kind: &str, args: serde_json::Value, now: i64) -> NewJob {
        NewJob {
            tenant: None,
            queue: "default".into(),
            kind: kind.into(),
            args,
            priority: 1,
            max_attempts: 20,
            scheduled_at: now,
            unique_key: None,
            debounce_key: None,
        }
    }
    pub fn tenant(mut self, tenant: TenantId) -> Self {
        self.tenant = Some(tenant);
        self
    }
    pub fn queue(mut self, queue: &str) -> Self {
        self.queue = queue.into();
        self
    }
    pub fn at(mut self, scheduled_at: i64) -> Self {
        self.scheduled_at = scheduled_at;
        self
    }
    pub fn unique(mut self, key: impl Into<String>) -> Self {
        self.unique_key = Some(key.into());
        self
    }
    pub fn debounce(mut self, key: impl Into<String>) -> Self {
        self.debounce_key = Some(key.into());
        self
    }
    pub fn max_attempts(mut self, n: i64) -> Self {
        self.max_attempts = n.max(1);
        self
    }
}

/// A job as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub id: i64,
    pub tenant: Option<TenantId>,
    pub queue: String,
    pub kind: String,
    pub state: JobState,
    pub attempt: i64,
    pub max_attempts: i64,
    pub args: serde_json::Value,
    pub last_error: Option<String>,
    pub scheduled_at: i64,
    pub lease_expires_at: Option<i64>,
}

/// Exponential backoff with AWS "full jitter": a delay drawn uniformly from
/// `0..=min(cap, base * 2^attempt)`.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    pub base_ms: i64,
    pub cap_ms: i64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            base_ms: 1_000,
            cap_ms: 6 * 3600 * 1000,
        }
    }
}

impl RetryPolicy {
    /// The upper bound of the delay after failed attempt `attempt` (1-based).
    pub fn ceiling(&self, attempt: i64) -> i64 {
        let exp = attempt.clamp(0, 40) as u32;
        self.base_ms
            .saturating_mul(1_i64 << exp.min(40))
            .min(self.cap_ms)
    }

    pub fn delay(&self, attempt: i64, rng: &mut impl Rng) -> i64 {
        rng.gen_range(0..=self.ceiling(attempt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn backoff_stays_within_its_bounds_and_reaches_the_cap() {
        let p = RetryPolicy {
            base_ms: 1_000,
            cap_ms: 60_000,
        };
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for attempt in 1..=30 {
            let ceiling = p.ceiling(attempt);
            assert_eq!(ceiling, (1_000_i64 << attempt.min(40)).min(60_000));
            for _ in 0..200 {
                let d = p.delay(attempt, &mut rng);
                assert!((0..=ceiling).contains(&d), "attempt {attempt}: {d}");
            }
        }
        // Jitter spreads retries: many draws at the cap are not all alike.
        let draws: std::collections::HashSet<i64> =
            (0..50).map(|_| p.delay(20, &mut rng)).collect();
        assert!(draws.len() > 40);
    }

    #[test]
    fn states_round_trip() {
        for s in [
            "available",
            "scheduled",
            "running",
            "retryable",
            "completed",
            "cancelled",
            "discarded",
        ] {
            assert_eq!(JobState::parse(s).unwrap().as_str(), s);
        }
        assert!(JobState::parse("lost").is_none());
    }
}
