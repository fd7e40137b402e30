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
    let lang = portal.lang;
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
            <h1>{i18n::t(lang, "staff-inventory-heading")}</h1>
            <Flash/>
            <Form method="GET" action=action>
                <div class="filters">
                    <label class="grow">
                        <span>{i18n::t(lang, "staff-inventory-search")}</span>
                        <input type="search" name="q" value=q.q.clone().unwrap_or_default() placeholder=i18n::t(lang, "staff-inventory-search-example")/>
                    </label>
                    <label>
                        <span>{i18n::t(lang, "staff-inventory-location")}</span>
                        <select name="loc">
                            <option value="">{i18n::t(lang, "staff-inventory-all-locations")}</option>
                            {view.locations.iter().map(|l| {
                                let selected = q.loc.as_deref() == Some(l.value.as_str());
                                view! { <option value=l.value.clone() selected=selected>{l.label.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{i18n::t(lang, "staff-inventory-class")}</span>
                        <select name="class">
                            <option value="">{i18n::t(lang, "staff-inventory-all-classes")}</option>
                            {view.classes.iter().map(|c| {
                                let selected = q.class.as_deref() == Some(c.as_str());
                                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="low" value="true" checked=q.low/>
                        <span>{i18n::t(lang, "staff-inventory-low-only")}</span>
                    </label>
                    <button type="submit" class="primary">{i18n::t(lang, "staff-inventory-apply")}</button>
                    <A href=clear attr:class="button">{i18n::t(lang, "staff-inventory-clear")}</A>
                </div>
            </Form>
            {if empty {
                view! {
                    <p class="empty" role="status">{i18n::t(lang, "staff-inventory-empty")}</p>
                }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="stock">
                            <thead>
                                <tr>
                                    <th>{i18n::t(lang, "staff-inventory-col-sku")}</th>
                                    <th>{i18n::t(lang, "staff-inventory-col-product")}</th>
                                    <th class="opt">{i18n::t(lang, "staff-inventory-class")}</th>
                                    <th>{i18n::t(lang, "staff-inventory-location")}</th>
                                    <th class="num">{i18n::t(lang, "staff-inventory-col-on-hand")}</th>
                                    <th class="num opt">{i18n::t(lang, "staff-inventory-col-in-transit")}</th>
                                    <th class="num opt">{i18n::t(lang, "staff-inventory-col-on-order")}</th>
                                    <th class="num" title=i18n::t(lang, "staff-inventory-col-waiting-title")>{i18n::t(lang, "staff-inventory-col-waiting")}</th>
                                    <th class="num">{i18n::t(lang, "staff-inventory-reorder-point")}</th>
                                    <th class="num opt">{i18n::t(lang, "staff-inventory-order-up-to")}</th>
                                    <th class="num" title=i18n::t(lang, "staff-inventory-col-forecast-title")>{i18n::t(lang, "staff-inventory-col-forecast")}</th>
                                    <th class="opt">{i18n::t(lang, "staff-inventory-col-levels-from")}</th>
                                    <th>{i18n::t(lang, "staff-inventory-col-status")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {view.rows.into_iter().map(|r| {
                                    let editor = can_edit.then(|| view! {
                                        <LevelsEditor action=levels_action.clone() back=back.clone() row=r.clone() lang=lang/>
                                    }.into_any());
                                    view! {
                                    <tr class:low=r.low>
                                        <td class="sku">{r.sku}</td>
                                        <td>{r.product_name}</td>
                                        <td class="opt">{r.class}</td>
                                        <td title=r.location_name>{r.location_code}</td>
                                        <td class="num">{grouped(lang, r.on_hand)}</td>
                                        <td class="num opt">{grouped(lang, r.in_transit)}</td>
                                        <td class="num opt">{grouped(lang, r.on_order)}</td>
                                        <td class="num">{(r.waiting > 0).then(|| grouped(lang, r.waiting))}</td>
                                        <td class="num">{grouped(lang, r.reorder_point)}</td>
                                        <td class="num opt">{grouped(lang, r.order_up_to)}</td>
                                        <td class="num">{match r.forecast.clone() {
                                            Some(f) => view! {
                                                <span title=i18n::t_args(lang, "staff-inventory-forecast-range", &[("range", f.range.clone().into())])>{grouped(lang, f.week)}</span>
                                                <small class="muted forecast" class:fallback=f.fallback>{f.detail}</small>
                                            }.into_any(),
                                            None => view! { <span class="muted">{i18n::t(lang, "staff-inventory-forecast-none")}</span> }.into_any(),
                                        }}</td>
                                        <td class="opt">{r.levels_source.clone()}{editor}</td>
                                        <td>{if r.low {
                                            view! { <span class="badge low">{i18n::t(lang, "staff-inventory-low")}</span> }.into_any()
                                        } else {
                                            view! { <span class="badge ok">{i18n::t(lang, "staff-inventory-ok")}</span> }.into_any()
                                        }}</td>
                                    </tr>
                                    }.into_any()
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label=i18n::t(lang, "staff-inventory-pages")>
                {prev.map(|h| view! { <A href=h attr:rel="prev">{i18n::t(lang, "staff-inventory-previous")}</A> })}
                <span class="muted">{i18n::t_args(lang, "staff-inventory-page", &[("page", i64::from(view.page + 1).into())])}</span>
                {next.map(|h| view! { <A href=h attr:rel="next">{i18n::t(lang, "staff-inventory-next")}</A> })}
            </nav>
        </section>
    }
}

/// A planner's form for one position's own levels, folded away in its row.
#[component]
fn LevelsEditor(
    action: String,
    back: String,
    row: crate::views::InventoryRow,
    lang: i18n::Lang,
) -> AnyView {
    let label = i18n::t_args(
        lang,
        "staff-inventory-set-levels-for",
        &[
            ("sku", row.sku.clone().into()),
            ("location", row.location_code.clone().into()),
        ],
    );
    view! {
        <details class="levels">
            <summary aria-label=label>{i18n::t(lang, "staff-inventory-set")}</summary>
            <form method="post" action=action.clone()>
                <input type="hidden" name="location_id" value=row.location_id.to_string()/>
                <input type="hidden" name="product_id" value=row.product_id.to_string()/>
                <input type="hidden" name="back" value=back.clone()/>
                <label>{i18n::t(lang, "staff-inventory-reorder-point")}
                    <input type="number" name="reorder_point" min="0" max="100000000" step="1" value=row.reorder_point.to_string() required/>
                </label>
                <label>{i18n::t(lang, "staff-inventory-order-up-to")}
                    <input type="number" name="order_up_to" min="0" max="100000000" step="1" value=row.order_up_to.to_string() required/>
                </label>
                <button type="submit" class="primary">{i18n::t(lang, "staff-inventory-save-levels")}</button>
            </form>
            {row.overridden.then(|| view! {
                <form method="post" action=action>
                    <input type="hidden" name="location_id" value=row.location_id.to_string()/>
                    <input type="hidden" name="product_id" value=row.product_id.to_string()/>
                    <input type="hidden" name="back" value=back/>
                    <input type="hidden" name="op" value="clear"/>
                    <button type="submit">{i18n::t(lang, "staff-inventory-use-policy")}</button>
                </form>
            }.into_any())}
        </details>
    }
    .into_any()
}
