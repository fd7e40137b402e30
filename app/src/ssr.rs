//! Server-side half of the portal: request context, session auth and the bodies of the
//! server functions. The server crate provides [`ServerCtx`] and puts a [`TenantCtx`] in
//! every request's extensions before the portal sees it.

use std::sync::Arc;

use engine::model::{now_ms, Member, PositionFilter, Tenant};
use engine::theme::Themes;
use engine::Store;
use http::request::Parts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::api::{
    Choice, InventoryQuery, InventoryRow, InventoryView, Overview, Portal, UserInfo, PER_PAGE,
};

/// Shared services for server functions.
#[derive(Clone)]
pub struct ServerCtx {
    pub store: Store,
    pub themes: Arc<Themes>,
    /// Wakes the replenishment worker after a change that queued work.
    pub jobs_wake: Arc<tokio::sync::Notify>,
}

/// The tenant a request was resolved to, and how its URLs are prefixed.
#[derive(Clone, Debug)]
pub struct TenantCtx {
    pub tenant: Tenant,
    /// "" for host-based tenants, "/t/<slug>" for the path form.
    pub base: String,
}

/// What the session remembers about a sign-in. Bound to one tenant: a session presented
/// on another tenant's portal is treated as signed out.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SessionAuth {
    pub tenant_id: i64,
    pub user_id: i64,
    pub login_at: i64,
}

pub const AUTH_KEY: &str = "auth";
/// A sign-in ends after this long whatever the activity (ASVS absolute timeout).
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 3600 * 1000;

fn server_ctx() -> Result<ServerCtx, ServerFnError> {
    use_context::<ServerCtx>().ok_or_else(|| ServerFnError::new("server context missing"))
}

fn tenant_ctx() -> Option<TenantCtx> {
    use_context::<Parts>().and_then(|p| p.extensions.get::<TenantCtx>().cloned())
}

/// Sets the HTTP status of a server-function call. While a page renders, the page itself
/// decides its answer (a sign-in redirect, say), so the status is left alone.
fn set_status(status: http::StatusCode) {
    let is_call = use_context::<Parts>().is_some_and(|p| p.uri.path().starts_with("/api/"));
    if let (true, Some(res)) = (is_call, use_context::<leptos_axum::ResponseOptions>()) {
        res.set_status(status);
    }
}

/// The member signed in to this request's tenant, if any.
pub async fn signed_in_member(store: &Store, session: &Session, tenant: &Tenant) -> Option<Member> {
    let auth: SessionAuth = session.get(AUTH_KEY).await.ok().flatten()?;
    if auth.tenant_id != tenant.id.0 {
        return None;
    }
    if now_ms() - auth.login_at > ABSOLUTE_TIMEOUT_MS {
        let _ = session.flush().await;
        return None;
    }
    match store.member(tenant.id, auth.user_id).await {
        Ok(Some(m)) => Some(m),
        Ok(None) => {
            // Removed from the tenant or disabled since signing in: end the session.
            let _ = session.flush().await;
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "loading the signed-in member failed");
            None
        }
    }
}

async fn current() -> Result<(ServerCtx, TenantCtx, Option<Member>), ServerFnError> {
    let ctx = server_ctx()?;
    let Some(tenant) = tenant_ctx() else {
        set_status(http::StatusCode::NOT_FOUND);
        return Err(ServerFnError::new("not found"));
    };
    let session: Session = leptos_axum::extract().await?;
    let member = signed_in_member(&ctx.store, &session, &tenant.tenant).await;
    Ok((ctx, tenant, member))
}

/// The signed-in member who may see inventory, or a 401/403 error.
async fn require_inventory_reader() -> Result<(ServerCtx, TenantCtx, Member), ServerFnError> {
    let (ctx, tenant, member) = current().await?;
    let Some(member) = member else {
        set_status(http::StatusCode::UNAUTHORIZED);
        return Err(ServerFnError::new("sign in to continue"));
    };
    if !member.sees_inventory() {
        set_status(http::StatusCode::FORBIDDEN);
        return Err(ServerFnError::new("your role cannot see inventory"));
    }
    Ok((ctx, tenant, member))
}

fn internal(e: engine::sqlx::Error) -> ServerFnError {
    tracing::error!(error = %e, "store call failed");
    set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    ServerFnError::new("something went wrong on our side; please try again")
}

pub async fn portal() -> Result<Portal, ServerFnError> {
    let (ctx, tc, member) = current().await?;
    let theme = ctx.themes.get(&tc.tenant.theme);
    Ok(Portal {
        tenant_name: tc.tenant.name.clone(),
        product_name: theme
            .map(|t| t.product_name.clone())
            .unwrap_or_else(|| tc.tenant.name.clone()),
        base: tc.base.clone(),
        logo_url: theme
            .and_then(|t| t.logo.as_ref())
            .map(|logo| format!("/theme-assets/{}/{}", tc.tenant.theme, logo)),
        powered_by: theme.is_some_and(|t| t.show_powered_by),
        user: member.map(|m| UserInfo {
            name: m.name,
            email: m.email,
            roles: m.roles.iter().map(|r| r.as_str().to_string()).collect(),
        }),
    })
}

pub async fn inventory(query: InventoryQuery) -> Result<InventoryView, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let filter = PositionFilter {
        search: clean(query.q).map(|s| s.chars().take(100).collect()),
        location_code: clean(query.loc),
        class: clean(query.class),
        low_only: query.low,
        page: query.page.min(100_000),
        per_page: PER_PAGE,
    };
    let page = ctx
        .store
        .positions(tenant, &filter)
        .await
        .map_err(internal)?;
    let locations = ctx.store.locations(tenant).await.map_err(internal)?;
    let classes = ctx.store.product_classes(tenant).await.map_err(internal)?;
    Ok(InventoryView {
        rows: page
            .rows
            .into_iter()
            .map(|r| InventoryRow {
                sku: r.sku,
                product_name: r.product_name,
                class: r.class,
                location_code: r.location_code,
                location_name: r.location_name,
                on_hand: r.on_hand,
                in_transit: r.in_transit,
                on_order: r.on_order,
                reorder_point: r.reorder_point,
                order_up_to: r.order_up_to,
                low: r.low,
            })
            .collect(),
        page: page.page,
        has_next: page.has_next,
        locations: locations
            .into_iter()
            .map(|l| Choice {
                label: format!("{} · {}", l.code, l.name),
                value: l.code,
            })
            .collect(),
        classes,
    })
}

pub async fn overview() -> Result<Overview, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let locations = ctx.store.locations(tc.tenant.id).await.map_err(internal)?;
    let (products, low_positions) = ctx
        .store
        .stock_summary(tc.tenant.id)
        .await
        .map_err(internal)?;
    Ok(Overview {
        locations: locations.len(),
        products,
        low_positions,
        low_capped: low_positions >= engine::store::LOW_COUNT_CAP,
    })
}

/// What the document head needs for the tenant's brand.
pub struct ShellHead {
    pub base: String,
    pub css: String,
    pub favicon: Option<String>,
}

pub fn shell_head() -> ShellHead {
    let tenant = tenant_ctx();
    let ctx = use_context::<ServerCtx>();
    let theme = match (&tenant, &ctx) {
        (Some(t), Some(c)) => c.themes.get(&t.tenant.theme).cloned(),
        _ => None,
    };
    ShellHead {
        base: tenant.as_ref().map(|t| t.base.clone()).unwrap_or_default(),
        css: theme
            .as_ref()
            .map(|t| t.css_variables())
            .unwrap_or_default(),
        favicon: match (&tenant, &theme) {
            (Some(tc), Some(t)) => t
                .favicon
                .as_ref()
                .map(|f| format!("/theme-assets/{}/{}", tc.tenant.theme, f)),
            _ => None,
        },
    }
}

// ---- Replenishment: approvals inbox, documents, exceptions, jobs, approval matrix ----

use crate::api::{
    AuditView, Away, DeadJob, DelegationView, DocRow, DocumentView, Documents, ExceptionRow,
    ExceptionsView, Fact, Inbox, InboxItem, JobsView, MatrixView, RuleView, StepView,
};
use engine::model::{day_string, Role, TenantId};
use engine::store::DocRef;

/// The signed-in member (401 otherwise) who holds one of `roles` (403 otherwise).
async fn require_role(
    roles: &[Role],
    what: &str,
) -> Result<(ServerCtx, TenantCtx, Member), ServerFnError> {
    let (ctx, tenant, member) = require_inventory_reader().await?;
    if !roles.iter().any(|r| member.has(*r)) {
        set_status(http::StatusCode::FORBIDDEN);
        return Err(ServerFnError::new(format!("your role cannot {what}")));
    }
    Ok((ctx, tenant, member))
}

/// A duration in words: "just now", "5 min", "3 h", "2 d".
pub fn span(ms: i64) -> String {
    match ms.max(0) / 60_000 {
        0 => "just now".into(),
        m if m < 60 => format!("{m} min"),
        m if m < 48 * 60 => format!("{} h", m / 60),
        m => format!("{} d", m / (24 * 60)),
    }
}

/// How long ago `ms` (epoch ms) was.
pub fn ago(ms: i64) -> String {
    span(now_ms() - ms)
}

fn money(minor: i64, currency: &str) -> String {
    engine::mail::money(minor, currency)
}

fn involved(json: &str) -> Vec<i64> {
    serde_json::from_str(json).unwrap_or_default()
}

/// The numbers a suggestion used, as rows to show a reviewer.
fn snapshot_facts(json: &str) -> Vec<Fact> {
    let Ok(s) = serde_json::from_str::<engine::policy::Snapshot>(json) else {
        return Vec::new();
    };
    let mut out = vec![
        (
            "Stock position".into(),
            format!(
                "{} = {} on hand + {} in transit + {} on order",
                s.inventory_position,
                s.position.on_hand,
                s.position.in_transit,
                s.position.on_order
            ),
        ),
        ("Reorder point".into(), s.reorder_point.to_string()),
        ("Order up to".into(), s.target.to_string()),
        (
            "Safety stock".into(),
            format!(
                "{} ({})",
                s.safety_stock,
                if s.safety_stock_computed {
                    "from demand variability"
                } else {
                    "configured"
                }
            ),
        ),
        (
            "Daily demand".into(),
            format!(
                "{:.1} ± {:.1} over {} days",
                s.mean_daily_demand, s.demand_std_dev, s.history_days
            ),
        ),
        ("Lead time".into(), format!("{} days", s.lead_time_days)),
        (
            "Case pack / MOQ".into(),
            format!("{} / {}", s.case_pack, s.moq),
        ),
    ];
    if s.uplift > 1.0 {
        out.push(("Promotion uplift".into(), format!("×{:.2}", s.uplift)));
    }
    out
}

struct Labels {
    locations: Vec<(i64, String, String)>,
    suppliers: Vec<(i64, String, String)>,
}

impl Labels {
    async fn load(store: &Store, tenant: engine::model::TenantId) -> Result<Labels, ServerFnError> {
        let (locations, suppliers) = store.labels(tenant).await.map_err(internal)?;
        Ok(Labels {
            locations,
            suppliers,
        })
    }
    fn location(&self, id: i64) -> String {
        self.locations
            .iter()
            .find(|l| l.0 == id)
            .map(|l| format!("{} · {}", l.1, l.2))
            .unwrap_or_default()
    }
    fn supplier(&self, id: i64) -> String {
        self.suppliers
            .iter()
            .find(|s| s.0 == id)
            .map(|s| s.2.clone())
            .unwrap_or_default()
    }
}

async fn product_label(
    store: &Store,
    tenant: engine::model::TenantId,
    id: i64,
) -> Result<String, ServerFnError> {
    Ok(store
        .product_labels(tenant, &[id])
        .await
        .map_err(internal)?
        .first()
        .map(|p| format!("{} {}", p.1, p.2))
        .unwrap_or_default())
}

async fn position_fact(
    store: &Store,
    tenant: engine::model::TenantId,
    labels: &Labels,
    location: i64,
    product: i64,
) -> Result<Fact, ServerFnError> {
    let pos = store
        .position_by_ids(tenant, location, product)
        .await
        .map_err(internal)?;
    let sold = store
        .recent_demand(tenant, location, product, 7, now_ms())
        .await
        .map_err(internal)?;
    Ok((
        labels.location(location),
        match pos {
            Some((on_hand, in_transit, on_order, rop)) => format!(
                "{on_hand} on hand, {in_transit} in transit, {on_order} on order; reorder point {rop}; sold {sold} in 7 days"
            ),
            None => "no stock record".into(),
        },
    ))
}

pub async fn inbox() -> Result<Inbox, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let now = now_ms();
    let delegated: Vec<Role> = store
        .delegations_to(tenant, member.user_id, now)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| d.role)
        .collect();
    let steps = store.pending_steps(tenant, 500).await.map_err(internal)?;
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let mut items = Vec::new();
    let mut others = 0;
    for step in steps {
        let Some(role) = Role::parse(&step.role) else {
            continue;
        };
        if !member.has(role) && !delegated.contains(&role) {
            others += 1;
            continue;
        }
        if items.len() >= 100 {
            others += 1;
            continue;
        }
        let Some(doc) = DocRef::parse(&step.doc_type, step.doc_id) else {
            continue;
        };
        let total_steps = store
            .steps_of(tenant, doc)
            .await
            .map_err(internal)?
            .iter()
            .filter(|s| s.round == step.round)
            .count();
        let step_label = format!(
            "Step {} of {} · {}{}",
            step.step_no,
            total_steps,
            role.as_str().replace('_', " "),
            if delegated.contains(&role) && !member.has(role) {
                " (delegated to you)"
            } else {
                ""
            }
        );
        let (title, value, reason, facts, snapshot, own) = match doc {
            DocRef::Transfer(id) => {
                let Some(t) = store.transfer(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let product = product_label(store, tenant, t.product_id).await?;
                let facts = vec![
                    ("Quantity".into(), t.quantity.to_string()),
                    ("From".into(), labels.location(t.from_location_id)),
                    ("To".into(), labels.location(t.to_location_id)),
                    position_fact(store, tenant, &labels, t.from_location_id, t.product_id).await?,
                    position_fact(store, tenant, &labels, t.to_location_id, t.product_id).await?,
                ];
                (
                    format!("Transfer {id}: {} × {product}", t.quantity),
                    money(t.quantity * t.unit_cost_minor, &currency),
                    t.reason.clone(),
                    facts,
                    snapshot_facts(&t.snapshot),
                    involved(&t.involved_users).contains(&member.user_id),
                )
            }
            DocRef::PurchaseOrder(id) => {
                let Some(po) = store.purchase_order(tenant, id).await.map_err(internal)? else {
                    continue;
                };
                let lines = store.po_lines(tenant, id).await.map_err(internal)?;
                let mut facts = vec![
                    ("Supplier".into(), labels.supplier(po.supplier_id)),
                    ("Ship to".into(), labels.location(po.ship_to_location_id)),
                ];
                for l in lines.iter().take(10) {
                    let p = product_label(store, tenant, l.product_id).await?;
                    facts.push((
                        p,
                        format!("{} at {}", l.quantity, money(l.unit_cost_minor, &currency)),
                    ));
                }
                if lines.len() > 10 {
                    facts.push(("…".into(), format!("{} more lines", lines.len() - 10)));
                }
                (
                    format!(
                        "Purchase order {id} to {} ({} lines)",
                        labels.supplier(po.supplier_id),
                        lines.len()
                    ),
                    money(po.value_minor, &currency),
                    lines.first().map(|l| l.reason.clone()).unwrap_or_default(),
                    facts,
                    lines
                        .first()
                        .map(|l| snapshot_facts(&l.snapshot))
                        .unwrap_or_default(),
                    involved(&po.involved_users).contains(&member.user_id),
                )
            }
        };
        items.push(InboxItem {
            doc_type: step.doc_type.clone(),
            doc_id: step.doc_id,
            href: format!("{}/documents/{}/{}", tc.base, step.doc_type, step.doc_id),
            title,
            step: step_label,
            rule: step.rule.clone(),
            waiting: ago(step.created_at.max(
                step.due_at
                    .map(|d| d - step.escalate_after_hours * 3_600_000)
                    .unwrap_or(0),
            )),
            overdue: step.due_at.is_some_and(|d| d <= now),
            escalated: step.escalated,
            value,
            reason,
            facts,
            snapshot,
            own,
        });
    }
    let away = away(store, tenant, &member, now).await?;
    Ok(Inbox {
        items,
        others,
        away,
    })
}

/// The viewer's delegations and the choices for a new one.
async fn away(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    now: i64,
) -> Result<Away, ServerFnError> {
    let given = store
        .delegations_from(tenant, member.user_id, now)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| DelegationView {
            id: d.id,
            to_name: d.to_name,
            role: d.role.replace('_', " "),
            first_day: day_string(d.from_ms),
            // to_ms is the start of the day after the last one.
            last_day: day_string(d.to_ms - 1),
            active: d.from_ms <= now,
        })
        .collect();
    let roles = member
        .roles
        .iter()
        .filter(|r| **r != Role::Supplier)
        .map(|r| Choice {
            value: r.as_str().into(),
            label: r.as_str().replace('_', " "),
        })
        .collect();
    let people = store
        .member_choices(tenant)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|(id, _)| *id != member.user_id)
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name,
        })
        .collect();
    Ok(Away {
        given,
        roles,
        people,
        today: day_string(now),
    })
}

pub async fn document(doc_type: String, id: i64) -> Result<DocumentView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let Some(doc) = DocRef::parse(&doc_type, id) else {
        set_status(http::StatusCode::NOT_FOUND);
        return Err(ServerFnError::new("no such document"));
    };
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let planner = member.plans();
    let not_found = || {
        set_status(http::StatusCode::NOT_FOUND);
        ServerFnError::new("no such document in this portal")
    };
    let mut view = match doc {
        DocRef::Transfer(id) => {
            let t = store
                .transfer(tenant, id)
                .await
                .map_err(internal)?
                .ok_or_else(not_found)?;
            let product = product_label(store, tenant, t.product_id).await?;
            let mut commands = Vec::new();
            if planner {
                match t.state.as_str() {
                    "approved" => commands.extend(["ship", "edit", "cancel"]),
                    "pending_approval" | "proposed" => commands.extend(["edit", "cancel"]),
                    "shipped" => commands.push("receive"),
                    _ => {}
                }
            }
            let mut facts = vec![
                ("Product".into(), product.clone()),
                ("From".into(), labels.location(t.from_location_id)),
                ("To".into(), labels.location(t.to_location_id)),
                ("Quantity".into(), t.quantity.to_string()),
                (
                    "Value".into(),
                    money(t.quantity * t.unit_cost_minor, &currency),
                ),
                position_fact(store, tenant, &labels, t.from_location_id, t.product_id).await?,
                position_fact(store, tenant, &labels, t.to_location_id, t.product_id).await?,
            ];
            if t.shipped > 0 {
                facts.push(("Shipped".into(), t.shipped.to_string()));
            }
            if t.state == "received" {
                facts.push(("Received".into(), t.received.to_string()));
            }
            facts.extend(snapshot_facts(&t.snapshot));
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title: format!("Transfer {id}: {} × {product}", t.quantity),
                state: t.state.clone(),
                reason: t.reason.clone(),
                facts,
                lines: Vec::new(),
                steps: Vec::new(),
                audit: Vec::new(),
                quantity: t.quantity,
                shipped: t.shipped,
                commands: commands.into_iter().map(String::from).collect(),
                pending_decision: t.state == "pending_approval",
            }
        }
        DocRef::PurchaseOrder(id) => {
            let po = store
                .purchase_order(tenant, id)
                .await
                .map_err(internal)?
                .ok_or_else(not_found)?;
            let lines = store.po_lines(tenant, id).await.map_err(internal)?;
            let mut rows = Vec::new();
            for l in &lines {
                rows.push(vec![
                    product_label(store, tenant, l.product_id).await?,
                    l.quantity.to_string(),
                    money(l.unit_cost_minor, &currency),
                    money(l.quantity * l.unit_cost_minor, &currency),
                    l.reason.clone(),
                ]);
            }
            let mut facts = vec![
                ("Supplier".into(), labels.supplier(po.supplier_id)),
                ("Ship to".into(), labels.location(po.ship_to_location_id)),
                ("Value".into(), money(po.value_minor, &currency)),
            ];
            if po.state == "draft" {
                facts.push((
                    "Gathering lines until".into(),
                    format!("{} from now", span(po.window_closes_at - now_ms())),
                ));
            }
            if let Some(sent) = po.sent_at {
                facts.push(("Sent".into(), format!("{} ago", ago(sent))));
            }
            DocumentView {
                doc_type: doc_type.clone(),
                id,
                title: format!("Purchase order {id} to {}", labels.supplier(po.supplier_id)),
                state: po.state.clone(),
                reason: lines.first().map(|l| l.reason.clone()).unwrap_or_default(),
                facts,
                lines: rows,
                steps: Vec::new(),
                audit: Vec::new(),
                quantity: 0,
                shipped: 0,
                commands: Vec::new(),
                pending_decision: po.state == "pending_approval",
            }
        }
    };
    view.steps = store
        .steps_of(tenant, doc)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|s| StepView {
            label: format!(
                "Round {} · step {} · {}{}",
                s.round,
                s.step_no,
                s.role.replace('_', " "),
                if s.escalated { " (escalated)" } else { "" }
            ),
            state: s.state.clone(),
            decided: s
                .decided_at
                .map(|d| format!("{} ago", ago(d)))
                .unwrap_or_default(),
            comment: s.comment.clone(),
        })
        .collect();
    view.audit = store
        .audit_for_subject(tenant, &doc.subject())
        .await
        .map_err(internal)?
        .into_iter()
        .map(|a| AuditView {
            seq: a.seq,
            at: format!("{} ago", ago(a.at)),
            actor: a.actor,
            action: a.action,
            change: match (a.before, a.after) {
                (Some(b), Some(af)) => format!("{b} → {af}"),
                (None, Some(af)) => af,
                (Some(b), None) => b,
                (None, None) => String::new(),
            },
        })
        .collect();
    Ok(view)
}

pub async fn documents() -> Result<Documents, ServerFnError> {
    let (ctx, tc, _member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let mut transfers = Vec::new();
    for t in store.transfers(tenant, None, 50).await.map_err(internal)? {
        let product = product_label(store, tenant, t.product_id).await?;
        transfers.push(DocRow {
            href: format!("{}/documents/transfer/{}", tc.base, t.id),
            title: format!(
                "Transfer {}: {} × {product} → {}",
                t.id,
                t.quantity,
                labels.location(t.to_location_id)
            ),
            state: t.state,
            value: money(t.quantity * t.unit_cost_minor, &currency),
            updated: ago(t.updated_at),
        });
    }
    let orders = store
        .purchase_orders(tenant, None, 50)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|po| DocRow {
            href: format!("{}/documents/purchase_order/{}", tc.base, po.id),
            title: format!(
                "Purchase order {} to {} for {}",
                po.id,
                labels.supplier(po.supplier_id),
                labels.location(po.ship_to_location_id)
            ),
            state: po.state,
            value: money(po.value_minor, &currency),
            updated: ago(po.updated_at),
        })
        .collect();
    Ok(Documents { transfers, orders })
}

fn severity_weight(s: &str) -> i64 {
    match s {
        "critical" => 400,
        "high" => 300,
        "medium" => 200,
        _ => 100,
    }
}

pub async fn exceptions(resolved: bool) -> Result<ExceptionsView, ServerFnError> {
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let list = store
        .exceptions(
            tenant,
            if resolved { "resolved" } else { "open" },
            None,
            200,
        )
        .await
        .map_err(internal)?;
    let mut rows = Vec::new();
    for e in list {
        let comments = store
            .exception_comments(tenant, e.id)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| {
                (
                    format!("{}, {} ago", c.user_name, ago(c.created_at)),
                    c.body,
                )
            })
            .collect();
        let hours = (now_ms() - e.created_at).max(0) / 3_600_000;
        let href = e.subject.split_once(':').and_then(|(kind, id)| match kind {
            "transfer" | "purchase_order" => Some(format!("{}/documents/{kind}/{id}", tc.base)),
            "job" => Some(format!("{}/jobs", tc.base)),
            _ => None,
        });
        rows.push(ExceptionRow {
            id: e.id,
            kind: e.kind.replace('_', " "),
            priority: severity_weight(&e.severity)
                + hours.min(99)
                + if e.escalated_at.is_some() { 50 } else { 0 },
            severity: e.severity,
            title: e.title,
            detail: e.detail,
            owner: e.owner_name,
            age: ago(e.created_at),
            escalated: e.escalated_at.is_some(),
            href,
            comments,
            resolution: e.resolution,
        });
    }
    rows.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
    let mut assignees = Vec::new();
    for role in [Role::Planner, Role::TenantAdmin] {
        for (id, _, name) in store
            .members_with_role(tenant, role)
            .await
            .map_err(internal)?
        {
            if !assignees.iter().any(|c: &Choice| c.value == id.to_string()) {
                assignees.push(Choice {
                    value: id.to_string(),
                    label: name,
                });
            }
        }
    }
    Ok(ExceptionsView {
        rows,
        assignees,
        resolved,
        can_act: member.plans(),
    })
}

pub async fn jobs() -> Result<JobsView, ServerFnError> {
    let (ctx, tc, member) = require_role(
        &[Role::TenantAdmin, Role::Planner, Role::PartnerAdmin],
        "see background jobs",
    )
    .await?;
    let tenant = tc.tenant.id;
    Ok(JobsView {
        counts: ctx.store.job_counts(Some(tenant)).await.map_err(internal)?,
        dead: ctx
            .store
            .dead_jobs(tenant, 100)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|j| DeadJob {
                id: j.id,
                kind: j.kind,
                attempts: j.attempt,
                last_error: j.last_error.unwrap_or_default(),
            })
            .collect(),
        can_replay: member.has(Role::TenantAdmin),
    })
}

pub async fn matrix() -> Result<MatrixView, ServerFnError> {
    use engine::approval::{DocumentType, Outcome, Step};
    let (ctx, tc, _member) = require_role(&[Role::TenantAdmin], "edit the approval matrix").await?;
    let store = &ctx.store;
    let tenant = tc.tenant.id;
    let (matrix, window) = engine::replenish::matrix(store, tenant)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "loading the matrix failed");
            ServerFnError::new("something went wrong on our side; please try again")
        })?;
    let version = store
        .tenant_settings(tenant)
        .await
        .map_err(internal)?
        .map(|s| s.1)
        .unwrap_or(0);
    let labels = Labels::load(store, tenant).await?;
    let currency = tc.tenant.currency.clone();
    let role = |r: Role| r.as_str().replace('_', " ");
    let steps = |steps: &[Step]| {
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let then = match s.escalate_to {
                    Some(to) => format!("after {} h to {}", s.escalate_after_hours, role(to)),
                    None => format!("after {} h an exception", s.escalate_after_hours),
                };
                format!("{}. {} ({then})", i + 1, role(s.role))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rules = matrix
        .rules
        .iter()
        .map(|r| {
            let mut when = vec![match r.doc_type {
                None => "any document".to_string(),
                Some(DocumentType::Transfer) => "transfers".into(),
                Some(DocumentType::PurchaseOrder) => "purchase orders".into(),
            }];
            if let Some(v) = r.min_value_minor {
                when.push(format!("from {}", money(v, &currency)));
            }
            if let Some(v) = r.max_value_minor {
                when.push(format!("up to {}", money(v, &currency)));
            }
            if let Some(c) = &r.class {
                when.push(format!("class {c}"));
            }
            if let Some(g) = &r.region {
                when.push(format!("region {g}"));
            }
            if let Some(l) = r.location_id {
                when.push(format!("at {}", labels.location(l)));
            }
            if let Some(s) = r.supplier_id {
                when.push(format!("from supplier {}", labels.supplier(s)));
            }
            RuleView {
                name: r.name.clone(),
                when: when.join(" · "),
                then: match &r.outcome {
                    Outcome::AutoApprove => "approve automatically".into(),
                    Outcome::Steps { steps: s } => steps(s),
                },
            }
        })
        .collect();
    let choice = |value: String, label: String| Choice { value, label };
    let classes = store
        .product_classes(tenant)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|c| choice(c.clone(), c))
        .collect();
    let locations = store.locations(tenant).await.map_err(internal)?;
    let mut regions: Vec<String> = locations.iter().map(|l| l.region.clone()).collect();
    regions.sort();
    regions.dedup();
    Ok(MatrixView {
        toml: engine::replenish::matrix_to_toml(&matrix),
        po_window_minutes: window,
        version,
        rules,
        default_steps: steps(&matrix.default_steps),
        auto_approve_limit: money(matrix.auto_approve_limit_minor, &currency),
        classes,
        regions: regions.into_iter().map(|r| choice(r.clone(), r)).collect(),
        locations: locations
            .iter()
            .map(|l| choice(l.id.to_string(), format!("{} {}", l.code, l.name)))
            .collect(),
        suppliers: labels
            .suppliers
            .iter()
            .map(|s| choice(s.0.to_string(), s.2.clone()))
            .collect(),
        roles: [Role::Approver, Role::Planner, Role::TenantAdmin]
            .into_iter()
            .map(|r| choice(r.as_str().into(), role(r)))
            .collect(),
        currency,
    })
}

pub async fn policies(edit: Option<i64>) -> Result<crate::api::PoliciesView, ServerFnError> {
    use crate::api::{PoliciesView, PolicyForm, PolicyRow};
    use engine::replenish::{Method, PolicySettings};
    let (ctx, tc, member) = require_inventory_reader().await?;
    let tenant = tc.tenant.id;
    let store = &ctx.store;
    let locations = store.locations(tenant).await.map_err(internal)?;
    let location_label = |id: Option<i64>| match id {
        None => "Every location".to_string(),
        Some(id) => locations
            .iter()
            .find(|l| l.id == id)
            .map(|l| format!("{} {}", l.code, l.name))
            .unwrap_or_else(|| format!("location {id}")),
    };
    let policies = store.policies(tenant).await.map_err(internal)?;
    let settings_of = |json: &str| serde_json::from_str::<PolicySettings>(json).unwrap_or_default();
    let rows = policies
        .iter()
        .map(|p| {
            let s = settings_of(&p.settings);
            let mut parts = vec![match s.method {
                Method::ReorderPoint => "reorder point".to_string(),
                Method::MinMax => "min/max".to_string(),
            }];
            if s.compute_reorder_point {
                parts.push(format!("computed from demand (z {})", s.service_z));
            }
            parts.push(format!("safety stock {}", s.safety_stock));
            parts.push(match s.lead_time_days {
                Some(d) => format!("lead time {d} d"),
                None => "supplier's lead time".into(),
            });
            parts.push(format!("case pack {}", s.case_pack));
            if s.moq > 0 {
                parts.push(format!("MOQ {}", s.moq));
            }
            if !s.uplifts.is_empty() {
                parts.push(format!("{} promotion(s)", s.uplifts.len()));
            }
            PolicyRow {
                id: p.id,
                class: if p.class == "*" {
                    "Every class".into()
                } else {
                    p.class.clone()
                },
                location: location_label(p.location_id),
                summary: parts.join(" · "),
                updated: ago(p.updated_at),
            }
        })
        .collect();
    let editing = edit.and_then(|id| policies.iter().find(|p| p.id == id));
    let s = editing
        .map(|p| settings_of(&p.settings))
        .unwrap_or_default();
    let form = PolicyForm {
        class: editing.map(|p| p.class.clone()).unwrap_or_default(),
        location_id: editing
            .and_then(|p| p.location_id)
            .map(|l| l.to_string())
            .unwrap_or_default(),
        method: match s.method {
            Method::ReorderPoint => "reorder_point".into(),
            Method::MinMax => "min_max".into(),
        },
        compute_reorder_point: s.compute_reorder_point,
        safety_stock: s.safety_stock.to_string(),
        service_z: s.service_z.to_string(),
        lead_time_days: s.lead_time_days.map(|d| d.to_string()).unwrap_or_default(),
        case_pack: s.case_pack.to_string(),
        moq: s.moq.to_string(),
        uplifts: s
            .uplifts
            .iter()
            .map(|u| {
                format!(
                    "{} {} {}",
                    day_string(u.from_ms),
                    day_string(u.to_ms - 1),
                    u.factor
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut classes = vec![Choice {
        value: "*".into(),
        label: "Every class".into(),
    }];
    classes.extend(
        store
            .product_classes(tenant)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| Choice {
                value: c.clone(),
                label: c,
            }),
    );
    let mut location_choices = vec![Choice {
        value: String::new(),
        label: "Every location".into(),
    }];
    location_choices.extend(locations.iter().map(|l| Choice {
        value: l.id.to_string(),
        label: format!("{} {}", l.code, l.name),
    }));
    Ok(PoliciesView {
        rows,
        classes,
        locations: location_choices,
        form,
        can_edit: member.plans(),
    })
}
