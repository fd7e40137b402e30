//! Backtests a planner runs on the tenant's own network before changing a policy: the
//! last N days of its sales (or a demand CSV it uploads) replayed on a virtual clock
//! under the levels its positions hold today and under a candidate rule, side by side
//! (fill rate, stockout store-product-days, average inventory value, documents,
//! approvals). It reads the tenant's data and writes only its own run row: nothing live
//! changes. The work runs as the [`RunBacktest`] job on its own queue ([`worker`]), its progress
//! (simulated days) kept on the run for the page that follows it. The scenario is built
//! by [`crate::backtest::replay`]; `shelfwise backtest --tenant` runs the same replay
//! from the command line.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::AuditEntry;
use crate::backtest::replay::{self, Inputs, Item, Location, Vendor, HISTORY, MAX_DAYS, MIN_DAYS};
use crate::backtest::{self, Report, Rule};
use crate::error::{EngineError, Msg};
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::model::{now_ms, Member, Permission, TenantId, DAY_MS};
use crate::recorded::Recorded;
use crate::replenish::PolicySettings;
use crate::store::audit::append_audit_tx;
use crate::store::backtest_runs::{NewRun, RunRecord};
use crate::store::jobs::enqueue_tx;
use crate::store::{backtest_runs, tenant_settings, Store};

/// Bytes a demand CSV may have at most.
pub const MAX_CSV_BYTES: usize = 8 * 1024 * 1024;
/// Runs listed on the page.
pub const LISTED: i64 = 20;
/// Days between refits of the forecast-driven candidate (bounded work per run).
pub const REFIT_DAYS: usize = 7;
/// Series × replayed days the forecast-driven candidate may take (it forecasts every
/// series each refit: about 0.6–0.9 days a second per 1,000 series on one core, see
/// docs/PERFORMANCE.md); the cheaper rules take up to `MAX_SERIES` × `MAX_DAYS`.
pub const MAX_FORECAST_WORK: usize = 100_000;
/// Seconds a replay may run before it stops as failed (under the worker's 10-minute
/// limit on a job, so the run is marked, not left running).
pub const TIME_LIMIT_SECS: u64 = 540;
/// A run still queued or running this long after it was started has stopped (its
/// job died with the process or was cut off): it reads as failed.
pub const STALE_MS: i64 = 60 * 60 * 1000;

/// The rule a planner tries against the current levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Candidate {
    StaticMinMax,
    NaiveAdaptive,
    Forecast,
}

impl Candidate {
    pub const ALL: [Candidate; 3] = [
        Candidate::Forecast,
        Candidate::NaiveAdaptive,
        Candidate::StaticMinMax,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Candidate::StaticMinMax => "static_min_max",
            Candidate::NaiveAdaptive => "naive_adaptive",
            Candidate::Forecast => "forecast",
        }
    }

    pub fn parse(s: &str) -> Option<Candidate> {
        Candidate::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Candidate::StaticMinMax => "Static min/max (levels from the first 28 days)",
            Candidate::NaiveAdaptive => "Naive adaptive (the last 28 days, every day)",
            Candidate::Forecast => "Forecast-driven (each series' forecast)",
        }
    }

    fn rule(self, service: Option<f64>) -> Rule {
        match self {
            Candidate::StaticMinMax => Rule::static_min_max(service),
            Candidate::NaiveAdaptive => Rule::naive_adaptive(service),
            Candidate::Forecast => Rule::forecast(REFIT_DAYS),
        }
    }
}

/// What a planner asks for.
#[derive(Clone, Debug)]
pub struct Request {
    /// Days to replay (from the tenant's sales; a CSV brings its own).
    pub days: i64,
    pub candidate: Candidate,
    /// One service level in per cent for every item, instead of the classes'.
    pub service_level: Option<f64>,
    /// A demand CSV (`day,location,sku,quantity`) instead of the tenant's sales.
    pub csv: Option<String>,
}

/// What a finished run found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub current: Report,
    pub candidate: Report,
    /// The notes on what the replay assumes or leaves out, in English (the command
    /// line prints these).
    pub notes: Vec<String>,
    /// The same notes as recorded, read in each reader's language (empty for a run
    /// stored before notes were recorded so: then `notes` is all there is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noted: Vec<Recorded>,
}

impl Outcome {
    /// The notes in `lang`, and whether they are only the English of an older run (to
    /// be marked `lang="en"`).
    pub fn notes_in(&self, lang: i18n::Lang) -> (Vec<String>, bool) {
        crate::recorded::shown_each(&self.notes, &self.noted, lang)
    }
}

/// Starts a run: checks the request (a CSV line by line, naming the line) and queues
/// it. Needs [`Permission::EditPolicies`]: it is how a policy change is tried.
pub async fn start(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    req: &Request,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::EditPolicies)?;
    let days = check_days(req)?;
    if let Some(s) = req.service_level {
        if !(50.0..=99.9).contains(&s) {
            return Err(EngineError::invalid("err-backtest-service-level", &[]));
        }
        if req.candidate == Candidate::Forecast {
            return Err(EngineError::invalid("err-backtest-forecast-service", &[]));
        }
    }
    if store.backtests_active(tenant).await? > 0 {
        return Err(EngineError::invalid("err-backtest-busy", &[]));
    }
    let net = network(store, tenant).await?;
    let days = match &req.csv {
        Some(csv) => {
            if csv.len() > MAX_CSV_BYTES {
                return Err(EngineError::invalid("err-backtest-file-size", &[]));
            }
            let (_, span) = replay::parse_demand_csv(csv, &net.locations, &net.skus)
                .map_err(EngineError::Invalid)?;
            span - HISTORY
        }
        None => days,
    };
    check_size(net.series, days, req.candidate)?;
    let mut tx = store.begin(tenant).await?;
    let id = backtest_runs::insert_run_tx(
        &mut tx,
        tenant,
        &NewRun {
            requested_by: &member.name,
            days: days as i64,
            candidate: req.candidate.as_str(),
            service_level: req.service_level,
            csv: req.csv.as_deref(),
            now,
        },
    )
    .await?;
    enqueue_tx(&mut tx, &NewJob::of(tenant, &RunBacktest { id }, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "backtest.started",
            format!("backtest:{id}"),
            None,
            Some(json!({ "days": days, "candidate": req.candidate.as_str(),
                "service_level": req.service_level, "source": if req.csv.is_some() { "csv" } else { "history" } })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The tenant's latest runs. Needs [`Permission::ViewInventory`].
pub async fn runs(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<RunRecord>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let mut runs = store.backtest_runs(tenant, LISTED).await?;
    for r in &mut runs {
        settle_stale(store, tenant, r).await?;
    }
    Ok(runs)
}

/// One run, with its outcome once done. Needs [`Permission::ViewInventory`].
pub async fn run(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<(RunRecord, Option<Outcome>), EngineError> {
    member.require(Permission::ViewInventory)?;
    let mut r = store
        .backtest_run(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    settle_stale(store, tenant, &mut r).await?;
    let outcome = r
        .result
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok());
    Ok((r, outcome))
}

/// The series a replay of `inputs` takes: stores × products with a supplier.
fn series_in(inputs: &Inputs) -> usize {
    let stores = inputs.locations.iter().filter(|l| l.is_store).count();
    let supplied = inputs
        .items
        .iter()
        .filter(|i| i.supplier_id.is_some())
        .count();
    stores.saturating_mul(supplied)
}

/// Refuses days to replay out of range (a CSV brings its own days).
fn check_days(req: &Request) -> Result<usize, EngineError> {
    let days = usize::try_from(req.days).unwrap_or(0);
    if req.csv.is_none() && !(MIN_DAYS..=MAX_DAYS).contains(&days) {
        return Err(EngineError::invalid(
            "err-backtest-days",
            &[
                ("least", MIN_DAYS.to_string()),
                ("most", MAX_DAYS.to_string()),
            ],
        ));
    }
    Ok(days)
}

/// Refuses a replay too large to finish in time, saying what would fit.
fn check_size(series: usize, days: usize, candidate: Candidate) -> Result<(), EngineError> {
    if series > replay::MAX_SERIES {
        return Err(EngineError::invalid(
            "err-backtest-series",
            &[
                ("series", series.to_string()),
                ("most", replay::MAX_SERIES.to_string()),
            ],
        ));
    }
    if candidate == Candidate::Forecast && series.saturating_mul(days) > MAX_FORECAST_WORK {
        return Err(EngineError::invalid(
            "err-backtest-forecast-days",
            &[
                ("series", series.to_string()),
                (
                    "most",
                    (MAX_FORECAST_WORK / series.max(1)).max(1).to_string(),
                ),
            ],
        ));
    }
    Ok(())
}

/// A run left queued or running past [`STALE_MS`] is ended as failed.
async fn settle_stale(
    store: &Store,
    tenant: TenantId,
    r: &mut RunRecord,
) -> Result<(), EngineError> {
    let now = now_ms();
    if (r.state == "queued" || r.state == "running") && now - r.created_at > STALE_MS {
        let why = "The backtest stopped before it finished. Try fewer days.";
        store.backtest_finish(tenant, r.id, Err(why), now).await?;
        r.state = "failed".into();
        r.error = Some(why.into());
    }
    Ok(())
}

/// What a request is checked against, read once: location codes and SKUs (to read a
/// CSV by) and the series a replay takes (stores × products with a supplier).
struct Network {
    locations: HashMap<String, i64>,
    skus: HashMap<String, i64>,
    series: usize,
}

async fn network(store: &Store, tenant: TenantId) -> Result<Network, EngineError> {
    let locs = store.replay_locations(tenant).await?;
    let products = store.replay_products(tenant).await?;
    let stores = locs.iter().filter(|l| l.3 == "store").count();
    let supplied = products.iter().filter(|p| p.4.is_some()).count();
    Ok(Network {
        locations: locs
            .into_iter()
            .map(|(id, code, _, _)| (code, id))
            .collect(),
        skus: products
            .into_iter()
            .map(|(id, sku, _, _, _)| (sku, id))
            .collect(),
        series: stores.saturating_mul(supplied),
    })
}

/// The tenant's network as a replay's inputs: demand from `csv`, else its sales over
/// the `days` before today and the history before them.
pub async fn inputs(
    store: &Store,
    tenant: TenantId,
    days: usize,
    csv: Option<&str>,
    now: i64,
) -> Result<Inputs, EngineError> {
    let scopes = {
        let mut tx = store.begin(tenant).await?;
        let s = tenant_settings::policy_scopes_tx(&mut tx, tenant).await?;
        tx.commit().await?;
        s
    };
    let policy_of = |class: &str| -> PolicySettings {
        tenant_settings::most_specific(&scopes, class, 0)
            .and_then(|s| serde_json::from_str(&s.settings).ok())
            .unwrap_or_default()
    };
    let locs = store.replay_locations(tenant).await?;
    let items: Vec<Item> = store
        .replay_products(tenant)
        .await?
        .into_iter()
        .map(|(id, sku, class, cost, supplier)| {
            let p = policy_of(&class);
            Item {
                id,
                sku,
                cost_minor: cost,
                supplier_id: supplier,
                case_pack: p.case_pack.max(1),
                service_level: p.service_level.unwrap_or(95.0),
                spread_service: p.method == crate::replenish::Method::Forecast && p.spread_service,
                cover_days: (p.method == crate::replenish::Method::Forecast)
                    .then(|| p.cover_days.clamp(1, 56) as usize),
                order_cycle: p.method == crate::replenish::Method::Forecast && p.order_cycle,
                class,
            }
        })
        .collect();
    let vendors = store
        .replay_suppliers(tenant)
        .await?
        .into_iter()
        .map(|(id, name, lead, sd)| Vendor {
            id,
            name,
            lead_time_days: lead,
            lead_time_sd: sd.unwrap_or(0.0),
        })
        .collect();
    let positions = store
        .replay_positions(tenant)
        .await?
        .into_iter()
        .map(|(l, p, on_hand, rop, out)| ((l, p), (on_hand, rop, out)))
        .collect();
    let (demand, total_days) = match csv {
        Some(text) => {
            let locations = locs
                .iter()
                .map(|(id, code, _, _)| (code.clone(), *id))
                .collect();
            let skus = items.iter().map(|i| (i.sku.clone(), i.id)).collect();
            replay::parse_demand_csv(text, &locations, &skus).map_err(EngineError::Invalid)?
        }
        None => {
            let total = days + HISTORY;
            let today = now.div_euclid(DAY_MS);
            let first = today - total as i64;
            let rows = store.replay_sales(tenant, first, today - 1).await?;
            let demand = rows
                .into_iter()
                .filter_map(|(l, p, day, q)| {
                    let i = usize::try_from(day - first).ok()?;
                    Some((l, p, i, u32::try_from(q.max(0)).unwrap_or(u32::MAX)))
                })
                .collect();
            (demand, total)
        }
    };
    Ok(Inputs {
        locations: locs
            .into_iter()
            .map(|(id, code, name, kind)| Location {
                id,
                code,
                name,
                is_store: kind == "store",
            })
            .collect(),
        items,
        vendors,
        positions,
        demand,
        total_days,
        cover_days: policy_of("").cover_days.clamp(1, 56) as usize,
        seed: tenant.0 as u64,
    })
}

/// Replays `inputs` under the current levels and `candidate`; `progress` is told the
/// simulated days done so far out of twice the days.
pub fn replay_both(
    inputs: &Inputs,
    candidate: Candidate,
    service: Option<f64>,
    matrix: &crate::approval::Matrix,
    progress: &(dyn Fn(i64) + Sync),
) -> Result<Outcome, String> {
    let r = replay::scenario(inputs)?;
    let days = r.scenario.days as i64;
    let current = backtest::run(
        &r.scenario,
        &mut Rule::Current { levels: r.current },
        matrix,
        &mut |d, _| progress(d as i64),
    )?;
    let candidate = backtest::run(
        &r.scenario,
        &mut candidate.rule(service),
        matrix,
        &mut |d, _| progress(days + d as i64),
    )?;
    Ok(Outcome {
        current,
        candidate,
        notes: r.notes.iter().map(Recorded::english).collect(),
        noted: r.notes,
    })
}

/// The tenant's approval matrix, to count the approvals a replay's documents need.
async fn matrix_of(
    store: &Store,
    tenant: TenantId,
) -> Result<crate::approval::Matrix, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let s = crate::replenish::matrix::settings_tx(&mut tx, tenant).await?;
    tx.commit().await?;
    Ok(s.matrix)
}

/// A replay of the tenant's network run at once, for the command line (the platform's
/// operator, as `seed` is): the same inputs and rules as a run from the portal, nothing
/// stored.
pub async fn replay_tenant(
    store: &Store,
    tenant: TenantId,
    req: &Request,
    progress: &(dyn Fn(i64) + Sync),
) -> Result<Outcome, EngineError> {
    let days = check_days(req)?;
    let inputs = inputs(store, tenant, days, req.csv.as_deref(), now_ms()).await?;
    let matrix = matrix_of(store, tenant).await?;
    replay_both(&inputs, req.candidate, req.service_level, &matrix, progress)
        .map_err(|e| EngineError::Invalid(Msg::detail(e)))
}

/// The worker of the backtests queue.
pub fn worker(store: Store, id: &str) -> crate::worker::Worker {
    crate::worker::Worker::new(store.clone(), queues::BACKTESTS, id).register::<RunBacktest>(store)
}

/// What a replay unwinds with when it runs past [`TIME_LIMIT_SECS`].
struct TooLong;

/// Runs a queued backtest. A run that cannot be built (too few days, no stores) ends as
/// failed with the reason; the job itself then succeeds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunBacktest {
    pub id: i64,
}

impl BackgroundJob for RunBacktest {
    const KIND: &'static str = "backtest.run";
    const QUEUE: &'static str = queues::BACKTESTS;
    /// A second attempt would replay the same inputs to the same end.
    const MAX_ATTEMPTS: i64 = 1;
    type Context = Store;

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let result = work(&store, tenant, self.id).await;
        if let Err(e) = &result {
            if job.attempt >= Self::MAX_ATTEMPTS {
                let _ = store
                    .backtest_finish(tenant, self.id, Err(&e.user_message()), now_ms())
                    .await;
            }
        }
        result.map_err(JobError::from)
    }
}

async fn work(store: &Store, tenant: TenantId, id: i64) -> Result<(), EngineError> {
    let Some(run) = store.backtest_run(tenant, id).await? else {
        return Ok(());
    };
    if run.state == "done" || run.state == "failed" {
        return Ok(());
    }
    let csv = store.backtest_csv(tenant, id).await?;
    let candidate = Candidate::parse(&run.candidate).unwrap_or(Candidate::Forecast);
    let now = now_ms();
    let inputs = match inputs(store, tenant, run.days.max(0) as usize, csv.as_deref(), now).await {
        Ok(i) => i,
        Err(EngineError::Invalid(why)) => {
            store
                .backtest_finish(tenant, id, Err(why.as_str()), now)
                .await?;
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let days = inputs.total_days.saturating_sub(HISTORY);
    if let Err(EngineError::Invalid(why)) = check_size(series_in(&inputs), days, candidate) {
        store
            .backtest_finish(tenant, id, Err(why.as_str()), now)
            .await?;
        return Ok(());
    }
    let total = (days * 2) as i64;
    if !store.backtest_claim(tenant, id, total).await? {
        return Ok(());
    }
    let matrix = matrix_of(store, tenant).await?;
    let done = Arc::new(AtomicI64::new(0));
    let seen = done.clone();
    let service = run.service_level;
    let task = tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        replay_both(&inputs, candidate, service, &matrix, &|d| {
            seen.store(d, Ordering::Relaxed);
            // Past the limit the replay unwinds (caught below): the thread is freed and
            // the run ends as failed rather than outliving its job.
            if started.elapsed().as_secs() > TIME_LIMIT_SECS {
                std::panic::panic_any(TooLong);
            }
        })
    });
    tokio::pin!(task);
    let outcome = loop {
        tokio::select! {
            joined = &mut task => break joined,
            _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {
                // A lost progress write costs a stale bar, never the run.
                if let Err(e) = store.backtest_progress(tenant, id, done.load(Ordering::Relaxed)).await {
                    tracing::warn!(run = id, error = %e, "backtest progress not saved");
                }
            }
        }
    };
    let now = now_ms();
    match outcome {
        Ok(Ok(o)) => {
            let text = serde_json::to_string(&o).unwrap_or_default();
            store.backtest_finish(tenant, id, Ok(&text), now).await?;
        }
        Ok(Err(why)) => store.backtest_finish(tenant, id, Err(&why), now).await?,
        Err(e) => {
            let too_long = e.try_into_panic().is_ok_and(|p| p.is::<TooLong>());
            let why = if too_long {
                format!(
                    "The backtest did not finish within {} minutes: try fewer days.",
                    TIME_LIMIT_SECS / 60
                )
            } else {
                tracing::error!(run = id, "a backtest failed");
                "The backtest stopped on an internal error.".to_string()
            };
            store.backtest_finish(tenant, id, Err(&why), now).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_in_the_readers_language_and_an_older_run_s_in_english() {
        let noted = vec![Recorded::new(
            "plan-backtest-note-dcs",
            &[("count", "2".to_string())],
        )];
        let o = Outcome {
            current: Report::default(),
            candidate: Report::default(),
            notes: noted.iter().map(Recorded::english).collect(),
            noted,
        };
        let stored = serde_json::to_value(&o).unwrap();
        let back: Outcome = serde_json::from_value(stored.clone()).unwrap();
        assert_eq!(back, o);
        let (nl, english) = back.notes_in(i18n::Lang::Nl);
        assert!(!english);
        assert_eq!(
            nl,
            ["2 distributiecentra blijven buiten beschouwing: winkels kopen bij leveranciers en delen onderling."]
        );
        // A run stored before notes were recorded has only their English.
        let mut old = stored;
        old.as_object_mut().unwrap().remove("noted");
        let old: Outcome = serde_json::from_value(old).unwrap();
        assert_eq!(old.notes_in(i18n::Lang::De), (o.notes.clone(), true));
    }
}
