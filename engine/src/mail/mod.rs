//! Branded e-mail: askama templates (`engine/templates/mail/`) in the tenant's theme,
//! delivered by lettre over SMTP, or into a local mailbox directory (one `.eml` file per
//! message) when no SMTP server is configured. Mail is queued as [`SendMail`] jobs on its
//! own queue in the transaction of the change that causes it (the outbox), and sent by
//! [`worker`].

use std::path::PathBuf;
use std::sync::Arc;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use serde::{Deserialize, Serialize};

mod documents;
mod invites;
mod lang;
mod messages;
mod orders;
pub mod preview;
mod sender;
pub mod shoppers;

use crate::exceptions;
use crate::jobs::{queues, BackgroundJob, Job, JobError};
use crate::model::{Tenant, TenantId};
use crate::store::Store;
use crate::theme::Themes;
use crate::worker::Worker;

/// One e-mail about a document, to one person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendMail {
    /// `approval_request`, `outcome` (to staff), `purchase_order` or `po_cancelled` (to
    /// the supplier, see [`orders`]; also `po_reminder` and `po_message`), `invitation`
    /// (see [`invites`]), `po_message_staff` (see [`messages`]).
    pub template: String,
    pub to: String,
    pub name: String,
    pub doc_type: String,
    pub doc_id: i64,
    /// What the mail is about, unique per message (e.g. `po-sent:12`): with the tenant it
    /// keys the job, so the same occasion never queues a second message.
    #[serde(default)]
    pub occasion: String,
    /// For `outcome` mails: what happened ("approved", "rejected"), and the decider's
    /// note; for `invitation` mails, the supplier's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The engine's own note in words each recipient reads in their language (`note`
    /// is their English); `None` for a note a person wrote, and for jobs queued before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_words: Option<crate::recorded::Recorded>,
    /// For `purchase_order` mails: the signed link (`po_links` row) the mail carries; for
    /// `invitation` mails, the invitation.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub link_id: i64,
    /// For `po_message` (to the supplier) and `po_message_staff` mails: the message.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub message_id: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl BackgroundJob for SendMail {
    const KIND: &'static str = "mail.send";
    const QUEUE: &'static str = queues::MAIL;
    const MAX_ATTEMPTS: i64 = 10;
    type Context = Mailer;

    /// `mail:<what>:<tenant>:<rest>`, e.g. `mail:po-sent:3:12`: the layout jobs queued
    /// before the typed jobs used, so they still block a second message.
    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        match self.occasion.split_once(':') {
            Some((what, rest)) => Some(format!("mail:{what}:{}:{rest}", tenant.0)),
            None if !self.occasion.is_empty() => {
                Some(format!("mail:{}:{}", self.occasion, tenant.0))
            }
            None => None,
        }
    }

    async fn run(self, mailer: Mailer, tenant: TenantId, job: Job) -> Result<(), JobError> {
        mailer.send(tenant, &self, &job).await
    }
}

fn db_error(e: sqlx::Error) -> JobError {
    crate::error::EngineError::Store(e).into()
}

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// Development: each message is written to `<dir>/<id>.eml`.
    Mailbox(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Transport {
    /// SMTP when `smtp_url` is set (`smtps://user:pass@host`, `smtp://host:25?tls=required`),
    /// else the mailbox directory.
    pub fn from_config(smtp_url: Option<&str>, mailbox: PathBuf) -> Result<Transport, String> {
        match smtp_url.filter(|u| !u.trim().is_empty()) {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Transport::Smtp(b.build()))
                .map_err(|e| format!("SMTP URL is not valid: {e}")),
            None => Ok(Transport::Mailbox(mailbox)),
        }
    }
}

/// Composes and sends mail for jobs.
#[derive(Clone)]
pub struct Mailer {
    pub store: Store,
    pub themes: Arc<Themes>,
    pub transport: Transport,
    /// Sender address; the display name is the tenant's brand.
    pub from_address: String,
    /// The portal URL of a tenant, with `{slug}` replaced: e.g. `http://{slug}.localhost:3000`.
    pub portal_url: String,
    /// Opens shoppers' sealed addresses (see `mail::shoppers`).
    pub addresses: Arc<crate::addresses::AddressKeys>,
}

/// How handing a message to the transport went.
pub(crate) enum Transmit {
    Sent,
    /// Try again later (a 4xx reply, a timeout, a reset, the lease lost); the text names
    /// the class of failure only, never the server's reply (it may quote an address).
    Retry(String),
    /// The server refused the message for good (a 5xx reply).
    Permanent(String),
}

/// The brand an e-mail carries: the tenant's theme, never the platform's unless the
/// theme says so.
pub struct Brand {
    pub product_name: String,
    /// The line in the header bar (the theme's e-mail header, else the product name).
    pub header: String,
    pub primary: String,
    pub on_primary: String,
    pub background: String,
    pub surface: String,
    pub text: String,
    pub muted: String,
    pub font: String,
    pub footer: String,
}

/// An amount in English form (`EUR 1,234.50`): what a log or a test reads; e-mails
/// use `i18n::fmt::money` in their recipient's language.
pub fn money(minor: i64, currency: &str) -> String {
    i18n::fmt::money(i18n::Lang::En, minor, currency)
}

/// A composed message before addressing.
#[derive(Clone, Debug)]
pub struct Composed {
    pub subject: String,
    pub html: String,
    pub text: String,
}

impl Mailer {
    /// The tenant's brand, its default footer in `lang`.
    fn brand(&self, tenant: &Tenant, lang: i18n::Lang) -> Brand {
        let owned = self.themes.for_tenant(tenant);
        let theme = owned.as_ref();
        let c = |f: fn(&crate::theme::Colors) -> &String, d: &str| {
            theme
                .map(|t| f(&t.colors).clone())
                .unwrap_or_else(|| d.to_string())
        };
        let product_name = theme
            .map(|t| t.product_name.clone())
            .unwrap_or_else(|| tenant.name.clone());
        Brand {
            header: theme
                .and_then(|t| t.email.header.clone())
                .unwrap_or_else(|| product_name.clone()),
            product_name,
            primary: c(|c| &c.primary, "#1f4e79"),
            on_primary: c(|c| &c.on_primary, "#ffffff"),
            background: c(|c| &c.background, "#f5f5f5"),
            surface: c(|c| &c.surface, "#ffffff"),
            text: c(|c| &c.text, "#222222"),
            muted: c(|c| &c.muted, "#666666"),
            font: theme
                .map(|t| t.fonts.body.clone())
                .unwrap_or_else(|| "sans-serif".into()),
            footer: theme
                .and_then(|t| t.email.footer.clone())
                .unwrap_or_else(|| {
                    i18n::t_args(
                        lang,
                        "mail-footer",
                        &[("tenant", tenant.name.clone().into())],
                    )
                }),
        }
    }

    /// Renders a message in `lang`, its recipient's language (see
    /// [`Mailer::recipient_lang`]); also used by tests to check content.
    pub async fn compose(
        &self,
        tenant: &Tenant,
        mail: &SendMail,
        lang: i18n::Lang,
    ) -> Result<Composed, JobError> {
        if let Some(composed) = self.compose_for_supplier(tenant, mail, lang).await? {
            return Ok(composed);
        }
        if let Some(composed) = self.compose_invitation(tenant, mail, lang).await? {
            return Ok(composed);
        }
        if let Some(composed) = self.compose_staff_message(tenant, mail, lang).await? {
            return Ok(composed);
        }
        if let Some(composed) = self.compose_account_notice(tenant, mail, lang)? {
            return Ok(composed);
        }
        self.compose_document(tenant, mail, lang).await
    }

    /// Sends one message. The Message-ID is derived from the job, so a retry after an
    /// unacknowledged send can be recognised as the same message.
    pub async fn send(
        &self,
        tenant_id: TenantId,
        mail: &SendMail,
        job: &Job,
    ) -> Result<(), JobError> {
        let job_id = job.id;
        let tenants = self.store.tenants().await.map_err(db_error)?;
        let tenant = tenants
            .into_iter()
            .find(|t| t.id == tenant_id)
            .ok_or_else(|| JobError::Terminal("tenant is gone".into()))?;
        let (to, name) = (mail.to.as_str(), mail.name.as_str());
        let to: Mailbox = format!("{name} <{to}>")
            .parse()
            .or_else(|_| to.parse())
            .map_err(|_| JobError::Terminal("the recipient address is not valid".into()))?;
        if !self.supplier_mail_wanted(&tenant, mail).await?
            || !self.invitation_wanted(&tenant, mail).await?
        {
            // The order was cancelled or its link withdrawn, or the invitation withdrawn
            // or used, before the mail went out.
            return Ok(());
        }
        crate::branding::load(&self.store, &self.themes, &tenant)
            .await
            .map_err(db_error)?;
        let lang = self.recipient_lang(&tenant, mail).await?;
        let composed = self.compose(&tenant, mail, lang).await?;
        let sender = self.sender(&tenant)?;
        let domain = sender.domain.clone();
        let message = sender
            .headers(Message::builder())
            .to(to)
            .subject(&composed.subject)
            .message_id(Some(format!("<job-{job_id}@{domain}>")))
            .multipart(alternative(composed.text, composed.html))
            .map_err(|e| JobError::Terminal(format!("building the message: {e}")))?;
        match self.transmit(message, job).await {
            Transmit::Sent => Ok(()),
            Transmit::Retry(why) => Err(JobError::Retry(why)),
            Transmit::Permanent(why) => Err(JobError::Terminal(why)),
        }
    }

    /// Hands a message to the transport, fenced: a worker whose lease lapsed while
    /// composing does not send; the worker that rescued the job sends it (with the same
    /// Message-ID).
    pub(crate) async fn transmit(&self, message: Message, job: &Job) -> Transmit {
        match self
            .store
            .holds_job(job.id, job.attempt, crate::model::now_ms())
            .await
        {
            Ok(true) => {}
            Ok(false) => return Transmit::Retry("the job's lease was lost before sending".into()),
            Err(_) => {
                return Transmit::Retry("the database was not reachable before sending".into())
            }
        }
        match &self.transport {
            Transport::Mailbox(dir) => {
                if let Err(e) = tokio::fs::create_dir_all(dir).await {
                    return Transmit::Retry(format!("mailbox folder: {}", e.kind()));
                }
                match AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                {
                    Ok(_) => Transmit::Sent,
                    Err(_) => Transmit::Retry("writing to the mailbox folder failed".into()),
                }
            }
            Transport::Smtp(smtp) => match smtp.send(message).await {
                Ok(_) => Transmit::Sent,
                Err(e) => {
                    let code = e.status().map(|c| format!(" ({c})")).unwrap_or_default();
                    if e.is_permanent() {
                        Transmit::Permanent(format!("SMTP refused the message for good{code}"))
                    } else if e.is_transient() {
                        Transmit::Retry(format!("SMTP temporary failure{code}"))
                    } else {
                        Transmit::Retry("SMTP connection failed".into())
                    }
                }
            },
        }
    }
}

/// The text and HTML parts of a message, the reader's mail program picking one.
pub(crate) fn alternative(text: String, html: String) -> MultiPart {
    MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(html),
        )
}

/// A worker for the mail queue; a message that cannot be sent is raised in the tenant's
/// exception queue.
pub fn worker(mailer: Mailer, id: &str) -> Worker {
    let store = mailer.store.clone();
    Worker::new(store.clone(), queues::MAIL, id)
        .register::<SendMail>(mailer.clone())
        .register::<shoppers::ShopperMail>(mailer)
        .on_dead_letter(exceptions::dead_letter_hook(store))
}

#[cfg(test)]
mod tests {
    use crate::jobs::BackgroundJob;
    use crate::model::TenantId;

    #[test]
    fn mail_keys_keep_the_layout_queued_jobs_have() {
        let mail = |occasion: &str| super::SendMail {
            template: "purchase_order".into(),
            to: "a@b.example".into(),
            name: "A".into(),
            doc_type: "purchase_order".into(),
            doc_id: 12,
            occasion: occasion.into(),
            ..Default::default()
        };
        assert_eq!(
            mail("po-sent:12").unique_key(TenantId(3)).as_deref(),
            Some("mail:po-sent:3:12")
        );
        assert_eq!(
            mail("approval:transfer:7:5:1000")
                .unique_key(TenantId(3))
                .as_deref(),
            Some("mail:approval:3:transfer:7:5:1000")
        );
    }

    #[test]
    fn money_groups_thousands_and_keeps_cents() {
        assert_eq!(super::money(12_345_678, "EUR"), "EUR 123,456.78");
        assert_eq!(super::money(5, "EUR"), "EUR 0.05");
        assert_eq!(super::money(-100_000, "USD"), "USD -1,000.00");
    }
}
