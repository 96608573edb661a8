-- The journal: one row per posting of every event that moves money (LedgerEvent), never updated.
-- entry_id is the event's message identifier + ':' + the posting's index, so a redelivered event adds nothing.
-- event_type is the payload's simple class name; actor is the "userId" metadata, or 'system'.
create table ledger_entries (
    entry_id     varchar(300) primary key,
    global_index bigint not null,
    event_id     varchar(255) not null,
    event_type   varchar(255) not null,
    occurred_at  timestamp with time zone not null,
    account      varchar(255) not null,
    currency     varchar(3) not null,
    amount       bigint not null,
    actor        varchar(255) not null,
    reference    varchar(255) not null
);
-- Account statements and wallets: one account's postings in time order.
create index ledger_entries_account on ledger_entries (account, occurred_at, entry_id);
-- Trial balances as of a point in time.
create index ledger_entries_occurred_at on ledger_entries (occurred_at);
