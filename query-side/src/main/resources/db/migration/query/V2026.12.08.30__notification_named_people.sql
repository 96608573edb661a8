-- Whose names the notifications show besides their recipients' (who followed, who posted, who booked, who wrote), so that
-- a person's erasure takes their name out of everyone else's inbox (NotificationProjection). A row is dropped once its
-- name is taken out.
create table notification_named_people (
    notification_id uuid not null,
    user_id         uuid not null,
    name            text not null,
    primary key (notification_id, user_id)
);
create index notification_named_people_user on notification_named_people (user_id);

-- Everyone erased so far: a notification naming one of them that arrives later (planned before the erasure, projected
-- after it) loses the name as it is projected.
create table notification_erased_people (
    user_id uuid primary key
);

-- Notifications planned before their data named people by id learn them from what they do say: the actor's id where
-- it is there, the booking's guest, a chat's latest author before the digest.
insert into notification_named_people (notification_id, user_id, name)
select notification_id, (data ->> 'actorId')::uuid, data ->> 'actorName' from notifications
where data ->> 'actorId' is not null and coalesce(data ->> 'actorName', '') <> ''
on conflict do nothing;
insert into notification_named_people (notification_id, user_id, name)
select n.notification_id, b.guest_id, n.data ->> 'guestName' from notifications n join bookings b on b.booking_id = (n.data ->> 'bookingId')::uuid
where n.kind = 'NEW_BOOKING' and coalesce(n.data ->> 'guestName', '') <> ''
on conflict do nothing;
insert into notification_named_people (notification_id, user_id, name)
select n.notification_id, latest.sender_id, n.data ->> 'actorName' from notifications n
cross join lateral (select m.sender_id from chat_messages m
                    where m.conversation_id = (n.data ->> 'conversationId')::uuid and m.created_at <= n.created_at and m.sender_id is not null
                    order by m.seq desc limit 1) latest
where n.kind = 'CHAT_UNREAD' and n.data ->> 'actorId' is null and coalesce(n.data ->> 'actorName', '') <> ''
on conflict do nothing;

-- And those erased already lose their names now (each of these notifications names one person).
insert into notification_erased_people (user_id) select user_id from user_profiles where email = '[erased]';
update notifications n set title = replace(n.title, p.name, '[erased]'), body = replace(n.body, p.name, '[erased]'),
    data = (select coalesce(jsonb_object_agg(key, case when value = p.name then '[erased]' else value end), '{}') from jsonb_each_text(n.data))
from notification_named_people p join notification_erased_people e on e.user_id = p.user_id
where p.notification_id = n.notification_id;
delete from notification_named_people p using notification_erased_people e where e.user_id = p.user_id;
