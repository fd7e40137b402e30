//! Shoppers' pages and the admin's back-in-stock page, filled from `engine::back_in_stock`.

use engine::back_in_stock;
use engine::model::{now_ms, Permission};
use leptos::prelude::*;

use super::context::{no_store, require, server_ctx, tenant_ctx};
use super::error::{engine_failure, not_found};
use crate::views::*;

fn label(lang: i18n::Lang, status: &str) -> String {
    let id = match status {
        "in_stock" => "people-stock-in",
        "few_left" => "people-stock-few",
        _ => "people-stock-out",
    };
    i18n::t(lang, id)
}

pub async fn notify(sku: String) -> Result<NotifyView, ServerFnError> {
    let ctx = server_ctx()?;
    let tc = tenant_ctx().ok_or_else(not_found)?;
    let a = back_in_stock::availability(&ctx.store, tc.tenant.id, &sku)
        .await
        .map_err(engine_failure)?;
    Ok(NotifyView {
        sku: a.sku,
        name: a.name,
        channels: a
            .channels
            .into_iter()
            .map(|c| ChannelStatus {
                label: label(tc.lang, c.status),
                status: c.status.to_string(),
                code: c.code,
                name: c.name,
            })
            .collect(),
        // `a.consent` (engine::back_in_stock::CONSENT_WORDING) in the page's language.
        consent: i18n::t(tc.lang, "people-notify-consent"),
    })
}

pub async fn confirmation(token: String) -> Result<ConfirmView, ServerFnError> {
    let ctx = server_ctx()?;
    let tc = tenant_ctx().ok_or_else(not_found)?;
    no_store();
    let c = back_in_stock::confirmation(&ctx.store, tc.tenant.id, &token, now_ms())
        .await
        .map_err(engine_failure)?;
    Ok(ConfirmView {
        product: c.product,
        place: c.channel,
        manage: c.manage,
        state: c.state.to_string(),
    })
}

pub async fn alerts(token: String) -> Result<AlertsView, ServerFnError> {
    let ctx = server_ctx()?;
    let tc = tenant_ctx().ok_or_else(not_found)?;
    no_store();
    let p = back_in_stock::preferences(&ctx.store, &ctx.addresses, tc.tenant.id, &token)
        .await
        .map_err(engine_failure)?;
    let lang = tc.lang;
    Ok(AlertsView {
        address: p.address,
        alerts: p
            .subscriptions
            .into_iter()
            .map(|s| AlertRow {
                product: s.product,
                place: s.location,
                open: matches!(s.state.as_str(), "pending" | "confirmed")
                    || (s.state == "notified" && !s.mailed),
                state: i18n::t(
                    lang,
                    match s.state.as_str() {
                        "pending" => "people-alert-state-pending",
                        "confirmed" => "people-alert-state-confirmed",
                        "notified" if !s.mailed => "people-alert-state-mailing",
                        "notified" => "people-alert-state-done",
                        _ => "people-alert-state-off",
                    },
                ),
                asked_on: super::format::day_at(&tc, s.created_at),
            })
            .collect(),
    })
}

pub async fn admin() -> Result<BackInStockView, ServerFnError> {
    let (ctx, tc, member) = require(Permission::ManageBackInStock).await?;
    let t = tc.tenant.id;
    let s = back_in_stock::settings_for(&ctx.store, t, &member)
        .await
        .map_err(engine_failure)?;
    let lists = back_in_stock::waitlists(&ctx.store, t, &member)
        .await
        .map_err(engine_failure)?;
    let sample = lists
        .first()
        .map(|w| w.sku.clone())
        .unwrap_or_else(|| "SKU".into());
    Ok(BackInStockView {
        enabled: s.enabled,
        wave_percent: s.wave_percent,
        wave_minutes: s.wave_minutes,
        sends_per_minute: s.sends_per_minute,
        substitute_hours: s.substitute_hours,
        substitutes: s
            .substitutes
            .iter()
            .map(|(a, b)| format!("{a} = {b}"))
            .collect::<Vec<_>>()
            .join("\n"),
        allowed_origins: s.allowed_origins.join("\n"),
        online_location: s.online_location.unwrap_or_default(),
        demand_weight_percent: s.demand_weight_percent,
        shop_url: s.shop_url.unwrap_or_default(),
        widget_snippet: format!(
            "<div data-stock-alert data-sku=\"{sample}\"></div>\n<script src=\"{}/widget.js\" async></script>",
            if tc.base.is_empty() {
                format!("https://<{}>", i18n::t(tc.lang, "people-widget-portal-host"))
            } else {
                format!("https://<{}>{}", i18n::t(tc.lang, "people-widget-platform-host"), tc.base)
            }
        ),
        waitlists: lists
            .into_iter()
            .map(|w| WaitlistView {
                conversion: if w.notified > 0 {
                    format!("{} %", w.purchased * 100 / w.notified)
                } else {
                    "—".into()
                },
                sku: w.sku,
                product: w.product,
                place: w.location,
                on_hand: w.on_hand,
                pending: w.pending,
                waiting: w.waiting,
                notified: w.notified,
                purchased: w.purchased,
            })
            .collect(),
    })
}
