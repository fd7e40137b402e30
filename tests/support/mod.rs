//! Starts the real application for a test: port 0, a fresh database (SQLite file or a new
//! PostgreSQL database), the demo tenants seeded from tenants/*.toml.
#![allow(dead_code)]

use std::path::PathBuf;

use engine::seed::{seed_tenant, TenantFile};
use engine::{Db, Store};
use server::{Application, Settings};
use tokio::sync::watch;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    served: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    pub port: u16,
    pub store: Store,
    shutdown: watch::Sender<bool>,
    _dir: tempfile::TempDir,
    pg_name: Option<String>,
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pg_admin_url() -> String {
    std::env::var("SHELFWISE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct Options {
    pub login_failures_per_account: u32,
    pub login_failures_per_address: u32,
    /// Serve as if behind https (Secure `__Host-` cookies, HSTS).
    pub https: bool,
    /// Serve as if behind a reverse proxy, with this token for `/metrics`.
    pub behind_proxy_with_metrics_token: Option<&'static str>,
    /// Send mail over SMTP to this URL instead of writing the mailbox directory.
    pub smtp_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            login_failures_per_account: 10,
            login_failures_per_address: 50,
            https: false,
            behind_proxy_with_metrics_token: None,
            smtp_url: None,
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

pub async fn spawn_app_with(backend: Backend, opts: Options) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let (url, pg_name) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("app.db").display()),
            None,
        ),
        Backend::Postgres => {
            let admin = pg_admin_url();
            let Db::Postgres(pool) = Db::connect(&admin)
                .await
                .expect("PostgreSQL must be reachable")
            else {
                unreachable!()
            };
            let name = format!("shelfwise_h_{:x}", rand_u64());
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
            let base = &admin[..admin.rfind('/').unwrap()];
            (format!("{base}/{name}"), Some(name))
        }
    };
    let mut settings = Settings::for_database(&url);
    settings.listen = "127.0.0.1:0".parse().unwrap();
    let root = repo_root();
    settings.themes_dir = root.join("themes");
    settings.tenants_dir = root.join("tenants");
    settings.site_root = std::env::var("SHELFWISE_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("site"));
    settings.login_failures_per_account = opts.login_failures_per_account;
    settings.https = opts.https;
    if let Some(token) = opts.behind_proxy_with_metrics_token {
        settings.trust_proxy = true;
        settings.metrics_token = Some(token.to_string().into());
    }
    settings.login_failures_per_address = opts.login_failures_per_address;
    settings.mailbox_dir = dir.path().join("mailbox");
    settings.smtp_url = opts.smtp_url.map(Into::into);
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let store = Store::new(db);
    for file in TenantFile::load_dir(&settings.tenants_dir).unwrap() {
        seed_tenant(&store, &file).await.unwrap();
    }
    let app = Application::build_with_store(settings, store.clone())
        .await
        .unwrap();
    let port = app.port();
    let shutdown = app.shutdown_handle();
    let served = tokio::spawn(app.run_until_stopped());
    TestApp {
        served: Some(served),
        port,
        store,
        shutdown,
        _dir: dir,
        pg_name,
    }
}

fn rand_u64() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    n ^ (u64::from(std::process::id()) << 32)
}

impl TestApp {
    /// Asks the server to stop and waits (5 s at most) until it has.
    pub async fn stop(&mut self) -> std::io::Result<()> {
        let _ = self.shutdown.send(true);
        let served = self.served.take().expect("the server is running");
        tokio::time::timeout(std::time::Duration::from_secs(5), served)
            .await
            .expect("the server stops within 5 s")
            .expect("the server task did not panic")
    }

    /// `http://127.0.0.1:<port><path>`
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// A cookie-keeping client that does not follow redirects, so tests can read them,
    /// and that asks for HTML as a browser does.
    pub fn client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            "accept",
            "text/html,application/xhtml+xml,*/*;q=0.8".parse().unwrap(),
        );
        reqwest::Client::builder()
            .default_headers(headers)
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// The origin a browser would send for a page of this app.
    /// The development mailbox this app writes mail into.
    pub fn mailbox(&self) -> PathBuf {
        self._dir.path().join("mailbox")
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub async fn tenant(&self, slug: &str) -> engine::model::TenantId {
        self.store.tenant_by_slug(slug).await.unwrap().unwrap().id
    }

    /// Signs in through the form (path form of the tenant) and returns the redirect target.
    pub async fn login(
        &self,
        client: &reqwest::Client,
        slug: &str,
        email: &str,
        password: &str,
    ) -> String {
        let res = client
            .post(self.url(&format!("/t/{slug}/login")))
            .header("origin", self.origin())
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "sign-in answers with a redirect");
        res.headers()["location"].to_str().unwrap().to_string()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(name) = self.pg_name.take() {
            let admin = pg_admin_url();
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    if let Ok(Db::Postgres(pool)) = Db::connect(&admin).await {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&pool)
                                .await;
                    }
                });
            })
            .join()
            .ok();
        }
    }
}

/// Declares one test per backend for an async fn taking a [`Backend`].
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name($crate::support::Backend::Sqlite).await } )* }
        mod postgres { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name($crate::support::Backend::Postgres).await } )* }
    };
}
