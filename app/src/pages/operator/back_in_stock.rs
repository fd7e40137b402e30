//! The tenant admin's back-in-stock page: the settings (waves, send rate, substitutes,
//! the widget's allowed shop origins, demand weight) and every waiting list with what
//! came of it (notified, bought, conversion).

use leptos::prelude::*;

use crate::api::get_back_in_stock;
use crate::components::{Flash, SignedInPage};
use crate::views::{BackInStockView, Portal};

#[component]
pub fn BackInStockPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_back_in_stock());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: BackInStockView| view! { <BackInStock portal=p view=v/> }.into_any()/>
    }
}

#[component]
fn Waitlists(view: BackInStockView, lang: i18n::Lang) -> impl IntoView {
    let tr = move |id: &str| i18n::t(lang, id);
    view! {
        <section class="card">
            <h2>{tr("admin-bis-waitlists")}</h2>
            {if view.waitlists.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-bis-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                    <table>
                        <thead><tr><th scope="col">{tr("admin-bis-col-product")}</th><th scope="col">{tr("admin-bis-col-store")}</th><th scope="col">{tr("admin-bis-col-on-hand")}</th><th scope="col">{tr("admin-bis-col-waiting")}</th><th scope="col">{tr("admin-bis-col-unconfirmed")}</th><th scope="col">{tr("admin-bis-col-notified")}</th><th scope="col">{tr("admin-bis-col-bought")}</th><th scope="col">{tr("admin-bis-col-conversion")}</th></tr></thead>
                        <tbody>
                            {view.waitlists.into_iter().map(|w| view! {
                                <tr><td>{format!("{} {}", w.sku, w.product)}</td><td>{w.place}</td><td>{w.on_hand}</td><td>{w.waiting}</td><td>{w.pending}</td><td>{w.notified}</td><td>{w.purchased}</td><td>{w.conversion}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn BackInStock(portal: Portal, view: BackInStockView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let action = portal.href("/settings/back-in-stock");
    let snippet = view.widget_snippet.clone();
    view! {
        <section class="card">
            <h1>{tr("admin-bis-heading")}</h1>
            <Flash/>
            <p class="muted">{tr("admin-bis-intro")}</p>
            <form method="post" action=action class="stack">
                <label class="check"><input type="checkbox" name="enabled" checked=view.enabled/>" " {tr("admin-bis-enabled")}</label>
                <label for="wave_percent">{tr("admin-bis-wave-percent")}</label>
                <input id="wave_percent" type="number" name="wave_percent" min="100" max="10000" required value=view.wave_percent.to_string()/>
                <label for="wave_minutes">{tr("admin-bis-wave-minutes")}</label>
                <input id="wave_minutes" type="number" name="wave_minutes" min="1" max="10080" required value=view.wave_minutes.to_string()/>
                <label for="sends_per_minute">{tr("admin-bis-sends")}</label>
                <input id="sends_per_minute" type="number" name="sends_per_minute" min="1" max="10000" required value=view.sends_per_minute.to_string()/>
                <label for="substitute_hours">{tr("admin-bis-substitute-hours")}</label>
                <input id="substitute_hours" type="number" name="substitute_hours" min="1" max="2160" required value=view.substitute_hours.to_string()/>
                <label for="substitutes">{tr("admin-bis-substitutes")}</label>
                <textarea id="substitutes" name="substitutes" rows="3">{view.substitutes.clone()}</textarea>
                <label for="allowed_origins">{tr("admin-bis-origins")}</label>
                <textarea id="allowed_origins" name="allowed_origins" rows="3">{view.allowed_origins.clone()}</textarea>
                <label for="online_location">{tr("admin-bis-online-location")}</label>
                <input id="online_location" type="text" name="online_location" maxlength="64" value=view.online_location.clone()/>
                <label for="demand_weight_percent">{tr("admin-bis-demand-weight")}</label>
                <input id="demand_weight_percent" type="number" name="demand_weight_percent" min="0" max="100" required value=view.demand_weight_percent.to_string()/>
                <label for="shop_url">{i18n::t_args(lang, "admin-bis-shop-url", &[("sku", "{sku}".into()), ("ref", "{ref}".into())])}</label>
                <input id="shop_url" type="url" name="shop_url" maxlength="500" value=view.shop_url.clone()/>
                <button type="submit" class="primary">{tr("admin-save")}</button>
            </form>
            <h2>{tr("admin-bis-widget")}</h2>
            <p class="muted">{tr("admin-bis-widget-intro")}</p>
            <pre><code>{snippet}</code></pre>
        </section>
        <Waitlists view=view lang=lang/>
    }
}
