//! Document lifecycles as state machines: a pure `transition(state, command)` that
//! returns the next state and the effects to carry out, or refuses the command. The
//! runner (to come) loads, applies and saves state, effects and audit in one transaction.

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
