-- Responses remembered per (user, Idempotency-Key) so that a retried write is answered, not repeated.
create table idempotency_keys (
    user_id         varchar(64)  not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    state           varchar(16)  not null, -- IN_FLIGHT while the first request runs, then DONE
    response_status integer,
    response_type   varchar(255),
    response_body   bytea,
    created_at      timestamp with time zone not null,
    primary key (user_id, idempotency_key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
