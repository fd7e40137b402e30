//! A supplier's message about an order, to the buyer's staff (see
//! `replenish::messages`). The buyer's messages go to the supplier as an order mail
//! (`po_message` in [`super::orders`]), with the order's lines and a link.

use askama::Template;

use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::model::Tenant;

#[derive(Template)]
#[template(path = "mail/message.html")]
pub(super) struct MessageHtml<'a> {
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
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) link: &'a str,
    pub(super) button: &'a str,
}

impl Mailer {
    /// A supplier's message about an order, to the buyer; `None` for another template.
    pub(super) async fn compose_staff_message(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
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
        let title = format!("{} wrote about purchase order {}", m.author, m.po_id);
        let link = format!(
            "{}/documents/purchase_order/{}",
            self.portal_url.replace("{slug}", &tenant.slug),
            m.po_id
        );
        let brand = self.brand(tenant);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: MessageHtml {
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &m.body,
                link: &link,
                button: "Open the order",
            }
            .render()
            .map_err(render)?,
            text: MessageText {
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &m.body,
                link: &link,
                button: "Open the order",
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }

    /// The e-mail telling a person what just changed on their account; `None` for
    /// another template.
    pub(super) fn compose_account_notice(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<Option<Composed>, JobError> {
        if mail.template != "account_notice" {
            return Ok(None);
        }
        let brand = self.brand(tenant);
        let what = match mail.note.as_str() {
            "password_changed" => "Your password was changed",
            "two_factor_on" => "Two-step sign-in was turned on for your account",
            "two_factor_off" => "Two-step sign-in was turned off for your account",
            "recovery_codes_renewed" => "New recovery codes were made for your account",
            _ => return Err(JobError::Terminal("unknown account notice".into())),
        };
        let title = format!("{what} ({})", brand.product_name);
        let intro = "If you did this, there is nothing to do. If you did not, reset your password now with the link below, and tell your administrator.";
        let link = format!("{}/forgot", self.portal_url.replace("{slug}", &tenant.slug));
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: MessageHtml {
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro,
                link: &link,
                button: "Reset your password",
            }
            .render()
            .map_err(render)?,
            text: MessageText {
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro,
                link: &link,
                button: "Reset your password",
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }
}
