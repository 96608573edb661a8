-- The causal timelines of bookings, hosts, payouts, users, gatherings and payments (processor audit-timeline).
-- Only where each story's events are: the events themselves are read from the event store.

-- Every indexed event once, by its place in the store's global order, with what reads it back.
create table audit_timeline_events (
    global_index    bigint primary key,
    event_id        text   not null unique,
    aggregate_type  text   not null,
    aggregate_id    text   not null,
    sequence_number bigint not null
);

-- Each event under every subject it concerns ("booking:{id}", "earnings:{gatheringId}", ...).
create table audit_timeline_entries (
    subject      text   not null,
    global_index bigint not null,
    primary key (subject, global_index)
);
create index audit_timeline_entries_by_event on audit_timeline_entries (global_index);

-- A payment belongs to its booking, a refund or dispute to its payment and booking: learnt from the events that
-- name them together, applied to later events that name only the child.
create table audit_subject_parents (
    child  text not null,
    parent text not null,
    primary key (child, parent)
);

-- Stories that include another's, read at query time: a booking its gathering's earnings, those earnings the
-- payouts that paid them out, a payout the earnings it paid out.
create table audit_subject_links (
    from_subject text not null,
    to_subject   text not null,
    primary key (from_subject, to_subject)
);

-- Each host's available balance per currency as first-in-first-out lots (AvailableLots), in lot_id order.
create table audit_available_lots (
    lot_id          bigserial primary key,
    host_id         text   not null,
    currency        text   not null,
    gathering_id    text,
    remaining_minor bigint not null
);
create index audit_available_lots_by_host on audit_available_lots (host_id, currency, lot_id);

-- What each payout took from which gathering's earnings, in the order it took them.
create table audit_payout_coverage (
    coverage_id  bigserial primary key,
    payout_id    text   not null,
    gathering_id text   not null,
    currency     text   not null,
    amount_minor bigint not null
);
create index audit_payout_coverage_by_payout on audit_payout_coverage (payout_id, coverage_id);
