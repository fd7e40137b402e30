//! The replenishment queue's job kinds: each is the struct of its arguments, with its
//! name, keys and handler together (see `engine::jobs::BackgroundJob`).

use serde::{Deserialize, Serialize};

use super::{evaluate, sweep, timers};
use crate::jobs::{queues, BackgroundJob, Job, JobError};
use crate::model::{now_ms, TenantId};
use crate::store::Store;
use crate::worker::job_result;

/// Checks the tenant's marked positions. Debounced per tenant: a burst queues one sweep;
/// a change during a sweep queues the next. A cursor continues a sweep that stopped at
/// a page boundary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SweepPositions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_location_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_product_id: Option<i64>,
}

impl SweepPositions {
    /// The sweep that continues after `last` (location, product), or a fresh one.
    pub fn after(last: Option<(i64, i64)>) -> SweepPositions {
        SweepPositions {
            after_location_id: last.map(|l| l.0),
            after_product_id: last.map(|l| l.1),
        }
    }
    fn cursor(&self) -> Option<(i64, i64)> {
        self.after_location_id.zip(self.after_product_id)
    }
}

impl BackgroundJob for SweepPositions {
    const KIND: &'static str = "replenish.sweep";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn debounce_key(&self, tenant: TenantId) -> Option<String> {
        Some(match self.cursor() {
            None => format!("sweep:{}", tenant.0),
            Some(_) => format!("sweep-next:{}", tenant.0),
        })
    }

    async fn run(self, store: Store, tenant: TenantId, _job: Job) -> Result<(), JobError> {
        sweep::sweep(&store, tenant, self.cursor())
            .await
            .map(|_| ())
            .map_err(JobError::from)
    }
}

/// Marks every position a policy scope covers for a check (after the policy changed),
/// a page per run; the cursor continues from the last page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecheckScope {
    /// A product class, or `*` for every class.
    pub class: String,
    pub location_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_location_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_product_id: Option<i64>,
    /// The positions take the levels of the policies in force before they are checked
    /// (after a policy was saved or deleted).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub levels: bool,
}

impl RecheckScope {
    pub fn new(class: &str, location: Option<i64>, after: Option<(i64, i64)>) -> RecheckScope {
        RecheckScope {
            class: class.into(),
            location_id: location,
            after_location_id: after.map(|a| a.0),
            after_product_id: after.map(|a| a.1),
            levels: false,
        }
    }

    /// The same re-check, applying the policies' levels to each page first.
    pub fn with_levels(self) -> RecheckScope {
        RecheckScope {
            levels: true,
            ..self
        }
    }
}

impl BackgroundJob for RecheckScope {
    const KIND: &'static str = "replenish.recheck";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(sweep::recheck(&store, &self, tenant, Some(&job)).await)
    }
}

/// Checks one position against policy: a sweep hands over a position whose check
/// failed, so its retries and dead letter are its own. Debounced per position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluatePosition {
    pub location_id: i64,
    pub product_id: i64,
}

impl BackgroundJob for EvaluatePosition {
    const KIND: &'static str = "replenish.evaluate";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn debounce_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "eval:{}:{}:{}",
            tenant.0, self.location_id, self.product_id
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let (l, p) = (self.location_id, self.product_id);
        job_result(evaluate::evaluate(&store, tenant, l, p, now_ms(), Some(&job)).await)
    }
}

/// The purchase-order consolidation window's timer: routes the gathered order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosePoWindow {
    pub po_id: i64,
}

impl BackgroundJob for ClosePoWindow {
    const KIND: &'static str = "po.close_window";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!("timer:po-window:{}:{}", tenant.0, self.po_id))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(timers::close_po_window(&store, tenant, self.po_id, now_ms(), Some(&job)).await)
    }
}

/// Which step of a supplier clock (acknowledgement, ship notice) a timer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockStage {
    /// The answer or notice is due: remind the supplier.
    Remind,
    /// Still none after the reminder: alert the buyer.
    Escalate,
}

/// A sent order's acknowledgement clock (see `sla`): fires once per order and stage,
/// and does nothing when the order was answered (or cancelled) meanwhile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierAckDue {
    pub po_id: i64,
    pub stage: ClockStage,
    /// When it is due (epoch ms): the next stage is counted from here.
    pub due_at: i64,
}

impl BackgroundJob for SupplierAckDue {
    const KIND: &'static str = "po.ack_due";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        let stage = match self.stage {
            ClockStage::Remind => "remind",
            ClockStage::Escalate => "escalate",
        };
        Some(format!("timer:po-ack:{}:{}:{stage}", tenant.0, self.po_id))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(timers::supplier_ack_due(&store, tenant, &self, Some(&job)).await)
    }
}

/// A promised delivery's ship-notice clock: a day before the promised day the supplier
/// is reminded to send its ship notice, and at noon (UTC) of that day, with still none,
/// the buyer gets an exception. Keyed by the promised day, so a revised date gets
/// clocks of its own and the old ones find the order moved on and do nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierAsnDue {
    pub po_id: i64,
    pub promised_on: i64,
    pub stage: ClockStage,
    /// When the clock was started: a day promised again (after a change) gets a clock
    /// of its own. Repeats are harmless: the reminder mail is kept once per order and
    /// day, and the exception once while it is open.
    #[serde(default)]
    pub armed_at: i64,
}

impl BackgroundJob for SupplierAsnDue {
    const KIND: &'static str = "po.asn_due";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        let stage = match self.stage {
            ClockStage::Remind => "remind",
            ClockStage::Escalate => "escalate",
        };
        Some(format!(
            "timer:po-asn:{}:{}:{}:{stage}:{}",
            tenant.0, self.po_id, self.promised_on, self.armed_at
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(timers::supplier_asn_due(&store, tenant, &self, now_ms(), Some(&job)).await)
    }
}

/// An approval step's escalation timer, due when the step has waited its time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EscalateStep {
    pub step_id: i64,
    /// When it is due; part of the key, so an escalated step gets a new timer.
    #[serde(default)]
    pub due_at: i64,
}

impl BackgroundJob for EscalateStep {
    const KIND: &'static str = "approval.escalate";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "timer:step:{}:{}:{}",
            tenant.0, self.step_id, self.due_at
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(timers::escalate_step(&store, tenant, self.step_id, now_ms(), Some(&job)).await)
    }
}

/// The hour (UTC) the nightly full sweep runs at.
pub const DEFAULT_SWEEP_HOUR: i64 = 2;

/// The nightly safety net for missed events: marks every position of the tenant for a
/// check (a [`RecheckScope`] of every class, in pages) and sets the next night's timer.
/// Unique per tenant and night, so however often it is scheduled it runs once a night.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NightlySweep {
    /// The night it is for: the start of its UTC day, epoch ms.
    pub day_ms: i64,
}

impl NightlySweep {
    /// The next nightly sweep after `now` at `hour` (UTC, the tenant's setting), and
    /// when it is due.
    pub fn next(now: i64, hour: i64) -> (NightlySweep, i64) {
        const DAY: i64 = 24 * 3_600_000;
        let today = now.div_euclid(DAY) * DAY;
        let at_today = today + hour.clamp(0, 23) * 3_600_000;
        let (day, due) = if at_today > now {
            (today, at_today)
        } else {
            (today + DAY, at_today + DAY)
        };
        (NightlySweep { day_ms: day }, due)
    }
}

impl BackgroundJob for NightlySweep {
    const KIND: &'static str = "replenish.nightly_sweep";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!("timer:nightly-sweep:{}:{}", tenant.0, self.day_ms))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        job_result(sweep::sweep_all(&store, tenant, now_ms(), Some(&job)).await)
    }
}
