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

use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::{BackgroundJob, Job, JobError, JobState, RetryPolicy};
use crate::model::{now_ms, Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::{complete_job_tx, replay_job_tx};
use crate::store::Store;

/// Finished (completed or cancelled) jobs are deleted after a day.
const PRUNE_AFTER_MS: i64 = 24 * 3600 * 1000;

pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;
pub type Handler = Arc<dyn Fn(Job) -> HandlerFuture + Send + Sync>;
/// Called with a job that was dead-lettered and its last error (to raise it where the
/// tenant's people will see it).
pub type DeadLetterHook =
    Arc<dyn Fn(Job, String) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

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
    dead_letter: Option<DeadLetterHook>,
    heartbeat: Option<Heartbeat>,
    timeout: Duration,
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
            dead_letter: None,
            heartbeat: None,
            timeout: Duration::from_secs(600),
            policy: RetryPolicy::default(),
            lease_ms: 5 * 60 * 1000,
            batch: 10,
        }
    }

    /// Runs jobs of kind `J` with `ctx`: decodes their arguments (a job whose arguments
    /// do not fit is dead-lettered, not retried) and calls [`BackgroundJob::run`].
    ///
    /// # Panics
    /// When `J` belongs to another queue: a wiring mistake that must fail at start-up.
    pub fn register<J: BackgroundJob>(self, ctx: J::Context) -> Self {
        assert_eq!(
            J::QUEUE,
            self.queue,
            "job kind {} belongs to queue {}, not {}",
            J::KIND,
            J::QUEUE,
            self.queue
        );
        self.handle(J::KIND, move |job: Job| {
            let ctx = ctx.clone();
            async move {
                let tenant = job
                    .tenant
                    .ok_or_else(|| JobError::Terminal("the job has no tenant".into()))?;
                let args: J = serde_json::from_value(job.args.clone()).map_err(|e| {
                    JobError::Terminal(format!("the arguments do not fit {}: {e}", J::KIND))
                })?;
                args.run(ctx, tenant, job).await
            }
        })
    }

    /// What to do with a job that was dead-lettered (the engine raises an exception).
    pub fn on_dead_letter(mut self, hook: DeadLetterHook) -> Self {
        self.dead_letter = Some(hook);
        self
    }

    /// Registers an untyped handler for jobs of `kind` (the job store's own tests).
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

    /// How many jobs one lap claims (and runs one after another).
    pub fn batch(mut self, batch: i64) -> Self {
        self.batch = batch.max(1);
        self
    }

    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Reports each lap to `heartbeat`, for liveness checks.
    pub fn heartbeat(mut self, heartbeat: Heartbeat) -> Self {
        self.heartbeat = Some(heartbeat);
        self
    }

    /// The longest one job may run; past it the attempt fails (and is retried).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Runs one job's handler on a task of its own, so that a panic is a failed attempt
    /// (with the panic's message) instead of the end of this worker for every tenant,
    /// and extends the job's lease while the handler works, up to the worker's timeout:
    /// a handler that never ends is stopped, not left holding the worker forever.
    async fn run_guarded(&self, handler: &Handler, job: &Job) -> Result<(), JobError> {
        let mut task = tokio::spawn(handler(job.clone()));
        let every = Duration::from_millis((self.lease_ms / 3).max(50) as u64);
        let deadline = tokio::time::Instant::now() + self.timeout;
        loop {
            tokio::select! {
                _ = tokio::time::sleep_until(deadline) => {
                    task.abort();
                    tracing::error!(job.id = job.id, job.kind = %job.kind, "job ran past its time limit; stopped");
                    return Err(JobError::Retry(format!(
                        "the job ran longer than {} s and was stopped",
                        self.timeout.as_secs()
                    )));
                }
                joined = &mut task => {
                    return match joined {
                        Ok(result) => result,
                        Err(e) if e.is_panic() => {
                            let payload = e.into_panic();
                            let message = payload
                                .downcast_ref::<&str>()
                                .map(|s| s.to_string())
                                .or_else(|| payload.downcast_ref::<String>().cloned())
                                .unwrap_or_else(|| "no message".into());
                            tracing::error!(job.id = job.id, job.kind = %job.kind, panic = %message, "job handler panicked");
                            Err(JobError::Retry(format!("the job stopped on an internal error ({message})")))
                        }
                        Err(_) => Err(JobError::Retry("the job was cancelled".into())),
                    };
                }
                _ = tokio::time::sleep(every) => {
                    let until = now_ms() + self.lease_ms;
                    if let Err(e) = self.store.extend_lease(job.id, job.attempt, until).await {
                        tracing::warn!(job.id = job.id, error = %e, "extending a job's lease failed");
                    }
                }
            }
        }
    }

    /// Rescues lapsed leases (raising the dead letters among them), then claims and runs
    /// up to one batch of jobs due at `now`.
    pub async fn run_once(&self, now: i64) -> Result<Lap, sqlx::Error> {
        let rescued = self.store.rescue_jobs(now).await?;
        let mut lap = Lap {
            rescued: rescued.len() as u64,
            ..Lap::default()
        };
        for job in rescued.iter().filter(|j| j.state == JobState::Discarded) {
            lap.discarded += 1;
            let error = job.last_error.clone().unwrap_or_default();
            self.raise_dead_letter(job, &error).await;
        }
        let jobs = self
            .store
            .claim_jobs(&self.queue, &self.id, self.batch, now, self.lease_ms)
            .await?;
        // One after another: a lap's batch is small, and handlers that wait on the network
        // will get their own concurrency when the first such handler lands.
        for job in jobs {
            // The lap's later jobs waited while earlier ones ran: renew the claim first,
            // and leave a job whose lease lapsed meanwhile to whoever rescued it.
            let until = now_ms().max(now) + self.lease_ms;
            if !self.store.extend_lease(job.id, job.attempt, until).await? {
                continue;
            }
            let result = match self.handlers.get(&job.kind) {
                Some(h) => self.run_guarded(h, &job).await,
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
                Err(e @ (JobError::Retry(_) | JobError::RetryAt(..))) => {
                    let retry_at = match &e {
                        JobError::RetryAt(_, at) => *at,
                        _ => finished + self.policy.delay(job.attempt, &mut rand::thread_rng()),
                    };
                    let e = e.to_string();
                    tracing::warn!(job.id = job.id, job.kind = %job.kind, job.attempt = job.attempt, error = %e, "job failed; will retry");
                    // A false answer: the lease lapsed and someone else has the job (and
                    // raises its dead letter, if it comes to that).
                    if !self
                        .store
                        .fail_job(job.id, job.attempt, &e, finished, retry_at)
                        .await?
                    {
                        continue;
                    }
                    if job.attempt >= job.max_attempts {
                        lap.discarded += 1;
                        self.raise_dead_letter(&job, &e).await;
                    } else {
                        lap.retried += 1;
                    }
                }
                Err(JobError::Terminal(e)) => {
                    tracing::error!(job.id = job.id, job.kind = %job.kind, error = %e, "job dead-lettered");
                    if !self
                        .store
                        .discard_job(job.id, job.attempt, &e, finished)
                        .await?
                    {
                        continue;
                    }
                    lap.discarded += 1;
                    self.raise_dead_letter(&job, &e).await;
                }
            }
        }
        Ok(lap)
    }

    /// Hands a dead-lettered job to the hook, if any.
    async fn raise_dead_letter(&self, job: &Job, error: &str) {
        if let Some(hook) = &self.dead_letter {
            hook(job.clone(), error.to_string()).await;
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
            if let Some(h) = &self.heartbeat {
                h.beat(now);
            }
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
    pub async fn run(self, stop: watch::Receiver<bool>, idle: Duration) {
        self.run_with_wake(stop, idle, Arc::new(Notify::new()))
            .await
    }
}

/// When a worker last started a lap (epoch ms), shared with whoever checks liveness.
#[derive(Clone, Debug, Default)]
pub struct Heartbeat(Arc<std::sync::atomic::AtomicI64>);

impl Heartbeat {
    pub fn beat(&self, now: i64) {
        self.0.store(now, std::sync::atomic::Ordering::Relaxed);
    }
    /// When the last lap started; 0 before the first.
    pub fn last(&self) -> i64 {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Completes `job` (when the work runs as a job) inside the transaction that does its
/// work, so the two commit together; a lease that lapsed meanwhile (another worker owns
/// the job now) is [`EngineError::Fenced`] and nothing commits.
pub(crate) async fn complete_in_tx(
    tx: &mut Tx,
    job: Option<&Job>,
    now: i64,
) -> Result<(), EngineError> {
    if let Some(job) = job {
        if !complete_job_tx(tx, job.id, job.attempt, now).await? {
            return Err(EngineError::Fenced);
        }
    }
    Ok(())
}

/// A job's outcome for the worker: a lost lease means another worker owns the job and
/// nothing was committed, so this attempt simply ends.
pub(crate) fn job_result<T>(r: Result<T, EngineError>) -> Result<(), JobError> {
    match r {
        Ok(_) | Err(EngineError::Fenced) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Runs `member`'s tenant's dead-lettered job `id` again, audited. Needs
/// [`Permission::ReplayJobs`]; another tenant's job, or one that is not a dead letter, is
/// [`EngineError::NotFound`].
pub async fn replay(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ReplayJobs)?;
    let mut tx = store.begin(tenant).await?;
    if !replay_job_tx(&mut tx, tenant, id, now).await? {
        return Err(EngineError::NotFound);
    }
    let entry = AuditEntry::of(
        &member.actor(),
        "job.replayed",
        format!("job:{id}"),
        None,
        None,
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(())
}
