-- Which connected account at the payout provider each host has; written with the wallet's event that
-- recorded it, and read before onboarding asks the provider for an account, so a host never gets two.
create table payout_account_lookup (
    host_id    uuid primary key,
    provider   varchar(32) not null,
    account_id varchar(255) not null
);

-- The simulated payout provider's own state: what Stripe would know about connected accounts and
-- transfers. transfer_behaviour is the host's development setting: SUCCEED, REFUSE or NO_ANSWER.
create table simulated_payout_accounts (
    account_id         varchar(64) primary key,
    host_id            uuid not null unique,
    transfer_behaviour varchar(16) not null,
    created_at         timestamp with time zone not null
);

create table simulated_transfers (
    payout_id  uuid primary key,
    reference  varchar(64) not null unique,
    account_id varchar(64) not null,
    host_id    uuid not null,
    amount     bigint not null,
    currency   varchar(3) not null,
    reversed   bigint not null default 0,
    created_at timestamp with time zone not null
);

-- Payouts whose transfer the simulator is told to refuse when it is sent (development only).
create table simulated_transfer_plans (
    payout_id uuid primary key,
    outcome   varchar(16) not null
);
