//! Document lifecycles as state machines: a pure `transition(state, command)` that
//! returns the next state and the effects to carry out, or refuses the command. The
//! runner (`engine::replenish`) loads, applies and saves state, effects and audit in one transaction.

pub mod purchase_order;
pub mod transfer;

/// A command that is not allowed in the document's current state.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot {command} a {document} that is {state}")]
pub struct Forbidden {
    pub document: &'static str,
    pub state: &'static str,
    pub command: &'static str,
}

impl Forbidden {
    /// The refusal as a sentence in `lang`, e.g. "You cannot ship a transfer that is
    /// pending approval." (the command, document and state each read in `lang` too).
    pub fn text(&self, lang: i18n::Lang) -> String {
        use i18n::term_text;
        i18n::t_args(
            lang,
            "err-transition",
            &[
                (
                    "command",
                    term_text(lang, "err-command-", self.command).into(),
                ),
                (
                    "document",
                    term_text(lang, "err-document-", self.document).into(),
                ),
                ("state", term_text(lang, "err-state-", self.state).into()),
            ],
        )
    }
}

/// A state name read from the database that no state machine knows: a decode error,
/// never silently mapped to some state.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {document} state {value:?}")]
pub struct UnknownState {
    pub document: &'static str,
    pub value: String,
}
