//! Who a tenant's e-mail comes from: the theme's sender name and address (else the
//! deployment's `mail_from`), its reply-to, and the domain Message-IDs are made on.

use lettre::message::Mailbox;

use super::Mailer;
use crate::jobs::JobError;
use crate::model::Tenant;

/// Who a tenant's e-mail comes from (see [`Mailer::sender`]).
pub(crate) struct Sender {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
    /// The sender address's domain: where Message-IDs are made.
    pub domain: String,
}

impl Sender {
    /// `From` and, when set, `Reply-To` on a message being built.
    pub fn headers(
        &self,
        builder: lettre::message::MessageBuilder,
    ) -> lettre::message::MessageBuilder {
        let builder = builder.from(self.from.clone());
        match &self.reply_to {
            Some(r) => builder.reply_to(r.clone()),
            None => builder,
        }
    }
}

impl Mailer {
    /// The tenant's sender: its theme's sender name (else its name) at its theme's
    /// sender address (else the deployment's `mail_from`), its reply-to, and the domain
    /// its Message-IDs are made on (the sender's).
    pub(crate) fn sender(&self, tenant: &Tenant) -> Result<Sender, JobError> {
        let theme = self.themes.for_tenant(tenant);
        let email = theme.as_ref().map(|t| &t.email);
        let sender_name = email
            .and_then(|e| e.sender_name.clone())
            .unwrap_or_else(|| tenant.name.clone());
        let address = email
            .and_then(|e| e.sender_address.clone())
            .unwrap_or_else(|| self.from_address.clone());
        let from: Mailbox = Mailbox::new(
            Some(sender_name),
            address
                .parse()
                .map_err(|_| JobError::Terminal("the sender address is not valid".into()))?,
        );
        let reply_to = match email.and_then(|e| e.reply_to.as_deref()) {
            Some(r) => Some(
                r.parse::<Mailbox>()
                    .map_err(|_| JobError::Terminal("the reply-to address is not valid".into()))?,
            ),
            None => None,
        };
        Ok(Sender {
            domain: from.email.domain().to_string(),
            from,
            reply_to,
        })
    }
}
