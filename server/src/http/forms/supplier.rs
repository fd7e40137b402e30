//! The supplier's answer to an order: through the signed link in the order's e-mail
//! (no sign-in, the link is the permission; the engine checks it, see
//! `engine::replenish::orders`), `POST /po/{token}/answer`, or signed in as a supplier
//! user, `POST /supplier/orders/{id}/answer`. Either with
//! `answer=acknowledge&promised_on=YYYY-MM-DD` or `answer=decline&reason=…`, back to
//! the order's page with what happened.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::response::Response;
use engine::model::{now_ms, parse_day};
use engine::replenish::{self, answer_as_supplier, answer_by_link, LinkError, SupplierAnswer};
use serde::Deserialize;

use super::{back_to, id, message, param, request_id, FormError, Params, Posted, SignedIn};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub answer: String,
    pub promised_on: String,
    pub reason: String,
}

impl TryFrom<AnswerForm> for SupplierAnswer {
    type Error = FormError;
    fn try_from(f: AnswerForm) -> Result<SupplierAnswer, FormError> {
        match f.answer.as_str() {
            "acknowledge" => parse_day(&f.promised_on)
                .map(|promised_on| SupplierAnswer::Acknowledge { promised_on })
                .ok_or_else(|| FormError::new("Delivery date must be a date, such as 2026-12-24.")),
            "decline" => Ok(SupplierAnswer::Decline { reason: f.reason }),
            _ => Err(FormError::new(
                "Choose to acknowledge or to decline the order.",
            )),
        }
    }
}

/// The request's tenant, with no sign-in needed; none is the neutral 404.
pub struct PublicTenant {
    pub tc: TenantCtx,
    pub request_id: Option<String>,
}

impl<S> FromRequestParts<S> for PublicTenant
where
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Response> {
        let tc = parts
            .extensions
            .get::<TenantCtx>()
            .cloned()
            .ok_or_else(crate::http::tenancy::not_found_page)?;
        Ok(PublicTenant {
            tc,
            request_id: request_id(&parts.headers),
        })
    }
}

pub async fn answer(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
    Posted(form): Posted<AnswerForm>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/po/{token}");
    let answer = match SupplierAnswer::try_from(form) {
        Ok(a) => a,
        Err(e) => return back_to(&t.tc, &page, "error", &e.0),
    };
    let declining = matches!(answer, SupplierAnswer::Decline { .. });
    let done = answer_by_link(
        &app.store,
        t.tc.tenant.id,
        &token,
        answer,
        t.request_id.as_deref(),
        now_ms(),
    )
    .await;
    app.jobs_wake.notify_one();
    match done {
        Ok(_) => back_to(&t.tc, &page, "notice", answered(declining)),
        Err(LinkError::Engine(e)) => back_to(&t.tc, &page, "error", &message(&e)),
        // The page itself says what is wrong with the link.
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

fn answered(declining: bool) -> &'static str {
    if declining {
        "You declined the order. The buyer has been told."
    } else {
        "Thank you: the order is acknowledged with your delivery date."
    }
}

/// A signed-in supplier user answers an order sent to their organisation; another
/// supplier's order (or any order that is not theirs) is the neutral 404.
pub async fn answer_signed_in(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<AnswerForm>,
) -> Response {
    let Some(po) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let page = format!("/supplier/orders/{po}");
    let answer = match SupplierAnswer::try_from(form) {
        Ok(a) => a,
        Err(e) => return me.error(&page, &e.0),
    };
    let declining = matches!(answer, SupplierAnswer::Decline { .. });
    let (store, t) = (&app.store, me.tc.tenant.id);
    match answer_as_supplier(store, t, &me.member, po, answer, me.rid(), now_ms()).await {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(&page, answered(declining))
        }
        Err(e) => me.fail(&page, &e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub body: String,
}

/// The supplier writes to the buyer through the order's link.
pub async fn message_by_link(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
    Posted(form): Posted<MessageForm>,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/po/{token}");
    let sent = replenish::message_by_link(
        &app.store,
        t.tc.tenant.id,
        &token,
        &form.body,
        t.request_id.as_deref(),
        now_ms(),
    )
    .await;
    app.jobs_wake.notify_one();
    match sent {
        Ok(_) => back_to(&t.tc, &page, "notice", "Message sent to the buyer."),
        Err(LinkError::Engine(e)) => back_to(&t.tc, &page, "error", &message(&e)),
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

/// A signed-in supplier user writes to the buyer about one of its orders.
pub async fn message_signed_in(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<MessageForm>,
) -> Response {
    let Some(po) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page();
    };
    let page = format!("/supplier/orders/{po}");
    let (store, t) = (&app.store, me.tc.tenant.id);
    match replenish::message_as_supplier(store, t, &me.member, po, &form.body, me.rid(), now_ms())
        .await
    {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(&page, "Message sent to the buyer.")
        }
        Err(e) => me.fail(&page, &e),
    }
}
