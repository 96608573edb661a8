-- Each member's unread count in the conversation, kept by the chat projection in the same transaction
-- as the change that moves it: a message posted (+1 for the other members), a message deleted (-1 for
-- those it counted for), a read marker moved (counted again from the messages). Every writer first holds
-- the conversation's row (the projection claims its seq there; a read marker locks it FOR SHARE), so the
-- count is always exactly the member's messages after their marker that others sent and nobody deleted.
-- Not kept for removed members (a member who joins again starts at zero, as every joining member does).
alter table chat_members add column unread bigint not null default 0;

update chat_members m
set unread = (select count(*) from chat_messages x
              where x.conversation_id = m.conversation_id and x.seq > m.last_read_seq
                and x.sender_id is distinct from m.user_id and not x.deleted)
where not m.removed;
