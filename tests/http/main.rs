//! HTTP tests against the real application, one module per area. Every test runs on
//! SQLite and on PostgreSQL; the app's workers are off, so a test runs the jobs its
//! actions queued when it chooses (`run_pending_jobs`).

mod accounts;
mod api;
mod approvals;
mod auth;
mod back_in_stock;
mod backtests;
mod dashboard;
mod events;
mod imports;
mod integrations;
mod languages;
mod no_leak;
mod ops;
mod partners;
mod platform;
mod po_changes;
mod settings;
mod spec;
mod supplier_portal;
mod suppliers;
mod tenancy;
mod theme;
mod webhooks;

use serde_json::{json, Value};
use test_support::TestApp;

pub(crate) const FF_PLANNER: (&str, &str) = ("planner@freshfield.example", "freshfield-plan-2026");

pub(crate) const RL_ADMIN: (&str, &str) = ("admin@ridgeline.example", "ridgeline-admin-2026");

/// A calendar day written `YYYY-MM-DD` (as `engine::model::day_string` writes it, and a
/// date field takes it) as an English page or e-mail shows it: `2 Dec 2026`.
pub(crate) fn shown_day(day: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = day.split('-').collect();
    let [year, month, date] = parts[..] else {
        panic!("not a YYYY-MM-DD day: {day}");
    };
    let month: usize = month.parse().unwrap();
    let date: u32 = date.parse().unwrap();
    format!("{date} {} {year}", MONTHS[month - 1])
}

pub(crate) async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap()
}

pub(crate) fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("sid="))
        .map(str::to_string)
}

pub(crate) fn event(id: &str, kind: &str, loc: &str, sku: &str, qty: i64) -> Value {
    json!({"source": "pos-1", "external_id": id, "type": kind, "location": loc, "sku": sku, "quantity": qty})
}

/// Posts a batch of events; the answer is checked against the OpenAPI document
/// ([`spec::conforms`]) before the test reads it.
pub(crate) async fn post_events(
    app: &TestApp,
    path: &str,
    key: &str,
    batch: &Value,
) -> reqwest::Response {
    let request = app
        .client()
        .post(app.url(path))
        .bearer_auth(key)
        .json(batch);
    spec::send_checked("POST", path, request).await
}

/// Posts the inbox's decision form for `doc` as `client` would.
pub(crate) async fn decide(
    app: &TestApp,
    client: &reqwest::Client,
    doc: &str,
    decision: &str,
    comment: &str,
) -> reqwest::Response {
    client
        .post(app.url("/t/freshfield/approvals/decide"))
        .header("origin", app.origin())
        .form(&[("doc", doc), ("decision", decision), ("comment", comment)])
        .send()
        .await
        .unwrap()
}

/// A redirect's query decoded, to read the notice or error it carries.
pub(crate) fn urlencoding_decode(s: &str) -> String {
    let bytes = s.replace('+', " ");
    let mut out = Vec::new();
    let b = bytes.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&bytes[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
