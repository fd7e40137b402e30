//! Pieces shared by the pages: the branded header and small helpers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::PortalResource;

/// Logo, product name, navigation and the signed-in user with a sign-out button.
#[component]
pub fn Header() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    view! {
        <header class="topbar">
            <Suspense fallback=|| view! { <div class="brand">"\u{00a0}"</div> }>
                {move || Suspend::new(async move {
                    portal.await.ok().map(|p| {
                        let home = p.href("/");
                        let inventory = p.href("/inventory");
                        let approvals = p.href("/approvals");
                        let documents = p.href("/documents");
                        let exceptions = p.href("/exceptions");
                        let jobs = p.href("/jobs");
                        let settings = p.href("/settings/approvals");
                        let policies = p.href("/settings/policies");
                        let admin = p.user.as_ref().is_some_and(|u| u.roles.iter().any(|r| r == "tenant_admin"));
                        let ops = p.user.as_ref().is_some_and(|u| u.roles.iter().any(|r| r == "tenant_admin" || r == "planner"));
                        let logout = p.href("/logout");
                        view! {
                            <A href=home attr:class="brand">
                                {p.logo_url.clone().map(|src| view! { <img class="logo" src=src alt=""/> })}
                                <span class="product-name">{p.product_name.clone()}</span>
                            </A>
                            {p.user.clone().map(|u| view! {
                                <nav class="nav">
                                    <A href=inventory>"Inventory"</A>
                                    <A href=approvals>"Approvals"</A>
                                    <A href=documents>"Documents"</A>
                                    <A href=exceptions>"Exceptions"</A>
                                    <A href=policies>"Policies"</A>
                                    {ops.then(|| view! { <A href=jobs.clone()>"Jobs"</A> })}
                                    {admin.then(|| view! { <A href=settings.clone()>"Settings"</A> })}
                                </nav>
                                <form class="signout" method="post" action=logout>
                                    <span class="who" title=u.email.clone()>{u.name.clone()}</span>
                                    <button type="submit" class="link">"Sign out"</button>
                                </form>
                            })}
                        }
                    })
                })}
            </Suspense>
        </header>
    }
}

/// The outcome of the last form post, carried in the URL (`?notice=` or `?error=`).
#[component]
pub fn Flash() -> impl IntoView {
    let q = leptos_router::hooks::use_query_map();
    let notice = q.with_untracked(|m| m.get("notice"));
    let error = q.with_untracked(|m| m.get("error"));
    view! {
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// A whole number with thousands separators, as stock figures are read.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn grouped_inserts_separators() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(1234567), "1,234,567");
        assert_eq!(super::grouped(-1000), "-1,000");
    }
}
