//! Background jobs: counts by state and the dead letters, each replayable by an admin.

use leptos::prelude::*;

use crate::api::get_jobs;
use crate::components::{Flash, SignedInPage};
use crate::views::{JobsView, Portal};

#[component]
pub fn JobsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_jobs());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: JobsView| {
                let can = v.can_replay;
                let lang = p.lang;
                let base = p.href("/jobs");
                view! {
                    <section class="card">
                        <h1>{i18n::t(lang, "staff-jobs-heading")}</h1>
                        <Flash/>
                        <div class="stats">
                            {v.counts.into_iter().map(|(s, n)| view! { <div class="stat"><span class="figure">{n}</span><span>{s}</span></div> }).collect_view()}
                        </div>
                        <h2>{i18n::t(lang, "staff-jobs-dead-letters")}</h2>
                        {if v.dead.is_empty() {
                            view! { <p class="empty" role="status">{i18n::t(lang, "staff-jobs-none-dead")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="dead">
                                    {v.dead.into_iter().map(|j| {
                                        let action = format!("{base}/{}/replay", j.id);
                                        view! {
                                            <li>
                                                <strong>{j.kind}</strong> " #" {j.id} " · " {i18n::t_args(lang, "staff-jobs-attempts", &[("count", j.attempts.into())])}
                                                <pre class="error-text">{j.last_error}</pre>
                                                {can.then(|| view! {
                                                    <form method="post" action=action><button type="submit">{i18n::t(lang, "staff-jobs-replay")}</button></form>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
        }/>
    }
}
