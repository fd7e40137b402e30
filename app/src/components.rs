//! Pieces shared by the pages: the branded header, the frame every signed-in page
//! opens with, the flash message and small helpers.

use leptos::prelude::*;
use leptos_router::components::{Redirect, A};

use crate::views::Portal;
use crate::PortalResource;
use access::Permission;

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
                        let can = |perm: Permission| p.user.as_ref().is_some_and(|u| u.can(perm));
                        let inventory_nav = can(Permission::ViewInventory);
                        let jobs_nav = can(Permission::SeeJobs);
                        let matrix_nav = can(Permission::EditApprovalMatrix);
                        let suppliers_nav = can(Permission::ManageSuppliers);
                        let suppliers = p.href("/settings/suppliers");
                        let alerts_nav = can(Permission::ManageBackInStock);
                        let integrations_nav = can(Permission::ManageIntegrations);
                        let integrations = p.href("/settings/integrations");
                        let alerts = p.href("/settings/back-in-stock");
                        let members_nav = can(Permission::ManageMembers);
                        let members = p.href("/settings/members");
                        let account = p.href("/account");
                        let branding_nav = can(Permission::EditBranding);
                        let branding = p.href("/settings/branding/theme");
                        // A supplier user's own navigation: their orders, no staff pages.
                        let supplier_nav = can(Permission::AnswerPurchaseOrders);
                        let supplier_orders = p.href("/supplier/orders");
                        let own_scorecard = p.href("/supplier/scorecard");
                        let scorecards = p.href("/scorecards");
                        let logout = p.href("/logout");
                        // The consoles and the audit trail are served whole by the server.
                        let clients_nav = can(Permission::ManageClientTenants);
                        let clients = p.href("/partner");
                        let platform_nav = can(Permission::ManagePlatform);
                        let platform = p.href("/platform");
                        let audit_nav = can(Permission::SeeAuditTrail);
                        let audit = p.href("/settings/audit");
                        let assistant = p.href("/settings/assistant");
                        let dashboard = p.href("/dashboard");
                        let backtests = p.href("/backtests");
                        let end_act_as = p.href("/act-as/end");
                        let tenant_name = p.tenant_name.clone();
                        let lang = p.lang;
                        let tr = move |id: &str| i18n::t(lang, id);
                        view! {
                            <A href=home attr:class="brand">
                                {p.logo_url.clone().map(|src| view! { <img class="logo" src=src alt=""/> })}
                                <span class="product-name">{p.product_name.clone()}</span>
                            </A>
                            {p.user.clone().map(|u| view! {
                                <nav class="nav" lang=lang.code()>
                                    {inventory_nav.then(|| view! {
                                        <a href=dashboard.clone() rel="external">{tr("nav-dashboard")}</a>
                                        <A href=inventory.clone()>{tr("nav-inventory")}</A>
                                        <A href=approvals.clone()>{tr("nav-approvals")}</A>
                                        <A href=documents.clone()>{tr("nav-documents")}</A>
                                        <A href=exceptions.clone()>{tr("nav-exceptions")}</A>
                                        <A href=policies.clone()>{tr("nav-policies")}</A>
                                        <A href=scorecards.clone()>{tr("nav-scorecards")}</A>
                                        <a href=assistant.clone() rel="external">{tr("nav-assistant")}</a>
                                        <a href=backtests.clone() rel="external">{tr("nav-backtests")}</a>
                                    })}
                                    {jobs_nav.then(|| view! { <A href=jobs.clone()>{tr("nav-jobs")}</A> })}
                                    {matrix_nav.then(|| view! { <A href=settings.clone()>{tr("nav-settings")}</A> })}
                                    {suppliers_nav.then(|| view! { <A href=suppliers.clone()>{tr("nav-suppliers")}</A> })}
                                    {alerts_nav.then(|| view! { <A href=alerts.clone()>{tr("nav-back-in-stock")}</A> })}
                                    {integrations_nav.then(|| view! { <A href=integrations.clone()>{tr("nav-integrations")}</A> })}
                                    {members_nav.then(|| view! { <A href=members.clone()>{tr("nav-members")}</A> })}
                                    {branding_nav.then(|| view! { <a href=branding.clone()>{tr("nav-branding")}</a> })}
                                    {audit_nav.then(|| view! { <a href=audit.clone() rel="external">{tr("nav-audit-trail")}</a> })}
                                    {clients_nav.then(|| view! { <a href=clients.clone() rel="external">{tr("nav-clients")}</a> })}
                                    {platform_nav.then(|| view! { <a href=platform.clone() rel="external">{tr("nav-platform")}</a> })}
                                    {supplier_nav.then(|| view! {
                                        <A href=supplier_orders.clone()>{tr("nav-orders")}</A>
                                        <A href=own_scorecard.clone()>{tr("nav-scorecard")}</A>
                                    })}
                                </nav>
                                {match u.acting.clone() {
                                    // Acting in a client's portal: no account of one's own here.
                                    Some(_) => view! { <span class="who">{u.name.clone()}</span> }.into_any(),
                                    None => view! {
                                        <form class="signout" method="post" action=logout.clone() lang=lang.code()>
                                            <A href=account.clone() attr:class="who" attr:title=i18n::t_args(lang, "account-link-title", &[("email", u.email.clone().into())])>{u.name.clone()}</A>
                                            <button type="submit" class="link">{tr("sign-out")}</button>
                                        </form>
                                    }.into_any(),
                                }}
                            })}
                            {p.user.as_ref().and_then(|u| u.acting.clone()).map(|a| view! {
                                <div class="act-as-banner" role="status">
                                    <p>
                                        <strong>{i18n::t_args(lang, "ui-acting-in", &[("tenant", tenant_name.clone().into())])}</strong>
                                        " " {i18n::t_args(lang, "ui-acting-as", &[("role", a.role.into()), ("until", a.until.into()), ("reason", a.reason.into())])}
                                    </p>
                                    <form method="post" action=end_act_as.clone()>
                                        <button type="submit">{tr("ui-end-now")}</button>
                                    </form>
                                </div>
                            })}
                        }
                    })
                })}
            </Suspense>
        </header>
    }
}

/// The opening every signed-in page shares: waits for the portal context, sends a
/// signed-out visitor to sign in, waits for the page's `data`, and shows a failure as a
/// sentence in a card. `render` draws the page from the portal and the data.
#[component]
pub fn SignedInPage<T, F>(data: Resource<Result<T, ServerFnError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Portal, T) -> AnyView + Clone + Send + Sync + 'static,
{
    let portal = expect_context::<PortalResource>();
    view! {
        <Suspense fallback=|| view! { <p class="muted" aria-busy="true">"…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let Ok(p) = portal.await else { return ().into_any() };
                    if p.user.is_none() {
                        return view! { <Redirect path=p.href("/login")/> }.into_any();
                    }
                    match data.await {
                        Ok(v) => render(p, v),
                        Err(e) => view! { <ErrorCard error=e home=p.href("/") lang=p.lang/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A failure to load a page, as the sentence the server gave (never the framework's
/// wording around it).
#[component]
pub fn ErrorCard(error: ServerFnError, home: String, lang: i18n::Lang) -> impl IntoView {
    view! {
        <section class="card">
            <p class="error" role="alert">{error_text(lang, error)}</p>
            <p><A href=home>{i18n::t(lang, "ui-back-to-start")}</A></p>
        </section>
    }
}

/// The sentence the server gave, or a plain one when the server could not be reached.
pub fn error_text(lang: i18n::Lang, error: ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(message) => message,
        _ => i18n::t(lang, "ui-unreachable"),
    }
}

/// What a page that follows long work (an import being checked, a backtest, a client
/// being set up) shows in place of `<meta http-equiv=refresh>`, which cannot be
/// stopped: a line saying it updates itself, a button that stops it (WCAG 2.2.1), and
/// a script that reloads every `seconds` only while the page is shown and nothing on
/// it has focus, so a person using a form or the keyboard is never interrupted.
pub fn auto_refresh_html(lang: i18n::Lang, seconds: u32) -> String {
    // Catalogue text is plain (no markup): escaped for HTML, and for the script's
    // single-quoted string (where `<` is written `\x3c` so nothing can end the script).
    let esc = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let js = |s: String| {
        s.replace('\\', "\\\\")
            .replace('\'', "\\'")
            .replace('<', "\\x3c")
            .replace('\n', " ")
    };
    let updates = esc(i18n::t_args(
        lang,
        "ui-updates-itself",
        &[("seconds", i64::from(seconds).into())],
    ));
    let stop = esc(i18n::t(lang, "ui-stop-updating"));
    let stopped = js(i18n::t(lang, "ui-stopped-updating"));
    format!(
        "<p class=\"auto-refresh muted\" role=\"status\">{updates} <button type=\"button\">{stop}</button></p>\
         <script>(function(){{var p=document.currentScript.previousElementSibling;\
         var t=setInterval(function(){{if(document.visibilityState==='visible'&&(!document.activeElement||document.activeElement===document.body))location.reload();}},{ms});\
         p.querySelector('button').onclick=function(){{clearInterval(t);p.textContent='{stopped}';}};}})();</script>",
        ms = u64::from(seconds) * 1000
    )
}

/// A moment as people read it ("5 min ago"), with the exact time on hover and, for a
/// keyboard, on focus (`time.moment:focus` shows it).
#[component]
pub fn Moment(at: String, exact: String, iso: String) -> impl IntoView {
    view! { <time class="moment" datetime=iso title=exact.clone() data-exact=exact tabindex="0">{at}</time> }
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

/// The messages between buyer and supplier about an order, and (with an `action`) a
/// form to write one. `supplier_side` says which side is reading ("you").
#[component]
pub fn MessageThread(
    messages: Vec<crate::views::MessageView>,
    action: Option<String>,
    supplier_side: bool,
    lang: i18n::Lang,
) -> impl IntoView {
    let empty = messages.is_empty();
    let tr = move |id: &str| i18n::t(lang, id);
    view! {
        <section class="card no-print" aria-labelledby="messages-heading">
            <h2 id="messages-heading">{tr("ui-messages")}</h2>
            {empty.then(|| view! { <p class="empty">{tr("ui-no-messages")}</p> })}
            <ol class="messages">
                {messages.into_iter().map(|m| {
                    let side = if m.from_supplier { "supplier" } else { "buyer" };
                    let who = i18n::t_args(lang, if m.from_supplier { "ui-author-supplier" } else { "ui-author-buyer" }, &[("name", m.author.into())]);
                    view! {
                        <li class=format!("message from-{side}")>
                            <p class="muted">{who} " · " {m.at}</p>
                            <p class="message-body">{m.body}</p>
                            {m.attachment.map(|(name, href)| view! {
                                <p class="attachment">"📎 " <a href=href rel="noopener">{name}</a></p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {action.map(|a| view! {
                <form method="post" action=a enctype="multipart/form-data">
                    <label for="message-body">{if supplier_side { tr("ui-write-to-buyer") } else { tr("ui-write-to-supplier") }}</label>
                    <textarea id="message-body" name="body" required maxlength="2000" rows="3"></textarea>
                    <label for="message-file">{tr("ui-attach-file")}</label>
                    <input id="message-file" type="file" name="file" accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain"/>
                    <button type="submit">{tr("ui-send-message")}</button>
                </form>
            })}
        </section>
    }
}

/// A whole number with thousands separators, as stock figures are read in `lang`.
pub fn grouped(lang: i18n::Lang, n: i64) -> String {
    i18n::fmt::count(lang, n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn grouped_inserts_separators() {
        use i18n::Lang;
        assert_eq!(super::grouped(Lang::En, 0), "0");
        assert_eq!(super::grouped(Lang::En, 1234567), "1,234,567");
        assert_eq!(super::grouped(Lang::De, -1000), "-1.000");
    }
}
