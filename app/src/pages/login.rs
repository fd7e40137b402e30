//! Sign-in page. A plain form posted to the server, so it works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::PortalResource;

fn message(code: &str) -> &'static str {
    match code {
        "throttled" => "Too many sign-in attempts. Wait a few minutes, then try again.",
        "expired" => "Your session has ended. Please sign in again.",
        "missing" => "Enter your e-mail address and password.",
        "second_step" => "Your sign-in took too long. Please sign in again.",
        _ => "That e-mail address and password do not match an account here.",
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let query = use_query_map();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let p = portal.await.ok()?;
                let error = query.read().get("error").map(|c| message(&c));
                let signed_out = query.read().get("signed_out").is_some();
                let notice = query.read().get("notice");
                Some(view! {
                    <section class="card narrow login">
                        <h1>"Sign in to " {p.product_name.clone()}</h1>
                        {p.user.clone().map(|u| view! {
                            <p class="notice">"You are signed in as " {u.name} ". "
                                <a href=p.href("/inventory")>"Go to inventory"</a></p>
                        })}
                        {signed_out.then(|| view! { <p class="notice" role="status">"You have signed out."</p> })}
                        {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <form method="post" action=p.href("/login")>
                            <label for="email">"E-mail"</label>
                            <input id="email" name="email" type="email" autocomplete="username" required autofocus/>
                            <label for="password">"Password"</label>
                            <input id="password" name="password" type="password" autocomplete="current-password" required/>
                            <button type="submit" class="primary">"Sign in"</button>
                        </form>
                        <p><a href=p.href("/forgot")>"Forgot your password?"</a></p>
                    </section>
                })
            })}
        </Suspense>
    }
}
