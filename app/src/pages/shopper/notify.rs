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
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                match data.await {
                    Ok(v) => {
                        let action = p.href(&format!("/notify/{}", crate::path_segment(&v.sku)));
                        view! { <Notify view=v action=action/> }.into_any()
                    }
                    Err(e) => view! {
                        <section class="card narrow">
                            <h1>"This product cannot be found"</h1>
                            <p class="error" role="alert">{error_text(e)}</p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Notify(view: NotifyView, action: String) -> impl IntoView {
    let out: Vec<_> = view
        .channels
        .iter()
        .filter(|c| c.status == "out_of_stock")
        .cloned()
        .collect();
    let form = if out.is_empty() {
        view! { <p class="notice" role="status">"It is in stock everywhere listed: no alert needed."</p> }.into_any()
    } else {
        view! {
            <form method="post" action=action class="stack" aria-labelledby="notify-heading">
                <h2 id="notify-heading">"Tell me when it is back"</h2>
                <label for="store">"Store"</label>
                <select id="store" name="store" required>
                    {out.into_iter().map(|c| view! { <option value=c.code>{c.name}</option> }).collect_view()}
                </select>
                <label for="email">"Your e-mail address"</label>
                <input id="email" type="email" name="email" required maxlength="254" autocomplete="email" inputmode="email"/>
                <div class="sr-only" aria-hidden="true">
                    <label for="website">"Leave this empty"</label>
                    <input id="website" type="text" name="website" tabindex="-1" autocomplete="off"/>
                </div>
                <p class="muted">{view.consent.clone()}</p>
                <button type="submit" class="primary">"Notify me"</button>
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
