//! Keeping the stored forecasts current. A forecast reads whole days up to yesterday,
//! so: the nightly sweep marks every series that sold in the last [`HISTORY_DAYS`] (its
//! new day), a sale recorded for a past day marks its series (late or corrected data;
//! `store::forecasts::mark_stale_tx`, in the sale's transaction), saving a policy marks
//! every selling series (its promotions are inputs), and the [`RefreshForecasts`] job
//! forecasts the marked series a page at a time on the imports queue (heavy work, kept
//! apart from the workflow). A series whose history did not change is not computed
//! again. The refreshed positions are marked for the next sweep, so a forecast-driven
//! policy's levels follow their new forecasts at once.
//!
//! A page is read in one short transaction, forecast off the async runtime, and stored
//! in another, which clears a series' mark only if no sale marked it again meanwhile.
//! History is whole days up to yesterday; promotions come from the position's policy
//! (`PolicySettings::uplifts`), as the evaluation uses them.

use serde::{Deserialize, Serialize};

use super::jobs::SweepPositions;
use super::PolicySettings;
use crate::anomaly::SaleStats;
use crate::error::EngineError;
use crate::forecast::{fallback, forecast, Forecast, Input};
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::model::{now_ms, TenantId, DAY_MS};
use crate::policy::Uplift;
use crate::store::jobs::enqueue_tx;
use crate::store::{forecasts, positions, tenant_settings, Store};

/// Series forecast per run of the job.
pub const PAGE: i64 = 100;
/// Days of sales a forecast reads at most.
pub const HISTORY_DAYS: i64 = 112;
/// Days ahead a stored forecast covers. A policy that reads further (a longer lead time
/// plus cover) repeats the mean of its last week (`Forecast::total_from`).
pub const HORIZON: usize = 56;

/// Forecasts the tenant's marked series, a page per run; queues the next run while
/// marks remain. Debounced per tenant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshForecasts {}

impl BackgroundJob for RefreshForecasts {
    const KIND: &'static str = "forecast.refresh";
    const QUEUE: &'static str = queues::IMPORTS;
    type Context = Store;

    fn debounce_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!("forecast:{}", tenant.0))
    }

    async fn run(self, store: Store, tenant: TenantId, _job: Job) -> Result<(), JobError> {
        refresh(&store, tenant, now_ms())
            .await
            .map(|_| ())
            .map_err(JobError::from)
    }
}

/// The promotion factor of each day from `first_day` for `days` days (1.0 when none).
fn factors(uplifts: &[Uplift], first_day: i64, days: usize) -> Vec<f64> {
    (0..days as i64)
        .map(|d| {
            let start = (first_day + d).saturating_mul(DAY_MS);
            let end = start.saturating_add(DAY_MS);
            uplifts
                .iter()
                .filter(|u| u.from_ms < end && u.to_ms > start && u.factor > 0.0)
                .map(|u| u.factor)
                .fold(1.0, f64::max)
        })
        .collect()
}

/// One series to forecast: its key, daily sales, and the promotion factors of each
/// history day and each day ahead.
type Series = ((i64, i64), Vec<f64>, Vec<f64>, Vec<f64>);

/// Forecasts one page of the tenant's marked series; returns how many were forecast.
pub async fn refresh(store: &Store, tenant: TenantId, now: i64) -> Result<usize, EngineError> {
    let today = now.div_euclid(DAY_MS);
    let yesterday = today - 1;
    let mut tx = store.begin(tenant).await?;
    let marks = forecasts::stale_page_tx(&mut tx, tenant, PAGE).await?;
    if marks.is_empty() {
        tx.commit().await?;
        return Ok(0);
    }
    let pairs: Vec<(i64, i64)> = marks.iter().map(|(l, p, _)| (*l, *p)).collect();
    let mut products: Vec<i64> = pairs.iter().map(|(_, p)| *p).collect();
    products.sort_unstable();
    products.dedup();
    let classes = forecasts::classes_tx(&mut tx, tenant, &products).await?;
    let scopes = tenant_settings::policy_scopes_tx(&mut tx, tenant).await?;
    let history = positions::daily_demand_many_tx(
        &mut tx,
        tenant,
        &pairs,
        yesterday - HISTORY_DAYS + 1,
        yesterday,
    )
    .await?;
    tx.commit().await?;
    let work: Vec<Series> = pairs
        .iter()
        .map(|&(l, p)| {
            let sales: Vec<f64> = history
                .get(&(l, p))
                .map(|v| v.iter().map(|q| *q as f64).collect())
                .unwrap_or_default();
            let uplifts = classes
                .get(&p)
                .and_then(|class| tenant_settings::most_specific(&scopes, class, l))
                .and_then(|s| serde_json::from_str::<PolicySettings>(&s.settings).ok())
                .map(|s| s.uplifts)
                .unwrap_or_default();
            let first = yesterday + 1 - sales.len() as i64;
            let past = factors(&uplifts, first, sales.len());
            let future = factors(&uplifts, today, HORIZON);
            ((l, p), sales, past, future)
        })
        .collect();
    let computed: Vec<((i64, i64), Forecast, SaleStats)> = tokio::task::spawn_blocking(move || {
        work.into_iter()
            .map(|(key, sales, past, future)| {
                let input = Input {
                    history: &sales,
                    past_uplift: &past,
                    future_uplift: &future,
                };
                // A series that makes the forecasting panic gets its average, and says
                // so, rather than holding up the tenant's other series for ever.
                let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    forecast(&input, HORIZON)
                }));
                let fc = made.unwrap_or_else(|_| {
                    fallback(
                        &input,
                        HORIZON,
                        "the forecast failed on this history: the average".into(),
                    )
                });
                (key, fc, SaleStats::of(&sales))
            })
            .collect()
    })
    .await
    .map_err(|e| EngineError::invalid("err-forecast-failed", &[("error", e.to_string())]))?;
    let mut tx = store.begin(tenant).await?;
    forecasts::save_tx(&mut tx, tenant, &computed, &marks, now).await?;
    // The positions are checked again under their new forecasts (a forecast-driven
    // policy's levels move with them).
    positions::mark_dirty_tx(&mut tx, tenant, &pairs).await?;
    enqueue_tx(
        &mut tx,
        &NewJob::of(tenant, &SweepPositions::default(), now),
    )
    .await?;
    if marks.len() as i64 == PAGE {
        enqueue_tx(&mut tx, &NewJob::of(tenant, &RefreshForecasts {}, now)).await?;
    }
    tx.commit().await?;
    Ok(computed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotion_factors_by_day() {
        let u = [Uplift {
            from_ms: 10 * DAY_MS + 1,
            to_ms: 12 * DAY_MS,
            factor: 2.0,
        }];
        assert_eq!(factors(&u, 9, 4), vec![1.0, 2.0, 2.0, 1.0]);
        assert_eq!(factors(&[], 0, 2), vec![1.0, 1.0]);
    }
}
