//! A partner's console (signed in to the partner's own portal; the engine checks
//! `ManageClientTenants`), served whole by the server in the partner's brand: the client
//! list with each client's health and a 30-day chart (`GET /partner`), provisioning a
//! client from a template (`POST /partner/clients`, its progress at
//! `/partner/provisionings/{id}`, `…/{id}/retry`), and starting an act-as session
//! (`POST /partner/clients/{slug}/act-as`), which answers with a link to the client's own
//! host: `GET`/`POST /act-as/{token}` there takes the one-time hand-over and signs the
//! session in; `POST /act-as/end` leaves it.
//!
//! Size: four whole pages and their handlers, every word of them from the catalogues
//! (`site-…`); they share the console's helpers, so they stay together.

use std::sync::Arc;

use app::ssr::format::{count, span, when_at};
use app::ssr::{auth_key, SessionAuth, TenantCtx};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use engine::model::{now_ms, Role, TenantKind};
use engine::partners::{self, act_as};
use engine::store::partners::{HealthRecord, ProvisioningRecord, HEALTH_DAYS};
use tower_sessions::Session;

use super::shell::{page, role_label, Flash};
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
fn chart(lang: i18n::Lang, days: &[i64]) -> String {
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
    let label = i18n::t_args(
        lang,
        "site-chart-stockouts",
        &[
            ("days", HEALTH_DAYS.into()),
            ("total", total.into()),
            ("max", days.iter().max().copied().unwrap_or(0).into()),
        ],
    );
    format!(
        "<svg class=\"spark\" viewBox=\"0 0 {} 30\" width=\"{}\" height=\"30\" role=\"img\" aria-label=\"{}\">{bars}</svg>",
        days.len() * 4,
        days.len() * 4,
        escape(&label)
    )
}

fn health_cells(lang: i18n::Lang, h: &HealthRecord, now: i64) -> String {
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let [day, week, older] = h.exceptions_by_age;
    let last = match h.last_event_at {
        Some(at) if now - at < 60_000 => i18n::t(lang, "site-last-event-just-now"),
        Some(at) => i18n::t_args(lang, "site-ago", &[("span", span(lang, now - at).into())]),
        None => i18n::t(lang, "site-last-event-none"),
    };
    let last = escape(&last);
    let today = h.stockouts_by_day.last().copied().unwrap_or(0);
    let warn = |n: i64| if n > 0 { " class=\"alert\"" } else { "" };
    format!(
        "<td><span title=\"{}\">{}</span> · <span title=\"{}\">{}</span> · <span{} title=\"{}\">{}</span></td><td>{}</td><td{}>{}</td><td{}>{}</td><td>{last}</td><td{}>{}</td><td>{}</td>",
        tr("site-exceptions-day"),
        count(lang, day),
        tr("site-exceptions-week"),
        count(lang, week),
        warn(older),
        tr("site-exceptions-older"),
        count(lang, older),
        count(lang, h.pending_approvals),
        warn(h.dead_jobs),
        count(lang, h.dead_jobs),
        warn(h.failed_deliveries),
        count(lang, h.failed_deliveries),
        warn(today),
        count(lang, today),
        chart(lang, &h.stockouts_by_day),
    )
}

/// `n` things as the catalogue message `id` says them ("3 locations").
fn how_many(lang: i18n::Lang, id: &str, n: usize) -> i18n::FluentValue<'static> {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    i18n::t_args(lang, id, &[("n", n.into())]).into()
}

/// A provisioning step's name (as the engine keeps it) in `lang`.
fn step_label(lang: i18n::Lang, step: &str) -> String {
    let id = match step {
        "locations" => "site-step-locations",
        "suppliers" => "site-step-suppliers",
        "products" => "site-step-products",
        "starting stock" => "site-step-stock",
        "policies and approval rules" => "site-step-policies",
        "people" => "site-step-people",
        other => return other.to_string(),
    };
    i18n::t(lang, id)
}

fn progress(lang: i18n::Lang, p: &ProvisioningRecord) -> String {
    let state = match p.state.as_str() {
        "queued" => i18n::t(lang, "site-provisioning-queued"),
        "running" => i18n::t_args(
            lang,
            "site-provisioning-running",
            &[("step", step_label(lang, &p.step).into())],
        ),
        "done" => i18n::t(lang, "site-provisioning-done"),
        _ => i18n::t_args(
            lang,
            "site-provisioning-failed",
            &[(
                "reason",
                p.error
                    .clone()
                    .unwrap_or_else(|| i18n::t(lang, "site-provisioning-no-reason"))
                    .into(),
            )],
        ),
    };
    let of = i18n::t_args(
        lang,
        "site-provisioning-steps",
        &[
            ("done", p.steps_done.to_string().into()),
            ("total", p.steps_total.to_string().into()),
        ],
    );
    format!(
        "<progress value=\"{}\" max=\"{}\">{}</progress> <span>{}</span>",
        p.steps_done,
        p.steps_total,
        escape(&of),
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
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let roles: String = TenantKind::Retailer
        .member_roles()
        .iter()
        .map(|r| {
            let selected = if *r == Role::Planner { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                r.as_str(),
                escape(&role_label(lang, *r))
            )
        })
        .collect();
    let mut rows = String::new();
    for client in &c.clients {
        let t = &client.tenant;
        let portal = client_url(&app, &me.tc, &headers, &t.slug, "/");
        let act = escape(&me.tc.href(&format!("{CONSOLE}/clients/{}/act-as", t.slug)));
        let status = if t.suspended_at.is_some() {
            format!(
                "<span class=\"badge\">{}</span>",
                tr("site-client-suspended")
            )
        } else {
            format!(
                "<details><summary>{}</summary><form method=\"post\" action=\"{act}\" class=\"stack\"><label>{} <select name=\"role\">{roles}</select></label><label>{} <input type=\"number\" name=\"minutes\" min=\"{}\" max=\"{}\" value=\"60\" required/></label><label>{} <input type=\"text\" name=\"reason\" minlength=\"{}\" maxlength=\"{}\" required/></label><button type=\"submit\" class=\"primary\">{}</button></form></details>",
                tr("site-act-as-summary"),
                tr("site-act-as-role"),
                tr("site-act-as-minutes"),
                act_as::MIN_MINUTES,
                act_as::MAX_MINUTES,
                tr("site-act-as-reason"),
                act_as::MIN_REASON_CHARS,
                act_as::MAX_REASON_CHARS,
                escape(&i18n::t_args(
                    lang,
                    "site-act-as-enter",
                    &[("name", t.name.clone().into())]
                ))
            )
        };
        rows.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{}\">{}</a><br/><span class=\"muted\">{}</span></th>{}<td>{status}</td></tr>",
            escape(&portal),
            escape(&t.name),
            escape(&t.slug),
            health_cells(lang, &client.health, now)
        ));
    }
    let clients = if rows.is_empty() {
        format!("<p class=\"empty\">{}</p>", tr("site-clients-empty"))
    } else {
        format!(
            "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\"><span class=\"sr-only\">{}</span></th></tr></thead><tbody>{rows}</tbody></table></div>",
            tr("site-clients-client"),
            tr("site-clients-exceptions"),
            tr("site-clients-pending-approvals"),
            tr("site-clients-dead-jobs"),
            tr("site-clients-failed-deliveries"),
            tr("site-clients-last-event"),
            tr("site-clients-stockouts-today"),
            escape(&i18n::t_args(
                lang,
                "site-clients-stockouts-days",
                &[("days", HEALTH_DAYS.into())]
            )),
            tr("site-actions"),
        )
    };
    let provisionings: String = c
        .provisionings
        .iter()
        .take(10)
        .map(|p| {
            format!(
                "<li><a href=\"{}\">{}</a> <span class=\"muted\">{}</span> {}</li>",
                escape(&me.tc.href(&format!("{CONSOLE}/provisionings/{}", p.id))),
                escape(&p.client_name),
                escape(&i18n::t_args(
                    lang,
                    "site-provisioning-from",
                    &[
                        ("template", p.template.clone().into()),
                        ("when", when_at(&me.tc, p.created_at).into()),
                    ]
                )),
                progress(lang, p)
            )
        })
        .collect();
    let provisionings = if provisionings.is_empty() {
        String::new()
    } else {
        format!(
            "<h2>{}</h2><ul class=\"people\">{provisionings}</ul>",
            tr("site-provisionings-recent")
        )
    };
    let provisioner = app.provisioner();
    let templates: String = provisioner
        .templates()
        .iter()
        .map(|t| {
            format!(
                "<option value=\"{}\">{}</option>",
                escape(&t.name),
                escape(&i18n::t_args(
                    lang,
                    "site-template-option",
                    &[
                        ("title", t.title.clone().into()),
                        (
                            "locations",
                            how_many(lang, "site-template-locations", t.locations)
                        ),
                        (
                            "products",
                            how_many(lang, "site-template-products", t.products)
                        ),
                        (
                            "suppliers",
                            how_many(lang, "site-template-suppliers", t.suppliers)
                        ),
                    ]
                ))
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
        "<section class=\"card\"><h1>{heading}</h1>{flash}<p class=\"muted\">{intro}</p><p><a href=\"{compare}\">{compare_link}</a> {compare_text}</p>{clients}</section>\
         <section class=\"card\"><h2>{new_heading}</h2>{provisionings}<p class=\"muted\">{new_intro}</p>\
         <form method=\"post\" action=\"{new}\" class=\"stack\"><label>{l_template} <select name=\"template\" required>{templates}</select></label><label>{l_name} <input type=\"text\" name=\"name\" required maxlength=\"100\"/></label><label>{l_slug} <input type=\"text\" name=\"slug\" required minlength=\"2\" maxlength=\"40\" pattern=\"[a-z0-9][a-z0-9-]*[a-z0-9]\" autocomplete=\"off\"/></label><label>{l_theme} <select name=\"theme\">{themes}</select></label><label>{l_admin_name} <input type=\"text\" name=\"admin_name\" required maxlength=\"100\"/></label><label>{l_admin_email} <input type=\"email\" name=\"admin_email\" required maxlength=\"254\"/></label><button type=\"submit\" class=\"primary\">{l_provision}</button></form></section>",
        heading = escape(&i18n::t_args(
            lang,
            "site-clients-heading",
            &[("partner", c.partner.name.clone().into())]
        )),
        flash = f.html(),
        intro = tr("site-clients-intro"),
        compare_link = tr("site-clients-compare-link"),
        compare_text = tr("site-clients-compare-text"),
        new_heading = tr("site-new-client"),
        new_intro = tr("site-new-client-intro"),
        l_template = tr("site-new-client-template"),
        l_name = tr("site-new-client-name"),
        l_slug = tr("site-new-client-slug"),
        l_theme = tr("site-new-client-theme"),
        l_admin_name = tr("site-new-client-admin-name"),
        l_admin_email = tr("site-new-client-admin-email"),
        l_provision = tr("site-new-client-provision"),
        new = escape(&me.tc.href(&format!("{CONSOLE}/clients"))),
        compare = escape(&me.tc.href(&format!("{CONSOLE}/dashboard"))),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &i18n::t(lang, "site-clients-title"),
        &body,
        None,
    )
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
        return me.not_found();
    };
    let p = match partners::provisioning(&app.store, me.tc.tenant.id, &me.member, id).await {
        Ok(p) => p,
        Err(e) => return me.fail(CONSOLE, &e),
    };
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let moving = matches!(p.state.as_str(), "queued" | "running");
    let next = match p.state.as_str() {
        "done" => format!(
            "<p>{} <a href=\"{}\">{}</a>.</p>",
            escape(&i18n::t_args(
                lang,
                "site-provisioning-ready",
                &[
                    ("name", p.client_name.clone().into()),
                    ("email", p.admin_email.clone().into()),
                ]
            )),
            escape(&client_url(&app, &me.tc, &headers, &p.client_slug, "/")),
            tr("site-provisioning-open-portal")
        ),
        "failed" => format!(
            "<p>{}</p><form method=\"post\" action=\"{}\"><button type=\"submit\" class=\"primary\">{}</button></form>",
            tr("site-provisioning-nothing-lost"),
            escape(&me.tc.href(&format!("{CONSOLE}/provisionings/{id}/retry"))),
            tr("site-try-again")
        ),
        _ => format!("<p class=\"muted\">{}</p>", tr("site-page-updates-itself")),
    };
    let body = format!(
        "<section class=\"card\"><p><a href=\"{back}\">{all}</a></p><h1>{heading}</h1>{flash}<p>{from}</p><p aria-live=\"polite\">{progress}</p>{next}</section>",
        back = escape(&me.tc.href(CONSOLE)),
        all = tr("site-all-clients"),
        heading = escape(&i18n::t_args(
            lang,
            "site-provisioning-heading",
            &[("name", p.client_name.clone().into())]
        )),
        flash = f.html(),
        from = escape(&i18n::t_args(
            lang,
            "site-provisioning-template",
            &[("template", p.template.clone().into())]
        )),
        progress = progress(lang, &p),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &i18n::t(lang, "site-provisioning-title"),
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
        return me.not_found();
    };
    let back = format!("{CONSOLE}/provisionings/{id}");
    let (t, rid) = (me.tc.tenant.id, me.rid());
    match partners::retry_provisioning(&app.store, t, &me.member, id, rid, now_ms()).await {
        Ok(()) => {
            app.imports_wake.notify_one();
            me.notice(&back, &i18n::t(me.tc.lang, "site-trying-again"))
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
    let lang = me.tc.lang;
    let Some(role) = Role::parse(form.role.trim()) else {
        return me.error(CONSOLE, &i18n::t(lang, "site-act-as-role-choose"));
    };
    let Ok(minutes) = form.minutes.trim().parse::<i64>() else {
        return me.error(CONSOLE, &i18n::t(lang, "site-act-as-minutes-whole"));
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
            let name = started.client.name.clone();
            let body = format!(
                "<section class=\"card narrow\"><h1>{heading}</h1><p>{ready}</p><p><a class=\"button primary\" id=\"enter\" href=\"{to}\" rel=\"noreferrer\">{enter}</a></p><p><a href=\"{back}\">{back_text}</a></p></section>",
                heading = escape(&i18n::t_args(
                    lang,
                    "site-act-as-enter",
                    &[("name", name.clone().into())]
                )),
                ready = escape(&i18n::t_args(
                    lang,
                    "site-act-as-ready",
                    &[
                        ("role", role_label(lang, role).into()),
                        ("until", when_at(&me.tc, started.until).into()),
                    ]
                )),
                enter = escape(&i18n::t_args(
                    lang,
                    "site-act-as-enter-portal",
                    &[("name", name.into())]
                )),
                to = escape(&to),
                back = escape(&me.tc.href(CONSOLE)),
                back_text = escape(&i18n::t(lang, "site-back-to-clients")),
            );
            page(
                &app,
                &me.tc,
                Some(&me.member),
                &i18n::t(lang, "site-act-as-enter-title"),
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
    let lang = tc.lang;
    let name = || -> i18n::FluentValue<'static> { tc.tenant.name.clone().into() };
    let body = format!(
        "<section class=\"card narrow\"><h1>{heading}</h1><p>{about}</p><form method=\"post\" action=\"{to}\"><button type=\"submit\" class=\"primary\">{enter}</button></form></section>",
        heading = escape(&i18n::t_args(lang, "site-act-as-enter", &[("name", name())])),
        about = escape(&i18n::t_args(lang, "site-act-as-about", &[("name", name())])),
        enter = escape(&i18n::t(lang, "site-act-as-enter-button")),
        to = escape(&tc.href(&format!("/act-as/{token}"))),
    );
    let mut res = page(
        &app,
        &tc,
        None,
        &i18n::t(lang, "site-act-as-enter-button"),
        &body,
        None,
    );
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
                "<section class=\"card narrow\"><h1>{}</h1><p class=\"error\" role=\"alert\">{}</p></section>",
                escape(&i18n::t(tc.lang, "site-act-as-link-broken")),
                escape(&super::message_in(&e, tc.lang))
            );
            let title = i18n::t(tc.lang, "site-act-as-link-invalid");
            let mut res = page(&app, &tc, None, &title, &body, None);
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
            &i18n::t(tc.lang, "site-session-not-started"),
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
            &i18n::t(tc.lang, "site-session-not-started"),
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
    let lang = me.tc.lang;
    let Some(acting) = &me.member.acting else {
        return me.error("/", &i18n::t(lang, "site-act-as-not-acting"));
    };
    let (t, user) = (me.tc.tenant.id, me.member.user_id);
    if let Err(e) = act_as::end(&app.store, t, acting, user, me.rid(), now_ms()).await {
        return me.fail("/", &e);
    }
    let _ = session
        .remove::<SessionAuth>(&auth_key(me.tc.tenant.id))
        .await;
    let _ = session.cycle_id().await;
    let title = i18n::t(lang, "site-act-as-ended");
    let body = format!(
        "<section class=\"card narrow\"><h1>{}</h1><p>{}</p></section>",
        escape(&title),
        escape(&i18n::t_args(
            lang,
            "site-act-as-ended-text",
            &[("name", me.tc.tenant.name.clone().into())]
        ))
    );
    page(&app, &me.tc, None, &title, &body, None)
}
