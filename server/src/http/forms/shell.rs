//! The frame of the pages the server renders whole (branding, the partner's and the
//! platform's consoles, the audit trail, entering a client): the tenant's colours, logo
//! and product name, a way back to the portal, the act-as banner, and the flash message
//! a form post left in the address.

use app::ssr::TenantCtx;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use engine::model::{Member, Role, TenantKind};

use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

/// A whole page: `body` (already escaped HTML) inside the tenant's frame, never cached.
/// `refresh` reloads the page every so many seconds while nothing has focus, and says
/// so (progress that moves by itself; see `app::auto_refresh_html`).
pub fn page(
    app: &AppState,
    tc: &TenantCtx,
    member: Option<&Member>,
    title: &str,
    body: &str,
    refresh: Option<u32>,
) -> Response {
    let owned = app.themes.for_tenant(&tc.tenant);
    let theme = owned.as_ref();
    let css = theme.map(|t| t.css_variables()).unwrap_or_default();
    let product = theme
        .map(|t| t.product_name.clone())
        .unwrap_or_else(|| tc.tenant.name.clone());
    let logo = theme
        .and_then(|t| t.logo.as_ref())
        .map(|f| {
            format!(
                "<img class=\"logo\" src=\"{}\" alt=\"\"/>",
                escape(&engine::theme::Themes::asset_href(&tc.base, &tc.tenant, f))
            )
        })
        .unwrap_or_default();
    let favicon = theme
        .and_then(|t| t.favicon.as_ref())
        .map(|f| {
            format!(
                "<link rel=\"icon\" href=\"{}\"/>",
                escape(&engine::theme::Themes::asset_href(&tc.base, &tc.tenant, f))
            )
        })
        .unwrap_or_default();
    let refresh = refresh
        .map(|s| app::auto_refresh_html(tc.lang, s))
        .unwrap_or_default();
    let banner = member.map(|m| act_as_banner(tc, m)).unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>{favicon}<link rel=\"stylesheet\" href=\"/pkg/portal.css\"><style>{css}</style></head><body><a class=\"skip-link\" href=\"#main\" lang=\"{lang}\">{skip}</a><header class=\"topbar\"><a class=\"brand\" href=\"{home}\">{logo}<span class=\"product-name\">{product}</span></a></header>{banner}<main class=\"page\" id=\"main\" tabindex=\"-1\">{refresh}{body}</main></body></html>",
        title = escape(title),
        lang = tc.lang.code(),
        skip = escape(&i18n::t(tc.lang, "skip-to-content")),
        home = escape(&tc.home()),
        product = escape(&product),
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

/// The banner every page shows a partner's person inside a client's portal: for whom,
/// as what, until when, why, and the way out.
pub fn act_as_banner(tc: &TenantCtx, member: &Member) -> String {
    let Some(a) = &member.acting else {
        return String::new();
    };
    let lang = tc.lang;
    let role = member
        .roles
        .first()
        .map_or(String::new(), |r| role_label(lang, *r));
    let heading = i18n::t_args(
        lang,
        "site-act-as-banner-heading",
        &[("client", tc.tenant.name.clone().into())],
    );
    let text = i18n::t_args(
        lang,
        "site-act-as-banner-text",
        &[
            ("role", role.into()),
            ("until", app::ssr::format::when_at(tc, a.until).into()),
            ("reason", a.reason.clone().into()),
        ],
    );
    format!(
        "<div class=\"act-as-banner\" role=\"status\"><p><strong>{heading}</strong> {text}</p><form method=\"post\" action=\"{end}\"><button type=\"submit\">{end_now}</button></form></div>",
        heading = escape(&heading),
        text = escape(&text),
        end = escape(&tc.href("/act-as/end")),
        end_now = escape(&i18n::t(lang, "site-act-as-end-now")),
    )
}

/// A role's name as people read it ("tenant admin"), in `lang`.
pub fn role_label(lang: i18n::Lang, role: Role) -> String {
    engine::model::LabelIn::label_in(&role, lang)
}

/// A tenant's kind as people read it, in `lang`.
pub fn kind_label(lang: i18n::Lang, kind: TenantKind) -> String {
    let id = match kind {
        TenantKind::Retailer => "site-kind-retailer",
        TenantKind::Partner => "site-kind-partner",
        TenantKind::Platform => "site-kind-platform",
    };
    i18n::t(lang, id)
}

/// What a form post left in the address (`?notice=` or `?error=`).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Flash {
    pub notice: String,
    pub error: String,
}

impl Flash {
    pub fn html(&self) -> String {
        let mut out = String::new();
        if !self.notice.is_empty() {
            out.push_str(&format!(
                "<p class=\"notice\" role=\"status\">{}</p>",
                escape(&self.notice)
            ));
        }
        if !self.error.is_empty() {
            out.push_str(&format!(
                "<p class=\"error\" role=\"alert\">{}</p>",
                escape(&self.error)
            ));
        }
        out
    }
}
