-- Keys that seal erasable content (chat message text), kept outside the event stream: deleting a
-- key makes the content unreadable in every stored event (crypto-shredding). Written by the command
-- side, read by the query side's projections.
create table content_keys (
    key_id     uuid primary key,
    key_bytes  bytea not null,
    created_at timestamptz not null default now()
);
