//! Request context for server functions: the shared services, the tenant the request
//! was resolved to, the session's sign-in, and `require(permission)`, the one way a
//! server function finds its signed-in member.

use std::sync::Arc;

use engine::model::{now_ms, Member, Permission, Tenant};
use engine::theme::Themes;
use engine::Store;
use http::request::Parts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::error::set_status;

/// Shared services for server functions.
#[derive(Clone)]
pub struct ServerCtx {
    pub store: Store,
    pub themes: Arc<Themes>,
    /// Seals and opens shoppers' addresses (back-in-stock).
    pub addresses: Arc<engine::addresses::AddressKeys>,
    /// Wakes the replenishment worker after a change that queued work.
    pub jobs_wake: Arc<tokio::sync::Notify>,
}

/// A page or answer that must not be kept by the browser or a proxy, nor name its
/// address to the next site (pages opened by a signed link, one's own account).
pub(crate) fn no_store() {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
        res.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
}

/// The tenant a request was resolved to, and how its URLs are prefixed.
#[derive(Clone, Debug)]
pub struct TenantCtx {
    pub tenant: Tenant,
    /// "" for host-based tenants, "/t/<slug>" for the path form.
    pub base: String,
    /// The host the request came to (lower case, without port): a sign-in is honoured
    /// only on the host it was made on.
    pub host: String,
    /// The language the request is answered in: the signed-in person's choice, else
    /// the tenant's default, else the browser's (the server's `language` middleware).
    pub lang: i18n::Lang,
}

impl TenantCtx {
    /// A portal URL: `/inventory` becomes `/t/<slug>/inventory` on a path-form tenant.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The portal's home page: `/` on the tenant's host, `/t/<slug>` in the path form.
    pub fn home(&self) -> String {
        if self.base.is_empty() {
            "/".to_string()
        } else {
            self.base.clone()
        }
    }

    /// Where a sign-in lands: a partner's console on its client list, the platform's
    /// console on its tenants, a retailer's portal on its home page.
    pub fn start_page(&self) -> String {
        match self.tenant.kind {
            engine::model::TenantKind::Partner => self.href("/partner"),
            engine::model::TenantKind::Platform => self.href("/platform"),
            engine::model::TenantKind::Retailer => self.home(),
        }
    }
}

/// What the session remembers about a sign-in, under [`auth_key`] of its tenant: a
/// session presented on another tenant's portal is signed out there, and signing in to
/// a second path-form tenant on the platform's host leaves the first sign-in alone.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionAuth {
    pub tenant_id: i64,
    pub user_id: i64,
    pub login_at: i64,
    /// The host signed in on: the same cookie presented on another host of the tenant
    /// (its custom domain, its subdomain, the platform's host) reads as signed out.
    #[serde(default)]
    pub host: String,
    /// Set for a partner admin who entered through an act-as session (its id): the
    /// member is the session's, and it ends with the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act_as: Option<i64>,
}

/// The session key of a sign-in to `tenant`.
pub fn auth_key(tenant: engine::model::TenantId) -> String {
    format!("auth:{}", tenant.0)
}

/// The session key of a sign-in to `tenant` whose password was right and whose second
/// step is to come (an `engine::identity::PendingSignIn`).
pub fn pending_key(tenant: engine::model::TenantId) -> String {
    format!("pending:{}", tenant.0)
}

/// The session key of recovery codes just issued, shown once on the next page.
pub fn recovery_codes_key(tenant: engine::model::TenantId) -> String {
    format!("recovery_codes:{}", tenant.0)
}

/// A sign-in ends after this long whatever the activity (ASVS absolute timeout).
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 3600 * 1000;

pub(crate) fn server_ctx() -> Result<ServerCtx, ServerFnError> {
    use_context::<ServerCtx>().ok_or_else(|| ServerFnError::new("server context missing"))
}

pub(crate) fn tenant_ctx() -> Option<TenantCtx> {
    use_context::<Parts>().and_then(|p| p.extensions.get::<TenantCtx>().cloned())
}

/// The language this request is answered in (English outside a tenant).
pub(crate) fn request_lang() -> i18n::Lang {
    use_context::<Parts>()
        .and_then(|p| p.extensions.get::<TenantCtx>().map(|t| t.lang))
        .unwrap_or_default()
}

/// The person signed in to this request's tenant, by the session alone (no member is
/// loaded): for what follows the person rather than the membership, such as the
/// language they read.
pub async fn signed_in_user(session: &Session, tc: &TenantCtx) -> Option<i64> {
    session_auth(session, tc).await.map(|a| a.user_id)
}

/// The session's sign-in to this request's tenant on this host, if it is there and
/// within the absolute timeout (an expired one is forgotten).
async fn session_auth(session: &Session, tc: &TenantCtx) -> Option<SessionAuth> {
    let key = auth_key(tc.tenant.id);
    let auth: SessionAuth = session.get(&key).await.ok().flatten()?;
    if auth.tenant_id != tc.tenant.id.0 || auth.host != tc.host {
        return None;
    }
    if now_ms() - auth.login_at > ABSOLUTE_TIMEOUT_MS {
        let _ = session.remove::<SessionAuth>(&key).await;
        return None;
    }
    Some(auth)
}

/// The member signed in to this request's tenant, if any.
pub async fn signed_in_member(store: &Store, session: &Session, tc: &TenantCtx) -> Option<Member> {
    let tenant = &tc.tenant;
    let key = auth_key(tenant.id);
    let auth = session_auth(session, tc).await?;
    let found = match auth.act_as {
        Some(session) => {
            engine::partners::act_as::member_for(store, tenant, session, auth.user_id, now_ms())
                .await
        }
        None => {
            store
                .member_signed_in(tenant.id, auth.user_id, auth.login_at)
                .await
        }
    };
    match found {
        Ok(Some(m)) => Some(m),
        Ok(None) => {
            // Removed from the tenant, disabled or deactivated, or the password changed
            // since signing in (or the act-as session ended): end the sign-in.
            let _ = session.remove::<SessionAuth>(&key).await;
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "loading the signed-in member failed");
            None
        }
    }
}

pub(crate) async fn current() -> Result<(ServerCtx, TenantCtx, Option<Member>), ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tenant) = tenant_ctx() else {
        set_status(http::StatusCode::NOT_FOUND);
        return Err(ServerFnError::new("not found"));
    };
    let session: Session = leptos_axum::extract().await?;
    let member = signed_in_member(&ctx.store, &session, &tenant).await;
    Ok((ctx, tenant, member))
}

/// The signed-in member (401 otherwise) who may do `permission` (403 otherwise).
pub(crate) async fn require(
    permission: Permission,
) -> Result<(ServerCtx, TenantCtx, Member), ServerFnError> {
    let (ctx, tenant, member) = current().await?;
    let Some(member) = member else {
        set_status(http::StatusCode::UNAUTHORIZED);
        return Err(ServerFnError::new(i18n::t(
            tenant.lang,
            "ui-sign-in-to-continue",
        )));
    };
    if let Err(denied) = member.require(permission) {
        set_status(http::StatusCode::FORBIDDEN);
        return Err(ServerFnError::new(
            engine::EngineError::from(denied).text(tenant.lang),
        ));
    }
    Ok((ctx, tenant, member))
}

/// The signed-in member who may see inventory, or a 401/403 error.
pub(crate) async fn require_inventory_reader(
) -> Result<(ServerCtx, TenantCtx, Member), ServerFnError> {
    require(Permission::ViewInventory).await
}

/// What the document head needs for the tenant's brand.
pub struct ShellHead {
    pub base: String,
    pub css: String,
    pub favicon: Option<String>,
    /// The page's language (`<html lang>`).
    pub lang: &'static str,
}

pub fn shell_head() -> ShellHead {
    let tenant = tenant_ctx();
    let ctx = use_context::<ServerCtx>();
    let theme = match (&tenant, &ctx) {
        (Some(t), Some(c)) => c.themes.for_tenant(&t.tenant),
        _ => None,
    };
    ShellHead {
        lang: tenant.as_ref().map(|t| t.lang).unwrap_or_default().code(),
        base: tenant.as_ref().map(|t| t.base.clone()).unwrap_or_default(),
        css: theme
            .as_ref()
            .map(|t| t.css_variables())
            .unwrap_or_default(),
        favicon: match (&tenant, &theme) {
            (Some(tc), Some(t)) => t
                .favicon
                .as_ref()
                .map(|f| engine::theme::Themes::asset_href(&tc.base, &tc.tenant, f)),
            _ => None,
        },
    }
}
