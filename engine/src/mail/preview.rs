//! Previews of every e-mail template in a tenant's brand, with made-up content, for the
//! tenant admin to see what people receive (`/settings/branding/emails`), in the
//! admin's language. The real templates render them; only the words inside are
//! samples. Needs [`Permission::EditBranding`].

use askama::Template;

use super::documents::{ApprovalHtml, ApprovalText, OutcomeHtml, OutcomeText};
use super::invites::{reset_words, InviteHtml, InviteText};
use super::lang::{around_title, Tr};
use super::messages::{MessageHtml, MessageText};
use super::orders::{order_title, OrderHtml, OrderText};
use super::shoppers::{ShopperHtml, ShopperText};
use super::{Composed, Mailer};
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

    /// Who gets it, and when, in `lang`.
    pub fn label(self, lang: i18n::Lang) -> String {
        i18n::t(
            lang,
            match self {
                MailPreview::ApprovalRequest => "mail-preview-approval-request",
                MailPreview::Outcome => "mail-preview-outcome",
                MailPreview::PurchaseOrder => "mail-preview-purchase-order",
                MailPreview::SupplierMessage => "mail-preview-supplier-message",
                MailPreview::Invitation => "mail-preview-invitation",
                MailPreview::PasswordReset => "mail-preview-password-reset",
                MailPreview::ShopperAlert => "mail-preview-shopper-alert",
            },
        )
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
    /// `which` e-mail as the tenant's people would get it, with sample content, in
    /// `lang` (the admin's).
    pub fn preview(
        &self,
        tenant: &Tenant,
        member: &Member,
        which: MailPreview,
        lang: i18n::Lang,
    ) -> Result<Preview, EngineError> {
        member.require(Permission::EditBranding)?;
        let sender = self
            .sender(tenant)
            .map_err(|_| EngineError::invalid("err-mail-sender-invalid", &[]))?;
        let composed = self.sample(tenant, which, lang).map_err(|e| {
            EngineError::invalid("err-mail-render-failed", &[("error", e.to_string())])
        })?;
        Ok(Preview {
            from: sender.from.to_string(),
            reply_to: sender.reply_to.map(|r| r.to_string()),
            composed,
        })
    }

    fn sample(
        &self,
        tenant: &Tenant,
        which: MailPreview,
        lang: i18n::Lang,
    ) -> Result<Composed, askama::Error> {
        let t = Tr(lang);
        let word = |id: &str| i18n::t(lang, id);
        let brand = self.brand(tenant, lang);
        let portal = self.portal_url.replace("{slug}", &tenant.slug);
        let name = "Alex Sample";
        let product = format!("SAMPLE-001 {}", word("mail-sample-product"));
        let facts: Vec<(String, String)> = vec![
            (word("mail-fact-product"), product.clone()),
            (word("mail-fact-quantity"), "24".into()),
            (word("mail-fact-from"), word("mail-sample-warehouse")),
            (word("mail-fact-to"), word("mail-sample-store")),
            (
                word("mail-fact-value"),
                i18n::fmt::money(lang, 12_480, &tenant.currency),
            ),
        ];
        let reason = word("mail-sample-reason");
        let reason = reason.as_str();
        let link = format!("{portal}/approvals");
        let transfer = i18n::t_args(lang, "mail-sample-transfer", &[("id", "42".into())]);
        let title = transfer.as_str();
        Ok(match which {
            MailPreview::ApprovalRequest => {
                let subject =
                    i18n::t_args(lang, "mail-approval-subject", &[("title", title.into())]);
                let subject = subject.as_str();
                let (lead_before, lead_after) = around_title(lang, "mail-approval-waiting", &[]);
                Composed {
                    html: ApprovalHtml {
                        t,
                        subject,
                        brand: &brand,
                        name,
                        title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        facts: &facts,
                        reason,
                        reason_in_english: false,
                        link: &link,
                    }
                    .render()?,
                    text: ApprovalText {
                        t,
                        brand: &brand,
                        name,
                        title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        facts: &facts,
                        reason,
                        link: &link,
                    }
                    .render()?,
                    subject: subject.into(),
                }
            }
            MailPreview::Outcome => {
                let subject = i18n::t_args(
                    lang,
                    "mail-preview-outcome-subject",
                    &[("title", title.into())],
                );
                let subject = subject.as_str();
                let (lead_before, lead_after) = around_title(
                    lang,
                    super::documents::outcome_message("approved"),
                    &[("outcome", "approved".into())],
                );
                let note = word("mail-sample-note");
                let note = note.as_str();
                Composed {
                    html: OutcomeHtml {
                        t,
                        subject,
                        brand: &brand,
                        name,
                        title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()?,
                    text: OutcomeText {
                        t,
                        brand: &brand,
                        name,
                        title,
                        lead_before: &lead_before,
                        lead_after: &lead_after,
                        note,
                        facts: &facts,
                        link: &link,
                    }
                    .render()?,
                    subject: subject.into(),
                }
            }
            MailPreview::PurchaseOrder => {
                let title = order_title(lang, 42, &tenant.name);
                let intro = word("mail-order-intro");
                let intro = intro.as_str();
                let lines = vec![
                    (
                        product.clone(),
                        "24".to_string(),
                        i18n::fmt::money(lang, 520, &tenant.currency),
                    ),
                    (
                        format!("SAMPLE-002 {}", word("mail-sample-product-2")),
                        "12".to_string(),
                        i18n::fmt::money(lang, 1_150, &tenant.currency),
                    ),
                ];
                let order_facts = vec![
                    (
                        word("mail-order-fact-deliver-to"),
                        word("mail-sample-address"),
                    ),
                    (
                        word("mail-order-fact-total"),
                        i18n::fmt::money(lang, 26_280, &tenant.currency),
                    ),
                ];
                let link = format!("{portal}/po/sample");
                let link_note = word("mail-preview-order-link-note");
                let link_note = link_note.as_str();
                Composed {
                    html: OrderHtml {
                        t,
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
                        t,
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
                let title = i18n::t_args(
                    lang,
                    "mail-staff-message-title",
                    &[
                        ("author", word("mail-sample-supplier").into()),
                        ("id", "42".into()),
                    ],
                );
                let title = title.as_str();
                let intro = word("mail-sample-message");
                let intro = intro.as_str();
                let button = word("mail-open-order");
                let button = button.as_str();
                let link = format!("{portal}/documents/purchase_order/42");
                Composed {
                    html: MessageHtml {
                        t,
                        subject: title,
                        brand: &brand,
                        name,
                        title,
                        intro,
                        link: &link,
                        button,
                    }
                    .render()?,
                    text: MessageText {
                        t,
                        brand: &brand,
                        name,
                        title,
                        intro,
                        link: &link,
                        button,
                    }
                    .render()?,
                    subject: title.into(),
                }
            }
            MailPreview::Invitation | MailPreview::PasswordReset => {
                let invitation = which == MailPreview::Invitation;
                let (title, intro, link, link_note, button) = if invitation {
                    let tenant_name =
                        || -> i18n::FluentValue<'static> { tenant.name.clone().into() };
                    (
                        i18n::t_args(
                            lang,
                            "mail-invite-staff-title",
                            &[("tenant", tenant_name())],
                        ),
                        i18n::t_args(
                            lang,
                            "mail-invite-staff-intro",
                            &[("tenant", tenant_name()), ("role", "planner".into())],
                        ),
                        format!("{portal}/invite/sample"),
                        word("mail-preview-invite-link-note"),
                        word("mail-invite-button"),
                    )
                } else {
                    let (title, intro, link_note) = reset_words(lang, &brand.product_name);
                    (
                        title,
                        intro,
                        format!("{portal}/reset/sample"),
                        link_note,
                        word("mail-reset-button"),
                    )
                };
                Composed {
                    html: InviteHtml {
                        t,
                        subject: &title,
                        brand: &brand,
                        name,
                        title: &title,
                        intro: &intro,
                        link: &link,
                        link_note: &link_note,
                        button: &button,
                    }
                    .render()?,
                    text: InviteText {
                        t,
                        brand: &brand,
                        name,
                        title: &title,
                        intro: &intro,
                        link: &link,
                        link_note: &link_note,
                        button: &button,
                    }
                    .render()?,
                    subject: title.clone(),
                }
            }
            MailPreview::ShopperAlert => {
                let sample = || -> Vec<(&'static str, i18n::FluentValue<'static>)> {
                    vec![
                        ("product", word("mail-sample-product").into()),
                        ("place", word("mail-sample-store").into()),
                    ]
                };
                let subject = i18n::t_args(lang, "mail-preview-shopper-subject", &sample());
                let subject = subject.as_str();
                let heading = word("mail-preview-shopper-heading");
                let heading = heading.as_str();
                let intro = i18n::t_args(lang, "mail-preview-shopper-intro", &sample());
                let intro = intro.as_str();
                let button_label = word("mail-preview-shopper-button");
                let button_label = button_label.as_str();
                let button_link = format!("{portal}/notify/SAMPLE-001");
                let note = word("mail-preview-shopper-note");
                let note = note.as_str();
                let manage_link = format!("{portal}/alerts/sample");
                let unsubscribe_link = format!("{portal}/alerts/sample/unsubscribe");
                Composed {
                    html: ShopperHtml {
                        t,
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
                        t,
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
