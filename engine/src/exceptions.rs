//! The exception queue's service: raising an exception (with its escalation timer),
//! escalating one nobody picked up, raising dead-lettered jobs, and the planners'
//! actions on the queue (assign, comment, resolve). SQL is in `store::exceptions`.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::EngineError;
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::model::{Member, Permission, Role, TenantId};
use crate::recorded::Recorded;
use crate::store::audit::append_audit_tx;
use crate::store::exceptions as sql;
use crate::store::identity::members_with_role_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::{NewException, Store};
use crate::worker::{complete_in_tx, job_result, DeadLetterHook};

/// An unowned exception escalates after this long.
pub const EXCEPTION_ESCALATE_MS: i64 = 4 * 3_600_000;

/// Raises `e` in the caller's transaction unless one is open for its key, with the timer
/// that escalates it if nobody takes it. Returns the new exception's id.
pub async fn open_tx(
    tx: &mut Tx,
    tenant: TenantId,
    e: &NewException,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let id = sql::open_exception_tx(tx, tenant, e, now).await?;
    if let Some(id) = id {
        let timer = NewJob::of(tenant, &EscalateException { exception_id: id }, now)
            .at(now + EXCEPTION_ESCALATE_MS);
        enqueue_tx(tx, &timer).await?;
        // Webhook failures are not themselves sent as webhooks: to a failing endpoint that
        // would only queue the next failure.
        if !e.dedupe_key.starts_with("webhook_endpoint:") {
            let data = json!({ "exception_id": id, "kind": e.kind, "severity": e.severity,
                               "subject": e.subject, "title": e.title() });
            let subject = format!("exception:{id}");
            crate::webhooks::publish_tx(tx, tenant, "exception.opened", &subject, &data, now)
                .await?;
        }
    }
    Ok(id)
}

/// Raises `e` on its own (outside any other change).
pub async fn open(
    store: &Store,
    tenant: TenantId,
    e: &NewException,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = store.begin(tenant).await?;
    let id = open_tx(&mut tx, tenant, e, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The hook a worker calls with a dead-lettered tenant job: it shows up in the tenant's
/// exception queue, with the job's (already safe to show) last error.
pub fn dead_letter_hook(store: Store) -> DeadLetterHook {
    std::sync::Arc::new(move |job: Job, error: String| {
        let store = store.clone();
        Box::pin(async move {
            let Some(tenant) = job.tenant else { return };
            let e = dead_job_exception(&job, &error);
            if let Err(e) = open(&store, tenant, &e, crate::model::now_ms()).await {
                tracing::error!(error = %e, job.id = job.id, "raising the dead-letter exception failed");
            }
        })
    })
}

/// The exception a dead-lettered job raises, with its (already safe to show) last
/// error as it was written.
fn dead_job_exception(job: &Job, error: &str) -> NewException {
    let error: String = error.chars().take(300).collect();
    NewException {
        kind: "dead_job",
        severity: "high",
        subject: format!("job:{}", job.id),
        title_words: vec![Recorded::new(
            "exc-dead-job-title",
            &[("id", job.id.to_string()), ("kind", job.kind.clone())],
        )],
        words: vec![Recorded::new(
            "exc-dead-job-detail",
            &[("attempts", job.attempt.to_string()), ("error", error)],
        )],
        dedupe_key: format!("dead_job:{}", job.id),
        risk: None,
    }
}

/// The hook the webhook senders call with a dead-lettered delivery job: the delivery
/// ends failed (replayable from the log) and one exception per endpoint and cause is
/// raised (see `webhooks::deliver::dead_delivery`).
pub fn webhook_dead_letter_hook(store: Store) -> DeadLetterHook {
    std::sync::Arc::new(move |job: Job, error: String| {
        let store = store.clone();
        Box::pin(async move {
            let Some(tenant) = job.tenant else { return };
            let raised =
                match crate::webhooks::deliver::dead_delivery(&store, tenant, &job, &error).await {
                    Ok(Some(e)) => open(&store, tenant, &e, crate::model::now_ms())
                        .await
                        .map(|_| ()),
                    Ok(None) => Ok(()),
                    Err(e) => Err(e),
                };
            if let Err(e) = raised {
                tracing::error!(error = %e, job.id = job.id, "settling a dead webhook delivery failed");
            }
        })
    })
}

/// The timer that escalates an exception nobody picked up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EscalateException {
    pub exception_id: i64,
}

impl BackgroundJob for EscalateException {
    const KIND: &'static str = "exception.escalate";
    const QUEUE: &'static str = queues::REPLENISH;
    type Context = Store;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "timer:exception:{}:{}",
            tenant.0, self.exception_id
        ))
    }

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let now = crate::model::now_ms();
        job_result(escalate(&store, tenant, self.exception_id, now, Some(&job)).await)
    }
}

/// Escalates an exception nobody took within [`EXCEPTION_ESCALATE_MS`]: one severity up,
/// once. Does nothing if it was taken or resolved meanwhile.
pub async fn escalate(
    store: &Store,
    tenant: TenantId,
    id: i64,
    now: i64,
    job: Option<&Job>,
) -> Result<bool, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let done = sql::escalate_exception_tx(&mut tx, tenant, id, now).await?;
    if done {
        let entry = AuditEntry::of(
            "system:timer",
            "exception.escalated",
            format!("exception:{id}"),
            None,
            None,
            None,
        );
        append_audit_tx(&mut tx, tenant, &entry).await?;
    }
    complete_in_tx(&mut tx, job, now).await?;
    tx.commit().await?;
    Ok(done)
}

/// What a planner does to selected exceptions.
pub enum Action {
    AssignTo(Option<i64>),
    Comment(String),
    Resolve(String),
}

/// Applies `action` to each exception in `ids` in one transaction. Returns how many
/// changed (already resolved ones are skipped); an id that is not the tenant's is
/// [`EngineError::NotFound`] and changes nothing.
/// Needs [`Permission::WorkExceptions`].
pub async fn act(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    ids: &[i64],
    action: &Action,
    request_id: Option<&str>,
    now: i64,
) -> Result<usize, EngineError> {
    member.require(Permission::WorkExceptions)?;
    if ids.is_empty() {
        return Err(EngineError::invalid("err-exceptions-select", &[]));
    }
    if ids.len() > 200 {
        return Err(EngineError::invalid("err-exceptions-too-many", &[]));
    }
    match action {
        Action::Comment(t) | Action::Resolve(t) if t.trim().is_empty() => {
            return Err(EngineError::invalid(
                match action {
                    Action::Comment(_) => "err-exceptions-write-comment",
                    _ => "err-exceptions-say-how",
                },
                &[],
            ))
        }
        Action::Comment(t) | Action::Resolve(t) if t.chars().count() > 2_000 => {
            return Err(EngineError::invalid("err-exceptions-text-too-long", &[]))
        }
        _ => {}
    }
    let mut tx = store.begin(tenant).await?;
    if let Action::AssignTo(Some(user)) = action {
        // Only someone who may work the queue can own an exception.
        let mut may_work = Vec::new();
        for role in Role::ALL
            .into_iter()
            .filter(|r| r.can(Permission::WorkExceptions))
        {
            may_work.extend(members_with_role_tx(&mut tx, tenant, role).await?);
        }
        if !may_work.iter().any(|m| m.0 == *user) {
            return Err(EngineError::invalid("err-exceptions-assignee", &[]));
        }
    }
    let actor = member.actor();
    let mut changed = 0;
    for id in ids {
        // An id that is not this tenant's is not found, and nothing is changed.
        let before = sql::exception_tx(&mut tx, tenant, *id)
            .await?
            .ok_or(EngineError::NotFound)?;
        // An anomaly holds its position's cover: it is settled by confirming or rejecting
        // the event (`replenish::anomalies`), which releases the position.
        if matches!(action, Action::Resolve(_))
            && before.kind == "anomaly"
            && before.state == "open"
        {
            return Err(EngineError::invalid(
                "err-exceptions-is-anomaly",
                &[("id", id.to_string())],
            ));
        }
        let (ok, action_name, after) = match action {
            Action::AssignTo(owner) => (
                sql::assign_exception_tx(&mut tx, tenant, *id, *owner, now).await?,
                "exception.assigned",
                json!({ "owner_user_id": owner }),
            ),
            Action::Comment(body) => {
                sql::comment_exception_tx(&mut tx, tenant, *id, member.user_id, body.trim(), now)
                    .await?;
                (
                    true,
                    "exception.commented",
                    json!({ "comment": body.trim() }),
                )
            }
            Action::Resolve(how) => (
                sql::resolve_exception_tx(
                    &mut tx,
                    tenant,
                    *id,
                    member.user_id,
                    how.trim(),
                    None,
                    now,
                )
                .await?,
                "exception.resolved",
                json!({ "resolution": how.trim() }),
            ),
        };
        if ok {
            changed += 1;
            let entry = AuditEntry::of(
                &actor,
                action_name,
                format!("exception:{id}"),
                Some(json!({ "state": before.state, "owner_user_id": before.owner_user_id })),
                Some(after),
                request_id,
            );
            append_audit_tx(&mut tx, tenant, &entry).await?;
        }
    }
    tx.commit().await?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use i18n::Lang;

    #[test]
    fn a_dead_job_reads_in_the_planner_s_language_and_keeps_its_english() {
        let job = Job {
            id: 42,
            tenant: Some(TenantId(1)),
            queue: "mail".into(),
            kind: "mail.send".into(),
            state: crate::jobs::JobState::Discarded,
            attempt: 5,
            max_attempts: 5,
            args: serde_json::Value::Null,
            last_error: None,
            scheduled_at: 0,
            lease_expires_at: None,
        };
        let e = dead_job_exception(&job, "lease expired");
        assert_eq!(
            e.detail(),
            "It failed 5 times; the last error was: lease expired. Replay it from the jobs \
             page once the cause is fixed."
        );
        assert_eq!(
            crate::recorded::join(&e.title_words, Lang::De),
            "Hintergrundauftrag 42 (mail.send) wird nicht mehr wiederholt"
        );
        assert_eq!(
            crate::recorded::join(&e.words, Lang::De),
            "Er ist 5 Mal fehlgeschlagen; der letzte Fehler war: lease expired. Führen Sie ihn \
             auf der Seite „Hintergrundaufträge“ erneut aus, sobald die Ursache behoben ist."
        );
        assert_eq!(
            crate::recorded::join(&e.words, Lang::En),
            "It failed 5 times; the last error was: lease expired. Replay it from the jobs page \
             once the cause is fixed."
        );
        // Stored and read back, as the exception queue shows it.
        let stored = crate::recorded::stored(&e.words).expect("words are stored");
        let back = crate::recorded::from_json_all(&stored);
        assert!(back.is_some_and(
            |w| crate::recorded::join(&w, Lang::Nl).starts_with("Hij is 5 keer mislukt")
        ));
    }
}
