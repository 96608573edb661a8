-- The simulated provider's refunds: what Stripe would know about each refund. A row may exist before
-- its refund is asked for, holding only the outcome a developer chose for it (status AWAITING_REQUEST).
create table simulated_refunds (
    refund_id       uuid primary key,
    payment_id      uuid,
    reference       varchar(64) not null unique,
    amount          bigint,
    currency        varchar(3),
    status          varchar(32) not null,
    preset_outcome  varchar(32),
    updated_at      timestamp with time zone not null
);
