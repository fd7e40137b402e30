//! The real application started for a test: port 0, a fresh [`TestDb`], the demo
//! tenants seeded from `tenants/*.toml`, mail written to a mailbox folder. Its workers
//! are off unless asked for: a test runs the queued jobs when it chooses
//! ([`TestApp::run_pending_jobs`]), so nothing is left to timing. A test that leaves
//! due jobs queued fails when the app is dropped, unless it said so
//! ([`TestApp::allow_queued_jobs`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use engine::model::{now_ms, TenantId};
use engine::seed::{seed_tenant, TenantFile};
use engine::worker::Worker;
use engine::Store;
use server::{Application, Settings};
use tokio::sync::watch;

use crate::{Backend, TestDb};

/// The demo logins the tests use (from `tenants/*.toml`).
pub mod logins {
    pub const FF_ADMIN: (&str, &str) = ("admin@freshfield.example", "freshfield-admin-2026");
    pub const FF_PLANNER: (&str, &str) = ("planner@freshfield.example", "freshfield-plan-2026");
    pub const FF_OPERATOR: (&str, &str) = ("operator@freshfield.example", "freshfield-ops-2026");
    pub const FF_SUPPLIER: (&str, &str) = ("dairy@lowlands-dairy.example", "lowlands-supply-2026");
    pub const RL_ADMIN: (&str, &str) = ("admin@ridgeline.example", "ridgeline-admin-2026");
    /// Northwind's console (the partner of Ridgeline).
    pub const NW_ADMIN: (&str, &str) = ("ops@northwind.example", "northwind-msp-2026");
    /// The platform's console.
    pub const PLATFORM_ADMIN: (&str, &str) = ("root@platform.example", "platform-root-2026");
}

pub struct TestApp {
    served: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    pub port: u16,
    pub store: Store,
    shutdown: watch::Sender<bool>,
    /// The replenishment, mail and webhook workers, run on demand (none when the app
    /// runs its own).
    workers: Vec<Worker>,
    allow_queued: AtomicBool,
    db: TestDb,
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
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
    /// Run the background workers in the app, as `serve` does (browser tests).
    pub workers: bool,
    /// Networks outbound webhooks may reach despite being loopback or private (the
    /// tests' receivers listen on 127.0.0.1, which is allowed unless a test clears this).
    pub webhook_allowed_networks: Vec<String>,
    /// How long an outbound webhook request may take (seconds).
    pub webhook_timeout_seconds: u64,
    /// Outbound webhook senders (when the app runs its own workers).
    pub webhook_senders: usize,
    /// REST API requests per key and minute.
    pub api_rate_limit_per_minute: u32,
    /// How long a tenant looked up by host or slug is cached (seconds).
    pub tenant_cache_seconds: u64,
    /// Portals (name, slug) the platform's address links to, as `shelfwise demo` sets.
    pub demo_portals: Vec<(String, String)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            login_failures_per_account: 10,
            login_failures_per_address: 50,
            https: false,
            behind_proxy_with_metrics_token: None,
            smtp_url: None,
            workers: false,
            webhook_allowed_networks: vec!["127.0.0.1".into()],
            webhook_timeout_seconds: 5,
            api_rate_limit_per_minute: 6_000,
            tenant_cache_seconds: 30,
            webhook_senders: 4,
            demo_portals: Vec::new(),
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Options::default()).await
}

pub async fn spawn_app_with(backend: Backend, opts: Options) -> TestApp {
    crate::init_test_log();
    let db = TestDb::new(backend).await;
    let mut settings = Settings::for_database(db.url());
    settings.listen = "127.0.0.1:0".parse().unwrap();
    let root = repo_root();
    settings.themes_dir = root.join("themes");
    settings.tenants_dir = root.join("tenants");
    settings.site_root = std::env::var("SHELFWISE_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("site"));
    settings.login_failures_per_account = opts.login_failures_per_account;
    settings.login_failures_per_address = opts.login_failures_per_address;
    settings.https = opts.https;
    if opts.https {
        // Serving over https needs real keys for shoppers' addresses.
        settings.subscriber_keys = Some(format!("test:{}", "5a".repeat(32)).into());
    }
    if let Some(token) = opts.behind_proxy_with_metrics_token {
        settings.trust_proxy = true;
        settings.metrics_token = Some(token.to_string().into());
    }
    settings.mailbox_dir = db.dir().join("mailbox");
    settings.smtp_url = opts.smtp_url.map(Into::into);
    settings.workers = opts.workers;
    settings.webhook_allowed_networks = opts.webhook_allowed_networks;
    settings.webhook_timeout_seconds = opts.webhook_timeout_seconds;
    settings.webhook_senders = opts.webhook_senders;
    settings.api_rate_limit_per_minute = opts.api_rate_limit_per_minute;
    settings.tenant_cache_seconds = opts.tenant_cache_seconds;
    settings.demo_portals = opts.demo_portals;
    settings.domain_verification_override = vec![".test".into()];
    let store = db.store.clone();
    for file in TenantFile::load_dir(&settings.tenants_dir).unwrap() {
        seed_tenant(&store, &file).await.unwrap();
    }
    // Seeding queues nothing a test has to run; start from an empty queue.
    let app = Application::build_with_store(settings, store.clone())
        .await
        .unwrap();
    let workers = if opts.workers {
        Vec::new()
    } else {
        app.workers("test").expect("the workers are configured")
    };
    let port = app.port();
    let shutdown = app.shutdown_handle();
    let served = tokio::spawn(app.run_until_stopped());
    TestApp {
        served: Some(served),
        port,
        store,
        shutdown,
        workers,
        allow_queued: AtomicBool::new(opts.workers),
        db,
    }
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

    /// Runs every job that is due now (replenishment, timers, e-mail) until none is
    /// left; returns how many ran.
    ///
    /// # Panics
    /// When the app runs its own workers, or the queue does not drain in 100 laps.
    pub async fn run_pending_jobs(&self) -> usize {
        self.run_jobs_due_at(now_ms()).await
    }

    /// Runs the jobs due at `at` (epoch ms), for timers a test moves the clock to.
    pub async fn run_jobs_due_at(&self, at: i64) -> usize {
        assert!(
            !self.workers.is_empty(),
            "this app runs its own workers; there is nothing to run by hand"
        );
        let mut ran = 0;
        for _ in 0..100 {
            let mut lap_ran = 0;
            for w in &self.workers {
                let lap = w.run_once(at.max(now_ms())).await.unwrap();
                lap_ran += lap.completed + lap.retried + lap.discarded;
            }
            if lap_ran == 0 {
                return ran;
            }
            ran += lap_ran;
        }
        panic!("the job queue did not drain");
    }

    /// This test may end with due jobs still queued.
    pub fn allow_queued_jobs(&self) {
        self.allow_queued.store(true, Ordering::Relaxed);
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

    /// The theme packs this app serves (another replica would load the same folder).
    pub fn themes_dir(&self) -> PathBuf {
        repo_root().join("themes")
    }

    /// The development mailbox this app writes mail into.
    pub fn mailbox(&self) -> PathBuf {
        self.db.dir().join("mailbox")
    }

    /// The messages in the mailbox, as text.
    pub fn mails(&self) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(self.mailbox()) else {
            return Vec::new();
        };
        dir.filter_map(|e| e.ok())
            .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
            .collect()
    }

    /// The origin a browser would send for a page of this app.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub async fn tenant(&self, slug: &str) -> TenantId {
        self.store.tenant_by_slug(slug).await.unwrap().unwrap().id
    }

    /// A transfer's state as stored (e.g. `pending_approval`).
    pub async fn transfer_state(&self, tenant: TenantId, id: i64) -> String {
        self.store
            .transfer(tenant, id)
            .await
            .unwrap()
            .expect("the transfer exists")
            .state
            .as_str()
            .to_string()
    }

    /// A new API key of the tenant, for the events API.
    pub async fn api_key(&self, slug: &str) -> String {
        let tenant = self.tenant(slug).await;
        engine::identity::create_api_key(&self.store, tenant, "pos", "test")
            .await
            .unwrap()
            .key
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

    /// A client signed in to `slug` as `login` (see [`logins`]).
    pub async fn signed_in(&self, slug: &str, login: (&str, &str)) -> reqwest::Client {
        let c = self.client();
        let to = self.login(&c, slug, login.0, login.1).await;
        assert!(
            !to.contains("error="),
            "{} could not sign in: {to}",
            login.0
        );
        c
    }

    /// Posts a form of the portal as a browser on this origin would.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .header("origin", self.origin())
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Posts a batch of events to `slug`'s events API with `key`.
    pub async fn post_events(
        &self,
        slug: &str,
        key: &str,
        batch: &serde_json::Value,
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.url(&format!("/t/{slug}/api/v1/events")))
            .bearer_auth(key)
            .json(batch)
            .send()
            .await
            .unwrap()
    }

    /// The scenario most approval tests start from: Freshfield's DC has plenty of whole
    /// milk and the Jordaan store is down to 3 (reorder point 12), so replenishment
    /// proposes a transfer of 42. Returns the transfer's id (its jobs have run).
    pub async fn low_store_transfer(&self) -> i64 {
        let key = self.api_key("freshfield").await;
        let batch = serde_json::json!({"events": [
            {"source": "pos-1", "external_id": "c1", "type": "count", "location": "DC-N", "sku": "FF-0001", "quantity": 300},
            {"source": "pos-1", "external_id": "c2", "type": "count", "location": "S-AMS1", "sku": "FF-0001", "quantity": 3},
        ]});
        let res = self.post_events("freshfield", &key, &batch).await;
        assert_eq!(res.status(), 200, "the counts are accepted");
        self.run_pending_jobs().await;
        let ff = self.tenant("freshfield").await;
        self.store
            .transfers(ff, None, 5)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.quantity > 0)
            .expect("the low store got a transfer")
            .id
    }

    /// The scenario the supplier tests start from: `skus` counted down to 1 at every
    /// Freshfield location, so no location can spare any and each gets a purchase-order
    /// line; the windows close (small orders are approved automatically and sent) and
    /// the e-mail goes. Returns the sent orders as (id, supplier id).
    pub async fn sent_orders_for(&self, skus: &[&str]) -> Vec<(i64, i64)> {
        let key = self.api_key("freshfield").await;
        let locations = [
            "DC-N", "S-AMS1", "S-AMS2", "S-HAA", "S-UTR", "S-AMF", "S-RTM",
        ];
        let mut events = Vec::new();
        for sku in skus {
            for (i, l) in locations.iter().enumerate() {
                events.push(
                    serde_json::json!({"source": "pos-1", "external_id": format!("low-{sku}-{i}"),
                    "type": "count", "location": l, "sku": sku, "quantity": 1}),
                );
            }
        }
        let batch = serde_json::json!({ "events": events });
        let res = self.post_events("freshfield", &key, &batch).await;
        assert_eq!(res.status(), 200, "the counts are accepted");
        self.run_pending_jobs().await;
        let ff = self.tenant("freshfield").await;
        let drafts = self.store.purchase_orders(ff, None, 100).await.unwrap();
        let closes = drafts
            .iter()
            .map(|p| p.window_closes_at)
            .max()
            .expect("orders were drafted");
        self.run_jobs_due_at(closes + 1).await;
        self.store
            .purchase_orders(ff, None, 100)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.state.as_str() == "sent")
            .map(|p| (p.id, p.supplier_id))
            .collect()
    }
}

/// A mail as its text reads: quoted-printable soft line breaks undone.
pub fn unfolded(mail: &str) -> String {
    mail.replace("=\r\n", "").replace("=\n", "")
}

/// The link token a mail carries after `marker` (such as `/po/` or `/invite/`): the
/// last such link's `<id>.<hex>`.
pub fn token_after(mail: &str, marker: &str) -> Option<String> {
    let at = mail.rfind(marker)? + marker.len();
    let token: String = mail[at..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || *c == '.')
        .collect();
    (!token.is_empty()).then_some(token)
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if std::thread::panicking() || self.allow_queued.load(Ordering::Relaxed) {
            return;
        }
        // Due jobs left behind mean the test did not look at what its actions caused.
        // (Counted over a connection of its own: a stopped app has closed its pools.)
        let url = self.db.url().to_string();
        let left = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            Some(rt.block_on(async {
                let store = Store::new(engine::Db::connect(&url).await?);
                let n = store.due_job_count(now_ms()).await;
                store.db().close().await;
                n
            }))
        })
        .join()
        .ok()
        .flatten()
        .expect("counting the jobs left queued")
        .expect("counting the jobs left queued");
        assert_eq!(
            left, 0,
            "the test left {left} due job(s) queued: run them (run_pending_jobs) or say so (allow_queued_jobs)"
        );
    }
}
