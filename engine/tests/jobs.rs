//! Durable job store, on SQLite and PostgreSQL: claims, leases, fencing, retries, dead
//! letters, uniqueness and fairness. Time is passed in, so nothing here sleeps.

use test_support::conformance;

use std::collections::HashSet;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use engine::jobs::JobError;
use engine::jobs::{JobState, NewJob, RetryPolicy};
use engine::model::TenantId;
use engine::worker::Worker;
use engine::Store;
use serde_json::json;

conformance!(
    a_claimed_job_runs_once_and_completes,
    future_jobs_wait_until_due,
    failures_retry_then_dead_letter_and_can_be_replayed,
    lapsed_leases_are_rescued_and_stale_workers_fenced_out,
    concurrent_workers_never_hold_the_same_job,
    unique_jobs_are_inserted_once_even_concurrently,
    one_tenants_burst_does_not_starve_another,
    a_worker_completes_retries_and_dead_letters,
    a_crashed_workers_job_is_rescued_and_run_once,
    a_panicking_handler_fails_its_attempt_and_other_tenants_jobs_run,
    a_last_attempt_lost_to_a_crash_is_raised_as_a_dead_letter,
    a_long_job_keeps_its_lease_while_it_works,
);

const T0: i64 = 1_800_000_000_000;
const LEASE: i64 = 30_000;

async fn tenant(store: &Store, slug: &str) -> TenantId {
    store
        .upsert_tenant(
            slug,
            slug,
            "shelfwise",
            "EUR",
            None,
            Default::default(),
            &[],
        )
        .await
        .unwrap()
}

fn job(kind: &str, n: i64) -> NewJob {
    NewJob::new(kind, json!({ "n": n }), T0)
}

async fn a_claimed_job_runs_once_and_completes(store: &Store) {
    let id = store.enqueue(&job("mail.send", 1)).await.unwrap().unwrap();
    let claimed = store
        .claim_jobs("default", "w1", 10, T0, LEASE)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    let j = &claimed[0];
    assert_eq!((j.id, j.state, j.attempt), (id, JobState::Running, 1));
    assert_eq!(j.args, json!({"n": 1}));
    assert_eq!(j.lease_expires_at, Some(T0 + LEASE));
    assert!(
        store
            .claim_jobs("default", "w2", 10, T0, LEASE)
            .await
            .unwrap()
            .is_empty(),
        "a running job is not claimed twice"
    );
    assert!(store.complete_job(id, 1, T0 + 5).await.unwrap());
    assert_eq!(
        store.job(id).await.unwrap().unwrap().state,
        JobState::Completed
    );
    assert!(
        !store.complete_job(id, 1, T0 + 6).await.unwrap(),
        "completing twice changes nothing"
    );
    assert!(store
        .claim_jobs("default", "w1", 10, T0 + LEASE * 10, LEASE)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .claim_jobs("other-queue", "w1", 10, T0, LEASE)
        .await
        .unwrap()
        .is_empty());
}

async fn future_jobs_wait_until_due(store: &Store) {
    let id = store
        .enqueue(&job("timer.escalate", 1).at(T0 + 60_000))
        .await
        .unwrap()
        .unwrap();
    assert!(store
        .claim_jobs("default", "w", 10, T0 + 59_999, LEASE)
        .await
        .unwrap()
        .is_empty());
    // Due while nobody was polling (e.g. the server was down): claimed at the next look.
    let claimed = store
        .claim_jobs("default", "w", 10, T0 + 3_600_000, LEASE)
        .await
        .unwrap();
    assert_eq!(claimed.iter().map(|j| j.id).collect::<Vec<_>>(), [id]);
}

async fn failures_retry_then_dead_letter_and_can_be_replayed(store: &Store) {
    let acme = tenant(store, "acme").await;
    let other = tenant(store, "other").await;
    let id = store
        .enqueue(&job("webhook.deliver", 1).tenant(acme).max_attempts(2))
        .await
        .unwrap()
        .unwrap();
    let j = store
        .claim_jobs("default", "w", 1, T0, LEASE)
        .await
        .unwrap()
        .remove(0);
    assert!(store
        .fail_job(id, j.attempt, "502 from partner", T0 + 1, T0 + 5_000)
        .await
        .unwrap());
    let after = store.job(id).await.unwrap().unwrap();
    assert_eq!(after.state, JobState::Retryable);
    assert_eq!(after.last_error.as_deref(), Some("502 from partner"));
    assert!(
        store
            .claim_jobs("default", "w", 1, T0 + 4_999, LEASE)
            .await
            .unwrap()
            .is_empty(),
        "not before its backoff"
    );
    let j = store
        .claim_jobs("default", "w", 1, T0 + 5_000, LEASE)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(j.attempt, 2);
    assert!(store
        .fail_job(id, 2, "timeout", T0 + 5_001, T0 + 9_000)
        .await
        .unwrap());
    let dead = store.job(id).await.unwrap().unwrap();
    assert_eq!(
        dead.state,
        JobState::Discarded,
        "attempts used up: dead-lettered"
    );
    assert_eq!(dead.last_error.as_deref(), Some("timeout"));
    assert!(store
        .claim_jobs("default", "w", 1, T0 + 100_000, LEASE)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store
            .dead_jobs(acme, 50)
            .await
            .unwrap()
            .iter()
            .map(|j| j.id)
            .collect::<Vec<_>>(),
        [id]
    );
    assert!(store.dead_jobs(other, 50).await.unwrap().is_empty());
    let admin = engine::model::Member {
        user_id: 1,
        email: "admin@acme.example".into(),
        name: "Ada".into(),
        roles: vec![engine::model::Role::TenantAdmin],
        supplier_id: None,
        api_key: None,
        kind: Default::default(),
        acting: None,
    };
    assert!(
        matches!(
            engine::worker::replay(store, other, &admin, id, None, T0).await,
            Err(engine::EngineError::NotFound)
        ),
        "another tenant cannot replay it"
    );
    engine::worker::replay(store, acme, &admin, id, None, T0 + 200_000)
        .await
        .unwrap();
    let again = store
        .claim_jobs("default", "w", 1, T0 + 200_000, LEASE)
        .await
        .unwrap();
    assert_eq!(
        (again[0].id, again[0].attempt),
        (id, 1),
        "a replay starts with fresh attempts"
    );
}

async fn lapsed_leases_are_rescued_and_stale_workers_fenced_out(store: &Store) {
    let lost = store.enqueue(&job("k", 1)).await.unwrap().unwrap();
    let alive = store.enqueue(&job("k", 2)).await.unwrap().unwrap();
    let last = store
        .enqueue(&job("k", 3).max_attempts(1))
        .await
        .unwrap()
        .unwrap();
    let claimed = store
        .claim_jobs("default", "old-worker", 3, T0, LEASE)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 3);
    // Only `alive` keeps its lease fresh (a longer lease stands in for a heartbeat).
    store.complete_job(alive, 1, T0).await.unwrap();
    assert_eq!(
        store.rescue_jobs(T0 + LEASE - 1).await.unwrap().len(),
        0,
        "valid leases are left alone"
    );
    assert_eq!(store.rescue_jobs(T0 + LEASE + 1).await.unwrap().len(), 2);
    assert_eq!(
        store.job(lost).await.unwrap().unwrap().state,
        JobState::Retryable
    );
    let exhausted = store.job(last).await.unwrap().unwrap();
    assert_eq!(
        exhausted.state,
        JobState::Discarded,
        "a lapsed last attempt is dead-lettered"
    );
    assert!(exhausted.last_error.unwrap().contains("lease expired"));
    assert_eq!(
        store.job(alive).await.unwrap().unwrap().state,
        JobState::Completed
    );
    // A new worker takes the rescued job; the old one's late completion is ignored.
    let retaken = store
        .claim_jobs("default", "new-worker", 5, T0 + LEASE + 2, LEASE)
        .await
        .unwrap();
    assert_eq!((retaken[0].id, retaken[0].attempt), (lost, 2));
    assert!(
        !store.complete_job(lost, 1, T0 + LEASE + 3).await.unwrap(),
        "stale attempt fenced out"
    );
    assert!(!store
        .fail_job(lost, 1, "late", T0 + LEASE + 3, T0)
        .await
        .unwrap());
    assert_eq!(
        store.job(lost).await.unwrap().unwrap().state,
        JobState::Running
    );
    assert!(store.complete_job(lost, 2, T0 + LEASE + 4).await.unwrap());
}

async fn concurrent_workers_never_hold_the_same_job(store: &Store) {
    for n in 0..200 {
        store.enqueue(&job("k", n)).await.unwrap();
    }
    let mut tasks = Vec::new();
    for w in 0..4 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let batch = store
                    .claim_jobs("default", &format!("w{w}"), 7, T0, LEASE)
                    .await
                    .unwrap();
                if batch.is_empty() {
                    break;
                }
                mine.extend(batch.into_iter().map(|j| j.id));
            }
            mine
        }));
    }
    let mut seen = HashSet::new();
    let mut total = 0;
    for t in tasks {
        for id in t.await.unwrap() {
            total += 1;
            assert!(seen.insert(id), "job {id} was claimed twice");
        }
    }
    assert_eq!(total, 200, "every job was claimed exactly once");
}

async fn unique_jobs_are_inserted_once_even_concurrently(store: &Store) {
    let key = "tenant:1:timer:approval-42:gen-3";
    let first = store
        .enqueue(&job("timer.escalate", 1).unique(key))
        .await
        .unwrap();
    assert!(first.is_some());
    assert!(store
        .enqueue(&job("timer.escalate", 2).unique(key))
        .await
        .unwrap()
        .is_none());
    let mut tasks = Vec::new();
    for n in 0..10 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store.enqueue(&job("k", n).unique("race")).await.unwrap()
        }));
    }
    let mut inserted = 0;
    for t in tasks {
        inserted += t.await.unwrap().is_some() as i32;
    }
    assert_eq!(
        inserted, 1,
        "ten concurrent inserts of one key make one job"
    );
    // The timer fires once: after it completes, the same key is still refused.
    let claimed = store
        .claim_jobs("default", "w", 20, T0, LEASE)
        .await
        .unwrap();
    let timer = claimed.iter().find(|j| j.kind == "timer.escalate").unwrap();
    store
        .complete_job(timer.id, timer.attempt, T0)
        .await
        .unwrap();
    assert!(store
        .enqueue(&job("timer.escalate", 3).unique(key))
        .await
        .unwrap()
        .is_none());
}

async fn one_tenants_burst_does_not_starve_another(store: &Store) {
    let big = tenant(store, "big").await;
    let small = tenant(store, "small").await;
    for n in 0..100 {
        store.enqueue(&job("k", n).tenant(big)).await.unwrap();
    }
    for n in 0..3 {
        store
            .enqueue(&job("k", 1000 + n).tenant(small))
            .await
            .unwrap();
    }
    let first = store
        .claim_jobs("default", "w", 6, T0, LEASE)
        .await
        .unwrap();
    let small_claimed = first.iter().filter(|j| j.tenant == Some(small)).count();
    assert_eq!(
        small_claimed, 3,
        "the small tenant's jobs are interleaved, not queued behind 100"
    );
}

async fn a_worker_completes_retries_and_dead_letters(store: &Store) {
    let t = tenant(store, "acme").await;
    let ran = Arc::new(AtomicUsize::new(0));
    let counter = ran.clone();
    let worker = Worker::new(store.clone(), "default", "w1")
        .retry_policy(RetryPolicy {
            base_ms: 1_000,
            cap_ms: 60_000,
        })
        .handle("ok", move |_job| {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        })
        .handle("flaky", |_job| async {
            Err(JobError::Retry("partner answered 503".into()))
        })
        .handle("bad", |_job| async {
            Err(JobError::Terminal("subject no longer exists".into()))
        });
    for n in 0..3 {
        store.enqueue(&job("ok", n).tenant(t)).await.unwrap();
    }
    let flaky = store
        .enqueue(&job("flaky", 0).tenant(t).max_attempts(2))
        .await
        .unwrap()
        .unwrap();
    store.enqueue(&job("bad", 0).tenant(t)).await.unwrap();
    store.enqueue(&job("mystery", 0).tenant(t)).await.unwrap();

    let lap = worker.run_once(T0).await.unwrap();
    assert_eq!((lap.completed, lap.retried, lap.discarded), (3, 1, 2));
    assert_eq!(ran.load(Ordering::SeqCst), 3);
    let retry = store.job(flaky).await.unwrap().unwrap();
    assert_eq!(retry.state, JobState::Retryable);
    assert!(
        (T0..=T0 + 2_000).contains(&retry.scheduled_at),
        "first retry within base x 2^1"
    );
    assert_eq!(retry.last_error.as_deref(), Some("partner answered 503"));

    let lap = worker.run_once(T0 + 10_000).await.unwrap();
    assert_eq!(
        (lap.completed, lap.retried, lap.discarded),
        (0, 0, 1),
        "second and last attempt"
    );
    let dead: Vec<String> = store
        .dead_jobs(t, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.kind)
        .collect();
    assert_eq!(dead.len(), 3);
    for kind in ["flaky", "bad", "mystery"] {
        assert!(dead.contains(&kind.to_string()), "{kind} is dead-lettered");
    }
    let lap = worker.run_once(T0 + 1_000_000).await.unwrap();
    assert_eq!(
        lap.completed + lap.retried + lap.discarded,
        0,
        "nothing left to run"
    );
}

async fn a_crashed_workers_job_is_rescued_and_run_once(store: &Store) {
    let ran = Arc::new(AtomicUsize::new(0));
    let counter = ran.clone();
    let worker = Worker::new(store.clone(), "default", "survivor").handle("ok", move |_job| {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    let id = store.enqueue(&job("ok", 1)).await.unwrap().unwrap();
    // A worker claims it and dies before finishing.
    store
        .claim_jobs("default", "crashed", 1, T0, LEASE)
        .await
        .unwrap();
    let lap = worker.run_once(T0 + 1_000).await.unwrap();
    assert_eq!(
        (lap.rescued, lap.completed),
        (0, 0),
        "its lease is still valid"
    );
    let lap = worker.run_once(T0 + LEASE + 1).await.unwrap();
    assert_eq!((lap.rescued, lap.completed), (1, 1));
    assert_eq!(ran.load(Ordering::SeqCst), 1);
    let done = store.job(id).await.unwrap().unwrap();
    assert_eq!((done.state, done.attempt), (JobState::Completed, 2));
}

async fn a_panicking_handler_fails_its_attempt_and_other_tenants_jobs_run(store: &Store) {
    let (bad, good) = (tenant(store, "bad").await, tenant(store, "good").await);
    let ran = Arc::new(AtomicUsize::new(0));
    let counter = ran.clone();
    let worker = Worker::new(store.clone(), "default", "w1")
        .handle("overflow", |_job| async {
            let big = std::hint::black_box(i64::MAX);
            let _ = big.checked_add(1).expect("add with overflow");
            Ok(())
        })
        .handle("ok", move |_job| {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        })
        .on_dead_letter(engine::exceptions::dead_letter_hook(store.clone()));
    let poisoned = store
        .enqueue(&job("overflow", 0).tenant(bad).max_attempts(2))
        .await
        .unwrap()
        .unwrap();
    store.enqueue(&job("ok", 1).tenant(good)).await.unwrap();
    let lap = worker.run_once(T0).await.unwrap();
    assert_eq!((lap.completed, lap.retried), (1, 1), "the worker went on");
    assert_eq!(ran.load(Ordering::SeqCst), 1, "the other tenant's job ran");
    let failed = store.job(poisoned).await.unwrap().unwrap();
    assert_eq!(failed.state, JobState::Retryable);
    assert!(
        failed
            .last_error
            .as_deref()
            .unwrap()
            .contains("add with overflow"),
        "{failed:?}"
    );
    // Its last attempt panics too: dead letter, raised in the tenant's queue.
    store.enqueue(&job("ok", 2).tenant(good)).await.unwrap();
    let lap = worker.run_once(T0 + 60_000).await.unwrap();
    assert_eq!((lap.completed, lap.discarded), (1, 1));
    let open = store.exceptions(bad, "open", None, 10).await.unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].kind, "dead_job");
    assert!(store
        .exceptions(good, "open", None, 10)
        .await
        .unwrap()
        .is_empty());
}

async fn a_last_attempt_lost_to_a_crash_is_raised_as_a_dead_letter(store: &Store) {
    let t = tenant(store, "acme").await;
    let worker = Worker::new(store.clone(), "default", "survivor")
        .handle("ok", |_job| async { Ok(()) })
        .on_dead_letter(engine::exceptions::dead_letter_hook(store.clone()));
    let id = store
        .enqueue(&job("ok", 1).tenant(t).max_attempts(1))
        .await
        .unwrap()
        .unwrap();
    // A worker claims its only attempt and dies.
    store
        .claim_jobs("default", "crashed", 1, T0, LEASE)
        .await
        .unwrap();
    let lap = worker.run_once(T0 + LEASE + 1).await.unwrap();
    assert_eq!((lap.rescued, lap.discarded), (1, 1));
    assert_eq!(
        store.job(id).await.unwrap().unwrap().state,
        JobState::Discarded
    );
    let open = store.exceptions(t, "open", None, 10).await.unwrap();
    assert_eq!(open.len(), 1, "the dead letter is raised: {open:?}");
    assert!(
        open[0].detail.contains("lease expired"),
        "{}",
        open[0].detail
    );
}

async fn a_long_job_keeps_its_lease_while_it_works(store: &Store) {
    let lease = std::time::Duration::from_millis(150);
    let worker = Worker::new(store.clone(), "default", "slow")
        .lease(lease)
        .handle("slow", |_job| async {
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            Ok(())
        });
    let now = engine::model::now_ms();
    let slow = NewJob::new("slow", json!({}), now);
    let id = store.enqueue(&slow).await.unwrap().unwrap();
    let (lap, rescued) = tokio::join!(worker.run_once(now), async {
        // Well past the first lease: another worker looks for lapsed leases.
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        store.rescue_jobs(engine::model::now_ms()).await.unwrap()
    });
    assert!(rescued.is_empty(), "the working job's lease was extended");
    assert_eq!(lap.unwrap().completed, 1);
    assert_eq!(
        store.job(id).await.unwrap().unwrap().state,
        JobState::Completed
    );
}
