//! Charts for the pages the server renders whole: plain SVG, no script, drawn in the
//! theme's primary colour and scaled to the width of the screen. Each chart is an image
//! with a title and a description a screen reader announces, a caption that says what
//! it shows in words, and the figures themselves in a table behind a disclosure.

use crate::http::tenancy::html_escape as escape;

/// One bar: its label, its length, and the figure as it should read.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

impl Bar {
    pub fn new(label: impl Into<String>, value: f64, text: impl Into<String>) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: text.into(),
        }
    }
}

const WIDTH: f64 = 320.0;
const ROW: usize = 34;

fn figures_table(lang: i18n::Lang, head: &str, rows: &[(String, String)]) -> String {
    let body: String = rows
        .iter()
        .map(|(l, v)| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape(l),
                escape(v)
            )
        })
        .collect();
    format!(
        "<details><summary>{}</summary><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{body}</tbody></table></details>",
        escape(&i18n::t(lang, "plan-chart-figures")),
        escape(head),
        escape(&i18n::t(lang, "plan-chart-figure"))
    )
}

/// A horizontal bar chart, one bar a row with its label and figure above it (so it
/// reads on a phone). `empty` is said instead when there is nothing to draw.
pub fn bars(
    lang: i18n::Lang,
    id: &str,
    title: &str,
    caption: &str,
    head: &str,
    bars: &[Bar],
    empty: &str,
) -> String {
    if bars.is_empty() {
        return format!(
            "<figure class=\"chart\"><figcaption><strong>{}</strong></figcaption><p class=\"empty\">{}</p></figure>",
            escape(title),
            escape(empty)
        );
    }
    let max = bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let height = bars.len() * ROW;
    let rows: String = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i * ROW;
            let v = if b.value.is_finite() { b.value.max(0.0) } else { 0.0 };
            let w = if max > 0.0 { (v / max * WIDTH).max(2.0) } else { 2.0 };
            format!(
                "<text x=\"0\" y=\"{}\" font-size=\"12\" fill=\"currentColor\">{}: {}</text><rect x=\"0\" y=\"{}\" width=\"{w:.1}\" height=\"12\" rx=\"2\" style=\"fill:var(--primary)\"/>",
                y + 12,
                escape(&b.label),
                escape(&b.text),
                y + 17,
            )
        })
        .collect();
    let table: Vec<(String, String)> = bars
        .iter()
        .map(|b| (b.label.clone(), b.text.clone()))
        .collect();
    format!(
        "<figure class=\"chart\"><svg viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" style=\"max-width:28rem;height:auto\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{caption}</desc>{rows}</svg><figcaption><strong>{title}</strong> {caption}</figcaption>{table}</figure>",
        title = escape(title),
        caption = escape(caption),
        table = figures_table(lang, head, &table),
    )
}

/// A column chart of a daily series, oldest first, ending today.
pub fn days(lang: i18n::Lang, id: &str, title: &str, caption: &str, values: &[i64]) -> String {
    let n = values.len().max(1);
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let cols: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let h = (*v.max(&0) as f64 / max as f64 * 60.0).max(if *v > 0 { 2.0 } else { 0.5 });
            format!(
                "<rect x=\"{}\" y=\"{:.1}\" width=\"8\" height=\"{h:.1}\" style=\"fill:var(--primary)\"/>",
                i * 10,
                60.0 - h
            )
        })
        .collect();
    let table: Vec<(String, String)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let ago = values.len() - 1 - i;
            let day = match ago {
                0 => i18n::t(lang, "plan-chart-today"),
                1 => i18n::t(lang, "plan-chart-yesterday"),
                d => i18n::t_args(lang, "plan-chart-days-ago", &[("n", (d as i64).into())]),
            };
            (day, v.to_string())
        })
        .collect();
    format!(
        "<figure class=\"chart\"><svg viewBox=\"0 0 {w} 76\" width=\"100%\" style=\"max-width:28rem;height:auto\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{caption}</desc>{cols}<text x=\"0\" y=\"74\" font-size=\"10\" fill=\"currentColor\">{ago}</text><text x=\"{w}\" y=\"74\" font-size=\"10\" text-anchor=\"end\" fill=\"currentColor\">{today}</text></svg><figcaption><strong>{title}</strong> {caption}</figcaption>{table}</figure>",
        w = n * 10,
        ago = escape(&i18n::t_args(
            lang,
            "plan-chart-days-ago",
            &[("n", ((n - 1) as i64).into())]
        )),
        today = escape(&i18n::t(lang, "plan-chart-today")),
        title = escape(title),
        caption = escape(caption),
        table = figures_table(lang, &i18n::t(lang, "plan-chart-day"), &table),
    )
}

/// A share as a whole per cent ("87 %").
pub fn pct(share: f64) -> String {
    if share.is_finite() {
        format!("{:.0} %", (share * 100.0).clamp(0.0, 100.0))
    } else {
        "—".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_names_itself_and_keeps_its_figures_in_a_table() {
        let svg = bars(
            i18n::Lang::En,
            "v",
            "Stock <value>",
            "By location.",
            "Location",
            &[
                Bar::new("DC", 100.0, "EUR 1.00"),
                Bar::new("S1", 0.0, "EUR 0.00"),
            ],
            "none",
        );
        assert!(svg.contains("role=\"img\" aria-labelledby=\"v-t v-d\""));
        assert!(svg.contains("<title id=\"v-t\">Stock &lt;value&gt;</title>"));
        assert!(svg.contains("<th scope=\"row\">DC</th><td>EUR 1.00</td>"));
        assert!(
            svg.contains("width=\"320.0\""),
            "the largest fills the width"
        );
        assert!(svg.contains("width=\"2.0\""), "a zero still shows");
        assert!(
            bars(i18n::Lang::En, "e", "T", "c", "h", &[], "Nothing yet.").contains("Nothing yet.")
        );
        let d = days(i18n::Lang::En, "d", "Stockouts", "Per day.", &[0, 3, 1]);
        assert!(d.contains("<th scope=\"row\">2 days ago</th><td>0</td>"));
        assert!(d.contains("<th scope=\"row\">today</th><td>1</td>"));
        assert_eq!(pct(0.874), "87 %");
        assert_eq!(pct(f64::NAN), "—");
    }
}
