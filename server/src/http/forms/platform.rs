//! The platform's console (signed in to the platform's own portal; the engine checks
//! `ManagePlatform`), served whole by the server: every partner and tenant
//! (`GET /platform`), and suspending or resuming a tenant
//! (`POST /platform/tenants/{slug}/{suspend,resume}`).

use std::collections::BTreeMap;
use std::sync::Arc;

use app::ssr::format::when_at;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use engine::model::{now_ms, TenantKind};

use super::shell::{kind_label, page, Flash};
use super::{param, Params, Posted, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const CONSOLE: &str = "/platform";

pub async fn console(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(f): Query<Flash>,
) -> Response {
    let tenants = match engine::platform::tenants(&app.store, &me.member).await {
        Ok(t) => t,
        Err(e) => return me.fail("/", &e),
    };
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let mut partners: BTreeMap<String, usize> = BTreeMap::new();
    for t in &tenants {
        if let Some(p) = &t.partner {
            let clients = partners.entry(p.clone()).or_default();
            if t.kind == TenantKind::Retailer {
                *clients += 1;
            }
        }
    }
    let partner_rows: String = partners
        .iter()
        .map(|(p, n)| {
            let clients = i64::try_from(*n).unwrap_or(i64::MAX);
            format!(
                "<li><strong>{}</strong> · {}</li>",
                escape(p),
                escape(&i18n::t_args(
                    lang,
                    "site-platform-client-tenants",
                    &[("n", clients.into())]
                ))
            )
        })
        .collect();
    let rows: String = tenants
        .iter()
        .map(|t| {
            let action = if t.kind == TenantKind::Platform {
                format!("<span class=\"muted\">{}</span>", tr("site-platform-this-console"))
            } else if t.suspended_at.is_some() {
                format!(
                    "<form method=\"post\" action=\"{}\"><button type=\"submit\" class=\"primary\">{}</button></form>",
                    escape(&me.tc.href(&format!("{CONSOLE}/tenants/{}/resume", t.slug))),
                    tr("site-platform-resume")
                )
            } else {
                format!(
                    "<details><summary>{}</summary><p class=\"muted\">{}</p><form method=\"post\" action=\"{}\" class=\"stack\"><label>{} <input type=\"text\" name=\"reason\" required maxlength=\"{}\"/></label><button type=\"submit\" class=\"danger\">{}</button></form></details>",
                    tr("site-platform-suspend-summary"),
                    tr("site-platform-suspend-help"),
                    escape(&me.tc.href(&format!("{CONSOLE}/tenants/{}/suspend", t.slug))),
                    tr("site-platform-suspend-reason"),
                    engine::platform::MAX_REASON_CHARS,
                    escape(&i18n::t_args(
                        lang,
                        "site-platform-suspend",
                        &[("name", t.name.clone().into())]
                    ))
                )
            };
            let state = match t.suspended_at {
                Some(at) => i18n::t_args(
                    lang,
                    "site-platform-suspended-since",
                    &[("when", when_at(&me.tc, at).into())],
                ),
                None => i18n::t(lang, "site-platform-running"),
            };
            format!(
                "<tr><th scope=\"row\">{}<br/><span class=\"muted\">{}</span></th><td>{}</td><td>{}</td><td>{}</td><td>{action}</td></tr>",
                escape(&t.name),
                escape(&t.slug),
                escape(&kind_label(lang, t.kind)),
                escape(t.partner.as_deref().unwrap_or("—")),
                escape(&state),
            )
        })
        .collect();
    let body = format!(
        "<section class=\"card\"><h1>{title}</h1>{flash}<h2>{l_partners}</h2><ul class=\"people\">{partners}</ul><h2>{l_tenants}</h2><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{l_tenant}</th><th scope=\"col\">{l_kind}</th><th scope=\"col\">{l_partner}</th><th scope=\"col\">{l_state}</th><th scope=\"col\"><span class=\"sr-only\">{l_actions}</span></th></tr></thead><tbody>{rows}</tbody></table></div></section>",
        title = tr("site-platform-title"),
        flash = f.html(),
        l_partners = tr("site-platform-partners"),
        l_tenants = tr("site-platform-tenants"),
        l_tenant = tr("site-platform-tenant"),
        l_kind = tr("site-platform-kind"),
        l_partner = tr("site-platform-partner"),
        l_state = tr("site-platform-state"),
        l_actions = tr("site-actions"),
        partners = if partner_rows.is_empty() {
            format!("<li class=\"empty\">{}</li>", tr("site-platform-no-partners"))
        } else {
            partner_rows
        },
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &i18n::t(lang, "site-platform-title"),
        &body,
        None,
    )
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SuspendForm {
    pub reason: String,
}

pub async fn suspend(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<SuspendForm>,
) -> Response {
    let slug = param(&params, "slug");
    match engine::platform::suspend_tenant(&app.store, &me.member, slug, &form.reason, now_ms())
        .await
    {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(
                CONSOLE,
                &i18n::t_args(
                    me.tc.lang,
                    "site-platform-suspended",
                    &[("slug", slug.into())],
                ),
            )
        }
        Err(e) => me.fail(CONSOLE, &e),
    }
}

pub async fn resume(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let slug = param(&params, "slug");
    match engine::platform::resume_tenant(&app.store, &me.member, slug, now_ms()).await {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(
                CONSOLE,
                &i18n::t_args(
                    me.tc.lang,
                    "site-platform-resumed",
                    &[("slug", slug.into())],
                ),
            )
        }
        Err(e) => me.fail(CONSOLE, &e),
    }
}
