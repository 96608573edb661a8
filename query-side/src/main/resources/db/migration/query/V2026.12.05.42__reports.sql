-- Reports of users and gatherings in support's moderation queue (chat_reports keeps the message reports;
-- the queue reads both). subject_id is whom the report is about: the reported user, or the gathering's host.
-- Names and titles are read when the queue is, so they show as they are now.
create table reports (
    report_id     uuid primary key,
    target_type   varchar(16) not null,
    target_id     uuid not null,
    subject_id    uuid not null,
    reported_by   uuid not null,
    reason        varchar(16) not null,
    note          text,
    reported_at   timestamp with time zone not null,
    status        varchar(16) not null,
    outcome       varchar(16),
    handled_by    uuid,
    handling_note text,
    handled_at    timestamp with time zone
);
-- Pages newest first: all, in one status, of one target type, or both.
create index reports_newest on reports (reported_at, report_id);
create index reports_status on reports (status, reported_at, report_id);
create index reports_target_type on reports (target_type, status, reported_at, report_id);
