-- A host hears of a gathering's first booking at once, and of those that follow within a window together, when the
-- window ends (NewBookingNews): a gathering going on sale is a few notifications to its host, not one per booking.
create table notification_new_booking_windows (
    gathering_id uuid primary key,
    host_id      uuid not null,
    ends_at      timestamptz not null
);
create index notification_new_booking_windows_due on notification_new_booking_windows (ends_at);

-- The bookings confirmed while a window is open, told or not yet; kept until the window closes, so that the same
-- confirmation seen twice counts once.
create table notification_new_bookings (
    booking_id   uuid primary key,
    gathering_id uuid not null,
    guest_id     uuid not null,
    seats        integer not null,
    confirmed_at timestamptz not null,
    told         boolean not null default false
);
create index notification_new_bookings_gathering on notification_new_bookings (gathering_id, confirmed_at);
