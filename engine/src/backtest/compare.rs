//! Several rules run over one scenario, timed, with the verdict the benchmark asks for:
//! the forecast-driven rule against static min/max and naive adaptive.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::{run, Report, Rule, Scenario};
use crate::approval::Matrix;
use crate::forecast::{self, Input};

/// One rule's report with how fast it ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timed {
    pub report: Report,
    pub seconds: f64,
    /// Simulated days per second.
    pub days_per_second: f64,
}

/// The benchmark's three rules with the baselines at the product's default 95 % and at
/// the class service levels the forecast-driven rule uses.
pub fn benchmark_rules(refit_days: usize) -> Vec<Rule> {
    vec![
        Rule::static_min_max(Some(95.0)),
        Rule::naive_adaptive(Some(95.0)),
        Rule::static_min_max(None),
        Rule::naive_adaptive(None),
        Rule::forecast(refit_days),
    ]
}

/// Runs each rule over `scenario`; `progress` gets (rule index, days done, days).
pub fn compare(
    scenario: &Scenario,
    rules: Vec<Rule>,
    matrix: &Matrix,
    progress: &mut dyn FnMut(usize, usize, usize),
) -> Result<Vec<Timed>, String> {
    let mut out = Vec::with_capacity(rules.len());
    for (i, mut rule) in rules.into_iter().enumerate() {
        let started = Instant::now();
        let report = run(scenario, &mut rule, matrix, &mut |d, n| progress(i, d, n))?;
        let seconds = started.elapsed().as_secs_f64();
        out.push(Timed {
            days_per_second: report.days as f64 / seconds.max(1e-9),
            report,
            seconds,
        });
    }
    Ok(out)
}

/// Series forecast per second on this thread: every series of `scenario` once, with
/// all its history, method chosen as live.
pub fn forecast_throughput(scenario: &Scenario) -> f64 {
    let started = Instant::now();
    for row in &scenario.demand {
        let history: Vec<f64> = row.iter().map(|v| f64::from(*v)).collect();
        let from = history.len().saturating_sub(super::rules::FORECAST_HISTORY);
        std::hint::black_box(forecast::forecast(
            &Input {
                history: &history[from..],
                ..Input::default()
            },
            28,
        ));
    }
    scenario.demand.len() as f64 / started.elapsed().as_secs_f64().max(1e-9)
}

/// Change from `base` to `new` in percent.
pub fn change(base: f64, new: f64) -> f64 {
    if base == 0.0 {
        0.0
    } else {
        (new - base) / base * 100.0
    }
}

/// The benchmark's verdict for one run: the forecast-driven rule must cut stockout
/// days by at least 40 % against static min/max at no more inventory, and beat naive
/// adaptive on both; against the baselines at 95 % for every item.
pub fn verdict(runs: &[Timed]) -> Option<(bool, String)> {
    let find = |prefix: &str| {
        runs.iter()
            .map(|t| &t.report)
            .find(|r| r.rule.starts_with(prefix) && !r.rule.contains("class service"))
    };
    let forecast = runs
        .iter()
        .map(|t| &t.report)
        .find(|r| r.rule.starts_with("forecast"))?;
    let stat = find("static")?;
    let naive = find("naive")?;
    let s_days = change(stat.stockout_days as f64, forecast.stockout_days as f64);
    let s_value = change(
        stat.avg_inventory_value_minor as f64,
        forecast.avg_inventory_value_minor as f64,
    );
    let n_days = change(naive.stockout_days as f64, forecast.stockout_days as f64);
    let n_value = change(
        naive.avg_inventory_value_minor as f64,
        forecast.avg_inventory_value_minor as f64,
    );
    let pass = s_days <= -40.0 && s_value <= 0.0 && n_days < 0.0 && n_value < 0.0;
    Some((
        pass,
        format!(
            "forecast-driven against static min/max: stockout days {s_days:+.1} %, inventory value {s_value:+.1} %; \
             against naive adaptive: stockout days {n_days:+.1} %, inventory value {n_value:+.1} % — {}",
            if pass { "meets the target" } else { "misses the target" }
        ),
    ))
}
