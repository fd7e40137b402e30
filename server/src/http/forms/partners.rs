//! A partner's console (signed in to the partner's own portal; the engine checks
//! `ManageClientTenants`), served whole by the server in the partner's brand: the client
//! list with each client's health and a 30-day chart (`GET /partner`), provisioning a
//! client from a template (`POST /partner/clients`, its progress at
//! `/partner/provisionings/{id}`, `…/{id}/retry`), and starting an act-as session
//! (`POST /partner/clients/{slug}/act-as`), which answers with a link to the client's own
//! host: `GET`/`POST /act-as/{token}` there takes the one-time hand-over and signs the
//! session in; `POST /act-as/end` leaves it.

use std::sync::Arc;

use app::ssr::format::{count, span, when};
use app::ssr::{auth_key, SessionAuth, TenantCtx};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use engine::model::{now_ms, Role, TenantKind};
use engine::partners::{self, act_as};
use engine::store::partners::{HealthRecord, ProvisioningRecord, HEALTH_DAYS};
use tower_sessions::Session;

use super::shell::{page, Flash};
use super::{param, Params, Posted, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const CONSOLE: &str = "/partner";

/// Where a client's portal is, seen from this console: the path form on the platform's
/// host, or the client's own subdomain (same scheme and port as this request).
fn client_url(
    app: &AppState,
    tc: &TenantCtx,
    headers: &HeaderMap,
    slug: &str,
    path: &str,
) -> String {
    if !tc.base.is_empty() {
        return format!("/t/{slug}{path}");
    }
    let port = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.rsplit_once(':'))
        .filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, p)| format!(":{p}"))
        .unwrap_or_default();
    let scheme = if app.settings.https { "https" } else { "http" };
    format!("{scheme}://{slug}.{}{port}{path}", app.settings.base_domain)
}

/// Stockouts per day as bars, with the figures in words for a screen reader.
fn chart(days: &[i64]) -> String {
    let max = days.iter().copied().max().unwrap_or(0).max(1);
    let total: i64 = days.iter().sum();
    let bars: String = days
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let h = (n * 28 / max).max(if *n > 0 { 2 } else { 0 });
            format!(
                "<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"{h}\"><title>{n}</title></rect>",
                i * 4,
                30 - h
            )
        })
        .collect();
    format!(
        "<svg class=\"spark\" viewBox=\"0 0 {} 30\" width=\"{}\" height=\"30\" role=\"img\" aria-label=\"Stockouts per day over the last {HEALTH_DAYS} days: {total} in all, at most {} in a day\">{bars}</svg>",
        days.len() * 4,
        days.len() * 4,
        days.iter().max().copied().unwrap_or(0)
    )
}

fn health_cells(h: &HealthRecord, now: i64) -> String {
    let [day, week, older] = h.exceptions_by_age;
    let last = match h.last_event_at {
        Some(at) if now - at < 60_000 => "just now".into(),
        Some(at) => format!("{} ago", span(now - at)),
        None => "none recently".into(),
    };
    let today = h.stockouts_by_day.last().copied().unwrap_or(0);
    let warn = |n: i64| if n > 0 { " class=\"alert\"" } else { "" };
    format!(
        "<td><span title=\"raised in the last day\">{}</span> · <span title=\"one to seven days old\">{}</span> · <span{} title=\"older than a week\">{}</span></td><td>{}</td><td{}>{}</td><td{}>{}</td><td>{last}</td><td{}>{}</td><td>{}</td>",
        count(day),
        count(week),
        warn(older),
        count(older),
        count(h.pending_approvals),
        warn(h.dead_jobs),
        count(h.dead_jobs),
        warn(h.failed_deliveries),
        count(h.failed_deliveries),
        warn(today),
        count(today),
        chart(&h.stockouts_by_day),
    )
}

fn progress(p: &ProvisioningRecord) -> String {
    let state = match p.state.as_str() {
        "queued" => "waiting to start".to_string(),
        "running" => format!("working: {}", p.step),
        "done" => "ready".to_string(),
        _ => format!(
            "failed: {}",
            p.error.as_deref().unwrap_or("no reason was kept")
        ),
    };
    format!(
        "<progress value=\"{}\" max=\"{}\">{} of {}</progress> <span>{}</span>",
        p.steps_done,
        p.steps_total,
        p.steps_done,
        p.steps_total,
        escape(&state)
    )
}

/// The console: clients with their health, provisionings, and the new-client form.
pub async fn console(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: HeaderMap,
    Query(f): Query<Flash>,
) -> Response {
    let now = now_ms();
    let c = match partners::console(&app.store, me.tc.tenant.id, &me.member, now).await {
        Ok(c) => c,
        Err(e) => return me.fail("/", &e),
    };
    let roles: String = TenantKind::Retailer
        .member_roles()
        .iter()
        .map(|r| {
            let selected = if *r == Role::Planner { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                r.as_str(),
                r.label()
            )
        })
        .collect();
    let mut rows = String::new();
    for client in &c.clients {
        let t = &client.tenant;
        let portal = client_url(&app, &me.tc, &headers, &t.slug, "/");
        let act = escape(&me.tc.href(&format!("{CONSOLE}/clients/{}/act-as", t.slug)));
        let status = if t.suspended_at.is_some() {
            "<span class=\"badge\">suspended</span>".to_string()
        } else {
            format!(
                "<details><summary>Act as…</summary><form method=\"post\" action=\"{act}\" class=\"stack\"><label>Role <select name=\"role\">{roles}</select></label><label>For how long (minutes) <input type=\"number\" name=\"minutes\" min=\"{}\" max=\"{}\" value=\"60\" required/></label><label>Reason (the client's admins read it) <input type=\"text\" name=\"reason\" minlength=\"{}\" maxlength=\"{}\" required/></label><button type=\"submit\" class=\"primary\">Enter {}</button></form></details>",
                act_as::MIN_MINUTES,
                act_as::MAX_MINUTES,
                act_as::MIN_REASON_CHARS,
                act_as::MAX_REASON_CHARS,
                escape(&t.name)
            )
        };
        rows.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a><br/><span class=\"muted\">{}</span></th>{}<td>{status}</td></tr>",
            escape(&portal),
            escape(&t.name),
            escape(&t.slug),
            health_cells(&client.health, now)
        ));
    }
    let clients = if rows.is_empty() {
        "<p class=\"empty\">No clients yet: provision your first one below.</p>".to_string()
    } else {
        format!(
            "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Client</th><th scope=\"col\">Open exceptions (day · week · older)</th><th scope=\"col\">Pending approvals</th><th scope=\"col\">Dead jobs</th><th scope=\"col\">Failed deliveries</th><th scope=\"col\">Last event</th><th scope=\"col\">Stockouts today</th><th scope=\"col\">Stockouts, {HEALTH_DAYS} days</th><th scope=\"col\"><span class=\"sr-only\">Actions</span></th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    };
    let provisionings: String = c
        .provisionings
        .iter()
        .take(10)
        .map(|p| {
            format!(
                "<li><a href=\"{}\">{}</a> <span class=\"muted\">from {}, {}</span> {}</li>",
                escape(&me.tc.href(&format!("{CONSOLE}/provisionings/{}", p.id))),
                escape(&p.client_name),
                escape(&p.template),
                escape(&when(p.created_at)),
                progress(p)
            )
        })
        .collect();
    let provisionings = if provisionings.is_empty() {
        String::new()
    } else {
        format!("<h2>Recent provisionings</h2><ul class=\"people\">{provisionings}</ul>")
    };
    let provisioner = app.provisioner();
    let templates: String = provisioner
        .templates()
        .iter()
        .map(|t| {
            format!(
                "<option value=\"{}\">{} ({} locations, {} products, {} suppliers)</option>",
                escape(&t.name),
                escape(&t.title),
                t.locations,
                t.products,
                t.suppliers
            )
        })
        .collect();
    let themes: String = app
        .themes
        .packs()
        .iter()
        .map(|n| {
            let default = if n == partners::DEFAULT_PACK {
                " selected"
            } else {
                ""
            };
            format!("<option value=\"{0}\"{default}>{0}</option>", escape(n))
        })
        .collect();
    let body = format!(
        "<section class=\"card\"><h1>{partner}: your clients</h1>{flash}<p class=\"muted\">Each client's health now. To look inside a client's portal, act as it: the session has a reason and an end, and the client's admins see it in their audit trail.</p><p><a href=\"{compare}\">Compare your clients' figures</a> (stockout exposure, fill rate, stock value and turns, forecast error, approvals, back-in-stock) in charts.</p>{clients}</section>\
         <section class=\"card\"><h2>New client</h2>{provisionings}<p class=\"muted\">Sets up a client's portal from a template: its locations, suppliers, products, starting stock, policies and approval rules. The first admin gets an invitation by e-mail.</p>\
         <form method=\"post\" action=\"{new}\" class=\"stack\"><label>Template <select name=\"template\" required>{templates}</select></label><label>Client name <input type=\"text\" name=\"name\" required maxlength=\"100\"/></label><label>Address name (lowercase letters, digits, hyphens) <input type=\"text\" name=\"slug\" required minlength=\"2\" maxlength=\"40\" pattern=\"[a-z0-9][a-z0-9-]*[a-z0-9]\" autocomplete=\"off\"/></label><label>Theme to start from (the client's name becomes its product name) <select name=\"theme\">{themes}</select></label><label>First admin's name <input type=\"text\" name=\"admin_name\" required maxlength=\"100\"/></label><label>First admin's e-mail <input type=\"email\" name=\"admin_email\" required maxlength=\"254\"/></label><button type=\"submit\" class=\"primary\">Provision</button></form></section>",
        partner = escape(&c.partner.name),
        flash = f.html(),
        new = escape(&me.tc.href(&format!("{CONSOLE}/clients"))),
        compare = escape(&me.tc.href(&format!("{CONSOLE}/dashboard"))),
    );
    page(&app, &me.tc, Some(&me.member), "Your clients", &body, None)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewClientForm {
    pub template: String,
    pub slug: String,
    pub name: String,
    pub theme: String,
    pub admin_email: String,
    pub admin_name: String,
}

pub async fn provision(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<NewClientForm>,
) -> Response {
    let new = partners::NewClient {
        template: form.template,
        slug: form.slug,
        name: form.name,
        theme: form.theme,
        admin_email: form.admin_email,
        admin_name: form.admin_name,
    };
    let (t, rid) = (me.tc.tenant.id, me.rid());
    match partners::provision(&app.provisioner(), t, &me.member, new, rid, now_ms()).await {
        Ok(id) => {
            // The new address must not stay "not found" in this replica's cache.
            app.tenant_cache.clear();
            app.imports_wake.notify_one();
            Redirect::to(&me.tc.href(&format!("{CONSOLE}/provisionings/{id}"))).into_response()
        }
        Err(e) => me.fail(CONSOLE, &e),
    }
}

/// One provisioning's progress; the page reloads itself until it is done or failed.
pub async fn provisioning(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: HeaderMap,
    Path(params): Path<Params>,
    Query(f): Query<Flash>,
) -> Response {
    let Some(id) = super::id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let p = match partners::provisioning(&app.store, me.tc.tenant.id, &me.member, id).await {
        Ok(p) => p,
        Err(e) => return me.fail(CONSOLE, &e),
    };
    let moving = matches!(p.state.as_str(), "queued" | "running");
    let next = match p.state.as_str() {
        "done" => format!(
            "<p>{} is ready. An invitation went to {}. <a href=\"{}\">Open its portal</a>.</p>",
            escape(&p.client_name),
            escape(&p.admin_email),
            escape(&client_url(&app, &me.tc, &headers, &p.client_slug, "/"))
        ),
        "failed" => format!(
            "<p>Nothing already set up is lost: trying again runs the steps once more, and none is done twice.</p><form method=\"post\" action=\"{}\"><button type=\"submit\" class=\"primary\">Try again</button></form>",
            escape(&me.tc.href(&format!("{CONSOLE}/provisionings/{id}/retry")))
        ),
        _ => "<p class=\"muted\">This page updates by itself.</p>".to_string(),
    };
    let body = format!(
        "<section class=\"card\"><p><a href=\"{back}\">All clients</a></p><h1>Provisioning {name}</h1>{flash}<p>From the template {template}.</p><p aria-live=\"polite\">{progress}</p>{next}</section>",
        back = escape(&me.tc.href(CONSOLE)),
        name = escape(&p.client_name),
        flash = f.html(),
        template = escape(&p.template),
        progress = progress(&p),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        "Provisioning",
        &body,
        moving.then_some(2),
    )
}

pub async fn retry(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(id) = super::id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let back = format!("{CONSOLE}/provisionings/{id}");
    let (t, rid) = (me.tc.tenant.id, me.rid());
    match partners::retry_provisioning(&app.store, t, &me.member, id, rid, now_ms()).await {
        Ok(()) => {
            app.imports_wake.notify_one();
            me.notice(&back, "Trying again.")
        }
        Err(e) => me.fail(&back, &e),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ActAsForm {
    pub role: String,
    pub minutes: String,
    pub reason: String,
}

/// Starts an act-as session and sends the browser to the client's host to enter it.
pub async fn start_act_as(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: HeaderMap,
    Path(params): Path<Params>,
    Posted(form): Posted<ActAsForm>,
) -> Response {
    let Some(role) = Role::parse(form.role.trim()) else {
        return me.error(CONSOLE, "Choose the role to act with.");
    };
    let Ok(minutes) = form.minutes.trim().parse::<i64>() else {
        return me.error(CONSOLE, "For how long must be a whole number of minutes.");
    };
    let request = act_as::Request {
        client: param(&params, "slug").to_string(),
        role,
        reason: form.reason,
        minutes,
    };
    let (t, rid) = (me.tc.tenant.id, me.rid());
    match act_as::start(&app.store, t, &me.member, request, rid, now_ms()).await {
        Ok(started) => {
            // A link, not a redirect: the client may be on another host, and a form's
            // redirect there is blocked by the portal's `form-action 'self'`.
            let path = format!("/act-as/{}", started.token);
            let to = client_url(&app, &me.tc, &headers, &started.client.slug, &path);
            let body = format!(
                "<section class=\"card narrow\"><h1>Enter {name}</h1><p>Your session is ready: {role} until {until}. The link below works once, for two minutes.</p><p><a class=\"button primary\" id=\"enter\" href=\"{to}\" rel=\"noreferrer\">Enter {name}'s portal</a></p><p><a href=\"{back}\">Back to your clients</a></p></section>",
                name = escape(&started.client.name),
                role = escape(role.label()),
                until = escape(&when(started.until)),
                to = escape(&to),
                back = escape(&me.tc.href(CONSOLE)),
            );
            page(
                &app,
                &me.tc,
                Some(&me.member),
                "Enter a client",
                &body,
                None,
            )
        }
        Err(e) => me.fail(CONSOLE, &e),
    }
}

/// The client's host: a button that takes the hand-over (a GET changes nothing, so a
/// link preview cannot use it up).
pub async fn act_as_entry(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    Path(params): Path<Params>,
) -> Response {
    let token = param(&params, "token");
    let body = format!(
        "<section class=\"card narrow\"><h1>Enter {name}</h1><p>You are about to act in {name}'s portal, as your console asked. Everything you do is recorded in its audit trail.</p><form method=\"post\" action=\"{to}\"><button type=\"submit\" class=\"primary\">Enter</button></form></section>",
        name = escape(&tc.tenant.name),
        to = escape(&tc.href(&format!("/act-as/{token}"))),
    );
    let mut res = page(&app, &tc, None, "Enter", &body, None);
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    res
}

/// Takes the hand-over and signs the act-as session in, on this host only.
pub async fn act_as_enter(
    State(app): State<Arc<AppState>>,
    Extension(tc): Extension<TenantCtx>,
    session: Session,
    headers: HeaderMap,
    Path(params): Path<Params>,
) -> Response {
    let rid = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    let now = now_ms();
    let entered = act_as::enter(&app.store, tc.tenant.id, param(&params, "token"), rid, now).await;
    let (session_id, user_id) = match entered {
        Ok(v) => v,
        Err(e) => {
            let body = format!(
                "<section class=\"card narrow\"><h1>This link does not work</h1><p class=\"error\" role=\"alert\">{}</p></section>",
                escape(&super::message(&e))
            );
            let mut res = page(&app, &tc, None, "Link not valid", &body, None);
            *res.status_mut() = axum::http::StatusCode::GONE;
            return res;
        }
    };
    // A sign-in of someone else waiting for its second step on this host is over.
    let _ = session
        .remove::<serde_json::Value>(&app::ssr::pending_key(tc.tenant.id))
        .await;
    if session.cycle_id().await.is_err() {
        return super::back_to(
            &tc,
            "/login",
            "error",
            "Your session could not be started. Try again.",
        );
    }
    let auth = SessionAuth {
        tenant_id: tc.tenant.id.0,
        user_id,
        login_at: now,
        host: tc.host.clone(),
        act_as: Some(session_id),
    };
    if let Err(e) = session.insert(&auth_key(tc.tenant.id), auth).await {
        tracing::error!(error = %e, "storing the act-as session failed");
        return super::back_to(
            &tc,
            "/login",
            "error",
            "Your session could not be started. Try again.",
        );
    }
    tracing::info!(
        user.id = user_id,
        act_as = session_id,
        "act-as session entered"
    );
    Redirect::to(&tc.home()).into_response()
}

/// Leaves the act-as session: it ends for good, and this browser is signed out here.
pub async fn end_act_as(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
) -> Response {
    let Some(acting) = &me.member.acting else {
        return me.error("/", "You are not acting for anyone here.");
    };
    let (t, user) = (me.tc.tenant.id, me.member.user_id);
    if let Err(e) = act_as::end(&app.store, t, acting, user, me.rid(), now_ms()).await {
        return me.fail("/", &e);
    }
    let _ = session
        .remove::<SessionAuth>(&auth_key(me.tc.tenant.id))
        .await;
    let _ = session.cycle_id().await;
    let body = format!(
        "<section class=\"card narrow\"><h1>Session ended</h1><p>You are no longer acting in {}'s portal. You can close this tab and go back to your console.</p></section>",
        escape(&me.tc.tenant.name)
    );
    page(&app, &me.tc, None, "Session ended", &body, None)
}
