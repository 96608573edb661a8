-- Seats held and not yet paid for, per account and client address (see UnpaidHolds). A row lives
-- from just before the hold is placed until it resolves; one left behind lapses at expires_at.
create table unpaid_holds (
    booking_id     uuid primary key,
    guest_id       uuid not null,
    client_address text not null,
    gathering_id   uuid not null,
    seats          integer not null check (seats > 0),
    expires_at     timestamp with time zone not null
);
create index unpaid_holds_guest on unpaid_holds (guest_id, expires_at);
create index unpaid_holds_address on unpaid_holds (client_address, gathering_id, expires_at);
