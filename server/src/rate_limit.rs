//! Each API key's budget of requests per clock minute, in memory (so per server
//! process: behind several replicas the budget is per replica, as the setting
//! `api_rate_limit_per_minute` documents). The REST API announces it in headers.

use std::collections::HashMap;
use std::sync::Mutex;

/// Each key's requests in the current minute.
pub struct RateLimiter {
    pub per_minute: u32,
    windows: Mutex<HashMap<i64, (i64, u32)>>,
}

/// What one request took from its key's budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub allowed: bool,
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset_secs: i64,
}

impl RateLimiter {
    /// Windows kept before old ones are dropped. An entry is made only for a key that
    /// authenticated, so the map holds at most the working keys; this bounds it even so.
    const MAX_KEYS: usize = 100_000;

    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute: per_minute.max(1),
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `key`'s budget at `now_secs`.
    pub fn take(&self, key: i64, now_secs: i64) -> Budget {
        let window = now_secs.div_euclid(60);
        let reset_secs = 60 - now_secs.rem_euclid(60);
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() >= Self::MAX_KEYS {
            windows.retain(|_, (w, _)| *w == window);
        }
        let entry = windows.entry(key).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        if entry.1 >= self.per_minute {
            return Budget {
                allowed: false,
                remaining: 0,
                reset_secs,
            };
        }
        entry.1 += 1;
        Budget {
            allowed: true,
            remaining: self.per_minute - entry.1,
            reset_secs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_budget_per_minute_and_no_more() {
        let limiter = RateLimiter::new(3);
        let t = 60_020; // 20 s into a minute
        let taken: Vec<Budget> = (0..4).map(|_| limiter.take(1, t)).collect();
        assert_eq!(
            taken
                .iter()
                .map(|b| (b.allowed, b.remaining))
                .collect::<Vec<_>>(),
            [(true, 2), (true, 1), (true, 0), (false, 0)]
        );
        assert_eq!(taken[3].reset_secs, 40);
        // Another key has its own budget; the next minute starts afresh.
        assert!(limiter.take(2, t).allowed);
        assert!(limiter.take(1, t + 40).allowed);
    }
}
