-- What the promotion context knows of each gathering, to decide whether it may be featured or promoted
-- (PromotableGatheringsUpdater). last_sequence is the gathering event last applied, so a redelivered
-- older event never undoes a newer one.
create table promotion_gatherings (
    gathering_id  uuid primary key,
    host_id       uuid not null,
    status        varchar(16) not null,
    starts_at     timestamp with time zone not null,
    last_sequence bigint not null
);

-- Paid promotions and cancelled gatherings as PromotionRefunds has seen them, so that it refunds whichever
-- comes second: a payment after the cancellation, or a cancellation after the payments.
create table promotion_refund_promotions (
    promotion_id uuid primary key,
    gathering_id uuid not null,
    host_id      uuid not null
);
create index promotion_refund_promotions_gathering on promotion_refund_promotions (gathering_id);

create table promotion_refund_cancellations (
    gathering_id uuid primary key,
    cancelled_at timestamp with time zone not null
);
