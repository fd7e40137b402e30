//! Builds the application from settings: database, migrations, router, listener.

use std::net::SocketAddr;
use std::sync::Arc;

use app::ssr::ServerCtx;
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::{middleware, Router};
use engine::theme::Themes;
use engine::worker::Worker;
use engine::{Db, Store};
use leptos::prelude::*;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::config::Settings;
use crate::sessions::DbSessionStore;
use crate::state::AppState;
use crate::supervisor::{supervise, WorkerHealth};
use crate::tenant_cache::TenantCache;
use crate::{http, observability};

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub state: Arc<AppState>,
    shutdown: watch::Sender<bool>,
}

/// Where a client's own `X-Request-Id` is kept (only for the logs).
const CLIENT_REQUEST_ID: &str = "x-client-request-id";

/// Moves a client's `X-Request-Id` aside, so the server always issues its own.
async fn set_aside_client_request_id(mut req: axum::extract::Request) -> axum::extract::Request {
    if let Some(id) = req.headers_mut().remove("x-request-id") {
        req.headers_mut().insert(CLIENT_REQUEST_ID, id);
    }
    req
}

/// Opens the database and applies migrations: as the owner when its URL is set, which
/// then grants the application role its rights (see docs/ARCHITECTURE.md, "Row-level
/// security"); otherwise as the role of `database_url`.
pub async fn open_store(settings: &Settings) -> Result<Store, Box<dyn std::error::Error>> {
    let db = Db::connect(settings.database_url.expose_secret()).await?;
    match &settings.database_owner_url {
        Some(owner_url) => {
            let owner = Db::connect(owner_url.expose_secret()).await?;
            owner.migrate().await?;
            let app_role = db.current_role().await?;
            if app_role.is_some() && app_role == owner.current_role().await? {
                tracing::warn!(
                    "database_url and database_owner_url name the same role: nothing to grant"
                );
            } else if let Some(role) = app_role {
                owner.grant_to(&role).await?;
            }
            owner.close().await;
        }
        None => db.migrate().await?,
    }
    Ok(Store::new(db))
}

/// Refuses to serve as a PostgreSQL role that row-level security would not bind, and
/// warns when the serving role owns the tables (it could lift the policies itself).
async fn check_serving_role(store: &Store) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(why) = store.db().rls_bypass().await? {
        return Err(why.into());
    }
    if store.db().owns_tables().await? {
        tracing::warn!(
            "the database role that serves requests owns the tables; row-level security \
             binds it (FORCE) but it could lift it: serve as an application role that owns \
             nothing (docs/ARCHITECTURE.md, \"Row-level security\")"
        );
    }
    Ok(())
}

/// The key ring for shoppers' addresses: the configured one (with the development
/// key the database may still keep appended, to open and `rekey` what it sealed), else
/// (development only: refused when serving over https) a key the database keeps.
pub async fn address_keys(
    settings: &Settings,
    store: &Store,
) -> Result<engine::addresses::AddressKeys, Box<dyn std::error::Error>> {
    let stored = store.existing_signing_key(DEV_ADDRESS_KEY).await?;
    let stored: Option<[u8; 32]> = stored.and_then(|k| k.try_into().ok());
    if let Some(spec) = &settings.subscriber_keys {
        let ring = engine::addresses::AddressKeys::parse(spec.expose_secret())?;
        return Ok(match stored {
            Some(old) => ring.with_old("db", old),
            None => ring,
        });
    }
    if settings.https {
        return Err("subscriber_keys must be set when serving over https: shoppers' addresses are sealed with it (see README, Configuration)".into());
    }
    tracing::warn!(
        "no subscriber_keys configured: shoppers' addresses are sealed with a key kept in the database; set SHELFWISE_SUBSCRIBER_KEYS in production"
    );
    let key: [u8; 32] = store
        .signing_key(DEV_ADDRESS_KEY)
        .await?
        .try_into()
        .map_err(|_| "the stored subscriber key is not 32 bytes")?;
    Ok(engine::addresses::AddressKeys::single("db", key))
}

/// The purpose under which the development key for shoppers' addresses is kept.
const DEV_ADDRESS_KEY: &str = "subscriber-addresses";

/// Makes each kind of worker (the webhook maker takes the sender's number).
struct Makers {
    replenish: Box<dyn Fn() -> Worker + Send>,
    imports: Box<dyn Fn() -> Worker + Send>,
    backtests: Box<dyn Fn() -> Worker + Send>,
    mail: Box<dyn Fn() -> Worker + Send>,
    webhooks: Box<dyn Fn(usize) -> Worker + Send + Sync>,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Application, Box<dyn std::error::Error>> {
        let store = open_store(&settings).await?;
        Self::build_with_store(settings, store).await
    }

    pub async fn build_with_store(
        settings: Settings,
        store: Store,
    ) -> Result<Application, Box<dyn std::error::Error>> {
        check_serving_role(&store).await?;
        let themes = Arc::new(Themes::load(&settings.themes_dir)?);
        let sessions = DbSessionStore::new(store.db()).await?;
        let listener = TcpListener::bind(settings.listen).await?;
        let leptos = LeptosOptions::builder()
            .output_name("portal")
            .site_root(settings.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .build();
        let tenant_cache_ttl = std::time::Duration::from_secs(settings.tenant_cache_seconds);
        let addresses = Arc::new(address_keys(&settings, &store).await?);
        let webhook_guard = Arc::new(
            engine::webhooks::Guard::new(&settings.webhook_allowed_networks, !settings.https)
                .map_err(|e| format!("webhook_allowed_networks: {e}"))?,
        );
        // Domain proofs are read over plain http, through the same networks' guard.
        let proof_guard = engine::webhooks::Guard::new(&settings.webhook_allowed_networks, true)
            .map_err(|e| format!("webhook_allowed_networks: {e}"))?;
        if settings.https && !settings.domain_verification_override.is_empty() {
            tracing::warn!(
                suffixes = ?settings.domain_verification_override,
                "domain_verification_override is set: domains under these suffixes count as proven without a check (development only)"
            );
        }
        let domain_verifier = engine::domains::Verifier::http(
            settings.domain_verification_override.clone(),
            proof_guard,
        );
        let state = Arc::new(AppState {
            domain_verifier,
            webhook_guard,
            api_limiter: crate::rate_limit::RateLimiter::new(settings.api_rate_limit_per_minute),
            addresses: addresses.clone(),
            settings,
            store: store.clone(),
            themes: themes.clone(),
            tenant_cache: TenantCache::new(tenant_cache_ttl),
            leptos: leptos.clone(),
            jobs_wake: Arc::new(Notify::new()),
            imports_wake: Arc::new(Notify::new()),
            backtests_wake: Arc::new(Notify::new()),
            events: engine::ingest::Writer::new(store.clone()),
            workers: vec![
                WorkerHealth::new("replenish"),
                WorkerHealth::new("mail"),
                WorkerHealth::new("webhooks"),
                WorkerHealth::new("imports"),
                WorkerHealth::new("backtests"),
            ],
        });
        observability::metrics_handle();

        let deletion = sessions.clone();
        tokio::spawn(async move {
            use tower_sessions::ExpiredDeletion;
            let _ = deletion
                .continuously_delete_expired(std::time::Duration::from_secs(600))
                .await;
        });
        // Sign-in counters whose window ended long ago go too, and shoppers who never
        // confirmed.
        let attempts = store.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                every.tick().await;
                let before = engine::model::now_ms() - 3_600_000;
                if let Err(e) = attempts.prune_login_attempts(before).await {
                    tracing::warn!(error = %e, "pruning sign-in counters failed");
                }
                // Shoppers who never confirmed are forgotten a day after their link
                // expired (one tenant's failure does not stop the others').
                let day_ago = engine::model::now_ms() - engine::model::DAY_MS;
                // Idempotency keys are kept 24 hours (engine::idempotency::KEEP_MS).
                let keep = engine::model::now_ms() - engine::idempotency::KEEP_MS;
                for t in attempts.tenants().await.unwrap_or_default() {
                    if let Err(e) = attempts.purge_unconfirmed(t.id, day_ago).await {
                        tracing::warn!(error = %e, tenant = t.id.0, "purging unconfirmed shoppers failed");
                    }
                    if let Err(e) = attempts.purge_idempotency_keys(t.id, keep).await {
                        tracing::warn!(error = %e, tenant = t.id.0, "purging idempotency keys failed");
                    }
                    // Webhook deliveries and outbox events are kept 30 days.
                    let month_ago = engine::model::now_ms() - 30 * engine::model::DAY_MS;
                    if let Err(e) = attempts.purge_webhook_history(t.id, month_ago).await {
                        tracing::warn!(error = %e, tenant = t.id.0, "purging webhook history failed");
                    }
                    // Imported files are kept 30 days (engine::imports::KEEP_DAYS).
                    let keep_imports = engine::model::now_ms()
                        - engine::imports::KEEP_DAYS * engine::model::DAY_MS;
                    if let Err(e) = attempts.purge_imports(t.id, keep_imports).await {
                        tracing::warn!(error = %e, tenant = t.id.0, "purging imports failed");
                    }
                }
            }
        });

        let secure = state.settings.https;
        let session_layer = SessionManagerLayer::new(sessions)
            .with_name(if secure { "__Host-sid" } else { "sid" })
            .with_secure(secure)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
                state.settings.session_idle_minutes,
            )));

        let ctx = ServerCtx {
            store,
            themes,
            addresses,
            jobs_wake: state.jobs_wake.clone(),
        };
        let router = http::router(state.clone(), leptos, ctx, session_layer);

        let (shutdown, _) = watch::channel(false);
        Ok(Application {
            listener,
            router,
            state,
            shutdown,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// A handle that stops the server gracefully when sent `true`.
    pub fn shutdown_handle(&self) -> watch::Sender<bool> {
        self.shutdown.clone()
    }

    /// The URL of a tenant's portal in e-mail links (`{slug}` stands for the tenant).
    pub fn portal_url(settings: &Settings, port: u16) -> String {
        settings.portal_url.clone().unwrap_or_else(|| {
            let scheme = if settings.https { "https" } else { "http" };
            format!("{scheme}://{{slug}}.{}:{port}", settings.base_domain)
        })
    }

    /// Makers of the workers this app runs, named after `id`: replenishment, mail and
    /// outbound webhooks.
    fn worker_makers(&self, id: &str) -> Result<Makers, String> {
        let state = &self.state;
        let settings = &state.settings;
        let lease = std::time::Duration::from_secs(settings.job_lease_seconds.max(1));
        let transport = engine::mail::Transport::from_config(
            settings.smtp_url.as_ref().map(|s| s.expose_secret()),
            settings.mailbox_dir.clone(),
        )?;
        let mailer = engine::mail::Mailer {
            store: state.store.clone(),
            themes: state.themes.clone(),
            transport,
            from_address: settings.mail_from.clone(),
            portal_url: Self::portal_url(settings, self.port()),
            addresses: state.addresses.clone(),
        };
        let sender = engine::webhooks::Sender::new(
            state.store.clone(),
            state.addresses.clone(),
            (*state.webhook_guard).clone(),
            std::time::Duration::from_secs(settings.webhook_timeout_seconds.clamp(1, 60)),
        );
        let (store, replenish_id, mail_id, hooks_id) = (
            state.store.clone(),
            format!("replenish-{id}"),
            format!("mail-{id}"),
            format!("webhooks-{id}"),
        );
        let dead = state.store.clone();
        let (imports_store, imports_id) = (state.store.clone(), format!("imports-{id}"));
        let (backtests_store, backtests_id) = (state.store.clone(), format!("backtests-{id}"));
        let provisioner = state.provisioner();
        Ok(Makers {
            // A check or apply that fails for good marks its import `failed` itself; the
            // dead job is raised in the tenant's exception queue as well.
            imports: Box::new(move || {
                engine::imports::worker(imports_store.clone(), &imports_id)
                    .register::<engine::partners::Provision>(provisioner.clone())
                    .lease(lease)
                    .on_dead_letter(engine::exceptions::dead_letter_hook(imports_store.clone()))
            }),
            replenish: Box::new(move || {
                engine::replenish::worker(store.clone(), &replenish_id).lease(lease)
            }),
            // A run whose job dies is marked failed by the run itself (or read as
            // failed once stale); the dead job is raised in the tenant's queue too.
            backtests: Box::new(move || {
                engine::backtest_runs::worker(backtests_store.clone(), &backtests_id)
                    .lease(lease)
                    .on_dead_letter(engine::exceptions::dead_letter_hook(
                        backtests_store.clone(),
                    ))
            }),
            mail: Box::new(move || engine::mail::worker(mailer.clone(), &mail_id).lease(lease)),
            // A delivery that stops retrying (or an endpoint gone) is raised in the
            // tenant's exception queue.
            webhooks: Box::new(move |n| {
                engine::webhooks::deliver::worker(sender.clone(), &format!("{hooks_id}-{n}"))
                    .lease(lease)
                    .on_dead_letter(engine::exceptions::webhook_dead_letter_hook(dead.clone()))
            }),
        })
    }

    /// The workers this app would run, named after `id` (tests run them by hand with
    /// `Worker::run_once`): replenishment, mail, webhooks, imports, backtests.
    pub fn workers(&self, id: &str) -> Result<Vec<Worker>, String> {
        let m = self.worker_makers(id)?;
        Ok(vec![
            (m.replenish)(),
            (m.mail)(),
            (m.webhooks)(0),
            (m.imports)(),
            (m.backtests)(),
        ])
    }

    /// Starts the background workers (unless settings turn them off), each under a
    /// supervisor that starts it again if it ends; they stop when `stop` turns true.
    fn spawn_workers(&self, stop: watch::Receiver<bool>) -> Result<(), String> {
        if !self.state.settings.workers {
            return Ok(());
        }
        // Every tenant's nightly full sweep is scheduled (once: the timer is unique).
        let store = self.state.store.clone();
        tokio::spawn(async move {
            let Ok(tenants) = store.tenants().await else {
                return;
            };
            for t in tenants {
                let now = engine::model::now_ms();
                if let Err(e) = engine::replenish::schedule_nightly(&store, t.id, now).await {
                    tracing::warn!(tenant = %t.slug, error = %e, "scheduling the nightly sweep failed");
                }
            }
        });
        let host = format!("{}-{}", std::process::id(), self.port());
        let Makers {
            replenish,
            mail,
            webhooks,
            imports,
            backtests,
        } = self.worker_makers(&host)?;
        let health = &self.state.workers;
        let (rh, mh) = (health[0].heartbeat.clone(), health[1].heartbeat.clone());
        let (wake, rx) = (self.state.jobs_wake.clone(), stop.clone());
        supervise(health[0].name, stop.clone(), move || {
            replenish().heartbeat(rh.clone()).run_with_wake(
                rx.clone(),
                std::time::Duration::from_millis(500),
                wake.clone(),
            )
        });
        let rx = stop.clone();
        supervise(health[1].name, stop.clone(), move || {
            // Polled every quarter second when idle, so a shopper hears within a
            // fraction of a second of a restock (docs/PERFORMANCE.md).
            mail().heartbeat(mh.clone()).run_with_wake(
                rx.clone(),
                std::time::Duration::from_millis(250),
                Arc::new(Notify::new()),
            )
        });
        // Several webhook senders, one request each at a time, so one slow receiver
        // holds up one sender only. Each polls once a second when idle (a claim is a
        // write: on SQLite, faster idle polling by several senders would take the one
        // writer from ingestion).
        let webhooks = Arc::new(webhooks);
        for n in 0..self.state.settings.webhook_senders.clamp(1, 32) {
            let (rx, make, hh) = (stop.clone(), webhooks.clone(), health[2].heartbeat.clone());
            supervise(health[2].name, stop.clone(), move || {
                make(n).heartbeat(hh.clone()).run_with_wake(
                    rx.clone(),
                    std::time::Duration::from_millis(1_000),
                    Arc::new(Notify::new()),
                )
            });
        }
        // Imports: woken by the upload and apply posts, polled once a second otherwise.
        let (rx, ih, wake) = (
            stop.clone(),
            health[3].heartbeat.clone(),
            self.state.imports_wake.clone(),
        );
        supervise(health[3].name, stop.clone(), move || {
            imports().heartbeat(ih.clone()).run_with_wake(
                rx.clone(),
                std::time::Duration::from_millis(1_000),
                wake.clone(),
            )
        });
        // Backtests: woken by the start post, polled once a second otherwise.
        let (rx, bh, wake) = (
            stop.clone(),
            health[4].heartbeat.clone(),
            self.state.backtests_wake.clone(),
        );
        supervise(health[4].name, stop.clone(), move || {
            backtests().heartbeat(bh.clone()).run_with_wake(
                rx.clone(),
                std::time::Duration::from_millis(1_000),
                wake.clone(),
            )
        });
        Ok(())
    }

    /// Serves until Ctrl-C, SIGTERM or the shutdown handle; in-flight requests finish first.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (workers_stop, workers_rx) = watch::channel(false);
        self.spawn_workers(workers_rx)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
        let state = self.state.clone();
        let secure = state.settings.https;
        // Layers that must see the request before routing: tenancy may rewrite the path.
        let inner = self.router;
        let tenancy = middleware::from_fn_with_state(state.clone(), http::tenancy::resolve);
        let stack = tower::ServiceBuilder::new()
            // The request id is always the server's own (it goes into the audit trail);
            // a client's X-Request-Id is kept apart, labelled, in the request's span.
            .layer(middleware::map_request(set_aside_client_request_id))
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
                    let (id, client_id) = (header("x-request-id"), header(CLIENT_REQUEST_ID));
                    tracing::info_span!("request", method = %req.method(), path = %http::logged_path(req.uri().path()), request_id = %id, client_request_id = %client_id, tenant = tracing::field::Empty)
                }),
            )
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
            .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
            .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                HeaderName::from_static("strict-transport-security"),
                if secure { Some(HeaderValue::from_static("max-age=31536000; includeSubDomains")) } else { None },
            ))
            .layer(tenancy)
            .layer(middleware::from_fn(http::csrf::protect));
        // A fallback-only router runs these layers before the inner router matches.
        let app = Router::new().fallback_service(inner).layer(stack);
        let mut rx = self.shutdown.subscribe();
        let stop = async move {
            let ctrl_c = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            #[cfg(unix)]
            let term = async {
                if let Ok(mut s) =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                {
                    s.recv().await;
                }
            };
            #[cfg(not(unix))]
            let term = std::future::pending::<()>();
            tokio::select! {
                _ = ctrl_c => {},
                _ = term => {},
                _ = rx.wait_for(|v| *v) => {},
            }
            tracing::info!("shutting down: finishing in-flight requests");
        };
        axum::serve(
            self.listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await?;
        let _ = workers_stop.send(true);
        // Let a job in progress finish its transaction before the pools close.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        state.store.db().close().await;
        Ok(())
    }
}
