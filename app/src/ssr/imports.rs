//! The imports page and one import's report, from `engine::imports`.

use engine::imports::export::ExportKind;
use engine::imports::{self, ImportKind, Report};
use engine::model::Permission;
use engine::store::imports::ImportRecord;
use leptos::prelude::*;

use super::context::require;
use super::error::engine_failure;
use crate::views::*;

fn kind_label(kind: &str) -> String {
    ImportKind::parse(kind)
        .map(|k| k.label().to_string())
        .unwrap_or_else(|| kind.to_string())
}

fn row(rec: &ImportRecord) -> ImportRow {
    let n = super::format::count;
    let status = match rec.state.as_str() {
        "checking" if rec.rows_total > 0 => format!(
            "Checking: {} of {} rows",
            n(rec.rows_done),
            n(rec.rows_total)
        ),
        "checking" => "Checking".into(),
        "checked" => "Checked: ready to apply".into(),
        "invalid" => "Has problems: nothing can be applied".into(),
        "applying" => format!("Applying {} rows, all or none", n(rec.rows_total)),
        "applied" => format!(
            "Applied {}",
            rec.applied_at.map(super::format::when).unwrap_or_default()
        ),
        _ => "Failed: nothing was applied".into(),
    };
    ImportRow {
        id: rec.id,
        kind: kind_label(&rec.kind),
        file_name: rec.file_name.clone(),
        status,
        state: rec.state.clone(),
        rows_total: rec.rows_total,
        rows_done: rec.rows_done,
        created: super::format::when(rec.created_at),
    }
}

pub async fn page() -> Result<ImportsView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ImportData).await?;
    let list = imports::imports(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    Ok(ImportsView {
        imports: list.iter().map(row).collect(),
        kinds: ImportKind::ALL
            .into_iter()
            .filter(|k| *k != ImportKind::Policies || member.can(Permission::EditPolicies))
            .map(|k| {
                let (required, optional) = k.columns();
                let optional = if optional.is_empty() {
                    String::new()
                } else {
                    format!("; optional: {}", optional.join(", "))
                };
                Choice {
                    value: k.as_str().into(),
                    label: format!("{} (columns: {}{optional})", k.label(), required.join(", ")),
                }
            })
            .collect(),
        exports: ExportKind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: k.label().into(),
            })
            .collect(),
    })
}

fn report_view(r: Report) -> ReportView {
    ReportView {
        total: r.total,
        new: r.new,
        changed: r.changed,
        unchanged: r.unchanged,
        errors: r
            .errors
            .into_iter()
            .map(|e| ProblemRow {
                row: e.row,
                column: e.column,
                message: e.message,
            })
            .collect(),
        more_errors: r.more_errors,
        changes: r
            .changes
            .into_iter()
            .map(|c| ChangeRow {
                row: c.row,
                key: c.key,
                action: c.action,
                fields: c.fields.join("; "),
            })
            .collect(),
        more_changes: r.more_changes,
        failure: r.failure,
    }
}

pub async fn one(id: i64) -> Result<ImportView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ImportData).await?;
    let (rec, report) = imports::import(&ctx.store, tc.tenant.id, &member, id)
        .await
        .map_err(engine_failure)?;
    Ok(ImportView {
        busy: matches!(rec.state.as_str(), "checking" | "applying"),
        can_apply: rec.state == "checked",
        import: row(&rec),
        report: report.map(report_view),
    })
}
