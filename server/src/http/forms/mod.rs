//! Portal form posts that change things: approval decisions (one or in bulk), stand-ins
//! while away, transfer commands, exception-queue actions, job replay, the approval
//! matrix (whole, or rule by rule), replenishment policies, the supplier's answers and
//! messages, supplier access; and the downloads of files on order messages. Plain HTML
//! forms, so they work without JavaScript.
//!
//! Each handler takes the signed-in member ([`SignedIn`]) and the posted form
//! ([`Posted`]: every field a string, repeated keys as lists), turns the form into a
//! typed command with `TryFrom`, or with the form's `parse(lang)` where the error is said
//! in the reader's language (a [`FormError`] names the field at fault), calls the
//! engine, which checks the member's permission itself, and redirects back (303) with
//! `?notice=` or `?error=`.
//!
//! | module | routes under the tenant |
//! |---|---|
//! | [`approvals`] | `/approvals/decide`, `/approvals/bulk`, `/approvals/delegations`, `/approvals/delegations/{id}/end` |
//! | [`changes`] | `/supplier/orders/{id}/{change,change/answer,ship}`, `/documents/purchase_order/{id}/{change,change/answer,receive/{notice}}` |
//! | [`documents`] | `/documents/{kind}/{id}/command`, `/documents/purchase_order/{id}/{revoke-links,resend,messages}`; GET `/documents/purchase_order/{po}/attachments/{id}` |
//! | [`exceptions`] | `/exceptions/act` |
//! | [`jobs`] | `/jobs/{id}/replay` |
//! | [`matrix`] | `/settings/approvals`, `/settings/approvals/rules`, `/settings/approvals/rules/{index}/{op}` |
//! | [`policies`] | `/settings/policies`, `/settings/policies/{id}/delete` |
//! | [`supplier`] | `/po/{token}/answer`, `/po/{token}/messages` (no sign-in: the signed link is the permission), `/supplier/orders/{id}/answer`, `/supplier/orders/{id}/messages`; GET `/po/{token}/attachments/{id}`, `/supplier/orders/{po}/attachments/{id}` |
//! | [`imports`] | `/settings/integrations/imports` (upload), `…/imports/{id}/apply`, `/settings/integrations/exports/{kind}` (download) |
//! | [`integrations`] | `/settings/integrations/keys`, `/settings/integrations/keys/{id}/{rotate,revoke}` |
//! | [`webhooks`] | `/settings/integrations/endpoints`, `…/endpoints/{id}/{rotate,enable,disable,delete}`, `…/deliveries/{id}/replay`, `…/sources`, `…/sources/{id}/{rotate,mapping,delete}` |
//! | [`shoppers`] | `/notify/{sku}`, `/alerts/confirm/{token}`, `/alerts/{token}/erase` (no sign-in: the shopper's signed link is the permission), `/settings/back-in-stock` |
//! | [`invites`] | `/settings/suppliers/invite`, `/settings/suppliers/clocks`, `/settings/suppliers/language`, `/settings/suppliers/invitations/{id}/revoke`, `/settings/suppliers/users/{id}/remove`, `/invite/{token}` (no sign-in) |
//! | [`region`] | `/settings/branding/region` (GET the tenant's default language and time zone, POST to change them) |
//! | [`branding`] | GET `/settings/branding/emails`, `/settings/branding/emails/{template}` (previews of every e-mail in the tenant's brand); `/settings/branding/domains` (GET the list, POST add), `…/domains/{id}/{verify,remove}` |
//! | [`members`] | `/settings/members/invite`, `/settings/members/two-factor`, `/settings/members/invitations/{id}/revoke`, `/settings/members/{id}/{roles,deactivate,reactivate}` |
//! | [`partners`] | GET `/partner` (the console), `/partner/provisionings/{id}`; POST `/partner/clients` (provision), `…/provisionings/{id}/retry`, `/partner/clients/{slug}/act-as`; on the client's host GET and POST `/act-as/{token}` (no sign-in: the one-time hand-over is the permission), POST `/act-as/end` |
//! | [`platform`] | GET `/platform`; POST `/platform/tenants/{slug}/{suspend,resume}` |
//! | [`trail`] | GET `/settings/audit` |
//! | [`assistant`] | GET and POST `/settings/assistant` |
//! | [`backtests`] | GET and POST `/backtests` (multipart: a demand file may come along), GET `/backtests/{id}` (reloads itself while the run works) |
//! | [`dashboard`] | GET `/dashboard` (a tenant's), `/partner/dashboard` (clients compared); charts by [`charts`] |
//! | [`theme`] | GET and POST `/settings/branding/theme` (the editor), `…/theme/pack`, `…/theme/pictures/{logo,favicon}`; GET `/brand/{logo,favicon}` (no sign-in: a logo is public) |
//! | [`accounts`] | `/login/two-factor`, `/login/two-factor/setup`, `/forgot`, `/reset/{token}` (no sign-in), `/account/password`, `/account/language`, `/account/two-factor`, `/account/two-factor/off`, `/account/recovery-codes` |

pub mod accounts;
pub mod approvals;
pub mod assistant;
pub mod backtests;
pub mod branding;
pub mod changes;
pub mod charts;
pub mod dashboard;
pub mod documents;
pub mod exceptions;
pub mod imports;
pub mod integrations;
pub mod invites;
pub mod jobs;
pub mod matrix;
pub mod members;
pub mod partners;
pub mod platform;
pub mod policies;
pub mod region;
pub mod shell;
pub mod shoppers;
pub mod supplier;
pub mod theme;
pub mod trail;
pub mod webhooks;

use std::sync::Arc;

use app::ssr::{signed_in_member, TenantCtx};
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use engine::model::Member;
use engine::EngineError;
use serde::de::DeserializeOwned;
use tower_sessions::Session;

use crate::state::AppState;

/// The form routes, at the root and under `/t/{tenant}`.
pub fn routes<S>(router: Router<S>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Arc<AppState>: FromRef<S>,
{
    let mut r = router;
    for prefix in ["", "/t/{tenant}"] {
        let at = |path: &str| format!("{prefix}{path}");
        r = r
            .route(&at("/approvals/decide"), post(approvals::decide))
            .route(&at("/approvals/bulk"), post(approvals::bulk_approve))
            .route(&at("/approvals/delegations"), post(approvals::delegate))
            .route(
                &at("/approvals/delegations/{id}/end"),
                post(approvals::end_delegation),
            )
            .route(
                &at("/documents/{kind}/{id}/command"),
                post(documents::command),
            )
            .route(&at("/exceptions/act"), post(exceptions::act))
            .route(&at("/jobs/{id}/replay"), post(jobs::replay))
            .route(&at("/settings/approvals"), post(matrix::save))
            .route(&at("/settings/approvals/rules"), post(matrix::add_rule))
            .route(
                &at("/settings/approvals/rules/{index}/{op}"),
                post(matrix::change_rule),
            )
            .route(&at("/settings/policies"), post(policies::save))
            .route(
                &at("/settings/policies/sweep-hour"),
                post(policies::sweep_hour),
            )
            .route(
                &at("/settings/policies/anomalies"),
                post(policies::anomalies),
            )
            .route(&at("/inventory/levels"), post(policies::position_levels))
            .route(
                &at("/settings/policies/{id}/delete"),
                post(policies::delete),
            )
            .route(&at("/po/{token}/answer"), post(supplier::answer))
            .route(
                &at("/supplier/orders/{id}/answer"),
                post(supplier::answer_signed_in),
            )
            .route(
                &at("/po/{token}/messages"),
                post(supplier::message_by_link).layer(upload_limit()),
            )
            .route(
                &at("/supplier/orders/{id}/messages"),
                post(supplier::message_signed_in).layer(upload_limit()),
            )
            .route(
                &at("/documents/purchase_order/{id}/messages"),
                post(documents::message).layer(upload_limit()),
            )
            .route(
                &at("/po/{token}/attachments/{id}"),
                get(supplier::attachment_by_link),
            )
            .route(
                &at("/supplier/orders/{po}/attachments/{id}"),
                get(supplier::attachment_signed_in),
            )
            .route(
                &at("/documents/purchase_order/{po}/attachments/{id}"),
                get(documents::attachment),
            )
            .route(&at("/settings/suppliers/invite"), post(invites::invite))
            .route(&at("/settings/suppliers/clocks"), post(invites::clocks))
            .route(&at("/settings/suppliers/language"), post(invites::language))
            .route(
                &at("/settings/suppliers/invitations/{id}/revoke"),
                post(invites::revoke),
            )
            .route(
                &at("/settings/suppliers/users/{id}/remove"),
                post(invites::remove_user),
            )
            .route(&at("/invite/{token}"), post(invites::accept))
            .route(&at("/settings/members/invite"), post(members::invite))
            .route(
                &at("/settings/branding/region"),
                get(region::page).post(region::save),
            )
            .route(&at("/settings/branding/emails"), get(branding::list))
            .route(
                &at("/settings/branding/emails/{template}"),
                get(branding::show),
            )
            .route(
                &at("/settings/branding/domains"),
                get(branding::domains_page).post(branding::add_domain),
            )
            .route(
                &at("/settings/branding/domains/{id}/verify"),
                post(branding::verify_domain),
            )
            .route(
                &at("/settings/branding/domains/{id}/remove"),
                post(branding::remove_domain),
            )
            .route(
                &at("/settings/members/two-factor"),
                post(members::require_two_factor),
            )
            .route(
                &at("/settings/members/invitations/{id}/revoke"),
                post(members::revoke),
            )
            .route(&at("/settings/members/{id}/roles"), post(members::roles))
            .route(
                &at("/settings/members/{id}/deactivate"),
                post(members::deactivate),
            )
            .route(
                &at("/settings/members/{id}/reactivate"),
                post(members::reactivate),
            )
            .route(&at("/partner"), get(partners::console))
            .route(&at("/partner/dashboard"), get(dashboard::partner_dashboard))
            .route(&at("/dashboard"), get(dashboard::tenant_dashboard))
            .route(
                &at("/backtests"),
                get(backtests::list)
                    .post(backtests::start)
                    .layer(DefaultBodyLimit::max(
                        engine::backtest_runs::MAX_CSV_BYTES + 64 * 1024,
                    )),
            )
            .route(&at("/backtests/{id}"), get(backtests::show))
            .route(&at("/partner/clients"), post(partners::provision))
            .route(
                &at("/partner/provisionings/{id}"),
                get(partners::provisioning),
            )
            .route(
                &at("/partner/provisionings/{id}/retry"),
                post(partners::retry),
            )
            .route(
                &at("/partner/clients/{slug}/act-as"),
                post(partners::start_act_as),
            )
            .route(
                &at("/act-as/{token}"),
                get(partners::act_as_entry).post(partners::act_as_enter),
            )
            .route(&at("/act-as/end"), post(partners::end_act_as))
            .route(&at("/settings/audit"), get(trail::trail))
            .route(
                &at("/settings/assistant"),
                get(assistant::assistant_page).post(assistant::save_limits),
            )
            .route(
                &at("/settings/branding/theme"),
                get(theme::editor).post(theme::save),
            )
            .route(
                &at("/settings/branding/theme/pack"),
                post(theme::apply_pack),
            )
            .route(
                &at("/settings/branding/theme/pictures/{which}"),
                post(theme::upload).layer(DefaultBodyLimit::max(theme::MAX_PICTURE_UPLOAD)),
            )
            .route(&at("/brand/{which}"), get(theme::picture))
            .route(&at("/platform"), get(platform::console))
            .route(
                &at("/platform/tenants/{slug}/suspend"),
                post(platform::suspend),
            )
            .route(
                &at("/platform/tenants/{slug}/resume"),
                post(platform::resume),
            )
            .route(&at("/login/two-factor"), post(accounts::second_step))
            .route(
                &at("/login/two-factor/setup"),
                post(accounts::second_step_setup),
            )
            .route(&at("/forgot"), post(accounts::forgot))
            .route(&at("/reset/{token}"), post(accounts::reset))
            .route(&at("/account/password"), post(accounts::change_password))
            .route(&at("/account/language"), post(accounts::set_language))
            .route(&at("/account/two-factor"), post(accounts::turn_on))
            .route(&at("/account/two-factor/off"), post(accounts::turn_off))
            .route(
                &at("/account/recovery-codes"),
                post(accounts::recovery_codes),
            )
            .route(&at("/notify/{sku}"), post(shoppers::subscribe))
            .route(&at("/alerts/confirm/{token}"), post(shoppers::confirm))
            .route(&at("/alerts/{token}/erase"), post(shoppers::erase))
            .route(
                &at("/alerts/{token}/unsubscribe"),
                post(crate::http::shoppers::unsubscribe),
            )
            .route(&at("/widget.js"), get(crate::http::shoppers::widget_js))
            .route(
                &at("/settings/back-in-stock"),
                post(shoppers::save_settings),
            )
            .route(
                &at("/settings/integrations/keys"),
                post(integrations::create),
            )
            .route(
                &at("/settings/integrations/keys/{id}/rotate"),
                post(integrations::rotate),
            )
            .route(
                &at("/settings/integrations/keys/{id}/revoke"),
                post(integrations::revoke),
            )
            .route(
                &at("/settings/integrations/imports"),
                post(imports::upload).layer(DefaultBodyLimit::max(imports::MAX_UPLOAD_BYTES)),
            )
            .route(
                &at("/settings/integrations/imports/{id}/apply"),
                post(imports::apply),
            )
            .route(
                &at("/settings/integrations/exports/{kind}"),
                get(imports::download),
            )
            .route(
                &at("/settings/integrations/endpoints"),
                post(webhooks::create_endpoint),
            )
            .route(
                &at("/settings/integrations/endpoints/{id}/rotate"),
                post(webhooks::rotate_endpoint),
            )
            .route(
                &at("/settings/integrations/endpoints/{id}/delete"),
                post(webhooks::delete_endpoint),
            )
            .route(
                &at("/settings/integrations/endpoints/{id}/{op}"),
                post(webhooks::set_endpoint),
            )
            .route(
                &at("/settings/integrations/deliveries/{id}/replay"),
                post(webhooks::replay),
            )
            .route(
                &at("/settings/integrations/sources"),
                post(webhooks::create_source),
            )
            .route(
                &at("/settings/integrations/sources/{id}/rotate"),
                post(webhooks::rotate_source),
            )
            .route(
                &at("/settings/integrations/sources/{id}/mapping"),
                post(webhooks::save_mapping),
            )
            .route(
                &at("/settings/integrations/sources/{id}/delete"),
                post(webhooks::delete_source),
            )
            .route(
                &at("/documents/purchase_order/{id}/revoke-links"),
                post(documents::revoke_links),
            )
            .route(
                &at("/documents/purchase_order/{id}/resend"),
                post(documents::resend),
            )
            .route(
                &at("/supplier/orders/{id}/change"),
                post(changes::supplier_change),
            )
            .route(
                &at("/supplier/orders/{id}/change/answer"),
                post(changes::supplier_change_answer),
            )
            .route(
                &at("/supplier/orders/{id}/ship"),
                post(changes::supplier_ship),
            )
            .route(
                &at("/documents/purchase_order/{id}/change"),
                post(changes::buyer_change),
            )
            .route(
                &at("/documents/purchase_order/{id}/change/answer"),
                post(changes::buyer_change_answer),
            )
            .route(
                &at("/documents/purchase_order/{id}/receive/{notice}"),
                post(changes::buyer_receive),
            );
    }
    r
}

/// Message posts may carry a file (see [`supplier::MessagePost`]).
fn upload_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(supplier::MAX_MESSAGE_POST_BYTES)
}

/// What is wrong with a posted form, in a sentence that names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FormError(pub String);

impl FormError {
    pub fn new(message: impl Into<String>) -> FormError {
        FormError(message.into())
    }
}

/// A posted `application/x-www-form-urlencoded` body decoded into `F`. Forms are
/// structs of strings (with `#[serde(default)]`) and lists for repeated keys, so
/// decoding fails only for a body no page of ours sends: that answers 400.
pub struct Posted<F>(pub F);

impl<S, F> FromRequest<S> for Posted<F>
where
    S: Send + Sync,
    F: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let lang = request_lang(req.extensions(), req.headers());
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        serde_html_form::from_bytes(&body).map(Posted).map_err(|_| {
            (
                StatusCode::BAD_REQUEST,
                i18n::t(lang, "site-form-unreadable"),
            )
                .into_response()
        })
    }
}

/// The language of a request's answer: its tenant's (`TenantCtx::lang`), else, with no
/// tenant, the browser's `Accept-Language`, else English.
pub fn request_lang(extensions: &axum::http::Extensions, headers: &HeaderMap) -> i18n::Lang {
    extensions
        .get::<TenantCtx>()
        .map(|tc| tc.lang)
        .unwrap_or_else(|| super::tenancy::accept_language(headers))
}

/// The request's tenant and its signed-in member; a request without a tenant gets the
/// neutral 404, one without a sign-in is sent to sign in.
pub struct SignedIn {
    pub tc: TenantCtx,
    pub member: Member,
    /// The request id, recorded with the audit entries the post causes.
    request_id: Option<String>,
}

impl<S> FromRequestParts<S> for SignedIn
where
    S: Send + Sync,
    Arc<AppState>: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let app = Arc::<AppState>::from_ref(state);
        let tc = parts
            .extensions
            .get::<TenantCtx>()
            .cloned()
            .ok_or_else(|| {
                super::tenancy::not_found_page_in(super::tenancy::accept_language(&parts.headers))
            })?;
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let member = signed_in_member(&app.store, &session, &tc)
            .await
            .ok_or_else(|| Redirect::to(&format!("{}/login", tc.base)).into_response())?;
        Ok(SignedIn {
            tc,
            member,
            request_id: request_id(&parts.headers),
        })
    }
}

impl SignedIn {
    /// Back to `path` of this portal with a notice.
    pub fn notice(&self, path: &str, message: &str) -> Response {
        back(&self.tc, path, "notice", message)
    }

    /// Back to `path` of this portal with an error.
    pub fn error(&self, path: &str, message: &str) -> Response {
        back(&self.tc, path, "error", message)
    }

    /// What the engine refused, back on `path` as a sentence; something that is not this
    /// tenant's (or not there at all) is the neutral 404, with nothing changed.
    pub fn fail(&self, path: &str, e: &EngineError) -> Response {
        match e {
            EngineError::NotFound => super::tenancy::not_found_page_in(self.tc.lang),
            e => self.error(path, &message_in(e, self.tc.lang)),
        }
    }

    /// The neutral 404, in this request's language.
    pub fn not_found(&self) -> Response {
        super::tenancy::not_found_page_in(self.tc.lang)
    }

    pub fn rid(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

fn back(tc: &TenantCtx, path: &str, key: &str, message: &str) -> Response {
    back_to(tc, path, key, message)
}

/// Back to `path` of the tenant's portal with `?key=message`; with an empty `key`, back
/// to `path` with no message (the page itself says what is wrong).
pub fn back_to(tc: &TenantCtx, path: &str, key: &str, message: &str) -> Response {
    if key.is_empty() {
        return Redirect::to(&format!("{}{path}", tc.base)).into_response();
    }
    let msg: String = form_urlencoded::byte_serialize(message.as_bytes()).collect();
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{}{path}{sep}{key}={msg}", tc.base)).into_response()
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The engine's error as the sentence a person sees, in English; internal errors are
/// logged here, once (see `engine::error`). Where the reader's language is known, use
/// [`message_in`].
pub fn message(e: &EngineError) -> String {
    message_in(e, i18n::Lang::En)
}

/// The engine's error as the sentence a person sees, in `lang`; internal errors are
/// logged here, once (see `engine::error`).
pub fn message_in(e: &EngineError, lang: i18n::Lang) -> String {
    if e.is_internal() {
        tracing::error!(error = %e, "portal action failed");
    }
    e.text(lang)
}

/// A whole number from a form field, or an error naming the field (in English; where
/// the reader's language is known, use [`whole_in`]).
pub fn whole(value: &str, label: &str) -> Result<i64, FormError> {
    whole_in(i18n::Lang::En, value, label)
}

/// A whole number from a form field, or an error naming the field (`label`, already in
/// `lang`) in `lang`.
pub fn whole_in(lang: i18n::Lang, value: &str, label: &str) -> Result<i64, FormError> {
    value.trim().parse::<i64>().map_err(|_| {
        FormError(i18n::t_args(
            lang,
            "site-whole-number",
            &[("label", label.into())],
        ))
    })
}

/// An amount in the tenant's currency units as minor units, typed in either
/// convention ("1500", "1,500.50", "1.500,50"; see `i18n::fmt::parse_money`).
pub fn parse_money(text: &str) -> Option<i64> {
    i18n::fmt::parse_money(text)
}

/// Path parameters by name (the routes exist with and without `/t/{tenant}`).
pub type Params = std::collections::HashMap<String, String>;

/// A path parameter, or "" when absent.
pub fn param<'a>(params: &'a Params, name: &str) -> &'a str {
    params.get(name).map(String::as_str).unwrap_or("")
}

/// An id from a form field or path (`None` when it is not a number).
pub fn id(value: &str) -> Option<i64> {
    value.trim().parse::<i64>().ok()
}
