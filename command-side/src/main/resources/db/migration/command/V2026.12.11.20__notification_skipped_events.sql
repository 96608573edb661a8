-- Events a notification processor gave up on (NotificationStepFailures): one that failed the same way every time
-- would otherwise stop every notification behind it. Kept for staff: what was not told, and why.
create table notification_skipped_events (
    processing_group varchar(64)  not null,
    event_id         varchar(255) not null,
    event_type       varchar(255) not null,
    failures         integer      not null,
    error            varchar(1024) not null,
    skipped_at       timestamptz  not null,
    primary key (processing_group, event_id)
);
