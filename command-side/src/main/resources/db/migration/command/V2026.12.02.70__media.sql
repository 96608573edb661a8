-- Media (issue 16). The bytes live in the object store; these tables hold what the command side decides with.

-- Each user's uploads per UTC day, counted and checked in one statement (UploadQuota).
create table media_upload_quota (
    user_id uuid   not null,
    day     date   not null,
    files   int    not null,
    bytes   bigint not null,
    primary key (user_id, day)
);

-- The medium each avatar and gathering cover shows now, so that a new one deletes the one it replaces (MediaLifecycle).
create table media_shown (
    attachment_kind text not null,
    target_id       uuid not null,
    media_id        uuid not null,
    primary key (attachment_kind, target_id)
);
