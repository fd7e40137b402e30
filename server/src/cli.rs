//! Command line: `serve`, `demo`, `migrate`, `seed`, `seed-scale`, `simulate`, `backtest`, `api-key`,
//! `audit verify [--checkpoint FILE]`, `audit export`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use engine::seed::{seed_tenant, TenantFile};

use crate::config::Settings;
use crate::observability::init_tracing;
use crate::startup::{open_store, Application};

#[derive(Parser)]
#[command(
    name = "shelfwise",
    version,
    about = "Shelfwise: governed inventory replenishment for retail networks"
)]
struct Cli {
    /// A TOML settings file; SHELFWISE_* variables override it.
    #[arg(long, global = true, env = "SHELFWISE_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations, then serve the portal and API (the default).
    Serve,
    /// Apply migrations, seed the tenants in tenants/, print URLs and logins, then serve.
    Demo,
    /// Apply pending migrations and exit.
    Migrate,
    /// Provision or update the tenants described in tenants/*.toml (idempotent).
    Seed {
        /// Folder of tenant files (default: the tenants_dir setting).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Provision a synthetic tenant of the given size (for benchmarks).
    SeedScale {
        #[arg(long, default_value = "bench")]
        slug: String,
        #[arg(long, default_value_t = 20_000)]
        skus: usize,
        /// Stores besides the one DC.
        #[arg(long, default_value_t = 49)]
        stores: usize,
    },
    /// Send a stream of simulated sales for a tenant (mostly at one store) and print the
    /// transfers and orders they cause.
    Simulate {
        #[arg(long, default_value = "freshfield")]
        tenant: String,
        /// Store code to drain first (default: the tenant's first store).
        #[arg(long)]
        store: Option<String>,
        #[arg(long, default_value_t = 5)]
        per_second: u32,
        #[arg(long, default_value_t = 120)]
        seconds: u64,
    },
    /// Audit trail tools.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Back-in-stock subscriber tools.
    Subscribers {
        #[command(subcommand)]
        command: SubscribersCommand,
    },
    /// The platform's tenants: list them, suspend one (its portal, API and background
    /// work stop; nothing is deleted) or resume it.
    Tenants {
        #[command(subcommand)]
        command: TenantsCommand,
    },
    /// Replay demand day by day on a virtual clock under static min/max, naive adaptive
    /// and forecast-driven replenishment, and compare fill rate, stockout days,
    /// inventory value, documents and approvals. Nothing touches live data. Runs the
    /// benchmark's seeded synthetic network (see docs/PERFORMANCE.md), or with
    /// `--tenant` that tenant's own last `--days` of sales (or `--demand` a CSV) under
    /// its current levels and `--candidate`.
    Backtest {
        /// Replay this tenant's network instead of the synthetic one.
        #[arg(long)]
        tenant: Option<String>,
        /// With `--tenant`: the rule to try (forecast, naive_adaptive, static_min_max).
        #[arg(long, default_value = "forecast")]
        candidate: String,
        /// With `--tenant`: a demand CSV (day,location,sku,quantity) instead of its sales.
        #[arg(long)]
        demand: Option<PathBuf>,
        /// Seed of the synthetic network; repeat for several runs (at most 20). Exits with
        /// status 1 when the forecast-driven rule misses the benchmark's target on any.
        #[arg(long = "seed", default_values_t = [1u64])]
        seeds: Vec<u64>,
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=50))]
        stores: u16,
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u16).range(4..=5000))]
        products: u16,
        /// Simulated days, 28 to 730 (after 28 days of history every rule knows); with
        /// `--tenant`, 7 to 180.
        #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u16).range(7..=730))]
        days: u16,
        /// Days between refits of an ETS or MSTL forecast (the intermittent methods
        /// refit daily).
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..=28))]
        refit_days: u16,
        /// Also write the reports as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Create an API key for a tenant's integration; the key is shown once.
    ApiKey {
        #[arg(long)]
        tenant: String,
        #[arg(long, default_value = "integration")]
        name: String,
    },
}

#[derive(Subcommand)]
enum TenantsCommand {
    /// Every tenant, with its partner and whether it is suspended.
    List,
    /// Suspend a tenant, saying why (kept in its audit trail, never shown on its portal).
    Suspend {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        reason: String,
    },
    /// Resume a suspended tenant: its portal, API and waiting jobs run again.
    Resume {
        #[arg(long)]
        tenant: String,
    },
}

#[derive(Subcommand)]
enum SubscribersCommand {
    /// Seal every shopper address again under the first of `subscriber_keys` (after
    /// putting a new key first); older keys can be dropped from the list afterwards.
    Rekey,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every tenant's hash chain (or one tenant's) and report where it breaks.
    /// Exits with status 1 when any chain is broken.
    Verify {
        #[arg(long)]
        tenant: Option<String>,
        /// An export kept outside the database (`audit export`): the stored trail must
        /// still hold each of its entries unchanged; the first that differs is named.
        #[arg(long)]
        checkpoint: Option<std::path::PathBuf>,
    },
    /// Write a tenant's trail as JSON lines, one entry with its hash per line, to keep
    /// outside the database (for `audit verify --checkpoint`).
    Export {
        #[arg(long)]
        tenant: String,
        /// File to write (standard output when absent).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

/// An error that has already been reported and only sets the exit status.
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("problems found")
    }
}

impl std::error::Error for Reported {}

pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: invalid settings: {e}");
            return ExitCode::from(2);
        }
    };
    init_tracing(settings.log_format);
    match execute(cli.command.unwrap_or(Command::Serve), settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<Reported>() => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn seed_all(
    settings: &Settings,
    store: &engine::Store,
    dir: Option<PathBuf>,
) -> Result<Vec<TenantFile>, Box<dyn std::error::Error>> {
    let dir = dir.unwrap_or_else(|| settings.tenants_dir.clone());
    let files = TenantFile::load_dir(&dir)?;
    for f in &files {
        let report = seed_tenant(store, f).await?;
        tracing::info!(tenant = %report.slug, positions.created = report.positions_created, "tenant seeded");
        // Positions that are already low are covered without waiting for an event.
        engine::replenish::sweep_all(store, report.tenant, engine::model::now_ms(), None).await?;
    }
    Ok(files)
}

fn backtest(
    seeds: &[u64],
    stores: u16,
    products: u16,
    days: u16,
    refit_days: u16,
    json: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    use engine::backtest::{compare, synthetic, table};
    if seeds.len() > 20 {
        return Err("give at most 20 seeds".into());
    }
    if days < 28 {
        return Err("the synthetic network replays 28 to 730 days".into());
    }
    let matrix = engine::replenish::default_matrix();
    let mut all = Vec::new();
    let mut passed = true;
    for &seed in seeds {
        let scenario = synthetic::network(seed, stores.into(), products.into(), 28, days.into());
        let rules = compare::benchmark_rules(refit_days.into());
        let names: Vec<String> = rules.iter().map(|r| r.name()).collect();
        let mut last = (usize::MAX, 0);
        let runs = compare::compare(&scenario, rules, &matrix, &mut |rule, done, total| {
            let tenth = done * 10 / total.max(1);
            if (rule, tenth) != last {
                last = (rule, tenth);
                eprint!("\rseed {seed}: {} {}%   ", names[rule], tenth * 10);
            }
        })?;
        eprintln!();
        let reports: Vec<_> = runs.iter().map(|t| t.report.clone()).collect();
        println!(
            "seed {seed}: {stores} stores x {products} products, {days} days\n{}",
            table(&reports)
        );
        for t in &runs {
            println!(
                "  {}: {:.1} s, {:.1} simulated days/s",
                t.report.rule, t.seconds, t.days_per_second
            );
        }
        if let Some(forecast) = reports.iter().find(|r| !r.methods.is_empty()) {
            let methods: Vec<String> = forecast
                .methods
                .iter()
                .map(|(m, n)| format!("{m} {n}"))
                .collect();
            println!("  methods on the last day: {}", methods.join(", "));
        }
        println!(
            "  forecasting: {:.0} series/s on one core",
            compare::forecast_throughput(&scenario)
        );
        let rates = engine::backtest::anomalies::rates(&scenario, &Default::default());
        println!(
            "  anomaly checks (default thresholds): {:.2} % of {} clean sales flagged; \
             caught {:.1} % of x10 and {:.1} % of x100 errors",
            100.0 * rates.false_positive_rate(),
            rates.events,
            100.0 * rates.catch_rate_x10(),
            100.0 * rates.catch_rate_x100()
        );
        if let Some((pass, text)) = compare::verdict(&runs) {
            passed &= pass;
            println!("  {text}\n");
        }
        all.push(serde_json::json!({ "seed": seed, "runs": runs, "anomalies": rates }));
    }
    if let Some(path) = json {
        std::fs::write(&path, serde_json::to_vec_pretty(&all)?)?;
    }
    if !passed {
        eprintln!("the forecast-driven rule missed the target on at least one seed");
        return Err(Box::new(Reported));
    }
    Ok(())
}

async fn execute(command: Command, settings: Settings) -> Result<(), Box<dyn std::error::Error>> {
    tracing::info!(database = %settings.database_display(), "starting");
    match command {
        Command::Backtest {
            tenant: Some(slug),
            candidate,
            demand,
            days,
            ..
        } => {
            let store = open_store(&settings).await?;
            let t = store
                .tenant_by_slug(&slug)
                .await?
                .ok_or_else(|| format!("no tenant with slug {slug:?}"))?;
            let candidate = engine::backtest_runs::Candidate::parse(&candidate)
                .ok_or("--candidate is forecast, naive_adaptive or static_min_max")?;
            let csv = match demand {
                Some(path) => Some(std::fs::read_to_string(path)?),
                None => None,
            };
            let req = engine::backtest_runs::Request {
                days: days.into(),
                candidate,
                service_level: None,
                csv,
            };
            let o = engine::backtest_runs::replay_tenant(&store, t.id, &req, &|d| {
                eprint!("\r{d} simulated days   ")
            })
            .await?;
            eprintln!();
            println!("{}", engine::backtest::table(&[o.current, o.candidate]));
            for n in &o.notes {
                println!("  {n}");
            }
        }
        Command::Backtest {
            seeds,
            stores,
            products,
            days,
            refit_days,
            json,
            ..
        } => backtest(&seeds, stores, products, days, refit_days, json)?,
        Command::Migrate => {
            open_store(&settings).await?;
            println!("migrations applied");
        }
        Command::Seed { dir } => {
            let store = open_store(&settings).await?;
            let files = seed_all(&settings, &store, dir).await?;
            println!("seeded {} tenant(s)", files.len());
        }
        Command::SeedScale { slug, skus, stores } => {
            let store = open_store(&settings).await?;
            let file = TenantFile::synthetic(&slug, skus, stores);
            let started = std::time::Instant::now();
            let report = seed_tenant(&store, &file).await?;
            println!(
                "seeded {slug}: {skus} SKUs x {} locations, {} new positions in {:.1}s; login planner@{slug}.example / {slug}-bench-pass",
                stores + 1,
                report.positions_created,
                started.elapsed().as_secs_f64()
            );
        }
        Command::Simulate {
            tenant,
            store: focus,
            per_second,
            seconds,
        } => {
            let store = open_store(&settings).await?;
            crate::simulate::run(
                store,
                crate::simulate::Options {
                    tenant,
                    store: focus,
                    per_second: per_second.clamp(1, 5_000),
                    seconds,
                },
            )
            .await?;
        }
        Command::Subscribers {
            command: SubscribersCommand::Rekey,
        } => {
            let store = open_store(&settings).await?;
            let keys = crate::startup::address_keys(&settings, &store).await?;
            let mut stuck = 0;
            for t in store.tenants().await? {
                let (done, unopened) = engine::back_in_stock::rekey(&store, &keys, t.id).await?;
                eprintln!(
                    "{}: {done} addresses sealed again under key {}; {unopened} no key opens",
                    t.slug,
                    keys.current()
                );
                stuck += unopened;
            }
            let (done, unopened) = engine::accounts::two_factor::rekey(&store, &keys).await?;
            eprintln!(
                "authenticator secrets: {done} sealed again under key {}; {unopened} no key opens",
                keys.current()
            );
            stuck += unopened;
            if stuck > 0 {
                return Err(Box::new(Reported));
            }
        }
        Command::Audit {
            command: AuditCommand::Export { tenant, out },
        } => {
            let store = open_store(&settings).await?;
            let t = store
                .tenant_by_slug(&tenant)
                .await?
                .ok_or_else(|| format!("no tenant with slug {tenant:?}"))?;
            let trail = store.audit_trail(t.id).await?;
            let text = engine::audit::export(&trail);
            match out {
                Some(path) => {
                    std::fs::write(&path, text)?;
                    eprintln!(
                        "{}: {} entries written to {}",
                        t.slug,
                        trail.len(),
                        path.display()
                    );
                }
                None => print!("{text}"),
            }
        }
        Command::Audit {
            command: AuditCommand::Verify { tenant, checkpoint },
        } => {
            let kept = match &checkpoint {
                Some(path) => Some(
                    engine::audit::parse_export(&std::fs::read_to_string(path)?)
                        .map_err(|e| format!("{}: {e}", path.display()))?,
                ),
                None => None,
            };
            let store = open_store(&settings).await?;
            let tenants = match tenant {
                Some(slug) => vec![store
                    .tenant_by_slug(&slug)
                    .await?
                    .ok_or_else(|| format!("no tenant with slug {slug:?}"))?],
                // With a checkpoint, the tenants it holds entries of.
                None => store
                    .tenants()
                    .await?
                    .into_iter()
                    .filter(|t| {
                        kept.as_ref()
                            .is_none_or(|k| k.iter().any(|e| e.tenant_id == t.id.0))
                    })
                    .collect(),
            };
            let mut broken = 0;
            for t in tenants {
                let trail = store.audit_trail(t.id).await?;
                let head = store.audit_head(t.id).await?;
                let mut problems =
                    engine::audit::verify(&trail, head.as_ref().map(|(s, h)| (*s, h.as_str())));
                if let Some(kept) = &kept {
                    let own: Vec<_> = kept
                        .iter()
                        .filter(|k| k.tenant_id == t.id.0)
                        .cloned()
                        .collect();
                    if own.is_empty() {
                        // A checkpoint that names none of this tenant's entries proves
                        // nothing about it: say so rather than report "intact".
                        problems.push(engine::audit::Problem {
                            seq: 0,
                            what: "the checkpoint holds no entry of this tenant".into(),
                        });
                    } else {
                        println!("{}: compared {} kept entries", t.slug, own.len());
                        problems.extend(engine::audit::verify_against(&trail, &own));
                    }
                }
                let (seq, hash) = head.unwrap_or((0, engine::audit::GENESIS.to_string()));
                if problems.is_empty() {
                    println!(
                        "{}: {} entries, chain intact; head {seq} {hash}",
                        t.slug,
                        trail.len()
                    );
                } else {
                    broken += 1;
                    println!("{}: {} entries, CHAIN BROKEN:", t.slug, trail.len());
                    for p in problems {
                        println!("  at entry {}: {}", p.seq, p.what);
                    }
                }
            }
            if broken > 0 {
                return Err(Box::new(Reported));
            }
        }
        Command::Tenants { command } => {
            let store = open_store(&settings).await?;
            let operator = engine::model::Member::command_line();
            let now = engine::model::now_ms();
            let answer = match &command {
                TenantsCommand::List => {
                    for t in engine::platform::tenants(&store, &operator).await? {
                        let state = match t.suspended_at {
                            Some(at) => format!("suspended since {}", engine::model::day_string(at)),
                            None => "active".to_string(),
                        };
                        let partner = t.partner.as_deref().unwrap_or("-");
                        println!("{}\t{}\tpartner {partner}\t{state}", t.slug, t.name);
                    }
                    return Ok(());
                }
                TenantsCommand::Suspend { tenant, reason } => {
                    engine::platform::suspend_tenant(&store, &operator, tenant, reason, now)
                        .await
                        .map(|()| format!("{tenant} is suspended. Every replica stops serving it within tenant_cache_seconds ({} s).", settings.tenant_cache_seconds))
                }
                TenantsCommand::Resume { tenant } => {
                    engine::platform::resume_tenant(&store, &operator, tenant, now)
                        .await
                        .map(|()| format!("{tenant} is resumed. Every replica serves it again within tenant_cache_seconds ({} s).", settings.tenant_cache_seconds))
                }
            };
            match answer {
                Ok(text) => println!("{text}"),
                Err(engine::EngineError::NotFound) => {
                    return Err("no tenant with that slug (see `shelfwise tenants list`)".into())
                }
                Err(e) => return Err(e.user_message().into()),
            }
        }
        Command::ApiKey { tenant, name } => {
            let store = open_store(&settings).await?;
            let t = store
                .tenant_by_slug(&tenant)
                .await?
                .ok_or_else(|| format!("no tenant with slug {tenant:?}"))?;
            let key = engine::identity::create_api_key(&store, t.id, &name, "cli").await?;
            println!("{}", key.key);
            eprintln!(
                "API key {:?} for {} created. Store it now: it cannot be shown again.",
                key.prefix, t.name
            );
        }
        Command::Serve => {
            let app = Application::build(settings).await?;
            tracing::info!(port = app.port(), "listening");
            app.run_until_stopped().await?;
        }
        Command::Demo => {
            let store = open_store(&settings).await?;
            let files = seed_all(&settings, &store, None).await?;
            let base_domain = settings.base_domain.clone();
            let mut settings = settings;
            settings.demo_portals = files
                .iter()
                .map(|f| (f.name.clone(), f.slug.clone()))
                .collect();
            let app = Application::build_with_store(settings, store).await?;
            let port = app.port();
            println!("\nShelfwise is running. Demo portals:\n");
            for f in &files {
                println!("  {}", f.name);
                println!(
                    "    http://{}.{}:{}/        (tenant from the host)",
                    f.slug, base_domain, port
                );
                println!(
                    "    http://127.0.0.1:{}/t/{}    (tenant from the path)",
                    port, f.slug
                );
                for u in &f.users {
                    let roles: Vec<&str> = u.roles.iter().map(|r| r.as_str()).collect();
                    println!(
                        "    login {:<34} password {:<22} ({})",
                        u.email,
                        u.password,
                        roles.join(", ")
                    );
                }
                println!();
            }
            println!("Health: http://127.0.0.1:{port}/healthz   Metrics: http://127.0.0.1:{port}/metrics");
            println!("Stop with Ctrl-C.\n");
            app.run_until_stopped().await?;
        }
    }
    Ok(())
}
