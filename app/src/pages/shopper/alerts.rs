//! The pages a shopper's links open: confirming a new alert (a button, so a mail
//! scanner opening the link confirms nothing), and managing or erasing their alerts.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{get_alert_confirmation, get_alerts};
use crate::components::{error_text, Flash};
use crate::views::{AlertsView, ConfirmView};
use crate::PortalResource;

fn token() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("token").unwrap_or_default())
}

#[component]
pub fn ConfirmAlertPage() -> impl IntoView {
    let token = token();
    let data = Resource::new(move || token.get(), get_alert_confirmation);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                match data.await {
                    Ok(v) => {
                        let action = p.href(&format!("/alerts/confirm/{}", token.get_untracked()));
                        let manage = p.href(&format!("/alerts/{}", v.manage));
                        view! { <Confirm view=v action=action manage=manage/> }.into_any()
                    }
                    Err(e) => view! { <LinkFailed error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LinkFailed(error: ServerFnError) -> impl IntoView {
    view! {
        <section class="card narrow">
            <h1>"This link cannot be used"</h1>
            <Flash/>
            <p class="error" role="alert">{error_text(error)}</p>
        </section>
    }
}

#[component]
fn Confirm(view: ConfirmView, action: String, manage: String) -> impl IntoView {
    let what = format!("{} at {}", view.product, view.place);
    let body = match view.state.as_str() {
        "pending" => view! {
            <p>{format!("Confirm that you want one e-mail when {what} is back in stock.")}</p>
            <form method="post" action=action>
                <button type="submit" class="primary">"Confirm my alert"</button>
            </form>
        }.into_any(),
        "expired" => view! {
            <p class="error" role="alert">"This confirmation link has expired. Ask for the alert again on the product's page."</p>
        }.into_any(),
        "confirmed" => view! {
            <p class="notice" role="status">{format!("Your alert is on: we will e-mail you once when {what} is back.")}</p>
        }.into_any(),
        _ => view! { <p>"This alert has ended."</p> }.into_any(),
    };
    view! {
        <section class="card narrow">
            <h1>"Back-in-stock alert"</h1>
            <Flash/>
            {body}
            <p class="muted"><a href=manage>"Manage your alerts or erase your data"</a></p>
        </section>
    }
}

#[component]
pub fn AlertsPage() -> impl IntoView {
    let token = token();
    let data = Resource::new(move || token.get(), get_alerts);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let base = p.href(&format!("/alerts/{}", token.get_untracked()));
                match data.await {
                    Ok(v) => view! { <Alerts view=v base=base/> }.into_any(),
                    Err(e) => view! { <LinkFailed error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Alerts(view: AlertsView, base: String) -> impl IntoView {
    let unsubscribe = format!("{base}/unsubscribe");
    let erase = format!("{base}/erase");
    let any_open = view.alerts.iter().any(|a| a.open);
    view! {
        <section class="card narrow">
            <h1>"Your alerts"</h1>
            <Flash/>
            <p class="muted">{format!("For {}.", view.address)}</p>
            {if view.alerts.is_empty() {
                view! { <p class="empty">"You have no alerts."</p> }.into_any()
            } else {
                view! {
                    <ul class="alerts">
                        {view.alerts.into_iter().map(|a| view! {
                            <li><strong>{a.product}</strong>" · " {a.place}<br/><span class="muted">{format!("{} (asked {})", a.state, a.asked_on)}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {any_open.then(|| view! {
                <form method="post" action=unsubscribe.clone() class="inline-form">
                    <input type="hidden" name="scope" value="this"/>
                    <button type="submit">"Stop the alert this e-mail was about"</button>
                </form>
                <form method="post" action=unsubscribe.clone() class="inline-form">
                    <input type="hidden" name="scope" value="all"/>
                    <button type="submit">"Stop all my alerts"</button>
                </form>
            })}
        </section>
        <section class="card narrow">
            <h2>"Erase my data"</h2>
            <p>"This deletes your e-mail address and every alert of yours here, at once. It cannot be undone."</p>
            <form method="post" action=erase class="stack">
                <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" Yes, erase my data"</label>
                <button type="submit" class="danger">"Erase my data"</button>
            </form>
        </section>
    }
}
