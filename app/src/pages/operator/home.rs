//! Overview: headline stock figures with a way into the low-stock list.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::api::get_overview;
use crate::components::{error_text, grouped, Flash};
use crate::PortalResource;
use access::Permission;

#[component]
pub fn HomePage() -> impl IntoView {
    let portal = expect_context::<PortalResource>();
    let overview = Resource::new(|| (), |_| get_overview());
    view! {
        <Suspense fallback=|| crate::pages::loading()>
            {move || Suspend::new(async move {
                let Ok(p) = portal.await else { return ().into_any() };
                let lang = p.lang;
                let Some(user) = p.user.clone() else {
                    return view! { <Redirect path=p.href("/login")/> }.into_any();
                };
                // A supplier user's start page is their order list.
                if !user.can(Permission::ViewInventory) && user.can(Permission::AnswerPurchaseOrders) {
                    return view! { <Redirect path=p.href("/supplier/orders")/> }.into_any();
                }
                // A partner's or the platform's console: its pages, no stock.
                if !user.can(Permission::ViewInventory) {
                    let links = [
                        (Permission::ManageClientTenants, "/partner", "staff-home-clients"),
                        (Permission::ManagePlatform, "/platform", "staff-home-partners-tenants"),
                        (Permission::ManageMembers, "/settings/members", "staff-home-members"),
                        (Permission::EditBranding, "/settings/branding/theme", "staff-home-branding"),
                        (Permission::SeeAuditTrail, "/settings/audit", "staff-home-audit-trail"),
                    ];
                    let items = links
                        .into_iter()
                        .filter(|(perm, _, _)| user.can(*perm))
                        .map(|(_, path, label)| view! { <li><a href=p.href(path) rel="external">{i18n::t(lang, label)}</a></li> })
                        .collect_view();
                    return view! {
                        <section class="card">
                            <h1>{p.tenant_name.clone()}</h1>
                            <Flash/>
                            <p class="muted">{i18n::t_args(lang, "staff-home-welcome", &[("name", user.name.into())])}</p>
                            <ul class="people">{items}</ul>
                        </section>
                    }.into_any();
                }
                let o = overview.await;
                view! {
                    <section class="card">
                        <h1>{p.tenant_name.clone()}</h1>
                        <Flash/>
                        <p class="muted">{i18n::t_args(lang, "staff-home-welcome", &[("name", user.name.into())])}</p>
                        {match o {
                            Ok(o) => view! {
                                <div class="stats">
                                    <div class="stat"><span class="figure">{o.locations}</span><span>{i18n::t(lang, "staff-home-locations")}</span></div>
                                    <div class="stat"><span class="figure">{grouped(lang, o.products)}</span><span>{i18n::t(lang, "staff-home-products")}</span></div>
                                    <A href=p.href("/inventory?low=true") attr:class="stat alert">
                                        <span class="figure">{grouped(lang, o.low_positions)}{o.low_capped.then_some("+")}</span>
                                        <span>{i18n::t(lang, "staff-home-low-positions")}</span>
                                    </A>
                                </div>
                            }.into_any(),
                            Err(e) => view! { <p class="error" role="alert">{error_text(lang, e)}</p> }.into_any(),
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
