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
use super::{back_to, message, param, whole, FormError, Params, Posted, SignedIn};
use crate::http::shoppers::SUBSCRIBE_ANSWER;
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
    };
    match back_in_stock::subscribe(&app.store, &app.addresses, t.tc.tenant.id, &req, now_ms()).await
    {
        Ok(()) => back_to(&t.tc, &page, "notice", SUBSCRIBE_ANSWER),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page(),
        Err(e) => back_to(&t.tc, &page, "error", &message(&e)),
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
    match back_in_stock::confirm(&app.store, t.tc.tenant.id, &token, now_ms()).await {
        Ok(Confirmed::Waiting { product, channel }) => {
            app.jobs_wake.notify_one();
            back_to(
                &t.tc,
                &page,
                "notice",
                &format!("Your alert is on: we will e-mail you once when {product} is back at {channel}."),
            )
        }
        Ok(Confirmed::Over) => back_to(&t.tc, &page, "notice", "This alert has already ended."),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page(),
        Err(e) => back_to(&t.tc, &page, "error", &message(&e)),
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
    if form.confirm != "yes" {
        return back_to(
            &t.tc,
            &page,
            "error",
            "Tick the box to confirm that your data should be erased.",
        );
    }
    match back_in_stock::erase(&app.store, &app.addresses, t.tc.tenant.id, &token).await {
        Ok(()) => back_to(
            &t.tc,
            &page,
            "notice",
            "Your address and your alerts are erased. You will get no more e-mail from us.",
        ),
        Err(EngineError::NotFound) => crate::http::tenancy::not_found_page(),
        Err(e) => back_to(&t.tc, &page, "error", &message(&e)),
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

impl TryFrom<SettingsForm> for Settings {
    type Error = FormError;

    fn try_from(f: SettingsForm) -> Result<Settings, FormError> {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        if f.substitutes.len() > 50_000 || f.allowed_origins.len() > 10_000 {
            return Err(FormError::new("The lists are too long."));
        }
        let mut substitutes = BTreeMap::new();
        for (n, line) in lines(&f.substitutes).iter().enumerate() {
            let pair = line.split_once('=').map(|(a, b)| (a.trim(), b.trim()));
            let Some((a, b)) = pair
                .filter(|(a, b)| !a.is_empty() && !b.is_empty() && a.len() <= 64 && b.len() <= 64)
            else {
                return Err(FormError(format!(
                    "Substitutes, line {}: write SKU = substitute SKU.",
                    n + 1
                )));
            };
            substitutes.insert(a.to_string(), b.to_string());
        }
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(Settings {
            enabled: f.enabled == "on",
            wave_percent: whole(&f.wave_percent, "Wave size (%)")?,
            wave_minutes: whole(&f.wave_minutes, "Minutes between waves")?,
            sends_per_minute: whole(&f.sends_per_minute, "E-mails per minute")?,
            substitute_hours: whole(&f.substitute_hours, "Hours before a substitute")?,
            substitutes,
            allowed_origins: lines(&f.allowed_origins)
                .into_iter()
                .map(|o| o.trim_end_matches('/').to_string())
                .collect(),
            online_location: optional(&f.online_location),
            demand_weight_percent: whole(&f.demand_weight_percent, "Demand weight (%)")?,
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
    let settings = match Settings::try_from(form) {
        Ok(s) => s,
        Err(e) => return me.error(SETTINGS_PAGE, &e.0),
    };
    match back_in_stock::save_settings(&app.store, me.tc.tenant.id, &me.member, &settings, me.rid())
        .await
    {
        Ok(()) => me.notice(SETTINGS_PAGE, "Back-in-stock settings saved."),
        Err(e) => me.fail(SETTINGS_PAGE, &e),
    }
}
