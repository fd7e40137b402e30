//! Roles and permissions: what each role may do, in one table ([`Role::permissions`]).
//!
//! The engine checks a [`Permission`] at the top of every command it offers (whoever
//! calls it: a form, a server function, the REST API, a job acting for a person), and
//! the portal shows only what the signed-in member's permissions allow. What someone
//! may do is decided from this table, never by comparing role names.
//!
//! This crate depends on serde alone so that the browser build of the portal can use
//! the same types as the server.

use serde::{Deserialize, Serialize};

/// A role a member holds in one tenant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    TenantAdmin,
    Planner,
    Approver,
    Supplier,
    PartnerAdmin,
    PlatformAdmin,
}

/// Who a role serves. A supplier's permissions are never shared with another audience:
/// a supplier user can never be given a staff permission, for example as a stand-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The retailer's own people.
    Staff,
    /// A supplier organisation's users, in the retailer's supplier portal.
    Supplier,
    /// A managed-service provider acting for its client tenants.
    Partner,
    /// The people who run the platform.
    Platform,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::TenantAdmin,
        Role::Planner,
        Role::Approver,
        Role::Supplier,
        Role::PartnerAdmin,
        Role::PlatformAdmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::TenantAdmin => "tenant_admin",
            Role::Planner => "planner",
            Role::Approver => "approver",
            Role::Supplier => "supplier",
            Role::PartnerAdmin => "partner_admin",
            Role::PlatformAdmin => "platform_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The role's name as people read it ("tenant admin").
    pub fn label(self) -> &'static str {
        match self {
            Role::TenantAdmin => "tenant admin",
            Role::Planner => "planner",
            Role::Approver => "approver",
            Role::Supplier => "supplier",
            Role::PartnerAdmin => "partner admin",
            Role::PlatformAdmin => "platform admin",
        }
    }

    pub fn audience(self) -> Audience {
        match self {
            Role::TenantAdmin | Role::Planner | Role::Approver => Audience::Staff,
            Role::Supplier => Audience::Supplier,
            Role::PartnerAdmin => Audience::Partner,
            Role::PlatformAdmin => Audience::Platform,
        }
    }

    /// The permission table: everything a holder of this role may do.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission as P;
        match self {
            Role::TenantAdmin => &[
                P::ViewInventory,
                P::DecideApprovals,
                P::CommandTransfers,
                P::CommandPurchaseOrders,
                P::EditPolicies,
                P::EditApprovalMatrix,
                P::WorkExceptions,
                P::SeeJobs,
                P::ReplayJobs,
                P::ManageMembers,
                P::ManageSuppliers,
                P::ManageBackInStock,
                P::ManageIntegrations,
                P::ImportData,
                P::EditBranding,
                P::SeeAuditTrail,
                P::ManageOwnAccount,
            ],
            Role::Planner => &[
                P::ViewInventory,
                P::DecideApprovals,
                P::CommandTransfers,
                P::CommandPurchaseOrders,
                P::EditPolicies,
                P::WorkExceptions,
                P::SeeJobs,
                P::ManageOwnAccount,
            ],
            Role::Approver => &[P::ViewInventory, P::DecideApprovals, P::ManageOwnAccount],
            Role::Supplier => &[P::AnswerPurchaseOrders, P::ManageOwnAccount],
            // A partner's people reach a client's stock only by acting as a staff role
            // there (an audited, time-limited session); the console shows health.
            Role::PartnerAdmin => &[P::ManageClientTenants, P::ManageOwnAccount],
            Role::PlatformAdmin => &[P::ManagePlatform, P::ManageOwnAccount],
        }
    }

    pub fn can(self, p: Permission) -> bool {
        self.permissions().contains(&p)
    }
}

/// Something a person may be allowed to do. Each engine command needs exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// See stock positions, documents, the approvals inbox, exceptions and policies.
    ViewInventory,
    /// Decide approval steps (the step's role or a stand-in's is checked as well) and
    /// hand one's own approving role to a stand-in.
    DecideApprovals,
    /// Ship, receive, change and cancel transfers.
    CommandTransfers,
    /// Change and cancel purchase orders.
    CommandPurchaseOrders,
    /// Add, change and delete replenishment policies.
    EditPolicies,
    /// Change the approval matrix and the purchase-order window.
    EditApprovalMatrix,
    /// Assign, comment on and resolve exceptions.
    WorkExceptions,
    /// See the background jobs and their dead letters.
    SeeJobs,
    /// Run a dead-lettered job again.
    ReplayJobs,
    /// Invite members, change their roles, deactivate them.
    ManageMembers,
    /// Supplier organisations and their users.
    ManageSuppliers,
    /// Back-in-stock settings, waitlists and shopper data requests.
    ManageBackInStock,
    /// API keys and webhooks.
    ManageIntegrations,
    /// Import CSV files (products, locations, suppliers, stock counts, policies).
    ImportData,
    /// The portal's theme, domains and e-mail sender.
    EditBranding,
    /// Read the tenant's audit trail (who did what, including a partner acting here).
    SeeAuditTrail,
    /// (Supplier audience) answer the purchase orders sent to one's own organisation.
    AnswerPurchaseOrders,
    /// (Partner audience) the partner console for one's own client tenants.
    ManageClientTenants,
    /// (Platform audience) partners and tenants of the whole platform.
    ManagePlatform,
    /// (Every audience) one's own password and two-step sign-in. Held by every role and
    /// granted by no API key scope: it is about the person signed in, nobody else.
    ManageOwnAccount,
}

impl Permission {
    pub const ALL: [Permission; 20] = [
        Permission::ViewInventory,
        Permission::DecideApprovals,
        Permission::CommandTransfers,
        Permission::CommandPurchaseOrders,
        Permission::EditPolicies,
        Permission::EditApprovalMatrix,
        Permission::WorkExceptions,
        Permission::SeeJobs,
        Permission::ReplayJobs,
        Permission::ManageMembers,
        Permission::ManageSuppliers,
        Permission::ManageBackInStock,
        Permission::ManageIntegrations,
        Permission::ImportData,
        Permission::EditBranding,
        Permission::SeeAuditTrail,
        Permission::AnswerPurchaseOrders,
        Permission::ManageClientTenants,
        Permission::ManagePlatform,
        Permission::ManageOwnAccount,
    ];

    /// What the permission allows, as the end of "Your role cannot …".
    pub fn action(self) -> &'static str {
        match self {
            Permission::ViewInventory => "see this portal's stock and documents",
            Permission::DecideApprovals => "decide approvals",
            Permission::CommandTransfers => "ship, receive, change or cancel transfers",
            Permission::CommandPurchaseOrders => "change or cancel purchase orders",
            Permission::EditPolicies => "change replenishment policies",
            Permission::EditApprovalMatrix => "change the approval matrix",
            Permission::WorkExceptions => "work the exception queue",
            Permission::SeeJobs => "see background jobs",
            Permission::ReplayJobs => "replay background jobs",
            Permission::ManageMembers => "manage members",
            Permission::ManageSuppliers => "manage suppliers",
            Permission::ManageBackInStock => "manage back-in-stock alerts",
            Permission::ManageIntegrations => "manage integrations",
            Permission::ImportData => "import data",
            Permission::EditBranding => "change the portal's branding",
            Permission::SeeAuditTrail => "read the audit trail",
            Permission::AnswerPurchaseOrders => "answer purchase orders",
            Permission::ManageClientTenants => "manage client portals",
            Permission::ManagePlatform => "manage the platform",
            Permission::ManageOwnAccount => "change this account's sign-in",
        }
    }
}

/// What a tenant's portal is for. A retailer's portal runs stock; a partner's portal is
/// its console over its client tenants; the platform's portal runs the platform. A
/// portal's kind bounds what any role can do in it: a partner admin's role gives nothing
/// inside a retailer's portal, and a tenant admin of a partner's portal manages that
/// console's members and brand, not stock.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum TenantKind {
    #[default]
    Retailer,
    Partner,
    Platform,
}

impl TenantKind {
    pub const ALL: [TenantKind; 3] = [
        TenantKind::Retailer,
        TenantKind::Partner,
        TenantKind::Platform,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TenantKind::Retailer => "retailer",
            TenantKind::Partner => "partner",
            TenantKind::Platform => "platform",
        }
    }

    pub fn parse(s: &str) -> Option<TenantKind> {
        TenantKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether a member of a portal of this kind can hold `p` at all (their roles
    /// decide the rest).
    pub fn allows(self, p: Permission) -> bool {
        use Permission as P;
        match self {
            TenantKind::Retailer => !matches!(p, P::ManageClientTenants | P::ManagePlatform),
            TenantKind::Partner => matches!(
                p,
                P::ManageClientTenants
                    | P::ManageMembers
                    | P::EditBranding
                    | P::SeeAuditTrail
                    | P::ManageOwnAccount
            ),
            TenantKind::Platform => matches!(
                p,
                P::ManagePlatform | P::ManageMembers | P::SeeAuditTrail | P::ManageOwnAccount
            ),
        }
    }

    /// The roles a tenant admin can give the members of such a portal (supplier users
    /// come through supplier invitations, not here).
    pub fn member_roles(self) -> &'static [Role] {
        match self {
            TenantKind::Retailer => &[Role::TenantAdmin, Role::Planner, Role::Approver],
            TenantKind::Partner => &[Role::TenantAdmin, Role::PartnerAdmin],
            TenantKind::Platform => &[Role::TenantAdmin, Role::PlatformAdmin],
        }
    }
}

impl Permission {
    /// Whether what the permission does can outlast the session it is used in: people,
    /// supplier users and API keys get access of their own; a custom domain keeps
    /// serving the portal's sign-in; an import can change where suppliers' order links
    /// are sent; one's own account is the person's everywhere. A partner's person acting
    /// in a client's portal never holds these, so an act-as session cannot leave a way
    /// back in behind it.
    pub fn grants_lasting_access(self) -> bool {
        matches!(
            self,
            Permission::ManageMembers
                | Permission::ManageSuppliers
                | Permission::ManageIntegrations
                | Permission::EditBranding
                | Permission::ImportData
                | Permission::ManageOwnAccount
        )
    }
}

/// The union of the permissions of `roles` in a portal of `kind`, in table order and
/// without repeats.
pub fn permissions_of(kind: TenantKind, roles: &[Role]) -> Vec<Permission> {
    Permission::ALL
        .into_iter()
        .filter(|p| kind.allows(*p) && roles.iter().any(|r| r.can(*p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_by_name() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("owner"), None);
    }

    #[test]
    fn every_permission_is_in_all_and_held_by_someone() {
        let mut seen = Permission::ALL.to_vec();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), Permission::ALL.len());
        for p in Permission::ALL {
            assert!(
                Role::ALL.iter().any(|r| r.can(p)),
                "{p:?} is held by no role"
            );
        }
    }

    #[test]
    fn a_supplier_permission_is_never_shared() {
        // No stand-in, act-as or role mix-up can carry a staff permission to a supplier
        // (or a supplier's to anyone else). One's own account is everyone's.
        for p in Permission::ALL {
            if p == Permission::ManageOwnAccount {
                continue;
            }
            let audiences: Vec<Audience> = Role::ALL
                .iter()
                .filter(|r| r.can(p))
                .map(|r| r.audience())
                .collect();
            let staff_or_overseer = audiences
                .iter()
                .all(|a| matches!(a, Audience::Staff | Audience::Partner | Audience::Platform));
            let supplier_only = audiences.iter().all(|a| *a == Audience::Supplier);
            assert!(staff_or_overseer || supplier_only, "{p:?}: {audiences:?}");
        }
    }

    #[test]
    fn a_portal_kind_bounds_every_role() {
        // A partner admin's role gives nothing in a retailer's portal but the own account.
        assert_eq!(
            permissions_of(TenantKind::Retailer, &[Role::PartnerAdmin]),
            vec![Permission::ManageOwnAccount]
        );
        // A tenant admin of a partner's console manages it, and sees no stock.
        let console = permissions_of(TenantKind::Partner, &[Role::TenantAdmin]);
        assert!(console.contains(&Permission::ManageMembers));
        assert!(!console.contains(&Permission::ViewInventory));
        assert!(!console.contains(&Permission::ManageClientTenants));
        // The platform's permission exists only in the platform's portal.
        for kind in [TenantKind::Retailer, TenantKind::Partner] {
            assert!(!permissions_of(kind, &Role::ALL).contains(&Permission::ManagePlatform));
        }
        assert!(permissions_of(TenantKind::Platform, &[Role::PlatformAdmin])
            .contains(&Permission::ManagePlatform));
        // Each kind's member roles give something there beyond one's own account.
        for kind in TenantKind::ALL {
            for r in kind.member_roles() {
                assert!(permissions_of(kind, &[*r]).len() > 1, "{kind:?} {r:?}");
            }
        }
    }

    #[test]
    fn a_supplier_holds_no_staff_permission() {
        assert_eq!(
            permissions_of(TenantKind::Retailer, &[Role::Supplier]),
            vec![
                Permission::AnswerPurchaseOrders,
                Permission::ManageOwnAccount
            ]
        );
        assert!(!Role::Supplier.can(Permission::ViewInventory));
        assert!(!Role::Supplier.can(Permission::DecideApprovals));
    }
}
