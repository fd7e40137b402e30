//! The tenant admin's members page: who has access with which roles, inviting someone,
//! changing roles, deactivating (after a confirmation) and reactivating, and requiring
//! two-step sign-in of everyone.

use leptos::prelude::*;

use crate::api::get_members;
use crate::components::{Flash, SignedInPage};
use crate::views::{MembersView, Portal};

#[component]
pub fn MembersPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_members());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: MembersView| view! { <Members portal=p members=v/> }.into_any()/>
    }
}

#[component]
fn Members(portal: Portal, members: MembersView) -> impl IntoView {
    let roles = members.roles.clone();
    let invite = portal.href("/settings/members/invite");
    let require = portal.href("/settings/members/two-factor");
    view! {
        <section class="card">
            <h1>"Members"</h1>
            <Flash/>
            <p class="muted">"The people who work in this portal. Supplier users are under Suppliers. Each invitation link works once, for seven days."</p>
            <h2>"Invite someone"</h2>
            <form method="post" action=invite class="inline-form">
                <label>"Name " <input type="text" name="name" required maxlength="100" autocomplete="off"/></label>
                <label>"E-mail " <input type="email" name="email" required maxlength="254" autocomplete="off"/></label>
                <label>"Role "
                    <select name="role" required>
                        {roles.iter().cloned().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary">"Send the invitation"</button>
            </form>
        </section>
        <section class="card">
            <h2>"Two-step sign-in"</h2>
            <form method="post" action=require class="stack">
                <label class="check">
                    <input type="checkbox" name="required" value="on" checked=members.require_two_factor/>
                    " Require two-step sign-in of everyone who signs in here"
                </label>
                <p class="muted">"Who has not set it up is asked to at their next sign-in. Sessions already open stay."</p>
                <button type="submit">"Save"</button>
            </form>
        </section>
        {(!members.invitations.is_empty()).then(|| view! {
            <section class="card">
                <h2>"Invited"</h2>
                <ul class="people">
                    {members.invitations.into_iter().map(|i| {
                        let revoke = portal.href(&format!("/settings/members/invitations/{}/revoke", i.id));
                        view! {
                            <li>
                                <span>{i.name} " · " <span class="muted">{i.email} " · " {i.role} " · until " {i.expires_on}</span></span>
                                <details>
                                    <summary>"Withdraw…"</summary>
                                    <form method="post" action=revoke>
                                        <button type="submit" class="danger">"Withdraw this invitation"</button>
                                    </form>
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }.into_any())}
        <section class="card">
            <h2>"People"</h2>
            {members.people.is_empty().then(|| view! { <p class="empty">"Nobody yet."</p> })}
            <ul class="people">
                {members.people.into_iter().map(|m| {
                    let base = format!("/settings/members/{}", m.user_id);
                    let roles_action = portal.href(&format!("{base}/roles"));
                    let deactivate = portal.href(&format!("{base}/deactivate"));
                    let reactivate = portal.href(&format!("{base}/reactivate"));
                    let status = match (m.active, m.two_factor) {
                        (false, _) => "deactivated",
                        (true, true) => "two-step sign-in on",
                        (true, false) => "two-step sign-in off",
                    };
                    let name = m.name.clone();
                    let choices = roles.clone();
                    let held = m.roles.clone();
                    view! {
                        <li class:inactive=!m.active>
                            <span>
                                {m.name.clone()} {m.is_you.then_some(" (you)")} " · "
                                <span class="muted">{m.email} " · " {m.role_labels} " · " {status}</span>
                            </span>
                            {(!m.managed_elsewhere).then(|| view! {
                                <details>
                                    <summary>"Roles…"</summary>
                                    <form method="post" action=roles_action.clone() class="stack">
                                        <fieldset>
                                            <legend>{format!("{name}'s roles")}</legend>
                                            {choices.into_iter().map(|c| {
                                                let checked = held.contains(&c.value);
                                                view! { <label class="check"><input type="checkbox" name="role" value=c.value checked=checked/>" " {c.label}</label> }
                                            }).collect_view()}
                                        </fieldset>
                                        <button type="submit">"Save the roles"</button>
                                    </form>
                                </details>
                                {if m.active {
                                    (!m.is_you).then(|| view! {
                                        <details>
                                            <summary>"Deactivate…"</summary>
                                            <p class="muted">"They are signed out at once and cannot sign in here until reactivated. Their roles are kept."</p>
                                            <form method="post" action=deactivate.clone()>
                                                <button type="submit" class="danger">{format!("Deactivate {name}")}</button>
                                            </form>
                                        </details>
                                    }).into_any()
                                } else {
                                    view! {
                                        <form method="post" action=reactivate.clone()>
                                            <button type="submit">{format!("Reactivate {name}")}</button>
                                        </form>
                                    }.into_any()
                                }}
                            }.into_any())}
                        </li>
                    }.into_any()
                }).collect_view()}
            </ul>
        </section>
    }
}
