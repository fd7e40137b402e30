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
                        let logout = p.href("/logout");
                        view! {
                            <A href=home attr:class="brand">
                                {p.logo_url.clone().map(|src| view! { <img class="logo" src=src alt=""/> })}
                                <span class="product-name">{p.product_name.clone()}</span>
                            </A>
                            {p.user.clone().map(|u| view! {
                                <nav class="nav">
                                    <A href=inventory>"Inventory"</A>
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
