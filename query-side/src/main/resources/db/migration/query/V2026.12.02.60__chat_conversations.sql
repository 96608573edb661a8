-- Conversations and their members as members read them. Every row a member's listing depends on
-- records the transaction that last changed it (changed_xid, PostgreSQL's 64-bit transaction id):
-- a sync token is the oldest transaction still running when a listing was read, so "changed since"
-- is changed_xid >= token, and a change committed while the listing was read is never missed.
create table chat_conversations (
    conversation_id   uuid primary key,
    kind              varchar(16) not null,
    -- a group's own title; a gathering's conversation is shown with the gathering's title, a direct one with the other member's name
    title             text,
    gathering_id      uuid,
    owner_id          uuid,
    slow_mode_seconds integer not null default 0,
    read_only         boolean not null default false,
    -- the seq of the last change applied: the projection applies seq + 1 next, and nothing at or below it again
    last_seq          bigint not null check (last_seq >= 1),
    last_message_id   uuid,
    member_count      integer not null default 0,
    created_at        timestamp with time zone not null,
    -- when the last message was posted (or the conversation began): listings show the most recent first
    activity_at       timestamp with time zone not null,
    changed_xid       xid8 not null default pg_current_xact_id()
);
create index chat_conversations_gathering on chat_conversations (gathering_id) where gathering_id is not null;

-- A row per user who ever was a member; removed members keep theirs, so a sync can tell them they left.
create table chat_members (
    conversation_id uuid not null references chat_conversations (conversation_id) on delete cascade,
    user_id         uuid not null,
    role            varchar(8) not null,
    joined_at       timestamp with time zone not null,
    removed         boolean not null default false,
    removed_at      timestamp with time zone,
    removed_seq     bigint,
    removal_reason  varchar(16),
    -- the member's read marker: only ever moves up, and never past the conversation's last_seq
    last_read_seq   bigint not null default 0 check (last_read_seq >= 0),
    changed_xid     xid8 not null default pg_current_xact_id(),
    primary key (conversation_id, user_id)
);
create index chat_members_user on chat_members (user_id, conversation_id);

-- Who may read but not post, until when (null: for good). Not a member change, so it takes no seq.
create table chat_mutes (
    conversation_id uuid not null,
    user_id         uuid not null,
    until           timestamp with time zone,
    reason          text not null,
    muted_by        uuid not null,
    muted_at        timestamp with time zone not null,
    primary key (conversation_id, user_id)
);

-- Who may not take part, until when (null: for good).
create table chat_bans (
    conversation_id uuid not null,
    user_id         uuid not null,
    until           timestamp with time zone,
    reason          text not null,
    banned_by       uuid not null,
    banned_at       timestamp with time zone not null,
    primary key (conversation_id, user_id)
);
