-- The social graph as people read it (processing group "social").

-- A follow, or a request to follow while state is REQUESTED. since: when the follow began (its approval for a
-- request that was approved), or when the request was made.
create table follows (
    follower_id       uuid not null,
    followee_id       uuid not null,
    state             varchar(16) not null check (state in ('FOLLOWING', 'REQUESTED')),
    notify_on_publish boolean not null,
    since             timestamp with time zone not null,
    primary key (follower_id, followee_id)
);
-- A user's followers or pending requests, newest first (keyset on since, follower_id).
create index follows_followers on follows (followee_id, state, since desc, follower_id desc);
-- Whom a user follows, newest first; also the feed's first step (followees of one reader, state FOLLOWING).
create index follows_following on follows (follower_id, state, since desc, followee_id desc);

-- Kept by counting changed rows only: a follow that really began adds one, one that really ended takes one.
create table follow_counts (
    user_id   uuid primary key,
    followers bigint not null default 0 check (followers >= 0),
    following bigint not null default 0 check (following >= 0)
);

create table user_blocks (
    blocker_id uuid not null,
    blocked_id uuid not null,
    blocked_at timestamp with time zone not null,
    primary key (blocker_id, blocked_id)
);
-- "Who blocked me", asked of every profile, list and feed read the other way round.
create index user_blocks_blocked on user_blocks (blocked_id, blocker_id);
create index user_blocks_newest_first on user_blocks (blocker_id, blocked_at desc, blocked_id desc);

create table guest_bans (
    host_id   uuid not null,
    guest_id  uuid not null,
    reason    text,
    banned_at timestamp with time zone not null,
    primary key (host_id, guest_id)
);
create index guest_bans_newest_first on guest_bans (host_id, banned_at desc, guest_id desc);

-- Only users who changed their settings have a row; everyone else has PrivacySettings.DEFAULTS.
create table privacy_settings (
    user_id           uuid primary key,
    approve_followers boolean not null,
    followers_visible boolean not null,
    following_visible boolean not null,
    changed_at        timestamp with time zone not null
);

-- The feed's own copy of what it needs to choose gatherings (fan-out on read, see docs/architecture.md "Feed"):
-- gatherings from their creation (published_at null while a draft) until they end or are cancelled, when the row
-- goes, so it stays small: a host's few upcoming gatherings. Titles, covers, prices and seats are read from the
-- gatherings read model for one page only.
create table feed_gatherings (
    gathering_id uuid primary key,
    host_id      uuid not null,
    starts_at    timestamp with time zone not null,
    published_at timestamp with time zone
);
-- A followed host's published gatherings newest first: one short index range per followed host, read from the index
-- alone (starts_at included, to leave out those that started).
create index feed_gatherings_by_host on feed_gatherings (host_id, published_at desc, gathering_id desc) include (starts_at)
    where published_at is not null;
