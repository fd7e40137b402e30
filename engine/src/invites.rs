//! Bringing a supplier organisation's people into the retailer's portal: the tenant
//! admin invites a person by e-mail for one supplier; the e-mail carries a signed link
//! (see [`crate::links`]) that works once, for [`INVITE_DAYS`] days, until withdrawn.
//! Opening it, a new person chooses a password; someone who already has an account on
//! the platform (they supply another retailer too) confirms with their password instead,
//! so a forwarded invitation cannot take over an account. Either way the person gets a
//! membership of this tenant only, with the supplier role and that supplier: access to
//! one retailer never opens another's portal.
//!
//! Inviting, withdrawing and removing need [`Permission::ManageSuppliers`]; every step
//! is audited (never with the e-mail address: the invitation's row holds it). The same
//! permission sets the suppliers' clocks ([`set_supplier_clocks`]) and the language a
//! supplier's e-mails are written in ([`set_supplier_language`]).

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::identity::{
    check_new_password, hash_password_gated, normalise_email, password_refused,
    verify_password_gated,
};
use crate::jobs::NewJob;
use crate::links::{invite_token, verify_invite_token, INVITE_DAYS, LINK_KEY};
use crate::mail::SendMail;
use crate::model::{day_string, Member, Permission, Role, TenantId, DAY_MS};
use crate::store::audit::append_audit_tx;
use crate::store::invitations::{self, InvitationRecord, NewInvitation, SupplierUserRecord};
use crate::store::jobs::enqueue_tx;
use crate::store::tenant_settings;
use crate::store::{catalog, Store};

/// The longest name or e-mail address accepted.
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_EMAIL_CHARS: usize = 254;

/// Password attempts an invitation takes (a new password hashed, or an existing
/// account's checked) before a wrong one withdraws it: a leaked link is no way to
/// guess at someone's password or to keep the server hashing.
pub const MAX_WRONG_PASSWORDS: i64 = 5;

/// A person to invite for one of the tenant's suppliers.
#[derive(Clone, Debug)]
pub struct SupplierInvite {
    pub email: String,
    pub name: String,
    pub supplier_id: i64,
}

/// Why an invitation link does not work: each a sentence for the page.
#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("This invitation link is not valid. Check that it was copied whole, or ask for a new invitation.")]
    Invalid,
    #[error("This invitation was used already. Sign in with the password chosen then.")]
    Used,
    /// It stopped working at this instant (epoch ms); pages name its day on the
    /// tenant's clock.
    #[error("This invitation expired on {}. Ask the person who invited you for a new one.", day_string(*.0))]
    Expired(i64),
    #[error("This invitation was withdrawn. Ask the person who invited you for a new one.")]
    Revoked,
    #[error("That is not the password of your account. Use the password you sign in with elsewhere on this service.")]
    WrongPassword,
    #[error("This invitation was withdrawn after too many wrong passwords. Ask the person who invited you for a new one.")]
    TooManyWrongPasswords,
    #[error("Too many sign-ins at this moment. Please try again in a minute.")]
    Busy,
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl From<sqlx::Error> for InviteError {
    fn from(e: sqlx::Error) -> InviteError {
        InviteError::Engine(EngineError::Store(e))
    }
}

pub(crate) fn check_name(name: &str) -> Result<String, EngineError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EngineError::invalid("err-name-missing", &[]));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(EngineError::invalid(
            "err-name-too-long",
            &[("most", MAX_NAME_CHARS.to_string())],
        ));
    }
    Ok(name.to_string())
}

pub(crate) fn check_email(email: &str) -> Result<String, EngineError> {
    let email = normalise_email(email);
    let valid = email.len() <= MAX_EMAIL_CHARS
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
    if !valid {
        return Err(EngineError::invalid(
            "err-email-invalid",
            &[("email", format!("{email:?}"))],
        ));
    }
    Ok(email)
}

/// Invites a person for one of the tenant's suppliers; the invitation's id. An earlier
/// open invitation to the same address is withdrawn (its link stops working).
pub async fn invite_supplier_user(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    invite: SupplierInvite,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::ManageSuppliers)?;
    let email = check_email(&invite.email)?;
    let name = check_name(&invite.name)?;
    let (_, suppliers) = store.labels(tenant).await?;
    let Some((supplier, _, supplier_name)) =
        suppliers.into_iter().find(|s| s.0 == invite.supplier_id)
    else {
        return Err(EngineError::invalid("err-invite-choose-supplier", &[]));
    };
    let invited = Invited {
        email,
        name,
        role: Role::Supplier,
        supplier: Some((supplier, supplier_name)),
    };
    create(
        store,
        tenant,
        member,
        invited,
        "err-invite-supplier-already",
        request_id,
        now,
    )
    .await
}

/// Who an invitation is for: the person, the role, and (for a supplier's person) the
/// supplier with its name (the e-mail names it).
pub(crate) struct Invited {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub supplier: Option<(i64, String)>,
}

/// Creates an invitation the caller checked the permission and input for: refused for
/// someone who is a member already (`already`, a message with `$email`, says so), an
/// earlier open invitation to the address withdrawn, the e-mail queued, audited; its id.
pub(crate) async fn create(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    invited: Invited,
    already: &'static str,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    let Invited {
        email,
        name,
        role,
        supplier,
    } = invited;
    let mut tx = store.begin(tenant).await?;
    if invitations::is_member_tx(&mut tx, tenant, &email).await? {
        return Err(EngineError::invalid(already, &[("email", email.clone())]));
    }
    let replaced = invitations::revoke_open_for_email_tx(&mut tx, tenant, &email, now).await?;
    let new = NewInvitation {
        email: &email,
        name: &name,
        role: role.as_str(),
        supplier_id: supplier.as_ref().map(|s| s.0),
        invited_by: member.user_id,
        expires_at: now.saturating_add(INVITE_DAYS * DAY_MS),
    };
    let id = invitations::insert_invitation_tx(&mut tx, tenant, &new, now).await?;
    let mut audit = json!({ "role": role.as_str(), "replaces": replaced });
    if let Some((supplier_id, _)) = &supplier {
        audit["supplier_id"] = json!(supplier_id);
    }
    let mail = SendMail {
        template: "invitation".into(),
        to: email,
        name,
        occasion: format!("invite:{id}"),
        link_id: id,
        // The e-mail names the supplier, or the role.
        note: supplier.map_or_else(|| role.label().to_string(), |s| s.1),
        ..SendMail::default()
    };
    enqueue_tx(&mut tx, &NewJob::of(tenant, &mail, now)).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "invitation.created",
            format!("invitation:{id}"),
            None,
            Some(audit),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Withdraws an open invitation of a supplier's person: its link stops working. (Staff
/// invitations are withdrawn under members, [`crate::members`].)
pub async fn revoke_invitation(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageSuppliers)?;
    revoke(store, tenant, member, id, true, request_id, now).await
}

/// Withdraws an open invitation of the kind asked for (a supplier's person's, or a
/// staff member's), audited; the caller checked the permission for that kind.
pub(crate) async fn revoke(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    supplier: bool,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    if !invitations::revoke_invitation_tx(&mut tx, tenant, id, supplier, now).await? {
        return Err(EngineError::NotFound);
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "invitation.revoked",
            format!("invitation:{id}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a supplier user's access to this retailer's portal (their account, and their
/// access to other retailers, stay).
pub async fn remove_supplier_user(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    user: i64,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageSuppliers)?;
    let mut tx = store.begin(tenant).await?;
    let Some(supplier) = invitations::remove_supplier_user_tx(&mut tx, tenant, user).await? else {
        return Err(EngineError::NotFound);
    };
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "supplier_user.removed",
            format!("user:{user}"),
            Some(json!({ "supplier_id": supplier })),
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Who has access to the supplier portal and who is invited, for the admin's page.
#[derive(Clone, Debug)]
pub struct SupplierAccess {
    /// The tenant's suppliers: (id, code, name), by name.
    pub suppliers: Vec<(i64, String, String)>,
    pub users: Vec<SupplierUserRecord>,
    pub open: Vec<InvitationRecord>,
    /// The suppliers with a language kept for their e-mails: (id, code); the others'
    /// are in the tenant's default.
    pub languages: Vec<(i64, String)>,
}

impl SupplierAccess {
    /// The language kept for the supplier's e-mails (a code), empty for the tenant's
    /// default.
    pub fn language_of(&self, supplier: i64) -> String {
        self.languages
            .iter()
            .find(|(id, _)| *id == supplier)
            .map(|(_, code)| code.clone())
            .unwrap_or_default()
    }
}

pub async fn supplier_access(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<SupplierAccess, EngineError> {
    member.require(Permission::ManageSuppliers)?;
    let (_, mut suppliers) = store.labels(tenant).await?;
    suppliers.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
    Ok(SupplierAccess {
        suppliers,
        users: store.supplier_users(tenant).await?,
        open: store.open_invitations(tenant, 200).await?,
        languages: store.supplier_languages(tenant).await?,
    })
}

/// An invitation as its link shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedInvite {
    pub email: String,
    pub name: String,
    /// The supplier the person will answer for (empty for a staff invitation).
    pub supplier_name: String,
    /// The role the invitation gives.
    pub role: Role,
    /// The address has an account on the platform already: accepting asks for its
    /// password instead of a new one.
    pub has_account: bool,
    pub expires_at: i64,
}

fn usable(inv: Option<InvitationRecord>, now: i64) -> Result<InvitationRecord, InviteError> {
    let inv = inv.ok_or(InviteError::Invalid)?;
    if inv.accepted_at.is_some() {
        return Err(InviteError::Used);
    }
    if inv.revoked_at.is_some() {
        return Err(InviteError::Revoked);
    }
    if now >= inv.expires_at {
        return Err(InviteError::Expired(inv.expires_at));
    }
    Ok(inv)
}

async fn verified(store: &Store, tenant: TenantId, token: &str) -> Result<i64, InviteError> {
    let key = store.signing_key(LINK_KEY).await?;
    verify_invite_token(&key, tenant.0, token.trim()).ok_or(InviteError::Invalid)
}

/// The invitation a link opens (no sign-in: the link is the permission).
pub async fn open_invite(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<OpenedInvite, InviteError> {
    let id = verified(store, tenant, token).await?;
    let inv = usable(store.invitation(tenant, id).await?, now)?;
    let (_, suppliers) = store.labels(tenant).await?;
    let supplier_name = suppliers
        .into_iter()
        .find(|s| Some(s.0) == inv.supplier_id)
        .map(|s| s.2)
        .unwrap_or_default();
    Ok(OpenedInvite {
        has_account: store.account(tenant, &inv.email).await?.is_some(),
        role: Role::parse(&inv.role).unwrap_or(Role::Supplier),
        email: inv.email,
        name: inv.name,
        supplier_name,
        expires_at: inv.expires_at,
    })
}

/// How the invited person accepts.
#[derive(Clone, Debug)]
pub enum Acceptance {
    /// A new account: the name to show and a password of their choice.
    NewAccount { name: String, password: String },
    /// An existing account (the address supplies another retailer): its password.
    ExistingAccount { password: String },
}

/// Accepts the invitation: the person becomes a member of this tenant with the
/// invitation's role (a supplier user for its supplier, or staff), and is returned to be
/// signed in (after their second step, if they need one). The link works once: of two
/// acceptances racing, one wins and the other is told it was used.
pub async fn accept_invite(
    store: &Store,
    tenant: TenantId,
    token: &str,
    acceptance: Acceptance,
    request_id: Option<&str>,
    now: i64,
) -> Result<Member, InviteError> {
    let id = verified(store, tenant, token).await?;
    let inv = usable(store.invitation(tenant, id).await?, now)?;
    let account = store.account(tenant, &inv.email).await?;
    // Passwords are hashed and checked before the transaction: it holds no lock while
    // argon2 runs. Each hash or check is counted first (at most MAX_WRONG_PASSWORDS an
    // invitation, however many arrive at once) and shares sign-in's limit of checks at
    // once, so a leaked link can neither guess on nor tie up the server.
    let (name, new_hash, existing) = match (acceptance, account) {
        (Acceptance::NewAccount { name, password }, None) => {
            let name = check_name(&name)?;
            check_new_password(&password).map_err(|why| password_refused(why, false))?;
            take_attempt(store, tenant, id, false, now).await?;
            let hash = hash_password_gated(password)
                .await
                .ok_or(InviteError::Busy)?;
            (Some(name), Some(hash), None)
        }
        (Acceptance::ExistingAccount { password }, Some((user, hash, disabled))) => {
            let attempt = take_attempt(store, tenant, id, true, now).await?;
            let matched = verify_password_gated(password, hash)
                .await
                .ok_or(InviteError::Busy)?;
            if disabled || !matched {
                if attempt >= MAX_WRONG_PASSWORDS {
                    store.withdraw_invitation(tenant, id, now).await?;
                    return Err(InviteError::TooManyWrongPasswords);
                }
                return Err(InviteError::WrongPassword);
            }
            (None, None, Some(user))
        }
        (_, Some(_)) => return Err(EngineError::invalid("err-invite-account-exists", &[]).into()),
        (_, None) => return Err(EngineError::invalid("err-invite-choose-password", &[]).into()),
    };
    let mut tx = store.begin(tenant).await?;
    let now_there = invitations::user_id_by_email_tx(&mut tx, &inv.email).await?;
    let user = match (existing, now_there, name, new_hash) {
        (Some(user), Some(there), ..) if user == there => user,
        (None, None, Some(name), Some(hash)) => {
            invitations::insert_user_tx(&mut tx, &inv.email, &name, &hash, now).await?
        }
        // The account appeared (or changed) while this person chose a password.
        _ => return Err(EngineError::invalid("err-invite-account-exists", &[]).into()),
    };
    // Someone who became a member meanwhile (a planner, say) gets no supplier role
    // beside it: one person never answers as the supplier for orders they decide.
    if invitations::is_member_tx(&mut tx, tenant, &inv.email).await? {
        return Err(EngineError::invalid(
            "err-invite-supplier-already",
            &[("email", inv.email.clone())],
        )
        .into());
    }
    if !invitations::claim_invitation_tx(&mut tx, tenant, id, user, now).await? {
        // Another acceptance (or a withdrawal) committed first: say which.
        drop(tx);
        return Err(usable(store.invitation(tenant, id).await?, now)
            .err()
            .unwrap_or(InviteError::Used));
    }
    invitations::grant_tx(&mut tx, tenant, user, &inv.role, inv.supplier_id).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &format!("user:{user}"),
            "invitation.accepted",
            format!("invitation:{id}"),
            None,
            Some(json!({ "user_id": user, "role": inv.role, "supplier_id": inv.supplier_id })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    store
        .member(tenant, user)
        .await?
        .ok_or(InviteError::Invalid)
}

/// Counts an attempt on the invitation before any password work. None left: a password
/// check (`guessing`) withdraws the invitation; a new account's password (the other
/// attempts were acceptances racing this one) is told to try again.
async fn take_attempt(
    store: &Store,
    tenant: TenantId,
    id: i64,
    guessing: bool,
    now: i64,
) -> Result<i64, InviteError> {
    match store
        .take_invitation_attempt(tenant, id, MAX_WRONG_PASSWORDS)
        .await?
    {
        Some(n) => Ok(n),
        None => {
            // Used, withdrawn or out of attempts since it was read: say which.
            let inv = store.invitation(tenant, id).await?;
            if inv.as_ref().is_some_and(|i| {
                i.accepted_at.is_none()
                    && i.revoked_at.is_none()
                    && i.failed_attempts >= MAX_WRONG_PASSWORDS
            }) {
                if !guessing {
                    return Err(InviteError::Busy);
                }
                store.withdraw_invitation(tenant, id, now).await?;
                return Err(InviteError::TooManyWrongPasswords);
            }
            Err(usable(inv, now).err().unwrap_or(InviteError::Used))
        }
    }
}

/// The link an invitation's e-mail carries (for the mail and for tests).
pub async fn invite_link_token(
    store: &Store,
    tenant: TenantId,
    id: i64,
) -> Result<String, sqlx::Error> {
    let key = store.signing_key(LINK_KEY).await?;
    Ok(invite_token(&key, tenant.0, id))
}

/// The tenant admin sets the suppliers' clocks (see [`crate::sla`]); they apply to
/// orders sent from now on. Needs [`Permission::ManageSuppliers`].
pub async fn set_supplier_clocks(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    sla: crate::sla::SupplierSla,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageSuppliers)?;
    sla.validate().map_err(EngineError::Invalid)?;
    let mut tx = store.begin(tenant).await?;
    let before = tenant_settings::supplier_sla_tx(&mut tx, tenant).await?;
    tenant_settings::set_supplier_sla_tx(&mut tx, tenant, &sla, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "supplier_clocks.changed",
            "tenant:supplier_clocks".to_string(),
            serde_json::to_value(&before).ok(),
            serde_json::to_value(&sla).ok(),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The tenant admin sets the language one supplier's e-mails (orders, reminders,
/// invitations to its people) are written in: `en`, `de` or `nl`, or empty for the
/// tenant's default. A supplier's person who chose a language on their account still
/// reads their own. Needs [`Permission::ManageSuppliers`]; audited.
pub async fn set_supplier_language(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    supplier_id: i64,
    language: &str,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageSuppliers)?;
    let code = language_code(language)?;
    let mut tx = store.begin(tenant).await?;
    let Some(before) = catalog::supplier_language_tx(&mut tx, tenant, supplier_id).await? else {
        return Err(EngineError::NotFound);
    };
    if !catalog::set_supplier_language_tx(&mut tx, tenant, supplier_id, code).await? {
        return Err(EngineError::NotFound);
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "supplier.language_changed",
            format!("supplier:{supplier_id}"),
            Some(json!({ "language": before })),
            Some(json!({ "language": code })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A supplier's language as sent: the code of a language the portal speaks, or `None`
/// for empty (the tenant's default); anything else is refused, naming the field.
fn language_code(value: &str) -> Result<Option<&'static str>, EngineError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    i18n::Lang::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(value))
        .map(|l| Some(l.code()))
        .ok_or_else(|| {
            EngineError::invalid(
                "err-supplier-language",
                &[("value", value.chars().take(20).collect())],
            )
        })
}
