//! The audit trail as a tenant's admins read it: newest first, a page at a time, each
//! entry with who did it in words (a person's name, an integration key, the platform, or
//! a service provider's person inside an act-as session). Needs
//! [`Permission::SeeAuditTrail`].

use std::collections::HashMap;

use i18n::Lang;

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
    /// Who, in words (in the reader's language).
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

/// A page of the trail ([`TrailPage`]), its entries worded in `lang`.
pub async fn page(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    before: Option<i64>,
    lang: Lang,
) -> Result<TrailPage, EngineError> {
    member.require(Permission::SeeAuditTrail)?;
    let records = store.audit_page(tenant, before, PAGE + 1).await?;
    let more = records.len() as i64 > PAGE;
    let records: Vec<AuditRecord> = records.into_iter().take(PAGE as usize).collect();
    let next = more.then(|| records.last().map(|r| r.seq)).flatten();
    let entries = read(store, tenant, records, lang).await?;
    Ok(TrailPage { entries, next })
}

/// A document's own history, oldest first, for whoever may see the document, worded
/// in `lang`. Needs [`Permission::ViewInventory`].
pub async fn document_history(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    doc: DocRef,
    lang: Lang,
) -> Result<Vec<TrailEntry>, EngineError> {
    member.require(Permission::ViewInventory)?;
    let records = store.audit_for_subject(tenant, &doc.subject()).await?;
    read(store, tenant, records, lang).await
}

/// Records as entries to read in `lang`: each actor named, each document subject
/// described, each entry worded.
async fn read(
    store: &Store,
    tenant: TenantId,
    records: Vec<AuditRecord>,
    lang: Lang,
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
    let about = describe_documents(store, tenant, &subjects, lang).await?;
    let entries = records
        .into_iter()
        .map(|record| {
            let (user, session) = parse_actor(&record.actor);
            let person = user.map(|id| {
                names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| i18n::t(lang, "hist-actor-outside"))
            });
            let who = match (person, session) {
                (Some(p), Some(s)) => i18n::t_args(
                    lang,
                    "hist-actor-acting",
                    &[("person", p.into()), ("session", s.to_string().into())],
                ),
                (Some(p), None) => p,
                _ => describe(&record.actor, lang),
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
            let about = about.get(&record.subject).map(|doc| {
                let recorded = [&after, &before].into_iter().find_map(|v| {
                    v.as_ref()
                        .and_then(|v| v.get("quantity"))
                        .and_then(serde_json::Value::as_i64)
                });
                doc.words(lang, recorded)
            });
            let sentence = crate::history::sentence(
                lang,
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

/// A document in words ([`describe_documents`]).
enum Described {
    /// A transfer that still exists: its description takes the quantity an entry
    /// recorded, else its quantity today.
    Transfer {
        id: i64,
        today: i64,
        product: String,
        from: String,
        to: String,
    },
    /// Any other document, already in words.
    Words(String),
}

impl Described {
    /// The document in `lang`'s words, with the quantity an entry `recorded`, if any.
    fn words(&self, lang: Lang, recorded: Option<i64>) -> String {
        match self {
            Described::Transfer {
                id,
                today,
                product,
                from,
                to,
            } => i18n::t_args(
                lang,
                "hist-transfer",
                &[
                    ("id", id.to_string().into()),
                    ("quantity", recorded.unwrap_or(*today).to_string().into()),
                    ("product", product.as_str().into()),
                    ("from", from.as_str().into()),
                    ("to", to.as_str().into()),
                ],
            ),
            Described::Words(words) => words.clone(),
        }
    }
}

/// The documents among `subjects` (`transfer:12`, `purchase_order:7`), in `lang`'s
/// words: "transfer 12: 42 × Whole milk 1 l from North DC to Jordaan" (with the
/// quantity an entry recorded, else the transfer's quantity today), "purchase order
/// PO-7 to Lowlands Dairy for Jordaan (3 lines)". Others are left out; a document that
/// is gone is named by its number only.
async fn describe_documents(
    store: &Store,
    tenant: TenantId,
    subjects: &[&str],
    lang: Lang,
) -> Result<HashMap<String, Described>, EngineError> {
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
    // A handful of statements for the whole page, whatever its documents.
    let ids = |want: fn(&DocRef) -> Option<i64>| docs.iter().filter_map(want).collect::<Vec<_>>();
    let transfer_ids = ids(|d| match d {
        DocRef::Transfer(id) => Some(*id),
        _ => None,
    });
    let order_ids = ids(|d| match d {
        DocRef::PurchaseOrder(id) => Some(*id),
        _ => None,
    });
    let transfers: HashMap<i64, _> = store
        .transfers_by_ids(tenant, &transfer_ids)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut product_ids: Vec<i64> = transfers.values().map(|t| t.product_id).collect();
    product_ids.sort_unstable();
    product_ids.dedup();
    let products: HashMap<i64, String> = store
        .product_labels(tenant, &product_ids)
        .await?
        .into_iter()
        .map(|p| (p.0, p.2))
        .collect();
    let orders: HashMap<i64, _> = store
        .purchase_orders_by_ids(tenant, &order_ids)
        .await?
        .into_iter()
        .map(|(o, lines)| (o.id, (o, lines)))
        .collect();
    for doc in docs {
        let described = match doc {
            DocRef::Transfer(id) => match transfers.get(&id) {
                Some(t) => {
                    let product = products.get(&t.product_id).cloned().unwrap_or_else(|| {
                        i18n::t_args(
                            lang,
                            "hist-product-unknown",
                            &[("id", t.product_id.to_string().into())],
                        )
                    });
                    Described::Transfer {
                        id,
                        today: t.quantity,
                        product,
                        from: name(&locations, t.from_location_id),
                        to: name(&locations, t.to_location_id),
                    }
                }
                None => Described::Words(i18n::t_args(
                    lang,
                    "hist-subject-transfer",
                    &[("id", id.to_string().into())],
                )),
            },
            DocRef::PurchaseOrder(id) => match orders.get(&id) {
                Some((po, lines)) => Described::Words(i18n::t_args(
                    lang,
                    "hist-purchase-order",
                    &[
                        ("id", id.to_string().into()),
                        ("supplier", name(&suppliers, po.supplier_id).into()),
                        ("location", name(&locations, po.ship_to_location_id).into()),
                        ("lines", (*lines).into()),
                    ],
                )),
                None => Described::Words(i18n::t_args(
                    lang,
                    "hist-purchase-order-gone",
                    &[("id", id.to_string().into())],
                )),
            },
        };
        out.insert(doc.subject(), described);
    }
    Ok(out)
}

/// An actor that is not a person, in `lang`'s words.
fn describe(actor: &str, lang: Lang) -> String {
    if let Some(key) = actor.strip_prefix("api_key:") {
        return i18n::t_args(lang, "hist-actor-key", &[("key", key.into())]);
    }
    match actor {
        a if a.starts_with("platform:") => i18n::t(lang, "hist-actor-platform"),
        a if a.starts_with("partner:") => i18n::t(lang, "hist-actor-provider"),
        a if a.starts_with("system") || a.starts_with("job") => i18n::t(lang, "hist-actor-system"),
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
        assert_eq!(describe("api_key:3", Lang::En), "integration key 3");
        assert_eq!(
            describe("partner:northwind", Lang::En),
            "your service provider"
        );
        assert_eq!(
            describe("platform:user:3", Lang::En),
            "the platform's operators"
        );
        assert_eq!(describe("job:7", Lang::De), "das System");
        assert_eq!(parse_actor("platform:user:3"), (None, None));
    }
}
