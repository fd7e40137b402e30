//! The replenishment runner: turns a changed stock position into a transfer or purchase
//! order, routes it through the tenant's approval matrix, carries out decisions and
//! lifecycle commands, and handles the timers (PO consolidation windows, approval and
//! exception escalation). Every change runs in one write transaction together with its
//! audit entries, the jobs it schedules (timers, e-mail: the outbox) and, for job
//! handlers, the job's own completion, so a crash never leaves half of it behind and a
//! job whose lease lapsed cannot commit twice.
//!
//! The decisions themselves are the pure functions of [`crate::policy`],
//! [`crate::sourcing`], [`crate::approval`] and [`crate::workflow`]; SQL is in
//! `store::replenish` and `store::exceptions`.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::approval::{self, DocumentType, Matrix, Outcome, Route, Rule, Step};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::jobs::{Job, NewJob};
use crate::jobs_runtime::{JobError, Worker};
use crate::model::{Member, Role, TenantId};
use crate::policy::{self, Levels, Policy, Position, Uplift};
use crate::sourcing::{self, Destination};
use crate::store::audit::append_audit_tx;
use crate::store::exceptions::{self as exc, NewException};
use crate::store::jobs::{complete_job_tx, enqueue_tx};
use crate::store::replenish::{self as sql, DocRef, NewLine, NewNeed, NewStep, NewTransfer};
use crate::store::Store;
use crate::workflow::purchase_order::{self as po_flow, PoCommand, PoEffect, PoState};
use crate::workflow::transfer::{self as tr_flow, TransferCommand, TransferEffect, TransferState};
use crate::workflow::Forbidden;

pub const QUEUE: &str = "replenish";
pub const MAIL_QUEUE: &str = "mail";
pub const EVALUATE: &str = "replenish.evaluate";
pub const SWEEP: &str = "replenish.sweep";
pub const RECHECK: &str = "replenish.recheck";
pub const CLOSE_PO_WINDOW: &str = "po.close_window";
pub const ESCALATE_STEP: &str = "approval.escalate";
pub const ESCALATE_EXCEPTION: &str = "exception.escalate";
pub const SEND_MAIL: &str = "mail.send";

const DAY_MS: i64 = 24 * 3_600_000;
/// Days of sales history read for demand variability.
const HISTORY_DAYS: i64 = 28;
/// An unowned exception escalates after this long.
pub const EXCEPTION_ESCALATE_MS: i64 = 4 * 3_600_000;
const SYSTEM: &str = "system:replenishment";

/// Marked positions one sweep job checks before it hands over to a follow-up job (so
/// other tenants' jobs get their turn).
const SWEEP_PAGE: i64 = 500;
/// Positions checked per write transaction by a sweep at most: enough to spread the
/// commit, few enough that ingestion never waits long for the write lock.
const SWEEP_BATCH: usize = 20;
/// A sweep's transaction takes no further position after this much work.
const SWEEP_BATCH_MS: u64 = 4;

/// The job that checks the tenant's marked positions. Debounced per tenant: a burst
/// queues one sweep; a change during a sweep queues the next. `after` continues a sweep
/// that stopped at a page boundary.
pub fn sweep_job(tenant: TenantId, after: Option<(i64, i64)>, now: i64) -> NewJob {
    let (args, key) = match after {
        None => (json!({}), format!("sweep:{}", tenant.0)),
        Some((l, p)) => (
            json!({ "after_location_id": l, "after_product_id": p }),
            format!("sweep-next:{}", tenant.0),
        ),
    };
    NewJob::new(SWEEP, args, now)
        .tenant(tenant)
        .queue(QUEUE)
        .debounce(key)
}

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
    sql::mark_dirty_tx(tx, tenant, changed).await?;
    enqueue_tx(tx, &sweep_job(tenant, None, now)).await?;
    Ok(())
}

/// Positions a re-check job marks per transaction.
const RECHECK_PAGE: i64 = 5_000;

/// The job that marks every position a policy scope covers for a check (after the
/// policy changed), a page per run; `after` continues from the last page.
pub fn recheck_job(
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    after: Option<(i64, i64)>,
    now: i64,
) -> NewJob {
    let mut args = json!({ "class": class, "location_id": location });
    if let Some((l, p)) = after {
        args["after_location_id"] = json!(l);
        args["after_product_id"] = json!(p);
    }
    NewJob::new(RECHECK, args, now).tenant(tenant).queue(QUEUE)
}

/// Marks one page of the scope's positions and queues the next page (or, at the end,
/// nothing: the sweep the marks queued does the checking).
pub async fn recheck(
    store: &Store,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    after: Option<(i64, i64)>,
    job: Option<&Job>,
) -> Result<bool, EngineError> {
    let now = crate::model::now_ms();
    let mut tx = store.begin().await?;
    let last =
        sql::mark_scope_dirty_tx(&mut tx, tenant, class, location, after, RECHECK_PAGE).await?;
    if let Some(last) = last {
        enqueue_tx(&mut tx, &sweep_job(tenant, None, now)).await?;
        enqueue_tx(
            &mut tx,
            &recheck_job(tenant, class, location, Some(last), now),
        )
        .await?;
    }
    finish_job(&mut tx, job, now).await?;
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
/// [`SWEEP_BATCH`] positions or [`SWEEP_BATCH_MS`] of work, so ingestion never waits
/// long for the locks, and clears each mark unless the position changed again
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
    let page = store.dirty_positions(tenant, after, SWEEP_PAGE).await?;
    let full = page.len() as i64 == SWEEP_PAGE;
    let last = page.last().map(|d| (d.location_id, d.product_id));
    let mut out = sweep_part(store, tenant, page).await?;
    if full {
        let mut tx = store.begin().await?;
        enqueue_tx(&mut tx, &sweep_job(tenant, last, crate::model::now_ms())).await?;
        tx.commit().await?;
        out.more = true;
    }
    Ok(out)
}

/// Checks `part` in (product, location) order: the order ingestion locks positions in,
/// so the two cannot deadlock.
async fn sweep_part(
    store: &Store,
    tenant: TenantId,
    mut part: Vec<sql::DirtyPosition>,
) -> Result<Sweep, EngineError> {
    part.sort_unstable_by_key(|d| (d.product_id, d.location_id));
    let mut out = Sweep::default();
    let mut rest = &part[..];
    while !rest.is_empty() {
        let now = crate::model::now_ms();
        let take = rest.len().min(SWEEP_BATCH);
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
                            let mut tx = store.begin().await?;
                            enqueue_tx(
                                &mut tx,
                                &evaluate_job(tenant, d.location_id, d.product_id, now),
                            )
                            .await?;
                            sql::clear_dirty_tx(&mut tx, tenant, std::slice::from_ref(d)).await?;
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

/// Checks a prefix of `batch` (at least one position, at most until [`SWEEP_BATCH_MS`]
/// has passed) in one write transaction and clears their marks in it; returns how many
/// it checked and how many of those got a new transfer or PO line.
async fn evaluate_batch(
    store: &Store,
    tenant: TenantId,
    batch: &[sql::DirtyPosition],
    now: i64,
) -> Result<(usize, usize), EngineError> {
    let started = std::time::Instant::now();
    let mut tx = store.begin().await?;
    let (mut checked, mut covered) = (0, 0);
    for d in batch {
        if checked > 0 && started.elapsed().as_millis() as u64 >= SWEEP_BATCH_MS {
            break;
        }
        if let Evaluation::Covered { .. } =
            evaluate_tx(&mut tx, tenant, d.location_id, d.product_id, now).await?
        {
            covered += 1;
        }
        checked += 1;
    }
    sql::clear_dirty_tx(&mut tx, tenant, &batch[..checked]).await?;
    tx.commit().await?;
    Ok((checked, covered))
}

/// The job that checks one position against policy: a sweep hands over a position whose
/// check failed, so its retries and dead letter are its own. Debounced per position.
pub fn evaluate_job(tenant: TenantId, location: i64, product: i64, now: i64) -> NewJob {
    NewJob::new(
        EVALUATE,
        json!({ "location_id": location, "product_id": product }),
        now,
    )
    .tenant(tenant)
    .queue(QUEUE)
    .debounce(format!("eval:{}:{location}:{product}", tenant.0))
}

/// The timer that escalates an exception nobody picked up.
pub fn exception_timer(tenant: TenantId, id: i64, now: i64) -> NewJob {
    NewJob::new(ESCALATE_EXCEPTION, json!({ "exception_id": id }), now)
        .tenant(tenant)
        .queue(QUEUE)
        .at(now + EXCEPTION_ESCALATE_MS)
        .unique(format!("timer:exception:{}:{id}", tenant.0))
}

/// Policy settings for a product class (optionally one location). The levels are the
/// position's own reorder point and order-up-to; these settings say how to use them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {
    /// `reorder_point` (order when at or below it) or `min_max` (order when below min).
    pub method: Method,
    /// Compute the reorder point from lead-time demand + safety stock when there are at
    /// least 14 days of sales history, instead of the position's configured figure.
    pub compute_reorder_point: bool,
    /// Used when there is too little history to compute safety stock.
    pub safety_stock: i64,
    pub service_z: f64,
    /// Overrides the supplier's lead time.
    pub lead_time_days: Option<i64>,
    pub case_pack: i64,
    pub moq: i64,
    pub uplifts: Vec<Uplift>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    ReorderPoint,
    MinMax,
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            method: Method::ReorderPoint,
            compute_reorder_point: false,
            safety_stock: 0,
            service_z: 1.65,
            lead_time_days: None,
            case_pack: 1,
            moq: 0,
            uplifts: Vec::new(),
        }
    }
}

impl PolicySettings {
    pub fn validate(&self) -> Result<(), String> {
        if self.case_pack < 1 {
            return Err("case_pack must be at least 1".into());
        }
        if self.moq < 0 || self.safety_stock < 0 {
            return Err("moq and safety_stock must not be negative".into());
        }
        if !(0.0..=5.0).contains(&self.service_z) {
            return Err("service_z must be between 0 and 5".into());
        }
        if self.lead_time_days.is_some_and(|d| !(0..=365).contains(&d)) {
            return Err("lead_time_days must be between 0 and 365".into());
        }
        for (i, u) in self.uplifts.iter().enumerate() {
            if u.to_ms <= u.from_ms || !(0.0..=20.0).contains(&u.factor) {
                return Err(format!(
                    "uplifts[{i}] must end after it starts and have a factor between 0 and 20"
                ));
            }
        }
        Ok(())
    }

    fn policy(&self, facts: &sql::PositionFacts) -> Policy {
        let levels = match self.method {
            Method::ReorderPoint => Levels::ReorderPoint {
                reorder_point: (!self.compute_reorder_point).then_some(facts.reorder_point),
                order_up_to: facts.order_up_to,
            },
            Method::MinMax => Levels::MinMax {
                min: facts.reorder_point,
                max: facts.order_up_to,
            },
        };
        Policy {
            levels,
            safety_stock: self.safety_stock,
            service_z: self.service_z,
            lead_time_days: self.lead_time_days.or(facts.lead_time_days).unwrap_or(2),
            case_pack: self.case_pack,
            moq: self.moq,
            uplifts: self.uplifts.clone(),
        }
    }
}

/// The matrix a tenant starts with: transfers up to 500.00 and orders up to 250.00 are
/// approved automatically, everything else by an approver, escalating to the tenant
/// admin after a day; nothing above 1,000.00 is ever auto-approved.
pub fn default_matrix() -> Matrix {
    let approver = Step {
        role: Role::Approver,
        escalate_after_hours: 24,
        escalate_to: Some(Role::TenantAdmin),
    };
    let rule = |name: &str, doc_type, max: i64| Rule {
        name: name.into(),
        doc_type: Some(doc_type),
        min_value_minor: None,
        max_value_minor: Some(max),
        class: None,
        region: None,
        location_id: None,
        supplier_id: None,
        outcome: Outcome::AutoApprove,
    };
    Matrix {
        rules: vec![
            rule("Small transfers", DocumentType::Transfer, 50_000),
            rule("Small orders", DocumentType::PurchaseOrder, 25_000),
        ],
        auto_approve_limit_minor: 100_000,
        default_steps: vec![approver],
    }
}

/// Checks a matrix an admin wants to save; the message names what is wrong.
pub fn validate_matrix(m: &Matrix) -> Result<(), String> {
    if m.auto_approve_limit_minor < 0 {
        return Err("auto_approve_limit_minor must not be negative".into());
    }
    if m.default_steps.is_empty() {
        return Err("default_steps must have at least one step: something has to approve documents no rule auto-approves".into());
    }
    let check_steps = |steps: &[Step], at: &str| -> Result<(), String> {
        for (i, s) in steps.iter().enumerate() {
            if matches!(s.role, Role::Supplier) {
                return Err(format!("{at}[{i}].role: a supplier cannot approve"));
            }
            if !(1..=24 * 60).contains(&s.escalate_after_hours) {
                return Err(format!(
                    "{at}[{i}].escalate_after_hours must be between 1 and 1440"
                ));
            }
        }
        Ok(())
    };
    check_steps(&m.default_steps, "default_steps")?;
    for (i, r) in m.rules.iter().enumerate() {
        if r.name.trim().is_empty() {
            return Err(format!("rules[{i}].name must not be empty"));
        }
        if let (Some(a), Some(b)) = (r.min_value_minor, r.max_value_minor) {
            if a > b {
                return Err(format!(
                    "rules[{i}] ({}): min_value_minor is above max_value_minor",
                    r.name
                ));
            }
        }
        if let Outcome::Steps { steps } = &r.outcome {
            check_steps(steps, &format!("rules[{i}].outcome.steps"))?;
        }
    }
    Ok(())
}

/// The matrix as TOML, as the admin edits it.
pub fn matrix_to_toml(m: &Matrix) -> String {
    toml::to_string_pretty(m).unwrap_or_default()
}

/// Reads a matrix an admin typed; errors name the line and field.
pub fn matrix_from_toml(text: &str) -> Result<Matrix, String> {
    let m: Matrix = toml::from_str(text).map_err(|e| e.to_string())?;
    validate_matrix(&m)?;
    Ok(m)
}

/// Why a runner call did not go through.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("not found")]
    NotFound,
    #[error("this is no longer waiting for a decision")]
    NotPending,
    #[error(transparent)]
    Forbidden(#[from] Forbidden),
    #[error(transparent)]
    Refused(#[from] approval::Refusal),
    #[error("{0}")]
    Invalid(String),
    /// The job's lease lapsed and another worker owns it; nothing was committed.
    #[error("the job's lease was lost")]
    Fenced,
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

impl From<EngineError> for JobError {
    fn from(e: EngineError) -> JobError {
        match e {
            EngineError::Store(e) => JobError::Retry(e.to_string()),
            EngineError::Fenced => JobError::Retry("lease lost".into()),
            other => JobError::Terminal(other.to_string()),
        }
    }
}

struct Settings {
    matrix: Matrix,
    window_ms: i64,
}

/// The matrix and PO window from a `tenant_settings` row; defaults when never saved.
fn parse_settings(row: Option<(Option<String>, i64, i64)>) -> (Matrix, i64) {
    match row {
        Some((m, _, w)) => (
            m.and_then(|m| serde_json::from_str(&m).ok())
                .unwrap_or_else(default_matrix),
            w,
        ),
        None => (default_matrix(), 60),
    }
}

async fn settings_tx(tx: &mut Tx, tenant: TenantId) -> Result<Settings, EngineError> {
    let (matrix, window) = parse_settings(sql::tenant_settings_tx(tx, tenant).await?);
    Ok(Settings {
        matrix,
        window_ms: window * 60_000,
    })
}

fn audit(
    actor: &str,
    action: &str,
    subject: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    request_id: Option<&str>,
) -> AuditEntry {
    AuditEntry {
        actor: actor.into(),
        action: action.into(),
        subject,
        before,
        after,
        request_id: request_id.map(str::to_string),
    }
}

/// Completes the job inside the transaction, or reports that the lease was lost.
async fn finish_job(tx: &mut Tx, job: Option<&Job>, now: i64) -> Result<(), EngineError> {
    if let Some(job) = job {
        if !complete_job_tx(tx, job.id, job.attempt, now).await? {
            return Err(EngineError::Fenced);
        }
    }
    Ok(())
}

/// What an evaluation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evaluation {
    /// No position row for the pair (an event for stock never seeded is still recorded).
    NoPosition,
    NoNeed,
    /// A need for the position is already open: nothing new is opened.
    AlreadyOpen,
    Covered {
        need: i64,
        transfer: Option<i64>,
        po_line: Option<i64>,
    },
}

fn parse_involved(s: &str) -> Vec<i64> {
    serde_json::from_str(s).unwrap_or_default()
}

fn add_involved(s: &str, user: i64) -> String {
    let mut v = parse_involved(s);
    if !v.contains(&user) {
        v.push(user);
    }
    serde_json::to_string(&v).unwrap_or_else(|_| "[]".into())
}

/// Checks a position against policy and covers a shortfall: a transfer from the best
/// donor first, a purchase order line for the rest. `job` (when run as a job) is
/// completed in the same transaction.
pub async fn evaluate(
    store: &Store,
    tenant: TenantId,
    location: i64,
    product: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<Evaluation, EngineError> {
    let mut tx = store.begin().await?;
    let outcome = evaluate_tx(&mut tx, tenant, location, product, now).await?;
    finish_job(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(outcome)
}

async fn evaluate_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    now: i64,
) -> Result<Evaluation, EngineError> {
    let Some(facts) = sql::position_facts_tx(tx, tenant, location, product).await? else {
        return Ok(Evaluation::NoPosition);
    };
    let stockout_key = format!("stockout:{location}:{product}");
    if facts.on_hand <= 0 {
        let (sku, name, _) = sql::product_label_tx(tx, tenant, product).await?;
        let e = NewException {
            kind: "stockout",
            severity: "critical",
            subject: format!("position:{location}:{product}"),
            title: format!("{sku} is out of stock at {}", facts.location_code),
            detail: format!(
                "{name} has {} on hand at {} ({} in transit, {} on order).",
                facts.on_hand, facts.location_code, facts.in_transit, facts.on_order
            ),
            dedupe_key: stockout_key,
        };
        if let Some(id) = exc::open_exception_tx(tx, tenant, &e, now).await? {
            enqueue_tx(tx, &exception_timer(tenant, id, now)).await?;
        }
    } else {
        exc::resolve_exception_by_key_tx(tx, tenant, &stockout_key, "Stock is back on hand.", now)
            .await?;
    }
    let key = policy::dedupe_key(tenant.0, location, product);
    if sql::open_need_exists_tx(tx, tenant, &key).await? {
        return Ok(Evaluation::AlreadyOpen);
    }
    let settings: PolicySettings = sql::policy_settings_tx(tx, tenant, &facts.class, location)
        .await?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let today = now.div_euclid(DAY_MS);
    let history = sql::daily_demand_tx(
        tx,
        tenant,
        location,
        product,
        today - HISTORY_DAYS + 1,
        today,
    )
    .await?;
    let no_cover_key = format!("no_cover:{location}:{product}");
    let Some(need) = policy::evaluate(&settings.policy(&facts), facts.position(), &history, now)
    else {
        exc::resolve_exception_by_key_tx(
            tx,
            tenant,
            &no_cover_key,
            "Stock is above the reorder point again.",
            now,
        )
        .await?;
        return Ok(Evaluation::NoNeed);
    };
    let candidates = sql::donor_candidates_tx(tx, tenant, product, location).await?;
    let dest = Destination {
        location_id: location,
        region: facts.region.clone(),
        latitude: facts.latitude,
        longitude: facts.longitude,
    };
    let plan = sourcing::plan(need.quantity, &dest, &candidates);
    let purchase = match facts.supplier_id {
        Some(_) if plan.purchase > 0 => {
            policy::order_quantity(plan.purchase, settings.case_pack, settings.moq)
        }
        _ => 0,
    };
    let snapshot = serde_json::to_string(&need.snapshot).unwrap_or_default();
    let transfer_qty = plan.transfer.map(|t| t.1).unwrap_or(0);
    if transfer_qty == 0 && purchase == 0 {
        let (sku, name, _) = sql::product_label_tx(tx, tenant, product).await?;
        let e = NewException {
            kind: "no_cover",
            severity: "high",
            subject: format!("position:{location}:{product}"),
            title: format!("{sku} at {} is low with no cover", facts.location_code),
            detail: format!(
                "{} No other location can spare {name} and it has no supplier to order from.",
                need.reason
            ),
            dedupe_key: no_cover_key,
        };
        if let Some(id) = exc::open_exception_tx(tx, tenant, &e, now).await? {
            enqueue_tx(tx, &exception_timer(tenant, id, now)).await?;
        }
        return Ok(Evaluation::NoNeed);
    }
    let Some(need_id) = sql::insert_need_tx(
        tx,
        tenant,
        &NewNeed {
            location,
            product,
            key: &key,
            quantity: need.quantity,
            transfer_quantity: transfer_qty,
            purchase_quantity: purchase,
            reason: &need.reason,
            snapshot: &snapshot,
            now,
        },
    )
    .await?
    else {
        return Ok(Evaluation::AlreadyOpen);
    };
    let settings_t = settings_tx(tx, tenant).await?;
    let mut transfer_id = None;
    if let Some((donor, qty)) = plan.transfer {
        let reason = format!(
            "{} Covered by a transfer of {qty} from a location that stays above its own reorder point{}.",
            need.reason,
            if purchase > 0 { format!("; {purchase} more are bought") } else { String::new() }
        );
        let id = sql::insert_transfer_tx(
            tx,
            tenant,
            &NewTransfer {
                need: need_id,
                from: donor,
                to: location,
                product,
                quantity: qty,
                unit_cost_minor: facts.cost_minor,
                reason: &reason,
                snapshot: &snapshot,
                now,
            },
        )
        .await?;
        // Linked before any transition, so the need stays open while the transfer does.
        sql::link_need_tx(tx, tenant, need_id, Some(id), None).await?;
        append_audit_tx(
            tx,
            tenant,
            &audit(
                SYSTEM,
                "transfer.proposed",
                DocRef::Transfer(id).subject(),
                None,
                Some(json!({ "state": "proposed", "from_location_id": donor, "to_location_id": location,
                    "product_id": product, "quantity": qty, "reason": reason })),
                None,
            ),
        )
        .await?;
        let doc = approval::Document {
            doc_type: DocumentType::Transfer,
            value_minor: qty * facts.cost_minor,
            class: Some(facts.class.clone()),
            location_id: location,
            region: facts.region.clone(),
            supplier_id: None,
            involved_users: vec![],
        };
        let cmd = match route_tx(
            tx,
            tenant,
            DocRef::Transfer(id),
            &doc,
            &settings_t.matrix,
            now,
        )
        .await?
        {
            Some(_) => TransferCommand::Submit,
            None => TransferCommand::AutoApprove,
        };
        let t = sql::transfer_tx(tx, tenant, id)
            .await?
            .ok_or(EngineError::NotFound)?;
        apply_transfer_tx(tx, tenant, t, &cmd, SYSTEM, None, now).await?;
        transfer_id = Some(id);
    }
    let mut po_line = None;
    if let (Some(supplier), true) = (facts.supplier_id, purchase > 0) {
        let window_key =
            sourcing::po_consolidation_key(tenant.0, supplier, location, now, settings_t.window_ms);
        let window_start = now - now.rem_euclid(settings_t.window_ms.max(1));
        let closes_at = window_start + settings_t.window_ms;
        let (po, created) =
            sql::draft_po_tx(tx, tenant, supplier, location, &window_key, closes_at, now).await?;
        if created {
            enqueue_tx(
                tx,
                &NewJob::new(CLOSE_PO_WINDOW, json!({ "po_id": po }), now)
                    .tenant(tenant)
                    .queue(QUEUE)
                    .at(closes_at)
                    .unique(format!("timer:po-window:{}:{po}", tenant.0)),
            )
            .await?;
            append_audit_tx(
                tx,
                tenant,
                &audit(SYSTEM, "purchase_order.opened", DocRef::PurchaseOrder(po).subject(), None,
                    Some(json!({ "state": "draft", "supplier_id": supplier, "ship_to_location_id": location,
                        "window_closes_at": closes_at })), None),
            )
            .await?;
        }
        let reason = if transfer_qty > 0 {
            format!(
                "{} A transfer covers {transfer_qty}; the remaining {purchase} are bought.",
                need.reason
            )
        } else {
            format!(
                "{} No other location can spare any, so all of it is bought.",
                need.reason
            )
        };
        po_line = sql::insert_po_line_tx(
            tx,
            tenant,
            &NewLine {
                po,
                product,
                quantity: purchase,
                unit_cost_minor: facts.cost_minor,
                need: need_id,
                reason: &reason,
                snapshot: &snapshot,
            },
            now,
        )
        .await?;
        if let Some(line) = po_line {
            append_audit_tx(
                tx,
                tenant,
                &audit(
                    SYSTEM,
                    "purchase_order.line_added",
                    DocRef::PurchaseOrder(po).subject(),
                    None,
                    Some(
                        json!({ "line_id": line, "product_id": product, "quantity": purchase,
                        "unit_cost_minor": facts.cost_minor, "reason": reason }),
                    ),
                    None,
                ),
            )
            .await?;
        }
    }
    sql::link_need_tx(tx, tenant, need_id, transfer_id, po_line).await?;
    exc::resolve_exception_by_key_tx(
        tx,
        tenant,
        &no_cover_key,
        "A transfer or order now covers it.",
        now,
    )
    .await?;
    Ok(Evaluation::Covered {
        need: need_id,
        transfer: transfer_id,
        po_line,
    })
}

/// Routes a document through the matrix. `None` when auto-approved; otherwise opens a
/// new round of steps (the first pending, with its escalation timer and e-mail) and
/// returns the first step's id.
async fn route_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    facts: &approval::Document,
    matrix: &Matrix,
    now: i64,
) -> Result<Option<i64>, EngineError> {
    let (rule, steps) = match approval::route(matrix, facts) {
        Route::AutoApproved { rule } => {
            append_audit_tx(
                tx,
                tenant,
                &audit(
                    SYSTEM,
                    "approval.auto_approved",
                    doc.subject(),
                    None,
                    Some(json!({ "rule": rule, "value_minor": facts.value_minor })),
                    None,
                ),
            )
            .await?;
            return Ok(None);
        }
        Route::Steps { rule, steps } => (rule, steps),
    };
    let round = sql::last_round_tx(tx, tenant, doc).await? + 1;
    let mut first = None;
    for (i, s) in steps.iter().enumerate() {
        let due = (i == 0).then(|| now + s.escalate_after_hours.max(0) * 3_600_000);
        let id = sql::insert_step_tx(
            tx,
            tenant,
            doc,
            round,
            &NewStep {
                step_no: i as i64 + 1,
                role: s.role,
                rule: rule.as_deref(),
                escalate_after_hours: s.escalate_after_hours,
                escalate_to: s.escalate_to,
                due_at: due,
            },
            now,
        )
        .await?;
        if let Some(due) = due {
            first = Some(id);
            start_step_tx(tx, tenant, doc, id, s.role, due, now).await?;
        }
    }
    append_audit_tx(
        tx,
        tenant,
        &audit(
            SYSTEM,
            "approval.requested",
            doc.subject(),
            None,
            Some(
                json!({ "round": round, "rule": rule, "value_minor": facts.value_minor,
                "steps": steps.iter().map(|s| s.role.as_str()).collect::<Vec<_>>() }),
            ),
            None,
        ),
    )
    .await?;
    Ok(first)
}

/// A step starts waiting: its escalation timer and the approvers' e-mail go out with it.
async fn start_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    step: i64,
    role: Role,
    due: i64,
    now: i64,
) -> Result<(), EngineError> {
    enqueue_tx(
        tx,
        &NewJob::new(ESCALATE_STEP, json!({ "step_id": step }), now)
            .tenant(tenant)
            .queue(QUEUE)
            .at(due)
            .unique(format!("timer:step:{}:{step}:{due}", tenant.0)),
    )
    .await?;
    notify_role_tx(tx, tenant, role, doc, now).await
}

/// Queues an approval-request e-mail to every member holding `role` (the outbox: the
/// mail job commits with the change or not at all).
async fn notify_role_tx(
    tx: &mut Tx,
    tenant: TenantId,
    role: Role,
    doc: DocRef,
    now: i64,
) -> Result<(), EngineError> {
    let mut people = sql::members_with_role_tx(tx, tenant, role).await?;
    for d in sql::delegates_for_role_tx(tx, tenant, role, now).await? {
        if !people.iter().any(|p| p.0 == d.0) {
            people.push(d);
        }
    }
    for (user, email, name) in people {
        enqueue_tx(
            tx,
            &NewJob::new(
                SEND_MAIL,
                json!({ "template": "approval_request", "to": email, "name": name,
                        "doc_type": doc.doc_type(), "doc_id": doc.id() }),
                now,
            )
            .tenant(tenant)
            .queue(MAIL_QUEUE)
            .max_attempts(10)
            .unique(format!(
                "mail:approval:{}:{}:{user}:{now}",
                tenant.0,
                doc.subject()
            )),
        )
        .await?;
    }
    Ok(())
}

/// Applies a transfer command with its effects and audit entry.
async fn apply_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    mut rec: sql::TransferRecord,
    cmd: &TransferCommand,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<sql::TransferRecord, EngineError> {
    let state = parse_transfer_state(&rec.state);
    let before = tr_flow::Transfer {
        state,
        quantity: rec.quantity,
        shipped: rec.shipped,
    };
    let (after, effects) = tr_flow::transition(&before, cmd)?;
    let doc = DocRef::Transfer(rec.id);
    for effect in &effects {
        match effect {
            TransferEffect::RequestApproval | TransferEffect::NotifyOutcome => {}
            TransferEffect::WithdrawApproval => {
                sql::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            TransferEffect::MoveToInTransit { quantity } => {
                sql::move_stock_tx(
                    tx,
                    tenant,
                    rec.from_location_id,
                    rec.product_id,
                    Position {
                        on_hand: -quantity,
                        in_transit: 0,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                sql::move_stock_tx(
                    tx,
                    tenant,
                    rec.to_location_id,
                    rec.product_id,
                    Position {
                        on_hand: 0,
                        in_transit: *quantity,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                // The donor has less now: check it against its own policy.
                positions_changed_tx(tx, tenant, &[(rec.from_location_id, rec.product_id)], now)
                    .await?;
            }
            TransferEffect::MoveToOnHand { shipped, received } => {
                sql::move_stock_tx(
                    tx,
                    tenant,
                    rec.to_location_id,
                    rec.product_id,
                    Position {
                        on_hand: *received,
                        in_transit: -shipped,
                        on_order: 0,
                    },
                    now,
                )
                .await?;
                rec.received = *received;
                if received != shipped {
                    let e = NewException {
                        kind: "receipt_mismatch",
                        severity: "medium",
                        subject: doc.subject(),
                        title: format!("Transfer {} arrived with {received} of {shipped}", rec.id),
                        detail: format!("{shipped} were shipped and {received} received; the difference needs a count or a claim."),
                        dedupe_key: format!("receipt:{}", rec.id),
                    };
                    if let Some(id) = exc::open_exception_tx(tx, tenant, &e, now).await? {
                        enqueue_tx(tx, &exception_timer(tenant, id, now)).await?;
                    }
                }
                positions_changed_tx(tx, tenant, &[(rec.to_location_id, rec.product_id)], now)
                    .await?;
            }
        }
    }
    rec.state = after.state.as_str().into();
    rec.quantity = after.quantity;
    rec.shipped = after.shipped;
    sql::save_transfer_tx(tx, tenant, &rec, now).await?;
    if let Some(need) = rec.need_id {
        sql::refresh_need_tx(tx, tenant, need, now).await?;
    }
    append_audit_tx(
        tx,
        tenant,
        &audit(actor, &format!("transfer.{}", command_name_t(cmd)), doc.subject(),
            Some(json!({ "state": before.state.as_str(), "quantity": before.quantity })),
            Some(json!({ "state": after.state.as_str(), "quantity": after.quantity, "shipped": after.shipped, "command": cmd })),
            request_id),
    )
    .await?;
    Ok(rec)
}

fn command_name_t(cmd: &TransferCommand) -> &'static str {
    match cmd {
        TransferCommand::Submit => "submitted",
        TransferCommand::AutoApprove => "auto_approved",
        TransferCommand::Approve => "approved",
        TransferCommand::Reject { .. } => "rejected",
        TransferCommand::Edit { .. } => "edited",
        TransferCommand::Ship { .. } => "shipped",
        TransferCommand::Receive { .. } => "received",
        TransferCommand::Cancel => "cancelled",
    }
}

fn command_name_po(cmd: &PoCommand) -> &'static str {
    match cmd {
        PoCommand::Submit => "submitted",
        PoCommand::AutoApprove => "auto_approved",
        PoCommand::Approve => "approved",
        PoCommand::Reject { .. } => "rejected",
        PoCommand::Edit { .. } => "edited",
        PoCommand::Send => "sent",
        PoCommand::Cancel => "cancelled",
    }
}

fn parse_transfer_state(s: &str) -> TransferState {
    TransferState::ALL
        .into_iter()
        .find(|st| st.as_str() == s)
        .unwrap_or(TransferState::Cancelled)
}

fn parse_po_state(s: &str) -> PoState {
    PoState::ALL
        .into_iter()
        .find(|st| st.as_str() == s)
        .unwrap_or(PoState::Cancelled)
}

/// Applies a PO command with its effects and audit entry; an approval sends the order
/// on to the supplier in the same transaction.
async fn apply_po_tx(
    tx: &mut Tx,
    tenant: TenantId,
    mut rec: sql::PurchaseOrderRecord,
    cmd: &PoCommand,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<sql::PurchaseOrderRecord, EngineError> {
    let before = po_flow::PurchaseOrder {
        state: parse_po_state(&rec.state),
        value_minor: rec.value_minor,
    };
    let (after, effects) = po_flow::transition(&before, cmd)?;
    let doc = DocRef::PurchaseOrder(rec.id);
    let lines = sql::po_lines_tx(tx, tenant, rec.id).await?;
    for effect in &effects {
        match effect {
            PoEffect::RequestApproval | PoEffect::NotifyOutcome => {}
            PoEffect::WithdrawApproval => {
                sql::withdraw_steps_tx(tx, tenant, doc, now).await?;
            }
            PoEffect::AddOnOrder | PoEffect::RemoveOnOrder => {
                let sign = if matches!(effect, PoEffect::AddOnOrder) {
                    1
                } else {
                    -1
                };
                for l in &lines {
                    sql::move_stock_tx(
                        tx,
                        tenant,
                        rec.ship_to_location_id,
                        l.product_id,
                        Position {
                            on_hand: 0,
                            in_transit: 0,
                            on_order: sign * l.quantity,
                        },
                        now,
                    )
                    .await?;
                }
            }
            PoEffect::SendToSupplier => {
                rec.sent_at = Some(now);
                let (_, name, email) = sql::supplier_label_tx(tx, tenant, rec.supplier_id).await?;
                enqueue_tx(
                    tx,
                    &NewJob::new(
                        SEND_MAIL,
                        json!({ "template": "purchase_order", "to": email, "name": name,
                                "doc_type": "purchase_order", "doc_id": rec.id }),
                        now,
                    )
                    .tenant(tenant)
                    .queue(MAIL_QUEUE)
                    .max_attempts(10)
                    .unique(format!("mail:po-sent:{}:{}", tenant.0, rec.id)),
                )
                .await?;
            }
        }
    }
    rec.state = after.state.as_str().into();
    rec.value_minor = after.value_minor;
    sql::save_purchase_order_tx(tx, tenant, &rec, now).await?;
    for l in &lines {
        if let Some(need) = l.need_id {
            sql::refresh_need_tx(tx, tenant, need, now).await?;
        }
    }
    append_audit_tx(
        tx,
        tenant,
        &audit(actor, &format!("purchase_order.{}", command_name_po(cmd)), doc.subject(),
            Some(json!({ "state": before.state.as_str(), "value_minor": before.value_minor })),
            Some(json!({ "state": after.state.as_str(), "value_minor": after.value_minor, "command": cmd })),
            request_id),
    )
    .await?;
    if after.state == PoState::Approved {
        return Box::pin(apply_po_tx(
            tx,
            tenant,
            rec,
            &PoCommand::Send,
            SYSTEM,
            request_id,
            now,
        ))
        .await;
    }
    Ok(rec)
}

/// The PO consolidation window closed: route the order for approval (or send it).
pub async fn close_po_window(
    store: &Store,
    tenant: TenantId,
    po: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<(), EngineError> {
    let mut tx = store.begin().await?;
    if let Some(rec) = sql::purchase_order_tx(&mut tx, tenant, po).await? {
        if rec.state == "draft" {
            let lines = sql::po_lines_tx(&mut tx, tenant, po).await?;
            if lines.is_empty() {
                apply_po_tx(&mut tx, tenant, rec, &PoCommand::Cancel, SYSTEM, None, now).await?;
            } else {
                let settings = settings_tx(&mut tx, tenant).await?;
                let mut classes = Vec::new();
                for l in &lines {
                    let (_, _, class) =
                        sql::product_label_tx(&mut tx, tenant, l.product_id).await?;
                    if !classes.contains(&class) {
                        classes.push(class);
                    }
                }
                let (_, _, region) =
                    sql::location_label_tx(&mut tx, tenant, rec.ship_to_location_id).await?;
                let doc = approval::Document {
                    doc_type: DocumentType::PurchaseOrder,
                    value_minor: rec.value_minor,
                    class: (classes.len() == 1).then(|| classes[0].clone()),
                    location_id: rec.ship_to_location_id,
                    region,
                    supplier_id: Some(rec.supplier_id),
                    involved_users: parse_involved(&rec.involved_users),
                };
                let cmd = match route_tx(
                    &mut tx,
                    tenant,
                    DocRef::PurchaseOrder(po),
                    &doc,
                    &settings.matrix,
                    now,
                )
                .await?
                {
                    Some(_) => PoCommand::Submit,
                    None => PoCommand::AutoApprove,
                };
                apply_po_tx(&mut tx, tenant, rec, &cmd, SYSTEM, None, now).await?;
            }
        }
    }
    finish_job(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A step waited past its time: hand it to the escalation role (once) and raise a
/// stale-approval exception. Does nothing if the step was decided meanwhile, so a timer
/// that fires late or twice changes nothing more.
pub async fn escalate_step(
    store: &Store,
    tenant: TenantId,
    step_id: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<bool, EngineError> {
    let mut tx = store.begin().await?;
    let mut escalated = false;
    if let Some(step) = sql::step_tx(&mut tx, tenant, step_id).await? {
        let due = step.due_at.unwrap_or(i64::MAX);
        if step.state == "pending" && due <= now {
            let doc = DocRef::parse(&step.doc_type, step.doc_id).ok_or(EngineError::NotFound)?;
            let hours = step.escalate_after_hours.max(1);
            let target = step.escalate_to.as_deref().and_then(Role::parse);
            if let (Some(role), false) = (target, step.escalated) {
                let new_due = now + hours * 3_600_000;
                if sql::escalate_step_tx(&mut tx, tenant, step.id, role, new_due).await? {
                    escalated = true;
                    start_step_tx(&mut tx, tenant, doc, step.id, role, new_due, now).await?;
                    append_audit_tx(
                        &mut tx,
                        tenant,
                        &audit(
                            "system:timer",
                            "approval.escalated",
                            doc.subject(),
                            Some(json!({ "role": step.role })),
                            Some(json!({ "role": role.as_str(), "after_hours": hours })),
                            None,
                        ),
                    )
                    .await?;
                }
            }
            let e = NewException {
                kind: "stale_approval",
                severity: if step.escalated { "high" } else { "medium" },
                subject: doc.subject(),
                title: format!(
                    "{} {} has waited over {hours} h for approval",
                    if step.doc_type == "transfer" {
                        "Transfer"
                    } else {
                        "Purchase order"
                    },
                    step.doc_id
                ),
                detail: format!(
                    "Step {} (needs {}) started waiting and was not decided in time{}.",
                    step.step_no,
                    step.role,
                    target
                        .map(|r| format!("; it now goes to {}", r.as_str()))
                        .unwrap_or_default()
                ),
                dedupe_key: format!("stale:{}", step.id),
            };
            if let Some(id) = exc::open_exception_tx(&mut tx, tenant, &e, now).await? {
                enqueue_tx(&mut tx, &exception_timer(tenant, id, now)).await?;
            }
        }
    }
    finish_job(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(escalated)
}

/// Escalates an exception nobody took within [`EXCEPTION_ESCALATE_MS`].
pub async fn escalate_exception(
    store: &Store,
    tenant: TenantId,
    id: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<bool, EngineError> {
    let mut tx = store.begin().await?;
    let done = exc::escalate_exception_tx(&mut tx, tenant, id, now).await?;
    if done {
        append_audit_tx(
            &mut tx,
            tenant,
            &audit(
                "system:timer",
                "exception.escalated",
                format!("exception:{id}"),
                None,
                None,
                None,
            ),
        )
        .await?;
    }
    finish_job(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(done)
}

/// What a decision did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decided {
    /// This step is approved and the next one waits.
    NextStep,
    /// The last step approved: the document is approved (an order is also sent).
    Approved,
    Rejected,
}

/// An approver's decision on the step a document waits on. (The arguments are the
/// decision's facts; bundling them would only move the list into a struct literal.)
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    doc: DocRef,
    approve: bool,
    comment: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<Decided, EngineError> {
    let comment = comment.trim();
    if comment.chars().count() > 2_000 {
        return Err(EngineError::Invalid(
            "the comment is longer than 2,000 characters".into(),
        ));
    }
    if !approve && comment.is_empty() {
        return Err(EngineError::Invalid(
            "say why you reject it, so the requester knows what to change".into(),
        ));
    }
    let mut tx = store.begin().await?;
    let step = sql::pending_step_tx(&mut tx, tenant, doc)
        .await?
        .ok_or(EngineError::NotPending)?;
    let involved = match doc {
        DocRef::Transfer(id) => parse_involved(
            &sql::transfer_tx(&mut tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?
                .involved_users,
        ),
        DocRef::PurchaseOrder(id) => parse_involved(
            &sql::purchase_order_tx(&mut tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?
                .involved_users,
        ),
    };
    let step_role = Role::parse(&step.role).ok_or(EngineError::NotFound)?;
    let delegations = sql::delegations_to_tx(&mut tx, tenant, member.user_id, now).await?;
    let holders: Vec<i64> = if delegations.is_empty() {
        Vec::new()
    } else {
        sql::members_with_role_tx(&mut tx, tenant, step_role)
            .await?
            .into_iter()
            .map(|m| m.0)
            .collect()
    };
    let facts = approval::Document {
        doc_type: match doc {
            DocRef::Transfer(_) => DocumentType::Transfer,
            DocRef::PurchaseOrder(_) => DocumentType::PurchaseOrder,
        },
        value_minor: 0,
        class: None,
        location_id: 0,
        region: String::new(),
        supplier_id: None,
        involved_users: involved,
    };
    approval::may_decide(
        &facts,
        member.user_id,
        &member.roles,
        step_role,
        &delegations,
        &holders,
        now,
    )?;
    let comment_opt = (!comment.is_empty()).then_some(comment);
    if !sql::decide_step_tx(
        &mut tx,
        tenant,
        step.id,
        approve,
        member.user_id,
        comment_opt,
        now,
    )
    .await?
    {
        return Err(EngineError::NotPending);
    }
    let actor = format!("user:{}", member.user_id);
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            &actor,
            if approve {
                "approval.step_approved"
            } else {
                "approval.step_rejected"
            },
            doc.subject(),
            Some(json!({ "step": step.step_no, "round": step.round, "role": step.role })),
            Some(json!({ "comment": comment_opt })),
            request_id,
        ),
    )
    .await?;
    let outcome = if approve {
        match sql::start_next_step_tx(&mut tx, tenant, doc, step.round, step.step_no, now).await? {
            Some(next) => {
                let role = Role::parse(&next.role).ok_or(EngineError::NotFound)?;
                start_step_tx(
                    &mut tx,
                    tenant,
                    doc,
                    next.id,
                    role,
                    next.due_at.unwrap_or(now),
                    now,
                )
                .await?;
                Decided::NextStep
            }
            None => {
                command_tx(
                    &mut tx,
                    tenant,
                    doc,
                    Command::Approve,
                    &actor,
                    request_id,
                    now,
                )
                .await?;
                Decided::Approved
            }
        }
    } else {
        command_tx(
            &mut tx,
            tenant,
            doc,
            Command::Reject(comment.to_string()),
            &actor,
            request_id,
            now,
        )
        .await?;
        Decided::Rejected
    };
    tx.commit().await?;
    Ok(outcome)
}

enum Command {
    Approve,
    Reject(String),
}

async fn command_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    cmd: Command,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    match doc {
        DocRef::Transfer(id) => {
            let rec = sql::transfer_tx(tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?;
            let cmd = match cmd {
                Command::Approve => TransferCommand::Approve,
                Command::Reject(reason) => TransferCommand::Reject { reason },
            };
            apply_transfer_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
        }
        DocRef::PurchaseOrder(id) => {
            let rec = sql::purchase_order_tx(tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?;
            let cmd = match cmd {
                Command::Approve => PoCommand::Approve,
                Command::Reject(reason) => PoCommand::Reject { reason },
            };
            apply_po_tx(tx, tenant, rec, &cmd, actor, request_id, now).await?;
        }
    }
    Ok(())
}

/// A lifecycle command on a transfer by a person: ship, receive, edit, cancel.
pub async fn transfer_command(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    cmd: TransferCommand,
    request_id: Option<&str>,
    now: i64,
) -> Result<String, EngineError> {
    if matches!(
        cmd,
        TransferCommand::Approve
            | TransferCommand::Reject { .. }
            | TransferCommand::AutoApprove
            | TransferCommand::Submit
    ) {
        return Err(EngineError::Invalid(
            "decisions go through the approvals inbox".into(),
        ));
    }
    let mut tx = store.begin().await?;
    let mut rec = sql::transfer_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    if let TransferCommand::Ship { quantity } = cmd {
        let (on_hand, ..) =
            sql::position_facts_tx(&mut tx, tenant, rec.from_location_id, rec.product_id)
                .await?
                .map(|f| (f.on_hand, 0))
                .unwrap_or((0, 0));
        if quantity > on_hand.max(0) {
            return Err(EngineError::Invalid(format!(
                "the source location has only {} on hand",
                on_hand.max(0)
            )));
        }
    }
    let actor = format!("user:{}", member.user_id);
    let edit = matches!(cmd, TransferCommand::Edit { .. });
    if edit {
        rec.involved_users = add_involved(&rec.involved_users, member.user_id);
    }
    let was = rec.state.clone();
    let rec = apply_transfer_tx(&mut tx, tenant, rec, &cmd, &actor, request_id, now).await?;
    if edit && was != "proposed" {
        // Back for approval: a new round, routed on the new value.
        let settings = settings_tx(&mut tx, tenant).await?;
        let (_, _, class) = sql::product_label_tx(&mut tx, tenant, rec.product_id).await?;
        let (_, _, region) = sql::location_label_tx(&mut tx, tenant, rec.to_location_id).await?;
        let doc = approval::Document {
            doc_type: DocumentType::Transfer,
            value_minor: rec.quantity * rec.unit_cost_minor,
            class: Some(class),
            location_id: rec.to_location_id,
            region,
            supplier_id: None,
            involved_users: parse_involved(&rec.involved_users),
        };
        if route_tx(
            &mut tx,
            tenant,
            DocRef::Transfer(id),
            &doc,
            &settings.matrix,
            now,
        )
        .await?
        .is_none()
        {
            apply_transfer_tx(
                &mut tx,
                tenant,
                rec.clone(),
                &TransferCommand::AutoApprove,
                SYSTEM,
                request_id,
                now,
            )
            .await?;
        }
    }
    let state = sql::transfer_tx(&mut tx, tenant, id)
        .await?
        .map(|t| t.state)
        .unwrap_or_default();
    tx.commit().await?;
    Ok(state)
}

/// Saves the tenant's approval matrix and PO window after validating them.
#[allow(clippy::too_many_arguments)]
pub async fn save_matrix(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    matrix: &Matrix,
    window_minutes: i64,
    expected_version: Option<i64>,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    validate_matrix(matrix).map_err(EngineError::Invalid)?;
    if !(1..=10_080).contains(&window_minutes) {
        return Err(EngineError::Invalid(
            "po_window_minutes must be between 1 and 10080 (a week)".into(),
        ));
    }
    let mut tx = store.begin().await?;
    check_matrix_version(&mut tx, tenant, expected_version).await?;
    let before = settings_tx(&mut tx, tenant).await?;
    let json = serde_json::to_string(matrix).map_err(|e| EngineError::Invalid(e.to_string()))?;
    let version = sql::save_matrix_tx(&mut tx, tenant, &json, window_minutes, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(&format!("user:{}", member.user_id), "approval_matrix.saved", "approval_matrix".into(),
            Some(json!({ "matrix": before.matrix, "po_window_minutes": before.window_ms / 60_000 })),
            Some(json!({ "matrix": matrix, "po_window_minutes": window_minutes, "version": version })), request_id),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Refuses a change made from a page that showed another version of the matrix.
async fn check_matrix_version(
    tx: &mut Tx,
    tenant: TenantId,
    expected: Option<i64>,
) -> Result<(), EngineError> {
    if let Some(expected) = expected {
        if sql::matrix_version_tx(tx, tenant).await? != expected {
            return Err(EngineError::Invalid(
                "the matrix was changed meanwhile (by someone else, or in another tab); \
                 nothing was saved: look at it again and redo your change"
                    .into(),
            ));
        }
    }
    Ok(())
}

/// One rule-level change to the matrix, made from the portal.
pub enum RuleEdit {
    Add(Rule),
    MoveUp(usize),
    MoveDown(usize),
    Delete(usize),
}

/// Applies `edit` to the matrix at `expected_version` and saves it as a new version
/// (same checks and audit as [`save_matrix`]).
pub async fn edit_matrix(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    expected_version: i64,
    edit: RuleEdit,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    let (mut matrix, window) = matrix(store, tenant).await?;
    let n = matrix.rules.len();
    let missing = || EngineError::Invalid("there is no such rule (any more)".into());
    match edit {
        RuleEdit::Add(rule) => matrix.rules.push(rule),
        RuleEdit::MoveUp(i) if i > 0 && i < n => matrix.rules.swap(i - 1, i),
        RuleEdit::MoveDown(i) if i + 1 < n => matrix.rules.swap(i, i + 1),
        RuleEdit::Delete(i) if i < n => {
            matrix.rules.remove(i);
        }
        _ => return Err(missing()),
    }
    // The version check inside save_matrix's transaction also catches a save that
    // happened between reading the matrix above and writing it.
    save_matrix(
        store,
        tenant,
        member,
        &matrix,
        window,
        Some(expected_version),
        request_id,
        now,
    )
    .await
}

/// The longest a delegation may run.
pub const MAX_DELEGATION_MS: i64 = 90 * DAY_MS;

/// `member` hands their `role` to `to_user` from `from_ms` until `to_ms` (while away):
/// the delegate may then decide steps needing that role, except on documents the
/// delegator requested or changed, and gets the approval e-mails. Audited.
#[allow(clippy::too_many_arguments)]
pub async fn delegate(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    to_user: i64,
    role: Role,
    from_ms: i64,
    to_ms: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    if !member.has(role) || role == Role::Supplier {
        return Err(EngineError::Invalid(format!(
            "you can hand over only a role you hold, and {} is not one of yours here",
            role.as_str().replace('_', " ")
        )));
    }
    if to_user == member.user_id {
        return Err(EngineError::Invalid(
            "choose someone other than yourself to stand in".into(),
        ));
    }
    if to_ms <= from_ms {
        return Err(EngineError::Invalid(
            "the last day must not be before the first day".into(),
        ));
    }
    if to_ms <= now {
        return Err(EngineError::Invalid("that period is already over".into()));
    }
    if to_ms - from_ms > MAX_DELEGATION_MS {
        return Err(EngineError::Invalid(
            "a delegation can run for at most 90 days".into(),
        ));
    }
    if store.member(tenant, to_user).await?.is_none() {
        return Err(EngineError::Invalid(
            "the person to stand in is not an active member of this portal".into(),
        ));
    }
    let d = approval::Delegation {
        from_user: member.user_id,
        to_user,
        role,
        from_ms,
        to_ms,
    };
    let mut tx = store.begin().await?;
    let id = sql::insert_delegation_tx(&mut tx, tenant, &d, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            &format!("user:{}", member.user_id),
            "delegation.created",
            format!("delegation:{id}"),
            None,
            Some(
                json!({ "from_user": d.from_user, "to_user": d.to_user, "role": role.as_str(),
                "from_ms": from_ms, "to_ms": to_ms }),
            ),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends `member`'s delegation `id` now (one not yet begun never starts). Audited.
pub async fn end_delegation(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    let mut tx = store.begin().await?;
    let ended = sql::end_delegation_tx(&mut tx, tenant, id, member.user_id, now)
        .await?
        .ok_or(EngineError::NotFound)?;
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            &format!("user:{}", member.user_id),
            "delegation.ended",
            format!("delegation:{id}"),
            None,
            Some(json!({ "to_user": ended.to_user, "role": ended.role, "to_ms": ended.to_ms })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The tenant's matrix and PO window (defaults when never saved).
pub async fn matrix(store: &Store, tenant: TenantId) -> Result<(Matrix, i64), EngineError> {
    Ok(parse_settings(store.tenant_settings(tenant).await?))
}

/// Saves the settings of a policy scope (a class or `*`, optionally one location) and
/// queues a re-check of every position it covers. Audited with before and after.
#[allow(clippy::too_many_arguments)]
pub async fn save_policy(
    store: &Store,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings: &PolicySettings,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    write_policy(
        store, tenant, class, location, settings, actor, request_id, now, true,
    )
    .await
}

/// The policies a tenant is provisioned with: like [`save_policy`], without the
/// re-check (the positions are new; their first events check them).
pub async fn seed_policy(
    store: &Store,
    tenant: TenantId,
    class: &str,
    settings: &PolicySettings,
    now: i64,
) -> Result<(), EngineError> {
    write_policy(
        store,
        tenant,
        class,
        None,
        settings,
        "system:seed",
        None,
        now,
        false,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn write_policy(
    store: &Store,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings: &PolicySettings,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
    recheck_positions: bool,
) -> Result<(), EngineError> {
    settings
        .validate()
        .map_err(|e| EngineError::Invalid(format!("policy {class}: {e}")))?;
    let class = class.trim();
    if class.is_empty() || class.len() > 64 {
        return Err(EngineError::Invalid(
            "the product class must be given (at most 64 characters), or * for every class".into(),
        ));
    }
    let json = serde_json::to_string(settings).map_err(|e| EngineError::Invalid(e.to_string()))?;
    let mut tx = store.begin().await?;
    let before = sql::policy_scope_tx(&mut tx, tenant, class, location).await?;
    sql::upsert_policy_tx(&mut tx, tenant, class, location, &json, now).await?;
    if recheck_positions {
        // Every position the scope covers is checked again under the new settings.
        enqueue_tx(&mut tx, &recheck_job(tenant, class, location, None, now)).await?;
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            actor,
            "policy.saved",
            format!("policy:{class}:{}", location.unwrap_or(0)),
            before.and_then(|b| serde_json::from_str(&b.settings).ok()),
            Some(serde_json::to_value(settings).unwrap_or_default()),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a policy scope (the next broader one applies again). Audited.
pub async fn delete_policy(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    let mut tx = store.begin().await?;
    let gone = sql::delete_policy_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let now = crate::model::now_ms();
    enqueue_tx(
        &mut tx,
        &recheck_job(tenant, &gone.class, gone.location_id, None, now),
    )
    .await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &audit(
            &format!("user:{}", member.user_id),
            "policy.deleted",
            format!("policy:{}:{}", gone.class, gone.location_id.unwrap_or(0)),
            serde_json::from_str(&gone.settings).ok(),
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Seeds a matrix without an actor (tenant provisioning). Keeps an existing one.
pub async fn seed_matrix(
    store: &Store,
    tenant: TenantId,
    matrix: &Matrix,
    window_minutes: i64,
) -> Result<(), EngineError> {
    validate_matrix(matrix).map_err(EngineError::Invalid)?;
    if store.tenant_settings(tenant).await?.is_some() {
        return Ok(());
    }
    let json = serde_json::to_string(matrix).map_err(|e| EngineError::Invalid(e.to_string()))?;
    let mut tx = store.begin().await?;
    sql::save_matrix_tx(
        &mut tx,
        tenant,
        &json,
        window_minutes,
        crate::model::now_ms(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn arg(job: &Job, name: &str) -> Result<i64, JobError> {
    job.args
        .get(name)
        .and_then(|v| v.as_i64())
        .ok_or_else(|| JobError::Terminal(format!("job argument {name} is missing")))
}

fn tenant_of(job: &Job) -> Result<TenantId, JobError> {
    job.tenant
        .ok_or_else(|| JobError::Terminal("job has no tenant".into()))
}

/// A job's outcome for the worker: a lost lease means another worker owns the job and
/// nothing was committed, so this attempt simply ends.
fn job_result<T>(r: Result<T, EngineError>) -> Result<(), JobError> {
    match r {
        Ok(_) | Err(EngineError::Fenced) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

async fn run_evaluate(store: Store, job: Job) -> Result<(), JobError> {
    let (tenant, l, p) = (
        tenant_of(&job)?,
        arg(&job, "location_id")?,
        arg(&job, "product_id")?,
    );
    job_result(evaluate(&store, tenant, l, p, crate::model::now_ms(), Some(&job)).await)
}

/// The (location, product) a paged job continues after, if it is a continuation.
fn after_arg(job: &Job) -> Option<(i64, i64)> {
    match (
        job.args.get("after_location_id").and_then(|v| v.as_i64()),
        job.args.get("after_product_id").and_then(|v| v.as_i64()),
    ) {
        (Some(l), Some(p)) => Some((l, p)),
        _ => None,
    }
}

async fn run_sweep(store: Store, job: Job) -> Result<(), JobError> {
    let tenant = tenant_of(&job)?;
    let after = after_arg(&job);
    sweep(&store, tenant, after)
        .await
        .map(|_| ())
        .map_err(JobError::from)
}

async fn run_recheck(store: Store, job: Job) -> Result<(), JobError> {
    let tenant = tenant_of(&job)?;
    let class = job.args["class"].as_str().unwrap_or("*").to_string();
    let location = job.args["location_id"].as_i64();
    let after = after_arg(&job);
    job_result(recheck(&store, tenant, &class, location, after, Some(&job)).await)
}

async fn run_close_po_window(store: Store, job: Job) -> Result<(), JobError> {
    let (tenant, po) = (tenant_of(&job)?, arg(&job, "po_id")?);
    job_result(close_po_window(&store, tenant, po, crate::model::now_ms(), Some(&job)).await)
}

async fn run_escalate_step(store: Store, job: Job) -> Result<(), JobError> {
    let (tenant, step) = (tenant_of(&job)?, arg(&job, "step_id")?);
    job_result(escalate_step(&store, tenant, step, crate::model::now_ms(), Some(&job)).await)
}

async fn run_escalate_exception(store: Store, job: Job) -> Result<(), JobError> {
    let (tenant, id) = (tenant_of(&job)?, arg(&job, "exception_id")?);
    job_result(escalate_exception(&store, tenant, id, crate::model::now_ms(), Some(&job)).await)
}

/// A worker for the replenishment queue with every handler registered.
pub fn worker(store: Store, id: &str) -> Worker {
    fn bind<Fut>(store: &Store, f: fn(Store, Job) -> Fut) -> impl Fn(Job) -> Fut + Send + Sync
    where
        Fut: std::future::Future<Output = Result<(), JobError>> + Send + 'static,
    {
        let store = store.clone();
        move |job| f(store.clone(), job)
    }
    Worker::new(store.clone(), QUEUE, id)
        .handle(SWEEP, bind(&store, run_sweep))
        .handle(RECHECK, bind(&store, run_recheck))
        .handle(EVALUATE, bind(&store, run_evaluate))
        .handle(CLOSE_PO_WINDOW, bind(&store, run_close_po_window))
        .handle(ESCALATE_STEP, bind(&store, run_escalate_step))
        .handle(ESCALATE_EXCEPTION, bind(&store, run_escalate_exception))
}

/// Exception-queue actions by planners.
pub mod exceptions {
    use super::*;

    pub enum Action {
        AssignTo(Option<i64>),
        Comment(String),
        Resolve(String),
    }

    /// Applies `action` to each exception in `ids` in one transaction. Returns how many
    /// changed; ids of other tenants or already resolved exceptions are skipped.
    pub async fn act(
        store: &Store,
        tenant: TenantId,
        member: &Member,
        ids: &[i64],
        action: &Action,
        request_id: Option<&str>,
        now: i64,
    ) -> Result<usize, EngineError> {
        if ids.is_empty() {
            return Err(EngineError::Invalid("select at least one exception".into()));
        }
        if ids.len() > 200 {
            return Err(EngineError::Invalid(
                "select at most 200 exceptions at once".into(),
            ));
        }
        match action {
            Action::Comment(t) | Action::Resolve(t) if t.trim().is_empty() => {
                return Err(EngineError::Invalid(match action {
                    Action::Comment(_) => "write a comment first".into(),
                    _ => "say how it was resolved".into(),
                }))
            }
            Action::Comment(t) | Action::Resolve(t) if t.chars().count() > 2_000 => {
                return Err(EngineError::Invalid(
                    "the text is longer than 2,000 characters".into(),
                ))
            }
            _ => {}
        }
        let mut tx = store.begin().await?;
        if let Action::AssignTo(Some(user)) = action {
            let members = sql::members_with_role_tx(&mut tx, tenant, Role::Planner).await?;
            let admins = sql::members_with_role_tx(&mut tx, tenant, Role::TenantAdmin).await?;
            if !members.iter().chain(admins.iter()).any(|m| m.0 == *user) {
                return Err(EngineError::Invalid(
                    "exceptions can be assigned only to the tenant's planners and admins".into(),
                ));
            }
        }
        let actor = format!("user:{}", member.user_id);
        let mut changed = 0;
        for id in ids {
            let Some(before) = exc::exception_tx(&mut tx, tenant, *id).await? else {
                continue;
            };
            let (ok, action_name, after) = match action {
                Action::AssignTo(owner) => (
                    exc::assign_exception_tx(&mut tx, tenant, *id, *owner, now).await?,
                    "exception.assigned",
                    json!({ "owner_user_id": owner }),
                ),
                Action::Comment(body) => {
                    exc::comment_exception_tx(
                        &mut tx,
                        tenant,
                        *id,
                        member.user_id,
                        body.trim(),
                        now,
                    )
                    .await?;
                    (
                        true,
                        "exception.commented",
                        json!({ "comment": body.trim() }),
                    )
                }
                Action::Resolve(how) => (
                    exc::resolve_exception_tx(
                        &mut tx,
                        tenant,
                        *id,
                        member.user_id,
                        how.trim(),
                        now,
                    )
                    .await?,
                    "exception.resolved",
                    json!({ "resolution": how.trim() }),
                ),
            };
            if ok {
                changed += 1;
                append_audit_tx(
                    &mut tx,
                    tenant,
                    &audit(
                        &actor,
                        action_name,
                        format!("exception:{id}"),
                        Some(
                            json!({ "state": before.state, "owner_user_id": before.owner_user_id }),
                        ),
                        Some(after),
                        request_id,
                    ),
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(changed)
    }
}
