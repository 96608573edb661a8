-- Payouts as hosts and finance see them. status is the API's (an internal "sending" shows as APPROVED);
-- reversed is what the provider took back after paying; needs_attention marks a transfer whose
-- retries ran out.
create table payouts (
    payout_id          uuid primary key,
    host_id            uuid not null,
    amount             bigint not null,
    currency           varchar(3) not null,
    status             varchar(32) not null,
    required_approvals integer not null,
    requested_at       timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    decided_by         uuid,
    reason             varchar(1000),
    transfer_reference varchar(255),
    reversed           bigint not null default 0,
    needs_attention    boolean not null default false
);
-- The finance queue: one status, oldest request first.
create index payouts_queue on payouts (status, requested_at, payout_id);
create index payouts_requested on payouts (requested_at, payout_id);
-- A host's payouts, newest first.
create index payouts_host on payouts (host_id, requested_at, payout_id);

create table payout_approvals (
    payout_id   uuid not null,
    approved_by uuid not null,
    approved_at timestamp with time zone not null,
    primary key (payout_id, approved_by)
);

-- Hosts' connected accounts at the payout provider.
create table payout_accounts (
    host_id      uuid primary key,
    provider     varchar(32) not null,
    account_id   varchar(255) not null,
    status       varchar(16) not null,
    opened_at    timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
