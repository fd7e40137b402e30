//! Shoppers' e-mails (back-in-stock): the confirmation of a new alert, the notification
//! that the item is back, and the offer of a substitute. The job carries only the
//! subscription's id: the address is opened from its sealed form just before sending
//! and never stored in a job, an error or a log line.
//!
//! Notifications carry RFC 8058 one-click unsubscribe headers and a Message-ID derived
//! from the subscription, so a retried send is recognisably the same message. A
//! temporary SMTP failure (4xx, timeout, reset) is retried with backoff; a permanent one
//! (5xx) suppresses the address: no further mail, its open alerts end.

use askama::Template;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::Message;
use serde::{Deserialize, Serialize};

use super::lang::Tr;
use super::{alternative, db_error, Brand, Mailer, Transmit};
use crate::alert_settings::Settings;
use crate::jobs::{queues, BackgroundJob, Job, JobError};
use crate::links::{shopper_token, ShopperLink, LINK_KEY};
use crate::model::{now_ms, Tenant, TenantId};
use crate::store::subscribers::SubscriptionRecord;

/// Which shopper e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShopperMailKind {
    Confirm,
    Notify,
    Substitute,
}

impl ShopperMailKind {
    fn as_str(self) -> &'static str {
        match self {
            ShopperMailKind::Confirm => "confirm",
            ShopperMailKind::Notify => "notify",
            ShopperMailKind::Substitute => "substitute",
        }
    }
}

/// One shopper e-mail about one subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopperMail {
    pub subscription_id: i64,
    pub kind: ShopperMailKind,
    /// Confirmations: the minute asked (one e-mail per minute at most); 0 otherwise,
    /// since a subscription is notified, or offered a substitute, once.
    #[serde(default)]
    pub occasion: i64,
}

impl BackgroundJob for ShopperMail {
    const KIND: &'static str = "mail.shopper";
    const QUEUE: &'static str = queues::MAIL;
    const MAX_ATTEMPTS: i64 = 10;
    type Context = Mailer;

    fn unique_key(&self, tenant: TenantId) -> Option<String> {
        Some(format!(
            "mail:bis-{}:{}:{}:{}",
            self.kind.as_str(),
            tenant.0,
            self.subscription_id,
            self.occasion
        ))
    }

    async fn run(self, mailer: Mailer, tenant: TenantId, job: Job) -> Result<(), JobError> {
        mailer.send_shopper(tenant, &self, &job).await
    }
}

#[derive(Template)]
#[template(path = "mail/shopper.html")]
pub(super) struct ShopperHtml<'a> {
    pub(super) t: Tr,
    pub(super) subject: &'a str,
    pub(super) brand: &'a Brand,
    pub(super) heading: &'a str,
    pub(super) intro: &'a str,
    pub(super) button_label: &'a str,
    pub(super) button_link: &'a str,
    pub(super) note: &'a str,
    pub(super) manage_link: &'a str,
    pub(super) unsubscribe_link: &'a str,
}

#[derive(Template)]
#[template(path = "mail/shopper.txt")]
pub(super) struct ShopperText<'a> {
    pub(super) t: Tr,
    pub(super) brand: &'a Brand,
    pub(super) heading: &'a str,
    pub(super) intro: &'a str,
    pub(super) button_label: &'a str,
    pub(super) button_link: &'a str,
    pub(super) note: &'a str,
    pub(super) manage_link: &'a str,
    pub(super) unsubscribe_link: &'a str,
}

/// A shopper e-mail ready to address.
pub struct ShopperMessage {
    pub subject: String,
    pub html: String,
    pub text: String,
    /// The one-click unsubscribe URL (notifications and offers).
    pub unsubscribe: Option<String>,
}

fn still_wanted(kind: ShopperMailKind, sub: &SubscriptionRecord, now: i64) -> bool {
    match kind {
        ShopperMailKind::Confirm => sub.state == "pending" && sub.confirm_expires_at > now,
        ShopperMailKind::Notify => sub.state == "notified",
        ShopperMailKind::Substitute => sub.state == "confirmed",
    }
}

impl Mailer {
    fn shop_link(
        &self,
        tenant: &Tenant,
        settings: &Settings,
        sku: &str,
        reference: &str,
    ) -> String {
        let enc = |s: &str| -> String {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        };
        match &settings.shop_url {
            Some(url) => url
                .replace("{sku}", &enc(sku))
                .replace("{ref}", &enc(reference)),
            None => format!(
                "{}/notify/{}?ref={}",
                self.portal_url.replace("{slug}", &tenant.slug),
                enc(sku),
                enc(reference)
            ),
        }
    }

    /// Renders a shopper e-mail in `lang`, the shopper's (see [`Mailer::shopper_lang`];
    /// also for tests). `None` when the subscription no longer wants it (confirmed,
    /// unsubscribed, erased, expired).
    pub async fn compose_shopper(
        &self,
        tenant: &Tenant,
        mail: &ShopperMail,
        now: i64,
        lang: i18n::Lang,
    ) -> Result<Option<(SubscriptionRecord, ShopperMessage)>, JobError> {
        let t = tenant.id;
        let Some(sub) = self
            .store
            .subscription(t, mail.subscription_id)
            .await
            .map_err(db_error)?
        else {
            return Ok(None);
        };
        if !still_wanted(mail.kind, &sub, now) {
            return Ok(None);
        }
        let settings = Settings::load(&self.store, t).await.map_err(db_error)?;
        let products = self
            .store
            .product_labels(t, &[sub.product_id])
            .await
            .map_err(db_error)?;
        let (sku, product) = products
            .first()
            .map(|p| (p.1.clone(), p.2.clone()))
            .ok_or_else(|| JobError::Terminal("the product is gone".into()))?;
        let (locations, _) = self.store.labels(t).await.map_err(db_error)?;
        let place = locations
            .iter()
            .find(|l| l.0 == sub.location_id)
            .map(|l| {
                if settings.online_location.as_deref() == Some(l.1.as_str()) {
                    i18n::t(lang, "mail-shopper-online-shop")
                } else {
                    l.2.clone()
                }
            })
            .unwrap_or_default();
        let key = self.store.signing_key(LINK_KEY).await.map_err(db_error)?;
        let portal = self.portal_url.replace("{slug}", &tenant.slug);
        let manage = shopper_token(&key, ShopperLink::Manage, t.0, sub.id);
        let manage_link = format!("{portal}/alerts/{manage}");
        let unsubscribe_link = format!("{portal}/alerts/{manage}/unsubscribe");
        let brand = self.brand(tenant, lang);
        let shop = brand.product_name.clone();
        // The product's, the channel's and the shop's names, for the messages.
        let named =
            |extra: &[(&'static str, String)]| -> Vec<(&'static str, i18n::FluentValue<'static>)> {
                let mut args: Vec<(&'static str, i18n::FluentValue<'static>)> = vec![
                    ("shop", shop.clone().into()),
                    ("product", product.clone().into()),
                    ("place", place.clone().into()),
                ];
                args.extend(extra.iter().map(|(k, v)| (*k, v.clone().into())));
                args
            };
        let say =
            |id: &str, extra: &[(&'static str, String)]| i18n::t_args(lang, id, &named(extra));
        let (subject, heading, intro, button_label, button_link, note, list) = match mail.kind {
            ShopperMailKind::Confirm => {
                let token = shopper_token(&key, ShopperLink::Confirm, t.0, sub.id);
                let hours = [("hours", crate::alert_settings::CONFIRM_HOURS.to_string())];
                (
                    say("mail-shopper-confirm-subject", &[]),
                    i18n::t(lang, "mail-shopper-confirm-heading"),
                    say("mail-shopper-confirm-intro", &[]),
                    i18n::t(lang, "mail-shopper-confirm-button"),
                    format!("{portal}/alerts/confirm/{token}"),
                    say("mail-shopper-confirm-note", &hours),
                    false,
                )
            }
            ShopperMailKind::Notify => {
                let reference = shopper_token(&key, ShopperLink::Purchase, t.0, sub.id);
                (
                    say("mail-shopper-notify-subject", &[]),
                    say("mail-shopper-notify-heading", &[]),
                    say("mail-shopper-notify-intro", &[]),
                    i18n::t(lang, "mail-shopper-notify-button"),
                    self.shop_link(tenant, &settings, &sku, &reference),
                    i18n::t(lang, "mail-shopper-notify-note"),
                    true,
                )
            }
            ShopperMailKind::Substitute => {
                let sub_sku = settings.substitutes.get(&sku).cloned().unwrap_or_default();
                let alt = self
                    .store
                    .product_by_sku(t, &sub_sku)
                    .await
                    .map_err(db_error)?
                    .map(|p| p.2)
                    .ok_or_else(|| JobError::Terminal("the substitute is gone".into()))?;
                let alt = [("alt", alt)];
                (
                    say("mail-shopper-substitute-subject", &alt),
                    say("mail-shopper-substitute-heading", &[]),
                    say("mail-shopper-substitute-intro", &alt),
                    say("mail-shopper-substitute-button", &alt),
                    self.shop_link(tenant, &settings, &sub_sku, ""),
                    say("mail-shopper-substitute-note", &[]),
                    true,
                )
            }
        };
        // Every e-mail links to the shopper's own page; list mail also unsubscribes.
        let unsubscribe_link = if list {
            unsubscribe_link
        } else {
            String::new()
        };
        let render = |e: askama::Error| JobError::Terminal(format!("template: {e}"));
        let html = ShopperHtml {
            t: Tr(lang),
            subject: &subject,
            brand: &brand,
            heading: &heading,
            intro: &intro,
            button_label: &button_label,
            button_link: &button_link,
            note: &note,
            manage_link: &manage_link,
            unsubscribe_link: &unsubscribe_link,
        }
        .render()
        .map_err(render)?;
        let text = ShopperText {
            t: Tr(lang),
            brand: &brand,
            heading: &heading,
            intro: &intro,
            button_label: &button_label,
            button_link: &button_link,
            note: &note,
            manage_link: &manage_link,
            unsubscribe_link: &unsubscribe_link,
        }
        .render()
        .map_err(render)?;
        Ok(Some((
            sub,
            ShopperMessage {
                subject,
                html,
                text,
                unsubscribe: list.then_some(unsubscribe_link),
            },
        )))
    }

    /// Sends one shopper e-mail (see the module doc for failures).
    pub async fn send_shopper(
        &self,
        tenant_id: TenantId,
        mail: &ShopperMail,
        job: &Job,
    ) -> Result<(), JobError> {
        let now = now_ms();
        let tenant = self
            .store
            .tenants()
            .await
            .map_err(db_error)?
            .into_iter()
            .find(|t| t.id == tenant_id)
            .ok_or_else(|| JobError::Terminal("tenant is gone".into()))?;
        crate::branding::load(&self.store, &self.themes, &tenant)
            .await
            .map_err(db_error)?;
        let lang = self.shopper_lang(&tenant, mail.subscription_id).await?;
        let Some((sub, composed)) = self.compose_shopper(&tenant, mail, now, lang).await? else {
            return Ok(());
        };
        let Some(subscriber) = self
            .store
            .subscriber(tenant_id, sub.subscriber_id)
            .await
            .map_err(db_error)?
        else {
            return Ok(());
        };
        if subscriber.suppressed_at.is_some() {
            return Ok(());
        }
        let address = self
            .addresses
            .open(tenant_id.0, &subscriber.address_sealed)
            .ok_or_else(|| {
                JobError::Terminal(
                    "the shopper's address does not open with the configured subscriber keys"
                        .into(),
                )
            })?;
        let to: Mailbox = address
            .parse()
            .map_err(|_| JobError::Terminal("the shopper's address is not valid".into()))?;
        let sender = self.sender(&tenant)?;
        let domain = sender.domain.clone();
        let message_id = match mail.kind {
            ShopperMailKind::Confirm => format!(
                "<bis-confirm-{}-{}-{}@{domain}>",
                tenant_id.0, sub.id, mail.occasion
            ),
            kind => format!(
                "<bis-{}-{}-{}@{domain}>",
                kind.as_str(),
                tenant_id.0,
                sub.id
            ),
        };
        let mut builder = sender
            .headers(Message::builder())
            .to(to)
            .subject(&composed.subject)
            .message_id(Some(message_id));
        if let Some(url) = &composed.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        let message = builder
            .multipart(alternative(composed.text, composed.html))
            .map_err(|_| JobError::Terminal("building the shopper's message failed".into()))?;
        // A notification is claimed by this job before it goes: an unsubscribe up to
        // here recalls it, and after this it no longer can.
        if mail.kind == ShopperMailKind::Notify
            && !self
                .store
                .claim_notification(tenant_id, sub.id, job.id, now)
                .await
                .map_err(db_error)?
        {
            return Ok(());
        }
        match self.transmit(message, job).await {
            Transmit::Sent => Ok(()),
            Transmit::Retry(why) => Err(JobError::Retry(why)),
            Transmit::Permanent(_) => {
                // Not to be retried, and not to be tried again at all: the address is
                // suppressed and its alerts end (the reply may quote the address, so it
                // is not kept).
                self.store
                    .suppress_subscriber(tenant_id, sub.subscriber_id, now)
                    .await
                    .map_err(db_error)?;
                Ok(())
            }
        }
    }
}
