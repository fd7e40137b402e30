//! E-mail previews (`GET /settings/branding/emails` and `…/emails/{template}`, signed in;
//! the engine checks `EditBranding`): every template in the tenant's brand with sample
//! content, its From, Reply-To and subject, the HTML in a sandboxed frame and the plain
//! text below it. Served whole by the server, in the tenant's colours.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use engine::mail::preview::MailPreview;

use super::{param, Params, SignedIn};
use crate::state::AppState;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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
    let css = app
        .themes
        .get(&me.tc.tenant.theme)
        .map(|t| t.css_variables())
        .unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/portal.css\"><style>{css}</style></head><body><main class=\"page\">{body}</main></body></html>",
        title = escape(title),
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
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
        "<section class=\"card\"><h1>E-mails</h1><p class=\"muted\">What your people, suppliers and shoppers receive, in your brand, with sample content. The sender, reply-to address, footer and colours come from your theme.</p><ul>{items}</ul><p><a href=\"{}\">Back to the portal</a></p></section>",
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
         <section class=\"card\"><h2>Plain text</h2><pre style=\"white-space:pre-wrap\">{text}</pre></section>",
        list = escape(&me.tc.href("/settings/branding/emails")),
        label = escape(which.label()),
        from = escape(&preview.from),
        subject = escape(&c.subject),
        html = escape(&c.html),
        text = escape(&c.text),
    );
    page(&app, &me, which.label(), &body)
}
