//! `shelfwise simulate`: a stream of point-of-sale events for one tenant, weighted
//! towards one store so that it falls below its reorder points within a minute or two.
//! Events are applied by the same store code as the REST API's (idempotent, each
//! changed position marked for a policy check); a replenishment worker runs in this
//! process too, so suggestions appear even when no server is running.

use std::time::Duration;

use engine::model::{now_ms, EventKind, PositionFilter, StockEvent};
use engine::Store;
use rand::Rng;

pub struct Options {
    pub tenant: String,
    pub store: Option<String>,
    pub per_second: u32,
    pub seconds: u64,
}

pub async fn run(store: Store, o: Options) -> Result<(), Box<dyn std::error::Error>> {
    let tenant = store
        .tenant_by_slug(&o.tenant)
        .await?
        .ok_or_else(|| format!("no tenant with slug {:?}", o.tenant))?;
    let locations = store.locations(tenant.id).await?;
    let stores: Vec<_> = locations.iter().filter(|l| l.kind == "store").collect();
    let focus = match &o.store {
        Some(code) => stores
            .iter()
            .find(|l| &l.code == code)
            .copied()
            .ok_or_else(|| format!("{code:?} is not a store of {}", tenant.slug))?,
        None => *stores.first().ok_or("the tenant has no stores")?,
    };
    let page = store
        .positions(
            tenant.id,
            &PositionFilter {
                location_code: Some(focus.code.clone()),
                per_page: 12,
                ..PositionFilter::default()
            },
        )
        .await?;
    let skus: Vec<&str> = page.rows.iter().map(|r| r.sku.as_str()).collect();
    let products: Vec<i64> = {
        let ids = store.product_ids(tenant.id, &skus).await?;
        skus.iter().filter_map(|s| ids.get(*s).copied()).collect()
    };
    if products.is_empty() {
        return Err("the store has no stock positions to sell from".into());
    }
    println!(
        "Simulating {} sales/s for {} s at {} ({}), mostly of {} products there.",
        o.per_second,
        o.seconds,
        focus.name,
        focus.code,
        products.len()
    );
    println!("Watch the approvals inbox: transfers and orders appear as stock runs low.\n");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let worker =
        engine::replenish::worker(store.clone(), &format!("simulate-{}", std::process::id()));
    let worker = tokio::spawn(worker.run(stop_rx, Duration::from_millis(300)));
    let run_id = now_ms();
    let mut n = 0u64;
    let seen_before = store
        .transfers(tenant.id, None, 1)
        .await?
        .first()
        .map(|t| t.id)
        .unwrap_or(0);
    let po_before = store
        .purchase_orders(tenant.id, None, 1)
        .await?
        .first()
        .map(|p| p.id)
        .unwrap_or(0);
    let (mut last_t, mut last_po) = (seen_before, po_before);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    for second in 0..o.seconds {
        tick.tick().await;
        let mut batch = Vec::new();
        {
            let mut rng = rand::thread_rng();
            for _ in 0..o.per_second {
                n += 1;
                // Four in five sales at the focus store, the rest anywhere.
                let location = if rng.gen_bool(0.8) {
                    focus.id
                } else {
                    stores[rng.gen_range(0..stores.len())].id
                };
                batch.push(StockEvent {
                    source: "simulator".into(),
                    external_id: format!("sim-{run_id}-{n}"),
                    kind: EventKind::Sale,
                    location_id: location,
                    product_id: products[rng.gen_range(0..products.len())],
                    quantity: rng.gen_range(1..=3),
                    occurred_at: now_ms(),
                });
            }
        }
        engine::ingest::apply_events(&store, tenant.id, &batch).await?;
        for t in store
            .transfers(tenant.id, None, 20)
            .await?
            .into_iter()
            .rev()
        {
            if t.id > last_t {
                last_t = t.id;
                println!(
                    "  [{second:>3}s] transfer {} of {} units: {} ({})",
                    t.id,
                    t.quantity,
                    t.state.label(),
                    t.reason
                );
            }
        }
        for po in store
            .purchase_orders(tenant.id, None, 20)
            .await?
            .into_iter()
            .rev()
        {
            if po.id > last_po {
                last_po = po.id;
                println!("  [{second:>3}s] purchase order {} opened; its lines gather until the window closes", po.id);
            }
        }
    }
    let _ = stop_tx.send(true);
    let _ = worker.await;
    println!(
        "\nSent {n} sales. {} new transfers, {} new purchase orders.",
        last_t - seen_before,
        last_po - po_before
    );
    Ok(())
}
