//! Numbers, money, dates and times as a reader of each language expects them:
//! `1,234.5` and `2 Dec 2026` in English, `1.234,5` and `2. Dez. 2026` in German,
//! `1.234,5` and `2 dec 2026` in Dutch; durations and moments relative to now in words
//! from the catalogues ("5 min ago", "vor 5 Min.", "5 min geleden"). Pure: the caller
//! has already turned an instant into the tenant's local date and time.

use crate::{t, t_args, Lang};

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::De | Lang::Nl => ('.', ','),
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands grouped: `50,000` / `50.000`.
pub fn count(lang: Lang, n: i64) -> String {
    let grouped = group(&n.unsigned_abs().to_string(), separators(lang).0);
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A number with `places` decimals (at most 6), grouped: `1,234.5` / `1.234,5`.
/// Not-a-number and infinities read as `–`.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let places = places.min(6);
    let text = format!("{:.*}", places, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (thousands, point) = separators(lang);
    let mut out = group(int, thousands);
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    // "-0.0" reads as "0.0".
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// An amount in minor units (cents) with its ISO currency code:
/// `EUR 1,234.50` / `1.234,50 EUR` / `EUR 1.234,50`.
pub fn money(lang: Lang, minor: i64, currency: &str) -> String {
    let (thousands, point) = separators(lang);
    let major = group(&(minor.unsigned_abs() / 100).to_string(), thousands);
    let sign = if minor < 0 { "-" } else { "" };
    let cents = minor.unsigned_abs() % 100;
    match lang {
        Lang::De => format!("{sign}{major}{point}{cents:02} {currency}"),
        Lang::En | Lang::Nl => format!("{currency} {sign}{major}{point}{cents:02}"),
    }
}

/// The catalogue id of a month's short name (`fmt-month-1` … `fmt-month-12`); `None`
/// outside 1–12.
pub fn month_id(month: u8) -> Option<&'static str> {
    const MONTHS: [&str; 12] = [
        "fmt-month-1",
        "fmt-month-2",
        "fmt-month-3",
        "fmt-month-4",
        "fmt-month-5",
        "fmt-month-6",
        "fmt-month-7",
        "fmt-month-8",
        "fmt-month-9",
        "fmt-month-10",
        "fmt-month-11",
        "fmt-month-12",
    ];
    MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

/// A calendar date: `2 Dec 2026` / `2. Dez. 2026` / `2 dec 2026`. A month outside
/// 1–12 is shown as its number.
pub fn date(lang: Lang, year: i32, month: u8, day: u8) -> String {
    let name = match month_id(month) {
        Some(id) => t(lang, id),
        None => month.to_string(),
    };
    // The layout is the catalogue's (`fmt-date`), so that a day the engine records as
    // text to be read later reads exactly as one shown now.
    t_args(
        lang,
        "fmt-date",
        &[
            ("day", day.to_string().into()),
            ("month", name.into()),
            ("year", year.to_string().into()),
        ],
    )
}

/// A date and a 24-hour time with the zone's abbreviation:
/// `2 Dec 2026, 14:05 CET` / `2. Dez. 2026, 14:05 CET` / `2 dec 2026 14:05 CET`.
pub fn date_time(
    lang: Lang,
    (year, month, day): (i32, u8, u8),
    (hour, minute): (u8, u8),
    zone: &str,
) -> String {
    let d = date(lang, year, month, day);
    let sep = if lang == Lang::Nl { " " } else { ", " };
    if zone.is_empty() {
        format!("{d}{sep}{hour:02}:{minute:02}")
    } else {
        format!("{d}{sep}{hour:02}:{minute:02} {zone}")
    }
}

/// A duration in words: "under a minute", "5 min", "3 h", "2 d".
pub fn span(lang: Lang, ms: i64) -> String {
    match ms.max(0) / 60_000 {
        0 => t(lang, "fmt-under-a-minute"),
        m if m < 60 => t_args(lang, "fmt-minutes", &[("n", m.into())]),
        m if m < 48 * 60 => t_args(lang, "fmt-hours", &[("n", (m / 60).into())]),
        m => t_args(lang, "fmt-days", &[("n", (m / (24 * 60)).into())]),
    }
}

/// A moment `delta` ms from now: "just now" within a minute either way, else
/// "in 3 h" ahead or "5 min ago" behind.
pub fn relative(lang: Lang, delta: i64) -> String {
    if delta.unsigned_abs() < 60_000 {
        t(lang, "fmt-just-now")
    } else if delta > 0 {
        t_args(lang, "fmt-in", &[("span", span(lang, delta).into())])
    } else {
        t_args(
            lang,
            "fmt-ago",
            &[("span", span(lang, delta.saturating_neg()).into())],
        )
    }
}

/// A number someone typed, as (negative, whole digits, decimal digits), in either
/// convention: `1,234.5` and `1.234,5` alike. With both marks, the last is the decimal
/// point; a mark used twice groups thousands; a single mark with 1, 2 or 4+ digits
/// after it is the decimal point; with exactly 3 after it (`1.500`, `0,125`) it
/// groups when `three_groups`, else the reader's language decides (`lang`'s decimal
/// mark). `None` for anything else.
fn split_number(lang: Lang, text: &str, three_groups: bool) -> Option<(bool, String, String)> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, t),
    };
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let commas = t.matches(',').count();
    let points = t.matches('.').count();
    let decimal = match (commas, points) {
        (0, 0) => None,
        (c, p) if c > 0 && p > 0 => {
            let last = if t.rfind(',') > t.rfind('.') {
                ','
            } else {
                '.'
            };
            if t.matches(last).count() > 1 {
                return None;
            }
            Some(last)
        }
        (c, _) if c > 1 => None,
        (_, p) if p > 1 => None,
        _ => {
            let mark = if commas == 1 { ',' } else { '.' };
            let after = t.len() - t.find(mark)? - 1;
            let groups = if after == 3 {
                three_groups || mark != separators(lang).1
            } else {
                false
            };
            (!groups).then_some(mark)
        }
    };
    let (whole, frac) = match decimal {
        Some(mark) => {
            let (w, f) = t.rsplit_once(mark)?;
            (w.replace([',', '.'], ""), f.to_string())
        }
        None => (t.replace([',', '.'], ""), String::new()),
    };
    if whole.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((negative, whole, frac))
}

/// A decimal number someone typed (`99,5` or `99.5`; see [`split_number`]).
pub fn parse_decimal(lang: Lang, text: &str) -> Option<f64> {
    let (negative, whole, frac) = split_number(lang, text, false)?;
    let x: f64 = format!("{whole}.{}", if frac.is_empty() { "0" } else { &frac })
        .parse()
        .ok()?;
    x.is_finite().then_some(if negative { -x } else { x })
}

/// An amount someone typed in currency units (`1500`, `1,500.50`, `1.500,50`,
/// `12,5`) as minor units; at most two decimals, never negative, `None` on overflow.
pub fn parse_money(text: &str) -> Option<i64> {
    let (negative, whole, frac) = split_number(Lang::En, text, true)?;
    if negative || frac.len() > 2 {
        return None;
    }
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_and_point_by_language() {
        assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count(Lang::De, -1_234_567), "-1.234.567");
        assert_eq!(count(Lang::Nl, 999), "999");
        assert_eq!(count(Lang::En, i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(decimal(Lang::En, 1234.56, 1), "1,234.6");
        assert_eq!(decimal(Lang::De, 1234.56, 2), "1.234,56");
        assert_eq!(decimal(Lang::Nl, -0.04, 1), "0,0");
        assert_eq!(decimal(Lang::Nl, -2.5, 1), "-2,5");
        assert_eq!(decimal(Lang::En, f64::NAN, 1), "–");
    }

    #[test]
    fn money_keeps_its_code_and_the_reader_s_separators() {
        assert_eq!(money(Lang::En, 123_456, "EUR"), "EUR 1,234.56");
        assert_eq!(money(Lang::De, 123_456, "EUR"), "1.234,56 EUR");
        assert_eq!(money(Lang::Nl, -5, "EUR"), "EUR -0,05");
        assert_eq!(
            money(Lang::En, i64::MIN, "EUR"),
            "EUR -92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn numbers_people_type_are_read_in_either_convention() {
        assert_eq!(parse_money("1500"), Some(150_000));
        assert_eq!(parse_money("1,500.5"), Some(150_050));
        assert_eq!(parse_money("1.500,5"), Some(150_050));
        assert_eq!(parse_money("2500,50"), Some(250_050));
        assert_eq!(parse_money(" 12.50 "), Some(1_250));
        assert_eq!(parse_money("1.234"), Some(123_400));
        assert_eq!(parse_money("1.234.567,89"), Some(123_456_789));
        for bad in [
            "",
            "-5",
            "ten",
            "1.x",
            ".5",
            "1,2,3.4.5",
            "1.234,567",
            "99999999999999999999",
        ] {
            assert_eq!(parse_money(bad), None, "{bad:?}");
        }
        assert_eq!(parse_decimal(Lang::De, "99,9"), Some(99.9));
        assert_eq!(parse_decimal(Lang::En, "99.9"), Some(99.9));
        assert_eq!(parse_decimal(Lang::De, "99.9"), Some(99.9));
        assert_eq!(parse_decimal(Lang::De, "0,125"), Some(0.125));
        assert_eq!(parse_decimal(Lang::En, "0,125"), Some(125.0));
        assert_eq!(parse_decimal(Lang::Nl, "-1,25"), Some(-1.25));
        assert_eq!(parse_decimal(Lang::En, "1e9"), None);
        assert_eq!(parse_decimal(Lang::En, "NaN"), None);
    }

    #[test]
    fn dates_and_moments_read_in_each_language() {
        assert_eq!(date(Lang::En, 2026, 12, 2), "2 Dec 2026");
        assert_eq!(date(Lang::De, 2026, 3, 2), "2. März 2026");
        assert_eq!(date(Lang::Nl, 2026, 5, 17), "17 mei 2026");
        assert_eq!(date(Lang::En, 2026, 13, 1), "1 13 2026");
        assert_eq!(
            date_time(Lang::De, (2026, 12, 2), (9, 5), "CET"),
            "2. Dez. 2026, 09:05 CET"
        );
        assert_eq!(
            date_time(Lang::Nl, (2026, 12, 2), (14, 5), ""),
            "2 dec 2026 14:05"
        );
        assert_eq!(relative(Lang::En, 0), "just now");
        assert_eq!(relative(Lang::En, -5 * 60_000), "5 min ago");
        assert_eq!(relative(Lang::En, 3 * 3_600_000 + 1), "in 3 h");
        assert_eq!(relative(Lang::De, -5 * 60_000), "vor 5 Min.");
        assert_eq!(relative(Lang::Nl, 3 * 3_600_000), "over 3 uur");
        assert_eq!(relative(Lang::Nl, -2 * 86_400_000), "2 d geleden");
        assert_eq!(span(Lang::De, 30_000), "unter einer Minute");
        assert_eq!(
            relative(Lang::En, i64::MIN),
            format!("{} ago", span(Lang::En, i64::MAX))
        );
    }
}
