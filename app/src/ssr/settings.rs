//! Settings pages: the approval matrix in words and the replenishment policies.

use engine::model::{day_string, Permission, Role};
use leptos::prelude::*;

use super::context::{require, require_inventory_reader};
use super::error::{internal, internal_engine, not_found};
use super::format::*;
use crate::views::*;

pub async fn matrix() -> Result<MatrixView, ServerFnError> {
    use engine::approval::{DocumentType, Outcome, Step};
    let (ctx, tc, _member) = require(Permission::EditApprovalMatrix).await?;
    let store = &ctx.store;
    let tenant = tc.tenant.id;
    let (matrix, window) = engine::replenish::matrix(store, tenant)
        .await
        .map_err(internal_engine)?;
    let version = store
        .tenant_settings(tenant)
        .await
        .map_err(internal)?
        .map(|s| s.1)
        .unwrap_or(0);
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let lang = tc.lang;
    let role = |r: Role| role_label(lang, r);
    let steps = |steps: &[Step]| {
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let hours = s.escalate_after_hours.to_string();
                let then = match s.escalate_to {
                    Some(to) => i18n::t_args(
                        lang,
                        "admin-rule-after-to",
                        &[("hours", hours.into()), ("role", role(to).into())],
                    ),
                    None => i18n::t_args(
                        lang,
                        "admin-rule-after-exception",
                        &[("hours", hours.into())],
                    ),
                };
                i18n::t_args(
                    lang,
                    "admin-rule-step",
                    &[
                        ("n", (i as i64 + 1).into()),
                        ("role", role(s.role).into()),
                        ("then", then.into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rules = matrix
        .rules
        .iter()
        .map(|r| {
            let mut when = vec![i18n::t(
                lang,
                match r.doc_type {
                    None => "admin-rule-any-document",
                    Some(DocumentType::Transfer) => "admin-rule-transfers",
                    Some(DocumentType::PurchaseOrder) => "admin-rule-purchase-orders",
                },
            )];
            if let Some(v) = r.min_value_minor {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-from",
                    &[("amount", money(lang, v, &currency).into())],
                ));
            }
            if let Some(v) = r.max_value_minor {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-up-to",
                    &[("amount", money(lang, v, &currency).into())],
                ));
            }
            if let Some(c) = &r.class {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-class",
                    &[("class", c.clone().into())],
                ));
            }
            if let Some(g) = &r.region {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-region",
                    &[("region", g.clone().into())],
                ));
            }
            if let Some(l) = r.location_id {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-at",
                    &[("location", labels.location(l).into())],
                ));
            }
            if let Some(s) = r.supplier_id {
                when.push(i18n::t_args(
                    lang,
                    "admin-rule-from-supplier",
                    &[("supplier", labels.supplier(s).into())],
                ));
            }
            RuleView {
                name: r.name.clone(),
                when: when.join(" · "),
                then: match &r.outcome {
                    Outcome::AutoApprove => i18n::t(lang, "admin-rule-auto-approve"),
                    Outcome::Steps { steps: s } => steps(s),
                },
            }
        })
        .collect();
    let choice = |value: String, label: String| Choice { value, label };
    let classes = store
        .product_classes(tenant)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|c| choice(c.clone(), c))
        .collect();
    let locations = store.locations(tenant).await.map_err(internal)?;
    let mut regions: Vec<String> = locations.iter().map(|l| l.region.clone()).collect();
    regions.sort();
    regions.dedup();
    Ok(MatrixView {
        toml: engine::replenish::matrix_to_toml(&matrix),
        po_window_minutes: window,
        version,
        rules,
        default_steps: steps(&matrix.default_steps),
        auto_approve_limit: money(lang, matrix.auto_approve_limit_minor, &currency),
        classes,
        regions: regions.into_iter().map(|r| choice(r.clone(), r)).collect(),
        locations: locations
            .iter()
            .map(|l| choice(l.id.to_string(), format!("{} {}", l.code, l.name)))
            .collect(),
        suppliers: labels
            .suppliers
            .iter()
            .map(|s| choice(s.0.to_string(), s.2.clone()))
            .collect(),
        roles: [Role::Approver, Role::Planner, Role::TenantAdmin]
            .into_iter()
            .map(|r| choice(r.as_str().into(), role(r)))
            .collect(),
        currency,
    })
}

pub async fn policies(edit: Option<i64>) -> Result<crate::views::PoliciesView, ServerFnError> {
    use crate::views::{PoliciesView, PolicyForm, PolicyRow};
    use engine::replenish::{Method, PolicySettings};
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let lang = tc.lang;
    let store = &ctx.store;
    let locations = store.locations(tenant).await.map_err(internal)?;
    let location_label = |id: Option<i64>| match id {
        None => i18n::t(lang, "admin-every-location"),
        Some(id) => locations
            .iter()
            .find(|l| l.id == id)
            .map(|l| format!("{} {}", l.code, l.name))
            .unwrap_or_else(|| {
                i18n::t_args(lang, "admin-location-id", &[("id", id.to_string().into())])
            }),
    };
    let policies = store.policies(tenant).await.map_err(internal)?;
    let settings_of = |json: &str| serde_json::from_str::<PolicySettings>(json).unwrap_or_default();
    let rows = policies
        .iter()
        .map(|p| {
            let s = settings_of(&p.settings);
            let tr = |id: &str| i18n::t(lang, id);
            let units = |id: &str, n: String| i18n::t_args(lang, id, &[("units", n.into())]);
            let mut parts = vec![match s.method {
                Method::ReorderPoint => tr("admin-policy-reorder-point"),
                Method::MinMax => tr("admin-policy-min-max"),
                Method::Forecast => i18n::t_args(
                    lang,
                    "admin-policy-forecast",
                    &[("days", s.cover_days.to_string().into())],
                ),
            }];
            if let Some(p) = s.service_level {
                parts.push(i18n::t_args(
                    lang,
                    "admin-policy-service",
                    &[("level", p.to_string().into())],
                ));
            }
            if s.method == Method::Forecast && s.spread_service {
                parts.push(tr("admin-policy-spread"));
            }
            if s.method == Method::Forecast && s.order_cycle {
                parts.push(tr("admin-policy-order-cycle"));
            }
            if s.compute_reorder_point {
                parts.push(i18n::t_args(
                    lang,
                    "admin-policy-computed",
                    &[("z", s.service_z.to_string().into())],
                ));
            }
            parts.push(units(
                "admin-policy-safety-stock",
                s.safety_stock.to_string(),
            ));
            parts.push(match s.lead_time_days {
                Some(d) => i18n::t_args(
                    lang,
                    "admin-policy-lead-time",
                    &[("days", d.to_string().into())],
                ),
                None => tr("admin-policy-supplier-lead-time"),
            });
            parts.push(match (s.reorder_point, s.order_up_to) {
                (Some(rop), Some(out)) if s.dc_multiplier > 1 => i18n::t_args(
                    lang,
                    "admin-policy-levels-dc",
                    &[
                        ("rop", rop.to_string().into()),
                        ("out", out.to_string().into()),
                        ("factor", s.dc_multiplier.to_string().into()),
                    ],
                ),
                (Some(rop), Some(out)) => i18n::t_args(
                    lang,
                    "admin-policy-levels",
                    &[
                        ("rop", rop.to_string().into()),
                        ("out", out.to_string().into()),
                    ],
                ),
                _ => tr("admin-policy-own-levels"),
            });
            parts.push(units("admin-policy-case-pack", s.case_pack.to_string()));
            if s.moq > 0 {
                parts.push(units("admin-policy-moq", s.moq.to_string()));
            }
            if !s.uplifts.is_empty() {
                parts.push(i18n::t_args(
                    lang,
                    "admin-policy-promotions",
                    &[("n", (s.uplifts.len() as i64).into())],
                ));
            }
            PolicyRow {
                id: p.id,
                class: if p.class == "*" {
                    tr("admin-every-class")
                } else {
                    p.class.clone()
                },
                location: location_label(p.location_id),
                summary: parts.join(" · "),
                updated: ago(lang, p.updated_at),
            }
        })
        .collect();
    let editing = match edit {
        // Another tenant's policy (or one deleted meanwhile) is not found here.
        Some(id) => Some(policies.iter().find(|p| p.id == id).ok_or_else(not_found)?),
        None => None,
    };
    let s = editing
        .map(|p| settings_of(&p.settings))
        .unwrap_or_default();
    let form = PolicyForm {
        class: editing.map(|p| p.class.clone()).unwrap_or_default(),
        location_id: editing
            .and_then(|p| p.location_id)
            .map(|l| l.to_string())
            .unwrap_or_default(),
        method: match s.method {
            Method::ReorderPoint => "reorder_point".into(),
            Method::MinMax => "min_max".into(),
            Method::Forecast => "forecast".into(),
        },
        service_level: s.service_level.map(|p| p.to_string()).unwrap_or_default(),
        cover_days: s.cover_days.to_string(),
        compute_reorder_point: s.compute_reorder_point,
        // Offered ticked for a new policy; an existing one shows what it does.
        spread_service: editing.is_none() || s.spread_service,
        // Off unless a planner turns it on (it assumes independent lateness).
        order_cycle: s.order_cycle,
        safety_stock: s.safety_stock.to_string(),
        service_z: s.service_z.to_string(),
        lead_time_days: s.lead_time_days.map(|d| d.to_string()).unwrap_or_default(),
        case_pack: s.case_pack.to_string(),
        moq: s.moq.to_string(),
        reorder_point: s.reorder_point.map(|v| v.to_string()).unwrap_or_default(),
        order_up_to: s.order_up_to.map(|v| v.to_string()).unwrap_or_default(),
        dc_multiplier: s.dc_multiplier.to_string(),
        uplifts: s
            .uplifts
            .iter()
            .map(|u| {
                format!(
                    "{} {} {}",
                    day_string(u.from_ms),
                    day_string(u.to_ms - 1),
                    u.factor
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut classes = vec![Choice {
        value: "*".into(),
        label: i18n::t(lang, "admin-every-class"),
    }];
    classes.extend(
        store
            .product_classes(tenant)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| Choice {
                value: c.clone(),
                label: c,
            }),
    );
    let mut location_choices = vec![Choice {
        value: String::new(),
        label: i18n::t(lang, "admin-every-location"),
    }];
    location_choices.extend(locations.iter().map(|l| Choice {
        value: l.id.to_string(),
        label: format!("{} {}", l.code, l.name),
    }));
    Ok(PoliciesView {
        rows,
        classes,
        locations: location_choices,
        form,
        can_edit: member.can(Permission::EditPolicies),
        sweep_hour: store
            .sweep_hour(tenant)
            .await
            .map_err(internal)?
            .unwrap_or(engine::replenish::jobs::DEFAULT_SWEEP_HOUR),
        anomalies: {
            let a = store.anomaly_settings(tenant).await.map_err(internal)?;
            crate::views::AnomalyForm {
                enabled: a.enabled,
                mad_k: format!("{}", a.mad_k),
                min_units: a.min_units,
                count_jump_pct: a.count_jump_pct,
                count_min_units: a.count_min_units,
                new_location: a.new_location,
            }
        },
    })
}
