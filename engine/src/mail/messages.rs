//! A supplier's message about an order, to the buyer's staff (see
//! `replenish::messages`). The buyer's messages go to the supplier as an order mail
//! (`po_message` in [`super::orders`]), with the order's lines and a link.

use askama::Template;

use super::lang::Tr;
use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::model::Tenant;

#[derive(Template)]
#[template(path = "mail/message.html")]
pub(super) struct MessageHtml<'a> {
    pub(super) t: Tr,
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) link: &'a str,
    pub(super) button: &'a str,
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
pub(super) struct MessageText<'a> {
    pub(super) t: Tr,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) link: &'a str,
    pub(super) button: &'a str,
}

impl Mailer {
    /// A supplier's message about an order, to the buyer, in `lang`; `None` for another
    /// template.
    pub(super) async fn compose_staff_message(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Option<Composed>, JobError> {
        if mail.template != "po_message_staff" {
            return Ok(None);
        }
        let m = self
            .store
            .po_message(tenant.id, mail.message_id)
            .await
            .map_err(db_error)?
            .ok_or_else(|| JobError::Terminal("the message is gone".into()))?;
        let title = i18n::t_args(
            lang,
            "mail-staff-message-title",
            &[
                ("author", m.author.clone().into()),
                ("id", m.po_id.to_string().into()),
            ],
        );
        let link = format!(
            "{}/documents/purchase_order/{}",
            self.portal_url.replace("{slug}", &tenant.slug),
            m.po_id
        );
        let brand = self.brand(tenant, lang);
        let button = i18n::t(lang, "mail-open-order");
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: MessageHtml {
                t: Tr(lang),
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &m.body,
                link: &link,
                button: &button,
            }
            .render()
            .map_err(render)?,
            text: MessageText {
                t: Tr(lang),
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &m.body,
                link: &link,
                button: &button,
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }

    /// The e-mail telling a person what just changed on their account, in `lang`;
    /// `None` for another template.
    pub(super) fn compose_account_notice(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Option<Composed>, JobError> {
        if mail.template != "account_notice" {
            return Ok(None);
        }
        let brand = self.brand(tenant, lang);
        let what = match mail.note.as_str() {
            "password_changed" => "mail-notice-password-changed",
            "two_factor_on" => "mail-notice-two-factor-on",
            "two_factor_off" => "mail-notice-two-factor-off",
            "recovery_codes_renewed" => "mail-notice-recovery-codes",
            _ => return Err(JobError::Terminal("unknown account notice".into())),
        };
        let title = i18n::t_args(
            lang,
            "mail-notice-title",
            &[
                ("what", i18n::t(lang, what).into()),
                ("product", brand.product_name.clone().into()),
            ],
        );
        let intro = i18n::t(lang, "mail-notice-intro");
        let button = i18n::t(lang, "mail-notice-button");
        let link = format!("{}/forgot", self.portal_url.replace("{slug}", &tenant.slug));
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: MessageHtml {
                t: Tr(lang),
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                button: &button,
            }
            .render()
            .map_err(render)?,
            text: MessageText {
                t: Tr(lang),
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                button: &button,
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }
}
