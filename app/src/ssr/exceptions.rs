//! The exception queue, most urgent first.

use engine::model::{now_ms, Permission, Role};
use leptos::prelude::*;

use super::context::require_inventory_reader;
use super::error::internal;
use super::format::*;
use crate::views::*;

pub async fn exceptions(resolved: bool) -> Result<ExceptionsView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let list = store
        .exceptions(
            tenant,
            if resolved { "resolved" } else { "open" },
            None,
            200,
        )
        .await
        .map_err(internal)?;
    let mut rows = Vec::new();
    for e in list {
        let comments = store
            .exception_comments(tenant, e.id)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| {
                (
                    format!("{}, {} ago", c.user_name, ago(c.created_at)),
                    c.body,
                )
            })
            .collect();
        let hours = (now_ms() - e.created_at).max(0) / 3_600_000;
        let href = e.subject.split_once(':').and_then(|(kind, id)| match kind {
            "transfer" | "purchase_order" => Some(format!("{}/documents/{kind}/{id}", tc.base)),
            "job" => Some(format!("{}/jobs", tc.base)),
            _ => None,
        });
        rows.push(ExceptionRow {
            id: e.id,
            kind: e.kind.replace('_', " "),
            priority: severity_weight(&e.severity)
                + hours.min(99)
                + if e.escalated_at.is_some() { 50 } else { 0 },
            severity: e.severity,
            title: e.title,
            detail: e.detail,
            owner: e.owner_name,
            age: ago(e.created_at),
            escalated: e.escalated_at.is_some(),
            href,
            comments,
            resolution: e.resolution,
        });
    }
    rows.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
    let mut assignees = Vec::new();
    for role in Role::ALL
        .into_iter()
        .filter(|r| r.can(Permission::WorkExceptions))
    {
        for (id, _, name) in store
            .members_with_role(tenant, role)
            .await
            .map_err(internal)?
        {
            if !assignees.iter().any(|c: &Choice| c.value == id.to_string()) {
                assignees.push(Choice {
                    value: id.to_string(),
                    label: name,
                });
            }
        }
    }
    Ok(ExceptionsView {
        rows,
        assignees,
        resolved,
        can_act: member.can(Permission::WorkExceptions),
    })
}
