//! A stock transfer between two locations of a tenant.
//!
//! ```text
//! proposed ──submit──▶ pending_approval ──approve──▶ approved ──ship──▶ shipped ──receive──▶ received
//!    │  └─auto_approve────────────────────────────▶ ▲   │ edit (back to approval)
//!    │                  └──reject──▶ rejected         │
//!    └────────── cancel (before shipping) ──▶ cancelled
//! ```

use serde::{Deserialize, Serialize};

use super::{Forbidden, UnknownState};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferState {
    Proposed,
    PendingApproval,
    Approved,
    Shipped,
    Received,
    Rejected,
    Cancelled,
}

impl TransferState {
    pub const ALL: [TransferState; 7] = [
        TransferState::Proposed,
        TransferState::PendingApproval,
        TransferState::Approved,
        TransferState::Shipped,
        TransferState::Received,
        TransferState::Rejected,
        TransferState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TransferState::Proposed => "proposed",
            TransferState::PendingApproval => "pending_approval",
            TransferState::Approved => "approved",
            TransferState::Shipped => "shipped",
            TransferState::Received => "received",
            TransferState::Rejected => "rejected",
            TransferState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<TransferState> {
        TransferState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The state as people read it ("pending approval").
    pub fn label(self) -> &'static str {
        match self {
            TransferState::PendingApproval => "pending approval",
            other => other.as_str(),
        }
    }

    /// [`TransferState::label`] in the reader's language.
    pub fn label_in(&self, lang: i18n::Lang) -> String {
        i18n::t(
            lang,
            match self {
                TransferState::Proposed => "hist-state-proposed",
                TransferState::PendingApproval => "hist-state-pending-approval",
                TransferState::Approved => "hist-state-approved",
                TransferState::Shipped => "hist-state-shipped",
                TransferState::Received => "hist-state-received",
                TransferState::Rejected => "hist-state-rejected",
                TransferState::Cancelled => "hist-state-cancelled",
            },
        )
    }

    pub fn is_final(self) -> bool {
        matches!(
            self,
            TransferState::Received | TransferState::Rejected | TransferState::Cancelled
        )
    }
}

impl TryFrom<String> for TransferState {
    type Error = UnknownState;
    fn try_from(value: String) -> Result<Self, UnknownState> {
        TransferState::parse(&value).ok_or(UnknownState {
            document: "transfer",
            value,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum TransferCommand {
    /// Route to the approval matrix.
    Submit,
    /// The matrix allowed it without a person (within the tenant's bounded limit).
    AutoApprove,
    Approve,
    Reject {
        reason: String,
    },
    /// Quantity changed; an approved transfer goes back for approval.
    Edit {
        quantity: i64,
    },
    /// The source location sent `quantity` units.
    Ship {
        quantity: i64,
    },
    /// The destination received `quantity` units.
    Receive {
        quantity: i64,
    },
    Cancel,
}

impl TransferCommand {
    pub fn name(&self) -> &'static str {
        match self {
            TransferCommand::Submit => "submit",
            TransferCommand::AutoApprove => "auto-approve",
            TransferCommand::Approve => "approve",
            TransferCommand::Reject { .. } => "reject",
            TransferCommand::Edit { .. } => "edit",
            TransferCommand::Ship { .. } => "ship",
            TransferCommand::Receive { .. } => "receive",
            TransferCommand::Cancel => "cancel",
        }
    }
}

/// What the runner must do after a transition, in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferEffect {
    /// Open approval steps and notify the approvers.
    RequestApproval,
    /// Withdraw open approval steps (the document changed or ended).
    WithdrawApproval,
    /// Tell the requester and both locations the outcome.
    NotifyOutcome,
    /// Source on hand −qty, destination in transit +qty.
    MoveToInTransit { quantity: i64 },
    /// Destination in transit −shipped, on hand +received; a difference opens an exception.
    MoveToOnHand { shipped: i64, received: i64 },
}

/// A transfer's state and the figures its transitions need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    pub state: TransferState,
    pub quantity: i64,
    pub shipped: i64,
}

fn forbidden(state: TransferState, cmd: &TransferCommand) -> Forbidden {
    Forbidden {
        document: "transfer",
        state: state.as_str(),
        command: cmd.name(),
    }
}

/// Applies `cmd` to `t`; returns the new transfer and its effects, or why not.
pub fn transition(
    t: &Transfer,
    cmd: &TransferCommand,
) -> Result<(Transfer, Vec<TransferEffect>), Forbidden> {
    use TransferCommand as C;
    use TransferEffect as E;
    use TransferState as S;
    let mut next = t.clone();
    let effects = match (t.state, cmd) {
        (S::Proposed, C::Submit) => {
            next.state = S::PendingApproval;
            vec![E::RequestApproval]
        }
        (S::Proposed | S::PendingApproval, C::AutoApprove) | (S::PendingApproval, C::Approve) => {
            next.state = S::Approved;
            vec![E::NotifyOutcome]
        }
        (S::PendingApproval, C::Reject { .. }) => {
            next.state = S::Rejected;
            vec![E::WithdrawApproval, E::NotifyOutcome]
        }
        (S::Proposed | S::PendingApproval | S::Approved, C::Edit { quantity }) if *quantity > 0 => {
            next.quantity = *quantity;
            if t.state == S::Proposed {
                vec![]
            } else {
                // Any change after routing needs a fresh decision.
                next.state = S::PendingApproval;
                vec![E::WithdrawApproval, E::RequestApproval]
            }
        }
        (S::Approved, C::Ship { quantity }) if *quantity > 0 && *quantity <= t.quantity => {
            next.state = S::Shipped;
            next.shipped = *quantity;
            vec![E::MoveToInTransit {
                quantity: *quantity,
            }]
        }
        (S::Shipped, C::Receive { quantity }) if *quantity >= 0 && *quantity <= t.shipped => {
            next.state = S::Received;
            vec![E::MoveToOnHand {
                shipped: t.shipped,
                received: *quantity,
            }]
        }
        (S::Proposed | S::PendingApproval | S::Approved, C::Cancel) => {
            next.state = S::Cancelled;
            vec![E::WithdrawApproval, E::NotifyOutcome]
        }
        _ => return Err(forbidden(t.state, cmd)),
    };
    Ok((next, effects))
}

/// The commands a person may give `t` now (the buttons its page shows), read from
/// [`transition`] itself so the page and the table cannot disagree. Decisions are not
/// among them: they go through the approvals inbox.
pub fn person_commands(t: &Transfer) -> Vec<&'static str> {
    let candidates = [
        TransferCommand::Ship {
            quantity: t.quantity.max(1),
        },
        TransferCommand::Receive {
            quantity: t.shipped,
        },
        TransferCommand::Edit {
            quantity: t.quantity.max(1),
        },
        TransferCommand::Cancel,
    ];
    candidates
        .iter()
        .filter(|c| transition(t, c).is_ok())
        .map(|c| c.name())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use TransferCommand as C;
    use TransferState as S;

    fn at(state: S) -> Transfer {
        Transfer {
            state,
            quantity: 10,
            shipped: if state == S::Shipped { 10 } else { 0 },
        }
    }

    fn commands() -> Vec<C> {
        vec![
            C::Submit,
            C::AutoApprove,
            C::Approve,
            C::Reject {
                reason: "no".into(),
            },
            C::Edit { quantity: 12 },
            C::Ship { quantity: 10 },
            C::Receive { quantity: 9 },
            C::Cancel,
        ]
    }

    /// Every allowed (state, command) pair and where it leads.
    const ALLOWED: &[(S, &str, S)] = &[
        (S::Proposed, "submit", S::PendingApproval),
        (S::Proposed, "auto-approve", S::Approved),
        (S::Proposed, "edit", S::Proposed),
        (S::Proposed, "cancel", S::Cancelled),
        (S::PendingApproval, "auto-approve", S::Approved),
        (S::PendingApproval, "approve", S::Approved),
        (S::PendingApproval, "reject", S::Rejected),
        (S::PendingApproval, "edit", S::PendingApproval),
        (S::PendingApproval, "cancel", S::Cancelled),
        (S::Approved, "edit", S::PendingApproval),
        (S::Approved, "ship", S::Shipped),
        (S::Approved, "cancel", S::Cancelled),
        (S::Shipped, "receive", S::Received),
    ];

    #[test]
    fn every_pair_is_either_allowed_as_listed_or_forbidden() {
        let mut forbidden = 0;
        for state in S::ALL {
            for cmd in commands() {
                let expected = ALLOWED
                    .iter()
                    .find(|(s, c, _)| *s == state && *c == cmd.name());
                match (transition(&at(state), &cmd), expected) {
                    (Ok((next, _)), Some((_, _, to))) => {
                        assert_eq!(next.state, *to, "{state:?} {}", cmd.name())
                    }
                    (Err(e), None) => {
                        forbidden += 1;
                        assert_eq!((e.state, e.command), (state.as_str(), cmd.name()));
                    }
                    (got, want) => {
                        panic!("{state:?} + {}: got {got:?}, expected {want:?}", cmd.name())
                    }
                }
            }
        }
        assert_eq!(forbidden, 7 * 8 - ALLOWED.len());
    }

    #[test]
    fn final_states_accept_nothing() {
        for state in S::ALL.into_iter().filter(|s| s.is_final()) {
            assert!(
                commands()
                    .iter()
                    .all(|c| transition(&at(state), c).is_err()),
                "{state:?}"
            );
        }
    }

    #[test]
    fn an_edit_after_approval_goes_back_for_approval() {
        let (t, effects) = transition(&at(S::Approved), &C::Edit { quantity: 15 }).unwrap();
        assert_eq!((t.state, t.quantity), (S::PendingApproval, 15));
        assert_eq!(
            effects,
            [
                TransferEffect::WithdrawApproval,
                TransferEffect::RequestApproval
            ]
        );
    }

    #[test]
    fn shipping_and_receiving_move_stock() {
        let (shipped, e) = transition(&at(S::Approved), &C::Ship { quantity: 8 }).unwrap();
        assert_eq!(e, [TransferEffect::MoveToInTransit { quantity: 8 }]);
        let (_, e) = transition(&shipped, &C::Receive { quantity: 7 }).unwrap();
        assert_eq!(
            e,
            [TransferEffect::MoveToOnHand {
                shipped: 8,
                received: 7
            }]
        );
    }

    #[test]
    fn nonsense_quantities_are_refused() {
        assert!(transition(&at(S::Approved), &C::Ship { quantity: 0 }).is_err());
        assert!(transition(&at(S::Proposed), &C::Edit { quantity: -1 }).is_err());
        assert!(transition(&at(S::Shipped), &C::Receive { quantity: -1 }).is_err());
    }

    #[test]
    fn a_page_offers_exactly_what_the_table_allows() {
        assert_eq!(
            person_commands(&at(S::Approved)),
            vec!["ship", "edit", "cancel"]
        );
        assert_eq!(
            person_commands(&at(S::PendingApproval)),
            vec!["edit", "cancel"]
        );
        assert_eq!(person_commands(&at(S::Proposed)), vec!["edit", "cancel"]);
        assert_eq!(person_commands(&at(S::Shipped)), vec!["receive"]);
        for s in [S::Received, S::Rejected, S::Cancelled] {
            assert!(person_commands(&at(s)).is_empty(), "{s:?}");
        }
    }

    #[test]
    fn stored_states_decode_or_fail_loudly() {
        for s in S::ALL {
            assert_eq!(S::try_from(s.as_str().to_string()), Ok(s));
        }
        assert!(S::try_from("lost".to_string()).is_err());
    }
}
