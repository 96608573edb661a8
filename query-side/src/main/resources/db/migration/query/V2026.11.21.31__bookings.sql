create table bookings (
    booking_id      uuid primary key,
    gathering_id    uuid not null,
    host_id         uuid not null,
    guest_id        uuid not null,
    tier_id         uuid not null,
    quantity        integer not null check (quantity > 0),
    status          varchar(16) not null,
    amount          bigint not null,
    currency        varchar(3) not null,
    refunded_amount bigint not null default 0,
    hold_expires_at timestamp with time zone,
    checked_in      boolean not null default false,
    created_at      timestamp with time zone not null
);
-- "My bookings" pages newest first, a host's attendee list oldest first; both by (created_at, booking_id).
create index bookings_guest on bookings (guest_id, created_at, booking_id);
create index bookings_gathering on bookings (gathering_id, created_at, booking_id);
