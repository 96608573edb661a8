-- Reports each user filed in the last day, of any kind (see ReportQuota): a row per report, taken just
-- before the report is filed and given back when it is refused or turns out to be a repeat.
create table report_quota_uses (
    report_id   uuid primary key,
    reporter_id uuid not null,
    filed_at    timestamp with time zone not null
);
create index report_quota_uses_reporter on report_quota_uses (reporter_id, filed_at);
