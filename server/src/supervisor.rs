//! Keeps the background workers running: a worker task that ends while the server is
//! not stopping (a panic outside any job, a bug) is logged, counted and started again
//! after a second, so one failure never leaves every tenant without replenishment.
//! Each worker's liveness (its last lap) is what `/readyz` and `/metrics` report.

use std::future::Future;
use std::time::Duration;

use engine::worker::Heartbeat;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A worker the server runs, with the heartbeat its laps report to.
#[derive(Clone, Debug)]
pub struct WorkerHealth {
    pub name: &'static str,
    pub heartbeat: Heartbeat,
}

/// A worker whose last lap started longer ago than this is reported as stalled.
pub const STALLED_AFTER_MS: i64 = 120_000;

impl WorkerHealth {
    pub fn new(name: &'static str) -> WorkerHealth {
        WorkerHealth {
            name,
            heartbeat: Heartbeat::default(),
        }
    }

    /// How long ago its last lap started (None before the first).
    pub fn last_lap_ago_ms(&self, now: i64) -> Option<i64> {
        let last = self.heartbeat.last();
        (last > 0).then(|| now.saturating_sub(last).max(0))
    }

    pub fn alive(&self, now: i64) -> bool {
        self.last_lap_ago_ms(now)
            .is_some_and(|ago| ago < STALLED_AFTER_MS)
    }
}

/// Runs `start()` on a task and starts it again whenever it ends before `stop` turns
/// true. Returns the supervising task.
pub fn supervise<F, Fut>(
    name: &'static str,
    stop: watch::Receiver<bool>,
    start: F,
) -> JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            let outcome = tokio::spawn(start()).await;
            if *stop.borrow() {
                return;
            }
            match outcome {
                Err(e) if e.is_panic() => {
                    tracing::error!(worker = name, "worker panicked; starting it again")
                }
                _ => tracing::warn!(worker = name, "worker ended; starting it again"),
            }
            metrics::counter!("shelfwise_worker_restarts_total", "worker" => name).increment(1);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    #[tokio::test]
    async fn a_worker_that_panics_is_started_again_until_the_server_stops() {
        let (stop_tx, stop) = watch::channel(false);
        let starts = Arc::new(AtomicUsize::new(0));
        let counter = starts.clone();
        let rx = stop.clone();
        let supervisor = supervise("test", stop, move || {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let mut rx = rx.clone();
            async move {
                if n == 0 {
                    panic!("first run dies");
                }
                let _ = rx.wait_for(|s| *s).await;
            }
        });
        for _ in 0..50 {
            if starts.load(Ordering::SeqCst) >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            starts.load(Ordering::SeqCst),
            2,
            "started again after the panic"
        );
        stop_tx.send(true).unwrap();
        tokio::time::timeout(Duration::from_secs(5), supervisor)
            .await
            .expect("the supervisor ends when the server stops")
            .unwrap();
        assert_eq!(
            starts.load(Ordering::SeqCst),
            2,
            "not started again once stopping"
        );
    }

    #[test]
    fn a_worker_without_a_recent_lap_is_not_alive() {
        let w = WorkerHealth::new("replenish");
        assert!(!w.alive(1_000), "no lap yet");
        w.heartbeat.beat(1_000);
        assert!(w.alive(2_000));
        assert!(!w.alive(1_000 + STALLED_AFTER_MS));
    }
}
