//! Backtests from the portal, served whole by the server: `GET /backtests` lists the
//! tenant's runs with the form to start one (`POST /backtests`, `multipart/form-data`:
//! `days`, `candidate`, `service_level`, optionally `file`, a demand CSV);
//! `GET /backtests/{id}` follows a run (it reloads itself while the run works) and shows
//! the current levels and the candidate side by side. The engine checks
//! `EditPolicies` to start and `ViewInventory` to look.

use std::sync::Arc;

use app::ssr::format::when_at;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use engine::backtest::Report;
use engine::backtest_runs::{self, Candidate, Outcome, Request as Ask};

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
        let lang = req
            .extensions()
            .get::<app::ssr::TenantCtx>()
            .map(|tc| tc.lang)
            .unwrap_or_default();
        let unreadable = move |e: axum::extract::multipart::MultipartError| {
            let message = if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                i18n::t(lang, "plan-backtest-file-too-large")
            } else {
                i18n::t(lang, "plan-form-unreadable")
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
    let lang = me.tc.lang;
    let Some(candidate) = Candidate::parse(up.candidate.trim()) else {
        return me.error(PAGE, &i18n::t(lang, "plan-backtest-error-rule"));
    };
    let csv = if up.file.is_empty() {
        None
    } else {
        match String::from_utf8(up.file) {
            Ok(s) => Some(s),
            Err(_) => return me.error(PAGE, &i18n::t(lang, "plan-backtest-error-utf8")),
        }
    };
    let days = if csv.is_some() {
        0
    } else {
        match up.days.trim().parse::<i64>() {
            Ok(d) => d,
            Err(_) => return me.error(PAGE, &i18n::t(lang, "plan-backtest-error-days")),
        }
    };
    let service_level = match up.service_level.trim() {
        "" => None,
        s => match i18n::fmt::parse_decimal(lang, s) {
            Some(v) => Some(v),
            None => return me.error(PAGE, &i18n::t(lang, "plan-backtest-error-service")),
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
                &i18n::t(lang, "plan-backtest-started"),
            )
        }
        Err(e) => me.fail(PAGE, &e),
    }
}

fn state_text(lang: i18n::Lang, r: &RunRecord) -> String {
    match r.state.as_str() {
        "queued" => i18n::t(lang, "plan-backtest-state-queued"),
        "running" => i18n::t_args(
            lang,
            "plan-backtest-state-running",
            &[
                ("done", r.progress_done.into()),
                ("total", r.progress_total.into()),
            ],
        ),
        "done" => i18n::t(lang, "plan-backtest-state-done"),
        _ => i18n::t_args(
            lang,
            "plan-backtest-state-failed",
            &[(
                "reason",
                r.error
                    .clone()
                    .unwrap_or_else(|| i18n::t(lang, "plan-backtest-no-reason"))
                    .into(),
            )],
        ),
    }
}

/// A rule to try as people read it, in their language.
fn rule_label(lang: i18n::Lang, c: Candidate) -> String {
    i18n::t(
        lang,
        match c {
            Candidate::StaticMinMax => "plan-backtest-candidate-static",
            Candidate::NaiveAdaptive => "plan-backtest-candidate-naive",
            Candidate::Forecast => "plan-backtest-candidate-forecast",
        },
    )
}

fn candidate_label(lang: i18n::Lang, r: &RunRecord) -> String {
    let c = Candidate::parse(&r.candidate).map_or_else(|| "?".to_string(), |c| rule_label(lang, c));
    match r.service_level {
        Some(s) => i18n::t_args(
            lang,
            "plan-backtest-candidate-service",
            &[("candidate", c.into()), ("level", format!("{s}").into())],
        ),
        None => i18n::t_args(
            lang,
            "plan-backtest-candidate-classes",
            &[("candidate", c.into())],
        ),
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
    let lang = me.tc.lang;
    let tr = |id: &str| escape(&i18n::t(lang, id));
    let (t, m) = (me.tc.tenant.id, &me.member);
    let runs = match backtest_runs::runs(&app.store, t, m).await {
        Ok(r) => r,
        Err(e) => return me.fail("/", &e),
    };
    let rows: String = runs
        .iter()
        .map(|r| {
            let demand = i18n::t_args(
                lang,
                if r.source == "csv" {
                    "plan-backtest-demand-csv"
                } else {
                    "plan-backtest-demand-sales"
                },
                &[("days", r.days.into())],
            );
            format!(
                "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&me.tc.href(&format!("{PAGE}/{}", r.id))),
                escape(&i18n::t_args(lang, "plan-backtest-run", &[("id", r.id.into())])),
                escape(&when_at(&me.tc, r.created_at)),
                escape(&candidate_label(lang, r)),
                escape(&demand),
                escape(&state_text(lang, r)),
            )
        })
        .collect();
    let table = if rows.is_empty() {
        format!("<p class=\"empty\">{}</p>", tr("plan-backtest-empty"))
    } else {
        format!(
            "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></div>",
            tr("plan-backtest-col-run"),
            tr("plan-backtest-col-started"),
            tr("plan-backtest-col-candidate"),
            tr("plan-backtest-col-demand"),
            tr("plan-backtest-col-state"),
        )
    };
    let form = if m.can(Permission::EditPolicies) {
        let options: String = Candidate::ALL
            .iter()
            .map(|c| {
                format!(
                    "<option value=\"{}\">{}</option>",
                    c.as_str(),
                    escape(&rule_label(lang, *c))
                )
            })
            .collect();
        let history = engine::backtest::replay::HISTORY as i64;
        format!(
            "<h2>{try_rule}</h2><form method=\"post\" action=\"{action}\" enctype=\"multipart/form-data\" class=\"stack\">\
             <label>{rule} <select name=\"candidate\">{options}</select></label>\
             <label>{days} <input name=\"days\" type=\"number\" min=\"{min}\" max=\"{max}\" value=\"28\"/></label>\
             <label>{service} <input name=\"service_level\" inputmode=\"decimal\"/></label>\
             <label>{file} <input type=\"file\" name=\"file\" accept=\".csv,text/csv\"/></label>\
             <p><button type=\"submit\" class=\"primary\">{start}</button></p></form>",
            try_rule = tr("plan-backtest-try"),
            rule = tr("plan-backtest-rule"),
            days = escape(&i18n::t_args(
                lang,
                "plan-backtest-days",
                &[
                    ("min", (engine::backtest::replay::MIN_DAYS as i64).into()),
                    ("max", (engine::backtest::replay::MAX_DAYS as i64).into()),
                    ("history", history.into()),
                ]
            )),
            service = tr("plan-backtest-service-level"),
            file = escape(&i18n::t_args(
                lang,
                "plan-backtest-file",
                &[("history", history.into())]
            )),
            start = tr("plan-backtest-start"),
            action = escape(&me.tc.href(PAGE)),
            min = engine::backtest::replay::MIN_DAYS,
            max = engine::backtest::replay::MAX_DAYS,
        )
    } else {
        String::new()
    };
    let flash = Flash {
        notice: q.notice,
        error: q.error,
    }
    .html();
    let title = i18n::t(lang, "plan-backtest-heading");
    let body = format!(
        "<section class=\"card\"><p><a href=\"{home}\">{back}</a></p><h1>{heading}</h1>{flash}<p class=\"muted\">{intro}</p>{table}{form}</section>",
        home = escape(&me.tc.home()),
        back = tr("plan-back-to-portal"),
        heading = escape(&title),
        intro = tr("plan-backtest-intro"),
    );
    page(&app, &me.tc, Some(&me.member), &title, &body, None)
}

fn change(lang: i18n::Lang, base: f64, new: f64) -> String {
    if base.abs() < 1e-9 {
        return if new.abs() < 1e-9 {
            i18n::t(lang, "plan-backtest-change-same")
        } else {
            i18n::t(lang, "plan-backtest-change-new")
        };
    }
    let c = (new - base) / base * 100.0;
    format!("{}{c:.1} %", if c > 0.0 { "+" } else { "" })
}

fn comparison(lang: i18n::Lang, o: &Outcome, currency: &str) -> String {
    let (a, b): (&Report, &Report) = (&o.current, &o.candidate);
    let tr = |id: &str| i18n::t(lang, id);
    let diff = |base: f64, new: f64| change(lang, base, new);
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
            &tr("plan-backtest-fig-fill-rate"),
            pct(a.fill_rate),
            pct(b.fill_rate),
            i18n::t_args(
                lang,
                "plan-backtest-points",
                &[(
                    "n",
                    format!("{:+.1}", (b.fill_rate - a.fill_rate) * 100.0).into(),
                )],
            ),
        ),
        row(
            &tr("plan-backtest-fig-stockout-days"),
            a.stockout_days.to_string(),
            b.stockout_days.to_string(),
            diff(a.stockout_days as f64, b.stockout_days as f64),
        ),
        row(
            &tr("plan-backtest-fig-inventory-value"),
            i18n::fmt::money(lang, a.avg_inventory_value_minor, currency),
            i18n::fmt::money(lang, b.avg_inventory_value_minor, currency),
            diff(
                a.avg_inventory_value_minor as f64,
                b.avg_inventory_value_minor as f64,
            ),
        ),
        row(
            &tr("plan-backtest-fig-purchase-orders"),
            a.purchase_orders.to_string(),
            b.purchase_orders.to_string(),
            diff(a.purchase_orders as f64, b.purchase_orders as f64),
        ),
        row(
            &tr("plan-backtest-fig-transfers"),
            a.transfers.to_string(),
            b.transfers.to_string(),
            diff(a.transfers as f64, b.transfers as f64),
        ),
        row(
            &tr("plan-backtest-fig-approvals"),
            a.approvals.to_string(),
            b.approvals.to_string(),
            diff(a.approvals as f64, b.approvals as f64),
        ),
    ]
    .concat();
    // A run stored before its notes were recorded in every language has only their
    // English, marked as such.
    let (notes, english) = o.notes_in(lang);
    let mark = if english { " lang=\"en\"" } else { "" };
    let notes: String = notes
        .iter()
        .map(|n| format!("<li{mark}>{}</li>", escape(n)))
        .collect();
    format!(
        "<div class=\"table-scroll\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" lang=\"en\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></div><h2>{}</h2><ul>{notes}</ul>",
        escape(&i18n::t_args(
            lang,
            "plan-backtest-caption",
            &[
                ("days", (a.days as i64).into()),
                ("series", (a.series as i64).into()),
            ]
        )),
        escape(&tr("plan-backtest-col-figure")),
        escape(&tr("plan-backtest-col-current")),
        escape(&b.rule),
        escape(&tr("plan-backtest-col-change")),
        escape(&tr("plan-backtest-assumes")),
    )
}

pub async fn show(
    State(app): State<Arc<AppState>>,
    me: SignedIn,
    Path(params): Path<Params>,
    Query(q): Query<PageQuery>,
) -> Response {
    let lang = me.tc.lang;
    let Ok(id) = param(&params, "id").parse::<i64>() else {
        return me.not_found();
    };
    let (r, outcome) = match backtest_runs::run(&app.store, me.tc.tenant.id, &me.member, id).await {
        Ok(x) => x,
        Err(e) => return me.fail(PAGE, &e),
    };
    let working = r.state == "queued" || r.state == "running";
    let progress = if working {
        format!(
            "<p aria-live=\"polite\"><progress value=\"{}\" max=\"{}\">{}</progress> {}</p>",
            r.progress_done,
            r.progress_total.max(1),
            escape(&state_text(lang, &r)),
            escape(&i18n::t_args(
                lang,
                "plan-backtest-progress",
                &[("state", state_text(lang, &r).into())]
            )),
        )
    } else if r.state == "failed" {
        format!(
            "<p class=\"error\" role=\"alert\">{}</p>",
            escape(&state_text(lang, &r))
        )
    } else {
        String::new()
    };
    let result = outcome
        .map(|o| comparison(lang, &o, &me.tc.tenant.currency))
        .unwrap_or_default();
    let flash = Flash {
        notice: q.notice,
        error: q.error,
    }
    .html();
    let title = i18n::t_args(lang, "plan-backtest-title", &[("id", id.into())]);
    let summary = i18n::t_args(
        lang,
        if r.source == "csv" {
            "plan-backtest-summary-csv"
        } else {
            "plan-backtest-summary-sales"
        },
        &[
            ("candidate", candidate_label(lang, &r).into()),
            ("days", r.days.into()),
            ("started", when_at(&me.tc, r.created_at).into()),
            ("who", r.requested_by.as_str().into()),
        ],
    );
    let body = format!(
        "<section class=\"card\"><p><a href=\"{back}\">{all}</a></p><h1>{heading}</h1>{flash}<p>{summary}</p>{progress}{result}</section>",
        back = escape(&me.tc.href(PAGE)),
        all = escape(&i18n::t(lang, "plan-backtest-all")),
        heading = escape(&title),
        summary = escape(&summary),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        &title,
        &body,
        working.then_some(2),
    )
}
