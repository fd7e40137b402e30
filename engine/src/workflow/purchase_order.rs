//! A purchase order to one supplier for one ship-to location, through approval to the
//! supplier, the supplier's answer, changes either side proposes, ship notices and
//! receipts.
//!
//! ```text
//! draft ──submit──▶ pending_approval ──approve──▶ approved ──send──▶ sent
//!   └──auto_approve──────────────────────────────▶ ▲  │ edit (back to approval)
//!                          └──reject──▶ rejected
//!
//! sent / acknowledged / backordered  (the supplier has the order: "with supplier")
//!   ──acknowledge──▶ acknowledged        ──backorder──▶ backordered
//!   ──decline──▶ declined                ──cancel (buyer)──▶ cancelled
//!   ──propose_change (supplier)──▶ change_proposed
//!   ──propose_change (buyer)──▶ change_proposed, or change_approval when it costs more
//!   ──ship_notice──▶ shipped
//!
//! change_proposed ──accept_change (the other side)──▶ acknowledged (the change applied),
//!                   or change_approval when the buyer accepts a supplier's dearer change
//!                 ──reject_change (the other side)──▶ back (acknowledged if a date was
//!                   promised, else sent)
//!                 ──propose_change (the other side: a counter)──▶ as proposing above
//! change_approval ──approve──▶ acknowledged (a supplier's change applied) or
//!                   change_proposed (a buyer's change goes to the supplier)
//!                 ──reject──▶ back, the change dropped
//! shipped ──ship_notice──▶ shipped       ──receive──▶ shipped (another notice still in
//!   transit), partly_received (more awaited) or closed (all of it in)
//! partly_received ──ship_notice──▶ shipped   ──close (buyer: the rest is not coming)──▶ closed
//! draft / pending_approval / approved and every "with supplier" or change state ──cancel──▶ cancelled
//! ```
//!
//! The buyer gives the commands up to `send`, `cancel`, `close` and its side of a change;
//! the supplier gives `acknowledge`, `backorder`, `decline`, `ship_notice` and its side
//! of a change. Which side a change command comes from is part of the command, and a
//! side never answers its own proposal.
//!
//! Size: the machine is one match; most of the file is its exhaustive test table
//! (every state against every command), which belongs next to it.

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
    Backordered,
    ChangeProposed,
    ChangeApproval,
    Shipped,
    PartlyReceived,
    Closed,
    Declined,
    Rejected,
    Cancelled,
}

impl PoState {
    pub const ALL: [PoState; 14] = [
        PoState::Draft,
        PoState::PendingApproval,
        PoState::Approved,
        PoState::Sent,
        PoState::Acknowledged,
        PoState::Backordered,
        PoState::ChangeProposed,
        PoState::ChangeApproval,
        PoState::Shipped,
        PoState::PartlyReceived,
        PoState::Closed,
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
            PoState::Backordered => "backordered",
            PoState::ChangeProposed => "change_proposed",
            PoState::ChangeApproval => "change_approval",
            PoState::Shipped => "shipped",
            PoState::PartlyReceived => "partly_received",
            PoState::Closed => "closed",
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
            PoState::ChangeProposed => "change proposed",
            PoState::ChangeApproval => "change waiting for approval",
            PoState::PartlyReceived => "partly received",
            other => other.as_str(),
        }
    }

    /// [`PoState::label`] in the reader's language.
    pub fn label_in(&self, lang: i18n::Lang) -> String {
        i18n::t(
            lang,
            match self {
                PoState::Draft => "hist-state-draft",
                PoState::PendingApproval => "hist-state-pending-approval",
                PoState::Approved => "hist-state-approved",
                PoState::Sent => "hist-state-sent",
                PoState::Acknowledged => "hist-state-acknowledged",
                PoState::Backordered => "hist-state-backordered",
                PoState::ChangeProposed => "hist-state-change-proposed",
                PoState::ChangeApproval => "hist-state-change-approval",
                PoState::Shipped => "hist-state-shipped",
                PoState::PartlyReceived => "hist-state-partly-received",
                PoState::Closed => "hist-state-closed",
                PoState::Declined => "hist-state-declined",
                PoState::Rejected => "hist-state-rejected",
                PoState::Cancelled => "hist-state-cancelled",
            },
        )
    }

    /// The catalogue id of [`PoState::label`] (`err-state-…`), for a message that names
    /// the state in the reader's language.
    pub fn term(self) -> &'static str {
        match self {
            PoState::Draft => "err-state-draft",
            PoState::PendingApproval => "err-state-pending-approval",
            PoState::Approved => "err-state-approved",
            PoState::Sent => "err-state-sent",
            PoState::Acknowledged => "err-state-acknowledged",
            PoState::Backordered => "err-state-backordered",
            PoState::ChangeProposed => "err-state-change-proposed",
            PoState::ChangeApproval => "err-state-change-waiting-for-approval",
            PoState::Shipped => "err-state-shipped",
            PoState::PartlyReceived => "err-state-partly-received",
            PoState::Closed => "err-state-closed",
            PoState::Declined => "err-state-declined",
            PoState::Rejected => "err-state-rejected",
            PoState::Cancelled => "err-state-cancelled",
        }
    }

    /// The supplier has the order and it has not shipped: it may answer, change it, or
    /// ship it.
    pub fn with_supplier(self) -> bool {
        matches!(
            self,
            PoState::Sent | PoState::Acknowledged | PoState::Backordered
        )
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

/// Who gives a change command: the retailer's buyer or the supplier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Buyer,
    Supplier,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Buyer => "buyer",
            Side::Supplier => "supplier",
        }
    }

    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "buyer" => Some(Side::Buyer),
            "supplier" => Some(Side::Supplier),
            _ => None,
        }
    }
}

/// What is left of an order once a ship notice is received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rest {
    /// Another notice is still on its way.
    InTransit,
    /// Nothing in transit, but not everything ordered has shipped.
    Awaited,
    /// Everything ordered has shipped and every notice is received (short receipts
    /// included: their exception follows the difference).
    Nothing,
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
    /// Lines or total changed before sending (value in minor units).
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
    /// The supplier confirms the order but cannot deliver before the day given.
    Backorder {
        promised_on: i64,
    },
    /// The supplier will not supply it.
    Decline {
        reason: String,
    },
    /// One side proposes new lines, prices or date; `value_minor` is the order's value
    /// with the change.
    ProposeChange {
        by: Side,
        value_minor: i64,
    },
    /// The other side takes the open proposal.
    AcceptChange {
        by: Side,
    },
    /// The other side refuses the open proposal: the order stands as it was.
    RejectChange {
        by: Side,
        reason: String,
    },
    /// The supplier's ship notice: goods on their way.
    ShipNotice,
    /// A ship notice's goods counted in at the ship-to location.
    Receive {
        rest: Rest,
    },
    /// The buyer stops waiting for what has not shipped.
    Close,
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
            PoCommand::Backorder { .. } => "backorder",
            PoCommand::Decline { .. } => "decline",
            PoCommand::ProposeChange { .. } => "propose a change to",
            PoCommand::AcceptChange { .. } => "accept a change to",
            PoCommand::RejectChange { .. } => "reject a change to",
            PoCommand::ShipNotice => "ship",
            PoCommand::Receive { .. } => "receive",
            PoCommand::Close => "close",
        }
    }

    /// Whether the supplier gives this command (the buyer gives the others).
    pub fn is_supplier_answer(&self) -> bool {
        match self {
            PoCommand::Acknowledge { .. }
            | PoCommand::Backorder { .. }
            | PoCommand::Decline { .. }
            | PoCommand::ShipNotice => true,
            PoCommand::ProposeChange { by, .. }
            | PoCommand::AcceptChange { by }
            | PoCommand::RejectChange { by, .. } => *by == Side::Supplier,
            _ => false,
        }
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
    /// On order +/− at the ship-to location for the PO's lines (what has not shipped).
    AddOnOrder,
    RemoveOnOrder,
    /// Keep the supplier's promised date (the first and every revision).
    RecordPromise,
    /// Tell the supplier (e-mail) what the buyer did to an order it has.
    NotifySupplier,
    /// Check the lines' positions again: what the order covered is not coming.
    RecheckLines,
    /// The open change is no longer open (refused, superseded by a counter, the order
    /// cancelled).
    DropChange,
    /// The open change becomes the order: its lines, prices and promised date; on
    /// order moves by the difference.
    ApplyChange,
    /// A ship notice's units move from on order to in transit (carried out with the
    /// notice's lines by `replenish::shipments`, which alone has them; `apply_po_tx`
    /// leaves it, like `RequestApproval`, to its caller).
    MoveToInTransit,
    /// A received notice's units move from in transit to on hand, and what differs from
    /// the notice opens an exception (`replenish::shipments`).
    MoveToOnHand,
}

/// The change proposal that is open on an order: who proposed it and what the order
/// would be worth with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenChange {
    pub by: Side,
    pub value_minor: i64,
    /// Where a refusal returns the order: its state before the exchange began.
    pub from: PoState,
    /// It answered the other side's proposal (a counter): refusing it also ends that
    /// proposal, so its side is told.
    pub countered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseOrder {
    pub state: PoState,
    pub value_minor: i64,
    /// Whether the supplier has promised a date (where a refused change returns the
    /// order when the change does not say where its exchange began).
    pub promised: bool,
    /// The open proposal (in `change_proposed` and `change_approval`).
    pub change: Option<OpenChange>,
}

impl PurchaseOrder {
    pub fn new(state: PoState, value_minor: i64) -> PurchaseOrder {
        PurchaseOrder {
            state,
            value_minor,
            promised: false,
            change: None,
        }
    }

    /// Where a refused change returns the order: the state it left (a backorder stays
    /// a backorder), else acknowledged once a date was promised, else sent.
    fn back(&self) -> PoState {
        match self.change {
            Some(c) if c.from.with_supplier() => c.from,
            _ if self.promised => PoState::Acknowledged,
            _ => PoState::Sent,
        }
    }
}

/// Applies `cmd` to `po`; returns the new order and its effects, or why not.
pub fn transition(
    po: &PurchaseOrder,
    cmd: &PoCommand,
) -> Result<(PurchaseOrder, Vec<PoEffect>), Forbidden> {
    use PoCommand as C;
    use PoEffect as E;
    use PoState as S;
    let forbidden = || Forbidden {
        document: "purchase order",
        state: po.state.label(),
        command: cmd.name(),
    };
    let mut next = po.clone();
    // A proposal from `by` for an order worth `value` with it: the supplier's goes to
    // the buyer; the buyer's goes to the supplier, through approval first when dearer.
    let propose = |next: &mut PurchaseOrder, by: Side, value: i64| {
        // A counter keeps where the exchange began.
        let from = po.change.map_or(po.state, |c| c.from);
        next.change = Some(OpenChange {
            by,
            value_minor: value,
            from,
            countered: po.change.is_some(),
        });
        match by {
            Side::Supplier => {
                next.state = S::ChangeProposed;
                vec![E::NotifyOutcome]
            }
            Side::Buyer if value > po.value_minor => {
                next.state = S::ChangeApproval;
                vec![E::RequestApproval]
            }
            Side::Buyer => {
                next.state = S::ChangeProposed;
                vec![E::NotifySupplier]
            }
        }
    };
    let apply = |next: &mut PurchaseOrder, change: OpenChange| {
        next.state = S::Acknowledged;
        next.value_minor = change.value_minor;
        next.promised = true;
        next.change = None;
        vec![
            E::ApplyChange,
            E::RecordPromise,
            E::NotifyOutcome,
            E::NotifySupplier,
            E::RecheckLines,
        ]
    };
    let other_side = |by: Side| po.change.is_some_and(|c| c.by != by);
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
        (s, C::Cancel) if s.with_supplier() => {
            next.state = S::Cancelled;
            vec![
                E::RemoveOnOrder,
                E::NotifySupplier,
                E::NotifyOutcome,
                E::RecheckLines,
            ]
        }
        (S::ChangeProposed | S::ChangeApproval, C::Cancel) => {
            next.state = S::Cancelled;
            next.change = None;
            vec![
                E::WithdrawApproval,
                E::DropChange,
                E::RemoveOnOrder,
                E::NotifySupplier,
                E::NotifyOutcome,
                E::RecheckLines,
            ]
        }
        (s, C::Acknowledge { promised_on }) if s.with_supplier() && *promised_on >= 0 => {
            next.state = S::Acknowledged;
            next.promised = true;
            vec![E::RecordPromise, E::NotifyOutcome]
        }
        (s, C::Backorder { promised_on }) if s.with_supplier() && *promised_on >= 0 => {
            next.state = S::Backordered;
            next.promised = true;
            vec![E::RecordPromise, E::NotifyOutcome]
        }
        (s, C::Decline { reason }) if s.with_supplier() && !reason.trim().is_empty() => {
            next.state = S::Declined;
            vec![E::RemoveOnOrder, E::NotifyOutcome, E::RecheckLines]
        }
        (s, C::ProposeChange { by, value_minor }) if s.with_supplier() && *value_minor >= 0 => {
            propose(&mut next, *by, *value_minor)
        }
        // A counter: the other side answers a proposal with one of its own.
        (S::ChangeProposed, C::ProposeChange { by, value_minor })
            if other_side(*by) && *value_minor >= 0 =>
        {
            let mut effects = vec![E::DropChange];
            effects.extend(propose(&mut next, *by, *value_minor));
            effects
        }
        (S::ChangeProposed, C::AcceptChange { by }) if other_side(*by) => {
            let change = po.change.expect("other_side checked the change is there");
            if change.by == Side::Supplier && change.value_minor > po.value_minor {
                next.state = S::ChangeApproval;
                vec![E::RequestApproval]
            } else {
                apply(&mut next, change)
            }
        }
        (S::ChangeProposed, C::RejectChange { by, reason })
            if other_side(*by) && !reason.trim().is_empty() =>
        {
            next.state = po.back();
            next.change = None;
            vec![E::DropChange, E::NotifyOutcome, E::NotifySupplier]
        }
        (S::ChangeApproval, C::Approve | C::AutoApprove) => match po.change {
            Some(change) if change.by == Side::Supplier => apply(&mut next, change),
            Some(_) => {
                next.state = S::ChangeProposed;
                vec![E::NotifySupplier]
            }
            None => return Err(forbidden()),
        },
        (S::ChangeApproval, C::Reject { .. }) => {
            next.state = po.back();
            next.change = None;
            let mut effects = vec![E::WithdrawApproval, E::DropChange, E::NotifyOutcome];
            // The supplier's own change, or the buyer's counter to one, is refused.
            if po
                .change
                .is_some_and(|c| c.by == Side::Supplier || c.countered)
            {
                effects.push(E::NotifySupplier);
            }
            effects
        }
        (s, C::ShipNotice) if s.with_supplier() || matches!(s, S::Shipped | S::PartlyReceived) => {
            next.state = S::Shipped;
            vec![E::MoveToInTransit, E::NotifyOutcome]
        }
        (S::Shipped, C::Receive { rest }) => {
            next.state = match rest {
                Rest::InTransit => S::Shipped,
                Rest::Awaited => S::PartlyReceived,
                Rest::Nothing => S::Closed,
            };
            vec![E::MoveToOnHand]
        }
        (S::PartlyReceived, C::Close) => {
            next.state = S::Closed;
            vec![E::RemoveOnOrder, E::NotifySupplier, E::RecheckLines]
        }
        _ => return Err(forbidden()),
    };
    Ok((next, effects))
}

#[cfg(test)]
mod tests {
    use super::*;
    use PoCommand as C;
    use PoState as S;

    /// Every command, with a label naming its side and, for a buyer's proposal, whether
    /// it costs more than the order (worth 1,000 in the fixtures).
    fn commands() -> Vec<(&'static str, C)> {
        let propose = |by, value_minor| C::ProposeChange { by, value_minor };
        vec![
            ("submit", C::Submit),
            ("auto-approve", C::AutoApprove),
            ("approve", C::Approve),
            (
                "reject",
                C::Reject {
                    reason: "too dear".into(),
                },
            ),
            ("edit", C::Edit { value_minor: 5_000 }),
            ("send", C::Send),
            ("cancel", C::Cancel),
            (
                "acknowledge",
                C::Acknowledge {
                    promised_on: 1_800_000_000_000,
                },
            ),
            (
                "backorder",
                C::Backorder {
                    promised_on: 1_800_000_000_000,
                },
            ),
            (
                "decline",
                C::Decline {
                    reason: "discontinued".into(),
                },
            ),
            ("propose/buyer/dear", propose(Side::Buyer, 2_000)),
            ("propose/buyer/cheap", propose(Side::Buyer, 500)),
            ("propose/supplier", propose(Side::Supplier, 2_000)),
            ("accept/buyer", C::AcceptChange { by: Side::Buyer }),
            ("accept/supplier", C::AcceptChange { by: Side::Supplier }),
            (
                "refuse/buyer",
                C::RejectChange {
                    by: Side::Buyer,
                    reason: "no".into(),
                },
            ),
            (
                "refuse/supplier",
                C::RejectChange {
                    by: Side::Supplier,
                    reason: "no".into(),
                },
            ),
            ("ship", C::ShipNotice),
            (
                "receive/in-transit",
                C::Receive {
                    rest: Rest::InTransit,
                },
            ),
            (
                "receive/awaited",
                C::Receive {
                    rest: Rest::Awaited,
                },
            ),
            (
                "receive/nothing",
                C::Receive {
                    rest: Rest::Nothing,
                },
            ),
            ("close", C::Close),
        ]
    }

    /// One order per state; the change states once per side (and the supplier's
    /// proposal once dearer, once cheaper than the order).
    fn fixtures() -> Vec<(&'static str, PurchaseOrder)> {
        let po = |state, promised, change: Option<(Side, i64)>| PurchaseOrder {
            state,
            value_minor: 1_000,
            promised,
            change: change.map(|(by, value_minor)| OpenChange {
                by,
                value_minor,
                from: if promised { S::Acknowledged } else { S::Sent },
                countered: false,
            }),
        };
        vec![
            ("draft", po(S::Draft, false, None)),
            ("pending_approval", po(S::PendingApproval, false, None)),
            ("approved", po(S::Approved, false, None)),
            ("sent", po(S::Sent, false, None)),
            ("acknowledged", po(S::Acknowledged, true, None)),
            ("backordered", po(S::Backordered, true, None)),
            (
                "proposed/supplier/dear",
                po(S::ChangeProposed, false, Some((Side::Supplier, 2_000))),
            ),
            (
                "proposed/supplier/cheap",
                po(S::ChangeProposed, false, Some((Side::Supplier, 500))),
            ),
            (
                "proposed/buyer",
                po(S::ChangeProposed, false, Some((Side::Buyer, 2_000))),
            ),
            (
                "approval/supplier",
                po(S::ChangeApproval, true, Some((Side::Supplier, 2_000))),
            ),
            (
                "approval/buyer",
                po(S::ChangeApproval, true, Some((Side::Buyer, 2_000))),
            ),
            ("shipped", po(S::Shipped, true, None)),
            ("partly_received", po(S::PartlyReceived, true, None)),
            ("closed", po(S::Closed, true, None)),
            ("declined", po(S::Declined, false, None)),
            ("rejected", po(S::Rejected, false, None)),
            ("cancelled", po(S::Cancelled, false, None)),
        ]
    }

    const WITH_SUPPLIER: &[(&str, S)] = &[
        ("cancel", S::Cancelled),
        ("acknowledge", S::Acknowledged),
        ("backorder", S::Backordered),
        ("decline", S::Declined),
        ("propose/buyer/dear", S::ChangeApproval),
        ("propose/buyer/cheap", S::ChangeProposed),
        ("propose/supplier", S::ChangeProposed),
        ("ship", S::Shipped),
    ];

    /// Every allowed (fixture, command) pair and where it leads; everything else is
    /// forbidden.
    fn allowed() -> Vec<(&'static str, &'static str, S)> {
        let mut a = vec![
            ("draft", "submit", S::PendingApproval),
            ("draft", "auto-approve", S::Approved),
            ("draft", "edit", S::Draft),
            ("draft", "cancel", S::Cancelled),
            ("pending_approval", "auto-approve", S::Approved),
            ("pending_approval", "approve", S::Approved),
            ("pending_approval", "reject", S::Rejected),
            ("pending_approval", "edit", S::PendingApproval),
            ("pending_approval", "cancel", S::Cancelled),
            ("approved", "edit", S::PendingApproval),
            ("approved", "send", S::Sent),
            ("approved", "cancel", S::Cancelled),
            ("proposed/supplier/dear", "cancel", S::Cancelled),
            (
                "proposed/supplier/dear",
                "propose/buyer/dear",
                S::ChangeApproval,
            ),
            (
                "proposed/supplier/dear",
                "propose/buyer/cheap",
                S::ChangeProposed,
            ),
            ("proposed/supplier/dear", "accept/buyer", S::ChangeApproval),
            ("proposed/supplier/dear", "refuse/buyer", S::Sent),
            ("proposed/supplier/cheap", "cancel", S::Cancelled),
            (
                "proposed/supplier/cheap",
                "propose/buyer/dear",
                S::ChangeApproval,
            ),
            (
                "proposed/supplier/cheap",
                "propose/buyer/cheap",
                S::ChangeProposed,
            ),
            ("proposed/supplier/cheap", "accept/buyer", S::Acknowledged),
            ("proposed/supplier/cheap", "refuse/buyer", S::Sent),
            ("proposed/buyer", "cancel", S::Cancelled),
            ("proposed/buyer", "propose/supplier", S::ChangeProposed),
            ("proposed/buyer", "accept/supplier", S::Acknowledged),
            ("proposed/buyer", "refuse/supplier", S::Sent),
            ("approval/supplier", "cancel", S::Cancelled),
            ("approval/supplier", "approve", S::Acknowledged),
            ("approval/supplier", "auto-approve", S::Acknowledged),
            ("approval/supplier", "reject", S::Acknowledged),
            ("approval/buyer", "cancel", S::Cancelled),
            ("approval/buyer", "approve", S::ChangeProposed),
            ("approval/buyer", "auto-approve", S::ChangeProposed),
            ("approval/buyer", "reject", S::Acknowledged),
            ("shipped", "ship", S::Shipped),
            ("shipped", "receive/in-transit", S::Shipped),
            ("shipped", "receive/awaited", S::PartlyReceived),
            ("shipped", "receive/nothing", S::Closed),
            ("partly_received", "ship", S::Shipped),
            ("partly_received", "close", S::Closed),
        ];
        for state in ["sent", "acknowledged", "backordered"] {
            a.extend(WITH_SUPPLIER.iter().map(|(c, to)| (state, *c, *to)));
        }
        a
    }

    #[test]
    fn every_pair_is_either_allowed_as_listed_or_forbidden() {
        let allowed = allowed();
        let fixtures = fixtures();
        let states: std::collections::HashSet<S> =
            fixtures.iter().map(|(_, po)| po.state).collect();
        assert_eq!(states.len(), S::ALL.len(), "a fixture for every state");
        let mut forbidden = 0;
        for (name, po) in &fixtures {
            for (label, cmd) in commands() {
                let expected = allowed.iter().find(|(f, c, _)| f == name && *c == label);
                match (transition(po, &cmd), expected) {
                    (Ok((next, _)), Some((_, _, to))) => {
                        assert_eq!(next.state, *to, "{name} + {label}")
                    }
                    (Err(e), None) => {
                        forbidden += 1;
                        assert!(e.to_string().starts_with("cannot "), "{e}");
                    }
                    (got, want) => panic!("{name} + {label}: got {got:?}, expected {want:?}"),
                }
            }
        }
        assert_eq!(allowed.len(), 64);
        assert_eq!(forbidden, fixtures.len() * commands().len() - allowed.len());
    }

    #[test]
    fn an_approved_order_is_sent_and_counted_on_order() {
        let po = PurchaseOrder::new(S::Approved, 1_000);
        let (sent, effects) = transition(&po, &C::Send).unwrap();
        assert_eq!(sent.state, S::Sent);
        assert_eq!(effects, [PoEffect::SendToSupplier, PoEffect::AddOnOrder]);
        let err = transition(&sent, &C::Edit { value_minor: 2_000 }).unwrap_err();
        assert_eq!(err.to_string(), "cannot edit a purchase order that is sent");
    }

    #[test]
    fn a_supplier_answer_needs_its_date_or_reason_and_ends_nothing_twice() {
        let sent = PurchaseOrder::new(S::Sent, 1_000);
        assert!(transition(&sent, &C::Acknowledge { promised_on: -1 }).is_err());
        assert!(transition(&sent, &C::Backorder { promised_on: -1 }).is_err());
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
        assert!(C::ShipNotice.is_supplier_answer());
        assert!(!C::Cancel.is_supplier_answer());
        assert!(!C::AcceptChange { by: Side::Buyer }.is_supplier_answer());
    }

    #[test]
    fn a_dearer_change_the_buyer_accepts_is_approved_before_it_applies() {
        let sent = PurchaseOrder::new(S::Sent, 1_000);
        let propose = C::ProposeChange {
            by: Side::Supplier,
            value_minor: 1_500,
        };
        let (proposed, effects) = transition(&sent, &propose).unwrap();
        assert_eq!(effects, [PoEffect::NotifyOutcome]);
        // The supplier cannot accept its own proposal, nor answer it with another.
        let own = transition(&proposed, &C::AcceptChange { by: Side::Supplier }).unwrap_err();
        assert_eq!(
            own.to_string(),
            "cannot accept a change to a purchase order that is change proposed"
        );
        assert!(transition(&proposed, &propose).is_err());
        let (waiting, effects) =
            transition(&proposed, &C::AcceptChange { by: Side::Buyer }).unwrap();
        assert_eq!(
            (waiting.state, waiting.value_minor),
            (S::ChangeApproval, 1_000)
        );
        assert_eq!(effects, [PoEffect::RequestApproval]);
        let (applied, effects) = transition(&waiting, &C::Approve).unwrap();
        assert_eq!(
            (applied.state, applied.value_minor, applied.change),
            (S::Acknowledged, 1_500, None)
        );
        assert!(
            effects.contains(&PoEffect::ApplyChange) && effects.contains(&PoEffect::NotifySupplier)
        );
        // Refused by the approver: the order stands as sent, and the supplier is told.
        let (back, effects) = transition(
            &waiting,
            &C::Reject {
                reason: "no".into(),
            },
        )
        .unwrap();
        assert_eq!(
            (back.state, back.value_minor, back.change),
            (S::Sent, 1_000, None)
        );
        assert!(
            effects.contains(&PoEffect::DropChange) && effects.contains(&PoEffect::NotifySupplier)
        );
    }

    #[test]
    fn a_cheaper_buyer_change_goes_straight_to_the_supplier_and_a_dearer_one_via_approval() {
        let ack = PurchaseOrder {
            promised: true,
            ..PurchaseOrder::new(S::Acknowledged, 1_000)
        };
        let cheap = C::ProposeChange {
            by: Side::Buyer,
            value_minor: 800,
        };
        let (proposed, effects) = transition(&ack, &cheap).unwrap();
        assert_eq!(
            (proposed.state, effects),
            (S::ChangeProposed, vec![PoEffect::NotifySupplier])
        );
        let refused = C::RejectChange {
            by: Side::Supplier,
            reason: "cannot".into(),
        };
        assert_eq!(
            transition(&proposed, &refused).unwrap().0.state,
            S::Acknowledged
        );
        let dear = C::ProposeChange {
            by: Side::Buyer,
            value_minor: 1_200,
        };
        let (waiting, _) = transition(&ack, &dear).unwrap();
        assert_eq!(waiting.state, S::ChangeApproval);
        let (to_supplier, effects) = transition(&waiting, &C::Approve).unwrap();
        assert_eq!(
            (to_supplier.state, effects),
            (S::ChangeProposed, vec![PoEffect::NotifySupplier])
        );
        let (accepted, effects) =
            transition(&to_supplier, &C::AcceptChange { by: Side::Supplier }).unwrap();
        assert_eq!(
            (accepted.state, accepted.value_minor),
            (S::Acknowledged, 1_200)
        );
        assert!(effects.contains(&PoEffect::ApplyChange));
    }

    #[test]
    fn a_refused_change_leaves_a_backorder_a_backorder() {
        let back = PurchaseOrder {
            promised: true,
            ..PurchaseOrder::new(S::Backordered, 1_000)
        };
        let propose = C::ProposeChange {
            by: Side::Supplier,
            value_minor: 900,
        };
        let (proposed, _) = transition(&back, &propose).unwrap();
        // The buyer counters; the supplier refuses the counter: back where it began.
        let counter = C::ProposeChange {
            by: Side::Buyer,
            value_minor: 800,
        };
        let (countered, _) = transition(&proposed, &counter).unwrap();
        let refuse = C::RejectChange {
            by: Side::Supplier,
            reason: "no".into(),
        };
        assert_eq!(
            transition(&countered, &refuse).unwrap().0.state,
            S::Backordered
        );
    }

    #[test]
    fn a_refused_counter_tells_the_supplier_its_own_proposal_is_over() {
        let sent = PurchaseOrder::new(S::Sent, 1_000);
        let supplier = C::ProposeChange {
            by: Side::Supplier,
            value_minor: 900,
        };
        let (proposed, _) = transition(&sent, &supplier).unwrap();
        let counter = C::ProposeChange {
            by: Side::Buyer,
            value_minor: 1_500,
        };
        let (waiting, _) = transition(&proposed, &counter).unwrap();
        assert_eq!(waiting.state, S::ChangeApproval);
        let (back, effects) = transition(
            &waiting,
            &C::Reject {
                reason: "no".into(),
            },
        )
        .unwrap();
        assert_eq!(back.state, S::Sent);
        assert!(effects.contains(&PoEffect::NotifySupplier));
        // A buyer's own change refused in approval never reached the supplier: silence.
        let (own, _) = transition(&sent, &counter).unwrap();
        let (_, effects) = transition(
            &own,
            &C::Reject {
                reason: "no".into(),
            },
        )
        .unwrap();
        assert!(!effects.contains(&PoEffect::NotifySupplier));
    }

    #[test]
    fn goods_in_transit_cannot_be_cancelled_and_a_short_order_is_closed_by_the_buyer() {
        let shipped = transition(&PurchaseOrder::new(S::Sent, 1_000), &C::ShipNotice)
            .unwrap()
            .0;
        let err = transition(&shipped, &C::Cancel).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot cancel a purchase order that is shipped"
        );
        assert!(transition(&shipped, &C::Close).is_err());
        let part = transition(
            &shipped,
            &C::Receive {
                rest: Rest::Awaited,
            },
        )
        .unwrap()
        .0;
        assert_eq!(part.state, S::PartlyReceived);
        let (closed, effects) = transition(&part, &C::Close).unwrap();
        assert_eq!(closed.state, S::Closed);
        assert!(effects.contains(&PoEffect::RemoveOnOrder));
        assert!(transition(&closed, &C::ShipNotice).is_err());
    }
}
