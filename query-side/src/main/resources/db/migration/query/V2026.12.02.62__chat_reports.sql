-- The console's moderation queue: reported messages. A report is handled by the events that settle
-- it (the message deleted, its author banned from the conversation); the message's text is read
-- from chat_messages, so an erased message shows no text here either.
create table chat_reports (
    report_id       uuid primary key,
    conversation_id uuid not null,
    message_id      uuid not null,
    reported_by     uuid not null,
    author_id       uuid,
    reason          varchar(16) not null,
    note            text,
    reported_at     timestamp with time zone not null,
    status          varchar(16) not null,
    handled_because varchar(16),
    handled_at      timestamp with time zone
);
create index chat_reports_message on chat_reports (message_id);
create index chat_reports_author on chat_reports (conversation_id, author_id);
-- Pages newest first, in one status or all.
create index chat_reports_status on chat_reports (status, reported_at, report_id);
create index chat_reports_newest on chat_reports (reported_at, report_id);
