-- Back-in-stock alerts for shoppers (issue 11). A shopper is a subscriber per tenant,
-- found by a keyed hash of the address and holding it sealed (`engine::addresses`),
-- never in clear. A subscription is one product at one channel (a store, or the
-- location that serves online orders): pending until the shopper confirms from the
-- e-mail (double opt-in; consent's time, source and wording kept), confirmed while it
-- waits, notified once a wave took it (`mailed_at`/`mail_job` once its e-mail job began
-- sending it: from then on an unsubscribe no longer recalls it). `suppressed_at`:
-- the address bounced for good. Ids are never reused (AUTOINCREMENT here, identity
-- columns on PostgreSQL): a shopper's links sign the id, so an erased shopper's old link
-- must never open someone else's alert.
CREATE TABLE bis_subscribers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    address_hash    TEXT NOT NULL,
    address_sealed  TEXT NOT NULL,
    suppressed_at   INTEGER,
    created_at      INTEGER NOT NULL,
    UNIQUE (tenant_id, address_hash)
);

CREATE TABLE bis_subscriptions (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    subscriber_id       INTEGER NOT NULL REFERENCES bis_subscribers(id) ON DELETE CASCADE,
    product_id          INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    location_id         INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    state               TEXT NOT NULL CHECK (state IN ('pending','confirmed','notified','unsubscribed')),
    source              TEXT NOT NULL CHECK (source IN ('page','widget')),
    wording             TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    confirm_expires_at  INTEGER NOT NULL,
    confirmed_at        INTEGER,
    notified_at         INTEGER,
    wave_id             INTEGER,
    substitute_sent_at  INTEGER,
    purchased_at        INTEGER,
    mailed_at           INTEGER,
    mail_job            INTEGER,
    ended_at            INTEGER
);
-- One open (pending or confirmed) subscription per shopper, product and channel.
CREATE UNIQUE INDEX bis_subscriptions_open ON bis_subscriptions
    (tenant_id, subscriber_id, product_id, location_id) WHERE state IN ('pending','confirmed');
-- The waiting list of a channel, oldest first.
CREATE INDEX bis_subscriptions_waiting ON bis_subscriptions
    (tenant_id, location_id, product_id, state, created_at, id);
CREATE INDEX bis_subscriptions_subscriber ON bis_subscriptions (tenant_id, subscriber_id);

-- A channel with shoppers waiting: since when it has been out (NULL while in stock),
-- and when its last wave went.
CREATE TABLE bis_channels (
    tenant_id     INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id   INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    out_since     INTEGER,
    last_wave_at  INTEGER,
    PRIMARY KEY (tenant_id, location_id, product_id)
);

-- Every wave: what was available when it went and how many it notified.
CREATE TABLE bis_waves (
    id           INTEGER PRIMARY KEY,
    tenant_id    INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    location_id  INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    product_id   INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    available    INTEGER NOT NULL,
    notified     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX bis_waves_channel ON bis_waves (tenant_id, location_id, product_id, id);

-- The tenant's send rate: the next free slot for a shopper e-mail.
CREATE TABLE bis_send_slots (
    tenant_id  INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    next_at    INTEGER NOT NULL
);

-- The tenant's back-in-stock settings (JSON; defaults when NULL).
ALTER TABLE tenant_settings ADD COLUMN back_in_stock TEXT;
