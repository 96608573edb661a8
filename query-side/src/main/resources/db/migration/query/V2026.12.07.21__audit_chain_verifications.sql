-- Verifications of the hash chain (ChainVerifications): each walks the stored events up to head_position
-- (the stream's head when it started) and recomputes their links. heartbeat_at is refreshed while it
-- works; a RUNNING verification whose heartbeat is old was abandoned by a process that stopped, and is
-- marked FAILED. intact, first_broken_event_id and broken_link are its finding once COMPLETED.
create table audit_chain_verifications (
    verification_id       uuid primary key,
    status                varchar(16) not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    requested_by          varchar(255) not null,
    started_at            timestamp with time zone not null,
    finished_at           timestamp with time zone,
    heartbeat_at          timestamp with time zone not null,
    head_position         bigint not null,
    events_total          bigint not null default 0,
    events_checked        bigint not null default 0,
    intact                boolean,
    first_broken_event_id varchar(255),
    broken_link           text,
    failure               text
);
-- At most one verification runs at a time, across every replica.
create unique index audit_chain_verifications_one_running on audit_chain_verifications ((true)) where status = 'RUNNING';
