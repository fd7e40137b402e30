//! Plain domain types shared by the store and the services.

use serde::{Deserialize, Serialize};

/// The tenant a call acts for. Built only from a resolved request or a CLI argument,
/// never from an id a client sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TenantId(pub i64);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub id: TenantId,
    pub slug: String,
    pub name: String,
    pub theme: String,
    pub currency: String,
    pub partner: Option<String>,
    /// What the portal is for: a retailer's stock, a partner's console, the platform's.
    #[serde(default)]
    pub kind: TenantKind,
    /// 0 while the portal shows its theme pack as it is; bumped each time its admin
    /// saves a theme of its own (see `crate::branding`).
    #[serde(default)]
    pub theme_version: i64,
    /// When the platform suspended the tenant (its portal, API and background work stop
    /// until it is resumed; see [`crate::platform`]).
    pub suspended_at: Option<i64>,
    /// The language its people read until they choose their own (a code, see
    /// [`i18n::Lang::parse`]); none: their browser's.
    #[serde(default)]
    pub language: Option<String>,
    /// The time zone its people read times in (an IANA name); none: UTC.
    #[serde(default)]
    pub time_zone: Option<String>,
}

pub use access::{permissions_of, Audience, Permission, Role, TenantKind};

/// A name the engine gives the portal (a role, a kind of portal), in the reader's
/// language: the `hist-*` messages of the catalogues. The English `label()`s stay.
pub trait LabelIn {
    fn label_in(&self, lang: i18n::Lang) -> String;
}

/// The catalogue id of a role's name (`role-tenant-admin`).
pub fn role_term(role: Role) -> &'static str {
    match role {
        Role::TenantAdmin => "role-tenant-admin",
        Role::Planner => "role-planner",
        Role::Approver => "role-approver",
        Role::Supplier => "role-supplier",
        Role::PartnerAdmin => "role-partner-admin",
        Role::PlatformAdmin => "role-platform-admin",
    }
}

impl LabelIn for Role {
    fn label_in(&self, lang: i18n::Lang) -> String {
        i18n::t(lang, role_term(*self))
    }
}

impl LabelIn for TenantKind {
    fn label_in(&self, lang: i18n::Lang) -> String {
        i18n::t(
            lang,
            match self {
                TenantKind::Retailer => "hist-portal-kind-retailer",
                TenantKind::Partner => "hist-portal-kind-partner",
                TenantKind::Platform => "hist-portal-kind-platform",
            },
        )
    }
}

/// A signed-in member of a tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// The supplier organisation a supplier user answers for (`None` for staff, or a
    /// supplier user no organisation has yet): the supplier portal shows only its orders.
    #[serde(default)]
    pub supplier_id: Option<i64>,
    /// Set when an integration acts through an API key rather than a person: what the
    /// key's scopes grant replaces the roles (which are empty), and the audit trail
    /// names the key. Made by [`crate::api_keys::member_for`] from a key that
    /// [`crate::api_keys::principal`] found working; `user_id` is then 0, so code that
    /// records a person asks [`Member::person`] instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<KeyGrant>,
    /// The kind of portal the member is in: it bounds what the roles give
    /// ([`TenantKind::allows`]).
    #[serde(default)]
    pub kind: TenantKind,
    /// Set while a partner's admin acts in a client's portal through an act-as session
    /// (see `crate::partners::act_as`): the roles are the session's, and the audit trail
    /// records the session with the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting: Option<ActingFor>,
}

/// An act-as session a member is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub session_id: i64,
    pub reason: String,
    /// When the session ends by itself (epoch ms).
    pub until: i64,
}

/// What an API key may do, as permissions (from its scopes, see
/// [`crate::api_keys::KeyScope::permissions`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyGrant {
    pub key_id: i64,
    pub permissions: Vec<Permission>,
}

impl Member {
    /// The principal of a request authenticated by an API key: no person, no roles,
    /// only what the key's scopes grant.
    pub fn for_api_key(key_id: i64, permissions: Vec<Permission>) -> Member {
        Member {
            user_id: 0,
            email: String::new(),
            name: format!("API key {key_id}"),
            roles: Vec::new(),
            supplier_id: None,
            api_key: Some(KeyGrant {
                key_id,
                permissions,
            }),
            kind: TenantKind::Retailer,
            acting: None,
        }
    }

    /// The person acting, or `None` for an API key: what segregation of duties and
    /// "involved" lists record.
    pub fn person(&self) -> Option<i64> {
        self.api_key.is_none().then_some(self.user_id)
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether any of the member's roles grants `p` (the table is [`Role::permissions`]),
    /// or, for an API key, whether its scopes do; always within what the portal's kind
    /// allows ([`TenantKind::allows`]), and never, inside an act-as session, what would
    /// outlast it ([`Permission::grants_lasting_access`]).
    pub fn can(&self, p: Permission) -> bool {
        if self.acting.is_some() && p.grants_lasting_access() {
            return false;
        }
        self.kind.allows(p)
            && match &self.api_key {
                Some(grant) => grant.permissions.contains(&p),
                None => self.roles.iter().any(|r| r.can(p)),
            }
    }

    /// `Ok` when the member may do `p`; the engine's commands start with
    /// `member.require(p)?` (a [`Denied`] becomes `EngineError::Forbidden`).
    pub fn require(&self, p: Permission) -> Result<(), Denied> {
        if self.can(p) {
            Ok(())
        } else {
            Err(Denied(p))
        }
    }

    /// Everything the member may do here, for the portal to show.
    pub fn permissions(&self) -> Vec<Permission> {
        match &self.api_key {
            Some(grant) => grant
                .permissions
                .iter()
                .copied()
                .filter(|p| self.kind.allows(*p))
                .collect(),
            None => permissions_of(self.kind, &self.roles)
                .into_iter()
                .filter(|p| self.acting.is_none() || !p.grants_lasting_access())
                .collect(),
        }
    }

    /// The platform's operator at the command line (`shelfwise tenants …`): the platform
    /// admin's permissions, no person (user ids start at 1), recorded as
    /// `platform:command-line`.
    pub fn command_line() -> Member {
        Member {
            user_id: 0,
            email: String::new(),
            name: "the platform's command line".into(),
            roles: vec![Role::PlatformAdmin],
            supplier_id: None,
            api_key: None,
            kind: TenantKind::Platform,
            acting: None,
        }
    }

    /// The actor recorded in the audit trail, e.g. `user:12` (`api_key:3` for a key,
    /// `act_as:4:user:12` inside act-as session 4, `platform:user:3` for a platform
    /// admin, `platform:command-line` for [`Member::command_line`]).
    pub fn actor(&self) -> String {
        match (&self.api_key, &self.acting) {
            (Some(grant), _) => format!("api_key:{}", grant.key_id),
            (None, _) if self.user_id == 0 => "platform:command-line".to_string(),
            (None, _) if self.kind == TenantKind::Platform => {
                format!("platform:user:{}", self.user_id)
            }
            (None, Some(a)) => format!("act_as:{}:user:{}", a.session_id, self.user_id),
            (None, None) => format!("user:{}", self.user_id),
        }
    }
}

/// The `source` of the count events a stock-count import records: reserved (the events
/// API refuses it), so no outside event can take an import row's key.
pub const IMPORT_EVENT_SOURCE: &str = "csv-import";

/// The `source` of the adjustment that undoes a rejected anomalous event: reserved too,
/// so no outside event can take its key and make the undo a duplicate.
pub const ANOMALY_EVENT_SOURCE: &str = "shelfwise";

/// A member lacks the permission a command needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Denied(pub Permission);

/// A document that goes through approval: a transfer or a purchase order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocRef {
    Transfer(i64),
    PurchaseOrder(i64),
}

impl DocRef {
    pub fn doc_type(self) -> &'static str {
        match self {
            DocRef::Transfer(_) => "transfer",
            DocRef::PurchaseOrder(_) => "purchase_order",
        }
    }
    pub fn id(self) -> i64 {
        match self {
            DocRef::Transfer(id) | DocRef::PurchaseOrder(id) => id,
        }
    }
    /// The audit subject, e.g. `transfer:12`.
    pub fn subject(self) -> String {
        format!("{}:{}", self.doc_type(), self.id())
    }
    pub fn parse(doc_type: &str, id: i64) -> Option<DocRef> {
        match doc_type {
            "transfer" => Some(DocRef::Transfer(id)),
            "purchase_order" => Some(DocRef::PurchaseOrder(id)),
            _ => None,
        }
    }
    /// "Transfer" or "Purchase order", to start a sentence with.
    pub fn label(self) -> &'static str {
        match self {
            DocRef::Transfer(_) => "Transfer",
            DocRef::PurchaseOrder(_) => "Purchase order",
        }
    }
    /// [`DocRef::label`] in the reader's language.
    pub fn label_in(&self, lang: i18n::Lang) -> String {
        i18n::t(
            lang,
            match self {
                DocRef::Transfer(_) => "hist-doc-kind-transfer",
                DocRef::PurchaseOrder(_) => "hist-doc-kind-purchase-order",
            },
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    Dc,
    Store,
}

impl LocationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LocationKind::Dc => "dc",
            LocationKind::Store => "store",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Location {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub region: String,
}

/// The kinds of stock event the ingestion API accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Sale,
    Return,
    Adjustment,
    Receipt,
    Count,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Sale,
        EventKind::Return,
        EventKind::Adjustment,
        EventKind::Receipt,
        EventKind::Count,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Sale => "sale",
            EventKind::Return => "return",
            EventKind::Adjustment => "adjustment",
            EventKind::Receipt => "receipt",
            EventKind::Count => "count",
        }
    }
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A validated event with its references resolved inside the tenant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StockEvent {
    pub source: String,
    pub external_id: String,
    pub kind: EventKind,
    pub location_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub occurred_at: i64,
}

/// One row of the inventory list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct PositionRow {
    pub sku: String,
    pub product_name: String,
    pub class: String,
    pub location_code: String,
    pub location_name: String,
    pub on_hand: i64,
    pub in_transit: i64,
    pub on_order: i64,
    pub reorder_point: i64,
    pub order_up_to: i64,
    /// Where the two levels came from: `seed`, `event`, `policy`, `override` or `kept`
    /// (see `migrations/*/0013_position_levels.sql`).
    pub levels_source: String,
    pub low: bool,
    /// Ids, for the planner's form that sets this position's own levels.
    pub location_id: i64,
    pub product_id: i64,
}

/// What the inventory page asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionFilter {
    /// Case-insensitive match on SKU or product name.
    pub search: Option<String>,
    pub location_code: Option<String>,
    pub class: Option<String>,
    pub low_only: bool,
    /// Zero-based page.
    pub page: u32,
    pub per_page: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub has_next: bool,
}

/// Current time as epoch milliseconds, the one timestamp shape in the database.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Milliseconds in a day, the unit of every day-based figure (UTC days).
pub const DAY_MS: i64 = 24 * 3_600_000;

/// The start (UTC midnight, epoch ms) of the day `ms` falls in.
pub fn day_start(ms: i64) -> i64 {
    ms - ms.rem_euclid(DAY_MS)
}

/// `ms` (epoch ms) as a UTC calendar day, `YYYY-MM-DD`.
pub fn day_string(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `ms` (epoch ms) as an RFC 3339 UTC timestamp with milliseconds.
pub fn rfc3339(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&fmt).unwrap_or_default()
}

/// The start (epoch ms, UTC) of the day `YYYY-MM-DD`, or `None` if it is not a date.
pub fn parse_day(s: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let d = time::Date::parse(s.trim(), &fmt).ok()?;
    Some(d.midnight().assume_utc().unix_timestamp() * 1000)
}
