//! The real `shelfwise` binary, run against a [`TestDb`] for the tests that need whole
//! processes (the crash test, the two-replica test): its data under the database's
//! folder (tenants, site, mailbox), short job leases, logs at warn.

use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

use crate::TestDb;

pub struct RealServer<'a> {
    /// The binary (`env!("CARGO_BIN_EXE_shelfwise")` in the server crate's tests).
    pub bin: &'a str,
    pub db: &'a TestDb,
    /// Extra `SHELFWISE_*` settings for every command.
    pub env: Vec<(&'static str, String)>,
}

impl<'a> RealServer<'a> {
    pub fn new(bin: &'a str, db: &'a TestDb) -> RealServer<'a> {
        RealServer {
            bin,
            db,
            env: Vec::new(),
        }
    }

    /// `shelfwise <args>` listening on `port`, on this database.
    pub fn command(&self, args: &[&str], port: u16) -> Command {
        let root = crate::repo_root();
        let mut c = Command::new(self.bin);
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SHELFWISE_DATABASE_URL", self.db.url())
            .env("SHELFWISE_LISTEN", format!("127.0.0.1:{port}"))
            .env("SHELFWISE_TENANTS_DIR", self.db.dir().join("tenants"))
            .env("SHELFWISE_THEMES_DIR", root.join("themes"))
            .env("SHELFWISE_SITE_ROOT", self.db.dir().join("site"))
            .env("SHELFWISE_MAILBOX_DIR", self.db.dir().join("mail"))
            .env("SHELFWISE_JOB_LEASE_SECONDS", "2")
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .kill_on_drop(true);
        if let Some(owner) = self.db.owner_url() {
            c.env("SHELFWISE_DATABASE_OWNER_URL", owner);
        }
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    /// Writes `toml` as the only tenant file and seeds it (`shelfwise seed`).
    pub async fn seed(&self, slug: &str, toml: &str) {
        let dir = self.db.dir().join("tenants");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{slug}.toml")), toml).unwrap();
        assert!(self.command(&["seed"], 0).status().await.unwrap().success());
    }

    /// A new API key of `slug` (`shelfwise api-key`).
    pub async fn api_key(&self, slug: &str) -> String {
        let out = self
            .command(&["api-key", "--tenant", slug], 0)
            .output()
            .await
            .unwrap();
        let key = String::from_utf8(out.stdout).unwrap().trim().to_string();
        assert!(key.starts_with("sw_"), "no key printed");
        key
    }

    /// `shelfwise serve` on `port`, once it answers `/healthz` (30 s at most).
    pub async fn start(&self, port: u16) -> Child {
        let child = self
            .command(&["serve"], port)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(r) = client.get(url(port, "/healthz")).send().await {
                if r.status().is_success() {
                    return child;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not come up");
    }
}

/// `http://127.0.0.1:<port><path>`
pub fn url(port: u16, path: &str) -> String {
    format!("http://127.0.0.1:{port}{path}")
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
