//! Durable jobs: what a job is, and how long to wait before retrying one. Storage is in
//! `store::jobs`; time is always passed in (epoch ms) so tests control the clock.

use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::model::TenantId;

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
