//! The assistant's bounded autonomy, pure: how sure it is of a proposal
//! ([`confidence`]) and whether the tenant's hard limits let it approve one on its own
//! ([`judge`]). The engine drafts every transfer and order line itself; the assistant
//! only decides who approves a proposal the approval matrix would send to a person.
//! Inside the limits (mode [`Mode::Act`]) it approves it; otherwise the matrix's steps
//! run as before. In [`Mode::Shadow`] it records what it would have done and changes
//! nothing. `replenish::assistant` applies this; `store::assistant` keeps the limits and
//! the decisions.
//!
//! The limits are allow-lists: with no class or supplier listed it approves nothing, and
//! stored limits that no longer read mean [`Mode::Off`].

use serde::{Deserialize, Serialize};

use crate::error::Msg;
use crate::forecast::Forecast;
use crate::limits::MAX_MONEY_MINOR;
use crate::policy::reason;
use crate::recorded::Recorded;

/// Classes and suppliers a tenant may list at most.
pub const MAX_LISTED: usize = 200;
/// Days of history from which a forecast's error counts in full.
pub const FULL_HISTORY_DAYS: usize = 56;

/// What the assistant does with the proposals the matrix would send to a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Nothing: the matrix alone decides.
    #[default]
    Off,
    /// Records what it would have done next to what people do; changes nothing.
    Shadow,
    /// Approves on its own inside the limits; the rest goes to people.
    Act,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Off, Mode::Shadow, Mode::Act];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Off => "off",
            Mode::Shadow => "shadow",
            Mode::Act => "act",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Off => "Off: people approve as the matrix says",
            Mode::Shadow => "Shadow: record what it would do, change nothing",
            Mode::Act => "Act: approve on its own inside the limits",
        }
    }
}

/// The tenant's hard limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    pub mode: Mode,
    /// Most one document it approves may be worth (minor units).
    pub max_document_minor: i64,
    /// Most the documents it approves in one day (UTC) may be worth together.
    pub max_daily_minor: i64,
    /// Least confidence, in per cent, for it to act.
    pub min_confidence_pct: u8,
    /// Product classes it may approve; every line of a document must be of one.
    pub classes: Vec<String>,
    /// Suppliers (ids) whose orders it may approve. Transfers name none.
    pub suppliers: Vec<i64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            mode: Mode::Off,
            max_document_minor: 0,
            max_daily_minor: 0,
            min_confidence_pct: 80,
            classes: Vec::new(),
            suppliers: Vec::new(),
        }
    }
}

/// A limit that cannot be kept, naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub message: Msg,
}

impl Limits {
    /// The stored limits; anything that no longer reads means the defaults (off).
    pub fn from_stored(json: Option<&str>) -> Limits {
        json.and_then(|s| serde_json::from_str::<Limits>(s).ok())
            .filter(|l| l.validate().is_ok())
            .unwrap_or_default()
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        let bad = |field, id: &'static str, args: &[(&'static str, String)]| {
            Err(Invalid {
                field,
                message: Msg::new(id, args),
            })
        };
        if !(0..=MAX_MONEY_MINOR).contains(&self.max_document_minor) {
            return bad("max_document", "err-assistant-max-document", &[]);
        }
        if !(0..=MAX_MONEY_MINOR).contains(&self.max_daily_minor) {
            return bad("max_daily", "err-assistant-max-daily", &[]);
        }
        if self.max_document_minor > self.max_daily_minor {
            return bad("max_daily", "err-assistant-daily-below-document", &[]);
        }
        if self.min_confidence_pct > 100 {
            return bad("min_confidence", "err-assistant-confidence", &[]);
        }
        if self.classes.len() > MAX_LISTED || self.suppliers.len() > MAX_LISTED {
            return bad(
                "classes",
                "err-assistant-too-many-listed",
                &[("most", MAX_LISTED.to_string())],
            );
        }
        if let Some(c) = self
            .classes
            .iter()
            .find(|c| c.trim().is_empty() || c.len() > 64 || c.trim() != c.as_str())
        {
            return bad(
                "classes",
                "err-assistant-class-name",
                &[("class", c.clone())],
            );
        }
        if self.suppliers.iter().any(|s| *s <= 0) {
            return bad("suppliers", "err-assistant-supplier", &[]);
        }
        Ok(())
    }
}

/// A proposal as the limits see it.
#[derive(Clone, Debug)]
pub struct Proposal<'a> {
    pub value_minor: i64,
    /// The classes of its lines (one for a transfer).
    pub classes: &'a [String],
    /// The supplier of an order; `None` for a transfer.
    pub supplier_id: Option<i64>,
    pub confidence_pct: u8,
}

/// What the assistant decides about a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Inside every limit: it may approve it.
    Act,
    /// Outside at least one: people decide, for these reasons.
    Refer(Vec<String>),
}

/// Money in minor units as "1,234.56".
pub fn money(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    let units = (m / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{:02}", m % 100)
}

/// Whether the limits let the assistant approve `p`, given what it approved today
/// already. Every limit is checked and every breach named.
pub fn judge(limits: &Limits, p: &Proposal<'_>, acted_today_minor: i64) -> Verdict {
    judged(limits, p, acted_today_minor).0
}

/// As [`judge`], with each breach also as recorded words (in the verdict's order), so
/// that each reader sees them in their own language.
pub fn judged(
    limits: &Limits,
    p: &Proposal<'_>,
    acted_today_minor: i64,
) -> (Verdict, Vec<Recorded>) {
    let mut words = Vec::new();
    if p.value_minor < 0 || acted_today_minor < 0 {
        words.push(Recorded::new("reason-refer-value", &[]));
    } else {
        if p.value_minor > limits.max_document_minor {
            let (value, most) = (money(p.value_minor), money(limits.max_document_minor));
            // Amounts are recorded as numbers: each reader sees them written their way.
            let said = Recorded::new("reason-refer-document", &[])
                .num_written("value", &value)
                .num_written("most", &most);
            words.push(said);
        }
        match acted_today_minor.checked_add(p.value_minor) {
            Some(total) if total <= limits.max_daily_minor => {}
            _ => {
                let (today, most) = (money(acted_today_minor), money(limits.max_daily_minor));
                let said = Recorded::new("reason-refer-day", &[])
                    .num_written("today", &today)
                    .num_written("most", &most);
                words.push(said);
            }
        }
    }
    if p.confidence_pct > 100 || p.confidence_pct < limits.min_confidence_pct {
        let (pct, least) = (p.confidence_pct.min(100), limits.min_confidence_pct);
        words.push(Recorded::new(
            "reason-refer-confidence",
            &[("pct", pct.to_string()), ("least", least.to_string())],
        ));
    }
    if p.classes.is_empty() {
        words.push(Recorded::new("reason-refer-no-class", &[]));
    }
    for c in p.classes {
        if !limits.classes.contains(c) {
            words.push(Recorded::new("reason-refer-class", &[("class", c.clone())]));
        }
    }
    if let Some(s) = p.supplier_id {
        if !limits.suppliers.contains(&s) {
            words.push(Recorded::new("reason-refer-supplier", &[]));
        }
    }
    if words.is_empty() {
        (Verdict::Act, words)
    } else {
        // The English read from the words, so the two never drift apart.
        (
            Verdict::Refer(words.iter().map(Recorded::english).collect()),
            words,
        )
    }
}

/// How sure the assistant is of a proposed quantity, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confidence {
    /// 0–100.
    pub pct: u8,
    /// Why, in English (as stored and audited).
    pub reason: String,
    /// The same as recorded words, for each reader's language; `None` for a confidence
    /// read back from an order's lines, of which only the English is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Recorded>,
}

/// Confidence in a quantity drawn from `forecast` (the position's stored forecast, if
/// any). It follows the forecast's error out of sample (MASE: 0 is perfect, 1 no better
/// than yesterday's sales), scaled down when the history is short; a fallback or no
/// forecast at all is low.
pub fn confidence(forecast: Option<&Forecast>) -> Confidence {
    let Some(f) = forecast else {
        return Confidence::said(20, Recorded::new("reason-confidence-no-forecast", &[]));
    };
    let days = f.history_days;
    match (f.mase, &f.note) {
        (None, Some(note)) => Confidence::said(
            30,
            Recorded::new("reason-confidence-fell-back", &[])
                .part("note", vec![reason::note(note)]),
        ),
        (None, None) => Confidence::said(
            if days >= FULL_HISTORY_DAYS { 90 } else { 60 },
            Recorded::new("reason-confidence-flat", &[("days", days.to_string())]),
        ),
        (Some(m), _) if !m.is_finite() || m < 0.0 => {
            Confidence::said(20, Recorded::new("reason-confidence-unmeasured", &[]))
        }
        (Some(m), _) => {
            let quality = (1.0 - m / 2.0).clamp(0.0, 1.0);
            let depth = (days as f64 / FULL_HISTORY_DAYS as f64).min(1.0);
            let pct = (5.0 + 90.0 * quality * depth).round().clamp(0.0, 100.0) as u8;
            let mut args = vec![("days", days.to_string())];
            let id = if depth < 1.0 {
                args.push(("full", FULL_HISTORY_DAYS.to_string()));
                "reason-confidence-mase-short"
            } else {
                "reason-confidence-mase"
            };
            Confidence::said(
                pct,
                Recorded::new(id, &args)
                    .num("mase", m, 2)
                    .part("method", vec![reason::method_label(f.method)]),
            )
        }
    }
}

impl Confidence {
    /// A confidence with its English read from its words (so the two never drift apart).
    fn said(pct: u8, words: Recorded) -> Confidence {
        Confidence {
            pct,
            reason: words.english(),
            words: Some(words),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::{Method, Pattern};
    use proptest::prelude::*;

    fn limits() -> Limits {
        Limits {
            mode: Mode::Act,
            max_document_minor: 50_000,
            max_daily_minor: 120_000,
            min_confidence_pct: 70,
            classes: vec!["dairy".into()],
            suppliers: vec![7],
        }
    }

    fn dairy() -> Vec<String> {
        vec!["dairy".into()]
    }

    #[test]
    fn inside_every_limit_it_acts_and_each_breach_is_named() {
        let c = dairy();
        let p = Proposal {
            value_minor: 50_000,
            classes: &c,
            supplier_id: Some(7),
            confidence_pct: 70,
        };
        assert_eq!(judge(&limits(), &p, 70_000), Verdict::Act);
        let Verdict::Refer(why) = judge(&limits(), &p, 70_001) else {
            panic!("over the day's limit")
        };
        assert_eq!(
            why,
            ["with the 700.01 it approved today it would pass the 1,200.00 a day may take"]
        );
        let frozen = vec!["frozen".to_string()];
        let p = Proposal {
            value_minor: 50_001,
            classes: &frozen,
            supplier_id: Some(8),
            confidence_pct: 69,
        };
        let Verdict::Refer(why) = judge(&limits(), &p, 0) else {
            panic!("outside four limits")
        };
        assert_eq!(
            why,
            [
                "it is worth 500.01, above the 500.00 one document may be",
                "its confidence of 69 % is below the 70 % required",
                "class frozen is not one it may approve",
                "its supplier is not one it may order from on its own",
            ]
        );
        // The same breaches as words, read in German by a German reader.
        let (_, words) = judged(&limits(), &p, 70_000);
        assert_eq!(words.len(), 5, "the four above and the day's limit");
        let stored = crate::recorded::stored(&words);
        let german = crate::recorded::shown_list("", stored.as_deref(), i18n::Lang::De).0;
        assert!(
            german.contains("1.200,00") && german.contains("frozen"),
            "{german}"
        );
        assert!(!german.contains(" the "), "{german}");
        // A class named like a number is a name: no reader sees it rewritten.
        let named = vec!["1.5".to_string()];
        let (_, words) = judged(
            &limits(),
            &Proposal {
                classes: &named,
                ..p
            },
            0,
        );
        let german = crate::recorded::join(&words, i18n::Lang::De);
        assert!(german.contains("Warengruppe 1.5 darf"), "{german}");
    }

    #[test]
    fn nothing_listed_means_nothing_approved_and_garbage_is_refused() {
        let c = dairy();
        let p = Proposal {
            value_minor: 1,
            classes: &c,
            supplier_id: None,
            confidence_pct: 100,
        };
        let mut l = limits();
        l.classes.clear();
        assert!(matches!(judge(&l, &p, 0), Verdict::Refer(_)));
        assert!(matches!(judge(&limits(), &p, i64::MAX), Verdict::Refer(_)));
        assert!(matches!(judge(&limits(), &p, -5), Verdict::Refer(_)));
        let none: Vec<String> = vec![];
        let p = Proposal {
            classes: &none,
            ..p
        };
        assert!(matches!(judge(&limits(), &p, 0), Verdict::Refer(_)));
    }

    #[test]
    fn limits_are_checked_naming_the_field_and_bad_stored_ones_mean_off() {
        let mut l = limits();
        l.max_daily_minor = 10;
        assert_eq!(l.validate().unwrap_err().field, "max_daily");
        let mut l = limits();
        l.max_document_minor = -1;
        assert_eq!(l.validate().unwrap_err().field, "max_document");
        let mut l = limits();
        l.min_confidence_pct = 101;
        assert_eq!(l.validate().unwrap_err().field, "min_confidence");
        let mut l = limits();
        l.classes.push(" ".into());
        assert_eq!(l.validate().unwrap_err().field, "classes");
        let mut l = limits();
        l.suppliers.push(0);
        assert_eq!(l.validate().unwrap_err().field, "suppliers");
        assert_eq!(Limits::from_stored(Some("{not json")).mode, Mode::Off);
        let stored = serde_json::to_string(&limits()).unwrap();
        assert_eq!(Limits::from_stored(Some(&stored)), limits());
        let mut bad = limits();
        bad.max_document_minor = MAX_MONEY_MINOR + 1;
        let stored = serde_json::to_string(&bad).unwrap();
        assert_eq!(Limits::from_stored(Some(&stored)), Limits::default());
    }

    fn forecast(mase: Option<f64>, days: usize, note: Option<&str>) -> Forecast {
        Forecast {
            method: Method::Tsb,
            pattern: Pattern::Intermittent,
            daily: vec![1.0; 7],
            sigma: 1.0,
            mase,
            history_days: days,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn confidence_follows_the_forecast_error_and_the_history() {
        assert_eq!(confidence(None).pct, 20);
        assert_eq!(confidence(Some(&forecast(Some(0.0), 90, None))).pct, 95);
        let c = confidence(Some(&forecast(Some(0.5), 90, None)));
        assert_eq!(c.pct, 73); // 5 + 90 × 0.75 = 72.5
        assert!(
            c.reason.contains("0.50") && c.reason.contains("90 days"),
            "{}",
            c.reason
        );
        assert_eq!(confidence(Some(&forecast(Some(2.5), 90, None))).pct, 5);
        // Half the full history halves what the error earns.
        assert_eq!(confidence(Some(&forecast(Some(0.0), 28, None))).pct, 50);
        let fell = confidence(Some(&forecast(None, 10, Some("only 10 days"))));
        assert_eq!(fell.pct, 30);
        assert!(fell.reason.contains("only 10 days"));
        assert_eq!(
            confidence(Some(&forecast(Some(f64::NAN), 90, None))).pct,
            20
        );
        assert_eq!(confidence(Some(&forecast(Some(-1.0), 90, None))).pct, 20);
    }

    #[test]
    fn confidence_reads_in_each_language_and_in_english_as_it_always_has() {
        let all = [
            confidence(None),
            confidence(Some(&forecast(Some(0.5), 90, None))),
            confidence(Some(&forecast(Some(0.5), 28, None))),
            confidence(Some(&forecast(None, 40, Some("no sales in 40 days")))),
            confidence(Some(&forecast(None, 90, None))),
            confidence(Some(&forecast(Some(f64::NAN), 90, None))),
        ];
        let words = |c: &Confidence| c.words.clone().expect("a new confidence has its words");
        assert_eq!(
            all[0].reason,
            "There is no forecast for this position yet, so the quantity rests on recent \
             averages alone."
        );
        assert_eq!(
            all[2].reason,
            "The TSB forecast's error out of sample is 0.50 of a naive forecast's (MASE), over \
             28 days of history (under 56 days, which lowers it)."
        );
        assert_eq!(
            all[3].reason,
            "The forecast fell back to an average: no sales in 40 days."
        );
        for c in &all {
            let de = words(c).text(i18n::Lang::De);
            assert_ne!(de, c.reason);
        }
        let de = words(&all[2]).text(i18n::Lang::De);
        assert!(de.contains("0,50") && de.contains("TSB"), "{de}");
    }

    #[test]
    fn money_reads_with_separators() {
        assert_eq!(money(0), "0.00");
        assert_eq!(money(123_456_789), "1,234,567.89");
        assert_eq!(money(-5), "-0.05");
        assert_eq!(money(i64::MIN), "-92,233,720,368,547,758.08");
    }

    fn any_limits() -> impl Strategy<Value = Limits> {
        let class = prop::sample::select(vec!["dairy", "frozen", "dry", "fresh"]);
        (
            -10i64..=MAX_MONEY_MINOR + 10,
            -10i64..=MAX_MONEY_MINOR + 10,
            0u8..=255,
            prop::collection::vec(class, 0..4),
            prop::collection::vec(-2i64..6, 0..4),
        )
            .prop_map(|(doc, day, conf, classes, suppliers)| Limits {
                mode: Mode::Act,
                max_document_minor: doc,
                max_daily_minor: day,
                min_confidence_pct: conf,
                classes: classes.into_iter().map(str::to_string).collect(),
                suppliers,
            })
    }

    proptest! {
        /// Whatever the limits, the proposal and the day so far, the assistant acts only
        /// inside every one of them: never above the value per document or per day,
        /// never below the confidence, never for a class or supplier not listed.
        #[test]
        fn the_assistant_never_acts_outside_its_limits(
            limits in any_limits(),
            value in prop_oneof![Just(i64::MIN), Just(i64::MAX), -10i64..=MAX_MONEY_MINOR + 10, 0i64..100_000],
            today in prop_oneof![Just(i64::MAX), Just(-1i64), 0i64..=MAX_MONEY_MINOR, 0i64..100_000],
            conf in 0u8..=255,
            classes in prop::collection::vec(prop::sample::select(vec!["dairy", "frozen", "dry", "fresh"]), 0..3),
            supplier in prop::option::of(-2i64..6),
        ) {
            let classes: Vec<String> = classes.into_iter().map(str::to_string).collect();
            let p = Proposal { value_minor: value, classes: &classes, supplier_id: supplier, confidence_pct: conf };
            if judge(&limits, &p, today) == Verdict::Act {
                prop_assert!(value >= 0 && value <= limits.max_document_minor);
                prop_assert!(today >= 0);
                prop_assert!(today.checked_add(value).is_some_and(|t| t <= limits.max_daily_minor));
                prop_assert!(conf <= 100 && conf >= limits.min_confidence_pct);
                prop_assert!(!classes.is_empty());
                prop_assert!(classes.iter().all(|c| limits.classes.contains(c)));
                prop_assert!(supplier.is_none_or(|s| limits.suppliers.contains(&s)));
            }
        }

        /// And the other way round: a proposal inside every limit is always approved, so
        /// the property above is not kept by refusing everything.
        #[test]
        fn inside_every_limit_the_assistant_acts(
            doc in 0i64..=MAX_MONEY_MINOR,
            headroom in 0i64..=1_000_000,
            conf_min in 0u8..=100,
            conf_extra in 0u8..=100,
            value_share in 0.0f64..=1.0,
            today_share in 0.0f64..=1.0,
            ordered in any::<bool>(),
        ) {
            let limits = Limits {
                mode: Mode::Act,
                max_document_minor: doc,
                max_daily_minor: doc.saturating_add(headroom).min(MAX_MONEY_MINOR),
                min_confidence_pct: conf_min,
                classes: vec!["dairy".into(), "dry".into()],
                suppliers: vec![3],
            };
            let value = ((doc as f64 * value_share) as i64).clamp(0, doc);
            let room = limits.max_daily_minor - value;
            let today = ((room as f64 * today_share) as i64).clamp(0, room);
            let classes = vec!["dry".to_string()];
            let p = Proposal {
                value_minor: value,
                classes: &classes,
                supplier_id: ordered.then_some(3),
                confidence_pct: conf_min.saturating_add(conf_extra).min(100),
            };
            prop_assert_eq!(judge(&limits, &p, today), Verdict::Act);
        }

        /// Confidence is always a per cent with a reason, whatever the forecast holds.
        #[test]
        fn confidence_is_a_per_cent(mase in prop::option::of(any::<f64>()), days in any::<usize>()) {
            let c = confidence(Some(&forecast(mase, days, None)));
            prop_assert!(c.pct <= 100);
            prop_assert!(!c.reason.is_empty());
        }
    }
}
