//! The imports page and one import's report, from `engine::imports`.

use engine::imports::export::ExportKind;
use engine::imports::{self, ImportKind, Report};
use engine::model::Permission;
use engine::store::imports::ImportRecord;
use leptos::prelude::*;

use super::context::require;
use super::error::engine_failure;
use crate::views::*;

/// What an import holds, in `lang`.
fn import_kind_label(lang: i18n::Lang, kind: ImportKind) -> String {
    i18n::t(
        lang,
        match kind {
            ImportKind::Products => "admin-import-kind-products",
            ImportKind::Locations => "admin-import-kind-locations",
            ImportKind::Suppliers => "admin-import-kind-suppliers",
            ImportKind::StockCounts => "admin-import-kind-stock-counts",
            ImportKind::Policies => "admin-import-kind-policies",
        },
    )
}

/// What an export holds, in `lang`.
fn export_kind_label(lang: i18n::Lang, kind: ExportKind) -> String {
    i18n::t(
        lang,
        match kind {
            ExportKind::Products => "admin-export-products",
            ExportKind::Locations => "admin-export-locations",
            ExportKind::Suppliers => "admin-export-suppliers",
            ExportKind::StockCounts => "admin-export-stock-counts",
            ExportKind::Policies => "admin-export-policies",
            ExportKind::Positions => "admin-export-positions",
            ExportKind::Transfers => "admin-export-transfers",
            ExportKind::PurchaseOrders => "admin-export-purchase-orders",
        },
    )
}

fn kind_label(lang: i18n::Lang, kind: &str) -> String {
    ImportKind::parse(kind)
        .map(|k| import_kind_label(lang, k))
        .unwrap_or_else(|| kind.to_string())
}

fn row(lang: i18n::Lang, rec: &ImportRecord) -> ImportRow {
    let n = |v: i64| super::format::count(lang, v);
    let status = match rec.state.as_str() {
        "checking" if rec.rows_total > 0 => i18n::t_args(
            lang,
            "admin-import-checking-rows",
            &[
                ("done", n(rec.rows_done).into()),
                ("total", n(rec.rows_total).into()),
            ],
        ),
        "checking" => i18n::t(lang, "admin-import-checking"),
        "checked" => i18n::t(lang, "admin-import-checked"),
        "invalid" => i18n::t(lang, "admin-import-invalid"),
        "applying" => i18n::t_args(
            lang,
            "admin-import-applying",
            &[("total", n(rec.rows_total).into())],
        ),
        "applied" => i18n::t_args(
            lang,
            "admin-import-applied",
            &[(
                "when",
                rec.applied_at
                    .map(super::format::when)
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        _ => i18n::t(lang, "admin-import-failed"),
    };
    ImportRow {
        id: rec.id,
        kind: kind_label(lang, &rec.kind),
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
    let lang = tc.lang;
    let list = imports::imports(&ctx.store, tc.tenant.id, &member)
        .await
        .map_err(engine_failure)?;
    Ok(ImportsView {
        imports: list.iter().map(|r| row(lang, r)).collect(),
        kinds: ImportKind::ALL
            .into_iter()
            .filter(|k| *k != ImportKind::Policies || member.can(Permission::EditPolicies))
            .map(|k| {
                let (required, optional) = k.columns();
                let label = if optional.is_empty() {
                    i18n::t_args(
                        lang,
                        "admin-import-kind-columns",
                        &[
                            ("kind", import_kind_label(lang, k).into()),
                            ("required", required.join(", ").into()),
                        ],
                    )
                } else {
                    i18n::t_args(
                        lang,
                        "admin-import-kind-columns-optional",
                        &[
                            ("kind", import_kind_label(lang, k).into()),
                            ("required", required.join(", ").into()),
                            ("optional", optional.join(", ").into()),
                        ],
                    )
                };
                Choice {
                    value: k.as_str().into(),
                    label,
                }
            })
            .collect(),
        exports: ExportKind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: export_kind_label(lang, k),
            })
            .collect(),
    })
}

fn report_view(lang: i18n::Lang, r: Report) -> ReportView {
    let failure = r.failure_text(lang);
    ReportView {
        total: r.total,
        new: r.new,
        changed: r.changed,
        unchanged: r.unchanged,
        errors: r
            .errors
            .into_iter()
            .map(|e| {
                let (message, english) = e.text(lang);
                ProblemRow {
                    row: e.row,
                    column: e.column,
                    message,
                    english,
                }
            })
            .collect(),
        more_errors: r.more_errors,
        changes: r
            .changes
            .into_iter()
            .map(|c| ChangeRow {
                row: c.row,
                key: c.key,
                action: match c.action.as_str() {
                    "new" => i18n::t(lang, "admin-import-action-new"),
                    "change" => i18n::t(lang, "admin-import-action-change"),
                    other => other.to_string(),
                },
                fields: c.fields.join("; "),
            })
            .collect(),
        more_changes: r.more_changes,
        failure_english: failure.as_ref().is_some_and(|f| f.1),
        failure: failure.map(|f| f.0),
    }
}

pub async fn one(id: i64) -> Result<ImportView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ImportData).await?;
    let lang = tc.lang;
    let (rec, report) = imports::import(&ctx.store, tc.tenant.id, &member, id)
        .await
        .map_err(engine_failure)?;
    Ok(ImportView {
        busy: matches!(rec.state.as_str(), "checking" | "applying"),
        can_apply: rec.state == "checked",
        import: row(lang, &rec),
        report: report.map(|r| report_view(lang, r)),
    })
}
