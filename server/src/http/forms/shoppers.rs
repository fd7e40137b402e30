//! Back-in-stock form posts: the hosted "notify me" page (no sign-in, works without
//! JavaScript), the confirmation and erase buttons of a shopper's links, and the
//! tenant admin's settings. The one-click unsubscribe lives in `http::shoppers`.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use engine::back_in_stock::{self, Confirmed, Settings, Source, SubscribeRequest};
use engine::model::now_ms;
use engine::EngineError;
use serde::Deserialize;

use super::supplier::PublicTenant;
use super::{back_to, message_in, param, whole_in, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SubscribeForm {
    email: String,
    store: String,
    website: String,
}

/// `POST /notify/{sku}`: the hosted page's form. Back to the page with the one answer
/// (see `back_in_stock`), or with what is wrong.
pub async fn subscribe(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(params): Path<Params>,
    Posted(form): Posted<SubscribeForm>,
) -> Response {
    let sku = param(&params, "sku").to_string();
    let page = format!("/notify/{}", app::path_segment(&sku));
    let client = crate::http::auth::client_address(&app, peer, &headers);
    let req = SubscribeRequest {
        email: &form.email,
        sku: &sku,
        channel: &form.store,
        source: Source::Page,
        client: &client,
        honeypot: &form.website,
        // The language the hosted page was shown in: their e-mails follow it.
        lang: Some(t.tc.lang),
    };
    let lang = t.tc.lang;
    match back_in_stock::subscribe(&app.store, &app.addresses, t.tc.tenant.id, &req, now_ms()).await
    {
        Ok(()) => back_to(
            &t.tc,
            &page,
            "notice",
            &i18n::t(lang, "site-subscribe-answer"),
        ),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page_in(lang),
        Err(e) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
    }
}

/// `POST /alerts/confirm/{token}`: the confirmation page's button (a link opened by a
/// mail scanner confirms nothing: only this post does).
pub async fn confirm(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/alerts/confirm/{token}");
    let lang = t.tc.lang;
    match back_in_stock::confirm(&app.store, t.tc.tenant.id, &token, now_ms()).await {
        Ok(Confirmed::Waiting { product, channel }) => {
            app.jobs_wake.notify_one();
            back_to(
                &t.tc,
                &page,
                "notice",
                &i18n::t_args(
                    lang,
                    "site-alert-on",
                    &[("product", product.into()), ("channel", channel.into())],
                ),
            )
        }
        Ok(Confirmed::Over) => back_to(&t.tc, &page, "notice", &i18n::t(lang, "site-alert-over")),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page_in(lang),
        Err(e) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EraseForm {
    confirm: String,
}

/// `POST /alerts/{token}/erase`: erase my data, once the box saying so is ticked.
pub async fn erase(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
    Posted(form): Posted<EraseForm>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/alerts/{token}");
    let lang = t.tc.lang;
    if form.confirm != "yes" {
        return back_to(&t.tc, &page, "error", &i18n::t(lang, "site-erase-confirm"));
    }
    match back_in_stock::erase(&app.store, &app.addresses, t.tc.tenant.id, &token).await {
        Ok(()) => back_to(&t.tc, &page, "notice", &i18n::t(lang, "site-erased")),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page_in(lang),
        Err(e) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
    }
}

/// The admin's settings form: numbers as text, lists one per line.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    enabled: String,
    wave_percent: String,
    wave_minutes: String,
    sends_per_minute: String,
    substitute_hours: String,
    substitutes: String,
    allowed_origins: String,
    online_location: String,
    demand_weight_percent: String,
    shop_url: String,
}

impl SettingsForm {
    /// The settings, or what is wrong with the form, said in `lang`.
    pub fn parse(self, lang: i18n::Lang) -> Result<Settings, FormError> {
        let f = self;
        let number = |value: &str, label: &str| whole_in(lang, value, &i18n::t(lang, label));
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        if f.substitutes.len() > 50_000 || f.allowed_origins.len() > 10_000 {
            return Err(FormError::new(i18n::t(lang, "site-lists-too-long")));
        }
        let mut substitutes = BTreeMap::new();
        for (n, line) in lines(&f.substitutes).iter().enumerate() {
            let pair = line.split_once('=').map(|(a, b)| (a.trim(), b.trim()));
            let Some((a, b)) = pair
                .filter(|(a, b)| !a.is_empty() && !b.is_empty() && a.len() <= 64 && b.len() <= 64)
            else {
                return Err(FormError(i18n::t_args(
                    lang,
                    "site-substitutes-line",
                    &[("line", (n + 1).to_string().into())],
                )));
            };
            substitutes.insert(a.to_string(), b.to_string());
        }
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(Settings {
            enabled: f.enabled == "on",
            wave_percent: number(&f.wave_percent, "site-bis-wave-percent")?,
            wave_minutes: number(&f.wave_minutes, "site-bis-wave-minutes")?,
            sends_per_minute: number(&f.sends_per_minute, "site-bis-sends-per-minute")?,
            substitute_hours: number(&f.substitute_hours, "site-bis-substitute-hours")?,
            substitutes,
            allowed_origins: lines(&f.allowed_origins)
                .into_iter()
                .map(|o| o.trim_end_matches('/').to_string())
                .collect(),
            online_location: optional(&f.online_location),
            demand_weight_percent: number(&f.demand_weight_percent, "site-bis-demand-weight")?,
            shop_url: optional(&f.shop_url),
        })
    }
}

const SETTINGS_PAGE: &str = "/settings/back-in-stock";

/// `POST /settings/back-in-stock`.
pub async fn save_settings(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<SettingsForm>,
) -> Response {
    let settings = match form.parse(me.tc.lang) {
        Ok(s) => s,
        Err(e) => return me.error(SETTINGS_PAGE, &e.0),
    };
    match back_in_stock::save_settings(&app.store, me.tc.tenant.id, &me.member, &settings, me.rid())
        .await
    {
        Ok(()) => me.notice(SETTINGS_PAGE, &i18n::t(me.tc.lang, "site-bis-saved")),
        Err(e) => me.fail(SETTINGS_PAGE, &e),
    }
}
