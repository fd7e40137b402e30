//! The policies page's posts: save a policy for a class (or every class), optionally at
//! one location, and delete one. A change re-checks every position it covers.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::anomaly;
use engine::model::{now_ms, parse_day};
use engine::policy::Uplift;
use engine::replenish::{self, Method, PolicySettings};
use serde::Deserialize;

use super::{id, param, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/policies";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PolicyForm {
    class: String,
    location_id: String,
    method: String,
    compute_reorder_point: String,
    spread_service: String,
    order_cycle: String,
    safety_stock: String,
    service_z: String,
    lead_time_days: String,
    case_pack: String,
    moq: String,
    uplifts: String,
    reorder_point: String,
    order_up_to: String,
    dc_multiplier: String,
    #[serde(default)]
    service_level: String,
    #[serde(default)]
    cover_days: String,
}

/// A policy as the form gives it: its scope (checked against the tenant's classes and
/// locations by the engine) and its settings (checked here).
struct PolicySave {
    class: String,
    location: Option<String>,
    settings: PolicySettings,
}

/// A whole number from a form field, or the error (a catalogue id) in the reader's
/// language.
fn whole(lang: i18n::Lang, value: &str, error: &str) -> Result<i64, FormError> {
    value
        .trim()
        .parse::<i64>()
        .map_err(|_| FormError::new(i18n::t(lang, error)))
}

impl PolicySave {
    fn parse(f: PolicyForm, lang: i18n::Lang) -> Result<Self, FormError> {
        let method = match f.method.as_str() {
            "reorder_point" => Method::ReorderPoint,
            "min_max" => Method::MinMax,
            "forecast" => Method::Forecast,
            _ => return Err(FormError::new(i18n::t(lang, "plan-policy-error-method"))),
        };
        let service_level =
            match f.service_level.trim().trim_end_matches('%').trim() {
                "" => None,
                p => Some(i18n::fmt::parse_decimal(lang, p).ok_or_else(|| {
                    FormError::new(i18n::t(lang, "plan-policy-error-service-level"))
                })?),
            };
        let cover_days = match f.cover_days.trim() {
            "" => PolicySettings::default().cover_days,
            d => whole(lang, d, "plan-policy-whole-cover-days")?,
        };
        let service_z = i18n::fmt::parse_decimal(lang, &f.service_z)
            .ok_or_else(|| FormError::new(i18n::t(lang, "plan-policy-error-service-z")))?;
        let lead_time_days = match f.lead_time_days.trim() {
            "" => None,
            lead => Some(
                lead.parse::<i64>()
                    .map_err(|_| FormError::new(i18n::t(lang, "plan-policy-error-lead-time")))?,
            ),
        };
        let mut uplifts = Vec::new();
        for (n, line) in f.uplifts.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            let parsed = match parts.as_slice() {
                [a, b, factor] => parse_day(a)
                    .zip(parse_day(b))
                    .zip(i18n::fmt::parse_decimal(lang, factor)),
                _ => None,
            };
            let Some(((from, last), factor)) = parsed else {
                return Err(FormError::new(i18n::t_args(
                    lang,
                    "plan-policy-error-promotion",
                    &[("line", (n as i64 + 1).into())],
                )));
            };
            uplifts.push(Uplift {
                from_ms: from,
                to_ms: last + 24 * 3_600_000,
                factor,
            });
        }
        let (reorder_point, order_up_to) = match (f.reorder_point.trim(), f.order_up_to.trim()) {
            ("", "") => (None, None),
            (rop, out) if !rop.is_empty() && !out.is_empty() => (
                Some(whole(lang, rop, "plan-policy-whole-reorder-point")?),
                Some(whole(lang, out, "plan-policy-whole-order-up-to")?),
            ),
            _ => return Err(FormError::new(i18n::t(lang, "plan-policy-error-levels"))),
        };
        let dc_multiplier = match f.dc_multiplier.trim() {
            "" => 1,
            m => whole(lang, m, "plan-policy-whole-dc-multiplier")?,
        };
        let settings = PolicySettings {
            reorder_point,
            order_up_to,
            dc_multiplier,
            method,
            compute_reorder_point: f.compute_reorder_point == "yes",
            // Only a forecast-driven policy spreads; any other keeps it off.
            spread_service: method == Method::Forecast && f.spread_service == "yes",
            order_cycle: method == Method::Forecast && f.order_cycle == "yes",
            safety_stock: whole(lang, &f.safety_stock, "plan-policy-whole-safety-stock")?,
            service_z,
            lead_time_days,
            case_pack: whole(lang, &f.case_pack, "plan-policy-whole-case-pack")?,
            moq: whole(lang, &f.moq, "plan-policy-whole-moq")?,
            uplifts,
            service_level,
            cover_days,
        };
        settings.validate().map_err(|e| {
            FormError::new(i18n::t_args(
                lang,
                "plan-policy-not-saved",
                &[("reason", e.to_string().into())],
            ))
        })?;
        let location = Some(f.location_id.trim().to_string()).filter(|l| !l.is_empty());
        Ok(PolicySave {
            class: f.class.trim().to_string(),
            location,
            settings,
        })
    }
}

pub async fn save(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<PolicyForm>,
) -> Response {
    let lang = me.tc.lang;
    let p = match PolicySave::parse(form, lang) {
        Ok(p) => p,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let location = match &p.location {
        None => None,
        Some(given) => match id(given) {
            Some(id) => Some(id),
            None => return me.error(PAGE, &i18n::t(lang, "plan-policy-error-location")),
        },
    };
    let r = replenish::save_policy(
        store,
        t,
        &me.member,
        &p.class,
        location,
        &p.settings,
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(PAGE, &i18n::t(lang, "plan-policy-saved"))
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

pub async fn delete(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let policy = id(param(&params, "id")).unwrap_or(0);
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::delete_policy(store, t, &me.member, policy, me.rid(), now_ms()).await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(PAGE, &i18n::t(me.tc.lang, "plan-policy-deleted"))
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SweepHourForm {
    hour: String,
}

/// The hour (UTC) of the nightly full check.
pub async fn sweep_hour(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<SweepHourForm>,
) -> Response {
    let lang = me.tc.lang;
    let hour = match whole(lang, &form.hour, "plan-policy-whole-sweep-hour") {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::set_sweep_hour(store, t, &me.member, hour, me.rid(), now_ms()).await {
        Ok(()) => me.notice(
            PAGE,
            &i18n::t_args(
                lang,
                "plan-policy-sweep-saved",
                &[("hour", format!("{hour:02}").into())],
            ),
        ),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnomalyForm {
    enabled: Option<String>,
    mad_k: String,
    min_units: String,
    count_jump_pct: String,
    count_min_units: String,
    new_location: Option<String>,
}

impl AnomalyForm {
    fn settings(&self, lang: i18n::Lang) -> Result<anomaly::Settings, FormError> {
        let mad_k: f64 = self
            .mad_k
            .trim()
            .parse()
            .map_err(|_| FormError::new(i18n::t(lang, "plan-policy-error-mad")))?;
        Ok(anomaly::Settings {
            enabled: self.enabled.is_some(),
            mad_k,
            min_units: whole(lang, &self.min_units, "plan-policy-whole-min-units")?,
            count_jump_pct: whole(lang, &self.count_jump_pct, "plan-policy-whole-count-jump")?,
            count_min_units: whole(
                lang,
                &self.count_min_units,
                "plan-policy-whole-count-min-units",
            )?,
            new_location: self.new_location.is_some(),
        })
    }
}

/// The tenant's anomaly thresholds (checked by the engine, which names a bad field).
pub async fn anomalies(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<AnomalyForm>,
) -> Response {
    let lang = me.tc.lang;
    let settings = match form.settings(lang) {
        Ok(s) => s,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    match replenish::anomalies::save_settings(store, t, &me.member, &settings, me.rid(), now_ms())
        .await
    {
        Ok(()) => me.notice(PAGE, &i18n::t(lang, "plan-policy-anomalies-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LevelsForm {
    location_id: String,
    product_id: String,
    reorder_point: String,
    order_up_to: String,
    /// `clear`: hand the position back to its policy's levels.
    op: String,
    /// The inventory page to go back to (a path of this portal, with its filters).
    back: String,
}

/// One position's own levels, from the inventory page: set them, or hand the position
/// back to its policy's.
pub async fn position_levels(
    State(state): State<Arc<AppState>>,
    me: SignedIn,
    Posted(form): Posted<LevelsForm>,
) -> Response {
    // Back to the page the planner came from, but only ever to this portal's inventory.
    let safe = |c: char| c.is_ascii_alphanumeric() || "/?=&%._-+".contains(c);
    let back = if form.back.starts_with("/inventory")
        && !form.back.contains("//")
        && form.back.len() <= 300
        && form.back.chars().all(safe)
    {
        form.back.clone()
    } else {
        "/inventory".to_string()
    };
    let lang = me.tc.lang;
    let levels = if form.op == "clear" {
        None
    } else {
        let parsed =
            whole(lang, &form.reorder_point, "plan-policy-whole-reorder-point").and_then(|rop| {
                whole(lang, &form.order_up_to, "plan-policy-whole-order-up-to")
                    .map(|out| (rop, out))
            });
        match parsed {
            Ok(l) => Some(l),
            Err(e) => return me.error(&back, &e.to_string()),
        }
    };
    let (Some(location), Some(product)) = (id(&form.location_id), id(&form.product_id)) else {
        return me.fail(&back, &engine::EngineError::NotFound);
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let r = replenish::set_position_levels(
        store,
        t,
        &me.member,
        location,
        product,
        levels,
        me.rid(),
        now_ms(),
    );
    match r.await {
        Ok(()) => {
            state.jobs_wake.notify_one();
            me.notice(
                &back,
                &i18n::t(
                    lang,
                    if levels.is_some() {
                        "plan-policy-levels-saved"
                    } else {
                        "plan-policy-levels-cleared"
                    },
                ),
            )
        }
        Err(e) => me.fail(&back, &e),
    }
}
