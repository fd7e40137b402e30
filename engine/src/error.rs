//! The engine's one error type, and the rule for what each kind of error shows to whom.
//!
//! # The rule
//!
//! - **Shown to the person**: every variant but [`EngineError::Store`] is something the
//!   person can act on (a missing permission, a refused transition, a bad value named by
//!   field, a document that is not there). [`EngineError::user_message`] gives it as a
//!   sentence in the product's voice; boundaries (form handlers, server functions, the
//!   REST API) show that sentence and nothing else.
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
    /// A value the caller sent is not acceptable; the text names the field.
    #[error("{0}")]
    Invalid(String),
    /// The job's lease lapsed and another worker owns it; nothing was committed.
    #[error("the job's lease was lost")]
    Fenced,
    /// The database failed. Internal: logged at the boundary, never shown.
    #[error(transparent)]
    Store(#[from] sqlx::Error),
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

    /// The error as a sentence a person can read: capitalised, ending with a full stop,
    /// and for internal errors the generic [`INTERNAL_MESSAGE`].
    pub fn user_message(&self) -> String {
        match self {
            e if e.is_internal() => INTERNAL_MESSAGE.into(),
            EngineError::NotFound => "That does not exist in this portal.".into(),
            EngineError::Forbidden(p) => format!(
                "Your role cannot {}. If your work needs it, ask your portal's administrator.",
                p.action()
            ),
            EngineError::Transition(f) => format!(
                "You cannot {} a {} that is {}.",
                f.command,
                f.document.replace('_', " "),
                f.state.replace('_', " ")
            ),
            other => sentence(&other.to_string()),
        }
    }
}

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
}
