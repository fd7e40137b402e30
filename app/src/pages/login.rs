//! Sign-in page. A plain form posted to the server, so it works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::PortalResource;

/// The catalogue's message for a sign-in error code from the address.
fn message(code: &str) -> &'static str {
    match code {
        "throttled" => "login-error-throttled",
        "expired" => "login-error-expired",
        "missing" => "login-error-missing",
        "second_step" => "login-error-second-step",
        _ => "login-error-mismatch",
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
                let error = query.read().get("error").map(|c| p.t(message(&c)));
                let signed_out = query.read().get("signed_out").is_some();
                let notice = query.read().get("notice");
                Some(view! {
                    <section class="card narrow login" lang=p.lang.code()>
                        <h1>{i18n::t_args(p.lang, "login-heading", &[("product", p.product_name.clone().into())])}</h1>
                        {p.user.clone().map(|u| view! {
                            <p class="notice">{i18n::t_args(p.lang, "login-already", &[("name", u.name.into())])} " "
                                <a href=p.href("/inventory")>{p.t("login-go-inventory")}</a></p>
                        })}
                        {signed_out.then(|| view! { <p class="notice" role="status">{p.t("login-signed-out")}</p> })}
                        {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
                        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <form method="post" action=p.href("/login")>
                            <label for="email">{p.t("login-email")}</label>
                            <input id="email" name="email" type="email" autocomplete="username" required autofocus/>
                            <label for="password">{p.t("login-password")}</label>
                            <input id="password" name="password" type="password" autocomplete="current-password" required/>
                            <button type="submit" class="primary">{p.t("login-submit")}</button>
                        </form>
                        <p><a href=p.href("/forgot")>{p.t("login-forgot")}</a></p>
                    </section>
                })
            })}
        </Suspense>
    }
}
