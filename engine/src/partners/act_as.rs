//! Act as: a partner admin enters one of the partner's client tenants only through an
//! explicit session with a reason, a role and an end ([`start`]), recorded in the
//! client's audit trail (which the client's admins read) and in the console's. The
//! browser carries a one-time hand-over token to the client's own host ([`enter`]:
//! single use, [`HANDOVER_MS`]), where the sign-in holds the session's id; each request
//! then finds the member through [`member_for`], which ends the session's reach the
//! moment it expires or is ended, the person leaves the console, or the client leaves the
//! partner. Inside it, the person acts with the session's role, minus anything that
//! would outlast the session (people, supplier users, API keys, their own account: see
//! `Permission::grants_lasting_access`), and every entry in the client's audit trail
//! names the session (`act_as:<id>:user:<id>`). The console's trail records each
//! session started.

use rand::RngCore;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{ActingFor, Member, Permission, Role, Tenant, TenantId, TenantKind};
use crate::store::audit::append_audit_tx;
use crate::store::partners::{self as rows, NewActAs};
use crate::store::Store;

/// How long the hand-over link works.
pub const HANDOVER_MS: i64 = 2 * 60_000;
/// The shortest and longest session, in minutes.
pub const MIN_MINUTES: i64 = 5;
pub const MAX_MINUTES: i64 = 240;
/// The reason's length, in characters.
pub const MIN_REASON_CHARS: usize = 10;
pub const MAX_REASON_CHARS: usize = 500;

/// What a partner admin asks for.
#[derive(Clone, Debug)]
pub struct Request {
    pub client: String,
    pub role: Role,
    pub reason: String,
    pub minutes: i64,
}

/// A session started: the browser goes to the client's host with `token`.
#[derive(Clone, Debug)]
pub struct Started {
    pub session_id: i64,
    pub client: Tenant,
    pub token: String,
    pub until: i64,
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Starts an act-as session in client `request.client` (see the module doc).
pub async fn start(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    request: Request,
    request_id: Option<&str>,
    now: i64,
) -> Result<Started, EngineError> {
    let partner = super::console_partner(store, tenant, member).await?;
    if member.person().is_none() || member.acting.is_some() {
        return Err(EngineError::invalid("err-act-as-person", &[]));
    }
    let client = super::client_of(store, &partner, request.client.trim()).await?;
    if client.suspended_at.is_some() {
        return Err(EngineError::invalid(
            "err-act-as-suspended",
            &[("client", client.name.clone())],
        ));
    }
    if !TenantKind::Retailer.member_roles().contains(&request.role) {
        return Err(EngineError::invalid("err-act-as-role", &[]));
    }
    let reason = request.reason.trim().to_string();
    let chars = reason.chars().count();
    if !(MIN_REASON_CHARS..=MAX_REASON_CHARS).contains(&chars)
        || reason.chars().any(char::is_control)
    {
        return Err(EngineError::invalid(
            "err-act-as-reason",
            &[
                ("least", MIN_REASON_CHARS.to_string()),
                ("most", MAX_REASON_CHARS.to_string()),
            ],
        ));
    }
    if !(MIN_MINUTES..=MAX_MINUTES).contains(&request.minutes) {
        return Err(EngineError::invalid(
            "err-act-as-minutes",
            &[
                ("least", MIN_MINUTES.to_string()),
                ("most", MAX_MINUTES.to_string()),
            ],
        ));
    }
    let until = now + request.minutes * 60_000;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    // The client's trail names the person and the session, not the partner's brand.
    let after = json!({
        "role": request.role.as_str(),
        "reason": reason,
        "until": until,
    });
    let mut tx = store.begin(client.id).await?;
    let session_id = rows::insert_act_as_tx(
        &mut tx,
        client.id,
        &NewActAs {
            partner_tenant: tenant,
            user_id: member.user_id,
            role: request.role.as_str(),
            reason: &reason,
            expires_at: until,
            handover_hash: &hash(&token),
            handover_expires: now + HANDOVER_MS,
        },
        now,
    )
    .await?;
    append_audit_tx(
        &mut tx,
        client.id,
        &AuditEntry::of(
            &format!("act_as:{session_id}:user:{}", member.user_id),
            "act_as.started",
            format!("act_as:{session_id}"),
            None,
            Some(after.clone()),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    let mut tx = store.begin(tenant).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "act_as.started",
            format!("tenant:{}", client.slug),
            None,
            Some(json!({ "session": session_id, "role": request.role.as_str(), "reason": reason, "until": until })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Started {
        session_id,
        client,
        token,
        until,
    })
}

/// Takes the hand-over `token` on the client's host: the session and person it signs in,
/// once, within [`HANDOVER_MS`].
pub async fn enter(
    store: &Store,
    client: TenantId,
    token: &str,
    request_id: Option<&str>,
    now: i64,
) -> Result<(i64, i64), EngineError> {
    let gone = || EngineError::invalid("err-act-as-link-gone", &[]);
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(gone());
    }
    let mut tx = store.begin(client).await?;
    let Some(session) = rows::take_handover_tx(&mut tx, client, &hash(token), now).await? else {
        return Err(gone());
    };
    append_audit_tx(
        &mut tx,
        client,
        &AuditEntry::of(
            &format!("act_as:{}:user:{}", session.id, session.user_id),
            "act_as.entered",
            format!("act_as:{}", session.id),
            None,
            None,
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok((session.id, session.user_id))
}

/// The member a sign-in into act-as session `session_id` of `client` acts as at `now`:
/// `None` once the session ended or expired, the person is no longer a partner admin of
/// the console that started it, or the client no longer belongs to that partner.
pub async fn member_for(
    store: &Store,
    client: &Tenant,
    session_id: i64,
    user_id: i64,
    now: i64,
) -> Result<Option<Member>, sqlx::Error> {
    let Some(s) = store.act_as_session(client.id, session_id).await? else {
        return Ok(None);
    };
    if s.user_id != user_id || s.ended_at.is_some() || s.entered_at.is_none() || s.expires_at <= now
    {
        return Ok(None);
    }
    let console = TenantId(s.partner_tenant_id);
    // A password changed (or the person deactivated) since entering ends it too.
    let entered = s.entered_at.unwrap_or(i64::MAX);
    let Some(person) = store.member_signed_in(console, user_id, entered).await? else {
        return Ok(None);
    };
    if !person.can(Permission::ManageClientTenants) {
        return Ok(None);
    }
    let Some(partner) = store.console_partner(console).await? else {
        return Ok(None);
    };
    if client.partner.as_deref() != Some(partner.slug.as_str())
        || client.kind != TenantKind::Retailer
    {
        return Ok(None);
    }
    let Some(role) = Role::parse(&s.role) else {
        return Ok(None);
    };
    Ok(Some(Member {
        user_id,
        email: person.email,
        name: person.name,
        roles: vec![role],
        supplier_id: None,
        api_key: None,
        kind: TenantKind::Retailer,
        acting: Some(ActingFor {
            session_id,
            reason: s.reason,
            until: s.expires_at,
        }),
    }))
}

/// Ends the act-as session `acting` of person `user` now (they leave the client's
/// portal). Anyone inside a session may end it: it needs no permission.
pub async fn end(
    store: &Store,
    tenant: TenantId,
    acting: &ActingFor,
    user: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    let mut tx = store.begin(tenant).await?;
    if rows::end_act_as_tx(&mut tx, tenant, acting.session_id, now).await? {
        append_audit_tx(
            &mut tx,
            tenant,
            &AuditEntry::of(
                &format!("act_as:{}:user:{user}", acting.session_id),
                "act_as.ended",
                format!("act_as:{}", acting.session_id),
                None,
                None,
                request_id,
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
