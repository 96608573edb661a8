-- A stored provider event is applied in one transaction that holds its row's lock (select ... for update skip locked),
-- no longer under a lease written in a transaction of its own.
alter table provider_events drop column leased_until;
