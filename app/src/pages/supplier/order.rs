//! One purchase order as its supplier sees it, opened from the link in the order's
//! e-mail or signed in from the order list: lines, ship-to and dates, the promised
//! dates so far, and the two answers (acknowledge with a delivery date, or decline with
//! a reason). Prints as the order.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{get_my_supplier_order, get_supplier_order};
use crate::components::{error_text, Flash, MessageThread, SignedInPage};
use crate::pages::OrderChangesCard;
use crate::views::{Portal, SupplierOrderView};
use crate::PortalResource;

#[component]
pub fn SupplierOrderPage() -> impl IntoView {
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let order = Resource::new(move || token.get(), get_supplier_order);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match order.await {
                    Ok(o) => {
                        let base = p.href(&format!("/po/{}", token.get_untracked()));
                        view! { <Order order=o base=base lang=lang/> }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>{i18n::t(lang, "people-order-unopenable")}</h1>
                            <p class="error" role="alert">{error_text(lang, e)}</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// An order of the signed-in supplier user's organisation (`/supplier/orders/{id}`).
#[component]
pub fn SupplierPortalOrderPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let order = Resource::new(move || id.get(), get_my_supplier_order);
    view! {
        <SignedInPage data=order render=move |p: Portal, o: SupplierOrderView| {
            let base = p.href(&format!("/supplier/orders/{}", o.id));
            view! {
                <p class="no-print"><A href=p.href("/supplier/orders")>{i18n::t(p.lang, "people-order-all")}</A></p>
                <Order order=o base=base lang=p.lang/>
            }.into_any()
        }/>
    }
}

/// The order; `base` is the address its answers and messages are posted under.
#[component]
fn Order(order: SupplierOrderView, base: String, lang: i18n::Lang) -> impl IntoView {
    let action = format!("{base}/answer");
    let messages = order.messages.clone();
    let acknowledged = order.state == "acknowledged";
    let changes = order.changes.clone();
    let backorder = order.can_backorder;
    view! {
        <section class="card supplier-order">
            <p class="muted">{i18n::t_args(lang, "people-from", &[("retailer", order.retailer.clone().into())])}</p>
            <h1>{order.title.clone()}</h1>
            <Flash/>
            <p><span class=format!("badge state-{}", order.state)>{order.state_label.clone()}</span></p>
            <dl class="facts">
                {order.facts.clone().into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            <div class="table-scroll">
                <table>
                    <caption class="sr-only">{i18n::t(lang, "people-order-lines-caption")}</caption>
                    <thead><tr>
                        <th>{i18n::t(lang, "people-order-article")}</th>
                        <th class="num">{i18n::t(lang, "people-order-quantity")}</th>
                        <th class="num">{i18n::t(lang, "people-order-unit-price")}</th>
                        <th class="num">{i18n::t(lang, "people-order-line-value")}</th>
                    </tr></thead>
                    <tbody>
                        {order.lines.clone().into_iter().map(|l| view! {
                            <tr><td>{l[0].clone()}</td><td class="num">{l[1].clone()}</td><td class="num">{l[2].clone()}</td><td class="num">{l[3].clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr><th colspan="3">{i18n::t(lang, "people-order-total")}</th><td class="num">{order.total.clone()}</td></tr></tfoot>
                </table>
            </div>
            {(!order.promises.is_empty()).then(|| view! {
                <h2>{i18n::t(lang, "people-order-promised-heading")}</h2>
                <ul class="promises">
                    {order.promises.clone().into_iter().map(|(day, given)| view! {
                        <li>{i18n::t_args(lang, "people-order-promise", &[("day", day.into()), ("given", given.into())])}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
        {order.can_answer.then(|| view! {
            <section class="card no-print">
                <h2>{if acknowledged {
                    i18n::t(lang, "people-order-change-date")
                } else {
                    i18n::t(lang, "people-order-acknowledge-heading")
                }}</h2>
                <form method="post" action=action.clone() class="inline-form">
                    <input type="hidden" name="answer" value="acknowledge"/>
                    <label>{i18n::t(lang, "people-order-delivery-date")} " "
                        <input type="date" name="promised_on" required
                            min=order.first_day.clone() max=order.last_day.clone() value=order.suggested_day.clone()/>
                    </label>
                    <button type="submit" class="primary">
                        {if acknowledged {
                            i18n::t(lang, "people-order-save-date")
                        } else {
                            i18n::t(lang, "people-order-acknowledge")
                        }}
                    </button>
                </form>
                {backorder.then(|| view! {
                    <h2>{i18n::t(lang, "people-order-backorder-heading")}</h2>
                    <form method="post" action=action.clone() class="inline-form">
                        <input type="hidden" name="answer" value="backorder"/>
                        <label>{i18n::t(lang, "people-order-not-before")} " "
                            <input type="date" name="promised_on" required
                                min=order.first_day.clone() max=order.last_day.clone() value=order.suggested_day.clone()/>
                        </label>
                        <button type="submit">{i18n::t(lang, "people-order-backorder")}</button>
                    </form>
                })}
                <h2>{i18n::t(lang, "people-order-decline")}</h2>
                <form method="post" action=action.clone()>
                    <input type="hidden" name="answer" value="decline"/>
                    <label for="decline-reason">{i18n::t(lang, "people-order-decline-reason")}</label>
                    <textarea id="decline-reason" name="reason" required maxlength="2000" rows="3"></textarea>
                    <button type="submit" class="danger">{i18n::t(lang, "people-order-decline")}</button>
                </form>
            </section>
        })}
        <OrderChangesCard changes=changes supplier_side=true/>
        <MessageThread messages=messages action=Some(format!("{base}/messages")) supplier_side=true lang=lang/>
    }
}
