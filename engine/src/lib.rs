//! Shelfwise's shared workflow backend: domain types, services and the store.
//! No HTTP and no Leptos here; every tenant-facing function takes the tenant it acts for.

pub mod accounts;
pub mod addresses;
pub mod alert_settings;
pub mod api_keys;
pub mod approval;
pub mod audit;
pub mod back_in_stock;
pub mod backtest;
pub mod branding;
pub mod db;
pub mod domains;
pub mod error;
pub mod exceptions;
pub mod forecast;
pub mod idempotency;
pub mod identity;
pub mod imports;
pub mod inbound;
pub mod ingest;
pub mod invites;
pub mod jobs;
pub mod limits;
pub mod links;
pub mod mail;
pub mod members;
pub mod model;
pub mod partners;
pub mod platform;
pub mod policy;
pub mod query;
pub mod replenish;
pub mod scorecard;
pub mod seed;
pub mod sla;
pub mod sourcing;
pub mod store;
pub mod theme;
pub mod trail;
pub mod webhooks;
pub mod worker;
pub mod workflow;

pub use db::{Backend, Db, Scope};
pub use error::EngineError;
pub use sqlx;
pub use store::Store;
