-- Which gathering's aggregate holds a booking's seats; written with the SeatsHeld event itself.
create table booking_lookup (
    booking_id   uuid primary key,
    gathering_id uuid not null,
    guest_id     uuid not null
);
