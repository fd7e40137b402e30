//! All SQL lives here. Every method that touches tenant data takes the tenant first and
//! filters by it; per-backend SQL is confined to the few places that need it.

mod audit;
mod catalog;
mod events;
mod identity;
mod inventory;
mod jobs;
mod keys;
mod tenants;

pub use catalog::{LocationRecord, ProductRecord, SupplierRecord};
pub use events::Applied;
pub use identity::LoginRecord;
pub use inventory::{PositionSeed, LOW_COUNT_CAP};

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
