//! The words people read, in their language. English, German and Dutch message
//! catalogues (Fluent, `locales/<lang>/*.ftl`) are compiled in; [`t`] and [`t_args`]
//! look a message up for a [`Lang`], falling back to English and, failing that, to
//! the message's id (never a panic). Which language a person reads is decided by the
//! caller: their saved choice, else the tenant's default, else the browser's
//! `Accept-Language` ([`Lang::from_accept_language`]), else English.
//!
//! Every catalogue has the same keys (the test `catalogues_have_the_same_keys`).

pub mod fmt;

use std::borrow::Cow;
use std::collections::HashMap;

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeables: the text is plain.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the portal speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Nl];

    /// The language's code: `en`, `de`, `nl` (also the `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
        }
    }

    /// The language's name in itself, for a switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Nl => "Nederlands",
        }
    }

    /// A language tag (`de`, `de-AT`, `NL-be`, `en_GB`) as one of ours, by its primary
    /// language; `None` for anything else.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of ours a browser's `Accept-Language` asks for, by weight (`q`), the
    /// header's order breaking ties; `None` when it names none of ours. Malformed parts
    /// are skipped; at most 32 are read.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(u16, usize, Lang)> = None;
        for (i, part) in header.split(',').take(32).enumerate() {
            let mut bits = part.split(';');
            let Some(lang) = bits.next().and_then(Lang::parse) else {
                continue;
            };
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .filter(|q| (0.0..=1.0).contains(q))
                        .map(|q| (q * 1000.0).round() as u16)
                });
            let Some(q) = q.filter(|q| *q > 0) else {
                continue;
            };
            if best.is_none_or(|(bq, _, _)| q > bq) {
                best = Some((q, i, lang));
            }
        }
        best.map(|(_, _, l)| l)
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language tag")
    }
}

/// The message `id` in `lang` (English if `lang` lacks it; the id itself if no
/// catalogue has it).
pub fn t(lang: Lang, id: &str) -> String {
    lookup(lang, id, None)
}

/// The message `id` in `lang` with its placeables filled from `args`.
pub fn t_args(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    lookup(lang, id, Some(&map))
}

/// As [`t_args`], with variable names that are not `'static` (a stored message's).
pub fn t_named(lang: Lang, id: &str, args: &[(String, FluentValue<'_>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.clone()), v.clone()))
        .collect();
    lookup(lang, id, Some(&map))
}

fn lookup(
    lang: Lang,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
) -> String {
    LOCALES
        .try_lookup_complete(&lang.id(), id, args)
        .or_else(|| LOCALES.try_lookup_complete(&Lang::En.id(), id, args))
        .unwrap_or_else(|| id.to_string())
}

/// The catalogue id `<prefix><words, hyphenated>`: `err-state-pending-approval` for
/// `err-state-` and "pending approval" (or "pending_approval").
pub fn term_id(prefix: &str, words: &str) -> String {
    let slug: String = words
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}{slug}")
}

/// The catalogue message [`term_id`] in `lang`, or the words themselves (underscores
/// read as spaces) when the catalogues lack it.
pub fn term_text(lang: Lang, prefix: &str, words: &str) -> String {
    let id = term_id(prefix, words);
    let text = t(lang, &id);
    if text == id {
        words.replace('_', " ")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The message ids a catalogue folder defines (`id =` at the start of a line), each
    /// with the variables (`$name`) its text uses, on its first line or the indented
    /// lines that continue it (a plural's variants).
    fn keys(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang.code());
        let vars_in = |text: &str| -> Vec<String> {
            text.split('$')
                .skip(1)
                .map(|v| {
                    v.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect()
                })
                .collect()
        };
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let mut current: Option<String> = None;
            for line in text.lines() {
                if line.starts_with([' ', '\t']) {
                    if let Some(id) = &current {
                        keys.get_mut(id).unwrap().extend(vars_in(line));
                    }
                    continue;
                }
                current = None;
                if let Some((id, value)) = line.split_once(" =") {
                    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                        assert!(
                            keys.insert(id.to_string(), vars_in(value).into_iter().collect())
                                .is_none(),
                            "{id} twice in {}",
                            lang.code()
                        );
                        current = Some(id.to_string());
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn catalogues_have_the_same_keys() {
        let en = keys(Lang::En);
        assert!(en.len() > 20, "the English catalogue was read: {en:?}");
        let en_ids: BTreeSet<&String> = en.keys().collect();
        for lang in Lang::ALL {
            let other = keys(lang);
            let ids: BTreeSet<&String> = other.keys().collect();
            let missing: Vec<_> = en_ids.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&en_ids).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{} lacks {missing:?} and has {extra:?} that English lacks",
                lang.code()
            );
            for (id, vars) in &en {
                assert_eq!(
                    &other[id],
                    vars,
                    "{}: {id} uses other variables",
                    lang.code()
                );
                let args: Vec<(&'static str, FluentValue)> = vars
                    .iter()
                    .map(|v| (&*v.clone().leak(), FluentValue::from("x")))
                    .collect();
                let text = LOCALES.try_lookup_complete(
                    &lang.id(),
                    id,
                    Some(
                        &args
                            .iter()
                            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
                            .collect(),
                    ),
                );
                assert!(
                    text.is_some_and(|t| !t.is_empty()),
                    "{}: {id} does not resolve in its own catalogue",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn lookups_fall_back_and_fill_placeables() {
        assert_eq!(t(Lang::De, "nav-inventory"), "Bestand");
        assert_eq!(t(Lang::Nl, "nav-inventory"), "Voorraad");
        assert_eq!(t(Lang::En, "no-such-message"), "no-such-message");
        assert_eq!(
            t_args(Lang::De, "signed-in-as", &[("name", "Olga".into())]),
            "Angemeldet als Olga"
        );
    }

    #[test]
    fn the_browser_language_is_read_by_weight() {
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR, nl;q=0.5, en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("fr, es"), None);
        assert_eq!(
            Lang::from_accept_language("nl-BE;q=0.2, de;q=0"),
            Some(Lang::Nl)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=2, de;q=abc, nl"),
            Some(Lang::Nl)
        );
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::parse("NL_be"), Some(Lang::Nl));
    }
}
