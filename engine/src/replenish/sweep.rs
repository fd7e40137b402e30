//! The sweep: checks the positions that changed (marked in `dirty_positions` by
//! ingestion and stock moves) in short write transactions, and the re-check that marks
//! every position a policy scope covers after the policy changed.

use super::evaluate::{evaluate_known_tx, Evaluation, Prefetched};
use super::jobs::{
    EvaluatePosition, NightlySweep, RecheckScope, SweepPositions, DEFAULT_SWEEP_HOUR,
};
use crate::db::{Backend, Tx};
use crate::error::EngineError;
use crate::jobs::{Job, NewJob};
use crate::model::TenantId;
use crate::store::jobs::enqueue_tx;
use crate::store::Store;
use crate::store::{levels, positions, tenant_settings};
use crate::worker::complete_in_tx;

/// Marked positions one sweep job checks before it hands over to a follow-up job (so
/// other tenants' jobs get their turn).
const SWEEP_PAGE: i64 = 500;
/// Positions checked per write transaction by a sweep at most, and the work after which
/// it takes no further one. SQLite has one writer, so there a batch is short (ingestion
/// waits for it); PostgreSQL locks only the batch's own positions, so there a batch is
/// long, which spreads the statements that read a batch's facts over more positions,
/// yet bounded in time, since ingestion of those positions waits for it.
fn batch_limits(store: &Store) -> (usize, Option<std::time::Duration>) {
    match store.db().backend() {
        Backend::Sqlite => (SQLITE_BATCH, Some(std::time::Duration::from_millis(4))),
        Backend::Postgres => (POSTGRES_BATCH, Some(std::time::Duration::from_millis(50))),
    }
}
const SQLITE_BATCH: usize = 20;
/// Positions whose facts a batch reads at a time.
const PREFETCH_AHEAD: usize = 25;
const POSTGRES_BATCH: usize = 200;

/// Records, in the caller's transaction, that positions changed: each is marked for a
/// policy check and the tenant's sweep is queued, so the check cannot be lost.
pub(crate) async fn positions_changed_tx(
    tx: &mut Tx,
    tenant: TenantId,
    changed: &[(i64, i64)],
    now: i64,
) -> Result<(), sqlx::Error> {
    if changed.is_empty() {
        return Ok(());
    }
    positions::mark_dirty_tx(tx, tenant, changed).await?;
    enqueue_tx(tx, &NewJob::of(tenant, &SweepPositions::default(), now)).await?;
    // Sales of past days among the changes marked their series for a new forecast.
    if crate::store::forecasts::any_stale_tx(tx, tenant).await? {
        let refresh = super::forecasts::RefreshForecasts::default();
        enqueue_tx(tx, &NewJob::of(tenant, &refresh, now)).await?;
    }
    // Shoppers waiting at a changed position hear in waves (`back_in_stock::waves`).
    crate::back_in_stock::waves::stock_changed_tx(tx, tenant, changed, now).await?;
    // The tenant's integrations hear of it, when an endpoint takes it.
    crate::webhooks::availability_changed_tx(tx, tenant, changed, now).await?;
    Ok(())
}

/// Positions a re-check job marks per transaction.
const RECHECK_PAGE: i64 = 5_000;

/// Marks one page of the scope's positions and queues the next page (or, at the end,
/// nothing: the sweep the marks queued does the checking). With `levels` (after a policy
/// changed), the page's positions first take the levels now in force
/// ([`levels::apply_class_levels_tx`]).
pub async fn recheck(
    store: &Store,
    scope: &RecheckScope,
    tenant: TenantId,
    job: Option<&Job>,
) -> Result<bool, EngineError> {
    let now = crate::model::now_ms();
    let after = scope.after_location_id.zip(scope.after_product_id);
    let mut tx = store.begin(tenant).await?;
    let page = positions::scope_page_tx(
        &mut tx,
        tenant,
        &scope.class,
        scope.location_id,
        after,
        RECHECK_PAGE,
    )
    .await?;
    // Positions before marks, each in (product, location) order: the order ingestion
    // locks them in, so the two cannot deadlock.
    if scope.levels {
        levels::apply_class_levels_tx(&mut tx, tenant, &page).await?;
    }
    positions::mark_dirty_tx(&mut tx, tenant, &page).await?;
    let last = page.last().copied();
    if let Some(last) = last {
        enqueue_tx(
            &mut tx,
            &NewJob::of(tenant, &SweepPositions::default(), now),
        )
        .await?;
        let next = RecheckScope {
            after_location_id: Some(last.0),
            after_product_id: Some(last.1),
            ..scope.clone()
        };
        enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now)).await?;
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(last.is_some())
}

/// What one sweep did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    pub checked: usize,
    /// Positions whose shortfall got a new transfer or PO line.
    pub covered: usize,
    /// Positions whose check failed; each was handed to its own retried job.
    pub failed: usize,
    /// A follow-up sweep was queued for the positions after this page.
    pub more: bool,
}

/// Checks up to a page of the tenant's marked positions in write transactions of at most
/// a batch of positions (see [`batch_limits`]), each reading its batch's facts up front
/// ([`Prefetched`]), so ingestion never waits long for the locks, and clears each mark unless the position changed again
/// meanwhile. A batch that fails is retried one position at a time; a position that
/// still fails is handed to a `replenish.evaluate` job, whose retries end in the dead
/// letter (and the exception queue) rather than blocking the sweep. Checking twice is
/// harmless: an open need is never opened again.
///
/// (Checking parts of a page in parallel on PostgreSQL was tried and measured: the
/// per-tenant audit chain serialises the checks that open documents anyway, the backlog
/// did not shrink, and waiting checks held position locks that ingestion then waited
/// for.)
pub async fn sweep(
    store: &Store,
    tenant: TenantId,
    after: Option<(i64, i64)>,
) -> Result<Sweep, EngineError> {
    let started = std::time::Instant::now();
    let page = store.dirty_positions(tenant, after, SWEEP_PAGE).await?;
    let read = started.elapsed();
    let full = page.len() as i64 == SWEEP_PAGE;
    let last = page.last().map(|d| (d.location_id, d.product_id));
    let mut out = sweep_part(store, tenant, page).await?;
    if full {
        let mut tx = store.begin(tenant).await?;
        let next = SweepPositions::after(last);
        enqueue_tx(&mut tx, &NewJob::of(tenant, &next, crate::model::now_ms())).await?;
        tx.commit().await?;
        out.more = true;
    }
    tracing::debug!(
        tenant = tenant.0,
        checked = out.checked,
        covered = out.covered,
        page_read_ms = read.as_millis() as u64,
        total_ms = started.elapsed().as_millis() as u64,
        "sweep page"
    );
    Ok(out)
}

/// Checks `part` in (product, location) order: the order ingestion locks positions in,
/// so the two cannot deadlock.
async fn sweep_part(
    store: &Store,
    tenant: TenantId,
    mut part: Vec<positions::DirtyPosition>,
) -> Result<Sweep, EngineError> {
    part.sort_unstable_by_key(|d| (d.product_id, d.location_id));
    let mut out = Sweep::default();
    let mut rest = &part[..];
    let (batch, _) = batch_limits(store);
    while !rest.is_empty() {
        let now = crate::model::now_ms();
        let take = rest.len().min(batch);
        match evaluate_batch(store, tenant, &rest[..take], now).await {
            Ok((checked, covered)) => {
                out.checked += checked;
                out.covered += covered;
                rest = &rest[checked..];
            }
            Err(e) => {
                tracing::warn!(tenant = tenant.0, error = %e, "sweep batch failed; checking its positions one by one");
                for d in &rest[..take] {
                    match evaluate_batch(store, tenant, std::slice::from_ref(d), now).await {
                        Ok((_, covered)) => {
                            out.checked += 1;
                            out.covered += covered;
                        }
                        Err(e) => {
                            tracing::warn!(tenant = tenant.0, location = d.location_id, product = d.product_id,
                                error = %e, "position check failed; queued as its own job");
                            let mut tx = store.begin(tenant).await?;
                            let alone = EvaluatePosition {
                                location_id: d.location_id,
                                product_id: d.product_id,
                            };
                            enqueue_tx(&mut tx, &NewJob::of(tenant, &alone, now)).await?;
                            positions::clear_dirty_tx(&mut tx, tenant, std::slice::from_ref(d))
                                .await?;
                            tx.commit().await?;
                            out.failed += 1;
                        }
                    }
                }
                rest = &rest[take..];
            }
        }
    }
    Ok(out)
}

/// Checks a prefix of `batch` (at least one position, at most until the backend's time
/// budget has passed) in one write transaction and clears their marks in it; returns how many
/// it checked and how many of those got a new transfer or PO line.
async fn evaluate_batch(
    store: &Store,
    tenant: TenantId,
    batch: &[positions::DirtyPosition],
    now: i64,
) -> Result<(usize, usize), EngineError> {
    let started = std::time::Instant::now();
    let (_, budget) = batch_limits(store);
    let mut tx = store.begin(tenant).await?;
    let (mut checked, mut covered) = (0, 0);
    // The facts of the next few positions in one statement per kind of fact (on
    // PostgreSQL each statement is a round trip), a few at a time, so a batch that the
    // time budget cuts short read little it did not use.
    let ahead = PREFETCH_AHEAD;
    'batch: for part in batch.chunks(ahead) {
        let pairs: Vec<(i64, i64)> = part.iter().map(|d| (d.location_id, d.product_id)).collect();
        let known = Prefetched::read(&mut tx, tenant, &pairs, now).await?;
        for d in part {
            if checked > 0 && budget.is_some_and(|b| started.elapsed() >= b) {
                break 'batch;
            }
            let outcome =
                evaluate_known_tx(&mut tx, tenant, d.location_id, d.product_id, &known, now)
                    .await?;
            if let Evaluation::Covered { .. } = outcome {
                covered += 1;
            }
            checked += 1;
        }
    }
    positions::clear_dirty_tx(&mut tx, tenant, &batch[..checked]).await?;
    tx.commit().await?;
    Ok((checked, covered))
}

/// Marks every position of `tenant` for a check (after seeding, an import, and nightly
/// as the safety net for missed events), in pages, and sets the next nightly sweep.
/// Positions with a need already open return early when checked, so a sweep over a
/// quiet tenant costs a read per position and opens nothing.
pub async fn sweep_all(
    store: &Store,
    tenant: TenantId,
    now: i64,
    job: Option<&Job>,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    let all = RecheckScope::new("*", None, None);
    enqueue_tx(&mut tx, &NewJob::of(tenant, &all, now)).await?;
    // Every series that sold lately is forecast again, so one that stopped selling fades.
    let from_day = now.div_euclid(super::DAY_MS) - super::forecasts::HISTORY_DAYS;
    crate::store::forecasts::mark_all_selling_tx(&mut tx, tenant, from_day, now).await?;
    let refresh = super::forecasts::RefreshForecasts::default();
    enqueue_tx(&mut tx, &NewJob::of(tenant, &refresh, now)).await?;
    let hour = tenant_settings::sweep_hour_tx(&mut tx, tenant)
        .await?
        .unwrap_or(DEFAULT_SWEEP_HOUR);
    let (next, due) = NightlySweep::next(now, hour);
    enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(due)).await?;
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes sure the tenant's nightly sweep is scheduled (a no-op when it is).
pub async fn schedule_nightly(
    store: &Store,
    tenant: TenantId,
    now: i64,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    let hour = tenant_settings::sweep_hour_tx(&mut tx, tenant)
        .await?
        .unwrap_or(DEFAULT_SWEEP_HOUR);
    let (next, due) = NightlySweep::next(now, hour);
    enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(due)).await?;
    tx.commit().await?;
    Ok(())
}
