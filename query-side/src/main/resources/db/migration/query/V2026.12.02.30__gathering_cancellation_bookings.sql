-- A cancelled gathering's refund progress is complete only once every booking it cancelled has been
-- seen: its cancellation and its bookings' cancellations may reach the projection in different batches.
alter table gathering_cancellations add column bookings_expected integer not null default 0;
create table gathering_cancellation_bookings (
    booking_id   uuid primary key,
    gathering_id uuid not null
);
create index gathering_cancellation_bookings_gathering on gathering_cancellation_bookings (gathering_id);
