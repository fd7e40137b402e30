//! The tenant admin's integrations page: API keys for the systems that talk to the
//! portal (made with scopes and shown once, rotated with an overlap, revoked after a
//! confirmation), then webhooks (`super::webhooks`).

use leptos::prelude::*;

use super::webhooks::Webhooks;
use crate::api::get_integrations;
use crate::components::{Flash, SignedInPage};
use crate::views::{ApiKeyRow, IntegrationsView, Portal};

#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_integrations());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: IntegrationsView| view! { <Integrations portal=p view=v/> }.into_any()/>
    }
}

#[component]
fn KeyRow(key: ApiKeyRow, portal: Portal) -> impl IntoView {
    let lang = portal.lang;
    let rotate = portal.href(&format!("/settings/integrations/keys/{}/rotate", key.id));
    let revoke = portal.href(&format!("/settings/integrations/keys/{}/revoke", key.id));
    let id = key.id;
    view! {
        <tr>
            <td>{key.name.clone()}</td>
            <td><code>{format!("sw_{}_…", key.prefix)}</code></td>
            <td>{key.scopes.join(", ")}</td>
            <td>{key.created.clone()}</td>
            <td>{key.last_used.clone()}</td>
            <td>{key.status.clone()}</td>
            <td>{key.rotatable.then(|| view! {
                <form method="post" action=rotate class="inline-form">
                    <label for=format!("overlap-{id}")>{i18n::t(lang, "admin-integrations-old-key-hours")}</label>
                    <input id=format!("overlap-{id}") type="number" name="overlap_hours" min="0" max="720" value="24" required/>
                    <button type="submit">{i18n::t(lang, "admin-integrations-rotate")}</button>
                </form>
            })}
            {key.working.then(|| view! {
                <form method="post" action=revoke class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" " {i18n::t(lang, "admin-integrations-revoke-confirm")}</label>
                    <button type="submit" class="danger">{i18n::t(lang, "admin-integrations-revoke")}</button>
                </form>
            })}</td>
        </tr>
    }
}

#[component]
fn Integrations(portal: Portal, view: IntegrationsView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let create = portal.href("/settings/integrations/keys");
    let rows = view.keys.clone();
    let reference =
        view! { <a href="/api/v1/reference">{tr("admin-integrations-api-reference")}</a> }
            .into_any();
    view! {
        <section class="card">
            <h1>{tr("admin-integrations-heading")}</h1>
            <Flash/>
            {view.new_key.clone().map(|k| view! {
                <div class="notice" role="status">
                    <p><strong>{tr("admin-integrations-new-key")}</strong></p>
                    <p><code class="secret">{k}</code></p>
                </div>
            })}
            <p><a href=portal.href("/settings/integrations/imports")>{tr("admin-integrations-imports-link")}</a></p>
            <p class="muted">{super::settings::rich(lang, "admin-integrations-intro", vec![("reference", reference)])}</p>
            <form method="post" action=create class="stack">
                <h2>{tr("admin-integrations-make-heading")}</h2>
                <label for="key-name">{tr("admin-integrations-key-name")}</label>
                <input id="key-name" type="text" name="name" required maxlength="64"/>
                <fieldset>
                    <legend>{tr("admin-integrations-scopes")}</legend>
                    {view.scopes.into_iter().map(|c| view! {
                        <label class="check"><input type="checkbox" name="scope" value=c.value/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">{tr("admin-integrations-make")}</button>
            </form>
        </section>
        <section class="card">
            <h2>{tr("admin-integrations-keys")}</h2>
            {if rows.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-integrations-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">{tr("admin-name")}</th><th scope="col">{tr("admin-integrations-col-key")}</th><th scope="col">{tr("admin-integrations-scopes")}</th><th scope="col">{tr("admin-made")}</th><th scope="col">{tr("admin-integrations-col-last-used")}</th><th scope="col">{tr("admin-status")}</th><th scope="col">{tr("admin-actions")}</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|k| view! { <KeyRow key=k portal=portal.clone()/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <Webhooks portal=portal.clone() view=view.webhooks.clone()/>
    }
}
