//! Failed sign-in limits per account and per client address (fixed windows, in memory,
//! keyed by tenant so one tenant's traffic never limits another's).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Limiter {
    max: u32,
    window: Duration,
    hits: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    pub fn new(max: u32, window: Duration) -> Self {
        Limiter {
            max,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` has used up its failures in the current window.
    pub fn is_blocked(&self, key: &str, now: Instant) -> bool {
        let hits = self.hits.lock().expect("limiter lock");
        matches!(hits.get(key), Some((start, n)) if now.duration_since(*start) < self.window && *n >= self.max)
    }

    pub fn record_failure(&self, key: &str, now: Instant) {
        let mut hits = self.hits.lock().expect("limiter lock");
        if hits.len() > 100_000 {
            let window = self.window;
            hits.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = hits.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }

    pub fn clear(&self, key: &str) {
        self.hits.lock().expect("limiter lock").remove(key);
    }
}

/// The two limits a sign-in passes.
#[derive(Debug)]
pub struct LoginThrottle {
    pub per_account: Limiter,
    pub per_address: Limiter,
}

impl LoginThrottle {
    pub fn new(per_account: u32, per_address: u32) -> Self {
        let window = Duration::from_secs(15 * 60);
        LoginThrottle {
            per_account: Limiter::new(per_account, window),
            per_address: Limiter::new(per_address, window),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_failures_and_forgives_after_the_window() {
        let l = Limiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(!l.is_blocked("k", t0));
            l.record_failure("k", t0);
        }
        assert!(l.is_blocked("k", t0));
        assert!(!l.is_blocked("other", t0));
        assert!(!l.is_blocked("k", t0 + Duration::from_secs(61)));
        l.clear("k");
        assert!(!l.is_blocked("k", t0));
    }
}
