//! Every REST API answer the suite receives is checked against the OpenAPI document the
//! app serves: the status must be documented for that operation, the media type must be
//! the documented one, and the body must validate against the documented schema (with
//! an independent JSON Schema validator, not our own code). [`checked`] does it for a
//! `reqwest` answer and hands back status, headers and body.

use std::sync::OnceLock;

use serde_json::{json, Value};

/// The document (the same function serves `/api/v1/openapi.json`; a test compares the
/// two).
pub(crate) fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| server::http::api::openapi::document().clone())
}

/// The documented path template `path` falls under (`/t/<slug>` and the query removed).
fn template_of(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let path = match path.strip_prefix("/t/") {
        Some(rest) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => path,
    };
    let segments: Vec<&str> = path.split('/').collect();
    let paths = document()["paths"].as_object().expect("paths");
    let mut fits: Vec<&String> = paths
        .keys()
        .filter(|t| {
            let ts: Vec<&str> = t.split('/').collect();
            ts.len() == segments.len()
                && ts
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t.starts_with('{') || t == s)
        })
        .collect();
    // A literal segment beats a parameter.
    fits.sort_by_key(|t| t.matches('{').count());
    fits.first()
        .map(|t| t.to_string())
        .unwrap_or_else(|| panic!("{path} is not in the OpenAPI document"))
}

/// Panics unless the answer is what the document says `method path` answers.
pub(crate) fn conforms(method: &str, path: &str, status: u16, media: &str, body: &str) {
    let template = template_of(path);
    let op = &document()["paths"][&template][method.to_lowercase()];
    assert!(op.is_object(), "{method} {template} is not documented");
    let response = &op["responses"][status.to_string()];
    assert!(
        response.is_object(),
        "{method} {template} answered {status}, which the document does not list: {body}"
    );
    let Some(content) = response["content"].as_object() else {
        return;
    };
    let media = media.split(';').next().unwrap_or("").trim();
    let schema = &content.get(media).unwrap_or_else(|| {
        panic!("{method} {template} {status} answered {media}, documented {content:?}")
    })["schema"];
    if !media.ends_with("json") {
        // A file (CSV): the documented media type is the check.
        return;
    }
    let instance: Value = serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{method} {template} {status}: not JSON ({e}): {body}"));
    // The whole document is the root, so `$ref`s into its components resolve; the
    // schema to check sits under `$defs`.
    let mut root = document().clone();
    root["$defs"] = json!({ "answer": schema });
    root["$ref"] = json!("#/$defs/answer");
    let validator = jsonschema::validator_for(&root).expect("the document compiles");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status} does not match the document: {errors:#?}\n{body}"
    );
}

/// An answer, checked against the document.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Sends `request` and checks the answer against the document.
pub(crate) async fn checked(method: &str, path: &str, request: reqwest::RequestBuilder) -> Answer {
    let res = request.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.text().await.unwrap();
    let media = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    conforms(method, path, status, media, &body);
    Answer {
        status,
        headers,
        body,
    }
}

/// Sends `request`, checks the answer against the document, and hands it back as a
/// `reqwest::Response` (for tests written against that type).
pub(crate) async fn send_checked(
    method: &str,
    path: &str,
    request: reqwest::RequestBuilder,
) -> reqwest::Response {
    let answer = checked(method, path, request).await;
    let mut rebuilt = http::Response::builder().status(answer.status);
    for (name, value) in &answer.headers {
        rebuilt = rebuilt.header(name, value);
    }
    reqwest::Response::from(rebuilt.body(answer.body).unwrap())
}

#[test]
fn paths_fall_under_their_templates() {
    assert_eq!(
        template_of("/t/freshfield/api/v1/transfers/12/ship"),
        "/api/v1/transfers/{id}/{command}"
    );
    assert_eq!(
        template_of("/api/v1/positions?low=true"),
        "/api/v1/positions"
    );
}

#[test]
#[should_panic(expected = "does not match the document")]
fn a_body_off_the_schema_fails_the_check() {
    conforms(
        "GET",
        "/api/v1/transfers/1",
        200,
        "application/json",
        r#"{"id": "one"}"#,
    );
}

#[test]
#[should_panic(expected = "which the document does not list")]
fn an_undocumented_status_fails_the_check() {
    conforms("GET", "/api/v1/transfers/1", 418, "application/json", "{}");
}
