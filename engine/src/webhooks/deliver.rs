//! Sending one delivery: the `webhook.deliver` job signs the stored body (Standard
//! Webhooks, both secrets while a rotation overlaps), posts it with a bounded timeout,
//! follows no redirect, and records the attempt. Only a 2xx is success; 410 Gone disables
//! the endpoint; anything else is retried on the specification's schedule (5 s, 5 min,
//! 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, each ±20 %), later when the receiver's
//! `Retry-After` asks for it; after the last retry the delivery fails and the job is
//! dead-lettered, which raises an exception for the tenant's staff.
//!
//! [`Guard`] refuses loopback, private, link-local, shared and metadata addresses:
//! literal ones when an endpoint is saved and before each send, and host names after DNS
//! resolution, inside the client's resolver, so the address checked is the address
//! connected to. A configured allow-list lets chosen networks through (tests use it).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use serde::{Deserialize, Serialize};

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

/// A network given as `address/prefix` (or a lone address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    fn parse(s: &str) -> Result<Net, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("{s:?} is not an address or network"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s:?} has no valid prefix length"))?,
            None => max,
        };
        Ok(Net { addr, prefix })
    }

    fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240
}

/// Loopback, private, link-local (the cloud metadata address), shared, reserved or
/// multicast: nowhere a tenant's webhook may go.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return internal_v4(v4);
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first == 0x64 && v6.segments()[1] == 0xff9b)
                || v6 == Ipv6Addr::new(0, 0, 0, 0, 0, 0, 0, 1)
        }
    }
}

/// Where webhooks may be sent.
#[derive(Clone, Debug, Default)]
pub struct Guard {
    allowed: Vec<Net>,
    /// Plain `http://` endpoints are accepted (development and tests only).
    allow_http: bool,
}

impl Guard {
    /// A guard letting `allowed` networks through despite being internal.
    pub fn new(allowed: &[String], allow_http: bool) -> Result<Guard, String> {
        let allowed = allowed
            .iter()
            .map(|s| Net::parse(s))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Guard {
            allowed,
            allow_http,
        })
    }

    pub fn permits(&self, ip: IpAddr) -> bool {
        !is_internal(ip) || self.allowed.iter().any(|n| n.contains(ip))
    }

    /// The endpoint URL, checked: `https` (or `http` where allowed), no credentials, a
    /// host, and not a literal internal address. The answer names what is wrong.
    pub fn check_url(&self, url: &str) -> Result<String, String> {
        let url = url.trim();
        if url.is_empty() || url.chars().count() > super::MAX_URL_CHARS {
            return Err(format!(
                "URL: give the endpoint's address (at most {} characters)",
                super::MAX_URL_CHARS
            ));
        }
        let parsed =
            reqwest::Url::parse(url).map_err(|_| "URL: this is not a web address".to_string())?;
        match parsed.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            _ => return Err("URL: the address must start with https://".into()),
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err("URL: leave credentials out of the address".into());
        }
        let literal = match parsed.host() {
            None => return Err("URL: the address has no host".into()),
            Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
            Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
            Some(url::Host::Domain(_)) => None,
        };
        if literal.is_some_and(|ip| !self.permits(ip)) {
            return Err(
                "URL: private, loopback, link-local and metadata addresses are refused".into(),
            );
        }
        Ok(parsed.to_string())
    }
}

/// The message a refused resolution carries, so an attempt can say why.
const REFUSED: &str = "resolves to a private, loopback, link-local or metadata address";

/// Resolves host names and drops nothing silently: a name with any internal address the
/// guard does not allow is refused whole.
struct GuardedResolver(Arc<Guard>);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.0.clone();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            if addrs.is_empty() || addrs.iter().any(|a| !guard.permits(a.ip())) {
                return Err(REFUSED.into());
            }
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

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
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .no_proxy()
            .user_agent("Shelfwise-Webhooks/1")
            .dns_resolver(Arc::new(GuardedResolver(guard.clone())))
            .build()
            .expect("a client with these settings builds");
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
        sender.attempt(tenant, self.delivery_id, &job).await
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

fn describe(e: &reqwest::Error, timeout: Duration) -> String {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        if s.to_string().contains(REFUSED) {
            return format!("refused: the host {REFUSED}");
        }
        source = s.source();
    }
    if e.is_timeout() {
        format!("no answer within {} s", timeout.as_secs())
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        "the request failed before an answer".into()
    }
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

    /// One attempt at delivery `id`, recorded with its outcome.
    pub async fn attempt(&self, tenant: TenantId, id: i64, job: &Job) -> Result<(), JobError> {
        let db = |e: sqlx::Error| JobError::from(crate::error::EngineError::Store(e));
        let Some(d) = self.store.webhook_delivery(tenant, id).await.map_err(db)? else {
            return Ok(());
        };
        if d.state != "pending" {
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
        let host = reqwest::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
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
                "Webhook delivery {} to {host}: the receiver answered 410 Gone, so the endpoint was disabled. Enable it again from Integrations once the receiver is back.",
                d.id
            ))),
            Outcome::Failed { error, .. } if last => Err(JobError::Terminal(format!(
                "Webhook delivery {} ({}) to {host} failed {attempts} times (last: {error}). Replay it from Integrations → Webhooks once the receiver works.",
                d.id, d.kind
            ))),
            Outcome::Failed { error, .. } => Err(JobError::RetryAt(
                format!("webhook delivery {} to {host}: {error}", d.id),
                now + delay,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_refused_unless_allowed() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "224.0.0.1",
            "255.255.255.255",
        ] {
            assert!(is_internal(ip(s)), "{s}");
        }
        for s in [
            "93.184.216.34",
            "2606:2800:220:1:248:1893:25c8:1946",
            "8.8.8.8",
        ] {
            assert!(!is_internal(ip(s)), "{s}");
        }
        let g = Guard::new(&["127.0.0.1".into(), "10.0.0.0/8".into()], false).unwrap();
        assert!(g.permits(ip("127.0.0.1")) && g.permits(ip("10.200.1.1")));
        assert!(!g.permits(ip("127.0.0.2")) && !g.permits(ip("169.254.169.254")));
        assert!(Guard::new(&["10.0.0.0/33".into()], false).is_err());
        assert!(Guard::new(&["example.com".into()], false).is_err());
    }

    #[test]
    fn endpoint_urls_are_checked() {
        let g = Guard::default();
        assert!(g.check_url("https://hooks.example.com/in?x=1").is_ok());
        for (url, says) in [
            ("http://hooks.example.com/", "https://"),
            ("ftp://hooks.example.com/", "https://"),
            ("https://user:pw@hooks.example.com/", "credentials"),
            ("https://169.254.169.254/latest", "metadata"),
            ("https://[::1]:8080/", "loopback"),
            ("https://10.0.0.5/", "private"),
            ("not a url", "not a web address"),
            ("", "give the endpoint"),
        ] {
            let e = g.check_url(url).unwrap_err();
            assert!(e.contains(says), "{url}: {e}");
        }
        let dev = Guard::new(&["127.0.0.1".into()], true).unwrap();
        assert!(dev.check_url("http://127.0.0.1:9000/hook").is_ok());
        assert!(dev.check_url("http://127.0.0.2:9000/hook").is_err());
    }

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
