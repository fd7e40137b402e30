//! The e-mails that carry a signed link for a person: an invitation (who invites them,
//! for which supplier or staff role, see [`crate::invites`] and [`crate::members`]) and
//! a password reset (see [`crate::accounts`]).

use askama::Template;

use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::links::{invite_token, reset_token, LINK_KEY};
use crate::model::{day_string, Tenant};

#[derive(Template)]
#[template(path = "mail/invitation.html")]
pub(super) struct InviteHtml<'a> {
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) link: &'a str,
    pub(super) link_note: &'a str,
    pub(super) button: &'a str,
}

#[derive(Template)]
#[template(path = "mail/invitation.txt")]
pub(super) struct InviteText<'a> {
    pub(super) brand: &'a Brand,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) intro: &'a str,
    pub(super) link: &'a str,
    pub(super) link_note: &'a str,
    pub(super) button: &'a str,
}

impl Mailer {
    /// False for an invitation's e-mail that should no longer go out: the invitation
    /// was withdrawn (or replaced) or used before the mail was sent.
    pub(super) async fn invitation_wanted(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<bool, JobError> {
        if mail.template == "password_reset" {
            return self.reset_wanted(tenant, mail).await;
        }
        if mail.template != "invitation" {
            return Ok(true);
        }
        let inv = self
            .store
            .invitation(tenant.id, mail.link_id)
            .await
            .map_err(db_error)?;
        Ok(inv.is_some_and(|i| i.accepted_at.is_none() && i.revoked_at.is_none()))
    }

    /// The invitation message; `None` for another template.
    pub(super) async fn compose_invitation(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<Option<Composed>, JobError> {
        if mail.template == "password_reset" {
            return self.compose_reset(tenant, mail).await.map(Some);
        }
        if mail.template != "invitation" {
            return Ok(None);
        }
        let inv = self
            .store
            .invitation(tenant.id, mail.link_id)
            .await
            .map_err(db_error)?
            .ok_or_else(|| JobError::Terminal("the invitation is gone".into()))?;
        let key = self.store.signing_key(LINK_KEY).await.map_err(db_error)?;
        let link = format!(
            "{}/invite/{}",
            self.portal_url.replace("{slug}", &tenant.slug),
            invite_token(&key, tenant.id.0, inv.id)
        );
        let (title, intro) = if inv.supplier_id.is_some() {
            (
                format!("{} invites you to its supplier portal", tenant.name),
                format!(
                    "You will see the purchase orders {} sends to {}, and answer them there: acknowledge with a delivery date, or decline.",
                    tenant.name, mail.note
                ),
            )
        } else {
            (
                format!("{} invites you to its replenishment portal", tenant.name),
                format!(
                    "You will join {} as {} {}.",
                    tenant.name,
                    if mail.note.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    },
                    mail.note
                ),
            )
        };
        let link_note = format!(
            "The link works once, until {}. You choose your password when you open it.",
            day_string(inv.expires_at)
        );
        let brand = self.brand(tenant);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: InviteHtml {
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: "Accept the invitation",
            }
            .render()
            .map_err(render)?,
            text: InviteText {
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: "Accept the invitation",
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }

    async fn reset_wanted(&self, tenant: &Tenant, mail: &SendMail) -> Result<bool, JobError> {
        let open = self
            .store
            .password_reset_open(tenant.id, mail.link_id, crate::model::now_ms())
            .await
            .map_err(db_error)?;
        Ok(open)
    }

    /// The password-reset message.
    async fn compose_reset(&self, tenant: &Tenant, mail: &SendMail) -> Result<Composed, JobError> {
        let key = self.store.signing_key(LINK_KEY).await.map_err(db_error)?;
        let link = format!(
            "{}/reset/{}",
            self.portal_url.replace("{slug}", &tenant.slug),
            reset_token(&key, tenant.id.0, mail.link_id)
        );
        let brand = self.brand(tenant);
        let title = format!("Reset your password for {}", brand.product_name);
        let intro = "Someone, probably you, asked to reset the password of this account. If it was not you, ignore this e-mail: nothing changes until the link is used.".to_string();
        let link_note = format!(
            "The link works once, for {} minutes. Choosing a new password signs you out everywhere else.",
            crate::links::RESET_MINUTES
        );
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Composed {
            html: InviteHtml {
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: "Choose a new password",
            }
            .render()
            .map_err(render)?,
            text: InviteText {
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: "Choose a new password",
            }
            .render()
            .map_err(render)?,
            subject: title,
        })
    }
}
