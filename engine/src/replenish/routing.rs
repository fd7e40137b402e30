//! Routing: sends a document through the tenant's approval matrix, opens its round of
//! approval steps, and starts a step (its escalation timer and the approvers' e-mail).

use serde_json::json;

use super::jobs::EscalateStep;
use super::SYSTEM;
use crate::approval::{self, Matrix, Route};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::NewJob;
use crate::mail::SendMail;
use crate::model::{DocRef, Role, TenantId};
use crate::recorded::Recorded;
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::purchase_orders::{self, PurchaseOrderRecord};
use crate::store::{approval_steps, approval_steps::NewStep, catalog, delegations, identity};

/// A purchase order as the approval matrix sees it, worth `value_minor`: its lines'
/// class when they share one, the ship-to and its region, the supplier, and the people
/// who may not approve it; with every class among its lines (the assistant's limits
/// read them all).
pub(crate) async fn po_document_tx(
    tx: &mut Tx,
    tenant: TenantId,
    rec: &PurchaseOrderRecord,
    value_minor: i64,
) -> Result<(approval::Document, Vec<String>), EngineError> {
    let classes = po_classes_tx(tx, tenant, rec.id).await?;
    let (_, _, region) = catalog::location_label_tx(tx, tenant, rec.ship_to_location_id).await?;
    let doc = approval::Document {
        doc_type: approval::DocumentType::PurchaseOrder,
        value_minor,
        class: (classes.len() == 1).then(|| classes[0].clone()),
        location_id: rec.ship_to_location_id,
        region,
        supplier_id: Some(rec.supplier_id),
        involved_users: super::parse_involved(&rec.involved_users),
    };
    Ok((doc, classes))
}

/// Every class among an order's lines, in line order.
async fn po_classes_tx(tx: &mut Tx, tenant: TenantId, po: i64) -> Result<Vec<String>, EngineError> {
    let lines = purchase_orders::po_lines_tx(tx, tenant, po).await?;
    let mut classes = Vec::new();
    for l in &lines {
        let (_, _, class) = catalog::product_label_tx(tx, tenant, l.product_id).await?;
        if !classes.contains(&class) {
            classes.push(class);
        }
    }
    Ok(classes)
}

/// Routes a document through the matrix. `None` when auto-approved; otherwise opens a
/// new round of steps (the first pending, with its escalation timer and e-mail) and
/// returns the first step's id.
pub(crate) async fn route_tx(
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
                &AuditEntry::of(
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
    let round = approval_steps::last_round_tx(tx, tenant, doc).await? + 1;
    let mut first = None;
    for (i, s) in steps.iter().enumerate() {
        let due = (i == 0).then(|| now + s.escalate_after_hours.max(0) * 3_600_000);
        let id = approval_steps::insert_step_tx(
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
        &AuditEntry::of(
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
pub(crate) async fn start_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    step: i64,
    role: Role,
    due: i64,
    now: i64,
) -> Result<(), EngineError> {
    let timer = NewJob::of(
        tenant,
        &EscalateStep {
            step_id: step,
            due_at: due,
        },
        now,
    )
    .at(due);
    enqueue_tx(tx, &timer).await?;
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
    let mut people = identity::members_with_role_tx(tx, tenant, role).await?;
    for d in delegations::delegates_for_role_tx(tx, tenant, role, now).await? {
        if !people.iter().any(|p| p.0 == d.0) {
            people.push(d);
        }
    }
    for (user, email, name) in people {
        let mail = SendMail {
            template: "approval_request".into(),
            to: email,
            name,
            doc_type: doc.doc_type().into(),
            doc_id: doc.id(),
            occasion: format!("approval:{}:{user}:{now}", doc.subject()),
            ..SendMail::default()
        };
        enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
    }
    Ok(())
}

/// Tells the people who requested or changed `doc` (`involved`, as stored on it) what
/// became of it, except `actor` (who knows): an e-mail each, through the outbox.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn notify_outcome_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    involved: &str,
    outcome: &str,
    note: &str,
    note_words: Option<&Recorded>,
    actor: &str,
    now: i64,
) -> Result<(), EngineError> {
    for user in super::parse_involved(involved) {
        if actor == format!("user:{user}") {
            continue;
        }
        let Some((_, email, name)) = identity::member_contact_tx(tx, tenant, user).await? else {
            continue;
        };
        let mail = SendMail {
            template: "outcome".into(),
            to: email,
            name,
            doc_type: doc.doc_type().into(),
            doc_id: doc.id(),
            occasion: format!("outcome:{}:{outcome}:{user}:{now}", doc.subject()),
            outcome: outcome.into(),
            note: note.into(),
            note_words: note_words.cloned(),
            ..SendMail::default()
        };
        enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
    }
    Ok(())
}
