//! Replenishment policies: the settings per product class (or every class), optionally
//! for one location, that each position is checked with. Everyone who sees inventory
//! can read them; planners and admins add, change (`?edit=<id>`) and delete them. A
//! saved change re-checks every position it covers.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::get_policies;
use crate::components::{Flash, SignedInPage};
use crate::views::{AnomalyForm, PoliciesView, Portal};

#[component]
pub fn PoliciesPage() -> impl IntoView {
    let q = use_query_map();
    let edit = Memo::new(move |_| q.read().get("edit").and_then(|e| e.parse::<i64>().ok()));
    let data = Resource::new(move || edit.get(), get_policies);
    view! {
        <SignedInPage data=data render=move |p: Portal, v: PoliciesView| view! { <Policies portal=p v=v/> }.into_any()/>
    }
}

#[component]
fn Policies(portal: Portal, v: PoliciesView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let can_edit = v.can_edit;
    let empty = v.rows.is_empty();
    view! {
        <section class="card">
            <h1>{tr("admin-policies-heading")}</h1>
            <Flash/>
            <p class="muted">{tr("admin-policies-intro")}</p>
            {if empty {
                view! { <p class="empty" role="status">{tr("admin-policies-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="stock policies">
                            <thead><tr><th scope="col">{tr("admin-policies-col-class")}</th><th scope="col">{tr("admin-location")}</th><th scope="col">{tr("admin-policies-col-settings")}</th><th scope="col">{tr("admin-policies-col-changed")}</th>{can_edit.then(|| view! { <th scope="col"><span class="sr-only">{tr("admin-actions")}</span></th> })}</tr></thead>
                            <tbody>
                                {v.rows.into_iter().map(|r| {
                                    let edit = portal.href(&format!("/settings/policies?edit={}", r.id));
                                    let delete = portal.href(&format!("/settings/policies/{}/delete", r.id));
                                    view! {
                                        <tr>
                                            <td>{r.class}</td>
                                            <td>{r.location}</td>
                                            <td>{r.summary}</td>
                                            <td>{r.updated}</td>
                                            {can_edit.then(|| view! {
                                                <td class="row-actions">
                                                    <A href=edit>{tr("admin-edit")}</A>
                                                    <details>
                                                        <summary>{tr("admin-delete-ellipsis")}</summary>
                                                        <form method="post" action=delete>
                                                            <p>{tr("admin-policies-delete-note")}</p>
                                                            <button type="submit" class="danger">{tr("admin-policies-delete")}</button>
                                                        </form>
                                                    </details>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        {can_edit.then(|| view! { <PolicyEditor portal=portal.clone() v=v.form classes=v.classes locations=v.locations/> })}
        <SweepHour portal=portal.clone() hour=v.sweep_hour can_edit=can_edit/>
        <AnomalyChecks portal=portal.clone() a=v.anomalies can_edit=can_edit/>
    }
}

#[component]
fn PolicyEditor(
    portal: Portal,
    v: crate::views::PolicyForm,
    classes: Vec<crate::views::Choice>,
    locations: Vec<crate::views::Choice>,
) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let action = portal.href("/settings/policies");
    let editing = !v.class.is_empty();
    let min_max = v.method == "min_max";
    let forecast = v.method == "forecast";
    view! {
        <section class="card">
            <h2>{tr(if editing { "admin-policies-change" } else { "admin-policies-add" })}</h2>
            <p class="muted">{tr("admin-policies-form-intro")}</p>
            <form method="post" action=action class="form-grid">
                <label>{tr("admin-product-class")}
                    <select name="class" required>
                        {classes.into_iter().map(|c| {
                            let selected = c.value == v.class;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr("admin-location")}
                    <select name="location_id">
                        {locations.into_iter().map(|c| {
                            let selected = c.value == v.location_id;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr("admin-policies-method")}
                    <select name="method">
                        <option value="reorder_point" selected=!min_max && !forecast>{tr("admin-policies-method-reorder-point")}</option>
                        <option value="min_max" selected=min_max>{tr("admin-policies-method-min-max")}</option>
                        <option value="forecast" selected=forecast>{tr("admin-policies-method-forecast")}</option>
                    </select>
                </label>
                <label>{tr("admin-policies-service-level")}
                    <input type="number" name="service_level" min="50" max="99.9" step="0.1" value=v.service_level/>
                </label>
                <label>{tr("admin-policies-cover-days")}
                    <input type="number" name="cover_days" min="1" max="90" step="1" value=v.cover_days/>
                </label>
                // (Type-erased: the form's view type is otherwise deeper than the compiler's
                // query limit.)
                {view! {
                    <label class="check">
                        <input type="checkbox" name="spread_service" value="yes" checked=v.spread_service/>
                        " " {tr("admin-policies-spread-service")}
                    </label>
                    <label class="check">
                        <input type="checkbox" name="order_cycle" value="yes" checked=v.order_cycle/>
                        " " {tr("admin-policies-order-cycle")}
                    </label>
                    <label class="check">
                        <input type="checkbox" name="compute_reorder_point" value="yes" checked=v.compute_reorder_point/>
                        " " {tr("admin-policies-compute-rop")}
                    </label>
                }.into_any()}
                <label>{tr("admin-policies-safety-stock")}
                    <input type="number" name="safety_stock" min="0" step="1" value=v.safety_stock required/>
                </label>
                <label>{tr("admin-policies-service-z")}
                    <input type="number" name="service_z" min="0" max="5" step="0.01" value=v.service_z required/>
                </label>
                <label>{tr("admin-policies-lead-time")}
                    <input type="number" name="lead_time_days" min="0" max="365" step="1" value=v.lead_time_days/>
                </label>
                <label>{tr("admin-policies-class-rop")}
                    <input type="number" name="reorder_point" min="0" max="100000000" step="1" value=v.reorder_point/>
                </label>
                <label>{tr("admin-policies-class-out")}
                    <input type="number" name="order_up_to" min="0" max="100000000" step="1" value=v.order_up_to/>
                </label>
                <label>{tr("admin-policies-dc-multiplier")}
                    <input type="number" name="dc_multiplier" min="1" max="1000" step="1" value=v.dc_multiplier required/>
                </label>
                <label>{tr("admin-policies-case-pack")}
                    <input type="number" name="case_pack" min="1" step="1" value=v.case_pack required/>
                </label>
                <label>{tr("admin-policies-moq")}
                    <input type="number" name="moq" min="0" step="1" value=v.moq required/>
                </label>
                <label class="wide">{super::settings::rich(lang, "admin-policies-promotions", vec![("example", view! { <code>"2026-12-01 2026-12-24 1.5"</code> }.into_any())])}
                    <textarea name="uplifts" rows="3" spellcheck="false">{v.uplifts}</textarea>
                </label>
                <div class="actions wide">
                    <button type="submit" class="primary">{tr("admin-policies-save")}</button>
                    {editing.then(|| view! { <A href=portal.href("/settings/policies")>{tr("admin-policies-add-new")}</A> })}
                </div>
            </form>
        </section>
    }
}

/// When the nightly check of every position runs (the safety net for missed events).
#[component]
fn SweepHour(portal: Portal, hour: i64, can_edit: bool) -> impl IntoView {
    let lang = portal.lang;
    let action = portal.href("/settings/policies/sweep-hour");
    view! {
        <section class="card">
            <h2>{i18n::t(lang, "admin-policies-nightly-heading")}</h2>
            <p class="muted">{i18n::t(lang, "admin-policies-nightly-intro")}</p>
            {if can_edit {
                view! {
                    <form method="post" action=action class="inline">
                        <label>{i18n::t(lang, "admin-policies-hour")}
                            <input type="number" name="hour" min="0" max="23" step="1" value=hour.to_string() required/>
                        </label>
                        <button type="submit" class="primary">{i18n::t(lang, "admin-save")}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{i18n::t_args(lang, "admin-policies-runs-at", &[("time", format!("{hour:02}:00").into())])}</p> }.into_any()
            }}
        </section>
    }
}

/// The checks that hold a position's cover when an incoming event looks wrong.
#[component]
fn AnomalyChecks(portal: Portal, a: AnomalyForm, can_edit: bool) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let action = portal.href("/settings/policies/anomalies");
    view! {
        <section class="card">
            <h2 id="anomalies">{tr("admin-policies-anomalies-heading")}</h2>
            <p class="muted">{tr("admin-policies-anomalies-intro")}</p>
            <form method="post" action=action>
                <fieldset class="form-grid plain" disabled=!can_edit>
                    <legend class="sr-only">{tr("admin-policies-anomalies-legend")}</legend>
                    <label class="check"><input type="checkbox" name="enabled" checked=a.enabled/> " " {tr("admin-policies-anomalies-enabled")}</label>
                    <label>{tr("admin-policies-mad-k")}
                        <input type="number" name="mad_k" min="2" max="100" step="0.5" value=a.mad_k required/>
                    </label>
                    <label>{tr("admin-policies-min-units")}
                        <input type="number" name="min_units" min="1" max="1000000" step="1" value=a.min_units.to_string() required/>
                    </label>
                    <label>{tr("admin-policies-count-jump")}
                        <input type="number" name="count_jump_pct" min="1" max="1000" step="1" value=a.count_jump_pct.to_string() required/>
                    </label>
                    <label>{tr("admin-policies-count-min-units")}
                        <input type="number" name="count_min_units" min="1" max="1000000" step="1" value=a.count_min_units.to_string() required/>
                    </label>
                    <label class="check"><input type="checkbox" name="new_location" checked=a.new_location/> " " {tr("admin-policies-new-location")}</label>
                    {can_edit.then(|| view! { <div><button type="submit" class="primary">{tr("admin-policies-save-checks")}</button></div> })}
                </fieldset>
            </form>
        </section>
    }
}
