-- The server's platform migration of the same version (server/src/main/resources/db/migration/platform), for the
-- query side's tests: chat's projection reads message keys from this table, which the command side writes.
create table content_keys (
    key_id     uuid primary key,
    key_bytes  bytea not null,
    created_at timestamp with time zone not null default now()
);
