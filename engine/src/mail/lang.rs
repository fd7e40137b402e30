//! The language an e-mail is written in: its recipient's ([`Mailer::recipient_lang`]:
//! a supplier's for what goes to a supplier, a person's own choice for what goes to a
//! person, else the tenant's default, else English), and [`Tr`], the templates' way to
//! the catalogues (`engine/i18n/locales/*/mail.ftl`).

use super::{db_error, Mailer, SendMail};
use crate::jobs::JobError;
use crate::model::Tenant;

/// The recipient's language inside a template: `{{ t.get("mail-…") }}`,
/// `{{ t.arg("mail-hello", "name", name) }}`, `{{ t.code() }}` (the `<html lang>`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tr(pub(crate) i18n::Lang);

impl Tr {
    /// The message `id`.
    pub(crate) fn get(&self, id: &str) -> String {
        i18n::t(self.0, id)
    }

    /// The message `id` with its one placeable `key` filled with `value`.
    pub(crate) fn arg(&self, id: &str, key: &'static str, value: &str) -> String {
        i18n::t_args(self.0, id, &[(key, value.to_string().into())])
    }

    /// The language's code (`en`, `de`, `nl`).
    pub(crate) fn code(&self) -> &'static str {
        self.0.code()
    }
}

/// A saved language (a code), else the tenant's default, else English.
pub(crate) fn lang_or_default(saved: Option<&str>, tenant: &Tenant) -> i18n::Lang {
    saved
        .and_then(i18n::Lang::parse)
        .or_else(|| tenant.language.as_deref().and_then(i18n::Lang::parse))
        .unwrap_or_default()
}

/// A message with a `$title` in it (and `args` besides), cut around the title: the
/// HTML sets the title in bold between the two parts, the text puts it back as it is.
pub(crate) fn around_title(
    lang: i18n::Lang,
    id: &str,
    args: &[(&'static str, i18n::FluentValue<'_>)],
) -> (String, String) {
    const MARK: &str = "\u{1}";
    let mut all = args.to_vec();
    all.push(("title", MARK.into()));
    let whole = i18n::t_args(lang, id, &all);
    match whole.split_once(MARK) {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (whole, String::new()),
    }
}

impl Mailer {
    /// The language `mail`'s recipient reads: for an order's e-mail the choice of the
    /// supplier's person at that address, else the supplier's; the supplier's for an
    /// invitation to a supplier's people; the person's own choice for the rest
    /// (staff, and anyone's account e-mail); else the tenant's default; else English.
    pub async fn recipient_lang(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
    ) -> Result<i18n::Lang, JobError> {
        let t = tenant.id;
        let saved = match mail.template.as_str() {
            "purchase_order" | "po_reminder" | "po_cancelled" | "po_update" | "po_message" => {
                // The supplier's person who reads this address chose a language on
                // their account: theirs first, else the supplier's.
                let own = self
                    .store
                    .user_language_by_email(t, &mail.to)
                    .await
                    .map_err(db_error)?;
                match (own, self.store.purchase_order(t, mail.doc_id).await) {
                    (Some(own), _) => Some(own),
                    (None, Ok(Some(po))) => self
                        .store
                        .supplier_language(t, po.supplier_id)
                        .await
                        .map_err(db_error)?,
                    (None, Ok(None)) => None,
                    (None, Err(e)) => return Err(db_error(e)),
                }
            }
            "invitation" => {
                let supplier = self
                    .store
                    .invitation(t, mail.link_id)
                    .await
                    .map_err(db_error)?
                    .and_then(|i| i.supplier_id);
                match supplier {
                    Some(s) => self.store.supplier_language(t, s).await.map_err(db_error)?,
                    None => self
                        .store
                        .user_language_by_email(t, &mail.to)
                        .await
                        .map_err(db_error)?,
                }
            }
            _ => self
                .store
                .user_language_by_email(t, &mail.to)
                .await
                .map_err(db_error)?,
        };
        Ok(lang_or_default(saved.as_deref(), tenant))
    }

    /// The language a shopper's e-mail about subscription `id` is written in: the one
    /// they asked in, else the tenant's default, else English.
    pub async fn shopper_lang(&self, tenant: &Tenant, id: i64) -> Result<i18n::Lang, JobError> {
        let saved = self
            .store
            .subscription_language(tenant.id, id)
            .await
            .map_err(db_error)?;
        Ok(lang_or_default(saved.as_deref(), tenant))
    }
}
