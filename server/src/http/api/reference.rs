//! `GET /api/v1/reference`: the OpenAPI document as a page people read, rendered on the
//! server from the same document (no script, no CDN, no brand: it is served on every
//! tenant's address). Every operation with its scope, parameters, body and answers;
//! every schema with its fields.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde_json::Value;

use super::openapi::document;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `$ref: #/components/schemas/X` as a link to X, or the type in words.
fn type_of(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    if let Some(any) = schema.get("oneOf").and_then(Value::as_array) {
        return any.iter().map(type_of).collect::<Vec<_>>().join(" or ");
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".into(),
    };
    match (kind.as_str(), schema.get("items")) {
        (k, Some(items)) if k.starts_with("array") => format!("array of {}", type_of(items)),
        _ => esc(&kind),
    }
}

fn operation(out: &mut String, method: &str, path: &str, op: &Value) {
    let id = format!("{method}-{path}").replace(['/', '{', '}'], "-");
    let scopes: Vec<String> = op["security"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("api_key").and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_str)
        .map(|s| format!("<code>{}</code>", esc(s)))
        .collect();
    out.push_str(&format!(
        "<section id=\"{id}\"><h3><span class=\"m {m}\">{M}</span> <code>{p}</code></h3>",
        m = esc(method),
        M = esc(&method.to_uppercase()),
        p = esc(path)
    ));
    for key in ["summary", "description"] {
        if let Some(text) = op.get(key).and_then(Value::as_str) {
            out.push_str(&format!("<p>{}</p>", esc(text)));
        }
    }
    if !scopes.is_empty() {
        out.push_str(&format!("<p>Scope: {}</p>", scopes.join(", ")));
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array) {
        out.push_str("<table><caption>Parameters</caption><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>");
        for p in params {
            let required = p["required"].as_bool().unwrap_or(false);
            out.push_str(&format!(
                "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(p["name"].as_str().unwrap_or("")),
                if required { " (required)" } else { "" },
                esc(p["in"].as_str().unwrap_or("")),
                type_of(&p["schema"]),
                esc(p["description"].as_str().unwrap_or(""))
            ));
        }
        out.push_str("</table>");
    }
    if let Some(body) = op.get("requestBody") {
        for (media, content) in body["content"].as_object().into_iter().flatten() {
            out.push_str(&format!(
                "<p>Body ({}): {}</p>",
                esc(media),
                type_of(&content["schema"])
            ));
        }
    }
    out.push_str(
        "<table><caption>Answers</caption><tr><th>status</th><th>body</th><th>when</th></tr>",
    );
    for (status, response) in op["responses"].as_object().into_iter().flatten() {
        let body = response["content"]
            .as_object()
            .and_then(|c| c.values().next())
            .map(|c| type_of(&c["schema"]))
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(status),
            body,
            esc(response["description"].as_str().unwrap_or(""))
        ));
    }
    out.push_str("</table></section>");
}

fn schema(out: &mut String, name: &str, s: &Value) {
    out.push_str(&format!(
        "<section id=\"schema-{0}\"><h3>{0}</h3>",
        esc(name)
    ));
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        out.push_str(&format!("<p>{}</p>", esc(d)));
    }
    let required: Vec<&str> = s["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        out.push_str("<table><tr><th>field</th><th>type</th><th>description</th></tr>");
        for (field, p) in props {
            out.push_str(&format!(
                "<tr><td><code>{}</code>{}</td><td>{}</td><td>{}</td></tr>",
                esc(field),
                if required.contains(&field.as_str()) {
                    ""
                } else {
                    " (optional)"
                },
                type_of(p),
                esc(p["description"].as_str().unwrap_or(""))
            ));
        }
        out.push_str("</table>");
    }
    out.push_str("</section>");
}

/// The page, built once from the document.
pub fn page() -> &'static str {
    static PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PAGE.get_or_init(|| {
        let doc = document();
        let info = &doc["info"];
        let mut out = String::from(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>REST API v1 reference</title><style>\
             body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}\
             table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}\
             th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
             caption{text-align:left;font-weight:600;padding:.3rem 0}\
             code{background:#f2f2f2;padding:0 .2rem;border-radius:3px;overflow-wrap:anywhere}\
             .m{display:inline-block;min-width:4.5rem;font-size:.85rem;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#37536b;text-align:center}\
             .post{background:#2d6a3e}.delete{background:#9b2c2c}\
             section{border-top:1px solid #ddd;padding-top:.5rem}\
             @media (max-width:40rem){table{display:block;overflow-x:auto}}\
             </style></head><body>",
        );
        out.push_str(&format!(
            "<h1>{}</h1><p>Version {}. The machine-readable document is at \
             <a href=\"openapi.json\"><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1).</p><p>{}</p>",
            esc(info["title"].as_str().unwrap_or("API")),
            esc(info["version"].as_str().unwrap_or("")),
            esc(info["description"].as_str().unwrap_or(""))
        ));
        out.push_str("<nav><h2>Operations</h2><ul>");
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        for (path, item) in &paths {
            for (method, _) in item.as_object().into_iter().flatten() {
                let id = format!("{method}-{path}").replace(['/', '{', '}'], "-");
                out.push_str(&format!(
                    "<li><a href=\"#{id}\">{} <code>{}</code></a></li>",
                    esc(&method.to_uppercase()),
                    esc(path)
                ));
            }
        }
        out.push_str("</ul></nav><main><h2>Operations</h2>");
        for (path, item) in &paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                operation(&mut out, method, path, op);
            }
        }
        out.push_str("<h2>Schemas</h2>");
        for (name, s) in doc["components"]["schemas"].as_object().into_iter().flatten() {
            schema(&mut out, name, s);
        }
        out.push_str("</main></body></html>");
        out
    })
}

/// `GET /api/v1/reference`.
pub async fn serve() -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=300")],
        Html(page()),
    )
        .into_response()
}
