//! The invitation e-mail: who invites the person, for which supplier, and the signed
//! link that accepts it (see [`crate::invites`]).

use askama::Template;

use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::links::{invite_token, LINK_KEY};
use crate::model::{day_string, Tenant};

#[derive(Template)]
#[template(path = "mail/invitation.html")]
struct InviteHtml<'a> {
    subject: &'a str,
    brand: &'a Brand,
    name: &'a str,
    title: &'a str,
    intro: &'a str,
    link: &'a str,
    link_note: &'a str,
}

#[derive(Template)]
#[template(path = "mail/invitation.txt")]
struct InviteText<'a> {
    brand: &'a Brand,
    name: &'a str,
    title: &'a str,
    intro: &'a str,
    link: &'a str,
    link_note: &'a str,
}

impl Mailer {
    /// False for an invitation's e-mail that should no longer go out: the invitation
    /// was withdrawn (or replaced) or used before the mail was sent.
    pub(super) async fn invitation_wanted(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<bool, JobError> {
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
        let title = format!("{} invites you to its supplier portal", tenant.name);
        let intro = format!(
            "You will see the purchase orders {} sends to {}, and answer them there: acknowledge with a delivery date, or decline.",
            tenant.name, mail.note
        );
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
            }
            .render()
            .map_err(render)?,
            subject: title,
        }))
    }
}
