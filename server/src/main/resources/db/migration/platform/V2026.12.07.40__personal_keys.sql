-- Each user's personal key, kept outside the event stream: personal fields of events are sealed with it
-- (AES-256-GCM) by the event serializer. Erasure destroys the key and keeps the row as a tombstone
-- (key_bytes null, destroyed_at set), so that nothing sealed for the user later gets a new key: whatever
-- still arrives for an erased user is stored as erased. Written and read by every role.
create table personal_keys (
    owner_id     uuid primary key,
    key_bytes    bytea,
    created_at   timestamptz not null default now(),
    destroyed_at timestamptz,
    constraint personal_keys_destroyed_has_no_key check ((key_bytes is null) = (destroyed_at is not null))
);

-- Whose message each content key seals, so that a user's erasure destroys the keys of every message they
-- wrote. Keys made before this column existed learn their author from the chat's read model, which holds
-- every message's sender; a message it has not projected yet keeps its key until the message is deleted.
alter table content_keys add column author_id uuid;
update content_keys k set author_id = m.sender_id from chat_messages m where m.message_id = k.key_id;
create index content_keys_author on content_keys (author_id);
