//! All SQL lives here. Every method that touches tenant data takes the tenant first and
//! filters by it; per-backend SQL is confined to the few places that need it.

pub(crate) mod audit;
mod catalog;
mod events;
pub mod exceptions;
mod identity;
mod inventory;
pub(crate) mod jobs;
mod keys;
pub mod replenish;
mod tenants;

pub use catalog::{LocationRecord, ProductRecord, SupplierRecord};
pub use events::Applied;
pub use exceptions::{CommentRecord, ExceptionRecord, NewException};
pub use identity::LoginRecord;
pub use inventory::{PositionSeed, LOW_COUNT_CAP};
pub use replenish::{DocRef, PoLineRecord, PurchaseOrderRecord, StepRecord, TransferRecord};

use crate::db::Db;

/// The store: a cheap clone around the pools.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

impl Store {
    pub fn new(db: Db) -> Self {
        Store { db }
    }
    pub fn db(&self) -> &Db {
        &self.db
    }
}
