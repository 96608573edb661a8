-- Media as clients read them (issue 16): status, what processing learned, the variants, and what each is attached to,
-- which decides who may see it. The bytes live in the object store.
create table media (
    media_id          uuid primary key,
    uploader_id       uuid   not null,
    purpose           text   not null,
    kind              text   not null,
    status            text   not null,
    content_type      text   not null,
    size_bytes        bigint not null,
    width             int,
    height            int,
    duration_ms       bigint,
    waveform          int[],
    variants          jsonb  not null default '[]',
    rejection_reason  text,
    attachment_kind   text,
    attachment_target uuid,
    attachment_scope  uuid,
    uploaded_at       timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);

create index media_by_attachment on media (attachment_kind, attachment_target);
