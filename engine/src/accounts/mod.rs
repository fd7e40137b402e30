//! A person's own account: a forgotten password reset by e-mail, a password changed,
//! and two-step sign-in ([`two_factor`]) with an authenticator app (RFC 6238) and
//! recovery codes.
//!
//! Asking for a reset never says whether the address has an account here: the answer
//! is the same, and the e-mail goes only to an active member of this tenant, at most
//! [`RESET_PER_ACCOUNT`] times a quarter of an hour (an address may ask
//! [`RESET_PER_ADDRESS`] times). The link is signed
//! ([`crate::links`]), works once, for [`RESET_MINUTES`] minutes, and a newer one
//! replaces it. A new password ends every sign-in that began before it, on every
//! portal; it does not turn two-step sign-in off.
//!
//! Changing one's own password or two-step sign-in needs
//! [`Permission::ManageOwnAccount`], which every role has and no API key.

pub mod totp;
pub mod two_factor;

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::identity::{
    check_new_password, hash_password_gated, normalise_email, password_refused,
    verify_password_gated,
};
use crate::jobs::NewJob;
use crate::links::{verify_reset_token, LINK_KEY};
use crate::mail::SendMail;
use crate::model::{Member, Permission, TenantId};
use crate::store::accounts;
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::login_attempts::{take_tx, Rule, Taken};
use crate::store::Store;

pub use crate::links::RESET_MINUTES;
/// Reset mails per account in 15 minutes; beyond it requests are answered the same but
/// send nothing (a flood of requests is no way to flood someone's mailbox).
pub const RESET_PER_ACCOUNT: i64 = 3;
/// Reset requests per client address in 15 minutes (an office shares one address).
pub const RESET_PER_ADDRESS: i64 = 20;

/// Why a reset link does not work: each a sentence for the page.
#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error("This link is not valid. Check that it was copied whole, or ask for a new one.")]
    Invalid,
    #[error("This link was used already, or a newer one was sent. Ask for a new one if you still need it.")]
    Used,
    #[error("This link expired. Ask for a new one: it works for an hour.")]
    Expired,
    #[error("Too many sign-ins at this moment. Please try again in a minute.")]
    Busy,
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<sqlx::Error> for ResetError {
    fn from(e: sqlx::Error) -> ResetError {
        ResetError::Engine(EngineError::Store(e))
    }
}

fn quarter_hour(limit: i64) -> Rule {
    Rule {
        limit,
        window_ms: 15 * 60 * 1000,
        first_delay_ms: 0,
        max_delay_ms: 0,
    }
}

pub(crate) fn limit_key(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(parts.join("\u{1f}").as_bytes()))
}

/// Someone asks for a reset link for `email` on this tenant's portal, from `address`.
/// Always `Ok` (unless the database fails): whether a mail went is never said.
pub async fn request_password_reset(
    store: &Store,
    tenant: TenantId,
    email: &str,
    address: &str,
    now: i64,
) -> Result<(), EngineError> {
    let email = normalise_email(email);
    if email.is_empty() || email.len() > crate::invites::MAX_EMAIL_CHARS {
        return Ok(());
    }
    let t = tenant.0.to_string();
    let mut tx = store.begin(tenant).await?;
    let mut held = false;
    for (key, limit) in [
        (
            limit_key(&["reset-address", &t, address]),
            RESET_PER_ADDRESS,
        ),
        (limit_key(&["reset-account", &t, &email]), RESET_PER_ACCOUNT),
    ] {
        if let Taken::Wait { .. } = take_tx(&mut tx, &key, quarter_hour(limit), now).await? {
            held = true;
        }
    }
    if held {
        // Counted, but nothing sent: a flood of requests is no way to flood a mailbox.
        tx.commit().await?;
        return Ok(());
    }
    let Some((user, name)) = accounts::active_member_by_email_tx(&mut tx, tenant, &email).await?
    else {
        tx.commit().await?;
        return Ok(());
    };
    let expires = now.saturating_add(RESET_MINUTES * 60 * 1000);
    let id = accounts::insert_reset_tx(&mut tx, tenant, user, expires, now).await?;
    let mail = SendMail {
        template: "password_reset".into(),
        to: email,
        name,
        occasion: format!("reset:{id}"),
        link_id: id,
        ..SendMail::default()
    };
    enqueue_tx(&mut tx, &NewJob::of(tenant, &mail, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            "anonymous",
            "auth.password_reset_requested",
            format!("user:{user}"),
            None,
            None,
            None,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The reset a link names, if it is still usable: (reset id, user id).
async fn usable_reset(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<(i64, i64), ResetError> {
    let key = store.signing_key(LINK_KEY).await?;
    let id = verify_reset_token(&key, tenant.0, token.trim()).ok_or(ResetError::Invalid)?;
    let mut tx = store.begin(tenant).await?;
    let found = accounts::reset_tx(&mut tx, tenant, id).await?;
    drop(tx);
    match found {
        None => Err(ResetError::Invalid),
        Some((_, _, Some(_))) => Err(ResetError::Used),
        Some((_, expires, None)) if now >= expires => Err(ResetError::Expired),
        Some((user, _, None)) => Ok((id, user)),
    }
}

/// Whether a reset link still works (for its page).
pub async fn open_password_reset(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<(), ResetError> {
    usable_reset(store, tenant, token, now).await.map(|_| ())
}

/// Sets a new password through a reset link. The link works once; every sign-in of the
/// account that began before now ends. The person then signs in (with their second
/// step, if they have one).
pub async fn reset_password(
    store: &Store,
    tenant: TenantId,
    token: &str,
    password: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), ResetError> {
    let (id, user) = usable_reset(store, tenant, token, now).await?;
    check_new_password(password).map_err(|why| password_refused(why, true))?;
    let hash = hash_password_gated(password.to_string())
        .await
        .ok_or(ResetError::Busy)?;
    let mut tx = store.begin(tenant).await?;
    if !accounts::claim_reset_tx(&mut tx, tenant, id, now).await? {
        drop(tx);
        return Err(usable_reset(store, tenant, token, now)
            .await
            .err()
            .unwrap_or(ResetError::Used));
    }
    // Sign-ins end from the moment of the write, not from when the request began
    // (hashing took a while).
    accounts::set_password_tx(&mut tx, user, &hash, crate::model::now_ms()).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &format!("user:{user}"),
            "auth.password_reset",
            format!("user:{user}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tell_owner_tx(&mut tx, tenant, user, AccountChange::PasswordChanged, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in person changes their own password (the current one confirms it is
/// them). Every other sign-in of the account ends; the caller starts this one anew.
pub async fn change_password(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    current: &str,
    new: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    let user = member.user_id;
    check_own_password(store, tenant, member, current, now).await?;
    check_new_password(new).map_err(|why| password_refused(why, true))?;
    let hash = hash_password_gated(new.to_string())
        .await
        .ok_or_else(|| EngineError::invalid("err-busy", &[]))?;
    let mut tx = store.begin(tenant).await?;
    // Sign-ins end from the moment of the write, not from when the request began
    // (hashing took a while).
    accounts::set_password_tx(&mut tx, user, &hash, crate::model::now_ms()).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "auth.password_changed",
            format!("user:{user}"),
            None,
            Some(json!({ "other_sessions_ended": true })),
            request_id,
        ),
    )
    .await?;
    tell_owner_tx(&mut tx, tenant, user, AccountChange::PasswordChanged, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in person chooses the language they read (`None`: as their browser
/// asks). Kept with the account, so it holds in every portal they belong to.
pub async fn set_language(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    language: Option<i18n::Lang>,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    let user = member.user_id;
    let code = language.map(i18n::Lang::code);
    let mut tx = store.begin(tenant).await?;
    accounts::set_language_tx(&mut tx, user, code).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "auth.language_changed",
            format!("user:{user}"),
            None,
            Some(json!({ "language": code })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What changed on an account, for the e-mail its owner gets about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AccountChange {
    PasswordChanged,
    TwoFactorOn,
    TwoFactorOff,
    RecoveryCodesRenewed,
}

impl AccountChange {
    fn code(self) -> &'static str {
        match self {
            AccountChange::PasswordChanged => "password_changed",
            AccountChange::TwoFactorOn => "two_factor_on",
            AccountChange::TwoFactorOff => "two_factor_off",
            AccountChange::RecoveryCodesRenewed => "recovery_codes_renewed",
        }
    }
}

/// Queues the e-mail that tells an account's owner what just changed on it (so a change
/// they did not make does not go unnoticed), in the caller's transaction.
pub(crate) async fn tell_owner_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    user: i64,
    change: AccountChange,
    now: i64,
) -> Result<(), EngineError> {
    let Some((_, email, name)) =
        crate::store::identity::member_contact_tx(tx, tenant, user).await?
    else {
        return Ok(());
    };
    let mail = SendMail {
        template: "account_notice".into(),
        to: email,
        name,
        note: change.code().into(),
        occasion: format!("account:{user}:{}:{now}", change.code()),
        ..SendMail::default()
    };
    enqueue_tx(tx, &NewJob::of(tenant, &mail, now)).await?;
    Ok(())
}

/// Confirms that the signed-in person knows their password (before a change to their
/// sign-in). Counted before it is checked, five a quarter of an hour per account, so a
/// session left open is no way to guess it; a wrong one is audited.
pub(crate) async fn check_own_password(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    password: &str,
    now: i64,
) -> Result<(), EngineError> {
    let user = member.user_id;
    let mut tx = store.begin(tenant).await?;
    let key = limit_key(&["own-password", &user.to_string()]);
    if let Taken::Wait { .. } = take_tx(&mut tx, &key, quarter_hour(5), now).await? {
        return Err(EngineError::invalid("err-password-too-many", &[]));
    }
    let hash = accounts::password_hash_tx(&mut tx, user)
        .await?
        .ok_or(EngineError::NotFound)?;
    tx.commit().await?;
    let matched = verify_password_gated(password.to_string(), hash)
        .await
        .ok_or_else(|| EngineError::invalid("err-busy", &[]))?;
    if !matched {
        store
            .append_audit(
                tenant,
                &AuditEntry::of(
                    &member.actor(),
                    "auth.password_check_failed",
                    format!("user:{user}"),
                    None,
                    None,
                    None,
                ),
            )
            .await?;
        return Err(EngineError::invalid("err-password-wrong", &[]));
    }
    Ok(())
}
