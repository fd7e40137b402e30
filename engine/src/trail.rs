//! The audit trail as a tenant's admins read it: newest first, a page at a time, each
//! entry with who did it in words (a person's name, an integration key, the platform, or
//! a service provider's person inside an act-as session). Needs
//! [`Permission::SeeAuditTrail`].

use std::collections::HashMap;

use crate::audit::AuditRecord;
use crate::error::EngineError;
use crate::model::{DocRef, Member, Permission, TenantId};
use crate::store::Store;

/// Entries per page.
pub const PAGE: i64 = 50;

/// One entry, for reading.
#[derive(Clone, Debug)]
pub struct TrailEntry {
    pub record: AuditRecord,
    /// Who, in words.
    pub who: String,
    /// The whole entry as a sentence ([`crate::history::sentence`]), its subject
    /// described when it is a document.
    pub sentence: String,
    /// Set when the entry was made inside (or about) an act-as session.
    pub act_as: Option<i64>,
}

/// A page of the trail: up to [`PAGE`] entries before `before` (a seq), newest first;
/// `next` is where the following page starts, if there is one.
#[derive(Clone, Debug)]
pub struct TrailPage {
    pub entries: Vec<TrailEntry>,
    pub next: Option<i64>,
}

/// The person an actor string names, and the act-as session it names.
fn parse_actor(actor: &str) -> (Option<i64>, Option<i64>) {
    let parts: Vec<&str> = actor.split(':').collect();
    match parts.as_slice() {
        ["user", id] => (id.parse().ok(), None),
        ["act_as", session, "user", id] => (id.parse().ok(), session.parse().ok()),
        _ => (None, None),
    }
}

pub async fn page(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    before: Option<i64>,
) -> Result<TrailPage, EngineError> {
    member.require(Permission::SeeAuditTrail)?;
    let records = store.audit_page(tenant, before, PAGE + 1).await?;
    let more = records.len() as i64 > PAGE;
    let records: Vec<AuditRecord> = records.into_iter().take(PAGE as usize).collect();
    let next = more.then(|| records.last().map(|r| r.seq)).flatten();
    let entries = read(store, tenant, records).await?;
    Ok(TrailPage { entries, next })
}

/// A document's own history, oldest first, for whoever may see the document. Needs
/// [`Permission::ViewInventory`].
pub async fn document_history(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    doc: DocRef,
) -> Result<Vec<TrailEntry>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let records = store.audit_for_subject(tenant, &doc.subject()).await?;
    read(store, tenant, records).await
}

/// Records as entries to read: each actor named, each document subject described, each
/// entry worded.
async fn read(
    store: &Store,
    tenant: TenantId,
    records: Vec<AuditRecord>,
) -> Result<Vec<TrailEntry>, EngineError> {
    let mut ids: Vec<i64> = records
        .iter()
        .filter_map(|r| parse_actor(&r.actor).0)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i64, String> = store.actor_names(tenant, &ids).await?.into_iter().collect();
    let mut subjects: Vec<&str> = records.iter().map(|r| r.subject.as_str()).collect();
    subjects.sort_unstable();
    subjects.dedup();
    let about = describe_documents(store, tenant, &subjects).await?;
    let entries = records
        .into_iter()
        .map(|record| {
            let (user, session) = parse_actor(&record.actor);
            let person = user.map(|id| {
                names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| "someone outside this portal".to_string())
            });
            let who = match (person, session) {
                (Some(p), Some(s)) => format!("{p} (service provider, act-as session {s})"),
                (Some(p), None) => p,
                _ => describe(&record.actor),
            };
            let act_as = session.or_else(|| {
                record
                    .subject
                    .strip_prefix("act_as:")
                    .and_then(|s| s.parse().ok())
            });
            let json = |t: &Option<String>| {
                t.as_deref()
                    .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
            };
            let (before, after) = (json(&record.before), json(&record.after));
            // A document in words, with the quantity this entry recorded (else today's).
            let about = about.get(&record.subject).map(|(text, today)| {
                let recorded = [&after, &before].into_iter().find_map(|v| {
                    v.as_ref()
                        .and_then(|v| v.get("quantity"))
                        .and_then(serde_json::Value::as_i64)
                });
                match recorded.or(*today) {
                    Some(q) => text.replace(QUANTITY, &q.to_string()),
                    None => text.replace(&format!("{QUANTITY} × "), ""),
                }
            });
            let sentence = crate::history::sentence(
                &who,
                &record.action,
                about.as_deref().unwrap_or(record.subject.as_str()),
                before.as_ref(),
                after.as_ref(),
            );
            TrailEntry {
                record,
                who,
                sentence,
                act_as,
            }
        })
        .collect();
    Ok(entries)
}

/// Where a transfer's description takes the quantity an entry recorded.
const QUANTITY: &str = "{quantity}";

/// The documents among `subjects` (`transfer:12`, `purchase_order:7`), in words:
/// "transfer 12: {quantity} × Whole milk 1 l from North DC to Jordaan" (with the
/// transfer's quantity today, for entries that recorded none), "purchase order PO-7
/// to Lowlands Dairy for Jordaan (3 lines)". Others are left out; a document that is
/// gone is named by its number only.
async fn describe_documents(
    store: &Store,
    tenant: TenantId,
    subjects: &[&str],
) -> Result<HashMap<String, (String, Option<i64>)>, EngineError> {
    let docs: Vec<DocRef> = subjects
        .iter()
        .filter_map(|s| s.split_once(':'))
        .filter_map(|(kind, id)| DocRef::parse(kind, id.parse().ok()?))
        .collect();
    let mut out = HashMap::new();
    if docs.is_empty() {
        return Ok(out);
    }
    let (locations, suppliers) = store.labels(tenant).await?;
    let name = |list: &[(i64, String, String)], id: i64| {
        list.iter()
            .find(|l| l.0 == id)
            .map_or_else(|| format!("#{id}"), |l| l.2.clone())
    };
    for doc in docs {
        let text = match doc {
            DocRef::Transfer(id) => match store.transfer(tenant, id).await? {
                Some(t) => {
                    let product = store
                        .product_labels(tenant, &[t.product_id])
                        .await?
                        .into_iter()
                        .next()
                        .map_or_else(|| format!("product #{}", t.product_id), |p| p.2);
                    let text = format!(
                        "transfer {id}: {QUANTITY} × {product} from {} to {}",
                        name(&locations, t.from_location_id),
                        name(&locations, t.to_location_id)
                    );
                    (text, Some(t.quantity))
                }
                None => (format!("transfer {id}"), None),
            },
            DocRef::PurchaseOrder(id) => match store.purchase_order(tenant, id).await? {
                Some(po) => {
                    let lines = store.po_lines(tenant, id).await?.len();
                    let text = format!(
                        "purchase order PO-{id} to {} for {} ({lines} line{})",
                        name(&suppliers, po.supplier_id),
                        name(&locations, po.ship_to_location_id),
                        if lines == 1 { "" } else { "s" }
                    );
                    (text, None)
                }
                None => (format!("purchase order PO-{id}"), None),
            },
        };
        out.insert(doc.subject(), text);
    }
    Ok(out)
}

/// An actor that is not a person, in words.
fn describe(actor: &str) -> String {
    if let Some(key) = actor.strip_prefix("api_key:") {
        return format!("integration key {key}");
    }
    match actor {
        a if a.starts_with("platform:") => "the platform's operators".into(),
        a if a.starts_with("partner:") => "your service provider".into(),
        a if a.starts_with("system") || a.starts_with("job") => "the system".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_are_read_as_people_and_sessions() {
        assert_eq!(parse_actor("user:12"), (Some(12), None));
        assert_eq!(parse_actor("act_as:4:user:12"), (Some(12), Some(4)));
        assert_eq!(parse_actor("api_key:3"), (None, None));
        assert_eq!(parse_actor("user:x"), (None, None));
        assert_eq!(describe("api_key:3"), "integration key 3");
        assert_eq!(describe("partner:northwind"), "your service provider");
        assert_eq!(describe("platform:user:3"), "the platform's operators");
        assert_eq!(parse_actor("platform:user:3"), (None, None));
    }
}
