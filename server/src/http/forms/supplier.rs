//! The supplier's side of an order: through the signed link in the order's e-mail (no
//! sign-in, the link is the permission; the engine checks it, see
//! `engine::replenish::orders`) or signed in as a supplier user.
//!
//! - Answers: `POST /po/{token}/answer`, `POST /supplier/orders/{id}/answer`, with
//!   `answer=acknowledge&promised_on=YYYY-MM-DD` or `answer=decline&reason=…`; signed
//!   in also `answer=backorder&promised_on=…`.
//! - Messages (with an optional file, see [`MessagePost`]): `POST /po/{token}/messages`,
//!   `POST /supplier/orders/{id}/messages`.
//! - Files: `GET /po/{token}/attachments/{id}`, `GET /supplier/orders/{po}/attachments/{id}`
//!   ([`download`] also serves the staff's route in `documents`).
//!
//! Each post goes back to the order's page with what happened.

use std::sync::Arc;

use app::ssr::TenantCtx;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use engine::model::{now_ms, parse_day};
use engine::replenish::{
    self, answer_as_supplier, answer_by_link, Attachment, AttachmentFile, LinkError, Message,
    SupplierAnswer,
};
use serde::Deserialize;

use super::{
    back_to, id, message_in, param, request_id, request_lang, FormError, Params, Posted, SignedIn,
};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub answer: String,
    pub promised_on: String,
    pub reason: String,
}

impl AnswerForm {
    /// The answer, or what is wrong with the form, said in `lang`.
    pub fn parse(self, lang: i18n::Lang) -> Result<SupplierAnswer, FormError> {
        let f = self;
        let wrong = |id: &str| FormError::new(i18n::t(lang, id));
        match f.answer.as_str() {
            "acknowledge" => parse_day(&f.promised_on)
                .map(|promised_on| SupplierAnswer::Acknowledge { promised_on })
                .ok_or_else(|| wrong("site-answer-delivery-date")),
            "decline" => Ok(SupplierAnswer::Decline { reason: f.reason }),
            "backorder" => parse_day(&f.promised_on)
                .map(|promised_on| SupplierAnswer::Backorder { promised_on })
                .ok_or_else(|| wrong("site-answer-date")),
            _ => Err(wrong("site-answer-choose")),
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
            .ok_or_else(|| {
                let lang = crate::http::tenancy::accept_language(&parts.headers);
                crate::http::tenancy::not_found_page_in(lang)
            })?;
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
    let lang = t.tc.lang;
    let answer = match form.parse(lang) {
        Ok(a) => a,
        Err(e) => return back_to(&t.tc, &page, "error", &e.0),
    };
    let said = answered(lang, &answer);
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
        Ok(_) => back_to(&t.tc, &page, "notice", &said),
        Err(LinkError::Engine(e)) => back_to(&t.tc, &page, "error", &message_in(&e, lang)),
        // The page itself says what is wrong with the link.
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

fn answered(lang: i18n::Lang, answer: &SupplierAnswer) -> String {
    let id = match answer {
        SupplierAnswer::Decline { .. } => "site-answer-declined",
        SupplierAnswer::Backorder { .. } => "site-answer-backordered",
        SupplierAnswer::Acknowledge { .. } => "site-answer-acknowledged",
    };
    i18n::t(lang, id)
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
        return me.not_found();
    };
    let page = format!("/supplier/orders/{po}");
    let answer = match form.parse(me.tc.lang) {
        Ok(a) => a,
        Err(e) => return me.error(&page, &e.0),
    };
    let said = answered(me.tc.lang, &answer);
    let (store, t) = (&app.store, me.tc.tenant.id);
    match answer_as_supplier(store, t, &me.member, po, answer, me.rid(), now_ms()).await {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(&page, &said)
        }
        Err(e) => me.fail(&page, &e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub body: String,
}

/// A posted message: `body`, and an optional file in `file` when the form is sent as
/// `multipart/form-data` (a plain form post carries the text alone).
pub struct MessagePost(pub Message);

/// The largest message post taken in (a file of at most 5 MiB and the text); larger is
/// refused before it is read.
pub const MAX_MESSAGE_POST_BYTES: usize = 6 * 1024 * 1024;

/// Uploads read at once, across the server (each holds up to 6 MiB while it is read).
const MAX_UPLOADS_AT_ONCE: usize = 8;

fn uploads_gate() -> &'static tokio::sync::Semaphore {
    static GATE: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    GATE.get_or_init(|| tokio::sync::Semaphore::new(MAX_UPLOADS_AT_ONCE))
}

impl<S: Send + Sync> FromRequest<S> for MessagePost {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let lang = request_lang(req.extensions(), req.headers());
        let wait = std::time::Duration::from_secs(5);
        let Ok(Ok(_permit)) = tokio::time::timeout(wait, uploads_gate().acquire()).await else {
            return Err((
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "5")],
                i18n::t(lang, "site-messages-busy"),
            )
                .into_response());
        };
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("multipart/form-data"));
        if !multipart {
            let Posted(f) = Posted::<MessageForm>::from_request(req, state).await?;
            return Ok(MessagePost(Message {
                body: f.body,
                attachment: None,
            }));
        }
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            let status = e.status();
            let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                i18n::t(lang, "site-message-too-large")
            } else {
                i18n::t(lang, "site-message-unreadable")
            };
            (status, message).into_response()
        };
        let mut parts = Multipart::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut post = Message::default();
        while let Some(field) = parts.next_field().await.map_err(unreadable)? {
            match field.name() {
                Some("body") => post.body = field.text().await.map_err(unreadable)?,
                Some("file") => {
                    let file_name = field.file_name().unwrap_or_default().to_string();
                    let bytes = field.bytes().await.map_err(unreadable)?;
                    // A browser sends an empty, nameless part when no file was chosen.
                    if !(bytes.is_empty() && file_name.is_empty()) {
                        post.attachment = Some(Attachment {
                            file_name,
                            bytes: Vec::from(bytes),
                        });
                    }
                }
                _ => {}
            }
        }
        Ok(MessagePost(post))
    }
}

/// A stored file as a download: never shown inline, never sniffed, never cached.
pub fn download((meta, data): AttachmentFile) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"",
        meta.file_name.replace('"', "")
    );
    (
        [
            (header::CONTENT_TYPE, meta.content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        data,
    )
        .into_response()
}

/// A file of the order the link opens.
pub async fn attachment_by_link(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
) -> Response {
    let token = param(&params, "token");
    let lang = t.tc.lang;
    let Some(file) = id(param(&params, "id")) else {
        return crate::http::tenancy::not_found_page_in(lang);
    };
    match replenish::attachment_by_link(&app.store, t.tc.tenant.id, token, file, now_ms()).await {
        Ok(f) => download(f),
        Err(LinkError::Engine(e)) if e.is_internal() => {
            // Logs the failure; the browser gets the status alone.
            message_in(&e, lang);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => crate::http::tenancy::not_found_page_in(lang),
    }
}

/// A file of one of the signed-in supplier user's orders.
pub async fn attachment_signed_in(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let (Some(po), Some(file)) = (id(param(&params, "po")), id(param(&params, "id"))) else {
        return me.not_found();
    };
    let (store, t) = (&app.store, me.tc.tenant.id);
    match replenish::attachment_for_supplier(store, t, &me.member, po, file).await {
        Ok(f) => download(f),
        Err(e) => me.fail(&format!("/supplier/orders/{po}"), &e),
    }
}

/// The supplier writes to the buyer through the order's link. The link's signature is
/// checked before the body is read: a made-up address uploads nothing.
pub async fn message_by_link(
    State(app): State<Arc<AppState>>,
    t: PublicTenant,
    Path(params): Path<Params>,
    req: Request,
) -> Response {
    let token = param(&params, "token").to_string();
    let page = format!("/po/{token}");
    if !replenish::link_is_signed(&app.store, t.tc.tenant.id, &token).await {
        return back_to(&t.tc, &page, "", "");
    }
    let form = match MessagePost::from_request(req, &()).await {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    let sent = replenish::message_by_link(
        &app.store,
        t.tc.tenant.id,
        &token,
        &form.0,
        t.request_id.as_deref(),
        now_ms(),
    )
    .await;
    app.jobs_wake.notify_one();
    match sent {
        Ok(_) => back_to(
            &t.tc,
            &page,
            "notice",
            &i18n::t(t.tc.lang, "site-message-sent"),
        ),
        Err(LinkError::Engine(e)) => back_to(&t.tc, &page, "error", &message_in(&e, t.tc.lang)),
        Err(_) => back_to(&t.tc, &page, "", ""),
    }
}

/// A signed-in supplier user writes to the buyer about one of its orders.
pub async fn message_signed_in(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    form: MessagePost,
) -> Response {
    let Some(po) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let page = format!("/supplier/orders/{po}");
    let (store, t) = (&app.store, me.tc.tenant.id);
    match replenish::message_as_supplier(store, t, &me.member, po, &form.0, me.rid(), now_ms())
        .await
    {
        Ok(_) => {
            app.jobs_wake.notify_one();
            me.notice(&page, &i18n::t(me.tc.lang, "site-message-sent"))
        }
        Err(e) => me.fail(&page, &e),
    }
}
