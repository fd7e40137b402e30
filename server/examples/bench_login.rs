//! Sign-in under a parallel attack (issue 9, point 6): 300 wrong passwords for one
//! account at once, against the real application on SQLite. Prints how many passwords
//! were checked, how the attempts were answered, and the process's peak memory before
//! and after. Run with `scripts/bench-login`; figures go in docs/PERFORMANCE.md.

use std::collections::BTreeMap;

use test_support::{spawn_app, Backend};

/// The process's peak resident memory so far (VmHWM), in MiB.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

#[tokio::main]
async fn main() {
    let attempts: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let app = spawn_app(Backend::Sqlite).await;
    let before_mib = peak_mib();
    let checks_before = engine::identity::password_checks();
    let started = std::time::Instant::now();
    let mut guesses = Vec::new();
    for i in 0..attempts {
        let (c, url, origin) = (app.client(), app.url("/t/freshfield/login"), app.origin());
        guesses.push(tokio::spawn(async move {
            let res = c
                .post(url)
                .header("origin", origin)
                .form(&[
                    ("email", "admin@freshfield.example"),
                    ("password", &format!("guess-{i}")),
                ])
                .send()
                .await
                .expect("the server answers");
            match res.status().as_u16() {
                303 => {
                    let to = res.headers()["location"].to_str().unwrap_or("").to_string();
                    to.split("error=").nth(1).unwrap_or("signed in").to_string()
                }
                s => format!("HTTP {s}"),
            }
        }));
    }
    let mut answers: BTreeMap<String, usize> = BTreeMap::new();
    for g in guesses {
        *answers.entry(g.await.expect("task")).or_default() += 1;
    }
    let elapsed = started.elapsed();
    let checked = engine::identity::password_checks() - checks_before;
    println!("parallel wrong passwords: {attempts} against one account");
    println!("passwords checked:        {checked}");
    for (answer, n) in &answers {
        println!("answered {answer:<16} {n}");
    }
    println!("took:                     {:.2} s", elapsed.as_secs_f64());
    println!("peak memory before:       {before_mib:.1} MiB");
    println!("peak memory after:        {:.1} MiB", peak_mib());
}
