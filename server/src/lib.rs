//! The Shelfwise server: configuration, HTTP wiring (portal, REST API, health, metrics),
//! request tenancy, sign-in, and the CLI subcommands. Domain work is the engine's.

pub mod cli;
pub mod config;
pub mod http;
pub mod observability;
pub mod rate_limit;
pub mod sessions;
pub mod simulate;
pub mod startup;
pub mod state;
pub mod supervisor;
pub mod tenant_cache;

pub use config::Settings;
pub use startup::Application;
