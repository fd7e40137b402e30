//! Typed settings: built-in defaults, then an optional TOML file, then `SHELFWISE_*`
//! environment variables (last wins). `DATABASE_URL` is honoured when
//! `SHELFWISE_DATABASE_URL` is not set.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// `sqlite://…` (the default, a file under data/) or `postgres://…`.
    #[serde(default = "default_database_url")]
    pub database_url: SecretString,
    /// PostgreSQL only: the owner's URL, used to apply migrations and grant the
    /// application role (the one in `database_url`) its rights before serving. Without
    /// it, migrations run as the application role, which must then own the tables.
    #[serde(default)]
    pub database_owner_url: Option<SecretString>,
    /// Tenants are also reachable at `<slug>.<base_domain>`.
    #[serde(default = "default_base_domain")]
    pub base_domain: String,
    /// The platform's own host names: only on these does `/t/<slug>/…` pick a tenant
    /// (a tenant's subdomain or custom domain always means that tenant alone).
    #[serde(default = "default_platform_hosts")]
    pub platform_hosts: Vec<String>,
    /// Host name suffixes whose custom domains count as verified without a check
    /// (development and tests only, e.g. `[".test"]`); empty by default.
    #[serde(default)]
    pub domain_verification_override: Vec<String>,
    /// Set when served over https: cookies become `__Host-` + Secure and HSTS is sent.
    #[serde(default)]
    pub https: bool,
    /// Trust `X-Forwarded-For` for the client address (only behind a proxy you run).
    #[serde(default)]
    pub trust_proxy: bool,
    /// How many proxies you run in front (each appends one `X-Forwarded-For` entry):
    /// the client is the entry that many from the right.
    #[serde(default = "default_proxy_hops")]
    pub trusted_proxy_hops: usize,
    #[serde(default = "default_site_root")]
    pub site_root: PathBuf,
    #[serde(default = "default_themes_dir")]
    pub themes_dir: PathBuf,
    #[serde(default = "default_tenants_dir")]
    pub tenants_dir: PathBuf,
    /// `pretty` for development, `json` for production log shipping.
    #[serde(default = "default_log_format")]
    pub log_format: LogFormat,
    /// Minutes of inactivity after which a session ends.
    #[serde(default = "default_idle_minutes")]
    pub session_idle_minutes: i64,
    /// Bearer token that lets a scraper off this machine read `/metrics`; without it only
    /// loopback callers may (metrics name tenants, so they are never public).
    #[serde(default)]
    pub metrics_token: Option<SecretString>,
    /// Failed sign-ins allowed per account, and per client address, in 15 minutes.
    #[serde(default = "default_account_limit")]
    pub login_failures_per_account: u32,
    #[serde(default = "default_address_limit")]
    pub login_failures_per_address: u32,
    /// How long a replica trusts what it read about a tenant (its host, name, theme)
    /// before reading it again: the longest a change made through another replica
    /// takes to show here.
    #[serde(default = "default_tenant_cache_seconds")]
    pub tenant_cache_seconds: u64,
    /// Portals (name, slug) the platform's own address links to: set by `shelfwise demo`
    /// for the tenants it seeded, never read from a file (a real platform's address
    /// names no tenant).
    #[serde(skip)]
    pub demo_portals: Vec<(String, String)>,
    /// Run the background workers (replenishment, timers, e-mail) in this process.
    #[serde(default = "default_true")]
    pub workers: bool,
    /// How long a worker's claim on a job lasts before another may rescue it.
    #[serde(default = "default_lease_seconds")]
    pub job_lease_seconds: u64,
    /// SMTP server, e.g. `smtps://user:password@mail.example.com`. Without it, mail is
    /// written to `mailbox_dir` as `.eml` files.
    #[serde(default)]
    pub smtp_url: Option<SecretString>,
    #[serde(default = "default_mailbox_dir")]
    pub mailbox_dir: PathBuf,
    /// Sender address of all mail; the display name is the tenant's brand.
    #[serde(default = "default_mail_from")]
    pub mail_from: String,
    /// Keys that seal shoppers' e-mail addresses at rest: `id:64 hex digits`, comma
    /// separated, the first sealing (rotate by putting a new key first, then run
    /// `shelfwise subscribers rekey`). Without it a key kept in the database is used
    /// (fine for development, not for production: set this).
    #[serde(default)]
    pub subscriber_keys: Option<SecretString>,
    /// A tenant's portal URL in links (`{slug}` is replaced). Default:
    /// `http(s)://{slug}.<base_domain>:<port>`.
    #[serde(default)]
    pub portal_url: Option<String>,
    /// Networks outbound webhooks may reach although they are private or loopback
    /// (`10.0.0.0/8`, `127.0.0.1`): empty by default, so a tenant's endpoint can never
    /// reach this machine, its network or the cloud's metadata address.
    #[serde(default)]
    pub webhook_allowed_networks: Vec<String>,
    /// How long one outbound webhook request may take, in seconds (15–30 is usual).
    #[serde(default = "default_webhook_timeout")]
    pub webhook_timeout_seconds: u64,
    /// Outbound webhook requests sent at the same time (one worker each).
    #[serde(default = "default_webhook_senders")]
    pub webhook_senders: usize,
    /// Requests each API key may make per minute (per server process), answered with
    /// `RateLimit` headers and, over it, 429 with `Retry-After`.
    #[serde(default = "default_api_rate_limit")]
    pub api_rate_limit_per_minute: u32,
}

fn default_webhook_timeout() -> u64 {
    15
}
fn default_webhook_senders() -> usize {
    4
}
fn default_api_rate_limit() -> u32 {
    // 100 a second: a till posting each sale on its own stays well inside; a runaway
    // loop does not take the server.
    6_000
}

fn default_tenant_cache_seconds() -> u64 {
    30
}
fn default_proxy_hops() -> usize {
    1
}
fn default_platform_hosts() -> Vec<String> {
    ["127.0.0.1", "localhost", "[::1]"]
        .map(String::from)
        .to_vec()
}
fn default_true() -> bool {
    true
}
fn default_lease_seconds() -> u64 {
    300
}
fn default_mailbox_dir() -> PathBuf {
    "data/mailbox".into()
}
fn default_mail_from() -> String {
    "no-reply@portal.localhost".into()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

fn default_listen() -> SocketAddr {
    "127.0.0.1:3000".parse().expect("valid address")
}
fn default_database_url() -> SecretString {
    SecretString::from("sqlite://data/shelfwise.db")
}
fn default_base_domain() -> String {
    "localhost".into()
}
fn default_site_root() -> PathBuf {
    "site".into()
}
fn default_themes_dir() -> PathBuf {
    "themes".into()
}
fn default_tenants_dir() -> PathBuf {
    "tenants".into()
}
fn default_log_format() -> LogFormat {
    LogFormat::Pretty
}
fn default_idle_minutes() -> i64 {
    8 * 60
}
fn default_account_limit() -> u32 {
    10
}
fn default_address_limit() -> u32 {
    50
}

impl Settings {
    /// Loads settings from `file` (if given and present) and the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, Box<figment::Error>> {
        let mut fig = Figment::new();
        if let Some(f) = file {
            fig = fig.merge(Toml::file(f));
        }
        if std::env::var_os("SHELFWISE_DATABASE_URL").is_none() {
            if let Ok(url) = std::env::var("DATABASE_URL") {
                fig = fig.merge(("database_url", url));
            }
        }
        fig.merge(Env::prefixed("SHELFWISE_"))
            .extract()
            .map_err(Box::new)
    }

    /// Settings for tests and tools: defaults with the given database.
    pub fn for_database(url: &str) -> Settings {
        let mut s: Settings = Figment::new().extract().expect("defaults are complete");
        s.database_url = SecretString::from(url.to_string());
        s
    }

    /// The database URL with any password masked, for logs.
    pub fn database_display(&self) -> String {
        let url = self.database_url.expose_secret();
        match (url.find("://"), url.find('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                let creds = &url[scheme + 3..at];
                match creds.find(':') {
                    Some(colon) => format!(
                        "{}{}:***{}",
                        &url[..scheme + 3],
                        &creds[..colon],
                        &url[at..]
                    ),
                    None => url.to_string(),
                }
            }
            _ => url.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_and_never_debug_printed() {
        let s = Settings::for_database("postgres://app:hunter2@db:5432/shelfwise");
        assert_eq!(s.database_display(), "postgres://app:***@db:5432/shelfwise");
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail fixes the error type
    fn environment_overrides_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "s.toml",
                "listen = \"127.0.0.1:4000\"\nbase_domain = \"file.test\"",
            )?;
            jail.set_env("SHELFWISE_BASE_DOMAIN", "env.test");
            jail.set_env("DATABASE_URL", "postgres://x@y/z");
            let s = Settings::load(Some(Path::new("s.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(s.listen.port(), 4000);
            assert_eq!(s.base_domain, "env.test");
            assert_eq!(s.database_url.expose_secret(), "postgres://x@y/z");
            Ok(())
        });
    }
}
