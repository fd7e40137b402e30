//! Reads for the REST API: keyset pages of positions, the catalogue, documents,
//! exceptions and back-in-stock subscriptions, and single documents by id. Each function
//! checks the caller's permission first, like every command (an API key acts as a
//! [`Member::for_api_key`]), validates its filters by name, and bounds the page size.
//! Another tenant's id answers [`EngineError::NotFound`], exactly like a missing one.

use crate::error::EngineError;
use crate::model::{Member, Permission, PositionRow, TenantId};
use crate::store::listing::{
    ExceptionListRow, LocationListRow, PoLineListRow, PositionKeyset, ProductListRow,
    PurchaseOrderListRow, SubscriptionListRow, SupplierListRow, TransferListRow,
};
use crate::store::Store;
use crate::workflow::purchase_order::PoState;
use crate::workflow::transfer::TransferState;

/// The most rows one page holds.
pub const MAX_LIMIT: i64 = 200;
/// Rows per page when the caller does not say.
pub const DEFAULT_LIMIT: i64 = 50;

/// One page of rows, and whether more follow.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice<T> {
    pub rows: Vec<T>,
    pub more: bool,
}

/// `limit` rows of `rows`, which were read with one row to spare.
fn slice<T>(mut rows: Vec<T>, limit: i64) -> Slice<T> {
    let limit = limit as usize;
    let more = rows.len() > limit;
    rows.truncate(limit);
    Slice { rows, more }
}

/// The page size to read: within 1..=[`MAX_LIMIT`], or an error naming `limit`.
pub fn check_limit(limit: Option<i64>) -> Result<i64, EngineError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(EngineError::invalid(
            "err-query-limit",
            &[("most", MAX_LIMIT.to_string()), ("value", n.to_string())],
        )),
    }
}

/// `value` when it is one of `allowed`, or an error naming the field and the choices.
fn one_of<'a>(
    field: &str,
    value: Option<&'a str>,
    allowed: &[&str],
) -> Result<Option<&'a str>, EngineError> {
    match value {
        Some(v) if !allowed.contains(&v) => Err(EngineError::invalid(
            "err-query-one-of",
            &[
                ("field", field.to_string()),
                ("allowed", allowed.join(", ")),
                ("value", v.chars().take(40).collect::<String>()),
            ],
        )),
        v => Ok(v),
    }
}

/// The exception kinds (the table's CHECK constraint).
pub const EXCEPTION_KINDS: [&str; 6] = [
    "no_cover",
    "stockout",
    "stale_approval",
    "dead_job",
    "receipt_mismatch",
    "supplier_late",
];
/// The states a back-in-stock subscription goes through.
pub const SUBSCRIPTION_STATES: [&str; 4] = ["pending", "confirmed", "notified", "unsubscribed"];

pub async fn positions(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    keys: &PositionKeyset<'_>,
    limit: i64,
) -> Result<Slice<PositionRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store.position_page(tenant, keys, limit + 1).await?;
    Ok(slice(rows, limit))
}

pub async fn products(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    class: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Slice<ProductListRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store.product_page(tenant, class, after, limit + 1).await?;
    Ok(slice(rows, limit))
}

pub async fn locations(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    kind: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Slice<LocationListRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let kind = one_of("kind", kind, &["dc", "store"])?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store.location_page(tenant, kind, after, limit + 1).await?;
    Ok(slice(rows, limit))
}

pub async fn suppliers(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    after: Option<&str>,
    limit: i64,
) -> Result<Slice<SupplierListRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store.supplier_page(tenant, after, limit + 1).await?;
    Ok(slice(rows, limit))
}

pub async fn transfers(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    state: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Slice<TransferListRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let names = TransferState::ALL.map(TransferState::as_str);
    let state = one_of("state", state, &names)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store
        .transfer_page(tenant, state, before, limit + 1)
        .await?;
    Ok(slice(rows, limit))
}

pub async fn transfer(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<TransferListRow, EngineError> {
    member.require(Permission::ViewInventory)?;
    store
        .transfer_row(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)
}

/// A purchase order with its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderWithLines {
    pub order: PurchaseOrderListRow,
    pub lines: Vec<PoLineListRow>,
}

async fn with_lines(
    store: &Store,
    tenant: TenantId,
    orders: Vec<PurchaseOrderListRow>,
) -> Result<Vec<OrderWithLines>, EngineError> {
    let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
    let mut by_order: std::collections::HashMap<i64, Vec<PoLineListRow>> =
        std::collections::HashMap::new();
    for line in store.po_line_rows(tenant, &ids).await? {
        by_order.entry(line.po_id).or_default().push(line);
    }
    Ok(orders
        .into_iter()
        .map(|order| {
            let lines = by_order.remove(&order.id).unwrap_or_default();
            OrderWithLines { order, lines }
        })
        .collect())
}

pub async fn purchase_orders(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    state: Option<&str>,
    supplier: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Slice<OrderWithLines>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let names = PoState::ALL.map(PoState::as_str);
    let state = one_of("state", state, &names)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let page = slice(
        store
            .purchase_order_page(tenant, state, supplier, before, limit + 1)
            .await?,
        limit,
    );
    Ok(Slice {
        rows: with_lines(store, tenant, page.rows).await?,
        more: page.more,
    })
}

pub async fn purchase_order(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<OrderWithLines, EngineError> {
    member.require(Permission::ViewInventory)?;
    let order = store
        .purchase_order_row(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    Ok(with_lines(store, tenant, vec![order]).await?.remove(0))
}

pub async fn exceptions(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    state: Option<&str>,
    kind: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Slice<ExceptionListRow>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let state = one_of("state", state, &["open", "resolved"])?;
    let kind = one_of("kind", kind, &EXCEPTION_KINDS)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store
        .exception_page(tenant, state, kind, before, limit + 1)
        .await?;
    Ok(slice(rows, limit))
}

pub async fn exception(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
) -> Result<ExceptionListRow, EngineError> {
    member.require(Permission::ViewInventory)?;
    store
        .exception_row(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)
}

/// Back-in-stock subscriptions (never the shopper's address). Needs
/// [`Permission::ManageBackInStock`].
pub async fn subscriptions(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    state: Option<&str>,
    sku: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Slice<SubscriptionListRow>, EngineError> {
    member.require(Permission::ManageBackInStock)?;
    let state = one_of("state", state, &SUBSCRIPTION_STATES)?;
    let limit = limit.clamp(1, MAX_LIMIT);
    let rows = store
        .subscription_page(tenant, state, sku, before, limit + 1)
        .await?;
    Ok(slice(rows, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_knows_whether_more_follow() {
        assert_eq!(
            slice(vec![1, 2, 3], 2),
            Slice {
                rows: vec![1, 2],
                more: true
            }
        );
        assert_eq!(
            slice(vec![1, 2], 2),
            Slice {
                rows: vec![1, 2],
                more: false
            }
        );
    }

    #[test]
    fn limits_and_filters_are_refused_by_name() {
        assert_eq!(check_limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(check_limit(Some(200)).unwrap(), 200);
        for bad in [0, -1, 201, i64::MAX, i64::MIN] {
            let e = check_limit(Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("limit must be"), "{e}");
        }
        let e = one_of("state", Some("shipped'; --"), &["open"])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("state must be one of open"), "{e}");
        assert_eq!(one_of("state", None, &["open"]).unwrap(), None);
    }
}
