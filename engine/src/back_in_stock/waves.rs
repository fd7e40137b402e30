//! Fair waves. Any stock change at a channel where confirmed shoppers wait queues a
//! [`Wave`] in the transaction of the change ([`stock_changed_tx`], called from the one
//! place every stock move passes, `replenish::sweep::positions_changed_tx`): driven by
//! stock events, never by polling.
//!
//! A wave re-reads the stock in its own transaction. Out of stock: the channel is
//! marked out (once) and the substitute timer armed. In stock after being out (or never
//! waved): the oldest confirmed shoppers, units × the tenant's multiplier of them, are
//! notified at once. In stock since the last wave: the next wave waits the tenant's
//! interval, then re-checks. So a restock of 3 units notifies 3 shoppers; if they buy,
//! the channel runs out and the rest wait for the next restock; if they do not, the next
//! 3 hear after the interval. Each notification is its own e-mail job, spread over the
//! tenant's send rate ([`alert_waves::take_send_slots_tx`]).

use serde::{Deserialize, Serialize};

use super::Settings;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::mail::shoppers::{ShopperMail, ShopperMailKind};
use crate::model::{now_ms, TenantId};
use crate::store::alert_waves;
use crate::store::jobs::{enqueue_many_tx, enqueue_tx};
use crate::store::Store;
use crate::worker::{complete_in_tx, job_result};

/// Check a channel's stock and notify the next wave if it is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wave {
    pub location_id: i64,
    pub product_id: i64,
    /// A follow-up wave the last one scheduled (its own key, so a restock meanwhile
    /// still queues an immediate check).
    #[serde(default)]
    pub follow_up: bool,
}

impl BackgroundJob for Wave {
    const KIND: &'static str = "bis.wave";
    const QUEUE: &'static str = queues::REPLENISH;
    const MAX_ATTEMPTS: i64 = 10;
    type Context = Store;

    fn debounce_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "bis:wave{}:{}:{}:{}",
            if self.follow_up { "-next" } else { "" },
            tenant.0,
            self.location_id,
            self.product_id
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        // A follow-up is due when it was scheduled, whatever a clock says (a worker
        // running timers ahead of time, in tests, would otherwise put it off again).
        let now = now_ms().max(job.scheduled_at);
        job_result(run_wave(&store, tenant, &self, now, Some(&job)).await)
    }
}

/// Offer the substitute to shoppers still waiting when a channel has been out since
/// `out_since` for the tenant's time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Substitute {
    pub location_id: i64,
    pub product_id: i64,
    pub out_since: i64,
}

impl BackgroundJob for Substitute {
    const KIND: &'static str = "bis.substitute";
    const QUEUE: &'static str = queues::REPLENISH;
    const MAX_ATTEMPTS: i64 = 10;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "timer:bis-substitute:{}:{}:{}:{}",
            tenant.0, self.location_id, self.product_id, self.out_since
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let now = now_ms().max(job.scheduled_at);
        job_result(offer_substitute(&store, tenant, &self, now, Some(&job)).await)
    }
}

/// Queues a wave for each changed `(location, product)` where confirmed shoppers wait.
pub(crate) async fn stock_changed_tx(
    tx: &mut Tx,
    tenant: TenantId,
    changed: &[(i64, i64)],
    now: i64,
) -> Result<(), sqlx::Error> {
    for (location_id, product_id) in alert_waves::waiting_channels_tx(tx, tenant, changed).await? {
        let wave = Wave {
            location_id,
            product_id,
            follow_up: false,
        };
        enqueue_tx(tx, &NewJob::of(tenant, &wave, now)).await?;
    }
    Ok(())
}

/// Queues a wave check for every channel where confirmed shoppers wait (alerts just
/// switched on).
pub(crate) async fn waiting_everywhere_tx(
    tx: &mut Tx,
    tenant: TenantId,
    now: i64,
) -> Result<(), sqlx::Error> {
    for (location_id, product_id) in alert_waves::all_waiting_channels_tx(tx, tenant).await? {
        let wave = Wave {
            location_id,
            product_id,
            follow_up: false,
        };
        enqueue_tx(tx, &NewJob::of(tenant, &wave, now)).await?;
    }
    Ok(())
}

/// A shopper confirmed: the channel gets a wave check (in stock already: they hear
/// at once; out: the channel is marked out and its substitute timer armed), and the
/// position is marked for a policy check, which counts the waiting list as demand (at
/// the tenant's next sweep).
pub(crate) async fn confirmed_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location_id: i64,
    product_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let wave = Wave {
        location_id,
        product_id,
        follow_up: false,
    };
    // The mark before the job, in the order ingestion takes them, so the two cannot
    // deadlock on PostgreSQL.
    crate::store::positions::mark_dirty_tx(tx, tenant, &[(location_id, product_id)]).await?;
    enqueue_tx(tx, &NewJob::of(tenant, &wave, now))
        .await
        .map(|_| ())
}

/// Queues one `kind` e-mail per subscription in `ids`, in send slots the tenant's rate
/// allows (reserved now, so concurrent waves never exceed it).
async fn queue_mails_tx(
    tx: &mut Tx,
    tenant: TenantId,
    ids: &[i64],
    kind: ShopperMailKind,
    per_minute: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let start =
        alert_waves::take_send_slots_tx(tx, tenant, ids.len() as i64, per_minute, now).await?;
    let gap = 60_000 / per_minute.max(1);
    let jobs: Vec<NewJob> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mail = ShopperMail {
                subscription_id: *id,
                kind,
                occasion: 0,
            };
            let at = start.saturating_add(gap.saturating_mul(i as i64));
            NewJob::of(tenant, &mail, now).at(at)
        })
        .collect();
    enqueue_many_tx(tx, &jobs).await
}

/// One wave check (see the module doc). Returns how many shoppers it notified.
pub async fn run_wave(
    store: &Store,
    tenant: TenantId,
    wave: &Wave,
    now: i64,
    job: Option<&Job>,
) -> Result<usize, EngineError> {
    let settings = Settings::load(store, tenant).await?;
    let (location, product) = (wave.location_id, wave.product_id);
    let mut tx = store.begin(tenant).await?;
    let (out_since, last_wave) =
        alert_waves::channel_tx(&mut tx, tenant, location, product).await?;
    let on_hand = alert_waves::on_hand_tx(&mut tx, tenant, location, product).await?;
    let mut notified = 0;
    if on_hand <= 0 {
        if out_since.is_none() {
            alert_waves::set_channel_tx(&mut tx, tenant, location, product, Some(now), last_wave)
                .await?;
            let timer = Substitute {
                location_id: location,
                product_id: product,
                out_since: now,
            };
            let due = now.saturating_add(settings.substitute_hours.saturating_mul(3_600_000));
            enqueue_tx(&mut tx, &NewJob::of(tenant, &timer, now).at(due)).await?;
        }
    } else {
        let interval = settings.wave_minutes.saturating_mul(60_000);
        let restocked = out_since.is_some() || last_wave.is_none();
        let next_due = last_wave.map_or(now, |t| t.saturating_add(interval));
        if !settings.enabled {
            // Alerts switched off: shoppers keep waiting, nobody is mailed.
        } else if !restocked && now < next_due {
            let next = Wave {
                follow_up: true,
                ..wave.clone()
            };
            enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(next_due)).await?;
        } else {
            let size = settings.wave_size(on_hand);
            let (_, ids) =
                alert_waves::notify_wave_tx(&mut tx, tenant, location, product, on_hand, size, now)
                    .await?;
            notified = ids.len();
            let last = if ids.is_empty() { last_wave } else { Some(now) };
            alert_waves::set_channel_tx(&mut tx, tenant, location, product, None, last).await?;
            let per_minute = settings.sends_per_minute;
            queue_mails_tx(
                &mut tx,
                tenant,
                &ids,
                ShopperMailKind::Notify,
                per_minute,
                now,
            )
            .await?;
            if ids.len() as i64 == size {
                // Perhaps more wait: the next wave re-checks the stock after the interval.
                let next = Wave {
                    follow_up: true,
                    ..wave.clone()
                };
                let at = now.saturating_add(interval);
                enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(at)).await?;
            }
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(notified)
}

/// The substitute timer: if the channel is still out since the same moment and the
/// tenant names a substitute that the channel has, every shopper still waiting there
/// (and not offered it yet) is mailed the offer. Their alert stays open.
pub async fn offer_substitute(
    store: &Store,
    tenant: TenantId,
    timer: &Substitute,
    now: i64,
    job: Option<&Job>,
) -> Result<usize, EngineError> {
    let settings = Settings::load(store, tenant).await?;
    let (location, product) = (timer.location_id, timer.product_id);
    let mut tx = store.begin(tenant).await?;
    let (out_since, _) = alert_waves::channel_tx(&mut tx, tenant, location, product).await?;
    let mut offered = 0;
    let sku = crate::store::catalog::product_label_tx(&mut tx, tenant, product)
        .await?
        .0;
    let substitute = match settings.substitutes.get(&sku) {
        Some(s) => alert_waves::product_id_tx(&mut tx, tenant, s).await?,
        None => None,
    };
    if let (Some(since), Some(sub), true) = (out_since, substitute, settings.enabled) {
        if since == timer.out_since
            && alert_waves::on_hand_tx(&mut tx, tenant, location, sub).await? > 0
        {
            let ids =
                alert_waves::offer_substitute_tx(&mut tx, tenant, location, product, now).await?;
            offered = ids.len();
            let per_minute = settings.sends_per_minute;
            queue_mails_tx(
                &mut tx,
                tenant,
                &ids,
                ShopperMailKind::Substitute,
                per_minute,
                now,
            )
            .await?;
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(offered)
}
