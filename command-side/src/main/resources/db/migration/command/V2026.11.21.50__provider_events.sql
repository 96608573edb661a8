-- The inbox of payment provider events (Stripe webhooks, simulated outcomes). An event is stored once
-- by its provider's id before the provider gets its 2xx, then turned into commands; a stored event is
-- never lost and never applied twice.
create table provider_events (
    provider      varchar(32)  not null,
    event_id      varchar(255) not null,
    event_type    varchar(255) not null,
    payload       text         not null,
    received_at   timestamp with time zone not null,
    leased_until  timestamp with time zone,
    processed_at  timestamp with time zone,
    outcome       varchar(1000),
    attempts      integer not null default 0,
    primary key (provider, event_id)
);
create index provider_events_unprocessed on provider_events (received_at) where processed_at is null;

-- The simulated provider's own state: what Stripe would know about each payment intent.
create table simulated_payment_intents (
    payment_id    uuid primary key,
    reference     varchar(64) not null unique,
    guest_id      uuid not null,
    amount        bigint not null,
    currency      varchar(3) not null,
    status        varchar(32) not null,
    created_at    timestamp with time zone not null
);
