//! Decisions: an approver approves or rejects the step a document waits on; the last
//! approval approves the document (an order is then sent), a rejection ends it.

use serde_json::json;

use super::lifecycle::{command_tx, Command};
use super::routing::start_step_tx;
use crate::approval::{self, DocumentType};
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{DocRef, Member, Permission, Role, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::Store;
use crate::store::{approval_steps, delegations, identity, purchase_orders, transfers};

/// What a decision did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decided {
    /// This step is approved and the next one waits.
    NextStep,
    /// The last step approved: the document is approved (an order is also sent).
    Approved,
    Rejected,
}

/// An approver's decision on the step a document waits on. Needs
/// [`Permission::DecideApprovals`], and the step's role or a stand-in's for it. (The arguments are the
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
    member.require(Permission::DecideApprovals)?;
    let comment = comment.trim();
    if comment.chars().count() > 2_000 {
        return Err(EngineError::invalid("err-comment-too-long", &[]));
    }
    if !approve && comment.is_empty() {
        return Err(EngineError::invalid("err-reject-say-why", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    // Another tenant's document is not found here (not merely "not pending").
    let involved = match doc {
        DocRef::Transfer(id) => super::parse_involved(
            &transfers::transfer_tx(&mut tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?
                .involved_users,
        ),
        DocRef::PurchaseOrder(id) => super::parse_involved(
            &purchase_orders::purchase_order_tx(&mut tx, tenant, id)
                .await?
                .ok_or(EngineError::NotFound)?
                .involved_users,
        ),
    };
    let step = approval_steps::pending_step_tx(&mut tx, tenant, doc)
        .await?
        .ok_or(EngineError::NotPending)?;
    let step_role = Role::parse(&step.role).ok_or(EngineError::NotFound)?;
    let delegations = delegations::delegations_to_tx(&mut tx, tenant, member.user_id, now).await?;
    let holders: Vec<i64> = if delegations.is_empty() {
        Vec::new()
    } else {
        identity::members_with_role_tx(&mut tx, tenant, step_role)
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
    // Segregation of duties within a round too: each step of it by another person.
    // (A changed document starts a new round, which its earlier approvers may decide.)
    if approval_steps::decided_by_tx(&mut tx, tenant, doc, step.round, member.user_id).await? {
        return Err(approval::Refusal::DecidedBefore.into());
    }
    let comment_opt = (!comment.is_empty()).then_some(comment);
    if !approval_steps::decide_step_tx(
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
    let actor = member.actor();
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
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
        match approval_steps::start_next_step_tx(
            &mut tx,
            tenant,
            doc,
            step.round,
            step.step_no,
            now,
        )
        .await?
        {
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

/// Approves each of `docs` as `member`, each in its own transaction, so that one refused
/// item does not undo the others. Needs [`Permission::DecideApprovals`]; when any of
/// `docs` is not the tenant's, nothing is decided and the answer is
/// [`EngineError::NotFound`].
#[allow(clippy::type_complexity)]
pub async fn approve_many(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    docs: &[DocRef],
    comment: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<Vec<(DocRef, Result<Decided, EngineError>)>, EngineError> {
    member.require(Permission::DecideApprovals)?;
    for doc in docs {
        let found = match doc {
            DocRef::Transfer(id) => store.transfer(tenant, *id).await?.is_some(),
            DocRef::PurchaseOrder(id) => store.purchase_order(tenant, *id).await?.is_some(),
        };
        if !found {
            return Err(EngineError::NotFound);
        }
    }
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs {
        let r = decide(store, tenant, member, *doc, true, comment, request_id, now).await;
        out.push((*doc, r));
    }
    Ok(out)
}
