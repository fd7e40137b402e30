//! Backtests from the portal, served whole by the server: `GET /backtests` lists the
//! tenant's runs with the form to start one (`POST /backtests`, `multipart/form-data`:
//! `days`, `candidate`, `service_level`, optionally `file`, a demand CSV);
//! `GET /backtests/{id}` follows a run (it reloads itself while the run works) and shows
//! the current levels and the candidate side by side. The engine checks
//! `EditPolicies` to start and `ViewInventory` to look.

use std::sync::Arc;

use app::ssr::format::when;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use engine::backtest::Report;
use engine::backtest_runs::{self, Candidate, Outcome, Request as Ask};
use engine::mail::money;
use engine::model::{now_ms, Permission};
use engine::store::backtest_runs::RunRecord;

use super::charts::pct;
use super::shell::{page, Flash};
use super::{param, Params, SignedIn};
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const PAGE: &str = "/backtests";

/// The posted form: its fields and the file, if one was chosen.
pub struct Upload {
    days: String,
    candidate: String,
    service_level: String,
    file: Vec<u8>,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            let message = if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                "The file is too large: it may be at most 8 MB."
            } else {
                "The form could not be read. Reload the page and try again."
            };
            (e.status(), message).into_response()
        };
        let mut parts = Multipart::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut up = Upload {
            days: String::new(),
            candidate: String::new(),
            service_level: String::new(),
            file: Vec::new(),
        };
        while let Some(field) = parts.next_field().await.map_err(unreadable)? {
            match field.name() {
                Some("days") => up.days = field.text().await.map_err(unreadable)?,
                Some("candidate") => up.candidate = field.text().await.map_err(unreadable)?,
                Some("service_level") => {
                    up.service_level = field.text().await.map_err(unreadable)?
                }
                Some("file") => up.file = Vec::from(field.bytes().await.map_err(unreadable)?),
                _ => {}
            }
        }
        Ok(up)
    }
}

pub async fn start(State(app): State<Arc<AppState>>, me: SignedIn, up: Upload) -> Response {
    let Some(candidate) = Candidate::parse(up.candidate.trim()) else {
        return me.error(PAGE, "Choose the rule to try.");
    };
    let csv = if up.file.is_empty() {
        None
    } else {
        match String::from_utf8(up.file) {
            Ok(s) => Some(s),
            Err(_) => return me.error(PAGE, "The demand file must be UTF-8 text (CSV)."),
        }
    };
    let days = if csv.is_some() {
        0
    } else {
        match up.days.trim().parse::<i64>() {
            Ok(d) => d,
            Err(_) => return me.error(PAGE, "Days to replay must be a whole number."),
        }
    };
    let service_level = match up.service_level.trim() {
        "" => None,
        s => match s.parse::<f64>() {
            Ok(v) => Some(v),
            Err(_) => return me.error(PAGE, "The service level must be a number, such as 95."),
        },
    };
    let ask = Ask {
        days,
        candidate,
        service_level,
        csv,
    };
    let (t, m) = (me.tc.tenant.id, &me.member);
    match backtest_runs::start(&app.store, t, m, &ask, me.rid(), now_ms()).await {
        Ok(id) => {
            app.backtests_wake.notify_one();
            me.notice(
                &format!("{PAGE}/{id}"),
                "The backtest has started. Nothing live changes.",
            )
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

fn state_text(r: &RunRecord) -> String {
    match r.state.as_str() {
        "queued" => "waiting to start".into(),
        "running" => format!("{} of {} simulated days", r.progress_done, r.progress_total),
        "done" => "done".into(),
        _ => format!(
            "failed: {}",
            r.error.as_deref().unwrap_or("no reason was kept")
        ),
    }
}

fn candidate_label(r: &RunRecord) -> String {
    let c = Candidate::parse(&r.candidate).map_or("?", Candidate::label);
    match r.service_level {
        Some(s) => format!("{c}, {s} % for every item"),
        None => format!("{c}, the classes' service levels"),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub notice: String,
    pub error: String,
}

pub async fn list(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Query(q): Query<PageQuery>,
) -> Response {
    let (t, m) = (me.tc.tenant.id, &me.member);
    let runs = match backtest_runs::runs(&app.store, t, m).await {
        Ok(r) => r,
        Err(e) => return me.fail("/", &e),
    };
    let rows: String = runs
        .iter()
        .map(|r| {
            format!(
                "<tr><td><a href=\"{}\">Run {}</a></td><td>{}</td><td>{}</td><td>{} days from {}</td><td>{}</td></tr>",
                escape(&me.tc.href(&format!("{PAGE}/{}", r.id))),
                r.id,
                escape(&when(r.created_at)),
                escape(&candidate_label(r)),
                r.days,
                if r.source == "csv" { "a demand file" } else { "your sales" },
                escape(&state_text(r)),
            )
        })
        .collect();
    let table = if rows.is_empty() {
        "<p class=\"empty\">No backtests yet. Start one below: it replays your last days of sales under your current levels and under the rule you choose, and changes nothing live.</p>".to_string()
    } else {
        format!("<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Started</th><th scope=\"col\">Candidate</th><th scope=\"col\">Demand</th><th scope=\"col\">State</th></tr></thead><tbody>{rows}</tbody></table></div>")
    };
    let form = if m.can(Permission::EditPolicies) {
        let options: String = Candidate::ALL
            .iter()
            .map(|c| {
                format!(
                    "<option value=\"{}\">{}</option>",
                    c.as_str(),
                    escape(c.label())
                )
            })
            .collect();
        format!(
            "<h2>Try a rule</h2><form method=\"post\" action=\"{action}\" enctype=\"multipart/form-data\" class=\"stack\">\
             <label>Rule to try <select name=\"candidate\">{options}</select></label>\
             <label>Days to replay ({min} to {max}; the {history} days before them are the history every rule starts from) <input name=\"days\" type=\"number\" min=\"{min}\" max=\"{max}\" value=\"28\"/></label>\
             <label>One service level for every item, per cent (empty: each class's own) <input name=\"service_level\" inputmode=\"decimal\"/></label>\
             <label>Or a demand file instead of your sales (CSV: day,location,sku,quantity; day as 2026-03-01; the first {history} days are the history) <input type=\"file\" name=\"file\" accept=\".csv,text/csv\"/></label>\
             <p><button type=\"submit\" class=\"primary\">Start the backtest</button></p></form>",
            action = escape(&me.tc.href(PAGE)),
            min = engine::backtest::replay::MIN_DAYS,
            max = engine::backtest::replay::MAX_DAYS,
            history = engine::backtest::replay::HISTORY,
        )
    } else {
        String::new()
    };
    let flash = Flash {
        notice: q.notice,
        error: q.error,
    }
    .html();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">Back to the portal</a></p><h1>Backtests</h1>{flash}<p class=\"muted\">Before you change a policy, see what it would have done: your stores' last days of demand replayed on a virtual clock, with your suppliers' lead times, transfers between stores and receipts, under the levels your positions hold today and under the rule you try. Your live stock, documents and policies are not touched.</p>{table}{form}</section>",
        home = escape(&me.tc.home()),
    );
    page(&app, &me.tc, Some(&me.member), "Backtests", &body, None)
}

fn change(base: f64, new: f64) -> String {
    if base.abs() < 1e-9 {
        return if new.abs() < 1e-9 {
            "same".into()
        } else {
            "new".into()
        };
    }
    let c = (new - base) / base * 100.0;
    format!("{}{c:.1} %", if c > 0.0 { "+" } else { "" })
}

fn comparison(o: &Outcome, currency: &str) -> String {
    let (a, b): (&Report, &Report) = (&o.current, &o.candidate);
    let row = |label: &str, x: String, y: String, c: String| {
        format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(label),
            escape(&x),
            escape(&y),
            escape(&c)
        )
    };
    let rows = [
        row(
            "Fill rate (units sold of units wanted)",
            pct(a.fill_rate),
            pct(b.fill_rate),
            format!("{:+.1} points", (b.fill_rate - a.fill_rate) * 100.0),
        ),
        row(
            "Stockout store-product-days",
            a.stockout_days.to_string(),
            b.stockout_days.to_string(),
            change(a.stockout_days as f64, b.stockout_days as f64),
        ),
        row(
            "Average inventory value",
            money(a.avg_inventory_value_minor, currency),
            money(b.avg_inventory_value_minor, currency),
            change(
                a.avg_inventory_value_minor as f64,
                b.avg_inventory_value_minor as f64,
            ),
        ),
        row(
            "Purchase orders",
            a.purchase_orders.to_string(),
            b.purchase_orders.to_string(),
            change(a.purchase_orders as f64, b.purchase_orders as f64),
        ),
        row(
            "Transfers",
            a.transfers.to_string(),
            b.transfers.to_string(),
            change(a.transfers as f64, b.transfers as f64),
        ),
        row(
            "Documents needing a person's approval",
            a.approvals.to_string(),
            b.approvals.to_string(),
            change(a.approvals as f64, b.approvals as f64),
        ),
    ]
    .concat();
    let notes: String = o
        .notes
        .iter()
        .map(|n| format!("<li>{}</li>", escape(n)))
        .collect();
    format!(
        "<div class=\"table-scroll\"><table><caption>{} days, {} store-product series</caption><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Current levels</th><th scope=\"col\">{}</th><th scope=\"col\">Change</th></tr></thead><tbody>{rows}</tbody></table></div><h2>What the replay assumes</h2><ul>{notes}</ul>",
        a.days,
        a.series,
        escape(&b.rule),
    )
}

pub async fn show(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Query(q): Query<PageQuery>,
) -> Response {
    let Ok(id) = param(&params, "id").parse::<i64>() else {
        return crate::http::tenancy::not_found_page();
    };
    let (r, outcome) = match backtest_runs::run(&app.store, me.tc.tenant.id, &me.member, id).await {
        Ok(x) => x,
        Err(e) => return me.fail(PAGE, &e),
    };
    let working = r.state == "queued" || r.state == "running";
    let progress = if working {
        format!(
            "<p aria-live=\"polite\"><progress value=\"{}\" max=\"{}\">{}</progress> {}. This page reloads itself.</p>",
            r.progress_done,
            r.progress_total.max(1),
            escape(&state_text(&r)),
            escape(&state_text(&r)),
        )
    } else if r.state == "failed" {
        format!(
            "<p class=\"error\" role=\"alert\">{}</p>",
            escape(&state_text(&r))
        )
    } else {
        String::new()
    };
    let result = outcome
        .map(|o| comparison(&o, &me.tc.tenant.currency))
        .unwrap_or_default();
    let flash = Flash {
        notice: q.notice,
        error: q.error,
    }
    .html();
    let body = format!(
        "<section class=\"card\"><p><a href=\"{back}\">All backtests</a></p><h1>Backtest {id}</h1>{flash}<p>{candidate} against your current levels, over {days} days of {source}; started {started} by {who}.</p>{progress}{result}</section>",
        back = escape(&me.tc.href(PAGE)),
        candidate = escape(&candidate_label(&r)),
        days = r.days,
        source = if r.source == "csv" { "a demand file" } else { "your sales" },
        started = escape(&when(r.created_at)),
        who = escape(&r.requested_by),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &format!("Backtest {id}"),
        &body,
        working.then_some(2),
    )
}
