//! A purchase order to one supplier for one ship-to location, through approval to the
//! supplier and the supplier's answer. (Proposed changes and ship notices extend this
//! machine next.)
//!
//! ```text
//! draft ──submit──▶ pending_approval ──approve──▶ approved ──send──▶ sent ──acknowledge──▶ acknowledged
//!   └──auto_approve──────────────────────────────▶ ▲  │ edit           │ └─decline─▶ declined ◀─┘ (acknowledge again:
//!                          └──reject──▶ rejected      (back to approval) │                    a revised promised date)
//! draft / pending_approval / approved / sent / acknowledged ──cancel──▶ cancelled
//! ```
//!
//! The buyer gives the commands up to `send` and `cancel`; the supplier gives
//! `acknowledge` (with the date it promises delivery) and `decline` (with a reason).

use serde::{Deserialize, Serialize};

use super::{Forbidden, UnknownState};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoState {
    Draft,
    PendingApproval,
    Approved,
    Sent,
    Acknowledged,
    Declined,
    Rejected,
    Cancelled,
}

impl PoState {
    pub const ALL: [PoState; 8] = [
        PoState::Draft,
        PoState::PendingApproval,
        PoState::Approved,
        PoState::Sent,
        PoState::Acknowledged,
        PoState::Declined,
        PoState::Rejected,
        PoState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PoState::Draft => "draft",
            PoState::PendingApproval => "pending_approval",
            PoState::Approved => "approved",
            PoState::Sent => "sent",
            PoState::Acknowledged => "acknowledged",
            PoState::Declined => "declined",
            PoState::Rejected => "rejected",
            PoState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<PoState> {
        PoState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// The state as people read it ("pending approval").
    pub fn label(self) -> &'static str {
        match self {
            PoState::PendingApproval => "pending approval",
            other => other.as_str(),
        }
    }
}

impl TryFrom<String> for PoState {
    type Error = UnknownState;
    fn try_from(value: String) -> Result<Self, UnknownState> {
        PoState::parse(&value).ok_or(UnknownState {
            document: "purchase order",
            value,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum PoCommand {
    Submit,
    AutoApprove,
    Approve,
    Reject {
        reason: String,
    },
    /// Lines or total changed (value in minor units).
    Edit {
        value_minor: i64,
    },
    Send,
    Cancel,
    /// The supplier confirms the order and promises delivery on a day (epoch
    /// milliseconds of its midnight, UTC); again later, a revised date.
    Acknowledge {
        promised_on: i64,
    },
    /// The supplier will not supply it.
    Decline {
        reason: String,
    },
}

impl PoCommand {
    pub fn name(&self) -> &'static str {
        match self {
            PoCommand::Submit => "submit",
            PoCommand::AutoApprove => "auto-approve",
            PoCommand::Approve => "approve",
            PoCommand::Reject { .. } => "reject",
            PoCommand::Edit { .. } => "edit",
            PoCommand::Send => "send",
            PoCommand::Cancel => "cancel",
            PoCommand::Acknowledge { .. } => "acknowledge",
            PoCommand::Decline { .. } => "decline",
        }
    }

    /// Whether the supplier gives this command (the buyer gives the others).
    pub fn is_supplier_answer(&self) -> bool {
        matches!(
            self,
            PoCommand::Acknowledge { .. } | PoCommand::Decline { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoEffect {
    RequestApproval,
    WithdrawApproval,
    NotifyOutcome,
    /// Queue the send to the supplier (e-mail and webhook through the outbox).
    SendToSupplier,
    /// On order +/− at the ship-to location for the PO's lines.
    AddOnOrder,
    RemoveOnOrder,
    /// Keep the supplier's promised date (the first and every revision).
    RecordPromise,
    /// Tell the supplier (e-mail) that the buyer cancelled an order it has.
    NotifySupplier,
    /// Check the lines' positions again: what the order covered is not coming.
    RecheckLines,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseOrder {
    pub state: PoState,
    pub value_minor: i64,
}

/// Applies `cmd` to `po`; returns the new order and its effects, or why not.
pub fn transition(
    po: &PurchaseOrder,
    cmd: &PoCommand,
) -> Result<(PurchaseOrder, Vec<PoEffect>), Forbidden> {
    use PoCommand as C;
    use PoEffect as E;
    use PoState as S;
    let mut next = po.clone();
    let effects = match (po.state, cmd) {
        (S::Draft, C::Submit) => {
            next.state = S::PendingApproval;
            vec![E::RequestApproval]
        }
        (S::Draft | S::PendingApproval, C::AutoApprove) | (S::PendingApproval, C::Approve) => {
            next.state = S::Approved;
            vec![E::NotifyOutcome]
        }
        (S::PendingApproval, C::Reject { .. }) => {
            next.state = S::Rejected;
            vec![E::WithdrawApproval, E::NotifyOutcome]
        }
        (S::Draft | S::PendingApproval | S::Approved, C::Edit { value_minor })
            if *value_minor >= 0 =>
        {
            next.value_minor = *value_minor;
            if po.state == S::Draft {
                vec![]
            } else {
                next.state = S::PendingApproval;
                vec![E::WithdrawApproval, E::RequestApproval]
            }
        }
        (S::Approved, C::Send) => {
            next.state = S::Sent;
            vec![E::SendToSupplier, E::AddOnOrder]
        }
        (S::Draft | S::PendingApproval | S::Approved, C::Cancel) => {
            next.state = S::Cancelled;
            vec![E::WithdrawApproval, E::NotifyOutcome]
        }
        (S::Sent | S::Acknowledged, C::Cancel) => {
            next.state = S::Cancelled;
            vec![
                E::RemoveOnOrder,
                E::NotifySupplier,
                E::NotifyOutcome,
                E::RecheckLines,
            ]
        }
        (S::Sent | S::Acknowledged, C::Acknowledge { promised_on }) if *promised_on >= 0 => {
            next.state = S::Acknowledged;
            vec![E::RecordPromise, E::NotifyOutcome]
        }
        (S::Sent | S::Acknowledged, C::Decline { reason }) if !reason.trim().is_empty() => {
            next.state = S::Declined;
            vec![E::RemoveOnOrder, E::NotifyOutcome, E::RecheckLines]
        }
        _ => {
            return Err(Forbidden {
                document: "purchase order",
                state: po.state.as_str(),
                command: cmd.name(),
            });
        }
    };
    Ok((next, effects))
}

#[cfg(test)]
mod tests {
    use super::*;
    use PoCommand as C;
    use PoState as S;

    fn commands() -> Vec<C> {
        vec![
            C::Submit,
            C::AutoApprove,
            C::Approve,
            C::Reject {
                reason: "too dear".into(),
            },
            C::Edit { value_minor: 5_000 },
            C::Send,
            C::Cancel,
            C::Acknowledge {
                promised_on: 1_800_000_000_000,
            },
            C::Decline {
                reason: "discontinued".into(),
            },
        ]
    }

    const ALLOWED: &[(S, &str, S)] = &[
        (S::Draft, "submit", S::PendingApproval),
        (S::Draft, "auto-approve", S::Approved),
        (S::Draft, "edit", S::Draft),
        (S::Draft, "cancel", S::Cancelled),
        (S::PendingApproval, "auto-approve", S::Approved),
        (S::PendingApproval, "approve", S::Approved),
        (S::PendingApproval, "reject", S::Rejected),
        (S::PendingApproval, "edit", S::PendingApproval),
        (S::PendingApproval, "cancel", S::Cancelled),
        (S::Approved, "edit", S::PendingApproval),
        (S::Approved, "send", S::Sent),
        (S::Approved, "cancel", S::Cancelled),
        (S::Sent, "cancel", S::Cancelled),
        (S::Sent, "acknowledge", S::Acknowledged),
        (S::Sent, "decline", S::Declined),
        (S::Acknowledged, "cancel", S::Cancelled),
        (S::Acknowledged, "acknowledge", S::Acknowledged),
        (S::Acknowledged, "decline", S::Declined),
    ];

    #[test]
    fn every_pair_is_either_allowed_as_listed_or_forbidden() {
        let mut forbidden = 0;
        for state in S::ALL {
            for cmd in commands() {
                let po = PurchaseOrder {
                    state,
                    value_minor: 1_000,
                };
                let expected = ALLOWED
                    .iter()
                    .find(|(s, c, _)| *s == state && *c == cmd.name());
                match (transition(&po, &cmd), expected) {
                    (Ok((next, _)), Some((_, _, to))) => assert_eq!(next.state, *to),
                    (Err(e), None) => {
                        forbidden += 1;
                        assert!(e.to_string().starts_with("cannot "), "{e}");
                    }
                    (got, want) => {
                        panic!("{state:?} + {}: got {got:?}, expected {want:?}", cmd.name())
                    }
                }
            }
        }
        assert_eq!(forbidden, S::ALL.len() * commands().len() - ALLOWED.len());
    }

    #[test]
    fn an_approved_order_is_sent_and_counted_on_order() {
        let po = PurchaseOrder {
            state: S::Approved,
            value_minor: 1_000,
        };
        let (sent, effects) = transition(&po, &C::Send).unwrap();
        assert_eq!(sent.state, S::Sent);
        assert_eq!(effects, [PoEffect::SendToSupplier, PoEffect::AddOnOrder]);
        let err = transition(&sent, &C::Edit { value_minor: 2_000 }).unwrap_err();
        assert_eq!(err.to_string(), "cannot edit a purchase order that is sent");
    }

    #[test]
    fn a_supplier_answer_needs_its_date_or_reason_and_ends_nothing_twice() {
        let sent = PurchaseOrder {
            state: S::Sent,
            value_minor: 1_000,
        };
        assert!(transition(&sent, &C::Acknowledge { promised_on: -1 }).is_err());
        assert!(transition(
            &sent,
            &C::Decline {
                reason: "  ".into()
            }
        )
        .is_err());
        let (declined, effects) = transition(
            &sent,
            &C::Decline {
                reason: "out of stock".into(),
            },
        )
        .unwrap();
        assert!(effects.contains(&PoEffect::RemoveOnOrder));
        let err = transition(&declined, &C::Acknowledge { promised_on: 0 }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot acknowledge a purchase order that is declined"
        );
        let cancelled = transition(&sent, &C::Cancel).unwrap().0;
        assert!(transition(&cancelled, &C::Decline { reason: "x".into() }).is_err());
        assert!(C::Acknowledge { promised_on: 0 }.is_supplier_answer());
        assert!(!C::Cancel.is_supplier_answer());
    }
}
