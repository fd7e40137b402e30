//! API errors as RFC 9457 `application/problem+json`. Only what the client may see goes
//! out; causes are logged once, here.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use engine::ingest::FieldError;
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    /// 401: no key, an unknown key, or a key of another tenant (one answer for all).
    Unauthorized,
    /// 401: a webhook whose signature did not verify (the sentence says why).
    SignatureRefused(String),
    /// 403: the key works but may not do this (the sentence names the scope).
    Forbidden(String),
    /// 404: no tenant at this address.
    NotFound,
    /// 422: the Idempotency-Key was used for another request.
    IdempotencyMismatch,
    /// 409: the first request with this Idempotency-Key is still running.
    IdempotencyInProgress,
    /// 415: the body is not JSON.
    UnsupportedMediaType,
    /// 400: the request could not be read (a body, a header or a query parameter; the
    /// sentence names it).
    BadRequest(String),
    /// 413: the body is larger than the endpoint takes (nothing of it was read).
    TooLarge(usize),
    /// 422: named fields are invalid; nothing was applied.
    Invalid(Vec<FieldError>),
    /// 404: no such thing in this tenant (another tenant's id answers the same).
    NoSuch,
    /// 422: the request is well formed but a value is not acceptable (the sentence
    /// names the field); nothing was changed.
    Unprocessable(String),
    /// 409: the document's state does not allow this now (the sentence says why).
    Conflict(String),
    /// 429: the key's budget for this minute is spent; retry after this many seconds.
    RateLimited(i64),
    /// 500: logged with its cause; the client gets only the request id.
    Internal(String),
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::Internal(e.to_string())
    }
}

fn problem(status: StatusCode, title: &str, detail: &str) -> serde_json::Value {
    json!({
        "type": "about:blank",
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    })
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::TooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                problem(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "Payload Too Large",
                    &format!(
                        "the body may be at most {limit} bytes: send less in one request"
                    ),
                ),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                problem(
                    StatusCode::UNAUTHORIZED,
                    "Unauthorized",
                    "send a valid API key of this tenant as 'Authorization: Bearer <key>'",
                ),
            ),
            ApiError::SignatureRefused(detail) => (
                StatusCode::UNAUTHORIZED,
                problem(StatusCode::UNAUTHORIZED, "Signature refused", &detail),
            ),
            ApiError::Forbidden(detail) => (
                StatusCode::FORBIDDEN,
                problem(StatusCode::FORBIDDEN, "Forbidden", &detail),
            ),
            ApiError::IdempotencyMismatch => (
                StatusCode::UNPROCESSABLE_ENTITY,
                problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Idempotency-Key reused",
                    "this Idempotency-Key was used for another request: use a new key for a new request",
                ),
            ),
            ApiError::IdempotencyInProgress => (
                StatusCode::CONFLICT,
                problem(
                    StatusCode::CONFLICT,
                    "Request in progress",
                    "a request with this Idempotency-Key is still being processed: retry shortly",
                ),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                problem(
                    StatusCode::NOT_FOUND,
                    "Not Found",
                    "nothing is served at this address",
                ),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                problem(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type",
                    "send the body as application/json",
                ),
            ),
            ApiError::BadRequest(detail) => (
                StatusCode::BAD_REQUEST,
                problem(StatusCode::BAD_REQUEST, "Bad Request", &detail),
            ),
            ApiError::Invalid(errors) => {
                let mut body = problem(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Invalid events",
                    &format!(
                        "{} problem(s) found, first at {}: {}; nothing in this batch was applied",
                        errors.len(),
                        errors.first().map(|e| e.pointer.as_str()).unwrap_or(""),
                        errors.first().map(|e| e.detail.as_str()).unwrap_or("")
                    ),
                );
                body["errors"] = json!(errors);
                (StatusCode::UNPROCESSABLE_ENTITY, body)
            }
            ApiError::NoSuch => (
                StatusCode::NOT_FOUND,
                problem(
                    StatusCode::NOT_FOUND,
                    "Not Found",
                    "there is nothing with this id here",
                ),
            ),
            ApiError::Unprocessable(detail) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                problem(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable", &detail),
            ),
            ApiError::Conflict(detail) => (
                StatusCode::CONFLICT,
                problem(StatusCode::CONFLICT, "Conflict", &detail),
            ),
            ApiError::RateLimited(secs) => (
                StatusCode::TOO_MANY_REQUESTS,
                problem(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Too Many Requests",
                    &format!("this key has used its requests for this minute: retry in {secs} s"),
                ),
            ),
            ApiError::Internal(cause) => {
                tracing::error!(error = %cause, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "something went wrong on our side; quote the x-request-id header when reporting it"),
                )
            }
        };
        let mut res = (status, body.to_string()).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}
