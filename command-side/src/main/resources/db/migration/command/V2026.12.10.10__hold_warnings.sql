-- Unpaid holds whose guest is to be warned before they expire, until the warning falls due (HoldWarnings). The
-- warning is planned only then, and only for a hold still unpaid: a hold paid, cancelled or expired before is deleted
-- from here, and costs no notification at all.
create table notification_hold_warnings (
    booking_id   uuid primary key,
    gathering_id uuid not null,
    guest_id     uuid not null,
    held_at      timestamptz not null,
    warn_at      timestamptz not null,
    expires_at   timestamptz not null
);
create index notification_hold_warnings_due on notification_hold_warnings (warn_at);
