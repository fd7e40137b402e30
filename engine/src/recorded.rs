//! Text the engine records as things happen — a suggestion's reason, an exception's
//! detail, an import row's problem, a backtest's notes — kept as a catalogue id with
//! its variables ([`Recorded`], stored as JSON), so that each reader sees it in their own
//! language when it is shown, months later. The English is usually stored beside it
//! (API clients, webhooks and the audit chain read English); a row written before a
//! text was recorded this way has only the English, which pages show marked
//! `lang="en"` ([`shown`] and its kin decide which a reader gets).

use std::collections::{BTreeMap, BTreeSet};

use i18n::{FluentValue, Lang};
use serde::{Deserialize, Serialize};

use crate::approval::Refusal;
use crate::error::{EngineError, Msg};
use crate::workflow::Forbidden;

/// A recorded text: the catalogue message `id`, its variables (plain values: whole
/// numbers are passed as numbers, so a catalogue can choose a plural; numbers with
/// decimals recorded with [`Recorded::num`] are written the reader's way) and variables
/// filled by other recorded texts (each read in the reader's language, several joined
/// with "; "). Several sentences in a row are a `Vec<Recorded>` ([`join`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
    /// The names of the `args` that are numbers, written the English way (`20.5`,
    /// `1,200.00`): other readers see them written their way (`20,5`, `1.200,00`).
    /// Other text that only looks like a number (a class called `1.5`) stays as it is.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub nums: BTreeSet<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, Vec<Recorded>>,
}

impl Recorded {
    /// The message `id` with its variables.
    pub fn new(id: &str, args: &[(&str, String)]) -> Recorded {
        Recorded {
            id: id.to_string(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect(),
            nums: BTreeSet::new(),
            parts: BTreeMap::new(),
        }
    }

    /// The same text with the variable `name` holding the number `x` with `places`
    /// decimals (at most 6): `20.5` in English, `20,5` in German and Dutch, grouped as
    /// every page groups (`1.234,5`). Not-a-number and infinities read as `–`, as in
    /// [`crate::error::Msg::num`] and on every page.
    pub fn num(self, name: &str, x: f64, places: usize) -> Recorded {
        let english = if x.is_finite() {
            format!("{:.*}", places.min(6), x)
        } else {
            "–".to_string()
        };
        self.num_written(name, &english)
    }

    /// As [`Recorded::num`], for a number already written the English way (`0.80`,
    /// `1,200.00`: a figure read from an English text, or money written exactly).
    pub fn num_written(mut self, name: &str, english: &str) -> Recorded {
        self.args.insert(name.to_string(), english.to_string());
        self.nums.insert(name.to_string());
        self
    }

    /// The same text with the variable `name` filled by `parts` in the reader's
    /// language (joined with "; "), e.g. a role's name or a list of problems.
    pub fn part(mut self, name: &str, parts: Vec<Recorded>) -> Recorded {
        self.parts.insert(name.to_string(), parts);
        self
    }

    /// The text in `lang`. An id no catalogue has reads as the id (never a panic).
    pub fn text(&self, lang: Lang) -> String {
        let terms: Vec<(String, String)> = self
            .parts
            .iter()
            .map(|(name, parts)| {
                let texts: Vec<String> = parts.iter().map(|p| p.text(lang)).collect();
                (name.clone(), texts.join("; "))
            })
            .collect();
        let args: Vec<(String, FluentValue<'static>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let local = if self.nums.contains(name) {
                    decimal(value, lang)
                } else {
                    None
                };
                let value = match local {
                    Some(written) => FluentValue::from(written),
                    None => fluent_value(value),
                };
                (name.clone(), value)
            })
            .chain(
                terms
                    .iter()
                    .map(|(name, value)| (name.clone(), fluent_value(value))),
            )
            .collect();
        i18n::t_named(lang, &self.id, &args)
    }

    /// The English text (what API clients and the audit chain keep).
    pub fn english(&self) -> String {
        self.text(Lang::En)
    }

    /// One text as stored: compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored text back; `None` for anything that is not one (an empty or English
    /// column of an older row).
    pub fn from_json(stored: &str) -> Option<Recorded> {
        serde_json::from_str(stored)
            .ok()
            .filter(|r: &Recorded| !r.id.is_empty())
    }
}

impl From<&Msg> for Recorded {
    fn from(m: &Msg) -> Recorded {
        let mut r = Recorded::new(m.id, &m.args);
        for (name, parts) in &m.parts {
            r = r.part(name, parts.iter().map(Recorded::from).collect());
        }
        r.nums = (m.args.iter().enumerate())
            .filter(|(i, _)| m.is_num(*i))
            .map(|(_, (name, _))| (*name).to_string())
            .collect();
        r
    }
}

/// A refused decision, as [`Refusal::text`] words it (a clause, not a sentence).
impl From<&Refusal> for Recorded {
    fn from(r: &Refusal) -> Recorded {
        match r {
            Refusal::OwnDocument => Recorded::new("err-refused-own-document", &[]),
            Refusal::MissingRole(label) => {
                let missing = Recorded::new("err-refused-missing-role", &[]);
                match crate::model::Role::ALL
                    .into_iter()
                    .find(|role| role.label() == *label)
                {
                    Some(role) => missing.part(
                        "role",
                        vec![Recorded::new(crate::model::role_term(role), &[])],
                    ),
                    None => missing.part("role", vec![as_written(label)]),
                }
            }
            Refusal::DecidedBefore => Recorded::new("err-refused-decided-before", &[]),
        }
    }
}

/// A refused state change, as [`Forbidden::text`] words it (a sentence).
impl From<&Forbidden> for Recorded {
    fn from(f: &Forbidden) -> Recorded {
        // A word the catalogues lack reads as it is (underscores as spaces).
        let term = |prefix: &str, words: &str| {
            let id = i18n::term_id(prefix, words);
            if i18n::t(Lang::En, &id) == id {
                as_written(&words.replace('_', " "))
            } else {
                Recorded::new(&id, &[])
            }
        };
        Recorded::new("err-transition", &[])
            .part("command", vec![term("err-command-", f.command)])
            .part("document", vec![term("err-document-", f.document)])
            .part("state", vec![term("err-state-", f.state)])
    }
}

/// An engine error as [`EngineError::text`] words it, except that a refused value or
/// decision ([`EngineError::Invalid`], [`EngineError::Refused`]) stays the clause its
/// message is (no capital, no full stop: it is said inside a sentence); the others are
/// sentences. Internal errors read as the generic sentence, never their cause.
impl From<&EngineError> for Recorded {
    fn from(e: &EngineError) -> Recorded {
        match e {
            EngineError::Store(_) | EngineError::Fenced => Recorded::new("err-internal", &[]),
            EngineError::NotFound => Recorded::new("err-not-found", &[]),
            EngineError::Forbidden(p) => Recorded::new("err-forbidden", &[]).part(
                "action",
                vec![Recorded::new(crate::error::permission_action_id(*p), &[])],
            ),
            EngineError::NotPending => Recorded::new("err-not-pending", &[]),
            EngineError::Transition(f) => Recorded::from(f),
            EngineError::Refused(r) => Recorded::from(r),
            EngineError::Invalid(m) => Recorded::from(m),
        }
    }
}

/// Text no catalogue has words for (a name, a library's error), shown as it is.
fn as_written(text: &str) -> Recorded {
    Recorded::new("err-detail", &[("detail", text.to_string())])
}

/// Several recorded sentences in `lang`, joined with a space.
pub fn join(texts: &[Recorded], lang: Lang) -> String {
    texts
        .iter()
        .map(|r| r.text(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Several recorded sentences as stored: a JSON array, or `None` (NULL) when there are
/// none, so that "no words" is stored one way only.
pub fn stored(texts: &[Recorded]) -> Option<String> {
    (!texts.is_empty()).then(|| serde_json::to_string(texts).unwrap_or_default())
}

/// Stored sentences back; `None` when `stored` is not such an array.
pub fn from_json_all(stored: &str) -> Option<Vec<Recorded>> {
    serde_json::from_str(stored).ok()
}

/// A recorded text as a reader sees it: the sentences stored as `words` ([`stored`]) in
/// `lang`, joined with a space; or, for a row recorded before (no words, or none that
/// read), the `english` stored beside them, with `true`: a page marks it `lang="en"`.
pub fn shown(english: &str, words: Option<&str>, lang: Lang) -> (String, bool) {
    shown_joined(english, words, lang, " ")
}

/// As [`shown`], for clauses (the limits a proposal was outside of): joined with "; ".
pub fn shown_list(english: &str, words: Option<&str>, lang: Lang) -> (String, bool) {
    shown_joined(english, words, lang, "; ")
}

fn shown_joined(english: &str, words: Option<&str>, lang: Lang, sep: &str) -> (String, bool) {
    match words
        .and_then(from_json_all)
        .filter(|w| !w.is_empty() && w.iter().all(|r| !r.id.is_empty()))
    {
        Some(w) => {
            let texts: Vec<String> = w.iter().map(|r| r.text(lang)).collect();
            (texts.join(sep), false)
        }
        None => (english.to_string(), true),
    }
}

/// As [`shown`], for one text kept unstored beside its English (an import's problem):
/// `words` in `lang`, or the `english` (`true`) when a report from before has none.
pub fn shown_one(english: &str, words: Option<&Recorded>, lang: Lang) -> (String, bool) {
    match words {
        Some(w) => (w.text(lang), false),
        None => (english.to_string(), true),
    }
}

/// As [`shown`], for texts shown one by one (a backtest's notes): each of `words` in
/// `lang`, or, when none were recorded, the `english` ones (`true`).
pub fn shown_each(english: &[String], words: &[Recorded], lang: Lang) -> (Vec<String>, bool) {
    if words.is_empty() {
        (english.to_vec(), true)
    } else {
        (words.iter().map(|w| w.text(lang)).collect(), false)
    }
}

/// `value` when it is a number written the English way (`20.5`, `-3.25`, `1,200.00`:
/// digits, one decimal point, thousands grouped with commas or not), written as `lang`
/// writes numbers with as many decimals ([`i18n::fmt::decimal`]); `None` for English
/// (read as recorded) and for anything else (a whole number is passed as a number).
fn decimal(value: &str, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let (negative, unsigned) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let (int, frac) = unsigned.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped =
        groups.all(|g| g.len() == 3 && digits(g)) && (first.len() <= 3 || !int.contains(','));
    if !(digits(first) && grouped && digits(frac)) {
        return None;
    }
    let x: f64 = format!("{}.{frac}", int.replace(',', "")).parse().ok()?;
    Some(i18n::fmt::decimal(
        lang,
        if negative { -x } else { x },
        frac.len(),
    ))
}

/// `value` as a Fluent number when it is written exactly as a whole number is (so a
/// plural can be chosen, and it reads the same), else as text.
fn fluent_value(value: &str) -> FluentValue<'static> {
    const EXACT: i64 = 1 << 53;
    match value.parse::<i64>() {
        Ok(n) if (-EXACT..=EXACT).contains(&n) && n.to_string() == value => FluentValue::from(n),
        _ => FluentValue::from(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure that is not a number reads as `–` in every language, as a message with
    /// the same figure does, never as `NaN` or `inf`.
    #[test]
    fn a_figure_that_is_not_a_number_reads_as_a_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let recorded = Recorded::new("reason-uplift", &[]).num("uplift", x, 2);
            let msg = crate::error::Msg::new("reason-uplift", &[]).num("uplift", x, 2);
            for lang in Lang::ALL {
                let text = recorded.text(lang);
                assert!(text.contains('–'), "{x} in {lang:?}: {text}");
                assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
                assert_eq!(text, Recorded::from(&msg).text(lang));
                assert_eq!(text, msg.text(lang));
            }
        }
    }

    #[test]
    fn recorded_texts_survive_storage_and_read_in_each_language() {
        let r = Recorded::new("err-detail", &[("detail", "disk full".to_string())]);
        let uplift = Recorded::new("reason-uplift", &[]).num("uplift", 1234.5, 2);
        let all = vec![r.clone(), uplift];
        let json = stored(&all).expect("words are stored");
        assert_eq!(from_json_all(&json), Some(all.clone()));
        assert_eq!(
            Recorded::from_json(&all[1].to_json()).as_ref(),
            Some(&all[1])
        );
        assert_eq!(Recorded::from_json(""), None);
        assert_eq!(
            join(&all, Lang::En),
            "disk full , with a promotion uplift of ×1234.50"
        );
        assert_eq!(
            join(&all, Lang::De),
            "disk full , mit einem Aktionsaufschlag von ×1.234,50"
        );
        // No words are stored as NULL, not as an empty array.
        assert_eq!(stored(&[]), None);
        assert_eq!(from_json_all("Stock position 3 is below"), None);
    }

    #[test]
    fn numbers_read_the_reader_s_way_and_text_that_looks_like_one_does_not() {
        let uplift = |x: f64| Recorded::new("reason-uplift", &[]).num("uplift", x, 2);
        assert!(uplift(20.5).text(Lang::De).ends_with("×20,50"));
        assert!(uplift(-3.25).text(Lang::Nl).ends_with("×-3,25"));
        assert!(uplift(20.5).english().ends_with("×20.50"));
        let money = Recorded::new("reason-uplift", &[]).num_written("uplift", "1,200.00");
        assert!(money.english().ends_with("×1,200.00"));
        assert!(money.text(Lang::Nl).ends_with("×1.200,00"));
        // A class called "1.5" is a name, not a number: every reader sees it as it is.
        let class = Recorded::new("reason-refer-class", &[("class", "1.5".to_string())]);
        assert_eq!(
            class.text(Lang::De),
            "Warengruppe 1.5 darf der Assistent nicht freigeben"
        );
        assert_eq!(class.english(), "class 1.5 is not one it may approve");
        // Whole numbers stay numbers, so a catalogue chooses the plural.
        let lead = Recorded::new("reason-lead-time-measured", &[])
            .num("days", 1.0, 0)
            .num("deliveries", 5.0, 0);
        assert!(
            lead.english().starts_with("Lead time 1 day,"),
            "{}",
            lead.english()
        );
        // Marked numbers survive storage.
        let back = from_json_all(&stored(&[uplift(1234.5)]).unwrap()).unwrap();
        assert!(join(&back, Lang::De).ends_with("×1.234,50"));
    }

    #[test]
    fn stored_words_are_shown_in_the_reader_s_language_and_older_rows_in_english() {
        let words = stored(&[Recorded::new(
            "exc-stockout-title",
            &[("sku", "MILK".to_string()), ("location", "S1".to_string())],
        )]);
        let english = "MILK is out of stock at S1";
        assert_eq!(
            shown(english, words.as_deref(), Lang::De),
            ("MILK ist in S1 ausverkauft".to_string(), false)
        );
        for old in [None, Some(""), Some("not words"), Some("[]"), Some("[{}]")] {
            assert_eq!(
                shown(english, old, Lang::Nl),
                (english.to_string(), true),
                "{old:?}"
            );
        }
        let clauses = stored(&[
            Recorded::new("reason-refer-no-class", &[]),
            Recorded::new("reason-refer-supplier", &[]),
        ]);
        assert_eq!(
            shown_list("old", clauses.as_deref(), Lang::En).0,
            "it has no product class; its supplier is not one it may order from on its own"
        );
        let one = Recorded::new("err-detail", &[("detail", "x".to_string())]);
        assert_eq!(shown_one("old", Some(&one), Lang::De), ("x".into(), false));
        assert_eq!(shown_one("old", None, Lang::De), ("old".into(), true));
        let old = vec!["old".to_string()];
        assert_eq!(shown_each(&old, &[], Lang::Nl), (old.clone(), true));
        assert_eq!(
            shown_each(&old, &[one], Lang::Nl),
            (vec!["x".to_string()], false)
        );
    }

    #[test]
    fn engine_errors_become_recorded_texts_with_the_same_words() {
        let m = Msg::detail("boom");
        assert_eq!(Recorded::from(&m).text(Lang::En), m.text(Lang::En));
        for r in [
            Refusal::OwnDocument,
            Refusal::MissingRole("approver"),
            Refusal::MissingRole("someone"),
            Refusal::DecidedBefore,
        ] {
            for lang in [Lang::En, Lang::De, Lang::Nl] {
                assert_eq!(Recorded::from(&r).text(lang), r.text(lang), "{r:?}");
            }
        }
        let f = Forbidden {
            document: "transfer",
            state: "pending_approval",
            command: "ship",
        };
        assert_eq!(Recorded::from(&f).text(Lang::De), f.text(Lang::De));
        for e in [
            EngineError::NotFound,
            EngineError::NotPending,
            EngineError::Fenced,
            EngineError::Forbidden(crate::model::Permission::ImportData),
            EngineError::Transition(f),
        ] {
            assert_eq!(Recorded::from(&e).text(Lang::Nl), e.text(Lang::Nl), "{e:?}");
        }
    }
}
