//! The reason a suggestion gives, and the documents made from it: the English sentence
//! kept for API clients, webhooks and the audit trail, and the same sentences as
//! recorded words (catalogue ids `reason-…` with their figures, one per sentence), so
//! that every reader sees it in their own language ([`crate::recorded::shown`]).
//! Figures with decimals are recorded as numbers ([`Recorded::num`]): written as the
//! English writes them (`20.5`, `0.80`), and the reader's way when shown (`20,5`).

use super::{ForecastLevels, Position};
use crate::forecast::Method;
use crate::recorded::{join, Recorded};
use i18n::Lang;

/// The figures behind a need's reason.
pub(super) struct Figures<'a> {
    pub forecast: Option<&'a ForecastLevels>,
    pub safety_stock: i64,
    pub position: Position,
    /// The inventory position, less what waiting shoppers are owed.
    pub ip: i64,
    pub reorder_point: i64,
    pub target: i64,
    pub uplift: f64,
    pub waiting: i64,
    pub quantity: i64,
    pub case_pack: i64,
}

/// A need's reason: the English, and the same as recorded sentences (the English is
/// read from them, so the two never drift apart).
pub(super) fn need(f: &Figures<'_>) -> (String, Vec<Recorded>) {
    let mut words = Vec::new();
    if let Some(fc) = f.forecast {
        let args = [
            ("lead_days", fc.lead_days.to_string()),
            ("safety", f.safety_stock.to_string()),
            ("cover_days", fc.cover_days.to_string()),
        ];
        let id = match &fc.spread {
            Some(_) => "reason-forecast-spread",
            None => "reason-forecast",
        };
        let mut forecast = Recorded::new(id, &args)
            .num("demand", fc.lead_time_demand, 1)
            .num("sd", fc.lead_time_sd, 1)
            // With the order cycle counted, the level a week (the next sentence gives
            // the level per order the safety stock is for).
            .num("service", fc.level_per_week.unwrap_or(fc.service_level), 1)
            .num("cover", fc.cover_demand, 1)
            .part("method", vec![method(&fc.method)]);
        if let Some(s) = &fc.spread {
            forecast = forecast
                .num("class_level", s.class_level, 1)
                .num("value", s.value_per_day / 100.0, 2)
                .num("class_value", s.class_value_per_day / 100.0, 2);
        }
        words.push(forecast);
        if let (Some(week), Some(cycle)) = (fc.level_per_week, fc.cycle_days) {
            words.push(
                Recorded::new("reason-forecast-cycle", &[])
                    .num("per_week", 7.0 / cycle.max(1.0), 1)
                    .num("service", fc.service_level, 2)
                    .num("week", week, 1),
            );
        }
        if fc.deliveries_offset {
            words.push(Recorded::new("reason-forecast-offset", &[]));
        }
    }
    let mut uplift = Vec::new();
    if f.uplift > 1.0 {
        uplift.push(Recorded::new("reason-uplift", &[]).num("uplift", f.uplift, 2));
    }
    let mut waiting = Vec::new();
    if f.waiting > 0 {
        waiting.push(Recorded::new(
            "reason-waiting",
            &[("units", f.waiting.to_string())],
        ));
    }
    let stock = if f.ip < f.reorder_point {
        "reason-stock-below"
    } else {
        "reason-stock-at"
    };
    words.push(
        Recorded::new(
            stock,
            &[
                ("position", f.ip.to_string()),
                ("on_hand", f.position.on_hand.to_string()),
                ("in_transit", f.position.in_transit.to_string()),
                ("on_order", f.position.on_order.to_string()),
                ("reorder_point", f.reorder_point.to_string()),
                ("target", f.target.to_string()),
                ("quantity", f.quantity.to_string()),
                ("pack", f.case_pack.max(1).to_string()),
            ],
        )
        .part("uplift", uplift)
        .part("waiting", waiting),
    );
    (join(&words, Lang::En), words)
}

/// "Covered by a transfer of `quantity` …", saying when `bought` more are bought.
pub fn covered_by_transfer(quantity: i64, bought: i64) -> Recorded {
    if bought > 0 {
        Recorded::new(
            "reason-transfer-and-buy",
            &[
                ("quantity", quantity.to_string()),
                ("bought", bought.to_string()),
            ],
        )
    } else {
        Recorded::new("reason-transfer", &[("quantity", quantity.to_string())])
    }
}

/// An order line's cover: after a transfer of `transferred`, or all of it bought.
pub fn bought(transferred: i64, bought: i64) -> Recorded {
    if transferred > 0 {
        Recorded::new(
            "reason-bought-rest",
            &[
                ("transferred", transferred.to_string()),
                ("bought", bought.to_string()),
            ],
        )
    } else {
        Recorded::new("reason-bought-all", &[])
    }
}

/// The supplier's measured lead time, used because no policy set one.
pub fn measured_lead_time(days: i64, deliveries: i64) -> Recorded {
    Recorded::new(
        "reason-lead-time-measured",
        &[
            ("days", days.to_string()),
            ("deliveries", deliveries.to_string()),
        ],
    )
}

/// "Confidence `pct` %: …", with the assistant's reason in its words.
pub fn confidence(pct: u8, reason: &Recorded) -> Recorded {
    Recorded::new("reason-confidence", &[("pct", pct.to_string())])
        .part("reason", vec![reason.clone()])
}

/// Text the catalogues have no words for, recorded as written (English).
pub fn as_written(text: &str) -> Recorded {
    Recorded::new("reason-as-written", &[("text", text.to_string())])
}

/// A forecasting method's name.
pub fn method_label(m: Method) -> Recorded {
    let id = match m {
        Method::Croston => "reason-method-croston",
        Method::Sba => "reason-method-sba",
        Method::Tsb => "reason-method-tsb",
        Method::Ets => "reason-method-ets",
        Method::Mstl => "reason-method-mstl",
        Method::Average => "reason-method-average",
    };
    Recorded::new(id, &[])
}

/// A forecast's method as [`crate::forecast::Forecast::describe`] writes it ("ETS · MASE
/// 0.81", "average: no sales in 40 days"); what these words do not know stays as written.
pub fn method(described: &str) -> Recorded {
    let label = |l: &str| Method::ALL.into_iter().find(|m| m.label() == l);
    if let Some((l, mase)) = described.split_once(" · MASE ") {
        if let Some(m) = label(l) {
            return Recorded::new("reason-method-mase", &[])
                .num_written("mase", mase)
                .part("method", vec![method_label(m)]);
        }
    }
    if let Some((l, why)) = described.split_once(": ") {
        if let Some(m) = label(l) {
            return Recorded::new("reason-method-fell-back", &[])
                .part("method", vec![method_label(m)])
                .part("note", vec![note(why)]);
        }
    }
    label(described).map_or_else(|| as_written(described), method_label)
}

/// Why a forecast fell back to the average, as the forecast writes it
/// ([`crate::forecast::Forecast::note`]); what these words do not know stays as written.
pub fn note(note: &str) -> Recorded {
    let whole = |s: &str| s.parse::<i64>().ok().map(|_| s.to_string());
    if let Some(days) = note
        .strip_prefix("no sales in ")
        .and_then(|r| r.strip_suffix(" days"))
        .and_then(whole)
    {
        return Recorded::new("reason-note-no-sales", &[("days", days)]);
    }
    if let Some((days, needed)) = note
        .strip_prefix("only ")
        .and_then(|r| r.strip_suffix("): the average"))
        .and_then(|r| r.split_once(" days of history (a forecast needs "))
    {
        if let (Some(days), Some(needed)) = (whole(days), whole(needed)) {
            return Recorded::new("reason-note-short", &[("days", days), ("needed", needed)]);
        }
    }
    match note {
        "no method could fit this history: the average" => Recorded::new("reason-note-no-fit", &[]),
        "the forecast failed on this history: the average" => {
            Recorded::new("reason-note-failed", &[])
        }
        _ => as_written(note),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::{fallback, forecast, Input};
    use crate::policy::{evaluate, Levels, Policy, Spread, Uplift};
    use crate::recorded::{shown, stored};

    use crate::policy::tests::{rop_policy, NOW};

    fn pos(on_hand: i64) -> Position {
        crate::policy::tests::pos(on_hand, 0, 0)
    }

    fn forecast_policy(spread: Option<Spread>) -> Policy {
        Policy {
            levels: Levels::Forecast(ForecastLevels {
                method: "ETS · MASE 0.80".into(),
                lead_days: 2,
                lead_time_demand: 20.0,
                lead_time_sd: 5.0,
                cover_days: 7,
                cover_demand: 70.0,
                service_level: 95.0,
                spread,
                cycle_days: None,
                level_per_week: None,
                deliveries_offset: false,
            }),
            service_z: 1.645,
            case_pack: 1,
            moq: 0,
            ..rop_policy()
        }
    }

    #[test]
    fn a_reason_reads_in_each_language_and_its_english_words_are_the_stored_english() {
        let promoted = Policy {
            waiting_demand: 3,
            uplifts: vec![Uplift {
                from_ms: 0,
                to_ms: i64::MAX,
                factor: 1.5,
            }],
            ..rop_policy()
        };
        let spread = forecast_policy(Some(Spread {
            class_level: 95.0,
            value_per_day: 1234.0,
            class_value_per_day: 800.0,
        }));
        let mut daily = forecast_policy(None);
        if let Levels::Forecast(f) = &mut daily.levels {
            f.cycle_days = Some(1.4);
            f.service_level = 99.0;
            f.level_per_week = Some(95.0);
            f.deliveries_offset = true;
        }
        let needs = [
            evaluate(&rop_policy(), pos(7), &[], NOW).unwrap(),
            evaluate(&rop_policy(), pos(10), &[], NOW).unwrap(),
            evaluate(&promoted, pos(14), &[], NOW).unwrap(),
            evaluate(&forecast_policy(None), pos(29), &[], NOW).unwrap(),
            evaluate(&spread, pos(3), &[], NOW).unwrap(),
            evaluate(&daily, pos(3), &[], NOW).unwrap(),
        ];
        assert!(
            needs[5].reason.contains(
                "Ordered about 5.0 times a week, so 99.00 % per order keeps 95.0 % a week. \
                 Late and early deliveries of the orders on their way partly offset"
            ),
            "{}",
            needs[5].reason
        );
        assert!(needs[2].reason.contains("×1.50") && needs[2].reason.contains("counting 3 units"));
        assert!(needs[4].reason.contains("spread by value"));
        let read = |i: usize, lang: Lang| {
            let words = stored(&needs[i].words);
            shown(&needs[i].reason, words.as_deref(), lang)
        };
        for i in 0..needs.len() {
            assert!(!read(i, Lang::En).1, "read from its words");
            let (de, english) = read(i, Lang::De);
            assert!(!english);
            assert!(de.contains("Meldebestand"), "{de}");
            let (nl, _) = read(i, Lang::Nl);
            assert!(nl.contains("bestelpunt"), "{nl}");
            for text in [&de, &nl] {
                for word in [
                    "the", "is", "on", "below", "ordering", "units", "with", "by",
                ] {
                    assert!(
                        !text.split(|c: char| !c.is_alphabetic()).any(|w| w == word),
                        "{word} in {text}"
                    );
                }
            }
        }
        assert_eq!(
            needs[0].reason,
            "Stock position 7 (on hand 7, in transit 0, on order 0) is below the reorder \
             point 10; ordering up to 40 (36 units in cases of 6)."
        );
        assert_eq!(
            needs[1].reason,
            "Stock position 10 (on hand 10, in transit 0, on order 0) is at the reorder \
             point 10; ordering up to 40 (30 units in cases of 6)."
        );
        assert!(
            needs[3].reason.starts_with(
                "Forecast (ETS · MASE 0.80): 20.0 units over the 2-day lead time, ± 5.0, so a \
                 safety stock of "
            ),
            "{}",
            needs[3].reason
        );
        assert!(
            needs[4].reason.contains(
                "(the class's 95.0 % spread by value: 12.34 a day at cost \
                 against the class's 8.00)"
            ),
            "{}",
            needs[4].reason
        );
        assert_eq!(
            read(0, Lang::De).0,
            "Disponibler Bestand 7 (am Lager 7, unterwegs 0, bestellt 0) liegt unter dem \
             Meldebestand 10; Auffüllen bis 40 (36 Einheiten in Verpackungseinheiten zu 6)."
        );
        let (de, _) = read(3, Lang::De);
        assert!(
            de.starts_with(
                "Prognose (ETS · MASE 0,80): 20,0 Einheiten in der Lieferzeit von 2 Tagen, ± 5,0,"
            ),
            "{de}"
        );
        assert!(
            read(2, Lang::De).0.contains("×1,50"),
            "decimals the German way"
        );
    }

    #[test]
    fn a_forecast_method_reads_in_each_language_and_as_written_in_english() {
        fn input(history: &[f64]) -> Input<'_> {
            Input {
                history,
                ..Input::default()
            }
        }
        let flat = [0.0; 40];
        let short = [1.0, 3.0, 2.0];
        let noisy: Vec<f64> = (0..90i32).map(|d| f64::from((d * 7) % 11)).collect();
        let described = [
            forecast(&input(&flat), 7).describe(),
            forecast(&input(&short), 7).describe(),
            forecast(&input(&noisy), 7).describe(),
            fallback(
                &input(&short),
                7,
                "the forecast failed on this history: the average".into(),
            )
            .describe(),
        ];
        let english = [
            "the", "only", "no", "could", "average", "sales", "days", "history",
        ];
        for d in &described {
            let words = method(d);
            assert_ne!(words.id, "reason-as-written", "{d}");
            assert_eq!(words.english(), *d);
            let de = words.text(Lang::De);
            let found: Vec<&str> = de
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| english.contains(w))
                .collect();
            assert!(found.is_empty(), "{de}: {found:?}");
        }
        assert_eq!(method("something new").english(), "something new");
    }

    #[test]
    fn a_german_exception_detail_built_from_a_reason_writes_its_decimals_the_german_way() {
        let need = evaluate(&forecast_policy(None), pos(29), &[], NOW).unwrap();
        assert!(need.reason.contains("20.0 units"), "{}", need.reason);
        // As `replenish::evaluate` raises a "no cover" exception: the need's reason, then
        // why nothing covers it (a product's name is a name, even one that looks like a
        // number).
        let mut words = need.words.clone();
        words.push(Recorded::new(
            "exc-no-cover-detail",
            &[("name", "1.5".to_string())],
        ));
        let english = format!(
            "{} No other location can spare 1.5 and it has no supplier to order from.",
            need.reason
        );
        let stored = stored(&words);
        let (de, english_only) = shown(&english, stored.as_deref(), Lang::De);
        assert!(!english_only);
        assert!(
            de.contains("20,0 Einheiten") && !de.contains("20.0"),
            "{de}"
        );
        assert!(de.contains("± 5,0") && de.contains("MASE 0,80"), "{de}");
        assert!(de.contains(" 1.5 "), "the name stays as written: {de}");
        let (nl, _) = shown(&english, stored.as_deref(), Lang::Nl);
        assert!(nl.contains("20,0") && !nl.contains("20.0"), "{nl}");
        assert_eq!(
            shown(&english, stored.as_deref(), Lang::En),
            (english, false)
        );
    }
}
