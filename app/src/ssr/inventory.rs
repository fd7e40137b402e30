//! Inventory: the filtered, paged stock positions and the home page's figures.

use engine::model::PositionFilter;
use leptos::prelude::*;

use super::context::require_inventory_reader;
use super::error::internal;
use crate::views::*;

/// The next 7 days of a stored forecast, with its 80 % interval (z = 1.2816).
fn forecast_cell(f: &engine::store::forecasts::StoredForecast, now: i64) -> ForecastCell {
    let (week, low, high) = f.ahead(now, 7, 1.2816);
    let fc = &f.forecast;
    let detail = fc.describe();
    ForecastCell {
        week: week.round() as i64,
        range: format!("{}–{}", low.floor() as i64, high.ceil() as i64),
        detail,
        fallback: fc.note.is_some(),
    }
}

pub async fn inventory(query: InventoryQuery) -> Result<InventoryView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let lang = tc.lang;
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let filter = PositionFilter {
        search: clean(query.q).map(|s| s.chars().take(100).collect()),
        location_code: clean(query.loc),
        class: clean(query.class),
        low_only: query.low,
        page: query.page.min(100_000),
        per_page: PER_PAGE,
    };
    let page = ctx
        .store
        .positions(tenant, &filter)
        .await
        .map_err(internal)?;
    let pairs: Vec<(i64, i64)> = page
        .rows
        .iter()
        .map(|r| (r.location_id, r.product_id))
        .collect();
    let waiting: std::collections::HashMap<(i64, i64), i64> = ctx
        .store
        .waiting_counts(tenant, &pairs)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|(l, p, n)| ((l, p), n))
        .collect();
    let forecasts = ctx
        .store
        .forecasts(tenant, &pairs)
        .await
        .map_err(internal)?;
    let now = engine::model::now_ms();
    let locations = ctx.store.locations(tenant).await.map_err(internal)?;
    let classes = ctx.store.product_classes(tenant).await.map_err(internal)?;
    Ok(InventoryView {
        rows: page
            .rows
            .into_iter()
            .map(|r| InventoryRow {
                sku: r.sku,
                product_name: r.product_name,
                class: r.class,
                location_code: r.location_code,
                location_name: r.location_name,
                on_hand: r.on_hand,
                in_transit: r.in_transit,
                on_order: r.on_order,
                reorder_point: r.reorder_point,
                order_up_to: r.order_up_to,
                levels_source: levels_source(lang, &r.levels_source),
                overridden: r.levels_source == "override",
                low: r.low,
                waiting: waiting
                    .get(&(r.location_id, r.product_id))
                    .copied()
                    .unwrap_or(0),
                forecast: forecasts
                    .get(&(r.location_id, r.product_id))
                    .map(|f| forecast_cell(f, now)),
                location_id: r.location_id,
                product_id: r.product_id,
            })
            .collect(),
        can_edit_levels: member.can(engine::model::Permission::EditPolicies),
        page: page.page,
        has_next: page.has_next,
        locations: locations
            .into_iter()
            .map(|l| Choice {
                label: format!("{} · {}", l.code, l.name),
                value: l.code,
            })
            .collect(),
        classes,
    })
}

/// Where a position's levels came from, as the inventory page says it.
fn levels_source(lang: i18n::Lang, source: &str) -> String {
    let id = match source {
        "policy" => "staff-levels-policy",
        "override" => "staff-levels-override",
        "event" => "staff-levels-event",
        "kept" => "staff-levels-kept",
        _ => "staff-levels-setup",
    };
    i18n::t(lang, id)
}

pub async fn overview() -> Result<Overview, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let locations = ctx.store.locations(tc.tenant.id).await.map_err(internal)?;
    let (products, low_positions) = ctx
        .store
        .stock_summary(tc.tenant.id)
        .await
        .map_err(internal)?;
    Ok(Overview {
        locations: locations.len(),
        products,
        low_positions,
        low_capped: low_positions >= engine::store::LOW_COUNT_CAP,
    })
}
