//! A product's hosted "notify me" page: availability by store, and a form to be told
//! when it is back at one of them.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::get_notify;
use crate::components::{error_text, Flash};
use crate::views::NotifyView;
use crate::PortalResource;

#[component]
pub fn NotifyPage() -> impl IntoView {
    let params = use_params_map();
    let sku = Memo::new(move |_| params.read().get("sku").unwrap_or_default());
    let data = Resource::new(move || sku.get(), get_notify);
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                match data.await {
                    Ok(v) => {
                        let action = p.href(&format!("/notify/{}", crate::path_segment(&v.sku)));
                        view! { <Notify view=v action=action lang=lang/> }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>{i18n::t(lang, "people-product-not-found")}</h1>
                            <p class="error" role="alert">{error_text(lang, e)}</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Notify(view: NotifyView, action: String, lang: i18n::Lang) -> impl IntoView {
    let out: Vec<_> = view
        .channels
        .iter()
        .filter(|c| c.status == "out_of_stock")
        .cloned()
        .collect();
    let form = if out.is_empty() {
        view! { <p class="notice" role="status">{i18n::t(lang, "people-notify-in-stock-everywhere")}</p> }.into_any()
    } else {
        view! {
            <form method="post" action=action class="stack" aria-labelledby="notify-heading">
                <h2 id="notify-heading">{i18n::t(lang, "people-notify-heading")}</h2>
                <label for="store">{i18n::t(lang, "people-notify-store")}</label>
                <select id="store" name="store" required>
                    {out.into_iter().map(|c| view! { <option value=c.code>{c.name}</option> }).collect_view()}
                </select>
                <label for="email">{i18n::t(lang, "people-notify-email")}</label>
                <input id="email" type="email" name="email" required maxlength="254" autocomplete="email" inputmode="email"/>
                <div class="sr-only" aria-hidden="true">
                    <label for="website">{i18n::t(lang, "people-notify-leave-empty")}</label>
                    <input id="website" type="text" name="website" tabindex="-1" autocomplete="off"/>
                </div>
                <p class="muted">{view.consent.clone()}</p>
                <button type="submit" class="primary">{i18n::t(lang, "people-notify-submit")}</button>
            </form>
        }.into_any()
    };
    view! {
        <section class="card narrow">
            <h1>{view.name.clone()}</h1>
            <Flash/>
            <ul class="availability">
                {view.channels.into_iter().map(|c| view! {
                    <li data-status=c.status.clone()><span>{c.name}</span>" " <strong>{c.label}</strong></li>
                }).collect_view()}
            </ul>
            {form}
        </section>
    }
}
