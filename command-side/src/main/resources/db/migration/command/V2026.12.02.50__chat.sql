-- Which conversation holds a message: the message's own REST paths (/api/messages/{id}) name no conversation.
create table chat_message_lookup (
    message_id      uuid primary key,
    conversation_id uuid not null
);

-- The confirmed bookings of each guest per gathering, as the chat membership process has seen them:
-- a guest leaves a gathering's conversation only when their last confirmed booking ends.
create table chat_gathering_guests (
    gathering_id uuid not null,
    guest_id     uuid not null,
    booking_id   uuid not null,
    primary key (gathering_id, guest_id, booking_id)
);
create unique index chat_gathering_guests_booking on chat_gathering_guests (booking_id);

-- The gathering of each gathering conversation, for events that name only the conversation.
create table chat_gathering_conversations (
    conversation_id uuid primary key,
    gathering_id    uuid not null
);
