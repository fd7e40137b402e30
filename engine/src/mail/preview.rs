//! Previews of every e-mail template in a tenant's brand, with made-up content, for the
//! tenant admin to see what people receive (`/settings/branding/emails`). The real
//! templates render them; only the words inside are samples. Needs
//! [`Permission::EditBranding`].

use askama::Template;

use super::invites::{InviteHtml, InviteText};
use super::messages::{MessageHtml, MessageText};
use super::orders::{OrderHtml, OrderText};
use super::shoppers::{ShopperHtml, ShopperText};
use super::{ApprovalHtml, ApprovalText, Composed, Mailer, OutcomeHtml, OutcomeText};
use crate::error::EngineError;
use crate::model::{Member, Permission, Tenant};

/// The e-mails a tenant's people, suppliers and shoppers receive, one per template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailPreview {
    ApprovalRequest,
    Outcome,
    PurchaseOrder,
    SupplierMessage,
    Invitation,
    PasswordReset,
    ShopperAlert,
}

impl MailPreview {
    pub const ALL: [MailPreview; 7] = [
        MailPreview::ApprovalRequest,
        MailPreview::Outcome,
        MailPreview::PurchaseOrder,
        MailPreview::SupplierMessage,
        MailPreview::Invitation,
        MailPreview::PasswordReset,
        MailPreview::ShopperAlert,
    ];

    /// The name in the preview's address.
    pub fn slug(self) -> &'static str {
        match self {
            MailPreview::ApprovalRequest => "approval-request",
            MailPreview::Outcome => "outcome",
            MailPreview::PurchaseOrder => "purchase-order",
            MailPreview::SupplierMessage => "supplier-message",
            MailPreview::Invitation => "invitation",
            MailPreview::PasswordReset => "password-reset",
            MailPreview::ShopperAlert => "shopper-alert",
        }
    }

    pub fn parse(slug: &str) -> Option<MailPreview> {
        MailPreview::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// Who gets it, and when.
    pub fn label(self) -> &'static str {
        match self {
            MailPreview::ApprovalRequest => "Approval needed (to approvers)",
            MailPreview::Outcome => "Decision on a document (to who asked)",
            MailPreview::PurchaseOrder => {
                "Purchase order (to the supplier; reminders, changes and cancellations look alike)"
            }
            MailPreview::SupplierMessage => "A supplier's message (to planners)",
            MailPreview::Invitation => "Invitation (to a new member or a supplier's person)",
            MailPreview::PasswordReset => "Password reset",
            MailPreview::ShopperAlert => "Back in stock (to shoppers)",
        }
    }
}

/// A preview: the message and the headers it would carry.
#[derive(Clone, Debug)]
pub struct Preview {
    pub from: String,
    pub reply_to: Option<String>,
    pub composed: Composed,
}

impl Mailer {
    /// `which` e-mail as the tenant's people would get it, with sample content.
    pub fn preview(
        &self,
        tenant: &Tenant,
        member: &Member,
        which: MailPreview,
    ) -> Result<Preview, EngineError> {
        member.require(Permission::EditBranding)?;
        let sender = self
            .sender(tenant)
            .map_err(|_| EngineError::Invalid("the theme's sender address is not valid".into()))?;
        let composed = self
            .sample(tenant, which)
            .map_err(|e| EngineError::Invalid(format!("the template did not render: {e}")))?;
        Ok(Preview {
            from: sender.from.to_string(),
            reply_to: sender.reply_to.map(|r| r.to_string()),
            composed,
        })
    }

    fn sample(&self, tenant: &Tenant, which: MailPreview) -> Result<Composed, askama::Error> {
        let brand = self.brand(tenant);
        let portal = self.portal_url.replace("{slug}", &tenant.slug);
        let name = "Alex Sample";
        let facts: Vec<(String, String)> = vec![
            ("Product".into(), "SAMPLE-001 Sample product".into()),
            ("Quantity".into(), "24".into()),
            ("From".into(), "Central warehouse".into()),
            ("To".into(), "Sample store".into()),
            ("Value".into(), super::money(12_480, &tenant.currency)),
        ];
        let reason = "Stock at the store fell below its reorder point; the warehouse can spare it.";
        let link = format!("{portal}/approvals");
        Ok(match which {
            MailPreview::ApprovalRequest => {
                let (title, subject) = ("Transfer 42", "Approval needed: Transfer 42");
                Composed {
                    html: ApprovalHtml {
                        subject,
                        brand: &brand,
                        name,
                        title,
                        facts: &facts,
                        reason,
                        link: &link,
                    }
                    .render()?,
                    text: ApprovalText {
                        brand: &brand,
                        name,
                        title,
                        facts: &facts,
                        reason,
                        link: &link,
                    }
                    .render()?,
                    subject: subject.into(),
                }
            }
            MailPreview::Outcome => {
                let (title, subject) = ("Transfer 42", "Approved: Transfer 42");
                let note = "Fine for this week.";
                Composed {
                    html: OutcomeHtml {
                        subject,
                        brand: &brand,
                        name,
                        title,
                        outcome: "approved",
                        note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()?,
                    text: OutcomeText {
                        brand: &brand,
                        name,
                        title,
                        outcome: "approved",
                        note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()?,
                    subject: subject.into(),
                }
            }
            MailPreview::PurchaseOrder => {
                let title = format!("Purchase order PO-42 from {}", tenant.name);
                let intro = "Please supply the order below.";
                let lines = vec![
                    (
                        "SAMPLE-001 Sample product".to_string(),
                        "24".to_string(),
                        super::money(520, &tenant.currency),
                    ),
                    (
                        "SAMPLE-002 Another product".to_string(),
                        "12".to_string(),
                        super::money(1_150, &tenant.currency),
                    ),
                ];
                let order_facts = vec![
                    (
                        "Deliver to".to_string(),
                        "Sample store, 1 Sample Street".to_string(),
                    ),
                    ("Total".to_string(), super::money(26_280, &tenant.currency)),
                ];
                let link = format!("{portal}/po/sample");
                let link_note = "Acknowledge it with your delivery date, or decline it, at this link; no password needed.";
                Composed {
                    html: OrderHtml {
                        subject: &title,
                        brand: &brand,
                        name,
                        title: &title,
                        intro,
                        facts: &order_facts,
                        lines: &lines,
                        link: &link,
                        link_note,
                    }
                    .render()?,
                    text: OrderText {
                        brand: &brand,
                        name,
                        title: &title,
                        intro,
                        facts: &order_facts,
                        lines: &lines,
                        link: &link,
                        link_note,
                    }
                    .render()?,
                    subject: title.clone(),
                }
            }
            MailPreview::SupplierMessage => {
                let title = "Sample Supplier wrote about purchase order 42";
                let intro = "We can deliver on Thursday instead of Wednesday. Is that all right?";
                let link = format!("{portal}/documents/purchase_order/42");
                Composed {
                    html: MessageHtml {
                        subject: title,
                        brand: &brand,
                        name,
                        title,
                        intro,
                        link: &link,
                        button: "Open the order",
                    }
                    .render()?,
                    text: MessageText {
                        brand: &brand,
                        name,
                        title,
                        intro,
                        link: &link,
                        button: "Open the order",
                    }
                    .render()?,
                    subject: title.into(),
                }
            }
            MailPreview::Invitation | MailPreview::PasswordReset => {
                let invitation = which == MailPreview::Invitation;
                let (title, intro, link, link_note, button) = if invitation {
                    (
                        format!("{} invites you to its replenishment portal", tenant.name),
                        format!("You will join {} as a planner.", tenant.name),
                        format!("{portal}/invite/sample"),
                        "The link works once, for seven days. You choose your password when you open it.".to_string(),
                        "Accept the invitation",
                    )
                } else {
                    (
                        format!("Reset your password for {}", brand.product_name),
                        "Someone, probably you, asked to reset the password of this account. If it was not you, ignore this e-mail: nothing changes until the link is used.".to_string(),
                        format!("{portal}/reset/sample"),
                        format!("The link works once, for {} minutes. Choosing a new password signs you out everywhere else.", crate::links::RESET_MINUTES),
                        "Choose a new password",
                    )
                };
                Composed {
                    html: InviteHtml {
                        subject: &title,
                        brand: &brand,
                        name,
                        title: &title,
                        intro: &intro,
                        link: &link,
                        link_note: &link_note,
                        button,
                    }
                    .render()?,
                    text: InviteText {
                        brand: &brand,
                        name,
                        title: &title,
                        intro: &intro,
                        link: &link,
                        link_note: &link_note,
                        button,
                    }
                    .render()?,
                    subject: title.clone(),
                }
            }
            MailPreview::ShopperAlert => {
                let subject = "Sample product is back in stock";
                let heading = "It is back";
                let intro = "Sample product is in stock again at Sample store.";
                let button_label = "See it";
                let button_link = format!("{portal}/notify/SAMPLE-001");
                let note = "You asked to hear when it was back. We will not write about it again.";
                let manage_link = format!("{portal}/alerts/sample");
                let unsubscribe_link = format!("{portal}/alerts/sample/unsubscribe");
                Composed {
                    html: ShopperHtml {
                        subject,
                        brand: &brand,
                        heading,
                        intro,
                        button_label,
                        button_link: &button_link,
                        note,
                        manage_link: &manage_link,
                        unsubscribe_link: &unsubscribe_link,
                    }
                    .render()?,
                    text: ShopperText {
                        brand: &brand,
                        heading,
                        intro,
                        button_label,
                        button_link: &button_link,
                        note,
                        manage_link: &manage_link,
                        unsubscribe_link: &unsubscribe_link,
                    }
                    .render()?,
                    subject: subject.into(),
                }
            }
        })
    }
}
