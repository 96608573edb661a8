-- The hash chain over the stored events (query side, audit: ChainAppender). One link per event, in the
-- order the chain processor received them: chain_seq 1, 2, 3... Each link's hash covers the link before
-- it (previous_hash; 64 zeros for the first) and the event as stored. Hashes are SHA-256 in lower-case hex.
-- event_position is the event's position in the stream (global index, or Axon Server's token): a
-- redelivered event finds its link there and adds no other.
create table audit_chain_links (
    event_position bigint primary key,
    chain_seq      bigint not null unique,
    event_id       varchar(255) not null unique,
    previous_hash  char(64) not null unique,  -- no two links follow the same one: the chain cannot fork
    link_hash      char(64) not null,
    occurred_at    timestamp with time zone not null,
    linked_at      timestamp with time zone not null
);

-- Each day's chain head: the last link (in chain order) among the events of that UTC day, for an outside
-- party to notarise. It moves while events of that day are still being chained.
create table audit_chain_heads (
    day            date primary key,
    chain_seq      bigint not null,
    event_position bigint not null,
    event_id       varchar(255) not null,
    link_hash      char(64) not null,
    updated_at     timestamp with time zone not null
);
