//! The assistant applied (the rules are [`crate::assistant`]): a proposal the engine
//! drafted (a transfer, an order at its window's close) that the approval matrix would
//! send to people is judged against the tenant's hard limits. In act mode, inside every
//! limit, the assistant approves it itself; otherwise the matrix's steps run as before.
//! In shadow mode it only records what it would have done. Every judgement is recorded
//! (`assistant_decisions`) and audited with its inputs, in the transaction that drafts
//! or closes the document. The limits are set by whoever may edit the approval matrix.

use serde_json::json;

use super::routing::route_tx;
use super::{DAY_MS, SYSTEM};
use crate::approval::{self, Matrix, Route};
use crate::assistant::{self, Confidence, Limits, Mode, Proposal, Verdict};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::model::{DocRef, Member, Permission, TenantId};
use crate::store::assistant::{self as store, DecisionRecord, NewDecision};
use crate::store::audit::append_audit_tx;
use crate::store::Store;

/// The actor of what the assistant approves on its own.
pub const ASSISTANT: &str = "system:assistant";

/// A drafted document on its way to approval.
pub(crate) struct Drafted<'a> {
    pub doc: DocRef,
    pub facts: &'a approval::Document,
    /// Every class among its lines.
    pub classes: &'a [String],
    pub confidence: &'a Confidence,
}

/// Routes a document the engine drafted: the matrix first; when it names steps, the
/// assistant judges it. Returns who approved it without people (the matrix's automatic
/// rule: [`SYSTEM`]; the assistant: [`ASSISTANT`]), or `None` when it waits for people.
pub(crate) async fn route_drafted_tx(
    tx: &mut Tx,
    tenant: TenantId,
    d: &Drafted<'_>,
    matrix: &Matrix,
    now: i64,
) -> Result<Option<&'static str>, EngineError> {
    let limits = store::limits_tx(tx, tenant).await?;
    let to_people = matches!(approval::route(matrix, d.facts), Route::Steps { .. });
    if limits.mode == Mode::Off || !to_people {
        let auto = route_tx(tx, tenant, d.doc, d.facts, matrix, now).await?;
        return Ok(auto.is_none().then_some(SYSTEM));
    }
    store::lock_tx(tx, tenant).await?;
    let day_start = now - now.rem_euclid(DAY_MS);
    let acted_today =
        store::acted_since_tx(tx, tenant, day_start, limits.mode == Mode::Shadow).await?;
    let proposal = Proposal {
        value_minor: d.facts.value_minor,
        classes: d.classes,
        supplier_id: d.facts.supplier_id,
        confidence_pct: d.confidence.pct,
    };
    let (verdict, words) = assistant::judged(&limits, &proposal, acted_today);
    let acts = limits.mode == Mode::Act && verdict == Verdict::Act;
    let reasons = match &verdict {
        Verdict::Act => Vec::new(),
        Verdict::Refer(why) => why.clone(),
    };
    let inputs = json!({
        "value_minor": d.facts.value_minor,
        "classes": d.classes,
        "supplier_id": d.facts.supplier_id,
        "location_id": d.facts.location_id,
        "confidence_pct": d.confidence.pct,
        "confidence_reason": d.confidence.reason,
        "approved_today_minor": acted_today,
        "limits": limits,
    });
    let reasons_json = serde_json::to_string(&reasons).unwrap_or_else(|_| "[]".into());
    store::record_tx(
        tx,
        tenant,
        &NewDecision {
            doc: d.doc,
            mode: limits.mode.as_str(),
            verdict: if verdict == Verdict::Act {
                "act"
            } else {
                "refer"
            },
            acted: acts,
            value_minor: d.facts.value_minor,
            confidence_pct: d.confidence.pct,
            reasons: &reasons_json,
            reason_words: &words,
            inputs: &inputs.to_string(),
            now,
        },
    )
    .await?;
    let action = match (limits.mode, acts) {
        (_, true) => "assistant.approved",
        (Mode::Shadow, _) => "assistant.shadowed",
        _ => "assistant.referred",
    };
    let mut after = inputs;
    after["would_act"] = json!(verdict == Verdict::Act);
    after["reasons"] = json!(reasons);
    append_audit_tx(
        tx,
        tenant,
        &AuditEntry::of(ASSISTANT, action, d.doc.subject(), None, Some(after), None),
    )
    .await?;
    if acts {
        return Ok(Some(ASSISTANT));
    }
    let auto = route_tx(tx, tenant, d.doc, d.facts, matrix, now).await?;
    Ok(auto.is_none().then_some(SYSTEM))
}

/// An order's confidence: its least sure line's.
pub(crate) async fn po_confidence_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<Confidence, EngineError> {
    Ok(match store::po_confidence_tx(tx, tenant, po).await? {
        Some((pct, reason)) => Confidence {
            pct,
            reason,
            words: None,
        },
        None => Confidence {
            pct: 0,
            reason: "The order has no lines.".into(),
            words: None,
        },
    })
}

/// The tenant's limits, checked and saved. Needs [`Permission::EditApprovalMatrix`]: the limits
/// decide who approves, as the matrix does. Every listed class must be one of the
/// tenant's and every supplier its own.
pub async fn save_limits(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    limits: &Limits,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditApprovalMatrix)?;
    limits
        .validate()
        .map_err(|e| EngineError::Invalid(e.message))?;
    let classes = store.product_classes(tenant).await?;
    if let Some(c) = limits.classes.iter().find(|c| !classes.contains(c)) {
        return Err(EngineError::invalid(
            "err-assistant-not-your-class",
            &[("class", c.clone())],
        ));
    }
    let (_, suppliers) = store.labels(tenant).await?;
    if limits
        .suppliers
        .iter()
        .any(|s| !suppliers.iter().any(|(id, _, _)| id == s))
    {
        return Err(EngineError::invalid("err-assistant-not-your-supplier", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    let before = store::limits_tx(&mut tx, tenant).await?;
    store::set_limits_tx(&mut tx, tenant, limits, now).await?;
    let entry = AuditEntry::of(
        &member.actor(),
        "assistant.limits_saved",
        format!("tenant:{}", tenant.0),
        serde_json::to_value(&before).ok(),
        serde_json::to_value(limits).ok(),
        request_id,
    );
    append_audit_tx(&mut tx, tenant, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Decisions shown a page.
pub const PAGE: i64 = 50;
/// Days the comparison covers.
pub const COMPARE_DAYS: i64 = 30;
/// Decisions the comparison counts at most.
const COMPARE_MAX: i64 = 5_000;

/// What people did with a document the assistant judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Approved (by people, the matrix or the assistant) and on its way or done.
    Approved,
    Rejected,
    Cancelled,
    /// Still waiting for a decision.
    Waiting,
    /// The document is gone.
    Unknown,
}

impl Outcome {
    /// From the document's state (a transfer's or an order's); a state not listed here
    /// reads as unknown rather than as a decision.
    pub fn of(d: &DecisionRecord) -> Outcome {
        match d.state.as_deref() {
            Some("rejected") => Outcome::Rejected,
            Some("cancelled") => Outcome::Cancelled,
            Some("proposed" | "pending_approval" | "draft") => Outcome::Waiting,
            // Approved, then on its way (a supplier declining is after people approved).
            Some(
                "approved" | "shipped" | "received" | "sent" | "acknowledged" | "backordered"
                | "change_proposed" | "change_approval" | "partly_received" | "closed" | "declined",
            ) => Outcome::Approved,
            _ => Outcome::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Rejected => "rejected",
            Outcome::Cancelled => "cancelled",
            Outcome::Waiting => "waiting",
            Outcome::Unknown => "gone",
        }
    }
}

/// The assistant's judgements next to what people did, over [`COMPARE_DAYS`] days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub judged: usize,
    /// It would act (or did), and people approved / rejected / have not decided.
    pub would_act_approved: usize,
    pub would_act_rejected: usize,
    pub would_act_waiting: usize,
    /// It would refer, and people approved / rejected / have not decided.
    pub would_refer_approved: usize,
    pub would_refer_rejected: usize,
    pub would_refer_waiting: usize,
    /// Documents whose value people changed after the judgement.
    pub changed: usize,
    /// What it approved on its own.
    pub acted: usize,
    pub acted_minor: i64,
}

impl Comparison {
    pub fn of(decisions: &[DecisionRecord]) -> Comparison {
        let mut c = Comparison {
            judged: decisions.len(),
            ..Comparison::default()
        };
        for d in decisions {
            let outcome = Outcome::of(d);
            let slot = match (d.verdict == "act", outcome) {
                (true, Outcome::Approved) => &mut c.would_act_approved,
                (true, Outcome::Rejected | Outcome::Cancelled) => &mut c.would_act_rejected,
                (true, _) => &mut c.would_act_waiting,
                (false, Outcome::Approved) => &mut c.would_refer_approved,
                (false, Outcome::Rejected | Outcome::Cancelled) => &mut c.would_refer_rejected,
                (false, _) => &mut c.would_refer_waiting,
            };
            *slot += 1;
            if d.value_now_minor.is_some_and(|v| v != d.value_minor) {
                c.changed += 1;
            }
            if d.acted {
                c.acted += 1;
                c.acted_minor = c.acted_minor.saturating_add(d.value_minor);
            }
        }
        c
    }
}

/// The assistant's page: its limits, the comparison and a page of its decisions.
#[derive(Clone, Debug)]
pub struct Overview {
    pub limits: Limits,
    pub comparison: Comparison,
    pub decisions: Vec<DecisionRecord>,
    /// The next page's `before`, when there are older decisions.
    pub next: Option<i64>,
}

/// What the assistant did and would have done. Needs [`Permission::ViewInventory`].
pub async fn overview(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    before: Option<i64>,
    now: i64,
) -> Result<Overview, EngineError> {
    member.require(Permission::ViewInventory)?;
    let limits = store.assistant_limits(tenant).await?;
    let since = now.saturating_sub(COMPARE_DAYS * DAY_MS);
    let all = store
        .assistant_decisions(tenant, since, None, COMPARE_MAX)
        .await?;
    let comparison = Comparison::of(&all);
    let mut decisions = store
        .assistant_decisions(tenant, i64::MIN, before, PAGE + 1)
        .await?;
    let next = (decisions.len() as i64 > PAGE).then(|| {
        decisions.truncate(PAGE as usize);
        decisions.last().map_or(0, |d| d.id)
    });
    Ok(Overview {
        limits,
        comparison,
        decisions,
        next,
    })
}
