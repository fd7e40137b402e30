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
                let act = p.href("/exceptions/act");
                let empty = v.rows.is_empty();
                let can_act = v.can_act && !v.resolved;
                view! {
                    <section class="card">
                        <h1>"Exceptions"</h1>
                        <nav class="tabs">
                            <A href=p.href("/exceptions")>"Open"</A>
                            <A href=p.href("/exceptions?state=resolved")>"Resolved"</A>
                        </nav>
                        {(!v.resolved).then(|| view! {
                            <p class="muted">
                                {if v.by_severity {
                                    view! { "Ordered by severity, escalation and age. " <A href=p.href("/exceptions")>"Rank by expected lost sales"</A> }.into_any()
                                } else {
                                    view! { "Ranked by expected lost sales (units short until cover could arrive × margin), then severity and age. " <A href=p.href("/exceptions?sort=severity")>"Order by severity instead"</A> }.into_any()
                                }}
                            </p>
                        })}
                        <Flash/>
                        {if empty {
                            view! { <p class="empty" role="status">{if v.resolved { "Nothing resolved yet." } else { "No open exceptions. Stock, approvals and jobs are all in order." }}</p> }.into_any()
                        } else {
                            view! {
                                <form method="post" action=act id="exceptions-form">
                                    {can_act.then(|| view! {
                                        <div class="bulkbar">
                                            <label>"With the selected: "
                                                <select name="action">
                                                    <option value="assign_me">"Assign to me"</option>
                                                    <option value="assign">"Assign to…"</option>
                                                    <option value="unassign">"Unassign"</option>
                                                    <option value="comment">"Comment"</option>
                                                    <option value="resolve">"Resolve"</option>
                                                    <option value="confirm">"Confirm the event (anomalies)"</option>
                                                    <option value="reject">"Reject the event and undo it (anomalies)"</option>
                                                </select>
                                            </label>
                                            <label>"Assignee "
                                                <select name="assignee">
                                                    <option value="">"—"</option>
                                                    {v.assignees.iter().map(|a| view! { <option value=a.value.clone()>{a.label.clone()}</option> }).collect_view()}
                                                </select>
                                            </label>
                                            <label class="grow">"Comment or resolution " <input type="text" name="text" maxlength="2000"/></label>
                                            <button type="submit" class="primary">"Apply"</button>
                                        </div>
                                    })}
                                    <ul class="exceptions">
                                        {v.rows.into_iter().map(|r| view! {
                                            <li class=format!("exception sev-{}", r.severity)>
                                                <div class="exception-head">
                                                    {can_act.then(|| view! { <input type="checkbox" name="id" value=r.id.to_string() aria-label="Select"/> })}
                                                    <span class=format!("badge sev-{}", r.severity)>{r.severity.clone()}</span>
                                                    <strong>{match r.href.clone() {
                                                        Some(h) => view! { <A href=h>{r.title.clone()}</A> }.into_any(),
                                                        None => view! { <span>{r.title.clone()}</span> }.into_any(),
                                                    }}</strong>
                                                </div>
                                                {r.at_risk.clone().map(|m| view! {
                                                    <p class="risk"><strong>{m} " expected lost sales"</strong>
                                                        {r.risk_basis.clone().map(|b| view! { <span class="muted">" " {b}</span> })}
                                                    </p>
                                                })}
                                                <p>{r.detail.clone()}</p>
                                                {(r.anomaly && can_act).then(|| view! {
                                                    <p class="muted">"Its position's transfers and orders wait: select it and choose “Confirm the event” if it was right, or “Reject the event and undo it” if it was wrong."</p>
                                                })}
                                                <p class="muted">
                                                    {r.kind.clone()} " · age " {r.age.clone()}
                                                    " · owner: " {r.owner.clone().unwrap_or_else(|| "nobody".into())}
                                                    {r.escalated.then(|| view! { " · " <span class="badge low">"Escalated"</span> })}
                                                </p>
                                                {r.resolution.clone().map(|x| view! { <p>"Resolved: " {x}</p> })}
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
