//! Server-side half of the portal: request context, session auth and the bodies of the
//! server functions. The server crate provides [`ServerCtx`] and puts a [`TenantCtx`] in
//! every request's extensions before the portal sees it.

use std::sync::Arc;

use engine::model::{now_ms, Member, PositionFilter, Tenant};
use engine::theme::Themes;
use engine::Store;
use http::request::Parts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::api::{
    Choice, InventoryQuery, InventoryRow, InventoryView, Overview, Portal, UserInfo, PER_PAGE,
};

/// Shared services for server functions.
#[derive(Clone)]
pub struct ServerCtx {
    pub store: Store,
    pub themes: Arc<Themes>,
}

/// The tenant a request was resolved to, and how its URLs are prefixed.
#[derive(Clone, Debug)]
pub struct TenantCtx {
    pub tenant: Tenant,
    /// "" for host-based tenants, "/t/<slug>" for the path form.
    pub base: String,
}

/// What the session remembers about a sign-in. Bound to one tenant: a session presented
/// on another tenant's portal is treated as signed out.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionAuth {
    pub tenant_id: i64,
    pub user_id: i64,
    pub login_at: i64,
}

pub const AUTH_KEY: &str = "auth";
/// A sign-in ends after this long whatever the activity (ASVS absolute timeout).
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 3600 * 1000;

fn server_ctx() -> Result<ServerCtx, ServerFnError> {
    use_context::<ServerCtx>().ok_or_else(|| ServerFnError::new("server context missing"))
}

fn tenant_ctx() -> Option<TenantCtx> {
    use_context::<Parts>().and_then(|p| p.extensions.get::<TenantCtx>().cloned())
}

/// Sets the HTTP status of a server-function call. While a page renders, the page itself
/// decides its answer (a sign-in redirect, say), so the status is left alone.
fn set_status(status: http::StatusCode) {
    let is_call = use_context::<Parts>().is_some_and(|p| p.uri.path().starts_with("/api/"));
    if let (true, Some(res)) = (is_call, use_context::<leptos_axum::ResponseOptions>()) {
        res.set_status(status);
    }
}

/// The member signed in to this request's tenant, if any.
pub async fn signed_in_member(store: &Store, session: &Session, tenant: &Tenant) -> Option<Member> {
    let auth: SessionAuth = session.get(AUTH_KEY).await.ok().flatten()?;
    if auth.tenant_id != tenant.id.0 {
        return None;
    }
    if now_ms() - auth.login_at > ABSOLUTE_TIMEOUT_MS {
        let _ = session.flush().await;
        return None;
    }
    match store.member(tenant.id, auth.user_id).await {
        Ok(Some(m)) => Some(m),
        Ok(None) => {
            // Removed from the tenant or disabled since signing in: end the session.
            let _ = session.flush().await;
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "loading the signed-in member failed");
            None
        }
    }
}

async fn current() -> Result<(ServerCtx, TenantCtx, Option<Member>), ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tenant) = tenant_ctx() else {
        set_status(http::StatusCode::NOT_FOUND);
        return Err(ServerFnError::new("not found"));
    };
    let session: Session = leptos_axum::extract().await?;
    let member = signed_in_member(&ctx.store, &session, &tenant.tenant).await;
    Ok((ctx, tenant, member))
}

/// The signed-in member who may see inventory, or a 401/403 error.
async fn require_inventory_reader() -> Result<(ServerCtx, TenantCtx, Member), ServerFnError> {
    let (ctx, tenant, member) = current().await?;
    let Some(member) = member else {
        set_status(http::StatusCode::UNAUTHORIZED);
        return Err(ServerFnError::new("sign in to continue"));
    };
    if !member.sees_inventory() {
        set_status(http::StatusCode::FORBIDDEN);
        return Err(ServerFnError::new("your role cannot see inventory"));
    }
    Ok((ctx, tenant, member))
}

fn internal(e: engine::sqlx::Error) -> ServerFnError {
    tracing::error!(error = %e, "store call failed");
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    ServerFnError::new("something went wrong on our side; please try again")
}

pub async fn portal() -> Result<Portal, ServerFnError> {
    let (ctx, tc, member) = current().await?;
    let theme = ctx.themes.get(&tc.tenant.theme);
    Ok(Portal {
        tenant_name: tc.tenant.name.clone(),
        product_name: theme
            .map(|t| t.product_name.clone())
            .unwrap_or_else(|| tc.tenant.name.clone()),
        base: tc.base.clone(),
        logo_url: theme
            .and_then(|t| t.logo.as_ref())
            .map(|logo| format!("/theme-assets/{}/{}", tc.tenant.theme, logo)),
        powered_by: theme.is_some_and(|t| t.show_powered_by),
        user: member.map(|m| UserInfo {
            name: m.name,
            email: m.email,
            roles: m.roles.iter().map(|r| r.as_str().to_string()).collect(),
        }),
    })
}

pub async fn inventory(query: InventoryQuery) -> Result<InventoryView, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
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
                low: r.low,
            })
            .collect(),
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

/// What the document head needs for the tenant's brand.
pub struct ShellHead {
    pub base: String,
    pub css: String,
    pub favicon: Option<String>,
}

pub fn shell_head() -> ShellHead {
    let tenant = tenant_ctx();
    let ctx = use_context::<ServerCtx>();
    let theme = match (&tenant, &ctx) {
        (Some(t), Some(c)) => c.themes.get(&t.tenant.theme).cloned(),
        _ => None,
    };
    ShellHead {
        base: tenant.as_ref().map(|t| t.base.clone()).unwrap_or_default(),
        css: theme
            .as_ref()
            .map(|t| t.css_variables())
            .unwrap_or_default(),
        favicon: match (&tenant, &theme) {
            (Some(tc), Some(t)) => t
                .favicon
                .as_ref()
                .map(|f| format!("/theme-assets/{}/{}", tc.tenant.theme, f)),
            _ => None,
        },
    }
}
