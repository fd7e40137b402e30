//! The exception queue: open (deduplicated per subject), assign, comment, resolve.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::recorded::{join, stored, Recorded};
use crate::risk::Risk;
use crate::{on_db, on_tx};
use i18n::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct ExceptionRecord {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    pub subject: String,
    pub title: String,
    pub detail: String,
    pub owner_user_id: Option<i64>,
    pub owner_name: Option<String>,
    pub state: String,
    pub escalated_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
    /// Expected lost sales in minor units, for stock exceptions (see `risk`).
    pub lost_sales_minor: Option<i64>,
    /// How the expected lost sales were worked out.
    pub risk_basis: Option<String>,
    /// What an anomaly was about (JSON, see `replenish::anomalies::Evidence`).
    pub evidence: Option<String>,
    /// The title, detail and risk basis as recorded text (JSON arrays, see
    /// `recorded::from_json_all`), shown in the reader's language; `None` on a row
    /// recorded before (its English is shown).
    pub title_words: Option<String>,
    pub detail_words: Option<String>,
    pub risk_basis_words: Option<String>,
    /// How the engine resolved it, as recorded text (`None` when a person typed it).
    pub resolution_words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct CommentRecord {
    pub id: i64,
    pub user_name: String,
    pub body: String,
    pub created_at: i64,
}

/// An exception to raise.
#[derive(Clone, Debug)]
pub struct NewException {
    pub kind: &'static str,
    pub severity: &'static str,
    pub subject: String,
    /// The title and the detail as recorded text (sentences, in the reader's language
    /// when shown); their English ([`NewException::title`]) is what the API and
    /// webhooks read.
    pub title_words: Vec<Recorded>,
    pub words: Vec<Recorded>,
    /// At most one open exception per key.
    pub dedupe_key: String,
    /// Expected lost sales, for an exception about stock (ranks the queue).
    pub risk: Option<Risk>,
}

impl NewException {
    /// The title in English, read from its words (so the two never drift apart).
    pub fn title(&self) -> String {
        join(&self.title_words, Lang::En)
    }

    /// The detail in English, read from its words.
    pub fn detail(&self) -> String {
        join(&self.words, Lang::En)
    }
}

/// How the queue is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ranking {
    /// Expected lost sales first (none counts as nothing), then severity, escalation, age.
    #[default]
    LostSales,
    /// Severity, then escalation, then age.
    Severity,
}

const EXCEPTION_SELECT: &str = "SELECT e.id, e.kind, e.severity, e.subject, e.title, e.detail, \
     e.owner_user_id, u.name AS owner_name, e.state, e.escalated_at, e.created_at, e.updated_at, \
     e.resolved_at, e.resolution, e.lost_sales_minor, e.risk_basis, e.evidence, e.title_words, \
     e.detail_words, e.risk_basis_words, e.resolution_words FROM exceptions e LEFT JOIN users u ON u.id = e.owner_user_id";

/// Raises an exception unless one is already open for its key; returns the new id.
pub(crate) async fn open_exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    e: &NewException,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO exceptions (tenant_id, kind, severity, subject, title, detail, dedupe_key, \
         state, created_at, updated_at, lost_sales_minor, risk_basis, title_words, detail_words, \
         risk_basis_words) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(e.kind)
    .bind(e.severity)
    .bind(&e.subject)
    .bind(e.title())
    .bind(e.detail())
    .bind(&e.dedupe_key)
    .bind(now)
    .bind(e.risk.as_ref().map(|r| r.lost_sales_minor))
    .bind(e.risk.as_ref().map(Risk::basis))
    .bind(stored(&e.title_words))
    .bind(stored(&e.words))
    .bind(e.risk.as_ref().and_then(|r| stored(&r.basis_words)))
    .fetch_optional(c)
    .await)
}

/// Keeps what an exception was about (an anomaly's event).
pub(crate) async fn set_evidence_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    evidence: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE exceptions SET evidence = $3 WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(evidence)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Brings the expected lost sales of the open exception with `key` up to date, or
/// clears them (`None`), after a new check, with the basis's recorded text; nothing is
/// written when they did not change. Returns whether it changed.
pub(crate) async fn set_risk_by_key_tx(
    tx: &mut Tx,
    tenant: TenantId,
    key: &str,
    risk: Option<&Risk>,
) -> Result<bool, sqlx::Error> {
    // (-1 and '' stand for "none" in the comparison: neither is a figure or a basis. The
    // words are compared too, so a row recorded before gets them at its next check.)
    let words = risk.and_then(|r| stored(&r.basis_words));
    on_tx!(tx, |c| sqlx::query(
        "UPDATE exceptions SET lost_sales_minor = $3, risk_basis = $4, risk_basis_words = $5 \
         WHERE tenant_id = $1 AND dedupe_key = $2 AND state = 'open' \
         AND (COALESCE(lost_sales_minor, -1) <> COALESCE($3, -1) \
              OR COALESCE(risk_basis, '') <> COALESCE($4, '') \
              OR COALESCE(risk_basis_words, '') <> COALESCE($5, ''))",
    )
    .bind(tenant.0)
    .bind(key)
    .bind(risk.map(|r| r.lost_sales_minor))
    .bind(risk.map(Risk::basis))
    .bind(words.as_deref())
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Resolves the open exception with `key`, if any (the condition cleared by itself).
/// Which of `keys` name an open exception.
pub(crate) async fn open_exception_keys_tx(
    tx: &mut Tx,
    tenant: TenantId,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    super::open_keys_tx(tx, "exceptions", tenant, keys).await
}

pub(crate) async fn resolve_exception_by_key_tx(
    tx: &mut Tx,
    tenant: TenantId,
    key: &str,
    resolution: &Recorded,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let words = stored(std::slice::from_ref(resolution));
    let english = resolution.english();
    on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE exceptions SET state = 'resolved', resolved_at = $4, resolution = $3, \
         resolution_words = $5, updated_at = $4 \
         WHERE tenant_id = $1 AND dedupe_key = $2 AND state = 'open'",
        )
        .bind(tenant.0)
        .bind(key)
        .bind(&english)
        .bind(now)
        .bind(&words)
        .execute(c)
        .await
        .map(|r| r.rows_affected() == 1)
    })
}

pub(crate) async fn exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<ExceptionRecord>, sqlx::Error> {
    let sql = format!("{EXCEPTION_SELECT} WHERE e.tenant_id = $1 AND e.id = $2");
    on_tx!(tx, |c| sqlx::query_as::<_, ExceptionRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn assign_exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    owner: Option<i64>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE exceptions SET owner_user_id = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 \
         AND state = 'open'",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(owner)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1)
    })
}

pub(crate) async fn resolve_exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    user: i64,
    resolution: &str,
    words: Option<&Recorded>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let words = words.and_then(|w| stored(std::slice::from_ref(w)));
    on_tx!(tx, |c| sqlx::query(
        "UPDATE exceptions SET state = 'resolved', resolved_at = $5, resolved_by = $3, \
         resolution = $4, resolution_words = $6, updated_at = $5 \
         WHERE tenant_id = $1 AND id = $2 AND state = 'open'",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(user)
    .bind(resolution)
    .bind(now)
    .bind(&words)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

pub(crate) async fn comment_exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    user: i64,
    body: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO exception_comments (tenant_id, exception_id, user_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(user)
    .bind(body)
    .bind(now)
    .fetch_one(c)
    .await)
}

/// Marks an open, still unowned exception as escalated and raises its severity one level.
pub(crate) async fn escalate_exception_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE exceptions SET escalated_at = $3, updated_at = $3, severity = CASE severity \
           WHEN 'low' THEN 'medium' WHEN 'medium' THEN 'high' ELSE 'critical' END \
         WHERE tenant_id = $1 AND id = $2 AND state = 'open' AND owner_user_id IS NULL \
         AND escalated_at IS NULL",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

impl Store {
    /// Exceptions in `state` ('open' or 'resolved'), most expected lost sales first (see
    /// [`Ranking::LostSales`]). At most `limit`.
    pub async fn exceptions(
        &self,
        tenant: TenantId,
        state: &str,
        kind: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ExceptionRecord>, sqlx::Error> {
        self.exceptions_ranked(tenant, state, kind, Ranking::LostSales, limit)
            .await
    }

    /// Exceptions in `state` ('open' or 'resolved'), most urgent first by `ranking`. At
    /// most `limit`.
    pub async fn exceptions_ranked(
        &self,
        tenant: TenantId,
        state: &str,
        kind: Option<&str>,
        ranking: Ranking,
        limit: i64,
    ) -> Result<Vec<ExceptionRecord>, sqlx::Error> {
        let first = match ranking {
            Ranking::LostSales => "COALESCE(e.lost_sales_minor, 0) DESC, ",
            Ranking::Severity => "",
        };
        let sql = format!(
            "{EXCEPTION_SELECT} WHERE e.tenant_id = $1 AND e.state = $2 AND ($3 IS NULL OR e.kind = $3) \
             ORDER BY {first}CASE e.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, \
             CASE WHEN e.escalated_at IS NULL THEN 1 ELSE 0 END, e.created_at, e.id LIMIT $4"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ExceptionRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(kind)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    pub async fn exception(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<ExceptionRecord>, sqlx::Error> {
        let sql = format!("{EXCEPTION_SELECT} WHERE e.tenant_id = $1 AND e.id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ExceptionRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    pub async fn exception_comments(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Vec<CommentRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, CommentRecord>(
            "SELECT c.id, u.name AS user_name, c.body, c.created_at FROM exception_comments c \
             JOIN users u ON u.id = c.user_id WHERE c.tenant_id = $1 AND c.exception_id = $2 ORDER BY c.id",
        )
        .bind(tenant.0)
        .bind(id)
        .fetch_all(pool)
        .await
        })
    }
}
