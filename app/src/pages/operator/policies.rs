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
    let can_edit = v.can_edit;
    let empty = v.rows.is_empty();
    view! {
        <section class="card">
            <h1>"Replenishment policies"</h1>
            <Flash/>
            <p class="muted">
                "A position uses the most specific policy: its class at its location, then its class, then every class at its location, then every class. A policy may carry its class's levels (reorder point and order-up-to); positions take them unless a planner set a position's own on the inventory page."
            </p>
            {if empty {
                view! { <p class="empty" role="status">"No policies yet: every position uses the defaults (reorder point, no safety stock, case pack 1)."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="stock policies">
                            <thead><tr><th scope="col">"Class"</th><th scope="col">"Location"</th><th scope="col">"Settings"</th><th scope="col">"Changed"</th>{can_edit.then(|| view! { <th scope="col"><span class="sr-only">"Actions"</span></th> })}</tr></thead>
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
                                                    <A href=edit>"Edit"</A>
                                                    <details>
                                                        <summary>"Delete…"</summary>
                                                        <form method="post" action=delete>
                                                            <p>"The next broader policy will apply."</p>
                                                            <button type="submit" class="danger">"Delete this policy"</button>
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
    let action = portal.href("/settings/policies");
    let editing = !v.class.is_empty();
    let min_max = v.method == "min_max";
    let forecast = v.method == "forecast";
    view! {
        <section class="card">
            <h2>{if editing { "Change a policy" } else { "Add or replace a policy" }}</h2>
            <p class="muted">"Saving a class and location that already have a policy replaces it. Every position it covers is checked again at once."</p>
            <form method="post" action=action class="form-grid">
                <label>"Product class"
                    <select name="class" required>
                        {classes.into_iter().map(|c| {
                            let selected = c.value == v.class;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"Location"
                    <select name="location_id">
                        {locations.into_iter().map(|c| {
                            let selected = c.value == v.location_id;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"Method"
                    <select name="method">
                        <option value="reorder_point" selected=!min_max && !forecast>"Reorder point: order when at or below it"</option>
                        <option value="min_max" selected=min_max>"Min/max: order when below min"</option>
                        <option value="forecast" selected=forecast>"Forecast: levels from each position's demand forecast"</option>
                    </select>
                </label>
                <label>"Service level (%, blank: from z below)"
                    <input type="number" name="service_level" min="50" max="99.9" step="0.1" value=v.service_level/>
                </label>
                <label>"Cover days (forecast: demand the order-up-to adds)"
                    <input type="number" name="cover_days" min="1" max="90" step="1" value=v.cover_days/>
                </label>
                // (Type-erased: the form's view type is otherwise deeper than the compiler's
                // query limit.)
                {view! {
                    <label class="check">
                        <input type="checkbox" name="spread_service" value="yes" checked=v.spread_service/>
                        " Forecast: spread the service level by value (cheap, slow sellers get more, costly fast ones less; the class keeps its level on average)"
                    </label>
                    <label class="check">
                        <input type="checkbox" name="compute_reorder_point" value="yes" checked=v.compute_reorder_point/>
                        " Compute the reorder point from lead-time demand and safety stock (with 14+ days of sales)"
                    </label>
                }.into_any()}
                <label>"Safety stock (units, used without enough history)"
                    <input type="number" name="safety_stock" min="0" step="1" value=v.safety_stock required/>
                </label>
                <label>"Service level z (e.g. 1.65 for 95 %)"
                    <input type="number" name="service_z" min="0" max="5" step="0.01" value=v.service_z required/>
                </label>
                <label>"Lead time (days; blank: the supplier's)"
                    <input type="number" name="lead_time_days" min="0" max="365" step="1" value=v.lead_time_days/>
                </label>
                <label>"Class reorder point (blank: positions keep their own)"
                    <input type="number" name="reorder_point" min="0" max="100000000" step="1" value=v.reorder_point/>
                </label>
                <label>"Class order-up-to level"
                    <input type="number" name="order_up_to" min="0" max="100000000" step="1" value=v.order_up_to/>
                </label>
                <label>"At distribution centres, levels times"
                    <input type="number" name="dc_multiplier" min="1" max="1000" step="1" value=v.dc_multiplier required/>
                </label>
                <label>"Case pack (units per case)"
                    <input type="number" name="case_pack" min="1" step="1" value=v.case_pack required/>
                </label>
                <label>"Minimum order quantity"
                    <input type="number" name="moq" min="0" step="1" value=v.moq required/>
                </label>
                <label class="wide">"Promotions: one per line, first day, last day and demand factor (e.g. "
                    <code>"2026-12-01 2026-12-24 1.5"</code> " for +50 %)"
                    <textarea name="uplifts" rows="3" spellcheck="false">{v.uplifts}</textarea>
                </label>
                <div class="actions wide">
                    <button type="submit" class="primary">"Save policy"</button>
                    {editing.then(|| view! { <A href=portal.href("/settings/policies")>"Add a new one instead"</A> })}
                </div>
            </form>
        </section>
    }
}

/// When the nightly check of every position runs (the safety net for missed events).
#[component]
fn SweepHour(portal: Portal, hour: i64, can_edit: bool) -> impl IntoView {
    let action = portal.href("/settings/policies/sweep-hour");
    view! {
        <section class="card">
            <h2>"Nightly check"</h2>
            <p class="muted">
                "Every position is checked against its policy once a night, besides after each stock event, so a missed event never leaves a low position unnoticed. Only positions that need it open anything."
            </p>
            {if can_edit {
                view! {
                    <form method="post" action=action class="inline">
                        <label>"Hour (UTC)"
                            <input type="number" name="hour" min="0" max="23" step="1" value=hour.to_string() required/>
                        </label>
                        <button type="submit" class="primary">"Save"</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{format!("Runs at {hour:02}:00 UTC.")}</p> }.into_any()
            }}
        </section>
    }
}

/// The checks that hold a position's cover when an incoming event looks wrong.
#[component]
fn AnomalyChecks(portal: Portal, a: AnomalyForm, can_edit: bool) -> impl IntoView {
    let action = portal.href("/settings/policies/anomalies");
    view! {
        <section class="card">
            <h2 id="anomalies">"Anomaly checks"</h2>
            <p class="muted">
                "An incoming sale far above its series' usual selling day (median plus a multiple of the median absolute deviation), a count far from the books, or a sale where the item never sells is recorded and applied to stock, but the position's transfers and orders wait until a planner confirms it in the exception queue."
            </p>
            <form method="post" action=action>
                <fieldset class="form-grid plain" disabled=!can_edit>
                    <legend class="sr-only">"Anomaly thresholds"</legend>
                    <label class="check"><input type="checkbox" name="enabled" checked=a.enabled/> " Check incoming events"</label>
                    <label>"MAD multiplier (2–100)"
                        <input type="number" name="mad_k" min="2" max="100" step="0.5" value=a.mad_k required/>
                    </label>
                    <label>"Smallest anomalous sale (units)"
                        <input type="number" name="min_units" min="1" max="1000000" step="1" value=a.min_units.to_string() required/>
                    </label>
                    <label>"Count jump (% of the books)"
                        <input type="number" name="count_jump_pct" min="1" max="1000" step="1" value=a.count_jump_pct.to_string() required/>
                    </label>
                    <label>"Smallest count jump (units)"
                        <input type="number" name="count_min_units" min="1" max="1000000" step="1" value=a.count_min_units.to_string() required/>
                    </label>
                    <label class="check"><input type="checkbox" name="new_location" checked=a.new_location/> " Flag a sale where the item has not sold in 16 weeks"</label>
                    {can_edit.then(|| view! { <div><button type="submit" class="primary">"Save the checks"</button></div> })}
                </fieldset>
            </form>
        </section>
    }
}
