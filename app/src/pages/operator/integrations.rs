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
                    <label for=format!("overlap-{id}")>"Old key works for (hours)"</label>
                    <input id=format!("overlap-{id}") type="number" name="overlap_hours" min="0" max="720" value="24" required/>
                    <button type="submit">"Rotate"</button>
                </form>
            })}
            {key.working.then(|| view! {
                <form method="post" action=revoke class="inline-form">
                    <label class="check"><input type="checkbox" name="confirm" value="yes" required/>" Systems using it stop at once"</label>
                    <button type="submit" class="danger">"Revoke"</button>
                </form>
            })}</td>
        </tr>
    }
}

#[component]
fn Integrations(portal: Portal, view: IntegrationsView) -> impl IntoView {
    let create = portal.href("/settings/integrations/keys");
    let rows = view.keys.clone();
    view! {
        <section class="card">
            <h1>"Integrations"</h1>
            <Flash/>
            {view.new_key.clone().map(|k| view! {
                <div class="notice" role="status">
                    <p><strong>"Your new key (shown only now):"</strong></p>
                    <p><code class="secret">{k}</code></p>
                </div>
            })}
            <p><a href=portal.href("/settings/integrations/imports")>"Imports and exports (CSV) →"</a></p>
            <p class="muted">"Systems send a key as Authorization: Bearer <key>. Each key does only what its scopes allow; only its first characters are kept readable here. What each endpoint takes and answers: "<a href="/api/v1/reference">"the API reference"</a>"."</p>
            <form method="post" action=create class="stack">
                <h2>"Make a key"</h2>
                <label for="key-name">"Name (the system that will use it)"</label>
                <input id="key-name" type="text" name="name" required maxlength="64"/>
                <fieldset>
                    <legend>"Scopes"</legend>
                    {view.scopes.into_iter().map(|c| view! {
                        <label class="check"><input type="checkbox" name="scope" value=c.value/>" " {c.label}</label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="primary">"Make the key"</button>
            </form>
        </section>
        <section class="card">
            <h2>"Keys"</h2>
            {if rows.is_empty() {
                view! { <p class="empty" role="status">"No keys yet. Make one above for each system that talks to this portal."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">"Name"</th><th scope="col">"Key"</th><th scope="col">"Scopes"</th><th scope="col">"Made"</th><th scope="col">"Last used"</th><th scope="col">"Status"</th><th scope="col">"Actions"</th></tr></thead>
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
