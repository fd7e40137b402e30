//! Branding (signed in; the engine checks `EditBranding`), served whole by the server in
//! the tenant's colours: e-mail previews (`GET /settings/branding/emails` and
//! `…/emails/{template}`: every template in the tenant's brand with sample content, its
//! From, Reply-To and subject, the HTML in a sandboxed frame and the plain text), and
//! custom domains (`/settings/branding/domains`: the list, add, `…/{id}/verify`,
//! `…/{id}/remove`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::Response;
use engine::mail::preview::MailPreview;

use super::{param, Params, SignedIn};
use crate::state::AppState;

use crate::http::tenancy::html_escape as escape;

/// The tenant's portal address as this request reached it (links in the previews).
fn origin(me: &SignedIn, headers: &HeaderMap, https: bool) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = if https { "https" } else { "http" };
    format!("{scheme}://{host}{}", me.tc.base)
}

fn mailer(app: &AppState, portal: String) -> engine::mail::Mailer {
    engine::mail::Mailer {
        store: app.store.clone(),
        themes: app.themes.clone(),
        // Nothing is sent from a preview.
        transport: engine::mail::Transport::Mailbox(std::path::PathBuf::new()),
        from_address: app.settings.mail_from.clone(),
        portal_url: portal,
        addresses: app.addresses.clone(),
    }
}

fn page(app: &AppState, me: &SignedIn, title: &str, body: &str) -> Response {
    super::shell::page(app, &me.tc, Some(&me.member), title, body, None)
}

/// The list of templates.
pub async fn list(State(app): State<Arc<AppState>>, me: SignedIn) -> Response {
    if let Err(e) = me.member.require(engine::model::Permission::EditBranding) {
        return me.fail("/", &engine::EngineError::from(e));
    }
    let items: String = MailPreview::ALL
        .iter()
        .map(|p| {
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(
                    &me.tc
                        .href(&format!("/settings/branding/emails/{}", p.slug()))
                ),
                escape(p.label())
            )
        })
        .collect();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{}\">Domains</a> · <a href=\"{}\">Theme</a></p><h1>E-mails</h1><p class=\"muted\">What your people, suppliers and shoppers receive, in your brand, with sample content. The sender, reply-to address, footer and colours come from your theme.</p><ul>{items}</ul><p><a href=\"{}\">Back to the portal</a></p></section>",
        escape(&me.tc.href("/settings/branding/domains")),
        escape(&me.tc.href("/settings/branding/theme")),
        escape(&me.tc.home())
    );
    page(&app, &me, "E-mails", &body)
}

/// One template's preview.
pub async fn show(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: HeaderMap,
    Path(params): Path<Params>,
) -> Response {
    let Some(which) = MailPreview::parse(param(&params, "template")) else {
        return crate::http::tenancy::not_found_page();
    };
    let portal = origin(&me, &headers, app.settings.https);
    let preview = match mailer(&app, portal).preview(&me.tc.tenant, &me.member, which) {
        Ok(p) => p,
        Err(e) => return me.fail("/settings/branding/emails", &e),
    };
    let c = &preview.composed;
    let reply = preview
        .reply_to
        .as_deref()
        .map(|r| format!("<dt>Reply-To</dt><dd>{}</dd>", escape(r)))
        .unwrap_or_default();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{list}\">All e-mails</a></p><h1>{label}</h1><dl class=\"facts\"><dt>From</dt><dd>{from}</dd>{reply}<dt>Subject</dt><dd>{subject}</dd></dl></section>\
         <section class=\"card\"><h2>As most mail programs show it</h2><iframe title=\"The e-mail\" sandbox=\"\" style=\"width:100%;min-height:32rem;border:1px solid var(--muted);background:#fff\" srcdoc=\"{html}\"></iframe></section>\
         <section class=\"card\"><h2>Plain text</h2><pre style=\"white-space:pre-wrap;overflow-wrap:anywhere\">{text}</pre></section>",
        list = escape(&me.tc.href("/settings/branding/emails")),
        label = escape(which.label()),
        from = escape(&preview.from),
        subject = escape(&c.subject),
        html = escape(&c.html),
        text = escape(&c.text),
    );
    page(&app, &me, which.label(), &body)
}

use super::shell::Flash;

const DOMAINS: &str = "/settings/branding/domains";

/// The tenant's custom domains: verified ones, ones waiting for their proof (with the
/// token to publish), and the form to add one.
pub async fn domains_page(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    axum::extract::Query(f): axum::extract::Query<Flash>,
) -> Response {
    let (claims, verified) =
        match engine::domains::domains(&app.store, me.tc.tenant.id, &me.member).await {
            Ok(d) => d,
            Err(e) => return me.fail("/", &e),
        };
    let claimed: Vec<&str> = claims.iter().map(|c| c.domain.as_str()).collect();
    let mut rows = String::new();
    for d in verified.iter().filter(|d| !claimed.contains(&d.as_str())) {
        rows.push_str(&format!(
            "<li><strong>{}</strong> · <span class=\"muted\">served (set by the platform)</span></li>",
            escape(d)
        ));
    }
    for c in &claims {
        let verify = escape(&me.tc.href(&format!("{DOMAINS}/{}/verify", c.id)));
        let remove = escape(&me.tc.href(&format!("{DOMAINS}/{}/remove", c.id)));
        let state = match c.verified_at {
            Some(_) => "<span class=\"muted\">served</span>".to_string(),
            None => format!(
                "<span class=\"muted\">waiting for its proof: publish <code>{}</code> as the whole of <code>http://{}{}</code>, then</span> <form method=\"post\" action=\"{verify}\" class=\"inline-form\"><button type=\"submit\">Check now</button></form>",
                escape(&c.token),
                escape(&c.domain),
                engine::domains::PROOF_PATH
            ),
        };
        rows.push_str(&format!(
            "<li><strong>{}</strong> · {state} <details><summary>Remove…</summary><p class=\"muted\">The portal stops answering on it at once.</p><form method=\"post\" action=\"{remove}\"><button type=\"submit\" class=\"danger\">Remove {}</button></form></details></li>",
            escape(&c.domain),
            escape(&c.domain)
        ));
    }
    if rows.is_empty() {
        rows = "<li class=\"empty\">No custom domains yet.</li>".into();
    }
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">Back to the portal</a> · <a href=\"{theme}\">Theme</a> · <a href=\"{emails}\">E-mails</a></p><h1>Domains</h1>{flash}<p class=\"muted\">Your portal can answer on a domain of your own, such as stock.example.com. Add it, prove it is yours with a small file on its current web server, then point it (a CNAME) at your portal's address. Sign-ins are kept per domain.</p><ul class=\"people\">{rows}</ul>\
         <h2>Add a domain</h2><form method=\"post\" action=\"{add}\" class=\"inline-form\"><label>Domain <input type=\"text\" name=\"domain\" required maxlength=\"253\" placeholder=\"stock.example.com\" autocomplete=\"off\"/></label><button type=\"submit\" class=\"primary\">Add</button></form></section>",
        home = escape(&me.tc.home()),
        emails = escape(&me.tc.href("/settings/branding/emails")),
        theme = escape(&me.tc.href("/settings/branding/theme")),
        flash = f.html(),
        add = escape(&me.tc.href(DOMAINS)),
    );
    page(&app, &me, "Domains", &body)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DomainForm {
    pub domain: String,
}

pub async fn add_domain(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    super::Posted(form): super::Posted<DomainForm>,
) -> Response {
    let reserved = engine::domains::Reserved {
        base_domain: app.settings.base_domain.clone(),
        platform_hosts: app.settings.platform_hosts.clone(),
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    let now = engine::model::now_ms();
    match engine::domains::add_domain(store, t, &me.member, &form.domain, &reserved, me.rid(), now)
        .await
    {
        Ok(_) => me.notice(DOMAINS, "Domain added. Publish its token, then check it."),
        Err(e) => me.fail(DOMAINS, &e),
    }
}

pub async fn verify_domain(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(id) = super::id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let (store, t, v) = (&app.store, me.tc.tenant.id, &app.domain_verifier);
    let now = engine::model::now_ms();
    match engine::domains::verify_domain(store, t, &me.member, id, v, me.rid(), now).await {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(
                DOMAINS,
                "Proven: the portal answers on this domain now. Point it at your portal's address.",
            )
        }
        Err(e) => me.fail(DOMAINS, &e),
    }
}

pub async fn remove_domain(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(id) = super::id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match engine::domains::remove_domain(store, t, &me.member, id, me.rid()).await {
        Ok(domain) => {
            app.tenant_cache.clear();
            me.notice(
                DOMAINS,
                &format!("{domain} removed: the portal no longer answers on it."),
            )
        }
        Err(e) => me.fail(DOMAINS, &e),
    }
}
