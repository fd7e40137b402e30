//! CSV exports ([`Permission::ViewInventory`]): products, locations, suppliers, stock
//! counts and policies in exactly the shape their import takes (so a file can be
//! exported, edited and imported back), and stock positions, transfers and purchase
//! orders (one row per line) for reading elsewhere.

use crate::error::EngineError;
use crate::model::{Member, Permission, TenantId};
use crate::replenish::PolicySettings;
use crate::store::listing::PositionKeyset;
use crate::store::Store;

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Products,
    Locations,
    Suppliers,
    StockCounts,
    Policies,
    Positions,
    Transfers,
    PurchaseOrders,
}

impl ExportKind {
    pub const ALL: [ExportKind; 8] = [
        ExportKind::Products,
        ExportKind::Locations,
        ExportKind::Suppliers,
        ExportKind::StockCounts,
        ExportKind::Policies,
        ExportKind::Positions,
        ExportKind::Transfers,
        ExportKind::PurchaseOrders,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Products => "products",
            ExportKind::Locations => "locations",
            ExportKind::Suppliers => "suppliers",
            ExportKind::StockCounts => "stock_counts",
            ExportKind::Policies => "policies",
            ExportKind::Positions => "positions",
            ExportKind::Transfers => "transfers",
            ExportKind::PurchaseOrders => "purchase_orders",
        }
    }

    pub fn parse(s: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Products => "Products",
            ExportKind::Locations => "Locations",
            ExportKind::Suppliers => "Suppliers",
            ExportKind::StockCounts => "Stock counts (on hand)",
            ExportKind::Policies => "Replenishment policies",
            ExportKind::Positions => "Stock positions (all figures)",
            ExportKind::Transfers => "Transfers",
            ExportKind::PurchaseOrders => "Purchase orders (one row per line)",
        }
    }
}

const ALL: i64 = 10_000_000;

fn csv_of(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<String, EngineError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail =
        |e: csv::Error| EngineError::invalid("err-export-failed", &[("error", e.to_string())]);
    w.write_record(header).map_err(fail)?;
    for r in rows {
        // A cell a spreadsheet would run as a formula is written as text.
        let safe: Vec<String> = r
            .into_iter()
            .map(|c| {
                if c.starts_with(['=', '+', '@', '\t', '\r'])
                    || (c.starts_with('-') && c.parse::<f64>().is_err())
                {
                    format!("'{c}")
                } else {
                    c
                }
            })
            .collect();
        w.write_record(&safe).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| EngineError::invalid("err-export-failed", &[("error", e.to_string())]))?;
    String::from_utf8(bytes).map_err(|_| EngineError::invalid("err-export-not-text", &[]))
}

fn opt(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// The tenant's `kind` as CSV text.
pub async fn export(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    kind: ExportKind,
) -> Result<String, EngineError> {
    member.require(Permission::ViewInventory)?;
    match kind {
        ExportKind::Products => {
            let rows = store.product_page(tenant, None, None, ALL).await?;
            csv_of(
                &[
                    "sku",
                    "name",
                    "class",
                    "cost_minor",
                    "price_minor",
                    "supplier",
                ],
                rows.into_iter().map(|p| {
                    vec![
                        p.sku,
                        p.name,
                        p.class,
                        p.cost_minor.to_string(),
                        p.price_minor.to_string(),
                        p.supplier_code.unwrap_or_default(),
                    ]
                }),
            )
        }
        ExportKind::Locations => {
            let rows = store.location_page(tenant, None, None, ALL).await?;
            csv_of(
                &["code", "name", "kind", "region", "address"],
                rows.into_iter()
                    .map(|l| vec![l.code, l.name, l.kind, l.region, l.address]),
            )
        }
        ExportKind::Suppliers => {
            let rows = store.supplier_page(tenant, None, ALL).await?;
            csv_of(
                &["code", "name", "email", "lead_time_days"],
                rows.into_iter()
                    .map(|s| vec![s.code, s.name, s.email, s.lead_time_days.to_string()]),
            )
        }
        ExportKind::StockCounts | ExportKind::Positions => {
            let rows = store
                .position_page(tenant, &PositionKeyset::default(), ALL)
                .await?;
            if kind == ExportKind::StockCounts {
                return csv_of(
                    &["location", "sku", "on_hand"],
                    rows.into_iter()
                        .map(|p| vec![p.location_code, p.sku, p.on_hand.to_string()]),
                );
            }
            csv_of(
                &[
                    "location",
                    "sku",
                    "product",
                    "class",
                    "on_hand",
                    "in_transit",
                    "on_order",
                    "reorder_point",
                    "order_up_to",
                    "levels_source",
                    "low",
                ],
                rows.into_iter().map(|p| {
                    vec![
                        p.location_code,
                        p.sku,
                        p.product_name,
                        p.class,
                        p.on_hand.to_string(),
                        p.in_transit.to_string(),
                        p.on_order.to_string(),
                        p.reorder_point.to_string(),
                        p.order_up_to.to_string(),
                        p.levels_source,
                        p.low.to_string(),
                    ]
                }),
            )
        }
        ExportKind::Policies => {
            let codes: std::collections::HashMap<i64, String> = store
                .locations(tenant)
                .await?
                .into_iter()
                .map(|l| (l.id, l.code))
                .collect();
            let mut rows = Vec::new();
            for p in store.policies(tenant).await? {
                let Ok(s) = serde_json::from_str::<PolicySettings>(&p.settings) else {
                    continue;
                };
                let method = serde_json::to_value(s.method)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                rows.push(vec![
                    p.class,
                    p.location_id
                        .and_then(|id| codes.get(&id).cloned())
                        .unwrap_or_default(),
                    method,
                    s.safety_stock.to_string(),
                    s.case_pack.to_string(),
                    s.moq.to_string(),
                    s.service_z.to_string(),
                    opt(s.lead_time_days),
                    opt(s.reorder_point),
                    opt(s.order_up_to),
                    s.dc_multiplier.to_string(),
                    s.compute_reorder_point.to_string(),
                    s.service_level.map(|v| v.to_string()).unwrap_or_default(),
                    s.cover_days.to_string(),
                    s.spread_service.to_string(),
                    s.order_cycle.to_string(),
                ]);
            }
            csv_of(
                &[
                    "class",
                    "location",
                    "method",
                    "safety_stock",
                    "case_pack",
                    "moq",
                    "service_z",
                    "lead_time_days",
                    "reorder_point",
                    "order_up_to",
                    "dc_multiplier",
                    "compute_reorder_point",
                    "service_level",
                    "cover_days",
                    "spread_service",
                    "order_cycle",
                ],
                rows.into_iter(),
            )
        }
        ExportKind::Transfers => {
            let rows = store.transfer_page(tenant, None, None, ALL).await?;
            csv_of(
                &[
                    "id",
                    "sku",
                    "from_location",
                    "to_location",
                    "quantity",
                    "shipped",
                    "received",
                    "unit_cost_minor",
                    "state",
                    "reason",
                    "created_at",
                    "updated_at",
                ],
                rows.into_iter().map(|t| {
                    vec![
                        t.id.to_string(),
                        t.sku,
                        t.from_location,
                        t.to_location,
                        t.quantity.to_string(),
                        t.shipped.to_string(),
                        t.received.to_string(),
                        t.unit_cost_minor.to_string(),
                        t.state,
                        t.reason,
                        t.created_at.to_string(),
                        t.updated_at.to_string(),
                    ]
                }),
            )
        }
        ExportKind::PurchaseOrders => {
            let orders = store
                .purchase_order_page(tenant, None, None, None, ALL)
                .await?;
            let ids: Vec<i64> = orders.iter().map(|o| o.id).collect();
            let mut lines: std::collections::HashMap<i64, Vec<_>> = Default::default();
            for l in store.po_line_rows(tenant, &ids).await? {
                lines.entry(l.po_id).or_default().push(l);
            }
            let mut rows = Vec::new();
            for o in orders {
                for l in lines.remove(&o.id).unwrap_or_default() {
                    rows.push(vec![
                        o.id.to_string(),
                        o.supplier.clone(),
                        o.ship_to.clone(),
                        o.state.clone(),
                        l.sku,
                        l.quantity.to_string(),
                        l.unit_cost_minor.to_string(),
                        l.shipped.to_string(),
                        l.received.to_string(),
                        opt(l.promised_on.or(o.promised_on)),
                        opt(o.sent_at),
                        o.created_at.to_string(),
                    ]);
                }
            }
            csv_of(
                &[
                    "order",
                    "supplier",
                    "ship_to",
                    "state",
                    "sku",
                    "quantity",
                    "unit_cost_minor",
                    "shipped",
                    "received",
                    "promised_on",
                    "sent_at",
                    "created_at",
                ],
                rows.into_iter(),
            )
        }
    }
}
