//! The tenant's members as its admin manages them: invite people by e-mail for a staff
//! role (the same signed, single-use, expiring link as a supplier's invitation, see
//! [`crate::invites`]), change someone's roles, deactivate and reactivate them, and
//! require two-step sign-in of everyone.
//!
//! The tenant is never left without an active tenant admin: a role change or a
//! deactivation that would do so is refused (checked under a lock of the admins'
//! membership rows, so two admins demoting each other at once cannot both succeed).
//! Deactivating someone ends their sessions in this tenant at once (every request loads
//! the member afresh) and keeps their roles for a reactivation; their account and any
//! other portals stay. Supplier users are managed under supplier access, a partner's
//! people by the partner. Everything here needs [`Permission::ManageMembers`] and is
//! audited (without e-mail addresses: the rows hold them).

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::{role_term, EngineError, Msg};
use crate::invites::{check_email, check_name, create, Invited};
use crate::model::{Member, Permission, Role, TenantId};
use crate::store::accounts::{self, MemberRecord};
use crate::store::audit::append_audit_tx;
use crate::store::invitations::InvitationRecord;
use crate::store::Store;

/// The roles a tenant admin gives and takes in the member's kind of portal (a
/// retailer's staff roles; a console's admin and partner or platform admin).
fn member_roles(member: &Member) -> &'static [Role] {
    member.kind.member_roles()
}

/// The members page: the tenant's staff, the invitations still open, and whether
/// two-step sign-in is required.
#[derive(Clone, Debug)]
pub struct Members {
    pub people: Vec<MemberRecord>,
    pub invitations: Vec<InvitationRecord>,
    pub require_two_factor: bool,
}

pub async fn members(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Members, EngineError> {
    member.require(Permission::ManageMembers)?;
    let people = store
        .member_list(tenant)
        .await?
        .into_iter()
        .filter(|p| p.roles.iter().any(|r| member_roles(member).contains(r)))
        .collect();
    let invitations = store
        .open_invitations(tenant, 200)
        .await?
        .into_iter()
        .filter(|i| i.supplier_id.is_none())
        .collect();
    Ok(Members {
        people,
        invitations,
        require_two_factor: store.requires_two_factor(tenant).await?,
    })
}

fn staff_role(member: &Member, role: Role) -> Result<Role, EngineError> {
    let allowed = member_roles(member);
    if allowed.contains(&role) {
        Ok(role)
    } else {
        let msg = match allowed {
            [a] => Msg::new("err-members-role-one", &[]).term("first", role_term(*a)),
            [a, b] => Msg::new("err-members-role-two", &[])
                .term("first", role_term(*a))
                .term("second", role_term(*b)),
            [a, b, c] => Msg::new("err-members-role-three", &[])
                .term("first", role_term(*a))
                .term("second", role_term(*b))
                .term("third", role_term(*c)),
            _ => {
                let names: Vec<&str> = allowed.iter().map(|r| r.label()).collect();
                let list = match names.split_last() {
                    Some((last, [])) => last.to_string(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                };
                Msg::new("err-members-role-list", &[("list", list)])
            }
        };
        Err(EngineError::Invalid(msg.term("role", role_term(role))))
    }
}

/// A person to invite for a staff role.
#[derive(Clone, Debug)]
pub struct StaffInvite {
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// Invites a person for a staff role; the invitation's id. An earlier open invitation
/// to the same address is withdrawn. Someone who is already a member is refused (change
/// their roles instead).
pub async fn invite_member(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    invite: StaffInvite,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::ManageMembers)?;
    let email = check_email(&invite.email)?;
    let name = check_name(&invite.name)?;
    let role = staff_role(member, invite.role)?;
    let invited = Invited {
        email,
        name,
        role,
        supplier: None,
    };
    create(
        store,
        tenant,
        member,
        invited,
        "err-members-already",
        request_id,
        now,
    )
    .await
}

/// Withdraws an open staff invitation: its link stops working.
pub async fn revoke_member_invitation(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageMembers)?;
    crate::invites::revoke(store, tenant, member, id, false, request_id, now).await
}

/// Refuses a change that leaves the tenant without an active admin, given that `user`
/// will (`keeps_admin`) or will not be one after it.
async fn keep_an_admin(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    user: i64,
    keeps_admin: bool,
) -> Result<(), EngineError> {
    if !keeps_admin && accounts::other_active_admins_tx(tx, tenant, user).await? == 0 {
        return Err(EngineError::invalid("err-members-last-admin", &[]));
    }
    Ok(())
}

/// Makes `user`'s staff roles exactly `roles` (at least one; a partner's or
/// supplier's membership is not changed here).
pub async fn set_roles(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    user: i64,
    roles: &[Role],
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageMembers)?;
    let mut new: Vec<Role> = roles
        .iter()
        .map(|r| staff_role(member, *r))
        .collect::<Result<_, _>>()?;
    new.sort();
    new.dedup();
    if new.is_empty() {
        return Err(EngineError::invalid("err-members-no-role", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    let before = accounts::roles_locking_admins_tx(&mut tx, tenant, user).await?;
    if before.is_empty() || before.iter().any(|r| !member_roles(member).contains(r)) {
        return Err(EngineError::NotFound);
    }
    let active = !accounts::is_deactivated_tx(&mut tx, tenant, user).await?;
    keep_an_admin(
        &mut tx,
        tenant,
        user,
        !active || new.contains(&Role::TenantAdmin),
    )
    .await?;
    if before == new {
        return Ok(());
    }
    accounts::set_roles_tx(&mut tx, tenant, user, &new).await?;
    let names = |r: &[Role]| r.iter().map(|r| r.as_str()).collect::<Vec<_>>();
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "member.roles_changed",
            format!("user:{user}"),
            Some(json!({ "roles": names(&before) })),
            Some(json!({ "roles": names(&new) })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deactivates (`active` false) or reactivates a staff member. Deactivating ends their
/// sessions here at once; one cannot deactivate oneself.
pub async fn set_active(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    user: i64,
    active: bool,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageMembers)?;
    if !active && member.person() == Some(user) {
        return Err(EngineError::invalid("err-members-deactivate-self", &[]));
    }
    let mut tx = store.begin(tenant).await?;
    let roles = accounts::roles_locking_admins_tx(&mut tx, tenant, user).await?;
    if roles.is_empty() || roles.iter().any(|r| !member_roles(member).contains(r)) {
        return Err(EngineError::NotFound);
    }
    if !active {
        keep_an_admin(&mut tx, tenant, user, false).await?;
    }
    let actor = member.actor();
    let by = (!active).then_some(actor.as_str());
    if !accounts::set_deactivated_tx(&mut tx, tenant, user, by, now).await? {
        // Already so: nothing to change or audit.
        return Ok(());
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &actor,
            if active {
                "member.reactivated"
            } else {
                "member.deactivated"
            },
            format!("user:{user}"),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Requires (or stops requiring) two-step sign-in of everyone who signs in to the
/// tenant. Who has none is asked to set it up at their next sign-in; sessions already
/// open stay.
pub async fn require_two_factor(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    on: bool,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::ManageMembers)?;
    let mut tx = store.begin(tenant).await?;
    let before = accounts::set_require_two_factor_tx(&mut tx, tenant, on, now).await?;
    if before != on {
        append_audit_tx(
            &mut tx,
            tenant,
            &AuditEntry::of(
                &member.actor(),
                "tenant.two_factor_required",
                "tenant:sign_in".to_string(),
                Some(json!({ "required": before })),
                Some(json!({ "required": on })),
                request_id,
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
