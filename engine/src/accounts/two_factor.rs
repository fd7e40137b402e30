//! Two-step sign-in: after the password, a code from the person's authenticator app
//! ([`super::totp`]) or one of their recovery codes. A person turns it on from their
//! account page (or at sign-in, when the tenant requires it and they have none yet);
//! the first code they type confirms the app, and ten recovery codes are shown once.
//!
//! Every code typed is counted before it is checked, per account: five in a quarter of
//! an hour, then a growing wait, and at most [`CODES_PER_DAY`] a day whatever the
//! successes in between, so the million six-digit codes cannot be walked through; a
//! code is accepted once (its time step is remembered). Turning it on from the account
//! page takes the password as well as the first code, so a session left open is not
//! enough to put someone else's app on the account. The secret is sealed
//! at rest under the deployment's key ring with the user as associated data, so a
//! sealed secret copied to another account's row does not open.

use super::{tell_owner_tx, totp, AccountChange};
use crate::addresses::AddressKeys;
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::identity::{finish_sign_in, PendingSignIn, SignedIn};
use crate::model::{Member, Permission, TenantId};
use crate::store::accounts;
use crate::store::audit::append_audit_tx;
use crate::store::login_attempts::{forget_tx, take_tx, Rule, Taken};
use crate::store::Store;

/// The sealing purpose of authenticator secrets.
const SEAL_PURPOSE: &str = "totp";
/// Codes an account may try in the window before it must wait.
pub const CODE_ATTEMPTS: i64 = 5;
/// Codes an account may try in a day (successes give none back).
pub const CODES_PER_DAY: i64 = 20;
/// How long a key shown for setting up an app stays the one shown (a reload or a
/// second tab shows the same key).
const SETUP_REUSE_MS: i64 = 10 * 60 * 1000;

impl PendingSignIn {
    /// Still good: for this tenant, not too old, and the account's password has not
    /// changed since it began (a reset ends a sign-in waiting for its second step too).
    async fn check(&self, store: &Store, tenant: TenantId, now: i64) -> Result<(), EngineError> {
        let over = self.tenant_id != tenant.0
            || now.saturating_sub(self.started_at) > crate::identity::PENDING_MS
            || store.sessions_after(self.user_id).await? > self.started_at;
        if over {
            return Err(EngineError::invalid("err-2fa-sign-in-over", &[]));
        }
        Ok(())
    }
}

/// What a person needs to set up their authenticator app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    /// The secret to type in, in groups of four.
    pub secret: String,
    /// The `otpauth://` link (what the QR code holds).
    pub uri: String,
    /// The QR code as SVG.
    pub qr_svg: Option<String>,
}

/// The state of a person's two-step sign-in, for their account page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub on: bool,
    pub recovery_codes_left: i64,
    /// The tenant requires it (then it cannot be turned off here).
    pub required: bool,
}

/// The signed-in person's two-step sign-in.
pub async fn status(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Status, EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    Ok(Status {
        on: store.has_two_factor(member.user_id).await?,
        recovery_codes_left: store.recovery_codes_left(member.user_id).await?,
        required: store.requires_two_factor(tenant).await?,
    })
}

async fn begin(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    user: i64,
    account: &str,
    issuer: &str,
    now: i64,
) -> Result<Enrolment, EngineError> {
    let mut tx = store.begin(tenant).await?;
    let current = accounts::totp_tx(&mut tx, user).await?;
    if current.as_ref().is_some_and(|t| t.confirmed_at.is_some()) {
        return Err(EngineError::invalid("err-2fa-on-already", &[]));
    }
    // A key shown a moment ago is shown again (the person may have scanned it already).
    let recent = current
        .filter(|t| now.saturating_sub(t.created_at) < SETUP_REUSE_MS)
        .and_then(|t| keys.open_for(SEAL_PURPOSE, user, &t.secret_sealed))
        .and_then(|text| totp::decode_secret(&text));
    let secret = match recent {
        Some(secret) => secret,
        None => {
            let secret = totp::new_secret();
            let sealed = keys.seal_for(SEAL_PURPOSE, user, &totp::encode_secret(&secret));
            accounts::start_totp_tx(&mut tx, user, &sealed, now).await?;
            secret
        }
    };
    tx.commit().await?;
    let text = totp::encode_secret(&secret);
    let uri = totp::otpauth_uri(issuer, account, &secret);
    let grouped = text
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Enrolment {
        secret: grouped,
        qr_svg: totp::qr_svg(&uri),
        uri,
    })
}

/// The signed-in person starts setting up an authenticator app (`issuer` is the name
/// the app shows: the portal's product name).
pub async fn start(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    issuer: &str,
    now: i64,
) -> Result<Enrolment, EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    begin(
        store,
        keys,
        tenant,
        member.user_id,
        &member.email,
        issuer,
        now,
    )
    .await
}

/// At sign-in, a person the tenant requires it of starts setting up their app.
pub async fn start_at_sign_in(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    pending: &PendingSignIn,
    issuer: &str,
    now: i64,
) -> Result<Enrolment, EngineError> {
    pending.check(store, tenant, now).await?;
    if !pending.enrol {
        return Err(EngineError::invalid("err-2fa-type-code", &[]));
    }
    let Some(member) = store.member(tenant, pending.user_id).await? else {
        return Err(EngineError::invalid("err-sign-in-again", &[]));
    };
    begin(
        store,
        keys,
        tenant,
        member.user_id,
        &member.email,
        issuer,
        now,
    )
    .await
}

fn code_rule() -> Rule {
    Rule {
        limit: CODE_ATTEMPTS,
        window_ms: 15 * 60 * 1000,
        first_delay_ms: 30_000,
        max_delay_ms: 15 * 60 * 1000,
    }
}

fn daily_rule() -> Rule {
    Rule {
        limit: CODES_PER_DAY,
        window_ms: 24 * 3600 * 1000,
        first_delay_ms: 0,
        max_delay_ms: 0,
    }
}

fn attempts_key(user: i64, per: &str) -> String {
    super::limit_key(&["second-factor", per, &user.to_string()])
}

/// What a typed code turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accepted {
    App,
    RecoveryCode,
}

impl Accepted {
    fn name(self) -> &'static str {
        match self {
            Accepted::App => "authenticator",
            Accepted::RecoveryCode => "recovery_code",
        }
    }
}

/// Checks a typed code for `user` (counted first; then an app code, or a recovery code
/// when `recovery` allows it and it looks like one), in its own transaction. `confirming`
/// accepts the app not yet confirmed. Wrong codes are audited in `tenant`'s trail.
#[allow(clippy::too_many_arguments)]
async fn check_code(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    user: i64,
    typed: &str,
    confirming: bool,
    recovery: bool,
    now: i64,
) -> Result<Accepted, EngineError> {
    let key = attempts_key(user, "window");
    let mut tx = store.begin(tenant).await?;
    let mut wait = 0;
    for (k, rule) in [
        (key.clone(), code_rule()),
        (attempts_key(user, "day"), daily_rule()),
    ] {
        if let Taken::Wait { ms } = take_tx(&mut tx, &k, rule, now).await? {
            wait = wait.max(ms);
        }
    }
    if wait > 0 {
        drop(tx);
        let minutes = (wait + 59_999) / 60_000;
        return Err(EngineError::invalid(
            "err-2fa-too-many",
            &[("minutes", minutes.to_string())],
        ));
    }
    tx.commit().await?;
    let mut tx = store.begin(tenant).await?;
    let rec = accounts::totp_tx(&mut tx, user).await?;
    // Confirming takes an app not yet confirmed; signing in and the rest, one that is.
    let accepted = match rec {
        Some(rec) if rec.confirmed_at.is_some() != confirming => {
            if recovery && totp::looks_like_recovery_code(typed) {
                let hash = totp::recovery_hash(typed);
                accounts::use_recovery_code_tx(&mut tx, user, &hash, now)
                    .await?
                    .then_some(Accepted::RecoveryCode)
            } else {
                let secret = keys
                    .open_for(SEAL_PURPOSE, user, &rec.secret_sealed)
                    .and_then(|text| totp::decode_secret(&text))
                    .ok_or_else(|| EngineError::invalid("err-2fa-unreadable", &[]))?;
                match totp::verify(&secret, typed, now, rec.last_step) {
                    Some(step) => accounts::accept_step_tx(&mut tx, user, step, now)
                        .await?
                        .then_some(Accepted::App),
                    None => None,
                }
            }
        }
        _ => return Err(EngineError::invalid("err-2fa-not-set-up", &[])),
    };
    match accepted {
        Some(a) => {
            forget_tx(&mut tx, &key).await?;
            tx.commit().await?;
            Ok(a)
        }
        None => {
            append_audit_tx(
                &mut tx,
                tenant,
                &AuditEntry::of(
                    &format!("user:{user}"),
                    "auth.second_factor_failed",
                    format!("user:{user}"),
                    None,
                    None,
                    None,
                ),
            )
            .await?;
            tx.commit().await?;
            Err(EngineError::invalid(
                if recovery {
                    "err-2fa-wrong-code-or-recovery"
                } else {
                    "err-2fa-wrong-code"
                },
                &[],
            ))
        }
    }
}

/// New recovery codes for `user`, stored hashed, audited; the codes to show once.
async fn issue_recovery_codes(
    store: &Store,
    tenant: TenantId,
    user: i64,
    action: &str,
    actor: &str,
    request_id: Option<&str>,
) -> Result<Vec<String>, EngineError> {
    let (codes, hashes) = totp::new_recovery_codes();
    let mut tx = store.begin(tenant).await?;
    accounts::replace_recovery_codes_tx(&mut tx, user, &hashes).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            actor,
            action,
            format!("user:{user}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    let change = if action == "auth.two_factor_on" {
        AccountChange::TwoFactorOn
    } else {
        AccountChange::RecoveryCodesRenewed
    };
    tell_owner_tx(&mut tx, tenant, user, change, crate::model::now_ms()).await?;
    tx.commit().await?;
    Ok(codes)
}

/// The signed-in person confirms their new app with their password and its first code:
/// two-step sign-in is on, and the recovery codes to keep are returned (shown once).
#[allow(clippy::too_many_arguments)]
pub async fn confirm(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    password: &str,
    typed: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<Vec<String>, EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    super::check_own_password(store, tenant, member, password, now).await?;
    check_code(store, keys, tenant, member.user_id, typed, true, false, now).await?;
    let actor = member.actor();
    issue_recovery_codes(
        store,
        tenant,
        member.user_id,
        "auth.two_factor_on",
        &actor,
        request_id,
    )
    .await
}

/// At sign-in, the person the tenant requires it of confirms their new app: they are
/// signed in, and get their recovery codes (shown once).
pub async fn confirm_at_sign_in(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    pending: &PendingSignIn,
    typed: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(SignedIn, Vec<String>), EngineError> {
    pending.check(store, tenant, now).await?;
    if !pending.enrol {
        return Err(EngineError::invalid("err-2fa-type-code-to-sign-in", &[]));
    }
    let user = pending.user_id;
    check_code(store, keys, tenant, user, typed, true, false, now).await?;
    let actor = format!("user:{user}");
    let codes = issue_recovery_codes(
        store,
        tenant,
        user,
        "auth.two_factor_on",
        &actor,
        request_id,
    )
    .await?;
    let signed = finish_sign_in(store, tenant, user, "authenticator", request_id, now).await?;
    Ok((signed, codes))
}

/// The second step of a sign-in: a code from the app, or a recovery code (which then
/// never works again).
pub async fn verify_at_sign_in(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    pending: &PendingSignIn,
    typed: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<SignedIn, EngineError> {
    pending.check(store, tenant, now).await?;
    if pending.enrol {
        return Err(EngineError::invalid("err-2fa-set-up-first", &[]));
    }
    let how = check_code(
        store,
        keys,
        tenant,
        pending.user_id,
        typed,
        false,
        true,
        now,
    )
    .await?;
    finish_sign_in(store, tenant, pending.user_id, how.name(), request_id, now).await
}

/// The signed-in person turns two-step sign-in off, confirming with a current code (or
/// a recovery code). Refused while the tenant requires it.
pub async fn turn_off(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    typed: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    if store.requires_two_factor(tenant).await? {
        return Err(EngineError::invalid("err-2fa-required", &[]));
    }
    check_code(store, keys, tenant, member.user_id, typed, false, true, now).await?;
    let mut tx = store.begin(tenant).await?;
    accounts::remove_totp_tx(&mut tx, member.user_id).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "auth.two_factor_off",
            format!("user:{}", member.user_id),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tell_owner_tx(
        &mut tx,
        tenant,
        member.user_id,
        AccountChange::TwoFactorOff,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in person replaces their recovery codes (confirming with a current
/// code); the old ones stop working. The new codes are returned, shown once.
pub async fn renew_recovery_codes(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    member: &Member,
    typed: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<Vec<String>, EngineError> {
    member.require(Permission::ManageOwnAccount)?;
    check_code(
        store,
        keys,
        tenant,
        member.user_id,
        typed,
        false,
        false,
        now,
    )
    .await?;
    let actor = member.actor();
    let codes = issue_recovery_codes(
        store,
        tenant,
        member.user_id,
        "auth.recovery_codes_renewed",
        &actor,
        request_id,
    )
    .await?;
    Ok(codes)
}

/// Seals every authenticator secret again under the key ring's first key (with
/// `shelfwise subscribers rekey`, after a new key was put first): (sealed again, no key
/// opens). A secret no key opens is left as it is.
pub async fn rekey(store: &Store, keys: &AddressKeys) -> Result<(u64, u64), EngineError> {
    let (mut done, mut unopened) = (0, 0);
    for (user, sealed) in store.sealed_totp_secrets().await? {
        if keys.is_current(&sealed) {
            continue;
        }
        match keys.open_for(SEAL_PURPOSE, user, &sealed) {
            Some(plain) => {
                let again = keys.seal_for(SEAL_PURPOSE, user, &plain);
                store.reseal_totp_secret(user, &sealed, &again).await?;
                done += 1;
            }
            None => unopened += 1,
        }
    }
    Ok((done, unopened))
}
