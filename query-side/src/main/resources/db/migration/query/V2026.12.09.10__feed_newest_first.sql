-- A reader who follows many hosts has their feed page found by walking every upcoming gathering newest first and keeping
-- those of hosts they follow (Feed): this index is that walk, read from the index alone.
create index feed_gatherings_newest on feed_gatherings (published_at desc, gathering_id desc) include (host_id, starts_at)
    where published_at is not null;

-- The walk asks, for each gathering it passes, whether the reader follows its host: one probe of the primary key, which
-- now carries the state too, so that the probe never reads the table.
alter table follows drop constraint follows_pkey,
    add constraint follows_pkey primary key (follower_id, followee_id) include (state);
