//! Runs jobs: claims due jobs of one queue, calls the handler registered for each kind,
//! and records the outcome — completed, retryable after a full-jitter backoff, or
//! dead-lettered. Lapsed leases are rescued on every lap, so a crashed worker's jobs are
//! picked up again. [`Worker::run_once`] is one lap at a given time, for tests.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, Notify};

use crate::jobs::{Job, RetryPolicy};
use crate::model::now_ms;
use crate::store::{NewException, Store};

/// Finished (completed or cancelled) jobs are deleted after a day.
const PRUNE_AFTER_MS: i64 = 24 * 3600 * 1000;

/// Why a job failed: `Retry` for passing trouble (the default), `Terminal` when another
/// attempt cannot help (bad arguments, a deleted subject).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    #[error("{0}")]
    Retry(String),
    #[error("{0}")]
    Terminal(String),
}

pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;
pub type Handler = Arc<dyn Fn(Job) -> HandlerFuture + Send + Sync>;

/// What one lap did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lap {
    pub rescued: u64,
    pub completed: usize,
    pub retried: usize,
    pub discarded: usize,
}

pub struct Worker {
    store: Store,
    queue: String,
    id: String,
    handlers: HashMap<String, Handler>,
    policy: RetryPolicy,
    lease_ms: i64,
    batch: i64,
}

impl Worker {
    pub fn new(store: Store, queue: &str, id: &str) -> Worker {
        Worker {
            store,
            queue: queue.into(),
            id: id.into(),
            handlers: HashMap::new(),
            policy: RetryPolicy::default(),
            lease_ms: 5 * 60 * 1000,
            batch: 10,
        }
    }

    /// Registers the handler for jobs of `kind`.
    pub fn handle<F, Fut>(mut self, kind: &str, f: F) -> Self
    where
        F: Fn(Job) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobError>> + Send + 'static,
    {
        self.handlers
            .insert(kind.into(), Arc::new(move |job| Box::pin(f(job))));
        self
    }

    /// How long a claim holds a job before another worker may rescue it.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease_ms = lease.as_millis() as i64;
        self
    }

    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Rescues lapsed leases, then claims and runs up to one batch of jobs due at `now`.
    pub async fn run_once(&self, now: i64) -> Result<Lap, sqlx::Error> {
        let mut lap = Lap {
            rescued: self.store.rescue_jobs(now).await?,
            ..Lap::default()
        };
        let jobs = self
            .store
            .claim_jobs(&self.queue, &self.id, self.batch, now, self.lease_ms)
            .await?;
        // One after another: a lap's batch is small, and handlers that wait on the network
        // will get their own concurrency when the first such handler lands.
        for job in jobs {
            let result = match self.handlers.get(&job.kind) {
                Some(h) => h(job.clone()).await,
                None => Err(JobError::Terminal(format!(
                    "no handler for job kind {:?}",
                    job.kind
                ))),
            };
            let finished = now_ms().max(now);
            match result {
                Ok(()) => {
                    self.store
                        .complete_job(job.id, job.attempt, finished)
                        .await?;
                    lap.completed += 1;
                }
                Err(JobError::Retry(e)) => {
                    let retry_at =
                        finished + self.policy.delay(job.attempt, &mut rand::thread_rng());
                    tracing::warn!(job.id = job.id, job.kind = %job.kind, job.attempt = job.attempt, error = %e, "job failed; will retry");
                    self.store
                        .fail_job(job.id, job.attempt, &e, finished, retry_at)
                        .await?;
                    if job.attempt >= job.max_attempts {
                        lap.discarded += 1;
                        self.raise_dead_letter(&job, &e).await;
                    } else {
                        lap.retried += 1;
                    }
                }
                Err(JobError::Terminal(e)) => {
                    tracing::error!(job.id = job.id, job.kind = %job.kind, error = %e, "job dead-lettered");
                    self.store
                        .discard_job(job.id, job.attempt, &e, finished)
                        .await?;
                    lap.discarded += 1;
                    self.raise_dead_letter(&job, &e).await;
                }
            }
        }
        Ok(lap)
    }

    /// A dead-lettered tenant job shows up in the tenant's exception queue.
    async fn raise_dead_letter(&self, job: &Job, error: &str) {
        let Some(tenant) = job.tenant else { return };
        let e = NewException {
            kind: "dead_job",
            severity: "high",
            subject: format!("job:{}", job.id),
            title: format!("Background job {} ({}) stopped retrying", job.id, job.kind),
            detail: format!(
                "It failed {} time(s); the last error was: {}. Replay it from the jobs page once the cause is fixed.",
                job.attempt,
                error.chars().take(300).collect::<String>()
            ),
            dedupe_key: format!("dead_job:{}", job.id),
        };
        if let Err(e) = self.store.open_exception(tenant, &e, now_ms()).await {
            tracing::error!(error = %e, job.id = job.id, "raising the dead-letter exception failed");
        }
    }

    /// Runs laps until `stop` turns true, pausing up to `idle` when there was nothing to
    /// do; `wake` (notified after new work is committed) ends the pause early.
    pub async fn run_with_wake(
        self,
        mut stop: watch::Receiver<bool>,
        idle: Duration,
        wake: Arc<Notify>,
    ) {
        let mut last_prune = 0;
        loop {
            if *stop.borrow() {
                return;
            }
            let now = now_ms();
            if now - last_prune > 60_000 {
                last_prune = now;
                if let Err(e) = self.store.prune_jobs(now - PRUNE_AFTER_MS).await {
                    tracing::warn!(error = %e, "pruning finished jobs failed");
                }
            }
            let busy = match self.run_once(now).await {
                Ok(lap) => lap.completed + lap.retried + lap.discarded > 0,
                Err(e) => {
                    tracing::error!(error = %e, queue = %self.queue, "job lap failed");
                    false
                }
            };
            if !busy {
                tokio::select! {
                    _ = tokio::time::sleep(idle) => {}
                    _ = wake.notified() => {}
                    _ = stop.changed() => {}
                }
            }
        }
    }

    /// Runs laps until `stop` turns true, pausing `idle` when there was nothing to do.
    pub async fn run(self, mut stop: watch::Receiver<bool>, idle: Duration) {
        loop {
            if *stop.borrow() {
                return;
            }
            let busy = match self.run_once(now_ms()).await {
                Ok(lap) => lap.completed + lap.retried + lap.discarded > 0,
                Err(e) => {
                    tracing::error!(error = %e, queue = %self.queue, "job lap failed");
                    false
                }
            };
            if !busy {
                tokio::select! {
                    _ = tokio::time::sleep(idle) => {}
                    _ = stop.changed() => {}
                }
            }
        }
    }
}
