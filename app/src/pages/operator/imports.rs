//! CSV imports and exports (tenant admin): upload a file, see exactly what it would
//! change and every problem by row and column while it is checked in the background
//! (the page looks again by itself), then apply it, all rows or none, after a
//! confirmation. Exports download the same shapes.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{get_import, get_imports};
use crate::components::{Flash, SignedInPage};
use crate::views::{ImportRow, ImportView, ImportsView, Portal, ReportView};

#[component]
pub fn ImportsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_imports());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: ImportsView| view! { <Imports portal=p view=v/> }.into_any()/>
    }
}

#[component]
fn ImportLine(row: ImportRow, portal: Portal) -> impl IntoView {
    let href = portal.href(&format!("/settings/integrations/imports/{}", row.id));
    view! {
        <tr>
            // A whole page load: a busy import's page updates itself with a script that
            // runs only when the page is loaded (`auto_refresh_html`).
            <td><a href=href rel="external">{row.file_name}</a></td>
            <td>{row.kind}</td>
            <td>{row.status}</td>
            <td>{row.created}</td>
        </tr>
    }
}

#[component]
fn Imports(portal: Portal, view: ImportsView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let upload = portal.href("/settings/integrations/imports");
    let rows = view.imports.clone();
    let list = if rows.is_empty() {
        view! { <p class="empty" role="status">{tr("admin-imports-empty")}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">{tr("admin-imports-col-file")}</th><th scope="col">{tr("admin-imports-col-holds")}</th><th scope="col">{tr("admin-status")}</th><th scope="col">{tr("admin-imports-col-uploaded")}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! { <ImportLine row=r portal=portal.clone()/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let exports = view
        .exports
        .into_iter()
        .map(|c| {
            let href = portal.href(&format!("/settings/integrations/exports/{}", c.value));
            view! { <li><a href=href download>{c.label}</a></li> }
        })
        .collect_view();
    view! {
        <section class="card">
            <h1>{tr("admin-imports-heading")}</h1>
            <Flash/>
            <form method="post" action=upload enctype="multipart/form-data" class="stack">
                <h2>{tr("admin-imports-import-heading")}</h2>
                <label for="import-kind">{tr("admin-imports-kind")}</label>
                <select id="import-kind" name="kind" required>
                    {view.kinds.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                </select>
                <label for="import-file">{tr("admin-imports-file")}</label>
                <input id="import-file" type="file" name="file" accept=".csv,text/csv" required/>
                <button type="submit" class="primary">{tr("admin-imports-check")}</button>
                <p class="muted">{tr("admin-imports-check-note")}</p>
            </form>
        </section>
        <section class="card">
            <h2>{tr("admin-imports-recent")}</h2>
            {list}
        </section>
        <section class="card">
            <h2>{tr("admin-imports-export-heading")}</h2>
            <p class="muted">{tr("admin-imports-export-intro")}</p>
            <ul>{exports}</ul>
        </section>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let data = Resource::new(move || id.get(), get_import);
    view! {
        <SignedInPage data=data render=move |p: Portal, v: ImportView| view! { <ImportDetail portal=p view=v/> }.into_any()/>
    }
}

#[component]
fn Report(report: ReportView, lang: i18n::Lang) -> impl IntoView {
    let tr = move |id: &str| i18n::t(lang, id);
    // A report stored before failures were recorded in every language has only English.
    let failure = report.failure.clone().map(|f| {
        if report.failure_english {
            view! { <p class="error" role="alert" lang="en">{f}</p> }.into_any()
        } else {
            view! { <p class="error" role="alert">{f}</p> }.into_any()
        }
    });
    let errors = if report.errors.is_empty() {
        ().into_any()
    } else {
        let more = (report.more_errors > 0).then(|| {
            view! { <p class="muted">{i18n::t_args(lang, "admin-imports-more-problems", &[("n", (report.more_errors as i64).into())])}</p> }
        });
        view! {
            <h2>{tr("admin-imports-problems")}</h2>
            <p>{tr("admin-imports-problems-note")}</p>
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">{tr("admin-imports-col-row")}</th><th scope="col">{tr("admin-imports-col-column")}</th><th scope="col">{tr("admin-imports-col-problem")}</th></tr></thead>
                    <tbody>
                        {report.errors.into_iter().map(|e| {
                            // A report stored before problems were recorded in every
                            // language has only their English.
                            let message = if e.english {
                                view! { <td lang="en">{e.message}</td> }.into_any()
                            } else {
                                view! { <td>{e.message}</td> }.into_any()
                            };
                            view! { <tr><td>{e.row}</td><td translate="no">{e.column}</td>{message}</tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {more}
        }
        .into_any()
    };
    let rows = i18n::t_args(
        lang,
        "admin-imports-rows",
        &[("n", (report.total as i64).into())],
    );
    let summary = i18n::t_args(
        lang,
        "admin-imports-summary",
        &[
            ("rows", rows.into()),
            ("new", (report.new as i64).into()),
            ("changed", (report.changed as i64).into()),
            ("unchanged", (report.unchanged as i64).into()),
        ],
    );
    let changes = if report.changes.is_empty() {
        view! { <p class="empty">{tr("admin-imports-no-change")}</p> }.into_any()
    } else {
        let more = (report.more_changes > 0).then(|| {
            view! { <p class="muted">{i18n::t_args(lang, "admin-imports-more-rows", &[("n", (report.more_changes as i64).into())])}</p> }
        });
        view! {
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">{tr("admin-imports-col-row")}</th><th scope="col">{tr("admin-imports-col-what")}</th><th scope="col">""</th><th scope="col">{tr("admin-imports-col-fields")}</th></tr></thead>
                    <tbody>
                        {report.changes.into_iter().map(|c| view! { <tr><td>{c.row}</td><td>{c.key}</td><td>{c.action}</td><td>{c.fields}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
            {more}
        }
        .into_any()
    };
    view! {
        {failure}
        <p>{summary}</p>
        {errors}
        <h2>{tr("admin-imports-what-would-change")}</h2>
        {changes}
    }
}

#[component]
fn ImportDetail(portal: Portal, view: ImportView) -> impl IntoView {
    let lang = portal.lang;
    let imp = view.import;
    let back = portal.href("/settings/integrations/imports");
    let apply = portal.href(&format!("/settings/integrations/imports/{}/apply", imp.id));
    let refresh = view
        .busy
        .then(|| view! { <div inner_html=crate::auto_refresh_html(lang, 2)></div> });
    let progress = (imp.state == "checking" && imp.rows_total > 0).then(|| {
        view! { <progress max=imp.rows_total value=imp.rows_done aria-label={i18n::t(lang, "admin-imports-rows-checked")}></progress> }
    });
    let report = view
        .report
        .map(|r| view! { <Report report=r lang=lang/> }.into_any());
    let apply_form = view.can_apply.then(|| {
        view! {
            <form method="post" action=apply class="stack">
                <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {i18n::t(lang, "admin-imports-apply-confirm")}</label>
                <button type="submit" class="primary">{i18n::t(lang, "admin-imports-apply")}</button>
            </form>
        }
    });
    view! {
        <section class="card">
            <p><a href=back>{i18n::t(lang, "admin-imports-back")}</a></p>
            <h1>{format!("{}: {}", imp.kind, imp.file_name)}</h1>
            {refresh}
            <Flash/>
            <p role="status">{imp.status}</p>
            {progress}
            {report}
            {apply_form}
        </section>
    }
}
