//! The dashboards, served whole by the server with SVG charts ([`super::charts`]):
//! `GET /dashboard` for a tenant's staff (the engine checks `ViewInventory`) and
//! `GET /partner/dashboard` for a partner, every client side by side (the engine checks
//! `ManageClientTenants`).

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use engine::dashboard::{Dashboard, LATENCY_HOURS, MASE_BOUNDS, RECENT_DAYS, TURN_DAYS};
use engine::mail::money;
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

fn hours(h: f64) -> String {
    if h < 1.0 {
        format!("{:.0} minutes", (h * 60.0).max(0.0))
    } else {
        format!("{h:.1} hours")
    }
}

/// The tenant's cards, each a headline and a chart.
fn cards(d: &Dashboard, currency: &str) -> String {
    let m = |v: i64| money(v, currency);
    let out = card(
        "Stockout exposure",
        &format!(
            "{} of {} positions out of stock; {} expected lost sales on open exceptions.",
            d.positions_out,
            d.positions,
            m(d.lost_sales_minor)
        ),
        &days(
            "stockouts",
            "Stockouts raised per day",
            &format!(
                "{} in the last {HEALTH_DAYS} days, at most {} in a day.",
                d.stockouts_by_day.iter().sum::<i64>(),
                d.stockouts_by_day.iter().max().copied().unwrap_or(0)
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
        "Fill rate",
        &match d.fill_rate {
            Some(f) => format!(
                "{} of the units ordered arrived in good order (delivered orders, {WEEKS} weeks).",
                pct(f)
            ),
            None => "No delivered orders yet.".into(),
        },
        &bars(
            "fill",
            "Fill rate by supplier",
            "Units received in good order over units ordered.",
            "Supplier",
            &with_fill,
            "It shows once suppliers deliver against ship notices.",
        ),
    );
    let by_location: Vec<Bar> = d
        .value_by_location
        .iter()
        .map(|(name, v)| Bar::new(name, *v as f64, m(*v)))
        .collect();
    let value = card(
        "Inventory value and turns",
        &format!(
            "{} in stock at cost; {}.",
            m(d.inventory_minor),
            match d.turns {
                Some(t) => format!("{t:.1} turns a year at the last {TURN_DAYS} days' pace"),
                None => "no turns without stock".into(),
            }
        ),
        &bars(
            "value",
            "Stock value by location",
            "At cost, units on hand.",
            "Location",
            &by_location,
            "No locations yet.",
        ),
    );
    let labels = [
        format!("below {}", MASE_BOUNDS[0]),
        format!("{} to {}", MASE_BOUNDS[0], MASE_BOUNDS[1]),
        format!("{} to {}", MASE_BOUNDS[1], MASE_BOUNDS[2]),
        format!("{} and above", MASE_BOUNDS[2]),
    ];
    let mut error_bars: Vec<Bar> = labels
        .iter()
        .zip(d.forecast_error)
        .map(|(l, n)| Bar::new(format!("MASE {l}"), n as f64, format!("{n} series")))
        .collect();
    error_bars.push(Bar::new(
        "fell back or never varies",
        d.forecasts_without_error as f64,
        format!("{} series", d.forecasts_without_error),
    ));
    let forecasts: i64 = d.forecast_error.iter().sum::<i64>() + d.forecasts_without_error;
    let error = card(
        "Forecast error",
        &match d.median_mase {
            Some(mase) => format!(
                "Median MASE {mase:.2} over {forecasts} forecasts (below 1 beats yesterday's sales)."
            ),
            None => "No forecast has a measured error yet.".into(),
        },
        &if forecasts == 0 {
            bars("error", "Forecasts by error", "", "", &[], "Forecasts appear once sales arrive.")
        } else {
            bars(
                "error",
                "Forecasts by error",
                "Series by their mean absolute scaled error out of sample.",
                "Error",
                &error_bars,
                "",
            )
        },
    );
    let [day, week, older] = d.exceptions_by_age;
    let ages = card(
        "Exceptions by age",
        &format!("{} open.", day + week + older),
        &bars(
            "ages",
            "Open exceptions by age",
            "When they were raised.",
            "Raised",
            &[
                Bar::new("in the last day", day as f64, day.to_string()),
                Bar::new("one to seven days ago", week as f64, week.to_string()),
                Bar::new("more than a week ago", older as f64, older.to_string()),
            ],
            "",
        ),
    );
    let latency_labels = [
        format!("under {} hour", LATENCY_HOURS[0]),
        format!("{} to {} hours", LATENCY_HOURS[0], LATENCY_HOURS[1]),
        format!("{} to {} hours", LATENCY_HOURS[1], LATENCY_HOURS[2]),
        format!("over {} hours", LATENCY_HOURS[2]),
    ];
    let decided: i64 = d.approval_latency.iter().sum();
    let latency = card(
        "Approval latency",
        &format!(
            "{}; {} waiting now.",
            match d.median_approval_hours {
                Some(h) => format!(
                    "Median {} to a person's decision, last {RECENT_DAYS} days",
                    hours(h)
                ),
                None => format!("No decisions in the last {RECENT_DAYS} days"),
            },
            d.pending_approvals
        ),
        &if decided == 0 {
            bars(
                "latency",
                "Decisions by time waited",
                "",
                "",
                &[],
                "Nothing decided lately.",
            )
        } else {
            bars(
                "latency",
                "Decisions by time waited",
                "From the request for approval to each decision.",
                "Waited",
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
        "Supplier performance",
        &format!(
            "{} suppliers with orders in {WEEKS} weeks.",
            d.suppliers.len()
        ),
        &bars(
            "on-time",
            "Orders acknowledged on time",
            "Share of orders whose answer was due.",
            "Supplier",
            &on_time,
            "It shows once orders are sent and answered.",
        ),
    );
    let conversion = card(
        "Back-in-stock conversion",
        &if d.alerts_notified > 0 {
            format!(
                "{} of {} shoppers alerted in the last {RECENT_DAYS} days bought ({}).",
                d.alerts_bought,
                d.alerts_notified,
                pct(d.alerts_bought as f64 / d.alerts_notified as f64)
            )
        } else {
            format!("No shopper was alerted in the last {RECENT_DAYS} days.")
        },
        &bars(
            "alerts",
            "Alerts and purchases",
            "Shoppers alerted, and those who bought after the alert.",
            "Shoppers",
            &[
                Bar::new(
                    "alerted",
                    d.alerts_notified as f64,
                    d.alerts_notified.to_string(),
                ),
                Bar::new(
                    "bought",
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
    let d = match engine::dashboard::dashboard(&app.store, me.tc.tenant.id, &me.member, now_ms())
        .await
    {
        Ok(d) => d,
        Err(e) => return me.fail("/", &e),
    };
    let body = format!(
        "{STYLE}<section class=\"card\"><p><a href=\"{home}\">Back to the portal</a></p><h1>Dashboard</h1><p class=\"muted\">How stock, forecasts, approvals, suppliers and shoppers are doing, as of now. Each chart's figures are in a table under it.</p></section><div class=\"charts\">{cards}</div>",
        home = escape(&me.tc.home()),
        cards = cards(&d, &me.tc.tenant.currency),
    );
    page(&app, &me.tc, Some(&me.member), "Dashboard", &body, None)
}

pub async fn partner_dashboard(State(app): State<Arc<AppState>>, me: SignedIn) -> Response {
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
                "<li>{}: its figures could not be read just now.</li>",
                escape(&t.name)
            )
        })
        .collect();
    // Money in different currencies has no one scale: then its bars are not drawn to
    // one (the figures, each in its client's currency, still are).
    let one_currency = read.windows(2).all(|w| w[0].1 == w[1].1);
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
                bars(id, title, caption, "Client", &rows, "No clients yet.")
            )
        };
    let cards = [
        chart(
            "c-lost",
            "Stockout exposure",
            "Expected lost sales on open stock exceptions.",
            &|d, c| {
                let v = if one_currency {
                    d.lost_sales_minor as f64
                } else {
                    0.0
                };
                (v, money(d.lost_sales_minor, c))
            },
        ),
        chart(
            "c-out",
            "Positions out of stock",
            "Share of stock positions with nothing on hand.",
            &|d, _| {
                let s = if d.positions > 0 {
                    d.positions_out as f64 / d.positions as f64
                } else {
                    0.0
                };
                (
                    s,
                    format!("{} ({} of {})", pct(s), d.positions_out, d.positions),
                )
            },
        ),
        chart(
            "c-fill",
            "Fill rate",
            &format!("Units received in good order over units ordered, {WEEKS} weeks."),
            &|d, _| {
                (
                    d.fill_rate.unwrap_or(0.0),
                    d.fill_rate
                        .map(pct)
                        .unwrap_or_else(|| "no deliveries".into()),
                )
            },
        ),
        chart(
            "c-value",
            "Inventory value",
            "Stock on hand at cost.",
            &|d, c| {
                let v = if one_currency {
                    d.inventory_minor as f64
                } else {
                    0.0
                };
                (v, money(d.inventory_minor, c))
            },
        ),
        chart(
            "c-turns",
            "Turns",
            &format!(
                "Cost of sales over a year at the last {TURN_DAYS} days' pace, over stock value."
            ),
            &|d, _| {
                (
                    d.turns.unwrap_or(0.0),
                    d.turns
                        .map(|t| format!("{t:.1} a year"))
                        .unwrap_or_else(|| "no stock".into()),
                )
            },
        ),
        chart(
            "c-mase",
            "Forecast error",
            "Median MASE of the forecasts (lower is better).",
            &|d, _| {
                (
                    d.median_mase.unwrap_or(0.0),
                    d.median_mase
                        .map(|m| format!("{m:.2}"))
                        .unwrap_or_else(|| "none yet".into()),
                )
            },
        ),
        chart(
            "c-old",
            "Exceptions older than a week",
            "Open exceptions raised more than seven days ago.",
            &|d, _| {
                (
                    d.exceptions_by_age[2] as f64,
                    d.exceptions_by_age[2].to_string(),
                )
            },
        ),
        chart(
            "c-latency",
            "Approval latency",
            &format!(
                "Median time from the request to a person's decision, last {RECENT_DAYS} days."
            ),
            &|d, _| {
                (
                    d.median_approval_hours.unwrap_or(0.0),
                    d.median_approval_hours
                        .map(hours)
                        .unwrap_or_else(|| "no decisions".into()),
                )
            },
        ),
        chart(
            "c-alerts",
            "Back-in-stock conversion",
            &format!("Shoppers who bought after an alert, last {RECENT_DAYS} days."),
            &|d, _| {
                let s = if d.alerts_notified > 0 {
                    d.alerts_bought as f64 / d.alerts_notified as f64
                } else {
                    0.0
                };
                (s, format!("{} of {}", d.alerts_bought, d.alerts_notified))
            },
        ),
    ]
    .concat();
    let failed = if failed.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"error\" role=\"alert\">{failed}</ul>")
    };
    let body = format!(
        "{STYLE}<section class=\"card\"><p><a href=\"{console}\">Back to the console</a></p><h1>Clients compared</h1><p class=\"muted\">Each client's figures side by side, as of now. Open a client's own dashboard from its portal for the detail.</p>{failed}</section><div class=\"charts\">{cards}</div>",
        console = escape(&me.tc.href("/partner")),
    );
    page(
        &app,
        &me.tc,
        Some(&me.member),
        "Clients compared",
        &body,
        None,
    )
}
