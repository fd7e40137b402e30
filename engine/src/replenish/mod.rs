//! Replenishment: turns a changed stock position into a transfer or purchase order,
//! routes it through the tenant's approval matrix, carries out decisions and lifecycle
//! commands, and handles the timers. Every change runs in one write transaction together
//! with its audit entries, the jobs it schedules (timers, e-mail: the outbox) and, for
//! job handlers, the job's own completion, so a crash never leaves half of it behind and
//! a job whose lease lapsed cannot commit twice.
//!
//! | module | owns |
//! |---|---|
//! | [`sweep`] | the sweep of changed positions, the re-check of a policy scope, the full sweep (after seeding, nightly) |
//! | [`evaluate`] | one position against its policy: transfer first, then an order line |
//! | [`routing`] | the approval matrix applied: rounds of steps, their timers and e-mail |
//! | [`lifecycle`] | transfer commands with their effects; an approval decision carried out |
//! | [`po_lifecycle`] | purchase-order commands with their effects (on order, the supplier's e-mail, changes applied) |
//! | [`orders`] | a sent order: the supplier's answers (by signed link or signed in) and its order list; the buyer's cancel, link withdrawal and sending again |
//! | [`changes`] | changes to a sent order from either side: propose, counter, accept, refuse; a dearer one through approval |
//! | [`shipments`] | ship notices from the supplier and receipts against them (over, short, damaged: an exception) |
//! | [`messages`] | messages about a sent order between buyer and supplier, e-mailed to the other side |
//! | [`decisions`] | approving and rejecting a step |
//! | [`timers`] | the PO window closing, a step escalating, a supplier's acknowledgement and ship-notice clocks |
//! | [`delegation`] | stand-ins while away |
//! | [`matrix`] | the tenant's approval matrix: defaults, checks, saving |
//! | [`policies`] | replenishment policies per class and location |
//! | [`assistant`] | the assistant's limits applied to what the engine drafts: it approves inside them, records and audits every judgement (shadow mode: records only) |
//! | [`forecasts`] | keeping each selling position's demand forecast current (the refresh job) |
//! | [`jobs`] | the queue's job kinds (the worker that runs them is [`worker`]) |
//!
//! The decisions themselves are the pure functions of [`crate::policy`],
//! [`crate::sourcing`], [`crate::approval`] and [`crate::workflow`]; SQL is in `store`.
//! Commands a person calls check the member's permission first (`Member::require`).

pub mod anomalies;
pub mod assistant;
pub mod changes;
pub mod decisions;
pub mod delegation;
pub mod evaluate;
pub mod forecasts;
pub mod jobs;
pub mod levels;
pub mod lifecycle;
pub mod matrix;
pub mod messages;
pub mod orders;
pub mod po_lifecycle;
pub mod policies;
pub mod routing;
pub mod shipments;
pub mod sweep;
pub mod timers;

pub use changes::{
    answer_change, answer_change_as_supplier, propose_change, propose_change_as_supplier,
    ChangeAnswer, Proposal, MAX_CHANGES,
};
pub use decisions::{approve_many, decide, Decided};
pub use delegation::{delegate, end_delegation, MAX_DELEGATION_MS};
pub use evaluate::{evaluate, Evaluation};
pub use levels::{set_position_levels, set_sweep_hour};
pub use lifecycle::transfer_command;
pub use matrix::{
    default_matrix, edit_matrix, matrix, matrix_from_toml, matrix_to_toml, save_matrix,
    seed_matrix, validate_matrix, RuleEdit,
};
pub use messages::{
    attachment_by_link, attachment_for_staff, attachment_for_supplier, message_as_supplier,
    message_by_link, message_supplier, Attachment, AttachmentFile, Message, MAX_MESSAGES,
};
pub use orders::{
    answer_as_supplier, answer_by_link, link_is_signed, open_order_link, po_command, resend_order,
    revoke_order_links, supplier_order_for, supplier_order_list, LinkError, SupplierAnswer,
    SUPPLIER_PAGE,
};
pub use policies::{delete_policy, save_policy, seed_policy, Method, PolicySettings};
pub use shipments::{receive_notice, ship_notice_as_supplier, ReceiptLine, ShipNotice};
pub use sweep::{recheck, schedule_nightly, sweep, sweep_all, Sweep};
pub use timers::{close_po_window, escalate_step};

use crate::exceptions::{self, EscalateException};
use crate::jobs::queues;
use crate::store::Store;
use crate::worker::Worker;

pub(crate) use crate::model::DAY_MS;
/// Days of sales history read for demand variability.
pub(crate) const HISTORY_DAYS: i64 = 28;
/// The actor of what replenishment does on its own.
pub(crate) const SYSTEM: &str = "system:replenishment";

/// The users who requested or changed a document (none of them may approve it).
pub fn parse_involved(s: &str) -> Vec<i64> {
    serde_json::from_str(s).unwrap_or_default()
}

pub(crate) fn add_involved(s: &str, user: i64) -> String {
    let mut v = parse_involved(s);
    if !v.contains(&user) {
        v.push(user);
    }
    serde_json::to_string(&v).unwrap_or_else(|_| "[]".into())
}

/// A worker for the replenishment queue with every job kind registered; a dead letter
/// is raised in the tenant's exception queue.
pub fn worker(store: Store, id: &str) -> Worker {
    Worker::new(store.clone(), queues::REPLENISH, id)
        .register::<jobs::SweepPositions>(store.clone())
        .register::<jobs::RecheckScope>(store.clone())
        .register::<jobs::EvaluatePosition>(store.clone())
        .register::<jobs::ClosePoWindow>(store.clone())
        .register::<jobs::SupplierAckDue>(store.clone())
        .register::<jobs::SupplierAsnDue>(store.clone())
        .register::<jobs::EscalateStep>(store.clone())
        .register::<jobs::NightlySweep>(store.clone())
        .register::<EscalateException>(store.clone())
        .register::<crate::back_in_stock::waves::Wave>(store.clone())
        .register::<crate::back_in_stock::waves::Substitute>(store.clone())
        .on_dead_letter(exceptions::dead_letter_hook(store))
}
