-- Each booking's payment as its guest and host see it; the ledger reads postings from the events.
create table payments (
    payment_id       uuid primary key,
    booking_id       uuid not null unique,
    provider         varchar(32) not null,
    status           varchar(32) not null,
    amount           bigint not null,
    currency         varchar(3) not null,
    refund_requested bigint not null default 0,
    failure_reason   varchar(1000),
    updated_at       timestamp with time zone not null
);

-- Refunds owed on payments, one row per refund id: a redelivered event finds its row and adds nothing.
create table payment_refunds (
    refund_id    uuid primary key,
    payment_id   uuid not null,
    amount       bigint not null,
    currency     varchar(3) not null,
    reason       varchar(1000) not null,
    requested_at timestamp with time zone not null
);
create index payment_refunds_payment on payment_refunds (payment_id);
