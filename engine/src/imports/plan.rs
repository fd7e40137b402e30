//! What a checked file would change: each row compared with what the tenant has now
//! (new, changed with each field's old and new value, or the same), and the references
//! a row makes (a supplier, a location, a SKU, a class) checked against the tenant's.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::rows::{ImportKind, Parsed, Row, RowError};
use crate::model::TenantId;
use crate::recorded::Recorded;
use crate::replenish::PolicySettings;
use crate::store::listing::PositionKeyset;
use crate::store::Store;

/// New and changed rows shown in a report (the rest are counted).
pub const MAX_SHOWN: usize = 200;
/// Rows compared between two progress notes.
pub const PROGRESS_EVERY: usize = 10_000;

/// What the check found: the counts, every problem (up to a bound), and the first rows
/// that would change, field by field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub total: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    pub more_errors: usize,
    pub changes: Vec<Change>,
    pub more_changes: usize,
    /// A digest of every change the check found (not only those shown): an apply that
    /// finds another set changes nothing and asks for a new check.
    #[serde(default)]
    pub fingerprint: String,
    /// Set when an apply failed: why, in a sentence (in English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// The same as recorded, read in each reader's language (`None` in a report stored
    /// before failures were recorded so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_words: Option<Recorded>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.more_errors == 0 && self.total > 0
    }

    /// Records why nothing was applied: `words`, with its English in `failure`.
    pub fn fail(&mut self, words: Recorded) {
        self.failure = Some(words.english());
        self.failure_words = Some(words);
    }

    /// Why nothing was applied, in `lang`, and whether it is only the English of an
    /// older report (to be marked `lang="en"`).
    pub fn failure_text(&self, lang: i18n::Lang) -> Option<(String, bool)> {
        if self.failure.is_none() && self.failure_words.is_none() {
            return None;
        }
        let english = self.failure.as_deref().unwrap_or_default();
        Some(crate::recorded::shown_one(
            english,
            self.failure_words.as_ref(),
            lang,
        ))
    }
}

/// One row that would change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub row: usize,
    /// What the row is about: a SKU, a code, `location / sku`, `class / location`.
    pub key: String,
    /// `new` or `change`.
    pub action: String,
    /// For a change: `field: old → new`, each field that differs.
    pub fields: Vec<String>,
}

/// A row's fields by name, as text.
type Fields = Vec<(String, String)>;

/// The tenant's current data a file of one kind is compared with.
#[derive(Default)]
pub(crate) struct Current {
    products: HashMap<String, Fields>,
    locations: HashMap<String, Fields>,
    suppliers: HashMap<String, Fields>,
    /// (location code, sku) → on hand.
    on_hand: HashMap<(String, String), i64>,
    location_codes: HashSet<String>,
    skus: HashSet<String>,
    supplier_codes: HashSet<String>,
    classes: HashSet<String>,
    /// (class, location code or `*`) → settings.
    policies: HashMap<(String, String), PolicySettings>,
}

const ALL: i64 = 10_000_000;

/// Reads what a file of `kind` is compared with, in a few statements.
pub(crate) async fn current(
    store: &Store,
    tenant: TenantId,
    kind: ImportKind,
) -> Result<Current, sqlx::Error> {
    let mut c = Current::default();
    let locations = store.location_page(tenant, None, None, ALL).await?;
    c.location_codes = locations.iter().map(|l| l.code.clone()).collect();
    match kind {
        ImportKind::Products => {
            let suppliers = store.supplier_page(tenant, None, ALL).await?;
            c.supplier_codes = suppliers.into_iter().map(|s| s.code).collect();
            for p in store.product_page(tenant, None, None, ALL).await? {
                let fields = vec![
                    ("name".into(), p.name),
                    ("class".into(), p.class),
                    ("cost_minor".into(), p.cost_minor.to_string()),
                    ("price_minor".into(), p.price_minor.to_string()),
                    ("supplier".into(), p.supplier_code.unwrap_or_default()),
                ];
                c.products.insert(p.sku, fields);
            }
        }
        ImportKind::Locations => {
            for l in locations {
                let fields = vec![
                    ("name".into(), l.name),
                    ("kind".into(), l.kind),
                    ("region".into(), l.region),
                    ("address".into(), l.address),
                ];
                c.locations.insert(l.code, fields);
            }
        }
        ImportKind::Suppliers => {
            for s in store.supplier_page(tenant, None, ALL).await? {
                let fields = vec![
                    ("name".into(), s.name),
                    ("email".into(), s.email),
                    ("lead_time_days".into(), s.lead_time_days.to_string()),
                ];
                c.suppliers.insert(s.code, fields);
            }
        }
        ImportKind::StockCounts => {
            let products = store.product_page(tenant, None, None, ALL).await?;
            c.skus = products.into_iter().map(|p| p.sku).collect();
            let keys = PositionKeyset::default();
            for p in store.position_page(tenant, &keys, ALL).await? {
                c.on_hand.insert((p.location_code, p.sku), p.on_hand);
            }
        }
        ImportKind::Policies => {
            c.classes = store.product_classes(tenant).await?.into_iter().collect();
            let codes: HashMap<i64, String> = store
                .locations(tenant)
                .await?
                .into_iter()
                .map(|l| (l.id, l.code))
                .collect();
            for p in store.policies(tenant).await? {
                let at = match p.location_id {
                    Some(id) => codes.get(&id).cloned().unwrap_or_default(),
                    None => "*".into(),
                };
                if let Ok(settings) = serde_json::from_str(&p.settings) {
                    c.policies.insert((p.class, at), settings);
                }
            }
        }
    }
    Ok(c)
}

/// An optional column the file leaves out keeps what the tenant has (a file of
/// products without `supplier` changes no product's supplier; locations without
/// `address`, no address).
pub(crate) fn keep_absent(parsed: &mut Parsed, current: &Current) {
    let has = |c: &str| parsed.columns.iter().any(|n| n == c);
    let (supplier, address) = (has("supplier"), has("address"));
    let field = |fields: Option<&Vec<(String, String)>>, name: &str| {
        fields
            .and_then(|f| f.iter().find(|(n, _)| n == name))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    for (_, row) in &mut parsed.rows {
        match row {
            Row::Product(p) if !supplier => {
                let was = field(current.products.get(&p.sku), "supplier");
                p.supplier_code = (!was.is_empty()).then_some(was);
            }
            Row::Location(l) if !address => {
                l.address = field(current.locations.get(&l.code), "address");
            }
            Row::Policy {
                class,
                location,
                settings,
            } => {
                // Promotions are not in the file's columns: the policy keeps its own,
                // and a forecast-driven one its two switches when their columns are out.
                let at = location.clone().unwrap_or_else(|| "*".into());
                if let Some(was) = current.policies.get(&(class.clone(), at)) {
                    settings.uplifts = was.uplifts.clone();
                    let forecast = settings.method == crate::replenish::Method::Forecast;
                    if !has("spread_service") {
                        settings.spread_service = forecast && was.spread_service;
                    }
                    if !has("order_cycle") {
                        settings.order_cycle = forecast && was.order_cycle;
                    }
                }
            }
            _ => {}
        }
    }
}

fn differences(old: &[(String, String)], new: &[(&str, String)]) -> Vec<String> {
    new.iter()
        .filter_map(|(name, value)| {
            let was = old.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
            (was != Some(value.as_str()))
                .then(|| format!("{name}: {} → {}", was.unwrap_or(""), value))
        })
        .collect()
}

/// Compares one row with the tenant's data: the references it makes must exist; then
/// `None` for a row that changes nothing, or what it would change.
fn compare(c: &Current, row: usize, r: &Row, errors: &mut Vec<RowError>) -> Option<Option<Change>> {
    let mut refuse = |column: &str, id: &str, name: &str, value: &str| {
        let words = Recorded::new(id, &[(name, value.to_string())]);
        errors.push(RowError::new(row, column, words));
    };
    let (old, new): (Option<&Fields>, Vec<(&str, String)>) = match r {
        Row::Product(p) => {
            if let Some(s) = &p.supplier_code {
                if !c.supplier_codes.contains(s) {
                    refuse("supplier", "imp-no-supplier", "code", s.as_str());
                    return None;
                }
            }
            let new = vec![
                ("name", p.name.clone()),
                ("class", p.class.clone()),
                ("cost_minor", p.cost_minor.to_string()),
                ("price_minor", p.price_minor.to_string()),
                ("supplier", p.supplier_code.clone().unwrap_or_default()),
            ];
            (c.products.get(&p.sku), new)
        }
        Row::Location(l) => {
            let new = vec![
                ("name", l.name.clone()),
                ("kind", l.kind.clone()),
                ("region", l.region.clone()),
                ("address", l.address.clone()),
            ];
            (c.locations.get(&l.code), new)
        }
        Row::Supplier(s) => {
            let new = vec![
                ("name", s.name.clone()),
                ("email", s.email.clone()),
                ("lead_time_days", s.lead_time_days.to_string()),
            ];
            (c.suppliers.get(&s.code), new)
        }
        Row::Count {
            location,
            sku,
            on_hand,
        } => {
            if !c.location_codes.contains(location) {
                refuse("location", "imp-no-location", "code", location.as_str());
                return None;
            }
            if !c.skus.contains(sku) {
                refuse("sku", "imp-no-sku", "sku", sku.as_str());
                return None;
            }
            let was = c.on_hand.get(&(location.clone(), sku.clone()));
            return Some(match was {
                Some(w) if w == on_hand => None,
                _ => Some(Change {
                    row,
                    key: r.key(),
                    action: if was.is_some() { "change" } else { "new" }.into(),
                    fields: vec![format!(
                        "on_hand: {} → {on_hand}",
                        was.map(i64::to_string).unwrap_or_default()
                    )],
                }),
            });
        }
        Row::Policy {
            class,
            location,
            settings,
        } => {
            if class != "*" && !c.classes.contains(class) {
                refuse("class", "imp-no-class", "class", class.as_str());
                return None;
            }
            if let Some(l) = location {
                if !c.location_codes.contains(l) {
                    refuse("location", "imp-no-location", "code", l.as_str());
                    return None;
                }
            }
            let at = location.clone().unwrap_or_else(|| "*".into());
            let was = c.policies.get(&(class.clone(), at));
            return Some(match was {
                Some(w) if w == settings => None,
                _ => Some(Change {
                    row,
                    key: r.key(),
                    action: if was.is_some() { "change" } else { "new" }.into(),
                    fields: policy_fields(was, settings),
                }),
            });
        }
    };
    Some(match old {
        None => Some(Change {
            row,
            key: r.key(),
            action: "new".into(),
            fields: new.iter().map(|(n, v)| format!("{n}: {v}")).collect(),
        }),
        Some(old) => {
            let fields = differences(old, &new);
            (!fields.is_empty()).then(|| Change {
                row,
                key: r.key(),
                action: "change".into(),
                fields,
            })
        }
    })
}

fn policy_fields(was: Option<&PolicySettings>, now: &PolicySettings) -> Vec<String> {
    let as_map = |s: &PolicySettings| -> Vec<(String, String)> {
        match serde_json::to_value(s) {
            Ok(serde_json::Value::Object(m)) => {
                m.into_iter().map(|(k, v)| (k, v.to_string())).collect()
            }
            _ => Vec::new(),
        }
    };
    let old = was.map(as_map).unwrap_or_default();
    let new = as_map(now);
    let new: Vec<(&str, String)> = new.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    differences(&old, &new)
}

/// The report of a parsed file against `current`; `progress` is told every
/// [`PROGRESS_EVERY`] rows.
pub(crate) async fn report<F, Fut>(parsed: &Parsed, current: &Current, mut progress: F) -> Report
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut r = Report {
        total: parsed.total,
        errors: parsed.errors.clone(),
        more_errors: parsed.more_errors,
        ..Report::default()
    };
    let mut refused = Vec::new();
    let mut digest = Sha256::new();
    for (i, (row, parsed_row)) in parsed.rows.iter().enumerate() {
        if i > 0 && i % PROGRESS_EVERY == 0 {
            progress(i).await;
        }
        match compare(current, *row, parsed_row, &mut refused) {
            None => {}
            Some(None) => r.unchanged += 1,
            Some(Some(change)) => {
                digest.update(format!(
                    "{}\u{1f}{}\u{1f}{}\n",
                    change.row,
                    change.action,
                    change.fields.join("\u{1f}")
                ));
                if change.action == "new" {
                    r.new += 1;
                } else {
                    r.changed += 1;
                }
                if r.changes.len() < MAX_SHOWN {
                    r.changes.push(change);
                } else {
                    r.more_changes += 1;
                }
            }
        }
    }
    for e in refused {
        if r.errors.len() < super::rows::MAX_ERRORS {
            r.errors.push(e);
        } else {
            r.more_errors += 1;
        }
    }
    r.errors.sort_by_key(|e| e.row);
    r.fingerprint = hex::encode(digest.finalize());
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn progress_is_told_as_rows_are_compared_and_counts_add_up() {
        let mut text = String::from("location,sku,on_hand\n");
        for i in 0..25_000 {
            text.push_str(&format!("S1,SKU-{i},{}\n", i % 7));
        }
        let parsed = super::super::rows::parse(ImportKind::StockCounts, &text);
        assert_eq!(parsed.rows.len(), 25_000);
        let mut current = Current::default();
        current.location_codes.insert("S1".into());
        for i in 0..25_000 {
            current.skus.insert(format!("SKU-{i}"));
        }
        current.on_hand.insert(("S1".into(), "SKU-0".into()), 0);
        current.on_hand.insert(("S1".into(), "SKU-1".into()), 9);
        let told = std::cell::RefCell::new(Vec::new());
        let r = report(&parsed, &current, |n| {
            told.borrow_mut().push(n);
            async {}
        })
        .await;
        assert_eq!(*told.borrow(), [10_000, 20_000]);
        assert_eq!((r.unchanged, r.changed, r.new), (1, 1, 24_998));
        assert_eq!(r.changes.len(), MAX_SHOWN);
        assert_eq!(r.more_changes, 24_999 - MAX_SHOWN);
        assert!(r.is_valid());
        assert_eq!(r.changes[0].fields, ["on_hand: 9 → 1"]);
    }

    #[tokio::test]
    async fn references_the_tenant_lacks_are_errors_by_row_and_column() {
        let parsed = super::super::rows::parse(
            ImportKind::StockCounts,
            "location,sku,on_hand\nS1,A,1\nS9,A,1\nS1,ZZ,1\n",
        );
        let mut current = Current::default();
        current.location_codes.insert("S1".into());
        current.skus.insert("A".into());
        let r = report(&parsed, &current, |_| async {}).await;
        let at: Vec<(usize, &str)> = r
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_str()))
            .collect();
        assert_eq!(at, [(3, "location"), (4, "sku")]);
        assert!(!r.is_valid());
        assert_eq!(r.errors[0].message, "no location has the code S9");
        let de = r.errors[0].text(i18n::Lang::De);
        assert_eq!(de, ("kein Standort hat den Code S9".to_string(), false));
    }
}
