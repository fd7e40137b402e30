//! Tenant provisioning from `tenants/<slug>.toml`. Seeding is idempotent: running it again
//! updates names and settings but never resets live stock or existing passwords.
//!
//! Size: the tenant file's format, its checks and the seeding steps (which provisioning
//! a partner's client runs one by one) are one thing to read.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::identity::{check_new_password, hash_password_blocking, normalise_email};
use crate::limits::{within, MAX_DC_MULTIPLIER, MAX_LEAD_TIME_DAYS, MAX_LEVEL, MAX_MONEY_MINOR};
use crate::model::{LocationKind, Role, TenantId};
use crate::store::{LocationRecord, PositionSeed, ProductRecord, Store, SupplierRecord};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantFile {
    pub slug: String,
    pub name: String,
    pub theme: String,
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Custom domains (the `<slug>.<base domain>` subdomain needs no entry).
    #[serde(default)]
    pub domains: Vec<String>,
    pub partner: Option<PartnerFile>,
    /// `partner` for a partner's console (it needs `[partner]`), `platform` for the
    /// platform's; a retailer's portal by default.
    #[serde(default)]
    pub kind: crate::model::TenantKind,
    #[serde(default)]
    pub locations: Vec<LocationFile>,
    #[serde(default)]
    pub suppliers: Vec<SupplierFile>,
    /// Starting reorder point and order-up-to level per product class, for a store;
    /// a DC holds `dc_multiplier` times as much.
    #[serde(default)]
    pub policies: BTreeMap<String, PolicyFile>,
    #[serde(default)]
    pub products: Vec<ProductFile>,
    #[serde(default)]
    pub users: Vec<UserFile>,
    /// The starting approval matrix (kept once the tenant admin has saved one).
    pub approval: Option<ApprovalFile>,
    /// The suppliers' clocks: working time and the acknowledgement clock (the defaults
    /// of [`crate::sla::SupplierSla`] when absent).
    pub supplier_sla: Option<crate::sla::SupplierSla>,
    /// Back-in-stock settings to start from (kept once the tenant admin has saved
    /// some); alerts are off without them.
    pub back_in_stock: Option<crate::alert_settings::Settings>,
}

/// The approval matrix as written in a tenant file (see `engine::approval::Matrix`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalFile {
    #[serde(default = "default_window")]
    pub po_window_minutes: i64,
    pub auto_approve_limit_minor: i64,
    pub default_steps: Vec<crate::approval::Step>,
    #[serde(default)]
    pub rules: Vec<crate::approval::Rule>,
}

fn default_window() -> i64 {
    60
}

impl ApprovalFile {
    pub fn matrix(&self) -> crate::approval::Matrix {
        crate::approval::Matrix {
            rules: self.rules.clone(),
            auto_approve_limit_minor: self.auto_approve_limit_minor,
            default_steps: self.default_steps.clone(),
        }
    }
}

fn default_currency() -> String {
    "EUR".into()
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerFile {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationFile {
    pub code: String,
    pub name: String,
    /// The delivery address suppliers see on orders (optional).
    #[serde(default)]
    pub address: String,
    pub kind: LocationKind,
    pub region: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplierFile {
    pub code: String,
    pub name: String,
    pub email: String,
    pub lead_time_days: i64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    pub reorder_point: i64,
    pub order_up_to: i64,
    #[serde(default = "default_dc_multiplier")]
    pub dc_multiplier: i64,
    /// Replenishment settings for the class (see `engine::replenish::PolicySettings`).
    #[serde(default)]
    pub case_pack: Option<i64>,
    #[serde(default)]
    pub moq: Option<i64>,
    #[serde(default)]
    pub safety_stock: Option<i64>,
    #[serde(default)]
    pub lead_time_days: Option<i64>,
    #[serde(default)]
    pub method: Option<crate::replenish::Method>,
    #[serde(default)]
    pub compute_reorder_point: Option<bool>,
}

impl PolicyFile {
    pub fn settings(&self) -> crate::replenish::PolicySettings {
        let d = crate::replenish::PolicySettings::default();
        crate::replenish::PolicySettings {
            method: self.method.unwrap_or(d.method),
            compute_reorder_point: self.compute_reorder_point.unwrap_or(false),
            safety_stock: self.safety_stock.unwrap_or(0),
            lead_time_days: self.lead_time_days,
            case_pack: self.case_pack.unwrap_or(1),
            moq: self.moq.unwrap_or(0),
            // The class levels the tenant file gives: positions first seen in a stock
            // event take them.
            reorder_point: Some(self.reorder_point),
            order_up_to: Some(self.order_up_to),
            dc_multiplier: self.dc_multiplier,
            ..d
        }
    }
}

fn default_dc_multiplier() -> i64 {
    8
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductFile {
    pub sku: String,
    pub name: String,
    pub class: String,
    pub cost_minor: i64,
    pub price_minor: i64,
    pub supplier: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserFile {
    pub email: String,
    pub name: String,
    /// Demo only: real tenants invite users instead.
    pub password: String,
    pub roles: Vec<Role>,
    /// The supplier code a `supplier` user answers for (required with that role, and
    /// only with it).
    #[serde(default)]
    pub supplier: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

pub(crate) fn is_slug(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl TenantFile {
    pub fn parse(text: &str, path: &Path) -> Result<TenantFile, SeedError> {
        let invalid = |message: String| SeedError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let file: TenantFile = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        file.validate().map_err(invalid)?;
        Ok(file)
    }

    fn validate(&self) -> Result<(), String> {
        if !is_slug(&self.slug) {
            return Err(format!(
                "slug {:?} must be 2-40 lowercase letters, digits or hyphens",
                self.slug
            ));
        }
        if self.kind == crate::model::TenantKind::Partner && self.partner.is_none() {
            return Err("a partner's console (kind = \"partner\") needs a [partner] table".into());
        }
        if let Some(p) = &self.partner {
            if !is_slug(&p.slug) {
                return Err(format!(
                    "partner.slug {:?} must be 2-40 lowercase letters, digits or hyphens",
                    p.slug
                ));
            }
        }
        let mut seen = HashSet::new();
        for (i, l) in self.locations.iter().enumerate() {
            if !seen.insert(l.code.as_str()) {
                return Err(format!("locations[{i}].code {:?} is used twice", l.code));
            }
        }
        let suppliers: HashSet<&str> = self.suppliers.iter().map(|s| s.code.as_str()).collect();
        if suppliers.len() != self.suppliers.len() {
            return Err("suppliers: a code is used twice".into());
        }
        let mut skus = HashSet::new();
        for (i, p) in self.products.iter().enumerate() {
            if !skus.insert(p.sku.as_str()) {
                return Err(format!("products[{i}].sku {:?} is used twice", p.sku));
            }
            if let Some(s) = &p.supplier {
                if !suppliers.contains(s.as_str()) {
                    return Err(format!(
                        "products[{i}].supplier {s:?} is not a supplier code of this tenant"
                    ));
                }
            }
            within(
                &format!("products[{i}].cost_minor"),
                p.cost_minor,
                0,
                MAX_MONEY_MINOR,
            )?;
            within(
                &format!("products[{i}].price_minor"),
                p.price_minor,
                0,
                MAX_MONEY_MINOR,
            )?;
        }
        for (i, s) in self.suppliers.iter().enumerate() {
            within(
                &format!("suppliers[{i}].lead_time_days"),
                s.lead_time_days,
                0,
                MAX_LEAD_TIME_DAYS,
            )?;
        }
        for (class, p) in &self.policies {
            let at = |f: &str| format!("policies.{class}.{f}");
            within(&at("reorder_point"), p.reorder_point, 0, MAX_LEVEL)?;
            within(&at("order_up_to"), p.order_up_to, 0, MAX_LEVEL)?;
            // A DC holds dc_multiplier times a store's levels: that must stay in range.
            within(&at("dc_multiplier"), p.dc_multiplier, 1, MAX_DC_MULTIPLIER)?;
            within(
                &at("order_up_to x dc_multiplier"),
                p.order_up_to.saturating_mul(p.dc_multiplier),
                0,
                MAX_LEVEL,
            )?;
            p.settings().validate().map_err(|e| at(e.as_str()))?;
        }
        if let Some(a) = &self.approval {
            within("approval.po_window_minutes", a.po_window_minutes, 1, 10_080)?;
        }
        if let Some(b) = &self.back_in_stock {
            b.validate().map_err(|e| format!("back_in_stock: {e}"))?;
        }
        if let Some(sla) = &self.supplier_sla {
            sla.validate().map_err(|e| format!("supplier_sla.{e}"))?;
        }
        for (i, u) in self.users.iter().enumerate() {
            if !u.email.contains('@') {
                return Err(format!(
                    "users[{i}].email {:?} is not an e-mail address",
                    u.email
                ));
            }
            check_new_password(&u.password).map_err(|why| format!("users[{i}].password {why}"))?;
            if u.roles.is_empty() {
                return Err(format!("users[{i}].roles must name at least one role"));
            }
            match (&u.supplier, u.roles.contains(&Role::Supplier)) {
                (Some(s), true) if !suppliers.contains(s.as_str()) => {
                    return Err(format!(
                        "users[{i}].supplier {s:?} is not a supplier code of this tenant"
                    ))
                }
                (Some(_), true) | (None, false) => {}
                (None, true) => {
                    return Err(format!(
                    "users[{i}].supplier must name the supplier code a supplier user answers for"
                ))
                }
                (Some(_), false) => {
                    return Err(format!(
                        "users[{i}].supplier is only for users with the supplier role"
                    ))
                }
            }
        }
        Ok(())
    }

    /// Reads every `*.toml` under `dir`, sorted by file name.
    pub fn load_dir(dir: &Path) -> Result<Vec<TenantFile>, SeedError> {
        let io = |source| SeedError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).map_err(|source| SeedError::Io {
                    path: p.clone(),
                    source,
                })?;
                TenantFile::parse(&text, p)
            })
            .collect()
    }
}

impl TenantFile {
    /// A synthetic tenant for benchmarks: `skus` products at each of `stores` stores and
    /// one DC, with one planner (`planner@<slug>.example`, password `<slug>-bench-pass`).
    pub fn synthetic(slug: &str, skus: usize, stores: usize) -> TenantFile {
        const CLASSES: [&str; 8] = [
            "dairy",
            "bakery",
            "produce",
            "frozen",
            "pantry",
            "beverages",
            "household",
            "snacks",
        ];
        let mut locations = vec![LocationFile {
            code: "DC-1".into(),
            name: "Central DC".into(),
            address: String::new(),
            kind: LocationKind::Dc,
            region: "central".into(),
            latitude: None,
            longitude: None,
        }];
        locations.extend((1..=stores).map(|i| LocationFile {
            code: format!("S-{i:03}"),
            name: format!("Store {i}"),
            address: String::new(),
            kind: LocationKind::Store,
            region: ["north", "south", "east", "west"][i % 4].into(),
            latitude: None,
            longitude: None,
        }));
        let products = (1..=skus)
            .map(|i| ProductFile {
                sku: format!("SKU-{i:06}"),
                name: format!("Article {i} {}", CLASSES[i % 8]),
                class: CLASSES[i % 8].into(),
                cost_minor: 100 + (i % 900) as i64,
                price_minor: 180 + (i % 1500) as i64,
                supplier: None,
            })
            .collect();
        TenantFile {
            slug: slug.into(),
            name: format!("Benchmark {slug}"),
            theme: "shelfwise".into(),
            currency: default_currency(),
            domains: Vec::new(),
            partner: None,
            kind: crate::model::TenantKind::Retailer,
            locations,
            suppliers: Vec::new(),
            policies: BTreeMap::new(),
            approval: None,
            supplier_sla: None,
            back_in_stock: None,
            products,
            users: vec![UserFile {
                email: format!("planner@{slug}.example"),
                name: "Bench Planner".into(),
                password: format!("{slug}-bench-pass"),
                roles: vec![Role::Planner],
                supplier: None,
            }],
        }
    }
}

/// What one seed run did to a tenant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedReport {
    pub tenant: TenantId,
    pub slug: String,
    pub positions_created: u64,
}

/// A stable pseudo-random number from a text, so the demo's starting stock is the same
/// on every machine (FNV-1a).
fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// The steps of seeding a tenant, in order: provisioning a client shows them as its
/// progress, and each can run again without harm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedStep {
    Locations,
    Suppliers,
    Products,
    Stock,
    Policies,
    Users,
}

impl SeedStep {
    pub const ALL: [SeedStep; 6] = [
        SeedStep::Locations,
        SeedStep::Suppliers,
        SeedStep::Products,
        SeedStep::Stock,
        SeedStep::Policies,
        SeedStep::Users,
    ];

    /// What the step does, as progress shows it.
    pub fn label(self) -> &'static str {
        match self {
            SeedStep::Locations => "locations",
            SeedStep::Suppliers => "suppliers",
            SeedStep::Products => "products",
            SeedStep::Stock => "starting stock",
            SeedStep::Policies => "policies and approval rules",
            SeedStep::Users => "people",
        }
    }
}

/// Provisions (or updates) one tenant from its file.
pub async fn seed_tenant(store: &Store, file: &TenantFile) -> Result<SeedReport, SeedError> {
    let partner_id = match &file.partner {
        Some(p) => Some(store.upsert_partner(&p.slug, &p.name).await?),
        None => None,
    };
    let tenant = store
        .upsert_tenant(
            &file.slug,
            &file.name,
            &file.theme,
            &file.currency,
            partner_id,
            file.kind,
            &file.domains,
        )
        .await?;
    let mut positions_created = 0;
    for step in SeedStep::ALL {
        positions_created += seed_step(store, tenant, file, step).await?;
    }
    Ok(SeedReport {
        tenant,
        slug: file.slug.clone(),
        positions_created,
    })
}

/// Runs one step of seeding `tenant` from `file`; the stock positions it created.
pub async fn seed_step(
    store: &Store,
    tenant: TenantId,
    file: &TenantFile,
    step: SeedStep,
) -> Result<u64, SeedError> {
    match step {
        SeedStep::Locations => {
            let locations: Vec<LocationRecord> = file
                .locations
                .iter()
                .map(|l| LocationRecord {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    kind: l.kind.as_str().into(),
                    address: l.address.trim().to_string(),
                    region: l.region.clone(),
                    latitude: l.latitude,
                    longitude: l.longitude,
                })
                .collect();
            store.upsert_locations(tenant, &locations).await?;
        }
        SeedStep::Suppliers => {
            let suppliers: Vec<SupplierRecord> = file
                .suppliers
                .iter()
                .map(|s| SupplierRecord {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    email: s.email.clone(),
                    lead_time_days: s.lead_time_days,
                })
                .collect();
            store.upsert_suppliers(tenant, &suppliers).await?;
        }
        SeedStep::Products => {
            let products: Vec<ProductRecord> = file
                .products
                .iter()
                .map(|p| ProductRecord {
                    sku: p.sku.clone(),
                    name: p.name.clone(),
                    class: p.class.clone(),
                    cost_minor: p.cost_minor,
                    price_minor: p.price_minor,
                    supplier_code: p.supplier.clone(),
                })
                .collect();
            store.upsert_products(tenant, &products).await?;
        }
        SeedStep::Stock => {
            let codes: Vec<&str> = file.locations.iter().map(|l| l.code.as_str()).collect();
            let skus: Vec<&str> = file.products.iter().map(|p| p.sku.as_str()).collect();
            let location_ids = store.location_ids(tenant, &codes).await?;
            let product_ids: HashMap<String, i64> = store.product_ids(tenant, &skus).await?;
            let fallback = PolicyFile {
                reorder_point: 5,
                order_up_to: 20,
                dc_multiplier: 8,
                case_pack: None,
                moq: None,
                safety_stock: None,
                lead_time_days: None,
                method: None,
                compute_reorder_point: None,
            };
            let mut seeds = Vec::with_capacity(codes.len() * skus.len());
            for p in &file.products {
                let policy = file.policies.get(&p.class).unwrap_or(&fallback);
                for l in &file.locations {
                    let scale = if l.kind == LocationKind::Dc {
                        policy.dc_multiplier
                    } else {
                        1
                    };
                    let rop = policy.reorder_point * scale;
                    let out = policy.order_up_to * scale;
                    // Between half the reorder point and the order-up-to level: a few rows start low.
                    let span = (out - rop / 2).max(1) as u64;
                    let on_hand = rop / 2
                        + (stable_hash(&format!("{}@{}", p.sku, l.code)) % (span + 1)) as i64;
                    seeds.push(PositionSeed {
                        product_id: product_ids[&p.sku],
                        location_id: location_ids[&l.code],
                        on_hand,
                        reorder_point: rop,
                        order_up_to: out,
                    });
                }
            }
            let positions_created = store.seed_positions(tenant, &seeds).await?;
            return Ok(positions_created);
        }
        SeedStep::Policies => {
            let now = crate::model::now_ms();
            for (class, policy) in &file.policies {
                crate::replenish::seed_policy(store, tenant, class, &policy.settings(), now)
                    .await
                    .map_err(|e| SeedError::Invalid {
                        path: PathBuf::from(format!("{}.toml", file.slug)),
                        message: e.to_string(),
                    })?;
            }
            if let Some(a) = &file.approval {
                crate::replenish::seed_matrix(store, tenant, &a.matrix(), a.po_window_minutes)
                    .await
                    .map_err(|e| SeedError::Invalid {
                        path: PathBuf::from(format!("{}.toml", file.slug)),
                        message: format!("approval: {e}"),
                    })?;
            }

            store
                .set_supplier_sla(tenant, file.supplier_sla.as_ref(), now)
                .await?;
            if let Some(b) = &file.back_in_stock {
                let json = serde_json::to_string(b).expect("plain data serialises");
                store.seed_back_in_stock(tenant, &json, now).await?;
            }
        }
        SeedStep::Users => {
            let supplier_codes: Vec<&str> =
                file.suppliers.iter().map(|s| s.code.as_str()).collect();
            let supplier_ids = store.supplier_ids(tenant, &supplier_codes).await?;
            for u in &file.users {
                let password = u.password.clone();
                store
                    .upsert_member(
                        tenant,
                        &normalise_email(&u.email),
                        &u.name,
                        move || hash_password_blocking(&password),
                        &u.roles,
                        u.supplier
                            .as_ref()
                            .and_then(|c| supplier_ids.get(c).copied()),
                    )
                    .await?;
            }
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_refused_with_the_field_named() {
        let base = "slug = \"acme\"\nname = \"Acme\"\ntheme = \"t\"\n";
        let err = |extra: &str| {
            TenantFile::parse(&format!("{base}{extra}"), Path::new("acme.toml"))
                .unwrap_err()
                .to_string()
        };
        assert!(err("[[products]]\nsku=\"A\"\nname=\"a\"\nclass=\"c\"\ncost_minor=1\nprice_minor=2\nsupplier=\"NOPE\"\n").contains("products[0].supplier"));
        assert!(err(
            "[[users]]\nemail=\"a@b.c\"\nname=\"A\"\npassword=\"password\"\nroles=[\"planner\"]\n"
        )
        .contains("users[0].password"));
        assert!(err("[[users]]\nemail=\"a@b.c\"\nname=\"A\"\npassword=\"long enough pass\"\nroles=[\"wizard\"]\n").contains("wizard"));
        assert!(TenantFile::parse(
            "slug = \"Bad Slug\"\nname = \"x\"\ntheme = \"t\"\n",
            Path::new("x.toml")
        )
        .unwrap_err()
        .to_string()
        .contains("slug"));
    }

    #[test]
    fn starting_stock_is_deterministic() {
        assert_eq!(stable_hash("A@S1"), stable_hash("A@S1"));
        assert_ne!(stable_hash("A@S1"), stable_hash("A@S2"));
    }
}
