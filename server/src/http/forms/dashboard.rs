//! The dashboards, served whole by the server with SVG charts ([`super::charts`]):
//! `GET /dashboard` for a tenant's staff (the engine checks `ViewInventory`) and
//! `GET /partner/dashboard` for a partner, every client side by side (the engine checks
//! `ManageClientTenants`).

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use engine::dashboard::{Dashboard, LATENCY_HOURS, MASE_BOUNDS, RECENT_DAYS, TURN_DAYS};

use engine::model::now_ms;
use engine::scorecard::WEEKS;
use engine::store::partners::HEALTH_DAYS;

use super::charts::{bars, days, pct, Bar};
use super::shell::page;
use super::SignedIn;
use crate::http::tenancy::html_escape as escape;
use crate::state::AppState;

const STYLE: &str = "<style>.charts{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr))}.charts .card{margin:0}.chart{margin:0}.headline{font-size:1.4rem;margin:.25rem 0}</style>";

fn card(title: &str, headline: &str, chart: &str) -> String {
    format!(
        "<section class=\"card\"><h2>{}</h2><p class=\"headline\">{}</p>{chart}</section>",
        escape(title),
        escape(headline)
    )
}

fn hours(lang: i18n::Lang, h: f64) -> String {
    if h < 1.0 {
        let minutes: i64 = format!("{:.0}", (h * 60.0).max(0.0)).parse().unwrap_or(0);
        i18n::t_args(lang, "plan-dash-minutes", &[("n", minutes.into())])
    } else {
        i18n::t_args(lang, "plan-dash-hours", &[("n", format!("{h:.1}").into())])
    }
}

/// The tenant's cards, each a headline and a chart.
fn cards(lang: i18n::Lang, d: &Dashboard, currency: &str) -> String {
    let m = |v: i64| i18n::fmt::money(lang, v, currency);
    let tr = |id: &str| i18n::t(lang, id);
    let out = card(
        &tr("plan-dash-stockout-title"),
        &i18n::t_args(
            lang,
            "plan-dash-stockout-headline",
            &[
                ("out", d.positions_out.into()),
                ("positions", d.positions.into()),
                ("lost", m(d.lost_sales_minor).into()),
            ],
        ),
        &days(
            lang,
            "stockouts",
            &tr("plan-dash-stockouts-chart"),
            &i18n::t_args(
                lang,
                "plan-dash-stockouts-caption",
                &[
                    ("total", d.stockouts_by_day.iter().sum::<i64>().into()),
                    ("days", HEALTH_DAYS.into()),
                    (
                        "max",
                        d.stockouts_by_day.iter().max().copied().unwrap_or(0).into(),
                    ),
                ],
            ),
            &d.stockouts_by_day,
        ),
    );
    let with_fill: Vec<Bar> = d
        .suppliers
        .iter()
        .filter_map(|s| s.fill_rate.map(|f| Bar::new(&s.name, f, pct(f))))
        .collect();
    let fill = card(
        &tr("plan-dash-fill-title"),
        &match d.fill_rate {
            Some(f) => i18n::t_args(
                lang,
                "plan-dash-fill-headline",
                &[("share", pct(f).into()), ("weeks", WEEKS.into())],
            ),
            None => tr("plan-dash-fill-none"),
        },
        &bars(
            lang,
            "fill",
            &tr("plan-dash-fill-chart"),
            &tr("plan-dash-fill-caption"),
            &tr("plan-dash-col-supplier"),
            &with_fill,
            &tr("plan-dash-fill-empty"),
        ),
    );
    let by_location: Vec<Bar> = d
        .value_by_location
        .iter()
        .map(|(name, v)| Bar::new(name, *v as f64, m(*v)))
        .collect();
    let value = card(
        &tr("plan-dash-value-title"),
        &match d.turns {
            Some(t) => i18n::t_args(
                lang,
                "plan-dash-value-headline",
                &[
                    ("value", m(d.inventory_minor).into()),
                    ("turns", format!("{t:.1}").into()),
                    ("days", TURN_DAYS.into()),
                ],
            ),
            None => i18n::t_args(
                lang,
                "plan-dash-value-headline-no-turns",
                &[("value", m(d.inventory_minor).into())],
            ),
        },
        &bars(
            lang,
            "value",
            &tr("plan-dash-value-chart"),
            &tr("plan-dash-value-caption"),
            &tr("plan-dash-col-location"),
            &by_location,
            &tr("plan-dash-value-empty"),
        ),
    );
    let bound = |i: usize| format!("{}", MASE_BOUNDS[i]);
    let labels = [
        i18n::t_args(lang, "plan-dash-mase-below", &[("a", bound(0).into())]),
        i18n::t_args(
            lang,
            "plan-dash-mase-range",
            &[("a", bound(0).into()), ("b", bound(1).into())],
        ),
        i18n::t_args(
            lang,
            "plan-dash-mase-range",
            &[("a", bound(1).into()), ("b", bound(2).into())],
        ),
        i18n::t_args(lang, "plan-dash-mase-above", &[("a", bound(2).into())]),
    ];
    let series = |n: i64| i18n::t_args(lang, "plan-dash-series", &[("n", n.into())]);
    let mut error_bars: Vec<Bar> = labels
        .iter()
        .zip(d.forecast_error)
        .map(|(l, n)| Bar::new(l, n as f64, series(n)))
        .collect();
    error_bars.push(Bar::new(
        tr("plan-dash-mase-none"),
        d.forecasts_without_error as f64,
        series(d.forecasts_without_error),
    ));
    let forecasts: i64 = d.forecast_error.iter().sum::<i64>() + d.forecasts_without_error;
    let error = card(
        &tr("plan-dash-error-title"),
        &match d.median_mase {
            Some(mase) => i18n::t_args(
                lang,
                "plan-dash-error-headline",
                &[
                    ("mase", format!("{mase:.2}").into()),
                    ("n", forecasts.into()),
                ],
            ),
            None => tr("plan-dash-error-none"),
        },
        &if forecasts == 0 {
            bars(
                lang,
                "error",
                &tr("plan-dash-error-chart"),
                "",
                "",
                &[],
                &tr("plan-dash-error-empty"),
            )
        } else {
            bars(
                lang,
                "error",
                &tr("plan-dash-error-chart"),
                &tr("plan-dash-error-caption"),
                &tr("plan-dash-col-error"),
                &error_bars,
                "",
            )
        },
    );
    let [day, week, older] = d.exceptions_by_age;
    let ages = card(
        &tr("plan-dash-ages-title"),
        &i18n::t_args(
            lang,
            "plan-dash-ages-headline",
            &[("n", (day + week + older).into())],
        ),
        &bars(
            lang,
            "ages",
            &tr("plan-dash-ages-chart"),
            &tr("plan-dash-ages-caption"),
            &tr("plan-dash-col-raised"),
            &[
                Bar::new(tr("plan-dash-age-day"), day as f64, day.to_string()),
                Bar::new(tr("plan-dash-age-week"), week as f64, week.to_string()),
                Bar::new(tr("plan-dash-age-older"), older as f64, older.to_string()),
            ],
            "",
        ),
    );
    let latency_labels = [
        i18n::t_args(
            lang,
            "plan-dash-latency-under",
            &[("n", LATENCY_HOURS[0].into())],
        ),
        i18n::t_args(
            lang,
            "plan-dash-latency-range",
            &[
                ("a", LATENCY_HOURS[0].into()),
                ("b", LATENCY_HOURS[1].into()),
            ],
        ),
        i18n::t_args(
            lang,
            "plan-dash-latency-range",
            &[
                ("a", LATENCY_HOURS[1].into()),
                ("b", LATENCY_HOURS[2].into()),
            ],
        ),
        i18n::t_args(
            lang,
            "plan-dash-latency-over",
            &[("n", LATENCY_HOURS[2].into())],
        ),
    ];
    let decided: i64 = d.approval_latency.iter().sum();
    let latency = card(
        &tr("plan-dash-latency-title"),
        &match d.median_approval_hours {
            Some(h) => i18n::t_args(
                lang,
                "plan-dash-latency-headline",
                &[
                    ("time", hours(lang, h).into()),
                    ("days", RECENT_DAYS.into()),
                    ("waiting", d.pending_approvals.into()),
                ],
            ),
            None => i18n::t_args(
                lang,
                "plan-dash-latency-headline-none",
                &[
                    ("days", RECENT_DAYS.into()),
                    ("waiting", d.pending_approvals.into()),
                ],
            ),
        },
        &if decided == 0 {
            bars(
                lang,
                "latency",
                &tr("plan-dash-latency-chart"),
                "",
                "",
                &[],
                &tr("plan-dash-latency-empty"),
            )
        } else {
            bars(
                lang,
                "latency",
                &tr("plan-dash-latency-chart"),
                &tr("plan-dash-latency-caption"),
                &tr("plan-dash-col-waited"),
                &latency_labels
                    .iter()
                    .zip(d.approval_latency)
                    .map(|(l, n)| Bar::new(l, n as f64, n.to_string()))
                    .collect::<Vec<_>>(),
                "",
            )
        },
    );
    let on_time: Vec<Bar> = d
        .suppliers
        .iter()
        .filter_map(|s| s.on_time.map(|f| Bar::new(&s.name, f, pct(f))))
        .collect();
    let suppliers = card(
        &tr("plan-dash-suppliers-title"),
        &i18n::t_args(
            lang,
            "plan-dash-suppliers-headline",
            &[
                ("n", (d.suppliers.len() as i64).into()),
                ("weeks", WEEKS.into()),
            ],
        ),
        &bars(
            lang,
            "on-time",
            &tr("plan-dash-on-time-chart"),
            &tr("plan-dash-on-time-caption"),
            &tr("plan-dash-col-supplier"),
            &on_time,
            &tr("plan-dash-on-time-empty"),
        ),
    );
    let conversion = card(
        &tr("plan-dash-alerts-title"),
        &if d.alerts_notified > 0 {
            i18n::t_args(
                lang,
                "plan-dash-alerts-headline",
                &[
                    ("bought", d.alerts_bought.into()),
                    ("alerted", d.alerts_notified.into()),
                    ("days", RECENT_DAYS.into()),
                    (
                        "share",
                        pct(d.alerts_bought as f64 / d.alerts_notified as f64).into(),
                    ),
                ],
            )
        } else {
            i18n::t_args(
                lang,
                "plan-dash-alerts-none",
                &[("days", RECENT_DAYS.into())],
            )
        },
        &bars(
            lang,
            "alerts",
            &tr("plan-dash-alerts-chart"),
            &tr("plan-dash-alerts-caption"),
            &tr("plan-dash-col-shoppers"),
            &[
                Bar::new(
                    tr("plan-dash-alerted"),
                    d.alerts_notified as f64,
                    d.alerts_notified.to_string(),
                ),
                Bar::new(
                    tr("plan-dash-bought"),
                    d.alerts_bought as f64,
                    d.alerts_bought.to_string(),
                ),
            ],
            "",
        ),
    );
    [
        out, fill, value, error, ages, latency, suppliers, conversion,
    ]
    .concat()
}

pub async fn tenant_dashboard(State(app): State<Arc<AppState>>, me: SignedIn) -> Response {
    let lang = me.tc.lang;
    let d = match engine::dashboard::dashboard(&app.store, me.tc.tenant.id, &me.member, now_ms())
        .await
    {
        Ok(d) => d,
        Err(e) => return me.fail("/", &e),
    };
    let title = i18n::t(lang, "plan-dash-heading");
    let body = format!(
        "{STYLE}<section class=\"card\"><p><a href=\"{home}\">{back}</a></p><h1>{heading}</h1><p class=\"muted\">{intro}</p></section><div class=\"charts\">{cards}</div>",
        home = escape(&me.tc.home()),
        back = escape(&i18n::t(lang, "plan-back-to-portal")),
        heading = escape(&title),
        intro = escape(&i18n::t(lang, "plan-dash-intro")),
        cards = cards(lang, &d, &me.tc.tenant.currency),
    );
    page(&app, &me.tc, Some(&me.member), &title, &body, None)
}

pub async fn partner_dashboard(State(app): State<Arc<AppState>>, me: SignedIn) -> Response {
    let lang = me.tc.lang;
    let clients = match engine::partners::client_dashboards(
        &app.store,
        me.tc.tenant.id,
        &me.member,
        now_ms(),
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return me.fail("/", &e),
    };
    let read: Vec<(&str, &str, &Dashboard)> = clients
        .iter()
        .filter_map(|(t, d)| {
            d.as_ref()
                .ok()
                .map(|d| (t.name.as_str(), t.currency.as_str(), d))
        })
        .collect();
    let failed: String = clients
        .iter()
        .filter(|(_, d)| d.is_err())
        .map(|(t, _)| {
            format!(
                "<li>{}</li>",
                escape(&i18n::t_args(
                    lang,
                    "plan-dash-client-failed",
                    &[("client", t.name.as_str().into())]
                ))
            )
        })
        .collect();
    // Money in different currencies has no one scale: then its bars are not drawn to
    // one (the figures, each in its client's currency, still are).
    let one_currency = read.windows(2).all(|w| w[0].1 == w[1].1);
    let tr = |id: &str| i18n::t(lang, id);
    let chart =
        |id: &str, title: &str, caption: &str, f: &dyn Fn(&Dashboard, &str) -> (f64, String)| {
            let rows: Vec<Bar> = read
                .iter()
                .map(|(name, cur, d)| {
                    let (v, text) = f(d, cur);
                    Bar::new(*name, v, text)
                })
                .collect();
            format!(
                "<section class=\"card\">{}</section>",
                bars(
                    lang,
                    id,
                    title,
                    caption,
                    &i18n::t(lang, "plan-dash-col-client"),
                    &rows,
                    &i18n::t(lang, "plan-dash-no-clients"),
                )
            )
        };
    let cards = [
        chart(
            "c-lost",
            &tr("plan-dash-stockout-title"),
            &tr("plan-dash-c-lost-caption"),
            &|d, c| {
                let v = if one_currency {
                    d.lost_sales_minor as f64
                } else {
                    0.0
                };
                (v, i18n::fmt::money(lang, d.lost_sales_minor, c))
            },
        ),
        chart(
            "c-out",
            &tr("plan-dash-c-out-title"),
            &tr("plan-dash-c-out-caption"),
            &|d, _| {
                let s = if d.positions > 0 {
                    d.positions_out as f64 / d.positions as f64
                } else {
                    0.0
                };
                (
                    s,
                    i18n::t_args(
                        lang,
                        "plan-dash-c-out-figure",
                        &[
                            ("share", pct(s).into()),
                            ("out", d.positions_out.into()),
                            ("positions", d.positions.into()),
                        ],
                    ),
                )
            },
        ),
        chart(
            "c-fill",
            &tr("plan-dash-fill-title"),
            &i18n::t_args(lang, "plan-dash-c-fill-caption", &[("weeks", WEEKS.into())]),
            &|d, _| {
                (
                    d.fill_rate.unwrap_or(0.0),
                    d.fill_rate
                        .map(pct)
                        .unwrap_or_else(|| i18n::t(lang, "plan-dash-no-deliveries")),
                )
            },
        ),
        chart(
            "c-value",
            &tr("plan-dash-c-value-title"),
            &tr("plan-dash-c-value-caption"),
            &|d, c| {
                let v = if one_currency {
                    d.inventory_minor as f64
                } else {
                    0.0
                };
                (v, i18n::fmt::money(lang, d.inventory_minor, c))
            },
        ),
        chart(
            "c-turns",
            &tr("plan-dash-c-turns-title"),
            &i18n::t_args(
                lang,
                "plan-dash-c-turns-caption",
                &[("days", TURN_DAYS.into())],
            ),
            &|d, _| {
                (
                    d.turns.unwrap_or(0.0),
                    d.turns
                        .map(|t| {
                            i18n::t_args(
                                lang,
                                "plan-dash-turns-figure",
                                &[("turns", format!("{t:.1}").into())],
                            )
                        })
                        .unwrap_or_else(|| i18n::t(lang, "plan-dash-no-stock")),
                )
            },
        ),
        chart(
            "c-mase",
            &tr("plan-dash-error-title"),
            &tr("plan-dash-c-mase-caption"),
            &|d, _| {
                (
                    d.median_mase.unwrap_or(0.0),
                    d.median_mase
                        .map(|m| format!("{m:.2}"))
                        .unwrap_or_else(|| i18n::t(lang, "plan-dash-none-yet")),
                )
            },
        ),
        chart(
            "c-old",
            &tr("plan-dash-c-old-title"),
            &tr("plan-dash-c-old-caption"),
            &|d, _| {
                (
                    d.exceptions_by_age[2] as f64,
                    d.exceptions_by_age[2].to_string(),
                )
            },
        ),
        chart(
            "c-latency",
            &tr("plan-dash-latency-title"),
            &i18n::t_args(
                lang,
                "plan-dash-c-latency-caption",
                &[("days", RECENT_DAYS.into())],
            ),
            &|d, _| {
                (
                    d.median_approval_hours.unwrap_or(0.0),
                    d.median_approval_hours
                        .map(|h| hours(lang, h))
                        .unwrap_or_else(|| i18n::t(lang, "plan-dash-no-decisions")),
                )
            },
        ),
        chart(
            "c-alerts",
            &tr("plan-dash-alerts-title"),
            &i18n::t_args(
                lang,
                "plan-dash-c-alerts-caption",
                &[("days", RECENT_DAYS.into())],
            ),
            &|d, _| {
                let s = if d.alerts_notified > 0 {
                    d.alerts_bought as f64 / d.alerts_notified as f64
                } else {
                    0.0
                };
                (
                    s,
                    i18n::t_args(
                        lang,
                        "plan-dash-of",
                        &[
                            ("a", d.alerts_bought.into()),
                            ("b", d.alerts_notified.into()),
                        ],
                    ),
                )
            },
        ),
    ]
    .concat();
    let failed = if failed.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"error\" role=\"alert\">{failed}</ul>")
    };
    let title = i18n::t(lang, "plan-dash-compared-heading");
    let body = format!(
        "{STYLE}<section class=\"card\"><p><a href=\"{console}\">{back}</a></p><h1>{heading}</h1><p class=\"muted\">{intro}</p>{failed}</section><div class=\"charts\">{cards}</div>",
        console = escape(&me.tc.href("/partner")),
        back = escape(&i18n::t(lang, "plan-dash-back-console")),
        heading = escape(&title),
        intro = escape(&i18n::t(lang, "plan-dash-compared-intro")),
    );
    page(&app, &me.tc, Some(&me.member), &title, &body, None)
}
