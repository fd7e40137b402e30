//! Keyset pages for the REST API: each list is read in a fixed order and continues after
//! the last row the client saw (never `OFFSET`, so page 500 costs what page 1 does and a
//! row added meanwhile neither repeats nor skips one). Catalogue lists run in code order,
//! documents, exceptions and subscriptions newest first, positions by SKU then location.
//! Every query asks for one row more than the page, so the caller knows whether a next
//! page exists.

use serde::Serialize;

use super::inventory::POSITION_SELECT;
use super::Store;
use crate::model::{PositionRow, TenantId};
use crate::on_db;

#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct ProductListRow {
    pub sku: String,
    pub name: String,
    pub class: String,
    pub cost_minor: i64,
    pub price_minor: i64,
    pub supplier_code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct LocationListRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub region: String,
    pub address: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct SupplierListRow {
    pub code: String,
    pub name: String,
    pub email: String,
    pub lead_time_days: i64,
}

/// A transfer with its locations and product by code, as an integration names them.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct TransferListRow {
    pub id: i64,
    pub sku: String,
    pub from_location: String,
    pub to_location: String,
    pub quantity: i64,
    pub shipped: i64,
    pub received: i64,
    pub unit_cost_minor: i64,
    pub state: String,
    pub reason: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A purchase order with its supplier and ship-to location by code, and the supplier's
/// answer (state, promised and agreed days, note).
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct PurchaseOrderListRow {
    pub id: i64,
    pub supplier: String,
    pub ship_to: String,
    pub state: String,
    pub value_minor: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    pub ack_due_at: Option<i64>,
    pub promised_on: Option<i64>,
    pub agreed_on: Option<i64>,
    pub supplier_note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct PoLineListRow {
    pub po_id: i64,
    pub sku: String,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub shipped: i64,
    pub received: i64,
    pub promised_on: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct ExceptionListRow {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    pub subject: String,
    pub title: String,
    pub detail: String,
    pub state: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub resolved_at: Option<i64>,
    pub resolution: Option<String>,
}

/// A back-in-stock subscription without the shopper's address (which the API never
/// hands out: it is sealed at rest and only the alert e-mails open it).
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct SubscriptionListRow {
    pub id: i64,
    pub sku: String,
    pub location: String,
    pub state: String,
    pub source: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub notified_at: Option<i64>,
}

/// What a positions page is filtered by.
#[derive(Clone, Debug, Default)]
pub struct PositionKeyset<'a> {
    pub location_code: Option<&'a str>,
    pub sku: Option<&'a str>,
    pub low_only: bool,
    /// The last row seen: its SKU and location id.
    pub after: Option<(&'a str, i64)>,
}

const TRANSFER_SELECT: &str =
    "SELECT t.id, p.sku, f.code AS from_location, d.code AS to_location, \
     t.quantity, t.shipped, t.received, t.unit_cost_minor, t.state, t.reason, t.created_at, \
     t.updated_at FROM transfers t \
     JOIN products p ON p.id = t.product_id AND p.tenant_id = t.tenant_id \
     JOIN locations f ON f.id = t.from_location_id AND f.tenant_id = t.tenant_id \
     JOIN locations d ON d.id = t.to_location_id AND d.tenant_id = t.tenant_id";

const PO_SELECT: &str = "SELECT o.id, s.code AS supplier, l.code AS ship_to, o.state, \
     o.value_minor, o.created_at, o.updated_at, o.sent_at, o.ack_due_at, o.promised_on, \
     o.agreed_on, o.supplier_note FROM purchase_orders o \
     JOIN suppliers s ON s.id = o.supplier_id AND s.tenant_id = o.tenant_id \
     JOIN locations l ON l.id = o.ship_to_location_id AND l.tenant_id = o.tenant_id";

const EXCEPTION_SELECT: &str = "SELECT id, kind, severity, subject, title, detail, state, \
     created_at, updated_at, resolved_at, resolution FROM exceptions";

impl Store {
    /// Products in SKU order after `after`, optionally of one class.
    pub async fn product_page(
        &self,
        tenant: TenantId,
        class: Option<&str>,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<ProductListRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<
            _,
            ProductListRow,
        >(
            "SELECT p.sku, p.name, p.class, p.cost_minor, p.price_minor, s.code AS supplier_code \
             FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id AND s.tenant_id = p.tenant_id \
             WHERE p.tenant_id = $1 AND ($2 IS NULL OR p.class = $2) AND ($3 IS NULL OR p.sku > $3) \
             ORDER BY p.sku LIMIT $4"
        )
        .bind(tenant.0)
        .bind(class)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
        })
    }

    /// Locations in code order after `after`, optionally of one kind (`dc`, `store`).
    pub async fn location_page(
        &self,
        tenant: TenantId,
        kind: Option<&str>,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<LocationListRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            LocationListRow,
        >(
            "SELECT code, name, kind, region, address FROM locations \
             WHERE tenant_id = $1 AND ($2 IS NULL OR kind = $2) AND ($3 IS NULL OR code > $3) \
             ORDER BY code LIMIT $4"
        )
        .bind(tenant.0)
        .bind(kind)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Suppliers in code order after `after`.
    pub async fn supplier_page(
        &self,
        tenant: TenantId,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<SupplierListRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            SupplierListRow,
        >(
            "SELECT code, name, email, lead_time_days FROM suppliers \
             WHERE tenant_id = $1 AND ($2 IS NULL OR code > $2) ORDER BY code LIMIT $3"
        )
        .bind(tenant.0)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Stock positions by SKU then location id, after the last one seen.
    pub async fn position_page(
        &self,
        tenant: TenantId,
        keys: &PositionKeyset<'_>,
        limit: i64,
    ) -> Result<Vec<PositionRow>, sqlx::Error> {
        let mut sql = String::from(POSITION_SELECT);
        sql.push_str(
            " AND ($2 IS NULL OR l.code = $2) AND ($3 IS NULL OR p.sku = $3) \
             AND ($4 IS NULL OR p.sku > $4 OR (p.sku = $4 AND s.location_id > $5))",
        );
        if keys.low_only {
            sql.push_str(" AND s.low = TRUE");
        }
        sql.push_str(" ORDER BY p.sku, s.location_id LIMIT $6");
        let (after_sku, after_location) = match keys.after {
            Some((sku, location)) => (Some(sku), location),
            None => (None, 0),
        };
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PositionRow,
        >(&sql)
        .bind(tenant.0)
        .bind(keys.location_code)
        .bind(keys.sku)
        .bind(after_sku)
        .bind(after_location)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Transfers newest first, before id `before`, optionally in one state.
    pub async fn transfer_page(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<TransferListRow>, sqlx::Error> {
        let sql = format!(
            "{TRANSFER_SELECT} WHERE t.tenant_id = $1 AND ($2 IS NULL OR t.state = $2) \
             AND ($3 IS NULL OR t.id < $3) ORDER BY t.id DESC LIMIT $4"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            TransferListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(before)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    pub async fn transfer_row(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<TransferListRow>, sqlx::Error> {
        let sql = format!("{TRANSFER_SELECT} WHERE t.tenant_id = $1 AND t.id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            TransferListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// Purchase orders newest first, before id `before`, optionally in one state and of
    /// one supplier (by code).
    pub async fn purchase_order_page(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        supplier: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<PurchaseOrderListRow>, sqlx::Error> {
        let sql = format!(
            "{PO_SELECT} WHERE o.tenant_id = $1 AND ($2 IS NULL OR o.state = $2) \
             AND ($3 IS NULL OR s.code = $3) AND ($4 IS NULL OR o.id < $4) \
             ORDER BY o.id DESC LIMIT $5"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PurchaseOrderListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(supplier)
        .bind(before)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    pub async fn purchase_order_row(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<PurchaseOrderListRow>, sqlx::Error> {
        let sql = format!("{PO_SELECT} WHERE o.tenant_id = $1 AND o.id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PurchaseOrderListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// The lines of the orders `ids`, by order then line.
    pub async fn po_line_rows(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<PoLineListRow>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = super::id_list(ids);
        let sql = format!(
            "SELECT l.po_id, p.sku, l.quantity, l.unit_cost_minor, l.shipped, l.received, \
             l.promised_on FROM po_lines l JOIN products p ON p.id = l.product_id \
             AND p.tenant_id = l.tenant_id WHERE l.tenant_id = $1 AND l.po_id IN ({list}) \
             ORDER BY l.po_id, l.id"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            PoLineListRow,
        >(&sql)
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Exceptions newest first, before id `before`, optionally in one state and kind.
    pub async fn exception_page(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        kind: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<ExceptionListRow>, sqlx::Error> {
        let sql = format!(
            "{EXCEPTION_SELECT} WHERE tenant_id = $1 AND ($2 IS NULL OR state = $2) \
             AND ($3 IS NULL OR kind = $3) AND ($4 IS NULL OR id < $4) ORDER BY id DESC LIMIT $5"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ExceptionListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(kind)
        .bind(before)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    pub async fn exception_row(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<ExceptionListRow>, sqlx::Error> {
        let sql = format!("{EXCEPTION_SELECT} WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ExceptionListRow,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// Back-in-stock subscriptions newest first, before id `before`, optionally in one
    /// state and for one SKU.
    pub async fn subscription_page(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        sku: Option<&str>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<SubscriptionListRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<
            _,
            SubscriptionListRow,
        >(
            "SELECT b.id, p.sku, l.code AS location, b.state, b.source, b.created_at, \
             b.confirmed_at, b.notified_at FROM bis_subscriptions b \
             JOIN products p ON p.id = b.product_id AND p.tenant_id = b.tenant_id \
             JOIN locations l ON l.id = b.location_id AND l.tenant_id = b.tenant_id \
             WHERE b.tenant_id = $1 AND ($2 IS NULL OR b.state = $2) AND ($3 IS NULL OR p.sku = $3) \
             AND ($4 IS NULL OR b.id < $4) ORDER BY b.id DESC LIMIT $5"
        )
        .bind(tenant.0)
        .bind(state)
        .bind(sku)
        .bind(before)
        .bind(limit)
        .fetch_all(pool)
        .await
        })
    }
}
