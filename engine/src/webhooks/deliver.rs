//! Sending one delivery: the `webhook.deliver` job signs the stored body (Standard
//! Webhooks, both secrets while a rotation overlaps), posts it with a bounded timeout,
//! follows no redirect, and records the attempt. Only a 2xx is success; 410 Gone disables
//! the endpoint; anything else is retried on the specification's schedule (5 s, 5 min,
//! 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, each ±20 %), later when the receiver's
//! `Retry-After` asks for it; after the last retry the delivery fails and the job is
//! dead-lettered, which raises an exception for the tenant's staff.
//!
//! Where a delivery may go is [`super::guard`]'s to say.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use serde::{Deserialize, Serialize};

use super::guard::{client, describe, Guard};
use super::signing::{signature_header, Secret};
use super::SECRET_PURPOSE;
use crate::addresses::AddressKeys;
use crate::jobs::{queues, BackgroundJob, Job, JobError};
use crate::model::{now_ms, TenantId};
use crate::store::webhooks::{self as sql, AttemptRecord, DeliveryUpdate};
use crate::store::Store;
use crate::worker::Worker;

/// Waits before each retry (seconds), from the Standard Webhooks specification.
pub const SCHEDULE_SECS: [i64; 9] = [5, 300, 1_800, 7_200, 18_000, 36_000, 50_400, 72_000, 86_400];
/// Attempts in all: the first and one per step of the schedule.
pub const ATTEMPTS: i64 = SCHEDULE_SECS.len() as i64 + 1;
/// The most of a receiver's answer kept in the log.
const RESPONSE_KEPT: usize = 1_024;
/// The longest wait a `Retry-After` may ask for.
const MAX_RETRY_AFTER_MS: i64 = 24 * 3_600_000;

/// What the `webhook.deliver` job needs.
#[derive(Clone)]
pub struct Sender {
    pub store: Store,
    pub keys: Arc<AddressKeys>,
    pub guard: Arc<Guard>,
    client: reqwest::Client,
    timeout: Duration,
}

impl Sender {
    /// A sender whose requests end after `timeout` (15–30 s is the specification's range).
    pub fn new(store: Store, keys: Arc<AddressKeys>, guard: Guard, timeout: Duration) -> Sender {
        let guard = Arc::new(guard);
        let client = client(guard.clone(), timeout);
        Sender {
            store,
            keys,
            guard,
            client,
            timeout,
        }
    }
}

/// Sends one delivery, once per attempt; `replay` keys the job of each replay apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliverWebhook {
    pub delivery_id: i64,
    #[serde(default)]
    pub replay: i64,
}

impl BackgroundJob for DeliverWebhook {
    const KIND: &'static str = "webhook.deliver";
    const QUEUE: &'static str = queues::WEBHOOKS;
    const MAX_ATTEMPTS: i64 = ATTEMPTS;
    type Context = Sender;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "webhook:{}:{}:{}",
            tenant.0, self.delivery_id, self.replay
        ))
    }

    async fn run(self, sender: Sender, tenant: TenantId, job: Job) -> Result<(), JobError> {
        sender.attempt(tenant, &self, &job).await
    }
}

/// The worker of the webhook queue (one per concurrent sender).
pub fn worker(sender: Sender, id: &str) -> Worker {
    let timeout = sender.timeout + Duration::from_secs(30);
    Worker::new(sender.store.clone(), queues::WEBHOOKS, id)
        .batch(1)
        .timeout(timeout)
        .register::<DeliverWebhook>(sender)
}

/// How one request went.
enum Outcome {
    Delivered(u16),
    Gone,
    Failed {
        status: Option<u16>,
        error: String,
        retry_after_ms: Option<i64>,
    },
}

/// The wait after failed attempt `attempt` (1-based): the schedule's step ±20 %, or the
/// receiver's `Retry-After` when that is longer (at most a day).
pub fn retry_delay_ms(attempt: i64, retry_after_ms: Option<i64>, rng: &mut impl Rng) -> i64 {
    let step = usize::try_from(attempt.clamp(1, SCHEDULE_SECS.len() as i64) - 1).unwrap_or(0);
    let base = SCHEDULE_SECS[step] * 1_000;
    let jittered = base + rng.gen_range(-(base / 5)..=base / 5);
    jittered.max(retry_after_ms.unwrap_or(0).clamp(0, MAX_RETRY_AFTER_MS))
}

/// `Retry-After` as seconds or an HTTP date, in ms from `now`.
fn retry_after(value: Option<&reqwest::header::HeaderValue>, now: i64) -> Option<i64> {
    let text = value?.to_str().ok()?.trim();
    if let Ok(secs) = text.parse::<i64>() {
        return Some(secs.clamp(0, 86_400) * 1_000);
    }
    let at =
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc2822).ok()?;
    Some(((at.unix_timestamp() * 1_000) - now).max(0))
}

impl Sender {
    /// Posts `body`: how it went, and the start of the answer's body.
    async fn post(
        &self,
        url: &str,
        headers: Vec<(&'static str, String)>,
        body: String,
    ) -> (Outcome, Option<String>) {
        if let Err(e) = self.guard.check_url(url) {
            let refused = Outcome::Failed {
                status: None,
                error: format!("refused: {}", e.trim_start_matches("URL: ")),
                retry_after_ms: None,
            };
            return (refused, None);
        }
        let mut req = self.client.post(url).body(body);
        for (name, value) in headers {
            req = req.header(name, value);
        }
        let resp = match req.send().await {
            Err(e) => {
                let failed = Outcome::Failed {
                    status: None,
                    error: describe(&e, self.timeout),
                    retry_after_ms: None,
                };
                return (failed, None);
            }
            Ok(resp) => resp,
        };
        let status = resp.status().as_u16();
        let outcome = if resp.status().is_success() {
            Outcome::Delivered(status)
        } else if status == 410 {
            Outcome::Gone
        } else {
            let error = if resp.status().is_redirection() {
                format!("HTTP {status}: redirects are not followed")
            } else {
                format!("HTTP {status}")
            };
            Outcome::Failed {
                status: Some(status),
                retry_after_ms: retry_after(resp.headers().get("retry-after"), now_ms()),
                error,
            }
        };
        (outcome, Some(Self::excerpt(resp).await))
    }

    /// The first part of an answer's body, for the log (never more than 1 KiB read).
    async fn excerpt(resp: reqwest::Response) -> String {
        let mut resp = resp;
        let mut kept = Vec::new();
        while kept.len() < RESPONSE_KEPT {
            match resp.chunk().await {
                Ok(Some(c)) => {
                    kept.extend_from_slice(&c[..c.len().min(RESPONSE_KEPT - kept.len())])
                }
                _ => break,
            }
        }
        String::from_utf8_lossy(&kept)
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect()
    }

    /// One attempt at the delivery `this` names, recorded with its outcome. A job of an
    /// earlier replay, or for a delivery no longer pending, sends nothing.
    pub async fn attempt(
        &self,
        tenant: TenantId,
        this: &DeliverWebhook,
        job: &Job,
    ) -> Result<(), JobError> {
        let db = |e: sqlx::Error| JobError::from(crate::error::EngineError::Store(e));
        let id = this.delivery_id;
        let Some(d) = self.store.webhook_delivery(tenant, id).await.map_err(db)? else {
            return Ok(());
        };
        if d.state != "pending" || d.replays != this.replay {
            return Ok(());
        }
        let Some(ep) = self
            .store
            .webhook_endpoint(tenant, d.endpoint_id)
            .await
            .map_err(db)?
        else {
            return Ok(());
        };
        if ep.disabled_at.is_some() {
            let mut tx = self.store.begin(tenant).await.map_err(db)?;
            let now = now_ms();
            sql::fail_pending_deliveries_tx(
                &mut tx,
                tenant,
                ep.id,
                "the endpoint is disabled",
                now,
            )
            .await
            .map_err(db)?;
            tx.commit().await.map_err(db)?;
            return Ok(());
        }
        let open = |sealed: &str| {
            self.keys
                .open_for(SECRET_PURPOSE, tenant.0, sealed)
                .and_then(|t| Secret::parse(&t).ok())
        };
        let Some(secret) = open(&ep.secret) else {
            return Err(JobError::Terminal(
                "the endpoint's secret does not open with the configured keys".into(),
            ));
        };
        let started = now_ms();
        let old = ep
            .old_secret
            .as_deref()
            .filter(|_| ep.old_secret_until.is_some_and(|t| t > started))
            .and_then(open);
        let mut secrets = vec![&secret];
        secrets.extend(old.as_ref());
        let ts = started.div_euclid(1_000);
        let headers = vec![
            ("content-type", "application/json".to_string()),
            ("webhook-id", d.message_id.clone()),
            ("webhook-timestamp", ts.to_string()),
            (
                "webhook-signature",
                signature_header(&secrets, &d.message_id, ts, d.body.as_bytes()),
            ),
        ];
        // A worker whose lease lapsed (another took the job over) does not send too.
        if !self
            .store
            .holds_job(job.id, job.attempt, now_ms())
            .await
            .map_err(db)?
        {
            return Ok(());
        }
        let clock = Instant::now();
        let (outcome, response) = self.post(&ep.url, headers, d.body.clone()).await;
        let latency_ms = i64::try_from(clock.elapsed().as_millis()).unwrap_or(i64::MAX);
        let attempt = AttemptRecord {
            attempted_at: started,
            status: None,
            latency_ms,
            error: None,
            response,
        };
        self.record(tenant, &d, &ep.url, job, outcome, attempt)
            .await
    }

    async fn record(
        &self,
        tenant: TenantId,
        d: &crate::store::DeliveryRecord,
        url: &str,
        job: &Job,
        outcome: Outcome,
        mut attempt: AttemptRecord,
    ) -> Result<(), JobError> {
        let db = |e: sqlx::Error| JobError::from(crate::error::EngineError::Store(e));
        let now = now_ms();
        let attempts = d.attempts.saturating_add(1);
        let host = super::host_of(url);
        let (status, error, retry_after_ms) = match &outcome {
            Outcome::Delivered(s) => (Some(*s), None, None),
            Outcome::Gone => (
                Some(410),
                Some("HTTP 410: the receiver is gone".to_string()),
                None,
            ),
            Outcome::Failed {
                status,
                error,
                retry_after_ms,
            } => (*status, Some(error.clone()), *retry_after_ms),
        };
        let last = job.attempt >= job.max_attempts;
        let delay = retry_delay_ms(job.attempt, retry_after_ms, &mut rand::thread_rng());
        let (state, next, finished) = match &outcome {
            Outcome::Delivered(_) => ("succeeded", None, Some(now)),
            Outcome::Gone => ("failed", None, Some(now)),
            Outcome::Failed { .. } if last => ("failed", None, Some(now)),
            Outcome::Failed { .. } => ("pending", Some(now + delay), None),
        };
        let mut tx = self.store.begin(tenant).await.map_err(db)?;
        attempt.status = status.map(i64::from);
        attempt.error = error.clone();
        sql::insert_attempt_tx(&mut tx, tenant, d.id, &attempt)
            .await
            .map_err(db)?;
        let update = DeliveryUpdate {
            state,
            attempts,
            next_attempt_at: next,
            last_status: status.map(i64::from),
            last_error: error.as_deref(),
            finished_at: finished,
            replays: d.replays,
        };
        sql::update_delivery_tx(&mut tx, tenant, d.id, &update)
            .await
            .map_err(db)?;
        if matches!(outcome, Outcome::Gone) {
            let reason = "the receiver answered 410 Gone";
            sql::set_endpoint_disabled_tx(&mut tx, tenant, d.endpoint_id, Some((now, reason)))
                .await
                .map_err(db)?;
            sql::fail_pending_deliveries_tx(
                &mut tx,
                tenant,
                d.endpoint_id,
                "the endpoint was disabled (410 Gone)",
                now,
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        match outcome {
            Outcome::Delivered(_) => Ok(()),
            Outcome::Gone => Err(JobError::Terminal(format!(
                "Webhook delivery {} to {host}: the receiver answered 410 Gone, so the endpoint was disabled; enable it again under Integrations once the receiver is back.",
                d.id
            ))),
            Outcome::Failed { error, .. } if last => Err(JobError::Terminal(format!(
                "Webhook delivery {} ({}) to {host} failed {attempts} times (last: {error}).",
                d.id, d.kind
            ))),
            Outcome::Failed { error, .. } => Err(JobError::RetryAt(
                format!("webhook delivery {} to {host}: {error}", d.id),
                now + delay,
            )),
        }
    }
}

/// A `webhook.deliver` job was dead-lettered (its last attempt failed, or it panicked,
/// ran out of time or lost its lease for good): its delivery ends failed, if it was
/// still pending under that job's replay, so it can be sent again from the log; and
/// the exception to raise, one per endpoint and cause (deliveries failing, or the
/// endpoint disabled on 410), so a burst of failures opens one.
pub async fn dead_delivery(
    store: &Store,
    tenant: TenantId,
    job: &Job,
    error: &str,
) -> Result<Option<crate::store::NewException>, sqlx::Error> {
    let Ok(this) = serde_json::from_value::<DeliverWebhook>(job.args.clone()) else {
        return Ok(None);
    };
    let now = now_ms();
    let mut tx = store.begin(tenant).await?;
    let Some(d) = sql::delivery_tx(&mut tx, tenant, this.delivery_id).await? else {
        return Ok(None);
    };
    let Some(ep) = sql::endpoint_tx(&mut tx, tenant, d.endpoint_id).await? else {
        return Ok(None);
    };
    let error: String = error.chars().take(400).collect();
    let update = DeliveryUpdate {
        state: "failed",
        attempts: d.attempts,
        next_attempt_at: None,
        last_status: d.last_status,
        last_error: Some(&error),
        finished_at: Some(now),
        replays: this.replay,
    };
    sql::update_delivery_tx(&mut tx, tenant, d.id, &update).await?;
    tx.commit().await?;
    let host = super::host_of(&ep.url);
    let disabled = ep.disabled_at.is_some();
    Ok(Some(crate::store::NewException {
        // The kind of every job that gave up; the key keeps one open per endpoint.
        kind: "dead_job",
        severity: "high",
        subject: format!("webhook_endpoint:{}", ep.id),
        title_words: vec![crate::recorded::Recorded::new(
            if disabled {
                "exc-webhook-disabled-title"
            } else {
                "exc-webhook-failing-title"
            },
            &[("host", host.to_string())],
        )],
        // The error is the delivery's own (a status line or a connection error): as it was.
        words: vec![crate::recorded::Recorded::new(
            "exc-webhook-detail",
            &[("error", error.clone())],
        )],
        dedupe_key: format!(
            "webhook_endpoint:{}:{}",
            ep.id,
            if disabled { "disabled" } else { "failing" }
        ),
        risk: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn retries_follow_the_schedule_with_jitter_and_retry_after() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        for (attempt, secs) in (1..).zip(SCHEDULE_SECS) {
            for _ in 0..50 {
                let d = retry_delay_ms(attempt, None, &mut rng);
                assert!(
                    (secs * 800..=secs * 1_200).contains(&d),
                    "attempt {attempt}: {d}"
                );
            }
        }
        assert!(retry_delay_ms(1, Some(120_000), &mut rng) >= 120_000);
        assert!(retry_delay_ms(1, Some(i64::MAX), &mut rng) <= MAX_RETRY_AFTER_MS);
        assert!(retry_delay_ms(9, Some(1_000), &mut rng) >= 86_400 * 800);
        let h = reqwest::header::HeaderValue::from_static("120");
        assert_eq!(retry_after(Some(&h), 0), Some(120_000));
        let date = reqwest::header::HeaderValue::from_static("Thu, 01 Jan 1970 00:02:00 GMT");
        assert_eq!(retry_after(Some(&date), 60_000), Some(60_000));
    }
}
