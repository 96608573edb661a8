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

-- Confirmed bookings, to know whom a gathering's cancellation, change or reminder concerns.
create table notification_guests (
    booking_id   uuid primary key,
    gathering_id uuid not null,
    guest_id     uuid not null
);
create index notification_guests_gathering on notification_guests (gathering_id);
