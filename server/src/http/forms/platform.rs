//! The platform's console (signed in to the platform's own portal; the engine checks
//! `ManagePlatform`), served whole by the server: every partner and tenant
//! (`GET /platform`), and suspending or resuming a tenant
//! (`POST /platform/tenants/{slug}/{suspend,resume}`).

use std::collections::BTreeMap;
use std::sync::Arc;

use app::ssr::format::when;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use engine::model::{now_ms, TenantKind};

use super::shell::{page, Flash};
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
            format!(
                "<li><strong>{}</strong> · {n} client tenants</li>",
                escape(p)
            )
        })
        .collect();
    let rows: String = tenants
        .iter()
        .map(|t| {
            let action = if t.kind == TenantKind::Platform {
                "<span class=\"muted\">this console</span>".to_string()
            } else if t.suspended_at.is_some() {
                format!(
                    "<form method=\"post\" action=\"{}\"><button type=\"submit\" class=\"primary\">Resume</button></form>",
                    escape(&me.tc.href(&format!("{CONSOLE}/tenants/{}/resume", t.slug)))
                )
            } else {
                format!(
                    "<details><summary>Suspend…</summary><p class=\"muted\">Its portal, API and e-mail stop with a clear message; nothing is deleted, and resuming restores everything.</p><form method=\"post\" action=\"{}\" class=\"stack\"><label>Reason (kept in its audit trail) <input type=\"text\" name=\"reason\" required maxlength=\"{}\"/></label><button type=\"submit\" class=\"danger\">Suspend {}</button></form></details>",
                    escape(&me.tc.href(&format!("{CONSOLE}/tenants/{}/suspend", t.slug))),
                    engine::platform::MAX_REASON_CHARS,
                    escape(&t.name)
                )
            };
            let state = match t.suspended_at {
                Some(at) => format!("suspended since {}", when(at)),
                None => "running".into(),
            };
            format!(
                "<tr><th scope=\"row\">{}<br/><span class=\"muted\">{}</span></th><td>{}</td><td>{}</td><td>{}</td><td>{action}</td></tr>",
                escape(&t.name),
                escape(&t.slug),
                t.kind.as_str(),
                escape(t.partner.as_deref().unwrap_or("—")),
                escape(&state),
            )
        })
        .collect();
    let body = format!(
        "<section class=\"card\"><h1>Platform</h1>{flash}<h2>Partners</h2><ul class=\"people\">{partners}</ul><h2>Tenants</h2><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Tenant</th><th scope=\"col\">Kind</th><th scope=\"col\">Partner</th><th scope=\"col\">State</th><th scope=\"col\"><span class=\"sr-only\">Actions</span></th></tr></thead><tbody>{rows}</tbody></table></div></section>",
        flash = f.html(),
        partners = if partner_rows.is_empty() {
            "<li class=\"empty\">No partners yet.</li>".to_string()
        } else {
            partner_rows
        },
    );
    page(&app, &me.tc, Some(&me.member), "Platform", &body, None)
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
            me.notice(CONSOLE, &format!("{slug} is suspended."))
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
            me.notice(CONSOLE, &format!("{slug} is running again."))
        }
        Err(e) => me.fail(CONSOLE, &e),
    }
}
