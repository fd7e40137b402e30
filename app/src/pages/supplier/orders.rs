//! The signed-in supplier user's orders: every purchase order the retailer sent to
//! their organisation, newest first, filtered by state, fifty to a page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::get_my_supplier_orders;
use crate::components::{Flash, SignedInPage};
use crate::views::{Portal, SupplierOrders};

#[component]
pub fn SupplierOrdersPage() -> impl IntoView {
    let query = use_query_map();
    let key = Memo::new(move |_| {
        let q = query.read();
        (
            q.get("state").unwrap_or_default(),
            q.get("before").and_then(|b| b.parse::<i64>().ok()),
        )
    });
    let orders = Resource::new(
        move || key.get(),
        |(state, before)| get_my_supplier_orders(state, before),
    );
    view! {
        <SignedInPage data=orders render=move |p: Portal, o: SupplierOrders| view! { <Orders portal=p orders=o/> }.into_any()/>
    }
}

#[component]
fn Orders(portal: Portal, orders: SupplierOrders) -> impl IntoView {
    let lang = portal.lang;
    let list = portal.href("/supplier/orders");
    let heading = if orders.supplier.is_empty() {
        i18n::t(lang, "people-orders-yours")
    } else {
        i18n::t_args(
            lang,
            "people-orders-for",
            &[("supplier", orders.supplier.clone().into())],
        )
    };
    let state = orders.state.clone();
    let empty = if state.is_empty() {
        i18n::t(lang, "people-orders-empty")
    } else {
        i18n::t(lang, "people-orders-empty-state")
    };
    view! {
        <section class="card">
            <p class="muted">{i18n::t_args(lang, "people-from", &[("retailer", orders.retailer.clone().into())])}</p>
            <h1>{heading}</h1>
            <Flash/>
            {orders.problem.clone().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <form method="get" action=list.clone() class="inline-form no-print">
                <label>{i18n::t(lang, "people-orders-show")} " "
                    <select name="state">
                        <option value="" selected=state.is_empty()>{i18n::t(lang, "people-orders-all")}</option>
                        {orders.states.clone().into_iter().map(|c| {
                            let selected = c.value == state;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit">{i18n::t(lang, "people-orders-filter")}</button>
            </form>
            {if orders.rows.is_empty() && orders.problem.is_none() {
                view! { <p class="empty" role="status">{empty}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <caption class="sr-only">{i18n::t(lang, "people-orders-caption")}</caption>
                            <thead><tr>
                                <th>{i18n::t(lang, "people-orders-order")}</th>
                                <th>{i18n::t(lang, "people-orders-state")}</th>
                                <th class="opt">{i18n::t(lang, "people-orders-deliver-to")}</th>
                                <th>{i18n::t(lang, "people-orders-delivery")}</th>
                                <th class="num opt">{i18n::t(lang, "people-orders-lines")}</th>
                                <th class="num">{i18n::t(lang, "people-orders-value")}</th>
                            </tr></thead>
                            <tbody>
                                {orders.rows.clone().into_iter().map(|r| view! {
                                    <tr>
                                        <td><A href=portal.href(&format!("/supplier/orders/{}", r.id))>{r.title}</A>
                                            <span class="muted block">{i18n::t_args(lang, "people-orders-ordered", &[("day", r.ordered_on.into())])}</span></td>
                                        <td><span class=format!("badge state-{}", r.state)>{r.state_label}</span></td>
                                        <td class="opt">{r.ship_to}</td>
                                        <td>{r.delivery}</td>
                                        <td class="num opt">{r.lines}</td>
                                        <td class="num">{r.value}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {orders.older.clone().map(|q| view! {
                <p><A href=format!("{list}{q}")>{i18n::t(lang, "people-orders-older")}</A></p>
            })}
        </section>
    }
}
