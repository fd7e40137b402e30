//! The approval matrix as a tenant keeps it: the default a tenant starts with, the
//! checks a saved matrix must pass, TOML for the text editor, and saving it (whole or
//! rule by rule) with a version check and an audit entry.

use serde_json::json;

use crate::approval::{DocumentType, Matrix, Outcome, Rule, Step};
use crate::audit::AuditEntry;
use crate::db::Tx;
use crate::error::{EngineError, Msg};
use crate::limits::{within_field as within, MAX_MONEY_MINOR};
use crate::model::{Audience, Member, Permission, Role, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::tenant_settings;
use crate::store::Store;

/// The matrix a tenant starts with: transfers up to 500.00 and orders up to 250.00 are
/// approved automatically, everything else by an approver, escalating to the tenant
/// admin after a day; nothing above 1,000.00 is ever auto-approved.
pub fn default_matrix() -> Matrix {
    let approver = Step {
        role: Role::Approver,
        escalate_after_hours: 24,
        escalate_to: Some(Role::TenantAdmin),
    };
    let rule = |name: &str, doc_type, max: i64| Rule {
        name: name.into(),
        doc_type: Some(doc_type),
        min_value_minor: None,
        max_value_minor: Some(max),
        class: None,
        region: None,
        location_id: None,
        supplier_id: None,
        outcome: Outcome::AutoApprove,
    };
    Matrix {
        rules: vec![
            rule("Small transfers", DocumentType::Transfer, 50_000),
            rule("Small orders", DocumentType::PurchaseOrder, 25_000),
        ],
        auto_approve_limit_minor: 100_000,
        default_steps: vec![approver],
    }
}

/// The most rules a matrix may have (each document is matched against them in order).
pub const MAX_RULES: usize = 200;

/// Checks a matrix an admin wants to save; the message names what is wrong.
pub fn validate_matrix(m: &Matrix) -> Result<(), Msg> {
    within(
        "auto_approve_limit_minor",
        m.auto_approve_limit_minor,
        0,
        MAX_MONEY_MINOR,
    )?;
    if m.rules.len() > MAX_RULES {
        return Err(Msg::new(
            "err-matrix-rules",
            &[("most", MAX_RULES.to_string())],
        ));
    }
    if m.default_steps.is_empty() {
        return Err(Msg::new("err-matrix-no-default-step", &[]));
    }
    let check_steps = |steps: &[Step], at: &str| -> Result<(), Msg> {
        for (i, s) in steps.iter().enumerate() {
            if s.role.audience() != Audience::Staff
                || s.escalate_to
                    .is_some_and(|r| r.audience() != Audience::Staff)
            {
                return Err(Msg::new(
                    "err-matrix-step-staff",
                    &[("step", format!("{at}[{i}]"))],
                ));
            }
            if !(1..=24 * 60).contains(&s.escalate_after_hours) {
                return Err(Msg::new(
                    "err-matrix-step-hours",
                    &[("step", format!("{at}[{i}]"))],
                ));
            }
        }
        Ok(())
    };
    check_steps(&m.default_steps, "default_steps")?;
    for (i, r) in m.rules.iter().enumerate() {
        if r.name.trim().is_empty() || r.name.chars().count() > 80 {
            return Err(Msg::new(
                "err-matrix-rule-name",
                &[("index", i.to_string())],
            ));
        }
        for (field, v) in [
            ("min_value_minor", r.min_value_minor),
            ("max_value_minor", r.max_value_minor),
        ] {
            if let Some(v) = v {
                within(&format!("rules[{i}].{field}"), v, 0, MAX_MONEY_MINOR)?;
            }
        }
        if let (Some(a), Some(b)) = (r.min_value_minor, r.max_value_minor) {
            if a > b {
                return Err(Msg::new(
                    "err-matrix-rule-bounds",
                    &[("index", i.to_string()), ("rule", r.name.clone())],
                ));
            }
        }
        if let Outcome::Steps { steps } = &r.outcome {
            check_steps(steps, &format!("rules[{i}].outcome.steps"))?;
        }
    }
    Ok(())
}

/// The matrix as TOML, as the admin edits it.
pub fn matrix_to_toml(m: &Matrix) -> String {
    toml::to_string_pretty(m).unwrap_or_default()
}

/// Reads a matrix an admin typed; errors name the line and field.
pub fn matrix_from_toml(text: &str) -> Result<Matrix, Msg> {
    let m: Matrix = toml::from_str(text).map_err(|e| Msg::detail(e.to_string()))?;
    validate_matrix(&m)?;
    Ok(m)
}

pub(crate) struct Settings {
    pub matrix: Matrix,
    pub window_ms: i64,
}

/// The matrix and PO window from a `tenant_settings` row; defaults when never saved.
fn parse_settings(row: Option<(Option<String>, i64, i64)>) -> (Matrix, i64) {
    match row {
        Some((m, _, w)) => (
            m.and_then(|m| serde_json::from_str(&m).ok())
                .unwrap_or_else(default_matrix),
            w,
        ),
        None => (default_matrix(), 60),
    }
}

pub(crate) async fn settings_tx(tx: &mut Tx, tenant: TenantId) -> Result<Settings, EngineError> {
    let (matrix, window) = parse_settings(tenant_settings::tenant_settings_tx(tx, tenant).await?);
    Ok(Settings {
        matrix,
        window_ms: window * 60_000,
    })
}

/// Saves the tenant's approval matrix and PO window after validating them. Needs
/// [`Permission::EditApprovalMatrix`].
#[allow(clippy::too_many_arguments)]
pub async fn save_matrix(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    matrix: &Matrix,
    window_minutes: i64,
    expected_version: Option<i64>,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::EditApprovalMatrix)?;
    validate_matrix(matrix).map_err(EngineError::Invalid)?;
    check_own_ids(store, tenant, matrix).await?;
    if !(1..=10_080).contains(&window_minutes) {
        return Err(EngineError::invalid("err-matrix-window", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    check_matrix_version(&mut tx, tenant, expected_version).await?;
    let before = settings_tx(&mut tx, tenant).await?;
    let json = serde_json::to_string(matrix).map_err(|e| Msg::detail(e.to_string()))?;
    let version =
        tenant_settings::save_matrix_tx(&mut tx, tenant, &json, window_minutes, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(&member.actor(), "approval_matrix.saved", "approval_matrix",
            Some(json!({ "matrix": before.matrix, "po_window_minutes": before.window_ms / 60_000 })),
            Some(json!({ "matrix": matrix, "po_window_minutes": window_minutes, "version": version })), request_id),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Every location and supplier a rule names must be the tenant's own: ids from a form
/// or the TOML editor are not trusted as they are.
async fn check_own_ids(
    store: &Store,
    tenant: TenantId,
    matrix: &Matrix,
) -> Result<(), EngineError> {
    let (locations, suppliers) = store.labels(tenant).await?;
    for (i, r) in matrix.rules.iter().enumerate() {
        if r.location_id
            .is_some_and(|l| !locations.iter().any(|x| x.0 == l))
        {
            return Err(EngineError::invalid(
                "err-matrix-rule-location",
                &[("number", (i + 1).to_string()), ("rule", r.name.clone())],
            ));
        }
        if r.supplier_id
            .is_some_and(|s| !suppliers.iter().any(|x| x.0 == s))
        {
            return Err(EngineError::invalid(
                "err-matrix-rule-supplier",
                &[("number", (i + 1).to_string()), ("rule", r.name.clone())],
            ));
        }
    }
    Ok(())
}

/// Refuses a change made from a page that showed another version of the matrix.
async fn check_matrix_version(
    tx: &mut Tx,
    tenant: TenantId,
    expected: Option<i64>,
) -> Result<(), EngineError> {
    if let Some(expected) = expected {
        if tenant_settings::matrix_version_tx(tx, tenant).await? != expected {
            return Err(EngineError::invalid("err-matrix-changed", &[]));
        }
    }
    Ok(())
}

/// One rule-level change to the matrix, made from the portal.
pub enum RuleEdit {
    Add(Rule),
    MoveUp(usize),
    MoveDown(usize),
    Delete(usize),
}

/// Applies `edit` to the matrix at `expected_version` and saves it as a new version
/// (same checks and audit as [`save_matrix`]).
pub async fn edit_matrix(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    expected_version: i64,
    edit: RuleEdit,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::EditApprovalMatrix)?;
    // An outdated page first: its rule numbers may no longer mean the same rules.
    let version = store.tenant_settings(tenant).await?.map_or(0, |s| s.1);
    if version != expected_version {
        return Err(EngineError::invalid("err-matrix-changed", &[]));
    }
    let (mut matrix, window) = matrix(store, tenant).await?;
    let n = matrix.rules.len();
    let missing = || EngineError::NotFound;
    match edit {
        RuleEdit::Add(rule) => matrix.rules.push(rule),
        RuleEdit::MoveUp(i) if i > 0 && i < n => matrix.rules.swap(i - 1, i),
        RuleEdit::MoveDown(i) if i + 1 < n => matrix.rules.swap(i, i + 1),
        RuleEdit::Delete(i) if i < n => {
            matrix.rules.remove(i);
        }
        _ => return Err(missing()),
    }
    // The version check inside save_matrix's transaction also catches a save that
    // happened between reading the matrix above and writing it.
    save_matrix(
        store,
        tenant,
        member,
        &matrix,
        window,
        Some(expected_version),
        request_id,
        now,
    )
    .await
}

/// The tenant's matrix and PO window (defaults when never saved).
pub async fn matrix(store: &Store, tenant: TenantId) -> Result<(Matrix, i64), EngineError> {
    Ok(parse_settings(store.tenant_settings(tenant).await?))
}

/// Seeds a matrix without an actor (tenant provisioning). Keeps an existing one.
pub async fn seed_matrix(
    store: &Store,
    tenant: TenantId,
    matrix: &Matrix,
    window_minutes: i64,
) -> Result<(), EngineError> {
    validate_matrix(matrix).map_err(EngineError::Invalid)?;
    if !(1..=10_080).contains(&window_minutes) {
        return Err(EngineError::invalid("err-matrix-window", &[]));
    }
    if store.tenant_settings(tenant).await?.is_some() {
        return Ok(());
    }
    let json = serde_json::to_string(matrix).map_err(|e| Msg::detail(e.to_string()))?;
    let mut tx = store.begin(tenant).await?;
    tenant_settings::save_matrix_tx(
        &mut tx,
        tenant,
        &json,
        window_minutes,
        crate::model::now_ms(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
