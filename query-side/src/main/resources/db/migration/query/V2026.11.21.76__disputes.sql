-- Disputes as support and hosts read them. One row per dispute, opened by the payment's PaymentDisputed and kept
-- up to date by the payment's and the dispute's events; texts are unbounded (the command side bounds input, and a
-- projection must never refuse an event that has happened).
create table disputes (
    dispute_id          uuid primary key,
    payment_id          uuid not null,
    booking_id          uuid not null,
    gathering_id        uuid not null,
    host_id             uuid not null,
    guest_id            uuid not null,
    provider            varchar(32) not null,
    provider_dispute_id text not null,
    amount              bigint not null,
    currency            varchar(3) not null,
    fee                 bigint not null,
    host_share          bigint not null,
    reason              text not null,
    status              varchar(16) not null,
    provider_status     varchar(16) not null,
    evidence_due_by     timestamp with time zone not null,
    overdue             boolean not null default false,
    opened_at           timestamp with time zone not null,
    submitted_at        timestamp with time zone,
    submitted_by        uuid,
    accepted_at         timestamp with time zone,
    accepted_by         uuid,
    closed_at           timestamp with time zone,
    updated_at          timestamp with time zone not null
);
-- Support's queue pages by (evidence_due_by, dispute_id); a host's list by (opened_at, dispute_id), newest first.
create index disputes_queue on disputes (evidence_due_by, dispute_id);
create index disputes_host on disputes (host_id, opened_at, dispute_id);

create table dispute_evidence (
    evidence_id uuid primary key,
    dispute_id  uuid not null,
    text        text not null,
    file_ids    uuid[] not null,
    added_by    uuid not null,
    added_at    timestamp with time zone not null
);
create index dispute_evidence_dispute on dispute_evidence (dispute_id, added_at);

create table dispute_files (
    file_id      uuid primary key,
    dispute_id   uuid not null,
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null,
    uploaded_by  uuid not null,
    uploaded_at  timestamp with time zone not null
);
create index dispute_files_dispute on dispute_files (dispute_id, uploaded_at);

-- Everything that happened to a dispute, in stream order, one row per event: a redelivered event finds its row.
create table dispute_timeline (
    event_id      varchar(64) primary key,
    dispute_id    uuid not null,
    global_index  bigint not null,
    occurred_at   timestamp with time zone not null,
    what          varchar(64) not null,
    actor         text not null,
    detail        text not null
);
create index dispute_timeline_dispute on dispute_timeline (dispute_id, global_index);
