//! Webhooks on the integrations page: outbound endpoints (added with a secret shown
//! once, rotated, enabled or disabled, deleted after a confirmation) with their delivery
//! log, and the sources that post signed webhooks here.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::get_webhook_deliveries;
use crate::components::{Flash, SignedInPage};
use crate::views::{DeliveriesView, DeliveryRow, EndpointRow, Portal, SourceRow, WebhooksView};

#[component]
fn EndpointItem(ep: EndpointRow, portal: Portal) -> impl IntoView {
    let id = ep.id;
    let at = |op: &str| portal.href(&format!("/settings/integrations/endpoints/{id}/{op}"));
    let (rotate, toggle, delete) = (
        at("rotate"),
        at(if ep.enabled { "disable" } else { "enable" }),
        at("delete"),
    );
    let log = portal.href(&format!("/settings/integrations/endpoints/{id}"));
    view! {
        <li class="card">
            <h3><code>{ep.url.clone()}</code></h3>
            {(!ep.description.is_empty()).then(|| view! { <p>{ep.description.clone()}</p> })}
            <p><strong>"Status: "</strong>{ep.status.clone()}</p>
            <p><strong>"Events: "</strong>{ep.events.join("; ")}</p>
            {ep.old_secret_until.clone().map(|t| view! { <p class="muted">"The previous secret also signs until " {t} "."</p> })}
            <p><a href=log>"Delivery log"</a></p>
            <div class="actions">
                <form method="post" action=rotate class="inline-form">
                    <label for=format!("ep-overlap-{id}")>"Old secret signs too for (hours)"</label>
                    <input id=format!("ep-overlap-{id}") type="number" name="overlap_hours" min="0" max="168" value="24" required/>
                    <button type="submit">"Rotate secret"</button>
                </form>
                <form method="post" action=toggle class="inline-form">
                    <button type="submit">{if ep.enabled { "Disable" } else { "Enable" }}</button>
                </form>
                <form method="post" action=delete class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" Delete it and its log"</label>
                    <button type="submit" class="danger">"Delete"</button>
                </form>
            </div>
        </li>
    }
}

#[component]
fn SourceItem(src: SourceRow, portal: Portal) -> impl IntoView {
    let id = src.id;
    let at = |op: &str| portal.href(&format!("/settings/integrations/sources/{id}/{op}"));
    let (rotate, mapping, delete) = (at("rotate"), at("mapping"), at("delete"));
    let pasted = src.pasted_secret;
    view! {
        <li class="card">
            <h3>{src.name.clone()}</h3>
            <p>{src.kind_label.clone()}</p>
            <p><strong>"Posts to: "</strong><code>{src.address.clone()}</code>" (on this portal's address)"</p>
            <p><strong>"Received: "</strong>{src.received}" (last " {src.last_received.clone()} ")"</p>
            {src.last_error.clone().map(|e| view! { <p class="error" role="status">"Last problem: " {e}</p> })}
            {src.old_secret_until.clone().map(|t| view! { <p class="muted">"The previous secret also verifies until " {t} "."</p> })}
            <div class="actions">
                <form method="post" action=rotate class="inline-form">
                    <label for=format!("src-overlap-{id}")>"Old secret verifies too for (hours)"</label>
                    <input id=format!("src-overlap-{id}") type="number" name="overlap_hours" min="0" max="168" value="24" required/>
                    {pasted.then(|| view! {
                        <label for=format!("src-secret-{id}")>"The platform's new secret"</label>
                        <input id=format!("src-secret-{id}") type="password" name="secret" required autocomplete="off"/>
                    })}
                    <button type="submit">"Rotate secret"</button>
                </form>
                <form method="post" action=delete class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" Its address stops working"</label>
                    <button type="submit" class="danger">"Delete"</button>
                </form>
            </div>
            {pasted.then(|| view! {
                <form method="post" action=mapping class="stack">
                    <label for=format!("src-mapping-{id}")>"Mapping (one per line: location <their id> = <location code>, item <their id> = <SKU>)"</label>
                    <textarea id=format!("src-mapping-{id}") name="mapping" rows="5">{src.mapping.clone()}</textarea>
                    <button type="submit">"Save mapping"</button>
                </form>
            })}
        </li>
    }
}

/// The webhooks sections of the integrations page.
#[component]
pub fn Webhooks(portal: Portal, view: WebhooksView) -> impl IntoView {
    let add_endpoint = portal.href("/settings/integrations/endpoints");
    let add_source = portal.href("/settings/integrations/sources");
    let (endpoints, sources) = (view.endpoints.clone(), view.sources.clone());
    view! {
        {view.new_secret.clone().map(|k| view! {
            <div class="notice" role="status">
                <p><strong>"The signing secret (shown only now):"</strong></p>
                <p><code class="secret">{k}</code></p>
            </div>
        })}
        <section class="card">
            <h2>"Webhook endpoints"</h2>
            <p class="muted">"Events go to each endpoint signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). A failed delivery is retried for about three days, then shown in the exception queue and kept in the delivery log, from where it can be sent again."</p>
            <form method="post" action=add_endpoint class="stack">
                <label for="ep-url">"Address (https://…)"</label>
                <input id="ep-url" type="url" name="url" required maxlength="500" placeholder="https://erp.example.com/hooks/stock"/>
                <label for="ep-description">"Description (optional)"</label>
                <input id="ep-description" type="text" name="description" maxlength="200"/>
                <fieldset>
                    <legend>"Events"</legend>
                    {view.event_types.into_iter().map(|c| view! {
                        <label class="check"><input type="checkbox" name="event" value=c.value/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">"Add the endpoint"</button>
            </form>
            {if endpoints.is_empty() {
                view! { <p class="empty" role="status">"No endpoints yet: nothing is sent until you add one."</p> }.into_any()
            } else {
                view! { <ul class="plain">{endpoints.into_iter().map(|e| view! { <EndpointItem ep=e portal=portal.clone()/> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <section class="card">
            <h2>"Webhook sources"</h2>
            <p class="muted">"Systems that post signed webhooks here. Standard Webhooks sources send stock levels as {\"levels\": [{\"location\", \"sku\", \"on_hand\", \"observed_at\"}]}; Shopify sources send inventory_levels/update, mapped to your locations and SKUs. A request whose signature does not verify is refused and nothing is stored."</p>
            <form method="post" action=add_source class="stack">
                <label for="src-name">"Name (letters, digits, hyphens: part of its address)"</label>
                <input id="src-name" type="text" name="name" required maxlength="40" pattern="[a-z0-9-]+"/>
                <fieldset>
                    <legend>"Kind"</legend>
                    {view.source_kinds.into_iter().enumerate().map(|(i, c)| view! {
                        <label class="check"><input type="radio" name="kind" value=c.value checked={i == 0}/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <label for="src-secret">"Shopify only: the app's secret (a Standard Webhooks source gets a secret made for it)"</label>
                <input id="src-secret" type="password" name="secret" autocomplete="off"/>
                <label for="src-mapping">"Shopify only: mapping (location <id> = <code>, item <id> = <SKU>, one per line)"</label>
                <textarea id="src-mapping" name="mapping" rows="3"></textarea>
                <button type="submit" class="primary">"Add the source"</button>
            </form>
            {if sources.is_empty() {
                view! { <p class="empty" role="status">"No sources yet."</p> }.into_any()
            } else {
                view! { <ul class="plain">{sources.into_iter().map(|s| view! { <SourceItem src=s portal=portal.clone()/> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

/// `/settings/integrations/endpoints/{id}`: an endpoint's delivery log, newest first.
#[component]
pub fn WebhookDeliveriesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = Memo::new(move |_| {
        let id = params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0);
        let before = query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok());
        (id, before)
    });
    let data = Resource::new(
        move || key.get(),
        |(id, before)| get_webhook_deliveries(id, before),
    );
    view! {
        <SignedInPage data=data render=move |p: Portal, v: DeliveriesView| view! { <Deliveries portal=p view=v/> }.into_any()/>
    }
}

/// A delivery's request and attempts, folded.
#[component]
fn DeliveryDetails(d: DeliveryRow) -> impl IntoView {
    let tries = d
        .tries
        .into_iter()
        .map(|a| {
            let response = (!a.response.is_empty())
                .then(|| view! { <pre class="payload">{a.response}</pre> }.into_any());
            view! { <li>{a.at} ": " {a.outcome} " in " {a.latency_ms} " ms" {response}</li> }
                .into_any()
        })
        .collect_view();
    view! {
        <details>
            <summary>"Request and attempts"</summary>
            <p><strong>"webhook-id: "</strong><code>{d.message_id}</code></p>
            <pre class="payload">{d.body}</pre>
            <ol>{tries}</ol>
        </details>
    }
    .into_any()
}

#[component]
fn DeliveryItem(d: DeliveryRow, portal: Portal) -> impl IntoView {
    let replay = portal.href(&format!(
        "/settings/integrations/deliveries/{}/replay",
        d.id
    ));
    let resend = d.failed.then(|| {
        view! {
            <form method="post" action=replay class="inline-form">
                <button type="submit">"Send again"</button>
            </form>
        }
        .into_any()
    });
    let (created, kind, state, attempts) = (
        d.created.clone(),
        d.kind.clone(),
        d.state.clone(),
        d.attempts,
    );
    view! {
        <tr>
            <td>{created}</td>
            <td><code>{kind}</code></td>
            <td>{state}</td>
            <td>{attempts}</td>
            <td><DeliveryDetails d=d/>{resend}</td>
        </tr>
    }
    .into_any()
}

#[component]
fn Deliveries(portal: Portal, view: DeliveriesView) -> impl IntoView {
    let back = portal.href("/settings/integrations");
    let ep = view.endpoint.id;
    let older = view
        .older
        .map(|b| portal.href(&format!("/settings/integrations/endpoints/{ep}?before={b}")));
    let rows = view.deliveries.clone();
    view! {
        <section class="card">
            <p><a href=back>"← Integrations"</a></p>
            <h1>"Deliveries to " <code>{view.endpoint.url.clone()}</code></h1>
            <Flash/>
            <p><strong>"Status: "</strong>{view.endpoint.status.clone()}</p>
            {if rows.is_empty() {
                view! { <p class="empty" role="status">"Nothing was sent to this endpoint yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">"Made"</th><th scope="col">"Event"</th><th scope="col">"State"</th><th scope="col">"Attempts"</th><th scope="col">"Details"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|d| view! { <DeliveryItem d=d portal=portal.clone()/> }.into_any()).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {older.map(|href| view! { <p><a href=href>"Older deliveries →"</a></p> })}
        </section>
    }
}
