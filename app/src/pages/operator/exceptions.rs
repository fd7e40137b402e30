//! The exception queue: ranked by expected lost sales (or by severity and age), with the
//! money at risk and how it was worked out, severity, owner, age and escalation.
//! Planners select rows and assign, comment on, resolve or (anomalies) confirm them in
//! one go.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::get_exceptions;
use crate::components::{Flash, SignedInPage};
use crate::views::{ExceptionsView, Portal};

/// An exception's severity in the reader's language (its class stays the stored word).
fn severity_label(lang: i18n::Lang, severity: &str) -> String {
    let id = match severity {
        "critical" => "staff-severity-critical",
        "high" => "staff-severity-high",
        "medium" => "staff-severity-medium",
        "low" => "staff-severity-low",
        other => return other.to_string(),
    };
    i18n::t(lang, id)
}

/// `lang="en"` on a text the engine kept only in English (a row recorded before its
/// texts were recorded in every language); none on one in the reader's language.
fn english(kept_in_english: bool) -> Option<&'static str> {
    kept_in_english.then_some("en")
}

#[component]
pub fn ExceptionsPage() -> impl IntoView {
    let q = use_query_map();
    let resolved = Memo::new(move |_| q.read().get("state").is_some_and(|s| s == "resolved"));
    let by_severity = Memo::new(move |_| q.read().get("sort").is_some_and(|s| s == "severity"));
    let data = Resource::new(
        move || (resolved.get(), by_severity.get()),
        |(r, s)| get_exceptions(r, s),
    );
    view! {
        <SignedInPage data=data render=move |p: Portal, v: ExceptionsView| {
                let lang = p.lang;
                let act = p.href("/exceptions/act");
                let empty = v.rows.is_empty();
                let can_act = v.can_act && !v.resolved;
                view! {
                    <section class="card">
                        <h1>{i18n::t(lang, "staff-exceptions-heading")}</h1>
                        <nav class="tabs">
                            <A href=p.href("/exceptions")>{i18n::t(lang, "staff-exceptions-open")}</A>
                            <A href=p.href("/exceptions?state=resolved")>{i18n::t(lang, "staff-exceptions-resolved")}</A>
                        </nav>
                        {(!v.resolved).then(|| view! {
                            <p class="muted">
                                {if v.by_severity {
                                    view! { {i18n::t(lang, "staff-exceptions-by-severity")} " " <A href=p.href("/exceptions")>{i18n::t(lang, "staff-exceptions-rank-lost-sales")}</A> }.into_any()
                                } else {
                                    view! { {i18n::t(lang, "staff-exceptions-by-lost-sales")} " " <A href=p.href("/exceptions?sort=severity")>{i18n::t(lang, "staff-exceptions-order-severity")}</A> }.into_any()
                                }}
                            </p>
                        })}
                        <Flash/>
                        {if empty {
                            view! { <p class="empty" role="status">{i18n::t(lang, if v.resolved { "staff-exceptions-none-resolved" } else { "staff-exceptions-none-open" })}</p> }.into_any()
                        } else {
                            view! {
                                <form method="post" action=act id="exceptions-form">
                                    {can_act.then(|| view! {
                                        <div class="bulkbar">
                                            <label>{i18n::t(lang, "staff-exceptions-with-selected")} " "
                                                <select name="action">
                                                    <option value="assign_me">{i18n::t(lang, "staff-exceptions-assign-me")}</option>
                                                    <option value="assign">{i18n::t(lang, "staff-exceptions-assign")}</option>
                                                    <option value="unassign">{i18n::t(lang, "staff-exceptions-unassign")}</option>
                                                    <option value="comment">{i18n::t(lang, "staff-exceptions-comment")}</option>
                                                    <option value="resolve">{i18n::t(lang, "staff-exceptions-resolve")}</option>
                                                    <option value="confirm">{i18n::t(lang, "staff-exceptions-confirm")}</option>
                                                    <option value="reject">{i18n::t(lang, "staff-exceptions-reject")}</option>
                                                </select>
                                            </label>
                                            <label>{i18n::t(lang, "staff-exceptions-assignee")} " "
                                                <select name="assignee">
                                                    <option value="">"—"</option>
                                                    {v.assignees.iter().map(|a| view! { <option value=a.value.clone()>{a.label.clone()}</option> }).collect_view()}
                                                </select>
                                            </label>
                                            <label class="grow">{i18n::t(lang, "staff-exceptions-text")} " " <input type="text" name="text" maxlength="2000"/></label>
                                            <button type="submit" class="primary">{i18n::t(lang, "staff-exceptions-apply")}</button>
                                        </div>
                                    })}
                                    <ul class="exceptions">
                                        {v.rows.into_iter().map(|r| view! {
                                            <li class=format!("exception sev-{}", r.severity)>
                                                <div class="exception-head">
                                                    {can_act.then(|| view! { <input type="checkbox" name="id" value=r.id.to_string() aria-label=i18n::t(lang, "staff-exceptions-select")/> })}
                                                    <span class=format!("badge sev-{}", r.severity)>{severity_label(lang, &r.severity)}</span>
                                                    <strong lang=english(r.title_english)>{match r.href.clone() {
                                                        Some(h) => view! { <A href=h>{r.title.clone()}</A> }.into_any(),
                                                        None => view! { <span>{r.title.clone()}</span> }.into_any(),
                                                    }}</strong>
                                                </div>
                                                {r.at_risk.clone().map(|m| view! {
                                                    <p class="risk"><strong>{i18n::t_args(lang, "staff-exceptions-at-risk", &[("amount", m.into())])}</strong>
                                                        {r.risk_basis.clone().map(|b| view! { <span class="muted" lang=english(r.risk_basis_english)>" " {b}</span> })}
                                                    </p>
                                                })}
                                                <p lang=english(r.detail_english)>{r.detail.clone()}</p>
                                                {(r.anomaly && can_act).then(|| view! {
                                                    <p class="muted">{i18n::t(lang, "staff-exceptions-anomaly-hint")}</p>
                                                })}
                                                <p class="muted">
                                                    {i18n::t_args(lang, "staff-exceptions-meta", &[
                                                        ("kind", r.kind.clone().into()),
                                                        ("age", r.age.clone().into()),
                                                        ("owner", r.owner.clone().unwrap_or_else(|| i18n::t(lang, "staff-exceptions-nobody")).into()),
                                                    ])}
                                                    {r.escalated.then(|| view! { " · " <span class="badge low">{i18n::t(lang, "staff-exceptions-escalated")}</span> })}
                                                </p>
                                                {r.resolution.clone().map(|x| view! { <p>{i18n::t_args(lang, "staff-exceptions-resolution", &[("text", x.into())])}</p> })}
                                                {(!r.comments.is_empty()).then(|| view! {
                                                    <ul class="comments">
                                                        {r.comments.clone().into_iter().map(|(who, body)| view! { <li><span class="muted">{who}</span> " " {body}</li> }).collect_view()}
                                                    </ul>
                                                })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </form>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
        }/>
    }
}
