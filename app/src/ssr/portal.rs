//! The portal context every page loads: brand, base path, the member's permissions.

use leptos::prelude::*;

use super::context::current;
use crate::views::*;

pub async fn portal() -> Result<Portal, ServerFnError> {
    let (ctx, tc, member) = current().await?;
    let owned = ctx.themes.for_tenant(&tc.tenant);
    let theme = owned.as_ref();
    Ok(Portal {
        tenant_name: tc.tenant.name.clone(),
        product_name: theme
            .map(|t| t.product_name.clone())
            .unwrap_or_else(|| tc.tenant.name.clone()),
        base: tc.base.clone(),
        logo_url: theme
            .and_then(|t| t.logo.as_ref())
            .map(|logo| engine::theme::Themes::asset_href(&tc.base, &tc.tenant, logo)),
        powered_by: theme.is_some_and(|t| t.show_powered_by),
        lang: tc.lang,
        user: member.map(|m| UserInfo {
            permissions: m.permissions(),
            acting: m.acting.as_ref().map(|a| ActingView {
                role: m
                    .roles
                    .first()
                    .map(|r| super::format::role_label(tc.lang, *r))
                    .unwrap_or_default(),
                until: super::format::when(a.until),
                reason: a.reason.clone(),
            }),
            name: m.name,
            email: m.email,
        }),
    })
}
