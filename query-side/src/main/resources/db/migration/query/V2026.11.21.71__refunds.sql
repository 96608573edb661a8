-- Every refund with where it stands, for staff and for the payments guests and hosts read.
create table refunds (
    refund_id          uuid primary key,
    payment_id         uuid not null,
    booking_id         uuid not null,
    gathering_id       uuid not null,
    amount             bigint not null check (amount > 0),
    currency           varchar(3) not null,
    reason             varchar(1000) not null,
    status             varchar(32) not null,
    requested_by       varchar(255) not null,
    requested_at       timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    provider_reference varchar(255),
    failure_reason     varchar(1000)
);
create index refunds_payment on refunds (payment_id);
-- Staff pages: newest first, of one booking or in one status.
create index refunds_booking on refunds (booking_id, requested_at, refund_id);
create index refunds_status on refunds (status, requested_at, refund_id);
create index refunds_newest on refunds (requested_at, refund_id);

-- The refunds counted into each booking's refunded amount, once each (a redelivered event finds its row).
create table booking_refunds (
    refund_id  uuid primary key,
    booking_id uuid not null,
    amount     bigint not null
);

-- Cancelled gatherings and the refund each of their bookings is owed, for the host's progress view.
create table gathering_cancellations (
    gathering_id uuid primary key,
    host_id      uuid not null,
    cancelled_at timestamp with time zone not null
);
create table gathering_cancellation_refunds (
    refund_id    uuid primary key,
    gathering_id uuid not null,
    booking_id   uuid not null,
    status       varchar(32) not null
);
create index gathering_cancellation_refunds_gathering on gathering_cancellation_refunds (gathering_id);
