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

/// A state name read from the database that no state machine knows: a decode error,
/// never silently mapped to some state.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {document} state {value:?}")]
pub struct UnknownState {
    pub document: &'static str,
    pub value: String,
}
