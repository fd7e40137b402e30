//! The policies page's posts: save a policy for a class (or every class), optionally at
//! one location, and delete one. A change re-checks every position it covers.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::model::{now_ms, parse_day};
use engine::policy::Uplift;
use engine::replenish::{self, Method, PolicySettings};
use serde::Deserialize;

use super::{id, param, whole, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

const PAGE: &str = "/settings/policies";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PolicyForm {
    class: String,
    location_id: String,
    method: String,
    compute_reorder_point: String,
    safety_stock: String,
    service_z: String,
    lead_time_days: String,
    case_pack: String,
    moq: String,
    uplifts: String,
}

/// A policy as the form gives it: its scope (checked against the tenant's classes and
/// locations by the engine) and its settings (checked here).
struct PolicySave {
    class: String,
    location: Option<String>,
    settings: PolicySettings,
}

impl TryFrom<PolicyForm> for PolicySave {
    type Error = FormError;
    fn try_from(f: PolicyForm) -> Result<Self, FormError> {
        let method = match f.method.as_str() {
            "reorder_point" => Method::ReorderPoint,
            "min_max" => Method::MinMax,
            _ => {
                return Err(FormError::new(
                    "Choose the method: reorder point or min/max.",
                ))
            }
        };
        let service_z = f
            .service_z
            .trim()
            .parse::<f64>()
            .map_err(|_| FormError::new("Service level z must be a number such as 1.65."))?;
        let lead_time_days = match f.lead_time_days.trim() {
            "" => None,
            lead => Some(lead.parse::<i64>().map_err(|_| {
                FormError::new("Lead time must be a whole number of days, or blank.")
            })?),
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
                    .zip(factor.parse::<f64>().ok()),
                _ => None,
            };
            let Some(((from, last), factor)) = parsed else {
                return Err(FormError(format!(
                    "Promotion line {}: write first day, last day and factor, e.g. 2026-12-01 2026-12-24 1.5.",
                    n + 1
                )));
            };
            uplifts.push(Uplift {
                from_ms: from,
                to_ms: last + 24 * 3_600_000,
                factor,
            });
        }
        let settings = PolicySettings {
            method,
            compute_reorder_point: f.compute_reorder_point == "yes",
            safety_stock: whole(&f.safety_stock, "Safety stock")?,
            service_z,
            lead_time_days,
            case_pack: whole(&f.case_pack, "Case pack")?,
            moq: whole(&f.moq, "Minimum order quantity")?,
            uplifts,
        };
        settings
            .validate()
            .map_err(|e| FormError(format!("Not saved: {e}.")))?;
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
    let p = match PolicySave::try_from(form) {
        Ok(p) => p,
        Err(e) => return me.error(PAGE, &e.to_string()),
    };
    let (store, t) = (&state.store, me.tc.tenant.id);
    let location = match &p.location {
        None => None,
        Some(given) => match id(given) {
            Some(id) => Some(id),
            None => return me.error(PAGE, "Choose a location of this portal, or every location."),
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
            me.notice(
                PAGE,
                "Policy saved; the positions it covers are being checked again.",
            )
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
            me.notice(PAGE, "Policy deleted; the next broader one applies.")
        }
        Err(e) => me.fail(PAGE, &e),
    }
}
