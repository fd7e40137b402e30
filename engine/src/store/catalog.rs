//! Locations, suppliers and products of a tenant.

use std::collections::HashMap;

use super::Store;
use crate::db::Tx;
use crate::model::{Location, TenantId};
use crate::{on_db, on_tx};
#[allow(unused_imports)] // `begin` on a PostgreSQL connection, inside `on_db!`
use sqlx::Connection as _;

#[derive(Clone, Debug, PartialEq)]
pub struct LocationRecord {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub region: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SupplierRecord {
    pub code: String,
    pub name: String,
    pub email: String,
    pub lead_time_days: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProductRecord {
    pub sku: String,
    pub name: String,
    pub class: String,
    pub cost_minor: i64,
    pub price_minor: i64,
    pub supplier_code: Option<String>,
}

/// Inserts or updates locations by code, in the caller's transaction. Coordinates left
/// out (`None`, as a CSV import has none) keep the ones stored.
pub(crate) async fn upsert_locations_tx(
    tx: &mut Tx,
    tenant: TenantId,
    locations: &[LocationRecord],
) -> Result<(), sqlx::Error> {
    for l in locations {
        on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO locations (tenant_id, code, name, kind, region, latitude, longitude, address) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, code) DO UPDATE SET \
             name = excluded.name, kind = excluded.kind, region = excluded.region, \
             latitude = COALESCE(excluded.latitude, locations.latitude), \
             longitude = COALESCE(excluded.longitude, locations.longitude), \
             address = excluded.address",
        )
        .bind(tenant.0)
        .bind(&l.code)
        .bind(&l.name)
        .bind(&l.kind)
        .bind(&l.region)
        .bind(l.latitude)
        .bind(l.longitude)
        .bind(&l.address)
        .execute(&mut *c)
        .await
        .map(|_| ())
        })?;
    }
    Ok(())
}

/// Inserts or updates suppliers by code, in the caller's transaction.
pub(crate) async fn upsert_suppliers_tx(
    tx: &mut Tx,
    tenant: TenantId,
    suppliers: &[SupplierRecord],
) -> Result<(), sqlx::Error> {
    for s in suppliers {
        on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO suppliers (tenant_id, code, name, email, lead_time_days) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, code) DO UPDATE SET \
             name = excluded.name, email = excluded.email, lead_time_days = excluded.lead_time_days",
        )
        .bind(tenant.0)
        .bind(&s.code)
        .bind(&s.name)
        .bind(&s.email)
        .bind(s.lead_time_days)
        .execute(&mut *c)
        .await
        .map(|_| ())
        })?;
    }
    Ok(())
}

/// Inserts or updates products by SKU, in the caller's transaction; the supplier is
/// named by code (one the tenant does not have leaves it empty: callers check first).
pub(crate) async fn upsert_products_tx(
    tx: &mut Tx,
    tenant: TenantId,
    products: &[ProductRecord],
) -> Result<(), sqlx::Error> {
    for p in products {
        on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO products (tenant_id, sku, name, class, cost_minor, price_minor, supplier_id) \
             VALUES ($1, $2, $3, $4, $5, $6, \
               (SELECT id FROM suppliers WHERE tenant_id = $1 AND code = $7)) \
             ON CONFLICT (tenant_id, sku) DO UPDATE SET name = excluded.name, \
             class = excluded.class, cost_minor = excluded.cost_minor, \
             price_minor = excluded.price_minor, supplier_id = excluded.supplier_id",
        )
        .bind(tenant.0)
        .bind(&p.sku)
        .bind(&p.name)
        .bind(&p.class)
        .bind(p.cost_minor)
        .bind(p.price_minor)
        .bind(&p.supplier_code)
        .execute(&mut *c)
        .await
        .map(|_| ())
        })?;
    }
    Ok(())
}

impl Store {
    pub async fn upsert_locations(
        &self,
        tenant: TenantId,
        locations: &[LocationRecord],
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin(tenant).await?;
        upsert_locations_tx(&mut tx, tenant, locations).await?;
        tx.commit().await
    }

    pub async fn upsert_suppliers(
        &self,
        tenant: TenantId,
        suppliers: &[SupplierRecord],
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin(tenant).await?;
        upsert_suppliers_tx(&mut tx, tenant, suppliers).await?;
        tx.commit().await
    }

    /// Upserts products by SKU; a supplier code that does not exist in the tenant is an error.
    pub async fn upsert_products(
        &self,
        tenant: TenantId,
        products: &[ProductRecord],
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin(tenant).await?;
        upsert_products_tx(&mut tx, tenant, products).await?;
        tx.commit().await
    }

    pub async fn locations(&self, tenant: TenantId) -> Result<Vec<Location>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, Location>(
                "SELECT id, code, name, kind, region FROM locations WHERE tenant_id = $1 ORDER BY kind, code",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })
    }

    pub async fn product_classes(&self, tenant: TenantId) -> Result<Vec<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, String>(
                "SELECT DISTINCT class FROM products WHERE tenant_id = $1 ORDER BY class",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })
    }

    /// Location ids by code for the given codes (unknown codes are simply absent).
    /// Supplier ids by code for the given codes (unknown codes are simply absent).
    pub async fn supplier_ids(
        &self,
        tenant: TenantId,
        codes: &[&str],
    ) -> Result<HashMap<String, i64>, sqlx::Error> {
        self.ids_by_code(tenant, "suppliers", "code", codes).await
    }

    pub async fn location_ids(
        &self,
        tenant: TenantId,
        codes: &[&str],
    ) -> Result<HashMap<String, i64>, sqlx::Error> {
        self.ids_by_code(tenant, "locations", "code", codes).await
    }

    /// Product ids by SKU for the given SKUs (unknown SKUs are simply absent).
    pub async fn product_ids(
        &self,
        tenant: TenantId,
        skus: &[&str],
    ) -> Result<HashMap<String, i64>, sqlx::Error> {
        self.ids_by_code(tenant, "products", "sku", skus).await
    }

    /// Looks codes up in chunks with a portable `IN (…)` list.
    async fn ids_by_code(
        &self,
        tenant: TenantId,
        table: &'static str,
        column: &'static str,
        codes: &[&str],
    ) -> Result<HashMap<String, i64>, sqlx::Error> {
        let mut out = HashMap::with_capacity(codes.len());
        let mut unique: Vec<&str> = codes.to_vec();
        unique.sort_unstable();
        unique.dedup();
        for chunk in unique.chunks(500) {
            let placeholders: Vec<String> =
                (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT {column}, id FROM {table} WHERE tenant_id = $1 AND {column} IN ({})",
                placeholders.join(",")
            );
            let rows: Vec<(String, i64)> = on_db!(&self.db, read, tenant, |pool| {
                let mut q = sqlx::query_as::<_, (String, i64)>(&sql).bind(tenant.0);
                for c in chunk {
                    q = q.bind(*c);
                }
                q.fetch_all(pool).await
            })?;
            out.extend(rows);
        }
        Ok(out)
    }
}

/// Labels for a document's context: product (sku, name, class) and location (code, name).
pub(crate) async fn product_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    product: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT sku, name, class FROM products WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(product)
    .fetch_one(c)
    .await)
}

pub(crate) async fn location_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT code, name, region FROM locations WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(location)
    .fetch_one(c)
    .await)
}

pub(crate) async fn supplier_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT code, name, email FROM suppliers WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(supplier)
    .fetch_one(c)
    .await)
}

/// The language (a code) kept for the supplier's e-mail, in the caller's transaction:
/// `Some(None)` when none is kept, `None` when the tenant has no such supplier.
pub(crate) async fn supplier_language_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, Option<String>>(
        "SELECT language FROM suppliers WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(supplier)
    .fetch_optional(c)
    .await)
}

/// Keeps the language (a code, checked by the caller) of the supplier's e-mail in the
/// caller's transaction (`None`: the tenant's default); false when the tenant has no
/// such supplier.
pub(crate) async fn set_supplier_language_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
    language: Option<&str>,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE suppliers SET language = $3 WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(supplier)
    .bind(language)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

impl Store {
    /// The suppliers that have a language kept for their e-mail: (id, code).
    pub async fn supplier_languages(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, (i64, String)>(
                "SELECT id, language FROM suppliers WHERE tenant_id = $1 AND language IS NOT NULL",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })
    }

    /// Location (id, code, name) and supplier (id, code, name) labels, for display.
    pub async fn labels(
        &self,
        tenant: TenantId,
    ) -> Result<(Vec<(i64, String, String)>, Vec<(i64, String, String)>), sqlx::Error> {
        let locs = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, (i64, String, String)>(
                "SELECT id, code, name FROM locations WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })?;
        let sups = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, (i64, String, String)>(
                "SELECT id, code, name FROM suppliers WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })?;
        Ok((locs, sups))
    }

    /// The language (a code) the supplier's e-mail is written in, if one is kept.
    pub async fn supplier_language(
        &self,
        tenant: TenantId,
        supplier: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT language FROM suppliers WHERE tenant_id = $1 AND id = $2",
            )
            .bind(tenant.0)
            .bind(supplier)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
        })
    }

    /// (sku, name) of products by id.
    pub async fn product_labels(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = super::id_list(ids);
        let sql =
            format!("SELECT id, sku, name FROM products WHERE tenant_id = $1 AND id IN ({list})");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            (i64, String, String),
        >(&sql)
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }
}

/// Keeps the supplier's measured lead time (none: not enough deliveries yet).
pub(crate) async fn set_measured_lead_time_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
    days: Option<(i64, f64)>,
    deliveries: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE suppliers SET measured_lead_time_days = $3, measured_deliveries = $4, \
         measured_lead_time_sd = $5 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(supplier)
    .bind(days.map(|d| d.0))
    .bind(deliveries)
    .bind(days.map(|d| d.1))
    .execute(c)
    .await
    .map(|_| ()))
}
