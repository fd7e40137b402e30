//! The e-mails that carry a signed link for a person: an invitation (who invites them,
//! for which supplier or staff role, see [`crate::invites`] and [`crate::members`]) and
//! a password reset (see [`crate::accounts`]).

use askama::Template;

use super::lang::Tr;
use super::{db_error, Brand, Composed, Mailer, SendMail};
use crate::jobs::JobError;
use crate::links::{invite_token, reset_token, LINK_KEY};
use crate::model::Tenant;
use crate::region::day;

#[derive(Template)]
#[template(path = "mail/invitation.html")]
pub(super) struct InviteHtml<'a> {
    pub(super) t: Tr,
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
    pub(super) t: Tr,
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

    /// The invitation message in `lang`; `None` for another template.
    pub(super) async fn compose_invitation(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Option<Composed>, JobError> {
        if mail.template == "password_reset" {
            return self.compose_reset(tenant, mail, lang).await.map(Some);
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
        let tenant_name = || -> i18n::FluentValue<'static> { tenant.name.clone().into() };
        let (title, intro) = if inv.supplier_id.is_some() {
            (
                i18n::t_args(
                    lang,
                    "mail-invite-supplier-title",
                    &[("tenant", tenant_name())],
                ),
                i18n::t_args(
                    lang,
                    "mail-invite-supplier-intro",
                    &[
                        ("tenant", tenant_name()),
                        ("supplier", mail.note.clone().into()),
                    ],
                ),
            )
        } else {
            (
                i18n::t_args(
                    lang,
                    "mail-invite-staff-title",
                    &[("tenant", tenant_name())],
                ),
                // The role as stored (`planner`): the message names it in the language.
                i18n::t_args(
                    lang,
                    "mail-invite-staff-intro",
                    &[("tenant", tenant_name()), ("role", inv.role.clone().into())],
                ),
            )
        };
        let link_note = i18n::t_args(
            lang,
            "mail-invite-link-note",
            &[("day", day(lang, tenant, inv.expires_at).into())],
        );
        let button = i18n::t(lang, "mail-invite-button");
        let brand = self.brand(tenant, lang);
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Some(Composed {
            html: InviteHtml {
                t: Tr(lang),
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: &button,
            }
            .render()
            .map_err(render)?,
            text: InviteText {
                t: Tr(lang),
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: &button,
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

    /// The password-reset message in `lang`.
    async fn compose_reset(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Composed, JobError> {
        let key = self.store.signing_key(LINK_KEY).await.map_err(db_error)?;
        let link = format!(
            "{}/reset/{}",
            self.portal_url.replace("{slug}", &tenant.slug),
            reset_token(&key, tenant.id.0, mail.link_id)
        );
        let brand = self.brand(tenant, lang);
        let (title, intro, link_note) = reset_words(lang, &brand.product_name);
        let button = i18n::t(lang, "mail-reset-button");
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        Ok(Composed {
            html: InviteHtml {
                t: Tr(lang),
                subject: &title,
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: &button,
            }
            .render()
            .map_err(render)?,
            text: InviteText {
                t: Tr(lang),
                brand: &brand,
                name: &mail.name,
                title: &title,
                intro: &intro,
                link: &link,
                link_note: &link_note,
                button: &button,
            }
            .render()
            .map_err(render)?,
            subject: title,
        })
    }
}

/// A password reset's title, opening line and note on its link, in `lang` (also for
/// the preview).
pub(super) fn reset_words(lang: i18n::Lang, product: &str) -> (String, String, String) {
    (
        i18n::t_args(
            lang,
            "mail-reset-title",
            &[("product", product.to_string().into())],
        ),
        i18n::t(lang, "mail-reset-intro"),
        i18n::t_args(
            lang,
            "mail-reset-link-note",
            &[("minutes", crate::links::RESET_MINUTES.into())],
        ),
    )
}
