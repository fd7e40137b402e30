//! Background jobs: counts by state and the dead letters, each replayable by an admin.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::get_jobs;
use crate::components::Flash;
use crate::PortalResource;

#[component]
pub fn JobsPage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let data = Resource::new(|| (), |_| get_jobs());
    view! {
        <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                if p.user.is_none() {
                    return view! { <Redirect path=p.href("/login")/> }.into_any();
                }
                let v = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <section class="card"><p class="error" role="alert">{e.to_string()}</p></section> }.into_any(),
                };
                let can = v.can_replay;
                let base = p.href("/jobs");
                view! {
                    <section class="card">
                        <h1>"Background jobs"</h1>
                        <Flash/>
                        <div class="stats">
                            {v.counts.into_iter().map(|(s, n)| view! { <div class="stat"><span class="figure">{n}</span><span>{s}</span></div> }).collect_view()}
                        </div>
                        <h2>"Dead letters"</h2>
                        {if v.dead.is_empty() {
                            view! { <p class="empty" role="status">"No job has given up."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="dead">
                                    {v.dead.into_iter().map(|j| {
                                        let action = format!("{base}/{}/replay", j.id);
                                        view! {
                                            <li>
                                                <strong>{j.kind}</strong> " #" {j.id} " · " {j.attempts} " attempts"
                                                <pre class="error-text">{j.last_error}</pre>
                                                {can.then(|| view! {
                                                    <form method="post" action=action><button type="submit">"Replay"</button></form>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
