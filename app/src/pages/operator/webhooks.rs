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
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
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
            <p><strong>{format!("{} ", tr("admin-status-label"))}</strong>{ep.status.clone()}</p>
            <p><strong>{format!("{} ", tr("admin-webhooks-events-label"))}</strong>{ep.events.join("; ")}</p>
            {ep.old_secret_until.clone().map(|t| view! { <p class="muted">{i18n::t_args(lang, "admin-webhooks-old-secret-signs", &[("when", t.into())])}</p> })}
            <p><a href=log>{tr("admin-webhooks-delivery-log")}</a></p>
            <div class="actions">
                <form method="post" action=rotate class="inline-form">
                    <label for=format!("ep-overlap-{id}")>{tr("admin-webhooks-old-secret-sign-hours")}</label>
                    <input id=format!("ep-overlap-{id}") type="number" name="overlap_hours" min="0" max="168" value="24" required/>
                    <button type="submit">{tr("admin-webhooks-rotate-secret")}</button>
                </form>
                <form method="post" action=toggle class="inline-form">
                    <button type="submit">{tr(if ep.enabled { "admin-webhooks-disable" } else { "admin-webhooks-enable" })}</button>
                </form>
                <form method="post" action=delete class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {tr("admin-webhooks-delete-confirm")}</label>
                    <button type="submit" class="danger">{tr("admin-delete")}</button>
                </form>
            </div>
        </li>
    }
}

#[component]
fn SourceItem(src: SourceRow, portal: Portal) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let id = src.id;
    let at = |op: &str| portal.href(&format!("/settings/integrations/sources/{id}/{op}"));
    let (rotate, mapping, delete) = (at("rotate"), at("mapping"), at("delete"));
    let pasted = src.pasted_secret;
    view! {
        <li class="card">
            <h3>{src.name.clone()}</h3>
            <p>{src.kind_label.clone()}</p>
            <p><strong>{format!("{} ", tr("admin-webhooks-posts-to"))}</strong>{super::settings::rich(lang, "admin-webhooks-on-this-portal", vec![("address", view! { <code>{src.address.clone()}</code> }.into_any())])}</p>
            <p><strong>{format!("{} ", tr("admin-webhooks-received"))}</strong>{i18n::t_args(lang, "admin-webhooks-received-count", &[("count", src.received.to_string().into()), ("when", src.last_received.clone().into())])}</p>
            {src.last_error.clone().map(|e| view! { <p class="error" role="status">{i18n::t_args(lang, "admin-webhooks-last-problem", &[("error", e.into())])}</p> })}
            {src.old_secret_until.clone().map(|t| view! { <p class="muted">{i18n::t_args(lang, "admin-webhooks-old-secret-verifies", &[("when", t.into())])}</p> })}
            <div class="actions">
                <form method="post" action=rotate class="inline-form">
                    <label for=format!("src-overlap-{id}")>{tr("admin-webhooks-old-secret-verify-hours")}</label>
                    <input id=format!("src-overlap-{id}") type="number" name="overlap_hours" min="0" max="168" value="24" required/>
                    {pasted.then(|| view! {
                        <label for=format!("src-secret-{id}")>{tr("admin-webhooks-new-platform-secret")}</label>
                        <input id=format!("src-secret-{id}") type="password" name="secret" required autocomplete="off"/>
                    })}
                    <button type="submit">{tr("admin-webhooks-rotate-secret")}</button>
                </form>
                <form method="post" action=delete class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {tr("admin-webhooks-source-delete-confirm")}</label>
                    <button type="submit" class="danger">{tr("admin-delete")}</button>
                </form>
            </div>
            {pasted.then(|| view! {
                <form method="post" action=mapping class="stack">
                    <label for=format!("src-mapping-{id}")>{tr("admin-webhooks-mapping")}</label>
                    <textarea id=format!("src-mapping-{id}") name="mapping" rows="5">{src.mapping.clone()}</textarea>
                    <button type="submit">{tr("admin-webhooks-save-mapping")}</button>
                </form>
            })}
        </li>
    }
}

/// The webhooks sections of the integrations page.
#[component]
pub fn Webhooks(portal: Portal, view: WebhooksView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let add_endpoint = portal.href("/settings/integrations/endpoints");
    let add_source = portal.href("/settings/integrations/sources");
    let (endpoints, sources) = (view.endpoints.clone(), view.sources.clone());
    view! {
        {view.new_secret.clone().map(|k| view! {
            <div class="notice" role="status">
                <p><strong>{tr("admin-webhooks-new-secret")}</strong></p>
                <p><code class="secret">{k}</code></p>
            </div>
        })}
        <section class="card">
            <h2>{tr("admin-webhooks-endpoints")}</h2>
            <p class="muted">{tr("admin-webhooks-endpoints-intro")}</p>
            <form method="post" action=add_endpoint class="stack">
                <label for="ep-url">{tr("admin-webhooks-address")}</label>
                <input id="ep-url" type="url" name="url" required maxlength="500" placeholder="https://erp.example.com/hooks/stock"/>
                <label for="ep-description">{tr("admin-webhooks-description")}</label>
                <input id="ep-description" type="text" name="description" maxlength="200"/>
                <fieldset>
                    <legend>{tr("admin-webhooks-events")}</legend>
                    {view.event_types.into_iter().map(|c| view! {
                        <label class="check"><input type="checkbox" name="event" value=c.value/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">{tr("admin-webhooks-add-endpoint")}</button>
            </form>
            {if endpoints.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-webhooks-no-endpoints")}</p> }.into_any()
            } else {
                view! { <ul class="plain">{endpoints.into_iter().map(|e| view! { <EndpointItem ep=e portal=portal.clone()/> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <section class="card">
            <h2>{tr("admin-webhooks-sources")}</h2>
            <p class="muted">{i18n::t_args(lang, "admin-webhooks-sources-intro", &[("example", "{\"levels\": [{\"location\", \"sku\", \"on_hand\", \"observed_at\"}]}".into())])}</p>
            <form method="post" action=add_source class="stack">
                <label for="src-name">{tr("admin-webhooks-source-name")}</label>
                <input id="src-name" type="text" name="name" required maxlength="40" pattern="[a-z0-9-]+"/>
                <fieldset>
                    <legend>{tr("admin-webhooks-kind")}</legend>
                    {view.source_kinds.into_iter().enumerate().map(|(i, c)| view! {
                        <label class="check"><input type="radio" name="kind" value=c.value checked={i == 0}/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <label for="src-secret">{tr("admin-webhooks-shopify-secret")}</label>
                <input id="src-secret" type="password" name="secret" autocomplete="off"/>
                <label for="src-mapping">{tr("admin-webhooks-shopify-mapping")}</label>
                <textarea id="src-mapping" name="mapping" rows="3"></textarea>
                <button type="submit" class="primary">{tr("admin-webhooks-add-source")}</button>
            </form>
            {if sources.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-webhooks-no-sources")}</p> }.into_any()
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
fn DeliveryDetails(d: DeliveryRow, lang: i18n::Lang) -> impl IntoView {
    let tries = d
        .tries
        .into_iter()
        .map(|a| {
            let response = (!a.response.is_empty())
                .then(|| view! { <pre class="payload">{a.response}</pre> }.into_any());
            let attempt = i18n::t_args(
                lang,
                "admin-webhooks-attempt",
                &[
                    ("at", a.at.into()),
                    ("outcome", a.outcome.into()),
                    ("ms", a.latency_ms.to_string().into()),
                ],
            );
            view! { <li>{attempt} {response}</li> }.into_any()
        })
        .collect_view();
    view! {
        <details>
            <summary>{i18n::t(lang, "admin-webhooks-request-attempts")}</summary>
            <p><strong>"webhook-id: "</strong><code>{d.message_id}</code></p>
            <pre class="payload">{d.body}</pre>
            <ol>{tries}</ol>
        </details>
    }
    .into_any()
}

#[component]
fn DeliveryItem(d: DeliveryRow, portal: Portal) -> impl IntoView {
    let lang = portal.lang;
    let replay = portal.href(&format!(
        "/settings/integrations/deliveries/{}/replay",
        d.id
    ));
    let resend = d.failed.then(|| {
        view! {
            <form method="post" action=replay class="inline-form">
                <button type="submit">{i18n::t(lang, "admin-webhooks-send-again")}</button>
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
            <td><DeliveryDetails d=d lang=lang/>{resend}</td>
        </tr>
    }
    .into_any()
}

#[component]
fn Deliveries(portal: Portal, view: DeliveriesView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let back = portal.href("/settings/integrations");
    let ep = view.endpoint.id;
    let older = view
        .older
        .map(|b| portal.href(&format!("/settings/integrations/endpoints/{ep}?before={b}")));
    let rows = view.deliveries.clone();
    view! {
        <section class="card">
            <p><a href=back>{tr("admin-webhooks-back")}</a></p>
            <h1>{super::settings::rich(lang, "admin-webhooks-deliveries-to", vec![("url", view! { <code>{view.endpoint.url.clone()}</code> }.into_any())])}</h1>
            <Flash/>
            <p><strong>{format!("{} ", tr("admin-status-label"))}</strong>{view.endpoint.status.clone()}</p>
            {if rows.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-webhooks-nothing-sent")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">{tr("admin-made")}</th><th scope="col">{tr("admin-webhooks-col-event")}</th><th scope="col">{tr("admin-webhooks-col-state")}</th><th scope="col">{tr("admin-webhooks-col-attempts")}</th><th scope="col">{tr("admin-webhooks-col-details")}</th></tr></thead>
                            <tbody>{rows.into_iter().map(|d| view! { <DeliveryItem d=d portal=portal.clone()/> }.into_any()).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {older.map(|href| view! { <p><a href=href>{tr("admin-webhooks-older")}</a></p> })}
        </section>
    }
}
