-- Notifications as their recipients and support read them (issue 17). A notification shows in the inbox once its
-- in-app delivery has gone out (visible_at) and never once it is withdrawn. No foreign keys: events of a notification
-- and of its recipient's settings come from different aggregates, and each row stands on its own.
create table notifications (
    notification_id    uuid primary key,
    recipient_id       uuid   not null,
    category           text   not null,
    kind               text   not null,
    trigger_key        text   not null,
    title              text   not null,
    body               text   not null,
    link               text,
    data               jsonb  not null default '{}',
    language           text   not null,
    preference_version bigint not null,
    created_at         timestamp with time zone not null,
    deliver_at         timestamp with time zone,
    stale_at           timestamp with time zone,
    visible_at         timestamp with time zone,
    read_at            timestamp with time zone,
    withdrawn          boolean not null default false,
    withdrawn_reason   text,
    withdrawn_at       timestamp with time zone
);

-- The inbox, newest first, and its unread count.
create index notifications_inbox on notifications (recipient_id, visible_at desc, notification_id desc)
    where visible_at is not null and not withdrawn;
create index notifications_unread on notifications (recipient_id)
    where visible_at is not null and not withdrawn and read_at is null;
-- Support's view: every notification of a user, shown or not.
create index notifications_by_recipient on notifications (recipient_id, created_at desc, notification_id desc);

-- Where each delivery (a notification on one channel) stands now. last_at and last_seq order the events that moved it,
-- so a redelivered older event never takes it back.
create table notification_deliveries (
    notification_id uuid   not null,
    channel         text   not null,
    status          text   not null,
    last_step       text   not null,
    attempt         int    not null default 0,
    reason          text,
    error_code      text,
    provider_status text,
    destination     text,
    resent_by       uuid,
    waiting_until   timestamp with time zone,
    last_at         timestamp with time zone not null,
    last_seq        bigint not null,
    primary key (notification_id, channel)
);

-- Every event in a delivery's life, for support: what happened, why, under which preferences, by whom. entry_key is
-- what the event said (step, time, attempt, status...), so the same event applied twice is one row.
create table notification_delivery_history (
    entry_id            bigserial primary key,
    notification_id     uuid   not null,
    recipient_id        uuid   not null,
    channel             text   not null,
    step                text   not null,
    status              text,
    at                  timestamp with time zone not null,
    attempt             int,
    reason              text,
    skip_reason         text,
    preference_version  bigint,
    error_code          text,
    provider_status     text,
    provider_message_id text,
    destination         text,
    resent_by           uuid,
    until               timestamp with time zone,
    entry_key           text   not null,
    unique (notification_id, channel, entry_key)
);

create index notification_delivery_history_in_order on notification_delivery_history (notification_id, channel, at, entry_id);

-- A user's notification settings as they decide deliveries; the phone number only masked (+33••••••78).
-- all_read_up_to: "read all" covers what reached the inbox up to then, also a notification applied after it.
create table notification_settings (
    user_id               uuid   primary key,
    preferences           jsonb,
    version               bigint not null default 0,
    phone_masked          text,
    phone_verified_at     timestamp with time zone,
    whatsapp_consent      boolean not null default false,
    opted_out             jsonb  not null default '{}',
    whatsapp_window_until timestamp with time zone,
    all_read_up_to        timestamp with time zone,
    all_read_at           timestamp with time zone,
    updated_at            timestamp with time zone not null
);
