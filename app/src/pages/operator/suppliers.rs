//! The tenant admin's page of supplier access: each supplier with the people who answer
//! its orders in the supplier portal and the invitations still open, a form to invite
//! someone, and (after a confirmation) withdrawing an invitation or removing access; and
//! the language each supplier's e-mails are written in.

use leptos::prelude::*;

use crate::api::get_supplier_access;
use crate::components::{Flash, SignedInPage};
use crate::views::{Portal, SupplierAccessView};

#[component]
pub fn SupplierAccessPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_supplier_access());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: SupplierAccessView| view! { <Access portal=p access=v/> }.into_any()/>
    }
}

/// The suppliers' clocks: working time and the hours allowed to acknowledge.
#[component]
fn Clocks(clocks: crate::views::ClocksView, action: String, lang: i18n::Lang) -> impl IntoView {
    let tr = move |id: &str| i18n::t(lang, id);
    view! {
        <section class="card">
            <h2>{tr("admin-suppliers-clocks-heading")}</h2>
            <p class="muted">{tr("admin-suppliers-clocks-intro")}</p>
            <form method="post" action=action class="stack">
                <label for="time_zone">{tr("admin-suppliers-time-zone")}</label>
                <input id="time_zone" type="text" name="time_zone" required maxlength="64" value=clocks.time_zone/>
                <fieldset>
                    <legend>{tr("admin-suppliers-working-days")}</legend>
                    {clocks.days.into_iter().map(|(code, label, worked)| view! {
                        <label class="check"><input type="checkbox" name="day" value=code checked=worked/>" " {label}</label>
                    }).collect_view()}
                </fieldset>
                <label for="day_starts">{tr("admin-suppliers-day-starts")}</label>
                <input id="day_starts" type="number" name="day_starts" min="0" max="23" required value=clocks.day_starts.to_string()/>
                <label for="day_ends">{tr("admin-suppliers-day-ends")}</label>
                <input id="day_ends" type="number" name="day_ends" min="1" max="24" required value=clocks.day_ends.to_string()/>
                <label for="ack_hours">{tr("admin-suppliers-ack-hours")}</label>
                <input id="ack_hours" type="number" name="ack_hours" min="1" max="1000" required value=clocks.ack_hours.to_string()/>
                <label for="escalate_after_hours">{tr("admin-suppliers-escalate-hours")}</label>
                <input id="escalate_after_hours" type="number" name="escalate_after_hours" min="1" max="1000" required value=clocks.escalate_after_hours.to_string()/>
                <button type="submit" class="primary">{tr("admin-suppliers-save-clocks")}</button>
            </form>
        </section>
    }
}

#[component]
fn Access(portal: Portal, access: SupplierAccessView) -> impl IntoView {
    let lang = portal.lang;
    let tr = move |id: &str| i18n::t(lang, id);
    let invite = portal.href("/settings/suppliers/invite");
    let language_action = portal.href("/settings/suppliers/language");
    // A language's name in the page's language.
    let language_name = move |l: i18n::Lang| {
        let id = match l {
            i18n::Lang::En => "admin-language-en",
            i18n::Lang::De => "admin-language-de",
            i18n::Lang::Nl => "admin-language-nl",
        };
        i18n::t(lang, id)
    };
    let default = i18n::Lang::parse(&access.default_language).unwrap_or_default();
    let default_language = i18n::t_args(
        lang,
        "admin-suppliers-language-default",
        &[("language", language_name(default).into())],
    );
    view! {
        <section class="card">
            <h1>{tr("admin-suppliers-heading")}</h1>
            <Flash/>
            <p class="muted">{tr("admin-suppliers-intro")}</p>
            {if access.choices.is_empty() {
                view! { <p class="empty" role="status">{tr("admin-suppliers-none")}</p> }.into_any()
            } else {
                view! {
                    <h2>{tr("admin-invite-heading")}</h2>
                    <form method="post" action=invite class="inline-form">
                        <label>{tr("admin-supplier")} " "
                            <select name="supplier_id" required>
                                {access.choices.clone().into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>{tr("admin-name")} " " <input type="text" name="name" required maxlength="100" autocomplete="off"/></label>
                        <label>{tr("admin-email")} " " <input type="email" name="email" required maxlength="254" autocomplete="off"/></label>
                        <button type="submit" class="primary">{tr("admin-send-invitation")}</button>
                    </form>
                }.into_any()
            }}
        </section>
        <Clocks clocks=access.clocks.clone() action=portal.href("/settings/suppliers/clocks") lang=lang/>
        {access.suppliers.into_iter().map(|s| {
            let nobody = s.users.is_empty() && s.invitations.is_empty();
            let chosen = s.language.clone();
            let written_in = i18n::t_args(
                lang,
                "admin-suppliers-language-now",
                &[("language", language_name(i18n::Lang::parse(&chosen).unwrap_or(default)).into())],
            );
            let languages = i18n::Lang::ALL.into_iter().map(|l| {
                let selected = chosen == l.code();
                view! { <option value=l.code() selected=selected lang=l.code()>{l.name()}</option> }
            }).collect_view();
            view! {
                <section class="card">
                    <h2>{format!("{} ({})", s.name, s.code)}</h2>
                    <form method="post" action=language_action.clone() class="inline-form">
                        <input type="hidden" name="supplier_id" value=s.id.to_string()/>
                        <label>{tr("admin-suppliers-language")} " "
                            <select name="language">
                                <option value="" selected=chosen.is_empty()>{default_language.clone()}</option>
                                {languages}
                            </select>
                        </label>
                        <button type="submit">{tr("admin-suppliers-language-save")}</button>
                    </form>
                    <p class="muted">{written_in}</p>
                    {nobody.then(|| view! { <p class="empty">{tr("admin-suppliers-nobody")}</p> })}
                    {(!s.users.is_empty()).then(|| view! {
                        <ul class="people">
                            {s.users.into_iter().map(|(id, name, email)| {
                                let remove = portal.href(&format!("/settings/suppliers/users/{id}/remove"));
                                view! {
                                    <li>
                                        <span>{name.clone()} " · " <span class="muted">{email}</span></span>
                                        <details>
                                            <summary>{tr("admin-suppliers-remove-ellipsis")}</summary>
                                            <form method="post" action=remove>
                                                <button type="submit" class="danger">{i18n::t_args(lang, "admin-suppliers-remove", &[("name", name.clone().into())])}</button>
                                            </form>
                                        </details>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    {(!s.invitations.is_empty()).then(|| view! {
                        <h3>{tr("admin-invited")}</h3>
                        <ul class="people">
                            {s.invitations.into_iter().map(|(id, name, email, when)| {
                                let revoke = portal.href(&format!("/settings/suppliers/invitations/{id}/revoke"));
                                view! {
                                    <li>
                                        <span>{name} " · " <span class="muted">{email} " · " {when}</span></span>
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
                    })}
                </section>
            }
        }).collect_view()}
    }
}
