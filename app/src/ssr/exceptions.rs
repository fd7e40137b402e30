//! The exception queue, ranked by expected lost sales (or by severity and age).

use engine::model::{Permission, Role};
use leptos::prelude::*;

use super::context::require_inventory_reader;
use super::error::internal;
use super::format::*;
use crate::views::*;

pub async fn exceptions(
    resolved: bool,
    by_severity: bool,
) -> Result<ExceptionsView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let lang = tc.lang;
    let store = &ctx.store;
    let ranking = if by_severity {
        engine::store::Ranking::Severity
    } else {
        engine::store::Ranking::LostSales
    };
    let list = store
        .exceptions_ranked(
            tenant,
            if resolved { "resolved" } else { "open" },
            None,
            ranking,
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
                    format!("{}, {}", c.user_name, ago(lang, c.created_at)),
                    c.body,
                )
            })
            .collect();
        let href = e.subject.split_once(':').and_then(|(kind, id)| match kind {
            "transfer" | "purchase_order" => Some(format!("{}/documents/{kind}/{id}", tc.base)),
            "job" => Some(format!("{}/jobs", tc.base)),
            _ => None,
        });
        // What the engine recorded, in the reader's language; a row from before, its
        // English (marked as English).
        let (title, title_english) =
            engine::recorded::shown(&e.title, e.title_words.as_deref(), lang);
        let (detail, detail_english) =
            engine::recorded::shown(&e.detail, e.detail_words.as_deref(), lang);
        let (risk_basis, risk_basis_english) = match &e.risk_basis {
            Some(basis) => {
                let (text, english) =
                    engine::recorded::shown(basis, e.risk_basis_words.as_deref(), lang);
                (Some(text), english)
            }
            None => (None, false),
        };
        // How the engine resolved it, in the reader's language; a resolution a person
        // typed (or one from before) is shown as it was written.
        let resolution = e
            .resolution
            .as_ref()
            .map(|text| engine::recorded::shown(text, e.resolution_words.as_deref(), lang).0);
        rows.push(ExceptionRow {
            id: e.id,
            kind: kind_label(lang, &e.kind),
            anomaly: e.kind == "anomaly",
            at_risk: e
                .lost_sales_minor
                .map(|m| money(lang, m, &tc.tenant.currency)),
            risk_basis,
            risk_basis_english,
            severity: e.severity,
            title,
            title_english,
            detail,
            detail_english,
            owner: e.owner_name,
            age: since(lang, e.created_at),
            escalated: e.escalated_at.is_some(),
            href,
            comments,
            resolution,
        });
    }
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
        by_severity,
        can_act: member.can(Permission::WorkExceptions),
    })
}

/// An exception's kind in the reader's language ("no cover").
fn kind_label(lang: i18n::Lang, kind: &str) -> String {
    let id = match kind {
        "stockout" => "staff-exception-kind-stockout",
        "no_cover" => "staff-exception-kind-no-cover",
        "stale_approval" => "staff-exception-kind-stale-approval",
        "supplier_late" => "staff-exception-kind-supplier-late",
        "receipt_mismatch" => "staff-exception-kind-receipt-mismatch",
        "anomaly" => "staff-exception-kind-anomaly",
        "dead_job" => "staff-exception-kind-dead-job",
        other => return other.replace('_', " "),
    };
    i18n::t(lang, id)
}
