//! The engine's one error type, and the rule for what each kind of error shows to whom.
//!
//! # The rule
//!
//! - **Shown to the person**: every variant but [`EngineError::Store`] is something the
//!   person can act on (a missing permission, a refused transition, a bad value named by
//!   field, a document that is not there). [`EngineError::user_message`] gives it as a
//!   sentence in the product's voice, [`EngineError::text`] in the reader's language
//!   (the words are the `err-*` messages of the catalogues; a refused value carries its
//!   message as a [`Msg`]); boundaries (form handlers, server functions, the REST API)
//!   show that sentence and nothing else.
//! - **Logged, never shown**: [`EngineError::Store`] (and [`EngineError::Fenced`], which
//!   is an internal race between workers) carry database text that may name tables,
//!   constraints or values. The boundary that handles the error logs it once, with the
//!   request id in the span, and shows the person a generic sentence that says nothing
//!   was changed. No database text ever reaches a page, an e-mail, a job list or an
//!   exception.
//! - **Jobs**: a job handler's error becomes a [`JobError`]: store errors are retried and
//!   keep only their class ("database unavailable", "constraint") in the job's
//!   `last_error`, which the Jobs page and the dead-letter exception show; the full
//!   cause is logged where the conversion happens.
//! - **Who logs**: the boundary, once (`tracing::error!` for `Store`, nothing for the
//!   others, which are the person's own mistakes or refusals). The engine itself does
//!   not log errors it returns.

use crate::approval::Refusal;
use crate::jobs::JobError;
use crate::model::{Denied, Permission};
use crate::workflow;
use i18n::{FluentValue, Lang};

/// A message for a person from the catalogues (ids `err-…` in
/// `engine/i18n/locales/<lang>/err.ftl`), with its variables: shown in the reader's
/// language with [`Msg::text`]. Its English, rendered once when it is made, is what
/// `Display` writes and what it dereferences to (`msg.contains("…")`), so logs, job
/// errors and tests read English.
///
/// Variables are plain text, filled in as they are; a value that is a whole number
/// (`"3"`, `"-12"`) is passed as a number, so the catalogues can choose a plural.
/// A variable that is itself a catalogue message (a role's name: [`Msg::term`]; a list
/// of problems: [`Msg::parts`]) is read in the reader's language too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// Variables filled by other messages, each rendered in the reader's language
    /// (several joined with "; ").
    pub parts: Vec<(&'static str, Vec<Msg>)>,
    /// Which `args` are numbers with decimals (bit i: `args[i]`), written the English
    /// way (`4.5`): other readers get them written their way (`4,5`). A bit set rather
    /// than a list keeps errors small.
    pub nums: u32,
    en: String,
}

impl Msg {
    /// The message `id` with its variables.
    pub fn new(id: &'static str, args: &[(&'static str, String)]) -> Msg {
        let mut m = Msg {
            id,
            args: args.to_vec(),
            parts: Vec::new(),
            nums: 0,
            en: String::new(),
        };
        m.en = m.render(Lang::En);
        m
    }

    /// The same message with the variable `name` holding the number `x` with `places`
    /// decimals (at most 6), written the reader's way (`4.5` / `4,5`). Not-a-number
    /// and infinities read as `–` in every language, as on every page.
    pub fn num(mut self, name: &'static str, x: f64, places: usize) -> Msg {
        if self.args.len() < 32 {
            self.nums |= 1 << self.args.len();
        }
        let written = if x.is_finite() {
            format!("{:.*}", places.min(6), x)
        } else {
            "–".to_string()
        };
        self.args.push((name, written));
        self.en = self.render(Lang::En);
        self
    }

    /// The same message with the variable `name` holding the day `(year, month, day)`,
    /// written the reader's way: `2 Dec 2026` / `2. Dez. 2026` / `2 dec 2026`, as
    /// [`i18n::fmt::date`] writes it. Take the day from `region::calendar_date` for a calendar
    /// day kept as its midnight UTC (a delivery day, today), or from `region::local_in`
    /// with the tenant's zone for an instant. Marked here rather than guessed from how a value
    /// looks (`2026-02-30` is not a day).
    pub fn day(self, name: &'static str, day: (i32, u8, u8)) -> Msg {
        self.parts(name, vec![Msg::date(day)])
    }

    /// A day as a message of its own (`fmt-date`), read as [`i18n::fmt::date`] writes it.
    pub fn date((year, month, day): (i32, u8, u8)) -> Msg {
        let (day, year) = (("day", day.to_string()), ("year", year.to_string()));
        match i18n::fmt::month_id(month) {
            Some(id) => Msg::new("fmt-date", &[day, year]).term("month", id),
            // A month that is none is shown as its number, as `i18n::fmt::date` does.
            None => Msg::new("fmt-date", &[day, ("month", month.to_string()), year]),
        }
    }

    /// Whether `args[i]` is a number with decimals ([`Msg::num`]).
    pub fn is_num(&self, i: usize) -> bool {
        i < self.args.len().min(32) && self.nums & (1 << i) != 0
    }

    /// A text no catalogue has (a library's error, in English), shown as it is.
    pub fn detail(text: impl Into<String>) -> Msg {
        Msg::new("err-detail", &[("detail", text.into())])
    }

    /// The same message with the variable `name` filled by the catalogue message `term`
    /// (e.g. `role-planner`) in the reader's language.
    pub fn term(self, name: &'static str, term: &'static str) -> Msg {
        self.parts(name, vec![Msg::new(term, &[])])
    }

    /// The same message with the variable `name` filled by `parts`, each in the
    /// reader's language, joined with "; ".
    pub fn parts(mut self, name: &'static str, parts: Vec<Msg>) -> Msg {
        self.parts.push((name, parts));
        self.en = self.render(Lang::En);
        self
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en.clone(),
            other => self.render(other),
        }
    }

    /// The English text.
    pub fn as_str(&self) -> &str {
        &self.en
    }

    fn render(&self, lang: Lang) -> String {
        let terms: Vec<(&'static str, String)> = self
            .parts
            .iter()
            .map(|(name, parts)| {
                let texts: Vec<String> = parts.iter().map(|p| p.text(lang)).collect();
                (*name, texts.join("; "))
            })
            .collect();
        let args: Vec<(&'static str, FluentValue<'static>)> = self
            .args
            .iter()
            .chain(terms.iter())
            .enumerate()
            .map(|(i, (name, value))| {
                if lang != Lang::En && self.is_num(i) {
                    let places = value.split_once('.').map_or(0, |(_, f)| f.len());
                    match value.parse::<f64>() {
                        Ok(x) => {
                            return (
                                *name,
                                FluentValue::from(i18n::fmt::decimal(lang, x, places)),
                            )
                        }
                        Err(_) => return (*name, fluent_value(value)),
                    }
                }
                (*name, fluent_value(value))
            })
            .collect();
        i18n::t_args(lang, self.id, &args)
    }
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

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

impl AsRef<str> for Msg {
    fn as_ref(&self) -> &str {
        &self.en
    }
}

impl PartialEq<str> for Msg {
    fn eq(&self, other: &str) -> bool {
        self.en == other
    }
}

impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

impl PartialEq<String> for Msg {
    fn eq(&self, other: &String) -> bool {
        &self.en == other
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.en
    }
}

/// Why an engine command or job did not go through.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// Nothing with that id in this tenant (another tenant's ids look exactly like this).
    #[error("not found")]
    NotFound,
    /// The caller's roles do not grant the permission the command needs.
    #[error("your role cannot {}", .0.action())]
    Forbidden(Permission),
    /// The approval step was decided meanwhile, or the document is not waiting.
    #[error("this is no longer waiting for a decision")]
    NotPending,
    /// The document's state machine does not allow the command now.
    #[error(transparent)]
    Transition(#[from] workflow::Forbidden),
    /// Segregation of duties or delegation refused the decision.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// A value the caller sent is not acceptable; the message names the field. Made
    /// with [`EngineError::invalid`].
    #[error("{0}")]
    Invalid(Msg),
    /// The job's lease lapsed and another worker owns it; nothing was committed.
    #[error("the job's lease was lost")]
    Fenced,
    /// The database failed. Internal: logged at the boundary, never shown.
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

impl From<Msg> for EngineError {
    fn from(m: Msg) -> EngineError {
        EngineError::Invalid(m)
    }
}

impl From<Denied> for EngineError {
    fn from(d: Denied) -> EngineError {
        EngineError::Forbidden(d.0)
    }
}

/// What a person is told when the database failed.
pub const INTERNAL_MESSAGE: &str =
    "Something went wrong on our side; nothing was changed. Please try again.";

impl EngineError {
    /// True for errors that must be logged and hidden (see the module rule).
    pub fn is_internal(&self) -> bool {
        matches!(self, EngineError::Store(_) | EngineError::Fenced)
    }

    /// [`EngineError::Invalid`] with the catalogue message `id` and its variables.
    pub fn invalid(id: &'static str, args: &[(&'static str, String)]) -> EngineError {
        EngineError::Invalid(Msg::new(id, args))
    }

    /// The error as a sentence a person can read, in English: capitalised, ending with
    /// a full stop, and for internal errors the generic [`INTERNAL_MESSAGE`].
    pub fn user_message(&self) -> String {
        self.text(Lang::En)
    }

    /// [`EngineError::user_message`] in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            EngineError::Store(_) | EngineError::Fenced => internal_message(lang),
            EngineError::NotFound => i18n::t(lang, "err-not-found"),
            EngineError::Forbidden(p) => i18n::t_args(
                lang,
                "err-forbidden",
                &[("action", permission_action(*p, lang).into())],
            ),
            EngineError::NotPending => i18n::t(lang, "err-not-pending"),
            EngineError::Transition(f) => f.text(lang),
            EngineError::Refused(r) => sentence(&r.text(lang)),
            EngineError::Invalid(m) => sentence(&m.text(lang)),
        }
    }
}

/// [`INTERNAL_MESSAGE`] in `lang`.
pub fn internal_message(lang: Lang) -> String {
    i18n::t(lang, "err-internal")
}

/// What `p` allows, as the end of "Your role cannot …", in `lang`
/// ([`Permission::action`] in English).
pub fn permission_action(p: Permission, lang: Lang) -> String {
    i18n::t(lang, permission_action_id(p))
}

/// The catalogue id of [`permission_action`] (`err-permission-import-data`).
pub fn permission_action_id(p: Permission) -> &'static str {
    match p {
        Permission::ViewInventory => "err-permission-view-inventory",
        Permission::DecideApprovals => "err-permission-decide-approvals",
        Permission::CommandTransfers => "err-permission-command-transfers",
        Permission::CommandPurchaseOrders => "err-permission-command-purchase-orders",
        Permission::EditPolicies => "err-permission-edit-policies",
        Permission::EditApprovalMatrix => "err-permission-edit-approval-matrix",
        Permission::WorkExceptions => "err-permission-work-exceptions",
        Permission::SeeJobs => "err-permission-see-jobs",
        Permission::ReplayJobs => "err-permission-replay-jobs",
        Permission::ManageMembers => "err-permission-manage-members",
        Permission::ManageSuppliers => "err-permission-manage-suppliers",
        Permission::ManageBackInStock => "err-permission-manage-back-in-stock",
        Permission::ManageIntegrations => "err-permission-manage-integrations",
        Permission::ImportData => "err-permission-import-data",
        Permission::EditBranding => "err-permission-edit-branding",
        Permission::SeeAuditTrail => "err-permission-see-audit-trail",
        Permission::AnswerPurchaseOrders => "err-permission-answer-purchase-orders",
        Permission::ManageClientTenants => "err-permission-manage-client-tenants",
        Permission::ManagePlatform => "err-permission-manage-platform",
        Permission::ManageOwnAccount => "err-permission-manage-own-account",
    }
}

pub use crate::model::role_term;

pub use i18n::{term_id, term_text};

/// `text` with a capital first letter and a closing full stop.
pub fn sentence(text: &str) -> String {
    let mut c = text.trim().chars();
    let mut out: String = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// The class of a database error, safe to store and show (no table, column or value).
pub fn store_error_class(e: &sqlx::Error) -> &'static str {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            "the database was unavailable"
        }
        sqlx::Error::Database(d) if d.is_unique_violation() || d.is_foreign_key_violation() => {
            "a database constraint refused the change"
        }
        sqlx::Error::Database(_) => "the database refused the statement",
        sqlx::Error::RowNotFound => "a row the job needs is missing",
        sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => {
            "a stored value could not be read"
        }
        _ => "a database error",
    }
}

impl From<EngineError> for JobError {
    fn from(e: EngineError) -> JobError {
        match e {
            EngineError::Store(e) => {
                tracing::warn!(error = %e, "job failed on a database error; it will retry");
                JobError::Retry(store_error_class(&e).into())
            }
            EngineError::Fenced => JobError::Retry("lease lost".into()),
            other => JobError::Terminal(other.user_message()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_never_show_their_text() {
        let e = EngineError::Store(sqlx::Error::Protocol("relation \"transfers\" x".into()));
        assert_eq!(e.user_message(), INTERNAL_MESSAGE);
        let j = JobError::from(EngineError::Store(sqlx::Error::Protocol("secret".into())));
        assert!(!j.to_string().contains("secret"), "{j}");
    }

    #[test]
    fn people_read_sentences_not_snake_case() {
        let e = EngineError::Transition(workflow::Forbidden {
            document: "transfer",
            state: "pending_approval",
            command: "ship",
        });
        assert_eq!(
            e.user_message(),
            "You cannot ship a transfer that is pending approval."
        );
        assert_eq!(
            EngineError::Forbidden(Permission::EditPolicies).user_message(),
            "Your role cannot change replenishment policies. If your work needs it, ask your portal's administrator."
        );
        assert_eq!(sentence("say why."), "Say why.");
    }

    #[test]
    fn messages_are_read_in_the_reader_s_language() {
        let m = Msg::new("err-line-twice", &[("line", "7".into())]);
        assert_eq!(m, "line 7 is named twice");
        assert_eq!(m.to_string(), "line 7 is named twice");
        assert!(m.contains("named twice"));
        assert_eq!(m.text(Lang::De), "Position 7 ist doppelt angegeben");
        assert_eq!(m.text(Lang::Nl), "regel 7 staat er twee keer in");
        // A code that only looks like a number is left as it is.
        let sku = Msg::new("err-bis-substitute", &[("sku", "007".into())]);
        assert_eq!(sku, "Substitutes: no product has the SKU 007");
        // Figures read as the reader writes them.
        let pair = Msg::new("err-theme-contrast-pair", &[("pair", "x".into())])
            .num("ratio", 2.54, 1)
            .num("needs", 4.5, 1);
        assert_eq!(pair, "x has 2.5:1, and needs 4.5:1");
        let german = pair.text(Lang::De);
        assert!(
            german.contains("2,5:1") && german.contains("4,5:1"),
            "{german}"
        );
        assert_eq!(
            crate::recorded::Recorded::from(&pair).text(Lang::Nl),
            pair.text(Lang::Nl)
        );
        // Whole numbers choose the plural.
        let codes = |n: &str| EngineError::invalid("err-2fa-too-many", &[("minutes", n.into())]);
        assert_eq!(
            codes("1").user_message(),
            "Too many wrong codes; try again in 1 minute."
        );
        assert_eq!(
            codes("15").user_message(),
            "Too many wrong codes; try again in 15 minutes."
        );
        assert!(codes("1").text(Lang::De).ends_with("1 Minute erneut."));
        // Names the catalogues hold are read in the reader's language too.
        let role = Msg::new("err-delegation-role", &[])
            .term("role", role_term(crate::model::Role::Approver));
        assert!(role.contains("and approver is not"), "{role}");
        assert!(
            role.text(Lang::De).contains("Freigeber"),
            "{}",
            role.text(Lang::De)
        );
        let forbidden = EngineError::Forbidden(Permission::EditPolicies);
        assert!(forbidden
            .text(Lang::De)
            .contains("Dispositionsregeln zu ändern"));
        let t = EngineError::Transition(workflow::Forbidden {
            document: "purchase order",
            state: "change waiting for approval",
            command: "propose a change to",
        });
        assert_eq!(
            t.user_message(),
            "You cannot propose a change to a purchase order that is change waiting for approval."
        );
        assert_eq!(
            t.text(Lang::De),
            "Die Aktion „Änderung vorschlagen“ ist bei einer Bestellung im Status „Änderung wartet auf Freigabe“ nicht möglich."
        );
        assert_eq!(
            EngineError::Refused(Refusal::MissingRole("tenant admin")).text(Lang::Nl),
            "Voor deze stap is de rol 'beheerder' nodig."
        );
        for lang in Lang::ALL {
            assert!(!internal_message(lang).starts_with("err-"));
            for p in Permission::ALL {
                assert!(!permission_action(p, lang).starts_with("err-"), "{p:?}");
            }
        }
        assert_eq!(internal_message(Lang::En), INTERNAL_MESSAGE);
    }

    #[test]
    fn days_read_as_the_reader_writes_a_date() {
        let m = Msg::new("err-delivery-date", &[])
            .day("today", (2026, 12, 2))
            .day("last", (2027, 2, 3));
        assert_eq!(
            m,
            "the delivery date must be a day from today (2 Dec 2026) to 3 Feb 2027"
        );
        for lang in Lang::ALL {
            let text = m.text(lang);
            assert!(
                text.contains(&i18n::fmt::date(lang, 2026, 12, 2))
                    && text.contains(&i18n::fmt::date(lang, 2027, 2, 3))
                    && !text.contains("2026-12-02"),
                "{lang:?}: {text}"
            );
            // Kept as words (a refusal recorded with a document) it reads the same.
            assert_eq!(crate::recorded::Recorded::from(&m).text(lang), text);
        }
        assert!(m.text(Lang::De).contains("(2. Dez. 2026) bis 3. Feb. 2027"));
        // A month that is none is shown as its number, never a panic.
        let odd = Msg::new("err-receipt-done", &[]).day("day", (2026, 13, 1));
        assert!(odd.contains("on 1 13 2026"), "{odd}");
        assert_eq!(
            crate::recorded::Recorded::from(&odd).text(Lang::De),
            odd.text(Lang::De)
        );
    }

    /// Every `"err-…"` id the engine's code names is in the English catalogue (the
    /// catalogue test checks the other languages have the same ids).
    #[test]
    fn every_message_the_engine_names_is_in_the_catalogue() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let catalogue = std::fs::read_to_string(root.join("i18n/locales/en/err.ftl")).unwrap();
        let ids: std::collections::BTreeSet<&str> = catalogue
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .collect();
        let mut missing = Vec::new();
        let mut dirs = vec![root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("\"err-").skip(1) {
                    let tail: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                        .collect();
                    // A prefix (`"err-state-"`) is completed at run time.
                    if tail.is_empty()
                        || tail.ends_with('-')
                        || !piece[tail.len()..].starts_with('"')
                    {
                        continue;
                    }
                    let id = format!("err-{tail}");
                    if !ids.contains(id.as_str()) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in en/err.ftl: {missing:?}");
    }
}
