-- Files support uploads as dispute evidence, kept here (not on a local disk) so that every command replica and
-- every backup has them. Bounded in size by soiree.disputes.max-file-size and checked by content before storing.
create table dispute_evidence_files (
    file_id      uuid primary key,
    dispute_id   uuid not null,
    file_name    varchar(200) not null,
    content_type varchar(64) not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       varchar(64) not null,
    content      bytea not null,
    uploaded_by  uuid not null,
    uploaded_at  timestamp with time zone not null
);
create index dispute_evidence_files_dispute on dispute_evidence_files (dispute_id);

-- Which payment a provider's reference (a Stripe PaymentIntent id) belongs to. Written in the same transaction as
-- the payment event that first names the reference, so a dispute about it can be matched without asking the provider.
create table payment_references (
    reference  varchar(255) primary key,
    payment_id uuid not null
);

-- The simulated provider's disputes: what Stripe would know about a dispute (one per payment at most, like one per
-- charge at Stripe), so that outcomes are only simulated for disputes that exist.
create table simulated_disputes (
    payment_id      uuid primary key,
    reference       varchar(64) not null unique,
    amount          bigint not null,
    currency        varchar(3) not null,
    reason          varchar(64) not null,
    status          varchar(32) not null,
    evidence_due_by timestamp with time zone not null,
    evidence        text,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
