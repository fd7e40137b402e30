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
    let upload = portal.href("/settings/integrations/imports");
    let rows = view.imports.clone();
    let list = if rows.is_empty() {
        view! { <p class="empty" role="status">"No imports yet. Upload a file above: it is checked first, and nothing changes until you apply it."</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Holds"</th><th scope="col">"Status"</th><th scope="col">"Uploaded"</th></tr></thead>
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
            <h1>"Imports and exports"</h1>
            <Flash/>
            <form method="post" action=upload enctype="multipart/form-data" class="stack">
                <h2>"Import a CSV file"</h2>
                <label for="import-kind">"What the file holds"</label>
                <select id="import-kind" name="kind" required>
                    {view.kinds.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                </select>
                <label for="import-file">"File (CSV, UTF-8, first line naming the columns; up to 100,000 rows)"</label>
                <input id="import-file" type="file" name="file" accept=".csv,text/csv" required/>
                <button type="submit" class="primary">"Check the file"</button>
                <p class="muted">"The file is checked first: you see every problem by row and column, and what would change, before anything does."</p>
            </form>
        </section>
        <section class="card">
            <h2>"Recent imports"</h2>
            {list}
        </section>
        <section class="card">
            <h2>"Export as CSV"</h2>
            <p class="muted">"Products, locations, suppliers, stock counts and policies come out in the shape their import takes: export, edit, import back."</p>
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
fn Report(report: ReportView) -> impl IntoView {
    let failure = report
        .failure
        .clone()
        .map(|f| view! { <p class="error" role="alert">{f}</p> });
    let errors = if report.errors.is_empty() {
        ().into_any()
    } else {
        let more = (report.more_errors > 0)
            .then(|| view! { <p class="muted">{format!("… and {} more problems.", report.more_errors)}</p> });
        view! {
            <h2>"Problems"</h2>
            <p>"Correct these in the file and upload it again; nothing of it can be applied until then."</p>
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">"Row"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
                    <tbody>
                        {report.errors.into_iter().map(|e| view! { <tr><td>{e.row}</td><td>{e.column}</td><td>{e.message}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
            {more}
        }
        .into_any()
    };
    let changes = if report.changes.is_empty() {
        view! { <p class="empty">"No row would change anything."</p> }.into_any()
    } else {
        let more = (report.more_changes > 0).then(
            || view! { <p class="muted">{format!("… and {} more rows.", report.more_changes)}</p> },
        );
        view! {
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">"Row"</th><th scope="col">"What"</th><th scope="col">""</th><th scope="col">"Fields"</th></tr></thead>
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
        <p>{format!("{} {}: {} new, {} changed, {} the same.", report.total, if report.total == 1 { "row" } else { "rows" }, report.new, report.changed, report.unchanged)}</p>
        {errors}
        <h2>"What would change"</h2>
        {changes}
    }
}

#[component]
fn ImportDetail(portal: Portal, view: ImportView) -> impl IntoView {
    let imp = view.import;
    let back = portal.href("/settings/integrations/imports");
    let apply = portal.href(&format!("/settings/integrations/imports/{}/apply", imp.id));
    let refresh = view
        .busy
        .then(|| view! { <div inner_html=crate::auto_refresh_html(2)></div> });
    let progress = (imp.state == "checking" && imp.rows_total > 0).then(|| {
        view! { <progress max=imp.rows_total value=imp.rows_done aria-label="Rows checked"></progress> }
    });
    let report = view.report.map(|r| view! { <Report report=r/> }.into_any());
    let apply_form = view.can_apply.then(|| {
        view! {
            <form method="post" action=apply class="stack">
                <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" Apply every row above (all or none)"</label>
                <button type="submit" class="primary">"Apply the file"</button>
            </form>
        }
    });
    view! {
        <section class="card">
            <p><a href=back>"← Imports and exports"</a></p>
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
