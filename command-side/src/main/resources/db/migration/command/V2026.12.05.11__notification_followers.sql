-- Who follows whom and wants to hear of what they publish, as the notification planner reads it (SocialNotices),
-- kept in the planner's own processing group so a publication reaches the followers as they stood at that point.
create table notification_followers (
    followee_id       uuid not null,
    follower_id       uuid not null,
    notify_on_publish boolean not null,
    primary key (followee_id, follower_id)
);
create index notification_followers_notified on notification_followers (followee_id) where notify_on_publish;
