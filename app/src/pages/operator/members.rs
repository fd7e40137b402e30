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
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let roles = members.roles.clone();
    let invite = portal.href("/settings/members/invite");
    let require = portal.href("/settings/members/two-factor");
    view! {
        <section class="card">
            <h1>{tr("admin-members-heading")}</h1>
            <Flash/>
            <p class="muted">{tr("admin-members-intro")}</p>
            <h2>{tr("admin-invite-heading")}</h2>
            <form method="post" action=invite class="inline-form">
                <label>{tr("admin-name")} " " <input type="text" name="name" required maxlength="100" autocomplete="off"/></label>
                <label>{tr("admin-email")} " " <input type="email" name="email" required maxlength="254" autocomplete="off"/></label>
                <label>{tr("admin-role")} " "
                    <select name="role" required>
                        {roles.iter().cloned().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary">{tr("admin-send-invitation")}</button>
            </form>
        </section>
        <section class="card">
            <h2>{tr("admin-members-2fa-heading")}</h2>
            <form method="post" action=require class="stack">
                <label class="check">
                    <input type="checkbox" name="required" value="on" checked=members.require_two_factor/>
                    " " {tr("admin-members-2fa-require")}
                </label>
                <p class="muted">{tr("admin-members-2fa-note")}</p>
                <button type="submit">{tr("admin-save")}</button>
            </form>
        </section>
        {(!members.invitations.is_empty()).then(|| view! {
            <section class="card">
                <h2>{tr("admin-invited")}</h2>
                <ul class="people">
                    {members.invitations.into_iter().map(|i| {
                        let revoke = portal.href(&format!("/settings/members/invitations/{}/revoke", i.id));
                        view! {
                            <li>
                                <span>{i.name} " · " <span class="muted">{i.email} " · " {i.role} " · " {i18n::t_args(lang, "admin-members-until", &[("date", i.expires_on.into())])}</span></span>
                                <details>
                                    <summary>{tr("admin-withdraw-ellipsis")}</summary>
                                    <form method="post" action=revoke>
                                        <button type="submit" class="danger">{tr("admin-withdraw-invitation")}</button>
                                    </form>
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }.into_any())}
        <section class="card">
            <h2>{tr("admin-members-people")}</h2>
            {members.people.is_empty().then(|| view! { <p class="empty">{tr("admin-members-nobody")}</p> })}
            <ul class="people">
                {members.people.into_iter().map(|m| {
                    let base = format!("/settings/members/{}", m.user_id);
                    let roles_action = portal.href(&format!("{base}/roles"));
                    let deactivate = portal.href(&format!("{base}/deactivate"));
                    let reactivate = portal.href(&format!("{base}/reactivate"));
                    let status = tr(match (m.active, m.two_factor) {
                        (false, _) => "admin-members-deactivated",
                        (true, true) => "admin-members-2fa-on",
                        (true, false) => "admin-members-2fa-off",
                    });
                    let name = m.name.clone();
                    let choices = roles.clone();
                    let held = m.roles.clone();
                    view! {
                        <li class:inactive=!m.active>
                            <span>
                                {m.name.clone()} {m.is_you.then(|| format!(" {}", tr("admin-members-you")))} " · "
                                <span class="muted">{m.email} " · " {m.role_labels} " · " {status}</span>
                            </span>
                            {(!m.managed_elsewhere).then(|| view! {
                                <details>
                                    <summary>{tr("admin-members-roles-ellipsis")}</summary>
                                    <form method="post" action=roles_action.clone() class="stack">
                                        <fieldset>
                                            <legend>{i18n::t_args(lang, "admin-members-roles-of", &[("name", name.clone().into())])}</legend>
                                            {choices.into_iter().map(|c| {
                                                let checked = held.contains(&c.value);
                                                view! { <label class="check"><input type="checkbox" name="role" value=c.value checked=checked/>" " {c.label}</label> }
                                            }).collect_view()}
                                        </fieldset>
                                        <button type="submit">{tr("admin-members-save-roles")}</button>
                                    </form>
                                </details>
                                {if m.active {
                                    (!m.is_you).then(|| view! {
                                        <details>
                                            <summary>{tr("admin-members-deactivate-ellipsis")}</summary>
                                            <p class="muted">{tr("admin-members-deactivate-note")}</p>
                                            <form method="post" action=deactivate.clone()>
                                                <button type="submit" class="danger">{i18n::t_args(lang, "admin-members-deactivate", &[("name", name.clone().into())])}</button>
                                            </form>
                                        </details>
                                    }).into_any()
                                } else {
                                    view! {
                                        <form method="post" action=reactivate.clone()>
                                            <button type="submit">{i18n::t_args(lang, "admin-members-reactivate", &[("name", name.clone().into())])}</button>
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
