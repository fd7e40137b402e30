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
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match data.await {
                    Ok(v) => {
                        let action = p.href(&format!("/alerts/confirm/{}", token.get_untracked()));
                        let manage = p.href(&format!("/alerts/{}", v.manage));
                        view! { <Confirm view=v action=action manage=manage lang=lang/> }.into_any()
                    }
                    Err(e) => view! { <LinkFailed error=e lang=lang/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LinkFailed(error: ServerFnError, lang: i18n::Lang) -> impl IntoView {
    view! {
        <section class="card narrow">
            <h1>{i18n::t(lang, "people-link-unusable")}</h1>
            <Flash/>
            <p class="error" role="alert">{error_text(lang, error)}</p>
        </section>
    }
}

#[component]
fn Confirm(view: ConfirmView, action: String, manage: String, lang: i18n::Lang) -> impl IntoView {
    let what = |id: &str| {
        i18n::t_args(
            lang,
            id,
            &[
                ("product", view.product.clone().into()),
                ("place", view.place.clone().into()),
            ],
        )
    };
    let body = match view.state.as_str() {
        "pending" => view! {
            <p>{what("people-alert-confirm-ask")}</p>
            <form method="post" action=action>
                <button type="submit" class="primary">{i18n::t(lang, "people-alert-confirm")}</button>
            </form>
        }.into_any(),
        "expired" => view! {
            <p class="error" role="alert">{i18n::t(lang, "people-alert-expired")}</p>
        }.into_any(),
        "confirmed" => view! {
            <p class="notice" role="status">{what("people-alert-on")}</p>
        }.into_any(),
        _ => view! { <p>{i18n::t(lang, "people-alert-ended")}</p> }.into_any(),
    };
    view! {
        <section class="card narrow">
            <h1>{i18n::t(lang, "people-alert-heading")}</h1>
            <Flash/>
            {body}
            <p class="muted"><a href=manage>{i18n::t(lang, "people-alert-manage")}</a></p>
        </section>
    }
}

#[component]
pub fn AlertsPage() -> impl IntoView {
    let token = token();
    let data = Resource::new(move || token.get(), get_alerts);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                let base = p.href(&format!("/alerts/{}", token.get_untracked()));
                match data.await {
                    Ok(v) => view! { <Alerts view=v base=base lang=lang/> }.into_any(),
                    Err(e) => view! { <LinkFailed error=e lang=lang/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Alerts(view: AlertsView, base: String, lang: i18n::Lang) -> impl IntoView {
    let unsubscribe = format!("{base}/unsubscribe");
    let erase = format!("{base}/erase");
    let any_open = view.alerts.iter().any(|a| a.open);
    view! {
        <section class="card narrow">
            <h1>{i18n::t(lang, "people-alerts-heading")}</h1>
            <Flash/>
            <p class="muted">{i18n::t_args(lang, "people-alerts-for", &[("address", view.address.clone().into())])}</p>
            {if view.alerts.is_empty() {
                view! { <p class="empty">{i18n::t(lang, "people-alerts-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="alerts">
                        {view.alerts.into_iter().map(|a| view! {
                            <li><strong>{a.product}</strong>" · " {a.place}<br/><span class="muted">{i18n::t_args(lang, "people-alerts-row", &[("state", a.state.into()), ("day", a.asked_on.into())])}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {any_open.then(|| view! {
                <form method="post" action=unsubscribe.clone() class="inline-form">
                    <input type="hidden" name="scope" value="this"/>
                    <button type="submit">{i18n::t(lang, "people-alerts-stop-this")}</button>
                </form>
                <form method="post" action=unsubscribe.clone() class="inline-form">
                    <input type="hidden" name="scope" value="all"/>
                    <button type="submit">{i18n::t(lang, "people-alerts-stop-all")}</button>
                </form>
            })}
        </section>
        <section class="card narrow">
            <h2>{i18n::t(lang, "people-erase-heading")}</h2>
            <p>{i18n::t(lang, "people-erase-intro")}</p>
            <form method="post" action=erase class="stack">
                <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {i18n::t(lang, "people-erase-confirm")}</label>
                <button type="submit" class="danger">{i18n::t(lang, "people-erase-heading")}</button>
            </form>
        </section>
    }
}
