//! Fresh databases for the conformance suites: a SQLite file, or a new PostgreSQL
//! database at SHELFWISE_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres).
#![allow(dead_code)]

use engine::{Db, Store};

pub struct TestDb {
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            let admin = admin_url();
            // Best effort: a leftover test database is harmless.
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

pub fn admin_url() -> String {
    std::env::var("SHELFWISE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(dir.path().join("t.db").to_str().unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    TestDb {
        store: Store::new(db),
        _dir: Some(dir),
        pg_name: None,
    }
}

pub async fn postgres() -> TestDb {
    let admin = admin_url();
    let Db::Postgres(pool) = Db::connect(&admin)
        .await
        .expect("PostgreSQL must be reachable for the conformance suite")
    else {
        panic!("SHELFWISE_TEST_PG is not a postgres:// URL")
    };
    let name = format!("shelfwise_t_{}", rand_suffix());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let url = match admin.rfind('/') {
        Some(i) => format!("{}/{name}", &admin[..i]),
        None => unreachable!(),
    };
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    TestDb {
        store: Store::new(db),
        _dir: None,
        pg_name: Some(name),
    }
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{:x}{:x}", n, std::process::id())
}

/// Declares one test per backend for an async body taking `&Store`.
#[macro_export]
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let t = $crate::support::sqlite().await; super::$name(&t.store).await; } )* }
        mod postgres { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let t = $crate::support::postgres().await; super::$name(&t.store).await; } )* }
    };
}
