//! Shelfwise portal UI: routes, pages and the thin server functions behind them.
//! Server-only code sits behind the `ssr` feature; the browser build uses `hydrate`.
//!
//! | module | holds |
//! |---|---|
//! | `views` | the data each page shows, per area (what crosses the wire) |
//! | `api` | the server functions, per area: thin endpoints that call `ssr` |
//! | `ssr` | server only: request context and permission checks, error answers, formatting, and per area the code that loads a view |
//! | `pages` | the pages, grouped by audience (`operator/…`, `supplier/…`; sign-in shared) |
//! | `components` | pieces every page uses: header, flash message, the signed-in page frame |
// Leptos view types nest deeply; the hydrate build of the bigger tables needs more
// than the default 128 levels to compute their layout.
#![recursion_limit = "256"]

pub mod api;
mod components;
mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod views;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{MatchNestedRoutes, ParamSegment, SsrMode, StaticSegment};

use crate::api::get_portal;
pub use crate::components::auto_refresh_html;
use crate::components::Header;
use crate::pages::{
    AccountPage, AlertsPage, ApprovalSettingsPage, ApprovalsPage, BackInStockPage,
    ConfirmAlertPage, DocumentPage, DocumentsPage, ExceptionsPage, ForgotPage, HomePage,
    ImportPage, ImportsPage, IntegrationsPage, InventoryPage, InvitePage, JobsPage, LoginPage,
    MembersPage, NotFound, NotifyPage, OwnScorecardPage, PoliciesPage, RecoveryCodesPage,
    ResetPage, ScorecardsPage, SecondStepPage, SupplierAccessPage, SupplierOrderPage,
    SupplierOrdersPage, SupplierPortalOrderPage, TwoFactorSetupPage, WebhookDeliveriesPage,
};
use crate::views::Portal;

/// Text as one URL path segment: anything but letters, digits and `-._~`
/// percent-encoded (a SKU in `/notify/<SKU>`, on the page and in the redirect back).
pub fn path_segment(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The portal context of this page load (tenant branding, base path, signed-in user).
pub type PortalResource = Resource<Result<Portal, ServerFnError>>;

/// The HTML document around the app; rendered only on the server, with the tenant's
/// theme applied as CSS custom properties so the brand shows from the first paint.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    let head = ssr::shell_head();
    view! {
        <!DOCTYPE html>
        <html lang=head.lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="sw-base" content=head.base/>
                <link rel="stylesheet" href="/pkg/portal.css"/>
                <style inner_html=head.css/>
                {head.favicon.map(|href| view! { <link rel="icon" href=href/> })}
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let portal: PortalResource = Resource::new_blocking(|| (), |_| get_portal());
    provide_context(portal);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                // `rel=external`: the browser follows the skip link itself, which moves
                // the keyboard's starting point to the main content (the router would
                // only scroll).
                portal.await.ok().map(|p| view! {
                    <a class="skip-link" href="#main" rel="external" lang=p.lang.code()>{p.t("skip-to-content")}</a>
                    <Title text=p.product_name.clone()/>
                })
            })}
        </Suspense>
        <Router>
            <Header/>
            <main class="page" id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <ParentRoute path=(StaticSegment("t"), ParamSegment("tenant")) view=Outlet>
                        <PortalRoutes/>
                    </ParentRoute>
                    <ParentRoute path=StaticSegment("") view=Outlet>
                        <PortalRoutes/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}

/// The portal's pages (rendered whole before sending, so a sign-in redirect is a real
/// HTTP redirect); mounted both at the root (tenant from the host) and under
/// `/t/<slug>` (tenant from the path, for local use).
#[component(transparent)]
fn PortalRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
        <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("login"), StaticSegment("two-factor")) view=SecondStepPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("forgot") view=ForgotPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("reset"), ParamSegment("token")) view=ResetPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("account"), StaticSegment("two-factor")) view=TwoFactorSetupPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("account"), StaticSegment("recovery-codes")) view=RecoveryCodesPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("members")) view=MembersPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("inventory") view=InventoryPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("approvals") view=ApprovalsPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("documents") view=DocumentsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("documents"), ParamSegment("kind"), ParamSegment("id")) view=DocumentPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("exceptions") view=ExceptionsPage ssr=SsrMode::Async/>
        <Route path=StaticSegment("jobs") view=JobsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("approvals")) view=ApprovalSettingsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("policies")) view=PoliciesPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("suppliers")) view=SupplierAccessPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("po"), ParamSegment("token")) view=SupplierOrderPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("supplier"), StaticSegment("orders")) view=SupplierOrdersPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("supplier"), StaticSegment("orders"), ParamSegment("id")) view=SupplierPortalOrderPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("invite"), ParamSegment("token")) view=InvitePage ssr=SsrMode::Async/>
        <Route path=StaticSegment("scorecards") view=ScorecardsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("back-in-stock")) view=BackInStockPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("integrations")) view=IntegrationsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("integrations"), StaticSegment("endpoints"), ParamSegment("id")) view=WebhookDeliveriesPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("integrations"), StaticSegment("imports")) view=ImportsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("settings"), StaticSegment("integrations"), StaticSegment("imports"), ParamSegment("id")) view=ImportPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("notify"), ParamSegment("sku")) view=NotifyPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("alerts"), StaticSegment("confirm"), ParamSegment("token")) view=ConfirmAlertPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("alerts"), ParamSegment("token")) view=AlertsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("alerts"), ParamSegment("token"), StaticSegment("unsubscribe")) view=AlertsPage ssr=SsrMode::Async/>
        <Route path=(StaticSegment("supplier"), StaticSegment("scorecard")) view=OwnScorecardPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
