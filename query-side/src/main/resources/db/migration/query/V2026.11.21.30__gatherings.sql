-- Free text is stored as text without a length limit: the command side validates input, and a
-- projection must never refuse an event that has already happened.
create table gatherings (
    id                       uuid primary key,
    host_id                  uuid not null,
    title                    text not null,
    description              text not null,
    starts_at                timestamp with time zone not null,
    ends_at                  timestamp with time zone not null,
    timezone                 text not null,
    venue_name               text,
    venue_address            text,
    venue_latitude           double precision,
    venue_longitude          double precision,
    online                   boolean not null,
    tags                     text[] not null,
    refund_full_hours_before integer not null,
    status                   varchar(16) not null,
    rating_sum               bigint not null default 0,
    rating_count             integer not null default 0,
    created_at               timestamp with time zone not null,
    -- 'simple' neither stems nor drops stop words: gatherings are written in many languages.
    search_vector            tsvector generated always as (
                                 setweight(to_tsvector('simple', title), 'A')
                                 || setweight(to_tsvector('simple', description), 'B')) stored
);
-- Discovery pages through published gatherings by (starts_at, id).
create index gatherings_discovery on gatherings (status, starts_at, id);
create index gatherings_host on gatherings (host_id);
create index gatherings_tags on gatherings using gin (tags);
create index gatherings_search on gatherings using gin (search_vector);

create table gathering_tiers (
    gathering_id   uuid not null references gatherings (id) on delete cascade,
    tier_id        uuid not null,
    position       integer not null,
    name           text not null,
    price_amount   bigint not null,
    price_currency varchar(3) not null,
    capacity       integer not null,
    held           integer not null default 0 check (held >= 0),
    confirmed      integer not null default 0 check (confirmed >= 0),
    primary key (gathering_id, tier_id)
);

create table reviews (
    gathering_id uuid not null,
    guest_id     uuid not null,
    host_id      uuid not null,
    rating       integer not null check (rating between 1 and 5),
    text         text not null,
    created_at   timestamp with time zone not null,
    primary key (gathering_id, guest_id)
);
-- A gathering's reviews are read newest first.
create index reviews_newest_first on reviews (gathering_id, created_at desc, guest_id desc);
