//! What a supplier sees: a purchase order it was sent (through the signed link or
//! signed in), the list of its orders, an invitation; and the admin's view of who has
//! supplier access.

use serde::{Deserialize, Serialize};

use super::Fact;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierOrderView {
    pub id: i64,
    pub title: String,
    /// The retailer the order is from.
    pub retailer: String,
    pub state: String,
    pub state_label: String,
    pub facts: Vec<Fact>,
    /// Article, quantity, unit price, line value.
    pub lines: Vec<[String; 4]>,
    pub total: String,
    /// Every promised delivery date given, oldest first: (date, given on).
    pub promises: Vec<Fact>,
    /// The order waits for (or may take a revised) answer.
    pub can_answer: bool,
    /// (Signed in) may backorder it: confirm it for a later day.
    pub can_backorder: bool,
    /// The range a promised date may take (YYYY-MM-DD), and a suggestion.
    pub first_day: String,
    pub last_day: String,
    pub suggested_day: String,
    /// Messages between the buyer and the supplier, oldest first.
    pub messages: Vec<MessageView>,
    /// What happened since it was sent: changes and ship notices (see [`OrderChanges`]).
    pub changes: OrderChanges,
}

/// A sent order's changes and ship notices, and what the viewer may do with them; the
/// same on the buyer's and the supplier's page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderChanges {
    /// The lines as a change or a ship notice names them.
    pub lines: Vec<EditLine>,
    /// The open change, if any.
    pub open: Option<ChangeView>,
    /// Earlier changes and how each ended, newest first.
    pub history: Vec<String>,
    pub notices: Vec<NoticeView>,
    /// May propose a change (or counter the other side's).
    pub can_propose: bool,
    /// May accept or refuse the open change.
    pub can_answer: bool,
    /// (Supplier) may send a ship notice.
    pub can_ship: bool,
    /// (Buyer) may count a notice in.
    pub can_receive: bool,
    /// Where this side's forms post (".../change", ".../change/answer", ".../ship",
    /// ".../receive/{notice}").
    pub action: String,
    pub first_day: String,
    pub last_day: String,
    pub suggested_day: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditLine {
    pub id: i64,
    pub article: String,
    pub quantity: i64,
    /// The unit price in the currency's units ("12.50").
    pub price: String,
    /// Units not shipped yet.
    pub open: i64,
    /// The line's own delivery day (YYYY-MM-DD) when backordered, else "".
    pub ships_on: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeView {
    /// "The supplier proposes…" or "You proposed…".
    pub heading: String,
    /// Article, as ordered, as proposed.
    pub rows: Vec<[String; 3]>,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: i64,
    pub heading: String,
    pub facts: Vec<Fact>,
    pub in_transit: bool,
    pub lines: Vec<NoticeLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoticeLine {
    pub id: i64,
    pub article: String,
    pub shipped: i64,
    /// What arrived ("" while in transit), e.g. "8 (1 damaged)".
    pub received: String,
}

/// A message about an order, as either side reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_supplier: bool,
    pub author: String,
    pub body: String,
    pub at: String,
    /// The attached file: its name and size, and where to download it.
    pub attachment: Option<(String, String)>,
}

/// The orders sent to the signed-in supplier user's organisation, a page at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierOrders {
    pub retailer: String,
    /// The organisation the user answers for ("" when the account has none yet).
    pub supplier: String,
    /// A sentence when the list cannot be shown (no organisation linked).
    pub problem: Option<String>,
    pub rows: Vec<SupplierOrderRowView>,
    /// The state the list is limited to ("" for all) and the choices.
    pub state: String,
    pub states: Vec<super::Choice>,
    /// The query string of the next (older) page, if there is one.
    pub older: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierOrderRowView {
    pub id: i64,
    pub title: String,
    pub state: String,
    pub state_label: String,
    pub ship_to: String,
    pub ordered_on: String,
    /// The promised delivery date, else the requested one (and which it is).
    pub delivery: String,
    pub lines: i64,
    pub value: String,
}

/// An invitation as its link shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteView {
    pub retailer: String,
    /// The supplier the person will answer for; empty for a staff invitation.
    pub supplier: String,
    /// The role the invitation gives, as the invitation's sentence names it, with an
    /// article where the page's language needs one ("a planner").
    pub role: String,
    pub email: String,
    pub name: String,
    pub has_account: bool,
    pub expires_on: String,
}

/// The admin's page of supplier access: each supplier with its users and open
/// invitations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierAccessView {
    pub suppliers: Vec<SupplierAccessRow>,
    /// Suppliers to invite someone for: id and name.
    pub choices: Vec<super::Choice>,
    pub clocks: ClocksView,
    /// The tenant's default language (a code; empty: English), which a supplier's
    /// e-mails are written in when no language is kept for the supplier.
    pub default_language: String,
}

/// The suppliers' clocks as the settings form shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClocksView {
    pub time_zone: String,
    /// (code, label, worked)
    pub days: Vec<(String, String, bool)>,
    pub day_starts: i64,
    pub day_ends: i64,
    pub ack_hours: i64,
    pub escalate_after_hours: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierAccessRow {
    pub id: i64,
    pub name: String,
    pub code: String,
    /// The language kept for the supplier's e-mails (a code), empty for the tenant's
    /// default.
    pub language: String,
    /// (user id, name, e-mail)
    pub users: Vec<(i64, String, String)>,
    /// (invitation id, name, e-mail, "expires on …" or "expired on …")
    pub invitations: Vec<(i64, String, String, String)>,
}

/// Supplier scorecards: every supplier's for buyers, its own for a supplier user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecards {
    pub weeks: i64,
    pub cards: Vec<ScorecardView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorecardView {
    pub supplier: String,
    /// Label and value, in reading order.
    pub figures: Vec<super::Fact>,
    /// Per week, oldest first: the week's first day, orders sent, acknowledged on time,
    /// and the on-time share in percent (none without orders).
    pub weeks: Vec<(String, i64, i64, Option<i64>)>,
}
