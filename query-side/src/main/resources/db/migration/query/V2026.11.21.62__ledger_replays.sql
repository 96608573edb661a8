-- Replays of the ledger from the first event, each into its own space beside the live journal.
-- head_position: the stream's head when the replay started; it stops there, whatever comes later.
-- last_position: the position of the last event replayed so far. heartbeat_at: refreshed while the
-- replay works; a RUNNING replay whose heartbeat is old was abandoned by a process that stopped.
create table ledger_replays (
    replay_id        uuid primary key,
    status           varchar(16) not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    requested_by     varchar(255) not null,
    started_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    heartbeat_at     timestamp with time zone not null,
    head_position    bigint,
    last_position    bigint,
    events_total     bigint not null default 0,
    events_processed bigint not null default 0,
    matches          boolean,
    digest           varchar(64),
    failure          text
);
-- At most one replay runs at a time, across every replica.
create unique index ledger_replays_one_running on ledger_replays ((true)) where status = 'RUNNING';
create index ledger_replays_started_at on ledger_replays (started_at desc, replay_id);

-- The replayed balances, per replay: the same shape as ledger_balances.
create table ledger_replay_balances (
    replay_id uuid not null references ledger_replays on delete cascade,
    account   varchar(255) not null,
    currency  varchar(3) not null,
    debits    bigint not null,
    credits   bigint not null,
    primary key (replay_id, account, currency)
);

-- Where a completed replay disagrees with the live journal: balances (debits - credits), null where
-- that side has no posting to the account.
create table ledger_replay_differences (
    replay_id        uuid not null references ledger_replays on delete cascade,
    account          varchar(255) not null,
    currency         varchar(3) not null,
    live_balance     bigint,
    replayed_balance bigint,
    primary key (replay_id, account, currency)
);
