//! Which language a request is answered in (issue 14): the signed-in person's own
//! choice (kept with their account), else the tenant's default, else the browser's
//! `Accept-Language`, else English. The tenancy layer sets the last two on the
//! request's `TenantCtx`; [`resolve`], inside the session layer, puts the person's
//! choice over them. The portal, the server's own pages and the shell read `tc.lang`.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use engine::model::Tenant;
use i18n::Lang;
use tower_sessions::Session;

use crate::state::AppState;

/// The language before anyone signs in: the tenant's default, else the browser's.
pub fn default_lang(tenant: &Tenant, headers: &HeaderMap) -> Lang {
    tenant
        .language
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// Puts the signed-in person's chosen language on the request, if they chose one.
pub async fn resolve(
    State(app): State<Arc<AppState>>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    let tc = req.extensions().get::<TenantCtx>().cloned();
    if let Some(mut tc) = tc {
        if let Some(user) = app::ssr::context::signed_in_user(&session, &tc).await {
            match app.store.user_language(user).await {
                Ok(Some(code)) => {
                    if let Some(lang) = Lang::parse(&code) {
                        tc.lang = lang;
                        req.extensions_mut().insert(tc);
                    }
                }
                Ok(None) => {}
                // The page still answers, in the language already chosen for it.
                Err(e) => tracing::warn!(error = %e, "the person's language could not be read"),
            }
        }
    }
    next.run(req).await
}

/// The shopper widget's script with its words (`"__WORDS__"`) filled in from the
/// catalogues, every language the portal speaks, so the widget picks the shop page's.
pub fn widget_script(template: &str) -> String {
    const WORDS: [(&str, &str); 10] = [
        ("in_stock", "widget-in-stock"),
        ("few_left", "widget-few-left"),
        ("out_of_stock", "widget-out-of-stock"),
        ("store", "widget-store"),
        ("email", "widget-email"),
        ("notify", "widget-notify"),
        ("sending", "widget-sending"),
        ("failed", "widget-failed"),
        ("not_sent", "widget-not-sent"),
        ("unavailable", "widget-unavailable"),
    ];
    let words: serde_json::Map<String, serde_json::Value> = i18n::Lang::ALL
        .into_iter()
        .map(|lang| {
            let table: serde_json::Map<String, serde_json::Value> = WORDS
                .iter()
                .map(|(name, id)| (name.to_string(), i18n::t(lang, id).into()))
                .collect();
            (lang.code().to_string(), table.into())
        })
        .collect();
    // JSON is a JavaScript expression; `</` is escaped so no word can end the script.
    let json = serde_json::Value::Object(words)
        .to_string()
        .replace("</", "<\\/");
    template.replacen("\"__WORDS__\"", &json, 1)
}
