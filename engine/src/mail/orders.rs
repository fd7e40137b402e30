//! E-mail to a supplier: the purchase order (with the signed link that opens it) and
//! its cancellation. Built from [`SupplierOrder`], what the supplier may see: lines,
//! ship-to and dates, never the retailer's reasons or stock figures.

use askama::Template;

use super::{db_error, money, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::links::{po_token, LINK_KEY};
use crate::model::{day_string, Tenant};
use crate::store::supplier_orders::SupplierOrder;
use crate::workflow::purchase_order::PoState;

#[derive(Template)]
#[template(path = "mail/purchase_order.html")]
pub(super) struct OrderHtml<'a> {
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) lines: &'a [(String, String, String)],
    pub(super) link: &'a str,
    pub(super) link_note: &'a str,
}

#[derive(Template)]
#[template(path = "mail/purchase_order.txt")]
pub(super) struct OrderText<'a> {
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) facts: &'a [(String, String)],
    pub(super) lines: &'a [(String, String, String)],
    pub(super) link: &'a str,
    pub(super) link_note: &'a str,
}

/// A label and a value.
type Facts = Vec<(String, String)>;
/// Article, quantity, unit price.
type Lines = Vec<(String, String, String)>;

/// The order's facts and lines as the supplier reads them.
fn order_facts(order: &SupplierOrder, currency: &str) -> (Facts, Lines) {
    let mut facts = vec![
        ("Order".into(), format!("PO-{}", order.id)),
        (
            "Deliver to".into(),
            format!("{} ({})", order.ship_to_name, order.ship_to_code),
        ),
    ];
    if !order.ship_to_address.is_empty() {
        facts.push(("Delivery address".into(), order.ship_to_address.clone()));
    }
    if let Some(sent) = order.sent_at {
        facts.push(("Ordered on".into(), day_string(sent)));
    }
    if let Some(day) = order.requested_on {
        facts.push(("Delivery requested by".into(), day_string(day)));
    }
    facts.push(("Total".into(), money(order.value_minor, currency)));
    let lines = order
        .lines
        .iter()
        .map(|l| {
            (
                match l.promised_on {
                    Some(d) => format!(
                        "{} {} (backordered: delivery {})",
                        l.sku,
                        l.name,
                        day_string(d)
                    ),
                    None => format!("{} {}", l.sku, l.name),
                },
                l.quantity.to_string(),
                money(l.unit_cost_minor, currency),
            )
        })
        .collect();
    (facts, lines)
}

impl Mailer {
    /// False for an order's e-mail that should no longer go out: the order is no longer
    /// open to the supplier, or the link it would carry was withdrawn.
    pub(super) async fn supplier_mail_wanted(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<bool, JobError> {
        if !matches!(
            mail.template.as_str(),
            "purchase_order" | "po_reminder" | "po_message"
        ) {
            return Ok(true);
        }
        let po = self
            .store
            .purchase_order(tenant.id, mail.doc_id)
            .await
            .map_err(db_error)?;
        let link = self
            .store
            .po_link(tenant.id, mail.link_id)
            .await
            .map_err(db_error)?;
        // (A mail queued before orders carried links has none to check.)
        let link_ok = mail.link_id == 0
            || link.is_some_and(|l| l.revoked_at.is_none() && l.po_id == mail.doc_id);
        let open = match mail.template.as_str() {
            // A reminder is for an order still waiting for its acknowledgement.
            "po_reminder" => po.is_some_and(|p| p.state == PoState::Sent),
            // A message goes whatever the order's state, while its link stands.
            "po_message" => po.is_some(),
            _ => po.is_some_and(|p| {
                p.state.with_supplier()
                    || matches!(p.state, PoState::ChangeProposed | PoState::ChangeApproval)
            }),
        };
        Ok(open && link_ok)
    }

    /// The supplier-facing messages; `None` for a template that is not one.
    pub(super) async fn compose_for_supplier(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<Option<Composed>, JobError> {
        let intro = match mail.template.as_str() {
            "purchase_order" => "Please supply the order below.".to_string(),
            "po_reminder" => {
                "Reminder: we have not had your answer to this order yet. Please acknowledge it with your delivery date, or decline it.".to_string()
            }
            "po_cancelled" => {
                "This order is cancelled. Please do not deliver it; if it is already on its way, reply to this e-mail.".to_string()
            }
            "po_update" => mail.note.clone(),
            "po_message" => {
                let m = self
                    .store
                    .po_message(tenant.id, mail.message_id)
                    .await
                    .map_err(db_error)?
                    .ok_or_else(|| JobError::Terminal("the message is gone".into()))?;
                format!("{} wrote about this order: \u{201c}{}\u{201d}", m.author, m.body)
            }
            _ => return Ok(None),
        };
        let intro = intro.as_str();
        let order = self
            .store
            .supplier_order(tenant.id, mail.doc_id)
            .await
            .map_err(db_error)?
            .ok_or_else(|| JobError::Terminal(format!("purchase order {} is gone", mail.doc_id)))?;
        let (facts, lines) = order_facts(&order, &tenant.currency);
        let carries_link = matches!(
            mail.template.as_str(),
            "purchase_order" | "po_reminder" | "po_message"
        );
        let (link, link_note) = if carries_link && mail.link_id > 0 {
            let key = self.store.signing_key(LINK_KEY).await.map_err(db_error)?;
            let expires = self
                .store
                .po_link(tenant.id, mail.link_id)
                .await
                .map_err(db_error)?
                .map(|l| l.expires_at)
                .ok_or_else(|| JobError::Terminal("the order's link is gone".into()))?;
            (
                format!(
                    "{}/po/{}",
                    self.portal_url.replace("{slug}", &tenant.slug),
                    po_token(&key, tenant.id.0, mail.link_id)
                ),
                format!(
                    "{} at this link; no password needed. The link works until {}.",
                    if mail.template == "po_message" {
                        "Reply, or answer the order,"
                    } else {
                        "Acknowledge it with your delivery date, or decline it,"
                    },
                    day_string(expires)
                ),
            )
        } else {
            (String::new(), String::new())
        };
        let title = format!("Purchase order PO-{} from {}", order.id, tenant.name);
        let subject = match mail.template.as_str() {
            "po_cancelled" => format!("Cancelled: {title}"),
            "po_update" => format!("Update: {title}"),
            "po_reminder" => format!("Reminder: {title}"),
            "po_message" => format!("Message about {title}"),
            _ => title.clone(),
        };
        let brand = self.brand(tenant);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: OrderHtml {
                subject: &subject,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro,
                facts: &facts,
                lines: &lines,
                link: &link,
                link_note: &link_note,
            }
            .render()
            .map_err(render)?,
            text: OrderText {
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro,
                facts: &facts,
                lines: &lines,
                link: &link,
                link_note: &link_note,
            }
            .render()
            .map_err(render)?,
            subject,
        }))
    }
}
