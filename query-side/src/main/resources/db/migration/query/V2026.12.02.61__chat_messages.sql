-- Messages with their text opened (the projection reads each message's key once). A deleted message
-- keeps its row, who deleted it and when, but its text, media and reminder text are erased.
create table chat_messages (
    message_id          uuid primary key,
    conversation_id     uuid not null references chat_conversations (conversation_id) on delete cascade,
    seq                 bigint not null,
    sender_id           uuid,
    type                varchar(16) not null,
    text                text,
    media_ids           uuid[] not null default '{}',
    gathering_id        uuid,
    reminder_at         timestamp with time zone,
    reminder_text       text,
    reminder_fired_at   timestamp with time zone,
    reply_to_message_id uuid,
    edited_at           timestamp with time zone,
    deleted             boolean not null default false,
    deleted_by          uuid,
    deleted_at          timestamp with time zone,
    created_at          timestamp with time zone not null,
    -- pages newest first by seq, and unread counts (seq after a marker) read this index
    unique (conversation_id, seq)
);

create table chat_reactions (
    message_id      uuid not null references chat_messages (message_id) on delete cascade,
    user_id         uuid not null,
    emoji           text not null,
    reacted_at      timestamp with time zone not null,
    primary key (message_id, user_id, emoji)
);

-- One row per seq of a conversation, what it changed: /changes reads it, gapless and without duplicates.
create table chat_changes (
    conversation_id uuid not null references chat_conversations (conversation_id) on delete cascade,
    seq             bigint not null,
    type            varchar(32) not null,
    message_id      uuid,
    at              timestamp with time zone not null,
    primary key (conversation_id, seq)
);
