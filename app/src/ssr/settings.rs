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
    let role = |r: Role| r.label().to_string();
    let steps = |steps: &[Step]| {
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let then = match s.escalate_to {
                    Some(to) => format!("after {} h to {}", s.escalate_after_hours, role(to)),
                    None => format!("after {} h an exception", s.escalate_after_hours),
                };
                format!("{}. {} ({then})", i + 1, role(s.role))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rules = matrix
        .rules
        .iter()
        .map(|r| {
            let mut when = vec![match r.doc_type {
                None => "any document".to_string(),
                Some(DocumentType::Transfer) => "transfers".into(),
                Some(DocumentType::PurchaseOrder) => "purchase orders".into(),
            }];
            if let Some(v) = r.min_value_minor {
                when.push(format!("from {}", money(v, &currency)));
            }
            if let Some(v) = r.max_value_minor {
                when.push(format!("up to {}", money(v, &currency)));
            }
            if let Some(c) = &r.class {
                when.push(format!("class {c}"));
            }
            if let Some(g) = &r.region {
                when.push(format!("region {g}"));
            }
            if let Some(l) = r.location_id {
                when.push(format!("at {}", labels.location(l)));
            }
            if let Some(s) = r.supplier_id {
                when.push(format!("from supplier {}", labels.supplier(s)));
            }
            RuleView {
                name: r.name.clone(),
                when: when.join(" · "),
                then: match &r.outcome {
                    Outcome::AutoApprove => "approve automatically".into(),
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
        auto_approve_limit: money(matrix.auto_approve_limit_minor, &currency),
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
    let store = &ctx.store;
    let locations = store.locations(tenant).await.map_err(internal)?;
    let location_label = |id: Option<i64>| match id {
        None => "Every location".to_string(),
        Some(id) => locations
            .iter()
            .find(|l| l.id == id)
            .map(|l| format!("{} {}", l.code, l.name))
            .unwrap_or_else(|| format!("location {id}")),
    };
    let policies = store.policies(tenant).await.map_err(internal)?;
    let settings_of = |json: &str| serde_json::from_str::<PolicySettings>(json).unwrap_or_default();
    let rows = policies
        .iter()
        .map(|p| {
            let s = settings_of(&p.settings);
            let mut parts = vec![match s.method {
                Method::ReorderPoint => "reorder point".to_string(),
                Method::MinMax => "min/max".to_string(),
                Method::Forecast => format!("forecast, {} days' cover", s.cover_days),
            }];
            if let Some(p) = s.service_level {
                parts.push(format!("{p} % service"));
            }
            if s.method == Method::Forecast && s.spread_service {
                parts.push("service spread by value".into());
            }
            if s.compute_reorder_point {
                parts.push(format!("computed from demand (z {})", s.service_z));
            }
            parts.push(format!("safety stock {}", s.safety_stock));
            parts.push(match s.lead_time_days {
                Some(d) => format!("lead time {d} d"),
                None => "supplier's lead time".into(),
            });
            parts.push(match (s.reorder_point, s.order_up_to) {
                (Some(rop), Some(out)) if s.dc_multiplier > 1 => format!(
                    "levels {rop} / {out} (× {} at distribution centres)",
                    s.dc_multiplier
                ),
                (Some(rop), Some(out)) => format!("levels {rop} / {out}"),
                _ => "positions' own levels".into(),
            });
            parts.push(format!("case pack {}", s.case_pack));
            if s.moq > 0 {
                parts.push(format!("MOQ {}", s.moq));
            }
            if !s.uplifts.is_empty() {
                parts.push(format!("{} promotion(s)", s.uplifts.len()));
            }
            PolicyRow {
                id: p.id,
                class: if p.class == "*" {
                    "Every class".into()
                } else {
                    p.class.clone()
                },
                location: location_label(p.location_id),
                summary: parts.join(" · "),
                updated: ago(p.updated_at),
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
        label: "Every class".into(),
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
        label: "Every location".into(),
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
