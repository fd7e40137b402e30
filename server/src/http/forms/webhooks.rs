//! The tenant admin's webhooks: outbound endpoints (made with a secret shown once,
//! secret rotated with an overlap, enabled, disabled, deleted after a confirmation), a
//! failed delivery replayed, and inbound sources (made, secret rotated, mapping saved,
//! deleted). Every command is `engine::webhooks`'s, which checks the permission.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use engine::inbound;
use engine::webhooks;
use serde::Deserialize;
use tower_sessions::Session;

use super::integrations::{show_secret_once, PAGE};
use super::{id, param, whole_in, Params, Posted, SignedIn};
use crate::state::AppState;

fn endpoint_page(id: i64) -> String {
    format!("{PAGE}/endpoints/{id}")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EndpointForm {
    url: String,
    description: String,
    event: Vec<String>,
}

/// `POST /settings/integrations/endpoints`.
pub async fn create_endpoint(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<EndpointForm>,
) -> Response {
    let (t, m) = (me.tc.tenant.id, &me.member);
    let made = webhooks::create_endpoint(
        &app.store,
        &app.addresses,
        &app.webhook_guard,
        t,
        m,
        &form.url,
        &form.description,
        &form.event,
        me.rid(),
    )
    .await;
    match made {
        Ok(ep)
            if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &ep.secret).await =>
        {
            me.notice(PAGE, &i18n::t(me.tc.lang, "site-endpoint-added"))
        }
        Ok(_) => me.error(PAGE, &i18n::t(me.tc.lang, "site-endpoint-added-not-shown")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RotateForm {
    overlap_hours: String,
    secret: String,
}

fn path_id(params: &Params) -> Option<i64> {
    id(param(params, "id"))
}

/// `POST /settings/integrations/endpoints/{id}/rotate`.
pub async fn rotate_endpoint(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Path(params): Path<Params>,
    Posted(form): Posted<RotateForm>,
) -> Response {
    let Some(ep) = path_id(&params) else {
        return me.not_found();
    };
    let lang = me.tc.lang;
    let overlap = match whole_in(
        lang,
        &form.overlap_hours,
        &i18n::t(lang, "site-overlap-hours"),
    ) {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::rotate_secret(&app.store, &app.addresses, t, m, ep, overlap, me.rid()).await {
        Ok(secret)
            if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &secret).await =>
        {
            me.notice(PAGE, &i18n::t(lang, "site-endpoint-secret-rotated"))
        }
        Ok(_) => me.error(PAGE, &i18n::t(lang, "site-secret-rotated-not-shown")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    confirm: String,
}

/// `POST /settings/integrations/endpoints/{id}/{enable,disable}`.
pub async fn set_endpoint(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let (Some(ep), op) = (path_id(&params), param(&params, "op")) else {
        return me.not_found();
    };
    let enabled = match op {
        "enable" => true,
        "disable" => false,
        _ => return me.not_found(),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::set_enabled(&app.store, t, m, ep, enabled, me.rid()).await {
        Ok(()) if enabled => me.notice(PAGE, &i18n::t(me.tc.lang, "site-endpoint-enabled")),
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-endpoint-disabled")),
        Err(e) => me.fail(PAGE, &e),
    }
}

/// `POST /settings/integrations/endpoints/{id}/delete`, once the box is ticked.
pub async fn delete_endpoint(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<ConfirmForm>,
) -> Response {
    let Some(ep) = path_id(&params) else {
        return me.not_found();
    };
    if form.confirm != "yes" {
        return me.error(PAGE, &i18n::t(me.tc.lang, "site-endpoint-delete-confirm"));
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::delete_endpoint(&app.store, t, m, ep, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-endpoint-deleted")),
        Err(e) => me.fail(PAGE, &e),
    }
}

/// `POST /settings/integrations/deliveries/{id}/replay`.
pub async fn replay(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(delivery) = path_id(&params) else {
        return me.not_found();
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    let back = match app.store.webhook_delivery(t, delivery).await {
        Ok(Some(d)) => endpoint_page(d.endpoint_id),
        _ => PAGE.to_string(),
    };
    match webhooks::replay_delivery(&app.store, t, m, delivery, me.rid()).await {
        Ok(()) => {
            app.jobs_wake.notify_one();
            me.notice(&back, &i18n::t(me.tc.lang, "site-delivery-replayed"))
        }
        Err(e) => me.fail(&back, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SourceForm {
    name: String,
    kind: String,
    secret: String,
    mapping: String,
}

/// `POST /settings/integrations/sources`.
pub async fn create_source(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Posted(form): Posted<SourceForm>,
) -> Response {
    let Some(kind) = inbound::SourceKind::parse(&form.kind) else {
        return me.error(PAGE, &i18n::t(me.tc.lang, "site-source-kind-choose"));
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    let made = inbound::create_source(
        &app.store,
        &app.addresses,
        t,
        m,
        &form.name,
        kind,
        &form.secret,
        &form.mapping,
        me.rid(),
    )
    .await;
    match made {
        Ok(s) => match s.secret {
            Some(secret)
                if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &secret).await =>
            {
                me.notice(PAGE, &i18n::t(me.tc.lang, "site-source-added"))
            }
            Some(_) => me.error(PAGE, &i18n::t(me.tc.lang, "site-source-added-not-shown")),
            None => me.notice(PAGE, &i18n::t(me.tc.lang, "site-source-added-own-secret")),
        },
        Err(e) => me.fail(PAGE, &e),
    }
}

/// `POST /settings/integrations/sources/{id}/rotate`.
pub async fn rotate_source(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    session: Session,
    Path(params): Path<Params>,
    Posted(form): Posted<RotateForm>,
) -> Response {
    let Some(src) = path_id(&params) else {
        return me.not_found();
    };
    let lang = me.tc.lang;
    let overlap = match whole_in(
        lang,
        &form.overlap_hours,
        &i18n::t(lang, "site-overlap-hours"),
    ) {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    let rotated = inbound::rotate_source_secret(
        &app.store,
        &app.addresses,
        t,
        m,
        src,
        overlap,
        &form.secret,
        me.rid(),
    )
    .await;
    match rotated {
        Ok(Some(secret))
            if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &secret).await =>
        {
            me.notice(PAGE, &i18n::t(lang, "site-source-secret-rotated"))
        }
        Ok(Some(_)) => me.error(PAGE, &i18n::t(lang, "site-secret-rotated-not-shown")),
        Ok(None) => me.notice(PAGE, &i18n::t(lang, "site-source-secret-replaced")),
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MappingForm {
    mapping: String,
}

/// `POST /settings/integrations/sources/{id}/mapping`.
pub async fn save_mapping(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<MappingForm>,
) -> Response {
    let Some(src) = path_id(&params) else {
        return me.not_found();
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match inbound::save_mapping(&app.store, t, m, src, &form.mapping, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-mapping-saved")),
        Err(e) => me.fail(PAGE, &e),
    }
}

/// `POST /settings/integrations/sources/{id}/delete`, once the box is ticked.
pub async fn delete_source(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<ConfirmForm>,
) -> Response {
    let Some(src) = path_id(&params) else {
        return me.not_found();
    };
    if form.confirm != "yes" {
        return me.error(PAGE, &i18n::t(me.tc.lang, "site-source-delete-confirm"));
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match inbound::delete_source(&app.store, t, m, src, me.rid()).await {
        Ok(()) => me.notice(PAGE, &i18n::t(me.tc.lang, "site-source-deleted")),
        Err(e) => me.fail(PAGE, &e),
    }
}
