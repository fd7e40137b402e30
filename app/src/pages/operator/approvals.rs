//! The approvals inbox: what waits for the viewer's decision, with the context to decide
//! it (stock at both ends, recent demand, value, the suggestion's reason and numbers).
//! Each card is a plain POST form (approve, or reject with a comment); the checkboxes
//! belong to one bulk form. Cards stack on a phone-sized screen. Below them, "Away"
//! hands the viewer's role to a stand-in for a period, and lists or ends those given.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::get_inbox;
use crate::components::{Flash, SignedInPage};
use crate::views::{Away, Inbox, InboxItem, Portal};

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let inbox = Resource::new(|| (), |_| get_inbox());
    view! {
        <SignedInPage data=inbox render=move |p: Portal, inbox: Inbox| {
                        let lang = p.lang;
                        let bulk = p.href("/approvals/bulk");
                        let count = inbox.items.len();
                        let others = inbox.others;
                        let decidable = inbox.items.iter().filter(|i| !i.own).count();
                        let away = inbox.away;
                        view! {
                            <section class="card">
                                <h1>{i18n::t(lang, "staff-approvals-heading")}</h1>
                                <Flash/>
                                {if count == 0 {
                                    view! { <p class="empty" role="status">{i18n::t(lang, "staff-approvals-empty")}</p> }.into_any()
                                } else {
                                    view! {
                                        <p class="muted">{i18n::t_args(lang, "staff-approvals-waiting-count", &[("count", (count as i64).into())])}</p>
                                        <form id="bulk" method="post" action=bulk class="bulkbar">
                                            <input type="hidden" name="comment" value=""/>
                                            <button type="submit" class="primary" disabled=decidable == 0>{i18n::t(lang, "staff-approvals-approve-selected")}</button>
                                        </form>
                                    }.into_any()
                                }}
                                {(others > 0).then(|| view! {
                                    <p class="muted">{i18n::t_args(lang, "staff-approvals-others", &[("count", (others as i64).into())])}</p>
                                })}
                            </section>
                            <div class="inbox">
                                {inbox.items.into_iter().map(|i| view! { <InboxCard portal=p.clone() item=i/> }).collect_view()}
                            </div>
                            <AwayCard portal=p.clone() away=away/>
                        }.into_any()
                            }/>
    }
}

#[component]
fn InboxCard(portal: Portal, item: InboxItem) -> impl IntoView {
    let lang = portal.lang;
    let decide = portal.href("/approvals/decide");
    let key = format!("{}:{}", item.doc_type, item.doc_id);
    let comment_id = format!("c-{}-{}", item.doc_type, item.doc_id);
    let own = item.own;
    view! {
        <article class="card approval" class:overdue=item.overdue>
            <header class="approval-head">
                {(!own).then(|| view! {
                    <label class="check select">
                        <input type="checkbox" name="doc" value=key.clone() form="bulk"/>
                        <span class="sr-only">{i18n::t(lang, "staff-approvals-select")}</span>
                    </label>
                })}
                <h2><A href=item.href.clone()>{item.title.clone()}</A></h2>
                <span class="value">{item.value.clone()}</span>
            </header>
            <p class="muted">
                {item.step.clone()} " · " {i18n::t_args(lang, "staff-approvals-waiting-for", &[("time", item.waiting.clone().into())])}
                {item.rule.clone().map(|r| view! { " · " {i18n::t_args(lang, "staff-approvals-rule", &[("rule", r.into())])} })}
                {item.escalated.then(|| view! { " " <span class="badge low">{i18n::t(lang, "staff-approvals-escalated")}</span> })}
                {item.overdue.then(|| view! { " " <span class="badge low">{i18n::t(lang, "staff-approvals-overdue")}</span> })}
            </p>
            <p class="reason" lang={item.reason_in_english.then_some("en")}>{item.reason.clone()}</p>
            <dl class="facts">
                {item.facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {(!item.snapshot.is_empty()).then(|| view! {
                <details>
                    <summary>{i18n::t(lang, "staff-approvals-numbers")}</summary>
                    <dl class="facts">
                        {item.snapshot.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                </details>
            })}
            {if own {
                view! { <p class="notice">{i18n::t(lang, "staff-approvals-own")}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=decide class="decide">
                        <input type="hidden" name="doc" value=key/>
                        <label for=comment_id.clone()>{i18n::t(lang, "staff-approvals-comment")}</label>
                        <textarea id=comment_id name="comment" rows="2" maxlength="2000"></textarea>
                        <div class="actions">
                            <button type="submit" name="decision" value="approve" class="primary">{i18n::t(lang, "staff-approvals-approve")}</button>
                            <button type="submit" name="decision" value="reject" class="danger">{i18n::t(lang, "staff-approvals-reject")}</button>
                        </div>
                    </form>
                }.into_any()
            }}
        </article>
    }
}

/// Stand-ins while the viewer is away: the ones given, each with an "End now" button,
/// and a form for a new one.
#[component]
fn AwayCard(portal: Portal, away: Away) -> impl IntoView {
    let lang = portal.lang;
    let create = portal.href("/approvals/delegations");
    let can = !away.roles.is_empty() && !away.people.is_empty();
    view! {
        <section class="card away" aria-labelledby="away-title">
            <h2 id="away-title">{i18n::t(lang, "staff-away-heading")}</h2>
            <p class="muted">{i18n::t(lang, "staff-away-intro")}</p>
            {if away.given.is_empty() {
                view! { <p class="empty">{i18n::t(lang, "staff-away-nobody")}</p> }.into_any()
            } else {
                view! {
                    <ul class="delegations">
                        {away.given.into_iter().map(|d| {
                            let end = portal.href(&format!("/approvals/delegations/{}/end", d.id));
                            view! {
                                <li>
                                    <span>
                                        <strong>{d.to_name}</strong> " "
                                        {i18n::t_args(lang, "staff-away-stands-in", &[("role", d.role.into()), ("from", d.first_day.into()), ("to", d.last_day.into())])}
                                        {d.active.then(|| view! { " " <span class="badge ok">{i18n::t(lang, "staff-away-now")}</span> })}
                                    </span>
                                    <form method="post" action=end>
                                        <button type="submit" class="danger">{i18n::t(lang, if d.active { "staff-away-end-now" } else { "staff-away-cancel" })}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {can.then(|| view! {
                <form method="post" action=create class="bulkbar">
                    <label>{i18n::t(lang, "staff-away-stand-in")} " "
                        <select name="to_user" required>
                            {away.people.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{i18n::t(lang, "staff-away-role")} " "
                        <select name="role" required>
                            {away.roles.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{i18n::t(lang, "staff-away-first-day")} " " <input type="date" name="first_day" min=away.today.clone() value=away.today.clone() required/></label>
                    <label>{i18n::t(lang, "staff-away-last-day")} " " <input type="date" name="last_day" min=away.today.clone() required/></label>
                    <button type="submit" class="primary">{i18n::t(lang, "staff-away-hand-over")}</button>
                </form>
            })}
        </section>
    }
}
