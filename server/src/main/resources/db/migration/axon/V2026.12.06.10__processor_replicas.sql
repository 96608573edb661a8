-- Which processes run each streaming event processor, refreshed every few seconds (SegmentBalancer): a process
-- that holds more than its share of a processor's segments gives one back, so a second replica takes a share.
create table processor_replicas (
    processor_name varchar(255) not null,
    node_id        varchar(255) not null,
    seen_at        timestamptz  not null,
    primary key (processor_name, node_id)
);
