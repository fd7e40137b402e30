//! Transfers before purchases: cover a need from the best donor location first, and buy
//! only the remainder, consolidated per supplier and ship-to within a time window. Pure.

use serde::{Deserialize, Serialize};

use crate::policy::Position;

/// A location that might give stock for a need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub location_id: i64,
    pub region: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub position: Position,
    pub reorder_point: i64,
    /// Units already promised to this location's own transfers that have not shipped:
    /// they are as good as gone, so the same units are never promised twice.
    #[serde(default)]
    pub promised: i64,
}

/// Where the need is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Destination {
    pub location_id: i64,
    pub region: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// How a need will be covered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// (donor location, quantity) when a donor can give anything.
    pub transfer: Option<(i64, i64)>,
    /// What must be bought.
    pub purchase: i64,
}

/// Units a donor can give and still stay above its own reorder point, counting what it
/// has in transit and on order; never more than it physically holds.
pub fn surplus(c: &Candidate) -> i64 {
    let promised = c.promised.max(0);
    let keep_above = c
        .position
        .inventory_position()
        .saturating_sub(promised)
        .saturating_sub(c.reorder_point.saturating_add(1));
    keep_above
        .min(c.position.on_hand.saturating_sub(promised))
        .max(0)
}

/// Great-circle distance in km; unknown coordinates count as farthest.
fn distance_km(a: (Option<f64>, Option<f64>), b: (Option<f64>, Option<f64>)) -> f64 {
    let (Some(la1), Some(lo1), Some(la2), Some(lo2)) = (a.0, a.1, b.0, b.1) else {
        return f64::INFINITY;
    };
    let (p1, p2) = (la1.to_radians(), la2.to_radians());
    let dp = (la2 - la1).to_radians();
    let dl = (lo2 - lo1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Picks the best donor (same region first, then nearest, ties by id) among candidates
/// with a surplus, transfers what it can spare up to `need`, and leaves the rest to buy.
pub fn plan(need: i64, to: &Destination, candidates: &[Candidate]) -> Plan {
    let best = candidates
        .iter()
        .filter(|c| c.location_id != to.location_id && surplus(c) > 0)
        .min_by(|a, b| {
            let key = |c: &Candidate| {
                (
                    c.region != to.region,
                    distance_km((c.latitude, c.longitude), (to.latitude, to.longitude)),
                )
            };
            let (ra, da) = key(a);
            let (rb, db) = key(b);
            ra.cmp(&rb)
                .then(da.total_cmp(&db))
                .then(a.location_id.cmp(&b.location_id))
        });
    match best {
        Some(d) if need > 0 => {
            let give = surplus(d).min(need);
            Plan {
                transfer: Some((d.location_id, give)),
                purchase: need - give,
            }
        }
        _ => Plan {
            transfer: None,
            purchase: need.max(0),
        },
    }
}

/// Purchase lines for the same supplier and ship-to within one window share a PO.
pub fn po_consolidation_key(
    tenant_id: i64,
    supplier_id: i64,
    ship_to: i64,
    now: i64,
    window_ms: i64,
) -> String {
    let window = window_ms.max(1);
    format!(
        "po:{tenant_id}:{supplier_id}:{ship_to}:{}",
        now - now.rem_euclid(window)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: i64, region: &str, lat: f64, on_hand: i64, in_transit: i64, rop: i64) -> Candidate {
        Candidate {
            location_id: id,
            region: region.into(),
            latitude: Some(lat),
            longitude: Some(5.0),
            position: Position {
                on_hand,
                in_transit,
                on_order: 0,
            },
            reorder_point: rop,
            promised: 0,
        }
    }

    fn dest() -> Destination {
        Destination {
            location_id: 1,
            region: "north".into(),
            latitude: Some(52.0),
            longitude: Some(5.0),
        }
    }

    #[test]
    fn a_donor_stays_above_its_own_reorder_point() {
        assert_eq!(surplus(&cand(2, "north", 52.1, 30, 0, 10)), 19);
        assert_eq!(
            surplus(&cand(2, "north", 52.1, 5, 20, 10)),
            5,
            "cannot ship what is still in transit"
        );
        assert_eq!(surplus(&cand(2, "north", 52.1, 10, 0, 10)), 0);
    }

    #[test]
    fn same_region_beats_a_nearer_store_elsewhere_then_nearest_wins() {
        let cands = [
            cand(2, "south", 52.01, 50, 0, 10), // nearest, other region
            cand(3, "north", 53.0, 50, 0, 10),  // same region, far
            cand(4, "north", 52.5, 50, 0, 10),  // same region, nearer
        ];
        assert_eq!(
            plan(12, &dest(), &cands),
            Plan {
                transfer: Some((4, 12)),
                purchase: 0
            }
        );
    }

    #[test]
    fn only_the_remainder_is_bought() {
        let cands = [cand(2, "north", 52.1, 15, 0, 10)];
        assert_eq!(
            plan(12, &dest(), &cands),
            Plan {
                transfer: Some((2, 4)),
                purchase: 8
            }
        );
    }

    #[test]
    fn with_no_donor_everything_is_bought() {
        let cands = [
            cand(2, "north", 52.1, 10, 0, 10),
            cand(1, "north", 52.0, 99, 0, 0),
        ];
        assert_eq!(
            plan(12, &dest(), &cands),
            Plan {
                transfer: None,
                purchase: 12
            },
            "the destination never donates to itself"
        );
        assert_eq!(plan(0, &dest(), &cands).purchase, 0);
    }

    #[test]
    fn lines_in_one_window_share_a_po() {
        let w = 3_600_000;
        let a = po_consolidation_key(1, 7, 3, 10 * w + 5, w);
        assert_eq!(a, po_consolidation_key(1, 7, 3, 10 * w + w - 1, w));
        assert_ne!(a, po_consolidation_key(1, 7, 3, 11 * w, w));
        assert_ne!(a, po_consolidation_key(1, 8, 3, 10 * w + 5, w));
    }

    #[test]
    fn units_already_promised_are_not_promised_again() {
        // 60 on hand, reorder point 10: 49 to spare; 40 already promised leaves 9.
        let mut d = cand(2, "north", 52.0, 60, 0, 10);
        assert_eq!(surplus(&d), 49);
        d.promised = 40;
        assert_eq!(surplus(&d), 9);
        d.promised = 100;
        assert_eq!(surplus(&d), 0);
    }
}
