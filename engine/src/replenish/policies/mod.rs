//! Replenishment policies per product class (optionally per location): the settings,
//! their checks, and saving or deleting them, which re-checks every position the scope
//! covers.

use serde::{Deserialize, Serialize};

use super::jobs::RecheckScope;
use crate::audit::AuditEntry;
use crate::error::{EngineError, Msg};
use crate::forecast::z_for_service_level;
use crate::jobs::NewJob;
use crate::limits::{
    within_field as within, MAX_CASE_PACK, MAX_DC_MULTIPLIER, MAX_LEAD_TIME_DAYS, MAX_LEVEL,
    MAX_SERVICE_Z, MAX_UPLIFT,
};
use crate::model::{Member, Permission, TenantId};
use crate::policy::{
    cycle_service_level, deliveries_offset, lead_time_demand_sd, order_cycle_days,
    spread_service_level, ForecastLevels, Levels, Policy, Spread, Uplift,
};
use crate::store::audit::append_audit_tx;
use crate::store::forecasts::StoredForecast;
use crate::store::jobs::enqueue_tx;
use crate::store::Store;
use crate::store::{positions::PositionFacts, tenant_settings};

/// Policy settings for a product class (optionally one location). The levels are the
/// position's own reorder point and order-up-to; these settings say how to use them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicySettings {
    /// `reorder_point` (order when at or below it), `min_max` (order when below min) or
    /// `forecast` (levels from the position's demand forecast, see `policy::Levels`).
    pub method: Method,
    /// Compute the reorder point from lead-time demand + safety stock when there are at
    /// least 14 days of sales history, instead of the position's configured figure.
    pub compute_reorder_point: bool,
    /// Used when there is too little history to compute safety stock.
    pub safety_stock: i64,
    pub service_z: f64,
    /// Overrides the supplier's lead time.
    pub lead_time_days: Option<i64>,
    pub case_pack: i64,
    pub moq: i64,
    pub uplifts: Vec<Uplift>,
    /// The class's levels. Positions the policy covers take them (times
    /// `dc_multiplier` at a distribution centre) unless a planner set a position's own;
    /// `None` leaves positions their own. A more specific policy without levels still
    /// lets a broader one's levels through.
    pub reorder_point: Option<i64>,
    pub order_up_to: Option<i64>,
    pub dc_multiplier: i64,
    /// Target service level per order cycle (per week when `order_cycle` is on) in
    /// percent (50–99.9); when set it replaces
    /// `service_z` (95 % is z = 1.645).
    pub service_level: Option<f64>,
    /// Days of forecast demand the order-up-to level covers beyond the reorder point
    /// (forecast-driven policies).
    pub cover_days: i64,
    /// Forecast-driven policies: spread the service level over the class's selling
    /// positions by the value each sells a day (`policy::spread_service_level`), so
    /// cheap, slow sellers get more and costly fast ones less, the class keeping its
    /// level on average; off, every position gets the class's level. Off for a policy
    /// saved before it existed (no level moves without a planner); the form offers it
    /// ticked for a new policy.
    pub spread_service: bool,
    /// Forecast-driven policies: count the order cycle (`policy::safety`): a position
    /// ordered more often than weekly (a short cover, a case that lasts less than a
    /// week, and a purchase-order window that sends orders that often) reads the level
    /// as a weekly one and shares its stockout chance over its orders, and late and
    /// early deliveries of its frequent orders partly offset one another in the
    /// lead-time term, which assumes each order's lateness is its own. Off for a policy
    /// saved before it existed (no level moves without a planner); the form offers it
    /// unticked for a new policy too: a planner turns it on for suppliers whose
    /// deliveries vary order by order. Left out of the stored JSON when off, so a
    /// binary from before it reads every policy that does not use it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub order_cycle: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    ReorderPoint,
    MinMax,
    Forecast,
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            method: Method::ReorderPoint,
            compute_reorder_point: false,
            safety_stock: 0,
            service_z: 1.65,
            lead_time_days: None,
            case_pack: 1,
            moq: 0,
            uplifts: Vec::new(),
            reorder_point: None,
            order_up_to: None,
            dc_multiplier: 1,
            service_level: None,
            cover_days: 7,
            spread_service: false,
            order_cycle: false,
        }
    }
}

impl PolicySettings {
    /// Checks every field against its documented range (`engine::limits`); the message
    /// names the field.
    pub fn validate(&self) -> Result<(), Msg> {
        within("case_pack", self.case_pack, 1, MAX_CASE_PACK)?;
        match (self.reorder_point, self.order_up_to) {
            (None, None) => {}
            (Some(rop), Some(out)) => {
                within("reorder_point", rop, 0, MAX_LEVEL)?;
                within("order_up_to", out, rop, MAX_LEVEL)?;
            }
            _ => return Err(Msg::new("err-policy-both-levels", &[])),
        }
        within("dc_multiplier", self.dc_multiplier, 1, MAX_DC_MULTIPLIER)?;
        if let Some(out) = self.order_up_to {
            let at_dc = out.checked_mul(self.dc_multiplier).unwrap_or(i64::MAX);
            within("order_up_to x dc_multiplier", at_dc, 0, MAX_LEVEL)?;
        }
        within("moq", self.moq, 0, MAX_LEVEL)?;
        within("safety_stock", self.safety_stock, 0, MAX_LEVEL)?;
        if !(0.0..=MAX_SERVICE_Z).contains(&self.service_z) {
            return Err(Msg::new(
                "err-policy-service-z",
                &[("most", MAX_SERVICE_Z.to_string())],
            ));
        }
        if let Some(d) = self.lead_time_days {
            within("lead_time_days", d, 0, MAX_LEAD_TIME_DAYS)?;
        }
        if let Some(p) = self.service_level {
            if !(50.0..=99.9).contains(&p) {
                return Err(Msg::new("err-policy-service-level", &[]));
            }
        }
        within("cover_days", self.cover_days, 1, MAX_COVER_DAYS)?;
        if self.uplifts.len() > 50 {
            return Err(Msg::new("err-policy-uplifts", &[]));
        }
        for (i, u) in self.uplifts.iter().enumerate() {
            if u.to_ms <= u.from_ms || !(0.0..=MAX_UPLIFT).contains(&u.factor) {
                return Err(Msg::new(
                    "err-policy-uplift",
                    &[("index", i.to_string()), ("most", MAX_UPLIFT.to_string())],
                ));
            }
        }
        Ok(())
    }

    /// The policy for one position; `forecast` is its stored forecast, read on `now`'s
    /// day, and `class_value_per_day` the average value its class's positions sell a day
    /// (what the service level is spread against), and `order_window_days` the tenant's
    /// purchase-order window in days (an order cycle is never shorter). A
    /// forecast-driven policy without a forecast yet computes its reorder point from
    /// recent sales as `compute_reorder_point` does.
    pub(crate) fn policy(
        &self,
        facts: &PositionFacts,
        forecast: Option<&StoredForecast>,
        class_value_per_day: Option<f64>,
        order_window_days: f64,
        now: i64,
    ) -> Policy {
        let lead_time_days = self
            .lead_time_days
            .or(facts.measured_lead_time_days)
            .or(facts.lead_time_days)
            .unwrap_or(2);
        let mut service_z = self
            .service_level
            .map_or(self.service_z, z_for_service_level);
        let levels = match self.method {
            // A planner's own levels for one position win over any policy.
            Method::Forecast if facts.levels_source == "override" => Levels::ReorderPoint {
                reorder_point: Some(facts.reorder_point),
                order_up_to: facts.order_up_to,
            },
            Method::Forecast => match forecast {
                Some(f) => {
                    let lead = lead_time_days.clamp(1, MAX_LEAD_TIME_DAYS) as usize;
                    let cover = self.cover_days.clamp(1, MAX_COVER_DAYS) as usize;
                    let (lead_time_demand, _, _) = f.ahead(now, lead, 0.0);
                    let lead_sd = if self.lead_time_days.is_none() {
                        facts.measured_lead_time_sd.unwrap_or(0.0)
                    } else {
                        0.0
                    };
                    let fc = &f.forecast;
                    let daily = lead_time_demand / lead as f64;
                    let cycle_days = self.order_cycle.then(|| {
                        let c = order_cycle_days(
                            cover as f64,
                            self.case_pack.max(self.moq) as f64,
                            daily,
                        );
                        if order_window_days.is_finite() {
                            c.max(order_window_days)
                        } else {
                            c
                        }
                    });
                    let class_level = self
                        .service_level
                        .unwrap_or_else(|| service_level_of(self.service_z));
                    let spread = class_value_per_day
                        .filter(|_| self.spread_service && facts.cost_minor > 0)
                        .map(|mean| Spread {
                            class_level,
                            value_per_day: fc.mean_daily() * facts.cost_minor as f64,
                            class_value_per_day: mean,
                        });
                    let per_week = spread.as_ref().map_or(class_level, |s| {
                        spread_service_level(class_level, s.value_per_day, s.class_value_per_day)
                    });
                    let service_level =
                        cycle_days.map_or(per_week, |c| cycle_service_level(per_week, c));
                    if spread.is_some() || service_level != class_level {
                        // The class's own z stands where the spread and the order cycle do
                        // not lower the level (a z above 3.72 is beyond what a percentage
                        // gives back).
                        let z = z_for_service_level(service_level);
                        service_z = if service_level >= class_level {
                            service_z.max(z)
                        } else {
                            z.min(service_z)
                        };
                    }
                    Levels::Forecast(ForecastLevels {
                        method: fc.describe(),
                        lead_days: lead as i64,
                        lead_time_demand,
                        lead_time_sd: lead_time_demand_sd(
                            lead as f64,
                            fc.sigma,
                            daily,
                            lead_sd,
                            cycle_days,
                        ),
                        cover_days: cover as i64,
                        cover_demand: {
                            let elapsed = f.ahead(now, lead + cover, 0.0).0;
                            (elapsed - lead_time_demand).max(0.0)
                        },
                        service_level,
                        spread,
                        cycle_days,
                        level_per_week: (service_level != per_week).then_some(per_week),
                        deliveries_offset: cycle_days
                            .is_some_and(|c| deliveries_offset(lead_sd, c)),
                    })
                }
                None => Levels::ReorderPoint {
                    reorder_point: None,
                    order_up_to: facts.order_up_to,
                },
            },
            Method::ReorderPoint => Levels::ReorderPoint {
                reorder_point: (!self.compute_reorder_point).then_some(facts.reorder_point),
                order_up_to: facts.order_up_to,
            },
            Method::MinMax => Levels::MinMax {
                min: facts.reorder_point,
                max: facts.order_up_to,
            },
        };
        Policy {
            levels,
            safety_stock: self.safety_stock,
            service_z,
            lead_time_days,
            case_pack: self.case_pack,
            moq: self.moq,
            uplifts: self.uplifts.clone(),
            waiting_demand: 0,
        }
    }
}

/// Days of cover a forecast-driven policy may ask for at most.
pub const MAX_COVER_DAYS: i64 = 90;

/// The service level (percent) of a z, for the reason's words: Φ(z) by the
/// Abramowitz–Stegun approximation (error below 1e-7).
fn service_level_of(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let d = 0.398_942_3 * (-z * z / 2.0).exp();
    let tail = d
        * t
        * (0.319_381_5 + t * (-0.356_563_8 + t * (1.781_478 + t * (-1.821_256 + t * 1.330_274))));
    100.0 * if z >= 0.0 { 1.0 - tail } else { tail }
}

/// Saves the settings of a policy scope (a class or `*`, optionally one location) and
/// queues a re-check of every position it covers. Audited with before and after. Needs
/// [`Permission::EditPolicies`].
#[allow(clippy::too_many_arguments)]
pub async fn save_policy(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    class: &str,
    location: Option<i64>,
    settings: &PolicySettings,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditPolicies)?;
    // The scope must be this tenant's: a class it has (or `*`), a location of its own.
    let class = class.trim();
    if class != "*"
        && !store
            .product_classes(tenant)
            .await?
            .iter()
            .any(|c| c == class)
    {
        return Err(EngineError::invalid("err-policy-class-unknown", &[]));
    }
    if let Some(l) = location {
        if !store.locations(tenant).await?.iter().any(|x| x.id == l) {
            return Err(EngineError::invalid("err-policy-location-unknown", &[]));
        }
    }
    let actor = member.actor();
    write_policy(
        store, tenant, class, location, settings, &actor, request_id, now, true,
    )
    .await
}

/// The policies a tenant is provisioned with: like [`save_policy`], without the
/// re-check (the positions are new; their first events check them), and only for a
/// scope that has no policy yet.
pub async fn seed_policy(
    store: &Store,
    tenant: TenantId,
    class: &str,
    settings: &PolicySettings,
    now: i64,
) -> Result<(), EngineError> {
    write_policy(
        store,
        tenant,
        class,
        None,
        settings,
        "system:seed",
        None,
        now,
        false,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn write_policy(
    store: &Store,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings: &PolicySettings,
    actor: &str,
    request_id: Option<&str>,
    now: i64,
    recheck_positions: bool,
) -> Result<(), EngineError> {
    settings.validate().map_err(|e| {
        Msg::new("err-policy-invalid", &[("class", class.to_string())]).parts("problem", vec![e])
    })?;
    let class = class.trim();
    if class.is_empty() || class.len() > 64 {
        return Err(EngineError::invalid("err-policy-class", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    if !recheck_positions
        && tenant_settings::policy_scope_tx(&mut tx, tenant, class, location)
            .await?
            .is_some()
    {
        // Provisioning never replaces a policy that exists: a planner's edits win over
        // the tenant file on the next `seed` or `demo` start.
        return Ok(());
    }
    let audit = Audited { actor, request_id };
    write_policy_tx(
        &mut tx,
        tenant,
        class,
        location,
        settings,
        &audit,
        now,
        recheck_positions,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Who saves a policy, for the audit trail.
pub(crate) struct Audited<'a> {
    pub actor: &'a str,
    pub request_id: Option<&'a str>,
}

/// Saves one policy scope in the caller's transaction (validated settings, a class of
/// at most 64 characters; the caller checked the class and location are the tenant's),
/// queues the re-check of what it covers when asked, and audits it.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_policy_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings: &PolicySettings,
    audit: &Audited<'_>,
    now: i64,
    recheck_positions: bool,
) -> Result<(), EngineError> {
    let (actor, request_id) = (audit.actor, audit.request_id);
    let json = serde_json::to_string(settings).map_err(|e| Msg::detail(e.to_string()))?;
    let before = tenant_settings::policy_scope_tx(tx, tenant, class, location).await?;
    let levels = settings.reorder_point.zip(settings.order_up_to);
    tenant_settings::upsert_policy_tx(
        tx,
        tenant,
        class,
        location,
        &json,
        levels,
        settings.dc_multiplier,
        now,
    )
    .await?;
    // Promotions are forecast inputs: when they change, every selling series is
    // forecast again (`forecasts`), and checked under them at its next check.
    let before_uplifts = before
        .as_ref()
        .and_then(|b| serde_json::from_str::<PolicySettings>(&b.settings).ok())
        .map(|b| b.uplifts)
        .unwrap_or_default();
    if before_uplifts != settings.uplifts {
        let from_day = now.div_euclid(crate::model::DAY_MS) - super::forecasts::HISTORY_DAYS;
        crate::store::forecasts::mark_all_selling_tx(tx, tenant, from_day, now).await?;
        let refresh = super::forecasts::RefreshForecasts::default();
        enqueue_tx(tx, &NewJob::of(tenant, &refresh, now)).await?;
    }
    if recheck_positions {
        // Every position the scope covers takes the levels now in force and is checked
        // again under the new settings.
        let recheck = RecheckScope::new(class, location, None).with_levels();
        enqueue_tx(tx, &NewJob::of(tenant, &recheck, now)).await?;
    }
    append_audit_tx(
        tx,
        tenant,
        &AuditEntry::of(
            actor,
            "policy.saved",
            format!("policy:{class}:{}", location.unwrap_or(0)),
            before.and_then(|b| serde_json::from_str(&b.settings).ok()),
            Some(serde_json::to_value(settings).unwrap_or_default()),
            request_id,
        ),
    )
    .await?;
    Ok(())
}

/// Deletes a policy scope (the next broader one applies again). Audited. Needs
/// [`Permission::EditPolicies`].
pub async fn delete_policy(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditPolicies)?;
    let mut tx = store.begin(tenant).await?;
    let gone = tenant_settings::delete_policy_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let recheck = RecheckScope::new(&gone.class, gone.location_id, None).with_levels();
    enqueue_tx(&mut tx, &NewJob::of(tenant, &recheck, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "policy.deleted",
            format!("policy:{}:{}", gone.class, gone.location_id.unwrap_or(0)),
            serde_json::from_str(&gone.settings).ok(),
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests;
