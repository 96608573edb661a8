-- What the notification planner knows about the people it notifies and the gatherings it talks about.
-- Written by the planner's own processor (group "notifications") from the event stream, in stream order,
-- so a decision sees the preferences as they stood when its triggering event happened.

create table notification_recipients (
    user_id               uuid primary key,
    email                 text,
    display_name          text not null,
    roles                 text not null default '',
    preferences           text,               -- NotificationPreferences as JSON; null: the defaults
    preference_version    bigint not null default 0,
    phone                 text,               -- verified E.164 number, null until verified
    sms_opted_out         boolean not null default false,
    whatsapp_opted_out    boolean not null default false,
    whatsapp_consent      boolean not null default false,
    whatsapp_window_until timestamptz
);
create index notification_recipients_phone on notification_recipients (phone) where phone is not null;
create index notification_recipients_support on notification_recipients (user_id) where roles like '%SUPPORT%';

create table notification_gatherings (
    gathering_id uuid primary key,
    host_id      uuid not null,
    title        text not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    timezone     text not null,
    venue        text,
    status       text not null
);

-- Bookings from their hold on, to know whose a payment or a waitlist offer is, and whom a gathering's
-- cancellation, change or reminder concerns (the confirmed ones).
create table notification_bookings (
    booking_id   uuid primary key,
    gathering_id uuid not null,
    guest_id     uuid not null,
    confirmed    boolean not null default false
);
create index notification_bookings_confirmed on notification_bookings (gathering_id) where confirmed;

-- Notifications planned ahead (a hold's expiry warning, a dispute's evidence reminder) and what ends their use:
-- when that happens, each is withdrawn.
create table notification_withdrawals (
    cause           text not null,
    notification_id uuid not null,
    primary key (cause, notification_id)
);

-- The dispatcher's note of each attempt it started, committed before the provider is called: an attempt found here
-- again (the processor redelivered the event after a crash) may have gone out, so it is recorded as unknown, not resent.
create table notification_attempts (
    notification_id uuid not null,
    channel         text not null,
    attempt         int not null,
    started_at      timestamptz not null,
    primary key (notification_id, channel, attempt)
);

-- The texts of each notification, for the dispatcher's senders.
create table notification_contents (
    notification_id uuid primary key,
    kind            text not null,
    recipient_id    uuid not null,
    content         text not null
);

-- Conversations with messages posted since their last digest check, and when that check falls due (a while after the
-- first of them): then those members still away with unread messages are told, once per read-marker position.
create table notification_chat_digests (
    conversation_id uuid primary key,
    due_at          timestamptz not null
);
create index notification_chat_digests_due on notification_chat_digests (due_at);
