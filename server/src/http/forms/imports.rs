//! CSV imports in the portal: upload a file (`multipart/form-data`: `kind`, `file`),
//! apply a checked one after a confirmation, and download exports.

use std::sync::Arc;

use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use engine::imports::export::{self, ExportKind};
use engine::imports::{self, ImportKind};
use engine::model::now_ms;
use serde::Deserialize;

use super::{id, param, Params, Posted, SignedIn};
use crate::state::AppState;

pub(super) const PAGE: &str = "/settings/integrations/imports";

/// The most an upload post may hold: the largest file and its form fields.
pub const MAX_UPLOAD_BYTES: usize = imports::MAX_BYTES + 64 * 1024;

/// An uploaded import: its kind and file.
pub struct Upload {
    kind: String,
    file_name: String,
    bytes: Vec<u8>,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let lang = super::request_lang(req.extensions(), req.headers());
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            let message = if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                i18n::t(lang, "site-import-too-large")
            } else {
                i18n::t(lang, "site-upload-unreadable")
            };
            (e.status(), message).into_response()
        };
        let mut parts = Multipart::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut up = Upload {
            kind: String::new(),
            file_name: String::new(),
            bytes: Vec::new(),
        };
        while let Some(field) = parts.next_field().await.map_err(unreadable)? {
            match field.name() {
                Some("kind") => up.kind = field.text().await.map_err(unreadable)?,
                Some("file") => {
                    up.file_name = field.file_name().unwrap_or_default().to_string();
                    up.bytes = Vec::from(field.bytes().await.map_err(unreadable)?);
                }
                _ => {}
            }
        }
        Ok(up)
    }
}

/// `POST /settings/integrations/imports`: stores the file and starts its check; on to
/// the import's page, which follows the check.
pub async fn upload(State(app): State<Arc<AppState>>, me: SignedIn, up: Upload) -> Response {
    let lang = me.tc.lang;
    let Some(kind) = ImportKind::parse(&up.kind) else {
        return me.error(PAGE, &i18n::t(lang, "site-import-choose-kind"));
    };
    if up.bytes.is_empty() {
        return me.error(PAGE, &i18n::t(lang, "site-import-choose-file"));
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match imports::start(&app.store, t, m, kind, &up.file_name, &up.bytes, now_ms()).await {
        Ok(id) => {
            app.imports_wake.notify_one();
            me.notice(
                &format!("{PAGE}/{id}"),
                &i18n::t(lang, "site-import-checking"),
            )
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApplyForm {
    confirm: String,
}

/// `POST /settings/integrations/imports/{id}/apply`.
pub async fn apply(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Posted(form): Posted<ApplyForm>,
) -> Response {
    let Some(import) = id(param(&params, "id")) else {
        return me.not_found();
    };
    let page = format!("{PAGE}/{import}");
    if form.confirm != "yes" {
        return me.error(&page, &i18n::t(me.tc.lang, "site-import-confirm"));
    }
    let (t, m) = (me.tc.tenant.id, &me.member);
    match imports::apply(&app.store, t, m, import, me.rid(), now_ms()).await {
        Ok(()) => {
            app.imports_wake.notify_one();
            me.notice(&page, &i18n::t(me.tc.lang, "site-import-applying"))
        }
        Err(e) => me.fail(&page, &e),
    }
}

/// `GET /settings/integrations/exports/{kind}`: a CSV download.
pub async fn download(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
) -> Response {
    let Some(kind) = ExportKind::parse(param(&params, "kind")) else {
        return me.not_found();
    };
    match export::export(&app.store, me.tc.tenant.id, &me.member, kind).await {
        Ok(text) => crate::http::api::imports::csv_download(&me.tc.tenant.slug, kind, text),
        Err(e) => me.fail("/settings/integrations/imports", &e),
    }
}
