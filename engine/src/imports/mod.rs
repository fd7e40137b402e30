//! CSV imports of products, locations, suppliers, stock counts and policies
//! ([`Permission::ImportData`]; policies also need [`Permission::EditPolicies`]).
//!
//! An upload is stored and checked in the background ([`CheckImport`], progress noted
//! as it goes): every row read ([`rows`]) and compared with the tenant's data
//! ([`plan`]), giving a report of exactly what would change and every problem by row
//! and column. Nothing is applied until a person (or a key) asks for it, and only a
//! file whose check found no problem: [`ApplyImport`] checks it again against the data
//! as it is then and applies every row in one transaction, or none (a stock count
//! becomes a `count` event keyed by the import and row). The import's state moves
//! `checked` → `applying` → `applied` under a guard, inside the apply's transaction, so a
//! file is applied once; a job that fails for good marks it `failed`.
//! [`export`](crate::imports::export) writes the same shapes back out.

pub mod export;
pub mod plan;
pub mod rows;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::jobs::{queues, BackgroundJob, Job, JobError, NewJob};
use crate::model::{now_ms, EventKind, Member, Permission, StockEvent, TenantId};
use crate::recorded::Recorded;
use crate::replenish::policies::{write_policy_tx, Audited};
use crate::replenish::sweep::positions_changed_tx;
use crate::store::audit::append_audit_tx;
use crate::store::imports::{insert_import_tx, move_import_tx, ImportRecord, NewImport};
use crate::store::jobs::enqueue_tx;
use crate::store::Store;
use crate::store::{catalog, events};
pub use plan::{Change, Report};
pub use rows::{ImportKind, Row, RowError};

/// The largest file taken (a 100,000-row stock count is about 3 MB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
pub use crate::model::IMPORT_EVENT_SOURCE as EVENT_SOURCE;
/// Imported files are forgotten after this many days (what they changed stays).
pub const KEEP_DAYS: i64 = 30;

fn require(member: &Member, kind: Option<ImportKind>) -> Result<(), EngineError> {
    member.require(Permission::ImportData)?;
    if kind == Some(ImportKind::Policies) {
        member.require(Permission::EditPolicies)?;
    }
    Ok(())
}

/// Stores an uploaded file and queues its check; the import's id. The file must be
/// UTF-8 text of at most [`MAX_BYTES`].
pub async fn start(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    kind: ImportKind,
    file_name: &str,
    body: &[u8],
    now: i64,
) -> Result<i64, EngineError> {
    require(member, Some(kind))?;
    if body.len() > MAX_BYTES {
        return Err(EngineError::invalid(
            "err-import-too-large",
            &[("most", (MAX_BYTES / (1024 * 1024)).to_string())],
        ));
    }
    let text =
        std::str::from_utf8(body).map_err(|_| EngineError::invalid("err-import-not-utf8", &[]))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(EngineError::invalid("err-file-empty", &[]));
    }
    let name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    let name = if name.trim().is_empty() {
        format!("{}.csv", kind.as_str())
    } else {
        name
    };
    let mut tx = store.begin(tenant).await?;
    let new = NewImport {
        kind: kind.as_str(),
        file_name: &name,
        body: text,
        created_by: &member.actor(),
        now,
    };
    let id = insert_import_tx(&mut tx, tenant, &new).await?;
    enqueue_tx(&mut tx, &NewJob::of(tenant, &CheckImport { id }, now)).await?;
    tx.commit().await?;
    Ok(id)
}

/// The tenant's recent imports, newest first.
pub async fn imports(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<ImportRecord>, EngineError> {
    require(member, None)?;
    Ok(store.imports(tenant, 50).await?)
}

/// One import, with its report once checked.
pub async fn import(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<(ImportRecord, Option<Report>), EngineError> {
    require(member, None)?;
    let rec = store
        .import(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let report = rec
        .report
        .as_deref()
        .and_then(|r| serde_json::from_str(r).ok());
    Ok((rec, report))
}

/// Asks for a checked import to be applied (in the background: see [`ApplyImport`]).
/// Only an import whose check found nothing wrong, once.
pub async fn apply(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    require(member, None)?;
    let rec = store
        .import(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let kind = ImportKind::parse(&rec.kind).ok_or(EngineError::NotFound)?;
    require(member, Some(kind))?;
    let mut tx = store.begin(tenant).await?;
    if !move_import_tx(&mut tx, tenant, id, "checked", "applying", now).await? {
        return Err(EngineError::invalid(
            match rec.state.as_str() {
                "checking" => "err-import-checking",
                "invalid" => "err-import-has-problems",
                "applying" => "err-import-applying",
                "applied" => "err-import-applied",
                _ => "err-import-stale",
            },
            &[],
        ));
    }
    let job = ApplyImport {
        id,
        actor: member.actor(),
        request_id: request_id.map(str::to_string),
    };
    enqueue_tx(&mut tx, &NewJob::of(tenant, &job, now)).await?;
    tx.commit().await?;
    Ok(())
}

/// Reads and compares the file; the report and whether it is valid.
async fn check(
    store: &Store,
    tenant: TenantId,
    id: i64,
    kind: ImportKind,
    body: &str,
) -> Result<(rows::Parsed, Report), sqlx::Error> {
    // Reading 100,000 rows is a fraction of a second of CPU: off the async threads.
    let text = body.to_string();
    let mut parsed = tokio::task::spawn_blocking(move || rows::parse(kind, &text))
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("reading the file failed: {e}")))?;
    let total = parsed.total as i64;
    store
        .import_progress(tenant, id, 0, total, now_ms())
        .await?;
    let current = plan::current(store, tenant, kind).await?;
    plan::keep_absent(&mut parsed, &current);
    let report = plan::report(&parsed, &current, |done| async move {
        // Progress is a courtesy: a failed note never fails the check.
        let _ = store
            .import_progress(tenant, id, done as i64, total, now_ms())
            .await;
    })
    .await;
    Ok((parsed, report))
}

/// Checks an uploaded file in the background (the imports queue): `checking` →
/// `checked` or `invalid`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckImport {
    pub id: i64,
}

impl BackgroundJob for CheckImport {
    const KIND: &'static str = "import.check";
    const QUEUE: &'static str = queues::IMPORTS;
    const MAX_ATTEMPTS: i64 = 5;
    type Context = Store;

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let id = self.id;
        let result = self.work(&store, tenant).await;
        give_up_if_last(&store, tenant, id, "checking", &job, result).await
    }
}

impl CheckImport {
    async fn work(self, store: &Store, tenant: TenantId) -> Result<(), JobError> {
        let retry = |e: sqlx::Error| JobError::Retry(EngineError::from(e).user_message());
        let Some((kind, state, body)) = store.import_file(tenant, self.id).await.map_err(retry)?
        else {
            return Ok(());
        };
        let Some(kind) = ImportKind::parse(&kind).filter(|_| state == "checking") else {
            return Ok(());
        };
        let (_, report) = check(store, tenant, self.id, kind, &body)
            .await
            .map_err(retry)?;
        let state = if report.is_valid() {
            "checked"
        } else {
            "invalid"
        };
        let json = serde_json::to_string(&report).unwrap_or_default();
        store
            .import_report(
                tenant,
                self.id,
                "checking",
                state,
                report.total as i64,
                &json,
                now_ms(),
            )
            .await
            .map_err(retry)?;
        Ok(())
    }
}

/// Applies a checked file: checked again against the data as it is now (if it would no
/// longer change exactly what the report showed, nothing is applied), then every row in
/// one transaction, or none (`applying` → `applied`, or `failed` with why). The second
/// check reads before the write transaction begins: a change committed in that short
/// window is overwritten by the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplyImport {
    pub id: i64,
    /// Who asked, for the audit trail.
    pub actor: String,
    pub request_id: Option<String>,
}

impl BackgroundJob for ApplyImport {
    const KIND: &'static str = "import.apply";
    const QUEUE: &'static str = queues::IMPORTS;
    const MAX_ATTEMPTS: i64 = 5;
    type Context = Store;

    async fn run(self, store: Store, tenant: TenantId, job: Job) -> Result<(), JobError> {
        let id = self.id;
        let result = self.work(&store, tenant).await;
        give_up_if_last(&store, tenant, id, "applying", &job, result).await
    }
}

/// The worker of the imports queue.
pub fn worker(store: Store, id: &str) -> crate::worker::Worker {
    crate::worker::Worker::new(store.clone(), queues::IMPORTS, id)
        .register::<CheckImport>(store.clone())
        .register::<ApplyImport>(store.clone())
        .register::<crate::replenish::forecasts::RefreshForecasts>(store)
}

/// On a job's last attempt, a failure ends the import as `failed` (nothing applied)
/// instead of leaving it `checking` or `applying` for ever.
async fn give_up_if_last(
    store: &Store,
    tenant: TenantId,
    id: i64,
    from: &str,
    job: &Job,
    result: Result<(), JobError>,
) -> Result<(), JobError> {
    match result {
        Err(e) if job.attempt >= job.max_attempts => {
            let why = if from == "checking" {
                "imp-failure-check"
            } else {
                "imp-failure-apply"
            };
            let mut report = Report::default();
            report.fail(Recorded::new(why, &[("detail", e.to_string())]));
            let json = serde_json::to_string(&report).unwrap_or_default();
            let _ = store
                .import_report(tenant, id, from, "failed", 0, &json, now_ms())
                .await;
            Err(JobError::Terminal(e.to_string()))
        }
        r => r,
    }
}

impl ApplyImport {
    async fn work(self, store: &Store, tenant: TenantId) -> Result<(), JobError> {
        let retry = |e: sqlx::Error| JobError::Retry(EngineError::from(e).user_message());
        let Some((kind, state, body)) = store.import_file(tenant, self.id).await.map_err(retry)?
        else {
            return Ok(());
        };
        let Some(kind) = ImportKind::parse(&kind).filter(|_| state == "applying") else {
            return Ok(());
        };
        // What the person saw and confirmed.
        let shown: Option<Report> = store
            .import(tenant, self.id)
            .await
            .map_err(retry)?
            .and_then(|r| r.report)
            .and_then(|r| serde_json::from_str(&r).ok());
        let (parsed, mut report) = check(store, tenant, self.id, kind, &body)
            .await
            .map_err(retry)?;
        let now = now_ms();
        let same = shown.is_some_and(|s| s.fingerprint == report.fingerprint);
        if !report.is_valid() || !same {
            // The data changed since the check: applying now would not do what the
            // report showed (or some rows no longer fit). Nothing is applied.
            report.fail(Recorded::new("imp-failure-changed", &[]));
            let json = serde_json::to_string(&report).unwrap_or_default();
            store
                .import_report(
                    tenant,
                    self.id,
                    "applying",
                    "failed",
                    report.total as i64,
                    &json,
                    now,
                )
                .await
                .map_err(retry)?;
            return Ok(());
        }
        match apply_rows(store, tenant, &self, kind, &parsed, &report, now).await {
            Ok(()) => Ok(()),
            Err(EngineError::Store(e)) => Err(retry(e)),
            Err(e) => {
                report.fail(refused(&e));
                let json = serde_json::to_string(&report).unwrap_or_default();
                store
                    .import_report(
                        tenant,
                        self.id,
                        "applying",
                        "failed",
                        report.total as i64,
                        &json,
                        now,
                    )
                    .await
                    .map_err(retry)?;
                Ok(())
            }
        }
    }
}

/// Why an apply was refused, as recorded, in the engine's words: a refused value or
/// decision is a clause ("…: nothing was applied"), any other error a sentence of its
/// own ("… Nothing was applied.").
fn refused(e: &EngineError) -> Recorded {
    let id = match e {
        EngineError::Invalid(_) | EngineError::Refused(_) => "imp-failure-refused",
        _ => "imp-failure-refused-sentence",
    };
    Recorded::new(id, &[]).part("reason", vec![Recorded::from(e)])
}

/// Every row of a checked file, in one transaction with the import's state and its
/// audit entry.
async fn apply_rows(
    store: &Store,
    tenant: TenantId,
    job: &ApplyImport,
    kind: ImportKind,
    parsed: &rows::Parsed,
    report: &Report,
    now: i64,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    match kind {
        ImportKind::Products => {
            let rows = typed(parsed, |r| match r {
                Row::Product(p) => Some(p.clone()),
                _ => None,
            });
            catalog::upsert_products_tx(&mut tx, tenant, &rows).await?;
        }
        ImportKind::Locations => {
            let rows = typed(parsed, |r| match r {
                Row::Location(l) => Some(l.clone()),
                _ => None,
            });
            catalog::upsert_locations_tx(&mut tx, tenant, &rows).await?;
        }
        ImportKind::Suppliers => {
            let rows = typed(parsed, |r| match r {
                Row::Supplier(s) => Some(s.clone()),
                _ => None,
            });
            catalog::upsert_suppliers_tx(&mut tx, tenant, &rows).await?;
        }
        ImportKind::StockCounts => {
            let locations = store.location_ids(tenant, &codes(parsed, true)).await?;
            let products = store.product_ids(tenant, &codes(parsed, false)).await?;
            let counts: Vec<StockEvent> = parsed
                .rows
                .iter()
                .filter_map(|(row, r)| match r {
                    Row::Count {
                        location,
                        sku,
                        on_hand,
                    } => Some(StockEvent {
                        source: EVENT_SOURCE.into(),
                        external_id: format!("{}:{row}", job.id),
                        kind: EventKind::Count,
                        location_id: *locations.get(location)?,
                        product_id: *products.get(sku)?,
                        quantity: *on_hand,
                        occurred_at: now,
                    }),
                    _ => None,
                })
                .collect();
            if counts.len() != parsed.rows.len() {
                return Err(EngineError::invalid("err-import-code-gone", &[]));
            }
            // (A planner's own stock file is not judged for anomalies: they chose it.)
            let done = events::apply_events_tx(&mut tx, tenant, &[&counts], now).await?;
            positions_changed_tx(&mut tx, tenant, &done.changed, now).await?;
        }
        ImportKind::Policies => {
            let ids: std::collections::HashMap<String, i64> = store
                .locations(tenant)
                .await?
                .into_iter()
                .map(|l| (l.code, l.id))
                .collect();
            let audit = Audited {
                actor: &job.actor,
                request_id: job.request_id.as_deref(),
            };
            for (_, r) in &parsed.rows {
                if let Row::Policy {
                    class,
                    location,
                    settings,
                } = r
                {
                    let at = match location {
                        Some(code) => Some(*ids.get(code).ok_or_else(|| {
                            EngineError::invalid(
                                "err-import-location-gone",
                                &[("code", code.clone())],
                            )
                        })?),
                        None => None,
                    };
                    write_policy_tx(&mut tx, tenant, class, at, settings, &audit, now, true)
                        .await?;
                }
            }
        }
    }
    if !move_import_tx(&mut tx, tenant, job.id, "applying", "applied", now).await? {
        // Someone else finished it meanwhile: roll back, change nothing.
        return Ok(());
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &job.actor,
            "import.applied",
            format!("import:{}", job.id),
            None,
            Some(json!({
                "kind": kind.as_str(),
                "rows": report.total,
                "new": report.new,
                "changed": report.changed,
                "unchanged": report.unchanged,
            })),
            job.request_id.as_deref(),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The file's rows of one kind (every row of a checked file is of the file's kind).
fn typed<T>(parsed: &rows::Parsed, pick: impl Fn(&Row) -> Option<T>) -> Vec<T> {
    parsed.rows.iter().filter_map(|(_, r)| pick(r)).collect()
}

/// The location codes (or SKUs) a stock-count file names.
fn codes(parsed: &rows::Parsed, locations: bool) -> Vec<&str> {
    let mut out: Vec<&str> = parsed
        .rows
        .iter()
        .filter_map(|(_, r)| match r {
            Row::Count { location, sku, .. } => {
                Some(if locations { location } else { sku }.as_str())
            }
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_apply_reads_as_one_sentence_in_each_language() {
        let mut report = Report::default();
        report.fail(refused(&EngineError::invalid("err-import-code-gone", &[])));
        assert_eq!(
            report.failure.as_deref(),
            Some("a location or SKU of the file is gone: nothing was applied")
        );
        let (de, english_only) = report.failure_text(i18n::Lang::De).unwrap();
        assert!(!english_only);
        assert!(de.ends_with(": Es wurde nichts übernommen"), "{de}");
        report.fail(refused(&EngineError::NotFound));
        assert_eq!(
            report.failure.as_deref(),
            Some("That does not exist in this portal. Nothing was applied.")
        );
        // A report stored before failures were recorded has only its English.
        let old = Report {
            failure: Some("it failed".into()),
            ..Report::default()
        };
        assert_eq!(
            old.failure_text(i18n::Lang::Nl),
            Some(("it failed".to_string(), true))
        );
    }
}
