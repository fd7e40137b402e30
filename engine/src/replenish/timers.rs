//! Timers: the purchase-order consolidation window closing, an approval step that
//! waited past its time, and a sent order's acknowledgement and ship-notice clocks. Each is a durable job (see `replenish::jobs`) and does nothing
//! when it fires late or twice.

use serde_json::json;

use super::assistant::{po_confidence_tx, route_drafted_tx, Drafted};
use super::jobs::{ClockStage, SupplierAckDue, SupplierAsnDue};
use super::matrix::settings_tx;
use super::po_lifecycle::{apply_po_tx, send_to_supplier_tx};
use super::routing::{po_document_tx, start_step_tx};
use super::SYSTEM;
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::exceptions;
use crate::jobs::{Job, NewJob};
use crate::mail::SendMail;
use crate::model::{role_term, DocRef, Role, TenantId};
use crate::recorded::Recorded;
use crate::region::{calendar_date, day_words, local_in};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::{approval_steps, catalog, purchase_orders, tenant_settings, tenants};
use crate::store::{NewException, Store};
use crate::worker::complete_in_tx;
use crate::workflow::purchase_order::{PoCommand, PoState};

/// The PO consolidation window closed: route the order for approval (or send it).
pub async fn close_po_window(
    store: &Store,
    tenant: TenantId,
    po: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    if let Some(rec) = purchase_orders::purchase_order_tx(&mut tx, tenant, po).await? {
        if rec.state == PoState::Draft {
            let lines = purchase_orders::po_lines_tx(&mut tx, tenant, po).await?;
            if lines.is_empty() {
                apply_po_tx(&mut tx, tenant, rec, &PoCommand::Cancel, SYSTEM, None, now).await?;
            } else {
                let settings = settings_tx(&mut tx, tenant).await?;
                let (doc, classes) = po_document_tx(&mut tx, tenant, &rec, rec.value_minor).await?;
                let drafted = Drafted {
                    doc: DocRef::PurchaseOrder(po),
                    facts: &doc,
                    classes: &classes,
                    confidence: &po_confidence_tx(&mut tx, tenant, po).await?,
                };
                let (cmd, actor) =
                    match route_drafted_tx(&mut tx, tenant, &drafted, &settings.matrix, now).await?
                    {
                        Some(actor) => (PoCommand::AutoApprove, actor),
                        None => (PoCommand::Submit, SYSTEM),
                    };
                apply_po_tx(&mut tx, tenant, rec, &cmd, actor, None, now).await?;
            }
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
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
    let mut tx = store.begin(tenant).await?;
    let mut escalated = false;
    if let Some(step) = approval_steps::step_tx(&mut tx, tenant, step_id).await? {
        let due = step.due_at.unwrap_or(i64::MAX);
        if step.state == "pending" && due <= now {
            let doc = DocRef::parse(&step.doc_type, step.doc_id).ok_or(EngineError::NotFound)?;
            let hours = step.escalate_after_hours.max(1);
            let target = step.escalate_to.as_deref().and_then(Role::parse);
            if let (Some(role), false) = (target, step.escalated) {
                let new_due = now + hours * 3_600_000;
                if approval_steps::escalate_step_tx(&mut tx, tenant, step.id, role, new_due).await?
                {
                    escalated = true;
                    start_step_tx(&mut tx, tenant, doc, step.id, role, new_due, now).await?;
                    append_audit_tx(
                        &mut tx,
                        tenant,
                        &AuditEntry::of(
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
                title_words: vec![Recorded::new(
                    if step.doc_type == "transfer" {
                        "exc-stale-transfer-title"
                    } else {
                        "exc-stale-po-title"
                    },
                    &[
                        ("id", step.doc_id.to_string()),
                        ("hours", hours.to_string()),
                    ],
                )],
                words: vec![stale_words(step.step_no, &step.role, target)],
                dedupe_key: format!("stale:{}", step.id),
                risk: None,
            };
            exceptions::open_tx(&mut tx, tenant, &e, now).await?;
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(escalated)
}

/// A sent order's acknowledgement clock ran out (see `sla`). Still unanswered: at
/// [`ClockStage::Remind`] the supplier gets the order again as a reminder (with a new
/// link) and the escalation timer is set; at [`ClockStage::Escalate`] the buyer gets a
/// `supplier_late` exception. Answered or cancelled meanwhile: nothing. Each stage fires
/// once per order (the timer's unique key), and its effects commit with its completion.
pub async fn supplier_ack_due(
    store: &Store,
    tenant: TenantId,
    timer: &SupplierAckDue,
    job: Option<&Job>,
) -> Result<(), EngineError> {
    // Late (the server was down): the reminder's link and the escalation count from
    // now, so the supplier still gets its working hours after the reminder.
    let now = crate::model::now_ms().max(timer.due_at);
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, timer.po_id).await?;
    if let Some(rec) = rec.filter(|r| r.state == PoState::Sent) {
        let doc = DocRef::PurchaseOrder(rec.id);
        match timer.stage {
            ClockStage::Remind => {
                let link = send_to_supplier_tx(&mut tx, tenant, &rec, "po_reminder", now).await?;
                let sla = tenant_settings::supplier_sla_tx(&mut tx, tenant).await?;
                let due = sla.escalation_due(now).map_err(EngineError::Invalid)?;
                let next = SupplierAckDue {
                    po_id: rec.id,
                    stage: ClockStage::Escalate,
                    due_at: due,
                };
                enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(due)).await?;
                append_audit_tx(
                    &mut tx,
                    tenant,
                    &AuditEntry::of(
                        "system:timer",
                        "purchase_order.ack_reminded",
                        doc.subject(),
                        None,
                        Some(json!({ "link_id": link, "escalates_at": due })),
                        None,
                    ),
                )
                .await?;
            }
            ClockStage::Escalate => {
                let (_, supplier, _) =
                    catalog::supplier_label_tx(&mut tx, tenant, rec.supplier_id).await?;
                // The day it was sent on the tenant's clock, as its pages name it.
                let zone = tenants::time_zone_tx(&mut tx, tenant).await?;
                let sent_on = rec.sent_at.map(|at| local_in(zone.as_deref(), at).0);
                let e = NewException {
                    kind: "supplier_late",
                    severity: "medium",
                    subject: doc.subject(),
                    title_words: vec![Recorded::new(
                        "exc-ack-late-title",
                        &[("supplier", supplier.clone()), ("po", rec.id.to_string())],
                    )],
                    words: vec![Recorded::new("exc-ack-late-detail", &[])
                        .part("sent", sent_on.map(day_words).into_iter().collect())],
                    dedupe_key: format!("supplier-ack:{}", rec.id),
                    risk: None,
                };
                exceptions::open_tx(&mut tx, tenant, &e, now).await?;
            }
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A promised delivery's ship-notice clock fired (see [`SupplierAsnDue`]): when the
/// order still waits at the supplier with that date and no notice, remind the supplier
/// (the day before) or raise an exception for the buyer (on the day). Does nothing when
/// the order shipped, changed its date or ended meanwhile, so a late or repeated timer
/// changes nothing more.
pub async fn supplier_asn_due(
    store: &Store,
    tenant: TenantId,
    timer: &SupplierAsnDue,
    now: i64,
    job: Option<&Job>,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    let rec = purchase_orders::purchase_order_tx(&mut tx, tenant, timer.po_id).await?;
    let waiting = rec.filter(|r| {
        matches!(r.state, PoState::Acknowledged | PoState::Backordered)
            && r.promised_on == Some(timer.promised_on)
    });
    if let Some(rec) = waiting {
        let doc = DocRef::PurchaseOrder(rec.id);
        let (_, supplier, email) =
            catalog::supplier_label_tx(&mut tx, tenant, rec.supplier_id).await?;
        match timer.stage {
            ClockStage::Remind => {
                let note = Recorded::new("mail-update-asn-reminder", &[])
                    .part("day", vec![day_words(calendar_date(timer.promised_on))]);
                let mail = SendMail {
                    template: "po_update".into(),
                    to: email,
                    name: supplier,
                    doc_type: doc.doc_type().into(),
                    doc_id: rec.id,
                    occasion: format!("po-asn-reminder:{}:{}", rec.id, timer.promised_on),
                    note: note.english(),
                    note_words: Some(note),
                    ..SendMail::default()
                };
                enqueue_tx(&mut tx, &NewJob::of(tenant, &mail, now)).await?;
                append_audit_tx(
                    &mut tx,
                    tenant,
                    &AuditEntry::of(
                        "system:timer",
                        "purchase_order.asn_reminded",
                        doc.subject(),
                        None,
                        Some(json!({ "promised_on": timer.promised_on })),
                        None,
                    ),
                )
                .await?;
            }
            ClockStage::Escalate => {
                let e = NewException {
                    kind: "supplier_late",
                    severity: "medium",
                    subject: doc.subject(),
                    title_words: vec![Recorded::new(
                        "exc-asn-late-title",
                        &[("supplier", supplier.clone()), ("po", rec.id.to_string())],
                    )],
                    words: vec![Recorded::new("exc-asn-late-detail", &[])
                        .part("day", vec![day_words(calendar_date(timer.promised_on))])],
                    dedupe_key: format!("supplier-asn:{}:{}", rec.id, timer.promised_on),
                    risk: None,
                };
                exceptions::open_tx(&mut tx, tenant, &e, now).await?;
            }
        }
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A stale step's detail as recorded text: the role it needs and, when it was handed on,
/// the role it goes to, each named in the reader's language (a role no longer known is
/// named as stored).
fn stale_words(step_no: impl ToString, role: &str, to: Option<Role>) -> Recorded {
    let role_words = |name: &str| match Role::parse(name) {
        Some(r) => Recorded::new(role_term(r), &[]),
        None => Recorded::new("exc-text", &[("text", name.to_string())]),
    };
    let step = [("step", step_no.to_string())];
    let words = match to {
        Some(to) => Recorded::new("exc-stale-detail-handed-on", &step)
            .part("to", vec![Recorded::new(role_term(to), &[])]),
        None => Recorded::new("exc-stale-detail", &step),
    };
    words.part("role", vec![role_words(role)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::Lang;

    #[test]
    fn a_stale_step_and_a_late_supplier_read_in_the_planner_s_language() {
        let handed_on = stale_words(2, "approver", Some(Role::TenantAdmin));
        assert_eq!(
            handed_on.text(Lang::En),
            "Step 2 (needs approver) started waiting and was not decided in time; it now goes \
             to tenant admin."
        );
        let de = handed_on.text(Lang::De);
        assert!(de.starts_with("Schritt 2 (erfordert: Freigeber)"), "{de}");
        // A role the portal no longer knows is named as it was stored.
        let odd = stale_words(1, "auditor", None).text(Lang::Nl);
        assert_eq!(
            odd,
            "Stap 1 (vereist: auditor) wacht en is niet op tijd beslist."
        );
        // A promised day is kept as its midnight UTC: 2026-12-02 wherever the tenant is.
        let day = crate::model::parse_day("2026-12-02").unwrap();
        let late = Recorded::new("exc-asn-late-detail", &[])
            .part("day", vec![day_words(calendar_date(day))]);
        assert_eq!(
            late.text(Lang::De),
            "Die Lieferung war für den 2. Dez. 2026 zugesagt, und es ist kein Lieferavis \
             eingegangen. Rufen Sie den Lieferanten an, oder ändern oder stornieren Sie die \
             Bestellung."
        );
        assert!(late.text(Lang::En).contains("promised for 2 Dec 2026 and"));
        // The day an order was sent is the tenant's: 23:30 UTC on 1 December is already
        // 2 December in Berlin.
        let sent_at = 1_796_167_800_000;
        let sent = |zone: Option<&str>| {
            Recorded::new("exc-ack-late-detail", &[])
                .part("sent", vec![day_words(local_in(zone, sent_at).0)])
        };
        let berlin = sent(Some("Europe/Berlin"));
        assert!(berlin.text(Lang::En).starts_with("Sent on 2 Dec 2026;"));
        assert!(berlin
            .text(Lang::De)
            .starts_with("Gesendet am 2. Dez. 2026;"));
        assert!(sent(None)
            .text(Lang::Nl)
            .starts_with("Verzonden op 1 dec 2026;"));
    }
}
