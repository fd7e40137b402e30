//! E-mail to a supplier: the purchase order (with the signed link that opens it) and
//! its cancellation. Built from [`SupplierOrder`], what the supplier may see: lines,
//! ship-to and dates, never the retailer's reasons or stock figures.

use askama::Template;

use super::lang::Tr;
use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::links::{po_token, LINK_KEY};
use crate::model::Tenant;
use crate::region::{calendar_day, day};
use crate::store::supplier_orders::SupplierOrder;
use crate::workflow::purchase_order::PoState;

#[derive(Template)]
#[template(path = "mail/purchase_order.html")]
pub(super) struct OrderHtml<'a> {
    pub(super) t: Tr,
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
    pub(super) t: Tr,
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

/// The order's facts and lines as the supplier reads them, in `lang`: when it was sent
/// on the tenant's clock, the days asked for and promised as the calendar days they are.
fn order_facts(order: &SupplierOrder, tenant: &Tenant, lang: i18n::Lang) -> (Facts, Lines) {
    let currency = tenant.currency.as_str();
    let word = |id: &str| i18n::t(lang, id);
    let mut facts = vec![
        (word("mail-order-fact-order"), format!("PO-{}", order.id)),
        (
            word("mail-order-fact-deliver-to"),
            format!("{} ({})", order.ship_to_name, order.ship_to_code),
        ),
    ];
    if !order.ship_to_address.is_empty() {
        facts.push((
            word("mail-order-fact-address"),
            order.ship_to_address.clone(),
        ));
    }
    if let Some(sent) = order.sent_at {
        facts.push((word("mail-order-fact-ordered-on"), day(lang, tenant, sent)));
    }
    if let Some(asked) = order.requested_on {
        facts.push((
            word("mail-order-fact-requested-by"),
            calendar_day(lang, asked),
        ));
    }
    facts.push((
        word("mail-order-fact-total"),
        i18n::fmt::money(lang, order.value_minor, currency),
    ));
    let lines = order
        .lines
        .iter()
        .map(|l| {
            (
                match l.promised_on {
                    Some(d) => i18n::t_args(
                        lang,
                        "mail-order-line-backordered",
                        &[
                            ("sku", l.sku.clone().into()),
                            ("product", l.name.clone().into()),
                            ("day", calendar_day(lang, d).into()),
                        ],
                    ),
                    None => format!("{} {}", l.sku, l.name),
                },
                l.quantity.to_string(),
                i18n::fmt::money(lang, l.unit_cost_minor, currency),
            )
        })
        .collect();
    (facts, lines)
}

/// A `po_update` mail's opening line in `lang` for a job queued before the engine sent
/// its notes as words (`SendMail::note_words`): each English wording it used has its
/// message here; a note of another wording stays as it is.
fn update_note(lang: i18n::Lang, note: &str) -> String {
    const REFUSED: (&str, &str) = (
        "Your proposed change was not accepted (\u{201c}",
        "\u{201d}). The order stands as below.",
    );
    let id = match note {
        "This order is closed: please do not ship what has not shipped yet." => {
            "mail-update-closed"
        }
        "The buyer proposes a change to this order. Please sign in to the portal to see it, and accept or refuse it. Until then the order stands as below." => {
            "mail-update-change-proposed"
        }
        "Your proposed change was not accepted by the retailer. The order stands as below." => {
            "mail-update-change-refused"
        }
        "Your proposed change is accepted: the order below is the order now." => {
            "mail-update-change-accepted"
        }
        _ => {
            return match note
                .strip_prefix(REFUSED.0)
                .and_then(|r| r.strip_suffix(REFUSED.1))
            {
                Some(reason) => i18n::t_args(
                    lang,
                    "mail-update-change-refused-reason",
                    &[("reason", reason.to_string().into())],
                ),
                None => note.to_string(),
            };
        }
    };
    i18n::t(lang, id)
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

    /// The supplier-facing messages in `lang`; `None` for a template that is not one.
    pub(super) async fn compose_for_supplier(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Option<Composed>, JobError> {
        let intro = match mail.template.as_str() {
            "purchase_order" => i18n::t(lang, "mail-order-intro"),
            "po_reminder" => i18n::t(lang, "mail-order-intro-reminder"),
            "po_cancelled" => i18n::t(lang, "mail-order-intro-cancelled"),
            "po_update" => match &mail.note_words {
                Some(words) => words.text(lang),
                None => update_note(lang, &mail.note),
            },
            "po_message" => {
                let m = self
                    .store
                    .po_message(tenant.id, mail.message_id)
                    .await
                    .map_err(db_error)?
                    .ok_or_else(|| JobError::Terminal("the message is gone".into()))?;
                i18n::t_args(
                    lang,
                    "mail-order-intro-message",
                    &[("author", m.author.into()), ("body", m.body.into())],
                )
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
        let (facts, lines) = order_facts(&order, tenant, lang);
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
                i18n::t_args(
                    lang,
                    if mail.template == "po_message" {
                        "mail-order-link-note-message"
                    } else {
                        "mail-order-link-note"
                    },
                    &[("day", day(lang, tenant, expires).into())],
                ),
            )
        } else {
            (String::new(), String::new())
        };
        let title = order_title(lang, order.id, &tenant.name);
        let subject = match mail.template.as_str() {
            "po_cancelled" => Some("mail-order-subject-cancelled"),
            "po_update" => Some("mail-order-subject-update"),
            "po_reminder" => Some("mail-order-subject-reminder"),
            "po_message" => Some("mail-order-subject-message"),
            _ => None,
        }
        .map_or_else(
            || title.clone(),
            |id| i18n::t_args(lang, id, &[("title", title.clone().into())]),
        );
        let brand = self.brand(tenant, lang);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: OrderHtml {
                t: Tr(lang),
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
                t: Tr(lang),
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

/// `Purchase order PO-12 from Freshfield` in `lang` (also for the preview).
pub(super) fn order_title(lang: i18n::Lang, id: i64, tenant: &str) -> String {
    i18n::t_args(
        lang,
        "mail-order-title",
        &[
            ("id", id.to_string().into()),
            ("tenant", tenant.to_string().into()),
        ],
    )
}
