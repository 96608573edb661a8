-- A hold's expiry warning waits on its booking's row (notification_bookings) instead of a row of its own: the hold is
-- recorded once, and a payment forgets its warning in the statement that marks the booking confirmed. warn_at is set
-- while a warning waits, and cleared when the hold ends or its warning is planned.
alter table notification_bookings
    add column held_at    timestamptz,
    add column warn_at    timestamptz,
    add column expires_at timestamptz;

insert into notification_bookings (booking_id, gathering_id, guest_id, held_at, warn_at, expires_at)
select booking_id, gathering_id, guest_id, held_at, warn_at, expires_at from notification_hold_warnings
on conflict (booking_id) do update set held_at = excluded.held_at, warn_at = excluded.warn_at, expires_at = excluded.expires_at;

drop table notification_hold_warnings;

create index notification_bookings_warnings_due on notification_bookings (warn_at) where warn_at is not null;
