-- Phone verification and the simulated channels' outbox (command.notification).

-- The code a user was sent to prove they hold a number: one live code per user, kept as a keyed hash only.
create table phone_verification_codes (
    user_id       uuid primary key,
    phone         text not null,             -- E.164, the number the code went to
    code_salt     bytea not null,            -- random per code; the HMAC key of code_hash
    code_hash     bytea not null,            -- HMAC-SHA256(code_salt, user_id:phone:code), never the code
    expires_at    timestamptz not null,
    attempts_left integer not null
);

-- Each code asked for, to hold a user to soiree.notifications.phone-codes-per-day over the last 24 hours.
create table phone_verification_requests (
    user_id      uuid not null,
    requested_at timestamptz not null
);
create index phone_verification_requests_user on phone_verification_requests (user_id, requested_at);

-- What the simulated email, SMS and WhatsApp senders "sent" (GET /api/dev/outbox); only written without real providers.
create table dev_outbox (
    id          bigserial primary key,
    channel     text not null,
    recipient   text not null,
    subject     text,
    body        text not null,
    message_id  text not null,
    sent_at     timestamptz not null
);
create index dev_outbox_recipient on dev_outbox (recipient, id desc);
