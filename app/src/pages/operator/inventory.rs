//! Stock by location: search, filters and paging kept in the URL, low stock marked.
//! The filter form is a router `<Form>`: after hydration it updates the table without a
//! page load; without JavaScript it is an ordinary GET.

use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::api::get_inventory;
use crate::components::grouped;
use crate::components::{Flash, SignedInPage};
use crate::views::{InventoryQuery, InventoryView, Portal};

fn query_from(map: &ParamsMap) -> InventoryQuery {
    InventoryQuery {
        q: map.get("q"),
        loc: map.get("loc"),
        class: map.get("class"),
        low: map.get("low").is_some_and(|v| v == "true" || v == "on"),
        page: map.get("page").and_then(|p| p.parse().ok()).unwrap_or(0),
    }
}

/// The URL of another page of the same filtered list.
fn page_href(p: &Portal, q: &InventoryQuery, page: u32) -> String {
    let mut parts = Vec::new();
    let enc = |s: &str| urlencoding::encode(s).into_owned();
    if let Some(v) = q.q.as_deref().filter(|v| !v.is_empty()) {
        parts.push(format!("q={}", enc(v)));
    }
    if let Some(v) = q.loc.as_deref().filter(|v| !v.is_empty()) {
        parts.push(format!("loc={}", enc(v)));
    }
    if let Some(v) = q.class.as_deref().filter(|v| !v.is_empty()) {
        parts.push(format!("class={}", enc(v)));
    }
    if q.low {
        parts.push("low=true".into());
    }
    if page > 0 {
        parts.push(format!("page={page}"));
    }
    let base = p.href("/inventory");
    if parts.is_empty() {
        base
    } else {
        format!("{base}?{}", parts.join("&"))
    }
}

#[component]
pub fn InventoryPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| query_from(&params.read()));
    let data = Resource::new(move || query.get(), get_inventory);
    view! {
        <SignedInPage data=data render=move |p: Portal, view: InventoryView| {
            let q = query.get_untracked();
            view! { <Inventory portal=p query=q view=view/> }.into_any()
        }/>
    }
}

#[component]
fn Inventory(portal: Portal, query: InventoryQuery, view: InventoryView) -> impl IntoView {
    let action = portal.href("/inventory");
    let prev = (view.page > 0).then(|| page_href(&portal, &query, view.page - 1));
    let next = view
        .has_next
        .then(|| page_href(&portal, &query, view.page + 1));
    let clear = portal.href("/inventory");
    let empty = view.rows.is_empty();
    let can_edit = view.can_edit_levels;
    let levels_action = portal.href("/inventory/levels");
    // Where a levels form returns to: this page with its filters (no flash message).
    let back = page_href(
        &Portal {
            base: String::new(),
            ..portal.clone()
        },
        &query,
        view.page,
    );
    let q = query.clone();
    view! {
        <section class="card">
            <h1>"Inventory"</h1>
            <Flash/>
            <Form method="GET" action=action>
                <div class="filters">
                    <label class="grow">
                        <span>"Search SKU or name"</span>
                        <input type="search" name="q" value=q.q.clone().unwrap_or_default() placeholder="e.g. oat or GRO-0042"/>
                    </label>
                    <label>
                        <span>"Location"</span>
                        <select name="loc">
                            <option value="">"All locations"</option>
                            {view.locations.iter().map(|l| {
                                let selected = q.loc.as_deref() == Some(l.value.as_str());
                                view! { <option value=l.value.clone() selected=selected>{l.label.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>"Class"</span>
                        <select name="class">
                            <option value="">"All classes"</option>
                            {view.classes.iter().map(|c| {
                                let selected = q.class.as_deref() == Some(c.as_str());
                                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="low" value="true" checked=q.low/>
                        <span>"Low stock only"</span>
                    </label>
                    <button type="submit" class="primary">"Apply"</button>
                    <A href=clear attr:class="button">"Clear"</A>
                </div>
            </Form>
            {if empty {
                view! {
                    <p class="empty" role="status">"No stock positions match these filters."</p>
                }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="stock">
                            <thead>
                                <tr>
                                    <th>"SKU"</th>
                                    <th>"Product"</th>
                                    <th class="opt">"Class"</th>
                                    <th>"Location"</th>
                                    <th class="num">"On hand"</th>
                                    <th class="num opt">"In transit"</th>
                                    <th class="num opt">"On order"</th>
                                    <th class="num" title="Shoppers waiting for a back-in-stock e-mail">"Waiting"</th>
                                    <th class="num">"Reorder point"</th>
                                    <th class="num opt">"Order-up-to"</th>
                                    <th class="num" title="Units expected over the next 7 days, the method that forecasts them and its error">"Forecast, 7 days"</th>
                                    <th class="opt">"Levels from"</th>
                                    <th>"Status"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {view.rows.into_iter().map(|r| {
                                    let editor = can_edit.then(|| view! {
                                        <LevelsEditor action=levels_action.clone() back=back.clone() row=r.clone()/>
                                    }.into_any());
                                    view! {
                                    <tr class:low=r.low>
                                        <td class="sku">{r.sku}</td>
                                        <td>{r.product_name}</td>
                                        <td class="opt">{r.class}</td>
                                        <td title=r.location_name>{r.location_code}</td>
                                        <td class="num">{grouped(r.on_hand)}</td>
                                        <td class="num opt">{grouped(r.in_transit)}</td>
                                        <td class="num opt">{grouped(r.on_order)}</td>
                                        <td class="num">{(r.waiting > 0).then(|| grouped(r.waiting))}</td>
                                        <td class="num">{grouped(r.reorder_point)}</td>
                                        <td class="num opt">{grouped(r.order_up_to)}</td>
                                        <td class="num">{match r.forecast.clone() {
                                            Some(f) => view! {
                                                <span title=format!("80 % range {} units", f.range)>{grouped(f.week)}</span>
                                                <small class="muted forecast" class:fallback=f.fallback>{f.detail}</small>
                                            }.into_any(),
                                            None => view! { <span class="muted">"not yet"</span> }.into_any(),
                                        }}</td>
                                        <td class="opt">{r.levels_source.clone()}{editor}</td>
                                        <td>{if r.low {
                                            view! { <span class="badge low">"Low"</span> }.into_any()
                                        } else {
                                            view! { <span class="badge ok">"OK"</span> }.into_any()
                                        }}</td>
                                    </tr>
                                    }.into_any()
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label="Pages">
                {prev.map(|h| view! { <A href=h attr:rel="prev">"← Previous"</A> })}
                <span class="muted">"Page " {view.page + 1}</span>
                {next.map(|h| view! { <A href=h attr:rel="next">"Next →"</A> })}
            </nav>
        </section>
    }
}

/// A planner's form for one position's own levels, folded away in its row.
#[component]
fn LevelsEditor(action: String, back: String, row: crate::views::InventoryRow) -> AnyView {
    let label = format!("Set levels for {} at {}", row.sku, row.location_code);
    view! {
        <details class="levels">
            <summary aria-label=label>"Set…"</summary>
            <form method="post" action=action.clone()>
                <input type="hidden" name="location_id" value=row.location_id.to_string()/>
                <input type="hidden" name="product_id" value=row.product_id.to_string()/>
                <input type="hidden" name="back" value=back.clone()/>
                <label>"Reorder point"
                    <input type="number" name="reorder_point" min="0" max="100000000" step="1" value=row.reorder_point.to_string() required/>
                </label>
                <label>"Order-up-to"
                    <input type="number" name="order_up_to" min="0" max="100000000" step="1" value=row.order_up_to.to_string() required/>
                </label>
                <button type="submit" class="primary">"Save for this position"</button>
            </form>
            {row.overridden.then(|| view! {
                <form method="post" action=action>
                    <input type="hidden" name="location_id" value=row.location_id.to_string()/>
                    <input type="hidden" name="product_id" value=row.product_id.to_string()/>
                    <input type="hidden" name="back" value=back/>
                    <input type="hidden" name="op" value="clear"/>
                    <button type="submit">"Use the policy's levels"</button>
                </form>
            }.into_any())}
        </details>
    }
    .into_any()
}
