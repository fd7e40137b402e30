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
fn Waitlists(view: BackInStockView) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Waiting lists"</h2>
            {if view.waitlists.is_empty() {
                view! { <p class="empty" role="status">"No shopper has asked for an alert yet. Link the product pages of your shop to the widget (above) or to /notify/<SKU>."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                    <table>
                        <thead><tr><th scope="col">"Product"</th><th scope="col">"Store"</th><th scope="col">"On hand"</th><th scope="col">"Waiting"</th><th scope="col">"Unconfirmed"</th><th scope="col">"Notified"</th><th scope="col">"Bought"</th><th scope="col">"Conversion"</th></tr></thead>
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
    let action = portal.href("/settings/back-in-stock");
    let snippet = view.widget_snippet.clone();
    view! {
        <section class="card">
            <h1>"Back in stock"</h1>
            <Flash/>
            <p class="muted">"Shoppers ask to be e-mailed when an item is back at a store. When stock returns they hear in waves, oldest first: units on hand × the wave size, re-checked before each wave."</p>
            <form method="post" action=action class="stack">
                <label class="check"><input type="checkbox" name="enabled" checked=view.enabled/>" Offer back-in-stock alerts"</label>
                <label for="wave_percent">"Wave size, % of units on hand (100–10,000)"</label>
                <input id="wave_percent" type="number" name="wave_percent" min="100" max="10000" required value=view.wave_percent.to_string()/>
                <label for="wave_minutes">"Minutes between waves while stock lasts (1–10,080)"</label>
                <input id="wave_minutes" type="number" name="wave_minutes" min="1" max="10080" required value=view.wave_minutes.to_string()/>
                <label for="sends_per_minute">"Shopper e-mails per minute at most (1–10,000)"</label>
                <input id="sends_per_minute" type="number" name="sends_per_minute" min="1" max="10000" required value=view.sends_per_minute.to_string()/>
                <label for="substitute_hours">"Hours out of stock before the substitute is offered (1–2,160)"</label>
                <input id="substitute_hours" type="number" name="substitute_hours" min="1" max="2160" required value=view.substitute_hours.to_string()/>
                <label for="substitutes">"Substitutes, one per line: SKU = substitute SKU"</label>
                <textarea id="substitutes" name="substitutes" rows="3">{view.substitutes.clone()}</textarea>
                <label for="allowed_origins">"Shop origins allowed to embed the widget, one per line (https://shop.example)"</label>
                <textarea id="allowed_origins" name="allowed_origins" rows="3">{view.allowed_origins.clone()}</textarea>
                <label for="online_location">"Location code whose stock is the online shop's (optional)"</label>
                <input id="online_location" type="text" name="online_location" maxlength="64" value=view.online_location.clone()/>
                <label for="demand_weight_percent">"Each waiting shopper counts as this % of a unit of demand (0–100)"</label>
                <input id="demand_weight_percent" type="number" name="demand_weight_percent" min="0" max="100" required value=view.demand_weight_percent.to_string()/>
                <label for="shop_url">"Link in the e-mail to buy ({sku} and {ref} are filled in; optional)"</label>
                <input id="shop_url" type="url" name="shop_url" maxlength="500" value=view.shop_url.clone()/>
                <button type="submit" class="primary">"Save"</button>
            </form>
            <h2>"The widget"</h2>
            <p class="muted">"Paste this into a product page of an allowed shop origin:"</p>
            <pre><code>{snippet}</code></pre>
        </section>
        <Waitlists view=view/>
    }
}
