//! What a supplier sees of a purchase order it was sent (through the signed link).

use serde::{Deserialize, Serialize};

use super::Fact;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupplierOrderView {
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
    /// The range a promised date may take (YYYY-MM-DD), and a suggestion.
    pub first_day: String,
    pub last_day: String,
    pub suggested_day: String,
}
