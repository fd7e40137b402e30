//! Back-in-stock alerts for shoppers: subscribe (the hosted page or the widget), double
//! opt-in, fair waves when stock returns ([`waves`]), one-click unsubscribe,
//! preferences and erasure. Addresses are sealed and hashed with [`AddressKeys`] before
//! they reach the store, and never logged.
//!
//! Shoppers are not members: the public commands take the tenant and a signed token
//! (`links::ShopperLink`) instead of a [`Member`]; the token is the permission, for one
//! subscription or its shopper. The tenant's admin changes the settings
//! ([`Permission::ManageBackInStock`]).
//!
//! Subscribing answers the same whatever happened (a new subscription, one already
//! waiting, a limited or suppressed address, a filled honeypot), so the answer never
//! tells whether an address is known. Only a client over its limit is told to wait.

mod staff;
pub mod waves;

pub use staff::end_subscription;

use serde_json::json;

use crate::addresses::{self, AddressKeys};
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::jobs::NewJob;
use crate::links::{self, ShopperLink};
use crate::mail::shoppers::{ShopperMail, ShopperMailKind};
use crate::model::{Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::enqueue_tx;
use crate::store::login_attempts::{take_tx, Rule, Taken};
use crate::store::subscribers::{self as subs, NewSubscription, ShopperSubscription};
use crate::store::Store;

pub use crate::alert_settings::Settings;

/// The consent wording the pages show, and its version kept with each subscription.
pub const CONSENT_WORDING: &str =
    "Send me one e-mail when this item is back in stock here. I can unsubscribe at any time.";
pub const CONSENT_VERSION: &str = "v1";

pub use crate::alert_settings::CONFIRM_HOURS;

/// Subscribe requests per client address per hour, and confirmation e-mails per
/// shopper address per hour (the counters are pruned an hour after their last use, so
/// an hour is the longest window they can hold).
pub const CLIENT_LIMIT: Rule = Rule {
    limit: 30,
    window_ms: 3_600_000,
    first_delay_ms: 0,
    max_delay_ms: 0,
};
pub const ADDRESS_LIMIT: Rule = Rule {
    limit: 3,
    window_ms: 3_600_000,
    first_delay_ms: 0,
    max_delay_ms: 0,
};

/// How a client over its limit is told (the HTTP layer answers 429 for it).
pub const TOO_MANY: &str = "Too many requests from your connection";

/// Where a subscription came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Page,
    Widget,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Page => "page",
            Source::Widget => "widget",
        }
    }
}

/// A shopper's request to hear when a product is back at a channel, in `lang` (else the tenant's).
pub struct SubscribeRequest<'a> {
    pub email: &'a str,
    pub sku: &'a str,
    /// The channel's location code.
    pub channel: &'a str,
    pub source: Source,
    /// The client's address, for its limit (hashed before it is counted).
    pub client: &'a str,
    /// The form's hidden field a person leaves empty.
    pub honeypot: &'a str,
    pub lang: Option<i18n::Lang>,
}

/// The longest SKU or location code accepted from the outside.
const MAX_CODE: usize = 64;

/// A product's availability at each channel, as the page and the widget show it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Availability {
    pub sku: String,
    pub name: String,
    pub channels: Vec<ChannelView>,
    /// The consent wording the form shows (its version is recorded with each alert).
    pub consent: &'static str,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct ChannelView {
    pub code: String,
    pub name: String,
    /// `in_stock`, `few_left` (3 or fewer) or `out_of_stock`.
    pub status: &'static str,
}

fn status(on_hand: i64) -> &'static str {
    match on_hand {
        i64::MIN..=0 => "out_of_stock",
        1..=3 => "few_left",
        _ => "in_stock",
    }
}

/// `v` trimmed, or the message `bad` (a code missing or too long).
fn code(bad: &'static str, v: &str) -> Result<String, EngineError> {
    let v = v.trim();
    if v.is_empty() || v.len() > MAX_CODE {
        return Err(EngineError::invalid(bad, &[]));
    }
    Ok(v.to_string())
}

/// A product's availability by channel; `NotFound` for a SKU the tenant does not sell,
/// or while the tenant does not offer alerts.
pub async fn availability(
    store: &Store,
    tenant: TenantId,
    sku: &str,
) -> Result<Availability, EngineError> {
    let sku = code("Product", sku)?;
    let settings = Settings::load(store, tenant).await?;
    if !settings.enabled {
        return Err(EngineError::NotFound);
    }
    let (id, sku, name) = store
        .product_by_sku(tenant, &sku)
        .await?
        .ok_or(EngineError::NotFound)?;
    let channels = store
        .channel_stock(tenant, id, settings.online_location.as_deref())
        .await?
        .into_iter()
        .map(|c| ChannelView {
            name: if c.kind == "store" {
                c.name
            } else {
                "Online".into()
            },
            code: c.code,
            status: status(c.on_hand),
        })
        .collect();
    Ok(Availability {
        sku,
        name,
        channels,
        consent: CONSENT_WORDING,
    })
}

/// The counter one shopper address is limited by: without its `+tag`, so `ann+1@…`
/// and `ann+2@…` count as one; keyed, so the counter names nobody.
fn address_limit_key(keys: &AddressKeys, tenant: TenantId, address: &str) -> String {
    let base = match address.split_once('@') {
        Some((local, domain)) => format!("{}@{domain}", local.split('+').next().unwrap_or(local)),
        None => address.to_string(),
    };
    format!("address:{}", keys.hash(tenant.0, &base))
}

/// Records a shopper's wish and sends the confirmation e-mail; see the module doc for
/// why the answer is the same whatever happened. Errors: a field that is not valid
/// (named), alerts not offered, or the client over its limit.
pub async fn subscribe(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    req: &SubscribeRequest<'_>,
    now: i64,
) -> Result<(), EngineError> {
    // Off: nothing here (a cheap read, before any counting). Then the client is
    // counted, so probing with bad input is limited too; then the honeypot, so a bot
    // gets the one answer whatever it sent.
    let settings = Settings::load(store, tenant).await?;
    if !settings.enabled {
        return Err(EngineError::NotFound);
    }
    let mut tx = store.begin(tenant).await?;
    let client = format!("client:{}", keys.hash(tenant.0, req.client));
    if let Taken::Wait { ms } = take_tx(&mut tx, &client, CLIENT_LIMIT, now).await? {
        tx.commit().await?;
        // (Its English starts with TOO_MANY: the REST answer's status is read from it.)
        return Err(EngineError::invalid(
            "err-bis-too-many",
            &[("minutes", (ms / 60_000).max(1).to_string())],
        ));
    }
    tx.commit().await?;
    if !req.honeypot.trim().is_empty() {
        return Ok(());
    }
    let address = addresses::normalize(req.email).map_err(EngineError::Invalid)?;
    let sku = code("err-bis-product-code", req.sku)?;
    let channel = code("err-bis-store-code", req.channel)?;
    let product = store
        .product_by_sku(tenant, &sku)
        .await?
        .ok_or_else(|| EngineError::invalid("err-bis-not-sold", &[]))?;
    let location = store
        .channel_stock(tenant, product.0, settings.online_location.as_deref())
        .await?
        .into_iter()
        .find(|c| c.code == channel)
        .ok_or_else(|| EngineError::invalid("err-bis-choose-store", &[]))?;
    let mut tx = store.begin(tenant).await?;
    let hashes = keys.hashes(tenant.0, &address);
    if let Taken::Wait { .. } = take_tx(
        &mut tx,
        &address_limit_key(keys, tenant, &address),
        ADDRESS_LIMIT,
        now,
    )
    .await?
    {
        tx.commit().await?;
        return Ok(());
    }
    let subscriber = match subs::subscriber_by_hashes_tx(&mut tx, tenant, &hashes).await? {
        Some(s) if s.suppressed_at.is_some() => {
            tx.commit().await?;
            return Ok(());
        }
        Some(s) => s.id,
        None => {
            let sealed = keys.seal(tenant.0, &address);
            subs::insert_subscriber_tx(&mut tx, tenant, &hashes[0], &sealed, now).await?
        }
    };
    let expires = now.saturating_add(CONFIRM_HOURS * 3_600_000);
    let language = req.lang.map(i18n::Lang::code);
    let id = match subs::open_subscription_tx(
        &mut tx,
        tenant,
        subscriber,
        product.0,
        location.location_id,
    )
    .await?
    {
        // Already waiting: nothing more to send.
        Some(s) if s.state == "confirmed" => {
            tx.commit().await?;
            return Ok(());
        }
        Some(s) => {
            subs::extend_pending_tx(&mut tx, tenant, s.id, expires, language).await?;
            s.id
        }
        None => {
            subs::insert_subscription_tx(
                &mut tx,
                tenant,
                &NewSubscription {
                    subscriber_id: subscriber,
                    product_id: product.0,
                    location_id: location.location_id,
                    source: req.source.as_str(),
                    wording: CONSENT_VERSION,
                    now,
                    confirm_expires_at: expires,
                    language,
                },
            )
            .await?
        }
    };
    let mail = ShopperMail {
        subscription_id: id,
        kind: ShopperMailKind::Confirm,
        // One confirmation e-mail per request minute at most (the address limit caps
        // the hour).
        occasion: now / 60_000,
    };
    enqueue_tx(&mut tx, &NewJob::of(tenant, &mail, now)).await?;
    tx.commit().await?;
    Ok(())
}

/// What confirming did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// Now waiting (or already was: a link used twice changes nothing).
    Waiting { product: String, channel: String },
    /// Already notified, or unsubscribed since.
    Over,
}

async fn link_key(store: &Store) -> Result<Vec<u8>, EngineError> {
    Ok(store.signing_key(links::LINK_KEY).await?)
}

async fn subscription_for(
    store: &Store,
    tenant: TenantId,
    link: ShopperLink,
    token: &str,
) -> Result<i64, EngineError> {
    if token.len() > 100 {
        return Err(EngineError::NotFound);
    }
    let key = link_key(store).await?;
    links::verify_shopper_token(&key, link, tenant.0, token).ok_or(EngineError::NotFound)
}

/// The double opt-in's second step, from the confirmation e-mail's link. Single use:
/// the subscription leaves `pending`, so a second use confirms nothing again. An
/// expired link is an error that says to subscribe again.
pub async fn confirm(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<Confirmed, EngineError> {
    let id = subscription_for(store, tenant, ShopperLink::Confirm, token).await?;
    let mut tx = store.begin(tenant).await?;
    let sub = subs::subscription_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let (product, channel) = labels_tx(&mut tx, tenant, sub.product_id, sub.location_id).await?;
    match sub.state.as_str() {
        "pending" if sub.confirm_expires_at <= now => {
            Err(EngineError::invalid("err-bis-link-expired", &[]))
        }
        "pending" => {
            subs::confirm_tx(&mut tx, tenant, id, now).await?;
            waves::confirmed_tx(&mut tx, tenant, sub.location_id, sub.product_id, now).await?;
            tx.commit().await?;
            Ok(Confirmed::Waiting { product, channel })
        }
        "confirmed" => Ok(Confirmed::Waiting { product, channel }),
        _ => Ok(Confirmed::Over),
    }
}

async fn labels_tx(
    tx: &mut crate::db::Tx,
    tenant: TenantId,
    product: i64,
    location: i64,
) -> Result<(String, String), EngineError> {
    let p = crate::store::catalog::product_label_tx(tx, tenant, product).await?;
    let l = crate::store::catalog::location_label_tx(tx, tenant, location).await?;
    Ok((p.1, l.1))
}

/// A shopper's alerts, as their page shows them.
#[derive(Clone, Debug)]
pub struct Preferences {
    /// `a•••@example.com`.
    pub address: String,
    pub subscriptions: Vec<ShopperSubscription>,
}

async fn subscriber_of(store: &Store, tenant: TenantId, token: &str) -> Result<i64, EngineError> {
    let id = subscription_for(store, tenant, ShopperLink::Manage, token).await?;
    let sub = store
        .subscription(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    Ok(sub.subscriber_id)
}

/// The preference page's facts, from any of the shopper's e-mails. `NotFound` once
/// the shopper erased their data.
pub async fn preferences(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    token: &str,
) -> Result<Preferences, EngineError> {
    let subscriber = subscriber_of(store, tenant, token).await?;
    let row = store
        .subscriber(tenant, subscriber)
        .await?
        .ok_or(EngineError::NotFound)?;
    Ok(Preferences {
        address: keys
            .open(tenant.0, &row.address_sealed)
            .map(|a| addresses::masked(&a))
            .unwrap_or_else(|| "your address".into()),
        subscriptions: store.subscriptions_of(tenant, subscriber).await?,
    })
}

/// Which alerts an unsubscribe ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsubscribe {
    /// The one the e-mail was about (RFC 8058 one-click).
    This,
    /// Every open alert of the shopper.
    All,
}

/// Ends alerts, at once and idempotently: a link whose shopper erased their data, or
/// whose alert already ended, succeeds doing nothing. Only a forged token fails.
pub async fn unsubscribe(
    store: &Store,
    tenant: TenantId,
    token: &str,
    which: Unsubscribe,
    now: i64,
) -> Result<u64, EngineError> {
    let id = subscription_for(store, tenant, ShopperLink::Manage, token).await?;
    let mut tx = store.begin(tenant).await?;
    let Some(sub) = subs::subscription_tx(&mut tx, tenant, id).await? else {
        return Ok(0);
    };
    let one = (which == Unsubscribe::This).then_some(id);
    let ended = subs::end_open_tx(&mut tx, tenant, sub.subscriber_id, one, now).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Erase my data: the shopper's address and every subscription of theirs are deleted,
/// with their rate-limit counter; the audit trail records that subscriber N erased
/// their data (never the address). Idempotent like [`unsubscribe`].
pub async fn erase(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
    token: &str,
) -> Result<(), EngineError> {
    let id = subscription_for(store, tenant, ShopperLink::Manage, token).await?;
    let mut tx = store.begin(tenant).await?;
    let Some(sub) = subs::subscription_tx(&mut tx, tenant, id).await? else {
        return Ok(());
    };
    let subscriber = subs::subscriber_tx(&mut tx, tenant, sub.subscriber_id).await?;
    let removed = subs::erase_tx(&mut tx, tenant, sub.subscriber_id).await?;
    if let Some(address) = subscriber.and_then(|s| keys.open(tenant.0, &s.address_sealed)) {
        let counter = address_limit_key(keys, tenant, &address);
        crate::store::login_attempts::forget_tx(&mut tx, &counter).await?;
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            "shopper",
            "shopper.erased",
            format!("subscriber:{}", sub.subscriber_id),
            None,
            Some(json!({ "subscriptions_removed": removed })),
            None,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The tenant's settings, for its admin.
pub async fn settings_for(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Settings, EngineError> {
    member.require(Permission::ManageBackInStock)?;
    Ok(Settings::load(store, tenant).await?)
}

/// Saves the tenant's settings (audited). Substitutes and the online location must
/// name the tenant's own products and location.
pub async fn save_settings(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    settings: &Settings,
    request_id: Option<&str>,
) -> Result<(), EngineError> {
    member.require(Permission::ManageBackInStock)?;
    settings.validate().map_err(EngineError::Invalid)?;
    let skus: Vec<&str> = settings
        .substitutes
        .iter()
        .flat_map(|(a, b)| [a.as_str(), b.as_str()])
        .collect();
    let known = store.product_ids(tenant, &skus).await?;
    if let Some(missing) = skus.iter().find(|s| !known.contains_key(**s)) {
        return Err(EngineError::invalid(
            "err-bis-substitute",
            &[("sku", missing.to_string())],
        ));
    }
    if let Some(online) = &settings.online_location {
        if store.location_ids(tenant, &[online]).await?.is_empty() {
            return Err(EngineError::invalid(
                "err-bis-online-location",
                &[("code", online.clone())],
            ));
        }
    }
    let before = Settings::load(store, tenant).await?;
    let now = crate::model::now_ms();
    let json = serde_json::to_string(settings).expect("plain data serialises");
    let mut tx = store.begin(tenant).await?;
    crate::store::alert_waves::set_settings_tx(&mut tx, tenant, &json, now).await?;
    if settings.enabled && !before.enabled {
        // Switched on: every channel where shoppers wait gets its wave check, since
        // stock may have come back while alerts were off.
        waves::waiting_everywhere_tx(&mut tx, tenant, now).await?;
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "back_in_stock.settings_changed",
            "back_in_stock",
            serde_json::to_value(&before).ok(),
            serde_json::to_value(settings).ok(),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every channel's waiting list, largest first, for the admin's page.
pub async fn waitlists(
    store: &Store,
    tenant: TenantId,
    member: &Member,
) -> Result<Vec<crate::store::subscribers::WaitlistRow>, EngineError> {
    member.require(Permission::ManageBackInStock)?;
    Ok(store.waitlists(tenant, 500).await?)
}

/// The subscriptions whose notification references came back on sales: counted as
/// bought (conversion). References that do not verify are ignored.
pub async fn record_purchases(
    store: &Store,
    tenant: TenantId,
    refs: &[&str],
) -> Result<(), EngineError> {
    let key = link_key(store).await?;
    let ids: Vec<i64> = refs
        .iter()
        .filter_map(|r| links::verify_shopper_token(&key, ShopperLink::Purchase, tenant.0, r))
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin(tenant).await?;
    subs::mark_purchased_tx(&mut tx, tenant, &ids, crate::model::now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

/// Seals every address of `tenant` not yet under the ring's first key again under it
/// (with its look-up hash), a page per transaction; returns how many it resealed. An
/// address no key of the ring opens is left as it is and counted in the second figure.
pub async fn rekey(
    store: &Store,
    keys: &AddressKeys,
    tenant: TenantId,
) -> Result<(u64, u64), EngineError> {
    let (mut done, mut unopened, mut after) = (0u64, 0u64, 0i64);
    loop {
        let mut tx = store.begin(tenant).await?;
        let page = subs::sealed_not_under_tx(&mut tx, tenant, keys.current(), after, 500).await?;
        let Some(last) = page.last().map(|p| p.0) else {
            tx.commit().await?;
            return Ok((done, unopened));
        };
        for (id, sealed) in page {
            match keys.open(tenant.0, &sealed) {
                Some(address) => {
                    let hash = keys.hash(tenant.0, &address);
                    let resealed = keys.seal(tenant.0, &address);
                    subs::reseal_tx(&mut tx, tenant, id, &hash, &resealed).await?;
                    done += 1;
                }
                None => unopened += 1,
            }
        }
        tx.commit().await?;
        after = last;
    }
}

/// Where a confirmation link stands, for its page (reading it confirms nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub product: String,
    pub channel: String,
    /// The token of the shopper's own page (`/alerts/<token>`).
    pub manage: String,
    /// `pending` (the button confirms), `expired`, `confirmed` or `over`.
    pub state: &'static str,
}

/// The confirmation page's facts; `NotFound` for a forged or erased link.
pub async fn confirmation(
    store: &Store,
    tenant: TenantId,
    token: &str,
    now: i64,
) -> Result<Confirmation, EngineError> {
    let id = subscription_for(store, tenant, ShopperLink::Confirm, token).await?;
    let sub = store
        .subscription(tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let product = store
        .product_labels(tenant, &[sub.product_id])
        .await?
        .into_iter()
        .next()
        .map(|p| p.2)
        .unwrap_or_default();
    let (locations, _) = store.labels(tenant).await?;
    let channel = locations
        .into_iter()
        .find(|l| l.0 == sub.location_id)
        .map(|l| l.2)
        .unwrap_or_default();
    let key = link_key(store).await?;
    let manage = links::shopper_token(&key, ShopperLink::Manage, tenant.0, sub.id);
    let state = match sub.state.as_str() {
        "pending" if sub.confirm_expires_at <= now => "expired",
        "pending" => "pending",
        "confirmed" => "confirmed",
        _ => "over",
    };
    Ok(Confirmation {
        product,
        channel,
        manage,
        state,
    })
}
