//! The order a supplier's signed link opens: checked by the engine (signature, tenant,
//! expiry, revocation), shown without the retailer's reasons or stock figures.

use engine::model::{day_start, day_string, now_ms, DAY_MS};
use engine::replenish::{open_order_link, LinkError};
use engine::workflow::purchase_order::PoState;
use leptos::prelude::*;

use super::context::{server_ctx, tenant_ctx};
use super::error::{internal_engine, not_found};
use super::format::money;
use crate::views::*;

pub async fn order(token: String) -> Result<SupplierOrderView, ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tc) = tenant_ctx() else {
        return Err(not_found());
    };
    // The page's address is a credential: no cache keeps the page.
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    let now = now_ms();
    let order = match open_order_link(&ctx.store, tc.tenant.id, &token, now).await {
        Ok(o) => o,
        Err(LinkError::Engine(e)) => return Err(internal_engine(e)),
        Err(e) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(match e {
                    LinkError::Invalid => http::StatusCode::NOT_FOUND,
                    _ => http::StatusCode::GONE,
                });
            }
            return Err(ServerFnError::new(e.to_string()));
        }
    };
    let currency = &tc.tenant.currency;
    let mut facts = vec![
        (
            "Deliver to".to_string(),
            format!("{} ({})", order.ship_to_name, order.ship_to_code),
        ),
        ("Supplier".to_string(), order.supplier_name.clone()),
    ];
    if !order.ship_to_address.is_empty() {
        facts.insert(
            1,
            ("Delivery address".into(), order.ship_to_address.clone()),
        );
    }
    if let Some(sent) = order.sent_at {
        facts.push(("Ordered on".into(), day_string(sent)));
    }
    if let Some(day) = order.requested_on {
        facts.push(("Delivery requested by".into(), day_string(day)));
    }
    if let Some(day) = order.promised_on {
        facts.push(("Delivery promised for".into(), day_string(day)));
    }
    if !order.supplier_note.is_empty() {
        facts.push(("Your note".into(), order.supplier_note.clone()));
    }
    let lines = order
        .lines
        .iter()
        .map(|l| {
            [
                format!("{} {}", l.sku, l.name),
                l.quantity.to_string(),
                money(l.unit_cost_minor, currency),
                money(l.quantity.saturating_mul(l.unit_cost_minor), currency),
            ]
        })
        .collect();
    let today = day_start(now);
    let suggested = order
        .promised_on
        .or(order.requested_on)
        .filter(|d| *d >= today)
        .unwrap_or(today);
    Ok(SupplierOrderView {
        title: format!("Purchase order PO-{}", order.id),
        retailer: tc.tenant.name.clone(),
        state: order.state.as_str().into(),
        state_label: supplier_label(order.state).into(),
        facts,
        lines,
        total: money(order.value_minor, currency),
        promises: order
            .promises
            .iter()
            .map(|p| (day_string(p.promised_on), day_string(p.recorded_at)))
            .collect(),
        can_answer: matches!(order.state, PoState::Sent | PoState::Acknowledged),
        first_day: day_string(today),
        last_day: day_string(today + engine::limits::MAX_PROMISE_DAYS * DAY_MS),
        suggested_day: day_string(suggested),
    })
}

/// The order's state in the supplier's words.
fn supplier_label(state: PoState) -> &'static str {
    match state {
        PoState::Sent => "waiting for your answer",
        PoState::Acknowledged => "acknowledged",
        PoState::Declined => "declined",
        PoState::Cancelled => "cancelled by the buyer",
        _ => "not open",
    }
}
