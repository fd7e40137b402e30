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
use super::{id, param, whole, Params, Posted, SignedIn};
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
            me.notice(
                PAGE,
                "Endpoint added. Copy its signing secret now: it is shown only once.",
            )
        }
        Ok(_) => me.error(
            PAGE,
            "The endpoint was added but its secret could not be shown: rotate its secret.",
        ),
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
        return crate::http::tenancy::not_found_page();
    };
    let overlap = match whole(&form.overlap_hours, "Overlap (hours)") {
        Ok(h) => h,
        Err(e) => return me.error(PAGE, &e.0),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::rotate_secret(&app.store, &app.addresses, t, m, ep, overlap, me.rid()).await {
        Ok(secret) if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &secret).await => me.notice(
            PAGE,
            "New signing secret made; during the overlap both secrets sign. Copy it now: it is shown only once.",
        ),
        Ok(_) => me.error(PAGE, "The secret was rotated but could not be shown: rotate it again."),
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
        return crate::http::tenancy::not_found_page();
    };
    let enabled = match op {
        "enable" => true,
        "disable" => false,
        _ => return crate::http::tenancy::not_found_page(),
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::set_enabled(&app.store, t, m, ep, enabled, me.rid()).await {
        Ok(()) if enabled => me.notice(PAGE, "Endpoint enabled: new events go to it again."),
        Ok(()) => me.notice(
            PAGE,
            "Endpoint disabled: nothing is sent to it until you enable it.",
        ),
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
        return crate::http::tenancy::not_found_page();
    };
    if form.confirm != "yes" {
        return me.error(
            PAGE,
            "Tick the box to confirm: the endpoint and its delivery log go for good.",
        );
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match webhooks::delete_endpoint(&app.store, t, m, ep, me.rid()).await {
        Ok(()) => me.notice(PAGE, "Endpoint deleted."),
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
        return crate::http::tenancy::not_found_page();
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    let back = match app.store.webhook_delivery(t, delivery).await {
        Ok(Some(d)) => endpoint_page(d.endpoint_id),
        _ => PAGE.to_string(),
    };
    match webhooks::replay_delivery(&app.store, t, m, delivery, me.rid()).await {
        Ok(()) => {
            app.jobs_wake.notify_one();
            me.notice(&back, "Delivery queued again: it is sent within seconds.")
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
        return me.error(PAGE, "Kind: choose what the source is");
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
                me.notice(
                    PAGE,
                    "Source added. Copy its signing secret now: it is shown only once.",
                )
            }
            Some(_) => me.error(
                PAGE,
                "The source was added but its secret could not be shown: rotate its secret.",
            ),
            None => me.notice(PAGE, "Source added: it verifies with the secret you gave."),
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
        return crate::http::tenancy::not_found_page();
    };
    let overlap = match whole(&form.overlap_hours, "Overlap (hours)") {
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
        Ok(Some(secret)) if show_secret_once(&session, &me, app::ssr::NEW_WEBHOOK_SECRET, &secret).await => {
            me.notice(PAGE, "New secret made; during the overlap both verify. Copy it now: it is shown only once.")
        }
        Ok(Some(_)) => me.error(PAGE, "The secret was rotated but could not be shown: rotate it again."),
        Ok(None) => me.notice(PAGE, "Secret replaced; during the overlap both verify."),
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
        return crate::http::tenancy::not_found_page();
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match inbound::save_mapping(&app.store, t, m, src, &form.mapping, me.rid()).await {
        Ok(()) => me.notice(PAGE, "Mapping saved."),
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
        return crate::http::tenancy::not_found_page();
    };
    if form.confirm != "yes" {
        return me.error(
            PAGE,
            "Tick the box to confirm: the source's address stops working at once.",
        );
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match inbound::delete_source(&app.store, t, m, src, me.rid()).await {
        Ok(()) => me.notice(PAGE, "Source deleted."),
        Err(e) => me.fail(PAGE, &e),
    }
}
