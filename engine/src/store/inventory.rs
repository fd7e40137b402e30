//! Stock positions: the inventory list and initial stock.

use super::Store;
use crate::db::Backend;
use crate::model::{now_ms, Page, PositionFilter, PositionRow, TenantId};
use crate::on_db;
#[allow(unused_imports)] // `begin` on a PostgreSQL connection, inside `on_db!`
use sqlx::Connection as _;

/// The most low-stock positions [`Store::stock_summary`] counts.
pub const LOW_COUNT_CAP: i64 = 10_000;

/// Initial figures for one (product, location) pair.
#[derive(Clone, Debug)]
pub struct PositionSeed {
    pub product_id: i64,
    pub location_id: i64,
    pub on_hand: i64,
    pub reorder_point: i64,
    pub order_up_to: i64,
}

/// Products drive the join in SKU order and positions follow by primary key, so a page is
/// read without sorting a million rows. `CROSS JOIN` pins that order on SQLite (which
/// honours it) and is an ordinary inner join to PostgreSQL's planner.
pub(super) const POSITION_SELECT: &str = "SELECT p.sku, p.name AS product_name, p.class, \
     l.code AS location_code, l.name AS location_name, s.on_hand, s.in_transit, s.on_order, \
     s.reorder_point, s.order_up_to, s.levels_source, s.low, s.location_id, s.product_id \
     FROM products p CROSS JOIN stock_positions s CROSS JOIN locations l \
     WHERE p.tenant_id = $1 AND s.tenant_id = p.tenant_id AND s.product_id = p.id \
     AND l.id = s.location_id AND l.tenant_id = p.tenant_id";

/// `%…%` pattern for LIKE with the wildcards in the user's text escaped.
fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The search condition and its bound value. On SQLite, text of three or more
/// characters goes through the FTS5 trigram index as a quoted phrase (a substring match,
/// wildcards literal); shorter text, and PostgreSQL (whose pg_trgm indexes serve LIKE
/// directly), use `LIKE '%…%'`.
fn search_clause(backend: Backend, text: &str, param: usize) -> (String, String) {
    if backend == Backend::Sqlite && text.chars().count() >= 3 {
        (
            format!(" AND p.id IN (SELECT rowid FROM products_search WHERE products_search MATCH ${param})"),
            format!("\"{}\"", text.replace('"', "\"\"")),
        )
    } else {
        (
            format!(" AND (lower(p.sku) LIKE ${param} ESCAPE '\\' OR lower(p.name) LIKE ${param} ESCAPE '\\')"),
            like_pattern(text),
        )
    }
}

impl Store {
    /// One page of positions, ordered by SKU then location, filtered as asked.
    pub async fn positions(
        &self,
        tenant: TenantId,
        filter: &PositionFilter,
    ) -> Result<Page<PositionRow>, sqlx::Error> {
        let per_page = filter.per_page.clamp(1, 200);
        let mut sql = String::from(POSITION_SELECT);
        let mut n = 1;
        let mut next = || {
            n += 1;
            n
        };
        let search = filter
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|text| search_clause(self.db.backend(), text, next()));
        if let Some((clause, _)) = &search {
            sql.push_str(clause);
        }
        if filter.location_code.is_some() {
            sql.push_str(&format!(
                " AND s.location_id = (SELECT id FROM locations WHERE tenant_id = $1 AND code = ${})",
                next()
            ));
        }
        if filter.class.is_some() {
            sql.push_str(&format!(" AND p.class = ${}", next()));
        }
        if filter.low_only {
            sql.push_str(" AND s.low = TRUE");
        }
        sql.push_str(&format!(
            " ORDER BY p.sku, s.location_id LIMIT ${} OFFSET ${}",
            next(),
            next()
        ));
        let limit = i64::from(per_page) + 1;
        let offset = i64::from(filter.page) * i64::from(per_page);
        let mut rows = on_db!(&self.db, read, tenant, |pool| {
            let mut q = sqlx::query_as::<_, PositionRow>(&sql).bind(tenant.0);
            if let Some((_, value)) = &search {
                q = q.bind(value);
            }
            if let Some(l) = &filter.location_code {
                q = q.bind(l);
            }
            if let Some(c) = &filter.class {
                q = q.bind(c);
            }
            q.bind(limit).bind(offset).fetch_all(pool).await
        })?;
        let has_next = rows.len() > per_page as usize;
        rows.truncate(per_page as usize);
        Ok(Page {
            rows,
            page: filter.page,
            per_page,
            has_next,
        })
    }

    /// How many products the tenant has and how many positions are at or below their
    /// reorder point, counted up to [`LOW_COUNT_CAP`]: a headline needs no exact figure
    /// beyond that, and counting a million rows on every page view would be slow.
    pub async fn stock_summary(&self, tenant: TenantId) -> Result<(i64, i64), sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, (i64, i64)>(
                "SELECT (SELECT COUNT(*) FROM products WHERE tenant_id = $1), \
                     (SELECT COUNT(*) FROM (SELECT 1 FROM stock_positions \
                       WHERE tenant_id = $1 AND low = TRUE LIMIT $2) capped)",
            )
            .bind(tenant.0)
            .bind(LOW_COUNT_CAP)
            .fetch_one(pool)
            .await
        })
    }

    /// The position of one SKU at one location.
    pub async fn position(
        &self,
        tenant: TenantId,
        sku: &str,
        location_code: &str,
    ) -> Result<Option<PositionRow>, sqlx::Error> {
        let sql = format!("{POSITION_SELECT} AND p.sku = $2 AND l.code = $3");
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, PositionRow>(&sql)
                .bind(tenant.0)
                .bind(sku)
                .bind(location_code)
                .fetch_optional(pool)
                .await
        })
    }

    /// Writes initial stock for pairs that have no position yet; live figures are never reset.
    /// Returns how many positions were created.
    pub async fn seed_positions(
        &self,
        tenant: TenantId,
        seeds: &[PositionSeed],
    ) -> Result<u64, sqlx::Error> {
        let now = now_ms();
        on_db!(&self.db, write, tenant, |pool| {
            let mut created = 0;
            for chunk in seeds.chunks(5_000) {
                let mut tx = pool.begin().await?;
                for s in chunk {
                    created += sqlx::query(
                        "INSERT INTO stock_positions (tenant_id, product_id, location_id, on_hand, \
                         reorder_point, order_up_to, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                         ON CONFLICT (tenant_id, product_id, location_id) DO NOTHING",
                    )
                    .bind(tenant.0)
                    .bind(s.product_id)
                    .bind(s.location_id)
                    .bind(s.on_hand)
                    .bind(s.reorder_point)
                    .bind(s.order_up_to)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                }
                tx.commit().await?;
            }
            Ok(created)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_pattern_escapes_wildcards_and_lowercases() {
        assert_eq!(like_pattern("Oat"), "%oat%");
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
    }
}
