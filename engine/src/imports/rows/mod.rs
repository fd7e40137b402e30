//! Reading a CSV file of one kind into typed rows, and every problem as the row and
//! column it is in. Pure: nothing here reads the database (cross-references such as a
//! supplier code are checked when the plan is made).
//!
//! The first line names the columns (any order, any case); a required column missing, an
//! unknown column or a column named twice refuses the whole file at row 1. Rows count
//! as a spreadsheet numbers them: the header is row 1, the first data row is row 2.

use std::collections::HashSet;

use crate::limits::{
    within, MAX_CASE_PACK, MAX_DC_MULTIPLIER, MAX_LEAD_TIME_DAYS, MAX_LEVEL, MAX_MONEY_MINOR,
    MAX_QUANTITY, MAX_SERVICE_Z,
};
use crate::recorded::Recorded;
use crate::replenish::{Method, PolicySettings};
use crate::store::catalog::{LocationRecord, ProductRecord, SupplierRecord};

/// The most rows one file may hold.
pub const MAX_ROWS: usize = 100_000;
/// The most errors kept for a file (the rest are counted).
pub const MAX_ERRORS: usize = 500;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Products,
    Locations,
    Suppliers,
    StockCounts,
    Policies,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Products,
        ImportKind::Locations,
        ImportKind::Suppliers,
        ImportKind::StockCounts,
        ImportKind::Policies,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Products => "products",
            ImportKind::Locations => "locations",
            ImportKind::Suppliers => "suppliers",
            ImportKind::StockCounts => "stock_counts",
            ImportKind::Policies => "policies",
        }
    }

    pub fn parse(s: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Products => "Products",
            ImportKind::Locations => "Locations",
            ImportKind::Suppliers => "Suppliers",
            ImportKind::StockCounts => "Stock counts",
            ImportKind::Policies => "Replenishment policies",
        }
    }

    /// The columns a file of this kind has: required first, then optional.
    pub fn columns(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            ImportKind::Products => (
                &["sku", "name", "class", "cost_minor", "price_minor"],
                &["supplier"],
            ),
            ImportKind::Locations => (&["code", "name", "kind", "region"], &["address"]),
            ImportKind::Suppliers => (&["code", "name", "email", "lead_time_days"], &[]),
            ImportKind::StockCounts => (&["location", "sku", "on_hand"], &[]),
            ImportKind::Policies => (
                &["class", "method", "safety_stock", "case_pack", "moq"],
                &[
                    "location",
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
            ),
        }
    }
}

/// A problem with a file, where it is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowError {
    pub row: usize,
    /// The column, or empty for the whole row.
    pub column: String,
    /// In English (what the API and the command line show).
    pub message: String,
    /// The problem as recorded, read in each reader's language (`None` in a report
    /// stored before problems were recorded so: then `message` is all there is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<Recorded>,
}

impl RowError {
    /// The problem `words` at `row` and `column`, with its English beside it.
    pub fn new(row: usize, column: &str, words: Recorded) -> RowError {
        RowError {
            row,
            column: column.to_string(),
            message: words.english(),
            words: Some(words),
        }
    }

    /// The problem in `lang`, and whether it is only the English of an older report
    /// (to be marked `lang="en"`).
    pub fn text(&self, lang: i18n::Lang) -> (String, bool) {
        crate::recorded::shown_one(&self.message, self.words.as_ref(), lang)
    }
}

/// One row, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Product(ProductRecord),
    Location(LocationRecord),
    Supplier(SupplierRecord),
    Count {
        location: String,
        sku: String,
        on_hand: i64,
    },
    Policy {
        class: String,
        location: Option<String>,
        settings: PolicySettings,
    },
}

impl Row {
    /// What the row is about, as people read it.
    pub fn key(&self) -> String {
        match self {
            Row::Product(p) => p.sku.clone(),
            Row::Location(l) => l.code.clone(),
            Row::Supplier(s) => s.code.clone(),
            Row::Count { location, sku, .. } => format!("{location} / {sku}"),
            Row::Policy {
                class, location, ..
            } => format!("{class} / {}", location.as_deref().unwrap_or("*")),
        }
    }

    /// What identifies the row's subject: the same twice in a file is an error.
    fn identity(&self) -> String {
        match self {
            Row::Count { location, sku, .. } => format!("{location}\u{1f}{sku}"),
            Row::Policy {
                class, location, ..
            } => format!("{class}\u{1f}{}", location.as_deref().unwrap_or("*")),
            other => other.key(),
        }
    }
}

/// A file's rows (with their row numbers) and its problems.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<(usize, Row)>,
    pub errors: Vec<RowError>,
    /// Problems beyond [`MAX_ERRORS`], counted only.
    pub more_errors: usize,
    /// Data rows read.
    pub total: usize,
    /// The columns the first line names (lower case).
    pub columns: Vec<String>,
}

impl Parsed {
    fn error(&mut self, row: usize, column: &str, words: Recorded) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(RowError::new(row, column, words));
        } else {
            self.more_errors += 1;
        }
    }
}

/// One record's fields by column name, and the errors found reading them.
struct Fields<'a> {
    names: &'a [String],
    record: &'a csv::StringRecord,
    row: usize,
    problems: Vec<(String, Recorded)>,
}

impl<'a> Fields<'a> {
    fn raw(&self, name: &str) -> Option<&'a str> {
        let i = self.names.iter().position(|n| n == name)?;
        self.record
            .get(i)
            .map(str::trim)
            .map(unguard)
            .filter(|v| !v.is_empty())
    }

    fn problem(&mut self, column: &str, words: Recorded) {
        self.problems.push((column.to_string(), words));
    }

    /// Required text of at most `max` characters, without control characters.
    fn text(&mut self, name: &str, max: usize) -> Option<String> {
        match self.raw(name) {
            None => {
                self.problem(name, Recorded::new("imp-required", &[]));
                None
            }
            Some(v) => self.check_text(name, v, max),
        }
    }

    fn optional_text(&mut self, name: &str, max: usize) -> Option<String> {
        let v = self.raw(name)?;
        self.check_text(name, v, max)
    }

    fn check_text(&mut self, name: &str, v: &str, max: usize) -> Option<String> {
        if v.chars().count() > max {
            let max = max.to_string();
            self.problem(name, Recorded::new("imp-too-long", &[("max", max)]));
            None
        } else if v.chars().any(char::is_control) {
            self.problem(name, Recorded::new("imp-control-characters", &[]));
            None
        } else {
            Some(v.to_string())
        }
    }

    /// A required whole number within `lo..=hi`.
    fn int(&mut self, name: &str, lo: i64, hi: i64) -> Option<i64> {
        match self.raw(name) {
            None => {
                self.problem(name, Recorded::new("imp-required", &[]));
                None
            }
            Some(v) => self.check_int(name, v, lo, hi),
        }
    }

    fn optional_int(&mut self, name: &str, lo: i64, hi: i64) -> Option<Option<i64>> {
        match self.raw(name) {
            None => Some(None),
            Some(v) => self.check_int(name, v, lo, hi).map(Some),
        }
    }

    fn check_int(&mut self, name: &str, v: &str, lo: i64, hi: i64) -> Option<i64> {
        let Ok(n) = v.parse::<i64>() else {
            self.problem(name, Recorded::new("imp-not-whole", &[("value", clip(v))]));
            return None;
        };
        match within(name, n, lo, hi) {
            Ok(n) => Some(n),
            Err(_) => {
                let range = [("lo", lo.to_string()), ("hi", hi.to_string())];
                self.problem(name, Recorded::new("imp-between", &range));
                None
            }
        }
    }
}

/// A cell our export wrote with a leading `'` (so that a spreadsheet does not run it as
/// a formula) reads back as it was.
fn unguard(v: &str) -> &str {
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '@', '-', '\t', '\r']) => rest,
        _ => v,
    }
}

fn clip(v: &str) -> String {
    v.chars().take(30).collect()
}

/// Reads `text` as a file of `kind`.
pub fn parse(kind: ImportKind, text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let names: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|n| n.trim().to_lowercase()).collect(),
        Err(e) => {
            let detail = [("detail", e.to_string())];
            out.error(1, "", Recorded::new("imp-header-unreadable", &detail));
            return out;
        }
    };
    out.columns = names.clone();
    let (required, optional) = kind.columns();
    let mut seen = HashSet::new();
    for n in &names {
        if !required.contains(&n.as_str()) && !optional.contains(&n.as_str()) {
            let all: Vec<&str> = required.iter().chain(optional).copied().collect();
            let expected = [("columns", all.join(", "))];
            out.error(1, n, Recorded::new("imp-not-a-column", &expected));
        } else if !seen.insert(n.clone()) {
            out.error(1, n, Recorded::new("imp-named-twice", &[]));
        }
    }
    for r in required {
        if !names.iter().any(|n| n == r) {
            out.error(1, r, Recorded::new("imp-column-missing", &[]));
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    let mut keys: HashSet<String> = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        // The line the row starts on (blank lines are skipped but still counted).
        let row = match &record {
            Ok(r) => r.position().map(|p| p.line() as usize).unwrap_or(i + 2),
            Err(e) => e.position().map(|p| p.line() as usize).unwrap_or(i + 2),
        };
        if record
            .as_ref()
            .is_ok_and(|r| r.iter().all(|f| f.trim().is_empty()))
        {
            // A row of empty cells (a spreadsheet's trailing rows) is no row.
            continue;
        }
        if out.total >= MAX_ROWS {
            let most = [("most", MAX_ROWS.to_string())];
            out.error(row, "", Recorded::new("imp-too-many-rows", &most));
            break;
        }
        out.total += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let detail = [("detail", e.to_string())];
                out.error(row, "", Recorded::new("imp-row-unreadable", &detail));
                continue;
            }
        };
        if record.len() > names.len() {
            let counts = [
                ("fields", record.len().to_string()),
                ("names", names.len().to_string()),
            ];
            out.error(row, "", Recorded::new("imp-row-fields", &counts));
            continue;
        }
        let mut f = Fields {
            names: &names,
            record: &record,
            row,
            problems: Vec::new(),
        };
        let parsed = read_row(kind, &mut f);
        let problems = std::mem::take(&mut f.problems);
        for (column, words) in problems {
            out.error(f.row, &column, words);
        }
        if let Some(parsed) = parsed {
            if !keys.insert(parsed.identity()) {
                let key = [("key", parsed.key())];
                out.error(row, "", Recorded::new("imp-row-repeats", &key));
                continue;
            }
            out.rows.push((row, parsed));
        }
    }
    if out.total == 0 && out.errors.is_empty() {
        out.error(2, "", Recorded::new("imp-no-rows", &[]));
    }
    out
}

fn read_row(kind: ImportKind, f: &mut Fields<'_>) -> Option<Row> {
    match kind {
        ImportKind::Products => {
            let sku = f.text("sku", 64);
            let name = f.text("name", 200);
            let class = f.text("class", 64);
            let cost = f.int("cost_minor", 0, MAX_MONEY_MINOR);
            let price = f.int("price_minor", 0, MAX_MONEY_MINOR);
            let supplier = f.optional_text("supplier", 64);
            Some(Row::Product(ProductRecord {
                sku: sku?,
                name: name?,
                class: class?,
                cost_minor: cost?,
                price_minor: price?,
                supplier_code: supplier,
            }))
        }
        ImportKind::Locations => {
            let code = f.text("code", 64);
            let name = f.text("name", 200);
            let kind = f.text("kind", 8).and_then(|k| {
                let k = k.to_lowercase();
                if k == "dc" || k == "store" {
                    Some(k)
                } else {
                    f.problem("kind", Recorded::new("imp-location-kind", &[]));
                    None
                }
            });
            let region = f.text("region", 64);
            let address = f.optional_text("address", 500).unwrap_or_default();
            Some(Row::Location(LocationRecord {
                code: code?,
                name: name?,
                kind: kind?,
                region: region?,
                address,
                latitude: None,
                longitude: None,
            }))
        }
        ImportKind::Suppliers => {
            let code = f.text("code", 64);
            let name = f.text("name", 200);
            let email = f.text("email", 254).and_then(|e| {
                if e.contains('@') && !e.contains(char::is_whitespace) {
                    Some(e)
                } else {
                    f.problem("email", Recorded::new("imp-email", &[]));
                    None
                }
            });
            let lead = f.int("lead_time_days", 0, MAX_LEAD_TIME_DAYS);
            Some(Row::Supplier(SupplierRecord {
                code: code?,
                name: name?,
                email: email?,
                lead_time_days: lead?,
            }))
        }
        ImportKind::StockCounts => {
            let location = f.text("location", 64);
            let sku = f.text("sku", 64);
            let on_hand = f.int("on_hand", 0, MAX_QUANTITY);
            Some(Row::Count {
                location: location?,
                sku: sku?,
                on_hand: on_hand?,
            })
        }
        ImportKind::Policies => read_policy(f),
    }
}

/// A true/false column (`yes`/`no` too); `default` when absent.
fn flag(f: &mut Fields<'_>, name: &str, default: bool) -> Option<bool> {
    match f.raw(name).map(str::to_lowercase).as_deref() {
        None | Some("") => Some(default),
        Some("false") | Some("no") => Some(false),
        Some("true") | Some("yes") => Some(true),
        Some(_) => {
            f.problem(name, Recorded::new("imp-true-false", &[]));
            None
        }
    }
}

fn read_policy(f: &mut Fields<'_>) -> Option<Row> {
    let class = f.text("class", 64);
    let location = f.optional_text("location", 64).filter(|l| l != "*");
    let method = f
        .text("method", 16)
        .and_then(|m| match m.to_lowercase().as_str() {
            "reorder_point" => Some(Method::ReorderPoint),
            "min_max" => Some(Method::MinMax),
            "forecast" => Some(Method::Forecast),
            _ => {
                f.problem("method", Recorded::new("imp-method", &[]));
                None
            }
        });
    let safety_stock = f.int("safety_stock", 0, MAX_LEVEL);
    let case_pack = f.int("case_pack", 1, MAX_CASE_PACK);
    let moq = f.int("moq", 0, MAX_QUANTITY);
    let lead = f.optional_int("lead_time_days", 0, MAX_LEAD_TIME_DAYS);
    let reorder_point = f.optional_int("reorder_point", 0, MAX_LEVEL);
    let order_up_to = f.optional_int("order_up_to", 0, MAX_LEVEL);
    let dc_multiplier = f.optional_int("dc_multiplier", 1, MAX_DC_MULTIPLIER);
    let service_z = match f.raw("service_z") {
        None => Some(PolicySettings::default().service_z),
        Some(v) => match v.parse::<f64>() {
            Ok(z) if (0.0..=MAX_SERVICE_Z).contains(&z) => Some(z),
            _ => {
                let most = [("most", MAX_SERVICE_Z.to_string())];
                f.problem("service_z", Recorded::new("imp-service-z", &most));
                None
            }
        },
    };
    let service_level = match f.raw("service_level").filter(|v| !v.is_empty()) {
        None => Some(None),
        Some(v) => match v.parse::<f64>() {
            Ok(p) if (50.0..=99.9).contains(&p) => Some(Some(p)),
            _ => {
                f.problem("service_level", Recorded::new("imp-service-level", &[]));
                None
            }
        },
    };
    let cover_days = f.optional_int("cover_days", 1, crate::replenish::policies::MAX_COVER_DAYS);
    let compute = flag(f, "compute_reorder_point", false);
    let spread_service = flag(
        f,
        "spread_service",
        PolicySettings::default().spread_service,
    );
    let order_cycle = flag(f, "order_cycle", PolicySettings::default().order_cycle);
    let settings = PolicySettings {
        method: method?,
        compute_reorder_point: compute?,
        safety_stock: safety_stock?,
        service_z: service_z?,
        lead_time_days: lead?,
        case_pack: case_pack?,
        moq: moq?,
        uplifts: Vec::new(),
        reorder_point: reorder_point?,
        order_up_to: order_up_to?,
        dc_multiplier: dc_multiplier?.unwrap_or(1),
        service_level: service_level?,
        cover_days: cover_days?.unwrap_or(PolicySettings::default().cover_days),
        spread_service: spread_service?,
        // Only a forecast-driven policy counts its order cycle, as in the form.
        order_cycle: order_cycle? && method == Some(Method::Forecast),
    };
    if let Err(e) = settings.validate() {
        f.problem("", Recorded::from(&e));
        return None;
    }
    Some(Row::Policy {
        class: class?,
        location,
        settings,
    })
}

#[cfg(test)]
mod tests;
