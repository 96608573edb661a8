-- Each reporter's open report of a user or gathering (see OpenReports): written in the transaction of the
-- report's events, so the unique key refuses a second open report of the same target by the same reporter.
create table open_reports (
    report_id   uuid primary key,
    reported_by uuid not null,
    target_type varchar(16) not null,
    target_id   uuid not null,
    unique (reported_by, target_type, target_id)
);
