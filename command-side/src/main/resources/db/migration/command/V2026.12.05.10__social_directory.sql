-- What other contexts ask of the social graph before they act (see SocialDirectory), written in the
-- transaction of the event that changed it.
create table social_blocks (
    blocker_id uuid not null,
    blocked_id uuid not null,
    primary key (blocker_id, blocked_id)
);
create table social_guest_bans (
    host_id  uuid not null,
    guest_id uuid not null,
    primary key (host_id, guest_id)
);
-- Only users who changed their privacy settings have a row; the others keep the defaults.
create table social_privacy (
    user_id           uuid primary key,
    approve_followers boolean not null
);
