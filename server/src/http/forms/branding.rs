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

/// Who gets an e-mail, and when, in `lang` (the preview's label).
fn preview_label(lang: i18n::Lang, p: MailPreview) -> String {
    let id = match p {
        MailPreview::ApprovalRequest => "site-mail-approval-request",
        MailPreview::Outcome => "site-mail-outcome",
        MailPreview::PurchaseOrder => "site-mail-purchase-order",
        MailPreview::SupplierMessage => "site-mail-supplier-message",
        MailPreview::Invitation => "site-mail-invitation",
        MailPreview::PasswordReset => "site-mail-password-reset",
        MailPreview::ShopperAlert => "site-mail-shopper-alert",
    };
    i18n::t(lang, id)
}

/// The list of templates.
pub async fn list(State(app): State<Arc<AppState>>, me: SignedIn) -> Response {
    if let Err(e) = me.member.require(engine::model::Permission::EditBranding) {
        return me.fail("/", &engine::EngineError::from(e));
    }
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let items: String = MailPreview::ALL
        .iter()
        .map(|p| {
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(
                    &me.tc
                        .href(&format!("/settings/branding/emails/{}", p.slug()))
                ),
                escape(&preview_label(lang, *p))
            )
        })
        .collect();
    let body = format!(
        "<section class=\"card\"><p class=\"crumbs\"><a href=\"{}\">{}</a> · <a href=\"{}\">{}</a></p><h1>{}</h1><p class=\"muted\">{}</p><ul class=\"link-list\">{items}</ul><p><a href=\"{}\">{}</a></p></section>",
        escape(&me.tc.href("/settings/branding/domains")),
        tr("site-branding-domains"),
        escape(&me.tc.href("/settings/branding/theme")),
        tr("site-branding-theme"),
        tr("site-branding-emails"),
        tr("site-emails-intro"),
        escape(&me.tc.home()),
        tr("site-back-to-portal"),
    );
    page(&app, &me, &i18n::t(lang, "site-branding-emails"), &body)
}

/// One template's preview.
pub async fn show(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    headers: HeaderMap,
    Path(params): Path<Params>,
) -> Response {
    let Some(which) = MailPreview::parse(param(&params, "template")) else {
        return me.not_found();
    };
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let portal = origin(&me, &headers, app.settings.https);
    let preview = match mailer(&app, portal).preview(&me.tc.tenant, &me.member, which, lang) {
        Ok(p) => p,
        Err(e) => return me.fail("/settings/branding/emails", &e),
    };
    let c = &preview.composed;
    let reply = preview
        .reply_to
        .as_deref()
        .map(|r| {
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                tr("site-email-reply-to"),
                escape(r)
            )
        })
        .unwrap_or_default();
    let label = preview_label(lang, which);
    let body = format!(
        "<section class=\"card\"><p><a href=\"{list}\">{all}</a></p><h1>{label}</h1><dl class=\"facts\"><dt>{from_label}</dt><dd>{from}</dd>{reply}<dt>{subject_label}</dt><dd>{subject}</dd></dl></section>\
         <section class=\"card\"><h2>{as_shown}</h2><iframe title=\"{frame}\" sandbox=\"\" style=\"width:100%;min-height:32rem;border:1px solid var(--muted);background:#fff\" srcdoc=\"{html}\"></iframe></section>\
         <section class=\"card\"><h2>{plain}</h2><pre style=\"white-space:pre-wrap;overflow-wrap:anywhere\">{text}</pre></section>",
        list = escape(&me.tc.href("/settings/branding/emails")),
        all = tr("site-email-all"),
        label = escape(&label),
        from_label = tr("site-email-from"),
        from = escape(&preview.from),
        subject_label = tr("site-email-subject"),
        subject = escape(&c.subject),
        as_shown = tr("site-email-as-shown"),
        frame = tr("site-email-frame"),
        html = escape(&c.html),
        plain = tr("site-email-plain-text"),
        text = escape(&c.text),
    );
    page(&app, &me, &label, &body)
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
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let claimed: Vec<&str> = claims.iter().map(|c| c.domain.as_str()).collect();
    let mut rows = String::new();
    for d in verified.iter().filter(|d| !claimed.contains(&d.as_str())) {
        rows.push_str(&format!(
            "<li><strong>{}</strong> · <span class=\"muted\">{}</span></li>",
            escape(d),
            tr("site-domain-served-by-platform")
        ));
    }
    for c in &claims {
        let verify = escape(&me.tc.href(&format!("{DOMAINS}/{}/verify", c.id)));
        let remove = escape(&me.tc.href(&format!("{DOMAINS}/{}/remove", c.id)));
        let state = match c.verified_at {
            Some(_) => format!("<span class=\"muted\">{}</span>", tr("site-domain-served")),
            None => {
                // The proof's token and address go into the sentence as markers, then
                // become code.
                let (token_mark, url_mark) = ("\u{1}", "\u{2}");
                let waiting = escape(&i18n::t_args(
                    lang,
                    "site-domain-waiting",
                    &[("token", token_mark.into()), ("url", url_mark.into())],
                ))
                .replacen(token_mark, &format!("<code>{}</code>", escape(&c.token)), 1)
                .replacen(
                    url_mark,
                    &format!(
                        "<code>http://{}{}</code>",
                        escape(&c.domain),
                        engine::domains::PROOF_PATH
                    ),
                    1,
                );
                format!(
                    "<span class=\"muted\">{waiting}</span> <form method=\"post\" action=\"{verify}\" class=\"inline-form\"><button type=\"submit\">{}</button></form>",
                    tr("site-domain-check-now")
                )
            }
        };
        rows.push_str(&format!(
            "<li><strong>{}</strong> · {state} <details><summary>{}</summary><p class=\"muted\">{}</p><form method=\"post\" action=\"{remove}\"><button type=\"submit\" class=\"danger\">{}</button></form></details></li>",
            escape(&c.domain),
            tr("site-domain-remove-summary"),
            tr("site-domain-remove-help"),
            escape(&i18n::t_args(
                lang,
                "site-domain-remove",
                &[("domain", c.domain.clone().into())]
            ))
        ));
    }
    if rows.is_empty() {
        rows = format!("<li class=\"empty\">{}</li>", tr("site-domains-empty"));
    }
    let body = format!(
        "<section class=\"card\"><p class=\"crumbs\"><a href=\"{home}\">{back}</a> · <a href=\"{theme}\">{theme_link}</a> · <a href=\"{emails}\">{emails_link}</a></p><h1>{heading}</h1>{flash}<p class=\"muted\">{intro}</p><ul class=\"people\">{rows}</ul>\
         <h2>{add_heading}</h2><form method=\"post\" action=\"{add}\" class=\"inline-form\"><label>{domain_label} <input type=\"text\" name=\"domain\" required maxlength=\"253\" placeholder=\"stock.example.com\" autocomplete=\"off\"/></label><button type=\"submit\" class=\"primary\">{add_button}</button></form></section>",
        home = escape(&me.tc.home()),
        back = tr("site-back-to-portal"),
        emails = escape(&me.tc.href("/settings/branding/emails")),
        emails_link = tr("site-branding-emails"),
        theme = escape(&me.tc.href("/settings/branding/theme")),
        theme_link = tr("site-branding-theme"),
        heading = tr("site-branding-domains"),
        flash = f.html(),
        intro = tr("site-domains-intro"),
        add_heading = tr("site-domain-add-heading"),
        domain_label = tr("site-domain-label"),
        add_button = tr("site-domain-add"),
        add = escape(&me.tc.href(DOMAINS)),
    );
    page(&app, &me, &i18n::t(lang, "site-branding-domains"), &body)
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
        Ok(_) => me.notice(DOMAINS, &i18n::t(me.tc.lang, "site-domain-added")),
        Err(e) => me.fail(DOMAINS, &e),
    }
}

pub async fn verify_domain(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(id) = super::id(param(&params, "id")) else {
        return me.not_found();
    };
    let (store, t, v) = (&app.store, me.tc.tenant.id, &app.domain_verifier);
    let now = engine::model::now_ms();
    match engine::domains::verify_domain(store, t, &me.member, id, v, me.rid(), now).await {
        Ok(()) => {
            app.tenant_cache.clear();
            me.notice(DOMAINS, &i18n::t(me.tc.lang, "site-domain-proven"))
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
        return me.not_found();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match engine::domains::remove_domain(store, t, &me.member, id, me.rid()).await {
        Ok(domain) => {
            app.tenant_cache.clear();
            me.notice(
                DOMAINS,
                &i18n::t_args(
                    me.tc.lang,
                    "site-domain-removed",
                    &[("domain", domain.into())],
                ),
            )
        }
        Err(e) => me.fail(DOMAINS, &e),
    }
}
